using SkillScope.Ingest;

namespace SkillScope.Tests.Ingest;

public class FormatDetectionTests
{
    public static TheoryData<string, string> SharedFiles => new()
    {
        { "aijobs_salaries/salaries_2025-01-19.csv", "aijobs" },
        { "ds_salaries_kaggle_2023/ds_salaries.csv", "aijobs" },
        { "linkedin_indeed_ca_2018/DataScientist.csv", "linkedin" },
        { "linkedin_indeed_ca_2018/cal_ds_500.csv", "indeed" },
        { "linkedin_2023_structured/job_postings.csv", "linkedin2023" },
        { "indeed_ds_2024_salary_strings/job_postings_raw.csv", "indeed2024" },
        { "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv", "glassdoor" },
        { "usajobs_data_roles_2026/usajobs_postings.csv", "usajobs" },
        { "adzuna_us_2026/adzuna_jobs_raw.csv", "adzuna" },
    };

    [SharedDataTheory(
        "aijobs_salaries/salaries_2025-01-19.csv", "ds_salaries_kaggle_2023/ds_salaries.csv", "linkedin_indeed_ca_2018/DataScientist.csv",
        "linkedin_indeed_ca_2018/cal_ds_500.csv", "linkedin_2023_structured/job_postings.csv", "indeed_ds_2024_salary_strings/job_postings_raw.csv",
        "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv", "usajobs_data_roles_2026/usajobs_postings.csv", "adzuna_us_2026/adzuna_jobs_raw.csv")]
    [MemberData(nameof(SharedFiles))]
    public void Detects_each_real_file_by_content_even_under_a_neutral_name(string relative, string expected)
    {
        var original = SharedData.Path(relative);
        Assert.Equal(expected, FormatRegistry.Detect(FormatRegistry.Probe(TextDecoding.Inspect(original)))?.Name);

        using var folder = new TempFolder();
        var renamed = folder.File("export.txt");
        File.Copy(original, renamed);
        Assert.Equal(expected, FormatRegistry.Detect(FormatRegistry.Probe(TextDecoding.Inspect(renamed)))?.Name);
    }

    [Fact]
    public void Detects_the_bundled_samples()
    {
        Assert.Equal("aijobs", Detect(SharedData.Repo("data/samples/aijobs_salaries_2025-01-19.csv")));
        Assert.Equal("usajobs", Detect(SharedData.Repo("data/samples/usajobs_data_roles_2026.csv")));
    }

    [Fact]
    public void Detects_the_2022_kaggle_survey_layout_with_a_leading_index_column()
    {
        var rows = IngestKit.ReadText("aijobs",
            ",work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size\n"
            + "0,2020,MI,FT,Data Scientist,70000,EUR,79833,DE,0,DE,L\n");

        Assert.Equal("aijobs", FormatRegistry.Detect(Probe(",work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size"))?.Name);
        var record = Assert.Single(rows).Record();
        Assert.Equal(("Data Scientist", 70_000m, "EUR", "DE"), (record.Title, record.SalaryMin!.Value, record.SalaryCurrency, record.CountryHint));
    }

    [Fact]
    public void Unknown_header_is_not_detected_and_resolve_explains_what_to_do()
    {
        var probe = Probe("name,age,favourite_colour");

        Assert.Null(FormatRegistry.Detect(probe));
        var error = Assert.Throws<ReadError>(() => FormatRegistry.Resolve(probe, null));
        Assert.Contains("unknown layout (first line: name,age,favourite_colour)", error.Message, StringComparison.Ordinal);
        Assert.Contains("--format", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Unknown_format_name_is_a_one_line_read_error_listing_the_choices()
    {
        var error = Assert.Throws<ReadError>(() => FormatRegistry.Resolve(Probe("a,b"), "monster"));

        Assert.EndsWith(
            ": unknown format 'monster'; use auto or one of aijobs, adzuna, usajobs, linkedin2023, linkedin, glassdoor, indeed, indeed2024, linkedin2024, google2018, linkedin-br, dou, stateofdata, remotewlb, greenhouse, lever, ashby, jobposting, hn, hn-table, csv, jsonl.",
            error.Message);
    }

    [Fact]
    public void Find_is_case_insensitive_and_every_format_has_a_unique_name()
    {
        Assert.Equal("glassdoor", FormatRegistry.Find("GlassDoor")?.Name);
        Assert.Null(FormatRegistry.Find("excel"));
        Assert.Equal(FormatRegistry.All.Count, FormatRegistry.All.Select(f => f.Name).Distinct().Count());
        Assert.Equal(
            ["aijobs", "adzuna", "usajobs", "linkedin2023", "linkedin", "glassdoor", "indeed", "indeed2024", "linkedin2024", "google2018", "linkedin-br", "dou", "stateofdata", "remotewlb",
                "greenhouse", "lever", "ashby", "jobposting", "hn", "hn-table", "csv", "jsonl"],
            FormatRegistry.All.Select(f => f.Name));
    }

    [Fact]
    public void Generic_formats_are_only_detected_when_a_mapping_is_given()
    {
        var json = Probe("{\"job_title\": \"Data Scientist\", \"pay\": \"$100k\"}");
        var csv = Probe("job_title,pay");
        var mapping = new Dictionary<string, string> { ["Title"] = "job_title" };

        Assert.Null(FormatRegistry.Detect(json));
        Assert.Null(FormatRegistry.Detect(csv));
        Assert.Equal("jsonl", FormatRegistry.Detect(json, mapping)?.Name);
        Assert.Equal("csv", FormatRegistry.Detect(csv, mapping)?.Name);
    }

    [Fact]
    public void Probe_takes_the_first_line_without_its_line_end()
    {
        using var folder = new TempFolder();
        var path = folder.Write("x.csv", "a,b\r\n1,2\r\n");

        var probe = FormatRegistry.Probe(TextDecoding.Inspect(path));

        Assert.Equal(("x.csv", "a,b", "a,b\r\n1,2\r\n"), (probe.FileName, probe.FirstLine, probe.Head));
    }

    private static FormatProbe Probe(string firstLine) => new("file.csv", firstLine, firstLine + "\n");

    private static string? Detect(string path) => FormatRegistry.Detect(FormatRegistry.Probe(TextDecoding.Inspect(path)))?.Name;
}
