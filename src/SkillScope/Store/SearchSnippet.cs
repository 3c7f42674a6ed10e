using System.Text;

namespace SkillScope.Store;

/// <summary>
/// The snippet of a search hit: the words around the first match, matches marked U+0002 ... U+0003. Built from the
/// stored text in one pass that stops at the first match and reads only the window after it, so its cost does not grow
/// with the rest of a long description (and both engines give the same snippet).
/// </summary>
internal static class SearchSnippet
{
    private const char Open = '\u0002';
    private const char Close = '\u0003';
    private const string Ellipsis = "…";
    private const int MaxWordChars = 40;

    /// <summary>The first of <paramref name="texts"/> that contains a match gives the snippet; null when none does.</summary>
    public static string? Build(IReadOnlyList<string> words, int width, params string?[] texts)
    {
        foreach (var text in texts)
        {
            if (text is not null && Around(text, words, width) is { } snippet)
            {
                return snippet;
            }
        }

        return null;
    }

    private static string? Around(string text, IReadOnlyList<string> words, int width)
    {
        // Word starts seen so far, kept to the last few: the window opens a few words before the first match.
        var before = width / 4;
        var recent = new Queue<int>(before + 1);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (start == i)
            {
                break;
            }

            if (Matches(text.AsSpan(start, i - start), words))
            {
                var from = recent.Count > 0 ? recent.Peek() : start;
                return Window(text, from, words, width);
            }

            recent.Enqueue(start);
            if (recent.Count > before)
            {
                recent.Dequeue();
            }
        }

        return null;
    }

    private static string Window(string text, int from, IReadOnlyList<string> words, int width)
    {
        var snippet = new StringBuilder(from > 0 ? Ellipsis : "");
        var i = from;
        var count = 0;
        while (i < text.Length && count < width)
        {
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                count++;
                // A run of thousands of letters is one "word": show its start only, so a snippet stays a few hundred characters.
                var word = text.AsSpan(start, Math.Min(i - start, MaxWordChars));
                if (Matches(word, words))
                {
                    snippet.Append(Open).Append(word).Append(Close);
                }
                else
                {
                    snippet.Append(word);
                }

                if (i - start > MaxWordChars)
                {
                    snippet.Append(Ellipsis);
                }
            }

            var gap = i;
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            // Line breaks and runs of spaces read as one space in a one-line snippet.
            if (i > gap)
            {
                var separator = text.AsSpan(gap, i - gap);
                snippet.Append(separator.ContainsAny('\n', '\r', '\t') || separator.Length > 3 ? " " : separator);
            }
        }

        return (i < text.Length ? snippet.ToString().TrimEnd() + Ellipsis : snippet.ToString().TrimEnd());
    }

    // A word matches when it starts with a query word, ignoring case and accents on ASCII letters (prefix search).
    private static bool Matches(ReadOnlySpan<char> word, IReadOnlyList<string> words)
    {
        foreach (var query in words)
        {
            if (word.StartsWith(query, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
