using System.Text;
using SkillScope.Normalize;

namespace SkillScope.Store;

/// <summary>
/// The search result's snippet: a window of about <see cref="WindowWords"/> words around the query's words,
/// each matched word marked U+0002 ... U+0003. A pure function whose cost is bounded by what it returns: it reads
/// at most <see cref="MaxScannedChars"/> characters of each field, so a posting of 50 MB costs what one of 32 KB
/// does (SQLite's snippet() tokenizes the whole document and scores every window: quadratic in practice).
/// </summary>
/// <remarks>
/// Words match after folding (lower case, Latin diacritics removed) and a light suffix strip ("engineers",
/// "engineering" match "engineer"), close to the full-text index's porter stemmer; the snippet only marks words,
/// which records match is decided by the index.
/// </remarks>
public static class SearchSnippet
{
    /// <summary>Characters read from the start of a field to find the query's words.</summary>
    public const int MaxScannedChars = 32 * 1024;

    /// <summary>Words in the window.</summary>
    public const int WindowWords = 24;

    private const int MaxWordChars = 40;
    private const int MaxGapChars = 20;

    private const char Open = '\u0002';
    private const char Close = '\u0003';
    private const string Ellipsis = "…";

    private static readonly string[] Suffixes =
        ["izations", "ization", "ations", "ation", "ements", "ement", "ments", "ment", "ingly", "ings", "ing", "ness",
         "ities", "ity", "ers", "er", "ies", "ied", "ed", "es", "ly", "s"];

    /// <summary>The query's words, folded and stemmed as the snippet compares them (at most <see cref="PostingSearch.MaxWords"/>).</summary>
    public static IReadOnlyList<string> Words(string? query)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(query))
        {
            return words;
        }

        foreach (var (start, length) in Tokens(query, query.Length))
        {
            var stem = Stem(query.AsSpan(start, length));
            if (!words.Contains(stem, StringComparer.Ordinal))
            {
                words.Add(stem);
            }

            if (words.Count == PostingSearch.MaxWords)
            {
                break;
            }
        }

        return words;
    }

    /// <summary>
    /// The snippet from the first field (in order) that names a query word, null when none does in the part read.
    /// </summary>
    public static string? Build(IReadOnlyList<string> words, params string?[] fields)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(fields);
        if (words.Count == 0)
        {
            return null;
        }

        foreach (var field in fields)
        {
            if (!string.IsNullOrEmpty(field) && FromField(words, field) is { } snippet)
            {
                return snippet;
            }
        }

        return null;
    }

    private static string? FromField(IReadOnlyList<string> words, string text)
    {
        var scanned = Math.Min(text.Length, MaxScannedChars);
        var tokens = new List<(int Start, int Length)>();
        var matched = new List<bool>();
        foreach (var token in Tokens(text, scanned))
        {
            tokens.Add(token);
            matched.Add(words.Contains(Stem(text.AsSpan(token.Start, token.Length)), StringComparer.Ordinal));
        }

        // The window with the most matched words (the first such): one pass with a running count.
        var (best, bestCount, count) = (-1, 0, 0);
        for (var i = 0; i < tokens.Count; i++)
        {
            count += matched[i] ? 1 : 0;
            if (i >= WindowWords)
            {
                count -= matched[i - WindowWords] ? 1 : 0;
            }

            if (count > bestCount)
            {
                (best, bestCount) = (Math.Max(0, i - WindowWords + 1), count);
            }
        }

        if (best < 0)
        {
            return null;
        }

        // Open a few words before the window's first match.
        var first = best;
        while (!matched[first])
        {
            first++;
        }

        // Full windows where the text allows: a short text is shown whole.
        var from = Math.Max(0, Math.Min(first - 3, tokens.Count - WindowWords));
        var to = Math.Min(tokens.Count, from + WindowWords);
        var snippet = new StringBuilder();
        if (from > 0)
        {
            snippet.Append(Ellipsis);
        }

        var at = from == 0 ? 0 : tokens[from].Start;
        for (var i = from; i < to; i++)
        {
            var (start, length) = tokens[i];
            AppendCapped(snippet, text, at, start - at, MaxGapChars);
            if (matched[i])
            {
                snippet.Append(Open);
                AppendCapped(snippet, text, start, length, MaxWordChars);
                snippet.Append(Close);
            }
            else
            {
                AppendCapped(snippet, text, start, length, MaxWordChars);
            }

            at = start + length;
        }

        if (to == tokens.Count && scanned == text.Length)
        {
            AppendCapped(snippet, text, at, text.Length - at, MaxGapChars);
        }
        else
        {
            snippet.Append(Ellipsis);
        }

        return snippet.ToString();
    }

    // A word or the text between words, cut with an ellipsis when longer than max (a run of 30,000 letters is one "word").
    private static void AppendCapped(StringBuilder snippet, string text, int start, int length, int max)
    {
        if (length <= max)
        {
            snippet.Append(text, start, length);
        }
        else
        {
            snippet.Append(text, start, max).Append(Ellipsis);
        }
    }

    private static IEnumerable<(int Start, int Length)> Tokens(string text, int end)
    {
        var start = -1;
        for (var i = 0; i <= end; i++)
        {
            var wordChar = i < end && char.IsLetterOrDigit(text[i]);
            if (wordChar && start < 0)
            {
                start = i;
            }
            else if (!wordChar && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }

    private static string Stem(ReadOnlySpan<char> word)
    {
        Span<char> folded = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            folded[i] = TextFold.Lower(word[i]);
        }

        var stem = folded;
        for (var round = 0; round < 2; round++)
        {
            foreach (var suffix in Suffixes)
            {
                if (stem.Length - suffix.Length >= 3 && stem.EndsWith(suffix, StringComparison.Ordinal)
                    && !(suffix == "s" && stem[^2] == 's'))
                {
                    stem = stem[..^suffix.Length];
                    break;
                }
            }
        }

        return new string(stem);
    }
}
