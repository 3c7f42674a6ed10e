using System.CommandLine;
using SkillScope.Analytics;
using SkillScope.Cli.Rendering;
using SkillScope.Store;

namespace SkillScope.Cli.Commands;

internal static class ReportCommands
{
    public static Command Create(CliContext context)
    {
        var report = new Command("report", "Reports computed from the stored records");
        report.Subcommands.Add(Market(context));
        report.Subcommands.Add(SkillReportCommands.Report(context));
        report.Subcommands.Add(StackCommands.Report(context));
        report.Subcommands.Add(SalaryCommands.Salaries(context));
        report.Subcommands.Add(SalaryCommands.Premiums(context));
        return report;
    }

    private static Command Market(CliContext context)
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.OutputFormat("table", "json", "md", "csv");
        var filters = new FilterOptions();
        var command = new Command("market", "The market overview: roles, levels, arrangements, companies, places and pay");
        command.Options.Add(db);
        command.Options.Add(format);
        filters.AddTo(command);
        command.SetAction(result =>
        {
            var filter = filters.Read(result);
            using var store = SkillStore.Open(SkillStore.ResolvePath(result.GetValue(db)));
            filter = FilterOptions.MatchSources(filter, store);
            var report = MarketAnalysis.Compute(store, filter);
            MarketRenderer.Write(context, report, result.GetValue(format)!);
            if (report.Total == 0 && EmptyResults.ForRecords(store, filter) is { } hint)
            {
                FilterOptions.WriteEmptyHint(context, "no records match", hint);
            }

            return 0;
        });
        return command;
    }
}
