using System.Globalization;
using System.Text.Json;
using SkillScope.Store;
using SkillScope.Career;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Skills;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Career;

/// <summary>Resumes written for the tests scored against real postings (Glassdoor 2020, read from the shared data).</summary>
public class ResumeScorerTests(RealPostingsStore postings) : IClassFixture<RealPostingsStore>
{
    private static ResumeScore Score(string resumeFixture, JobRecord posting, RoleDemand? market = null) =>
        ResumeScorer.Score(CareerKit.Read(CareerKit.Fixture(resumeFixture)), CareerKit.Profile(posting), SkillTaxonomy.Default, market);

    [SharedDataFact(CareerKit.Glassdoor)]
    public void Strong_weak_and_mismatched_resumes_rank_as_a_recruiter_would()
    {
        var posting = CareerKit.MlEngineerPosting();

        var strong = Score("strong-ml-engineer.md", posting);
        var mismatched = Score("mismatched-data-analyst.txt", posting);
        var weak = Score("weak-ml-engineer.txt", posting);

        Assert.InRange(strong.Score, 80, 100);
        Assert.InRange(mismatched.Score, weak.Score + 5, 55);
        Assert.InRange(weak.Score, 0, 30);
    }

    [SharedDataFact(CareerKit.Glassdoor)]
    public void The_analyst_resume_fits_the_analyst_posting_better_than_the_ml_resume_does()
    {
        var analystPosting = CareerKit.DataAnalystPosting();

        var analyst = Score("mismatched-data-analyst.txt", analystPosting);
        var engineer = Score("strong-ml-engineer.md", analystPosting);
        var analystOnMl = Score("mismatched-data-analyst.txt", CareerKit.MlEngineerPosting());

        Assert.True(analyst.Score > analystOnMl.Score + 10, $"{analyst.Score} vs {analystOnMl.Score}");
        Assert.True(analyst.Score > engineer.Score, $"{analyst.Score} vs {engineer.Score}");
        Assert.Equal(1.0, analyst.Breakdown.Single(f => f.Factor == "title").Points / analyst.Breakdown.Single(f => f.Factor == "title").Weight);
    }

    [SharedDataFact(CareerKit.Glassdoor)]
    public void The_same_input_gives_the_same_score_and_report()
    {
        var posting = CareerKit.MlEngineerPosting();

        var first = JsonSerializer.Serialize(Score("mismatched-data-analyst.txt", posting));
        var second = JsonSerializer.Serialize(Score("mismatched-data-analyst.txt", posting));

        Assert.Equal(first, second);
    }

    [SharedDataFact(CareerKit.Glassdoor)]
    public void Breakdown_weights_sum_to_100_and_points_to_the_score()
    {
        var score = Score("weak-ml-engineer.txt", CareerKit.MlEngineerPosting());

        Assert.Equal(["required_skills", "preferred_skills", "title", "experience", "education", "certifications", "soft_skills", "measurable_results"],
            score.Breakdown.Select(f => f.Factor));
        Assert.InRange(score.Breakdown.Sum(f => f.Weight), 99.6, 100.4);
        Assert.InRange(score.Breakdown.Sum(f => f.Points), score.Score - 0.9, score.Score + 0.9);
        // The posting names no certification: that factor is left out and the others are scaled up.
        var certifications = score.Breakdown.Single(f => f.Factor == "certifications");
        Assert.False(certifications.Applies);
        Assert.Equal(0, certifications.Weight);
        Assert.True(score.Breakdown.Single(f => f.Factor == "required_skills").Weight > ResumeScorer.RequiredSkillsWeight);
    }

    [SharedDataFact(CareerKit.Glassdoor)]
    public void Improvements_come_most_valuable_first_and_say_why()
    {
        var score = Score("weak-ml-engineer.txt", CareerKit.MlEngineerPosting());

        Assert.Equal(Enumerable.Range(1, score.Improvements.Count), score.Improvements.Select(i => i.Rank));
        var gains = score.Improvements.Select(i => i.Gain).ToList();
        Assert.Equal(gains.OrderByDescending(g => g), gains);
        // "frameworks such as TensorFlow and PyTorch" and "AWS / Azure / GCP": any one member satisfies the requirement.
        Assert.Contains(score.Improvements, i => i.Kind == "required_skill" && i.Text == "Add TensorFlow or PyTorch (either satisfies it): required in this posting");
        Assert.Contains(score.Improvements, i => i.Kind == "preferred_skill" && i.Text == "Add one of AWS, Microsoft Azure or Google Cloud Platform (any one satisfies it): preferred in this posting");
        Assert.Contains(score.Improvements, i => i.Text.StartsWith("Bullet 1 has no measurable result: \"Helped the analytics team", StringComparison.Ordinal));
        Assert.Contains(score.Improvements, i => i.Kind == "experience" && i.Text.StartsWith("The posting asks for 5+ years; the resume shows 3", StringComparison.Ordinal));
        // Everything the strong resume misses is worth less than what the weak one misses first.
        var strong = Score("strong-ml-engineer.md", CareerKit.MlEngineerPosting());
        Assert.True(strong.Improvements.Sum(i => i.Gain) < score.Improvements.Sum(i => i.Gain) / 4);
    }

    // The shares are of the role's full-text postings, each once, as `report skills` counts them (issue 11): the store's
    // USAJOBS summaries are left out and said to be.
    [SharedDataFact(CareerKit.Glassdoor, CareerKit.LinkedIn, CareerKit.Indeed)]
    public void Market_shares_in_improvements_are_the_share_of_full_text_postings_of_the_role_naming_the_skill()
    {
        var profile = CareerKit.Profile(CareerKit.DataAnalystPosting());
        var market = RoleDemand.Compute(postings.Store, SkillTaxonomy.Default, profile.Role);

        var score = ResumeScorer.Score(CareerKit.Read(CareerKit.Fixture("mismatched-data-analyst.txt")), profile, SkillTaxonomy.Default, market);

        Assert.Equal(Roles.DataAnalyst, profile.Role);
        var (withPython, all) = CountPostings(postings.Store.Path, Roles.DataAnalyst, "python");
        Assert.Equal(all, market.Postings);
        var expected = ((double)withPython / all * 100).ToString("0", CultureInfo.InvariantCulture);
        Assert.Contains(score.Improvements, i => i.Text == $"Add Python: required in this posting and in {expected}% of Data Analyst postings");
        Assert.Equal((double)withPython / all, score.Skills.Single(s => s.Skill == "python").MarketShare);
        Assert.True(score.Market.Quoted);
        // The same postings as `report skills --role data_analyst` counts, with the same left-out postings said.
        var (exit, output, error) = CliRunner.Run("report", "skills", "--role", Roles.DataAnalyst, "--top", "5000", "--format", "json", "--db", postings.Store.Path);
        Assert.True(exit == 0, error);
        using var report = JsonDocument.Parse(output);
        Assert.Equal(report.RootElement.GetProperty("postings").GetInt64(), market.Postings);
        Assert.Equal(
            report.RootElement.GetProperty("skills").EnumerateArray().Select(s => $"{s.GetProperty("skill").GetString()} {s.GetProperty("postings").GetInt64()}"),
            market.Skills.Values.OrderByDescending(s => s.Postings).ThenBy(s => s.Skill, StringComparer.Ordinal).Select(s => $"{s.Skill} {s.Postings}"));
        var leftOut = report.RootElement.GetProperty("leftOut").EnumerateArray().Select(l => (l.GetProperty("textKind").GetString(), l.GetProperty("postings").GetInt64())).ToList();
        Assert.Equal(leftOut, score.Market.LeftOut.Select(l => ((string?)l.TextKind, l.Postings)));
        Assert.Contains(leftOut, l => l.Item1 == TextKinds.Summary && l.Item2 > 0);
        Assert.Contains(score.Notes, n => n.StartsWith($"market shares are of {all:N0} Data Analyst postings with a full description (each posting once); left out: ", StringComparison.Ordinal));
        // Equal gains: the skill more analyst postings ask for comes first.
        var skillGains = score.Improvements.Where(i => i.Kind == "required_skill" && i.Text.StartsWith("Add ", StringComparison.Ordinal)).ToList();
        foreach (var equal in skillGains.GroupBy(i => i.Gain).Where(g => g.Count() > 1))
        {
            var shares = equal.Select(i => score.Skills.Single(s => s.Skill == i.Skill).MarketShare ?? -1).ToList();
            Assert.Equal(shares.OrderByDescending(s => s), shares);
        }
    }

    [Fact]
    public void A_skill_named_only_through_a_more_specific_one_earns_half_and_is_suggested_by_name()
    {
        var record = PostingInput.FromText("Deep Learning Engineer\nRequirements: 3+ years of experience with deep learning and Python.").Record!;
        var resume = CareerKit.FromText("""
            Lee Chen
            EXPERIENCE
            Machine Learning Engineer, Vision Co, Jan 2021 - Present
            - Trained PyTorch detection models on 2M images and cut false alarms by 35%
            - Wrote Python services that serve the models to 3 factories
            """);

        var score = ResumeScorer.Score(resume, CareerKit.Profile(record), SkillTaxonomy.Default);

        var deep = score.Skills.Single(s => s.Skill == "deep-learning");
        Assert.Equal("implied", deep.Status);
        Assert.Equal("PyTorch", deep.ImpliedBy);
        var required = score.Breakdown.Single(f => f.Factor == "required_skills");
        Assert.Equal(Math.Round(required.Weight * 0.75, 1), required.Points);
        Assert.Contains(score.Improvements, i => i.Text.StartsWith("Name Deep learning explicitly: required in this posting; the resume only implies it through PyTorch", StringComparison.Ordinal));
    }

    [Fact]
    public void A_posting_without_description_is_compared_on_its_title_only()
    {
        var record = RecordNormalizer.Normalize(new RawRecord { Kind = RecordKinds.Posting, Title = "Senior Machine Learning Engineer" }, FxRates.Default).Record!;

        var score = ResumeScorer.Score(CareerKit.Read(CareerKit.Fixture("strong-ml-engineer.md")), CareerKit.Profile(record), SkillTaxonomy.Default);

        Assert.Equal(["title", "measurable_results"], score.Breakdown.Where(f => f.Applies).Select(f => f.Factor));
        Assert.Contains(score.Notes, n => n.StartsWith("the posting has no description", StringComparison.Ordinal));
        Assert.Equal(100, score.Score);
    }

    [Theory]
    [InlineData("Led migration of 40 services to Kubernetes", true)]
    [InlineData("Cut cloud costs by 30%", true)]
    [InlineData("Saved $1.2M a year in licensing", true)]
    [InlineData("Sped up training 3x with mixed precision", true)]
    [InlineData("Served 2M users a day", true)]
    [InlineData("Ported the scoring service to C++, halving latency", true)]
    [InlineData("Migrated data pipelines to Python 3 in 2021", false)]
    [InlineData("Built ETL jobs on AWS S3 and EC2", false)]
    [InlineData("Fine-tuned GPT-4 prompts for support", false)]
    [InlineData("Worked closely with the product team", false)]
    public void Measurable_results_are_numbers_that_measure_something(string bullet, bool expected)
    {
        Assert.Equal(expected, ResumeScorer.HasMeasurableResult(bullet));
    }

    private static (long WithSkill, long All) CountPostings(string db, string role, string skill)
    {
        using var store = SkillStore.OpenReadOnly(db);
        using var command = store.Command("""
            SELECT
              (SELECT COUNT(*) FROM records r WHERE r.kind = 'posting' AND r.role = @role AND r.text_kind = 'full'
                 AND EXISTS (SELECT 1 FROM record_skills k WHERE k.record_id = r.id AND k.skill_id = @skill)),
              (SELECT COUNT(*) FROM records r WHERE r.kind = 'posting' AND r.role = @role AND r.text_kind = 'full')
            """);
        SkillScope.Store.Sql.Add(command, "@role", role);
        SkillScope.Store.Sql.Add(command, "@skill", skill);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (SkillScope.Store.Sql.Long(reader, 0), SkillScope.Store.Sql.Long(reader, 1));
    }
}
