using System.CommandLine;
using SkillScope.Analytics;
using SkillScope.Cli.Rendering;
using SkillScope.Normalize;
using SkillScope.Store;

namespace SkillScope.Cli.Commands;

/// <summary>The README's first command: load the bundled real data (once) and print the market report.</summary>
internal static class DemoCommand
{
    /// <summary>Bundled samples, copied next to the program at build time (see data/README.md).</summary>
    public static IReadOnlyList<string> BundledFiles =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "samples"), "*.csv").Order(StringComparer.Ordinal).ToArray();

    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.OutputFormat("table", "json", "md", "csv");
        var filters = new FilterOptions();
        var command = new Command("demo", "Ingest the real data bundled with SkillScope (idempotent) and print the market report");
        command.Options.Add(db);
        command.Options.Add(format);
        filters.AddTo(command);
        command.SetAction((result, cancellation) =>
        {
            var filter = filters.Read(result);
            using var store = SkillStore.Open(SkillStore.ResolvePath(result.GetValue(db)));
            var exitCode = IngestCommand.Run(context, store, FxRates.Default, BundledFiles, new IngestOptions(), cancellation);
            if (exitCode == 0)
            {
                MarketRenderer.Write(context, MarketAnalysis.Compute(store, filter), result.GetValue(format)!);
            }

            return Task.FromResult(exitCode);
        });
        return command;
    }
}
