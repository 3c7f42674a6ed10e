using System.Globalization;
using SkillScope.Career;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Skills;
using SkillScope.Store;
using Xunit.Abstractions;

namespace SkillScope.Tests.Career;

/// <summary>
/// Issue 15, matches by fit: on a store with snippets and full postings, resumes written for the tests find postings of
/// their role and level, not the shortest texts; each match says why; the report filters apply.
/// </summary>
public class MatchByFitTests(MixedPostingsStore postings, ITestOutputHelper output) : IClassFixture<MixedPostingsStore>
{
    private MatchReport Match(string fixture, MatchRequest? request = null)
    {
        var report = JobMatcher.Match(postings.Store, SkillTaxonomy.Default, CareerKit.Read(CareerKit.Fixture(fixture)), request ?? new MatchRequest());
        foreach (var m in report.Matches)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Rank,2} {m.Score,5:0.0} {m.Role,-14} {m.Seniority,-8} {m.TextKind,-8} {m.Title} ({m.Company})"));
        }

        return report;
    }

    [SharedDataFact(CareerKit.Glassdoor, MixedPostingsStore.Adzuna, MixedPostingsStore.HnApril)]
    public void A_strong_senior_ml_resume_gets_mostly_senior_or_lead_ml_engineer_postings()
    {
        var report = Match("strong-ml-engineer.md");

        Assert.Equal(10, report.Matches.Count);
        var ml = report.Matches.Count(m => m.Role is Roles.MlEngineer or Roles.AiEngineer or Roles.MlopsEngineer);
        var seniorOrLead = report.Matches.Count(m => m.Seniority is Seniorities.Senior or Seniorities.Lead);
        output.WriteLine($"top 10: {ml} ML/AI engineer postings, {seniorOrLead} senior or lead");
        Assert.True(ml >= 7, $"{ml} of 10 are ML/AI engineer postings");
        Assert.True(seniorOrLead >= 6, $"{seniorOrLead} of 10 are senior or lead");
        Assert.Equal(Roles.MlEngineer, report.Matches[0].Role);
        // The HN 2026 runs hold the same ad in several months: one opportunity is listed once.
        Assert.Equal(10, report.Matches.Select(m => (m.Company, m.Title, m.Location)).Distinct().Count());
    }

    [SharedDataFact(CareerKit.Glassdoor, MixedPostingsStore.Adzuna, MixedPostingsStore.HnApril)]
    public void Short_snippets_do_not_win_for_being_short()
    {
        var report = Match("strong-ml-engineer.md", new MatchRequest { Top = 20 });

        var snippets = report.Matches.Count(m => m.TextKind is TextKinds.Snippet or TextKinds.Summary);
        Assert.True(snippets <= 4, $"{snippets} of the top 20 are snippets or summaries");
        Assert.True(report.Matches[0].TextKind == TextKinds.Full, report.Matches[0].Title);
        // A snippet that names few skills is not a perfect skill fit: its asks are unknown.
        Assert.All(report.Matches.Where(m => m.TextKind == TextKinds.Snippet), m => Assert.True(m.Completeness < 1));
    }

    [SharedDataFact(CareerKit.Glassdoor, MixedPostingsStore.Adzuna, MixedPostingsStore.HnApril)]
    public void Each_match_explains_skills_missing_requirements_role_level_place_and_stated_pay()
    {
        var report = Match("senior-data-scientist-pyspark.md", new MatchRequest { Top = 30 });

        Assert.All(report.Matches, m =>
        {
            Assert.StartsWith("skills: ", m.Why[0], StringComparison.Ordinal);
            Assert.Contains(m.Why, w => w.StartsWith("role: ", StringComparison.Ordinal));
            Assert.Contains(m.Why, w => w.StartsWith("level: ", StringComparison.Ordinal));
            Assert.Contains(m.Why, w => w.StartsWith("text: ", StringComparison.Ordinal));
            Assert.Equal(m.MissingRequired.Count > 0, m.Why.Any(w => w.StartsWith("missing required: ", StringComparison.Ordinal)));
            Assert.Equal(m.Pay is not null, m.Why.Any(w => w.StartsWith("pay: $", StringComparison.Ordinal)));
        });
        Assert.Contains(report.Matches, m => m.Why.Any(w => w.StartsWith("place: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Only_stated_pay_is_shown()
    {
        Assert.Equal("$120,000-$150,000 a year", JobMatcher.StatedPay(new Salary(120000, 150000, "USD", "year", 120000, 150000, 135000, false, null)));
        Assert.Null(JobMatcher.StatedPay(new Salary(120000, 150000, "USD", "year", 120000, 150000, 135000, IsEstimate: true, null)));
        Assert.Null(JobMatcher.StatedPay(null));
    }

    [SharedDataFact(CareerKit.Glassdoor, MixedPostingsStore.Adzuna, MixedPostingsStore.HnApril)]
    public void The_report_filters_apply_to_matches()
    {
        var filter = new RecordFilter { Seniorities = [Seniorities.Senior, Seniorities.Lead], Sources = ["hn"], Since = new DateOnly(2026, 1, 1) };
        if (!FilterRules.TryMatchSources(filter, StoreCatalog.Sources(postings.Store), out var matched, out _))
        {
            matched = filter with { Sources = [] };
        }

        var report = Match("strong-ml-engineer.md", new MatchRequest { Filter = matched });

        Assert.NotEmpty(report.Matches);
        Assert.All(report.Matches, m => Assert.Contains(m.Seniority, new[] { Seniorities.Senior, Seniorities.Lead }));
    }
}
