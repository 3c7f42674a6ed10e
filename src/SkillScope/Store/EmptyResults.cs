using System.Globalization;
using SkillScope.Model;

namespace SkillScope.Store;

/// <summary>
/// What would find data when a report comes out empty: the other record kind, or the one filter that emptied it
/// (dropped, the rest of the filters match). Messages name filters as <c>{field}</c> tokens (API names), which the CLI
/// renders as options and the API as parameters (<see cref="FilterRules.RenderFields"/>).
/// </summary>
public static class EmptyResults
{
    /// <summary>
    /// Why no usable salary of the report's kind matches <paramref name="filter"/> and what would match, or null when
    /// some do. <paramref name="kind"/> is the kind the report read (salary_report unless the filter says posting).
    /// </summary>
    public static string? ForSalaries(SkillStore store, RecordFilter filter, string kind, bool excludeEstimates)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Explain(filter with { Kinds = [kind] }, f => UsableSalaries(store, f, excludeEstimates), "usable salaries",
            kind == RecordKinds.Posting ? RecordKinds.SalaryReport : RecordKinds.Posting);
    }

    /// <summary>Why no record matches <paramref name="filter"/> (postings, when <paramref name="postingsOnly"/>), or null when some do.</summary>
    public static string? ForRecords(SkillStore store, RecordFilter filter, bool postingsOnly = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var scoped = postingsOnly ? filter with { Kinds = [RecordKinds.Posting] } : filter;
        return Explain(scoped, f => Records(store, f), postingsOnly ? "postings" : "records", otherKind: null);
    }

    /// <summary>Records of the filter's kinds with a usable salary (not flagged; not estimated when asked).</summary>
    public static long UsableSalaries(SkillStore store, RecordFilter filter, bool excludeEstimates)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        using var command = store.Command("");
        command.CommandText = $"""
            SELECT COUNT(*) FROM records r
            WHERE {filter.ToSql(command)} AND r.salary_usd > 0 AND r.salary_flag IS NULL {(excludeEstimates ? "AND r.salary_is_estimate = 0" : "")}
            """;
        return Sql.Long(command.ExecuteScalar()!);
    }

    /// <summary>Records matching the filter.</summary>
    public static long Records(SkillStore store, RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        using var command = store.Command("");
        command.CommandText = $"SELECT COUNT(*) FROM records r WHERE {filter.ToSql(command)}";
        return Sql.Long(command.ExecuteScalar()!);
    }

    // The hint, when count(filter) is 0: the other kind under the same filters; else each filter that, dropped alone,
    // finds data (largest first); else what the store holds of the kind at all.
    private static string? Explain(RecordFilter filter, Func<RecordFilter, long> count, string unit, string? otherKind)
    {
        if (count(filter) > 0)
        {
            return null;
        }

        if (otherKind is not null && count(filter with { Kinds = [otherKind] }) is var other and > 0)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"none of kind {string.Join(",", filter.Kinds)}; {{kind}} {otherKind} has {other:N0} {unit} with the same filters");
        }

        var dropped = new List<(string Text, long Count)>();
        foreach (var (field, values, without) in Dimensions(filter))
        {
            if (values.Length > 0 && count(without) is var n and > 0)
            {
                dropped.Add(($"{{{field}}} {values}", n));
            }
        }

        if (dropped.Count > 0)
        {
            return string.Join("; ", dropped.OrderByDescending(d => d.Count).Take(3)
                .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Text} emptied it: without it, {d.Count:N0} {unit} match")));
        }

        var kindOnly = RecordFilter.None with { Kinds = filter.Kinds };
        return count(kindOnly) is var all and > 0
            ? string.Create(CultureInfo.InvariantCulture, $"no single filter emptied it (the filters together do); without any, {all:N0} {unit} match")
            : filter.Kinds.Count > 0
                ? $"the store holds no {unit} of kind {string.Join(",", filter.Kinds)}: ingest some first (see 'skillscope ingest --help')"
                : $"the store holds no {unit}: ingest some first (see 'skillscope ingest --help')";
    }

    private static IEnumerable<(string Field, string Values, RecordFilter Without)> Dimensions(RecordFilter f)
    {
        yield return ("role", string.Join(",", f.Roles), f with { Roles = [] });
        yield return ("seniority", string.Join(",", f.Seniorities), f with { Seniorities = [] });
        yield return ("country", string.Join(",", f.Countries), f with { Countries = [] });
        yield return ("arrangement", string.Join(",", f.WorkArrangements), f with { WorkArrangements = [] });
        yield return ("employmentType", string.Join(",", f.EmploymentTypes), f with { EmploymentTypes = [] });
        yield return ("source", string.Join(",", f.Sources), f with { Sources = [] });
        yield return ("textKind", string.Join(",", f.TextKinds), f with { TextKinds = [] });
        yield return ("since", f.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", f with { Since = null });
        yield return ("until", f.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", f with { Until = null });
    }
}
