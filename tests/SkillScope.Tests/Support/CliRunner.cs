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
}
