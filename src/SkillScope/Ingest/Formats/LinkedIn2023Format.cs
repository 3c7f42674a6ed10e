using SkillScope.Ingest.Csv;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// LinkedIn postings of August 2023 in the Kaggle "LinkedIn Job Postings" tables
/// (linkedin_2023_structured/job_postings.csv, no description column). Only the company id is
/// given, so Company is "linkedin-company:ID". When a <c>salaries.csv</c> of the same dataset sits
/// next to the file, its rows are joined by job_id (it is loaded into memory first: 13k rows).
/// </summary>
internal sealed class LinkedIn2023Format : CsvRecordFormat
{
    internal const string SalariesFileName = "salaries.csv";

    public override string Name => "linkedin2023";

    public override string DefaultSource => "linkedin";

    public override IReadOnlyList<string> RequiredColumns { get; } =
        ["job_id", "company_id", "title", "location", "formatted_experience_level", "formatted_work_type", "work_type", "remote_allowed"];

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(context);
        var jobId = header.IndexOf("job_id");
        var companyId = header.IndexOf("company_id");
        var title = header.IndexOf("title");
        var location = header.IndexOf("location");
        var level = header.IndexOf("formatted_experience_level");
        var formattedType = header.IndexOf("formatted_work_type");
        var workType = header.IndexOf("work_type");
        var remote = header.IndexOf("remote_allowed");
        var salaries = LoadSiblingSalaries(context.FilePath);
        var pool = new StringPool();

        return row =>
        {
            if (row.Text(title) is not { } titleText)
            {
                return RowResult.Fail("missing title");
            }

            var id = row.Text(jobId);
            var company = row.Text(companyId);
            var salary = id is not null && salaries is not null ? salaries.GetValueOrDefault(id) : null;
            return new RawRecord
            {
                Kind = RecordKinds.Posting,
                SourceId = id,
                Title = pool.Get(titleText),
                Company = company is null ? null : pool.Get("linkedin-company:" + company),
                Location = pool.Get(row.Text(location)),
                SeniorityHint = pool.Get(row.Text(level)),
                EmploymentTypeHint = pool.Get(row.Text(workType) ?? row.Text(formattedType)),
                // 1 is set on hybrid jobs too: "remote allowed" (WorkArrangementNormalizer.RemoteAllowed) is remote unless the
                // title or text says hybrid or onsite (RecordNormalizer). A literal: ingest does not reference normalization.
                WorkArrangementHint = row.Raw(remote) is "1" or "1.0" ? "remote allowed" : null,
                SalaryMin = salary?.Min,
                SalaryMax = salary?.Max,
                SalaryCurrency = salary?.Currency,
                SalaryPeriod = salary?.Period,
            };
        };
    }

    internal sealed record JoinedSalary(decimal Min, decimal Max, string? Currency, string? Period);

    /// <summary>
    /// The sibling salaries.csv by job_id, or null when there is none. A file of that name with another
    /// header (the survey is also published as salaries.csv) is not this table and is ignored; a salary
    /// row without a usable figure is left out of the join, and its posting is read without salary.
    /// </summary>
    internal static Dictionary<string, JoinedSalary>? LoadSiblingSalaries(string filePath)
    {
        if (string.IsNullOrEmpty(filePath) || Path.GetDirectoryName(Path.GetFullPath(filePath)) is not { } folder)
        {
            return null;
        }

        var path = Path.Combine(folder, SalariesFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var text = TextDecoding.Open(TextDecoding.Inspect(path));
        using var reader = new CsvRowReader(text, SalariesFileName);
        if (!reader.TryRead(out var headerRow) || headerRow.Problem is not null)
        {
            return null;
        }

        var header = new CsvHeader(headerRow.Fields);
        if (!header.ContainsAll(["job_id", "min_salary", "max_salary", "pay_period"]))
        {
            return null;
        }

        var jobId = header.IndexOf("job_id");
        var min = header.IndexOf("min_salary");
        var max = header.IndexOf("max_salary");
        var med = header.IndexOf("med_salary");
        var period = header.IndexOf("pay_period");
        var currency = header.IndexOf("currency");
        var pool = new StringPool(maxEntries: 64);
        var joined = new Dictionary<string, JoinedSalary>(StringComparer.Ordinal);
        while (reader.TryRead(out var row))
        {
            if (row.Problem is not null || row.Fields.Length != header.Count)
            {
                continue;
            }

            var fields = new CsvFields(row.Fields);
            if (fields.Text(jobId) is not { } id)
            {
                continue;
            }

            decimal low, high;
            if (FieldParsing.TryDecimal(fields.Text(min), out low) && FieldParsing.TryDecimal(fields.Text(max), out high))
            {
                // Both ends stated.
            }
            else if (FieldParsing.TryDecimal(fields.Text(med), out var median))
            {
                low = high = median;
            }
            else
            {
                continue;
            }

            joined.TryAdd(id, new JoinedSalary(low, high, pool.Get(fields.Text(currency)), pool.Get(fields.Text(period))));
        }

        return joined;
    }
}
