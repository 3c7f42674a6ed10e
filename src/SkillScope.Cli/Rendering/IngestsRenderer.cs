using System.Globalization;
using SkillScope.Store;

namespace SkillScope.Cli.Rendering;

/// <summary>`skillscope ingests`: one row per run, every count of its summary, so each row read is accounted for.</summary>
internal static class IngestsRenderer
{
    public static void Write(CliContext context, IReadOnlyList<IngestRun> runs, string format)
    {
        if (format == "json")
        {
            context.Output.WriteLine(CliJson.Serialize(runs));
            return;
        }

        var console = Consoles.For(context);
        var table = new FitTable
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"{runs.Count:N0} ingest run{(runs.Count == 1 ? "" : "s")}"),
            Caption = "read = stored + joined + already stored + rejected + updated + not records; "
                + "'-': not recorded by runs made before schema 7; file: its folder and name (--format json: the full path)",
            Empty = "(no ingest runs)",
        }
            .Number("id")
            .Token("started", drop: 3)
            .Text("file")
            .Token("format", drop: 4)
            .Token("status")
            .Number("read")
            .Number("stored")
            .Number("joined", drop: 2)
            .Number("already stored", drop: 2)
            .Number("rejected")
            .Number("updated")
            .Number("not records");
        foreach (var run in runs)
        {
            table.Add(
                Count(run.Id),
                Terminal.Safe(run.StartedAt.Length >= 16 ? run.StartedAt[..16].Replace('T', ' ') : run.StartedAt),
                Terminal.Safe(ShortPath(run.FilePath)),
                Terminal.Safe(run.Format),
                run.Status == "completed" ? run.Status : new FitCell(run.Status, "yellow"),
                Count(run.RowsRead),
                Count(run.Stored),
                Count(run.Merged),
                Count(run.Skipped),
                Count(run.Rejected),
                run.Updated is { } updated ? Count(updated) : FitCell.Muted("-"),
                run.Ignored is { } ignored ? Count(ignored) : FitCell.Muted("-"));
        }

        console.Write(table);

        // Under the table, one entry per run that has them: why rows were not records, and why a run was interrupted.
        var width = console.Profile.Width;
        foreach (var run in runs)
        {
            if (run.IgnoredReasons is { Count: > 0 } reasons)
            {
                var why = string.Join("; ", reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
                    .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Value:N0} {r.Key}")));
                Lines(context, string.Create(CultureInfo.InvariantCulture, $"run {run.Id}, not records: {Terminal.Safe(why)}"), width);
            }

            if (run.Note is not null)
            {
                Lines(context, string.Create(CultureInfo.InvariantCulture, $"run {run.Id}, {run.Status}: {Terminal.Safe(run.Note)}"), width);
            }
        }
    }

    private static void Lines(CliContext context, string text, int width)
    {
        foreach (var line in Consoles.Wrap(text, width, "    "))
        {
            context.Output.WriteLine(line);
        }
    }

    // "…/runs/2026-04-17/raw.json" -> "2026-04-17/raw.json": the HN runs are all raw.json, told apart by their folder.
    private static string ShortPath(string path)
    {
        var name = Path.GetFileName(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(path));
        return string.IsNullOrEmpty(folder) ? path : folder + "/" + name;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
