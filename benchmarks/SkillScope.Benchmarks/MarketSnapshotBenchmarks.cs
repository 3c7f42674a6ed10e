using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SkillScope.Analytics;
using SkillScope.Normalize;
using SkillScope.Store;

namespace SkillScope.Benchmarks;

/// <summary>
/// What the server pays per uncached market report (`/api/market` with a new filter): one pass over the snapshot's
/// facts (the 74,301-row survey, bundled), against the floor of any one-pass report, a plain scan that only tests each
/// fact against the filter and sums its appearances.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class MarketSnapshotBenchmarks
{
    private static readonly RecordFilter Filter = new() { Roles = ["data_scientist", "ml_engineer"], Countries = ["US"] };
    private string? folder;
    private MarketSnapshot? snapshot;
    private MarketFact[] facts = [];

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("skillscope-market-bench-").FullName;
        using var store = SkillStore.Open(Path.Combine(folder, "market.db"));
        new IngestService(store, FxRates.Default, TimeProvider.System).Ingest(BenchData.Survey, new IngestOptions());
        snapshot = MarketSnapshot.Load(store);
        facts = [.. ReportQueries.MarketFacts(store).Facts];
    }

    [Benchmark(Baseline = true)]
    public long PlainScan()
    {
        var matches = Filter.ToPredicate();
        long appearances = 0;
        foreach (var fact in facts)
        {
            if (matches(fact))
            {
                appearances += fact.Appearances;
            }
        }

        return appearances;
    }

    [Benchmark]
    public long ReportWithFilter() => snapshot!.Compute(Filter).Total;

    [Benchmark]
    public long ReportWholeStore() => snapshot!.Compute(RecordFilter.None).Total;

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
