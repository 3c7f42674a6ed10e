using System.Globalization;
using System.Text;

namespace SkillScope.Ingest.Web;

/// <summary>
/// Unpaired UTF-16 surrogates, raw or as "\uD800" escapes, make System.Text.Json throw instead of
/// report a parse error; they become U+FFFD (as a decoder would) before a record is parsed.
/// </summary>
internal static class Utf16Repair
{
    public static string Sanitize(string json)
    {
        var span = json.AsSpan();
        if (span.IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && !HasSurrogateEscape(span))
        {
            return json;
        }

        var sb = new StringBuilder(json.Length);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                sb.Append(c).Append(span[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append('\uFFFD');
            }
            else if (c == '\\' && i + 1 < span.Length)
            {
                if (span[i + 1] == 'u' && Escape(span, i) is { } unit && char.IsSurrogate(unit))
                {
                    if (char.IsHighSurrogate(unit) && Escape(span, i + 6) is { } low && char.IsLowSurrogate(low))
                    {
                        sb.Append(span.Slice(i, 12));
                        i += 11;
                    }
                    else
                    {
                        sb.Append("\\uFFFD");
                        i += 5;
                    }
                }
                else
                {
                    sb.Append(c).Append(span[i + 1]);
                    i++;
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool HasSurrogateEscape(ReadOnlySpan<char> span)
    {
        var i = span.IndexOf("\\u", StringComparison.Ordinal);
        while (i >= 0)
        {
            if (i + 2 < span.Length && span[i + 2] is 'd' or 'D')
            {
                return true;
            }

            var next = span[(i + 2)..].IndexOf("\\u", StringComparison.Ordinal);
            i = next < 0 ? -1 : i + 2 + next;
        }

        return false;
    }

    /// <summary>The code unit of a "\uXXXX" escape at <paramref name="at"/>, if there is one.</summary>
    private static char? Escape(ReadOnlySpan<char> span, int at) =>
        at + 6 <= span.Length && span[at] == '\\' && span[at + 1] == 'u'
        && ushort.TryParse(span.Slice(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit)
            ? (char)unit
            : null;
}
