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
        Of("Top metros (a posting in several metros counts in each)", report.TopMetros),
    ];

    private static Section Of(string title, IReadOnlyList<CountShare> rows) => new(title, rows.Select(r => (r.Key, r.Count, r.Share)).ToList());

    private static string Headline(MarketReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.Total:N0} records, period {report.Period.From ?? "?"} to {report.Period.To ?? "?"}{Undated(report.Period)}; {report.SourceRows:N0} source rows, {report.DuplicatesMerged:N0} rows joined an existing posting");

    // A source without dates still counts in every figure; the period says it covers only the dated records.
    private static string Undated(ReportPeriod period) => period.Undated == 0 ? ""
        : string.Create(CultureInfo.InvariantCulture, $" (from the dated records; {period.Undated:N0} records have no date)");

    // Survey pay, employer-stated and board-estimated posting pay are never pooled: one line each.
    private static IReadOnlyList<ProvenanceSalary> Salaries(MarketReport report) =>
        report.SalaryByProvenance.Count > 0 ? report.SalaryByProvenance
        : [new ProvenanceSalary("all", report.SalaryUsd ?? Statistics.Summarize([]))];

    private static string Label(string provenance) => provenance switch
    {
        PayProvenance.Survey => "survey (reported pay)",
        PayProvenance.EmployerStated => "postings, employer-stated",
        PayProvenance.BoardEstimated => "postings, board-estimated",
        _ => provenance,
    };

    private static string SalaryLine(MarketReport report) => string.Join("\n\n", Salaries(report).Select(p => string.Create(CultureInfo.InvariantCulture,
        $"Salary, USD per year, {Label(p.Provenance)} (n = {p.Salary.N:N0}): P25 {Sections.Number(p.Salary.P25)}, median {Sections.Number(p.Salary.Median)}, P75 {Sections.Number(p.Salary.P75)}, mean {Sections.Number(p.Salary.Mean)}")))
        + string.Create(CultureInfo.InvariantCulture, $"\n\n{report.SalaryFlagged:N0} flagged salaries left out; survey and posting pay are never pooled.");

    private static void Table(CliContext context, MarketReport report, string title)
    {
        var console = Consoles.For(context);
        console.Write(new Rule($"[bold]{Terminal.Escape(title)}[/]").LeftJustified());
        console.WriteLine(Headline(report));
        var salary = new FitTable
        {
            Title = "Salary, USD per year (never pooled across provenance)",
            Caption = string.Create(CultureInfo.InvariantCulture, $"{report.SalaryFlagged:N0} flagged salaries left out"),
        }.Text("pay").Number("n").Number("P25", drop: 2).Number("median").Number("P75", drop: 3).Number("mean", drop: 1);
        foreach (var p in Salaries(report))
        {
            var s = p.Salary;
            salary.Add(Label(p.Provenance), Sections.Number(s.N), Sections.Number(s.P25), Sections.Number(s.Median), Sections.Number(s.P75), Sections.Number(s.Mean));
        }

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
        if (report.Period.Undated > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"period,undated,{report.Period.Undated},,\n");
        }

        foreach (var section in SectionsOf(report))
        {
            foreach (var (key, count, share) in section.Rows)
            {
                text.Append(Sections.CsvField(section.Title)).Append(',').Append(Sections.CsvField(key)).Append(',')
                    .Append(count.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(share.ToString("0.######", CultureInfo.InvariantCulture)).AppendLine(",");
            }
        }

        foreach (var p in Salaries(report))
        {
            var s = p.Salary;
            var section = p.Provenance == "all" ? "salaryUsd" : "salaryUsd:" + p.Provenance;
            foreach (var (key, value) in (ReadOnlySpan<(string, double?)>)[("n", s.N), ("p25", s.P25), ("median", s.Median), ("p75", s.P75), ("mean", s.Mean)])
            {
                text.Append(section).Append(',').Append(key).Append(",,,").AppendLine(value?.ToString("0.##", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
