using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SkillScope.Model;

namespace SkillScope.Store;

/// <summary>
/// A value a user gave that cannot be used: the field (an API name such as "employmentType") and a message that
/// does not name it. The CLI renders it as an option error ("--employment-type 'gig' is not known; ..."), the API as
/// a problem naming the parameter; "{other}" tokens in the message name another field the same way.
/// </summary>
public sealed record FieldError(string Field, string Message)
{
    /// <summary>The message with its field, each field written as <paramref name="name"/> says (a CLI option, a query parameter).</summary>
    public string Render(Func<string, string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name(Field) + " " + FilterRules.RenderFields(Message, name);
    }
}

/// <summary>The record filters as the user typed them (several values each; ids in any case).</summary>
public sealed record FilterInput
{
    public IReadOnlyList<string> Kinds { get; init; } = [];
    public IReadOnlyList<string> Roles { get; init; } = [];
    public IReadOnlyList<string> Seniorities { get; init; } = [];
    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<string> Arrangements { get; init; } = [];
    public IReadOnlyList<string> EmploymentTypes { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];
    public string? Since { get; init; }
    public string? Until { get; init; }
}

/// <summary>
/// The one place the record filters are checked, for the CLI and the API alike: ids match without regard to case
/// (and '-' for '_'), countries are ISO alpha-2, dates YYYY-MM-DD or YYYY, since not after until, and sources are
/// the names stored at ingest (a typo lists them instead of silently matching nothing).
/// </summary>
public static class FilterRules
{
    /// <summary>The fields, by their API names.</summary>
    public static readonly IReadOnlyList<string> Fields = ["kind", "role", "seniority", "country", "arrangement", "employmentType", "source", "since", "until"];

    /// <summary>A message with each <c>{field}</c> token written as <paramref name="name"/> says (a CLI option, a query parameter).</summary>
    public static string RenderFields(string message, Func<string, string> name)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(name);
        foreach (var field in (IEnumerable<string>)[.. Fields, "textKind"])
        {
            message = message.Replace("{" + field + "}", name(field), StringComparison.Ordinal);
        }

        return message;
    }

    public static bool TryBuild(FilterInput input, [NotNullWhen(true)] out RecordFilter? filter, [NotNullWhen(false)] out FieldError? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        filter = null;
        if (!TryIds("kind", input.Kinds, RecordKinds.All, out var kinds, out error)
            || !TryIds("role", input.Roles, Model.Roles.All, out var roles, out error)
            || !TryIds("seniority", input.Seniorities, Model.Seniorities.All, out var seniorities, out error)
            || !TryIds("arrangement", input.Arrangements, WorkArrangements.All, out var arrangements, out error)
            || !TryIds("employmentType", input.EmploymentTypes, Model.EmploymentTypes.All, out var employment, out error)
            || !TryDate("since", input.Since, endOfYear: false, out var since, out error)
            || !TryDate("until", input.Until, endOfYear: true, out var until, out error))
        {
            return false;
        }

        var countries = input.Countries.Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        if (countries.FirstOrDefault(c => c.Length != 2 || !c.All(char.IsAsciiLetterUpper)) is { } badCountry)
        {
            error = new FieldError("country", $"'{badCountry}' is not an ISO 3166-1 alpha-2 code (e.g. US, GB, DE)");
            return false;
        }

        if (since > until)
        {
            error = new FieldError("since", string.Create(CultureInfo.InvariantCulture, $"{since:yyyy-MM-dd} is after {{until}} {until:yyyy-MM-dd}"));
            return false;
        }

        filter = new RecordFilter
        {
            Kinds = kinds, Roles = roles, Seniorities = seniorities, Countries = countries, WorkArrangements = arrangements,
            EmploymentTypes = employment, Sources = [.. input.Sources.Distinct(StringComparer.Ordinal)], Since = since, Until = until,
        };
        return true;
    }

    /// <summary>
    /// The filter with each source written as stored (case aside), or an error listing the stored sources (and the
    /// closest one: "aijobs" suggests "ai-jobs.net").
    /// </summary>
    public static bool TryMatchSources(RecordFilter filter, IReadOnlyList<string> stored, [NotNullWhen(true)] out RecordFilter? matched, [NotNullWhen(false)] out FieldError? error)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(stored);
        (matched, error) = (null, null);
        var sources = new List<string>(filter.Sources.Count);
        foreach (var source in filter.Sources)
        {
            if (stored.FirstOrDefault(s => s.Equals(source, StringComparison.OrdinalIgnoreCase)) is { } known)
            {
                sources.Add(known);
                continue;
            }

            var key = Key(source);
            var close = stored.FirstOrDefault(s => key.Length > 0 && (Key(s).Contains(key, StringComparison.Ordinal) || key.Contains(Key(s), StringComparison.Ordinal)));
            error = new FieldError("source", stored.Count == 0
                ? $"'{source}' is not a stored source: the database has no records yet"
                : $"'{source}' is not a stored source{(close is null ? "" : $" (did you mean '{close}'?)")}; stored sources: {string.Join(", ", stored)}");
            return false;
        }

        matched = filter with { Sources = [.. sources.Distinct(StringComparer.Ordinal)] };
        return true;
    }

    private static bool TryIds(string field, IReadOnlyList<string> values, IReadOnlyList<string> allowed, out string[] ids, [NotNullWhen(false)] out FieldError? error)
    {
        (ids, error) = ([], null);
        var found = new List<string>(values.Count);
        foreach (var value in values)
        {
            var wanted = value.Trim().Replace('-', '_').Replace(' ', '_');
            if (allowed.FirstOrDefault(a => a.Equals(wanted, StringComparison.OrdinalIgnoreCase)) is not { } id)
            {
                error = new FieldError(field, $"'{value}' is not known; use one of: {string.Join(", ", allowed)}");
                return false;
            }

            found.Add(id);
        }

        ids = [.. found.Distinct(StringComparer.Ordinal)];
        return true;
    }

    private static bool TryDate(string field, string? text, bool endOfYear, out DateOnly? date, [NotNullWhen(false)] out FieldError? error)
    {
        (date, error) = (null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200)
        {
            date = endOfYear ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
            return true;
        }

        error = new FieldError(field, $"'{text}' is not a date; use YYYY-MM-DD or YYYY");
        return false;
    }

    private static string Key(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToUpperInvariant();
}
