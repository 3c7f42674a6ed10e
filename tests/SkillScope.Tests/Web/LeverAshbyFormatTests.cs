using SkillScope.Ingest.Web;

namespace SkillScope.Tests.Web;

public class LeverFormatTests
{
    private static readonly LeverFormat Format = new();

    [Fact]
    public void Maps_postings_with_lists_appended_to_the_description()
    {
        var rows = WebFixtures.Read(Format, "lever-postings.json");

        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Null(r.Error));
        var job = rows[0].Record!;
        Assert.Equal("3f2a9c1e-7b4d-4e0a-9a51-0c6e8d2b7f10", job.SourceId);
        Assert.Equal("Senior Data Engineer", job.Title);
        Assert.Equal("lumenhealth", job.Company);
        Assert.Equal("Berlin", job.Location);
        Assert.Equal("DE", job.CountryHint);
        Assert.Equal(new DateOnly(2025, 1, 15), job.PostedDate);
        Assert.Equal("Full-time", job.EmploymentTypeHint);
        Assert.Equal("hybrid", job.WorkArrangementHint);
        Assert.Equal((85000m, 105000m, "EUR", "year"), (job.SalaryMin!.Value, job.SalaryMax!.Value, job.SalaryCurrency, job.SalaryPeriod));
        Assert.Contains("\n\nWhat you'll do\n- Build and operate pipelines in Python, Spark and dbt on Databricks\n", job.Description, StringComparison.Ordinal);
        Assert.Contains("- Strong SQL & Python; experience with Kafka is a plus", job.Description, StringComparison.Ordinal);
        Assert.EndsWith("applications from people of all backgrounds.", job.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Maps_hourly_monthly_and_missing_salaries_and_workplace_types()
    {
        var rows = WebFixtures.Read(Format, "lever-postings.json");

        var intern = rows[1].Record!;
        Assert.Equal((28m, 34m, "CAD", "hour"), (intern.SalaryMin!.Value, intern.SalaryMax!.Value, intern.SalaryCurrency, intern.SalaryPeriod));
        Assert.Equal("Intern", intern.EmploymentTypeHint);
        Assert.Equal("onsite", intern.WorkArrangementHint);

        var remote = rows[2].Record!;
        Assert.Null(remote.SalaryMin);
        Assert.Equal("remote", remote.WorkArrangementHint);
        Assert.Equal("Remote - US", remote.Location);

        var tokyo = rows[3].Record!;
        Assert.Equal("データアナリスト", tokyo.Title);
        Assert.Equal("東京", tokyo.Location);
        Assert.Equal("", tokyo.Description);
        Assert.Null(tokyo.WorkArrangementHint);

        var contract = rows[4].Record!;
        Assert.Equal("London", contract.Location);
        Assert.Equal("month", contract.SalaryPeriod);
        Assert.Equal("GBP", contract.SalaryCurrency);
    }

    [Theory]
    [InlineData("per-year-salary", "year")]
    [InlineData("per-month-salary", "month")]
    [InlineData("per-hour-wage", "hour")]
    [InlineData("bi-week-salary", "bi-week-salary")]
    public void Salary_intervals_become_period_ids_or_stay_as_stated(string interval, string expected) =>
        Assert.Equal(expected, LeverFormat.Interval(interval));

    [Fact]
    public void Created_at_that_is_not_epoch_milliseconds_rejects_the_posting()
    {
        var rows = WebFixtures.ReadText(Format, """[{"id":"a","text":"Data Analyst","createdAt":1736937000},{"id":"b","text":"ML Engineer","createdAt":"yesterday"}]""");

        Assert.Equal("'createdAt' 1736937000 is not a date in epoch milliseconds", rows[0].Error);
        Assert.Equal("'createdAt' must be a whole number, found the text \"yesterday\"", rows[1].Error);
    }
}

public class AshbyFormatTests
{
    private static readonly AshbyFormat Format = new();

    [Fact]
    public void Workplace_type_wins_over_is_remote()
    {
        var rows = WebFixtures.Read(Format, "ashby-job-board.json");

        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Null(r.Error));
        Assert.Equal("Hybrid", rows[0].Record!.WorkArrangementHint);
        Assert.Equal("remote", rows[1].Record!.WorkArrangementHint);
        Assert.Equal("OnSite", rows[2].Record!.WorkArrangementHint);
    }

    [Fact]
    public void Maps_the_salary_component_of_the_summary_or_of_the_only_tier()
    {
        var rows = WebFixtures.Read(Format, "ashby-job-board.json");

        var agents = rows[0].Record!;
        Assert.Equal((170000m, 210000m, "USD", "year"), (agents.SalaryMin!.Value, agents.SalaryMax!.Value, agents.SalaryCurrency, agents.SalaryPeriod));
        var mlops = rows[1].Record!;
        Assert.Equal((90000m, 115000m, "EUR", "year"), (mlops.SalaryMin!.Value, mlops.SalaryMax!.Value, mlops.SalaryCurrency, mlops.SalaryPeriod));
        Assert.Equal("DE", mlops.CountryHint);
        Assert.Null(rows[2].Record!.SalaryMin);
        Assert.Null(rows[2].Record!.SalaryText);
        Assert.Equal("¥6M - ¥8M", rows[3].Record!.SalaryText);
    }

    [Fact]
    public void Maps_identity_dates_text_and_employment_type()
    {
        var rows = WebFixtures.Read(Format, "ashby-job-board.json");

        var agents = rows[0].Record!;
        Assert.Equal("7c2f1a9e-3d84-4b6f-a0e1-58c9d2b7e613", agents.SourceId);
        Assert.Equal("AI Engineer, Agents", agents.Title);
        Assert.Equal("quillai", agents.Company);
        Assert.Equal("San Francisco", agents.Location);
        Assert.Null(agents.CountryHint);
        Assert.Equal(new DateOnly(2025, 3, 4), agents.PostedDate);
        Assert.Equal("FullTime", agents.EmploymentTypeHint);
        Assert.StartsWith("About Quill\n\nQuill builds AI agents that draft & review legal contracts.", agents.Description, StringComparison.Ordinal);

        var koeln = rows[2].Record!;
        Assert.Equal("Köln", koeln.Location);
        Assert.Equal("PartTime", koeln.EmploymentTypeHint);
        Assert.Contains("unterstützt", koeln.Description, StringComparison.Ordinal);

        var tokyo = rows[3].Record!;
        Assert.Equal("リサーチサイエンティスト（インターン）", tokyo.Title);
        Assert.Equal("", tokyo.Description);
        Assert.Equal("JP", tokyo.CountryHint);
        Assert.Equal("Intern", tokyo.EmploymentTypeHint);
    }

    [Fact]
    public void Description_html_is_used_when_plain_text_is_missing()
    {
        var rows = WebFixtures.ReadText(Format, """{"apiVersion":"1","jobs":[{"id":"x","title":"Data Scientist","descriptionHtml":"<p>SQL &amp; Python</p><ul><li>A/B testing</li></ul>"}]}""");

        Assert.Equal("SQL & Python\n\n- A/B testing", WebFixtures.Single(rows).Description);
    }

    [Fact]
    public void Is_remote_of_the_wrong_type_rejects_the_job()
    {
        var rows = WebFixtures.ReadText(Format, """{"jobs":[{"id":"x","title":"Data Scientist","isRemote":"yes"}]}""");

        Assert.Equal("'isRemote' must be true or false, found the text \"yes\"", Assert.Single(rows).Error);
    }
}
