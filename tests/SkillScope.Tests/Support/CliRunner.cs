using SkillScope.Cli;

namespace SkillScope.Tests.Support;

/// <summary>Runs the real command tree in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Exit, string Output, string Error) Run(params string[] args) => RunAt(null, args);

    /// <summary>Runs with terminal tables laid out for <paramref name="columns"/> (as COLUMNS would; null: the default).</summary>
    public static (int Exit, string Output, string Error) RunAt(int? columns, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = SkillScopeCli.RunAsync(args, output, error, FixedTime.Default, columns).GetAwaiter().GetResult();
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The CLI built beside this test assembly, in the same configuration (to run it as a child process).</summary>
    public static string CliAssembly
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = testBin.Parent!.Name;
            var path = Path.Combine(Repo.Root, "src", "SkillScope.Cli", "bin", configuration, testBin.Name, "SkillScope.Cli.dll");
            Assert.True(File.Exists(path), "CLI not built at " + path);
            return path;
        }
    }
}
