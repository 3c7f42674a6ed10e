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
/// <param name="Gain">
/// The points the change actually adds: the resume is scored again with the change made (a skill added to its skills
/// section and one bullet, a bullet given a number, one more year shown ...) and the difference taken.
/// </param>
public sealed record Improvement(int Rank, string Kind, string Text, double Gain, string? Skill)
{
    /// <summary>The posting's sentence the skill is asked in, for skill suggestions.</summary>
    public string? Sentence { get; init; }

    /// <summary>Other skills that satisfy the same requirement ("BigQuery or PySpark"): adding any one earns the gain.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];
}

/// <summary>A skill the posting asks for and whether the resume shows it.</summary>
/// <param name="Status">found, implied (a more specific skill is named) or missing.</param>
/// <param name="MarketShare">Share of postings of the posting's role naming the skill, when enough postings are stored.</param>
/// <remarks>Status "alternative": the posting accepts another skill instead ("BigQuery or PySpark") and the resume shows that one.</remarks>
public sealed record SkillMatch(string Skill, string Name, string Type, string Strength, string Status, string? ImpliedBy, double? MarketShare)
{
    /// <summary>The posting's sentence the skill is asked in.</summary>
    public string? Sentence { get; init; }

    /// <summary>Names of the skills the posting accepts instead of this one.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    /// <summary>For status "alternative": the skill of the resume that satisfies the requirement.</summary>
    public string? SatisfiedBy { get; init; }

    /// <summary>A broad term (<see cref="GenericSkills"/>): covered in full by any skill below it, never suggested alone.</summary>
    public bool Generic { get; init; }
}

public sealed record ScoredPosting(long? RecordId, string Title, string? Company, string Role, string Seniority, int? YearsRequired, string? EducationAsked, bool HasText);

public sealed record ScoredResume(
    string Format, int Words, double? YearsOfExperience, string? YearsBasis, string? EducationLevel, IReadOnlyList<string> Titles,
    int Bullets, int BulletsWithResults, IReadOnlyList<string> Warnings);

/// <summary>
/// The postings market shares were computed over: postings of the role with a full description, each counted once, as
/// `report skills` counts them; <see cref="LeftOut"/> names the postings of the role that are not counted, with why.
/// </summary>
public sealed record MarketBasis(string Label, long Postings, bool Quoted)
{
    public IReadOnlyList<Analytics.LeftOutRow> LeftOut { get; init; } = [];
}

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
        var now = Evaluate(resume, posting, taxonomy, market);
        var breakdown = now.Factors.Select(f => f.Applies
                ? new ScoreFactor(f.Id, f.Label, Round(f.Weight * now.Scale), Round(f.Weight * now.Scale * f.Fraction), true, f.Detail)
                : new ScoreFactor(f.Id, f.Label, 0, 0, false, "the posting does not ask for this"))
            .ToList();

        var notes = new List<string>();
        var improvements = new List<(string Kind, string Text, double Gain, string? Skill, string? Sentence, IReadOnlyList<string> Alternatives)>();
        SkillImprovements(improvements, resume, posting, taxonomy, market, now);
        OtherImprovements(improvements, notes, resume, posting, taxonomy, market, now);

        if (!posting.HasText)
        {
            notes.Insert(0, "the posting has no description: only its title is compared (skills, years and degree are unknown)");
        }
        else if (posting.Skills.Count == 0)
        {
            notes.Insert(0, "the posting names no skill of the taxonomy");
        }
        else if (posting.FromSections)
        {
            notes.Insert(0, "skills are read from the posting's requirements, preferred and responsibilities sections (not its introduction, company, benefits or legal text)");
        }

        // Said as `report skills` says it: the shares' denominator is full descriptions, each posting once.
        var leftOut = market.LeftOut.Count == 0 ? ""
            : "; left out: " + string.Join("; ", market.LeftOut.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Postings:N0} {l.Reason}")));
        if (!market.Quotable)
        {
            notes.Add(market.Postings == 0 && leftOut.Length == 0
                ? "no stored postings to compare with: market shares are not shown (ingest postings to see them)"
                : string.Create(CultureInfo.InvariantCulture,
                    $"only {market.Postings:N0} {market.Label} with a full description are stored (fewer than {RoleDemand.MinPostings}): market shares are not shown{leftOut}"));
        }
        else if (leftOut.Length > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"market shares are of {market.Postings:N0} {market.Label} with a full description (each posting once){leftOut}"));
        }

        var matches = now.Matches;
        return new ResumeScore
        {
            Score = (int)Math.Round(now.Total, MidpointRounding.AwayFromZero),
            Breakdown = breakdown,
            // Equal gains: the skill more postings of the role ask for first.
            Improvements = [.. improvements
                .OrderByDescending(i => Math.Round(i.Gain, 6))
                .ThenBy(i => Array.IndexOf(KindOrder, i.Kind))
                .ThenByDescending(i => i.Skill is { } id && matches.Find(m => m.Skill == id)?.MarketShare is { } share ? share : -1)
                .ThenBy(i => i.Text, StringComparer.Ordinal)
                .Select((i, rank) => new Improvement(rank + 1, i.Kind, i.Text, Round(i.Gain), i.Skill) { Sentence = i.Sentence, Alternatives = i.Alternatives })],
            Skills = matches,
            Posting = new ScoredPosting(posting.RecordId, posting.Title, posting.Company, posting.Role, posting.Seniority, posting.YearsRequired, posting.EducationAsked, posting.HasText),
            Resume = new ScoredResume(resume.Format, resume.Words, resume.YearsOfExperience, resume.YearsBasis, resume.EducationLevel,
                [.. resume.Positions.Select(p => p.Title)], resume.Bullets.Count, now.WithResults, resume.Warnings),
            Market = new MarketBasis(market.Label, market.Postings, market.Quotable) { LeftOut = market.LeftOut },
            Notes = notes,
        };
    }

    /// <summary>The total score only (0-100, unrounded): what <see cref="Score"/> gives before rounding.</summary>
    public static double Total(Resume resume, PostingProfile posting, SkillTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(resume);
        ArgumentNullException.ThrowIfNull(posting);
        ArgumentNullException.ThrowIfNull(taxonomy);
        return Evaluate(resume, posting, taxonomy, RoleDemand.Empty(posting.Role)).Total;
    }

    private sealed record FactorRow(string Id, string Label, double Weight, bool Applies, double Fraction, string Detail);

    /// <summary>One requirement: a skill alone, or an alternatives group any member of which satisfies it.</summary>
    private sealed record Unit(string Factor, List<SkillMatch> Members, double Credit);

    private sealed record Evaluation(List<SkillMatch> Matches, List<Unit> Units, List<FactorRow> Factors, double Scale, double Total, int WithResults)
    {
        public double Weight(string factor) => Factors.Single(f => f.Id == factor) is { Applies: true } f ? f.Weight * Scale : 0;

        public double Fraction(string factor) => Factors.Single(f => f.Id == factor).Fraction;
    }

    private static Evaluation Evaluate(Resume resume, PostingProfile posting, SkillTaxonomy taxonomy, RoleDemand market)
    {
        var coverage = new SkillCoverage(resume.Skills.Select(s => s.Id), taxonomy);
        var names = posting.Skills.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        var matches = posting.Skills
            .Select(s =>
            {
                var by = coverage.ImpliedBy(s.Id);
                var status = coverage.Has(s.Id) ? "found" : by is not null ? "implied" : "missing";
                double? share = market.Quotable && market.Of(s.Id) is { } row ? row.Share : null;
                return new SkillMatch(s.Id, s.Name, s.Type, s.Strength, status, by is null ? null : taxonomy.Find(by)?.Name ?? by, share)
                {
                    Sentence = s.Sentence,
                    Alternatives = [.. s.Alternatives.Select(a => names.GetValueOrDefault(a) ?? a)],
                    Generic = s.Generic,
                };
            })
            .ToList();

        // Requirements: each skill alone, or its alternatives group; a group earns its best member's credit.
        var groups = posting.Skills.Select((s, i) => (Skill: s, Match: matches[i]))
            .GroupBy(x => (Factor: FactorOf(x.Match), Group: x.Skill.Group == 0 ? "#" + x.Skill.Id : x.Skill.Group.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        var units = new List<Unit>(groups.Count);
        foreach (var g in groups)
        {
            var members = g.Select(x => x.Match).ToList();
            var best = members.OrderByDescending(CreditOf).First();
            units.Add(new Unit(g.Key.Factor, members, CreditOf(best)));
            if (members.Count > 1)
            {
                for (var k = 0; k < members.Count; k++)
                {
                    var m = members[k];
                    if (m != best && CreditOf(m) < CreditOf(best))
                    {
                        var replaced = m with { Status = "alternative", SatisfiedBy = best.Status == "found" ? best.Name : best.ImpliedBy };
                        matches[matches.IndexOf(m)] = replaced;
                    }
                }
            }
        }

        var withResults = resume.Bullets.Count(MeasurableResults.HasResult);
        var factors = new List<FactorRow>
        {
            SkillFactor("required_skills", "Required skills", RequiredSkillsWeight, units, "required"),
            SkillFactor("preferred_skills", "Preferred skills", PreferredSkillsWeight, units, "preferred"),
            new("title", "Job title", TitleWeight, true, TitleFit(resume, posting, out var titleDetail), titleDetail),
            new("experience", "Years of experience", ExperienceWeight, posting.YearsRequired is not null, ExperienceFit(resume, posting), ExperienceDetail(resume, posting)),
            new("education", "Education", EducationWeight, posting.EducationAsked is not null, EducationFit(resume, posting), EducationDetail(resume, posting)),
            SkillFactor("certifications", "Certifications", CertificationsWeight, units, "named"),
            SkillFactor("soft_skills", "Soft skills", SoftSkillsWeight, units, "named"),
            new("measurable_results", "Measurable results", MeasurableResultsWeight, true,
                resume.Bullets.Count == 0 ? 0 : Math.Min(1, (double)withResults / resume.Bullets.Count / MeasurableTarget),
                string.Create(CultureInfo.InvariantCulture, $"{withResults} of {resume.Bullets.Count} bullets state a number, percentage, amount or scale (full points at {MeasurableTarget:P0})")),
        };

        var scale = 100 / factors.Where(f => f.Applies).Sum(f => f.Weight);
        var total = factors.Where(f => f.Applies).Sum(f => f.Weight * scale * f.Fraction);
        return new Evaluation(matches, units, factors, scale, total, withResults);
    }

    private static string FactorOf(SkillMatch m) => m.Type switch
    {
        SkillTypes.Certification => "certifications",
        SkillTypes.Soft => "soft_skills",
        _ => m.Strength == SkillStrengths.Required ? "required_skills" : "preferred_skills",
    };

    /// <summary>Found 1; implied by a more specific skill 0.5 (1 for a generic term, which any skill below it covers); else 0.</summary>
    private static double CreditOf(SkillMatch m) => m.Status switch
    {
        "found" => 1,
        "implied" => m.Generic ? 1 : ImpliedCredit,
        _ => 0,
    };

    private static FactorRow SkillFactor(string factor, string label, double weight, List<Unit> all, string how)
    {
        var units = all.Where(u => u.Factor == factor).ToList();
        if (units.Count == 0)
        {
            return new FactorRow(factor, label, weight, false, 0, "none " + how);
        }

        var found = units.Count(u => u.Credit == 1);
        var partial = units.Count(u => u.Credit is > 0 and < 1);
        var missing = units.Where(u => u.Credit == 0).Select(u => string.Join(" or ", u.Members.Select(m => m.Name))).ToList();
        var text = string.Create(CultureInfo.InvariantCulture, $"{found} of {units.Count} {how} found");
        if (partial > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {partial} implied by a more specific skill");
        }

        return new FactorRow(factor, label, weight, true, units.Sum(u => u.Credit) / units.Count, missing.Count == 0 ? text : text + "; missing: " + string.Join(", ", missing));
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

    private static void SkillImprovements(
        List<(string, string, double, string?, string?, IReadOnlyList<string>)> into, Resume resume, PostingProfile posting, SkillTaxonomy taxonomy,
        RoleDemand market, Evaluation now)
    {
        foreach (var unit in now.Units.Where(u => u.Credit < 1))
        {
            // A generic term ("Programming", "Machine learning") is never advice on its own: a specific skill covers it.
            var specific = unit.Members.Where(m => !m.Generic).ToList();
            if (specific.Count == 0)
            {
                continue;
            }

            var (kind, how) = unit.Factor switch
            {
                "required_skills" => ("required_skill", "required in this posting"),
                "preferred_skills" => ("preferred_skill", "preferred in this posting"),
                "certifications" => ("certification", "named in this posting"),
                _ => ("soft_skill", "named in this posting"),
            };
            var implied = specific.FirstOrDefault(m => m.Status == "implied");
            var pick = implied ?? specific.OrderByDescending(m => m.MarketShare ?? -1).First();
            var others = implied is null ? specific.Where(m => m != pick).Select(m => m.Name).ToList() : [];
            var share = pick.MarketShare is { } ms ? string.Create(CultureInfo.InvariantCulture, $" and in {ms * 100:0}% of {market.Label}") : "";
            var names = others.Count == 0 ? pick.Name
                : others.Count == 1 ? $"{pick.Name} or {others[0]} (either satisfies it)"
                : $"one of {pick.Name}, {string.Join(", ", others.Take(others.Count - 1))} or {others[^1]} (any one satisfies it)";
            var text = implied is not null
                ? $"Name {pick.Name} explicitly: {how}{share}; the resume only implies it through {pick.ImpliedBy}"
                : kind switch
                {
                    "certification" => $"Add {names} if you hold it: {how}{share}",
                    "soft_skill" => $"Show {names} in a bullet (what you did, with whom): {how}{share}",
                    _ => $"Add {names}: {how}{share}",
                };
            var edited = WithSkill(resume, taxonomy, pick.Skill, bullet: kind != "certification");
            var gain = Evaluate(edited, posting, taxonomy, market).Total - now.Total;
            into.Add((kind, text, gain, pick.Skill, pick.Sentence, others));
        }
    }

    /// <summary>
    /// The resume with a skill added as a person would add it: in the skills section and, except for a certification, in
    /// one new bullet that names it (without a number: a result in it earns what "measurable results" says on top).
    /// </summary>
    internal static Resume WithSkill(Resume resume, SkillTaxonomy taxonomy, string skillId, bool bullet)
    {
        var skill = taxonomy.Find(skillId);
        var name = skill?.Name ?? skillId;
        var type = skill?.Type ?? SkillTypes.Hard;
        return resume with
        {
            Skills = [.. resume.Skills.Where(s => s.Id != skillId), new ResumeSkill(skillId, name, skill?.Category ?? "unknown", type, bullet ? 2 : 1, bullet)],
            Bullets = bullet ? [.. resume.Bullets, $"Used {name} in the work of this position"] : resume.Bullets,
            Certifications = type == SkillTypes.Certification && !resume.Certifications.Contains(skillId) ? [.. resume.Certifications, skillId] : resume.Certifications,
        };
    }

    private static void OtherImprovements(
        List<(string, string, double, string?, string?, IReadOnlyList<string>)> into, List<string> notes, Resume resume, PostingProfile posting,
        SkillTaxonomy taxonomy, RoleDemand market, Evaluation now)
    {
        double Gain(Resume edited) => Evaluate(edited, posting, taxonomy, market).Total - now.Total;

        if (now.Weight("experience") * (1 - now.Fraction("experience")) > 0)
        {
            if (resume.YearsOfExperience is { } years)
            {
                var gain = Gain(resume with { YearsOfExperience = Math.Min(posting.YearsRequired!.Value, years + 1) });
                into.Add(("experience", string.Create(CultureInfo.InvariantCulture,
                    $"The posting asks for {posting.YearsRequired}+ years; the resume shows {years:0.#}: if you have more relevant experience, list it with dates (the gain shown is for one more year)"), gain, null, null, []));
            }
            else
            {
                // What dates would show is unknown: the gain is that of one year, the least a dated position adds.
                var gain = Gain(resume with { YearsOfExperience = 1, YearsBasis = "dated positions" });
                into.Add(("experience",
                    $"Add start and end dates to each position (e.g. 'Jan 2020 - Present'): the posting asks for {posting.YearsRequired}+ years and the resume's experience cannot be counted (the gain shown is for one year; each further year counts)",
                    gain, null, null, []));
            }
        }

        if (now.Weight("title") * (1 - now.Fraction("title")) > 0)
        {
            // Titles are read from the positions held: a headline or summary does not change this factor, so it is no edit to suggest.
            notes.Add(resume.Positions.Count == 0
                ? "no job title was found: write each position's title on the line of its dates"
                : $"no title you held matches '{posting.Title}' ({RoleNames.Of(posting.Role)}); the title factor reads the positions' titles, so only a title you held changes it");
        }

        if (now.Weight("education") * (1 - now.Fraction("education")) > 0)
        {
            if (resume.EducationLevel is null)
            {
                into.Add(("education", $"Add your education: the posting asks for at least {Article(posting.EducationAsked!)} (the gain assumes you hold it)",
                    Gain(resume with { EducationLevel = posting.EducationAsked }), null, null, []));
            }
            else
            {
                notes.Add($"the posting asks for at least {Article(posting.EducationAsked!)}; the resume shows {Article(resume.EducationLevel)}");
            }
        }

        if (now.Weight("measurable_results") == 0)
        {
            return;
        }

        var bullets = resume.Bullets;
        if (bullets.Count == 0)
        {
            // One bullet with a result: what writing the first bullet earns.
            into.Add(("measurable_result", "Write each position's work as bullet points that state results (a number, %, amount or scale)",
                Gain(resume with { Bullets = ["Cut the weekly report's preparation time by 40%"] }), null, null, []));
            return;
        }

        var current = resume;
        var previous = now.Total;
        var suggested = 0;
        for (var i = 0; i < bullets.Count && suggested < MaxBulletSuggestions; i++)
        {
            if (MeasurableResults.HasResult(bullets[i]))
            {
                continue;
            }

            var fixedBullets = current.Bullets.ToList();
            fixedBullets[i] = bullets[i] + " (cutting the time it took by 20%)";
            var next = current with { Bullets = fixedBullets };
            var total = Evaluate(next, posting, taxonomy, market).Total;
            if (total <= previous + 1e-9)
            {
                break;
            }

            into.Add(("measurable_result", string.Create(CultureInfo.InvariantCulture,
                $"Bullet {i + 1} has no measurable result: \"{Shorten(bullets[i])}\": add a number (%, $, time saved, scale)"), total - previous, null, null, []));
            (current, previous) = (next, total);
            suggested++;
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77].TrimEnd() + "...";

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
