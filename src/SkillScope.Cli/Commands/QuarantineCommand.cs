using System.CommandLine;
using SkillScope.Cli.Rendering;
using SkillScope.Store;

namespace SkillScope.Cli.Commands;

internal static class QuarantineCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.OutputFormat("table", "json", "csv");
        var limit = new Option<int>("--limit") { Description = "Show at most this many rows (0 = all)", DefaultValueFactory = _ => 100 };
        var command = new Command("quarantine", "List records that were rejected at ingest, with file, line, reason and raw text");
        foreach (var option in (Option[])[db, format, limit])
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            if (result.GetValue(limit) < 0)
            {
                throw new CliError("--limit must be 0 or more");
            }

            using var store = SkillStore.Open(SkillStore.ResolvePath(result.GetValue(db)));
            var rows = Quarantine.List(store, result.GetValue(limit));
            QuarantineRenderer.Write(context, rows, Quarantine.Count(store), result.GetValue(format)!);
            return 0;
        });
        return command;
    }
}
