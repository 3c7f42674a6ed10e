using SkillScope.Analytics;
using SkillScope.Career;
using SkillScope.Normalize;

namespace SkillScope.Tests.Figures;

public class FigureRulesTests
{
    [Theory]
    [InlineData("adzuna", "Python developer wanted. Long text that is otherwise fine", TextKinds.Snippet)]
    [InlineData("usajobs", "Data scientists at the agency analyze data.", TextKinds.Summary)]
    [InlineData("linkedin", "Build models in Python and SQL for our team", TextKinds.Summary)]
    [InlineData("csv", "", TextKinds.None)]
    public void Completeness_follows_the_source_and_the_text(string format, string text, string expected) =>
        Assert.Equal(expected, TextCompleteness.Classify(format, text).Kind);

    [Fact]
    public void A_long_text_is_full_and_an_ellipsis_ending_marks_a_cut()
    {
        var words = string.Join(' ', Enumerable.Range(0, 80).Select(i => $"word{i}"));

        Assert.Equal(TextKinds.Full, TextCompleteness.Classify("glassdoor", words).Kind);
        Assert.Equal(TextKinds.Snippet, TextCompleteness.Classify("glassdoor", words + " and more…").Kind);
    }

    [Fact]
    public void Mantel_Haenszel_sees_no_trend_when_only_the_source_mix_changes()
    {
        // Within each source the share is the same in both periods; pooled, it falls from 60% to 20%.
        TrendStratum[] strata = [new("full", 300, 500, 60, 100), new("snippets", 20, 100, 100, 500)];

        var change = StratifiedTrend.Compute(strata);

        Assert.Equal(StratifiedTrend.Stable, change.Trend);
        Assert.Equal(0, change.ChangePp, 6);
        Assert.True(change.LowPp < 0 && change.HighPp > 0);
    }

    [Fact]
    public void Mantel_Haenszel_finds_a_real_change_within_sources()
    {
        TrendStratum[] strata = [new("a", 50, 500, 150, 500), new("b", 20, 200, 60, 200)];

        var change = StratifiedTrend.Compute(strata);

        Assert.Equal(StratifiedTrend.Rising, change.Trend);
        Assert.Equal(20, change.ChangePp, 6);
        Assert.True(change.LowPp > 0);
        Assert.True(change.PValue < 0.001);
    }

    [Fact]
    public void Periods_with_no_shared_source_are_not_comparable()
    {
        TrendStratum[] strata = [new("adzuna", 0, 0, 100, 200), new("usajobs", 50, 300, 0, 0)];

        var change = StratifiedTrend.Compute(strata);

        Assert.Equal(StratifiedTrend.NotComparable, change.Trend);
        Assert.Contains("share no source", change.Reason, StringComparison.Ordinal);
        Assert.Equal(2, change.LeftOut.Count);
    }

    [Fact]
    public void A_shared_source_too_small_in_one_period_is_not_comparable()
    {
        var change = StratifiedTrend.Compute([new TrendStratum("hn", 2, 10, 40, 300)]);

        Assert.Equal(StratifiedTrend.NotComparable, change.Trend);
        Assert.Contains("30 postings", change.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.044, -0.093, 0.007, 0, false)]
    [InlineData(0.12, 0.05, 0.19, 0, true)]
    [InlineData(0.12, 0.05, 0.19, 0.9, false)]
    [InlineData(-0.08, -0.12, -0.03, 0, true)]
    public void A_premium_is_applied_only_when_its_interval_excludes_zero_and_its_pay_is_mostly_stated(
        double premium, double low, double high, double estimated, bool applied)
    {
        var decision = PremiumRules.Decide(premium, low, high, estimated);

        Assert.Equal(applied, decision.Applied);
        Assert.StartsWith(applied ? "applied" : "not applied", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I am interested in machine learning and data.", "machine learning", true)]
    [InlineData("Eager to learn Kubernetes next year", "Kubernetes", true)]
    [InlineData("Interests: deep learning, chess", "deep learning", true)]
    [InlineData("Built machine learning models in Python. Interested in hiking.", "machine learning", false)]
    [InlineData("Interested in hiking.\nShipped Python services for five years", "Python", false)]
    public void Interest_only_phrases_claim_no_skill(string text, string mention, bool interestOnly) =>
        Assert.Equal(interestOnly, InterestPhrases.IsInterestOnly(text, text.IndexOf(mention, StringComparison.Ordinal)));
}
