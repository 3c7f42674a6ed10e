using Microsoft.Data.Sqlite;
using SkillScope.Ingest.Formats;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Ingest;

/// <summary>The HN readers on the committed fixtures: one posting per role, replies skipped with a reason, edits update.</summary>
[Trait("Engine", "sqlite")]
public class HnFormatTests
{
    private static string Fixture(string name) => SharedData.Repo("tests/SkillScope.Tests/Fixtures/hn/" + name);

    private static IngestSummary Ingest(SkillStore store, string path) =>
        new IngestService(store, FxRates.Default, FixedTime.Default).Ingest(path, new IngestOptions(), null, CancellationToken.None);

    [Fact]
    public void A_run_file_is_detected_by_content_and_each_role_becomes_a_posting()
    {
        var (format, rows) = IngestKit.ReadFile(Fixture("hn-api-items.json"));

        Assert.Equal("hn", format.Name);
        var postings = rows.Where(r => r.Record is not null).Select(r => r.Record!).ToList();
        Assert.Equal(["900101/1", "900101/2", "900102/1", "900102/2", "900102/3", "900105/1", "900106/1"], postings.Select(p => p.SourceId));
        Assert.Equal(["Senior Machine Learning Engineer", "Data Engineer"], postings.Take(2).Select(p => p.Title));
        Assert.All(postings.Take(2), p => Assert.Equal("Northwind Analytics", p.Company));
        Assert.Equal("remote", postings[0].WorkArrangementHint);
        Assert.Equal("$150K-$200K", postings[0].SalaryText);
        Assert.Equal("Full-time", postings[0].EmploymentTypeHint);
        Assert.Equal(new DateOnly(2026, 4, 1), postings[0].PostedDate);
        Assert.Equal("https://news.ycombinator.com/item?id=900101", postings[0].Url);
        Assert.True(postings[0].Revisable);
        Assert.Equal(["Data Scientist (NLP)", "Analytics Engineer", "Staff Backend Engineer (Go)"], postings.Skip(2).Take(3).Select(p => p.Title));
        Assert.Equal("Quillfeather GmbH", postings[2].Company);
        Assert.Equal("hybrid", postings[2].WorkArrangementHint);
        Assert.Equal("EUR 80k-95k", postings[2].SalaryText);
        Assert.Equal("onsite", postings[5].WorkArrangementHint);
        Assert.Equal("150-200k", postings[5].SalaryText);
        Assert.Equal("Larkspur Health", postings[6].Company);
        Assert.Equal("hybrid", postings[6].WorkArrangementHint);

        var skipped = rows.Where(r => r.Ignored).Select(r => r.Error).ToList();
        Assert.Equal([HnComment.NotAnAdReason, HnComment.EmptyReason, HnComment.EmptyReason], skipped);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long)i), rows.Select(r => r.Position));
    }

    [Theory]
    [InlineData("$150K-$200K", 150_000, 200_000, "USD")]
    [InlineData("150-200k", 150_000, 200_000, "USD")]
    [InlineData("EUR 80k", 80_000, 80_000, "EUR")]
    [InlineData("€70-100k + equity", 70_000, 100_000, "EUR")]
    public void Salary_strings_from_hn_headers_are_parsed_with_their_currency(string cell, int min, int max, string currency)
    {
        var ad = HnComment.Parse($"Acme | Data Engineer | Remote | {cell}").Ad!;
        var salary = SalaryParser.Parse(ad.SalaryText).Salary!;

        Assert.Equal(min, salary.Min);
        Assert.Equal(max, salary.Max);
        Assert.Equal(currency, salary.Currency);
        Assert.Equal(SalaryPeriods.Year, salary.Period);
    }

    [Theory]
    [InlineData("Acme | ML Engineer | NYC | Hybrid", "hybrid")]
    [InlineData("Acme | ML Engineer | REMOTE (US)", "remote")]
    [InlineData("Acme | ML Engineer | NYC or Remote", "remote")]
    [InlineData("Acme | ML Engineer | NYC | ONSITE", "onsite")]
    [InlineData("Acme | ML Engineer | Amsterdam | Onsite (2 days remote OK)", "hybrid")]
    [InlineData("Acme | ML Engineer | NYC Onsite (4-5 days in-office)", "onsite")]
    [InlineData("Acme | ML Engineer | NYC (3 days in office)", "hybrid")]
    public void Work_arrangement_follows_the_written_rules(string header, string expected) =>
        Assert.Equal(expected, HnComment.Parse(header).Ad!.Arrangement);

    [Theory]
    [InlineData("Backed by Big Ventures, Quillfeather is the data platform for grocers and farms in NYC | In-office 4 days | $130,000 - $175,000", "Quillfeather")]
    [InlineData("Quillfeather/ Senior Data Engineer/ NYC-Hybrid/ Full-time", "Quillfeather")]
    [InlineData("Hiring – REMOTE LATAM - We build tools that help small law firms manage their caseloads and their calls", null)]
    [InlineData("Quillfeather is a fintech company rethinking mortgages.\n\nWe’re currently hiring Senior and Staff Engineers with Haskell.", "Quillfeather")]
    public void The_company_is_found_in_sentence_slash_and_hiring_headers(string text, string? company) =>
        Assert.Equal(company, HnComment.Parse(text).Ad!.Company);

    [Fact]
    public void A_header_sentence_is_not_taken_for_a_role_and_titled_lines_after_looking_for_are_roles()
    {
        var ad = HnComment.Parse("Hiring – REMOTE LATAM - We build tools that help small law firms manage their caseloads and their calls\n\n"
            + "Looking for:\n\nAI Engineer: 4-6 years of experience in ML engineering.\n\nTech Lead: lead a senior team.\n\nSRE: DevOps & infrastructure\n\nTech Stack: Python, Postgres").Ad!;

        Assert.Equal(["AI Engineer", "Tech Lead", "SRE"], ad.Roles);
        Assert.Equal("remote", ad.Arrangement);
    }

    [Theory]
    [InlineData("Acme | Staff Fullstack Engineer/Senior Software Engineer/Forward Deployed Engineer | Remote", new[] { "Staff Fullstack Engineer", "Senior Software Engineer", "Forward Deployed Engineer" })]
    [InlineData("Acme | Senior/Staff Software Engineer | Remote", new[] { "Senior/Staff Software Engineer" })]
    [InlineData("Acme | Senior DevOps Engineer/SRE | Remote", new[] { "Senior DevOps Engineer/SRE" })]
    public void Titles_joined_by_a_slash_are_split_only_when_each_is_a_whole_title(string header, string[] roles) =>
        Assert.Equal(roles, HnComment.Parse(header).Ad!.Roles);

    [Fact]
    public void Positions_said_to_be_remote_in_the_body_are_remote() =>
        Assert.Equal("remote", HnComment.Parse("Acme | Data Engineer | Austin, TX\n\nThese positions are REMOTE but we hire in 20 states only.").Ad!.Arrangement);

    /// <summary>Headers that are not a '|' line at the top (layouts of the development labels, docs/formats.md).</summary>
    [Theory]
    [InlineData("CLOSED - thanks for all the applications!\n\nQuillfeather | Remote (US) | Founding Engineer | $20K/mo + equity\nWe build ledgers.",
        "Quillfeather", new[] { "Founding Engineer" }, "remote", "$20K/mo")]
    [InlineData("Quillfeather\n\nPartnerships Manager | Platform Business Partner | Content Lead\n\nRemote | Full-time\n\nWe build ledgers for farms.",
        "Quillfeather", new[] { "Partnerships Manager", "Platform Business Partner", "Content Lead" }, "remote", null)]
    [InlineData("Company: Quillfeather\nLocation: Remote (UTC+3)\nType: Full-time\nCompensation: from $2500/month\n\nWe build ledgers.",
        "Quillfeather", new[] { "Engineering roles (not named)" }, "remote", "$2500/month")]
    [InlineData("Company: Quillfeather\nRole: Founding Full Stack Engineer\nLocation: Utrecht (Hybrid Tue/Thu)\nRemote: No\n\nWe build ledgers.",
        "Quillfeather", new[] { "Founding Full Stack Engineer" }, "hybrid", null)]
    [InlineData("Quillfeather; Fulltime; Onsite, San Francisco, CA, USA.\n\nWe're looking for engineers to join our research and infra teams.",
        "Quillfeather", new[] { "engineers" }, "onsite", null)]
    public void Headers_under_a_notice_stacked_on_lines_or_written_as_fields_are_read(string text, string company, string[] roles, string arrangement, string? salary)
    {
        var ad = HnComment.Parse(text).Ad!;
        Assert.Equal((company, arrangement, salary), (ad.Company, ad.Arrangement, ad.SalaryText));
        Assert.Equal(roles, ad.Roles);
    }

    [Fact]
    public void A_job_seekers_field_block_is_not_an_ad() =>
        Assert.Null(HnComment.Parse("Location: Lisbon\nRemote: Yes\nWilling to relocate: No\nTechnologies: Go, React\nRésumé/CV: https://example.org/cv").Ad);

    [Theory]
    [InlineData("Acme | C++ Engineer, Filterlist Engineer | Remote", new[] { "C++ Engineer", "Filterlist Engineer" })]
    [InlineData("Acme | Senior + Mid-Level Software Engineers | Remote", new[] { "Senior + Mid-Level Software Engineers" })]
    [InlineData("Acme | AI/ML Engineer + others | SF\n\nWe are looking for AI/ML Engineers to train models (1+ years, SF only), Senior Data Scientists (5+ years), and Product Engineers (3+ years).",
        new[] { "AI/ML Engineer", "Senior Data Scientists", "Product Engineers" })]
    [InlineData("Acme | Multiple roles (engineering + design) | Utrecht | ONSITE\n\nWe are hiring a software engineer and a genius designer (with some engineering prowess).",
        new[] { "Software engineer", "Genius designer" })]
    [InlineData("Acme | Remote\n\nMobile:\n\nLead React Native Engineer and React Native Engineers\n\nFor Lead - apply at: https://example.org/lead\n\nFor Software Engineer - apply at: https://example.org/se",
        new[] { "Lead React Native Engineer", "React Native Engineers" })]
    [InlineData("Acme | Multiple roles | Remote\n\nWe are hiring:\n\n- Senior systems engineers: https://example.org/1\n\n- An engineering manager with systems experience: https://example.org/2",
        new[] { "Senior systems engineers", "Engineering manager" })]
    public void Roles_keep_their_plus_signs_and_come_from_hiring_sentences_and_bullets(string text, string[] roles) =>
        Assert.Equal(roles, HnComment.Parse(text).Ad!.Roles);

    [Theory]
    [InlineData("Acme | Staff Engineer | NYC | ONSITE\nWe streamline permits in the $1.6 trillion construction market.\n\n1. Staff Engineer - $200K-275K + equity", "$200K-275K")]
    [InlineData("Acme | Backend Engineer | London (Hybrid)\n\nWe serve the largest customers\n\nComp: £150k+", "£150k")]
    public void Market_sizes_and_funding_words_on_other_lines_are_not_pay(string text, string salary) =>
        Assert.Equal(salary, HnComment.Parse(text).Ad!.SalaryText);

    [Fact]
    public void A_header_that_starts_with_the_role_takes_no_salary_cell_for_the_company() =>
        Assert.Null(HnComment.Parse("Senior Backend Engineer | Vienna / Remote (Europe) | Full-time | Salary + equity\n\nEarly-stage startup.").Ad!.Company);

    /// <summary>Layouts of the third held-out sample's misses (development data since 2026-12-07; docs/accuracy.md).</summary>
    [Theory]
    [InlineData("Quillfeather | Software, Mobile, QA | HYBRID (Austin, TX)\n\nOpen Roles:\n- Software Engineer, Full Stack (Product / Web) • Build polished web interfaces on top of our engine.\n- iOS Engineer (Mobile / AR) • Build capture apps with Swift.\n- Senior SDET (Automation) • Own our test harness.",
        new[] { "Software Engineer, Full Stack (Product / Web)", "iOS Engineer (Mobile / AR)", "Senior SDET (Automation)" })]
    [InlineData("Quillfeather | Hybrid (USA) Dayton OH | Full time, interns/co-ops | https://example.org", new[] { "interns/co-ops" })]
    [InlineData("Quillfeather | Remote (Canada) | Full-time\n\nLooking for: iOS/Mobile, Full-Stack, Data Engineers",
        new[] { "iOS/Mobile Engineers", "Full-Stack", "Data Engineers" })]
    [InlineData("Quillfeather | Ops Specialist | Remote | Full-time\n\nRole: Somewhere between product, customer success, and consulting. You will operate as an embedded advisor across many companies.",
        new[] { "Ops Specialist" })]
    [InlineData("Quillfeather | Berlin | ONSITE | Full-time\n\nActively hiring for:\n\n- Senior Backend Engineer (Go, networking) (Onsite)\n\n- Head of Growth (PLG, dev tools, OS motion, conversions and funnels)\n\n- Account Executive (Toronto, Ontario, Canada)",
        new[] { "Senior Backend Engineer (Go, networking) (Onsite)", "Head of Growth", "Account Executive (Toronto, Ontario, Canada)" })]
    [InlineData("Quillfeather | Remote (EU)\n\n- Senior Full-Stack Engineer | Equity | 110k+\n- Founding Designer | Equity | 90k+",
        new[] { "Senior Full-Stack Engineer", "Founding Designer" })]
    [InlineData("Quillfeather | Hiring Data Engineer (Full-Time) | NYC (HYBRID)\n\nWe build ledgers.\n\nQuillfeather | Hiring DevOps Engineer (Full-Time) | NYC (HYBRID)\n\nWe run them.",
        new[] { "Hiring Data Engineer ( )", "Hiring DevOps Engineer" })]
    [InlineData("Quillfeather | Palo Alto | Full-time\n\nWe're hiring across several roles:\n- Applied AI Engineer: Deploy AI solutions with customers\n- Product Engineer: Build what users see\n\nApply: https://example.org",
        new[] { "Applied AI Engineer", "Product Engineer" })]
    [InlineData("Quillfeather | Remote | Full-time\n\nWe build ledgers.\n\nSenior AI / LLM Engineer (Python) : Build production LLM systems that read logs.",
        new[] { "Senior AI / LLM Engineer (Python)" })]
    [InlineData("Quillfeather | SF Onsite\n\nWe're hiring the following roles:\n- Staff SWE, AI: Build the reasoning engine.\n- Head of Marketing: Reach more engineers.\n\nOr email me: jo@example.org\nJo, Co-founder & CTO",
        new[] { "Staff SWE, AI", "Head of Marketing" })]
    [InlineData("Quillfeather | Remote\n\nHiring for three roles:\n\n1. Technical Forward Deployed PM (Remote US) — Build client deliverables with the latest AI tools.\n\n2. Data Engineer (Remote, Global) — Own the pipelines.",
        new[] { "Technical Forward Deployed PM (Remote US)", "Data Engineer (Remote, Global)" })]
    [InlineData("Quillfeather | Toronto | Remote (Canada)\n\nAI-powered ledger platform — we're building the data layer for farms.\n\nRoles: Data Engineer, Product Designer",
        new[] { "Data Engineer", "Product Designer" })]
    public void Body_lists_titled_lines_and_pipe_lines_name_the_roles(string text, string[] roles) =>
        Assert.Equal(roles, HnComment.Parse(text).Ad!.Roles);

    [Theory]
    [InlineData("Remote or Netherlands\n\nQuillfeather - Founding Engineer (AI x Ledgers) - Remote - $80k + Equity\nhttps://example.org\n\nWe build ledgers.",
        "Quillfeather", new[] { "Founding Engineer (AI x Ledgers)" }, "remote", "$80k")]
    [InlineData("Quillfeather (quillfeather.example)- we're rebuilding the way farms keep books. Looking for NY-based engineers (hybrid) to help us build the platform.\n\nEmail me",
        "Quillfeather", new[] { "NY-based engineers" }, "hybrid", null)]
    [InlineData("Founding Engineer @ Quillfeather (San Francisco, ONSITE)\n\nQuillfeather runs ledgers for farms.",
        "Quillfeather", new[] { "Founding Engineer" }, "onsite", null)]
    [InlineData("Head of Engineering | Full-Time | Remote | $182k - $272k USD\n\nRole: Own the engineering team.\n\n---\n\nQuillfeather | Senior DevOps Engineer | Full-Time | Remote | 115k - 180k USD",
        "Quillfeather", new[] { "Head of Engineering", "Senior DevOps Engineer" }, "remote", "$182k - $272k USD")]
    [InlineData("Quillfeather | London, UK | Full-Time | ONSITE+PART REMOTE\n\nWe build ledgers. Hiring a Senior Software Engineer.",
        "Quillfeather", new[] { "Senior Software Engineer" }, "hybrid", null)]
    public void Headers_under_a_place_line_in_a_sentence_after_an_at_or_in_a_second_header_are_read(string text, string company, string[] roles, string arrangement, string? salary)
    {
        var ad = HnComment.Parse(text).Ad!;
        Assert.Equal((company, arrangement, salary), (ad.Company, ad.Arrangement, ad.SalaryText));
        Assert.Equal(roles, ad.Roles);
    }

    [Fact]
    public void A_hiring_statement_beats_a_single_body_line_with_no_title_word() =>
        Assert.Equal(["engineers"], HnComment.Parse("Quillfeather; Fulltime; Onsite, San Francisco, CA, USA.\n\nWe're looking for engineers to join our research and infra teams.\n\nWhat we value:\n- Open-sourcing AI research: https://example.org/blog").Ad!.Roles);

    [Fact]
    public void A_sentence_header_with_at_keeps_the_hiring_statement_for_its_role() =>
        Assert.Equal(["developers"], HnComment.Parse("We're hiring developers who write at Quillfeather.io\n\nWe build ledgers.").Ad!.Roles);

    [Theory]
    [InlineData("Careful with this, I applied and never heard back.")]
    [InlineData("> $8k contract for 5% equity\n\nSurely this is a typo?")]
    [InlineData("SEEKING REMOTE UI/UX DESIGN OPPORTUNITIES Location: India Remote: Yes")]
    [InlineData("")]
    [InlineData("[deleted]")]
    public void Replies_and_remarks_are_not_ads(string text) => Assert.Null(HnComment.Parse(text).Ad);

    [Fact]
    public void Reading_the_same_run_twice_adds_nothing_and_skipped_replies_are_counted_not_stored()
    {
        using var temp = new Support.TempFolder();
        using var store = SkillStore.Open(temp.Db);

        var first = Ingest(store, Fixture("hn-api-items.json"));
        var second = Ingest(store, Fixture("hn-api-items.json"));

        Assert.Equal((10, 7, 3, 0), (first.Read, first.Stored, first.Ignored, first.Rejected));
        Assert.Equal(new Dictionary<string, long> { [HnComment.EmptyReason] = 2, [HnComment.NotAnAdReason] = 1 }, first.IgnoredReasons);
        Assert.Equal(first.Read, first.Stored + first.Merged + first.Skipped + first.Rejected + first.Updated + first.Ignored);
        Assert.Equal((7, 0, 0), (second.Skipped, second.Stored, second.Updated));
        Assert.Equal(7, Scalar(store, "SELECT COUNT(*) FROM records"));
        Assert.Equal(0, Scalar(store, "SELECT COUNT(*) FROM quarantine"));
        Assert.Contains("3 not records, skipped (2 empty or deleted comment; 1 not a job ad", first.ToLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_comment_updates_its_postings_in_place()
    {
        using var temp = new Support.TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var original = File.ReadAllText(Fixture("hn-api-items.json"));
        var edited = temp.Write("edited.json", original.Replace("$150K-$200K", "$170K-$210K", StringComparison.Ordinal));

        Ingest(store, Fixture("hn-api-items.json"));
        var summary = Ingest(store, edited);

        Assert.Equal((2, 5, 0), (summary.Updated, summary.Skipped, summary.Stored));
        Assert.Equal(7, Scalar(store, "SELECT COUNT(*) FROM records"));
        Assert.Equal(2, Scalar(store, "SELECT COUNT(*) FROM records WHERE salary_min = 170000 AND salary_max = 210000"));
        Assert.Equal(0, Scalar(store, "SELECT COUNT(*) FROM records WHERE salary_min = 150000 AND company = 'Northwind Analytics'"));
        // The skills of an updated posting are those of its new text.
        Assert.True(Scalar(store, "SELECT COUNT(*) FROM record_sources WHERE source_id = '900101/1'") == 1);
    }

    [Fact]
    public void Each_table_header_variant_is_read_and_the_month_comes_from_the_file_name_when_rows_have_no_date()
    {
        foreach (var (file, rowsExpected) in new[] { ("variant-a-2025-April.md", 4), ("variant-b-2023-April.md", 5), ("variant-c-2024-July.md", 4), ("variant-d-2024-August.md", 4) })
        {
            var (format, rows) = IngestKit.ReadFile(Fixture(file));
            Assert.Equal("hn-table", format.Name);
            Assert.Equal(rowsExpected, rows.Count);
            IngestKit.AssertNoRejections(rows);
        }

        var d = IngestKit.ReadFile(Fixture("variant-d-2024-August.md")).Rows[0].Record();
        Assert.Equal("41130582:software engineer", d.SourceId);
        Assert.Equal("Riza, Inc.", d.Company);
        Assert.Equal(new DateOnly(2024, 8, 1), d.PostedDate);
        Assert.Equal("San Francisco, USA", d.Location);
        Assert.Contains("Languages and frameworks: WASM, Postgres, Go, React, TypeScript", d.Description, StringComparison.Ordinal);

        var a = IngestKit.ReadFile(Fixture("variant-a-2025-April.md")).Rows[0].Record();
        Assert.Equal(("ParaFi Capital", "Full-stack Engineer", "hybrid", "San Diego, USA"), (a.Company, a.Title, a.WorkArrangementHint, a.Location));
        Assert.Equal(new DateOnly(2025, 4, 6), a.PostedDate);
    }

    [Fact]
    public void A_row_with_a_bare_pipe_in_a_cell_is_realigned_on_its_employment_and_remote_cells()
    {
        var rows = IngestKit.ReadFile(Fixture("variant-b-2023-April.md")).Rows;
        var record = rows[^1].Record();

        Assert.StartsWith("35533469:", record.SourceId, StringComparison.Ordinal);
        Assert.Equal("full-time", record.EmploymentTypeHint);
        Assert.NotNull(record.Title);
    }

    [Fact]
    public void Escaped_pipes_are_literal_and_a_row_that_cannot_be_aligned_is_rejected_with_its_reason()
    {
        const string Header = "| Post ID | Post Link | Post Date | Post Username | Company | Job Title | Employment Type | Salary | Remote | City | Country | Languages and Frameworks | Remote Rules | How to Apply |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
        var rows = IngestKit.ReadText("hn-table", Header
            + "| 1 | [Post link](https://news.ycombinator.com/item?id=1) | 2025-04-01T10:00:00 | a | Acme \\| Labs | Data Scientist | full-time | $100k | yes | Austin | USA | Python |  | mail |\n"
            + "| 2 | [Post link](https://news.ycombinator.com/item?id=2) | 2025-04-01T10:00:00 | b | Beta | ML Engineer |\n"
            + "| 3 | [Post link](https://news.ycombinator.com/item?id=3) | April | c | Gamma | ML Engineer | full-time |  | no | Austin | USA |  |  |  |\n");

        Assert.Equal("Acme | Labs", rows[0].Record().Company);
        Assert.Equal("6 cells where the header has 14", rows[1].Error);
        Assert.Equal("Post Date 'April' is not a date (yyyy-MM-ddTHH:mm:ss)", rows[2].Error);
    }

    private static long Scalar(SkillStore store, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={store.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
