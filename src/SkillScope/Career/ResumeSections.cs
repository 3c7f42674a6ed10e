namespace SkillScope.Career;

/// <summary>The sections resumes are divided into, recognised by their headings.</summary>
internal enum SectionKind
{
    /// <summary>Before the first heading (name, contact line, headline), or a resume without headings.</summary>
    None,
    Summary,
    Experience,
    Projects,
    Education,
    Skills,
    Certifications,
    Other,
}

/// <summary>One line of a resume with the section it belongs to.</summary>
internal readonly record struct ResumeLine(int Number, string Text, SectionKind Section, bool IsHeading, bool IsBullet, string Content);

internal static class ResumeSections
{
    private static readonly Dictionary<string, SectionKind> Headings = new(StringComparer.Ordinal)
    {
        ["summary"] = SectionKind.Summary, ["profile"] = SectionKind.Summary, ["professional summary"] = SectionKind.Summary,
        ["about"] = SectionKind.Summary, ["about me"] = SectionKind.Summary, ["objective"] = SectionKind.Summary,
        ["career objective"] = SectionKind.Summary, ["professional profile"] = SectionKind.Summary, ["overview"] = SectionKind.Summary,
        ["career summary"] = SectionKind.Summary, ["executive summary"] = SectionKind.Summary,
        ["experience"] = SectionKind.Experience, ["work experience"] = SectionKind.Experience, ["professional experience"] = SectionKind.Experience,
        ["employment"] = SectionKind.Experience, ["employment history"] = SectionKind.Experience, ["work history"] = SectionKind.Experience,
        ["career history"] = SectionKind.Experience, ["relevant experience"] = SectionKind.Experience, ["industry experience"] = SectionKind.Experience,
        ["experience and employment"] = SectionKind.Experience, ["professional history"] = SectionKind.Experience, ["positions"] = SectionKind.Experience,
        ["research experience"] = SectionKind.Experience, ["internships"] = SectionKind.Experience, ["work"] = SectionKind.Experience,
        ["projects"] = SectionKind.Projects, ["selected projects"] = SectionKind.Projects, ["personal projects"] = SectionKind.Projects,
        ["side projects"] = SectionKind.Projects, ["key projects"] = SectionKind.Projects, ["academic projects"] = SectionKind.Projects,
        ["open source"] = SectionKind.Projects, ["portfolio"] = SectionKind.Projects,
        ["education"] = SectionKind.Education, ["education and training"] = SectionKind.Education, ["academic background"] = SectionKind.Education,
        ["academic qualifications"] = SectionKind.Education, ["degrees"] = SectionKind.Education, ["educational background"] = SectionKind.Education,
        ["skills"] = SectionKind.Skills, ["technical skills"] = SectionKind.Skills, ["core skills"] = SectionKind.Skills,
        ["competencies"] = SectionKind.Skills, ["core competencies"] = SectionKind.Skills, ["tools"] = SectionKind.Skills,
        ["technologies"] = SectionKind.Skills, ["skills and tools"] = SectionKind.Skills, ["tech stack"] = SectionKind.Skills,
        ["key skills"] = SectionKind.Skills, ["skills and technologies"] = SectionKind.Skills, ["technical expertise"] = SectionKind.Skills,
        ["expertise"] = SectionKind.Skills, ["skills and expertise"] = SectionKind.Skills, ["toolkit"] = SectionKind.Skills,
        ["certifications"] = SectionKind.Certifications, ["certificates"] = SectionKind.Certifications,
        ["licenses and certifications"] = SectionKind.Certifications, ["certifications and training"] = SectionKind.Certifications,
        ["certification"] = SectionKind.Certifications, ["licenses"] = SectionKind.Certifications, ["courses and certifications"] = SectionKind.Certifications,
        ["publications"] = SectionKind.Other, ["awards"] = SectionKind.Other, ["honors"] = SectionKind.Other, ["honors and awards"] = SectionKind.Other,
        ["languages"] = SectionKind.Other, ["interests"] = SectionKind.Other, ["hobbies"] = SectionKind.Other, ["volunteering"] = SectionKind.Other,
        ["volunteer experience"] = SectionKind.Other, ["references"] = SectionKind.Other, ["activities"] = SectionKind.Other,
        ["leadership"] = SectionKind.Other, ["talks"] = SectionKind.Other, ["patents"] = SectionKind.Other, ["contact"] = SectionKind.Other,
    };

    // Markdown and typographic bullets; U+F0B7 is Word's Symbol-font bullet as PDF text extraction returns it.
    private static readonly string[] BulletMarkers =
    [
        "- ", "* ", "+ ", "\u2022 ", "\u25CF ", "\u25CB ", "\u25E6 ", "\u25AA ", "\u25A0 ", "\u25BA ", "\u25B6 ", "\u2713 ", "\u27A2 ",
        "\u2013 ", "\u2014 ", "\u00B7 ", "\uF0B7 ", "\u2022", "\u25AA", "\u25CF", "\uF0B7",
    ];

    /// <summary>Splits the text into lines, each with its section, and marks headings and bullets.</summary>
    public static List<ResumeLine> Split(string text)
    {
        var lines = new List<ResumeLine>();
        var section = SectionKind.None;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r', ' ', '\t', '\f');
            if (HeadingKind(line) is { } kind)
            {
                section = kind;
                lines.Add(new ResumeLine(number, line, section, true, false, line.Trim()));
                continue;
            }

            var content = BulletContent(line);
            lines.Add(new ResumeLine(number, line, section, false, content is not null, (content ?? line).Trim()));
        }

        return lines;
    }

    /// <summary>The section a heading line opens, or null when the line is not a heading.</summary>
    public static SectionKind? HeadingKind(string line)
    {
        var t = line.Trim().TrimStart('#').Trim().Trim('*', '_', '=').Trim().TrimEnd(':').Trim();
        if (t.Length is 0 or > 40)
        {
            return null;
        }

        var key = string.Join(' ', t.ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal)
            .Split([' ', '\t', '/'], StringSplitOptions.RemoveEmptyEntries));
        return Headings.TryGetValue(key, out var kind) ? kind : null;
    }

    /// <summary>The text after a bullet marker ("- ", "• ", "1. ", "2) "), or null when the line is no bullet.</summary>
    public static string? BulletContent(string line)
    {
        var t = line.TrimStart();
        foreach (var marker in BulletMarkers)
        {
            if (marker.Length > 0 && t.StartsWith(marker, StringComparison.Ordinal) && t.Length > marker.Length)
            {
                return t[marker.Length..];
            }
        }

        var digits = 0;
        while (digits < t.Length && digits < 2 && char.IsAsciiDigit(t[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 1 < t.Length && t[digits] is '.' or ')' && t[digits + 1] == ' ' ? t[(digits + 2)..] : null;
    }
}
