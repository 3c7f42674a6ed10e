using System.Globalization;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Analytics;

/// <summary>One skill's demand among postings with text: share with a 95% Wilson interval.</summary>
public sealed record SkillDemandRow(
    string Skill, string Name, string Category, long Postings, double Share, double Low, double High,
    double RequiredShare, double PreferredShare, string Demand)
{
    /// <summary>The ESCO skill label the skill corresponds to, when one exists.</summary>
    public string? Esco { get; init; }

    /// <summary>The ESCO concept URI, when the shipped ESCO files carry one.</summary>
    public string? EscoUri { get; init; }

    /// <summary>The O*NET technology-skill example the skill corresponds to.</summary>
    public string? Onet { get; init; }

    /// <summary>The O*NET commodity code (UNSPSC) of that example.</summary>
    public string? OnetCode { get; init; }
}

public sealed record CategoryDemandRow(string Category, long Postings, double Share);

public sealed record CoSkillRow(string Skill, string Name, long Together, double ShareOfAnchor, double Lift);

/// <summary>
/// A skill's share in two periods and whether the change is significant: the change within each source present in
/// both periods, combined by Mantel-Haenszel (docs/skills-report.md, "Trends"). <see cref="PostingsA"/>/<see cref="ShareA"/>
/// and the B figures are over the sources compared; <see cref="Reason"/> says why a trend is not comparable.
/// </summary>
public sealed record SkillTrendRow(
    string Skill, string Name, long PostingsA, double ShareA, long PostingsB, double ShareB,
    double ChangePp, double PValue, string Trend)
{
    /// <summary>95% interval of <see cref="SkillTrendRow.ChangePp"/>, in points.</summary>
    public double LowPp { get; init; }
    public double HighPp { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<TrendSourceRow> Sources { get; init; } = [];
}

/// <summary>One source's figures in a trend: postings naming the skill and postings with full text, in each period.</summary>
public sealed record TrendSourceRow(string Source, long PostingsA, long TotalA, long PostingsB, long TotalB, bool Compared);

/// <summary>Postings matching the filters left out of skill shares, by why.</summary>
public sealed record LeftOutRow(string TextKind, long Postings, string Reason);

/// <summary>Options of the skill-demand report.</summary>
public sealed record SkillDemandOptions
{
    /// <summary>Count snippets and summaries in the shares too (by default only full descriptions count).</summary>
    public bool IncludeSnippets { get; init; }
}

public sealed record PeriodRange(string Label, DateOnly From, DateOnly To);

public sealed record SkillDemandReport
{
    /// <summary>Postings matching the filters that have text to extract skills from: the denominator of every share.</summary>
    public required long Postings { get; init; }
    /// <summary>Postings matching the filters with no text (counted nowhere in the shares).</summary>
    public required long PostingsWithoutText { get; init; }
    public required IReadOnlyList<SkillDemandRow> Skills { get; init; }
    public required IReadOnlyList<CategoryDemandRow> Categories { get; init; }
    public IReadOnlyList<CoSkillRow>? CoSkills { get; init; }
    public string? CoSkillsOf { get; init; }
    public PeriodRange? PeriodA { get; init; }
    public PeriodRange? PeriodB { get; init; }
    public long? PostingsA { get; init; }
    public long? PostingsB { get; init; }
    public IReadOnlyList<SkillTrendRow>? Trends { get; init; }
    /// <summary>Why the two periods cannot be compared at all (no shared source), or null.</summary>
    public string? TrendNote { get; init; }
    /// <summary>Whether snippets and summaries count in the shares (<c>--include-snippets</c>).</summary>
    public bool IncludeSnippets { get; init; }
    /// <summary>Postings matching the filters that are not in the denominator, by text kind, with why.</summary>
    public IReadOnlyList<LeftOutRow> LeftOut { get; init; } = [];
}

/// <summary>
/// Skill demand over postings only (salary reports never count). A skill counts once per posting;
/// it is "required" there when any of its mentions is.
/// </summary>
public static class SkillDemand
{
    /// <summary>Demand labels by share of postings; documented in docs/skills-report.md.</summary>
    public static string Label(double share) => share switch
    {
        >= 0.25 => "very high",
        >= 0.10 => "high",
        >= 0.03 => "moderate",
        _ => "niche",
    };

    /// <summary>Text kinds that count in shares: full descriptions, or (with snippets included) every posting with text.</summary>
    public static IReadOnlyList<string> CountedKinds(bool includeSnippets) =>
        includeSnippets ? [Normalize.TextKinds.Full, Normalize.TextKinds.Snippet, Normalize.TextKinds.Summary] : [Normalize.TextKinds.Full];

    public static SkillDemandReport Compute(
        SkillStore store, SkillTaxonomy taxonomy, RecordFilter filter, int top, string? coSkillsOf = null,
        (PeriodRange A, PeriodRange B)? compare = null, SkillDemandOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(filter);
        options ??= new SkillDemandOptions();
        var all = filter with { Kinds = ["posting"] };
        var counted = CountedKinds(options.IncludeSnippets);
        var postings = all with { TextKinds = counted };
        var (byKind, skillCounts, categoryCounts) = ReportQueries.PostingSkillCounts(store, all, counted, skill => taxonomy.Find(skill)?.Category);
        var withText = counted.Sum(k => byKind.GetValueOrDefault(k));
        var withoutText = byKind.GetValueOrDefault(Normalize.TextKinds.None);
        var leftOut = Normalize.TextKinds.All.Where(k => !counted.Contains(k) && byKind.GetValueOrDefault(k) > 0)
            .Select(k => new LeftOutRow(k, byKind[k], Normalize.TextCompleteness.Why(k))).ToList();

        var skills = skillCounts
            .Select(c => Row(taxonomy, c.Skill, c.Postings, c.Required, withText))
            .OrderByDescending(r => r.Postings).ThenBy(r => r.Skill, StringComparer.Ordinal)
            .Take(top)
            .ToList();

        var categories = categoryCounts
            .Select(c => new CategoryDemandRow(c.Key, c.Value, withText == 0 ? 0 : (double)c.Value / withText))
            .OrderByDescending(r => r.Postings).ThenBy(r => r.Category, StringComparer.Ordinal)
            .ToList();

        var report = new SkillDemandReport
        {
            Postings = withText, PostingsWithoutText = withoutText, Skills = skills, Categories = categories,
            IncludeSnippets = options.IncludeSnippets, LeftOut = leftOut,
        };
        if (coSkillsOf is not null)
        {
            report = report with { CoSkillsOf = coSkillsOf, CoSkills = CoSkills(store, postings, taxonomy, coSkillsOf, withText, top) };
        }

        if (compare is { } periods)
        {
            report = report with { PeriodA = periods.A, PeriodB = periods.B };
            report = Trends(store, postings, taxonomy, report, top);
        }

        return report;
    }

    /// <summary>95% Wilson score interval for <paramref name="successes"/> out of <paramref name="n"/>.</summary>
    public static (double Low, double High) Wilson(long successes, long n)
    {
        if (n == 0)
        {
            return (0, 0);
        }

        const double z = 1.959963984540054;
        var p = (double)successes / n;
        var denominator = 1 + (z * z / n);
        var centre = p + (z * z / (2 * n));
        var margin = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4.0 * n * n)));
        // Exact at the ends: no successes has a lower bound of 0, all successes an upper bound of 1.
        return (successes == 0 ? 0 : Math.Max(0, (centre - margin) / denominator), successes == n ? 1 : Math.Min(1, (centre + margin) / denominator));
    }

    /// <summary>
    /// 95% interval of the difference <c>x1/n1 - x2/n2</c> by Newcombe's hybrid score method (method 10 of Newcombe,
    /// "Interval estimation for the difference between independent proportions", Statistics in Medicine 1998): the
    /// two <see cref="Wilson"/> intervals combined, <c>d - sqrt((p1 - l1)^2 + (u2 - p2)^2)</c> to
    /// <c>d + sqrt((u1 - p1)^2 + (p2 - l2)^2)</c>. Both samples must be non-empty.
    /// </summary>
    public static (double Low, double High) NewcombeDifference(long x1, long n1, long x2, long n2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n2);
        ArgumentOutOfRangeException.ThrowIfNegative(x1);
        ArgumentOutOfRangeException.ThrowIfNegative(x2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(x1, n1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(x2, n2);
        var (p1, p2) = ((double)x1 / n1, (double)x2 / n2);
        var (l1, u1) = Wilson(x1, n1);
        var (l2, u2) = Wilson(x2, n2);
        var d = p1 - p2;
        return (Math.Max(-1, d - Math.Sqrt(((p1 - l1) * (p1 - l1)) + ((u2 - p2) * (u2 - p2)))),
            Math.Min(1, d + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p2 - l2) * (p2 - l2)))));
    }

    /// <summary>Two-sided p-value of the pooled two-proportion z test; 1 when either sample is empty.</summary>
    public static double TwoProportionPValue(long x1, long n1, long x2, long n2)
    {
        if (n1 == 0 || n2 == 0)
        {
            return 1;
        }

        var pooled = (double)(x1 + x2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        if (se == 0)
        {
            return 1;
        }

        var z = Math.Abs(((double)x1 / n1) - ((double)x2 / n2)) / se;
        return Math.Clamp(2 * NormalUpperTail(z), 0, 1);
    }

    /// <summary>
    /// The z test is only trusted when every expected cell count under the pooled share is at least 5
    /// (the usual rule for the normal approximation); otherwise no trend is claimed.
    /// </summary>
    public static bool NormalApproximationHolds(long x1, long n1, long x2, long n2)
    {
        if (n1 == 0 || n2 == 0)
        {
            return false;
        }

        var pooled = (double)(x1 + x2) / (n1 + n2);
        return Math.Min(pooled, 1 - pooled) * Math.Min(n1, n2) >= 5;
    }

    // Upper tail of the standard normal via erfc (Numerical Recipes' Chebyshev approximation, |error| < 1.2e-7).
    private static readonly double[] ErfcCoefficients =
        [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];

    private static double NormalUpperTail(double z)
    {
        var x = z / Math.Sqrt(2);
        var t = 1 / (1 + (0.5 * x));
        var polynomial = 0.0;
        for (var i = ErfcCoefficients.Length - 1; i >= 0; i--)
        {
            polynomial = (polynomial * t) + ErfcCoefficients[i];
        }

        return t * Math.Exp((-x * x) + polynomial) / 2;
    }

    private static SkillDemandRow Row(SkillTaxonomy taxonomy, string skillId, long count, long required, long n)
    {
        var skill = taxonomy.Find(skillId);
        var share = n == 0 ? 0 : (double)count / n;
        var (low, high) = Wilson(count, n);
        return new SkillDemandRow(skillId, skill?.Name ?? skillId, skill?.Category ?? "unknown", count, share, low, high,
            count == 0 ? 0 : (double)required / count, count == 0 ? 0 : (double)(count - required) / count, Label(share))
        {
            Esco = skill?.EscoLabel,
            EscoUri = skill?.EscoUri,
            Onet = skill?.OnetExample,
            OnetCode = skill?.OnetCode,
        };
    }

    private static long CountPostings(SkillStore store, RecordFilter filter, bool withText) => ReportQueries.CountRecords(store, filter, withText);

    private static List<CoSkillRow> CoSkills(SkillStore store, RecordFilter filter, SkillTaxonomy taxonomy, string anchor, long n, int top) =>
        [.. ReportQueries.CoSkills(store, filter, anchor, top).Select(c =>
        {
            var lift = c.AnchorPostings == 0 || c.SkillPostings == 0 ? 0 : (double)c.Together * n / ((double)c.AnchorPostings * c.SkillPostings);
            return new CoSkillRow(c.Skill, taxonomy.Find(c.Skill)?.Name ?? c.Skill, c.Together, (double)c.Together / c.AnchorPostings, lift);
        })];

    // Within each source (the source a posting was first seen in) present in both periods, combined by Mantel-Haenszel:
    // a change in the mix of sources (or of snippets and full texts) between the periods is not a trend.
    private static SkillDemandReport Trends(SkillStore store, RecordFilter filter, SkillTaxonomy taxonomy, SkillDemandReport report, int top)
    {
        var a = Narrow(filter, report.PeriodA!);
        var b = Narrow(filter, report.PeriodB!);
        var totalsA = FigureQueries.Counts(store, a, byMonth: false).ToDictionary(c => c.Source, c => c.Postings, StringComparer.Ordinal);
        var totalsB = FigureQueries.Counts(store, b, byMonth: false).ToDictionary(c => c.Source, c => c.Postings, StringComparer.Ordinal);
        var countsA = FigureQueries.SkillCounts(store, a, byMonth: false);
        var countsB = FigureQueries.SkillCounts(store, b, byMonth: false);
        var sources = totalsA.Keys.Union(totalsB.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var xA = countsA.ToDictionary(c => (c.Skill, c.Source), c => c.Postings);
        var xB = countsB.ToDictionary(c => (c.Skill, c.Source), c => c.Postings);
        var trends = countsA.Select(c => c.Skill).Union(countsB.Select(c => c.Skill), StringComparer.Ordinal)
            .Select(skill =>
            {
                var strata = sources.Select(source => new TrendStratum(source,
                    xA.GetValueOrDefault((skill, source)), totalsA.GetValueOrDefault(source),
                    xB.GetValueOrDefault((skill, source)), totalsB.GetValueOrDefault(source))).ToList();
                var change = StratifiedTrend.Compute(strata);
                var used = change.Strata.Where(s => s.NA > 0 && s.NB > 0 && change.Trend != StratifiedTrend.NotComparable).ToList();
                var (sxA, snA, sxB, snB) = (used.Sum(s => s.XA), used.Sum(s => s.NA), used.Sum(s => s.XB), used.Sum(s => s.NB));
                var compared = used.Select(s => s.Source).ToHashSet(StringComparer.Ordinal);
                return new SkillTrendRow(skill, taxonomy.Find(skill)?.Name ?? skill, sxA, snA == 0 ? 0 : (double)sxA / snA,
                    sxB, snB == 0 ? 0 : (double)sxB / snB, change.ChangePp, change.PValue, change.Trend)
                {
                    LowPp = change.LowPp, HighPp = change.HighPp, Reason = change.Reason,
                    Sources = [.. strata.Select(s => new TrendSourceRow(s.Source, s.XA, s.NA, s.XB, s.NB, compared.Contains(s.Source)))],
                };
            })
            .OrderByDescending(t => t.Sources.Sum(s => s.PostingsA + s.PostingsB)).ThenBy(t => t.Skill, StringComparer.Ordinal)
            .Take(top)
            .ToList();
        var shared = sources.Where(s => totalsA.GetValueOrDefault(s) > 0 && totalsB.GetValueOrDefault(s) > 0).ToList();
        var note = shared.Count == 0 ? "the two periods share no source: a change between them would compare sources, not time"
            : !shared.Any(s => totalsA[s] >= StratifiedTrend.MinStratumPostings && totalsB[s] >= StratifiedTrend.MinStratumPostings)
                ? $"no source has {StratifiedTrend.MinStratumPostings} postings with full text in both periods"
                : null;
        return report with { PostingsA = totalsA.Values.Sum(), PostingsB = totalsB.Values.Sum(), Trends = trends, TrendNote = note };
    }

    private static RecordFilter Narrow(RecordFilter filter, PeriodRange period) => filter with
    {
        Since = filter.Since is { } s && s > period.From ? s : period.From,
        Until = filter.Until is { } u && u < period.To ? u : period.To,
    };

    /// <summary>Parses "2024", "2024Q1" / "2024-Q1", or "2024-01-01..2024-06-30"; null when it is none of them.</summary>
    public static PeriodRange? ParsePeriod(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return new PeriodRange(t, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        var q = t.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        if (q.Length == 6 && q[4] == 'Q' && int.TryParse(q.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year) && q[5] is >= '1' and <= '4')
        {
            var start = new DateOnly(year, ((q[5] - '1') * 3) + 1, 1);
            return new PeriodRange(t, start, start.AddMonths(3).AddDays(-1));
        }

        var parts = t.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            && from <= to)
        {
            return new PeriodRange(t, from, to);
        }

        return null;
    }
}
