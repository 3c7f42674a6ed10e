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

    /// <summary>Count snippets and summaries in the shares (by default only full texts count, as in `report skills`).</summary>
    public bool IncludeSnippets { get; init; }

    /// <summary>The effort table (the shipped one, or with a user's file merged over it); null: the shipped table.</summary>
    public EffortTable? Effort { get; init; }

    /// <summary>A preset path to compare the roadmap with (<see cref="RoadmapPresets"/>), or null.</summary>
    public RoadmapPreset? Preset { get; init; }
}

/// <summary>Why a roadmap skill comes after another: the rule and its evidence.</summary>
/// <param name="Rule">"taxonomy" (it builds on the other), "language" (a library after the language it is used from),
/// "math" (an ML method after the math behind it) or "co-occurrence" (postings that ask for it usually ask for the other).</param>
public sealed record RoadmapEdge(string Skill, string Name, string Rule, string Evidence);

/// <summary>A premium considered for a phase's pay effect and whether it may be applied (docs/salary.md).</summary>
public sealed record PhasePremium(string Skill, string Name, double? Premium, double? Low, double? High, bool Applied, string Reason);

/// <summary>
/// What a phase's skills do to pay: the applied premiums combined (their product), or null with why not. A premium is
/// applied only when its 95% interval excludes zero; premiums are fitted on employer-stated posting pay (board estimates
/// and survey pay left out).
/// </summary>
public sealed record PhasePay(double? Premium, IReadOnlyList<PhasePremium> Premiums, string Text);

/// <summary>A missing skill with its market figures.</summary>
/// <param name="Share">Share of the basis postings that name it.</param>
/// <param name="RequiredShare">Of the postings that name it, the share that require it.</param>
/// <param name="Value">Ranking value: share x (1 + premium) where the premium is known, else the share.</param>
/// <param name="PrerequisiteOf">Set when the skill is suggested because a higher-ranked skill builds on it.</param>
public sealed record GapSkill(
    string Skill, string Name, string Category, string Type, long Postings, double Share, double Low, double High, double RequiredShare,
    SkillPremiumInfo? Premium, double Value, string? PrerequisiteOf, string Why)
{
    /// <summary>Weeks to learn it, from the effort table, with the row's source.</summary>
    public SkillEffort? Effort { get; init; }

    /// <summary>The roadmap skills it comes after, and why.</summary>
    public IReadOnlyList<RoadmapEdge> After { get; init; } = [];
}

/// <summary>One stage of the roadmap: skills whose prerequisites are met by the stages before, and what they add to pay.</summary>
/// <param name="SalaryAfter">The estimate with every skill up to this stage, when the salary model knows it.</param>
/// <param name="SalaryChange">USD per year added to the estimate of the stage before.</param>
public sealed record RoadmapStage(int Stage, IReadOnlyList<GapSkill> Skills, SalaryFigure? SalaryAfter, double? SalaryChange, string Salary)
{
    /// <summary>The sum of the effort table's weeks of its skills.</summary>
    public double Weeks { get; init; }

    /// <summary>What the phase's skills do to pay, where the premium rules allow a figure.</summary>
    public PhasePay? Pay { get; init; }
}

/// <summary>The effort table behind the weeks: its pace, the user's file if any, and every row the roadmap used.</summary>
public sealed record RoadmapEffort(int HoursPerWeek, string Table, string? Override, IReadOnlyList<EffortSourceRow> Sources);

/// <summary>A row of the effort table the roadmap used, with the skills that took it.</summary>
public sealed record EffortSourceRow(string Key, double Weeks, string Basis, string Source, string Origin, IReadOnlyList<string> Skills);

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

    /// <summary>Weeks of the whole roadmap (the sum of its stages' weeks).</summary>
    public double TotalWeeks { get; init; }

    /// <summary>Where the weeks come from.</summary>
    public RoadmapEffort? Effort { get; init; }

    /// <summary>Postings of the basis cell left out of the shares (snippets and summaries), by text kind.</summary>
    public IReadOnlyList<LeftOutRow> LeftOut { get; init; } = [];

    /// <summary>The preset path beside the roadmap, when one was asked for.</summary>
    public PresetComparison? Preset { get; init; }
}

/// <summary>
/// The skills a person lacks for a target role, ranked by market value, and a roadmap of phases (stages) in prerequisite
/// order with the weeks each takes (docs/resume-score.md, "Skill gap and roadmap").
/// </summary>
public static class SkillGap
{
    /// <summary>A co-occurrence ordering needs at least this many basis postings naming the later skill.</summary>
    public const int MinCoOccurrencePostings = 20;

    /// <summary>"Usually": the 95% Wilson lower bound of the share of the later skill's postings that name the earlier one exceeds this.</summary>
    public const double CoOccurrenceShare = 0.5;

    /// <summary>
    /// "After": the share of the later skill's postings naming the earlier one exceeds the share of the earlier skill's
    /// postings naming the later one by at least this much (the later skill's postings assume the earlier one more than
    /// the other way round); two skills asked together as often either way are peers, not steps.
    /// </summary>
    public const double CoOccurrenceAsymmetry = 0.2;

    public static SkillGapReport Compute(SkillStore store, SkillTaxonomy taxonomy, GapRequest request, ISalaryInsight? salary = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(request);
        salary ??= NoSalaryInsight.Instance;
        var effort = request.Effort ?? EffortTable.Shipped;

        var fallbacks = new List<string>();
        var market = Basis(store, taxonomy, request, fallbacks);
        var notes = new List<string>();
        if (market.Postings == 0)
        {
            notes.Add(request.IncludeSnippets || market.LeftOut.Count == 0
                ? $"no stored postings for {RoleNames.Of(request.TargetRole)} have text: ingest postings first (e.g. skillscope ingest FILE)"
                : $"no stored postings for {RoleNames.Of(request.TargetRole)} have a full text ({market.LeftOut.Sum(l => l.Postings):N0} are snippets or summaries): ingest full postings, or count them with --include-snippets");
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
                // An umbrella or field of study (machine learning, computer science) is covered by any skill below it:
                // it is not a step of its own, so it is not added as a prerequisite either.
                if (!coverage.Covers(parent) && !selected.ContainsKey(parent) && taxonomy.Find(parent) is not null && !umbrellas.Contains(parent))
                {
                    selected[parent] = Describe(taxonomy, market, parent, salary, g.Name);
                }
            }
        }

        var together = market.Postings == 0 ? [] : CoOccurrence(store, market.Filter, selected.Keys);
        var (stageOf, edges) = Stages([.. selected.Values], taxonomy, market, together);
        foreach (var id in selected.Keys.ToList())
        {
            selected[id] = selected[id] with { Effort = effort.For(taxonomy.Find(id)!), After = edges[id] };
        }

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
            stages.Add(new RoadmapStage(group.Key, skills, after, change, SalaryText(previous, after, change))
            {
                Weeks = skills.Sum(s => s.Effort!.Weeks),
                Pay = Pay(skills),
            });
            previous = after;
        }

        var roadmapSkills = stages.SelectMany(s => s.Skills).ToList();
        var report = new SkillGapReport
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
            TotalWeeks = stages.Sum(s => s.Weeks),
            Effort = new RoadmapEffort(EffortTable.HoursPerWeek, "data/taxonomy/" + EffortTable.ShippedName, effort.OverrideFile,
                [.. roadmapSkills.GroupBy(s => s.Effort!.Origin)
                    .Select(g => new EffortSourceRow(g.First().Effort!.Key, g.First().Effort!.Weeks, g.First().Effort!.Basis, g.First().Effort!.Source, g.Key,
                        [.. g.Select(s => s.Skill)]))
                    .OrderBy(r => r.Basis == "default" ? 1 : 0).ThenBy(r => r.Key, StringComparer.Ordinal)]),
            LeftOut = market.LeftOut,
        };
        return request.Preset is { } preset ? report with { Preset = Compare(preset, report, coverage, taxonomy, market, effort, request) } : report;
    }

    /// <summary>Skills at least this many others build on (machine learning, software engineering) are too broad to be a step.</summary>
    public const int UmbrellaDescendants = GenericSkills.UmbrellaDescendants;

    /// <summary>The most specific cell with enough postings: role x level x country, then without country, then without level.</summary>
    private static RoleDemand Basis(SkillStore store, SkillTaxonomy taxonomy, GapRequest request, List<string> fallbacks)
    {
        var market = RoleDemand.Compute(store, taxonomy, request.TargetRole, request.TargetSeniority, request.Country, includeSnippets: request.IncludeSnippets);
        if (!market.Quotable && request.Country is not null)
        {
            fallbacks.Add($"only {market.Postings} {market.Label}: using every country");
            market = RoleDemand.Compute(store, taxonomy, request.TargetRole, request.TargetSeniority, null, includeSnippets: request.IncludeSnippets);
        }

        if (!market.Quotable && request.TargetSeniority is not null)
        {
            fallbacks.Add($"only {market.Postings} {market.Label}: using every level");
            market = RoleDemand.Compute(store, taxonomy, request.TargetRole, null, null, includeSnippets: request.IncludeSnippets);
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

    /// <summary>
    /// A phase's pay effect: the product of the premiums that may be applied (95% interval excluding zero), else null
    /// with the reason of each premium considered.
    /// </summary>
    private static PhasePay Pay(IReadOnlyList<GapSkill> skills)
    {
        var lines = new List<PhasePremium>();
        foreach (var s in skills)
        {
            if (s.Premium is not { } p)
            {
                lines.Add(new PhasePremium(s.Skill, s.Name, null, null, null, false,
                    "no premium known: too few postings with employer-stated pay name it, or the fit could not separate it"));
                continue;
            }

            var decision = PremiumRules.Decide(p.Premium, p.Low, p.High);
            lines.Add(new PhasePremium(s.Skill, s.Name, p.Premium, p.Low, p.High, decision.Applied, decision.Reason));
        }

        var applied = lines.Where(l => l.Applied).ToList();
        if (applied.Count == 0)
        {
            var reasons = lines.Select(l => l.Premium is null ? $"{l.Name}: no premium known" : $"{l.Name}: {l.Reason}");
            return new PhasePay(null, lines, "pay effect: not shown (" + string.Join("; ", reasons) + ")");
        }

        var combined = applied.Aggregate(1.0, (f, l) => f * (1 + l.Premium!.Value)) - 1;
        var parts = applied.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"{l.Name} {l.Premium * 100:+0.#;-0.#;0}% (95% CI {l.Low * 100:+0.0;-0.0;0.0}% to {l.High * 100:+0.0;-0.0;0.0}%)"));
        var left = lines.Count - applied.Count;
        return new PhasePay(combined, lines, string.Create(CultureInfo.InvariantCulture,
            $"pay effect: {combined * 100:+0.#;-0.#;0}% on employer-stated posting pay from {string.Join(", ", parts)}{(left > 0 ? $"; {left} other premium{(left == 1 ? "" : "s")} not applied" : "")}"));
    }

    private static string SalaryText(SalaryFigure? before, SalaryFigure? after, double? change) =>
        after is null ? "adds to the salary estimate: not known (n too small)"
        : change is { } c && before is not null ? string.Create(CultureInfo.InvariantCulture,
            $"adds {c:+$#,0;-$#,0;$0} to the salary estimate (median ${before.MedianUsd:#,0} -> ${after.MedianUsd:#,0} per year, n = {after.N:N0})")
        : "salary estimate after this stage: " + Money(after);

    private static string Money(SalaryFigure figure) =>
        string.Create(CultureInfo.InvariantCulture, $"median ${figure.MedianUsd:#,0} per year (n = {figure.N:N0}; {figure.Basis})");

    /// <summary>How many basis postings name each pair of the roadmap's skills (key: the two ids in ordinal order).</summary>
    private static Dictionary<(string, string), long> CoOccurrence(SkillStore store, RecordFilter filter, IEnumerable<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var pairs = new Dictionary<(string, string), long>();
        var current = new List<string>();
        long record = -1;
        foreach (var (id, skill) in ReportQueries.RecordSkills(store, filter))
        {
            if (id != record)
            {
                Flush();
                record = id;
            }

            if (wanted.Contains(skill))
            {
                current.Add(skill);
            }
        }

        Flush();
        return pairs;

        void Flush()
        {
            current.Sort(StringComparer.Ordinal);
            for (var i = 0; i < current.Count; i++)
            {
                for (var j = i + 1; j < current.Count; j++)
                {
                    if (current[i] != current[j])
                    {
                        var key = (current[i], current[j]);
                        pairs[key] = pairs.GetValueOrDefault(key) + 1;
                    }
                }
            }

            current.Clear();
        }
    }

    /// <summary>
    /// Stage numbers and why: a skill comes after every suggested skill it builds on (its taxonomy ancestors), after any
    /// suggested programming language when it is a library or framework (used through one), after suggested math and
    /// statistics when it is an ML method, and after a more widely asked skill that the postings naming it usually name
    /// too (co-occurrence: at least <see cref="MinCoOccurrencePostings"/> of them, and the 95% lower bound of the share
    /// above <see cref="CoOccurrenceShare"/>). A co-occurrence edge that would close a cycle with the rules before it is
    /// left out. Each skill's stage is one more than the latest stage it comes after.
    /// </summary>
    private static (Dictionary<string, int> Stage, Dictionary<string, IReadOnlyList<RoadmapEdge>> Edges) Stages(
        List<GapSkill> skills, SkillTaxonomy taxonomy, RoleDemand market, Dictionary<(string, string), long> together)
    {
        var ids = skills.Select(s => s.Skill).ToHashSet(StringComparer.Ordinal);
        var byId = skills.ToDictionary(s => s.Skill, StringComparer.Ordinal);
        var languages = skills.Where(s => s.Category == SkillCategories.ProgrammingLanguage).Select(s => s.Skill).Order(StringComparer.Ordinal).ToList();
        var maths = skills.Where(s => s.Category == SkillCategories.MathStatistics).Select(s => s.Skill).Order(StringComparer.Ordinal).ToList();
        var before = ids.ToDictionary(id => id, _ => new List<RoadmapEdge>(), StringComparer.Ordinal);
        foreach (var s in skills.OrderBy(s => s.Skill, StringComparer.Ordinal))
        {
            var guard = 0;
            for (var parent = taxonomy.Find(s.Skill)?.Parent; parent is not null && guard++ < 32; parent = taxonomy.Find(parent)?.Parent)
            {
                if (ids.Contains(parent))
                {
                    Add(s.Skill, parent, "taxonomy", $"{s.Name} builds on {byId[parent].Name} (taxonomy)");
                }
            }

            if (s.Category == SkillCategories.LibraryFramework)
            {
                foreach (var language in languages)
                {
                    Add(s.Skill, language, "language", $"a library or framework comes after the language it is used from ({byId[language].Name})");
                }
            }

            if (s.Category == SkillCategories.MlMethod)
            {
                foreach (var math in maths)
                {
                    Add(s.Skill, math, "math", $"an ML method comes after the math behind it ({byId[math].Name})");
                }
            }
        }

        // Co-occurrence: strongest first, so that when two edges would close a cycle the better-supported one stays.
        var candidates = new List<(string Later, string Earlier, long Together, long Postings, double Low)>();
        foreach (var later in skills)
        {
            if (later.Postings < MinCoOccurrencePostings)
            {
                continue;
            }

            foreach (var earlier in skills)
            {
                if (earlier.Skill == later.Skill || earlier.Share <= later.Share)
                {
                    continue;
                }

                var key = string.CompareOrdinal(earlier.Skill, later.Skill) < 0 ? (earlier.Skill, later.Skill) : (later.Skill, earlier.Skill);
                var both = together.GetValueOrDefault(key);
                var (low, _) = Analytics.SkillDemand.Wilson(both, later.Postings);
                var forward = (double)both / later.Postings;
                var backward = earlier.Postings == 0 ? 0 : (double)both / earlier.Postings;
                if (low > CoOccurrenceShare && forward - backward >= CoOccurrenceAsymmetry)
                {
                    candidates.Add((later.Skill, earlier.Skill, both, later.Postings, low));
                }
            }
        }

        foreach (var c in candidates.OrderByDescending(c => c.Low).ThenBy(c => c.Later, StringComparer.Ordinal).ThenBy(c => c.Earlier, StringComparer.Ordinal))
        {
            if (before[c.Later].Any(e => e.Skill == c.Earlier) || Reaches(c.Earlier, c.Later))
            {
                continue;
            }

            Add(c.Later, c.Earlier, "co-occurrence", string.Create(CultureInfo.InvariantCulture,
                $"{(double)c.Together / c.Postings * 100:0}% of the {c.Postings:N0} {market.Label} naming {byId[c.Later].Name} also name {byId[c.Earlier].Name}; {(double)c.Together / byId[c.Earlier].Postings * 100:0}% of those naming {byId[c.Earlier].Name} name {byId[c.Later].Name}"));
        }

        var stage = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            Visit(id);
        }

        return (stage, before.ToDictionary(p => p.Key, p => (IReadOnlyList<RoadmapEdge>)p.Value, StringComparer.Ordinal));

        void Add(string later, string earlier, string rule, string evidence)
        {
            if (later != earlier && !before[later].Any(e => e.Skill == earlier))
            {
                before[later].Add(new RoadmapEdge(earlier, byId[earlier].Name, rule, evidence));
            }
        }

        // Whether `from` already comes (directly or through others) after `to`.
        bool Reaches(string from, string to)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>([from]);
            while (queue.Count > 0)
            {
                var at = queue.Dequeue();
                if (at == to)
                {
                    return true;
                }

                foreach (var e in before[at])
                {
                    if (seen.Add(e.Skill))
                    {
                        queue.Enqueue(e.Skill);
                    }
                }
            }

            return false;
        }

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
                level = Math.Max(level, Visit(dep.Skill) + 1);
            }

            visiting.Remove(id);
            stage[id] = level;
            return level;
        }
    }

    /// <summary>The preset beside the roadmap: each preset skill's status, what only one of them has, and the weeks of each.</summary>
    private static PresetComparison Compare(RoadmapPreset preset, SkillGapReport report, SkillCoverage coverage, SkillTaxonomy taxonomy,
        RoleDemand market, EffortTable effort, GapRequest request)
    {
        var roadmapPhase = report.Stages.SelectMany(s => s.Skills.Select(k => (k.Skill, s.Stage))).ToDictionary(p => p.Skill, p => p.Stage, StringComparer.Ordinal);
        var inPreset = preset.Phases.SelectMany(p => p.Skills).ToHashSet(StringComparer.Ordinal);
        var phases = new List<ComparedPhase>();
        var onlyInPreset = new List<ComparedSkill>();
        var both = new List<string>();
        var have = new List<string>();
        var presetWeeks = 0.0;
        var marketNote = preset.TargetRole == report.TargetRole ? "" : $" (the preset aims at {RoleNames.Of(preset.TargetRole)})";
        foreach (var phase in preset.Phases)
        {
            var skills = new List<ComparedSkill>();
            var weeks = 0.0;
            foreach (var id in phase.Skills)
            {
                var skill = taxonomy.Find(id)!;
                var row = market.Of(id);
                var share = row?.Share ?? 0;
                var demand = row is null
                    ? $"not named in the {market.Label}{marketNote}"
                    : string.Create(CultureInfo.InvariantCulture, $"named in {share * 100:0.#}% of {market.Label}{marketNote}");
                ComparedSkill compared;
                if (coverage.Covers(id))
                {
                    compared = new ComparedSkill(id, skill.Name, phase.Phase, null, "have",
                        share, row?.Postings ?? 0, coverage.ImpliedBy(id) is { } by ? $"you have it (implied by {taxonomy.Find(by)?.Name ?? by})" : "you have it");
                    have.Add(id);
                }
                else if (roadmapPhase.TryGetValue(id, out var at))
                {
                    compared = new ComparedSkill(id, skill.Name, phase.Phase, at, "both", share, row?.Postings ?? 0, $"in your roadmap, phase {at}; {demand}");
                    both.Add(id);
                    weeks += effort.For(skill).Weeks;
                }
                else
                {
                    var why = GenericSkills.IsGeneric(taxonomy, id) ? "too broad to be a step of its own"
                        : row is null || share < request.MinShare ? string.Create(CultureInfo.InvariantCulture, $"{demand}: below the {request.MinShare * 100:0.#}% the roadmap asks for")
                        : $"{demand}: not among the {request.Top} most valuable missing skills";
                    compared = new ComparedSkill(id, skill.Name, phase.Phase, null, "preset-only", share, row?.Postings ?? 0, why);
                    onlyInPreset.Add(compared);
                    weeks += effort.For(skill).Weeks;
                }

                skills.Add(compared);
            }

            presetWeeks += weeks;
            phases.Add(new ComparedPhase(phase.Phase, phase.Name, phase.Why, skills, weeks));
        }

        var onlyInRoadmap = report.Stages.SelectMany(s => s.Skills.Select(k => (Skill: k, s.Stage)))
            .Where(p => !inPreset.Contains(p.Skill.Skill))
            .Select(p => new ComparedSkill(p.Skill.Skill, p.Skill.Name, p.Stage, p.Stage, "roadmap-only", p.Skill.Share, p.Skill.Postings,
                p.Skill.PrerequisiteOf is { } of ? $"prerequisite of {of}"
                : string.Create(CultureInfo.InvariantCulture, $"named in {p.Skill.Share * 100:0.#}% of {market.Label}; the preset does not name it")))
            .ToList();
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"the article gives {preset.MonthsLow}-{preset.MonthsHigh} months for this path ({preset.MonthsLow * 4.3:0}-{preset.MonthsHigh * 4.3:0} weeks); the effort table gives {presetWeeks:0.#} weeks for the preset skills you lack and {report.TotalWeeks:0.#} for your roadmap, at {EffortTable.HoursPerWeek} hours a week"),
            "the preset's phases are SkillScope's reading of the article's text (its phase pictures are not text): see docs/domain.md, \"Roadmap presets\"",
        };
        if (preset.TargetRole != report.TargetRole)
        {
            notes.Add($"the preset aims at {RoleNames.Of(preset.TargetRole)}, your roadmap at {RoleNames.Of(report.TargetRole)}: shares are of the roadmap's postings");
        }

        return new PresetComparison
        {
            Preset = preset.Id, Name = preset.Name, Source = preset.Source, TargetRole = preset.TargetRole,
            MonthsLow = preset.MonthsLow, MonthsHigh = preset.MonthsHigh, Phases = phases,
            OnlyInPreset = onlyInPreset, OnlyInRoadmap = onlyInRoadmap, Both = both, AlreadyHave = have,
            PresetWeeks = presetWeeks, RoadmapWeeks = report.TotalWeeks, Notes = notes,
        };
    }
}
