using SkillScope.Ingest;
using SkillScope.Model;

namespace SkillScope.Tests.Ingest;

/// <summary>The generic csv and jsonl readers and the mapping file that drives them.</summary>
public class GenericFormatTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ingest", name);

    [Fact]
    public void Jsonl_with_the_usajobs_api_mapping_reads_nested_keys_and_array_items()
    {
        var mapping = ColumnMappingFile.Load(Fixture("usajobs-api-mapping.json"));

        var (format, rows) = IngestKit.ReadFile(Fixture("usajobs-api-sample.jsonl"), mapping: mapping);

        Assert.Equal("jsonl", format.Name);
        Assert.Equal(6, rows.Count);
        IngestKit.AssertNoRejections(rows);
        var first = rows[0].Record();
        Assert.Equal((RecordKinds.Posting, "Data Analyst", "Arlington, Virginia", "US"), (first.Kind, first.Title, first.Location, first.CountryHint));
        Assert.Equal((new DateOnly(2026, 6, 11), new DateOnly(2026, 6, 22)), (first.PostedDate!.Value, first.ValidThrough!.Value));
        Assert.Equal((70_623m, 158_322m, "USD", "Per Year"), (first.SalaryMin!.Value, first.SalaryMax!.Value, first.SalaryCurrency, first.SalaryPeriod));
        Assert.Equal("Full-Time", first.EmploymentTypeHint);
        Assert.Equal((6L, 6L), (rows[5].Position, rows[5].Line));
        Assert.Equal("Research Data Scientist", rows[5].Record().Title);
    }

    [Fact]
    public void Jsonl_malformed_lines_are_rejected_with_their_line_numbers()
    {
        var mapping = new Dictionary<string, string> { ["Title"] = "title", ["SalaryMin"] = "pay" };
        var rows = IngestKit.ReadText("jsonl",
            "{\"title\": \"Data Scientist\", \"pay\": 120000}\n"
            + "\n"
            + "{\"title\": \"ML Engineer\", \"pay\": \n"
            + "[1, 2]\n"
            + "{\"title\": \"Analyst\", \"pay\": \"a lot\"}\n"
            + "{\"pay\": 5}\n"
            + "{\"title\": {\"text\": \"nested\"}}\n"
            + "{\"title\": \"Data Engineer\", \"pay\": \"95,000\"}\n",
            mapping);

        Assert.Equal([1L, 3, 4, 5, 6, 7, 8], rows.Select(r => r.Line));
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], rows.Select(r => r.Position));
        Assert.Equal(120_000m, rows[0].Record().SalaryMin);
        Assert.StartsWith("invalid JSON at character", rows[1].Error, StringComparison.Ordinal);
        Assert.Equal("{\"title\": \"ML Engineer\", \"pay\": ", rows[1].RawText);
        Assert.Equal("expected a JSON object, found an array", rows[2].Error);
        Assert.Equal("SalaryMin 'a lot' is not a number (free-text pay belongs in SalaryText)", rows[3].Error);
        Assert.Equal("missing Title", rows[4].Error);
        Assert.Equal("Title is an object; map a key inside it with a dotted path (e.g. company.name)", rows[5].Error);
        Assert.Equal(95_000m, rows[6].Record().SalaryMin);
    }

    [Fact]
    public void Jsonl_without_a_mapping_uses_keys_named_like_record_fields()
    {
        var rows = IngestKit.ReadText("jsonl",
            "{\"kind\": \"salary_report\", \"title\": \"Data Scientist\", \"work_year\": 2024, \"salary_usd_stated\": 150000, \"stated_skills\": [\"Python\", \"SQL\"], \"other\": 1}\n");

        var record = Assert.Single(rows).Record();
        Assert.Equal((RecordKinds.SalaryReport, "Data Scientist", 2024, 150_000m), (record.Kind, record.Title, record.WorkYear!.Value, record.SalaryUsdStated!.Value));
        Assert.Equal(["Python", "SQL"], record.StatedSkills);
    }

    [Fact]
    public void Csv_with_a_mapping_reads_columns_and_constants()
    {
        var mapping = ColumnMappingFile.Parse(
            """{ "Title": "job_title", "Company": "employer", "SalaryText": "pay", "Kind": "posting", "CountryHint": "=GB", "PostedDate": "posted", "StatedSkills": "tags" }""");
        var rows = IngestKit.ReadText("csv",
            "job_title,employer,pay,posted,tags\n"
            + "Data Scientist,Acme,\"£55,000–£100,000\",2025-03-01,Python; SQL; dbt\n"
            + "ML Engineer,Acme,,01/03/2025,\n",
            mapping);

        var first = rows[0].Record();
        Assert.Equal(("Data Scientist", "Acme", "£55,000–£100,000", "GB", RecordKinds.Posting), (first.Title, first.Company, first.SalaryText, first.CountryHint, first.Kind));
        Assert.Equal(new DateOnly(2025, 3, 1), first.PostedDate);
        Assert.Equal(["Python", "SQL", "dbt"], first.StatedSkills);
        Assert.Equal("PostedDate '01/03/2025' is not an ISO 8601 date (yyyy-mm-dd)", rows[1].Error);
    }

    [Fact]
    public void Csv_without_a_mapping_uses_columns_named_like_record_fields()
    {
        var rows = IngestKit.ReadText("csv", "Title,salary_text,Company Size,ignored\nData Analyst,$60k,M,x\n");

        var record = Assert.Single(rows).Record();
        Assert.Equal(("Data Analyst", "$60k", "M"), (record.Title, record.SalaryText, record.CompanySize));
    }

    [Fact]
    public void Csv_mapping_naming_an_absent_column_is_a_read_error()
    {
        var mapping = new Dictionary<string, string> { ["Title"] = "job_title", ["Company"] = "employer" };

        var error = Assert.Throws<ReadError>(() => IngestKit.ReadText("csv", "job_title,pay\nx,y\n", mapping));

        Assert.Equal("test.csv: the header has no column 'employer' named in the mapping; the header is: job_title,pay.", error.Message);
    }

    [Fact]
    public void Csv_without_mapping_or_title_column_is_a_read_error()
    {
        var error = Assert.Throws<ReadError>(() => IngestKit.ReadText("csv", "a,b\n1,2\n"));

        Assert.StartsWith("test.csv: no column is named like a record field", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"Title\"]", "m.json: a mapping is one JSON object such as {\"Title\": \"job_title\"}.")]
    [InlineData("{\"Titel\": \"x\"}", "m.json: 'Titel' is not a record field; use one of Kind, SourceId, Title, Company, Location, Description, PostedDate, WorkYear, SalaryText, SalaryMin, SalaryMax, SalaryCurrency, SalaryPeriod, SalaryUsdStated, SalaryIsEstimate, SeniorityHint, EmploymentTypeHint, WorkArrangementHint, CountryHint, YearsRequiredHint, CompanySize, Url, ValidThrough, Education, StatedSkills.")]
    [InlineData("{\"Company\": \"employer\"}", "m.json: the mapping must name the column that holds Title.")]
    [InlineData("{\"Title\": 3}", "m.json: the value of 'Title' must be a column name in quotes, or an array of them.")]
    [InlineData("{\"Title\": \"t\", \"Kind\": \"=job\"}", "m.json: constant for Kind: Kind 'job' is not posting or salary_report.")]
    [InlineData("{\"Title\": \"t\", \"SalaryMin\": \"=lots\"}", "m.json: constant for SalaryMin: SalaryMin 'lots' is not a number (free-text pay belongs in SalaryText).")]
    [InlineData("{\"Title\": \"t\", \"title\": \"u\"}", "m.json: 'title' appears twice.")]
    public void Bad_mapping_files_are_one_line_read_errors(string json, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write("m.json", json);

        var error = Assert.Throws<ReadError>(() => ColumnMappingFile.Load(path));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Invalid_json_mapping_and_missing_mapping_file_are_read_errors()
    {
        using var folder = new TempFolder();

        var invalid = Assert.Throws<ReadError>(() => ColumnMappingFile.Load(folder.Write("bad.json", "{\"Title\": ")));
        var missing = Assert.Throws<ReadError>(() => ColumnMappingFile.Load(folder.File("none.json")));

        Assert.StartsWith("bad.json: not valid JSON (", invalid.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', invalid.Message);
        Assert.Equal($"{folder.File("none.json")}: mapping file not found; check the path.", missing.Message);
    }

    [Fact]
    public void Mapping_keys_come_back_canonical_with_constants_marked()
    {
        var mapping = ColumnMappingFile.Parse("{ \"salary_text\": \"pay\", \"TITLE\": \"t\", \"kind\": \"salary_report\" }");

        Assert.Equal("pay", mapping["SalaryText"]);
        Assert.Equal("t", mapping["Title"]);
        Assert.Equal("=salary_report", mapping["Kind"]);
        Assert.Equal(["SalaryText", "Title", "Kind"], mapping.Keys);
    }
}
