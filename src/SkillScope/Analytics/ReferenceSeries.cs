using System.Globalization;
using SkillScope.Store;

namespace SkillScope.Analytics;

/// <summary>One month of a published reference series: the share (0-1) of a country's postings that mention its keywords.</summary>
public sealed record ReferencePoint(string Period, double Share);

/// <summary>
/// A published series to draw beside SkillScope's own shares, with its scope and attribution. Indeed Hiring Lab's AI
/// Tracker (CC BY 4.0, data/reference/indeed_ai_tracker_monthly.csv): the share of all of a country's Indeed
/// postings that mention AI keywords ("machine learning", "data science", "artificial intelligence") or GenAI
/// keywords ("generative AI", "large language models", "ChatGPT").
/// </summary>
public sealed record ReferenceSeries(string Id, string Name, string Country, string Scope, string Attribution, IReadOnlyList<ReferencePoint> Points);

public static class ReferenceSeriesCatalog
{
    public const string Ai = "indeed-ai";
    public const string GenAi = "indeed-genai";
    public const string Attribution = "Indeed Hiring Lab, AI Tracker (github.com/hiring-lab/ai-tracker), CC BY 4.0";

    private const string ResourceName = "SkillScope.reference.indeed_ai_tracker_monthly.csv";

    /// <summary>Skills whose share the series measures: the AI series for AI/ML/data science, the GenAI series for the llm-genai category.</summary>
    public static string? SeriesFor(string skillOrGroup) => skillOrGroup switch
    {
        "machine-learning" or "artificial-intelligence" or "data-science" => Ai,
        "generative-ai" or "llms" or "category:llm-genai" => GenAi,
        _ => null,
    };

    private static readonly Lazy<List<(string Month, string Country, double Ai, double? GenAi)>> Rows = new(Load);

    /// <summary>Countries the series covers.</summary>
    public static IReadOnlyList<string> Countries => [.. Rows.Value.Select(r => r.Country).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Why the series does not match a filter's scope, or null when it does: it covers every posting in one country,
    /// so it is offered for a filter of exactly one covered country and nothing narrower (no role, level, arrangement
    /// or employment type), and never for salary reports.
    /// </summary>
    public static string? ScopeMismatch(RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Countries.Count != 1 || !Countries.Contains(filter.Countries[0]))
        {
            return $"the reference series covers one country's postings ({string.Join(", ", Countries)}): filter by one of them";
        }

        if (filter.Roles.Count > 0 || filter.Seniorities.Count > 0 || filter.WorkArrangements.Count > 0 || filter.EmploymentTypes.Count > 0)
        {
            return "the reference series covers every posting in the country, not one role, level, arrangement or employment type";
        }

        return filter.Kinds.Any(k => k != Model.RecordKinds.Posting) ? "the reference series counts postings only" : null;
    }

    /// <summary>The series' monthly points for a country between two dates (inclusive months), or null when it has none.</summary>
    public static ReferenceSeries? Get(string id, string country, DateOnly? from = null, DateOnly? to = null)
    {
        var (name, pick) = id switch
        {
            Ai => ("Indeed: share of postings mentioning AI", (Func<(string, string, double Ai, double? GenAi), double?>)(r => r.Ai)),
            GenAi => ("Indeed: share of postings mentioning GenAI", r => r.GenAi),
            _ => throw new ArgumentException($"unknown reference series '{id}'", nameof(id)),
        };
        var (low, high) = (from is { } f ? f.ToString("yyyy-MM", CultureInfo.InvariantCulture) : "", to is { } t ? t.ToString("yyyy-MM", CultureInfo.InvariantCulture) : "9999");
        var points = Rows.Value
            .Where(r => r.Country == country && string.CompareOrdinal(r.Month, low) >= 0 && string.CompareOrdinal(r.Month, high) <= 0)
            .Select(r => pick(r) is { } share ? new ReferencePoint(r.Month, share / 100) : null)
            .OfType<ReferencePoint>()
            .ToList();
        return points.Count == 0 ? null : new ReferenceSeries(id, name, country,
            $"all Indeed postings in {country} (every occupation), monthly mean of the daily 7-day share", Attribution, points);
    }

    private static List<(string, string, double, double?)> Load()
    {
        using var stream = typeof(ReferenceSeriesCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var rows = new List<(string, string, double, double?)>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var cells = line.Split(',');
            rows.Add((cells[0], cells[1], double.Parse(cells[2], CultureInfo.InvariantCulture),
                cells[3].Length == 0 ? null : double.Parse(cells[3], CultureInfo.InvariantCulture)));
        }

        return rows;
    }
}
