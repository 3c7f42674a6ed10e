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

        var console = Consoles.For(context.Output);
        console.Write(new Rule("[bold]SkillScope: skill demand[/]").LeftJustified());
        console.WriteLine(Headline(report));
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in (string[])["skill", "category", "postings", "share", "95% interval", "required", "demand", ""])
        {
            table.AddColumn(column is "postings" or "share" or "95% interval" or "required" ? new TableColumn(column).RightAligned() : new TableColumn(column));
        }

        var max = report.Skills.Count == 0 ? 0 : report.Skills.Max(s => s.Share);
        foreach (var s in report.Skills)
        {
            table.AddRow(Terminal.Escape(s.Name), Terminal.Escape(s.Category), Sections.Number(s.Postings), Sections.Percent(s.Share),
                $"{Sections.Percent(s.Low)}-{Sections.Percent(s.High)}", Sections.Percent(s.RequiredShare), s.Demand,
                "[blue]" + new string('█', max == 0 ? 0 : (int)Math.Round(s.Share / max * 15)) + "[/]");
        }

        console.Write(table);
        console.Write(Sections.Table(new Section("Postings asking for any skill of a category", report.Categories.Select(c => (c.Category, c.Postings, c.Share)).ToList())));
        if (report.CoSkills is { } co)
        {
            var coTable = new Table().Border(TableBorder.Rounded).Title($"[bold]Asked for with {Terminal.Escape(report.CoSkillsOf!)}[/]");
            coTable.AddColumn("skill");
            coTable.AddColumn(new TableColumn("together").RightAligned());
            coTable.AddColumn(new TableColumn("share of its postings").RightAligned());
            coTable.AddColumn(new TableColumn("lift").RightAligned());
            foreach (var c in co)
            {
                coTable.AddRow(Terminal.Escape(c.Name), Sections.Number(c.Together), Sections.Percent(c.ShareOfAnchor), c.Lift.ToString("0.00", CultureInfo.InvariantCulture));
            }

            console.Write(coTable);
        }

        if (report.Trends is { } trends)
        {
            var trendTable = new Table().Border(TableBorder.Rounded)
                .Title($"[bold]{Terminal.Escape(report.PeriodA!.Label)} (n = {report.PostingsA:N0}) vs {Terminal.Escape(report.PeriodB!.Label)} (n = {report.PostingsB:N0})[/]");
            foreach (var column in (string[])["skill", "share A", "share B", "change (pp)", "95% interval", "p", "trend"])
            {
                trendTable.AddColumn(column == "skill" || column == "trend" ? new TableColumn(column) : new TableColumn(column).RightAligned());
            }

            foreach (var t in trends)
            {
                trendTable.AddRow(Terminal.Escape(t.Name), Sections.Percent(t.ShareA), Sections.Percent(t.ShareB),
                    t.ChangePp.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture), Interval(t),
                    t.PValue.ToString("0.000", CultureInfo.InvariantCulture), Terminal.Escape(Arrow(t.Trend)));
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

        var text = new StringBuilder();
        var markdown = format == "md";
        text.AppendLine(markdown ? $"# SkillScope: skill demand by {report.By}\n" : $"SkillScope: skill demand by {report.By}");
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
