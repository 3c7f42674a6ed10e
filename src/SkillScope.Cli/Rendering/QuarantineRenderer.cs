using System.Globalization;
using System.Text;
using SkillScope.Store;

namespace SkillScope.Cli.Rendering;

internal static class QuarantineRenderer
{
    private const int RawPreview = 120;

    public static void Write(CliContext context, IReadOnlyList<QuarantinedRow> rows, long total, string format)
    {
        switch (format)
        {
            case "json":
                context.Output.WriteLine(CliJson.Serialize(rows));
                return;
            case "csv":
                var text = new StringBuilder("source,file,position,line,reason,raw\n");
                foreach (var row in rows)
                {
                    text.AppendJoin(',', Sections.CsvField(row.Source), Sections.CsvField(row.File), row.Position.ToString(CultureInfo.InvariantCulture),
                        row.Line.ToString(CultureInfo.InvariantCulture), Sections.CsvField(row.Reason), Sections.CsvField(row.Raw)).Append('\n');
                }

                context.Output.Write(text.ToString());
                return;
        }

        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total:N0} quarantined records{(rows.Count < total ? $" (showing {rows.Count:N0}; use --limit 0 for all)" : "")}"));
        foreach (var row in rows)
        {
            // Stored text is shown with its control characters made visible (an ESC in a row must not reach the terminal).
            var raw = row.Raw.ReplaceLineEndings(" ");
            raw = Terminal.Safe(raw.Length > RawPreview ? raw[..RawPreview] + "…" : raw);
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Terminal.Safe(row.File)}:{row.Line} (record {row.Position}, source {Terminal.Safe(row.Source)}): {Terminal.Safe(row.Reason)}\n    {raw}"));
        }
    }
}
