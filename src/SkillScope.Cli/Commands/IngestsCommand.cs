using System.CommandLine;
using SkillScope.Cli.Rendering;
using SkillScope.Store;

namespace SkillScope.Cli.Commands;

/// <summary>`skillscope ingests`: the store's ingest runs, one per file read, with every count of their summary.</summary>
internal static class IngestsCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.OutputFormat("table", "json");
        var status = new Option<string?>("--status") { Description = "Only runs with this status: running, completed or interrupted" };
        status.AcceptOnlyFromAmong("running", "completed", "interrupted");
        var command = new Command("ingests", "List the ingest runs: file, format, status and what became of every row read (stored, joined, already stored, rejected, updated, not records)");
        foreach (var option in (Option[])[db, format, status])
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var target = SkillStore.ResolvePath(result.GetValue(db));
            if (!SkillStore.Exists(target))
            {
                throw new CliError($"{target}: no such store; run 'skillscope ingest FILE' first (or pass --db)");
            }

            using var store = SkillStore.Open(target);
            var runs = store.Ingests();
            if (result.GetValue(status) is { } wanted)
            {
                runs = [.. runs.Where(r => r.Status == wanted)];
            }

            IngestsRenderer.Write(context, runs, result.GetValue(format)!);
            return 0;
        });
        return command;
    }
}
