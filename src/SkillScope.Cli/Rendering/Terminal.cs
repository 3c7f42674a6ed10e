using System.Buffers;
using System.Globalization;
using System.Text;
using Spectre.Console;

namespace SkillScope.Cli.Rendering;

/// <summary>
/// Stored text made safe to print on a terminal: control characters (ESC, BEL, backspace, line breaks, C1 controls
/// such as CSI) and bidirectional overrides are shown as visible symbols, so a posting or a quarantined row cannot
/// move the cursor, recolour, retitle or rewrite the terminal. ESC becomes ␛ (U+241B), BEL ␇, other C0 controls their
/// Control Pictures symbol, DEL ␡, C1 and bidi controls &lt;U+XXXX&gt;.
/// </summary>
internal static class Terminal
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + string.Concat(Enumerable.Range(0x7F, 0x21).Select(c => (char)c))
        + "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary><paramref name="text"/> with every control character made visible.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny(Unsafe) < 0)
        {
            return text ?? "";
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c < 0x20)
            {
                builder.Append((char)(0x2400 + c));
            }
            else if (c == 0x7F)
            {
                builder.Append('\u2421');
            }
            else if (Unsafe.Contains(c))
            {
                builder.Append("<U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('>');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Stored text for Spectre markup: control characters made visible, then markup escaped.</summary>
    public static string Escape(string? text) => Markup.Escape(Safe(text));
}
