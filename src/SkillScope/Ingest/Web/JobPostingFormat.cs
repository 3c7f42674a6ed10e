using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SkillScope.Model;

namespace SkillScope.Ingest.Web;

/// <summary>
/// schema.org JobPosting JSON-LD: in HTML pages (every &lt;script type="application/ld+json"&gt;), in
/// .json/.jsonld files (an object, an array, an @graph) and in JSON Lines (SkillScope's own export).
/// </summary>
internal sealed class JobPostingFormat(WebLimits limits) : IRecordFormat
{
    private const int LookAheadChars = 256 * 1024;

    public JobPostingFormat()
        : this(WebLimits.Default)
    {
    }

    public string Name => "jobposting";

    public string DefaultSource => "jobposting";

    public bool Matches(FormatProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var head = probe.Head.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (head.StartsWith("<"))
        {
            return head.Contains("application/ld+json", StringComparison.OrdinalIgnoreCase)
                || HasExtension(probe.FileName, ".html", ".htm");
        }

        return (head.StartsWith("{") || head.StartsWith("["))
            && head.Contains("\"@type\"", StringComparison.Ordinal)
            && head.Contains("JobPosting", StringComparison.Ordinal);
    }

    public IEnumerable<SourceRow> Read(TextReader text, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        return ReadRows(text, context.FilePath);
    }

    private IEnumerable<SourceRow> ReadRows(TextReader text, string path)
    {
        var scanner = new JsonTextScanner(text);
        var html = new HtmlText();
        var c = scanner.SkipWhitespace();
        if (c == -1)
        {
            yield return SourceRow.Rejected(1, 1, "", "empty file");
            yield break;
        }

        if (c == '<')
        {
            foreach (var row in ReadHtml(scanner, html))
            {
                yield return row;
            }

            yield break;
        }

        if (c is not ('{' or '['))
        {
            var sb = new StringBuilder();
            scanner.ReadToEnd(sb, limits.MaxSnippetChars, out _);
            yield return SourceRow.Rejected(1, scanner.Line, sb.ToString(), $"neither JSON-LD nor HTML: the file starts with {JsonChunks.Describe(c)}");
            yield break;
        }

        var jsonLines = HasExtension(path, ".jsonl", ".ndjson")
            || (c == '{' && scanner.PeekLine(LookAheadChars) is { } first && JsonChunks.IsCompleteObjectLine(first));
        var chunks = jsonLines ? JsonChunks.Lines(scanner, limits) : JsonChunks.TopLevelValues(scanner, limits);
        long position = 0;
        foreach (var chunk in chunks)
        {
            if (chunk.Error is not null)
            {
                yield return SourceRow.Rejected(++position, chunk.Line, chunk.Text, chunk.Error);
                continue;
            }

            using var unit = new Unit();
            var error = unit.Add(chunk.Text, chunk.Line);
            if (error is not null)
            {
                yield return SourceRow.Rejected(++position, chunk.Line, JsonChunks.Snippet(chunk.Text, limits), error);
                continue;
            }

            if (unit.Postings.Count == 0)
            {
                yield return SourceRow.Rejected(++position, chunk.Line, JsonChunks.Snippet(chunk.Text, limits), unit.NoPostingReason());
                continue;
            }

            foreach (var (node, _) in unit.Postings)
            {
                yield return MapRow(++position, chunk.Line, node, unit, html);
            }
        }
    }

    private IEnumerable<SourceRow> ReadHtml(JsonTextScanner scanner, HtmlText html)
    {
        var sb = new StringBuilder();
        scanner.ReadToEnd(sb, limits.MaxPageChars, out var overflow);
        if (overflow)
        {
            yield return SourceRow.Rejected(1, 1, JsonChunks.Snippet(sb, limits),
                $"HTML page larger than the {limits.MaxPageChars / (1024 * 1024)} Mi-character limit; not parsed");
            yield break;
        }

        var page = sb.ToString();
        sb = null;
        using var unit = new Unit();
        long position = 0;
        var scripts = 0;
        var rejected = new List<SourceRow>();
        foreach (var (type, content, line) in JsonLdScripts(page))
        {
            if (!IsJsonLd(type))
            {
                continue;
            }

            scripts++;
            var json = StripWrappers(content);
            if (json.Length > limits.MaxRecordChars)
            {
                rejected.Add(SourceRow.Rejected(0, line, JsonChunks.Snippet(json, limits), JsonChunks.TooLarge(limits)));
                continue;
            }

            var error = unit.Add(json, line);
            if (error is not null)
            {
                rejected.Add(SourceRow.Rejected(0, line, JsonChunks.Snippet(json, limits), error));
            }
        }

        // Rows in page order: a bad script before a good one keeps its place.
        var rows = new List<(long Line, SourceRow Row)>();
        foreach (var r in rejected)
        {
            rows.Add((r.Line, r));
        }

        foreach (var (node, line) in unit.Postings)
        {
            rows.Add((line, MapRow(0, line, node, unit, html)));
        }

        if (rows.Count == 0)
        {
            var reason = scripts == 0
                ? "no JSON-LD in the HTML page (no <script type=\"application/ld+json\">)"
                : unit.NoPostingReason();
            yield return SourceRow.Rejected(1, 1, JsonChunks.Snippet(page, limits), reason);
            yield break;
        }

        foreach (var (_, row) in rows.OrderBy(r => r.Line))
        {
            yield return row with { Position = ++position };
        }
    }

    /// <summary>Script elements with their type and line: parsed as HTML unless nested too deeply for that.</summary>
    private static IEnumerable<(string? Type, string Content, long Line)> JsonLdScripts(string page)
    {
        if (HtmlScan.NestsDeeperThan(page, HtmlScan.MaxParsedDepth))
        {
            foreach (var (type, content, line) in HtmlScan.Scripts(page))
            {
                yield return (type, content, line);
            }

            yield break;
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(page);
        foreach (var script in document.QuerySelectorAll("script"))
        {
            yield return (script.GetAttribute("type"), script.TextContent, (long?)script.SourceReference?.Position.Line ?? 1);
        }
    }

    private static SourceRow MapRow(long position, long line, JsonElement node, Unit unit, HtmlText html)
    {
        var fields = new JsonFields();
        var record = JobPostingMapper.Map(node, fields, html, unit.Ids);
        var raw = node.GetRawText();
        return fields.Error is null
            ? SourceRow.Ok(position, line, raw, record)
            : SourceRow.Rejected(position, line, raw, fields.Error);
    }

    private static bool IsJsonLd(string? type)
    {
        if (type is null)
        {
            return false;
        }

        var span = type.AsSpan();
        var semicolon = span.IndexOf(';');
        if (semicolon >= 0)
        {
            span = span[..semicolon];
        }

        return span.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Old pages wrap script content in HTML comments or CDATA; "//" comments the parser skips itself.</summary>
    private static string StripWrappers(string json)
    {
        var s = json.Trim();
        if (s.StartsWith("<!--", StringComparison.Ordinal))
        {
            s = s[4..];
            if (s.EndsWith("-->", StringComparison.Ordinal))
            {
                s = s[..^3];
            }
        }

        return s.Replace("<![CDATA[", "", StringComparison.Ordinal).Replace("]]>", "", StringComparison.Ordinal);
    }

    private static bool HasExtension(string path, params ReadOnlySpan<string> extensions)
    {
        foreach (var extension in extensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The JSON-LD that belongs together: one value of a file, or all scripts of a page. @id references
    /// resolve within it; nodes of other types next to a JobPosting (WebSite, Organization) are context,
    /// not records; a unit with no JobPosting at all is one rejected row.
    /// </summary>
    private sealed class Unit : IDisposable
    {
        private readonly List<JsonDocument> _documents = [];
        private readonly List<string> _otherTypes = [];
        private readonly Dictionary<string, JsonElement> _ids = new(StringComparer.Ordinal);

        public List<(JsonElement Node, long Line)> Postings { get; } = [];

        public IReadOnlyDictionary<string, JsonElement> Ids => _ids;

        /// <summary>Parses and indexes one JSON-LD text; returns why it could not be parsed.</summary>
        public string? Add(string json, long line)
        {
            json = Utf16Repair.Sanitize(json);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, JsonFields.DocumentOptions);
            }
            catch (JsonException ex)
            {
                // Pages often put raw line breaks inside JSON strings; browsers and search engines accept them.
                if (!TryParseRepaired(json, out document!))
                {
                    return JsonFields.ParseError(ex, line);
                }
            }

            _documents.Add(document);
            Collect(document.RootElement, line, topLevel: true);
            return null;
        }

        public string NoPostingReason()
        {
            if (_otherTypes.Count == 0)
            {
                return "JSON-LD without a JobPosting (no @type)";
            }

            var types = string.Join(", ", _otherTypes.Distinct(StringComparer.Ordinal).Take(5));
            return $"JSON-LD of another @type ({types}), not a JobPosting";
        }

        private void Collect(JsonElement e, long line, bool topLevel)
        {
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Collect(item, line, topLevel);
                }

                return;
            }

            if (e.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (e.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                _ids.TryAdd(id.GetString()!, e);
            }

            if (JobPostingMapper.IsType(e, "JobPosting"))
            {
                Postings.Add((e, line));
            }
            else if (topLevel)
            {
                foreach (var t in JsonFields.Items(e, "@type"))
                {
                    if (t.ValueKind == JsonValueKind.String)
                    {
                        _otherTypes.Add(t.GetString()!);
                    }
                }
            }

            foreach (var property in e.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && property.Name != "@context")
                {
                    Collect(property.Value, line, topLevel: property.Name == "@graph");
                }
            }
        }

        private static bool TryParseRepaired(string json, out JsonDocument? document)
        {
            document = null;
            var repaired = EscapeControlCharactersInStrings(json);
            if (repaired is null)
            {
                return false;
            }

            try
            {
                document = JsonDocument.Parse(repaired, JsonFields.DocumentOptions);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        /// <summary>The text with raw control characters inside strings escaped; null when there were none.</summary>
        internal static string? EscapeControlCharactersInStrings(string json)
        {
            StringBuilder? sb = null;
            var inString = false;
            for (var i = 0; i < json.Length; i++)
            {
                var c = json[i];
                if (inString && c < 0x20)
                {
                    sb ??= new StringBuilder(json.Length + 64).Append(json, 0, i);
                    sb.Append(c switch
                    {
                        '\n' => "\\n",
                        '\r' => "\\r",
                        '\t' => "\\t",
                        _ => $"\\u{(int)c:X4}",
                    });
                    continue;
                }

                if (inString && c == '\\' && i + 1 < json.Length)
                {
                    sb?.Append(c).Append(json[i + 1]);
                    i++;
                    continue;
                }

                if (c == '"')
                {
                    inString = !inString;
                }

                sb?.Append(c);
            }

            return sb?.ToString();
        }

        public void Dispose()
        {
            foreach (var document in _documents)
            {
                document.Dispose();
            }
        }
    }
}
