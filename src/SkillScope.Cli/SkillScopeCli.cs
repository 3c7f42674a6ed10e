using System.CommandLine;
using SkillScope.Cli.Commands;
using SkillScope.Ingest;
using SkillScope.Store;

namespace SkillScope.Cli;

/// <summary>The composition root: builds the command tree and maps user-facing errors to one line and exit code 1.</summary>
public static class SkillScopeCli
{
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("SkillScope: machine-learning job-market intelligence from real postings and salary records.");
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(ReportCommands.Create(context));
        var skills = SkillsCommands.Create();
        skills.Subcommands.Add(SkillReportCommands.Reindex(context));
        root.Subcommands.Add(skills);
        root.Subcommands.Add(EvalCommands.Create());
        root.Subcommands.Add(QuarantineCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(FetchCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(CareerCommands.Resume(context));
        root.Subcommands.Add(CareerCommands.Gap(context));
        root.Subcommands.Add(CareerCommands.Match(context));
        root.Subcommands.Add(SalaryCommands.Create(context));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null)
    {
        var context = new CliContext(output, error, time ?? TimeProvider.System);
        var parsed = CreateRoot(context).Parse(args);
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                // Ctrl-C cancels the command's token; a cancelled ingest commits its open batch and reports, well within this.
                ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ReadError or StoreError or CliError or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync("skillscope: " + e.Message).ConfigureAwait(false);
            return 1;
        }
    }
}

/// <summary>Where commands write, and the clock they may read (only to stamp ingest logs).</summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, TimeProvider Time)
{
    /// <summary>True when a person is watching the terminal: progress bars and colour only then.</summary>
    public bool Interactive => Rendering.Consoles.IsInteractive(Output);
}

/// <summary>A usage problem the user can fix, reported as one line.</summary>
public sealed class CliError(string message) : Exception(message);
