using SkillScope.Model;
using SkillScope.Normalize;

namespace SkillScope.Tests.Ingest;

/// <summary>Every built-in layout read from its real file: row counts, line numbers and field values of known rows.</summary>
public class RealFileReaderTests
{
    private const string Survey = "aijobs_salaries/salaries_2025-01-19.csv";
    private const string Kaggle = "ds_salaries_kaggle_2023/ds_salaries.csv";
    private const string LinkedIn2018 = "linkedin_indeed_ca_2018/DataScientist.csv";
    private const string Indeed2018 = "linkedin_indeed_ca_2018/cal_ds_500.csv";
    private const string LinkedIn2023 = "linkedin_2023_structured/job_postings.csv";
    private const string Indeed2024 = "indeed_ds_2024_salary_strings/job_postings_raw.csv";
    private const string Glassdoor = "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv";
    private const string Adzuna = "adzuna_us_2026/adzuna_jobs_raw.csv";

    [Fact]
    public void Survey_reads_all_74301_responses_as_salary_reports()
    {
        // The CC0 survey is bundled with the repository, so this runs everywhere.
        var (format, rows) = IngestKit.ReadFile(SharedData.Repo("data/samples/aijobs_salaries_2025-01-19.csv"));

        Assert.Equal("aijobs", format.Name);
        Assert.Equal(74_301, rows.Count);
        IngestKit.AssertNoRejections(rows);
        Assert.Equal(Enumerable.Range(1, 74_301).Select(i => (long)i), rows.Select(r => r.Position));
        Assert.Equal(rows.Select(r => r.Position + 1), rows.Select(r => r.Line));

        var first = rows[0].Record();
        Assert.Equal("2022,EX,FT,Consultant,120000,USD,120000,PL,0,PL,S", rows[0].RawText);
        Assert.Equal(RecordKinds.SalaryReport, first.Kind);
        Assert.Null(first.SourceId);
        Assert.Equal("Consultant", first.Title);
        Assert.Equal(2022, first.WorkYear);
        Assert.Equal("EX", first.SeniorityHint);
        Assert.Equal("FT", first.EmploymentTypeHint);
        Assert.Equal(120_000m, first.SalaryMin);
        Assert.Equal(120_000m, first.SalaryMax);
        Assert.Equal("USD", first.SalaryCurrency);
        Assert.Equal("year", first.SalaryPeriod);
        Assert.Equal(120_000m, first.SalaryUsdStated);
        Assert.Equal("onsite", first.WorkArrangementHint);
        Assert.Equal("PL", first.CountryHint);
        Assert.Equal("S", first.CompanySize);

        var last = rows[^1].Record();
        Assert.Equal(74_302, rows[^1].Line);
        Assert.Equal(("Data Scientist", 7_000_000m, "INR", 94_665m, "hybrid", "IN", "L"),
            (last.Title, last.SalaryMin!.Value, last.SalaryCurrency, last.SalaryUsdStated!.Value, last.WorkArrangementHint, last.CountryHint, last.CompanySize));

        Assert.Equal(15_868, rows.Count(r => r.Record!.WorkArrangementHint == "remote"));
        Assert.Equal(62_229, rows.Count(r => r.Record!.WorkYear == 2024));
    }

    [SharedDataFact(Kaggle)]
    public void Kaggle_2023_extract_reads_with_the_survey_layout()
    {
        var (format, rows) = IngestKit.ReadFile(SharedData.Path(Kaggle));

        Assert.Equal("aijobs", format.Name);
        Assert.Equal(3_755, rows.Count);
        IngestKit.AssertNoRejections(rows);
        var first = rows[0].Record();
        Assert.Equal(("Principal Data Scientist", "SE", 80_000m, "EUR", 85_847m, "remote", "ES", "L"),
            (first.Title, first.SeniorityHint, first.SalaryMin!.Value, first.SalaryCurrency, first.SalaryUsdStated!.Value, first.WorkArrangementHint, first.CountryHint, first.CompanySize));
        Assert.Equal("CT", rows[1].Record().EmploymentTypeHint);
    }

    [Fact]
    public void Usajobs_reads_2215_postings_with_city_state_dates_and_pay()
    {
        var (format, rows) = IngestKit.ReadFile(SharedData.Repo("data/samples/usajobs_data_roles_2026.csv"));

        Assert.Equal("usajobs", format.Name);
        Assert.Equal(2_215, rows.Count);
        IngestKit.AssertNoRejections(rows);

        var first = rows[0].Record();
        Assert.Equal(RecordKinds.Posting, first.Kind);
        Assert.Null(first.SourceId);
        Assert.Equal("Data Analyst", first.Title);
        Assert.Equal("Arlington, Virginia", first.Location);
        Assert.Equal("US", first.CountryHint);
        Assert.Equal(new DateOnly(2026, 6, 11), first.PostedDate);
        Assert.Equal(new DateOnly(2026, 6, 22), first.ValidThrough);
        Assert.Equal((70_623m, 158_322m, "USD", "year"), (first.SalaryMin!.Value, first.SalaryMax!.Value, first.SalaryCurrency, first.SalaryPeriod));
        Assert.Equal("Full-Time", first.EmploymentTypeHint);
        Assert.Null(first.WorkArrangementHint);
        Assert.StartsWith("*PLEASE NOTE THAT THIS VACANCY", first.Description, StringComparison.Ordinal);

        // Row 11 is a "without compensation" appointment (0/0): kept, without salary.
        var unpaid = rows[10].Record();
        Assert.Equal(("Research Data Scientist", "Little Rock, Arkansas"), (unpaid.Title, unpaid.Location));
        Assert.Null(unpaid.SalaryMin);
        Assert.Null(unpaid.SalaryPeriod);
        Assert.Equal(4, rows.Count(r => r.Record!.SalaryMin is null));

        // Wage-grade jobs state hourly rates.
        var hourly = rows[^1].Record();
        Assert.Equal((33.96m, 39.63m, "hour"), (hourly.SalaryMin!.Value, hourly.SalaryMax!.Value, hourly.SalaryPeriod));
        Assert.Equal(78, rows.Count(r => r.Record!.SalaryPeriod == "hour"));
    }

    [SharedDataFact(LinkedIn2018)]
    public void Linkedin_2018_keeps_linkedin_labels_and_rejects_the_empty_rows()
    {
        var (format, rows) = IngestKit.ReadFile(SharedData.Path(LinkedIn2018));

        Assert.Equal("linkedin", format.Name);
        Assert.Equal(975, rows.Count);
        var first = rows[0].Record();
        Assert.Equal(2, rows[0].Line);
        Assert.Null(first.SourceId);
        Assert.Equal(("Data Scientist, Machine Learning", "DoorDash", "San Francisco, CA, US", "Entry level", "Full-time"),
            (first.Title, first.Company, first.Location, first.SeniorityHint, first.EmploymentTypeHint));
        Assert.StartsWith("Come help us build the world's most reliable on-demand", first.Description, StringComparison.Ordinal);

        // Four trailing rows carry nothing but a row number; three more carry only a title.
        var rejected = rows.Where(r => r.Error is not null).ToList();
        Assert.Equal(4, rejected.Count);
        Assert.All(rejected, r => Assert.Equal("missing title", r.Error));
        Assert.Equal(975, rows[^1].Position);
        Assert.Equal(7_116, rows[^1].Line);
        Assert.Equal(274, rows.Count(r => r.Record?.SeniorityHint == "Mid-Senior level"));
        Assert.Equal(37, rows.Count(r => r.Record?.EmploymentTypeHint == "Contract"));
    }

    [SharedDataFact(Indeed2018)]
    public void Indeed_2018_reads_506_postings_with_their_indeed_ids()
    {
        var (format, rows) = IngestKit.ReadFile(SharedData.Path(Indeed2018));

        Assert.Equal("indeed", format.Name);
        Assert.Equal(506, rows.Count);
        IngestKit.AssertNoRejections(rows);
        var first = rows[0].Record();
        Assert.Equal(("e797c514652590bd", "Data Scientist - Seller Modeling", "Square", "San Francisco, CA 94103"),
            (first.SourceId, first.Title, first.Company, first.Location));
        Assert.Null(first.PostedDate);
        Assert.StartsWith("Job Description", first.Description, StringComparison.Ordinal);
        Assert.Equal(20_592, rows[^1].Line);
        Assert.Equal(("657713576abf4002", "Trimble Inc."), (rows[^1].Record().SourceId, rows[^1].Record().Company));
        // The scrape repeats postings: 506 rows, 338 distinct ids, all emitted.
        Assert.Equal(338, rows.Select(r => r.Record!.SourceId).Distinct().Count());
    }

    [SharedDataFact(LinkedIn2023, "linkedin_2023_structured/salaries.csv")]
    public void Linkedin_2023_reads_33246_postings_and_joins_salaries_by_job_id()
    {
        var (format, rows) = IngestKit.ReadFile(SharedData.Path(LinkedIn2023));

        Assert.Equal("linkedin2023", format.Name);
        Assert.Equal(33_246, rows.Count);
        IngestKit.AssertNoRejections(rows);

        // Only a median monthly figure is given for the first posting.
        var first = rows[0].Record();
        Assert.Equal(("3757940104", "Hearing Care Provider", "linkedin-company:553718", "Little River, SC", "Entry level", "FULL_TIME"),
            (first.SourceId, first.Title, first.Company, first.Location, first.SeniorityHint, first.EmploymentTypeHint));
        Assert.Equal((5_250m, 5_250m, "USD", "MONTHLY"), (first.SalaryMin!.Value, first.SalaryMax!.Value, first.SalaryCurrency, first.SalaryPeriod));
        Assert.Null(first.WorkArrangementHint);

        var remote = rows[4].Record();
        Assert.Equal(("3757937095", "Principal Cloud Security Architect (Remote)", WorkArrangementNormalizer.RemoteAllowed), (remote.SourceId, remote.Title, remote.WorkArrangementHint));
        Assert.Equal((205_956m, 275_834m, "YEARLY"), (remote.SalaryMin!.Value, remote.SalaryMax!.Value, remote.SalaryPeriod));

        Assert.Null(rows[1].Record().SalaryMin);
        Assert.Null(rows[37].Record().Company);
        Assert.Equal(13_352, rows.Count(r => r.Record!.SalaryMin is not null));
        Assert.Equal(4_802, rows.Count(r => r.Record!.WorkArrangementHint == WorkArrangementNormalizer.RemoteAllowed));
        Assert.Equal(9_181, rows.Count(r => r.Record!.SeniorityHint is null));
        Assert.Equal(33_247, rows[^1].Line);
    }

    [SharedDataFact(LinkedIn2023)]
    public void Linkedin_2023_without_a_sibling_salaries_file_reads_postings_without_pay()
    {
        using var folder = new TempFolder();
        var copy = folder.File("postings.csv");
        File.Copy(SharedData.Path(LinkedIn2023), copy);

        var (format, rows) = IngestKit.ReadFile(copy);

        Assert.Equal("linkedin2023", format.Name);
        Assert.Equal(33_246, rows.Count);
        Assert.All(rows, r => Assert.Null(r.Record().SalaryMin));
    }

    [SharedDataFact(Indeed2024)]
    public void Indeed_2024_emits_every_card_and_splits_pay_from_job_type()
    {
        var (format, rows) = IngestKit.ReadFile(SharedData.Path(Indeed2024));

        Assert.Equal("indeed2024", format.Name);
        Assert.Equal(975, rows.Count);
        IngestKit.AssertNoRejections(rows);

        var first = rows[0].Record();
        Assert.Equal(("AI Electrical / Computer Engineer", "General Technical Services, LLC", "Adelphi, MD 20783"), (first.Title, first.Company, first.Location));
        Assert.Null(first.SalaryText);
        Assert.Equal("Full-time", first.EmploymentTypeHint);
        Assert.Null(first.SourceId);

        Assert.Equal("$85,225 - $135,355 a year", rows[1].Record().SalaryText);
        Assert.Equal("$55 - $58 an hour", rows[3].Record().SalaryText);
        Assert.Null(rows[3].Record().EmploymentTypeHint);
        Assert.Equal(("Contract", null), (rows[625].Record().EmploymentTypeHint, rows[625].Record().SalaryText));
        Assert.Equal(1_108, rows[^1].Line);
        Assert.Equal(275 + 225 + 18 + 13 + 1, rows.Count(r => r.Record!.SalaryText is null));
    }

    [SharedDataFact(Glassdoor)]
    public void Glassdoor_strips_the_rating_from_company_names_and_treats_minus_one_as_missing()
    {
        var (format, rows) = IngestKit.ReadFile(SharedData.Path(Glassdoor));

        Assert.Equal("glassdoor", format.Name);
        Assert.Equal(956, rows.Count);
        IngestKit.AssertNoRejections(rows);

        var first = rows[0].Record();
        Assert.Equal(("Data Scientist", "Tecolote Research", "Albuquerque, NM", "501 to 1000 employees"),
            (first.Title, first.Company, first.Location, first.CompanySize));
        Assert.Equal("$53K-$91K (Glassdoor est.)", first.SalaryText);
        Assert.True(first.SalaryIsEstimate);
        Assert.StartsWith("Data Scientist\nLocation: Albuquerque, NM", first.Description, StringComparison.Ordinal);

        // Multi-line descriptions: the second record starts on line 23.
        Assert.Equal(23, rows[1].Line);
        Assert.Equal("University of Maryland Medical System", rows[1].Record().Company);
        Assert.Equal(39_491, rows[^1].Line);
        Assert.Equal("Research Scientist – Security and Privacy", rows[^1].Record().Title);

        var noSalary = rows[24].Record();
        Assert.Equal("Mars", noSalary.Company);
        Assert.Null(noSalary.SalaryText);
        Assert.False(noSalary.SalaryIsEstimate);
        Assert.Equal(214, rows.Count(r => r.Record!.SalaryText is null));

        var unrated = rows[114].Record();
        Assert.Equal(("Bridgerock Data", "1 to 50 employees"), (unrated.Company, unrated.CompanySize));

        var employer = rows[46].Record();
        Assert.Equal("$110K-$150K(Employer est.)", employer.SalaryText);
        Assert.False(employer.SalaryIsEstimate);
        Assert.DoesNotContain(rows, r => r.Record!.Company?.Contains('\n', StringComparison.Ordinal) == true);
        Assert.DoesNotContain(rows, r => r.Record!.CompanySize == "-1");
    }

    [SharedDataFact(Adzuna)]
    public void Adzuna_parses_the_python_dict_cells_and_flags_predicted_salaries()
    {
        var (format, rows) = IngestKit.ReadFile(SharedData.Path(Adzuna));

        Assert.Equal("adzuna", format.Name);
        Assert.Equal(748, rows.Count);
        IngestKit.AssertNoRejections(rows);

        var first = rows[0].Record();
        Assert.Equal(("5587836974", "AWS Python Developer", "Galon Solution Inc", "Reston, Fairfax County, Virginia, US", "US"),
            (first.SourceId, first.Title, first.Company, first.Location, first.CountryHint));
        Assert.Equal(new DateOnly(2026, 1, 16), first.PostedDate);
        Assert.Equal((95_739.48m, 95_739.48m, "USD", "year"), (first.SalaryMin!.Value, first.SalaryMax!.Value, first.SalaryCurrency, first.SalaryPeriod));
        Assert.True(first.SalaryIsEstimate);
        Assert.Null(first.EmploymentTypeHint);
        Assert.StartsWith("https://www.adzuna.com/land/ad/5587836974?", first.Url, StringComparison.Ordinal);

        // Escaped quotes inside the dict: "Prince George's County".
        var suitland = rows[252].Record();
        Assert.Equal(("Leidos", "Suitland, Prince George's County, Maryland, US"), (suitland.Company, suitland.Location));

        Assert.Equal("US", rows[28].Record().Location);
        Assert.Equal("contract", rows[245].Record().EmploymentTypeHint);
        Assert.Equal("contract", rows[^1].Record().EmploymentTypeHint);

        var stated = rows[582].Record();
        Assert.Equal(("Data Engineer", 125_000m, 140_000m, false), (stated.Title, stated.SalaryMin!.Value, stated.SalaryMax!.Value, stated.SalaryIsEstimate));
        Assert.Equal(142, rows.Count(r => r.Record!.EmploymentTypeHint == "contract"));
        Assert.Equal(133, rows.Count(r => r.Record!.EmploymentTypeHint == "full_time"));
    }
}
