namespace SkillScope.Skills;

/// <summary>
/// Decides which parts of a posting state preferred (nice-to-have) skills. A cue laid out as a heading
/// ("Preferred Qualifications", "Nice to have:", "Bonus points") makes everything up to the next heading
/// preferred; a cue inside a sentence ("... is a plus", "Python preferred") makes that sentence preferred.
/// </summary>
internal static class StrengthDetector
{
    /// <summary>How far a sentence may reach from its cue when the text has no punctuation to end it.</summary>
    private const int MaxSentenceReach = 300;

    /// <summary>Headings are short; longer lines are prose.</summary>
    private const int MaxHeadingLength = 80;

    private static readonly string[] s_abbreviations = ["etc", "vs", "incl", "approx", "eg", "ie", "inc", "sr", "jr", "dr", "mr", "ms", "no", "esp", "min", "max"];
    private static readonly string[] s_smallWords = ["to", "if", "of", "and", "a", "an", "the", "for", "or", "in", "with"];

    /// <summary>The [start, end) character ranges stating preferred skills, in no particular order.</summary>
    public static List<(int Start, int End)>? PreferredRegions(string text, List<CueHit> cues)
    {
        List<(int Start, int End)>? regions = null;
        foreach (var cue in cues)
        {
            if (!cue.Preferred)
            {
                continue;
            }

            var region = IsHeading(text, cue)
                ? (cue.Start, SectionEnd(text, cue, cues))
                : (SentenceStart(text, cue.Start), SentenceEnd(text, cue.End));
            (regions ??= []).Add(region);
        }

        return regions;
    }

    public static bool Inside(List<(int Start, int End)> regions, int position)
    {
        foreach (var (start, end) in regions)
        {
            if (position >= start && position < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the cue is laid out as a section heading rather than written inside a sentence.</summary>
    internal static bool IsHeading(string text, CueHit cue)
    {
        // Only a short stretch around the cue can make it a heading line; looking no further keeps text without
        // line breaks (whole postings on one line) linear.
        var before = text.AsSpan(Math.Max(0, cue.Start - MaxHeadingLength), Math.Min(cue.Start, MaxHeadingLength));
        var newline = before.LastIndexOf('\n');
        var prefix = newline >= 0 ? before[(newline + 1)..] : cue.Start <= MaxHeadingLength ? before : "x";
        if (OnlyMarkup(prefix))
        {
            var after = text.AsSpan(cue.End, Math.Min(text.Length - cue.End, MaxHeadingLength));
            var lineEnd = after.IndexOf('\n');
            var rest = (lineEnd < 0 ? after : after[..lineEnd]).Trim().Trim("*_)");
            if (rest.IsEmpty || rest[0] == ':')
            {
                return true;
            }

            // A bulleted line is a list item ("- Experience with Kubernetes"), unless it is only the cue.
            var words = WordCount(rest);
            if (!prefix.ContainsAny("-+\u2022\u00B7\u2013") && ((rest[^1] == ':' && words <= 8) || (words <= 2 && rest[^1] != '.')))
            {
                return true;
            }
        }

        // Text scraped without line breaks ("...with SQL, R Preferred Qualifications BS and 8+ years"):
        // a capitalized cue followed by a capital, a digit or a colon still reads as a heading.
        if (!char.IsUpper(text[cue.Start]))
        {
            return false;
        }

        var next = cue.End;
        while (next < text.Length && text[next] is ' ' or '\t')
        {
            next++;
        }

        var nextChar = next < text.Length ? text[next] : '\n';
        var colon = nextChar == ':';
        if (!(colon || nextChar == '\n' || char.IsUpper(nextChar) || char.IsDigit(nextChar)))
        {
            return false;
        }

        if (!cue.Preferred)
        {
            return true; // ending a preferred section early is the safe mistake
        }

        if (cue.MultiWord)
        {
            return colon || TitleCase(text.AsSpan(cue.Start, cue.End - cue.Start));
        }

        var glued = cue.Start > 0 && (char.IsLower(text[cue.Start - 1]) || text[cue.Start - 1] == '.');
        return colon || glued || AllCaps(text.AsSpan(cue.Start, cue.End - cue.Start));
    }

    /// <summary>Where the section opened by a heading cue ends: at the next heading, or the end of the text.</summary>
    private static int SectionEnd(string text, CueHit heading, List<CueHit> cues)
    {
        var end = text.Length;
        foreach (var cue in cues)
        {
            if (cue.Start >= heading.End && cue.Start < end && !cue.Preferred && IsHeading(text, cue))
            {
                end = cue.Start;
                break;
            }
        }

        var lineStart = text.IndexOf('\n', heading.End) + 1;
        var afterBlank = false;
        while (lineStart > 0 && lineStart < end)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(lineStart, lineEnd - lineStart).Trim();
            if (IsHeadingLine(line) || (afterBlank && IsProseParagraph(line)))
            {
                return lineStart;
            }

            afterBlank = line.IsEmpty;
            lineStart = lineEnd + 1;
        }

        return end;
    }

    /// <summary>A line that reads as a heading whatever it says: "Responsibilities:", "*About Us**", "## Benefits", "WHAT WE OFFER".</summary>
    internal static bool IsHeadingLine(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty || line.Length > MaxHeadingLength)
        {
            return false;
        }

        if (line[0] == '#' || (line.Length > 2 && line[0] == '*' && line[^1] == '*'))
        {
            return true;
        }

        if (line[0] is '-' or '*' or '+' or '\u2022' or '\u00B7' or '\u2013' or '\u25AA' or '\u25E6' || (line[0] == 'o' && line.Length > 1 && line[1] == ' '))
        {
            return false;
        }

        // "WHAT YOU'LL DO" reads as a heading, "MBA." or "CISA/CISSP/PMP" is a list item.
        var words = WordCount(line);
        if (words <= 6 && line.StartsWith("About ", StringComparison.Ordinal))
        {
            return true; // "About Logic20/20. . ."
        }

        return (line[^1] == ':' && words <= 8)
            || (words is >= 2 and <= 8 && line[^1] != '.' && line.Contains(' ') && !line.ContainsAny("/0123456789") && AllCaps(line));
    }

    /// <summary>A long paragraph of prose after a blank line: the list of nice-to-haves is over (company blurb, legal text).</summary>
    private static bool IsProseParagraph(ReadOnlySpan<char> line) => line.Length > 200 && line[^1] is '.' or '!';

    private static int SentenceStart(string text, int position)
    {
        var limit = Math.Max(0, position - MaxSentenceReach);
        for (var i = position - 1; i >= limit; i--)
        {
            if (EndsSentence(text, i))
            {
                return i + 1;
            }
        }

        return limit;
    }

    private static int SentenceEnd(string text, int position)
    {
        var limit = Math.Min(text.Length, position + MaxSentenceReach);
        for (var i = position; i < limit; i++)
        {
            if (EndsSentence(text, i))
            {
                return i;
            }
        }

        return limit;
    }

    private static bool EndsSentence(string text, int i)
    {
        var c = text[i];
        if (c is '\n' or '!' or '?' or ';' or '\u2022' or '\u00B7' or '|')
        {
            return true;
        }

        if (c != '.')
        {
            return false;
        }

        var glued = i + 1 < text.Length && char.IsUpper(text[i + 1]) && i > 0 && char.IsLower(text[i - 1]);
        if (!(i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]) || glued))
        {
            return false; // "node.js", "3.5"
        }

        var j = i - 1;
        while (j >= 0 && char.IsLetter(text[j]))
        {
            j--;
        }

        var word = text.AsSpan(j + 1, i - j - 1);
        if (word.Length <= 1)
        {
            // "e.g.", "U.S." are abbreviations; a capital letter alone ("... and R. Java ...") ends the sentence.
            return word.Length == 1 && char.IsUpper(word[0]) && (j < 0 || text[j] != '.');
        }

        if (j >= 0 && text[j] == '.')
        {
            return false;
        }

        foreach (var abbreviation in s_abbreviations)
        {
            if (word.Equals(abbreviation, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool OnlyMarkup(ReadOnlySpan<char> prefix)
    {
        foreach (var c in prefix)
        {
            if (!(char.IsWhiteSpace(c) || c is '*' or '#' or '-' or '+' or '>' or '_' or '\u2022' or '\u00B7' or '\u2013' or '\u25AA'))
            {
                return false;
            }
        }

        return true;
    }

    private static int WordCount(ReadOnlySpan<char> s)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }

    private static bool AllCaps(ReadOnlySpan<char> s)
    {
        var letters = 0;
        foreach (var c in s)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters >= 3;
    }

    /// <summary>Every word capitalized, small words aside: "Preferred Qualifications", "Nice to Have".</summary>
    private static bool TitleCase(ReadOnlySpan<char> s)
    {
        foreach (var range in s.SplitAny(" -\t"))
        {
            var word = s[range];
            if (word.IsEmpty || char.IsUpper(word[0]))
            {
                continue;
            }

            var small = false;
            foreach (var w in s_smallWords)
            {
                small |= word.Equals(w, StringComparison.OrdinalIgnoreCase);
            }

            if (!small)
            {
                return false;
            }
        }

        return true;
    }
}
