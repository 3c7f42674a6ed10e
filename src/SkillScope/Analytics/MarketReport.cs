using SkillScope.Store;

namespace SkillScope.Analytics;

public sealed record CountShare(string Key, long Count, double Share);

/// <summary>The dates the records speak for, from the dated ones.</summary>
public sealed record ReportPeriod(string? From, string? To)
{
    /// <summary>Records without a date (a source that states none): counted in the report, not in From..To.</summary>
    public long Undated { get; init; }
}

/// <summary>The salary summary of one provenance (survey, employer-stated, board-estimated).</summary>
public sealed record ProvenanceSalary(string Provenance, SalarySummary Salary);

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
    /// <summary>
    /// The salary summary when the records' pay has one provenance; null when it mixes survey, employer-stated and
    /// board-estimated pay, which are never pooled (see <see cref="SalaryByProvenance"/>).
    /// </summary>
    public required SalarySummary? SalaryUsd { get; init; }
    /// <summary>One salary summary per provenance present: survey, employer-stated, board-estimated (docs/salary.md).</summary>
    public IReadOnlyList<ProvenanceSalary> SalaryByProvenance { get; init; } = [];
    /// <summary>How <see cref="TopMetros"/> counts: a posting listed in several metros counts in each.</summary>
    public string MetroNote { get; init; } = "a posting listed in several metros counts once in each of them";
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
        return Report(MarketCounts.Read(store, filter));
    }

    /// <summary>
    /// The report from <paramref name="rows"/> (a server's snapshot); <paramref name="sourceRows"/> and
    /// <paramref name="metros"/> are asked for once the rows have been read. The same report as <see cref="Compute"/>
    /// for the same records: both count into <see cref="MarketCounts"/>.
    /// </summary>
    internal static MarketReport Summarize(IEnumerable<MarketRow> rows, Func<long> sourceRows, Func<Dictionary<string, long>> metros)
    {
        var counts = new MarketCounts { SourceRows = sourceRows, Metros = metros };
        foreach (var row in rows)
        {
            counts.Add(row);
        }

        return Report(counts);
    }

    private static MarketReport Report(MarketCounts counts)
    {
        // Survey rows carry the stated annual USD figure; postings the midpoint of their annual USD range.
        var salaries = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var ((kind, estimate), values) in counts.Salaries)
        {
            var provenance = PayProvenance.Of(kind, estimate);
            if (!salaries.TryGetValue(provenance, out var list))
            {
                salaries[provenance] = list = [];
            }

            list.AddRange(values);
        }

        var byProvenance = ((string[])[PayProvenance.Survey, PayProvenance.EmployerStated, PayProvenance.BoardEstimated])
            .Where(salaries.ContainsKey)
            .Select(p =>
            {
                salaries[p].Sort();
                return new ProvenanceSalary(p, Statistics.Summarize(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(salaries[p])));
            })
            .ToList();
        var total = counts.Total;
        var appearances = counts.SourceRows();
        return new MarketReport
        {
            Total = total,
            Period = new ReportPeriod(counts.From, counts.To) { Undated = counts.Undated },
            ByKind = Ranked(counts.Kinds, total, limit: null),
            BySeniority = [.. Ranked(counts.Seniorities, total, limit: null).OrderBy(row => LadderIndex(row.Key))],
            ByRole = Ranked(counts.Roles, total, limit: null),
            ByEmploymentType = Ranked(counts.EmploymentTypes, total, limit: null),
            ByWorkArrangement = Ranked(counts.WorkArrangements, total, limit: null),
            TopCompanies = Ranked(counts.Companies, total, TopCount),
            TopCountries = Ranked(counts.Countries, total, TopCount),
            TopMetros = Ranked(counts.Metros(), total, TopCount),
            SalaryUsd = byProvenance.Count switch
            {
                0 => Statistics.Summarize([]),
                1 => byProvenance[0].Salary,
                _ => null,
            },
            SalaryByProvenance = byProvenance,
            SalaryFlagged = counts.Flagged,
            SourceRows = appearances,
            DuplicatesMerged = appearances - total,
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
}
