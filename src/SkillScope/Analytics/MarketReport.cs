using SkillScope.Store;

namespace SkillScope.Analytics;

public sealed record CountShare(string Key, long Count, double Share);

public sealed record ReportPeriod(string? From, string? To);

/// <summary>The market overview. Property names are the stable JSON contract (camelCase).</summary>
public sealed record MarketReport
{
    public required long Total { get; init; }
    public required ReportPeriod Period { get; init; }
    public required IReadOnlyList<CountShare> ByKind { get; init; }
    public required IReadOnlyList<CountShare> BySeniority { get; init; }
    public required IReadOnlyList<CountShare> ByRole { get; init; }
    public required IReadOnlyList<CountShare> ByEmploymentType { get; init; }
    public required IReadOnlyList<CountShare> ByWorkArrangement { get; init; }
    public required IReadOnlyList<CountShare> TopCompanies { get; init; }
    public required IReadOnlyList<CountShare> TopCountries { get; init; }
    public required IReadOnlyList<CountShare> TopMetros { get; init; }
    public required SalarySummary SalaryUsd { get; init; }
    /// <summary>Records with a salary left out of <see cref="SalaryUsd"/> because it is flagged (implausible or unparsed).</summary>
    public required long SalaryFlagged { get; init; }
    /// <summary>Source appearances behind <see cref="Total"/>; minus Total, the duplicates merged.</summary>
    public required long SourceRows { get; init; }
    public required long DuplicatesMerged { get; init; }
}

public static class MarketAnalysis
{
    private const int TopCount = 10;

    // One pass over the matching records, counted here: ten GROUP BY scans would each sort the table.
    private enum Column { Kind, Seniority, Role, EmploymentType, WorkArrangement, Company, Country, Metro }

    public static MarketReport Compute(SkillStore store, RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        var columns = Enum.GetValues<Column>();
        var counts = columns.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
        var salaries = new List<double>();
        long total = 0, flagged = 0;
        string? from = null, to = null;

        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT r.kind, r.seniority, r.role, r.employment_type, r.work_arrangement, r.company, r.country, r.metro,
                       r.salary_usd, r.salary_flag IS NOT NULL, r.period_start, r.period_end
                FROM records r WHERE {filter.ToSql(command)}
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                total++;
                foreach (var column in columns)
                {
                    if (!reader.IsDBNull((int)column))
                    {
                        var key = reader.GetString((int)column);
                        counts[(int)column][key] = counts[(int)column].GetValueOrDefault(key) + 1;
                    }
                }

                var isFlagged = reader.GetInt64(9) == 1;
                flagged += isFlagged ? 1 : 0;
                if (!reader.IsDBNull(8) && !isFlagged)
                {
                    // Survey rows carry the stated annual USD figure; postings the midpoint of their annual USD range.
                    salaries.Add(reader.GetDouble(8));
                }

                if (!reader.IsDBNull(10) && (from is null || string.CompareOrdinal(reader.GetString(10), from) < 0))
                {
                    from = reader.GetString(10);
                }

                if (!reader.IsDBNull(11) && (to is null || string.CompareOrdinal(reader.GetString(11), to) > 0))
                {
                    to = reader.GetString(11);
                }
            }
        }

        salaries.Sort();
        var sourceRows = SourceRows(store, filter);
        return new MarketReport
        {
            Total = total,
            Period = new ReportPeriod(from, to),
            ByKind = Ranked(counts[(int)Column.Kind], total, limit: null),
            BySeniority = [.. Ranked(counts[(int)Column.Seniority], total, limit: null).OrderBy(row => LadderIndex(row.Key))],
            ByRole = Ranked(counts[(int)Column.Role], total, limit: null),
            ByEmploymentType = Ranked(counts[(int)Column.EmploymentType], total, limit: null),
            ByWorkArrangement = Ranked(counts[(int)Column.WorkArrangement], total, limit: null),
            TopCompanies = Ranked(counts[(int)Column.Company], total, TopCount),
            TopCountries = Ranked(counts[(int)Column.Country], total, TopCount),
            TopMetros = Ranked(counts[(int)Column.Metro], total, TopCount),
            SalaryUsd = Statistics.Summarize(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(salaries)),
            SalaryFlagged = flagged,
            SourceRows = sourceRows,
            DuplicatesMerged = sourceRows - total,
        };
    }

    // Ties are broken by key so the output is the same on every run.
    private static List<CountShare> Ranked(Dictionary<string, long> counts, long total, int? limit) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(limit ?? int.MaxValue)
            .Select(c => new CountShare(c.Key, c.Value, total == 0 ? 0 : (double)c.Value / total))];

    private static int LadderIndex(string seniority)
    {
        for (var i = 0; i < Model.Seniorities.All.Count; i++)
        {
            if (Model.Seniorities.All[i] == seniority)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static long SourceRows(SkillStore store, RecordFilter filter)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM record_sources s JOIN records r ON r.id = s.record_id WHERE {filter.ToSql(command)}";
        return (long)command.ExecuteScalar()!;
    }
}
