using System.Globalization;
using SkillScope.Ingest.Csv;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// USAJOBS postings, 2026 (usajobs_data_roles_2026/usajobs_postings.csv, US public information).
/// There is no posting id. Salaries are USD; the table dropped USAJOBS' rate interval, but wage-grade
/// and non-appropriated-fund jobs state hourly rates (16.00 to 57.85) while salaried grades state
/// annual pay (over 20,000), so a maximum under 1,000 is read as per hour. 0/0 marks a
/// "without compensation" appointment: the record is kept, without salary.
/// </summary>
internal sealed class UsaJobsFormat : CsvRecordFormat
{
    private const decimal HourlyBelow = 1000m;

    public override string Name => "usajobs";

    public override string DefaultSource => "usajobs";

    public override IReadOnlyList<string> RequiredColumns { get; } =
        ["title", "city", "state", "description", "posted_date", "close_date", "salary_min", "salary_max", "employment_type"];

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        var title = header.IndexOf("title");
        var city = header.IndexOf("city");
        var state = header.IndexOf("state");
        var description = header.IndexOf("description");
        var posted = header.IndexOf("posted_date");
        var closes = header.IndexOf("close_date");
        var min = header.IndexOf("salary_min");
        var max = header.IndexOf("salary_max");
        var employment = header.IndexOf("employment_type");
        var remote = header.IndexOf("is_remote");
        var pool = new StringPool();

        return row =>
        {
            if (row.Text(title) is not { } titleText)
            {
                return RowResult.Fail("missing title");
            }

            if (!FieldParsing.TryOptionalDate(row.Text(posted), "posted_date", out var postedDate, out var error)
                || !FieldParsing.TryOptionalDate(row.Text(closes), "close_date", out var closeDate, out error)
                || !FieldParsing.TrySalaryRange(row.Text(min), row.Text(max), out var salaryMin, out var salaryMax, out error))
            {
                return RowResult.Fail(error!);
            }

            // 0 / 0 marks a post without compensation: the record stays, with no salary.
            if (salaryMin == 0 && salaryMax == 0)
            {
                (salaryMin, salaryMax) = (null, null);
            }

            var isRemote = FieldParsing.TryBool(row.Text(remote), out var remoteFlag) && remoteFlag;
            return new RawRecord
            {
                Kind = RecordKinds.Posting,
                Title = pool.Get(titleText),
                Location = pool.Get(Location(row.Text(city), row.Text(state))),
                CountryHint = "US",
                Description = row.Text(description),
                PostedDate = postedDate,
                ValidThrough = closeDate,
                SalaryMin = salaryMin,
                SalaryMax = salaryMax,
                SalaryCurrency = salaryMin is null ? null : "USD",
                SalaryPeriod = salaryMax is null ? null : salaryMax < HourlyBelow ? SalaryPeriods.Hour : SalaryPeriods.Year,
                EmploymentTypeHint = pool.Get(row.Text(employment)),
                // False only says the posting is not fully remote; it may still allow telework.
                WorkArrangementHint = isRemote ? WorkArrangements.Remote : null,
            };
        };
    }

    private static string? Location(string? city, string? state) => (city, state) switch
    {
        (null, null) => null,
        (null, _) => state,
        (_, null) => city,
        _ => string.Create(CultureInfo.InvariantCulture, $"{city}, {state}"),
    };
}
