using System.Globalization;
using System.Text;
using SkillScope.Analytics;
using Spectre.Console;

namespace SkillScope.Cli.Rendering;

internal static class SkillReportRenderer
{
    public static void Write(CliContext context, SkillDemandReport report, string format)
    {
        switch (format)
        {
            case "json":
                context.Output.WriteLine(CliJson.Serialize(report));
                return;
            case "csv":
                context.Output.Write(Csv(report));
                return;
            case "md":
                context.Output.Write(Markdown(report));
                return;
        }

        var console = Consoles.For(context);
        console.Write(new Rule("[bold]SkillScope: skill demand[/]").LeftJustified());
        console.WriteLine(Headline(report));
        var table = new FitTable()
            .Text("skill").Token("category", drop: 2).Number("postings").Number("share").Number("95% interval", drop: 5)
            .Number("required", drop: 4).Text("demand", drop: 3).Bar(drop: 1);
        foreach (var s in report.Skills)
        {
            table.Add(s.Name, s.Category, Sections.Number(s.Postings), Sections.Percent(s.Share),
                $"{Sections.Percent(s.Low)}-{Sections.Percent(s.High)}", Sections.Percent(s.RequiredShare), s.Demand, FitCell.Fraction(s.Share));
        }

        console.Write(table);
        console.Write(Sections.Table(new Section("Postings asking for any skill of a category", report.Categories.Select(c => (c.Category, c.Postings, c.Share)).ToList())));
        if (report.CoSkills is { } co)
        {
            var coTable = new FitTable { Title = $"Asked for with {report.CoSkillsOf}" }
                .Text("skill").Number("together").Number("share of its postings").Number("lift");
            foreach (var c in co)
            {
                coTable.Add(c.Name, Sections.Number(c.Together), Sections.Percent(c.ShareOfAnchor), c.Lift.ToString("0.00", CultureInfo.InvariantCulture));
            }

            console.Write(coTable);
        }

        if (report.Trends is { } trends)
        {
            var trendTable = new FitTable { Title = string.Create(CultureInfo.InvariantCulture, $"{report.PeriodA!.Label} (n = {report.PostingsA:N0}) vs {report.PeriodB!.Label} (n = {report.PostingsB:N0})") }
                .Text("skill").Number("share A").Number("share B").Number("change (pp)").Number("95% interval", drop: 2).Number("p", drop: 1).Token("trend");
            foreach (var t in trends)
            {
                trendTable.Add(t.Name, Sections.Percent(t.ShareA), Sections.Percent(t.ShareB),
                    t.ChangePp.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture), Interval(t),
                    t.PValue.ToString("0.000", CultureInfo.InvariantCulture), Arrow(t.Trend));
            }

            console.Write(trendTable);
            console.WriteLine(TrendFootnote(report));
        }
    }

    private static string Interval(SkillTrendRow t) => t.Trend == StratifiedTrend.NotComparable ? ""
        : string.Create(CultureInfo.InvariantCulture, $"{t.LowPp:+0.0;-0.0;0.0} to {t.HighPp:+0.0;-0.0;0.0}");

    private static string Arrow(string trend) => trend switch
    {
        "rising" => "↑ rising", "falling" => "↓ falling", "stable" => "→ stable", _ => trend,
    };

    private static string TrendFootnote(SkillDemandReport report) => report.TrendNote is { } note
        ? $"Not comparable: {note}."
        : "Changes are within each source present in both periods (Mantel-Haenszel); rising/falling only when the 95% interval excludes zero.";

    internal static string Headline(SkillDemandReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.Postings:N0} postings with {(report.IncludeSnippets ? "text" : "full text")} (shares are of these). Left out: {LeftOutText(report.LeftOut)}. Salary reports never count.");

    internal static string LeftOutText(IReadOnlyList<LeftOutRow> leftOut) => leftOut.Count == 0 ? "none"
        : string.Join("; ", leftOut.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Postings:N0} {l.Reason}")))
          + (leftOut.Any(l => l.TextKind != Normalize.TextKinds.None) ? " (--include-snippets counts snippets and summaries)" : "");

    public static void WriteSeries(CliContext context, SkillSeriesReport report, string format)
    {
        switch (format)
        {
            case "json":
                context.Output.WriteLine(CliJson.Serialize(report));
                return;
            case "csv":
                var csv = new StringBuilder("skill,period,postings,total,share,low,high\n");
                foreach (var line in report.Series)
                {
                    foreach (var p in line.Points)
                    {
                        csv.AppendJoin(',', line.Skill, p.Period, p.Postings.ToString(CultureInfo.InvariantCulture), p.Total.ToString(CultureInfo.InvariantCulture),
                            F(p.Share), F(p.Low), F(p.High)).Append('\n');
                    }
                }

                context.Output.Write(csv.ToString());
                return;
        }

        if (format != "md")
        {
            SeriesTable(context, report);
            return;
        }

        var text = new StringBuilder();
        text.AppendLine($"# SkillScope: skill demand by {report.By}\n");
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Postings:N0} postings with {(report.IncludeSnippets ? "text" : "full text")}. Left out: {LeftOutText(report.LeftOut)}.");
        text.AppendLine();
        text.Append("| period | postings |").AppendJoin("", report.Series.Select(l => $" {l.Name} (95% CI) |")).AppendLine(" sources |");
        text.Append("|---|---:|").AppendJoin("", report.Series.Select(_ => "---:|")).AppendLine("---|");
        for (var i = 0; i < report.Periods.Count; i++)
        {
            var period = report.Periods[i];
            text.Append(CultureInfo.InvariantCulture, $"| {period.Period}{(period.SameSourcesAsPrevious ? "" : " *")} | {period.Postings:N0} |");
            foreach (var line in report.Series)
            {
                var p = line.Points[i];
                text.Append(CultureInfo.InvariantCulture, $" {Sections.Percent(p.Share)} ({Sections.Percent(p.Low)}-{Sections.Percent(p.High)}) |");
            }

            text.AppendLine(" " + string.Join(", ", period.Sources.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Source} {s.Postings:N0}"))) + " |");
        }

        if (report.Periods.Any(p => !p.SameSourcesAsPrevious))
        {
            text.AppendLine().AppendLine("* its sources differ from the previous period's: a change may reflect the sources, not time.");
        }

        foreach (var reference in report.Reference)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Reference: {reference.Name} ({reference.Scope}); {reference.Attribution}.");
            text.AppendLine(string.Join(", ", reference.Points.Select(p => $"{p.Period} {Sections.Percent(p.Share)}")));
        }

        if (report.ReferenceNote is { } note)
        {
            text.AppendLine().AppendLine("No reference series: " + note + ".");
        }

        context.Output.Write(text.ToString());

        static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
    }

    // The grid (a row per period, a column per skill) when it fits the width, else one row per period and skill.
    private static void SeriesTable(CliContext context, SkillSeriesReport report)
    {
        var console = Consoles.For(context);
        console.Write(new Rule($"[bold]SkillScope: skill demand by {Terminal.Escape(report.By)}[/]").LeftJustified());
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Postings:N0} postings with {(report.IncludeSnippets ? "text" : "full text")}. Left out: {LeftOutText(report.LeftOut)}."));
        var grid = new FitTable().Token("period").Number("postings");
        foreach (var line in report.Series)
        {
            grid.Number(line.Name + " (95% CI)");
        }

        grid.Text("sources", drop: 1);
        var rows = new FitTable().Token("period").Text("skill").Number("share").Number("95% interval").Number("postings").Text("sources", drop: 1);
        for (var i = 0; i < report.Periods.Count; i++)
        {
            var period = report.Periods[i];
            var label = period.Period + (period.SameSourcesAsPrevious ? "" : " *");
            var sources = string.Join(", ", period.Sources.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Source} {s.Postings:N0}")));
            grid.Add([label, Sections.Number(period.Postings), .. report.Series.Select(l => (FitCell)(Sections.Percent(l.Points[i].Share) + "\n" + Range(l.Points[i]))), sources]);
            foreach (var line in report.Series)
            {
                rows.Add(label, line.Name, Sections.Percent(line.Points[i].Share), Range(line.Points[i]), Sections.Number(period.Postings), line == report.Series[0] ? sources : "");
            }
        }

        var width = console.Profile.Width;
        console.Write(grid.MinimumWidth(droppable: false) <= width ? grid : rows);
        if (report.Periods.Any(p => !p.SameSourcesAsPrevious))
        {
            console.WriteLine("* its sources differ from the previous period's: a change may reflect the sources, not time.");
        }

        foreach (var reference in report.Reference)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reference: {reference.Name} ({reference.Scope}); {reference.Attribution}."));
            console.WriteLine(string.Join(", ", reference.Points.Select(p => $"{p.Period} {Sections.Percent(p.Share)}")));
        }

        if (report.ReferenceNote is { } note)
        {
            console.WriteLine("No reference series: " + note + ".");
        }

        static string Range(SeriesPoint p) => $"{Sections.Percent(p.Low)}-{Sections.Percent(p.High)}";
    }

    private static string Markdown(SkillDemandReport report)
    {
        var text = new StringBuilder("# SkillScope: skill demand\n\n").AppendLine(Headline(report)).AppendLine()
            .AppendLine("| skill | category | postings | share | 95% interval | required | demand |")
            .AppendLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var s in report.Skills)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {s.Category} | {s.Postings:N0} | {Sections.Percent(s.Share)} | {Sections.Percent(s.Low)}-{Sections.Percent(s.High)} | {Sections.Percent(s.RequiredShare)} | {s.Demand} |");
        }

        text.AppendLine();
        Sections.Markdown(text, new Section("Postings asking for any skill of a category", report.Categories.Select(c => (c.Category, c.Postings, c.Share)).ToList()));
        if (report.CoSkills is { } co)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"## Asked for with {report.CoSkillsOf}\n\n| skill | together | share of its postings | lift |\n|---|---:|---:|---:|");
            foreach (var c in co)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {c.Name} | {c.Together:N0} | {Sections.Percent(c.ShareOfAnchor)} | {c.Lift:0.00} |");
            }

            text.AppendLine();
        }

        if (report.Trends is { } trends)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"## {report.PeriodA!.Label} vs {report.PeriodB!.Label}\n\n| skill | share A | share B | change (pp) | 95% interval | p | trend |\n|---|---:|---:|---:|---:|---:|---|");
            foreach (var t in trends)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {t.Name} | {Sections.Percent(t.ShareA)} | {Sections.Percent(t.ShareB)} | {t.ChangePp:+0.0;-0.0;0.0} | {Interval(t)} | {t.PValue:0.000} | {t.Trend} |");
            }

            text.AppendLine().AppendLine(TrendFootnote(report));
        }

        return text.ToString();
    }

    private static string Csv(SkillDemandReport report)
    {
        var text = new StringBuilder("skill,name,category,postings,share,low,high,required_share,preferred_share,demand\n");
        foreach (var s in report.Skills)
        {
            text.AppendJoin(',', s.Skill, Sections.CsvField(s.Name), Sections.CsvField(s.Category), s.Postings.ToString(CultureInfo.InvariantCulture),
                F(s.Share), F(s.Low), F(s.High), F(s.RequiredShare), F(s.PreferredShare), s.Demand).Append('\n');
        }

        return text.ToString();

        static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
    }
}
