using SkillScope.Ingest.Csv;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// Indeed search-result cards, February 2024 (indeed_ds_2024_salary_strings/job_postings_raw.csv).
/// The unnamed first column is a row number. The card's <c>salary</c> slot holds either a pay
/// string ("$55 - $58 an hour") or, when the card shows no pay, the job type ("Full-time",
/// "Contract\n+1" meaning one more type): pay goes to SalaryText, a job type to EmploymentTypeHint.
/// The same card was often scraped several times; every row is emitted.
/// </summary>
internal sealed class Indeed2024Format : CsvRecordFormat
{
    public override string Name => "indeed2024";

    public override string DefaultSource => "indeed";

    public override IReadOnlyList<string> RequiredColumns { get; } = ["title", "company", "location", "salary"];

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        var title = header.IndexOf("title");
        var company = header.IndexOf("company");
        var location = header.IndexOf("location");
        var salary = header.IndexOf("salary");
        var pool = new StringPool();

        return row =>
        {
            if (row.Text(title) is not { } titleText)
            {
                return RowResult.Fail("missing title");
            }

            var (salaryText, jobType) = SplitSalarySlot(row.Text(salary));
            return new RawRecord
            {
                Kind = RecordKinds.Posting,
                Title = pool.Get(titleText),
                Company = pool.Get(row.Text(company)),
                Location = pool.Get(row.Text(location)),
                SalaryText = pool.Get(salaryText),
                EmploymentTypeHint = pool.Get(jobType),
            };
        };
    }

    internal static (string? SalaryText, string? JobType) SplitSalarySlot(string? slot)
    {
        if (slot is null)
        {
            return (null, null);
        }

        // "Contract\n+1": the second line only says how many more labels the card hid.
        var firstLine = slot.AsSpan();
        var lineEnd = firstLine.IndexOfAny('\r', '\n');
        if (lineEnd >= 0)
        {
            firstLine = firstLine[..lineEnd];
        }

        firstLine = firstLine.Trim();
        return firstLine.IndexOfAnyInRange('0', '9') >= 0 || firstLine.Contains('$')
            ? (slot, null)
            : (null, firstLine.Length == 0 ? null : firstLine.Length == slot.Length ? slot : firstLine.ToString());
    }
}
