using SkillScope.Analytics;
using SkillScope.Normalize;
using SkillScope.Store;

namespace SkillScope.Tests.Salaries;

public sealed class SalaryReportTests
{
    private static IEnumerable<SalaryRow> Reports(string role, string seniority, string? country, params double[] usd) =>
        usd.Select(u => new SalaryRow("salary_report", role, seniority, country, u));

    [Fact]
    public void Cells_under_the_threshold_show_no_figure_but_keep_their_n()
    {
        using var store = new SalaryStoreBuilder()
            .Add(Reports("ml_engineer", "senior", "US", [.. Enumerable.Range(1, 12).Select(i => i * 10_000.0)]))
            .Add(Reports("ml_engineer", "junior", "US", 50_000, 60_000, 70_000));

        var report = SalaryAnalysis.Compute(store.Store, RecordFilter.None, new SalaryReportOptions());

        var junior = Assert.Single(report.Cells, c => c.Group["seniority"] == "junior");
        Assert.True(junior.Suppressed);
        Assert.Equal(3, junior.N);
        Assert.Equal([null, null, null, null, null, null], new[] { junior.P10, junior.P25, junior.Median, junior.P75, junior.P90, junior.Mean });
        var senior = Assert.Single(report.Cells, c => c.Group["seniority"] == "senior");
        Assert.False(senior.Suppressed);
        Assert.Equal(65_000, senior.Median);
        Assert.Equal(21_000, senior.P10!.Value, 6);
        Assert.Equal(["junior", "senior"], report.Cells.Select(c => c.Group["seniority"]));

        var lowered = SalaryAnalysis.Compute(store.Store, RecordFilter.None, new SalaryReportOptions { MinCell = 3 });
        Assert.Equal(60_000, Assert.Single(lowered.Cells, c => c.Group["seniority"] == "junior").Median);
    }

    [Fact]
    public void Postings_and_salary_reports_are_kept_apart_and_salary_reports_are_the_default()
    {
        using var store = new SalaryStoreBuilder()
            .Add(Reports("data_scientist", "mid", "US", [.. Enumerable.Repeat(100_000.0, 10)]))
            .Add(Enumerable.Repeat(new SalaryRow("posting", "data_scientist", "mid", "US", 150_000), 10));

        Assert.Equal(100_000, SalaryAnalysis.Compute(store.Store, RecordFilter.None, new SalaryReportOptions()).Cells.Single().Median);
        var postings = SalaryAnalysis.Compute(store.Store, new RecordFilter { Kinds = ["posting"] }, new SalaryReportOptions());
        Assert.Equal("posting", postings.Kind);
        Assert.Equal(150_000, postings.Cells.Single().Median);
        Assert.Throws<ArgumentException>(() => SalaryAnalysis.Compute(store.Store, new RecordFilter { Kinds = ["posting", "salary_report"] }, new SalaryReportOptions()));
    }

    [Fact]
    public void Board_estimates_are_left_out_by_default_and_counted_apart_when_included()
    {
        using var store = new SalaryStoreBuilder()
            .Add(Enumerable.Repeat(new SalaryRow("posting", "data_analyst", "mid", "US", 80_000), 10))
            .Add(Enumerable.Repeat(new SalaryRow("posting", "data_analyst", "mid", "US", 120_000) { IsEstimate = true }, 10))
            .Add([new SalaryRow("posting", "data_analyst", "mid", "US", 9_000_000) { Flag = "implausible" }]);
        var filter = new RecordFilter { Kinds = ["posting"] };

        var all = SalaryAnalysis.Compute(store.Store, filter, new SalaryReportOptions { ExcludeEstimates = false });
        var stated = SalaryAnalysis.Compute(store.Store, filter, new SalaryReportOptions());

        Assert.Equal((20, 10, 1), (all.N, all.Estimates, all.Flagged));
        Assert.Equal(100_000, all.Cells.Single().Median);
        Assert.Equal((10, 0), (stated.N, stated.Estimates));
        Assert.Equal(80_000, stated.Cells.Single().Median);
    }

    [Fact]
    public void Country_cells_carry_local_currency_at_the_rate_table()
    {
        using var store = new SalaryStoreBuilder()
            .Add(Reports("ml_engineer", "senior", "GB", [.. Enumerable.Range(1, 10).Select(i => i * 12_700.0)]))
            .Add(Reports("ml_engineer", "senior", "KE", [.. Enumerable.Range(1, 10).Select(i => i * 1_000.0)]));

        var report = SalaryAnalysis.Compute(store.Store, RecordFilter.None, new SalaryReportOptions { By = ["country"] });

        var gb = Assert.Single(report.Cells, c => c.Group["country"] == "GB");
        var rate = FxRates.Default.UsdPerUnit("GBP", null)!.Value;
        Assert.Equal("GBP", gb.Local!.Currency);
        Assert.Equal(rate, gb.Local.UsdPerUnit);
        Assert.Equal(gb.Median!.Value / rate, gb.Local.Median!.Value, 6);
        Assert.Equal(gb.P90!.Value / rate, gb.Local.P90!.Value, 6);
        Assert.Null(Assert.Single(report.Cells, c => c.Group["country"] == "KE").Local);
        Assert.All(SalaryAnalysis.Compute(store.Store, RecordFilter.None, new SalaryReportOptions()).Cells, c => Assert.Null(c.Local));
    }

    [Fact]
    public void Ladder_gives_each_level_median_and_its_ratio_to_the_junior_median()
    {
        using var store = new SalaryStoreBuilder()
            .Add(Reports("data_scientist", "junior", "US", [.. Enumerable.Repeat(80_000.0, 10)]))
            .Add(Reports("data_scientist", "mid", "US", [.. Enumerable.Repeat(100_000.0, 10)]))
            .Add(Reports("data_scientist", "senior", "US", [.. Enumerable.Repeat(140_000.0, 10)]))
            .Add(Reports("data_scientist", "executive", "US", 300_000))
            .Add(Reports("ml_engineer", "senior", "US", [.. Enumerable.Repeat(180_000.0, 10)]));

        var ladder = SalaryAnalysis.Compute(store.Store, RecordFilter.None, new SalaryReportOptions()).Ladder;

        Assert.Equal(["ml_engineer", "data_scientist"], ladder.Select(r => r.Role));
        var ds = ladder[1].Steps;
        Assert.Equal(["junior", "mid", "senior", "executive"], ds.Select(s => s.Seniority));
        Assert.Equal([1.0, 1.25, 1.75], ds.Take(3).Select(s => s.RatioToJunior!.Value));
        Assert.True(ds[3].Suppressed);
        Assert.Null(ds[3].Median);
        Assert.Null(ds[3].RatioToJunior);
        Assert.Null(Assert.Single(ladder[0].Steps).RatioToJunior);
    }

    // In each role x seniority cell, country B pays 200 and A pays 100 (three of each): the global cell median is
    // 150, so B is +33.3% and A -33.3% whatever their mix of levels.
    [Fact]
    public void Regional_differential_compares_within_cells_and_matches_a_hand_computation()
    {
        using var store = new SalaryStoreBuilder()
            .Add(Reports("ml_engineer", "senior", "AA", 100, 100, 100))
            .Add(Reports("ml_engineer", "senior", "BB", 200, 200, 200))
            .Add(Reports("ml_engineer", "junior", "AA", 50, 50, 50))
            .Add(Reports("ml_engineer", "junior", "BB", 100, 100, 100));

        var regions = SalaryAnalysis.Compute(store.Store, RecordFilter.None, new SalaryReportOptions { MinCell = 5 }).Regions;

        Assert.Equal("country", regions.Level);
        var b = Assert.Single(regions.Rows, r => r.Region == "BB");
        Assert.Equal(1.0 / 3, b.Differential!.Value, 9);
        Assert.Equal(-1.0 / 3, Assert.Single(regions.Rows, r => r.Region == "AA").Differential!.Value, 9);
        Assert.Equal(("global", 6L, 2), (b.Baseline, b.N, b.Cells));
    }

    // Country B pays the same as A in every cell but employs mostly seniors: its raw median is far higher, its
    // mix-adjusted differential is zero.
    [Fact]
    public void Regional_differential_is_zero_when_only_the_mix_differs()
    {
        var random = new Random(11);
        var rows = new List<SalaryRow>();
        foreach (var (country, seniors, juniors) in new[] { ("AA", 20, 200), ("BB", 200, 20) })
        {
            rows.AddRange(Enumerable.Range(0, seniors).Select(_ => new SalaryRow("salary_report", "ml_engineer", "senior", country, 180_000 + random.Next(-5, 6))));
            rows.AddRange(Enumerable.Range(0, juniors).Select(_ => new SalaryRow("salary_report", "ml_engineer", "junior", country, 90_000 + random.Next(-5, 6))));
        }

        using var store = new SalaryStoreBuilder().Add(rows);
        var report = SalaryAnalysis.Compute(store.Store, RecordFilter.None, new SalaryReportOptions { By = ["country"] });

        Assert.True(report.Cells.Single(c => c.Group["country"] == "BB").Median > 1.5 * report.Cells.Single(c => c.Group["country"] == "AA").Median);
        var b = report.Regions.Rows.Single(r => r.Region == "BB");
        Assert.InRange(b.Differential!.Value, -0.001, 0.001);
        Assert.True(b.Low <= b.Differential && b.Differential <= b.High);
        Assert.InRange(b.High!.Value - b.Low!.Value, 0, 0.01);
    }

    [Fact]
    public void Metro_differential_is_against_its_own_country_and_the_bootstrap_is_repeatable()
    {
        var random = new Random(5);
        var rows = new List<SalaryRow>();
        for (var i = 0; i < 300; i++)
        {
            var inBayArea = i % 3 == 0;
            rows.Add(new SalaryRow("posting", "ml_engineer", i % 2 == 0 ? "senior" : "mid", "US", (inBayArea ? 130_000 : 100_000) * (0.8 + (0.4 * random.NextDouble())))
            {
                Metro = inBayArea ? "SF Bay Area" : null,
            });
        }

        rows.AddRange(Enumerable.Range(0, 50).Select(i => new SalaryRow("posting", "ml_engineer", "senior", "GB", 60_000 + i) { Metro = "London" }));
        using var store = new SalaryStoreBuilder().Add(rows);
        var options = new SalaryReportOptions { RegionLevel = "metro" };
        var filter = new RecordFilter { Kinds = ["posting"] };

        var first = SalaryAnalysis.Compute(store.Store, filter, options).Regions;
        var second = SalaryAnalysis.Compute(store.Store, filter, options).Regions;

        Assert.Equal(first.Rows, second.Rows);
        var sf = Assert.Single(first.Rows, r => r.Region == "SF Bay Area");
        Assert.Equal("US", sf.Baseline);
        Assert.InRange(sf.Differential!.Value, 0.12, 0.26);
        Assert.True(sf.Low < sf.Differential && sf.Differential < sf.High);
        var london = Assert.Single(first.Rows, r => r.Region == "London");
        Assert.Equal(("GB", 0.0), (london.Baseline, london.Differential!.Value));
        var reseeded = SalaryAnalysis.Compute(store.Store, filter, options with { Seed = 1 }).Regions.Rows.Single(r => r.Region == "SF Bay Area");
        Assert.Equal(sf.Differential, reseeded.Differential);
        Assert.NotEqual(sf.Low, reseeded.Low);
    }

    [Fact]
    public void Counting_bootstrap_medians_equal_medians_of_explicit_resamples()
    {
        foreach (var n in (int[])[1, 2, 3, 10, 11, 101])
        {
            var sorted = Enumerable.Range(0, n).Select(i => (double)(i * i % 17) + (i * 0.5)).Order().ToArray();
            var medians = SalaryBootstrap.Medians(sorted, 50, new Random(99));
            var random = new Random(99);
            for (var b = 0; b < 50; b++)
            {
                if (n == 1)
                {
                    Assert.Equal(sorted[0], medians[b]);
                    continue;
                }

                var resample = Enumerable.Range(0, n).Select(_ => sorted[random.Next(n)]).ToArray();
                Assert.Equal(Reference.Percentile(resample, 50), medians[b], 9);
            }
        }
    }

    // Large cells locate the resample's middle order statistics by bisection instead of drawing every value; its
    // bootstrap distribution must be the draw-by-draw one (here forced on a 6,000-value cell).
    [Fact]
    public void Bisection_bootstrap_medians_follow_the_draw_by_draw_distribution()
    {
        var random = new Random(17);
        var sorted = Enumerable.Range(0, 6_000).Select(_ => Math.Exp(11.5 + (0.5 * (random.NextDouble() + random.NextDouble() - 1)))).Order().ToArray();

        var exact = SalaryBootstrap.Medians(sorted, 3_000, new Random(1));
        var bisected = SalaryBootstrap.Medians(sorted, 3_000, new Random(2), exactLimit: 150);

        var (exactMean, bisectedMean) = (exact.Average(), bisected.Average());
        var exactSd = Math.Sqrt(exact.Average(m => (m - exactMean) * (m - exactMean)));
        var bisectedSd = Math.Sqrt(bisected.Average(m => (m - bisectedMean) * (m - bisectedMean)));
        Assert.InRange(bisectedSd / exactSd, 0.9, 1.1);
        Assert.InRange(Math.Abs(bisectedMean - exactMean) / exactSd, 0, 0.1);
        Assert.InRange(Reference.Percentile(bisected, 2.5) / Reference.Percentile(exact, 2.5), 0.998, 1.002);
        Assert.InRange(Reference.Percentile(bisected, 97.5) / Reference.Percentile(exact, 97.5), 0.998, 1.002);
    }

    [Theory]
    [InlineData(new[] { "role", "region" }, "not a dimension")]
    [InlineData(new[] { "country", "metro" }, "not both")]
    [InlineData(new[] { "role", "role" }, "twice")]
    public void Invalid_groupings_are_reported_as_one_line(string[] by, string expected)
    {
        Assert.Contains(expected, new SalaryReportOptions { By = by }.Validate(), StringComparison.Ordinal);
    }
}
