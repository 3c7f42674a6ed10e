using SkillScope.Analytics;
using SkillScope.Model;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Career;

/// <summary>Display names of the role ids.</summary>
public static class RoleNames
{
    public static string Of(string role) => role switch
    {
        Roles.MlEngineer => "ML Engineer",
        Roles.DataScientist => "Data Scientist",
        Roles.MlopsEngineer => "MLOps Engineer",
        Roles.ResearchScientist => "Research Scientist",
        Roles.AiEngineer => "AI Engineer",
        Roles.DataEngineer => "Data Engineer",
        Roles.DataAnalyst => "Data Analyst",
        Roles.AiProductManager => "AI Product Manager",
        Roles.AiGovernance => "AI Governance",
        _ => "other",
    };

    /// <summary>Roles whose work overlaps enough that a title of one is partly relevant to the other.</summary>
    public static bool Related(string a, string b) =>
        Pairs.Contains((a, b)) || Pairs.Contains((b, a));

    private static readonly HashSet<(string, string)> Pairs =
    [
        (Roles.MlEngineer, Roles.AiEngineer), (Roles.MlEngineer, Roles.MlopsEngineer), (Roles.MlEngineer, Roles.DataScientist),
        (Roles.MlEngineer, Roles.ResearchScientist), (Roles.DataScientist, Roles.DataAnalyst), (Roles.DataScientist, Roles.ResearchScientist),
        (Roles.MlopsEngineer, Roles.DataEngineer), (Roles.DataEngineer, Roles.DataAnalyst), (Roles.AiEngineer, Roles.ResearchScientist),
    ];
}

/// <summary>
/// How often stored postings of a role (and optionally a level and a country) name each skill: the "in 34% of ML Engineer
/// postings" figures. The share is of postings with a full description (each posting once), as in <see cref="SkillDemand"/>, which computes it.
/// </summary>
public sealed record RoleDemand(string Role, string? Seniority, string? Country, long Postings, IReadOnlyDictionary<string, SkillDemandRow> Skills)
{
    /// <summary>Below this many postings a share is too rough to quote.</summary>
    public const int MinPostings = 30;

    public static RoleDemand Empty(string role) => new(role, null, null, 0, new Dictionary<string, SkillDemandRow>(StringComparer.Ordinal));

    /// <summary>True when there are enough postings to quote shares.</summary>
    public bool Quotable => Postings >= MinPostings;

    /// <summary>"ML Engineer postings", "senior ML Engineer postings in US", or "stored postings" for the other role.</summary>
    public string Label
    {
        get
        {
            var who = Role == Roles.Other ? "stored" : RoleNames.Of(Role);
            var level = Seniority is null ? "" : Seniority + " ";
            var place = Country is null ? "" : " in " + Country;
            return $"{level}{who} postings{place}";
        }
    }

    public SkillDemandRow? Of(string skillId) => Skills.GetValueOrDefault(skillId);

    /// <summary>The postings the shares are of (kind, role, level, country and the text kinds counted).</summary>
    public RecordFilter Filter { get; init; } = RecordFilter.None;

    /// <summary>Postings of the cell left out of the shares, by text kind, with why (none when snippets are included).</summary>
    public IReadOnlyList<LeftOutRow> LeftOut { get; init; } = [];

    /// <summary>Shares among postings of the role ("other" means every posting), level and country given.</summary>
    /// <param name="includeSnippets">
    /// Count snippets and summaries too; by default the shares follow `report skills`: full texts only, each posting once,
    /// and <see cref="LeftOut"/> says what was left out.
    /// </param>
    public static RoleDemand Compute(SkillStore store, SkillTaxonomy taxonomy, string role, string? seniority = null, string? country = null,
        RecordFilter? within = null, bool includeSnippets = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var filter = (within ?? RecordFilter.None) with
        {
            Kinds = [RecordKinds.Posting],
            Roles = role == Roles.Other ? [] : [role],
            Seniorities = seniority is null ? [] : [seniority],
            Countries = country is null ? [] : [country],
        };
        // The resume score and `gap` count full texts only, as `report skills` does: see docs/resume-score.md.
        var report = SkillDemand.Compute(store, taxonomy, filter, int.MaxValue, options: new SkillDemandOptions { IncludeSnippets = includeSnippets });
        return new RoleDemand(role, seniority, country, report.Postings, report.Skills.ToDictionary(s => s.Skill, StringComparer.Ordinal))
        {
            Filter = filter with { TextKinds = SkillDemand.CountedKinds(includeSnippets) },
            LeftOut = report.LeftOut,
        };
    }
}

/// <summary>Which of a set of skills a person has: named outright, or implied by a more specific skill they name.</summary>
internal sealed class SkillCoverage
{
    private readonly HashSet<string> _direct;
    private readonly Dictionary<string, string> _impliedBy = new(StringComparer.Ordinal);

    /// <summary>
    /// A skill is implied by any skill below it in the taxonomy: the parent link means "learned first" (PyTorch implies
    /// deep learning), so naming the specific skill shows the broader one.
    /// </summary>
    public SkillCoverage(IEnumerable<string> have, SkillTaxonomy taxonomy)
    {
        _direct = new HashSet<string>(have, StringComparer.Ordinal);
        foreach (var id in _direct.Order(StringComparer.Ordinal))
        {
            var seen = 0;
            for (var parent = taxonomy.Find(id)?.Parent; parent is not null && seen++ < 32; parent = taxonomy.Find(parent)?.Parent)
            {
                _impliedBy.TryAdd(parent, id);
            }
        }
    }

    public bool Has(string id) => _direct.Contains(id);

    public string? ImpliedBy(string id) => _direct.Contains(id) ? null : _impliedBy.GetValueOrDefault(id);

    public bool Covers(string id) => _direct.Contains(id) || _impliedBy.ContainsKey(id);

    public IReadOnlyCollection<string> Direct => _direct;
}
