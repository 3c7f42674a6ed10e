using System.Text.RegularExpressions;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.EndToEnd;

/// <summary>The README's example commands run, in order, against a scratch database.</summary>
public partial class ReadmeTests
{
    [GeneratedRegex(@"^skillscope (?<args>.+)$", RegexOptions.Multiline)]
    private static partial Regex Example();

    [Fact]
    public void Every_example_command_in_the_readme_succeeds()
    {
        using var temp = new TempFolder();
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var examples = Example().Matches(readme).Select(m => m.Groups["args"].Value.Trim())
            .Where(args => !args.StartsWith("fetch", StringComparison.Ordinal))
            .ToList();
        Assert.True(examples.Count >= 7, "the README lost its examples");

        foreach (var example in examples)
        {
            var args = example.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => Resolve(a, temp)).ToList();
            if (args.Any(a => a.StartsWith(SharedData.Root, StringComparison.Ordinal) && !File.Exists(a)))
            {
                continue; // needs shared data that is absent here; the data tests say so
            }

            // Commands that work without a store take no --db.
            string[] store = example.StartsWith("skills extract", StringComparison.Ordinal) || example.StartsWith("skills list", StringComparison.Ordinal)
                ? []
                : ["--db", temp.Db];
            var (exit, _, error) = CliRunner.Run([.. args, .. store]);
            Assert.True(exit == 0, $"skillscope {example}\n{error}");
        }
    }

    private static string Resolve(string arg, TempFolder temp)
    {
        if (arg.StartsWith("../shared/data/", StringComparison.Ordinal))
        {
            return SharedData.Path(arg["../shared/data/".Length..]);
        }

        var inRepo = Path.Combine(Repo.Root, arg);
        return File.Exists(inRepo) ? inRepo : arg.EndsWith(".jsonl", StringComparison.Ordinal) ? temp.File(arg) : arg;
    }
}
