using System.Globalization;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Analytics;

/// <summary>A skill's share in one period, with its 95% Wilson interval.</summary>
public sealed record SeriesPoint(string Period, long Postings, long Total, double Share, double Low, double High);

public sealed record SkillSeriesLine(string Skill, string Name, IReadOnlyList<SeriesPoint> Points);

public sealed record SourceCount(string Source, long Postings);

/// <summary>
/// One period of the series: its postings (the denominator), by source, and whether its sources are those of the
/// period before (when they are not, a change between the two may reflect the sources, not time).
/// </summary>
public sealed record SeriesPeriod(string Period, string From, string To, long Postings, IReadOnlyList<SourceCount> Sources, bool SameSourcesAsPrevious, string? Note);

/// <summary>`report skills --by month|quarter|year`: each skill's share per period. Property names are the JSON contract.</summary>
public sealed record SkillSeriesReport
{
    public required string By { get; init; }
    /// <summary>Postings counted (full text unless snippets are included), over every period.</summary>
    public required long Postings { get; init; }
    public required bool IncludeSnippets { get; init; }
    public required IReadOnlyList<LeftOutRow> LeftOut { get; init; }
    public required IReadOnlyList<SeriesPeriod> Periods { get; init; }
    public required IReadOnlyList<SkillSeriesLine> Series { get; init; }
    /// <summary>Indeed Hiring Lab's series for a chosen skill, when the filter matches its scope (one country, every posting).</summary>
    public IReadOnlyList<ReferenceSeries> Reference { get; init; } = [];
    /// <summary>Why no reference series is given, when a chosen skill has one.</summary>
    public string? ReferenceNote { get; init; }
}

/// <summary>
/// Skill demand over time (docs/skills-report.md, "Demand over time"): the same postings as the share report (full
/// text only unless snippets are included), grouped by the month, quarter or year of their posting date. Each period
/// lists its sources; a period whose sources differ from the previous one's is marked, since the trend rules
/// (<see cref="StratifiedTrend"/>) compare periods within a source.
/// </summary>
public static class SkillSeries
{
    public static IReadOnlyList<string> Granularities { get; } = ["month", "quarter", "year"];

    /// <summary>Skills drawn when none are chosen: LLM/GenAI (any skill of the category), PyTorch and Python.</summary>
    public static IReadOnlyList<string> DefaultSkills { get; } = ["category:llm-genai", "pytorch", "python"];

    public static SkillSeriesReport Compute(
        SkillStore store, SkillTaxonomy taxonomy, RecordFilter filter, string by, IReadOnlyList<string>? skills, SkillDemandOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(filter);
        if (!Granularities.Contains(by))
        {
            throw new ArgumentException($"'{by}' is not one of {string.Join(", ", Granularities)}", nameof(by));
        }

        options ??= new SkillDemandOptions();
        var all = filter with { Kinds = ["posting"] };
        var byKind = FigureQueries.CountByTextKind(store, all);
        var counted = SkillDemand.CountedKinds(options.IncludeSnippets);
        var postings = all with { TextKinds = counted };
        var leftOut = Normalize.TextKinds.All.Where(k => !counted.Contains(k) && byKind.GetValueOrDefault(k) > 0)
            .Select(k => new LeftOutRow(k, byKind[k], Normalize.TextCompleteness.Why(k))).ToList();

        var totals = FigureQueries.Counts(store, postings, byMonth: true);
        var periodTotals = new SortedDictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var c in totals)
        {
            var period = PeriodOf(c.Month!, by);
            if (!periodTotals.TryGetValue(period, out var sources))
            {
                periodTotals[period] = sources = new Dictionary<string, long>(StringComparer.Ordinal);
            }

            sources[c.Source] = sources.GetValueOrDefault(c.Source) + c.Postings;
        }

        var periods = new List<SeriesPeriod>();
        HashSet<string>? previous = null;
        foreach (var (period, sources) in periodTotals)
        {
            var present = sources.Where(s => s.Value >= StratifiedTrend.MinStratumPostings).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            var same = previous is null || present.SetEquals(previous);
            var (from, to) = Bounds(period, by);
            periods.Add(new SeriesPeriod(period, from, to, sources.Values.Sum(),
                [.. sources.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => new SourceCount(s.Key, s.Value))],
                same, same ? null : "its sources differ from the previous period's: a change may reflect the sources, not time (narrow with --source, or use --compare)"));
            previous = present;
        }

        var chosen = skills is { Count: > 0 } ? skills : DefaultSkills;
        var series = new List<SkillSeriesLine>();
        foreach (var skill in chosen)
        {
            var members = SalaryPremiums.Members(taxonomy, skill);
            var counts = skill.StartsWith(SalaryPremiums.GroupPrefix, StringComparison.Ordinal)
                ? GroupQueries.CountsByMonth(store, postings, members)
                : [.. FigureQueries.SkillCounts(store, postings, byMonth: true, [skill]).Select(c => new StratumCount(c.Source, c.Month, c.Postings))];
            var byPeriod = counts.GroupBy(c => PeriodOf(c.Month!, by)).ToDictionary(g => g.Key, g => g.Sum(c => c.Postings), StringComparer.Ordinal);
            var points = periods.Select(p =>
            {
                var x = byPeriod.GetValueOrDefault(p.Period);
                var (low, high) = SkillDemand.Wilson(x, p.Postings);
                return new SeriesPoint(p.Period, x, p.Postings, p.Postings == 0 ? 0 : (double)x / p.Postings, low, high);
            }).ToList();
            series.Add(new SkillSeriesLine(skill, SalaryPremiums.NameOf(taxonomy, skill), points));
        }

        var (reference, note) = References(filter, chosen, periods, by);
        return new SkillSeriesReport
        {
            By = by, Postings = periods.Sum(p => p.Postings), IncludeSnippets = options.IncludeSnippets, LeftOut = leftOut,
            Periods = periods, Series = series, Reference = reference, ReferenceNote = note,
        };
    }

    /// <summary>The period a month (YYYY-MM) falls in: the month, its quarter (2026Q1) or its year.</summary>
    public static string PeriodOf(string month, string by) => by switch
    {
        "year" => month[..4],
        "quarter" => month[..4] + "Q" + (((int.Parse(month.AsSpan(5, 2), CultureInfo.InvariantCulture) - 1) / 3) + 1).ToString(CultureInfo.InvariantCulture),
        _ => month,
    };

    private static (string From, string To) Bounds(string period, string by)
    {
        var year = int.Parse(period.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var (start, months) = by switch
        {
            "year" => (new DateOnly(year, 1, 1), 12),
            "quarter" => (new DateOnly(year, ((period[^1] - '1') * 3) + 1, 1), 3),
            _ => (new DateOnly(year, int.Parse(period.AsSpan(5, 2), CultureInfo.InvariantCulture), 1), 1),
        };
        return (start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start.AddMonths(months).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static (IReadOnlyList<ReferenceSeries>, string?) References(RecordFilter filter, IReadOnlyList<string> skills, List<SeriesPeriod> periods, string by)
    {
        var ids = skills.Select(ReferenceSeriesCatalog.SeriesFor).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0 || periods.Count == 0)
        {
            return ([], null);
        }

        if (ReferenceSeriesCatalog.ScopeMismatch(filter) is { } mismatch)
        {
            return ([], mismatch);
        }

        var from = DateOnly.ParseExact(periods[0].From, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateOnly.ParseExact(periods[^1].To, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var list = new List<ReferenceSeries>();
        foreach (var id in ids)
        {
            if (ReferenceSeriesCatalog.Get(id, filter.Countries[0], from, to) is { } series)
            {
                // A quarter's or year's value is the mean of its months.
                var points = series.Points.GroupBy(p => PeriodOf(p.Period, by))
                    .Select(g => new ReferencePoint(g.Key, g.Average(p => p.Share))).ToList();
                list.Add(series with { Points = points });
            }
        }

        return (list, list.Count == 0 ? "the reference series has no months in these periods" : null);
    }
}
