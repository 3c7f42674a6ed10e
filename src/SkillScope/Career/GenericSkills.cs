using System.Runtime.CompilerServices;
using SkillScope.Skills;

namespace SkillScope.Career;

/// <summary>
/// Skills too broad to be advice on their own: roots of large subtrees of the taxonomy (machine learning, software
/// engineering, cloud computing, databases, ...) and fields of study (computer science, data science, artificial
/// intelligence, programming). "Add Programming" is not a step a person can take: any skill below such a term covers it
/// in full, and the career tools never suggest one alone (docs/resume-score.md).
/// </summary>
public static class GenericSkills
{
    /// <summary>A root with at least this many skills below it is an umbrella (never a programming language).</summary>
    public const int UmbrellaDescendants = 20;

    /// <summary>Fields of study postings name as degree subjects or job areas rather than as something to learn.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["computer-science", "data-science", "artificial-intelligence", "programming"];

    private static readonly ConditionalWeakTable<SkillTaxonomy, HashSet<string>> s_cache = [];

    /// <summary>The generic skill ids of a taxonomy (computed once per taxonomy).</summary>
    public static IReadOnlySet<string> Of(SkillTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        return s_cache.GetValue(taxonomy, Compute);
    }

    public static bool IsGeneric(SkillTaxonomy taxonomy, string skillId) => Of(taxonomy).Contains(skillId);

    private static HashSet<string> Compute(SkillTaxonomy taxonomy)
    {
        var descendants = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var skill in taxonomy.Skills)
        {
            var guard = 0;
            for (var parent = skill.Parent; parent is not null && guard++ < 32; parent = taxonomy.Find(parent)?.Parent)
            {
                descendants[parent] = descendants.GetValueOrDefault(parent) + 1;
            }
        }

        var set = new HashSet<string>(Fields, StringComparer.Ordinal);
        foreach (var (id, count) in descendants)
        {
            // A programming language stays a step one can take however many libraries sit below it ("Add Python").
            if (count >= UmbrellaDescendants && taxonomy.Find(id) is { Parent: null } root && root.Category != SkillCategories.ProgrammingLanguage)
            {
                set.Add(id);
            }
        }

        return set;
    }
}
