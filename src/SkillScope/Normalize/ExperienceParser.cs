using System.Globalization;
using System.Text.RegularExpressions;

namespace SkillScope.Normalize;

/// <summary>
/// Years of experience a posting asks for. Every "N years" that the surrounding words tie to
/// experience counts ("3+ years of experience", "five (5) years' relevant experience", "Python: 1 year
/// (Preferred)"); years that are ages, company history or durations do not ("founded 50 years ago",
/// "over 20 years in business", "21 years of age"). The smallest requirement wins: alternatives by
/// degree ("BS and 5 years, or MS and 3 years") state the least a candidate needs.
/// </summary>
public static class ExperienceParser
{
    /// <summary>The smallest number of years of experience the text requires, or null when it states none.</summary>
    public static int? YearsRequiredMin(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        int? min = Scan(text, null);
        if (NoExperienceNeeded(text))
        {
            min = 0;
        }

        return min;
    }

    /// <summary>Every experience requirement found, in text order (for evaluation and tests).</summary>
    internal static IReadOnlyList<int> Requirements(string text)
    {
        List<int> all = [];
        _ = Scan(text, all);
        return all;
    }

    private const int MaxPlausibleYears = 40;
    private const int WindowBefore = 60;
    private const int WindowAfter = 90;

    private const string NumberPattern = @"(?:\d{1,2}(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)";

    // Matched right to left against the text just before "year": "3", "3+", "2-4", "3 to 5", "five (5)", "2 or more".
    private static readonly Regex NumberBeforeYear = new(
        @"(?:(?<first>" + NumberPattern + @")(?:\s*\(\s*\d{1,2}\s*\))?\s*\+?\s*(?:-|–|—|to|or|/|and)\s*)?(?<second>" + NumberPattern +
        @")(?:\s*\(\s*\d{1,2}\s*\))?\s*(?:\+|plus)?\s*(?:or\s+(?:more|greater|longer)\s*)?(?:-\s*)?\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft | RegexOptions.Compiled);

    private static readonly string[] NotExperienceAfter =
    [
        "old", "of age", "ago", "degree", "college", "university", "program", "in business", "history",
        "track record", "anniversary", "warranty", "of service", "of education", "of schooling", "of study", "of combined",
        "combined", "of collective", "collective", "of growth", "of innovation", "of excellence", "of operation", "of operations",
        "contract", "term", "in the industry serving", "bachelor", "of age or older",
    ];

    private static readonly string[] NotExperienceBefore =
    [
        "founded", "established", "in business", "we have", "we've", "our team", "our company", "the company", "company has",
        "for over", "over the past", "for the past", "in the last", "in the next", "over the next", "within", "celebrat", "since",
        "for more than", "age of", "aged", "serving", "has been", "have been", "history", "anniversary", "leader for",
    ];

    private static readonly string[] ExperienceAfterStart =
    [
        "working", "work", "hands-on", "hands on", "professional", "industry", "relevant", "related", "practical", "progressive",
        "proven", "demonstrated", "post-graduate", "postgraduate", "post-doctoral", "postdoctoral", "laboratory", "managing", "leading",
        "developing", "building", "designing", "using", "programming", "coding", "doing", "supervisory", "management",
        "(preferred)", "(required)", "preferred", "required", "minimum", "of applicable", "in a similar", "in a related",
        "as a", "as an", "in data", "in software", "in machine learning", "in analytics", "in an analytical", "utilizing",
        "applied", "applying", "delivering", "creating", "writing", "analyzing", "conducting", "implementing", "deploying",
        "engineering", "software", "consulting", "research",
    ];

    // Returns the smallest requirement; adds every one to found when given.
    private static int? Scan(string text, List<int>? found)
    {
        int? min = null;
        ReadOnlySpan<char> span = text;
        int from = 0;
        while (from < span.Length)
        {
            int y = span[from..].IndexOfAny('y', 'Y');
            if (y < 0)
            {
                break;
            }

            y += from;
            from = y + 1;
            int end = YearWordEnd(span, y);
            if (end < 0)
            {
                continue;
            }

            int windowStart = Math.Max(0, y - 40);
            Match m = NumberBeforeYear.Match(text, windowStart, y - windowStart);
            if (!m.Success || !StartsCleanly(span, m.Index))
            {
                continue;
            }

            int years = Math.Min(ParseNumber(m.Groups["second"].Value), m.Groups["first"].Success ? ParseNumber(m.Groups["first"].Value) : int.MaxValue);
            if (years is < 0 or > MaxPlausibleYears)
            {
                continue;
            }

            if (IsExperience(span, m.Index, end))
            {
                min = min is null ? years : Math.Min(min.Value, years);
                found?.Add(years);
            }

            from = end;
        }

        return min;
    }

    // Index just past "year", "years", "yr", "yrs" (and a possessive "years'"), or -1 when y does not start such a word.
    private static int YearWordEnd(ReadOnlySpan<char> s, int y)
    {
        if (y > 0 && char.IsLetter(s[y - 1]))
        {
            return -1;
        }

        int i = y + 1;
        if (i + 3 <= s.Length && s.Slice(i, 3).Equals("ear", StringComparison.OrdinalIgnoreCase))
        {
            i += 3;
        }
        else if (i < s.Length && (s[i] is 'r' or 'R'))
        {
            i += 1;
        }
        else
        {
            return -1;
        }

        if (i < s.Length && (s[i] is 's' or 'S'))
        {
            i++;
        }

        if (i < s.Length && char.IsLetter(s[i]))
        {
            return -1; // "yearly", "yearbook"
        }

        if (i < s.Length && (s[i] is '\'' or '’'))
        {
            i++;
        }

        return i;
    }

    private static bool StartsCleanly(ReadOnlySpan<char> s, int index) =>
        index == 0 || !(char.IsLetterOrDigit(s[index - 1]) || s[index - 1] is '$' or '.' or ',' or '£' or '€');

    private static int ParseNumber(string value)
    {
        if (char.IsDigit(value[0]))
        {
            int dot = value.IndexOf('.', StringComparison.Ordinal);
            return int.Parse(dot < 0 ? value : value[..dot], NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return value.ToLowerInvariant() switch
        {
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "fifteen" => 15,
            "twenty" => 20,
            _ => -1,
        };
    }

    /// <summary>A text this short that states years is itself an experience field ("3+ years", "at least five years").</summary>
    private const int ShortFieldLength = 40;

    private static bool IsExperience(ReadOnlySpan<char> s, int numberStart, int yearEnd)
    {
        ReadOnlySpan<char> after = Sentence(s[yearEnd..Math.Min(s.Length, yearEnd + WindowAfter)], forward: true);
        ReadOnlySpan<char> afterTrimmed = after.TrimStart(" \t-–:,".AsSpan());
        foreach (string stop in NotExperienceAfter)
        {
            if (afterTrimmed.StartsWith(stop, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        ReadOnlySpan<char> before = Sentence(s[Math.Max(0, numberStart - WindowBefore)..numberStart], forward: false);
        foreach (string stop in NotExperienceBefore)
        {
            if (TextFold.ContainsWord(before, stop))
            {
                return false;
            }
        }

        if (ContainsExperienceWord(after) || s.Trim().Length <= ShortFieldLength)
        {
            return true;
        }

        ReadOnlySpan<char> lead = afterTrimmed.StartsWith("of ", StringComparison.OrdinalIgnoreCase) ? afterTrimmed[3..] : afterTrimmed;
        foreach (string cue in ExperienceAfterStart)
        {
            if (lead.StartsWith(cue, StringComparison.OrdinalIgnoreCase) || afterTrimmed.StartsWith(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return ContainsExperienceWord(before);
    }

    private static bool ContainsExperienceWord(ReadOnlySpan<char> s) =>
        s.Contains("experience", StringComparison.OrdinalIgnoreCase) || TextFold.ContainsWord(s, "exp") || s.Contains("expertise", StringComparison.OrdinalIgnoreCase);

    // The part of a window inside the same sentence or bullet as the match.
    private static ReadOnlySpan<char> Sentence(ReadOnlySpan<char> window, bool forward)
    {
        ReadOnlySpan<char> stops = ".;!?\n•·";
        if (forward)
        {
            int i = IndexOfSentenceEnd(window, stops);
            return i < 0 ? window : window[..i];
        }

        int j = window.LastIndexOfAny(stops);
        return j < 0 ? window : window[(j + 1)..];
    }

    // A '.' ends a sentence only when followed by a space or the end ("B.S. degree" keeps going only past "S.").
    private static int IndexOfSentenceEnd(ReadOnlySpan<char> s, ReadOnlySpan<char> stops)
    {
        int start = 0;
        while (true)
        {
            int i = s[start..].IndexOfAny(stops);
            if (i < 0)
            {
                return -1;
            }

            i += start;
            if (s[i] != '.' || i + 1 >= s.Length || char.IsWhiteSpace(s[i + 1]))
            {
                return i;
            }

            start = i + 1;
        }
    }

    private static readonly string[] NoExperiencePhrases =
        ["no experience required", "no experience necessary", "no prior experience", "no previous experience", "no experience needed"];

    private static bool NoExperienceNeeded(string text)
    {
        foreach (string p in NoExperiencePhrases)
        {
            if (text.Contains(p, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
