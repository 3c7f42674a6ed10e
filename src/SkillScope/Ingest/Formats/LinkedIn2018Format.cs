using SkillScope.Ingest.Csv;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// LinkedIn postings scraped in California, July 2018 (linkedin_indeed_ca_2018/DataScientist.csv).
/// The unnamed first column is a row number, not an id. Seniority and employment type are
/// LinkedIn's own labels ("Mid-Senior level", "Full-time") and are kept as hints.
/// </summary>
internal sealed class LinkedIn2018Format : CsvRecordFormat
{
    public override string Name => "linkedin";

    public override string DefaultSource => "linkedin";

    public override IReadOnlyList<string> RequiredColumns { get; } =
        ["title", "company", "location", "industry", "description", "seniority", "employment_type", "functions"];

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        var title = header.IndexOf("title");
        var company = header.IndexOf("company");
        var location = header.IndexOf("location");
        var description = header.IndexOf("description");
        var seniority = header.IndexOf("seniority");
        var employment = header.IndexOf("employment_type");
        var pool = new StringPool();

        return row => row.Text(title) is not { } titleText
            ? RowResult.Fail("missing title")
            : new RawRecord
            {
                Kind = RecordKinds.Posting,
                Title = titleText,
                Company = pool.Get(row.Text(company)),
                Location = pool.Get(row.Text(location)),
                Description = row.Text(description),
                SeniorityHint = pool.Get(row.Text(seniority)),
                EmploymentTypeHint = pool.Get(row.Text(employment)),
            };
    }
}
