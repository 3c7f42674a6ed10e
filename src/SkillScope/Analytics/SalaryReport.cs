using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Store;

namespace SkillScope.Analytics;

/// <summary>How a salary report is computed; validated by <see cref="Validate"/>.</summary>
public sealed record SalaryReportOptions
{
    /// <summary>Dimensions of the bands, in column order: role, seniority, country or metro.</summary>
    public IReadOnlyList<string> By { get; init; } = [SalaryDimensions.Role, SalaryDimensions.Seniority];

    /// <summary>Cells (and regions) with fewer salaries than this are "insufficient data": no figure is shown.</summary>
    public int MinCell { get; init; } = 10;

    /// <summary>The regional differential's level: country (against the global median) or metro (against its country's).</summary>
    public string RegionLevel { get; init; } = SalaryDimensions.Country;

    /// <summary>Leave out salaries a board estimated (Glassdoor est., Adzuna predicted): the default; false adds them.</summary>
    public bool ExcludeEstimates { get; init; } = true;

    public int BootstrapSamples { get; init; } = 1000;

    /// <summary>The bootstrap's fixed seed: intervals are the same on every run.</summary>
    public int Seed { get; init; } = 20_260_101;

    /// <summary>The first problem as one line, or null.</summary>
    public string? Validate()
    {
        if (By.Count == 0)
        {
            return "--by needs at least one of: " + string.Join(", ", SalaryDimensions.All);
        }

        if (By.FirstOrDefault(d => !SalaryDimensions.All.Contains(d)) is { } bad)
        {
            return $"--by '{bad}' is not a dimension; use role, seniority, country or metro";
        }

        if (By.Distinct(StringComparer.Ordinal).Count() != By.Count)
        {
            return "--by names a dimension twice";
        }

        if (By.Contains(SalaryDimensions.Country) && By.Contains(SalaryDimensions.Metro))
        {
            return "--by takes country or metro, not both (a metro lies in one country)";
        }

        if (RegionLevel is not (SalaryDimensions.Country or SalaryDimensions.Metro))
        {
            return $"--region '{RegionLevel}' is not a region level; use country or metro";
        }

        return MinCell < 1 ? "--min-cell must be at least 1"
            : BootstrapSamples < 100 ? "the bootstrap needs at least 100 samples"
            : null;
    }
}

/// <summary>
/// Pay statistics over one kind of record. Property names are the stable JSON contract (camelCase); figures are
/// USD per year unless a <see cref="LocalSalary"/> says otherwise.
/// </summary>
public sealed record SalaryReport
{
    /// <summary>posting or salary_report: the two are never mixed.</summary>
    public required string Kind { get; init; }
    public required IReadOnlyList<string> By { get; init; }
    public required int MinCell { get; init; }
    public string Currency { get; init; } = "USD";
    /// <summary>The date of the rate table behind local-currency figures.</summary>
    public required string FxAsOf { get; init; }
    /// <summary>Usable salaries behind the report.</summary>
    public required long N { get; init; }
    /// <summary>Of <see cref="N"/>, salaries the source marks as its own estimate.</summary>
    public required long Estimates { get; init; }
    /// <summary>Matching records whose salary is flagged (implausible or unparsed) and left out.</summary>
    public required long Flagged { get; init; }
    public required IReadOnlyList<SalaryCell> Cells { get; init; }
    public required IReadOnlyList<LadderRow> Ladder { get; init; }
    public required RegionalDifferentials Regions { get; init; }
}

/// <summary>One cell of the bands; figures are null when <see cref="Suppressed"/> (fewer than the threshold).</summary>
public sealed record SalaryCell(
    IReadOnlyDictionary<string, string> Group, long N,
    double? P10, double? P25, double? Median, double? P75, double? P90, double? Mean,
    bool Suppressed, LocalSalary? Local);

/// <summary>"Salary growth by experience": each level's median within a role, and its ratio to the junior median.</summary>
public sealed record LadderRow(string Role, IReadOnlyList<LadderStep> Steps);

public sealed record LadderStep(string Seniority, long N, double? Median, double? RatioToJunior, bool Suppressed);

public static class SalaryAnalysis
{
    /// <summary>Which kind pay statistics are computed over: the filter's one kind, else salary reports; null with the problem when it names both.</summary>
    public static string? KindOf(RecordFilter filter, out string? problem)
    {
        problem = null;
        switch (filter.Kinds.Count)
        {
            case 0:
                return RecordKinds.SalaryReport;
            case 1:
                return filter.Kinds[0];
            default:
                problem = "postings and salary reports are never mixed in pay statistics: choose one --kind (posting or salary_report)";
                return null;
        }
    }

    /// <summary>Bands, experience ladder and regional differentials over the records matching <paramref name="filter"/>.</summary>
    /// <exception cref="ArgumentException">The filter names both kinds, or the options are invalid.</exception>
    public static SalaryReport Compute(SkillStore store, RecordFilter filter, SalaryReportOptions options, FxRates? rates = null)
    {
        var dimensions = options.By.Union([SalaryDimensions.Role, SalaryDimensions.Seniority, SalaryDimensions.Country, options.RegionLevel]).ToList();
        var (sample, fx) = Prepare(store, filter, options, rates, dimensions);
        return new SalaryReport
        {
            Kind = sample.Kind,
            By = options.By,
            MinCell = options.MinCell,
            FxAsOf = fx.AsOf,
            N = sample.Count,
            Estimates = sample.Estimates,
            Flagged = sample.Flagged,
            Cells = Bands(sample, options.By, options.MinCell, fx),
            Ladder = Ladder(sample, options.MinCell),
            Regions = SalaryRegions.Compute(sample, options.RegionLevel, options.MinCell, options.BootstrapSamples, options.Seed),
        };
    }

    /// <summary>The bands alone (no ladder, no bootstrap): what the speed target is measured on.</summary>
    public static IReadOnlyList<SalaryCell> ComputeBands(SkillStore store, RecordFilter filter, SalaryReportOptions options, FxRates? rates = null)
    {
        var (sample, fx) = Prepare(store, filter, options, rates, options.By);
        return Bands(sample, options.By, options.MinCell, fx);
    }

    private static (SalarySample Sample, FxRates Rates) Prepare(
        SkillStore store, RecordFilter filter, SalaryReportOptions options, FxRates? rates, IReadOnlyCollection<string> dimensions)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } invalid)
        {
            throw new ArgumentException(invalid, nameof(options));
        }

        var kind = KindOf(filter, out var problem) ?? throw new ArgumentException(problem, nameof(filter));
        return (SalarySample.Load(store, filter, kind, options.ExcludeEstimates, dimensions), rates ?? FxRates.Default);
    }

    internal static List<SalaryCell> Bands(SalarySample sample, IReadOnlyList<string> by, int minCell, FxRates rates)
    {
        var columns = by.Select(sample.Column).ToArray();
        var codes = by.Select(sample.CodesOf).ToArray();
        var keys = new long[sample.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            long key = 0;
            for (var d = 0; d < columns.Length; d++)
            {
                key = (key * codes[d].Count) + columns[d][i];
            }

            keys[i] = key;
        }

        var groups = SalaryGroups.Build(sample.Usd, keys);
        var ranks = by.Select(d => Ranks(sample, d)).ToArray();
        var cells = new List<(int[] Codes, SalaryCell Cell)>(groups.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            var cellCodes = Decode(groups.Keys[g], codes);
            var group = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var d = 0; d < by.Count; d++)
            {
                group[by[d]] = codes[d].Label(cellCodes[d]);
            }

            cells.Add((cellCodes, Cell(group, groups.Sorted(g), minCell, LocalCountry(by, group), rates)));
        }

        cells.Sort((a, b) =>
        {
            for (var d = 0; d < by.Count; d++)
            {
                var order = ranks[d][a.Codes[d]].CompareTo(ranks[d][b.Codes[d]]);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        });
        return cells.ConvertAll(c => c.Cell);
    }

    private static int[] Decode(long key, Codes[] codes)
    {
        var result = new int[codes.Length];
        for (var d = codes.Length - 1; d >= 0; d--)
        {
            result[d] = (int)(key % codes[d].Count);
            key /= codes[d].Count;
        }

        return result;
    }

    internal static SalaryCell Cell(IReadOnlyDictionary<string, string> group, ReadOnlySpan<double> sorted, int minCell, string? country, FxRates rates)
    {
        if (sorted.Length < minCell || sorted.IsEmpty)
        {
            return new SalaryCell(group, sorted.Length, null, null, null, null, null, null, Suppressed: true, Local: null);
        }

        var sum = 0.0;
        foreach (var value in sorted)
        {
            sum += value;
        }

        var (p10, p25, median, p75, p90, mean) = (
            Statistics.Percentile(sorted, 10), Statistics.Percentile(sorted, 25), Statistics.Percentile(sorted, 50),
            Statistics.Percentile(sorted, 75), Statistics.Percentile(sorted, 90), sum / sorted.Length);
        return new SalaryCell(group, sorted.Length, p10, p25, median, p75, p90, mean, Suppressed: false,
            SalaryCurrencies.Local(country, rates, p10, p25, median, p75, p90, mean));
    }

    private static string? LocalCountry(IReadOnlyList<string> by, Dictionary<string, string> group)
    {
        if (by.Contains(SalaryDimensions.Country))
        {
            return group[SalaryDimensions.Country];
        }

        return by.Contains(SalaryDimensions.Metro) && SalaryRegions.HomeCountry(group[SalaryDimensions.Metro]) is { } home ? home : null;
    }

    /// <summary>
    /// Display order of a dimension's codes: roles and levels in vocabulary order; countries and metros by
    /// number of salaries (most first), ties by name; the unknown value last.
    /// </summary>
    internal static int[] Ranks(SalarySample sample, string dimension)
    {
        var codes = sample.CodesOf(dimension);
        var order = Enumerable.Range(0, codes.Count);
        IEnumerable<int> sorted = dimension switch
        {
            SalaryDimensions.Role => order.OrderBy(c => VocabularyIndex(Roles.All, codes.Value(c))).ThenBy(c => codes.Label(c), StringComparer.Ordinal),
            SalaryDimensions.Seniority => order.OrderBy(c => VocabularyIndex(Seniorities.All, codes.Value(c))).ThenBy(c => codes.Label(c), StringComparer.Ordinal),
            _ => ByFrequency(sample.Column(dimension), codes),
        };
        var ranks = new int[codes.Count];
        var rank = 0;
        foreach (var code in sorted)
        {
            ranks[code] = rank++;
        }

        return ranks;
    }

    private static IEnumerable<int> ByFrequency(int[] column, Codes codes)
    {
        var counts = new long[codes.Count];
        foreach (var code in column)
        {
            counts[code]++;
        }

        return Enumerable.Range(0, codes.Count)
            .OrderBy(c => codes.Value(c) is null ? 1 : 0)
            .ThenByDescending(c => counts[c])
            .ThenBy(c => codes.Label(c), StringComparer.Ordinal);
    }

    private static int VocabularyIndex(IReadOnlyList<string> vocabulary, string? value)
    {
        for (var i = 0; i < vocabulary.Count; i++)
        {
            if (string.Equals(vocabulary[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return vocabulary.Count;
    }

    internal static List<LadderRow> Ladder(SalarySample sample, int minCell)
    {
        var seniorities = sample.Seniorities;
        var roleRanks = Ranks(sample, SalaryDimensions.Role);
        var levelRanks = Ranks(sample, SalaryDimensions.Seniority);
        var keys = new long[sample.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = string.Equals(seniorities.Value(sample.Seniority[i]), Seniorities.Unknown, StringComparison.Ordinal)
                ? -1
                : ((long)sample.Role[i] * seniorities.Count) + sample.Seniority[i];
        }

        var groups = SalaryGroups.Build(sample.Usd, keys);
        var rows = new List<LadderRow>();
        foreach (var role in Enumerable.Range(0, sample.Roles.Count).OrderBy(r => roleRanks[r]))
        {
            var steps = new List<LadderStep>();
            double? junior = null;
            if (seniorities.Find(Seniorities.Junior) is { } juniorCode)
            {
                var juniorValues = groups.SortedOf(((long)role * seniorities.Count) + juniorCode);
                junior = juniorValues.Length >= minCell && !juniorValues.IsEmpty ? Statistics.Percentile(juniorValues, 50) : null;
            }

            foreach (var level in Enumerable.Range(0, seniorities.Count).OrderBy(l => levelRanks[l]))
            {
                var values = groups.SortedOf(((long)role * seniorities.Count) + level);
                if (values.IsEmpty)
                {
                    continue;
                }

                var suppressed = values.Length < minCell;
                double? median = suppressed ? null : Statistics.Percentile(values, 50);
                steps.Add(new LadderStep(seniorities.Label(level), values.Length, median, median / junior, suppressed));
            }

            if (steps.Count > 0)
            {
                rows.Add(new LadderRow(sample.Roles.Label(role), steps));
            }
        }

        return rows;
    }
}
