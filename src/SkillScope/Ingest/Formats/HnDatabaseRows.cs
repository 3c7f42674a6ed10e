using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// The SQLite file of hn_whoishiring_2022_2025_structured (<c>jobs.db</c>, table <c>jobs</c>): the same LLM-extracted
/// facts as the monthly tables (<see cref="HnTableFormat"/>), one row per comment (its primary key keeps one role of
/// a multi-role comment). Rows become records exactly as a table row with the same cells does, under the same
/// source and identity (comment id + title), so the file and the tables merge instead of counting twice.
/// </summary>
internal static class HnDatabaseRows
{
    public const string FormatName = "hn-db";

    public const string Table = "jobs";

    /// <summary>The monthly tables' source, so a comment read from both is one posting.</summary>
    public const string DefaultSource = "hn-table";

    /// <summary>The columns read, in order, and the table header each one stands for.</summary>
    public static readonly IReadOnlyList<(string Column, string Header)> Columns =
    [
        ("post_link_id", "post id"), ("post_date", "post date"), ("company", "company"), ("job_title", "job title"),
        ("employment_type", "employment type"), ("salary", "salary"), ("remote", "remote"), ("city", "city"),
        ("country", "country"), ("languages_frameworks", "languages and frameworks"), ("remote_rules", "remote rules"),
        ("how_to_apply", "how to apply"), ("post_username", "post username"),
    ];

    /// <summary>Records from the table's rows (rowid, values in <see cref="Columns"/> order); the rowid is the line.</summary>
    public static IEnumerable<SourceRow> Read(IEnumerable<(long RowId, string[] Values)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        long position = 0;
        foreach (var (rowId, values) in rows)
        {
            var fields = new Dictionary<string, string>(Columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < Columns.Count; i++)
            {
                fields[Columns[i].Header] = values[i].Trim();
            }

            yield return HnTableFormat.FromFields(fields, ++position, rowId, string.Join(" | ", values), fileMonth: null);
        }
    }
}
