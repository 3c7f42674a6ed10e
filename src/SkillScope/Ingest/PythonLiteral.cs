using System.Globalization;
using System.Text;

namespace SkillScope.Ingest;

/// <summary>
/// Parses the Python literal text that <c>str(dict)</c> writes into CSV cells
/// (<c>{'display_name': "Prince George's County", 'area': ['US', 'Maryland']}</c>): dicts, lists,
/// tuples, single- or double-quoted strings with backslash escapes, numbers, True/False/None.
/// Values come back as <see cref="string"/>, <see cref="List{T}"/> of values,
/// <see cref="Dictionary{TKey, TValue}"/> keyed by string, or null; numbers and booleans as their text.
/// </summary>
internal static class PythonLiteral
{
    /// <summary>Parses one literal; false (with a reason) when the text is not one.</summary>
    public static bool TryParse(string text, out object? value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        try
        {
            value = ParseValue(text, ref position, depth: 0);
            SkipSpace(text, ref position);
            if (position != text.Length)
            {
                throw new FormatException(Where("unexpected text after the value", position));
            }

            error = null;
            return true;
        }
        catch (FormatException e)
        {
            value = null;
            error = e.Message;
            return false;
        }
    }

    private static object? ParseValue(string text, ref int position, int depth)
    {
        if (depth > 32)
        {
            throw new FormatException(Where("nested too deeply", position));
        }

        SkipSpace(text, ref position);
        if (position >= text.Length)
        {
            throw new FormatException(Where("unexpected end", position));
        }

        switch (text[position])
        {
            case '{':
                return ParseDict(text, ref position, depth);
            case '[':
                return ParseList(text, ref position, depth, ']');
            case '(':
                return ParseList(text, ref position, depth, ')');
            case '\'' or '"':
                return ParseString(text, ref position);
            default:
                var start = position;
                while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '.' or '-' or '+' or '_'))
                {
                    position++;
                }

                var token = text[start..position];
                return token switch
                {
                    "" => throw new FormatException(Where($"unexpected '{text[start]}'", start)),
                    "None" => null,
                    "True" => "true",
                    "False" => "false",
                    _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => token,
                    _ => throw new FormatException(Where($"unexpected '{token}'", start)),
                };
        }
    }

    private static Dictionary<string, object?> ParseDict(string text, ref int position, int depth)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        position++;
        while (true)
        {
            SkipSpace(text, ref position);
            if (position < text.Length && text[position] == '}')
            {
                position++;
                return dict;
            }

            var key = ParseValue(text, ref position, depth + 1) as string
                ?? throw new FormatException(Where("a dict key must be a string", position));
            SkipSpace(text, ref position);
            Expect(text, ref position, ':');
            dict[key] = ParseValue(text, ref position, depth + 1);
            SkipSpace(text, ref position);
            if (position < text.Length && text[position] == ',')
            {
                position++;
            }
            else if (position >= text.Length)
            {
                throw new FormatException("the text ends before the closing '}'");
            }
            else if (text[position] != '}')
            {
                throw new FormatException(Where("expected ',' or '}'", position));
            }
        }
    }

    private static List<object?> ParseList(string text, ref int position, int depth, char close)
    {
        var list = new List<object?>();
        position++;
        while (true)
        {
            SkipSpace(text, ref position);
            if (position < text.Length && text[position] == close)
            {
                position++;
                return list;
            }

            list.Add(ParseValue(text, ref position, depth + 1));
            SkipSpace(text, ref position);
            if (position < text.Length && text[position] == ',')
            {
                position++;
            }
            else if (position >= text.Length)
            {
                throw new FormatException($"the text ends before the closing '{close}'");
            }
            else if (text[position] != close)
            {
                throw new FormatException(Where($"expected ',' or '{close}'", position));
            }
        }
    }

    private static string ParseString(string text, ref int position)
    {
        var quote = text[position];
        var start = ++position;
        StringBuilder? builder = null;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == quote)
            {
                var value = builder is null ? text[start..position] : builder.Append(text, start, position - start).ToString();
                position++;
                return value;
            }

            if (c == '\\' && position + 1 < text.Length)
            {
                builder ??= new StringBuilder();
                builder.Append(text, start, position - start);
                var (unescaped, length) = Unescape(text, position);
                builder.Append(unescaped);
                position += length;
                start = position;
                continue;
            }

            position++;
        }

        throw new FormatException(Where("unterminated string", start - 1));
    }

    private static (string Text, int Length) Unescape(string text, int backslash)
    {
        var next = text[backslash + 1];
        switch (next)
        {
            case 'n': return ("\n", 2);
            case 't': return ("\t", 2);
            case 'r': return ("\r", 2);
            case '\\' or '\'' or '"': return (next.ToString(), 2);
            case 'x' when TryHex(text, backslash + 2, 2, out var code): return (char.ConvertFromUtf32(code), 4);
            case 'u' when TryHex(text, backslash + 2, 4, out var code): return (((char)code).ToString(), 6);
            case 'U' when TryHex(text, backslash + 2, 8, out var code) && code <= 0x10FFFF: return (char.ConvertFromUtf32(code), 10);
            default: return (text.Substring(backslash, 2), 2);
        }
    }

    private static bool TryHex(string text, int start, int digits, out int code)
    {
        code = 0;
        return start + digits <= text.Length
            && int.TryParse(text.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code);
    }

    private static void Expect(string text, ref int position, char expected)
    {
        if (position >= text.Length || text[position] != expected)
        {
            throw new FormatException(Where($"expected '{expected}'", position));
        }

        position++;
    }

    private static void SkipSpace(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private static string Where(string message, int position) =>
        string.Create(CultureInfo.InvariantCulture, $"{message} at character {position + 1}");
}
