using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
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
        var skills = SkillsCommands.Create(context);
        skills.Subcommands.Add(SkillReportCommands.Reindex(context));
        root.Subcommands.Add(skills);
        root.Subcommands.Add(EvalCommands.Create(context));
        root.Subcommands.Add(QuarantineCommand.Create(context));
        root.Subcommands.Add(IngestsCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(FetchCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(CareerCommands.Resume(context));
        root.Subcommands.Add(CareerCommands.Gap(context));
        root.Subcommands.Add(CareerCommands.Match(context));
        root.Subcommands.Add(SalaryCommands.Create(context));
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction help } helpOption)
        {
            helpOption.Action = new ProgramNameHelp(help, ProgramName);
        }

        return root;
    }

    /// <summary>The program's name in help: the dotnet tool's command, whatever the assembly or launcher is called.</summary>
    public const string ProgramName = "skillscope";

    /// <summary>
    /// Runs a command line. <paramref name="columns"/> is the width terminal tables are laid out for; when null, the
    /// COLUMNS environment variable (see docs/cli.md), else the terminal's width, else 120.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null, int? columns = null)
    {
        var context = new CliContext(output, error, time ?? TimeProvider.System)
        {
            Columns = columns is { } given ? Math.Clamp(given, Rendering.Consoles.MinColumns, 1000)
                : Rendering.Consoles.ParseColumns(Environment.GetEnvironmentVariable("COLUMNS")),
        };
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

    /// <summary>The width terminal tables are laid out for, when given (COLUMNS); null: the terminal's width, or 120 in a pipe.</summary>
    public int? Columns { get; init; }
}

/// <summary>
/// The library's help with the program named as users type it: System.CommandLine names the root command after the
/// executable (SkillScope.Cli when run with dotnet), so the usage lines are rewritten; nothing else changes.
/// </summary>
internal sealed class ProgramNameHelp(HelpAction inner, string programName) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var configuration = parseResult.InvocationConfiguration;
        var output = configuration.Output;
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        configuration.Output = text;
        int exit;
        try
        {
            exit = inner.Invoke(parseResult);
        }
        finally
        {
            configuration.Output = output;
        }

        var executable = RootCommand.ExecutableName;
        var lines = text.ToString().Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var body = lines[i].TrimStart(' ');
            if (body.StartsWith(executable + " ", StringComparison.Ordinal) || body == executable)
            {
                lines[i] = lines[i][..(lines[i].Length - body.Length)] + programName + body[executable.Length..];
            }
        }

        output.Write(string.Join('\n', lines));
        return exit;
    }
}

/// <summary>A usage problem the user can fix, reported as one line.</summary>
public sealed class CliError(string message) : Exception(message);
