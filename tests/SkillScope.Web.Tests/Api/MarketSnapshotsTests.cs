using SkillScope.Store;
using SkillScope.Web.Infrastructure;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Api;

/// <summary>The server's market report comes from a snapshot of the store that is never older than the rules allow.</summary>
public sealed class MarketSnapshotsTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task A_snapshot_answers_only_for_its_state_of_the_store_or_for_at_most_ten_seconds_while_an_ingest_runs()
    {
        var db = await TestDatabase.SmallAsync();
        using var stores = new StoreAccess(db);
        var clock = new Clock(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        var snapshots = new MarketSnapshots(stores, clock);
        long Total()
        {
            using var store = stores.OpenRead();
            return snapshots.Compute(store, RecordFilter.None, CancellationToken.None).Total;
        }

        Assert.Equal(3, Total());
        await CliRunner.RunOkAsync("ingest", Paths.BundledSamples.Single(f => f.Contains("usajobs", StringComparison.Ordinal)), "--db", db);
        var stored = Total();
        Assert.True(stored > 1_900, $"a finished ingest is in the next report at once: {stored}");

        // An ingest that is still running: the report may lag it, by at most ten seconds.
        using (var writer = SkillStore.Open(db))
        {
            writer.Execute("UPDATE ingests SET status = 'running' WHERE id = (SELECT MIN(id) FROM ingests)");
        }

        await CliRunner.RunOkAsync("ingest", Paths.BundledSamples.Single(f => f.Contains("aijobs", StringComparison.Ordinal)), "--db", db);
        clock.Now += TimeSpan.FromSeconds(9);
        Assert.Equal(stored, Total());
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.True(Total() > stored + 70_000);
    }
}
