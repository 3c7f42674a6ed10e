namespace SkillScope.Normalize;

/// <summary>Whether a posting's text is its whole description: ids stored in <c>records.text_kind</c>.</summary>
public static class TextKinds
{
    /// <summary>A full description: counts in skill shares.</summary>
    public const string Full = "full";
    /// <summary>The opening of a description cut by its source (Adzuna's API cuts at 500 characters).</summary>
    public const string Snippet = "snippet";
    /// <summary>A short summary in place of the description (USAJOBS' one-paragraph summaries, texts under 50 words).</summary>
    public const string Summary = "summary";
    /// <summary>No text at all (search-result cards, salary tables).</summary>
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } = [Full, Snippet, Summary, None];
}

/// <summary>A text's completeness and why.</summary>
public readonly record struct TextCompletenessResult(string Kind, string Reason);

/// <summary>
/// Detects whether a posting's text is a full description or a snippet/summary (docs/skills-report.md, "Which
/// postings count"). A source with a known truncation says so; otherwise a text that ends in an ellipsis is a
/// snippet and a text under <see cref="MinimumWords"/> words is a summary. Skill shares count full texts only,
/// since a skill a snippet does not name may be in the part that was cut.
/// </summary>
public static class TextCompleteness
{
    public const int MinimumWords = 50;

    /// <summary>Longest text an ellipsis ending marks as cut; a longer text ending in "..." is a full one that trails off.</summary>
    public const int MaximumSnippetLength = 1_500;

    /// <summary>Formats whose texts are never full descriptions, with why.</summary>
    private static readonly Dictionary<string, TextCompletenessResult> KnownSources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["adzuna"] = new(TextKinds.Snippet, "Adzuna's API cuts descriptions at 500 characters"),
        ["usajobs"] = new(TextKinds.Summary, "USAJOBS gives the announcement's summary, not its duties and qualifications"),
    };

    public static TextCompletenessResult Classify(string? format, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(TextKinds.None, "no text");
        }

        if (format is not null && KnownSources.TryGetValue(format, out var known))
        {
            return known;
        }

        var trimmed = text.AsSpan().TrimEnd();
        if (trimmed.Length <= MaximumSnippetLength && (trimmed.EndsWith("…", StringComparison.Ordinal) || trimmed.EndsWith("...", StringComparison.Ordinal)))
        {
            return new(TextKinds.Snippet, "the text ends in an ellipsis: cut by its source");
        }

        return CountWords(trimmed, MinimumWords) < MinimumWords
            ? new(TextKinds.Summary, $"fewer than {MinimumWords} words")
            : new(TextKinds.Full, "full description");
    }

    /// <summary>Plain-language reason a kind is left out of skill shares, for reports.</summary>
    public static string Why(string kind) => kind switch
    {
        TextKinds.Snippet => "text cut by the source (snippet)",
        TextKinds.Summary => "summary only (under 50 words or a source's summary)",
        TextKinds.None => "no text",
        _ => "full description",
    };

    private static int CountWords(ReadOnlySpan<char> text, int stopAt)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                if (++words >= stopAt)
                {
                    return words;
                }
            }
        }

        return words;
    }
}
