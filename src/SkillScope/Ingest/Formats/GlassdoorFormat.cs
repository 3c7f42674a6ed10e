using SkillScope.Ingest.Csv;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// Glassdoor data-science postings scraped in April 2020 (glassdoor_ds_2020_kenjee/glassdoor_jobs.csv).
/// The scraper wrote "-1" for every missing value and appended the company rating to the company
/// name on a second line ("Tecolote Research\n3.8"); both are undone here. Salary Estimate is
/// free text ("$53K-$91K (Glassdoor est.)") and goes to SalaryText as stated.
/// </summary>
internal sealed class GlassdoorFormat : CsvRecordFormat
{
    private const string Missing = "-1";

    public override string Name => "glassdoor";

    public override string DefaultSource => "glassdoor";

    public override IReadOnlyList<string> RequiredColumns { get; } =
        ["Job Title", "Salary Estimate", "Job Description", "Company Name", "Location", "Size"];

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        var title = header.IndexOf("Job Title");
        var salary = header.IndexOf("Salary Estimate");
        var description = header.IndexOf("Job Description");
        var company = header.IndexOf("Company Name");
        var location = header.IndexOf("Location");
        var size = header.IndexOf("Size");
        var pool = new StringPool();

        return row =>
        {
            if (row.Text(title, Missing) is not { } titleText)
            {
                return RowResult.Fail("missing Job Title");
            }

            var salaryText = row.Text(salary, Missing);
            var sizeText = row.Text(size, Missing);
            return new RawRecord
            {
                Kind = RecordKinds.Posting,
                Title = pool.Get(titleText),
                Company = pool.Get(CompanyName(row.Text(company, Missing))),
                Location = pool.Get(row.Text(location, Missing)),
                Description = row.Text(description, Missing),
                SalaryText = pool.Get(salaryText),
                // Glassdoor marks its own model's figures; "(Employer est.)" is the employer's range.
                SalaryIsEstimate = salaryText is not null && salaryText.Contains("Glassdoor est.", StringComparison.OrdinalIgnoreCase),
                CompanySize = sizeText is null || sizeText.Equals("Unknown", StringComparison.OrdinalIgnoreCase) ? null : pool.Get(sizeText),
            };
        };
    }

    /// <summary>Drops the "\n3.8" rating line the scraper appended to the name.</summary>
    internal static string? CompanyName(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var lineBreak = text.LastIndexOf('\n');
        if (lineBreak < 0 || !FieldParsing.TryDecimal(text[(lineBreak + 1)..].Trim(), out _))
        {
            return text;
        }

        var name = text.AsSpan(0, lineBreak).Trim();
        return name.IsEmpty ? null : name.ToString();
    }
}
