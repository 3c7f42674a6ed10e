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

        // Laid out for the width when one is known (COLUMNS, or a terminal): the location and reason wrap at spaces, a
        // path too long for a line keeps its end, and the raw text is a one-line preview cut to the width. In a pipe
        // without COLUMNS each row stays on its two lines, whole, for grep.
        var width = context.Columns ?? (context.Interactive ? Consoles.Width(context) : int.MaxValue / 2);
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total:N0} quarantined records{(rows.Count < total ? $" (showing {rows.Count:N0}; use --limit 0 for all)" : "")}"));
        foreach (var row in rows)
        {
            // Stored text is shown with its control characters made visible (an ESC in a row must not reach the terminal).
            var where = string.Create(CultureInfo.InvariantCulture,
                $"{Terminal.Safe(row.File)}:{row.Line} (record {row.Position}, source {Terminal.Safe(row.Source)}): {Terminal.Safe(row.Reason).ReplaceLineEndings(" ")}");
            foreach (var line in Consoles.Wrap(where, width, "    "))
            {
                context.Output.WriteLine(line);
            }

            var raw = row.Raw.ReplaceLineEndings(" ");
            raw = Terminal.Safe(raw.Length > RawPreview ? raw[..RawPreview] + "…" : raw);
            context.Output.WriteLine("    " + Consoles.Head(raw, width - 4));
        }
    }
}
