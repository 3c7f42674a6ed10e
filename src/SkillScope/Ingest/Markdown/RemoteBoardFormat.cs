using System.Globalization;
using System.Text.RegularExpressions;
using SkillScope.Model;

namespace SkillScope.Ingest.Markdown;

/// <summary>
/// One posting of the RemoteWLB remote-jobs board as markdown (jobs/&lt;tag&gt;/&lt;YYYY-MM&gt;/&lt;slug&gt;/README.md):
/// <code>
/// # [Job title](https://www.remotewlb.com/apply/slug)
/// ### Company            ("### None" when the board has none)
/// #### `💰 $190,000 - $210,000` `🌎 San Francisco, CA`   (either part may be missing)
/// the description, as markdown
/// </code>
/// Recognised by content (the title link, then the company and the pay/place headings). The slug is the
/// source id. The file states no date: when it sits in the board's layout, a folder named as its own slug inside a
/// month folder (".../2024-03/slug/README.md"), the posting date is the first of that month, the month the board added
/// it, and the month scopes the slug (<see cref="RawRecord.SourceIdPerMonth"/>): the board re-adds some jobs under the same
/// slug in a later month, and a few slugs ("senior-analytics-engineer-i") name other employers' jobs later, so each
/// month's file is its own appearance. Elsewhere the file is undated and the slug alone is its id. The pay text is kept as
/// stated and parsed by the normalizer, except the board's two empty values, "$" and "~0k" (a pay field
/// with no amount), which are no pay: they are kept as stated in <see cref="RawRecord.Extra"/> ("pay").
/// </summary>
internal sealed partial class RemoteBoardFormat : IRecordFormat
{
    /// <summary>Longest file read as one posting; a longer one is rejected rather than held in memory.</summary>
    internal const int MaxChars = 1024 * 1024;

    public string Name => "remotewlb";

    public string DefaultSource => "remotewlb";

    public bool Matches(FormatProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (!TitleLine().IsMatch(probe.FirstLine))
        {
            return false;
        }

        var lines = probe.Head.Split('\n', 4);
        return lines.Length >= 3 && lines[1].StartsWith("### ", StringComparison.Ordinal) && lines[2].TrimEnd().StartsWith("####", StringComparison.Ordinal);
    }

    public IEnumerable<SourceRow> Read(TextReader text, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var buffer = new char[MaxChars + 1];
        var read = text.ReadBlock(buffer, 0, buffer.Length);
        if (read == 0)
        {
            yield break;
        }

        var content = new string(buffer, 0, Math.Min(read, MaxChars));
        if (read > MaxChars)
        {
            yield return SourceRow.Rejected(1, 1, FirstLine(content), $"longer than {MaxChars:N0} characters: not one posting");
            yield break;
        }

        var (record, error) = Parse(content, context.FilePath);
        yield return record is null ? SourceRow.Rejected(1, 1, content, error!) : SourceRow.Ok(1, 1, content, record);
    }

    internal static (RawRecord? Record, string? Error) Parse(string content, string? path)
    {
        var lines = content.Split('\n', 4);
        var title = TitleLine().Match(lines[0].TrimEnd());
        if (!title.Success)
        {
            return (null, "line 1 is not the title link '# [title](link)'");
        }

        if (lines.Length < 3 || !lines[1].StartsWith("### ", StringComparison.Ordinal) || !lines[2].TrimEnd().StartsWith("####", StringComparison.Ordinal))
        {
            return (null, "lines 2-3 are not '### company' and '#### pay and place'");
        }

        var company = lines[1][4..].Trim();
        string? pay = null;
        string? place = null;
        foreach (Match span in CodeSpan().Matches(lines[2]))
        {
            var value = span.Groups["value"].Value.Trim();
            if (value.StartsWith("💰", StringComparison.Ordinal))
            {
                pay = Clean(value["💰".Length..]);
            }
            else if (value.StartsWith("🌎", StringComparison.Ordinal))
            {
                place = Clean(value["🌎".Length..]);
            }
        }

        var url = title.Groups["url"].Value.Trim();
        IReadOnlyList<KeyValuePair<string, string>>? extra = null;
        if (pay is "$" or "~0k")
        {
            extra = [new("pay", pay)];
            pay = null;
        }

        var description = lines.Length > 3 ? lines[3].Trim() : "";
        var slug = Slug(url);
        var month = MonthOf(path, slug);
        return (new RawRecord
        {
            Kind = RecordKinds.Posting,
            SourceId = slug,
            SourceIdPerMonth = true,
            Title = title.Groups["title"].Value.Trim(),
            Company = company is "" or "None" ? null : company,
            Location = place,
            SalaryText = pay,
            Extra = extra,
            Description = description.Length == 0 ? null : description,
            Url = url.Length == 0 ? null : url,
            PostedDate = month,
        }, null);
    }

    /// <summary>The slug of "https://www.remotewlb.com/apply/slug": the board's id for the posting.</summary>
    private static string? Slug(string url)
    {
        var trimmed = url.TrimEnd('/');
        var at = trimmed.LastIndexOf('/');
        return at >= 0 && at < trimmed.Length - 1 && trimmed.Contains("/apply/", StringComparison.Ordinal) ? trimmed[(at + 1)..] : null;
    }

    /// <summary>
    /// The first day of the month folder in ".../YYYY-MM/SLUG/README.md" (the board's layout: the file's folder is named
    /// as the posting's slug), or null for a file anywhere else.
    /// </summary>
    internal static DateOnly? MonthOf(string? path, string? slug)
    {
        if (string.IsNullOrEmpty(path) || slug is null || Path.GetDirectoryName(path) is not { } folder || Path.GetDirectoryName(folder) is not { } monthFolder
            || !string.Equals(Path.GetFileName(folder), slug, StringComparison.Ordinal))
        {
            return null;
        }

        return DateOnly.TryParseExact(Path.GetFileName(monthFolder) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            && month.Year is >= 1990 and <= 2100
            ? month
            : null;
    }

    private static string? Clean(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    private static string FirstLine(string content) => content.IndexOf('\n') is var end and >= 0 ? content[..end].TrimEnd('\r') : content;

    [GeneratedRegex(@"^# \[(?<title>.+)\]\((?<url>[^)\s]*)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleLine();

    [GeneratedRegex("`(?<value>[^`]*)`", RegexOptions.CultureInvariant)]
    private static partial Regex CodeSpan();
}
