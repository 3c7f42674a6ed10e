using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SkillScope.Ingest.Web;

/// <summary>
/// Job descriptions as readable text: HTML becomes lines and paragraphs (list items as "- "), entities
/// are decoded, scripts and styles dropped, whitespace collapsed. One instance per reader call: the
/// parser is reused but not thread-safe.
/// </summary>
internal sealed class HtmlText
{
    private readonly HtmlParser _parser = new();

    /// <summary>
    /// Text that may be HTML (schema.org description is "Text" but pages put HTML in it): parsed when it
    /// has a tag, otherwise only its entities are decoded, so plain text keeps its line breaks.
    /// </summary>
    public string? FromMaybeHtml(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return value is null ? null : "";
        }

        return LooksLikeHtml(value) ? ToText(value) : WebUtility.HtmlDecode(value).Trim();
    }

    /// <summary>Greenhouse's content: HTML that was escaped once more ("&amp;lt;p&amp;gt;").</summary>
    public string? FromEscapedHtml(string? value) =>
        value is null ? null : FromMaybeHtml(WebUtility.HtmlDecode(value));

    public string ToText(string html)
    {
        if (HtmlScan.NestsDeeperThan(html, HtmlScan.MaxParsedDepth))
        {
            return StripTags(html);
        }

        var document = _parser.ParseDocument(html);
        var sink = new TextSink(html.Length);
        var root = (INode?)document.Body ?? document.DocumentElement;
        if (root is null)
        {
            return "";
        }

        // Iterative walk: deeply nested markup must not exhaust the stack.
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node is IText text)
            {
                sink.Text(text.Data);
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            if (leaving)
            {
                sink.Break(BlockBreak(name));
                continue;
            }

            switch (name)
            {
                case "script" or "style" or "template" or "noscript" or "head":
                    continue;
                case "br":
                    sink.LineBreak();
                    continue;
                case "td" or "th":
                    sink.Text(" ");
                    break;
            }

            var breaks = BlockBreak(name);
            if (breaks > 0)
            {
                sink.Break(breaks);
                stack.Push((node, true));
            }

            if (name == "li")
            {
                sink.Text("- ");
            }

            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], false));
            }
        }

        return sink.ToString();
    }

    /// <summary>Linear tag stripping for markup too deeply nested to parse; same breaks as the walk.</summary>
    internal static string StripTags(string html)
    {
        var sink = new TextSink(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > i)
            {
                sink.Text(WebUtility.HtmlDecode(html[i..textEnd]));
            }

            var gt = lt < 0 ? -1 : html.IndexOf('>', lt);
            if (gt < 0)
            {
                if (lt >= 0)
                {
                    sink.Text(WebUtility.HtmlDecode(html[lt..]));
                }

                break;
            }

            var tag = html.AsSpan(lt + 1, gt - lt - 1);
            var closing = tag.StartsWith("/");
            var name = closing ? tag[1..] : tag;
            var nameEnd = name.IndexOfAny(" \t\r\n/");
            var tagName = (nameEnd < 0 ? name : name[..nameEnd]).ToString().ToLowerInvariant();
            i = gt + 1;
            if (!closing && tagName is "script" or "style")
            {
                var end = html.IndexOf("</" + tagName, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }

            if (tagName == "br")
            {
                sink.LineBreak();
                continue;
            }

            sink.Break(BlockBreak(tagName));
            if (!closing && tagName == "li")
            {
                sink.Text("- ");
            }
        }

        return sink.ToString();
    }

    internal static bool LooksLikeHtml(string value)
    {
        var span = value.AsSpan();
        var i = span.IndexOf('<');
        while (i >= 0 && i + 1 < span.Length)
        {
            var next = span[i + 1];
            if (char.IsAsciiLetter(next) || next is '/' or '!')
            {
                return true;
            }

            var rest = span[(i + 1)..].IndexOf('<');
            i = rest < 0 ? -1 : i + 1 + rest;
        }

        return false;
    }

    private static int BlockBreak(string name) => name switch
    {
        "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "ul" or "ol" or "table" or "blockquote" or "pre" or "dl" => 2,
        "div" or "li" or "tr" or "section" or "article" or "header" or "footer" or "dt" or "dd" or "hr" or "main" or "aside" or "nav" or "figure" => 1,
        _ => 0,
    };

    /// <summary>Builds the text with pending breaks and spaces, so output is trimmed without a second pass.</summary>
    private sealed class TextSink(int capacity)
    {
        private readonly StringBuilder _sb = new(Math.Min(capacity, 1 << 20));
        private int _pendingBreaks;
        private bool _pendingSpace;

        public void Text(string data)
        {
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = _sb.Length > 0;
                    continue;
                }

                if (_pendingBreaks > 0)
                {
                    if (_sb.Length > 0)
                    {
                        _sb.Append('\n', _pendingBreaks);
                    }

                    _pendingBreaks = 0;
                }
                else if (_pendingSpace)
                {
                    _sb.Append(' ');
                }

                _pendingSpace = false;
                _sb.Append(c);
            }
        }

        public void Break(int lines)
        {
            if (lines > 0)
            {
                _pendingBreaks = Math.Max(_pendingBreaks, lines);
                _pendingSpace = false;
            }
        }

        public void LineBreak()
        {
            _pendingBreaks = Math.Min(_pendingBreaks + 1, 2);
            _pendingSpace = false;
        }

        public override string ToString() => _sb.ToString();
    }
}
