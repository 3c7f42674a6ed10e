using System.Globalization;
using System.Text;
using SkillScope.Career;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Skills;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Career;

public partial class SkillGapTests(RealPostingsStore postings) : IClassFixture<RealPostingsStore>
{
    private const string UsajobsHeader = "role,title,city,state,description,posted_date,close_date,job_grade,salary_min,salary_max,employment_type,is_remote\n";

    /// <summary>
    /// 40 ML engineer postings with known skill counts (USAJOBS rows are summaries, so the requests on it count them:
    /// IncludeSnippets): Python in all, PyTorch in 30, LLMs and fine-tuning in 20, LoRA in 12,
    /// pandas in 10, Kubernetes in 8.
    /// </summary>
    private static SkillStore SyntheticStore(TempFolder temp)
    {
        var csv = new StringBuilder(UsajobsHeader);
        for (var i = 0; i < 40; i++)
        {
            var skills = new List<string> { "Python" };
            if (i < 30) skills.Add("PyTorch");
            if (i < 20) skills.Add("LLMs and fine-tuning");
            if (i < 12) skills.Add("LoRA");
            if (i < 10) skills.Add("pandas");
            if (i < 8) skills.Add("Kubernetes");
            var description = $"Posting {i}. Requirements: experience with {string.Join(", ", skills)}.";
            csv.Append(CultureInfo.InvariantCulture, $"machine learning engineer,Machine Learning Engineer,Seattle,Washington,\"{description}\",2026-01-{1 + (i % 28):00},2026-06-30,GS,120000,160000,Full-Time,False\n");
        }

        var path = temp.Write("postings.csv", csv.ToString());
        var store = SkillStore.Open(temp.Db);
        var index = new SkillIndex(SkillExtractor.Default, SkillTaxonomy.Default.Version);
        new IngestService(store, FxRates.Default, FixedTime.Default).Ingest(path, new IngestOptions());
        return store;
    }

    private static Dictionary<string, int> StageOf(SkillGapReport report) =>
        report.Stages.SelectMany(s => s.Skills.Select(k => (k.Skill, s.Stage))).ToDictionary(p => p.Skill, p => p.Stage);

    [Fact]
    public void Missing_skills_are_ranked_by_demand_share()
    {
        using var temp = new TempFolder();
        using var store = SyntheticStore(temp);

        var report = SkillGap.Compute(store, SkillTaxonomy.Default, new GapRequest { Have = ["python"], TargetRole = Roles.MlEngineer, IncludeSnippets = true });

        Assert.Equal(40, report.Basis.Postings);
        // LLMs and fine-tuning tie at 50%: ids break the tie.
        Assert.Equal(["pytorch", "fine-tuning", "llms", "lora", "pandas", "kubernetes"], report.Missing.Select(m => m.Skill));
        Assert.Equal(0.75, report.Missing[0].Share);
        Assert.Equal(0.3, report.Missing.Single(m => m.Skill == "lora").Share);
        Assert.DoesNotContain(report.Missing, m => m.Skill == "python");
        Assert.Contains("named in 75% of ML Engineer postings (n = 40;", report.Missing[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Roadmap_stages_follow_prerequisite_order()
    {
        using var temp = new TempFolder();
        using var store = SyntheticStore(temp);

        var report = SkillGap.Compute(store, SkillTaxonomy.Default, new GapRequest { Have = [], TargetRole = Roles.MlEngineer, IncludeSnippets = true });
        var stage = StageOf(report);

        // Python before PyTorch (a framework comes after the language it is used from) and the taxonomy's chain
        // deep learning -> transformers -> LLMs -> fine-tuning -> LoRA.
        Assert.True(stage["python"] < stage["pytorch"]);
        Assert.True(stage["deep-learning"] < stage["pytorch"]);
        Assert.True(stage["transformers"] < stage["llms"]);
        Assert.True(stage["llms"] < stage["fine-tuning"]);
        Assert.True(stage["fine-tuning"] < stage["lora"]);
        Assert.True(stage["python"] < stage["pandas"]);
        Assert.Equal("prerequisite of PyTorch", report.Stages.SelectMany(s => s.Skills).Single(s => s.Skill == "deep-learning").Why[..23]);
        Assert.Equal(Enumerable.Range(1, report.Stages.Count), report.Stages.Select(s => s.Stage));
    }

    [Fact]
    public void Skills_implied_by_what_the_person_names_are_not_suggested_again()
    {
        using var temp = new TempFolder();
        using var store = SyntheticStore(temp);

        var report = SkillGap.Compute(store, SkillTaxonomy.Default, new GapRequest { Have = ["python", "pytorch"], TargetRole = Roles.MlEngineer, IncludeSnippets = true });
        var suggested = StageOf(report);

        Assert.DoesNotContain("deep-learning", suggested.Keys);
        Assert.DoesNotContain("machine-learning", suggested.Keys);
        Assert.Contains("transformers", suggested.Keys);
        Assert.Equal(1, suggested["pandas"]);
        Assert.Equal(1, suggested["transformers"]);
    }

    [Fact]
    public void Salary_premiums_and_estimates_come_from_the_injected_model_and_are_not_known_without_one()
    {
        using var temp = new TempFolder();
        using var store = SyntheticStore(temp);
        var model = new DelegateSalaryInsight(
            id => id switch
            {
                "lora" => new SkillPremiumInfo(0.15, 0.05, 0.25, 120, 900),
                "kubernetes" => new SkillPremiumInfo(0.05, -0.02, 0.12, 200, 800),
                _ => null,
            },
            query => new SalaryFigure(100_000 + (5_000 * query.Skills.Count), null, null, 500, "ml_engineer x senior"));
        var request = new GapRequest { Have = ["python", "pytorch"], TargetRole = Roles.MlEngineer, IncludeSnippets = true };

        var withModel = SkillGap.Compute(store, SkillTaxonomy.Default, request, model);
        var without = SkillGap.Compute(store, SkillTaxonomy.Default, request);

        var lora = withModel.Missing.Single(m => m.Skill == "lora");
        Assert.Equal(0.15, lora.Premium!.Premium);
        Assert.Contains("salary premium: +15% (95% CI +5 to +25%, n = 120 with, 900 without; applied", lora.Why, StringComparison.Ordinal);
        Assert.Equal(0.3 * 1.15, lora.Value, 9);
        // A premium whose interval includes zero is shown but does not raise the skill's value.
        var transformers = withModel.Missing.Single(m => m.Skill == "kubernetes");
        Assert.Contains("not applied: the 95% interval (-2.0% to +12.0%) includes zero", transformers.Why, StringComparison.Ordinal);
        Assert.Equal(transformers.Share, transformers.Value, 9);
        Assert.Contains("salary premium: not known (n too small)", withModel.Missing.Single(m => m.Skill == "pandas").Why, StringComparison.Ordinal);
        Assert.Equal(110_000, withModel.SalaryNow!.MedianUsd);
        Assert.All(withModel.Stages, s => Assert.Equal(5_000 * s.Skills.Count, s.SalaryChange));
        Assert.StartsWith("adds +$", withModel.Stages[0].Salary, StringComparison.Ordinal);

        Assert.All(without.Missing, m => Assert.Null(m.Premium));
        Assert.All(without.Missing, m => Assert.Contains("salary premium: not known (n too small)", m.Why, StringComparison.Ordinal));
        Assert.All(without.Stages, s => Assert.Equal("adds to the salary estimate: not known (n too small)", s.Salary));
        Assert.Null(without.SalaryNow);
    }

    [Fact]
    public void Too_few_postings_in_a_country_fall_back_to_every_country_and_say_so()
    {
        using var temp = new TempFolder();
        using var store = SyntheticStore(temp);

        var report = SkillGap.Compute(store, SkillTaxonomy.Default, new GapRequest { Have = ["python"], TargetRole = Roles.MlEngineer, IncludeSnippets = true, Country = "GB" });

        Assert.Null(report.Country);
        Assert.Equal(40, report.Basis.Postings);
        Assert.Equal(["only 0 ML Engineer postings in GB: using every country"], report.Fallbacks);
    }

    [SharedDataFact(CareerKit.Glassdoor, CareerKit.LinkedIn, CareerKit.Indeed)]
    public void On_real_postings_every_suggested_prerequisite_comes_in_an_earlier_stage()
    {
        var resume = CareerKit.Read(CareerKit.Fixture("weak-ml-engineer.txt"));

        var report = SkillGap.Compute(postings.Store, SkillTaxonomy.Default,
            new GapRequest { Have = [.. resume.Skills.Select(s => s.Id)], TargetRole = Roles.DataScientist, Top = 15 });

        Assert.True(report.Basis.Quoted);
        Assert.Equal(15, report.Missing.Count);
        var stage = StageOf(report);
        foreach (var (skill, at) in stage)
        {
            for (var parent = SkillTaxonomy.Default.Find(skill)!.Parent; parent is not null; parent = SkillTaxonomy.Default.Find(parent)!.Parent)
            {
                if (stage.TryGetValue(parent, out var parentStage))
                {
                    Assert.True(parentStage < at, $"{parent} (stage {parentStage}) should come before {skill} (stage {at})");
                }
            }
        }

        var shares = report.Missing.Select(m => m.Value).ToList();
        Assert.Equal(shares.OrderByDescending(v => v), shares);
        Assert.InRange(report.Coverage, 0.01, 0.99);
    }
}
