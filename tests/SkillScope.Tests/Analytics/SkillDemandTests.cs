using System.Text.Json;
using SkillScope.Analytics;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Analytics;

public class SkillDemandTests
{
    private const string Header = "role,title,city,state,description,posted_date,close_date,job_grade,salary_min,salary_max,employment_type,is_remote\n";

    // Four postings with text and one salary response: shares are of the four postings only.
    private static string Postings() => Header
        + "x,Data Scientist,Seattle,Washington,\"Required: Python and SQL. Nice to have: PyTorch.\",2025-02-01,2025-03-01,GS,100000,120000,Full-Time,False\n"
        + "x,Data Engineer,Denver,Colorado,\"You will build pipelines in Python with Airflow and SQL.\",2025-05-01,2025-06-01,GS,100000,120000,Full-Time,False\n"
        + "x,ML Engineer,Austin,Texas,\"Requirements: Python, PyTorch, Docker.\",2026-02-01,2026-03-01,GS,100000,120000,Full-Time,False\n"
        + "x,Data Analyst,Boston,Massachusetts,\"Tableau dashboards and Excel reporting.\",2026-05-01,2026-06-01,GS,100000,120000,Full-Time,False\n";

    private static JsonElement Report(TempFolder temp, params string[] extra)
    {
        var postings = temp.Write("postings.csv", Postings());
        var survey = temp.Write("survey.csv", "work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size\n"
            + "2025,SE,FT,Python Developer,150000,USD,150000,US,0,US,M\n");
        Assert.Equal(0, CliRunner.Run("ingest", postings, survey, "--db", temp.Db).Exit);
        // The fixture is USAJOBS' layout, whose texts are summaries: counted only with --include-snippets.
        var (exit, output, error) = CliRunner.Run(["report", "skills", "--db", temp.Db, "--format", "json", .. extra.Contains("--full-text-only") ? extra.Where(e => e != "--full-text-only") : [.. extra, "--include-snippets"]]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static JsonElement Skill(JsonElement report, string id) =>
        report.GetProperty("skills").EnumerateArray().Single(s => s.GetProperty("skill").GetString() == id);

    [Fact]
    public void Shares_count_each_posting_once_and_never_salary_reports()
    {
        using var temp = new TempFolder();
        var report = Report(temp);

        Assert.Equal(4, report.GetProperty("postings").GetInt64());
        var python = Skill(report, "python");
        Assert.Equal(3, python.GetProperty("postings").GetInt64());
        Assert.Equal(0.75, python.GetProperty("share").GetDouble(), 9);
        Assert.Equal("very high", python.GetProperty("demand").GetString());
        Assert.Equal(2, Skill(report, "pytorch").GetProperty("postings").GetInt64());
    }

    [Fact]
    public void A_skill_under_a_nice_to_have_heading_is_preferred_there()
    {
        using var temp = new TempFolder();
        var pytorch = Skill(Report(temp), "pytorch");

        Assert.Equal(0.5, pytorch.GetProperty("requiredShare").GetDouble(), 9);
        Assert.Equal(0.5, pytorch.GetProperty("preferredShare").GetDouble(), 9);
    }

    [Fact]
    public void Compare_splits_postings_by_period_and_claims_no_trend_from_tiny_samples()
    {
        using var temp = new TempFolder();
        var report = Report(temp, "--compare", "2025", "2026");

        Assert.Equal(2, report.GetProperty("postingsA").GetInt64());
        Assert.Equal(2, report.GetProperty("postingsB").GetInt64());
        var sql = report.GetProperty("trends").EnumerateArray().Single(t => t.GetProperty("skill").GetString() == "sql");
        var usajobs = sql.GetProperty("sources").EnumerateArray().Single();
        Assert.Equal(("usajobs", 2, 2, 0, 2), (usajobs.GetProperty("source").GetString(), usajobs.GetProperty("postingsA").GetInt64(),
            usajobs.GetProperty("totalA").GetInt64(), usajobs.GetProperty("postingsB").GetInt64(), usajobs.GetProperty("totalB").GetInt64()));
        // 2 vs 2 postings: no source has enough postings in both periods to compare.
        Assert.Equal("not comparable", sql.GetProperty("trend").GetString());
        Assert.Contains("30 postings", sql.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("30 postings", report.GetProperty("trendNote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_shares_count_full_descriptions_only_and_say_what_was_left_out()
    {
        using var temp = new TempFolder();
        var report = Report(temp, "--full-text-only");

        Assert.Equal(0, report.GetProperty("postings").GetInt64());
        Assert.False(report.GetProperty("includeSnippets").GetBoolean());
        var leftOut = report.GetProperty("leftOut").EnumerateArray().Single();
        Assert.Equal(("summary", 4), (leftOut.GetProperty("textKind").GetString(), leftOut.GetProperty("postings").GetInt64()));
    }

    [Fact]
    public void Co_skills_report_lift_against_independence()
    {
        using var temp = new TempFolder();
        var report = Report(temp, "--co-skills", "pytorch");

        var python = report.GetProperty("coSkills").EnumerateArray().Single(c => c.GetProperty("skill").GetString() == "python");
        Assert.Equal(2, python.GetProperty("together").GetInt64());
        Assert.Equal(2.0 * 4 / (2 * 3), python.GetProperty("lift").GetDouble(), 9);
    }

    [Theory]
    [InlineData(0, 10, 0.0, 0.27753)]
    [InlineData(5, 10, 0.23659, 0.76341)]
    [InlineData(81, 263, 0.25530, 0.36624)]
    public void Wilson_interval_matches_published_values(long successes, long n, double low, double high)
    {
        var (l, h) = SkillDemand.Wilson(successes, n);

        Assert.Equal(low, l, 4);
        Assert.Equal(high, h, 4);
    }

    [Fact]
    public void Two_proportion_test_matches_a_hand_computed_case()
    {
        // p1 = 30/100, p2 = 50/100, pooled 0.4, se = sqrt(0.4*0.6*0.02) = 0.069282, z = 2.88675, two-sided p = 0.003892
        Assert.Equal(0.003892, SkillDemand.TwoProportionPValue(30, 100, 50, 100), 5);
        Assert.Equal(1, SkillDemand.TwoProportionPValue(3, 10, 3, 10), 9);
    }

    [Theory]
    [InlineData(30, 100, 50, 100, true)]
    [InlineData(2, 2, 0, 2, false)]
    [InlineData(1, 400, 4, 400, false)]
    [InlineData(0, 0, 5, 10, false)]
    public void The_z_test_is_used_only_when_expected_counts_reach_five(long x1, long n1, long x2, long n2, bool holds) =>
        Assert.Equal(holds, SkillDemand.NormalApproximationHolds(x1, n1, x2, n2));

    [Theory]
    [InlineData("2025", "2025-01-01", "2025-12-31")]
    [InlineData("2026Q2", "2026-04-01", "2026-06-30")]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31")]
    [InlineData("2026-01-15..2026-02-10", "2026-01-15", "2026-02-10")]
    public void Periods_parse_as_years_quarters_and_ranges(string text, string from, string to)
    {
        var period = SkillDemand.ParsePeriod(text);

        Assert.NotNull(period);
        Assert.Equal((from, to), (period.From.ToString("yyyy-MM-dd"), period.To.ToString("yyyy-MM-dd")));
    }

    [Theory]
    [InlineData("last year")]
    [InlineData("2026Q5")]
    [InlineData("2026-03-01..2026-01-01")]
    public void Unreadable_periods_are_rejected(string text) => Assert.Null(SkillDemand.ParsePeriod(text));
}
