using System.Globalization;
using System.Text;

namespace SkillScope.Ingest.Web;

/// <summary>The text of one JSON record, or why it could not be cut out (Text is then a snippet).</summary>
/// <param name="EndsInput">True when nothing after this chunk can be read (truncation, lost structure).</param>
internal readonly record struct JsonChunk(long Line, string Text, string? Error, bool EndsInput = false);

/// <summary>Cuts JSON input into records, one at a time, under a size cap.</summary>
internal static class JsonChunks
{
    /// <summary>
    /// The jobs of a board API response: the elements of a top-level array, or of the array under
    /// <paramref name="arrayKey"/> in a top-level object; an object without that array is taken as a
    /// single job (the board's one-job endpoint).
    /// </summary>
    public static IEnumerable<JsonChunk> BoardJobs(TextReader text, string? arrayKey, WebLimits limits)
    {
        var scanner = new JsonTextScanner(text);
        var c = scanner.SkipWhitespace();
        if (c == -1)
        {
            yield return new(1, "", "empty file");
            yield break;
        }

        if (c == '[')
        {
            foreach (var chunk in ArrayElements(scanner, limits))
            {
                yield return chunk;
            }
        }
        else if (c == '{' && arrayKey is not null)
        {
            foreach (var chunk in ObjectWithArray(scanner, arrayKey, limits))
            {
                yield return chunk;
            }
        }
        else if (c == '{')
        {
            yield return Value(scanner, limits);
        }
        else
        {
            yield return Rest(scanner, limits, $"not JSON: the file starts with {Describe(c)}");
            yield break;
        }

        if (scanner.SkipWhitespace() != -1)
        {
            yield return Rest(scanner, limits, $"unexpected text after the end of the JSON document at line {scanner.Line}");
        }
    }

    /// <summary>
    /// JSON-LD in a .json/.jsonld file: every top-level value (so JSON Lines too), with a top-level
    /// array cut into its elements so a long array of postings streams.
    /// </summary>
    public static IEnumerable<JsonChunk> TopLevelValues(JsonTextScanner scanner, WebLimits limits)
    {
        while (true)
        {
            var c = scanner.SkipWhitespace();
            if (c == -1)
            {
                yield break;
            }

            if (c == '[')
            {
                var ended = false;
                foreach (var chunk in ArrayElements(scanner, limits))
                {
                    ended |= chunk.EndsInput;
                    yield return chunk;
                }

                if (ended)
                {
                    yield break;
                }
            }
            else if (c == '{')
            {
                var chunk = Value(scanner, limits);
                yield return chunk;
                if (chunk.EndsInput)
                {
                    yield break;
                }
            }
            else
            {
                yield return Rest(scanner, limits, $"expected a JSON object or array at line {scanner.Line}, found {Describe(c)}");
                yield break;
            }
        }
    }

    /// <summary>JSON Lines: one record per line, whatever a line contains.</summary>
    public static IEnumerable<JsonChunk> Lines(JsonTextScanner scanner, WebLimits limits)
    {
        var sb = new StringBuilder();
        while (true)
        {
            sb.Clear();
            var line = scanner.Line;
            if (!scanner.ReadLine(sb, limits.MaxRecordChars, out var overflow))
            {
                yield break;
            }

            if (overflow)
            {
                yield return new(line, Snippet(sb, limits), TooLarge(limits));
                continue;
            }

            if (sb.ToString().AsSpan().Trim().IsEmpty)
            {
                continue;
            }

            yield return new(line, sb.ToString(), null);
        }
    }

    /// <summary>True when the line is a complete JSON object on its own: the file is JSON Lines.</summary>
    public static bool IsCompleteObjectLine(string line)
    {
        var span = line.AsSpan().Trim();
        if (span.Length < 2 || span[0] != '{')
        {
            return false;
        }

        var depth = 0;
        var inString = false;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth == 0)
                    {
                        return i == span.Length - 1;
                    }

                    break;
            }
        }

        return false;
    }

    private static IEnumerable<JsonChunk> ArrayElements(JsonTextScanner scanner, WebLimits limits)
    {
        scanner.Read(); // '['
        var c = scanner.SkipWhitespace();
        if (c == ']')
        {
            scanner.Read();
            yield break;
        }

        while (true)
        {
            var chunk = Value(scanner, limits);
            yield return chunk;
            if (chunk.EndsInput)
            {
                yield break;
            }

            c = scanner.SkipWhitespace();
            if (c == ',')
            {
                scanner.Read();
                if (scanner.SkipWhitespace() == ']')
                {
                    scanner.Read(); // a trailing comma: tolerated
                    yield break;
                }

                continue;
            }

            if (c == ']')
            {
                scanner.Read();
                yield break;
            }

            yield return c == -1
                ? new(scanner.Line, "", "truncated JSON: the file ends inside the array (no closing ']')", true)
                : Rest(scanner, limits, $"malformed JSON at line {scanner.Line}: expected ',' or ']' between records, found {Describe(c)}");
            yield break;
        }
    }

    private static IEnumerable<JsonChunk> ObjectWithArray(JsonTextScanner scanner, string arrayKey, WebLimits limits)
    {
        var startLine = scanner.Line;
        scanner.Read(); // '{'
        var rest = new StringBuilder("{");
        var restOverflow = false;
        var found = false;
        var keys = new List<string>();
        var key = new StringBuilder();
        while (true)
        {
            var c = scanner.SkipWhitespace();
            if (c == '}')
            {
                scanner.Read();
                break;
            }

            if (c == -1)
            {
                yield return new(scanner.Line, Snippet(rest, limits), "truncated JSON: the file ends inside the top-level object", true);
                yield break;
            }

            if (c != '"')
            {
                yield return Rest(scanner, limits, $"malformed JSON at line {scanner.Line}: expected a property name, found {Describe(c)}");
                yield break;
            }

            key.Clear();
            scanner.ScanValue(key, 1024, out _);
            var name = Unquote(key);
            keys.Add(name);
            if (scanner.SkipWhitespace() != ':')
            {
                yield return Rest(scanner, limits, $"malformed JSON at line {scanner.Line}: expected ':' after \"{Truncate(name, 60)}\"");
                yield break;
            }

            scanner.Read();
            c = scanner.SkipWhitespace();
            if (!found && name == arrayKey && c == '[')
            {
                found = true;
                var stop = false;
                foreach (var chunk in ArrayElements(scanner, limits))
                {
                    stop |= chunk.EndsInput;
                    yield return chunk;
                }

                if (stop)
                {
                    yield break;
                }
            }
            else
            {
                if (rest.Length > 1)
                {
                    rest.Append(',');
                }

                rest.Append(key).Append(':');
                var status = scanner.ScanValue(rest, limits.MaxRecordChars, out var overflow);
                restOverflow |= overflow;
                if (status == ScanStatus.Truncated)
                {
                    yield return new(scanner.Line, Snippet(rest, limits), $"truncated JSON: the file ends inside \"{Truncate(name, 60)}\"", true);
                    yield break;
                }

                if (status == ScanStatus.Invalid)
                {
                    yield return Rest(scanner, limits, $"malformed JSON at line {scanner.Line}: \"{Truncate(name, 60)}\" has no value");
                    yield break;
                }
            }

            c = scanner.SkipWhitespace();
            if (c == ',')
            {
                scanner.Read();
            }
            else if (c != '}')
            {
                yield return c == -1
                    ? new(scanner.Line, "", "truncated JSON: the file ends inside the top-level object", true)
                    : Rest(scanner, limits, $"malformed JSON at line {scanner.Line}: expected ',' or '}}' between properties, found {Describe(c)}");
                yield break;
            }
        }

        if (found)
        {
            yield break;
        }

        if (restOverflow)
        {
            yield return new(startLine, Snippet(rest, limits), TooLarge(limits));
        }
        else
        {
            rest.Append('}');
            yield return new(startLine, rest.ToString(), null);
        }
    }

    private static JsonChunk Value(JsonTextScanner scanner, WebLimits limits)
    {
        var line = scanner.Line;
        var sb = new StringBuilder();
        var status = scanner.ScanValue(sb, limits.MaxRecordChars, out var overflow);
        return status switch
        {
            ScanStatus.Truncated => new(line, Snippet(sb, limits), $"truncated JSON: the file ends inside the record starting at line {line}", true),
            ScanStatus.Invalid => Rest(scanner, limits, $"malformed JSON at line {line}: expected a value, found {Describe(scanner.Peek())}"),
            _ when overflow => new(line, Snippet(sb, limits), TooLarge(limits)),
            _ => new(line, sb.ToString(), null),
        };
    }

    /// <summary>One rejection for everything from here on, when the structure is lost.</summary>
    private static JsonChunk Rest(JsonTextScanner scanner, WebLimits limits, string reason)
    {
        var line = scanner.Line;
        var sb = new StringBuilder();
        scanner.ReadToEnd(sb, limits.MaxSnippetChars, out _);
        return new(line, sb.ToString(), $"{reason}; the rest of the file (from line {line.ToString(CultureInfo.InvariantCulture)}) was not read", true);
    }

    internal static string TooLarge(WebLimits limits) =>
        $"record larger than the {limits.MaxRecordChars / (1024 * 1024)} Mi-character limit; not read (first {limits.MaxSnippetChars} characters kept)";

    internal static string Snippet(StringBuilder sb, WebLimits limits) =>
        sb.Length <= limits.MaxSnippetChars ? sb.ToString() : sb.ToString(0, limits.MaxSnippetChars);

    internal static string Snippet(string text, WebLimits limits) =>
        text.Length <= limits.MaxSnippetChars ? text : text[..limits.MaxSnippetChars];

    private static string Unquote(StringBuilder key) =>
        key.Length >= 2 ? key.ToString(1, key.Length - 2) : key.ToString();

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";

    internal static string Describe(int c) => c switch
    {
        -1 => "the end of the file",
        < 0x20 or 0x7F => $"character U+{c:X4}",
        _ => $"'{(char)c}'",
    };
}
