using System.Text.RegularExpressions;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Conventions;

/// <summary>Dependencies point one way along the pipeline: a stage never uses a later one.</summary>
public partial class PipelineLayeringTests
{
    private static readonly Dictionary<string, int> Stage = new(StringComparer.Ordinal)
    {
        ["Model"] = 0,
        ["Ingest"] = 1,
        ["Fetch"] = 1,
        ["Normalize"] = 2,
        ["Skills"] = 2,
        ["Export"] = 2,
        ["Store"] = 3,
        ["Analytics"] = 4,
        ["Career"] = 5,
    };

    [GeneratedRegex(@"\bSkillScope\.(?<stage>[A-Z][A-Za-z]+)\b")]
    private static partial Regex StageReference();

    [Fact]
    public void Every_folder_of_the_library_is_a_known_pipeline_stage()
    {
        var folders = Directory.GetDirectories(Path.Combine(Repo.Root, "src", "SkillScope"))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"));

        Assert.All(folders, folder => Assert.True(Stage.ContainsKey(folder!), $"src/SkillScope/{folder} is not placed in the pipeline order of this test"));
    }

    [Fact]
    public void No_stage_references_a_later_stage()
    {
        var violations = new List<string>();
        foreach (var (folder, level) in Stage)
        {
            var directory = Path.Combine(Repo.Root, "src", "SkillScope", folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match match in StageReference().Matches(File.ReadAllText(file)))
                {
                    var used = match.Groups["stage"].Value;
                    if (Stage.TryGetValue(used, out var usedLevel) && usedLevel > level)
                    {
                        violations.Add($"{Path.GetRelativePath(Repo.Root, file)} uses SkillScope.{used}");
                    }
                }
            }
        }

        Assert.Empty(violations);
    }
}
