using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// The monthly markdown pipe tables of hn_whoishiring_2022_2025_structured (MIT, Amber Williams): one row per role
/// of a "Who is hiring?" comment, as an LLM extracted it. Four header variants (with or without a leading index
/// column, City + Country or Location, with or without Post ID / Post Date); <c>\|</c> is a literal pipe, and a cell
/// with a bare pipe in it (about 450 rows) is re-aligned on the employment-type and remote cells, whose values are
/// fixed words. Months without Post Date take the month from the file name (<c>2024/August.md</c>). The row's
/// facts (languages and frameworks, remote rules, how to apply) become its description so skills are extracted
/// from them. See docs/formats.md (hn-table).
/// </summary>
internal sealed partial class HnTableFormat : IRecordFormat
{
    private const int MaxLineChars = 64 * 1024;

    private static readonly string[] EmploymentValues = ["full-time", "part-time", "contract", "intern", "internship", "unknown", "freelance", "temporary", ""];
    private static readonly string[] RemoteValues = ["yes", "no", "hybrid", "unknown", ""];

    public string Name => "hn-table";

    public string DefaultSource => "hn-table";

    public bool Matches(FormatProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var line = probe.FirstLine.TrimStart('\uFEFF').Trim();
        return line.StartsWith('|') && line.Contains("Post Link", StringComparison.OrdinalIgnoreCase)
            && line.Contains("Job Title", StringComparison.OrdinalIgnoreCase) && line.Contains("Company", StringComparison.OrdinalIgnoreCase);
    }

    public IEnumerable<SourceRow> Read(TextReader text, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        return ReadRows(text, MonthOf(context.FilePath));
    }

    private static IEnumerable<SourceRow> ReadRows(TextReader text, DateOnly? fileMonth)
    {
        Header? header = null;
        long lineNumber = 0;
        long position = 0;
        string? pending = null;
        long pendingLine = 0;
        while (ReadLine(text, out var line, out var overflow) is true)
        {
            lineNumber++;
            var trimmed = line.Trim().TrimStart('\uFEFF');
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (overflow)
            {
                if (pending is not null)
                {
                    yield return Row(header!, pending, ++position, pendingLine, fileMonth);
                    pending = null;
                }

                yield return SourceRow.Rejected(++position, lineNumber, trimmed[..Math.Min(trimmed.Length, 2048)], $"line longer than {MaxLineChars} characters");
                continue;
            }

            if (header is null)
            {
                header = Header.Parse(trimmed);
                if (header is null)
                {
                    yield return SourceRow.Rejected(++position, lineNumber, trimmed, "the first line is not an HN table header (| Post Link | Company | Job Title | ... |)");
                    yield break;
                }

                continue;
            }

            if (Separator().IsMatch(trimmed))
            {
                continue;
            }

            // A cell may hold line breaks: a line that does not open a row of several cells continues the row above.
            if (pending is not null && (!trimmed.StartsWith('|') || Cells(trimmed).Count < 3) && pending.Length + trimmed.Length < MaxLineChars)
            {
                pending += "\n" + trimmed;
                continue;
            }

            if (pending is not null)
            {
                yield return Row(header, pending, ++position, pendingLine, fileMonth);
            }

            pending = trimmed;
            pendingLine = lineNumber;
        }

        if (pending is not null)
        {
            yield return Row(header!, pending, ++position, pendingLine, fileMonth);
        }

        if (header is null)
        {
            yield return SourceRow.Rejected(1, 1, "", "empty file");
        }
    }

    private static SourceRow Row(Header header, string line, long position, long lineNumber, DateOnly? fileMonth)
    {
        if (!line.StartsWith('|'))
        {
            return SourceRow.Rejected(position, lineNumber, line, "a table row must start with '|'");
        }

        var cells = Cells(line.Replace("\n", " ", StringComparison.Ordinal));
        var fields = Align(header, cells, out var error);
        if (fields is null)
        {
            return SourceRow.Rejected(position, lineNumber, line, error!);
        }

        return FromFields(fields, position, lineNumber, line, fileMonth);
    }

    /// <summary>
    /// One role row from its cells by lowercase header name ("post id", "post link", "post date", "company", "job title",
    /// "employment type", "salary", "remote", "location" or "city" + "country", "languages and frameworks",
    /// "remote rules", "how to apply"); shared with the same data set's SQLite file (<see cref="HnDatabaseRows"/>).
    /// </summary>
    internal static SourceRow FromFields(IReadOnlyDictionary<string, string> fields, long position, long lineNumber, string line, DateOnly? fileMonth)
    {
        string Get(string column) => fields.TryGetValue(column, out var v) ? v : "";

        var postId = Get("post id");
        if (!IsId(postId))
        {
            postId = ItemId().Match(Get("post link")) is { Success: true } m ? m.Groups[1].Value : "";
        }

        if (postId.Length == 0)
        {
            return SourceRow.Rejected(position, lineNumber, line, "no HN item id in Post ID or Post Link");
        }

        var title = Get("job title");
        var company = Get("company");
        DateOnly? posted = fileMonth;
        var dateText = Get("post date");
        if (dateText.Length > 0)
        {
            if (dateText.Length < 10 || !DateOnly.TryParseExact(dateText[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return SourceRow.Rejected(position, lineNumber, line, $"Post Date '{Clip(dateText)}' is not a date (yyyy-MM-ddTHH:mm:ss)");
            }

            posted = date;
        }

        var location = Get("location");
        if (location.Length == 0)
        {
            location = string.Join(", ", new[] { Get("city"), Get("country") }.Where(v => v.Length > 0 && !v.Equals("unknown", StringComparison.OrdinalIgnoreCase)));
        }

        var skills = Get("languages and frameworks");
        var description = new StringBuilder();
        Append(description, "Languages and frameworks", skills);
        Append(description, "Remote rules", Get("remote rules"));
        Append(description, "How to apply", Get("how to apply"));

        // One identity per comment and title: the table repeats some (post, title) rows word for word.
        var key = postId + ":" + Normalize(title);
        var record = new RawRecord
        {
            Kind = RecordKinds.Posting,
            SourceId = key,
            Title = title.Length == 0 ? null : title,
            Company = Unknown(company),
            Location = location.Length == 0 ? null : location,
            Description = description.Length == 0 ? null : description.ToString(),
            PostedDate = posted,
            SalaryText = Unknown(Get("salary")),
            EmploymentTypeHint = Unknown(Get("employment type")),
            WorkArrangementHint = Get("remote").ToLowerInvariant() switch
            {
                "yes" => WorkArrangements.Remote,
                "no" => WorkArrangements.Onsite,
                "hybrid" => WorkArrangements.Hybrid,
                _ => null,
            },
            StatedSkills = skills.Length == 0 ? null : [.. skills.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            Url = "https://news.ycombinator.com/item?id=" + postId,
            // The poster's HN user name is no field of a record; kept as stated so no column is lost.
            Extra = Get("post username") is { Length: > 0 } user ? [new("Post Username", user)] : null,
        };
        return SourceRow.Ok(position, lineNumber, line, record);
    }

    /// <summary>
    /// Cells by header column. A row with more cells than the header had a bare '|' inside a cell: the fixed-word
    /// employment-type and remote cells anchor the columns, extra cells join the title, the salary or the last column.
    /// </summary>
    private static Dictionary<string, string>? Align(Header header, List<string> cells, out string? error)
    {
        error = null;
        var columns = header.Columns;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (cells.Count == columns.Count)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                result[columns[i]] = cells[i];
            }

            return result;
        }

        var iCompany = columns.IndexOf("company");
        var iTitle = columns.IndexOf("job title");
        var iEmployment = columns.IndexOf("employment type");
        var iRemote = columns.IndexOf("remote");
        if (cells.Count < columns.Count || iCompany < 0 || iTitle != iCompany + 1 || iEmployment != iTitle + 1 || iRemote < iEmployment)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{cells.Count} cells where the header has {columns.Count}");
            return null;
        }

        var e = -1;
        for (var i = iEmployment; i < cells.Count; i++)
        {
            if (EmploymentValues.Contains(cells[i].ToLowerInvariant()) && cells[i].Length > 0)
            {
                e = i;
                break;
            }
        }

        var gap = iRemote - iEmployment;
        var r = -1;
        for (var i = e + gap; e >= 0 && i < cells.Count; i++)
        {
            if (RemoteValues.Contains(cells[i].ToLowerInvariant()) && cells[i].Length > 0)
            {
                r = i;
                break;
            }
        }

        var tail = columns.Count - iRemote - 1;
        if (e < 0 || r < 0 || cells.Count - r - 1 < tail)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{cells.Count} cells where the header has {columns.Count}, and no employment-type and remote cells to align them on");
            return null;
        }

        for (var i = 0; i <= iCompany; i++)
        {
            result[columns[i]] = cells[i];
        }

        result["job title"] = string.Join(" | ", cells[(iCompany + 1)..e]);
        result["employment type"] = cells[e];
        for (var c = iEmployment + 1; c < iRemote; c++)
        {
            // Only Salary sits between the two anchors in every variant; extra cells belong to it.
            result[columns[c]] = c == iRemote - 1 ? string.Join(" | ", cells[(e + 1 + (c - iEmployment - 1))..r]) : cells[e + (c - iEmployment)];
        }

        result["remote"] = cells[r];
        for (var k = 0; k < tail; k++)
        {
            var column = columns[iRemote + 1 + k];
            result[column] = k == tail - 1 ? string.Join(" | ", cells[(r + 1 + k)..]) : cells[r + 1 + k];
        }

        return result;
    }

    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var body = line.AsSpan().Trim();
        if (body.StartsWith("|"))
        {
            body = body[1..];
        }

        if (body.EndsWith("|") && !body.EndsWith("\\|"))
        {
            body = body[..^1];
        }

        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length && body[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (c == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }

    private sealed record Header(List<string> Columns)
    {
        private static readonly string[] Known =
        [
            "", "post id", "post link", "post date", "post username", "company", "job title", "employment type", "salary", "remote",
            "city", "country", "location", "languages and frameworks", "remote rules", "how to apply",
        ];

        public static Header? Parse(string line)
        {
            if (!line.StartsWith('|'))
            {
                return null;
            }

            var columns = Cells(line).Select(c => c.ToLowerInvariant()).ToList();
            if (!columns.Contains("company") || !columns.Contains("job title") || !columns.Contains("post link") || columns.Any(c => !Known.Contains(c)))
            {
                return null;
            }

            return new Header(columns);
        }
    }

    /// <summary>"…/2024/August.md" → 2024-08-01; null when the path names no month and year.</summary>
    internal static DateOnly? MonthOf(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var name = Path.GetFileNameWithoutExtension(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(path) ?? "");
        var month = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames, m => m.Length > 0 && name.Contains(m, StringComparison.OrdinalIgnoreCase)) + 1;
        var yearMatch = Year().Match(name);
        if (!yearMatch.Success)
        {
            yearMatch = Year().Match(folder ?? "");
        }

        return month > 0 && yearMatch.Success ? new DateOnly(int.Parse(yearMatch.Value, CultureInfo.InvariantCulture), month, 1) : null;
    }

    private static bool? ReadLine(TextReader text, out string line, out bool overflow)
    {
        var sb = new StringBuilder();
        overflow = false;
        int c;
        var any = false;
        while ((c = text.Read()) != -1)
        {
            any = true;
            if (c == '\n')
            {
                break;
            }

            if (c == '\r')
            {
                if (text.Peek() == '\n')
                {
                    text.Read();
                }

                break;
            }

            if (sb.Length < MaxLineChars)
            {
                sb.Append((char)c);
            }
            else
            {
                overflow = true;
            }
        }

        line = sb.ToString();
        return any;
    }

    private static void Append(StringBuilder sb, string label, string value)
    {
        if (value.Length == 0 || value.Equals("unknown", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (sb.Length > 0)
        {
            sb.Append('\n');
        }

        sb.Append(label).Append(": ").Append(value);
    }

    private static string? Unknown(string value) =>
        value.Length == 0 || value.Equals("unknown", StringComparison.OrdinalIgnoreCase) || value.Equals("nan", StringComparison.OrdinalIgnoreCase) ? null : value;

    private static bool IsId(string value) => value.Length is > 0 and <= 12 && value.All(char.IsAsciiDigit);

    private static string Normalize(string title) => string.Join(' ', title.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "...";

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"item\?id=(\d{1,12})")]
    private static partial Regex ItemId();

    [GeneratedRegex(@"(?<!\d)(20\d\d)(?!\d)")]
    private static partial Regex Year();
}
