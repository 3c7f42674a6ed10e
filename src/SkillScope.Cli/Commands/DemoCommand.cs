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
    /// <summary>Bundled samples (CSV files and the HN markdown table), copied next to the program at build time (see data/README.md).</summary>
    public static IReadOnlyList<string> BundledFiles =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "samples"))
            .Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();

    /// <summary>The roles the demo's posting overview covers when no --role is given: every ML, data and AI role.</summary>
    public static IReadOnlyList<string> MlDataRoles { get; } = [.. Roles.All.Where(r => r != Roles.Other)];

    /// <summary>The two periods whose skill shares the demo compares (the bundled HN sample spans December 2022 - October 2025).</summary>
    private static readonly (PeriodRange, PeriodRange) TrendPeriods = (SkillDemand.ParsePeriod("2023")!, SkillDemand.ParsePeriod("2025")!);

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
            var exitCode = IngestCommand.Run(context, store, FxRates.Default, SkillTaxonomy.Default, BundledFiles, new IngestOptions { HeapBudget = IngestCommand.HeapBudget }, cancellation);
            if (exitCode != 0)
            {
                return exitCode;
            }

            var chosen = result.GetValue(format)!;
            if (chosen == "table" && filter.Kinds.Count == 0)
            {
                // Postings say who is hiring; survey responses say what people are paid: shown apart, never mixed.
                // The posting overview covers ML, data and AI roles unless --role says otherwise.
                var postings = filter with { Kinds = [RecordKinds.Posting], Roles = filter.Roles.Count == 0 ? MlDataRoles : filter.Roles };
                MarketRenderer.Write(context, MarketAnalysis.Compute(store, postings), chosen,
                    filter.Roles.Count == 0 ? "SkillScope: ML job market - ML, data and AI job postings (demand)" : "SkillScope: ML job market - job postings (demand)");
                // The bundled HN table gives each role's skill list rather than its full text, so the demo counts every
                // posting with text (the report says so); `report skills` counts full descriptions only by default.
                SkillReportRenderer.Write(context, SkillDemand.Compute(store, SkillTaxonomy.Default, postings, 15, compare: TrendPeriods,
                    options: new SkillDemandOptions { IncludeSnippets = true }), chosen);
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
