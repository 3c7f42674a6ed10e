using SkillScope.Ingest.Csv;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// Indeed postings scraped in California, July 2018 (linkedin_indeed_ca_2018/cal_ds_500.csv).
/// <c>id</c> is Indeed's job key. <c>time_posted</c> is relative to an unrecorded scrape time
/// ("30+ days ago", sometimes the button text "save job"), so it gives no date and is not mapped.
/// </summary>
internal sealed class Indeed2018Format : CsvRecordFormat
{
    public override string Name => "indeed";

    public override string DefaultSource => "indeed";

    public override IReadOnlyList<string> RequiredColumns { get; } =
        ["id", "title", "company", "location", "description", "time_posted"];

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        var id = header.IndexOf("id");
        var title = header.IndexOf("title");
        var company = header.IndexOf("company");
        var location = header.IndexOf("location");
        var description = header.IndexOf("description");
        var pool = new StringPool();

        return row => row.Text(title) is not { } titleText
            ? RowResult.Fail("missing title")
            : new RawRecord
            {
                Kind = RecordKinds.Posting,
                SourceId = row.Text(id),
                Title = titleText,
                Company = pool.Get(row.Text(company)),
                Location = pool.Get(row.Text(location)),
                Description = row.Text(description),
            };
    }
}
