using System.Globalization;
using SkillScope.Analytics;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Career;

public sealed record GapRequest
{
    /// <summary>Skill ids the person has.</summary>
    public required IReadOnlyList<string> Have { get; init; }
    public required string TargetRole { get; init; }
    public string? TargetSeniority { get; init; }
    public string? Country { get; init; }

    /// <summary>How many missing skills to rank (prerequisites they need are added on top).</summary>
    public int Top { get; init; } = 12;

    /// <summary>Skills named in fewer postings than this share are not suggested.</summary>
    public double MinShare { get; init; } = 0.02;
}

/// <summary>A missing skill with its market figures.</summary>
/// <param name="Share">Share of the basis postings that name it.</param>
/// <param name="RequiredShare">Of the postings that name it, the share that require it.</param>
/// <param name="Value">Ranking value: share x (1 + premium) where the premium is known, else the share.</param>
/// <param name="PrerequisiteOf">Set when the skill is suggested because a higher-ranked skill builds on it.</param>
public sealed record GapSkill(
    string Skill, string Name, string Category, string Type, long Postings, double Share, double Low, double High, double RequiredShare,
    SkillPremiumInfo? Premium, double Value, string? PrerequisiteOf, string Why);

/// <summary>One stage of the roadmap: skills whose prerequisites are met by the stages before, and what they add to pay.</summary>
/// <param name="SalaryAfter">The estimate with every skill up to this stage, when the salary model knows it.</param>
/// <param name="SalaryChange">USD per year added to the estimate of the stage before.</param>
public sealed record RoadmapStage(int Stage, IReadOnlyList<GapSkill> Skills, SalaryFigure? SalaryAfter, double? SalaryChange, string Salary);

public sealed record SkillGapReport
{
    public required string TargetRole { get; init; }
    public required string? TargetSeniority { get; init; }
    public required string? Country { get; init; }
    public required MarketBasis Basis { get; init; }

    /// <summary>How the basis was widened when the requested cell had too few postings.</summary>
    public required IReadOnlyList<string> Fallbacks { get; init; }

    /// <summary>Skill ids the person has (as given or found in the resume).</summary>
    public required IReadOnlyList<string> Have { get; init; }

    /// <summary>Share of the demand for the role's skills the person already covers (sum of shares covered / sum of all shares).</summary>
    public required double Coverage { get; init; }

    public required IReadOnlyList<GapSkill> Missing { get; init; }
    public required IReadOnlyList<RoadmapStage> Stages { get; init; }
    public required SalaryFigure? SalaryNow { get; init; }
    public required string Salary { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>
/// The skills a person lacks for a target role, ranked by market value, and a roadmap of stages in prerequisite order
/// (docs/resume-score.md, "Skill gap and roadmap").
/// </summary>
public static class SkillGap
{
    public static SkillGapReport Compute(SkillStore store, SkillTaxonomy taxonomy, GapRequest request, ISalaryInsight? salary = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(request);
        salary ??= NoSalaryInsight.Instance;

        var fallbacks = new List<string>();
        var market = Basis(store, taxonomy, request, fallbacks);
        var notes = new List<string>();
        if (market.Postings == 0)
        {
            notes.Add($"no stored postings for {RoleNames.Of(request.TargetRole)} have text: ingest postings first (e.g. skillscope ingest FILE)");
        }
        else if (!market.Quotable)
        {
            notes.Add($"only {market.Postings} {market.Label}: the shares are rough");
        }

        var coverage = new SkillCoverage(request.Have, taxonomy);
        var eligible = market.Skills.Values
            .Where(r => taxonomy.Find(r.Skill) is { } s && s.Type != SkillTypes.Soft
                && s.Category is not (SkillCategories.HumanLanguage or SkillCategories.SoftSkill))
            .ToList();
        var totalShare = eligible.Sum(r => r.Share);
        var coveredShare = eligible.Where(r => coverage.Covers(r.Skill)).Sum(r => r.Share);

        var umbrellas = GenericSkills.Of(taxonomy);
        var ranked = eligible
            .Where(r => r.Share >= request.MinShare && !coverage.Covers(r.Skill) && !umbrellas.Contains(r.Skill))
            .Select(r => Describe(taxonomy, market, r.Skill, salary, null))
            .OrderByDescending(g => g.Value).ThenByDescending(g => g.Share).ThenBy(g => g.Skill, StringComparer.Ordinal)
            .Take(request.Top)
            .ToList();

        var selected = new Dictionary<string, GapSkill>(StringComparer.Ordinal);
        foreach (var g in ranked)
        {
            selected[g.Skill] = g;
        }

        foreach (var g in ranked)
        {
            var guard = 0;
            for (var parent = taxonomy.Find(g.Skill)?.Parent; parent is not null && guard++ < 32; parent = taxonomy.Find(parent)?.Parent)
            {
                if (!coverage.Covers(parent) && !selected.ContainsKey(parent) && taxonomy.Find(parent) is not null)
                {
                    selected[parent] = Describe(taxonomy, market, parent, salary, g.Name);
                }
            }
        }

        var stageOf = Stages(selected.Values.ToList(), taxonomy);
        // Soft skills ("team player") describe a person, they are not pay evidence: the salary model is asked about the rest.
        var baseQuery = new SalaryQuery(request.TargetRole, request.TargetSeniority, request.Country,
            [.. request.Have.Where(id => !InterestPhrases.IsSoft(taxonomy, id))]);
        var now = salary.Estimate(baseQuery);
        var stages = new List<RoadmapStage>();
        var cumulative = new List<string>(baseQuery.Skills);
        var previous = now;
        foreach (var group in selected.Values.GroupBy(g => stageOf[g.Skill]).OrderBy(g => g.Key))
        {
            var skills = group.OrderByDescending(g => g.Value).ThenBy(g => g.Skill, StringComparer.Ordinal).ToList();
            cumulative.AddRange(skills.Select(s => s.Skill));
            var after = salary.Estimate(baseQuery with { Skills = [.. cumulative] });
            double? change = after is not null && previous is not null ? after.MedianUsd - previous.MedianUsd : null;
            stages.Add(new RoadmapStage(group.Key, skills, after, change, SalaryText(previous, after, change)));
            previous = after;
        }

        return new SkillGapReport
        {
            TargetRole = request.TargetRole,
            TargetSeniority = market.Seniority,
            Country = market.Country,
            Basis = new MarketBasis(market.Label, market.Postings, market.Quotable),
            Fallbacks = fallbacks,
            Have = [.. coverage.Direct.Order(StringComparer.Ordinal)],
            Coverage = totalShare == 0 ? 0 : coveredShare / totalShare,
            Missing = ranked,
            Stages = stages,
            SalaryNow = now,
            Salary = now is null ? "salary estimate: not known (n too small)" : Money(now),
            Notes = notes,
        };
    }

    /// <summary>Skills at least this many others build on (machine learning, software engineering) are too broad to be a step.</summary>
    public const int UmbrellaDescendants = GenericSkills.UmbrellaDescendants;

    /// <summary>The most specific cell with enough postings: role x level x country, then without country, then without level.</summary>
    private static RoleDemand Basis(SkillStore store, SkillTaxonomy taxonomy, GapRequest request, List<string> fallbacks)
    {
        var market = RoleDemand.Compute(store, taxonomy, request.TargetRole, request.TargetSeniority, request.Country);
        if (!market.Quotable && request.Country is not null)
        {
            fallbacks.Add($"only {market.Postings} {market.Label}: using every country");
            market = RoleDemand.Compute(store, taxonomy, request.TargetRole, request.TargetSeniority, null);
        }

        if (!market.Quotable && request.TargetSeniority is not null)
        {
            fallbacks.Add($"only {market.Postings} {market.Label}: using every level");
            market = RoleDemand.Compute(store, taxonomy, request.TargetRole, null, null);
        }

        return market;
    }

    private static GapSkill Describe(SkillTaxonomy taxonomy, RoleDemand market, string id, ISalaryInsight salary, string? prerequisiteOf)
    {
        var skill = taxonomy.Find(id)!;
        var row = market.Of(id);
        var premium = salary.Premium(id);
        var share = row?.Share ?? 0;
        // A premium counts in the ranking only when it is applied (its interval excludes zero: docs/salary.md).
        var value = premium is null || !PremiumRules.Decide(premium.Premium, premium.Low, premium.High).Applied ? share : share * (1 + premium.Premium);
        var demand = row is null
            ? $"not named in the {market.Label}"
            : string.Create(CultureInfo.InvariantCulture,
                $"named in {share * 100:0.#}% of {market.Label} (n = {market.Postings:N0}; 95% CI {row.Low * 100:0.#}-{row.High * 100:0.#}%), required in {row.RequiredShare * 100:0}% of those");
        var why = (prerequisiteOf is null ? "" : $"prerequisite of {prerequisiteOf}; ") + demand + "; " + PremiumText(premium);
        return new GapSkill(id, skill.Name, skill.Category, skill.Type, row?.Postings ?? 0, share, row?.Low ?? 0, row?.High ?? 0,
            row?.RequiredShare ?? 0, premium, value, prerequisiteOf, why);
    }

    internal static string PremiumText(SkillPremiumInfo? premium) => premium is null
        ? "salary premium: not known (n too small)"
        : string.Create(CultureInfo.InvariantCulture,
            $"salary premium: {premium.Premium * 100:+0;-0;0}% (95% CI {premium.Low * 100:+0;-0;0} to {premium.High * 100:+0;-0;0}%, n = {premium.NWith:N0} with, {premium.NWithout:N0} without; {PremiumRules.Decide(premium.Premium, premium.Low, premium.High).Reason})");

    private static string SalaryText(SalaryFigure? before, SalaryFigure? after, double? change) =>
        after is null ? "adds to the salary estimate: not known (n too small)"
        : change is { } c && before is not null ? string.Create(CultureInfo.InvariantCulture, $"adds {c:+$#,0;-$#,0;$0} to the salary estimate ({Money(before)} -> {Money(after)})")
        : "salary estimate after this stage: " + Money(after);

    private static string Money(SalaryFigure figure) =>
        string.Create(CultureInfo.InvariantCulture, $"median ${figure.MedianUsd:#,0} per year (n = {figure.N:N0}; {figure.Basis})");

    /// <summary>
    /// Stage numbers: a skill comes after every suggested skill it builds on (its taxonomy ancestors), after any suggested
    /// programming language when it is a library or framework (used through one), and after suggested math and
    /// statistics when it is an ML method.
    /// </summary>
    private static Dictionary<string, int> Stages(List<GapSkill> skills, SkillTaxonomy taxonomy)
    {
        var ids = skills.Select(s => s.Skill).ToHashSet(StringComparer.Ordinal);
        var languages = skills.Where(s => s.Category == SkillCategories.ProgrammingLanguage).Select(s => s.Skill).ToList();
        var maths = skills.Where(s => s.Category == SkillCategories.MathStatistics).Select(s => s.Skill).ToList();
        var before = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var s in skills)
        {
            var deps = new List<string>();
            var guard = 0;
            for (var parent = taxonomy.Find(s.Skill)?.Parent; parent is not null && guard++ < 32; parent = taxonomy.Find(parent)?.Parent)
            {
                if (ids.Contains(parent))
                {
                    deps.Add(parent);
                }
            }

            if (s.Category == SkillCategories.LibraryFramework)
            {
                deps.AddRange(languages);
            }

            if (s.Category == SkillCategories.MlMethod)
            {
                deps.AddRange(maths);
            }

            before[s.Skill] = deps;
        }

        var stage = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            Visit(id);
        }

        return stage;

        int Visit(string id)
        {
            if (stage.TryGetValue(id, out var known))
            {
                return known;
            }

            if (!visiting.Add(id))
            {
                return 0; // a cycle through the ordering rules: this edge is ignored
            }

            var level = 1;
            foreach (var dep in before[id])
            {
                if (dep != id)
                {
                    level = Math.Max(level, Visit(dep) + 1);
                }
            }

            visiting.Remove(id);
            stage[id] = level;
            return level;
        }
    }
}
