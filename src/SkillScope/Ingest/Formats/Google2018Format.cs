using SkillScope.Ingest.Csv;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// Google careers-site postings of 2018 (Kaggle "Google Job Skills", job_skills.csv): company, title,
/// category, location and three text columns. The description is the three texts under their own
/// headings, so the extractor sees "Preferred Qualifications:" and marks those skills preferred. The
/// file gives no id and no date; Category is kept as stated (<see cref="RawRecord.Extra"/>).
/// </summary>
internal sealed class Google2018Format : CsvRecordFormat
{
    internal static readonly string[] TextColumns = ["Responsibilities", "Minimum Qualifications", "Preferred Qualifications"];

    public override string Name => "google2018";

    public override string DefaultSource => "google-careers";

    public override IReadOnlyList<string> RequiredColumns { get; } = ["Company", "Title", "Location", .. TextColumns];

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        var company = header.IndexOf("Company");
        var title = header.IndexOf("Title");
        var location = header.IndexOf("Location");
        var texts = TextColumns.Select(c => (Name: c, Ordinal: header.IndexOf(c))).ToArray();
        var pool = new StringPool();

        return row =>
        {
            if (row.Text(title) is not { } titleText)
            {
                return RowResult.Fail("missing Title");
            }

            return new RawRecord
            {
                Kind = RecordKinds.Posting,
                Title = titleText,
                Company = pool.Get(row.Text(company)),
                Location = pool.Get(row.Text(location)),
                Description = TextSections.Join(texts, row),
            };
        };
    }
}

/// <summary>Several text columns as one description: each non-empty one under its column name as a heading.</summary>
internal static class TextSections
{
    public static string? Join(IReadOnlyList<(string Name, int Ordinal)> columns, CsvFields row)
    {
        System.Text.StringBuilder? text = null;
        foreach (var (name, ordinal) in columns)
        {
            if (row.Text(ordinal) is not { } value)
            {
                continue;
            }

            text ??= new System.Text.StringBuilder();
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            text.Append(name).Append(":\n").Append(value);
        }

        return text?.ToString();
    }
}
