using System.Globalization;
using System.Text.Json;
using SkillScope.Ingest.Web;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// Hacker News "Who is hiring?" comments as the HN API returns them: a run file
/// (<c>{"sources": {"who_is_hiring_thread_id": ...}, "jobs": [{"id", "by", "time", "text", "source"}]}</c>, as kept
/// in hn_whoishiring_2026_fulltext and written by <c>skillscope fetch hn</c>) or a JSON array of HN API items
/// (<c>{"id", "by", "time", "text", "parent", "type": "comment"}</c>). One comment is one employer: it becomes one
/// posting per advertised role (source id <c>ITEMID/N</c>), and a comment that is not an ad is skipped with its
/// reason (counted in the ingest summary, not stored). Ads are read by <see cref="HnComment"/>.
/// </summary>
internal sealed class HnItemsFormat(WebLimits limits) : IRecordFormat
{
    public HnItemsFormat()
        : this(WebLimits.Default)
    {
    }

    public string Name => "hn";

    public string DefaultSource => "hn";

    public bool Matches(FormatProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var head = probe.Head.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (!(head.StartsWith("{") || head.StartsWith("[")))
        {
            return false;
        }

        return head.Contains("\"who_is_hiring_thread_id\"", StringComparison.Ordinal)
            || (head.Contains("\"by\"", StringComparison.Ordinal) && head.Contains("\"time\"", StringComparison.Ordinal)
                && head.Contains("\"text\"", StringComparison.Ordinal) && head.Contains("\"parent\"", StringComparison.Ordinal)
                && head.Contains("\"type\"", StringComparison.Ordinal));
    }

    public IEnumerable<SourceRow> Read(TextReader text, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        return ReadRows(text);
    }

    private IEnumerable<SourceRow> ReadRows(TextReader text)
    {
        long position = 0;
        foreach (var chunk in JsonChunks.BoardJobs(text, "jobs", limits))
        {
            if (chunk.Error is not null)
            {
                yield return SourceRow.Rejected(++position, chunk.Line, chunk.Text, chunk.Error);
                continue;
            }

            foreach (var row in Rows(chunk))
            {
                yield return row with { Position = ++position };
            }
        }
    }

    private List<SourceRow> Rows(JsonChunk chunk)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(Utf16Repair.Sanitize(chunk.Text), JsonFields.DocumentOptions);
        }
        catch (JsonException ex)
        {
            return [SourceRow.Rejected(0, chunk.Line, JsonChunks.Snippet(chunk.Text, limits), JsonFields.ParseError(ex, chunk.Line))];
        }

        using (document)
        {
            var item = document.RootElement;
            var raw = JsonChunks.Snippet(chunk.Text, limits);
            if (item.ValueKind != JsonValueKind.Object)
            {
                return [SourceRow.Rejected(0, chunk.Line, raw, $"an HN item must be a JSON object, found {JsonFields.Describe(item)}")];
            }

            var fields = new JsonFields();
            var id = fields.Integer(item, "id");
            var html = fields.Text(item, "text");
            var time = fields.Integer(item, "time");
            var title = fields.Text(item, "title");
            var source = fields.Text(item, "source");
            var type = fields.Text(item, "type");
            var deleted = fields.Boolean(item, "deleted") == true || fields.Boolean(item, "dead") == true;
            if (fields.Error is not null)
            {
                return [SourceRow.Rejected(0, chunk.Line, raw, fields.Error)];
            }

            if (id is null or <= 0)
            {
                return [SourceRow.Rejected(0, chunk.Line, raw, "an HN item needs a positive numeric \"id\"")];
            }

            if (deleted)
            {
                return [SourceRow.Skip(0, chunk.Line, raw, HnComment.EmptyReason)];
            }

            DateOnly? posted = null;
            if (time is { } seconds)
            {
                if (seconds is < 1_100_000_000 or > 32_503_680_000)
                {
                    return [SourceRow.Rejected(0, chunk.Line, raw, $"\"time\" {seconds} is not a Unix time in seconds between 2004 and 3000")];
                }

                posted = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
            }

            var plain = HnComment.ToText(html);
            var story = source is "direct" or "jobstories" || type == "job";
            if (story && !string.IsNullOrWhiteSpace(title))
            {
                plain = title + "\n\n" + plain;
            }

            var parse = story ? HnComment.ParseJobStory(plain) : HnComment.Parse(plain);
            if (parse.Ad is not { } ad)
            {
                return [SourceRow.Skip(0, chunk.Line, raw, parse.SkipReason ?? HnComment.NotAnAdReason)];
            }

            var itemId = id.Value.ToString(CultureInfo.InvariantCulture);
            var rows = new List<SourceRow>(ad.Roles.Count);
            for (var r = 0; r < ad.Roles.Count; r++)
            {
                var record = new RawRecord
                {
                    Kind = RecordKinds.Posting,
                    SourceId = string.Create(CultureInfo.InvariantCulture, $"{itemId}/{r + 1}"),
                    Title = ad.Roles[r],
                    Company = ad.Company,
                    Location = ad.Location,
                    Description = plain,
                    PostedDate = posted,
                    SalaryText = ad.SalaryText,
                    EmploymentTypeHint = ad.EmploymentType,
                    WorkArrangementHint = ad.Arrangement,
                    Url = "https://news.ycombinator.com/item?id=" + itemId,
                    Revisable = true,
                };
                // The comment's text is kept once, with its first role; the other roles point to it by id.
                rows.Add(SourceRow.Ok(0, chunk.Line, r == 0 ? chunk.Text : string.Create(CultureInfo.InvariantCulture, $"(role {r + 1} of HN item {itemId})"), record));
            }

            return rows;
        }
    }
}
