using System.Globalization;
using System.Text;
using SkillScope.Analytics;
using SkillScope.Model;
using Spectre.Console;

namespace SkillScope.Cli.Rendering;

/// <summary>Salary bands, ladder, regional differentials, premiums and estimates as table, Markdown, CSV or JSON.</summary>
internal static class SalaryRenderer
{
    private const string Insufficient = "insufficient data";

    public static void Write(CliContext context, SalaryReport report, string format)
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
                context.Output.Write(Markdown(TablesOf(report), "SkillScope: salaries", Headline(report)));
                return;
            default:
                Console(context, TablesOf(report), "SkillScope: salaries", Headline(report));
                return;
        }
    }

    public static void Write(CliContext context, PremiumReport report, string format)
    {
        switch (format)
        {
            case "json":
                context.Output.WriteLine(CliJson.Serialize(report));
                return;
            case "csv":
                var csv = new StringBuilder("skill,name,premium,low,high,n_with,n_without\n");
                foreach (var p in report.Premiums)
                {
                    csv.Append(Sections.CsvField(p.Skill)).Append(',').Append(Sections.CsvField(p.Name ?? p.Skill)).Append(',')
                        .AppendLine(string.Create(CultureInfo.InvariantCulture, $"{p.Premium:0.######},{p.Low:0.######},{p.High:0.######},{p.NWith},{p.NWithout}"));
                }

                context.Output.Write(csv.ToString());
                return;
            case "md":
                context.Output.Write(Markdown([Premiums(report), .. Unreported(report)], "SkillScope: skill premiums", Headline(report)));
                return;
            default:
                Console(context, [Premiums(report), .. Unreported(report)], "SkillScope: skill premiums", Headline(report));
                return;
        }
    }

    public static void Write(CliContext context, SalaryEstimate estimate, string format)
    {
        switch (format)
        {
            case "json":
                context.Output.WriteLine(CliJson.Serialize(estimate));
                return;
            case "md":
                context.Output.Write(Markdown([Basis(estimate)], "SkillScope: salary estimate", Headline(estimate)));
                return;
            default:
                Console(context, [Basis(estimate)], "SkillScope: salary estimate", Headline(estimate));
                return;
        }
    }

    /// <summary>A titled grid of cells, rendered as a terminal table or a Markdown table.</summary>
    /// <remarks>
    /// <paramref name="Kinds"/> says how each column fits a narrow terminal (figures are never wrapped) and
    /// <paramref name="Drops"/> which columns a narrow terminal leaves out, and in which order (0: never; see <see cref="FitTable"/>).
    /// </remarks>
    private sealed record Grid(string Title, IReadOnlyList<string> Columns, IReadOnlyList<FitKind> Kinds, IReadOnlyList<int> Drops, IReadOnlyList<IReadOnlyList<string>> Rows)
    {
        /// <summary>On the terminal, the column where a row's "insufficient data" goes (the median, which is never left out).</summary>
        public string? NoteColumn { get; init; }

        public IEnumerable<bool> RightAligned => Kinds.Select(k => k == FitKind.Number);
    }

    private const FitKind T = FitKind.Text;
    private const FitKind N = FitKind.Number;
    private const FitKind K = FitKind.Token;

    private static string Headline(SalaryReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.N:N0} usable salaries of kind {report.Kind} ({report.Estimates:N0} of them estimates by the source; {report.Flagged:N0} flagged salaries left out). " +
        $"USD per year. Cells with fewer than {report.MinCell} salaries: {Insufficient}. Local currency at the rate table of {report.FxAsOf}.");

    private static string Headline(PremiumReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.N:N0} {Observations(report)} and a usable salary ({report.Estimates:N0} of them estimates by the source). " +
        $"log(annual USD) on each skill with fixed effects for {string.Join(", ", report.FixedEffects)}; premium = exp(beta) - 1 with a 95% interval (robust HC1). ")
        + (PremiumRules.MostlyEstimated(report.N, report.Estimates)
            // Premiums are not read from pay that is mostly boards' estimates, however many postings name the skill.
            ? string.Create(CultureInfo.InvariantCulture, $"No premium is reported: {report.Estimates:N0} of the {report.N:N0} salaries are boards' estimates; the {report.Tested:N0} skills and groups tested are listed with their counts.")
            : string.Create(CultureInfo.InvariantCulture, $"{report.Premiums.Count:N0} of {report.Tested:N0} skills and groups tested have at least {report.MinObservations} {Units(report)} with and without them."));

    private static string Observations(PremiumReport report) =>
        report.Kind == RecordKinds.SalaryReport ? "salary reports that list tools" : "postings with text";

    private static string Units(PremiumReport report) => report.Kind == RecordKinds.SalaryReport ? "salary reports" : "postings";

    private static string Headline(SalaryEstimate estimate) => (estimate.Suppressed
        ? $"{Insufficient}: no {estimate.Kind} cell for this profile has enough records (see the basis)."
        : string.Create(CultureInfo.InvariantCulture,
            $"Median {Sections.Number(estimate.Median)} USD per year (P25 {Sections.Number(estimate.P25)} - P75 {Sections.Number(estimate.P75)}), from n = {estimate.N:N0} {estimate.Kind} records")
          + (estimate.Local is { Currency: not "USD" } local
            ? string.Create(CultureInfo.InvariantCulture,
                $"; {local.Currency} {Sections.Number(local.Median)} (P25 {Sections.Number(local.P25)} - P75 {Sections.Number(local.P75)}) at {local.UsdPerUnit:0.####} USD per {local.Currency} ({estimate.FxAsOf})")
            : "") + ".")
        // Said as the salary reports say it: board estimates are left out unless asked for.
        + (estimate.EstimatesLeftOut > 0
            ? string.Create(CultureInfo.InvariantCulture, $" Left out: {estimate.EstimatesLeftOut:N0} salaries a board estimated (--include-estimates adds them).")
            : "");

    // Pay band columns a narrow terminal leaves out, first to last: the mean, P90, P10, then the
    // local currency columns.
    private static readonly Dictionary<string, int> BandDrops = new(StringComparer.Ordinal)
    {
        ["mean"] = 1, ["P90"] = 2, ["P10"] = 3, ["local P25"] = 4, ["local P75"] = 5, ["currency"] = 6, ["local median"] = 6,
    };

    private static IReadOnlyList<Grid> TablesOf(SalaryReport report)
    {
        var local = report.Cells.Any(c => c.Local is not null);
        var columns = report.By.Concat(["n", "P10", "P25", "median", "P75", "P90", "mean"]).Concat(local ? ["currency", "local P25", "local median", "local P75"] : []).ToList();
        var bands = report.Cells.Select(c =>
        {
            var row = report.By.Select(d => c.Group[d]).Append(Sections.Number(c.N)).ToList();
            if (c.Suppressed)
            {
                row.Add(Insufficient);
                row.AddRange(Enumerable.Repeat("", columns.Count - row.Count));
                return (IReadOnlyList<string>)row;
            }

            row.AddRange([Sections.Number(c.P10), Sections.Number(c.P25), Sections.Number(c.Median), Sections.Number(c.P75), Sections.Number(c.P90), Sections.Number(c.Mean)]);
            if (local)
            {
                row.AddRange(c.Local is { } l ? [l.Currency, Sections.Number(l.P25), Sections.Number(l.Median), Sections.Number(l.P75)] : ["", "", "", ""]);
            }

            return row;
        }).ToList();

        var ladder = report.Ladder.SelectMany(r => r.Steps.Select(s => (IReadOnlyList<string>)
        [
            r.Role, s.Seniority, Sections.Number(s.N), s.Suppressed ? Insufficient : Sections.Number(s.Median),
            s.RatioToJunior is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-",
        ])).ToList();

        var regions = report.Regions.Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Region, r.Baseline, Sections.Number(r.N), Sections.Number(r.Cells),
            r.Suppressed ? Insufficient : Signed(r.Differential), r.Suppressed ? "" : $"{Signed(r.Low)} to {Signed(r.High)}",
        ]).ToList();

        return
        [
            new Grid("Pay bands, USD per year", columns, [.. columns.Select((c, i) => i < report.By.Count || c == "currency" ? K : N)],
                [.. columns.Select(c => BandDrops.TryGetValue(c, out var drop) ? drop : 0)], bands) { NoteColumn = "median" },
            new Grid("Experience ladder: median by level, and its ratio to the junior median", ["role", "level", "n", "median", "x junior"],
                [K, K, N, N, N], [0, 0, 0, 0, 0], ladder),
            new Grid(string.Create(CultureInfo.InvariantCulture,
                    $"Regional differential by {report.Regions.Level} (same role x seniority mix; 95% bootstrap interval, {report.Regions.BootstrapSamples} samples, seed {report.Regions.Seed})"),
                [report.Regions.Level, "baseline", "n", "cells", "differential", "95% interval"], [T, K, N, N, N, N], [0, 2, 0, 1, 0, 0], regions),
        ];
    }

    private static Grid Premiums(PremiumReport report) => new(
        $"Skill premiums ({Units(report)})",
        ["skill", "name", "premium", "95% interval", "n with", "n without"],
        [K, T, N, N, N, N], [1, 0, 0, 0, 0, 0],
        [.. report.Premiums.Select(p => (IReadOnlyList<string>)
            [p.Skill, p.Name ?? p.Skill, Signed(p.Premium), $"{Signed(p.Low)} to {Signed(p.High)}", Sections.Number(p.NWith), Sections.Number(p.NWithout)])]);

    private static IEnumerable<Grid> Unreported(PremiumReport report) => report.NotReported.Count == 0 ? [] :
    [
        new Grid("Tested but not reported", ["skill", "n with", "n without", "why"], [K, N, N, T], [0, 0, 0, 0],
            [.. report.NotReported.Select(u => (IReadOnlyList<string>)[u.Skill, Sections.Number(u.NWith), Sections.Number(u.NWithout), u.Reason])]),
    ];

    private static Grid Basis(SalaryEstimate estimate) => new(
        "Basis: what the estimate used (and tried)",
        ["type", "what", "n", "value", "95% interval", "applied", "note"],
        [K, T, N, N, N, T, T], [0, 0, 0, 0, 1, 0, 2],
        [.. estimate.Basis.Select(b => (IReadOnlyList<string>)
        [
            b.Type, b.Label, Sections.Number(b.N), b.Value is { } v ? Signed(v) : "",
            b.Low is { } low && b.High is { } high ? $"{Signed(low)} to {Signed(high)}" : "",
            b.Applied ? (b.Factor is { } f && b.Type != "cell" ? string.Create(CultureInfo.InvariantCulture, $"yes, x{f:0.000}") : "yes") : "no",
            b.Note ?? "",
        ])]);

    private static string Signed(double? fraction) =>
        fraction is { } f ? (f * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static void Console(CliContext context, IReadOnlyList<Grid> grids, string title, string headline)
    {
        var console = Consoles.For(context);
        console.Write(new Rule($"[bold]{Terminal.Escape(title)}[/]").LeftJustified());
        console.WriteLine(headline);
        foreach (var grid in grids)
        {
            var table = new FitTable { Title = grid.Title };
            for (var c = 0; c < grid.Columns.Count; c++)
            {
                table.Column(grid.Columns[c], grid.Kinds[c], grid.Drops[c]);
            }

            var note = grid.NoteColumn is { } name ? grid.Columns.ToList().IndexOf(name) : -1;
            foreach (var row in grid.Rows)
            {
                var cells = row.Select(cell => cell == Insufficient ? FitCell.Note(Insufficient) : (FitCell)cell).ToArray();
                var at = Array.FindIndex(cells, c => c.Text == Insufficient);
                if (note >= 0 && at >= 0 && at != note)
                {
                    (cells[at], cells[note]) = (cells[note], cells[at]);
                }

                table.Add(cells);
            }

            console.Write(table);
        }
    }

    private static string Markdown(IReadOnlyList<Grid> grids, string title, string headline)
    {
        var text = new StringBuilder("# ").AppendLine(title).AppendLine().AppendLine(headline).AppendLine();
        foreach (var grid in grids)
        {
            text.Append("## ").AppendLine(grid.Title).AppendLine()
                .Append("| ").AppendJoin(" | ", grid.Columns.Select(Escape)).AppendLine(" |")
                .Append('|').AppendJoin("", grid.RightAligned.Select(r => r ? "---:|" : "---|")).AppendLine();
            if (grid.Rows.Count == 0)
            {
                text.Append("| (no records) |").AppendJoin("", grid.Columns.Skip(1).Select(_ => " |")).AppendLine();
            }

            foreach (var row in grid.Rows)
            {
                text.Append("| ").AppendJoin(" | ", row.Select(Escape)).AppendLine(" |");
            }

            text.AppendLine();
        }

        return text.ToString();

        static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
    }

    // Long format (one figure per line) so a spreadsheet can pivot bands, ladder and regions alike.
    private static string Csv(SalaryReport report)
    {
        var text = new StringBuilder("section,group,n,measure,value\n");
        foreach (var c in report.Cells)
        {
            var group = string.Join(";", report.By.Select(d => d + "=" + c.Group[d]));
            Line("bands", group, c.N, "suppressed", c.Suppressed ? "true" : "false");
            foreach (var (measure, value) in (ReadOnlySpan<(string, double?)>)[("p10", c.P10), ("p25", c.P25), ("median", c.Median), ("p75", c.P75), ("p90", c.P90), ("mean", c.Mean)])
            {
                Line("bands", group, c.N, measure, Format(value));
            }

            if (c.Local is { } l)
            {
                Line("bands", group, c.N, "local_currency", l.Currency);
                foreach (var (measure, value) in (ReadOnlySpan<(string, double?)>)[("local_p10", l.P10), ("local_p25", l.P25), ("local_median", l.Median), ("local_p75", l.P75), ("local_p90", l.P90), ("local_mean", l.Mean)])
                {
                    Line("bands", group, c.N, measure, Format(value));
                }
            }
        }

        foreach (var r in report.Ladder)
        {
            foreach (var s in r.Steps)
            {
                var group = $"role={r.Role};seniority={s.Seniority}";
                Line("ladder", group, s.N, "median", Format(s.Median));
                Line("ladder", group, s.N, "ratio_to_junior", Format(s.RatioToJunior, "0.######"));
            }
        }

        foreach (var r in report.Regions.Rows)
        {
            var group = $"{report.Regions.Level}={r.Region};baseline={r.Baseline}";
            Line("regions", group, r.N, "differential", Format(r.Differential, "0.######"));
            Line("regions", group, r.N, "low", Format(r.Low, "0.######"));
            Line("regions", group, r.N, "high", Format(r.High, "0.######"));
        }

        return text.ToString();

        void Line(string section, string group, long n, string measure, string value) =>
            text.Append(section).Append(',').Append(Sections.CsvField(group)).Append(',').Append(n.ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(measure).Append(',').AppendLine(value);

        static string Format(double? value, string format = "0.##") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";
    }
}
