using Microsoft.Data.Sqlite;
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

    public static MarketReport Compute(SkillStore store, RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        var connection = store.Connection;
        var total = Scalar(connection, filter, "SELECT COUNT(*) FROM records r WHERE {0}");
        var sourceRows = Scalar(connection, filter, "SELECT COUNT(*) FROM record_sources s JOIN records r ON r.id = s.record_id WHERE {0}");

        return new MarketReport
        {
            Total = total,
            Period = PeriodOf(connection, filter),
            ByKind = CountBy(connection, filter, "r.kind", total, limit: null),
            BySeniority = OrderByLadder(CountBy(connection, filter, "r.seniority", total, limit: null)),
            ByRole = CountBy(connection, filter, "r.role", total, limit: null),
            ByEmploymentType = CountBy(connection, filter, "r.employment_type", total, limit: null),
            ByWorkArrangement = CountBy(connection, filter, "r.work_arrangement", total, limit: null),
            TopCompanies = CountBy(connection, filter, "r.company", total, TopCount),
            TopCountries = CountBy(connection, filter, "r.country", total, TopCount),
            TopMetros = CountBy(connection, filter, "r.metro", total, TopCount),
            SalaryUsd = Statistics.Summarize(SalaryValues(connection, filter)),
            SalaryFlagged = Scalar(connection, filter, "SELECT COUNT(*) FROM records r WHERE {0} AND r.salary_flag IS NOT NULL"),
            SourceRows = sourceRows,
            DuplicatesMerged = sourceRows - total,
        };
    }

    // Survey rows carry the stated annual USD figure; postings the midpoint of their annual USD range.
    // Both are stored in salary_usd by the normalizer.
    private static double[] SalaryValues(SqliteConnection connection, RecordFilter filter)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT r.salary_usd FROM records r WHERE {filter.ToSql(command)} AND r.salary_usd IS NOT NULL AND r.salary_flag IS NULL ORDER BY r.salary_usd";
        var values = new List<double>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetDouble(0));
        }

        return [.. values];
    }

    private static ReportPeriod PeriodOf(SqliteConnection connection, RecordFilter filter)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MIN(r.period_start), MAX(r.period_end) FROM records r WHERE {filter.ToSql(command)}";
        using var reader = command.ExecuteReader();
        reader.Read();
        return new ReportPeriod(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    // Ties are broken by key so the output is the same on every run.
    private static List<CountShare> CountBy(SqliteConnection connection, RecordFilter filter, string column, long total, int? limit)
    {
        using var command = connection.CreateCommand();
        var where = filter.ToSql(command);
        command.CommandText = $"""
            SELECT {column}, COUNT(*) AS n FROM records r WHERE {where} AND {column} IS NOT NULL
            GROUP BY {column} ORDER BY n DESC, {column} {(limit is { } l ? $"LIMIT {l}" : "")}
            """;
        var rows = new List<CountShare>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var count = reader.GetInt64(1);
            rows.Add(new CountShare(reader.GetString(0), count, total == 0 ? 0 : (double)count / total));
        }

        return rows;
    }

    private static List<CountShare> OrderByLadder(List<CountShare> rows)
    {
        rows.Sort((a, b) => IndexOf(a.Key).CompareTo(IndexOf(b.Key)));
        return rows;

        static int IndexOf(string key) => Model.Seniorities.All.ToList().IndexOf(key);
    }

    private static long Scalar(SqliteConnection connection, RecordFilter filter, string sqlTemplate)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sqlTemplate, filter.ToSql(command));
        return (long)command.ExecuteScalar()!;
    }
}
