using System.Globalization;
using System.Text;
using System.Data.Common;

namespace SkillScope.Store;

/// <summary>
/// Which records a report covers. Values within one filter are ORed, filters are ANDed.
/// Dates compare with the period a record speaks for (posting date; survey year).
/// </summary>
public sealed record RecordFilter
{
    public IReadOnlyList<string> Kinds { get; init; } = [];
    public IReadOnlyList<string> Roles { get; init; } = [];
    public IReadOnlyList<string> Seniorities { get; init; } = [];
    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<string> WorkArrangements { get; init; } = [];
    public IReadOnlyList<string> EmploymentTypes { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];
    /// <summary>Postings whose text is of these kinds (Normalize.TextKinds: full, snippet, summary, none); empty: any.</summary>
    public IReadOnlyList<string> TextKinds { get; init; } = [];
    public DateOnly? Since { get; init; }
    public DateOnly? Until { get; init; }

    public static RecordFilter None { get; } = new();

    /// <summary>
    /// Whether a record read as a <see cref="MarketFact"/> passes the filter: the condition of <see cref="ToSql"/>, in
    /// memory (a value the record lacks never matches, as NULL never does in SQL; dates compare as ISO text).
    /// </summary>
    public Func<MarketFact, bool> ToPredicate()
    {
        var since = Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var until = Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return fact =>
        {
            var row = fact.Row;
            return In(Kinds, row.Kind) && In(Roles, row.Role) && In(Seniorities, row.Seniority) && In(Countries, row.Country)
                && In(WorkArrangements, row.WorkArrangement) && In(EmploymentTypes, row.EmploymentType) && In(TextKinds, fact.TextKind)
                && (Sources.Count == 0 || fact.Sources.Any(s => In(Sources, s)))
                && (since is null || (row.PeriodEnd is { } end && string.CompareOrdinal(end, since) >= 0))
                && (until is null || (row.PeriodStart is { } start && string.CompareOrdinal(start, until) <= 0));
        };

        static bool In(IReadOnlyList<string> values, string? value)
        {
            if (values.Count == 0)
            {
                return true;
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (string.Equals(values[i], value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A SQL condition over <c>records</c> aliased <c>r</c>, with its parameters added to <paramref name="command"/>.</summary>
    internal string ToSql(DbCommand command)
    {
        var sql = new StringBuilder("1 = 1");
        var index = 0;
        In("r.kind", Kinds);
        In("r.role", Roles);
        In("r.seniority", Seniorities);
        In("r.country", Countries);
        In("r.work_arrangement", WorkArrangements);
        In("r.employment_type", EmploymentTypes);
        In("r.text_kind", TextKinds);
        if (Sources.Count > 0)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM record_sources s WHERE s.record_id = r.id AND s.source IN (")
               .Append(string.Join(", ", Sources.Select(Parameter))).Append("))");
        }

        if (Since is { } since)
        {
            sql.Append(" AND r.period_end >= ").Append(Parameter(since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (Until is { } until)
        {
            sql.Append(" AND r.period_start <= ").Append(Parameter(until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return sql.ToString();

        void In(string column, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                sql.Append(" AND ").Append(column).Append(" IN (").Append(string.Join(", ", values.Select(Parameter))).Append(')');
            }
        }

        string Parameter(string value)
        {
            var name = "@f" + index++.ToString(CultureInfo.InvariantCulture);
            Sql.Add(command, name, value);
            return name;
        }
    }
}
