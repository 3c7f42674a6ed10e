using SkillScope.Analytics;
using SkillScope.Skills;

namespace SkillScope.Tests.Salaries;

public sealed class SalaryEstimatorTests
{
    // US: ML engineers (senior) 20 x 200k, data scientists (senior) 20 x 150k.
    // GB: ML engineers (senior) 3 x 100k, data scientists (senior) 20 x 75k.
    private static IEnumerable<SalaryRow> TwoCountries() =>
        Enumerable.Repeat(new SalaryRow("salary_report", "ml_engineer", "senior", "US", 200_000), 20)
            .Concat(Enumerable.Repeat(new SalaryRow("salary_report", "data_scientist", "senior", "US", 150_000), 20))
            .Concat(Enumerable.Repeat(new SalaryRow("salary_report", "ml_engineer", "senior", "GB", 100_000), 3))
            .Concat(Enumerable.Repeat(new SalaryRow("salary_report", "data_scientist", "senior", "GB", 75_000), 20));

    [Fact]
    public void A_cell_with_enough_records_is_used_as_it_is()
    {
        using var store = new SalaryStoreBuilder().Add(TwoCountries());

        var estimate = SalaryEstimator.Estimate(store.Store, SkillTaxonomy.Default, new EstimateRequest("data_scientist", "senior", "GB", null, []));

        Assert.Equal((75_000.0, 75_000.0, 75_000.0, 20L), (estimate.Median!.Value, estimate.P25!.Value, estimate.P75!.Value, estimate.N));
        Assert.Equal("salary_report", estimate.Kind);
        var cell = Assert.Single(estimate.Basis);
        Assert.Equal(("cell", 20L, true, null), (cell.Type, cell.N, cell.Applied, cell.Note));
        Assert.Equal("GBP", estimate.Local!.Currency);
        Assert.Equal(75_000 / estimate.Local.UsdPerUnit, estimate.Local.Median!.Value, 6);
    }

    // GB has only 3 senior ML engineers: the global cell (23: median 200k) is used, scaled by GB's differential:
    // (3 x 100k + 20 x 75k) / (3 x 200k + 20 x 112.5k) = 1,800 / 2,850 (global data-scientist median 112.5k).
    [Fact]
    public void A_thin_country_cell_falls_back_to_the_global_cell_scaled_by_the_country_differential()
    {
        using var store = new SalaryStoreBuilder().Add(TwoCountries());

        var estimate = SalaryEstimator.Estimate(store.Store, SkillTaxonomy.Default, new EstimateRequest("ml_engineer", "senior", "GB", null, []));

        Assert.Equal(200_000 * 1_800.0 / 2_850, estimate.Median!.Value, 6);
        Assert.Equal(23, estimate.N);
        Assert.Collection(estimate.Basis,
            b => Assert.Equal(("cell", 3L, false), (b.Type, b.N, b.Applied)),
            b =>
            {
                Assert.Equal(("cell", 23L, true), (b.Type, b.N, b.Applied));
                Assert.StartsWith("fallback:", b.Note, StringComparison.Ordinal);
                Assert.Equal(new Dictionary<string, string> { ["role"] = "ml_engineer", ["seniority"] = "senior" }, b.Group);
            },
            b =>
            {
                Assert.Equal(("regional-differential", 23L, true), (b.Type, b.N, b.Applied));
                Assert.Equal((1_800.0 / 2_850) - 1, b.Value!.Value, 9);
            });
    }

    [Fact]
    public void A_level_without_records_falls_back_to_the_role_and_says_so()
    {
        using var store = new SalaryStoreBuilder().Add(TwoCountries());

        var estimate = SalaryEstimator.Estimate(store.Store, SkillTaxonomy.Default, new EstimateRequest("data_scientist", "lead", "US", null, []));

        Assert.Equal(150_000, estimate.Median);
        Assert.Equal(20, estimate.N);
        var cells = estimate.Basis.Where(b => b.Type == "cell").ToList();
        Assert.Equal([0L, 0L, 20L], cells.Select(c => c.N));
        Assert.Contains("(all levels)", cells[2].Label, StringComparison.Ordinal);
        Assert.True(cells[2].Applied);
    }

    [Fact]
    public void No_figure_is_given_when_no_cell_has_enough_records()
    {
        using var store = new SalaryStoreBuilder().Add(TwoCountries());

        var estimate = SalaryEstimator.Estimate(store.Store, SkillTaxonomy.Default, new EstimateRequest("ai_governance", "senior", null, null, []));

        Assert.True(estimate.Suppressed);
        Assert.Equal((null, null, null, 0L), (estimate.Median, estimate.P25, estimate.P75, estimate.N));
        Assert.Equal(2, estimate.Basis.Count);
        Assert.All(estimate.Basis, b => Assert.False(b.Applied));
    }

    [Fact]
    public void A_metro_uses_the_posting_differential_when_salary_reports_have_no_metro()
    {
        var rows = TwoCountries().ToList();
        rows.AddRange(Enumerable.Repeat(new SalaryRow("posting", "ml_engineer", "senior", "US", 150_000) { Metro = "Seattle" }, 10));
        rows.AddRange(Enumerable.Repeat(new SalaryRow("posting", "ml_engineer", "senior", "US", 100_000), 30));
        using var store = new SalaryStoreBuilder().Add(rows);

        var estimate = SalaryEstimator.Estimate(store.Store, SkillTaxonomy.Default, new EstimateRequest("ml_engineer", "senior", null, "Seattle", []));

        // US postings: 10 x 150k + 30 x 100k, median 100k; Seattle's median 150k: +50%, applied to the US cell (200k).
        Assert.Equal(300_000, estimate.Median!.Value, 6);
        var differential = Assert.Single(estimate.Basis, b => b.Type == "regional-differential");
        Assert.Contains("(posting)", differential.Label, StringComparison.Ordinal);
        Assert.Contains("salary_report has 0 records in Seattle", differential.Note, StringComparison.Ordinal);
        Assert.Equal(10, differential.N);
    }

    [Fact]
    public void Skill_premiums_are_fitted_on_postings_and_multiply_the_cell()
    {
        var rows = TwoCountries().Concat(PremiumTests.Planted(4_000, seed: 21)).ToList();
        using var store = new SalaryStoreBuilder().Add(rows);

        var plain = SalaryEstimator.Estimate(store.Store, SkillTaxonomy.Default, new EstimateRequest("ml_engineer", "senior", "US", null, []));
        var skilled = SalaryEstimator.Estimate(store.Store, SkillTaxonomy.Default,
            new EstimateRequest("ml_engineer", "senior", "US", null, ["PyTorch", "not-a-skill", "lora"]));

        var pytorch = Assert.Single(skilled.Basis, b => b.Label.StartsWith("PyTorch (pytorch)", StringComparison.Ordinal));
        Assert.True(pytorch.Applied);
        Assert.InRange(pytorch.Value!.Value, 0.15, 0.25);
        Assert.Equal(plain.Median!.Value * (1 + pytorch.Value.Value), skilled.Median!.Value, 6);
        Assert.Equal(plain.N, skilled.N);
        Assert.False(Assert.Single(skilled.Basis, b => b.Label == "not-a-skill").Applied);
        var lora = Assert.Single(skilled.Basis, b => b.Label.StartsWith("LoRA", StringComparison.Ordinal));
        Assert.Equal((0L, false), (lora.N, lora.Applied));
        Assert.Contains("insufficient data", lora.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ml_engineer", "senior", "usa", null, "ISO 3166-1")]
    [InlineData("ml_engineer", "boss", null, null, "--seniority")]
    [InlineData("ml_engineer", "senior", null, "Atlantis", "--metro")]
    [InlineData("ml_engineer", "senior", "GB", "Seattle", "is not in")]
    public void Invalid_requests_are_refused_with_one_line(string role, string seniority, string? country, string? metro, string expected)
    {
        Assert.Contains(expected, new EstimateRequest(role, seniority, country, metro, []).Validate(), StringComparison.Ordinal);
    }
}
