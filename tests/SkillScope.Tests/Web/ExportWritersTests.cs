using System.Globalization;
using System.Text.Json;
using CsvHelper;
using SkillScope.Export;
using SkillScope.Ingest;
using SkillScope.Ingest.Web;
using SkillScope.Model;

namespace SkillScope.Tests.Web;

public class ExportWritersTests
{
    internal static IReadOnlyList<ExportRecord> Samples() =>
    [
        new("greenhouse", "4012345006", new JobRecord
        {
            Kind = RecordKinds.Posting, SourceId = "4012345006", Title = "Senior Machine Learning Engineer, Ranking", Company = "Northwind Analytics",
            LocationText = "Remote - US", Description = "Ship ranking models.\n- XGBoost, PyTorch\n- A/B testing",
            PeriodStart = new DateOnly(2025, 1, 27), PeriodEnd = new DateOnly(2025, 1, 27),
            Role = Roles.MlEngineer, Seniority = Seniorities.Senior, YearsRequiredMin = 5, EmploymentType = EmploymentTypes.FullTime,
            WorkArrangement = WorkArrangements.Remote, Country = "US",
            Salary = new Salary(185000m, 240000m, "USD", SalaryPeriods.Year, 185000, 240000, 212500, false, null),
        }),
        new("lever", "3f2a9c1e", new JobRecord
        {
            Kind = RecordKinds.Posting, SourceId = "3f2a9c1e", Title = "Datenwissenschaftler:in (m/w/d) – Preise", Company = "Lumen Health GmbH",
            LocationText = "München, Bayern", Description = "Preis- & Absatzmodelle mit Python <3.12>, \"scikit-learn\", SQL.\n\nDein Profil: 3+ Jahre",
            PeriodStart = new DateOnly(2025, 2, 6), PeriodEnd = new DateOnly(2025, 2, 6),
            Role = Roles.DataScientist, Seniority = Seniorities.Mid, YearsRequiredMin = 3, EmploymentType = EmploymentTypes.FullTime,
            WorkArrangement = WorkArrangements.Hybrid, Country = "DE", State = "BY", City = "Munich", Metro = "Munich",
            Salary = new Salary(6500m, 7500m, "EUR", SalaryPeriods.Month, 84240, 97200, 90720, false, null),
        }),
        new("ashby", null, new JobRecord
        {
            Kind = RecordKinds.Posting, Title = "機械学習エンジニア（インターン）", Company = null, LocationText = "東京",
            PeriodStart = new DateOnly(2025, 2, 28), PeriodEnd = new DateOnly(2025, 2, 28),
            Role = Roles.MlEngineer, Seniority = Seniorities.Intern, EmploymentType = EmploymentTypes.Internship,
            WorkArrangement = WorkArrangements.Onsite, Country = "JP", City = "Tokyo",
            Salary = new Salary(2000m, 2000m, "JPY", SalaryPeriods.Hour, 27.8, 27.8, 27.8 * 2080, false, null),
        }),
        new("aijobs", null, new JobRecord
        {
            Kind = RecordKinds.SalaryReport, Title = "Data Scientist", LocationText = null,
            PeriodStart = new DateOnly(2024, 1, 1), PeriodEnd = new DateOnly(2024, 12, 31),
            Role = Roles.DataScientist, Seniority = Seniorities.Mid, EmploymentType = EmploymentTypes.FullTime,
            WorkArrangement = WorkArrangements.Remote, Country = "ES", CompanySize = "M",
            Salary = new Salary(60000m, 60000m, "EUR", SalaryPeriods.Year, 64800, 64800, 64800, false, null),
        }),
        new("linkedin", "li-1", new JobRecord
        {
            Kind = RecordKinds.Posting, Title = "Analyst", Role = Roles.Other, Seniority = Seniorities.Unknown,
            EmploymentType = EmploymentTypes.Unknown, WorkArrangement = WorkArrangements.Unknown,
        }),
        new("adzuna", "az-9", new JobRecord
        {
            Kind = RecordKinds.Posting, Title = "MLOps Engineer", Role = Roles.MlopsEngineer, Seniority = Seniorities.Unknown,
            EmploymentType = EmploymentTypes.Contract, WorkArrangement = WorkArrangements.Unknown, PeriodStart = new DateOnly(2026, 1, 5), PeriodEnd = new DateOnly(2026, 1, 5),
            Salary = new Salary(2800m, 3200m, "GBP", "bi-week-salary", null, null, null, true, "unknown pay period 'bi-week-salary'"),
        }),
    ];

    [Fact]
    public void Json_lines_match_the_committed_expected_file()
    {
        var w = new StringWriter();
        ExportWriters.WriteJsonLines(Samples(), w);

        WebFixtures.AssertMatchesExpected("expected/export.jsonl", w.ToString());
    }

    [Fact]
    public void Csv_and_jobposting_match_the_committed_expected_files()
    {
        var csv = new StringWriter();
        ExportWriters.WriteCsv(Samples(), csv);
        var jsonld = new StringWriter();
        ExportWriters.WriteJobPosting(Samples(), jsonld);

        WebFixtures.AssertMatchesExpected("expected/export.csv", csv.ToString());
        WebFixtures.AssertMatchesExpected("expected/export-jobposting.jsonl", jsonld.ToString());
    }

    [Fact]
    public void Json_lines_have_every_field_on_every_line_in_order()
    {
        var w = new StringWriter();
        ExportWriters.WriteJsonLines(Samples(), w);

        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Samples().Count, lines.Length);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal(ExportWriters.FieldNames, doc.RootElement.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void Csv_has_the_same_columns_and_reads_back_cell_for_cell()
    {
        var w = new StringWriter();
        ExportWriters.WriteCsv(Samples(), w);

        using var csv = new CsvReader(new StringReader(w.ToString()), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        Assert.Equal(ExportWriters.FieldNames, csv.HeaderRecord);
        var rows = new List<string?[]>();
        while (csv.Read())
        {
            rows.Add([.. ExportWriters.FieldNames.Select(name => csv.GetField(name))]);
        }

        Assert.Equal(Samples().Count, rows.Count);
        var german = rows[1];
        Assert.Equal("Preis- & Absatzmodelle mit Python <3.12>, \"scikit-learn\", SQL.\n\nDein Profil: 3+ Jahre", german[Index("description")]);
        Assert.Equal("6500", german[Index("salaryMin")]);
        Assert.Equal("month", german[Index("salaryPeriod")]);
        Assert.Equal("90720", german[Index("salaryUsdAnnual")]);
        Assert.Equal("hybrid", german[Index("workArrangement")]);
        Assert.Equal("2025-02-06", german[Index("periodStart")]);
        Assert.Equal("機械学習エンジニア（インターン）", rows[2][Index("title")]);
        Assert.Equal("", rows[4][Index("company")]);
        Assert.Equal("unknown pay period 'bi-week-salary'", rows[5][Index("salaryFlag")]);
        Assert.Equal("true", rows[5][Index("salaryIsEstimate")]);
    }

    [Fact]
    public void Jobposting_lines_are_schema_org_json_ld_with_ids_in_their_schema_places()
    {
        var w = new StringWriter();
        ExportWriters.WriteJobPosting(Samples(), w);

        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Samples().Count, lines.Length);
        using var remote = JsonDocument.Parse(lines[0]);
        var root = remote.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("JobPosting", root.GetProperty("@type").GetString());
        Assert.Equal("FULL_TIME", root.GetProperty("employmentType").GetString());
        Assert.Equal("TELECOMMUTE", root.GetProperty("jobLocationType").GetString());
        Assert.Equal("US", root.GetProperty("applicantLocationRequirements").GetProperty("name").GetString());
        Assert.Equal("YEAR", root.GetProperty("baseSalary").GetProperty("value").GetProperty("unitText").GetString());
        Assert.Equal(60, root.GetProperty("experienceRequirements").GetProperty("monthsOfExperience").GetInt32());
        Assert.Equal("greenhouse", root.GetProperty("identifier").GetProperty("name").GetString());
        Assert.Equal("ml_engineer", root.GetProperty(SkillScopeTerms.Role).GetString());
        Assert.Contains("機械学習エンジニア", lines[2], StringComparison.Ordinal);
        Assert.Contains("\\u0026", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Jobposting_export_reads_back_to_the_same_raw_fields()
    {
        var samples = Samples();
        var w = new StringWriter();
        ExportWriters.WriteJobPosting(samples, w);

        var rows = new JobPostingFormat().Read(new StringReader(w.ToString()), new FormatContext("export.jsonl")).ToList();

        Assert.Equal(samples.Count, rows.Count);
        for (var i = 0; i < samples.Count; i++)
        {
            Assert.True(rows[i].Error is null, rows[i].Error);
            var (expected, raw) = (samples[i], rows[i].Record!);
            var job = expected.Record;
            Assert.Equal(job.Kind, raw.Kind);
            Assert.Equal(expected.SourceId, raw.SourceId);
            Assert.Equal(job.Title, raw.Title);
            Assert.Equal(job.Company, raw.Company);
            Assert.Equal(job.LocationText, raw.Location);
            Assert.Equal(job.Country, raw.CountryHint);
            Assert.Equal(job.Description, raw.Description);
            Assert.Equal(job.Salary?.Min, raw.SalaryMin);
            Assert.Equal(job.Salary?.Max, raw.SalaryMax);
            Assert.Equal(job.Salary?.Currency, raw.SalaryCurrency);
            Assert.Equal(job.Salary?.Period, raw.SalaryPeriod);
            Assert.Equal(job.Salary?.IsEstimate ?? false, raw.SalaryIsEstimate);
            Assert.Equal(job.YearsRequiredMin, raw.YearsRequiredHint);
            Assert.Equal(job.CompanySize, raw.CompanySize);
            Assert.Equal(job.Seniority == Seniorities.Unknown ? null : job.Seniority, raw.SeniorityHint);
            Assert.Equal(job.WorkArrangement == WorkArrangements.Unknown ? null : job.WorkArrangement, raw.WorkArrangementHint);
            Assert.Equal(JobPostingJsonLd.SchemaEmploymentType(job.EmploymentType), raw.EmploymentTypeHint);
            if (job.Kind == RecordKinds.SalaryReport)
            {
                Assert.Null(raw.PostedDate);
                Assert.Equal(job.PeriodStart!.Value.Year, raw.WorkYear);
                Assert.Equal((decimal?)job.Salary!.UsdAnnual, raw.SalaryUsdStated);
            }
            else
            {
                Assert.Equal(job.PeriodStart, raw.PostedDate);
                Assert.Null(raw.WorkYear);
                Assert.Null(raw.SalaryUsdStated);
            }
        }
    }

    [Theory]
    [InlineData("plain text, no markup", "plain text, no markup")]
    [InlineData("R&D <team>\nline 2", "R&amp;D &lt;team&gt;\nline 2")]
    [InlineData("already &amp; escaped", "already &amp;amp; escaped")]
    public void Descriptions_are_escaped_only_as_much_as_needed_to_read_back_exactly(string text, string written)
    {
        Assert.Equal(written, JobPostingJsonLd.EscapeForHtml(text));
        Assert.Equal(text, new HtmlText().FromMaybeHtml(written));
    }

    private static int Index(string field) => ExportWriters.FieldNames.ToList().IndexOf(field);
}
