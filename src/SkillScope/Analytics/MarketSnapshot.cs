using SkillScope.Store;

namespace SkillScope.Analytics;

/// <summary>
/// Every record's market facts held in memory, so a server answers the market report for any filter with one pass over
/// an array instead of three scans of the store (the uncached report cost 0.3 s of CPU per request at 300,000 records).
/// The report is the one <see cref="MarketAnalysis.Compute(SkillStore, RecordFilter)"/> gives for the same state of the
/// store; tests compare the two on both engines.
/// </summary>
public sealed class MarketSnapshot
{
    private readonly IReadOnlyList<MarketFact> facts;

    public MarketSnapshot(IReadOnlyList<MarketFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        this.facts = facts;
    }

    /// <summary>Records held.</summary>
    public int Count => facts.Count;

    public static MarketSnapshot Load(SkillStore store, CancellationToken cancellation = default) => new(ReportQueries.MarketFacts(store, cancellation));

    public MarketReport Compute(RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var matches = filter.ToPredicate();
        long appearances = 0;
        var metros = new Dictionary<string, long>(StringComparer.Ordinal);
        return MarketAnalysis.Summarize(Rows(), () => appearances, () => metros);

        IEnumerable<MarketRow> Rows()
        {
            foreach (var fact in facts)
            {
                if (!matches(fact))
                {
                    continue;
                }

                appearances += fact.Appearances;
                foreach (var metro in fact.Metros)
                {
                    metros[metro] = metros.GetValueOrDefault(metro) + 1;
                }

                yield return fact.Row;
            }
        }
    }
}
