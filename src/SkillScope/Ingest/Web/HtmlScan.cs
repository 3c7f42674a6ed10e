namespace SkillScope.Ingest.Web;

/// <summary>
/// Linear scans of HTML used where the full parser would be too slow: AngleSharp's tree building is
/// quadratic in nesting depth (100,000 nested divs take close to a minute), so markup nested deeper
/// than any real page is handled by these instead.
/// </summary>
internal static class HtmlScan
{
    /// <summary>Real pages nest a few dozen levels; past this the parser's cost grows fast.</summary>
    public const int MaxParsedDepth = 512;

    private static readonly string[] VoidElements =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

    /// <summary>An upper estimate of the element nesting depth (unclosed p/li count as nested).</summary>
    public static bool NestsDeeperThan(string html, int maxDepth)
    {
        var span = html.AsSpan();
        var depth = 0;
        var i = span.IndexOf('<');
        while (i >= 0 && i + 1 < span.Length)
        {
            var next = span[i + 1];
            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(next))
            {
                var end = span[i..].IndexOf('>');
                var tag = end < 0 ? span[(i + 1)..] : span[(i + 1)..(i + end)];
                if (!(tag.EndsWith("/") || IsVoid(tag)) && ++depth > maxDepth)
                {
                    return true;
                }
            }

            var rest = span[(i + 1)..].IndexOf('<');
            i = rest < 0 ? -1 : i + 1 + rest;
        }

        return false;
    }

    /// <summary>The contents of every &lt;script&gt; whose type is application/ld+json, with its 1-based line.</summary>
    public static IEnumerable<(string Type, string Content, long Line)> Scripts(string html)
    {
        var position = 0;
        long line = 1;
        var lineCountedTo = 0;
        while (true)
        {
            var start = html.IndexOf("<script", position, StringComparison.OrdinalIgnoreCase);
            if (start < 0)
            {
                yield break;
            }

            var tagEnd = html.IndexOf('>', start);
            if (tagEnd < 0)
            {
                yield break;
            }

            var close = html.IndexOf("</script", tagEnd, StringComparison.OrdinalIgnoreCase);
            var contentEnd = close < 0 ? html.Length : close;
            line += html.AsSpan(lineCountedTo, start - lineCountedTo).Count('\n');
            lineCountedTo = start;
            yield return (TypeAttribute(html.AsSpan(start, tagEnd - start)), html[(tagEnd + 1)..contentEnd], line);
            position = contentEnd;
        }
    }

    private static string TypeAttribute(ReadOnlySpan<char> tag)
    {
        var i = tag.IndexOf("type", StringComparison.OrdinalIgnoreCase);
        if (i < 0)
        {
            return "";
        }

        var rest = tag[(i + 4)..].TrimStart();
        if (rest.IsEmpty || rest[0] != '=')
        {
            return "";
        }

        rest = rest[1..].TrimStart();
        if (rest.IsEmpty)
        {
            return "";
        }

        if (rest[0] is '"' or '\'')
        {
            var quote = rest[0];
            rest = rest[1..];
            var end = rest.IndexOf(quote);
            return (end < 0 ? rest : rest[..end]).ToString();
        }

        var stop = rest.IndexOfAny(" \t\r\n>/");
        return (stop < 0 ? rest : rest[..stop]).ToString();
    }

    private static bool IsVoid(ReadOnlySpan<char> tag)
    {
        var nameEnd = tag.IndexOfAny(" \t\r\n/");
        var name = nameEnd < 0 ? tag : tag[..nameEnd];
        foreach (var v in VoidElements)
        {
            if (name.Equals(v, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
