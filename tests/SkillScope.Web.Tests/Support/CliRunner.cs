using SkillScope.Cli;

namespace SkillScope.Web.Tests.Support;

/// <summary>Runs the real CLI command tree in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SkillScopeCli.RunAsync(args, output, error, FixedTime.Default).ConfigureAwait(false);
        return (exit, output.ToString(), error.ToString());
    }

    public static async Task<string> RunOkAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args).ConfigureAwait(false);
        Assert.True(exit == 0, $"skillscope {string.Join(' ', args)} failed ({exit}): {error}");
        return output;
    }
}

/// <summary>A clock that never moves, so stored ingest stamps are reproducible.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static FixedTime Default { get; } = new(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
