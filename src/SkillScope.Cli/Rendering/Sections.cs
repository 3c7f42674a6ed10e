using System.Globalization;
using System.Text;
using SkillScope.Model;
using Spectre.Console;

namespace SkillScope.Cli.Rendering;

/// <summary>A titled list of count/share rows: the common body of table, Markdown and CSV reports.</summary>
internal sealed record Section(string Title, IReadOnlyList<(string Key, long Count, double Share)> Rows);

internal static class Sections
{
    private const int BarWidth = 30;

    public static string Number(double? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "-";

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static Table Table(Section section)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Terminal.Escape(section.Title)}[/]");
        table.AddColumn("");
        table.AddColumn(new TableColumn("count").RightAligned());
        table.AddColumn(new TableColumn("share").RightAligned());
        table.AddColumn("");
        if (section.Rows.Count == 0)
        {
            table.AddRow("[grey](no records state this)[/]", "", "", "");
        }

        var max = section.Rows.Count == 0 ? 0 : section.Rows.Max(r => r.Share);
        foreach (var (key, count, share) in section.Rows)
        {
            var width = max == 0 ? 0 : (int)Math.Round(share / max * BarWidth);
            table.AddRow(Terminal.Escape(key), Number(count), Percent(share), "[blue]" + new string('█', width) + "[/]");
        }

        return table;
    }

    public static void Markdown(StringBuilder text, Section section)
    {
        text.Append("## ").AppendLine(section.Title).AppendLine()
            .AppendLine("| | count | share |").AppendLine("|---|---:|---:|");
        foreach (var (key, count, share) in section.Rows)
        {
            text.Append("| ").Append(Terminal.Safe(key).Replace("|", "\\|", StringComparison.Ordinal)).Append(" | ")
                .Append(Number(count)).Append(" | ").Append(Percent(share)).AppendLine(" |");
        }

        text.AppendLine();
    }

    /// <summary>A text cell, quoted as needed and neutralized against formula injection (<see cref="CsvCell"/>).</summary>
    public static string CsvField(string value) => CsvCell.Format(value);
}
