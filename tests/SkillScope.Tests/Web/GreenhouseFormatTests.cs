using SkillScope.Ingest.Web;
using SkillScope.Model;

namespace SkillScope.Tests.Web;

public class GreenhouseFormatTests
{
    private static readonly GreenhouseFormat Format = new();

    [Fact]
    public void Reads_every_job_of_the_board_with_position_and_line()
    {
        var rows = WebFixtures.Read(Format, "greenhouse-jobs.json");

        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Null(r.Error));
        Assert.Equal([1L, 2, 3, 4, 5], rows.Select(r => r.Position));
        Assert.Equal(3, rows[0].Line);
        Assert.All(rows, r => Assert.StartsWith("{", r.RawText, StringComparison.Ordinal));
    }

    [Fact]
    public void Maps_fields_and_converts_pay_ranges_from_cents()
    {
        var job = WebFixtures.Read(Format, "greenhouse-jobs.json")[0].Record!;

        Assert.Equal(RecordKinds.Posting, job.Kind);
        Assert.Equal("4012345006", job.SourceId);
        Assert.Equal("Senior Machine Learning Engineer, Ranking", job.Title);
        Assert.Equal("Northwind Analytics", job.Company);
        Assert.Equal("San Francisco, CA", job.Location);
        Assert.Equal(new DateOnly(2025, 1, 27), job.PostedDate);
        Assert.Equal(185000m, job.SalaryMin);
        Assert.Equal(240000m, job.SalaryMax);
        Assert.Equal("USD", job.SalaryCurrency);
        Assert.Equal("year", job.SalaryPeriod);
        Assert.Equal("Full-time", job.EmploymentTypeHint);
        Assert.Equal("Hybrid", job.WorkArrangementHint);
        Assert.Equal("https://job-boards.greenhouse.io/northwindanalytics/jobs/4012345006", job.Url);
    }

    [Fact]
    public void Decodes_escaped_html_content_to_text_with_entities_resolved()
    {
        var description = WebFixtures.Read(Format, "greenhouse-jobs.json")[0].Record!.Description!;

        Assert.StartsWith("Northwind Analytics helps 4,000 retailers forecast demand & price their shelves.", description, StringComparison.Ordinal);
        Assert.Contains("What you\u2019ll do", description, StringComparison.Ordinal);
        Assert.Contains("\n- Design, train and ship learning-to-rank models (XGBoost, PyTorch) for product search\n", description, StringComparison.Ordinal);
        Assert.DoesNotContain("&", description.Replace("demand & price", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_japanese_and_german_text_and_states_yen_in_cents()
    {
        var rows = WebFixtures.Read(Format, "greenhouse-jobs.json");
        var tokyo = rows[2].Record!;
        var munich = rows[3].Record!;

        Assert.Equal("機械学習エンジニア（需要予測）", tokyo.Title);
        Assert.Equal("東京都渋谷区", tokyo.Location);
        Assert.Contains("Python と SQL による3年以上の開発経験", tokyo.Description, StringComparison.Ordinal);
        Assert.Equal(9000000m, tokyo.SalaryMin);
        Assert.Equal("JPY", tokyo.SalaryCurrency);
        Assert.Null(tokyo.EmploymentTypeHint);

        Assert.Equal("München, Bayern, Deutschland", munich.Location);
        Assert.Contains("Preis- & Absatzmodelle", munich.Description, StringComparison.Ordinal);
        Assert.Contains("o.ä.", munich.Description, StringComparison.Ordinal);
        Assert.Equal("Vollzeit", munich.EmploymentTypeHint);
        Assert.Null(munich.SalaryMin);
    }

    [Fact]
    public void Missing_salary_and_a_remote_no_flag_state_nothing()
    {
        var job = WebFixtures.Read(Format, "greenhouse-jobs.json")[1].Record!;

        Assert.Null(job.SalaryMin);
        Assert.Null(job.SalaryMax);
        Assert.Null(job.SalaryPeriod);
        Assert.Null(job.WorkArrangementHint);
        Assert.Null(job.EmploymentTypeHint);
    }

    [Fact]
    public void Empty_content_falls_back_to_office_location_and_hourly_range()
    {
        var job = WebFixtures.Read(Format, "greenhouse-jobs.json")[4].Record!;

        Assert.Equal("", job.Description);
        Assert.Equal("Remote - Canada", job.Location);
        Assert.Equal(new DateOnly(2025, 2, 12), job.PostedDate);
        Assert.Equal(90m, job.SalaryMin);
        Assert.Equal(120m, job.SalaryMax);
        Assert.Equal("hour", job.SalaryPeriod);
        Assert.Equal("CAD", job.SalaryCurrency);
        Assert.Equal("Contract", job.EmploymentTypeHint);
        Assert.Equal("remote", job.WorkArrangementHint);
    }

    [Fact]
    public void Company_comes_from_the_board_url_when_the_job_does_not_name_it()
    {
        const string json = """{"jobs":[{"id":1,"title":"Data Engineer","absolute_url":"https://boards.greenhouse.io/acmeml/jobs/1","updated_at":"2025-01-02T03:04:05Z"}]}""";

        Assert.Equal("acmeml", WebFixtures.Single(WebFixtures.ReadText(Format, json)).Company);
    }

    [Fact]
    public void A_single_job_object_is_read_as_one_record()
    {
        const string json = """{"id":7,"title":"Data Engineer","absolute_url":"https://boards.greenhouse.io/acmeml/jobs/7","updated_at":"2025-01-02T03:04:05Z","pay_input_ranges":[{"min_cents":10000000,"max_cents":12000000,"currency_type":"USD","title":"US"}]}""";

        var job = WebFixtures.Single(WebFixtures.ReadText(Format, json));

        Assert.Equal("7", job.SourceId);
        Assert.Equal(100000m, job.SalaryMin);
    }

    [Fact]
    public void A_number_where_text_is_expected_rejects_that_job_only()
    {
        const string json = """{"jobs":[{"id":1,"title":12345,"updated_at":"2025-01-02"},{"id":2,"title":"Data Analyst","updated_at":"2025-01-02"}]}""";

        var rows = WebFixtures.ReadText(Format, json);

        Assert.Equal(2, rows.Count);
        Assert.Equal("'title' must be text, found the number 12345", rows[0].Error);
        Assert.Contains("\"title\":12345", rows[0].RawText, StringComparison.Ordinal);
        Assert.Equal("Data Analyst", rows[1].Record!.Title);
    }

    [Fact]
    public void Detects_greenhouse_by_content_and_not_the_other_boards()
    {
        Assert.True(Format.Matches(WebFixtures.Probe("export.json", WebFixtures.Text("greenhouse-jobs.json"))));
        Assert.False(Format.Matches(WebFixtures.Probe("export.json", WebFixtures.Text("lever-postings.json"))));
        Assert.False(Format.Matches(WebFixtures.Probe("export.json", WebFixtures.Text("ashby-job-board.json"))));
        Assert.False(Format.Matches(WebFixtures.Probe("export.jsonld", WebFixtures.Text("jobposting-full.jsonld"))));
    }
}
