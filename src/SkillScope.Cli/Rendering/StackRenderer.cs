using System.Globalization;
using System.Text;
using SkillScope.Analytics;

namespace SkillScope.Cli.Rendering;

/// <summary>`report stacks` as a text table that fits 80 columns, Markdown, CSV or JSON.</summary>
internal static class StackRenderer
{
    private const int NameWidth = 22;

    public static void Write(CliContext context, StackReport report, string format)
    {
        context.Output.Write(format switch
        {
            "json" => CliJson.Serialize(report) + Environment.NewLine,
            "csv" => Csv(report),
            "md" => Markdown(report),
            _ => Text(report),
        });
    }

    internal static string Headline(StackReport report)
    {
        var texts = report.IncludeSnippets ? "with text" : "with full text";
        return string.Create(CultureInfo.InvariantCulture,
            $"Skills asked for in at least {Threshold(report.MinShare)} of a level's postings {texts}, with n; levels with fewer than {report.MinPostings:N0} such postings get a note. {report.Postings:N0} postings {texts}. Left out: {SkillReportRenderer.LeftOutText(report.LeftOut)}.");
    }

    private const string Legend =
        "change: percentage points against the level compared with, with its 95% interval (Newcombe); est. no: the interval includes zero, the change is not established. + new in the stack at this level; - no longer in it.";

    private static string Text(StackReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(Terminal.Safe($"SkillScope: skill stacks by level ({string.Join(", ", report.Roles)})"));
        foreach (var line in Wrap(Headline(report), 80))
        {
            text.AppendLine(line);
        }

        foreach (var level in report.Levels)
        {
            text.AppendLine();
            var title = string.Create(CultureInfo.InvariantCulture, $"{Title(level.Level)}: n = {level.Postings:N0}");
            if (level.Note is { } note)
            {
                foreach (var line in Wrap(string.Create(CultureInfo.InvariantCulture, $"{Title(level.Level)} (n = {level.Postings:N0}): {note}."), 80))
                {
                    text.AppendLine(line);
                }

                continue;
            }

            var compared = level.CompareWith is not null;
            text.AppendLine(compared
                ? string.Create(CultureInfo.InvariantCulture, $"{title}, compared with {level.CompareWith} (n = {level.CompareWithPostings:N0})")
                : title + " (the lowest level with a stack)");
            text.AppendLine(compared
                ? $"  {"skill",-NameWidth} {"n",5} {"share",6} {"95% CI",11} {"change",6} {"95% CI",14} est."
                : $"  {"skill",-NameWidth} {"n",5} {"share",6} {"95% CI",11}");
            if (level.Skills.Count == 0)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  (no skill reaches {Threshold(report.MinShare)})"));
            }

            foreach (var skill in level.Skills)
            {
                text.AppendLine(Row(skill, skill.New ? "+ " : "", compared));
            }

            foreach (var skill in level.Dropped)
            {
                text.AppendLine(Row(skill, "- ", compared));
            }
        }

        if (report.Levels.Any(l => l.CompareWith is not null))
        {
            text.AppendLine();
            foreach (var line in Wrap(Legend, 80))
            {
                text.AppendLine(line);
            }
        }

        return text.ToString();
    }

    private static string Row(StackSkill skill, string mark, bool compared)
    {
        var name = Terminal.Safe(mark + skill.Name);
        name = name.Length > NameWidth ? name[..(NameWidth - 1)] + "…" : name;
        var row = string.Create(CultureInfo.InvariantCulture, $"  {name,-NameWidth} {skill.Postings,5:N0} {Pct(skill.Share),6} {Range(skill.Low, skill.High),11}");
        if (!compared || skill.Difference is not { } difference)
        {
            return row;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{row} {Points(difference),6} {Points(skill.DifferenceLow!.Value) + " to " + Points(skill.DifferenceHigh!.Value),14} {(skill.Established == true ? "yes" : "no")}");
    }

    private static string Markdown(StackReport report)
    {
        var text = new StringBuilder("# SkillScope: skill stacks by level (" + string.Join(", ", report.Roles) + ")\n\n")
            .AppendLine(Headline(report)).AppendLine();
        foreach (var level in report.Levels)
        {
            if (level.Note is { } note)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"**{Title(level.Level)}** (n = {level.Postings:N0}): {note}.").AppendLine();
                continue;
            }

            var compared = level.CompareWith is not null;
            text.AppendLine(CultureInfo.InvariantCulture, $"## {Title(level.Level)} (n = {level.Postings:N0})").AppendLine();
            if (compared)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Compared with {level.CompareWith} (n = {level.CompareWithPostings:N0}).").AppendLine()
                    .AppendLine("| skill | postings | share | 95% CI | change (pp) | 95% CI | established |")
                    .AppendLine("|---|---:|---:|---:|---:|---:|---|");
            }
            else
            {
                text.AppendLine("| skill | postings | share | 95% CI |").AppendLine("|---|---:|---:|---:|");
            }

            foreach (var (skill, mark) in level.Skills.Select(s => (s, s.New ? " (new)" : "")).Concat(level.Dropped.Select(s => (s, " (no longer in the stack)"))))
            {
                var name = Terminal.Safe(skill.Name).Replace("|", "\\|", StringComparison.Ordinal) + mark;
                text.Append(CultureInfo.InvariantCulture, $"| {name} | {skill.Postings:N0} | {Pct(skill.Share)} | {Range(skill.Low, skill.High)} |");
                if (compared && skill.Difference is { } difference)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {Points(difference)} | {Points(skill.DifferenceLow!.Value)} to {Points(skill.DifferenceHigh!.Value)} | {(skill.Established == true ? "yes" : "no")} |");
                }

                text.AppendLine();
            }

            text.AppendLine();
        }

        if (report.Levels.Any(l => l.CompareWith is not null))
        {
            text.AppendLine(Legend);
        }

        return text.ToString();
    }

    private static string Csv(StackReport report)
    {
        var text = new StringBuilder("level,level_postings,skill,name,category,postings,share,low,high,in_stack,new,compare_with,compare_with_postings,below_postings,below_share,difference,difference_low,difference_high,established,note\n");
        foreach (var level in report.Levels)
        {
            var head = string.Create(CultureInfo.InvariantCulture, $"{level.Level},{level.Postings}");
            if (level.Note is { } note)
            {
                text.Append(head).Append(",,,,,,,,,,,,,,,,,,").Append(Sections.CsvField(note)).Append('\n');
                continue;
            }

            foreach (var s in level.Skills.Concat(level.Dropped))
            {
                text.AppendJoin(',', head, s.Skill, Sections.CsvField(s.Name), Sections.CsvField(s.Category), I(s.Postings), F(s.Share), F(s.Low), F(s.High),
                    B(s.InStack), B(s.New), level.CompareWith ?? "", level.CompareWithPostings is { } n ? I(n) : "",
                    s.BelowPostings is { } x ? I(x) : "", F(s.BelowShare), F(s.Difference), F(s.DifferenceLow), F(s.DifferenceHigh),
                    s.Established is { } e ? B(e) : "", "").Append('\n');
            }
        }

        return text.ToString();

        static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
        static string B(bool value) => value ? "true" : "false";
        static string F(double? value) => value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "";
    }

    private static string Title(string level) => char.ToUpperInvariant(level[0]) + level[1..];

    private static string Pct(double share) => Sections.Percent(share);

    private static string Threshold(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Range(double low, double high) =>
        string.Create(CultureInfo.InvariantCulture, $"{low * 100:0.0}-{high * 100:0.0}%");

    private static string Points(double difference) =>
        (difference * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
