using System.CommandLine;
using System.Globalization;
using System.Text;
using SkillScope.Export;
using SkillScope.Store;

namespace SkillScope.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.OutputFormat("jsonl", "csv", "jobposting");
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var filters = new FilterOptions();
        var command = new Command("export", "Write normalized records, stated and normalized fields side by side: JSON Lines, CSV or schema.org JobPosting JSON-LD");
        foreach (var option in (Option[])[db, format, output])
        {
            command.Options.Add(option);
        }

        filters.AddTo(command);
        command.SetAction(result =>
        {
            var filter = filters.Read(result);
            using var store = SkillStore.Open(SkillStore.ResolvePath(result.GetValue(db)));
            filter = FilterOptions.MatchSources(filter, store);
            long count = 0;
            var records = StoredRecords.Read(store, filter).Select(r =>
            {
                count++;
                return new ExportRecord(r.Source, r.SourceId, r.Record);
            });
            var path = result.GetValue(output);
            using var file = path is null ? null : new StreamWriter(path, append: false, new UTF8Encoding(false));
            var writer = file ?? context.Output;
            switch (result.GetValue(format))
            {
                case "csv": ExportWriters.WriteCsv(records, writer); break;
                case "jobposting": ExportWriters.WriteJobPosting(records, writer); break;
                default: ExportWriters.WriteJsonLines(records, writer); break;
            }

            // The summary goes to the terminal, never into the exported data: standard error when the data is on standard output.
            var summary = string.Create(CultureInfo.InvariantCulture, $"exported {count:N0} records as {result.GetValue(format)} to {path ?? "standard output"}")
                + (result.GetValue(format) == "csv" ? "; text cells a spreadsheet would run as formulas start with an apostrophe" : "");
            (path is null ? context.Error : context.Output).WriteLine(summary);
            return 0;
        });
        return command;
    }
}
