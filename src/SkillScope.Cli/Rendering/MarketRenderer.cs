using System.Globalization;
using System.Text;
using SkillScope.Analytics;
using Spectre.Console;

namespace SkillScope.Cli.Rendering;

internal static class MarketRenderer
{
    public static void Write(CliContext context, MarketReport report, string format, string title = "SkillScope: ML job market")
    {
        switch (format)
        {
            case "json":
                context.Output.WriteLine(CliJson.Serialize(report));
                break;
            case "md":
                context.Output.Write(Markdown(report, title));
                break;
            case "csv":
                context.Output.Write(Csv(report));
                break;
            default:
                Table(context, report, title);
                break;
        }
    }

    private static IEnumerable<Section> SectionsOf(MarketReport report) =>
    [
        Of("Kind of record", report.ByKind),
        Of("Role", report.ByRole),
        Of("Seniority", report.BySeniority),
        Of("Employment type", report.ByEmploymentType),
        Of("Work arrangement", report.ByWorkArrangement),
        Of("Top companies", report.TopCompanies),
        Of("Top countries", report.TopCountries),
        Of("Top metros", report.TopMetros),
    ];

    private static Section Of(string title, IReadOnlyList<CountShare> rows) => new(title, rows.Select(r => (r.Key, r.Count, r.Share)).ToList());

    private static string Headline(MarketReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.Total:N0} records, period {report.Period.From ?? "?"} to {report.Period.To ?? "?"}; {report.SourceRows:N0} source rows, {report.DuplicatesMerged:N0} duplicate postings merged");

    private static string SalaryLine(MarketReport report)
    {
        var s = report.SalaryUsd;
        return string.Create(CultureInfo.InvariantCulture,
            $"Salary, USD per year (n = {s.N:N0}; {report.SalaryFlagged:N0} flagged salaries left out): P25 {Sections.Number(s.P25)}, median {Sections.Number(s.Median)}, P75 {Sections.Number(s.P75)}, mean {Sections.Number(s.Mean)}");
    }

    private static void Table(CliContext context, MarketReport report, string title)
    {
        var console = Consoles.For(context.Output);
        console.Write(new Rule($"[bold]{Terminal.Escape(title)}[/]").LeftJustified());
        console.WriteLine(Headline(report));
        var salary = new Table().Border(TableBorder.Rounded).Title("[bold]Salary, USD per year[/]");
        foreach (var column in (string[])["n", "P25", "median", "P75", "mean", "flagged, left out"])
        {
            salary.AddColumn(new TableColumn(column).RightAligned());
        }

        var s = report.SalaryUsd;
        salary.AddRow(Sections.Number(s.N), Sections.Number(s.P25), Sections.Number(s.Median), Sections.Number(s.P75), Sections.Number(s.Mean), Sections.Number(report.SalaryFlagged));
        console.Write(salary);
        foreach (var section in SectionsOf(report))
        {
            console.Write(Sections.Table(section));
        }
    }

    private static string Markdown(MarketReport report, string title)
    {
        var text = new StringBuilder("# ").Append(title).Append("\n\n");
        text.AppendLine(Headline(report)).AppendLine().AppendLine(SalaryLine(report)).AppendLine();
        foreach (var section in SectionsOf(report))
        {
            Sections.Markdown(text, section);
        }

        return text.ToString();
    }

    // Long format: one row per figure, so spreadsheets can pivot it.
    private static string Csv(MarketReport report)
    {
        var text = new StringBuilder("section,key,count,share,value\n");
        text.Append(CultureInfo.InvariantCulture, $"total,records,{report.Total},1,\n");
        text.Append(CultureInfo.InvariantCulture, $"period,from,,,{report.Period.From}\nperiod,to,,,{report.Period.To}\n");
        foreach (var section in SectionsOf(report))
        {
            foreach (var (key, count, share) in section.Rows)
            {
                text.Append(Sections.CsvField(section.Title)).Append(',').Append(Sections.CsvField(key)).Append(',')
                    .Append(count.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(share.ToString("0.######", CultureInfo.InvariantCulture)).AppendLine(",");
            }
        }

        var s = report.SalaryUsd;
        foreach (var (key, value) in (ReadOnlySpan<(string, double?)>)[("n", s.N), ("p25", s.P25), ("median", s.Median), ("p75", s.P75), ("mean", s.Mean)])
        {
            text.Append("salaryUsd,").Append(key).Append(",,,").AppendLine(value?.ToString("0.##", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
