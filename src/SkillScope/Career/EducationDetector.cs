using System.Text.RegularExpressions;

namespace SkillScope.Career;

/// <summary>A degree named in a text: its level and the words that name it.</summary>
public readonly record struct DegreeMention(string Level, string Evidence, int Index);

/// <summary>
/// Finds degrees in resume and posting text ("BS/MS/PhD in Computer Science", "M.Sc. Statistics", "Master's degree").
/// Short forms that are also other words ("MS Excel", "BA" the business analyst, "Scrum Master") count only next to a
/// degree cue: periods (M.S.), "in"/"of"/"degree" after them, or another degree before or after ("BS/MS").
/// </summary>
public static partial class EducationDetector
{
    /// <summary>Every degree mention, in text order.</summary>
    public static IReadOnlyList<DegreeMention> Find(string text, bool educationContext = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<DegreeMention>();
        foreach (Match m in Degree().Matches(text))
        {
            var level = LevelOf(m, text, educationContext);
            if (level is not null)
            {
                found.Add(new DegreeMention(level, m.Value.Trim(), m.Index));
            }
        }

        return found;
    }

    /// <summary>The highest degree named, or null.</summary>
    public static DegreeMention? Highest(string text, bool educationContext = false) =>
        Find(text, educationContext).OrderByDescending(d => EducationLevels.Rank(d.Level)).ThenBy(d => d.Index).Cast<DegreeMention?>().FirstOrDefault();

    /// <summary>The lowest degree named: what a posting that lists several ("BS, MS or PhD") asks at least.</summary>
    public static DegreeMention? Lowest(string text) =>
        Find(text).OrderBy(d => EducationLevels.Rank(d.Level)).ThenBy(d => d.Index).Cast<DegreeMention?>().FirstOrDefault();

    /// <summary>True when the text accepts experience instead of the degree ("or equivalent experience").</summary>
    public static bool AcceptsEquivalentExperience(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Equivalent().IsMatch(text);
    }

    private static string? LevelOf(Match m, string text, bool educationContext)
    {
        var raw = m.Groups["d"].Value;
        var key = raw.Replace(".", "", StringComparison.Ordinal).Replace("’", "'", StringComparison.Ordinal).ToUpperInvariant();
        var dotted = raw.Contains('.', StringComparison.Ordinal);
        var after = text.AsSpan(m.Index + m.Length);
        var before = text.AsSpan(0, m.Index);
        switch (key)
        {
            case "PHD" or "DPHIL" or "DOCTORATE" or "DOCTORAL DEGREE" or "DOCTOR OF" or "DOCTORAL":
                return EducationLevels.Doctorate;
            case "MBA" or "MSC" or "MENG" or "MTECH" or "MPHIL" or "MRES" or "MPH" or "MSTAT" or "MASTER'S" or "MASTERS" or "MASTERS'" or "MASTER OF" or "MASTER DEGREE" or "MASTER IN":
                return EducationLevels.Master;
            case "BSC" or "BENG" or "BTECH" or "BBA" or "BACHELOR'S" or "BACHELORS" or "BACHELOR" or "BACHELOR OF" or "UNDERGRADUATE DEGREE" or "FOUR-YEAR DEGREE" or "4-YEAR DEGREE" or "COLLEGE DEGREE":
                return EducationLevels.Bachelor;
            case "ASSOCIATE'S DEGREE" or "ASSOCIATE DEGREE" or "ASSOCIATES DEGREE" or "ASSOCIATE OF":
                return EducationLevels.Associate;
            case "HIGH SCHOOL" or "GED" or "SECONDARY SCHOOL":
                return EducationLevels.Secondary;
            case "MS" or "MA" or "BS" or "BA":
                // Upper case only ("ms" and "ba" are words), and only with a cue: "MS Excel" is not a degree.
                if (!raw.Replace(".", "", StringComparison.Ordinal).All(char.IsUpper))
                {
                    return null;
                }

                if (dotted || ShortFormCue().IsMatch(after) || DegreeBefore().IsMatch(before) || (educationContext && CapitalAfter().IsMatch(after)))
                {
                    return key[0] == 'M' ? EducationLevels.Master : EducationLevels.Bachelor;
                }

                return null;
            default:
                return null;
        }
    }

    [GeneratedRegex(@"(?<![\w.])(?<d>Ph\.?\s?D\.?|D\.?Phil\.?|doctorate|doctoral degree|doctoral|doctor of|M\.?B\.?A\.?|M\.?Sc\.?|M\.?Eng\.?|M\.?Tech\.?|M\.?Phil\.?|M\.?Res\.?|M\.?P\.?H\.?|M\.?Stat\.?|master(?:'s|’s|s'|s)|master of|master degree|master in|B\.?Sc\.?|B\.?Eng\.?|B\.?Tech\.?|BBA|bachelor(?:'s|’s|s)?(?: of)?|undergraduate degree|four-year degree|4-year degree|college degree|associate(?:'s|s)? degree|associate of|high school|GED|secondary school|M\.S\.?|M\.A\.?|B\.S\.?|B\.A\.?|MS|MA|BS|BA)(?![\w])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Degree();

    [GeneratedRegex(@"^\s*(?:in\b|of\b|degree|\(|(?:/|,|or\b|and\b|&)\s*(?:B\.?S|M\.?S|Ph\.?D|BA\b|MA\b|bachelor|master|doctor))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortFormCue();

    [GeneratedRegex(@"(?:\b(?:B\.?S\.?c?|M\.?S\.?c?|Ph\.?D\.?|BA|MA|bachelor'?s?|master'?s?)\s*(?:/|,|or|and)\s*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DegreeBefore();

    [GeneratedRegex(@"^,?\s+[A-Z]", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalAfter();

    [GeneratedRegex(@"\b(?:or|and/or)\s+(?:an?\s+)?(?:equivalent|comparable|relevant|related)\s+(?:\w+\s+){0,3}?(?:experience|work experience)|equivalent (?:combination of )?(?:education and )?(?:work |practical |professional )?experience", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Equivalent();
}
