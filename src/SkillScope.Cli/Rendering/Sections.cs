using System.Globalization;
using System.Text;
using SkillScope.Model;

namespace SkillScope.Cli.Rendering;

/// <summary>A titled list of count/share rows: the common body of table, Markdown and CSV reports.</summary>
internal sealed record Section(string Title, IReadOnlyList<(string Key, long Count, double Share)> Rows);

internal static class Sections
{
    public static string Number(double? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "-";

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The section as a terminal table: key, count, share and a bar (the bar is left out first when narrow).</summary>
    public static FitTable Table(Section section)
    {
        var table = new FitTable { Title = section.Title, Empty = "(no records state this)" }
            .Text("").Number("count").Number("share").Bar(drop: 1);
        foreach (var (key, count, share) in section.Rows)
        {
            table.Add(key, Number(count), Percent(share), FitCell.Fraction(share));
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
