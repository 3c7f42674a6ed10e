using System.Globalization;
using System.Text;
using SkillScope.Career;
using Spectre.Console;

namespace SkillScope.Cli.Rendering;

/// <summary>What `resume parse --format json` prints: what was read, without the resume's text.</summary>
internal sealed record ResumeView(
    string File, string Format, int Words, string Role, string Seniority, double? YearsOfExperience, string? YearsBasis,
    string? EducationLevel, string? EducationEvidence, string? Country, IReadOnlyList<ResumePosition> Positions, IReadOnlyList<ResumeSkill> Skills,
    IReadOnlyList<string> Certifications, IReadOnlyList<BulletView> Bullets, IReadOnlyList<string> Warnings);

internal sealed record BulletView(int Number, string Text, bool MeasurableResult);

internal static class CareerRenderer
{
    public static void WriteScore(CliContext context, ResumeScore score, string resumeFile, string format)
    {
        switch (format)
        {
            case "json":
                context.Output.WriteLine(CliJson.Serialize(score));
                return;
            case "md":
                context.Output.Write(ScoreMarkdown(score, resumeFile));
                return;
        }

        var console = Consoles.For(context);
        console.Write(new Rule("[bold]SkillScope: resume score[/]").LeftJustified());
        console.WriteLine(Headline(score, resumeFile));
        console.MarkupLine($"[bold]Score: {score.Score} / 100[/]");
        var breakdown = new FitTable { Title = "Breakdown" }.Text("factor").Number("weight").Number("points").Text("detail");
        foreach (var f in score.Breakdown)
        {
            breakdown.Add(f.Label, f.Applies ? Number(f.Weight) : "-", f.Applies ? Number(f.Points) : "-", f.Detail);
        }

        console.Write(breakdown);
        if (score.Skills.Count > 0)
        {
            var skills = new FitTable { Title = "Skills the posting names" }.Text("skill").Token("asked").Text("in resume").Number("share of " + score.Market.Label);
            foreach (var s in score.Skills.OrderBy(s => s.Status == "found" ? 1 : 0).ThenBy(s => s.Strength == "required" ? 0 : 1))
            {
                skills.Add(s.Name, s.Strength, Status(s), s.MarketShare is { } m ? Sections.Percent(m) : "-");
            }

            console.Write(skills);
        }

        if (score.Improvements.Count > 0)
        {
            var improvements = new FitTable { Title = "Improvements, most valuable first" }.Number("#").Number("points").Text("change");
            foreach (var i in score.Improvements)
            {
                improvements.Add(i.Rank.ToString(CultureInfo.InvariantCulture), "+" + Number(i.Gain),
                    i.Sentence is null ? OneLine(i.Text) : $"{OneLine(i.Text)}\nfrom the posting: \"{OneLine(i.Sentence)}\"");
            }

            console.Write(improvements);
        }

        foreach (var line in score.Notes.Concat(score.Resume.Warnings))
        {
            console.WriteLine("note: " + line);
        }
    }

    public static void WriteResume(CliContext context, Resume resume, string file, string format)
    {
        var view = new ResumeView(file, resume.Format, resume.Words, resume.Role, resume.Seniority, resume.YearsOfExperience, resume.YearsBasis,
            resume.EducationLevel, resume.EducationEvidence, resume.Country, resume.Positions, resume.Skills, resume.Certifications,
            [.. resume.Bullets.Select((b, i) => new BulletView(i + 1, b, MeasurableResultsOf(b)))], resume.Warnings);
        if (format == "json")
        {
            context.Output.WriteLine(CliJson.Serialize(view));
            return;
        }

        var console = Consoles.For(context);
        console.Write(new Rule($"[bold]SkillScope: {Terminal.Escape(file)}[/]").LeftJustified());
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{resume.Format}, {resume.Words:N0} words; reads as {RoleNames.Of(resume.Role)} ({resume.Seniority}); experience: {(resume.YearsOfExperience is { } y ? $"{y:0.#} years ({resume.YearsBasis})" : "unknown")}; education: {resume.EducationLevel ?? "none found"}"));
        var positions = new FitTable { Title = "Positions" }.Text("title").Text("organization").Token("from").Token("to").Token("role", drop: 2).Token("level", drop: 1);
        foreach (var p in resume.Positions)
        {
            positions.Add(OneLine(p.Title), OneLine(p.Organization ?? ""), p.Start?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "",
                p.Current ? "present" : p.End?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "", p.Role, p.Seniority);
        }

        console.Write(positions);
        console.WriteLine("Skills: " + string.Join(", ", resume.Skills.Select(s => s.Name)));
        console.WriteLine("Certifications: " + (resume.Certifications.Count == 0 ? "none" : string.Join(", ", resume.Certifications)));
        var bullets = new FitTable { Title = "Bullets" }.Number("#").Token("result").Text("text");
        foreach (var b in view.Bullets)
        {
            bullets.Add(b.Number.ToString(CultureInfo.InvariantCulture), b.MeasurableResult ? "yes" : "no", OneLine(b.Text));
        }

        console.Write(bullets);
        foreach (var warning in resume.Warnings)
        {
            console.WriteLine("note: " + warning);
        }
    }

    public static void WriteGap(CliContext context, SkillGapReport report, string format)
    {
        switch (format)
        {
            case "json":
                context.Output.WriteLine(CliJson.Serialize(report));
                return;
            case "md":
                context.Output.Write(GapMarkdown(report));
                return;
        }

        var console = Consoles.For(context);
        console.Write(new Rule("[bold]SkillScope: skill gap and roadmap[/]").LeftJustified());
        foreach (var line in GapHeader(report))
        {
            console.WriteLine(line);
        }

        var missing = new FitTable { Title = "Missing skills by market value" }
            .Number("#").Text("skill").Token("category", drop: 1).Number("share").Number("95% interval", drop: 3).Number("required", drop: 2).Text("salary premium");
        var rank = 0;
        foreach (var g in report.Missing)
        {
            missing.Add((++rank).ToString(CultureInfo.InvariantCulture), g.Name, g.Category, Sections.Percent(g.Share),
                $"{Sections.Percent(g.Low)}-{Sections.Percent(g.High)}", Sections.Percent(g.RequiredShare), PremiumCell(g.Premium));
        }

        console.Write(missing);
        foreach (var stage in report.Stages)
        {
            console.MarkupLine($"[bold]Stage {stage.Stage}[/]: {Terminal.Escape(string.Join(", ", stage.Skills.Select(s => s.Name)))}");
            foreach (var s in stage.Skills)
            {
                console.WriteLine($"  - {s.Name}: {s.Why}");
            }

            console.WriteLine("  " + stage.Salary);
        }

        foreach (var note in report.Notes)
        {
            console.WriteLine("note: " + note);
        }
    }

    public static void WriteMatches(CliContext context, MatchReport report, string format)
    {
        switch (format)
        {
            case "json":
                context.Output.WriteLine(CliJson.Serialize(report));
                return;
            case "md":
                context.Output.Write(MatchMarkdown(report));
                return;
        }

        var console = Consoles.For(context);
        console.Write(new Rule("[bold]SkillScope: matching postings[/]").LeftJustified());
        // A column each for level, skills and why from 160 columns up; narrower, they are lines under the posting.
        var wide = new FitTable { Empty = "(no matching postings)" }
            .Number("#").Number("score").Number("id").Text("posting").Token("level").Text("skills matched").Text("skills missing (required)").Text("why");
        var narrow = new FitTable { Empty = "(no matching postings)" }.Number("#").Number("score").Number("id").Text("posting, level, skills and why");
        foreach (var m in report.Matches)
        {
            var (rankCell, scoreCell, id) = (m.Rank.ToString(CultureInfo.InvariantCulture), Number(m.Score), m.RecordId.ToString(CultureInfo.InvariantCulture));
            var (matched, missingSkills, why) = (string.Join(", ", m.MatchedRequired.Concat(m.MatchedPreferred)), string.Join(", ", m.MissingRequired), string.Join("; ", m.Why));
            wide.Add(rankCell, scoreCell, id, OneLine(PostingLabel(m)), m.Seniority, matched, missingSkills, OneLine(why));
            narrow.Add(rankCell, scoreCell, id, string.Join('\n', OneLine(PostingLabel(m)), "level: " + m.Seniority,
                "matched: " + (matched.Length == 0 ? "none" : matched), "missing (required): " + (missingSkills.Length == 0 ? "none" : missingSkills), "why: " + OneLine(why)));
        }

        var width = console.Profile.Width;
        console.Write(width >= WideMatchColumns && wide.MinimumWidth() <= width ? wide : narrow);
        foreach (var note in report.Notes)
        {
            console.WriteLine("note: " + note);
        }
    }

    private static string ScoreMarkdown(ResumeScore score, string resumeFile)
    {
        var text = new StringBuilder("# SkillScope: resume score\n\n").AppendLine(Headline(score, resumeFile)).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"**Score: {score.Score} / 100**").AppendLine()
            .AppendLine("## Breakdown\n\n| factor | weight | points | detail |\n|---|---:|---:|---|");
        foreach (var f in score.Breakdown)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Label} | {(f.Applies ? Number(f.Weight) : "-")} | {(f.Applies ? Number(f.Points) : "-")} | {Cell(f.Detail)} |");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Skills the posting names\n\n| skill | asked | in resume | share of {score.Market.Label} |\n|---|---|---|---:|");
        foreach (var s in score.Skills)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(s.Name)} | {s.Strength} | {Status(s)} | {(s.MarketShare is { } m ? Sections.Percent(m) : "-")} |");
        }

        text.AppendLine().AppendLine("## Improvements, most valuable first\n");
        foreach (var i in score.Improvements)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{i.Rank}. (+{Number(i.Gain)}) {i.Text}");
            if (i.Sentence is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   > {i.Sentence}");
            }
        }

        foreach (var line in score.Notes.Concat(score.Resume.Warnings))
        {
            text.AppendLine().Append("Note: ").AppendLine(line);
        }

        return text.ToString();
    }

    private static string GapMarkdown(SkillGapReport report)
    {
        var text = new StringBuilder("# SkillScope: skill gap and roadmap\n\n");
        foreach (var line in GapHeader(report))
        {
            text.AppendLine(line).AppendLine();
        }

        text.AppendLine("## Missing skills by market value\n\n| # | skill | category | share | 95% interval | required | salary premium |\n|---:|---|---|---:|---:|---:|---|");
        var rank = 0;
        foreach (var g in report.Missing)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {++rank} | {Cell(g.Name)} | {g.Category} | {Sections.Percent(g.Share)} | {Sections.Percent(g.Low)}-{Sections.Percent(g.High)} | {Sections.Percent(g.RequiredShare)} | {PremiumCell(g.Premium)} |");
        }

        text.AppendLine().AppendLine("## Roadmap\n");
        foreach (var stage in report.Stages)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"### Stage {stage.Stage}: {string.Join(", ", stage.Skills.Select(s => s.Name))}\n");
            foreach (var s in stage.Skills)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- **{s.Name}**: {s.Why}");
            }

            text.AppendLine().AppendLine(stage.Salary).AppendLine();
        }

        foreach (var note in report.Notes)
        {
            text.Append("Note: ").AppendLine(note).AppendLine();
        }

        return text.ToString();
    }

    private static string MatchMarkdown(MatchReport report)
    {
        var text = new StringBuilder("# SkillScope: matching postings\n\n| # | score | id | posting | level | skills matched | missing (required) | why |\n|---:|---:|---:|---|---|---|---|---|\n");
        foreach (var m in report.Matches)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Rank} | {Number(m.Score)} | {m.RecordId} | {Cell(PostingLabel(m))} | {m.Seniority} | {Cell(string.Join(", ", m.MatchedRequired.Concat(m.MatchedPreferred)))} | {Cell(string.Join(", ", m.MissingRequired))} | {Cell(string.Join("; ", m.Why))} |");
        }

        foreach (var note in report.Notes)
        {
            text.AppendLine().Append("Note: ").AppendLine(note);
        }

        return text.ToString();
    }

    private static List<string> GapHeader(SkillGapReport report)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Target: {RoleNames.Of(report.TargetRole)}{(report.TargetSeniority is { } l ? ", " + l : "")}{(report.Country is { } c ? ", " + c : "")}. Shares are of {report.Basis.Label} (n = {report.Basis.Postings:N0})."),
            string.Create(CultureInfo.InvariantCulture,
                $"You have {report.Have.Count} skills of the taxonomy; they cover {report.Coverage:P0} of the demand for this role's skills. Now: {report.Salary}."),
        };
        lines.AddRange(report.Fallbacks.Select(f => "fallback: " + f));
        return lines;
    }

    private static string Headline(ResumeScore score, string resumeFile)
    {
        var p = score.Posting;
        var r = score.Resume;
        return Terminal.Safe(string.Create(CultureInfo.InvariantCulture,
            $"Resume {resumeFile} ({r.Format}, {r.Words:N0} words) against '{p.Title}'{(p.Company is { } c ? " at " + c : "")}{(p.RecordId is { } id ? $" (record {id})" : "")}: {RoleNames.Of(p.Role)}, {p.Seniority}."));
    }

    private static string PostingLabel(JobMatch m) => Terminal.Safe(
        m.Title + (m.Company is { } c ? " - " + c : "") + (m.Location is { } l ? " (" + l + ")" : "") + (m.WorkArrangement is "remote" or "hybrid" ? " [" + m.WorkArrangement + "]" : ""));

    private static string Status(SkillMatch s) => s.Status == "implied" ? $"implied by {s.ImpliedBy}" : s.Status;

    private static string PremiumCell(SkillPremiumInfo? premium) => premium is null
        ? "not known (n too small)"
        : string.Create(CultureInfo.InvariantCulture, $"{premium.Premium * 100:+0;-0;0}% (n = {premium.NWith:N0})");

    private static bool MeasurableResultsOf(string bullet) => ResumeScorer.HasMeasurableResult(bullet);

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>From this width up, `match` prints level, skills and why in columns of their own.</summary>
    internal const int WideMatchColumns = 160;

    // Stored text on one line of a cell: its own line breaks become spaces (the cell wraps it at spaces).
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
