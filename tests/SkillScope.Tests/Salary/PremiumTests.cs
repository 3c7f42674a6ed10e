using MathNet.Numerics.LinearAlgebra;
using SkillScope.Analytics;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Tests.Salaries;

public sealed class PremiumTests
{
    private const string Text = "synthetic posting text";

    // Eight postings, two levels, two with and two without the skill at each level. log pay (y):
    //   junior: with 1.2, 1.4 (mean 1.3)  without 1.0, 1.0 (mean 1.0)
    //   senior: with 2.5, 2.7 (mean 2.6)  without 2.2, 2.4 (mean 2.3)
    // Balanced and with no interaction, so by hand: beta = 0.3 (the within-level gap), residuals are the
    // deviations from the cell means (+-0.1, 0, 0, +-0.1, +-0.1), the skill residualized on the level is +-0.5,
    // HC1 variance = sum(r^2 e^2) / (sum r^2)^2 * n / (n - k) = (0.25 * 0.06) / 2^2 * 8 / 5 = 0.006,
    // and the 95% interval uses t(5) = 2.570582.
    [Fact]
    public void Hand_computed_small_case_gives_the_premium_and_interval_worked_out_by_hand()
    {
        double[] withJunior = [1.2, 1.4], withoutJunior = [1.0, 1.0], withSenior = [2.5, 2.7], withoutSenior = [2.2, 2.4];
        var rows = withJunior.Select(y => Posting("junior", y, "pytorch"))
            .Concat(withoutJunior.Select(y => Posting("junior", y)))
            .Concat(withSenior.Select(y => Posting("senior", y, "pytorch")))
            .Concat(withoutSenior.Select(y => Posting("senior", y)));
        using var store = new SalaryStoreBuilder().Add(rows);

        var premium = Assert.Single(SalaryPremiums.Compute(store.Store, SkillTaxonomy.Default, RecordFilter.None, minObservations: 4), p => p.Skill == "pytorch");

        const double beta = 0.3, se = 0.07745966692414834, t = 2.5705818366147395;
        Assert.Equal(Math.Exp(beta) - 1, premium.Premium, 9);
        Assert.Equal(Math.Exp(beta - (t * se)) - 1, premium.Low, 6);
        Assert.Equal(Math.Exp(beta + (t * se)) - 1, premium.High, 6);
        Assert.Equal(4, premium.NWith);
        Assert.Equal(4, premium.NWithout);
    }

    [Fact]
    public void Fit_equals_a_full_least_squares_solve_with_an_explicit_design_matrix()
    {
        var random = new Random(7);
        const int n = 400;
        int[][] factors = [new int[n], new int[n], new int[n]];
        int[] levels = [3, 4, 5];
        var y = new double[n];
        var skillA = new List<int>();
        var skillB = new List<int>();
        for (var i = 0; i < n; i++)
        {
            for (var f = 0; f < 3; f++)
            {
                factors[f][i] = random.Next(levels[f]);
            }

            var a = random.NextDouble() < 0.3 + (0.1 * factors[0][i]);
            var b = random.NextDouble() < 0.4;
            y[i] = 11 + (0.2 * factors[0][i]) - (0.1 * factors[1][i]) + (0.05 * factors[2][i]) + (a ? 0.15 : 0) + (b ? -0.05 : 0)
                + ((random.NextDouble() - 0.5) * (a ? 0.8 : 0.3));
            if (a)
            {
                skillA.Add(i);
            }

            if (b)
            {
                skillB.Add(i);
            }
        }

        var model = PremiumModel.Build(y, factors, levels);
        var fit = model.Fit([[.. skillA], [.. skillB]])!;

        // The textbook computation: X = [1, dummies (first level dropped), A, B]; beta = QR solve; HC1 sandwich.
        var columns = 1 + (levels[0] - 1) + (levels[1] - 1) + (levels[2] - 1) + 2;
        var x = Matrix<double>.Build.Dense(n, columns);
        for (var i = 0; i < n; i++)
        {
            x[i, 0] = 1;
            var c = 1;
            for (var f = 0; f < 3; f++)
            {
                for (var level = 1; level < levels[f]; level++, c++)
                {
                    x[i, c] = factors[f][i] == level ? 1 : 0;
                }
            }

            x[i, c] = skillA.Contains(i) ? 1 : 0;
            x[i, c + 1] = skillB.Contains(i) ? 1 : 0;
        }

        var yv = Vector<double>.Build.DenseOfArray(y);
        var coefficients = x.QR().Solve(yv);
        var residuals = yv - (x * coefficients);
        var bread = (x.Transpose() * x).Inverse();
        var meat = x.Transpose() * Matrix<double>.Build.DenseOfDiagonalVector(residuals.PointwiseMultiply(residuals)) * x;
        var covariance = bread * meat * bread * ((double)n / (n - columns));
        Assert.Equal(coefficients[columns - 2], fit[0].Beta, 10);
        Assert.Equal(coefficients[columns - 1], fit[1].Beta, 10);
        Assert.Equal(Math.Sqrt(covariance[columns - 2, columns - 2]), fit[0].StandardError, 10);
        Assert.Equal(Math.Sqrt(covariance[columns - 1, columns - 1]), fit[1].StandardError, 10);
    }

    // 6,000 postings with role, level, country and year effects; PyTorch pays a planted +20%, while SQL pays nothing
    // but is named mostly by seniors, so a naive with/without comparison shows a large, false premium for it.
    [Fact]
    public void Planted_premium_is_recovered_and_a_confounded_skill_shows_none()
    {
        using var store = new SalaryStoreBuilder().Add(Planted(6_000, seed: 42));

        var premiums = SalaryPremiums.Compute(store.Store, SkillTaxonomy.Default, RecordFilter.None);

        var pytorch = Assert.Single(premiums, p => p.Skill == "pytorch");
        Assert.InRange(pytorch.Premium, 0.17, 0.23);
        Assert.True(pytorch.Low < 0.20 && 0.20 < pytorch.High, $"interval {pytorch.Low:0.000}..{pytorch.High:0.000} misses 0.20");
        var sql = Assert.Single(premiums, p => p.Skill == "sql");
        Assert.True(sql.Low < 0 && 0 < sql.High, $"interval {sql.Low:0.000}..{sql.High:0.000} misses 0");

        var rows = Planted(6_000, seed: 42).ToList();
        var naive = rows.Where(r => r.Skills.Contains("sql")).Average(r => Math.Log(r.Usd)) - rows.Where(r => !r.Skills.Contains("sql")).Average(r => Math.Log(r.Usd));
        Assert.True(naive > 0.15, $"the synthetic data should confound SQL with seniority (naive gap {naive:0.000})");
    }

    [Fact]
    public void A_skill_group_counts_a_posting_once_for_any_of_its_skills()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 600).Select(i =>
        {
            var skill = (i % 4) switch { 0 => "langchain", 1 => "rag", _ => null };
            var usd = 100_000 * (skill is null ? 1.0 : 1.3) * Math.Exp((random.NextDouble() - 0.5) * 0.2);
            return Posting(i % 2 == 0 ? "mid" : "senior", Math.Log(usd), skill is null ? [] : [skill, "llms"]);
        });
        using var store = new SalaryStoreBuilder().Add(rows);

        var report = SalaryPremiums.Report(store.Store, SkillTaxonomy.Default, RecordFilter.None,
            new PremiumOptions { Skills = ["category:llm-genai", "langchain"] });

        var group = Assert.Single(report.Premiums, p => p.Skill == "category:llm-genai");
        Assert.Equal(300, group.NWith);
        Assert.Equal(300, group.NWithout);
        Assert.InRange(group.Premium, 0.28, 0.32);
        Assert.Equal(150, Assert.Single(report.Premiums, p => p.Skill == "langchain").NWith);
        Assert.Equal(2, report.Tested);
    }

    [Fact]
    public void Skills_below_the_threshold_are_not_reported_and_the_order_is_stable()
    {
        var rows = Planted(2_000, seed: 9).Select((r, i) => i < 20 ? r with { Skills = [.. r.Skills, "lora"] } : r).ToList();
        using var store = new SalaryStoreBuilder().Add(rows);

        var first = SalaryPremiums.Compute(store.Store, SkillTaxonomy.Default, RecordFilter.None, minObservations: 30);
        var second = SalaryPremiums.Compute(store.Store, SkillTaxonomy.Default, RecordFilter.None, minObservations: 30);

        Assert.DoesNotContain(first, p => p.Skill == "lora");
        Assert.Contains(SalaryPremiums.Compute(store.Store, SkillTaxonomy.Default, RecordFilter.None, minObservations: 20), p => p.Skill == "lora");
        Assert.Equal(first, second);
        Assert.Equal(first.OrderByDescending(p => p.Premium).Select(p => p.Skill), first.Select(p => p.Skill));
        Assert.All(first, p => Assert.True(p.NWith >= 30 && p.NWithout >= 30));
    }

    [Fact]
    public void Salary_reports_and_postings_without_text_never_enter_the_fit()
    {
        var rows = Planted(500, seed: 5).ToList();
        rows.Add(new SalaryRow("salary_report", "ml_engineer", "senior", "US", 900_000));
        rows.Add(new SalaryRow("posting", "ml_engineer", "senior", "US", 900_000));
        rows.Add(new SalaryRow("posting", "ml_engineer", "senior", "US", 900_000) { Description = Text, Flag = "implausible" });
        using var store = new SalaryStoreBuilder().Add(rows);

        var report = SalaryPremiums.Report(store.Store, SkillTaxonomy.Default, RecordFilter.None, new PremiumOptions());

        Assert.Equal(500, report.N);
    }

    internal static SalaryRow Posting(string seniority, double logUsd, params string[] skills) =>
        new("posting", "ml_engineer", seniority, "US", Math.Exp(logUsd)) { Description = Text, Skills = skills };

    internal static IEnumerable<SalaryRow> Planted(int count, int seed)
    {
        var random = new Random(seed);
        string[] roles = ["ml_engineer", "data_scientist", "data_engineer"];
        string[] levels = ["junior", "mid", "senior", "lead"];
        string[] countries = ["US", "GB", "DE"];
        double[] roleEffect = [0.1, 0, -0.05], levelEffect = [-0.4, -0.15, 0.1, 0.3], countryEffect = [0.3, -0.1, -0.2];
        for (var i = 0; i < count; i++)
        {
            var (role, level, country, year) = (random.Next(3), random.Next(4), random.Next(3), 2024 + random.Next(3));
            var pytorch = random.NextDouble() < 0.25;
            var sql = random.NextDouble() < (level >= 2 ? 0.7 : 0.15);
            var noise = Normal(random) * 0.25;
            var log = Math.Log(100_000) + roleEffect[role] + levelEffect[level] + countryEffect[country] + (0.03 * (year - 2024))
                + (pytorch ? Math.Log(1.2) : 0) + noise;
            List<string> skills = ["python"];
            if (pytorch)
            {
                skills.Add("pytorch");
            }

            if (sql)
            {
                skills.Add("sql");
            }

            yield return new SalaryRow("posting", roles[role], levels[level], countries[country], Math.Exp(log))
            {
                Year = year, Description = Text, Skills = skills,
            };
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
