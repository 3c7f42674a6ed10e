using System.CommandLine;
using SkillScope.Analytics;
using SkillScope.Cli.Rendering;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Skills;
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
        command.SetCancellableAction((result, cancellation) =>
        {
            var filter = filters.Read(result);
            using var store = SkillStore.Open(SkillStore.ResolvePath(result.GetValue(db)));
            filter = FilterOptions.MatchSources(filter, store);
            var exitCode = IngestCommand.Run(context, store, FxRates.Default, SkillTaxonomy.Default, BundledFiles, new IngestOptions(), cancellation);
            if (exitCode != 0)
            {
                return exitCode;
            }

            var chosen = result.GetValue(format)!;
            if (chosen == "table" && filter.Kinds.Count == 0)
            {
                // Postings say who is hiring; survey responses say what people are paid: shown apart, never mixed.
                MarketRenderer.Write(context, MarketAnalysis.Compute(store, filter with { Kinds = [RecordKinds.Posting] }), chosen,
                    "SkillScope: ML job market - job postings (demand)");
                MarketRenderer.Write(context, MarketAnalysis.Compute(store, filter with { Kinds = [RecordKinds.SalaryReport] }), chosen,
                    "SkillScope: ML job market - salary survey responses (pay)");
            }
            else
            {
                MarketRenderer.Write(context, MarketAnalysis.Compute(store, filter), chosen);
            }

            return exitCode;
        });
        return command;
    }
}
