using SkillScope.Normalize;

namespace SkillScope.Analytics;

/// <summary>Each region's pay against its baseline (the global median for countries, the national one for metros).</summary>
public sealed record RegionalDifferentials(string Level, int BootstrapSamples, int Seed, IReadOnlyList<RegionDifferential> Rows);

/// <summary>
/// A region's pay relative to its baseline for the same role x seniority mix, as a fraction (0.25 = 25% above),
/// with a 95% bootstrap interval. <see cref="N"/> is the region's salaries, <see cref="Cells"/> the role x seniority
/// cells compared. Figures are null when <see cref="Suppressed"/>.
/// </summary>
public sealed record RegionDifferential(
    string Region, string Baseline, long N, int Cells, double? Differential, double? Low, double? High, bool Suppressed);

/// <summary>
/// Regional differential: within each role x seniority cell the region's median is set against the baseline's
/// median for the same cell; the cells are weighted by the region's own mix (its count in each cell):
/// ratio = sum(n_c * regionMedian_c) / sum(n_c * baselineMedian_c). The baseline includes the region itself.
/// The interval resamples salaries within each cell of the region and of the baseline (percentile bootstrap).
/// </summary>
internal static class SalaryRegions
{
    public const string Global = "global";

    public static string? HomeCountry(string metro) =>
        Metros.All.Contains(metro, StringComparer.Ordinal) ? Metros.Home(metro).Country : null;

    public static RegionalDifferentials Compute(SalarySample sample, string level, int minCell, int samples, int seed, string? onlyRegion = null)
    {
        var levels = sample.Seniorities.Count;
        var cellOf = new long[sample.Count];
        for (var i = 0; i < cellOf.Length; i++)
        {
            cellOf[i] = ((long)sample.Role[i] * levels) + sample.Seniority[i];
        }

        var cells = (long)sample.Roles.Count * levels;
        string CellLabel(long cell) => sample.Roles.Label((int)(cell / levels)) + "|" + sample.Seniorities.Label((int)(cell % levels));
        var regionColumn = sample.Column(level);
        var regionCodes = sample.CodesOf(level);
        var byRegion = SalaryGroups.Build(sample.Usd, Keys(cellOf, regionColumn, regionCodes, cells));

        // Baselines: every salary for countries; each country's salaries for metros.
        SalaryGroups baselines;
        Func<int, long?> baselineOf;
        Func<int, string> baselineLabel;
        if (level == SalaryDimensions.Country)
        {
            baselines = SalaryGroups.Build(sample.Usd, cellOf);
            baselineOf = _ => 0;
            baselineLabel = _ => Global;
        }
        else
        {
            baselines = SalaryGroups.Build(sample.Usd, Keys(cellOf, sample.Country, sample.Countries, cells));
            baselineOf = region => HomeCountry(regionCodes.Label(region)) is { } home && sample.Countries.Find(home) is { } code ? code : null;
            baselineLabel = region => HomeCountry(regionCodes.Label(region)) ?? SalaryDimensions.Unknown;
        }

        var rows = new List<RegionDifferential>();
        var work = new List<(string Label, string Baseline, long N, (long Cell, int Group, int BaselineGroup)[] Cells, double Ratio)>();
        foreach (var region in Enumerable.Range(0, regionCodes.Count).Where(r => regionCodes.Value(r) is { } value && (onlyRegion is null || value == onlyRegion)))
        {
            var label = regionCodes.Label(region);
            var regionCells = new List<(long Cell, int Group)>();
            long n = 0;
            for (var g = 0; g < byRegion.Count; g++)
            {
                if (byRegion.Keys[g] / cells == region)
                {
                    regionCells.Add((byRegion.Keys[g] % cells, g));
                    n += byRegion.Size(g);
                }
            }

            if (n == 0)
            {
                continue;
            }

            regionCells.Sort((a, b) => string.CompareOrdinal(CellLabel(a.Cell), CellLabel(b.Cell)));
            var baseline = baselineOf(region);
            if (n < minCell || baseline is null)
            {
                rows.Add(new RegionDifferential(label, baselineLabel(region), n, regionCells.Count, null, null, null, Suppressed: true));
                continue;
            }

            double numerator = 0, denominator = 0;
            var compared = new (long Cell, int Group, int BaselineGroup)[regionCells.Count];
            for (var c = 0; c < regionCells.Count; c++)
            {
                var (cell, group) = regionCells[c];
                var baselineGroup = baselines.IndexOf((baseline.Value * cells) + cell)
                    ?? throw new InvalidOperationException("a region's cell is missing from its baseline");
                compared[c] = (cell, group, baselineGroup);
                var weight = byRegion.Size(group);
                numerator += weight * Statistics.Percentile(byRegion.Sorted(group), 50);
                denominator += weight * Statistics.Percentile(baselines.Sorted(baselineGroup), 50);
            }

            work.Add((label, baselineLabel(region), n, compared, numerator / denominator));
        }

        // Each baseline cell's resampled medians are drawn once, from a seed of their own, and shared by every
        // region compared with them; each region draws from its own seed. So the work can run in parallel, and a
        // region's interval depends neither on the order nor on which other regions are reported.
        var baselineNeeded = work.SelectMany(w => w.Cells.Select(c => (c.BaselineGroup, Label: w.Baseline + ":" + CellLabel(c.Cell))))
            .DistinctBy(b => b.BaselineGroup).ToArray();
        var replicates = new double[baselines.Count][];
        Parallel.ForEach(baselineNeeded, b =>
            replicates[b.BaselineGroup] = SalaryBootstrap.Medians(baselines.Sorted(b.BaselineGroup), samples, new Random(SalaryBootstrap.Seed(seed, "baseline:" + b.Label))));

        var intervals = new (double Low, double High)[work.Count];
        Parallel.For(0, work.Count, w =>
        {
            var random = new Random(SalaryBootstrap.Seed(seed, level + ":" + work[w].Label));
            var ratios = new double[samples];
            var sums = new double[samples];
            foreach (var (_, group, baselineGroup) in work[w].Cells)
            {
                var weight = byRegion.Size(group);
                var regionMedians = SalaryBootstrap.Medians(byRegion.Sorted(group), samples, random);
                var baselineMedians = replicates[baselineGroup];
                for (var b = 0; b < samples; b++)
                {
                    ratios[b] += weight * regionMedians[b];
                    sums[b] += weight * baselineMedians[b];
                }
            }

            for (var b = 0; b < samples; b++)
            {
                ratios[b] /= sums[b];
            }

            Array.Sort(ratios);
            intervals[w] = (Statistics.Percentile(ratios, 2.5), Statistics.Percentile(ratios, 97.5));
        });

        for (var w = 0; w < work.Count; w++)
        {
            var (label, baselineName, n, compared, ratio) = work[w];
            rows.Add(new RegionDifferential(label, baselineName, n, compared.Length, ratio - 1, intervals[w].Low - 1, intervals[w].High - 1, Suppressed: false));
        }

        rows.Sort((a, b) => b.N != a.N ? b.N.CompareTo(a.N) : string.CompareOrdinal(a.Region, b.Region));
        return new RegionalDifferentials(level, samples, seed, rows);
    }

    private static long[] Keys(long[] cellOf, int[] outer, Codes outerCodes, long cells)
    {
        var keys = new long[cellOf.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = outerCodes.Value(outer[i]) is null ? -1 : (outer[i] * cells) + cellOf[i];
        }

        return keys;
    }
}
