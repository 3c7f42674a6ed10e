using SkillScope.Ingest.Csv;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// The ai-jobs.net salary survey (CC0): aijobs_salaries/salaries.csv and its Kaggle extracts
/// (ds_salaries.csv, 2022 and 2023). Every row is one anonymous response, so there is no source id.
/// Columns are found by name, so the 2022 Kaggle layout with a leading index column reads too.
/// </summary>
internal sealed class AiJobsFormat : CsvRecordFormat
{
    public override string Name => "aijobs";

    public override string DefaultSource => "ai-jobs.net";

    public override IReadOnlyList<string> RequiredColumns { get; } =
    [
        "work_year", "experience_level", "employment_type", "job_title", "salary", "salary_currency",
        "salary_in_usd", "remote_ratio", "company_location", "company_size",
    ];

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        var year = header.IndexOf("work_year");
        var level = header.IndexOf("experience_level");
        var type = header.IndexOf("employment_type");
        var title = header.IndexOf("job_title");
        var salary = header.IndexOf("salary");
        var currency = header.IndexOf("salary_currency");
        var usd = header.IndexOf("salary_in_usd");
        var remote = header.IndexOf("remote_ratio");
        var location = header.IndexOf("company_location");
        var size = header.IndexOf("company_size");
        var pool = new StringPool();

        return row =>
        {
            var titleText = row.Text(title);
            if (titleText is null)
            {
                return RowResult.Fail("missing job_title");
            }

            if (!FieldParsing.TryInt(row.Text(year), out var workYear) || workYear is < 1990 or > 2100)
            {
                return RowResult.Fail($"work_year {FieldParsing.Quote(row.Text(year))} is not a year");
            }

            if (Seniority(row.Raw(level)) is not { } seniority)
            {
                return RowResult.Fail($"experience_level {FieldParsing.Quote(row.Text(level))} is not EN, MI, SE or EX");
            }

            if (EmploymentType(row.Raw(type)) is not { } employment)
            {
                return RowResult.Fail($"employment_type {FieldParsing.Quote(row.Text(type))} is not FT, PT, CT or FL");
            }

            if (FieldParsing.AmountError("salary", row.Text(salary), out var amount) is { } salaryError)
            {
                return RowResult.Fail(salaryError);
            }

            if (FieldParsing.AmountError("salary_in_usd", row.Text(usd), out var amountUsd) is { } usdError)
            {
                return RowResult.Fail(usdError);
            }

            var currencyCode = row.Text(currency);
            if (!IsUpperCode(currencyCode, 3))
            {
                return RowResult.Fail($"salary_currency {FieldParsing.Quote(currencyCode)} is not an ISO 4217 code");
            }

            if (Arrangement(row.Raw(remote)) is not { } arrangement)
            {
                return RowResult.Fail($"remote_ratio {FieldParsing.Quote(row.Text(remote))} is not 0, 50 or 100");
            }

            var country = row.Text(location);
            if (!IsUpperCode(country, 2))
            {
                return RowResult.Fail($"company_location {FieldParsing.Quote(country)} is not an ISO 3166 country code");
            }

            if (CompanySize(row.Raw(size)) is not { } companySize)
            {
                return RowResult.Fail($"company_size {FieldParsing.Quote(row.Text(size))} is not S, M or L");
            }

            return new RawRecord
            {
                Kind = RecordKinds.SalaryReport,
                Title = pool.Get(titleText),
                WorkYear = workYear,
                SeniorityHint = seniority,
                EmploymentTypeHint = employment,
                SalaryMin = amount,
                SalaryMax = amount,
                SalaryCurrency = pool.Get(currencyCode),
                SalaryPeriod = SalaryPeriods.Year,
                SalaryUsdStated = amountUsd,
                WorkArrangementHint = arrangement,
                CountryHint = pool.Get(country),
                CompanySize = companySize,
            };
        };
    }

    // The codes map to literals so records share them instead of holding one copy per row.
    private static string? Seniority(string code) => code switch
    {
        "EN" => "EN",
        "MI" => "MI",
        "SE" => "SE",
        "EX" => "EX",
        _ => null,
    };

    private static string? EmploymentType(string code) => code switch
    {
        "FT" => "FT",
        "PT" => "PT",
        "CT" => "CT",
        "FL" => "FL",
        _ => null,
    };

    /// <summary>remote_ratio is the share of remote work: 100 remote, 50 hybrid, 0 on site (docs/domain.md).</summary>
    private static string? Arrangement(string ratio) => ratio switch
    {
        "100" => WorkArrangements.Remote,
        "50" => WorkArrangements.Hybrid,
        "0" => WorkArrangements.Onsite,
        _ => null,
    };

    private static string? CompanySize(string code) => code switch
    {
        "S" => "S",
        "M" => "M",
        "L" => "L",
        _ => null,
    };

    private static bool IsUpperCode(string? text, int length)
    {
        if (text is null || text.Length != length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < 'A' or > 'Z')
            {
                return false;
            }
        }

        return true;
    }
}
