using System.Text.Json;
using SkillScope.Skills;

namespace SkillScope.Career;

/// <summary>One phase of a preset path: its name, the skills it teaches and why they are there.</summary>
public sealed record PresetPhase(int Phase, string Name, IReadOnlyList<string> Skills, string Why);

/// <summary>
/// A training path of the source articles (data/taxonomy/roadmap-presets.json; ids in docs/domain.md, "Roadmap presets"),
/// to compare a data-driven roadmap with.
/// </summary>
public sealed record RoadmapPreset(string Id, string Name, string TargetRole, int MonthsLow, int MonthsHigh, string Source, IReadOnlyList<PresetPhase> Phases);

/// <summary>The presets shipped in data/taxonomy/roadmap-presets.json.</summary>
public static class RoadmapPresets
{
    private const string ResourceName = "SkillScope.taxonomy.roadmap-presets.json";

    private static readonly Lazy<(IReadOnlyList<RoadmapPreset> Presets, string About)> s_shipped = new(Load);

    private static readonly Lazy<IReadOnlyList<string>> s_ids = new(() =>
    {
        using var document = Read();
        return [.. document.RootElement.GetProperty("presets").EnumerateArray().Select(p => p.GetProperty("id").GetString()!)];
    });

    public static IReadOnlyList<RoadmapPreset> All => s_shipped.Value.Presets;

    /// <summary>What the presets are and where their phases come from.</summary>
    public static string About => s_shipped.Value.About;

    /// <summary>
    /// The presets' ids, read without the presets themselves: the CLI names them in an option's description, so every
    /// command would otherwise load and check the whole taxonomy at start.
    /// </summary>
    public static IReadOnlyList<string> Ids => s_ids.Value;

    public static RoadmapPreset? Find(string id) => All.FirstOrDefault(p => string.Equals(p.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static (IReadOnlyList<RoadmapPreset>, string) Load()
    {
        using var document = Read();
        var root = document.RootElement;
        var presets = new List<RoadmapPreset>();
        foreach (var p in root.GetProperty("presets").EnumerateArray())
        {
            var months = p.GetProperty("months");
            var phases = new List<PresetPhase>();
            var number = 0;
            foreach (var phase in p.GetProperty("phases").EnumerateArray())
            {
                var skills = phase.GetProperty("skills").EnumerateArray().Select(s => s.GetString()!).ToList();
                var unknown = skills.Where(s => SkillTaxonomy.Default.Find(s) is null).ToList();
                if (unknown.Count > 0)
                {
                    throw new InvalidDataException($"data/taxonomy/roadmap-presets.json: preset {p.GetProperty("id").GetString()} names skills not in the taxonomy: {string.Join(", ", unknown)}");
                }

                phases.Add(new PresetPhase(++number, phase.GetProperty("name").GetString()!, skills, phase.GetProperty("why").GetString()!));
            }

            presets.Add(new RoadmapPreset(p.GetProperty("id").GetString()!, p.GetProperty("name").GetString()!, p.GetProperty("targetRole").GetString()!,
                months[0].GetInt32(), months[1].GetInt32(), p.GetProperty("source").GetString()!, phases));
        }

        return (presets, root.GetProperty("about").GetString()!);
    }

    private static JsonDocument Read()
    {
        using var stream = typeof(RoadmapPresets).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        return JsonDocument.Parse(stream);
    }
}

/// <summary>A skill in a preset/roadmap comparison.</summary>
/// <param name="Phase">Its phase in the preset (for preset skills) or in the data-driven roadmap (for roadmap skills).</param>
/// <param name="RoadmapPhase">For a preset skill, the phase of the data-driven roadmap that has it, if any.</param>
/// <param name="Status">"have" (the person has or implies it), "both" (in the roadmap too), "preset-only" or "roadmap-only".</param>
/// <param name="Share">Its share of the roadmap's basis postings (0 when none names it).</param>
/// <param name="Why">Why it is where it is ("named in 3% of ...: below the 12 most valuable missing skills").</param>
public sealed record ComparedSkill(string Skill, string Name, int Phase, int? RoadmapPhase, string Status, double Share, long Postings, string Why);

/// <summary>One preset phase beside the roadmap: its skills with their status and the weeks of those still to learn.</summary>
public sealed record ComparedPhase(int Phase, string Name, string Why, IReadOnlyList<ComparedSkill> Skills, double Weeks);

/// <summary>
/// A preset path beside the person's data-driven roadmap: what the preset has that the roadmap does not (and why the
/// data leaves it out), what the roadmap has that the preset does not, and the time each takes by the same effort table.
/// </summary>
public sealed record PresetComparison
{
    public required string Preset { get; init; }
    public required string Name { get; init; }
    public required string Source { get; init; }
    public required string TargetRole { get; init; }
    public required int MonthsLow { get; init; }
    public required int MonthsHigh { get; init; }
    public required IReadOnlyList<ComparedPhase> Phases { get; init; }

    /// <summary>Preset skills the person lacks that the data-driven roadmap does not list.</summary>
    public required IReadOnlyList<ComparedSkill> OnlyInPreset { get; init; }

    /// <summary>Roadmap skills the preset does not name.</summary>
    public required IReadOnlyList<ComparedSkill> OnlyInRoadmap { get; init; }

    /// <summary>Preset skills the roadmap has too.</summary>
    public required IReadOnlyList<string> Both { get; init; }

    /// <summary>Preset skills the person already has or implies.</summary>
    public required IReadOnlyList<string> AlreadyHave { get; init; }

    /// <summary>Weeks of the preset's skills the person still lacks, by the same effort table as the roadmap.</summary>
    public required double PresetWeeks { get; init; }

    /// <summary>Weeks of the data-driven roadmap.</summary>
    public required double RoadmapWeeks { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }
}
