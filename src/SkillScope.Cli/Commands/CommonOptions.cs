using System.CommandLine;
using System.Globalization;
using SkillScope.Store;

namespace SkillScope.Cli.Commands;

internal static class CommonOptions
{
    /// <summary>
    /// Runs a long command off the invoking thread so Ctrl-C can cancel its token while it works; the
    /// command then finishes its current unit (a batch), reports, and returns.
    /// </summary>
    public static void SetCancellableAction(this Command command, Func<ParseResult, CancellationToken, int> action) =>
        command.SetAction((result, cancellation) => Task.Run(() => action(result, cancellation), CancellationToken.None));

    public static Option<string?> Db() => new("--db")
    {
        Description = $"SQLite database file or postgresql://user@host:port/database URL (default: ${Store.SkillStore.PathEnvironmentVariable} or ./{Store.SkillStore.DefaultFileName}); created on first use",
    };

    public static Option<string> OutputFormat(params string[] allowed)
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: " + string.Join("|", allowed),
            DefaultValueFactory = _ => allowed[0],
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}

/// <summary>The record filters shared by every report: each accepts several values (repeated or comma-separated), ORed.</summary>
internal sealed class FilterOptions
{
    private readonly Option<string[]> kind = Multi("--kind", "posting|salary_report");
    private readonly Option<string[]> role = Multi("--role", "role id, e.g. ml_engineer, data_scientist");
    private readonly Option<string[]> seniority = Multi("--seniority", "intern|junior|mid|senior|lead|executive|unknown");
    private readonly Option<string[]> country = Multi("--country", "ISO 3166-1 alpha-2 country code, e.g. US");
    private readonly Option<string[]> arrangement = Multi("--arrangement", "remote|hybrid|onsite|unknown");
    private readonly Option<string[]> employmentType = Multi("--employment-type", "full_time|part_time|contract|internship|temporary|other|unknown");
    private readonly Option<string[]> source = Multi("--source", "source name given at ingest (e.g. aijobs, usajobs)");
    private readonly Option<string?> since = new("--since") { Description = "Only records whose period ends on or after this date (YYYY-MM-DD or YYYY)" };
    private readonly Option<string?> until = new("--until") { Description = "Only records whose period starts on or before this date (YYYY-MM-DD or YYYY)" };

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[kind, role, seniority, country, arrangement, employmentType, source, since, until])
        {
            command.Options.Add(option);
        }
    }

    public RecordFilter Read(ParseResult result)
    {
        var filter = new RecordFilter
        {
            Kinds = Values(result, kind),
            Roles = Values(result, role),
            Seniorities = Values(result, seniority),
            Countries = Values(result, country).Select(c => c.ToUpperInvariant()).ToArray(),
            WorkArrangements = Values(result, arrangement),
            EmploymentTypes = Values(result, employmentType),
            Sources = Values(result, source),
            Since = Date(result.GetValue(since), "--since", endOfYear: false),
            Until = Date(result.GetValue(until), "--until", endOfYear: true),
        };
        return filter.Validate() is { } problem ? throw new CliError(problem) : filter;
    }

    private static Option<string[]> Multi(string name, string description) => new(name)
    {
        Description = description + " (repeat or comma-separate for several)",
        AllowMultipleArgumentsPerToken = true,
    };

    private static string[] Values(ParseResult result, Option<string[]> option) =>
        (result.GetValue(option) ?? [])
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static DateOnly? Date(string? text, string option, bool endOfYear)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200)
        {
            return endOfYear ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
        }

        throw new CliError($"{option} '{text}' is not a date; use YYYY-MM-DD or YYYY");
    }
}
