using System.Text.Json;
using SkillScope.Model;

namespace SkillScope.Ingest.Web;

/// <summary>
/// A job-board API response (Greenhouse, Lever, Ashby): the jobs array is streamed one job at a time,
/// each parsed on its own, so a bad job is one rejected row and the rest still read.
/// </summary>
internal abstract class BoardFormat(WebLimits limits) : IRecordFormat
{
    public abstract string Name { get; }

    public string DefaultSource => Name;

    /// <summary>The property holding the jobs array in a top-level object; null when the response is the array.</summary>
    protected abstract string? ArrayKey { get; }

    public abstract bool Matches(FormatProbe probe);

    protected abstract RawRecord Map(JsonElement job, JsonFields fields, HtmlText html);

    public IEnumerable<SourceRow> Read(TextReader text, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        return ReadRows(text);
    }

    private IEnumerable<SourceRow> ReadRows(TextReader text)
    {
        var html = new HtmlText();
        long position = 0;
        foreach (var chunk in JsonChunks.BoardJobs(text, ArrayKey, limits))
        {
            position++;
            yield return chunk.Error is null
                ? MapChunk(position, chunk, html)
                : SourceRow.Rejected(position, chunk.Line, chunk.Text, chunk.Error);
        }
    }

    private SourceRow MapChunk(long position, JsonChunk chunk, HtmlText html)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(Utf16Repair.Sanitize(chunk.Text), JsonFields.DocumentOptions);
        }
        catch (JsonException ex)
        {
            return SourceRow.Rejected(position, chunk.Line, JsonChunks.Snippet(chunk.Text, limits), JsonFields.ParseError(ex, chunk.Line));
        }

        using (document)
        {
            var job = document.RootElement;
            if (job.ValueKind != JsonValueKind.Object)
            {
                return SourceRow.Rejected(position, chunk.Line, JsonChunks.Snippet(chunk.Text, limits),
                    $"a {Name} job must be a JSON object, found {JsonFields.Describe(job)}");
            }

            var fields = new JsonFields();
            var record = Map(job, fields, html);
            return fields.Error is null
                ? SourceRow.Ok(position, chunk.Line, chunk.Text, record)
                : SourceRow.Rejected(position, chunk.Line, JsonChunks.Snippet(chunk.Text, limits), fields.Error);
        }
    }

    /// <summary>Content detection: the head is JSON and has all the given property names.</summary>
    protected static bool HeadHas(FormatProbe probe, params ReadOnlySpan<string> keys)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var head = probe.Head.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (!(head.StartsWith("{") || head.StartsWith("[")) || head.Contains("\"@type\"", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var key in keys)
        {
            if (!head.Contains($"\"{key}\"", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The board's name for the company, from a posting URL on the board's own host
    /// ("https://jobs.lever.co/acme/…" → "acme"): these APIs do not state the company otherwise.
    /// </summary>
    protected static string? BoardSlug(string? url, params ReadOnlySpan<string> hosts)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        foreach (var host in hosts)
        {
            if (uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase))
            {
                var path = uri.AbsolutePath.AsSpan().Trim('/');
                var slash = path.IndexOf('/');
                var slug = Uri.UnescapeDataString((slash < 0 ? path : path[..slash]).ToString());
                return slug.Length == 0 || slug.Equals("embed", StringComparison.OrdinalIgnoreCase) ? null : slug;
            }
        }

        return null;
    }

    protected static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
