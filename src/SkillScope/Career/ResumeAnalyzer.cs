using System.Globalization;
using System.Text.RegularExpressions;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Skills;

namespace SkillScope.Career;

/// <summary>A resume's text as a reader produced it, with the structure the format states (JSON Resume) when it has one.</summary>
internal sealed record ResumeDocument(string Format, string Text)
{
    public StructuredResume? Structured { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>What a structured format (JSON Resume) states outright, so nothing has to be inferred from layout.</summary>
internal sealed record StructuredResume(
    IReadOnlyList<StructuredPosition> Work, IReadOnlyList<string> Bullets, IReadOnlyList<string> Education, string? Country, string? Summary);

internal sealed record StructuredPosition(string? Title, string? Organization, (int Year, int? Month)? Start, (int Year, int? Month)? End, bool Current);

/// <summary>
/// Reads a resume's content: sections by their headings, positions and their dates, total experience with overlapping
/// periods counted once, achievement bullets, education level, skills and certifications (the posting extractor).
/// </summary>
internal static partial class ResumeAnalyzer
{
    /// <summary>Fewer words than this is not a resume (a name and an e-mail address, a stray line).</summary>
    public const int MinWords = 25;

    /// <summary>Bullets shorter than this are tool lists or fragments, not statements of work.</summary>
    private const int MinBulletWords = 4;

    public static ResumeReadResult Analyze(ResumeDocument document, SkillExtractor extractor, DateOnly asOf)
    {
        var text = document.Text;
        var words = LanguageCheck.Words(text).Count;
        if (words == 0)
        {
            return ResumeReadResult.Fail("the resume has no text to read");
        }

        if (words < MinWords)
        {
            return ResumeReadResult.Fail($"the resume has only {words} words; that is too little to score (is it the whole resume?)");
        }

        if (LanguageCheck.NotEnglish(text) is { } language)
        {
            return ResumeReadResult.Fail($"the resume appears to be written in {language}; SkillScope reads English resumes only (its skill, title, date and degree rules are English), so it does not score this one");
        }

        var warnings = new List<string>(document.Warnings);
        var positions = new List<(ResumePosition Position, int Order)>();
        var ranges = new List<MonthRange>();
        IReadOnlyList<string> bullets;
        DegreeMention? degree;
        string? summary;
        if (document.Structured is { } structured)
        {
            ReadStructured(structured, asOf, positions, ranges, warnings);
            bullets = [.. structured.Bullets.Where(b => LanguageCheck.Words(b).Count >= MinBulletWords)];
            degree = EducationDetector.Highest(string.Join("\n", structured.Education), educationContext: true);
            summary = structured.Summary;
        }
        else
        {
            var lines = ResumeSections.Split(text);
            ReadPositions(lines, asOf, positions, ranges, warnings);
            bullets = Bullets(lines);
            var education = lines.Where(l => l.Section == SectionKind.Education && !l.IsHeading).Select(l => l.Content).ToList();
            degree = education.Count > 0
                ? EducationDetector.Highest(string.Join("\n", education), educationContext: true) ?? EducationDetector.Highest(text)
                : EducationDetector.Highest(text);
            var summaryLines = lines.Where(l => l.Section is SectionKind.Summary or SectionKind.None && !l.IsHeading).Select(l => l.Content);
            summary = string.Join("\n", summaryLines);
        }

        double? years = null;
        string? basis = null;
        if (ranges.Count > 0)
        {
            years = Math.Round(DateRanges.MergedMonths(ranges) / 12.0, 1);
            basis = "dated positions";
        }
        else if (ExperienceParser.YearsRequiredMin(summary) is { } stated && stated > 0)
        {
            years = stated;
            basis = "stated";
        }
        else
        {
            warnings.Add("no dated positions: total years of experience unknown (write dates as 'Jan 2020 - Present' or '2018 - 2021')");
        }

        if (bullets.Count == 0)
        {
            warnings.Add("no achievement bullets found in the experience or project sections");
        }

        var skills = Skills(text, bullets, extractor);
        return ResumeReadResult.Ok(new Resume
        {
            Format = document.Format,
            Text = text,
            Words = words,
            Skills = skills,
            Positions = [.. positions
                .OrderByDescending(p => p.Position.Current)
                .ThenByDescending(p => p.Position.End ?? DateOnly.MaxValue)
                .ThenByDescending(p => p.Position.Start ?? DateOnly.MinValue)
                .ThenBy(p => p.Order)
                .Select(p => p.Position)],
            YearsOfExperience = years,
            YearsBasis = basis,
            EducationLevel = degree?.Level,
            EducationEvidence = degree?.Evidence,
            Certifications = [.. skills.Where(s => s.Type == SkillTypes.Certification).Select(s => s.Id)],
            Bullets = bullets,
            Country = document.Structured?.Country,
            Warnings = warnings,
        });
    }

    private static List<ResumeSkill> Skills(string text, IReadOnlyList<string> bullets, SkillExtractor extractor)
    {
        var joined = string.Join("\n", bullets);
        var inBullets = new HashSet<string>(InterestPhrases.Credited(joined, extractor.Extract(joined), extractor.Taxonomy).Select(m => m.SkillId), StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        // "Interested in machine learning" claims no skill (docs/resume-score.md).
        foreach (var mention in InterestPhrases.Credited(text, extractor.Extract(text), extractor.Taxonomy))
        {
            if (counts.TryGetValue(mention.SkillId, out var n))
            {
                counts[mention.SkillId] = n + 1;
            }
            else
            {
                counts[mention.SkillId] = 1;
                order.Add(mention.SkillId);
            }
        }

        var taxonomy = extractor.Taxonomy;
        var named = order.Select(id =>
        {
            var skill = taxonomy.Find(id);
            return new ResumeSkill(id, skill?.Name ?? id, skill?.Category ?? "unknown", skill?.Type ?? SkillTypes.Hard, counts[id], inBullets.Contains(id));
        }).ToList();
        // What the bullets show was done ("Deployed models ...") counts as the skill it implies, with the bullet as evidence.
        foreach (var (id, bullet) in BulletEvidence.Find(bullets, taxonomy))
        {
            if (!counts.ContainsKey(id) && taxonomy.Find(id) is { } skill)
            {
                named.Add(new ResumeSkill(id, skill.Name, skill.Category, skill.Type, 1, InBullets: true) { Evidence = bullet });
            }
        }

        return named;
    }

    private static void ReadStructured(StructuredResume structured, DateOnly asOf, List<(ResumePosition, int)> positions, List<MonthRange> ranges, List<string> warnings)
    {
        var now = MonthRange.MonthNumber(asOf.Year, asOf.Month);
        var order = 0;
        foreach (var work in structured.Work)
        {
            DateOnly? start = null, end = null;
            if (work.Start is { } s)
            {
                var from = MonthRange.MonthNumber(s.Year, s.Month ?? 1);
                var to = work.Current ? now + 1
                    : work.End is { } e ? (e.Month is { } m ? MonthRange.MonthNumber(e.Year, m) + 1 : MonthRange.MonthNumber(e.Year, 1))
                    : from;
                to = Math.Min(to, now + 1);
                var label = work.Title ?? work.Organization ?? "a position";
                if (from > now)
                {
                    warnings.Add($"{label}: starts after {asOf:yyyy-MM-dd}; not counted");
                }
                else if (to < from)
                {
                    warnings.Add($"{label}: ends before it starts; not counted");
                }
                else
                {
                    ranges.Add(new MonthRange(from, Math.Max(to, from + 1), work.Current, 0, 0));
                    start = MonthRange.ToDate(from);
                    end = work.Current ? null : MonthRange.ToDate(Math.Max(to, from + 1) - 1);
                }
            }

            if (!string.IsNullOrWhiteSpace(work.Title))
            {
                var title = work.Title.Trim();
                positions.Add((new ResumePosition(title, work.Organization, start, end, work.Current && start is not null,
                    RoleClassifier.Classify(title), SeniorityClassifier.FromTitle(title) ?? Seniorities.Unknown), order++));
            }
        }
    }

    private static void ReadPositions(List<ResumeLine> lines, DateOnly asOf, List<(ResumePosition, int)> positions, List<MonthRange> ranges, List<string> warnings)
    {
        var hasExperience = lines.Any(l => l.IsHeading && l.Section == SectionKind.Experience);
        var order = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsHeading || (hasExperience ? line.Section != SectionKind.Experience : line.Section != SectionKind.None))
            {
                continue;
            }

            var problems = new List<string>();
            var found = DateRanges.Find(line.Text, asOf, problems);
            warnings.AddRange(problems.Select(p => $"line {line.Number.ToString(CultureInfo.InvariantCulture)}: {p}"));
            if (found.Count == 0 || (!hasExperience && EducationDetector.Find(line.Text).Count > 0))
            {
                continue;
            }

            foreach (var range in found)
            {
                ranges.Add(range);
                var rest = line.Text[..range.TextStart] + " | " + line.Text[range.TextEnd..];
                var (title, organization) = TitleNear(lines, i, rest);
                if (title is not null)
                {
                    var start = MonthRange.ToDate(range.Start);
                    DateOnly? end = range.Current ? null : MonthRange.ToDate(range.End - 1);
                    positions.Add((new ResumePosition(title, organization, start, end, range.Current,
                        RoleClassifier.Classify(title), SeniorityClassifier.FromTitle(title) ?? Seniorities.Unknown), order++));
                }
            }
        }
    }

    /// <summary>The job title written with a date range: on its line, else on the line above or below that carries no dates.</summary>
    private static (string? Title, string? Organization) TitleNear(List<ResumeLine> lines, int index, string sameLine)
    {
        var candidates = new List<List<string>> { Segments(sameLine) };
        if (Neighbour(lines, index, -1) is { } above)
        {
            candidates.Add(Segments(above));
        }

        if (Neighbour(lines, index, +1) is { } below)
        {
            candidates.Add(Segments(below));
        }

        foreach (var segments in candidates)
        {
            var at = segments.FindIndex(LooksLikeTitle);
            if (at >= 0)
            {
                var organization = segments.Where((s, k) => k != at && s.Any(char.IsLetter)).FirstOrDefault();
                return (segments[at], organization);
            }
        }

        return (null, null);
    }

    private static string? Neighbour(List<ResumeLine> lines, int index, int step)
    {
        for (var j = index + step; j >= 0 && j < lines.Count && Math.Abs(j - index) <= 2; j += step)
        {
            var l = lines[j];
            if (l.IsHeading || l.IsBullet)
            {
                return null;
            }

            if (l.Content.Length == 0)
            {
                continue;
            }

            return DateToken().IsMatch(l.Text) ? null : l.Content;
        }

        return null;
    }

    private static List<string> Segments(string text) =>
        [.. SegmentSeparator().Split(Markup().Replace(text, " "))
            .Select(s => s.Trim().Trim('.', ',', ';', ':', '-', '–', '—', '|', '(', ')').Trim())
            .Where(s => s.Length > 0)];

    private static bool LooksLikeTitle(string segment) =>
        segment.Length is >= 2 and <= 80 && segment.Any(char.IsLetter)
        && (RoleClassifier.Classify(segment) != Roles.Other || TitleNoun().IsMatch(segment));

    private static List<string> Bullets(List<ResumeLine> lines)
    {
        var anyHeading = lines.Any(l => l.IsHeading);
        var bullets = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var inScope = line.Section is SectionKind.Experience or SectionKind.Projects || (!anyHeading && line.Section == SectionKind.None);
            if (!line.IsBullet || !inScope)
            {
                continue;
            }

            var text = line.Content;
            // PDF text wraps long bullets: a following line that starts in lower case continues this one.
            while (i + 1 < lines.Count && !lines[i + 1].IsBullet && !lines[i + 1].IsHeading
                && lines[i + 1].Content.Length > 0 && char.IsLower(lines[i + 1].Content[0]))
            {
                text += " " + lines[++i].Content;
            }

            text = Markup().Replace(text, "").Trim();
            if (LanguageCheck.Words(text).Count >= MinBulletWords)
            {
                bullets.Add(text);
            }
        }

        return bullets;
    }

    [GeneratedRegex(@"\s+[|·•—–]\s+|\s+-\s+|\t+|,\s+|\s+@\s+|\s+at\s+|\(|\)|\s{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentSeparator();

    [GeneratedRegex(@"\*\*|__|`|^#+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex DateToken();

    [GeneratedRegex(@"\b(?:engineer|scientist|analyst|developer|manager|intern|researcher|consultant|architect|lead|director|specialist|administrator|programmer|assistant|associate|officer|head of|fellow|technician|designer|statistician|economist|professor|lecturer|teacher|founder|co-founder|cto|ceo|vp|president|coordinator|advisor|strategist|postdoc|student)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleNoun();
}
