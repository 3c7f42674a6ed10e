using SkillScope.Ingest.Web;
using SkillScope.Model;

namespace SkillScope.Tests.Web;

public class JobPostingFormatTests
{
    private static readonly JobPostingFormat Format = new();

    [Fact]
    public void Maps_every_documented_field_of_a_jsonld_file()
    {
        var job = WebFixtures.Single(WebFixtures.Read(Format, "jobposting-full.jsonld"));

        Assert.Equal(RecordKinds.Posting, job.Kind);
        Assert.Equal("HF-2025-0193", job.SourceId);
        Assert.Equal("Lead Data Scientist, Fraud", job.Title);
        Assert.Equal("Harbor & Finch Bank", job.Company);
        Assert.Equal("Boston, MA, US", job.Location);
        Assert.Equal("US", job.CountryHint);
        Assert.Equal(new DateOnly(2025, 3, 10), job.PostedDate);
        Assert.Equal(new DateOnly(2025, 4, 30), job.ValidThrough);
        Assert.Equal(175000m, job.SalaryMin);
        Assert.Equal(215000m, job.SalaryMax);
        Assert.Equal("USD", job.SalaryCurrency);
        Assert.Equal("year", job.SalaryPeriod);
        Assert.False(job.SalaryIsEstimate);
        Assert.Equal("CONTRACTOR", job.EmploymentTypeHint);
        Assert.Null(job.WorkArrangementHint);
        Assert.Equal(3, job.YearsRequiredHint);
        Assert.Equal("bachelor degree", job.Education);
        Assert.Equal(["Python", "SQL", "XGBoost", "PyTorch", "SHAP", "fraud detection"], job.StatedSkills);
        Assert.Equal("https://careers.harborfinch.example/jobs/HF-2025-0193", job.Url);
        Assert.StartsWith("Harbor & Finch Bank is hiring a Lead Data Scientist to run its fraud-modelling team.\n\nResponsibilities:\n\n- Lead a team", job.Description, StringComparison.Ordinal);
        Assert.Contains("We\u2019re looking for 3+ years", job.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_graph_resolving_the_organization_reference_and_telecommute()
    {
        var rows = WebFixtures.Read(Format, "jobposting-graph.html");

        var job = WebFixtures.Single(rows);
        Assert.Equal(6, rows[0].Line);
        Assert.Equal("Tidewater Logistics", job.Company);
        Assert.Equal("remote", job.WorkArrangementHint);
        Assert.Equal("US", job.Location);
        Assert.Equal("US", job.CountryHint);
        Assert.Equal(72.50m, job.SalaryMin);
        Assert.Equal(72.50m, job.SalaryMax);
        Assert.Equal("hour", job.SalaryPeriod);
        Assert.Equal(2, job.YearsRequiredHint);
        Assert.Equal(new DateOnly(2025, 2, 18), job.PostedDate);
        Assert.Equal(["Python", "scikit-learn", "LightGBM", "MLflow"], job.StatedSkills);
    }

    [Fact]
    public void Reads_two_postings_of_one_page_in_page_order_with_non_latin_text()
    {
        var rows = WebFixtures.Read(Format, "jobposting-two-postings.html");

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Null(r.Error));
        Assert.Equal([1L, 2], rows.Select(r => r.Position));
        var zurich = rows[0].Record!;
        var osaka = rows[1].Record!;
        Assert.Equal("Zürich, ZH, CH", zurich.Location);
        Assert.Equal("CHF", zurich.SalaryCurrency);
        Assert.Equal("Bachelor; Master", zurich.Education);
        Assert.Contains("\nDeine Aufgaben: ETL-Strecken", zurich.Description, StringComparison.Ordinal);
        Assert.Contains("SQL & Python", zurich.Description, StringComparison.Ordinal);
        Assert.Equal("データサイエンティスト（保険数理）", osaka.Title);
        Assert.Equal("アルペンブリック保険株式会社", osaka.Company);
        Assert.Equal("大阪市, 大阪府, JP", osaka.Location);
        Assert.Equal("20250226", osaka.SourceId);
        Assert.Equal("PART_TIME", osaka.EmploymentTypeHint);
    }

    [Fact]
    public void A_page_without_jsonld_is_one_rejected_row()
    {
        var row = Assert.Single(WebFixtures.Read(Format, "jobposting-no-jsonld.html"));

        Assert.Null(row.Record);
        Assert.Equal("no JSON-LD in the HTML page (no <script type=\"application/ld+json\">)", row.Error);
        Assert.StartsWith("<!DOCTYPE html>", row.RawText, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonld_of_another_type_is_one_rejected_row_naming_the_type()
    {
        var row = Assert.Single(WebFixtures.Read(Format, "jobposting-other-type.html"));

        Assert.Equal("JSON-LD of another @type (Product), not a JobPosting", row.Error);
    }

    [Fact]
    public void Json_lines_reject_bad_lines_one_by_one_and_read_the_rest()
    {
        var rows = WebFixtures.Read(Format, "jobposting-mixed.jsonl");

        Assert.Equal(7, rows.Count);
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], rows.Select(r => r.Line));
        Assert.Equal("Analytics Engineer", rows[0].Record!.Title);
        Assert.Equal("'title' must be text, found the number 20250121", rows[1].Error);
        Assert.Equal("JSON-LD of another @type (Organization), not a JobPosting", rows[2].Error);
        Assert.Equal("'baseSalary.value.minValue' must be a number, found the text \"one hundred\"", rows[3].Error);
        Assert.StartsWith("malformed JSON (line 5):", rows[4].Error, StringComparison.Ordinal);
        Assert.Equal("'datePosted' is not an ISO 8601 date: \"2025-13-45\"", rows[5].Error);
        var last = rows[6].Record!;
        Assert.Equal("INTERN", last.EmploymentTypeHint);
        Assert.Equal("remote", last.WorkArrangementHint);
        Assert.Equal("CA", last.Location);
        Assert.All(rows.Where(r => r.Error is not null), r => Assert.False(string.IsNullOrEmpty(r.RawText)));
    }

    [Fact]
    public void A_top_level_array_streams_its_postings_with_estimated_and_text_salaries()
    {
        var rows = WebFixtures.Read(Format, "jobposting-array.json");

        Assert.Equal(2, rows.Count);
        var leeds = rows[0].Record!;
        Assert.True(leeds.SalaryIsEstimate);
        Assert.Equal("Leeds, United Kingdom", leeds.Location);
        Assert.Null(leeds.CountryHint);
        Assert.Equal("Reporting on store performance with SQL, Excel and Power BI. R&D teams are your main customers.", leeds.Description);
        var rotterdam = rows[1].Record!;
        Assert.Equal(6500m, rotterdam.SalaryMin);
        Assert.Equal("month", rotterdam.SalaryPeriod);
        Assert.Equal("Rotterdam, Netherlands", rotterdam.Location);
        Assert.Equal("", rotterdam.Description);
        Assert.Equal("TEMPORARY", rotterdam.EmploymentTypeHint);
    }

    [Fact]
    public void Raw_line_breaks_inside_script_strings_are_repaired_as_browsers_accept_them()
    {
        const string page = "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"JobPosting\",\"title\":\"Data Scientist\",\"description\":\"Line one\nLine two\"}</script></head></html>";

        var job = WebFixtures.Single(WebFixtures.ReadText(Format, page, "job.html"));

        Assert.Equal("Line one\nLine two", job.Description);
    }

    [Fact]
    public void A_malformed_script_is_rejected_and_a_good_one_on_the_same_page_still_read()
    {
        const string page = """
            <html><body>
            <script type="application/ld+json">{"@type":"JobPosting","title":"Broken",</script>
            <script type="application/ld+json">{"@type":"JobPosting","title":"Data Engineer"}</script>
            </body></html>
            """;

        var rows = WebFixtures.ReadText(Format, page, "page.html");

        Assert.Equal(2, rows.Count);
        Assert.StartsWith("malformed JSON (line 2):", rows[0].Error, StringComparison.Ordinal);
        Assert.Equal("Data Engineer", rows[1].Record!.Title);
    }

    [Fact]
    public void Salary_as_free_text_goes_to_the_normalizer_and_a_plain_number_is_min_and_max()
    {
        const string lines = """
            {"@type":"JobPosting","title":"A","baseSalary":"$120k-$140k a year"}
            {"@type":"JobPosting","title":"B","baseSalary":{"@type":"MonetaryAmount","currency":"EUR","minValue":50000,"maxValue":60000,"unitText":"YEAR"}}
            {"@type":"JobPosting","title":"C","baseSalary":{"@type":"MonetaryAmount","currency":"USD","value":95000}}
            """;

        var rows = WebFixtures.ReadText(Format, lines, "x.jsonl");

        Assert.Equal("$120k-$140k a year", rows[0].Record!.SalaryText);
        Assert.Equal((50000m, 60000m, "EUR", "year"), (rows[1].Record!.SalaryMin!.Value, rows[1].Record!.SalaryMax!.Value, rows[1].Record!.SalaryCurrency, rows[1].Record!.SalaryPeriod));
        Assert.Equal((95000m, 95000m, null), (rows[2].Record!.SalaryMin!.Value, rows[2].Record!.SalaryMax!.Value, rows[2].Record!.SalaryPeriod));
    }

    [Theory]
    [InlineData("[\"FULL_TIME\",\"INTERN\"]", "INTERN")]
    [InlineData("[\"PART_TIME\",\"FULL_TIME\"]", "PART_TIME")]
    [InlineData("[\"FULL_TIME\",\"TEMPORARY\",\"CONTRACTOR\"]", "TEMPORARY")]
    [InlineData("[\"OTHER\",\"FULL_TIME\"]", "FULL_TIME")]
    [InlineData("\"Full-time\"", "Full-time")]
    public void Employment_type_lists_keep_the_most_specific_value_as_stated(string json, string expected)
    {
        var rows = WebFixtures.ReadText(Format, $$"""{"@type":"JobPosting","title":"A","employmentType":{{json}}}""");

        Assert.Equal(expected, WebFixtures.Single(rows).EmploymentTypeHint);
    }

    [Theory]
    [InlineData(18, 2)]
    [InlineData(30, 3)]
    [InlineData(60, 5)]
    [InlineData(0, 0)]
    public void Months_of_experience_become_whole_years_rounded_up(int months, int years)
    {
        var rows = WebFixtures.ReadText(Format, $$$"""{"@type":"JobPosting","title":"A","experienceRequirements":{"@type":"OccupationalExperienceRequirements","monthsOfExperience":{{{months}}}}}""");

        Assert.Equal(years, WebFixtures.Single(rows).YearsRequiredHint);
    }

    [Theory]
    [InlineData("", "empty file")]
    [InlineData("   \n  ", "empty file")]
    [InlineData("hello", "neither JSON-LD nor HTML: the file starts with 'h'")]
    [InlineData("{\"@type\":\"JobPosting\",\"title\":\"A\"", "truncated JSON: the file ends inside the record starting at line 1")]
    [InlineData("[{\"@type\":\"JobPosting\",\"title\":\"A\"} {\"@type\":\"JobPosting\"}]", "malformed JSON at line 1: expected ',' or ']' between records, found '{'; the rest of the file (from line 1) was not read")]
    [InlineData("{\"@context\":\"https://schema.org\"}", "JSON-LD without a JobPosting (no @type)")]
    public void Unreadable_input_is_a_rejected_row_with_a_reason(string text, string reason)
    {
        var rows = WebFixtures.ReadText(Format, text);

        Assert.Contains(rows, r => r.Error == reason);
        Assert.All(rows, r => Assert.True(r.Record is not null || r.Error is not null));
    }

    [Fact]
    public void Detects_jsonld_files_and_pages_but_not_board_json()
    {
        Assert.True(Format.Matches(WebFixtures.Probe("a.jsonld", WebFixtures.Text("jobposting-full.jsonld"))));
        Assert.True(Format.Matches(WebFixtures.Probe("a.jsonl", WebFixtures.Text("jobposting-mixed.jsonl"))));
        Assert.True(Format.Matches(WebFixtures.Probe("page", WebFixtures.Text("jobposting-graph.html"))));
        Assert.True(Format.Matches(WebFixtures.Probe("page.html", WebFixtures.Text("jobposting-no-jsonld.html"))));
        Assert.False(Format.Matches(WebFixtures.Probe("a.json", WebFixtures.Text("greenhouse-jobs.json"))));
        Assert.False(Format.Matches(WebFixtures.Probe("a.csv", "title,company\nData Scientist,Acme\n")));
    }

    [Fact]
    public void Web_formats_are_listed_most_specific_first_and_each_fixture_is_claimed_by_one()
    {
        Assert.Equal(["greenhouse", "lever", "ashby", "jobposting"], SkillScope.Ingest.Web.WebFormats.All.Select(f => f.Name));
        foreach (var (file, expected) in new[] { ("greenhouse-jobs.json", "greenhouse"), ("lever-postings.json", "lever"), ("ashby-job-board.json", "ashby"), ("jobposting-full.jsonld", "jobposting"), ("jobposting-two-postings.html", "jobposting") })
        {
            var probe = WebFixtures.Probe(file, WebFixtures.Text(file));
            Assert.Equal([expected], SkillScope.Ingest.Web.WebFormats.All.Where(f => f.Matches(probe)).Select(f => f.Name));
        }
    }
}
