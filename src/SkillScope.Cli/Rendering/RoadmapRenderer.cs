using System.Globalization;
using System.Text;
using SkillScope.Career;

namespace SkillScope.Cli.Rendering;

/// <summary>
/// `gap`'s output: plain text that reads at 80 columns, the JSON of <see cref="SkillGapReport"/>, and a Markdown
/// roadmap a person can keep (`--format markdown` or `--out roadmap.md`). See docs/resume-score.md, "Skill gap and roadmap".
/// </summary>
internal static class RoadmapRenderer
{
    /// <summary>The width the text report is checked at in the tests (it follows COLUMNS like every table).</summary>
    public const int Width = 80;

    public static void Write(CliContext context, SkillGapReport report, string format)
    {
        switch (format)
        {
            case "json":
                context.Output.WriteLine(CliJson.Serialize(report));
                return;
            case "md" or "markdown":
                context.Output.Write(Markdown(report));
                return;
        }

        var width = Consoles.Width(context);
        var head = new StringBuilder();
        const string title0 = "SkillScope: skill gap and roadmap";
        head.AppendLine(title0).AppendLine(new string('=', title0.Length));
        foreach (var line in Header(report))
        {
            Wrap(head, line, 0, 2, width);
        }

        context.Output.Write(head.AppendLine().ToString());
        var missing = new FitTable { Title = "Missing skills by market value" }
            .Number("#").Text("skill").Number("share").Number("95% interval", drop: 2).Number("required", drop: 1).Text("salary premium");
        var rank = 0;
        foreach (var g in report.Missing)
        {
            missing.Add((++rank).ToString(CultureInfo.InvariantCulture), g.Name, Pct(g.Share), Interval(g.Low, g.High), Pct(g.RequiredShare), PremiumShort(g.Premium));
        }

        var console = Consoles.For(context);
        console.Write(missing.Build(width));
        context.Output.Write(Text(report, width, includeHeader: false));
    }

    /// <summary>The text report, every line at most <paramref name="width"/> characters (the missing-skills table is the CLI's own).</summary>
    public static string Text(SkillGapReport report, int width = Width, bool includeHeader = true)
    {
        var text = new StringBuilder();
        if (!includeHeader)
        {
            return Body(report, text, width);
        }

        const string title = "SkillScope: skill gap and roadmap";
        text.AppendLine(title).AppendLine(new string('=', title.Length));
        foreach (var line in Header(report))
        {
            Wrap(text, line, 0, 2, width);
        }

        text.AppendLine().AppendLine("Missing skills by market value");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{"#",3} {"skill",-25} {"share",6} {"95% CI",-12} {"req.",6} premium"));
        var rank = 0;
        foreach (var g in report.Missing)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{++rank,3} {Fit(g.Name, 25),-25} {Pct(g.Share),6} {Interval(g.Low, g.High),-12} {Pct(g.RequiredShare),6} {Fit(PremiumShort(g.Premium), 23)}"));
        }

        return Body(report, text, width);
    }

    private static string Body(SkillGapReport report, StringBuilder text, int width)
    {
        text.AppendLine().AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Roadmap: {report.Stages.Count} phase{(report.Stages.Count == 1 ? "" : "s")}, {Weeks(report.TotalWeeks)} at {EffortTable.HoursPerWeek} hours a week"));
        foreach (var stage in report.Stages)
        {
            text.AppendLine().AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"Phase {stage.Stage}: {Weeks(stage.Weeks)}"));
            foreach (var s in stage.Skills)
            {
                var effort = s.Effort!;
                Wrap(text, $"{s.Name}: {Weeks(effort.Weeks)} ({EffortLabel(effort)})", 2, 6, width);
                Wrap(text, s.Why, 6, 6, width);
                foreach (var edge in s.After)
                {
                    Wrap(text, $"after {edge.Name}: {edge.Evidence}", 6, 8, width);
                }

                foreach (var r in effort.Resources)
                {
                    Wrap(text, "learn: " + r.Title + (r.Url is null ? "" : " " + r.Url), 6, 8, width);
                }
            }

            if (stage.Pay is { } pay)
            {
                Wrap(text, pay.Text, 2, 4, width);
            }

            Wrap(text, stage.Salary, 2, 4, width);
        }

        if (report.Effort is { } table)
        {
            text.AppendLine().AppendLine("Effort sources");
            Wrap(text, $"weeks at {table.HoursPerWeek} hours a week, from {table.Table}" + (table.Override is { } o ? $" with your rows from {o}" : ""), 2, 2, width);
            foreach (var row in table.Sources)
            {
                var used = row.Basis == "default" ? $" (default of its kind for {string.Join(", ", row.Skills)})" : "";
                Wrap(text, $"{row.Origin} {row.Key}: {Weeks(row.Weeks)}{used}. {row.Source}", 2, 6, width);
            }
        }

        if (report.Preset is { } preset)
        {
            text.AppendLine();
            Wrap(text, $"Compared with preset {preset.Preset}: {preset.Name} ({preset.Source}; {preset.MonthsLow}-{preset.MonthsHigh} months)", 0, 2, width);
            foreach (var phase in preset.Phases)
            {
                Wrap(text, $"Preset phase {phase.Phase}, {phase.Name}: {Weeks(phase.Weeks)} still to learn", 2, 4, width);
                foreach (var s in phase.Skills)
                {
                    Wrap(text, $"{s.Name}: {Status(s)}", 4, 6, width);
                }
            }

            Wrap(text, "In the preset, not in your roadmap: " + List(preset.OnlyInPreset.Select(s => $"{s.Name} ({s.Why})")), 2, 4, width);
            Wrap(text, "In your roadmap, not in the preset: " + List(preset.OnlyInRoadmap.Select(s => $"{s.Name} ({s.Why})")), 2, 4, width);
            foreach (var note in preset.Notes)
            {
                Wrap(text, "note: " + note, 2, 4, width);
            }
        }

        foreach (var note in report.Notes)
        {
            Wrap(text, "note: " + note, 0, 2, width);
        }

        return text.ToString();
    }

    /// <summary>The Markdown roadmap: phases as "## Phase N · W weeks" with a table of skills, ids and weeks.</summary>
    public static string Markdown(SkillGapReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Roadmap: {RoleNames.Of(report.TargetRole)}{(report.TargetSeniority is { } l ? " (" + l + ")" : "")}").AppendLine();
        foreach (var line in Header(report))
        {
            text.AppendLine(Md(line)).AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"**{report.Stages.Count} phase{(report.Stages.Count == 1 ? "" : "s")}, {Weeks(report.TotalWeeks)}** at {EffortTable.HoursPerWeek} hours a week.").AppendLine();
        foreach (var stage in report.Stages)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"## Phase {stage.Stage} · {Number(stage.Weeks)} weeks").AppendLine();
            text.AppendLine("| skill | id | weeks | effort | share | after |").AppendLine("|---|---|---:|---|---:|---|");
            foreach (var s in stage.Skills)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Cell(s.Name)} | {s.Skill} | {Number(s.Effort!.Weeks)} | {Cell(EffortLabel(s.Effort))} | {Pct(s.Share)} | {Cell(s.After.Count == 0 ? "-" : string.Join(", ", s.After.Select(e => $"{e.Name} ({e.Rule})")))} |");
            }

            text.AppendLine();
            foreach (var s in stage.Skills)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- **{Md(s.Name)}**: {Md(s.Why)}");
                foreach (var edge in s.After)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  - after {Md(edge.Name)}: {Md(edge.Evidence)}");
                }

                foreach (var r in s.Effort!.Resources)
                {
                    text.AppendLine(r.Url is null ? $"  - learn: {Md(r.Title)}" : $"  - learn: [{Md(r.Title)}]({r.Url})");
                }
            }

            text.AppendLine();
            if (stage.Pay is { } pay)
            {
                text.AppendLine(Md(Capital(pay.Text))).AppendLine();
            }

            text.AppendLine(Md(Capital(stage.Salary))).AppendLine();
        }

        text.AppendLine("## Missing skills by market value").AppendLine()
            .AppendLine("| # | skill | category | share | 95% interval | required | salary premium |").AppendLine("|---:|---|---|---:|---:|---:|---|");
        var rank = 0;
        foreach (var g in report.Missing)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {++rank} | {Cell(g.Name)} | {g.Category} | {Pct(g.Share)} | {Pct(g.Low)}-{Pct(g.High)} | {Pct(g.RequiredShare)} | {Cell(PremiumShort(g.Premium))} |");
        }

        if (report.Effort is { } table)
        {
            text.AppendLine().AppendLine("## Effort sources").AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"Weeks at {table.HoursPerWeek} hours a week, from `{table.Table}`{(table.Override is { } o ? $" with your rows from `{Md(o)}`" : "")}.").AppendLine()
                .AppendLine("| row | key | weeks | basis | skills | source |").AppendLine("|---|---|---:|---|---|---|");
            foreach (var row in table.Sources)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Cell(row.Origin)} | {row.Key} | {Number(row.Weeks)} | {row.Basis} | {string.Join(", ", row.Skills)} | {Cell(row.Source)} |");
            }
        }

        if (report.Preset is { } preset)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Compared with preset {preset.Preset}: {Md(preset.Name)}").AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"{Md(preset.Source)}; {preset.MonthsLow}-{preset.MonthsHigh} months.").AppendLine();
            foreach (var phase in preset.Phases)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"### Preset phase {phase.Phase}: {Md(phase.Name)} ({Weeks(phase.Weeks)} still to learn)").AppendLine()
                    .AppendLine(CultureInfo.InvariantCulture, $"{Md(phase.Why)}.").AppendLine()
                    .AppendLine("| skill | id | status | why |").AppendLine("|---|---|---|---|");
                foreach (var s in phase.Skills)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(s.Name)} | {s.Skill} | {s.Status} | {Cell(s.Why)} |");
                }

                text.AppendLine();
            }

            text.AppendLine("### In the preset, not in your roadmap").AppendLine();
            AppendList(text, preset.OnlyInPreset);
            text.AppendLine("### In your roadmap, not in the preset").AppendLine();
            AppendList(text, preset.OnlyInRoadmap);
            foreach (var note in preset.Notes)
            {
                text.Append("Note: ").AppendLine(Md(note)).AppendLine();
            }
        }

        foreach (var note in report.Notes)
        {
            text.AppendLine().Append("Note: ").AppendLine(Md(note));
        }

        return text.ToString();
    }

    private static void AppendList(StringBuilder text, IReadOnlyList<ComparedSkill> skills)
    {
        if (skills.Count == 0)
        {
            text.AppendLine("None.").AppendLine();
            return;
        }

        foreach (var s in skills)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- **{Md(s.Name)}** (`{s.Skill}`): {Md(s.Why)}");
        }

        text.AppendLine();
    }

    private static List<string> Header(SkillGapReport report)
    {
        var leftOut = report.LeftOut.Sum(l => l.Postings);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Target: {RoleNames.Of(report.TargetRole)}{(report.TargetSeniority is { } l ? ", " + l : "")}{(report.Country is { } c ? ", " + c : "")}. Shares are of {report.Basis.Label} (n = {report.Basis.Postings:N0}){(leftOut > 0 ? "; left out: " + SkillReportRenderer.LeftOutText(report.LeftOut) : "")}."),
            string.Create(CultureInfo.InvariantCulture,
                $"You have {report.Have.Count} skills of the taxonomy; they cover {report.Coverage:P0} of the demand for this role's skills. Now: {report.Salary}."),
        };
        lines.AddRange(report.Fallbacks.Select(f => "fallback: " + f));
        return lines;
    }

    private static string Status(ComparedSkill s) => s.Status switch
    {
        "have" => s.Why,
        "both" => s.Why,
        _ => "not in your roadmap: " + s.Why,
    };

    private static string EffortLabel(SkillEffort effort) => effort.Basis switch
    {
        "default" => $"default for its kind, {effort.Origin}",
        "override" => $"your file, {effort.Origin}",
        _ => effort.Origin,
    };

    private static string PremiumShort(SkillPremiumInfo? premium)
    {
        if (premium is null)
        {
            return "not known (n too small)";
        }

        var applied = SkillScope.Analytics.PremiumRules.Decide(premium.Premium, premium.Low, premium.High).Applied;
        return string.Create(CultureInfo.InvariantCulture, $"{premium.Premium * 100:+0;-0;0}% ({(applied ? "applied" : "CI has 0")})");
    }

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count == 0 ? "none" : string.Join("; ", all);
    }

    private static string Weeks(double weeks) => Number(weeks) + (weeks == 1 ? " week" : " weeks");

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Interval(double low, double high) =>
        string.Create(CultureInfo.InvariantCulture, $"{low * 100:0.0}-{high * 100:0.0}%");

    private static string Pct(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Cell(string value) => Terminal.Safe(value).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Md(string value) => Terminal.Safe(value).ReplaceLineEndings(" ");

    /// <summary>Appends <paramref name="line"/> wrapped at <paramref name="width"/>: the first line indented by <paramref name="first"/>, the rest by <paramref name="rest"/>.</summary>
    private static void Wrap(StringBuilder text, string line, int first, int rest, int width)
    {
        var words = Terminal.Safe(line).ReplaceLineEndings(" ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var current = new StringBuilder(new string(' ', first));
        var empty = true;
        foreach (var word in words)
        {
            var piece = word;
            while (true)
            {
                var room = width - current.Length - (empty ? 0 : 1);
                if (piece.Length <= room)
                {
                    current.Append(empty ? "" : " ").Append(piece);
                    empty = false;
                    break;
                }

                if (!empty)
                {
                    text.AppendLine(current.ToString());
                    current.Clear().Append(' ', rest);
                    empty = true;
                    continue;
                }

                // A word longer than a whole line (an address): cut it.
                current.Append(piece[..room]);
                text.AppendLine(current.ToString());
                current.Clear().Append(' ', rest);
                piece = piece[room..];
            }
        }

        text.AppendLine(current.ToString().TrimEnd());
    }
}
