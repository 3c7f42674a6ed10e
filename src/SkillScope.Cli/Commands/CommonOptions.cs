using System.CommandLine;
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
    private readonly Option<string[]> seniority = Multi("--seniority", "intern|junior|mid|senior|lead|executive|unknown (any case)");
    private readonly Option<string[]> country = Multi("--country", "ISO 3166-1 alpha-2 country code, e.g. US");
    private readonly Option<string[]> arrangement = Multi("--arrangement", "remote|hybrid|onsite|unknown");
    private readonly Option<string[]> employmentType = Multi("--employment-type", "full_time|part_time|contract|internship|temporary|other|unknown");
    private readonly Option<string[]> source = Multi("--source", "source name stored at ingest, any case (e.g. ai-jobs.net, usajobs; an unknown one lists them)");
    private readonly Option<string?> since = new("--since") { Description = "Only records whose period ends on or after this date (YYYY-MM-DD or YYYY)" };
    private readonly Option<string?> until = new("--until") { Description = "Only records whose period starts on or before this date (YYYY-MM-DD or YYYY)" };

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[kind, role, seniority, country, arrangement, employmentType, source, since, until])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The filters as given, checked by <see cref="FilterRules"/> (the API checks them the same way).</summary>
    public RecordFilter Read(ParseResult result)
    {
        var input = new FilterInput
        {
            Kinds = Values(result, kind),
            Roles = Values(result, role),
            Seniorities = Values(result, seniority),
            Countries = Values(result, country),
            Arrangements = Values(result, arrangement),
            EmploymentTypes = Values(result, employmentType),
            Sources = Values(result, source),
            Since = result.GetValue(since),
            Until = result.GetValue(until),
        };
        return FilterRules.TryBuild(input, out var filter, out var error) ? filter : throw new CliError(error.Render(OptionName));
    }

    /// <summary>The filter's sources as stored, or an error that lists the stored ones.</summary>
    public static RecordFilter MatchSources(RecordFilter filter, SkillStore store) =>
        filter.Sources.Count == 0 ? filter
        : FilterRules.TryMatchSources(filter, StoreCatalog.Sources(store), out var matched, out var error) ? matched
        : throw new CliError(error.Render(OptionName));

    /// <summary>Says on standard error why a report is empty and what would find data (stdout keeps the report as it is).</summary>
    public static void WriteEmptyHint(CliContext context, string what, string hint) =>
        context.Error.WriteLine($"skillscope: {what}: {Rendering.Terminal.Safe(FilterRules.RenderFields(hint, OptionName))}");

    /// <summary>The CLI option of a filter field: employmentType is --employment-type.</summary>
    public static string OptionName(string field) =>
        "--" + string.Concat(field.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));

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
}
