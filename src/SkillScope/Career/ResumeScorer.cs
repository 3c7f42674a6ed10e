using System.Globalization;
using SkillScope.Model;
using SkillScope.Skills;

namespace SkillScope.Career;

/// <summary>One factor of the score: its weight after factors the posting does not ask about are left out, and the points earned.</summary>
/// <param name="Factor">Stable id: required_skills, preferred_skills, title, experience, education, certifications, soft_skills, measurable_results.</param>
/// <param name="Applies">False when the posting asks nothing this factor measures (weight 0; the others are scaled to 100).</param>
public sealed record ScoreFactor(string Factor, string Label, double Weight, double Points, bool Applies, string Detail);

/// <summary>A change to the resume, with the points it would add.</summary>
/// <param name="Kind">required_skill, preferred_skill, experience, title, education, certification, soft_skill, measurable_result.</param>
public sealed record Improvement(int Rank, string Kind, string Text, double Gain, string? Skill);

/// <summary>A skill the posting asks for and whether the resume shows it.</summary>
/// <param name="Status">found, implied (a more specific skill is named) or missing.</param>
/// <param name="MarketShare">Share of postings of the posting's role naming the skill, when enough postings are stored.</param>
public sealed record SkillMatch(string Skill, string Name, string Type, string Strength, string Status, string? ImpliedBy, double? MarketShare);

public sealed record ScoredPosting(long? RecordId, string Title, string? Company, string Role, string Seniority, int? YearsRequired, string? EducationAsked, bool HasText);

public sealed record ScoredResume(
    string Format, int Words, double? YearsOfExperience, string? YearsBasis, string? EducationLevel, IReadOnlyList<string> Titles,
    int Bullets, int BulletsWithResults, IReadOnlyList<string> Warnings);

/// <summary>The postings market shares were computed over.</summary>
public sealed record MarketBasis(string Label, long Postings, bool Quoted);

/// <summary>A resume's score against one posting: 0-100, the breakdown, and what to change, most valuable first.</summary>
public sealed record ResumeScore
{
    public required int Score { get; init; }
    public required IReadOnlyList<ScoreFactor> Breakdown { get; init; }
    public required IReadOnlyList<Improvement> Improvements { get; init; }
    public required IReadOnlyList<SkillMatch> Skills { get; init; }
    public required ScoredPosting Posting { get; init; }
    public required ScoredResume Resume { get; init; }
    public required MarketBasis Market { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>
/// Scores a resume against a posting. Deterministic: the same resume, posting and store give the same score. Weights and
/// their reasoning: docs/resume-score.md.
/// </summary>
public static class ResumeScorer
{
    public const double RequiredSkillsWeight = 40;
    public const double PreferredSkillsWeight = 10;
    public const double TitleWeight = 10;
    public const double ExperienceWeight = 15;
    public const double EducationWeight = 7;
    public const double CertificationsWeight = 3;
    public const double SoftSkillsWeight = 5;
    public const double MeasurableResultsWeight = 10;

    /// <summary>A skill named only through a more specific one earns this share of its credit (screeners look for the word).</summary>
    public const double ImpliedCredit = 0.5;

    /// <summary>Full points for measurable results once this share of bullets states one.</summary>
    public const double MeasurableTarget = 0.5;

    /// <summary>At most this many "bullet N has no measurable result" suggestions.</summary>
    private const int MaxBulletSuggestions = 5;

    private static readonly string[] KindOrder =
        ["required_skill", "experience", "title", "measurable_result", "education", "preferred_skill", "certification", "soft_skill"];

    /// <summary>True when the bullet states a measurable result: a number, percentage, amount, multiple or scale.</summary>
    public static bool HasMeasurableResult(string bullet) => MeasurableResults.HasResult(bullet);

    public static ResumeScore Score(Resume resume, PostingProfile posting, SkillTaxonomy taxonomy, RoleDemand? market = null)
    {
        ArgumentNullException.ThrowIfNull(resume);
        ArgumentNullException.ThrowIfNull(posting);
        ArgumentNullException.ThrowIfNull(taxonomy);
        market ??= RoleDemand.Empty(posting.Role);
        var coverage = new SkillCoverage(resume.Skills.Select(s => s.Id), taxonomy);
        var matches = posting.Skills
            .Select(s =>
            {
                var by = coverage.ImpliedBy(s.Id);
                var status = coverage.Has(s.Id) ? "found" : by is not null ? "implied" : "missing";
                double? share = market.Quotable && market.Of(s.Id) is { } row ? row.Share : null;
                return new SkillMatch(s.Id, s.Name, s.Type, s.Strength, status, by is null ? null : taxonomy.Find(by)?.Name ?? by, share);
            })
            .ToList();

        var hard = matches.Where(m => m.Type == SkillTypes.Hard).ToList();
        var required = hard.Where(m => m.Strength == SkillStrengths.Required).ToList();
        var preferred = hard.Where(m => m.Strength == SkillStrengths.Preferred).ToList();
        var certifications = matches.Where(m => m.Type == SkillTypes.Certification).ToList();
        var soft = matches.Where(m => m.Type == SkillTypes.Soft).ToList();
        var withResults = resume.Bullets.Count(MeasurableResults.HasResult);

        var raw = new List<(string Factor, string Label, double Weight, bool Applies, double Fraction, string Detail)>
        {
            ("required_skills", "Required skills", RequiredSkillsWeight, required.Count > 0, Credit(required), SkillDetail(required, "required")),
            ("preferred_skills", "Preferred skills", PreferredSkillsWeight, preferred.Count > 0, Credit(preferred), SkillDetail(preferred, "preferred")),
            ("title", "Job title", TitleWeight, true, TitleFit(resume, posting, out var titleDetail), titleDetail),
            ("experience", "Years of experience", ExperienceWeight, posting.YearsRequired is not null, ExperienceFit(resume, posting), ExperienceDetail(resume, posting)),
            ("education", "Education", EducationWeight, posting.EducationAsked is not null, EducationFit(resume, posting), EducationDetail(resume, posting)),
            ("certifications", "Certifications", CertificationsWeight, certifications.Count > 0, Credit(certifications), SkillDetail(certifications, "named")),
            ("soft_skills", "Soft skills", SoftSkillsWeight, soft.Count > 0, Credit(soft), SkillDetail(soft, "named")),
            ("measurable_results", "Measurable results", MeasurableResultsWeight, true,
                resume.Bullets.Count == 0 ? 0 : Math.Min(1, (double)withResults / resume.Bullets.Count / MeasurableTarget),
                string.Create(CultureInfo.InvariantCulture, $"{withResults} of {resume.Bullets.Count} bullets state a number, percentage, amount or scale (full points at {MeasurableTarget:P0})")),
        };

        var scale = 100 / raw.Where(f => f.Applies).Sum(f => f.Weight);
        var breakdown = raw.Select(f => f.Applies
                ? new ScoreFactor(f.Factor, f.Label, Round(f.Weight * scale), Round(f.Weight * scale * f.Fraction), true, f.Detail)
                : new ScoreFactor(f.Factor, f.Label, 0, 0, false, "the posting does not ask for this"))
            .ToList();
        var total = raw.Where(f => f.Applies).Sum(f => f.Weight * scale * f.Fraction);
        var weights = raw.ToDictionary(f => f.Factor, f => f.Applies ? f.Weight * scale : 0, StringComparer.Ordinal);

        var improvements = new List<(string Kind, string Text, double Gain, string? Skill)>();
        SkillImprovements(improvements, required, weights["required_skills"], "required_skill", "required", market);
        SkillImprovements(improvements, preferred, weights["preferred_skills"], "preferred_skill", "preferred", market);
        SkillImprovements(improvements, certifications, weights["certifications"], "certification", "named", market);
        SkillImprovements(improvements, soft, weights["soft_skills"], "soft_skill", "named", market);
        OtherImprovements(improvements, resume, posting, weights, raw.ToDictionary(f => f.Factor, f => f.Fraction, StringComparer.Ordinal), withResults);

        var notes = new List<string>();
        if (!posting.HasText)
        {
            notes.Add("the posting has no description: only its title is compared (skills, years and degree are unknown)");
        }
        else if (posting.Skills.Count == 0)
        {
            notes.Add("the posting names no skill of the taxonomy");
        }

        if (!market.Quotable)
        {
            notes.Add(market.Postings == 0
                ? "no stored postings to compare with: market shares are not shown (ingest postings to see them)"
                : $"only {market.Postings} {market.Label} are stored (fewer than {RoleDemand.MinPostings}): market shares are not shown");
        }

        return new ResumeScore
        {
            Score = (int)Math.Round(total, MidpointRounding.AwayFromZero),
            Breakdown = breakdown,
            // Equal gains: the skill more postings of the role ask for first.
            Improvements = [.. improvements
                .OrderByDescending(i => Math.Round(i.Gain, 6))
                .ThenBy(i => Array.IndexOf(KindOrder, i.Kind))
                .ThenByDescending(i => i.Skill is { } id && matches.Find(m => m.Skill == id)?.MarketShare is { } share ? share : -1)
                .ThenBy(i => i.Text, StringComparer.Ordinal)
                .Select((i, rank) => new Improvement(rank + 1, i.Kind, i.Text, Round(i.Gain), i.Skill))],
            Skills = matches,
            Posting = new ScoredPosting(posting.RecordId, posting.Title, posting.Company, posting.Role, posting.Seniority, posting.YearsRequired, posting.EducationAsked, posting.HasText),
            Resume = new ScoredResume(resume.Format, resume.Words, resume.YearsOfExperience, resume.YearsBasis, resume.EducationLevel,
                [.. resume.Positions.Select(p => p.Title)], resume.Bullets.Count, withResults, resume.Warnings),
            Market = new MarketBasis(market.Label, market.Postings, market.Quotable),
            Notes = notes,
        };
    }

    private static double Credit(List<SkillMatch> skills) =>
        skills.Count == 0 ? 0 : skills.Sum(s => s.Status == "found" ? 1 : s.Status == "implied" ? ImpliedCredit : 0) / skills.Count;

    private static string SkillDetail(List<SkillMatch> skills, string how)
    {
        if (skills.Count == 0)
        {
            return "none " + how;
        }

        var found = skills.Count(s => s.Status == "found");
        var implied = skills.Count(s => s.Status == "implied");
        var missing = skills.Where(s => s.Status == "missing").Select(s => s.Name).ToList();
        var text = string.Create(CultureInfo.InvariantCulture, $"{found} of {skills.Count} {how} found");
        if (implied > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {implied} implied by a more specific skill");
        }

        return missing.Count == 0 ? text : text + "; missing: " + string.Join(", ", missing);
    }

    /// <summary>Best of the resume's titles: same title words 1, same role 0.8, related role 0.4; an earlier position counts 80%.</summary>
    internal static double TitleFit(Resume resume, PostingProfile posting, out string detail)
    {
        if (resume.Positions.Count == 0)
        {
            detail = "no job titles found in the resume";
            return 0;
        }

        var (best, bestTitle) = BestTitle(resume.Positions, posting.Title, posting.Role);
        detail = bestTitle is null
            ? $"no title matches '{posting.Title}' ({RoleNames.Of(posting.Role)}); most recent: '{resume.Positions[0].Title}'"
            : $"'{bestTitle}' against '{posting.Title}'";
        return best;
    }

    /// <summary>The resume title (of the positions given, most recent first) that best fits a posting's title, and how well.</summary>
    internal static (double Fit, string? Title) BestTitle(IEnumerable<ResumePosition> positions, string postingTitle, string postingRole)
    {
        var target = TitleWords(postingTitle);
        double best = 0;
        string? bestTitle = null;
        var i = 0;
        foreach (var position in positions)
        {
            var words = TitleWords(position.Title);
            var jaccard = target.Count == 0 || words.Count == 0 ? 0 : (double)target.Intersect(words).Count() / target.Union(words).Count();
            var similarity = jaccard >= 0.6 ? 1.0
                : postingRole != Roles.Other && position.Role == postingRole ? 0.8
                : postingRole != Roles.Other && RoleNames.Related(position.Role, postingRole) ? 0.4
                : 0;
            var value = similarity * (i++ == 0 ? 1 : 0.8);
            if (value > best)
            {
                (best, bestTitle) = (value, position.Title);
            }
        }

        return (best, bestTitle);
    }

    private static HashSet<string> TitleWords(string title) =>
        new(Store.PostingIndex.Tokens(title).Where(t => !LevelWords.Contains(t)), StringComparer.Ordinal);

    private static readonly HashSet<string> LevelWords = new(StringComparer.Ordinal)
    {
        "senior", "sr", "junior", "jr", "lead", "principal", "staff", "intern", "internship", "i", "ii", "iii", "iv", "associate",
        "entry", "level", "mid", "head", "of", "the", "and", "a", "an", "chief", "manager", "director", "vp", "remote", "hybrid", "contract",
    };

    private static double ExperienceFit(Resume resume, PostingProfile posting) =>
        posting.YearsRequired is not { } asked ? 0
        : resume.YearsOfExperience is not { } years ? 0
        : asked == 0 ? 1
        : Math.Min(1, years / asked);

    private static string ExperienceDetail(Resume resume, PostingProfile posting) =>
        posting.YearsRequired is not { } asked ? "the posting states no years"
        : resume.YearsOfExperience is not { } years ? $"the posting asks for {asked}+ years; the resume's experience is unknown (no dated positions)"
        : string.Create(CultureInfo.InvariantCulture, $"the posting asks for {asked}+ years; the resume shows {years:0.#} ({resume.YearsBasis})");

    private static double EducationFit(Resume resume, PostingProfile posting)
    {
        if (posting.EducationAsked is not { } asked || resume.EducationLevel is not { } have)
        {
            return 0;
        }

        var gap = EducationLevels.Rank(asked) - EducationLevels.Rank(have);
        return gap <= 0 ? 1
            : gap == 1 ? (posting.EquivalentExperienceAccepted ? 0.75 : 0.5)
            : posting.EquivalentExperienceAccepted ? 0.5 : 0;
    }

    private static string EducationDetail(Resume resume, PostingProfile posting) =>
        posting.EducationAsked is not { } asked ? "the posting names no degree"
        : $"the posting asks for at least {Article(asked)}{(posting.EquivalentExperienceAccepted ? " (or equivalent experience)" : "")}; the resume shows {(resume.EducationLevel is { } l ? Article(l) : "no degree")}";

    private static string Article(string level) => level switch
    {
        EducationLevels.Secondary => "a high-school diploma",
        EducationLevels.Associate => "an associate degree",
        EducationLevels.Bachelor => "a bachelor's degree",
        EducationLevels.Master => "a master's degree",
        _ => "a doctorate",
    };

    private static void SkillImprovements(List<(string, string, double, string?)> into, List<SkillMatch> skills, double weight, string kind, string how, RoleDemand market)
    {
        if (skills.Count == 0 || weight == 0)
        {
            return;
        }

        var per = weight / skills.Count;
        foreach (var s in skills.Where(s => s.Status != "found"))
        {
            var where = how == "named" ? "named in this posting" : $"{how} in this posting";
            var share = s.MarketShare is { } m ? string.Create(CultureInfo.InvariantCulture, $" and in {m * 100:0}% of {market.Label}") : "";
            var text = s.Status == "implied"
                ? $"Name {s.Name} explicitly: {where}{share}; the resume only implies it through {s.ImpliedBy}"
                : kind switch
                {
                    "certification" => $"Add {s.Name} if you hold it: {where}{share}",
                    "soft_skill" => $"Show {s.Name} in a bullet (what you did, with whom): {where}{share}",
                    _ => $"Add {s.Name}: {where}{share}",
                };
            into.Add((kind, text, per * (s.Status == "implied" ? 1 - ImpliedCredit : 1), s.Skill));
        }
    }

    private static void OtherImprovements(
        List<(string, string, double, string?)> into, Resume resume, PostingProfile posting, Dictionary<string, double> weights,
        Dictionary<string, double> fractions, int withResults)
    {
        var experience = weights["experience"] * (1 - fractions["experience"]);
        if (experience > 0)
        {
            into.Add(("experience", resume.YearsOfExperience is { } years
                ? string.Create(CultureInfo.InvariantCulture, $"The posting asks for {posting.YearsRequired}+ years; the resume shows {years:0.#}: if you have more relevant experience, list it with dates")
                : $"Add start and end dates to each position (e.g. 'Jan 2020 - Present'): the posting asks for {posting.YearsRequired}+ years and the resume's experience cannot be counted", experience, null));
        }

        var title = weights["title"] * (1 - fractions["title"]);
        if (title > 0)
        {
            into.Add(("title", resume.Positions.Count == 0
                ? "Add a job title to each position: none was found"
                : $"Your titles do not match '{posting.Title}' ({RoleNames.Of(posting.Role)}): if your work fits, use the posting's title words in your headline or summary", title, null));
        }

        var education = weights["education"] * (1 - fractions["education"]);
        if (education > 0)
        {
            into.Add(("education", resume.EducationLevel is null
                ? $"Add your education: the posting asks for at least {Article(posting.EducationAsked!)}"
                : $"The posting asks for at least {Article(posting.EducationAsked!)}; the resume shows {Article(resume.EducationLevel)}", education, null));
        }

        var measurable = weights["measurable_results"];
        if (measurable == 0)
        {
            return;
        }

        var bullets = resume.Bullets;
        if (bullets.Count == 0)
        {
            into.Add(("measurable_result", "Write each position's work as bullet points that state results (a number, %, amount or scale)", measurable, null));
            return;
        }

        var have = withResults;
        var suggested = 0;
        for (var i = 0; i < bullets.Count && suggested < MaxBulletSuggestions; i++)
        {
            if (MeasurableResults.HasResult(bullets[i]))
            {
                continue;
            }

            var before = Math.Min(1, (double)have / bullets.Count / MeasurableTarget);
            var after = Math.Min(1, (double)(have + 1) / bullets.Count / MeasurableTarget);
            if (after <= before)
            {
                break;
            }

            have++;
            suggested++;
            into.Add(("measurable_result", string.Create(CultureInfo.InvariantCulture,
                $"Bullet {i + 1} has no measurable result: \"{Shorten(bullets[i])}\": add a number (%, $, time saved, scale)"), measurable * (after - before), null));
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77].TrimEnd() + "...";

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
