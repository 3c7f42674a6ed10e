using System.Text;
using SkillScope.Ingest;
using SkillScope.Model;
using SkillScope.Normalize;

namespace SkillScope.Tests.Ingest;

/// <summary>
/// The layouts of issue 12 read from the real files in the shared data folder (none of them may be
/// copied into the repository: their licenses are not stated or ask for attribution only in research),
/// plus the full LinkedIn 2023-24 layout, which is not in the shared folder, from rows written here.
/// </summary>
public class NewSourceReaderTests
{
    private const string Google = "google_job_skills_2018/job_skills.csv";
    private const string Brazil = "linkedin_brazil_data_jobs_2023/data_jobs_2023-06-26.csv";
    private const string DouDecember = "dou_ua_salary_survey_2024_2025/2024_dec_raw.csv";
    private const string DouJune = "dou_ua_salary_survey_2024_2025/2025_june_raw.csv";
    private const string StateOfData = "state_of_data_brazil_2022/State_of_data_2022.csv";
    private const string RemoteBoard = "remotewlb_remote_jobs_2024_2025/jobs/Java/2024-10/staff-software-engineer-ai-incubation/README.md";
    private const string RemoteBoardFolder = "remotewlb_remote_jobs_2024_2025/jobs";

    public static TheoryData<string, string> SharedFiles => new()
    {
        { Google, "google2018" },
        { Brazil, "linkedin-br" },
        { DouDecember, "dou" },
        { DouJune, "dou" },
        { StateOfData, "stateofdata" },
        { RemoteBoard, "remotewlb" },
    };

    [SharedDataTheory(Google, Brazil, DouDecember, DouJune, StateOfData, RemoteBoard)]
    [MemberData(nameof(SharedFiles))]
    public void Each_layout_is_detected_by_content_without_a_mapping(string relative, string expected)
    {
        using var folder = new TempFolder();
        var renamed = folder.File("export.txt");
        File.Copy(SharedData.Path(relative), renamed);

        Assert.Equal(expected, FormatRegistry.Detect(FormatRegistry.Probe(TextDecoding.Inspect(renamed)))?.Name);
    }

    [SharedDataFact(Google)]
    public void Google_2018_joins_its_three_text_columns_under_their_headings_and_keeps_the_category()
    {
        var (_, rows) = IngestKit.ReadFile(SharedData.Path(Google));

        Assert.Equal(1_250, rows.Count);
        var rejected = Assert.Single(rows, r => r.Error is not null);
        Assert.Equal("missing Title", rejected.Error);
        var first = rows[0].Record();
        Assert.Equal(("Google", "Google Cloud Program Manager", "Singapore"), (first.Company, first.Title, first.Location));
        Assert.StartsWith("Responsibilities:\nShape, shepherd, ship", first.Description, StringComparison.Ordinal);
        Assert.Contains("\n\nMinimum Qualifications:\nBA/BS degree", first.Description, StringComparison.Ordinal);
        Assert.Contains("\n\nPreferred Qualifications:\n", first.Description, StringComparison.Ordinal);
        Assert.Equal([new KeyValuePair<string, string>("Category", "Program Management")], first.Extra);
    }

    [SharedDataFact(Brazil)]
    public void LinkedIn_Brazil_reads_semicolons_company_dicts_skill_lists_and_portuguese_labels()
    {
        var (_, rows) = IngestKit.ReadFile(SharedData.Path(Brazil));

        Assert.Equal(936, rows.Count);
        IngestKit.AssertNoRejections(rows);
        var first = rows[0].Record();
        Assert.Equal(("Data Analyst", "Aurora Energy Research", "São Paulo, Brasil"), (first.Title, first.Company, first.Location));
        Assert.Equal(("Híbrido", "Júnior", "Tempo integral", "201-500 funcionários"), (first.WorkArrangementHint, first.SeniorityHint, first.EmploymentTypeHint, first.CompanySize));
        Assert.Equal(("3617685273", new DateOnly(2023, 6, 22)), (first.SourceId, first.PostedDate!.Value));
        Assert.StartsWith("Sobre a vaga\nAurora is looking for a Data Analyst", first.Description, StringComparison.Ordinal);
        // posted_date empty: the day it was collected.
        Assert.Equal(new DateOnly(2023, 6, 26), rows[1].Record().PostedDate);
        Assert.Equal(["Equipes de projeto", "Gestão", "Gestão de projetos"], rows[1].Record().StatedSkills!.Take(3));
        Assert.InRange(rows.Count(r => r.Record!.StatedSkills is { Count: > 0 }), 600, 700);
        // The columns not read are kept: the application link, the sector, the applicant count.
        Assert.Contains(rows[2].Record().Extra!, kv => kv is { Key: "company_sector", Value: "Seguros" });
        Assert.Contains(rows[1].Record().Extra!, kv => kv is { Key: "no_applicants", Value: "55 candidaturas" });
        Assert.All(rows, r => Assert.DoesNotContain(r.Record!.Extra ?? [], kv => kv.Key is "position" or "description" or "company_name"));
    }

    [SharedDataFact(DouDecember, DouJune)]
    public void Dou_waves_read_in_both_encodings_with_net_monthly_usd_and_the_main_language()
    {
        var december = TextDecoding.Inspect(SharedData.Path(DouDecember));
        var june = TextDecoding.Inspect(SharedData.Path(DouJune));
        Assert.Equal(("utf-8-bom", "windows-1251"), (december.EncodingName, june.EncodingName));

        var (_, rows) = IngestKit.ReadFile(SharedData.Path(DouJune));

        Assert.Equal(11_686, rows.Count);
        Assert.Equal(607, rows.Count(r => r.Error is not null));
        Assert.All(rows.Where(r => r.Error is not null), r => Assert.StartsWith("not working in IT now", r.Error, StringComparison.Ordinal));
        // The Ukrainian text decodes: the rejections quote it.
        Assert.Contains(rows, r => r.Error?.Contains("Втратив(-ла) роботу", StringComparison.Ordinal) == true);
        var records = rows.Where(r => r.Record is not null).Select(r => r.Record!).ToList();
        Assert.All(records, r => Assert.Equal((RecordKinds.SalaryReport, "USD", SalaryPeriods.Month, 2025), (r.Kind, r.SalaryCurrency, r.SalaryPeriod, r.WorkYear)));
        Assert.Equal(records.Count(r => r.StatedSkills is ["Python"]), records.Count(r => r.StatedSkills?.Contains("Python") == true));
        Assert.InRange(records.Count(r => r.StatedSkills is ["Python"]), 1_100, 1_234);
        Assert.Contains(records, r => r.CountryHint == "UA" && r.SeniorityHint == "Senior" && r.Title == "Data Scientist");
        // Bonuses, company size and the other answers are kept as stated.
        Assert.Contains(records[0].Extra!, kv => kv.Key == "Всі бонуси (на місяць)");
    }

    [SharedDataFact(DouDecember)]
    public void Dou_december_rejects_only_people_out_of_work_and_keeps_every_other_response()
    {
        var (_, rows) = IngestKit.ReadFile(SharedData.Path(DouDecember));

        Assert.Equal(14_148, rows.Count);
        Assert.Equal(691, rows.Count(r => r.Error is not null));
        var first = rows.First(r => r.Record is not null).Record();
        Assert.Equal(RecordKinds.SalaryReport, first.Kind);
        Assert.True(first.SalaryMin == first.SalaryMax && first.SalaryMin > 0);
    }

    [SharedDataFact(StateOfData)]
    public void State_of_data_reads_pay_bands_and_the_tools_each_respondent_uses()
    {
        var (_, rows) = IngestKit.ReadFile(SharedData.Path(StateOfData));

        Assert.Equal(4_271, rows.Count);
        Assert.Equal(577, rows.Count(r => r.Error == "faixa_salarial is empty: the respondent states no pay"));
        Assert.Equal(577, rows.Count(r => r.Error is not null));
        var records = rows.Where(r => r.Record is not null).Select(r => r.Record!).ToList();
        Assert.All(records, r => Assert.Equal((RecordKinds.SalaryReport, "BRL", SalaryPeriods.Month, 2022), (r.Kind, r.SalaryCurrency, r.SalaryPeriod, r.WorkYear)));
        Assert.Equal(752, records.Count(r => (r.SalaryMin, r.SalaryMax) == (8_001m, 12_000m)));
        Assert.Equal(2_981, records.Count(r => r.StatedSkills is { Count: > 0 } && r.SeniorityHint is "Júnior" or "Pleno" or "Sênior"));
        Assert.Equal(2_367, records.Count(r => r.StatedSkills?.Contains("SQL") == true));
        Assert.Contains(records, r => r.StatedSkills?.Contains("Amazon Web Services (AWS)") == true);
    }

    [Theory]
    [InlineData("de R$ 8.001/mês a R$ 12.000/mês", 8_001, 12_000)]
    [InlineData("Menos de R$ 1.000/mês", 1_000, 1_000)]
    [InlineData("Acima de R$ 40.001/mês", 40_001, 40_001)]
    public void State_of_data_bands_are_read_as_their_bounds(string band, int low, int high)
    {
        Assert.True(SkillScope.Ingest.Formats.StateOfDataFormat.TryBand(band, out var min, out var max));
        Assert.Equal(((decimal)low, (decimal)high), (min, max));
    }

    [Theory]
    [InlineData("R$ 8.001")]
    [InlineData("de R$ a R$ 12.000/mês")]
    [InlineData("de R$ 12.001/mês a R$ 8.000/mês")]
    [InlineData("oito mil por mês")]
    public void Text_that_is_not_a_monthly_band_is_not_read_as_one(string band)
    {
        Assert.False(SkillScope.Ingest.Formats.StateOfDataFormat.TryBand(band, out _, out _));
    }

    [Fact]
    public void Remote_board_posting_gives_title_link_company_pay_place_body_and_the_board_month()
    {
        // Written for this test in the board's layout.
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File(Path.Combine("Python", "2024-03", "ml-platform-engineer")));
        var path = folder.Write(Path.Combine("Python", "2024-03", "ml-platform-engineer", "README.md"),
            "# [ML Platform Engineer](https://www.remotewlb.com/apply/ml-platform-engineer)  \n### Example Labs  \n#### `💰 USD 147k~195k` `🌎 Remote US`  \n\nYou will build our LLM evaluation platform in Python.\n");

        var (format, rows) = IngestKit.ReadFile(path);

        Assert.Equal("remotewlb", format.Name);
        var record = Assert.Single(rows).Record();
        Assert.Equal(("ML Platform Engineer", "Example Labs", "Remote US", "USD 147k~195k"), (record.Title, record.Company, record.Location, record.SalaryText));
        Assert.Equal(("ml-platform-engineer", "https://www.remotewlb.com/apply/ml-platform-engineer"), (record.SourceId, record.Url));
        Assert.Equal(new DateOnly(2024, 3, 1), record.PostedDate);
        Assert.Equal("You will build our LLM evaluation platform in Python.", record.Description);
        var salary = RecordNormalizer.Normalize(record, FxRates.Default).Record!.Salary!;
        Assert.Equal((147_000m, 195_000m, "USD"), (salary.Min!.Value, salary.Max!.Value, salary.Currency));
    }

    [Theory]
    [InlineData("### None  \n#### `💰 ~0k` `🌎 Berlin`  \n", null, "~0k", "Berlin")]
    [InlineData("### Acme  \n#### `💰 $`  \n", "Acme", "$", null)]
    [InlineData("### Acme  \n####  \n", "Acme", null, null)]
    public void Remote_board_placeholders_are_no_company_and_no_pay_but_kept_as_stated(string lines, string? company, string? pay, string? place)
    {
        var rows = IngestKit.ReadText("remotewlb", "# [Data Analyst](https://www.remotewlb.com/apply/data-analyst)  \n" + lines + "\nBody\n");

        var record = Assert.Single(rows).Record();
        Assert.Equal((company, null, place), (record.Company, record.SalaryText, record.Location));
        Assert.Equal(pay is null ? null : [new KeyValuePair<string, string>("pay", pay)], record.Extra);
    }

    [Theory]
    [InlineData("Just some text\n### Acme\n#### x\n", "line 1 is not the title link '# [title](link)'")]
    [InlineData("# [Data Analyst](https://x/apply/a)\nAcme\n", "lines 2-3 are not '### company' and '#### pay and place'")]
    public void Remote_board_file_out_of_layout_is_one_rejected_row_with_the_reason(string text, string reason)
    {
        var rows = IngestKit.ReadText("remotewlb", text);

        var row = Assert.Single(rows);
        Assert.Equal((1L, reason, text), (row.Position, row.Error, row.RawText));
    }

    [SharedDataFact(RemoteBoard, "remotewlb_remote_jobs_2024_2025/MANIFEST.tsv")]
    public void Remote_board_folder_reads_every_posting_and_parses_pay_for_over_a_thousand()
    {
        var files = InputFiles.Expand([SharedData.Path(RemoteBoardFolder)]);
        var records = new List<RawRecord>();
        foreach (var file in files)
        {
            var (format, rows) = IngestKit.ReadFile(file.Path);
            Assert.Equal("remotewlb", format.Name);
            records.Add(Assert.Single(rows).Record());
        }

        Assert.Equal(3_554, records.Count);
        Assert.All(records, r => Assert.NotNull(r.PostedDate));
        var stated = records.Where(r => r.SalaryText is not null).ToList();
        var usable = stated.Count(r => RecordNormalizer.Normalize(r, FxRates.Default).Record?.Salary?.IsUsable == true);
        Assert.InRange(stated.Count, 1_400, 1_758);
        Assert.True(usable >= 1_000, $"pay parsed for {usable} of {stated.Count} postings that state it");
    }

    [Fact]
    public void LinkedIn_2023_24_layout_keeps_company_names_descriptions_and_pay_and_is_not_taken_for_the_structured_one()
    {
        // Rows written for this test in the Kaggle "LinkedIn Job Postings 2023-2024" postings.csv layout.
        const string header = "job_id,company_name,title,description,max_salary,pay_period,location,company_id,views,med_salary,min_salary,formatted_work_type,applies,original_listed_time,remote_allowed,job_posting_url,application_url,application_type,expiry,closed_time,formatted_experience_level,skills_desc,listed_time,posting_domain,sponsored,work_type,currency,compensation_type,normalized_salary,zip_code,fips";
        var text = header + "\n"
            + "101,Example Analytics,Senior Data Scientist,\"Build forecasting models in Python and SQL.\",180000.0,YEARLY,\"Austin, TX\",555,20.0,,140000.0,Full-time,3.0,1713397508000.0,1.0,https://www.linkedin.com/jobs/view/101,,OffsiteApply,1715989508000.0,,Mid-Senior level,Spark preferred,1713397508000.0,example.com,0,FULL_TIME,USD,BASE_SALARY,160000.0,78701,48453\n"
            + "102,Acme Health,Data Analyst,Dashboards.,,,\"Remote\",556,,35.0,,Contract,,1713397508000.0,,,,ComplexOnsiteApply,,,Entry level,,1713483908000.0,,0,CONTRACT,USD,BASE_SALARY,72800.0,,\n";
        Assert.Equal("linkedin2024", FormatRegistry.Detect(new FormatProbe("postings.csv", header, text))?.Name);

        var rows = IngestKit.ReadText("linkedin2024", text);

        IngestKit.AssertNoRejections(rows);
        var first = rows[0].Record();
        Assert.Equal(("101", "Example Analytics", "Senior Data Scientist", "Austin, TX"), (first.SourceId, first.Company, first.Title, first.Location));
        Assert.Equal("Description:\nBuild forecasting models in Python and SQL.\n\nSkills:\nSpark preferred", first.Description);
        Assert.Equal((140_000m, 180_000m, "USD", "YEARLY"), (first.SalaryMin!.Value, first.SalaryMax!.Value, first.SalaryCurrency, first.SalaryPeriod));
        Assert.Equal((new DateOnly(2024, 4, 17), new DateOnly(2024, 5, 17)), (first.PostedDate!.Value, first.ValidThrough!.Value));
        Assert.Equal((WorkArrangementNormalizer.RemoteAllowed, "Mid-Senior level", "FULL_TIME"), (first.WorkArrangementHint, first.SeniorityHint, first.EmploymentTypeHint));
        Assert.Contains(first.Extra!, kv => kv is { Key: "views", Value: "20.0" });
        Assert.Contains(first.Extra!, kv => kv is { Key: "normalized_salary", Value: "160000.0" });
        var second = rows[1].Record();
        Assert.Equal(("Dashboards.", 35m, 35m), (second.Description, second.SalaryMin!.Value, second.SalaryMax!.Value));
        Assert.Null(second.SalaryPeriod);
    }

    [SharedDataFact("linkedin_2023_structured/job_postings.csv")]
    public void The_structured_2023_table_is_still_its_own_layout()
    {
        Assert.Equal("linkedin2023", FormatRegistry.Detect(FormatRegistry.Probe(TextDecoding.Inspect(SharedData.Path("linkedin_2023_structured/job_postings.csv"))))?.Name);
    }

    [Fact]
    public void LinkedIn_2023_24_epoch_times_that_are_not_times_reject_the_row_with_the_reason()
    {
        const string header = "job_id,company_name,title,description,max_salary,pay_period,location,formatted_work_type,remote_allowed,formatted_experience_level,min_salary,listed_time";
        var rows = IngestKit.ReadText("linkedin2024", header + "\n1,A,Data Scientist,x,,,,,,,,yesterday\n2,A,Data Scientist,x,,,,,,,,17\n");

        Assert.Equal(["listed_time 'yesterday' is not a time in epoch milliseconds", "listed_time '17' is not a time in epoch milliseconds"], rows.Select(r => r.Error));
    }
}

/// <summary>How delimited files are split and what is kept of the columns a layout does not read.</summary>
public class DelimiterAndKeptColumnTests
{
    [Theory]
    [InlineData("a,b,c", ',')]
    [InlineData("a;b;c", ';')]
    [InlineData("a\tb\tc", '\t')]
    [InlineData("a|b|c", '|')]
    [InlineData("\"x;y\",b,c", ',')]
    [InlineData("title", ',')]
    [InlineData("", ',')]
    public void The_header_line_decides_the_separator(string header, char expected)
    {
        Assert.Equal(expected, SkillScope.Ingest.Csv.CsvDialect.Delimiter(header));
    }

    [Theory]
    [InlineData(";")]
    [InlineData("\t")]
    [InlineData("|")]
    public void Generic_reader_reads_any_separator_with_quoted_separators_inside_fields(string separator)
    {
        var text = string.Join(separator, "title", "company", "notes") + "\n"
            + string.Join(separator, "Data Scientist", "\"Acme" + separator + " Inc\"", "first") + "\n";

        var rows = IngestKit.ReadText("csv", text);

        var record = Assert.Single(rows).Record();
        Assert.Equal(("Data Scientist", "Acme" + separator + " Inc"), (record.Title, record.Company));
        Assert.Equal([new KeyValuePair<string, string>("notes", "first")], record.Extra);
    }

    [Fact]
    public void Columns_a_layout_does_not_read_are_kept_in_header_order_and_empty_ones_left_out()
    {
        var rows = IngestKit.ReadText("aijobs",
            "work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size,survey_note,blank\n"
            + "2024,SE,FT,Data Scientist,150000,USD,150000,CA,0,US,M,moved,\n");

        Assert.Equal([new("employee_residence", "CA"), new KeyValuePair<string, string>("survey_note", "moved")], Assert.Single(rows).Record().Extra);
    }

    [Fact]
    public void A_mapping_can_combine_several_columns_into_one_field()
    {
        var mapping = ColumnMappingFile.Parse("""
            { "Title": "role", "Description": ["Duties", "Must have", "Nice to have"], "Location": ["city", "state"], "StatedSkills": ["tools", "languages"], "SalaryMin": ["low", "fallback"] }
            """);
        var text = "role,Duties,Must have,Nice to have,city,state,tools,languages,low,fallback,other\n"
            + "Data Engineer,Build pipelines,Python,Airflow,Austin,TX,dbt;Spark,SQL,,90000,kept\n";

        var rows = IngestKit.ReadText("csv", text, mapping);

        var record = Assert.Single(rows).Record();
        Assert.Equal("Duties:\nBuild pipelines\n\nMust have:\nPython\n\nNice to have:\nAirflow", record.Description);
        Assert.Equal("Austin, TX", record.Location);
        Assert.Equal(["dbt", "Spark", "SQL"], record.StatedSkills);
        Assert.Equal(90_000m, record.SalaryMin);
        Assert.Equal([new KeyValuePair<string, string>("other", "kept")], record.Extra);
    }

    [Fact]
    public void A_jsonl_mapping_can_combine_several_keys()
    {
        var mapping = ColumnMappingFile.Parse("""{ "Title": "title", "Description": ["summary", "requirements.must"] }""");

        var rows = IngestKit.ReadText("jsonl", """{"title": "ML Engineer", "summary": "Ship models.", "requirements": {"must": ["PyTorch", "Python"]}}""" + "\n", mapping);

        Assert.Equal("summary:\nShip models.\n\nrequirements.must:\nPyTorch;Python", Assert.Single(rows).Record().Description);
    }

    [Theory]
    [InlineData("""{ "Title": ["a", 3] }""")]
    [InlineData("""{ "Title": [] }""")]
    [InlineData("""{ "Title": ["a", ""] }""")]
    public void A_combined_mapping_with_a_non_column_is_a_one_line_error(string json)
    {
        var error = Assert.Throws<ReadError>(() => ColumnMappingFile.Parse(json));

        Assert.Contains("must be a column name in quotes, or an array of them", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cyrillic_windows_1251_is_told_from_western_windows_1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var folder = new TempFolder();
        var ukrainian = folder.Write("ua.csv", Encoding.GetEncoding(1251).GetBytes("Посада,Зарплата\nРозробник програмного забезпечення,3000\nАналітик даних,2500\n"));
        var french = folder.Write("fr.csv", Encoding.GetEncoding(1252).GetBytes("poste,société\nIngénieur données,Société Générale à Paris\nAnalyste,Crédit Agricole près de Lyon\n"));

        Assert.Equal("windows-1251", TextDecoding.Inspect(ukrainian).EncodingName);
        Assert.Equal("windows-1252", TextDecoding.Inspect(french).EncodingName);
        using var text = TextDecoding.Open(TextDecoding.Inspect(ukrainian));
        Assert.StartsWith("Посада,Зарплата\nРозробник", text.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_stands_for_its_files_recursively_in_a_stable_order_without_hidden_ones()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("b"));
        Directory.CreateDirectory(folder.File(".git"));
        folder.Write("z.csv", "x");
        folder.Write(Path.Combine("b", "a.md"), "x");
        folder.Write(".hidden", "x");
        folder.Write(Path.Combine(".git", "config"), "x");

        var files = InputFiles.Expand([folder.Path, "single.csv"]);

        Assert.Equal([Path.Combine("b", "a.md"), "z.csv"], files.Where(f => f.InFolder).Select(f => Path.GetRelativePath(folder.Path, f.Path)));
        Assert.Equal(new InputFile("single.csv", false), files[^1]);
    }
}
