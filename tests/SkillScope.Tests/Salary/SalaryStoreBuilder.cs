using System.Globalization;
using SkillScope.Skills;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Salaries;

/// <summary>One record written straight into a store: just the columns salary statistics read.</summary>
internal sealed record SalaryRow(string Kind, string Role, string Seniority, string? Country, double Usd)
{
    public string? Metro { get; init; }
    public int? Year { get; init; } = 2025;
    public bool IsEstimate { get; init; }
    public string? Flag { get; init; }
    /// <summary>Postings with skills need a description (premiums use postings with text only).</summary>
    public string? Description { get; init; }
    public IReadOnlyList<string> Skills { get; init; } = [];
}

/// <summary>A temporary store filled with hand-made or generated records (no ingest), for exact expectations.</summary>
internal sealed class SalaryStoreBuilder : IDisposable
{
    private readonly TempFolder _folder = new();

    public SalaryStoreBuilder() => Store = SkillStore.Open(_folder.Db);

    public SkillStore Store { get; }

    public string Db => _folder.Db;

    public SalaryStoreBuilder Add(IEnumerable<SalaryRow> rows)
    {
        using var transaction = Store.Begin();
        using var insert = Store.Command("""
            INSERT INTO records(kind, dedupe_key, title, description, period_start, period_end, role, seniority, employment_type,
                work_arrangement, country, metro, salary_usd, salary_is_estimate, salary_flag)
            VALUES (@kind, @key, 'synthetic', @description, @start, @end, @role, @seniority, 'full_time', 'onsite', @country, @metro, @usd, @estimate, @flag)
            RETURNING id
            """, transaction);
        var parameters = new[] { "$kind", "$key", "$description", "$start", "$end", "$role", "$seniority", "$country", "$metro", "$usd", "$estimate", "$flag" }
            .ToDictionary(name => name, name => Sql.Add(insert, "@" + name[1..], null), StringComparer.Ordinal);
        var ids = new List<long>();
        var skills = new List<IReadOnlyList<(string SkillId, string Strength)>>();
        foreach (var row in rows)
        {
            parameters["$kind"].Value = row.Kind;
            parameters["$key"].Value = Guid.NewGuid().ToString("N");
            parameters["$description"].Value = (object?)row.Description ?? DBNull.Value;
            parameters["$start"].Value = row.Year is { } y ? string.Create(CultureInfo.InvariantCulture, $"{y}-01-01") : DBNull.Value;
            parameters["$end"].Value = row.Year is { } y2 ? string.Create(CultureInfo.InvariantCulture, $"{y2}-12-31") : DBNull.Value;
            parameters["$role"].Value = row.Role;
            parameters["$seniority"].Value = row.Seniority;
            parameters["$country"].Value = (object?)row.Country ?? DBNull.Value;
            parameters["$metro"].Value = (object?)row.Metro ?? DBNull.Value;
            parameters["$usd"].Value = row.Usd;
            parameters["$estimate"].Value = row.IsEstimate ? 1 : 0;
            parameters["$flag"].Value = (object?)row.Flag ?? DBNull.Value;
            ids.Add(Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture));
            skills.Add([.. row.Skills.Select(skill => (skill, SkillStrengths.Required))]);
        }

        // Through the writer the ingest uses, so both forms of a record's skills (rows and the packed cell) are there.
        SkillIndex.Write(Store, transaction, ids, skills);
        transaction.Commit();
        return this;
    }

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}

/// <summary>Percentiles written out independently of SkillScope (numpy's default: linear between closest ranks).</summary>
internal static class Reference
{
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var h = (sorted.Length - 1) * p / 100.0;
        var below = (int)h;
        return below + 1 < sorted.Length ? sorted[below] + ((h - below) * (sorted[below + 1] - sorted[below])) : sorted[below];
    }
}
