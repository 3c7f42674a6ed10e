using SkillScope.Store;
using SkillScope.Web.Infrastructure;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Api;

/// <summary>The server's market report comes from a snapshot of the store that is never older than the rules allow.</summary>
public sealed class MarketSnapshotsTests
{
    internal sealed class Clock(DateTimeOffset now) : TimeProvider
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

    private sealed class ManualTimer(DateTimeOffset now) : TimeProvider
    {
        public TimerCallback? Tick { get; private set; }

        public override DateTimeOffset GetUtcNow() => now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Tick = callback;
            return new Stopped();
        }

        private sealed class Stopped : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Once_warm_the_snapshot_follows_the_store_without_waiting_for_a_market_request()
    {
        var db = await TestDatabase.SmallAsync();
        using var stores = new StoreAccess(db);
        var clock = new ManualTimer(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        using var snapshots = new MarketSnapshots(stores, clock);
        snapshots.Warm();
        Assert.NotNull(clock.Tick);
        await snapshots.KeepUp();
        string Stamp()
        {
            using var store = stores.OpenRead();
            return StoreStamp.Read(store);
        }

        Assert.Equal(Stamp(), snapshots.HeldStamp);
        await CliRunner.RunOkAsync("ingest", Paths.BundledSamples.Single(f => f.Contains("usajobs", StringComparison.Ordinal)), "--db", db);
        Assert.NotEqual(Stamp(), snapshots.HeldStamp);

        // A tick of the timer, with no request: the snapshot is read again in the background.
        clock.Tick!(null);
        for (var waited = 0; waited < 600 && snapshots.HeldStamp != Stamp(); waited++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(Stamp(), snapshots.HeldStamp);
    }

    /// <summary>One cached report over a small store, and a clock the test moves.</summary>
    private sealed class CachedReport : IDisposable
    {
        private readonly ReportCache cache;
        private int computed;

        private CachedReport(string db)
        {
            Db = db;
            cache = new ReportCache(Clock);
        }

        public string Db { get; }

        public Clock Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));

        public int Computed => computed;

        public static async Task<CachedReport> CreateAsync() => new(await TestDatabase.SmallAsync());

        /// <summary>The report: "computed N" when this request computes it (N counts computations).</summary>
        public string Get(Func<string>? compute = null)
        {
            using var store = SkillStore.OpenReadOnly(Db);
            return cache.GetOrCompute(store, "/api/report", compute ?? Next);
        }

        public string Next() => $"computed {Interlocked.Increment(ref computed)}";

        /// <summary>A request that computes the report and is held inside its computation until released.</summary>
        public async Task<(Task<string> Request, SemaphoreSlim Release)> StartHeldAsync()
        {
            var started = new SemaphoreSlim(0);
            var release = new SemaphoreSlim(0);
            var request = Task.Run(() => Get(() =>
            {
                started.Release();
                release.Wait(TimeSpan.FromSeconds(30));
                return Next();
            }));
            Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(30)), "the request started computing");
            return (request, release);
        }

        public void Run(string sql)
        {
            using var writer = SkillStore.Open(Db);
            writer.Execute(sql);
        }

        public void Dispose() => cache.Dispose();
    }

    [Fact]
    public async Task A_cached_report_is_reused_while_an_ingest_runs_for_at_most_ten_seconds_and_only_for_its_state_after_it_ends()
    {
        using var report = await CachedReport.CreateAsync();

        Assert.Equal("computed 1", report.Get());
        Assert.Equal("computed 1", report.Get());
        report.Run("UPDATE ingests SET status = 'running'");
        report.Clock.Now += TimeSpan.FromSeconds(4);
        Assert.Equal("computed 1", report.Get());

        // Past half the allowed lag one request computes the current answer; the others keep taking the held one meanwhile.
        report.Clock.Now += TimeSpan.FromSeconds(2);
        var (refresher, release) = await report.StartHeldAsync();
        Assert.Equal("computed 1", report.Get());
        release.Release();
        Assert.Equal("computed 2", await refresher);
        report.Clock.Now += TimeSpan.FromSeconds(20);
        Assert.Equal("computed 2", report.Get());
        report.Run("UPDATE ingests SET status = 'completed'");

        // The store is as it was before: the report computed for that state answers, not the ones made while ingesting.
        Assert.Equal("computed 1", report.Get());
    }

    [Fact]
    public async Task When_an_ingest_ends_one_request_computes_the_new_report_while_the_others_take_the_one_computed_during_it()
    {
        using var report = await CachedReport.CreateAsync();
        report.Run("UPDATE ingests SET status = 'running'");
        Assert.Equal("computed 1", report.Get());
        report.Run("UPDATE ingests SET status = 'completed'");
        report.Clock.Now += TimeSpan.FromSeconds(1);

        var (refresher, release) = await report.StartHeldAsync();
        Assert.Equal("computed 1", report.Get());
        release.Release();
        Assert.Equal("computed 2", await refresher);
        Assert.Equal("computed 2", report.Get());
    }

    [Fact]
    public async Task An_answer_computed_during_an_ingest_is_not_taken_more_than_ten_seconds_after_it_ends()
    {
        using var report = await CachedReport.CreateAsync();
        report.Run("UPDATE ingests SET status = 'running'");
        Assert.Equal("computed 1", report.Get());
        report.Run("UPDATE ingests SET status = 'completed'");
        report.Clock.Now += TimeSpan.FromSeconds(11);

        Assert.Equal("computed 2", report.Get());
    }

    [Fact]
    public async Task A_request_with_no_answer_it_may_take_joins_the_computation_under_way_instead_of_starting_another()
    {
        using var report = await CachedReport.CreateAsync();
        report.Run("UPDATE ingests SET status = 'running'");
        var (first, release) = await report.StartHeldAsync();

        // The running ingest commits a batch: the stamp moves, and the next request has nothing held to take.
        report.Run("UPDATE ingests SET rows_read = rows_read + 1");
        var second = Task.Run(() => report.Get());
        await Task.Delay(300);
        release.Release();

        Assert.Equal("computed 1", await first);
        Assert.Equal("computed 1", await second);
        Assert.Equal(1, report.Computed);
    }

    [Fact]
    public async Task A_request_that_leaves_a_refresh_to_another_leaves_no_computation_of_its_own_for_later_requests_to_run()
    {
        using var report = await CachedReport.CreateAsync();
        report.Run("UPDATE ingests SET status = 'running'");
        Assert.Equal("computed 1", report.Get());
        report.Clock.Now += TimeSpan.FromSeconds(6);
        report.Run("UPDATE ingests SET rows_read = rows_read + 1");
        var (refresher, release) = await report.StartHeldAsync();

        // Another batch moves the stamp; this request is due to refresh too but one is under way, so it takes the held answer.
        report.Run("UPDATE ingests SET rows_read = rows_read + 1");
        Assert.Equal("computed 1", report.Get(() => "computed by a request that has ended"));
        release.Release();
        Assert.Equal("computed 2", await refresher);

        // Under that same stamp, once nothing held may answer, the report is computed by the request that asks for it.
        report.Clock.Now += TimeSpan.FromSeconds(11);
        Assert.Equal("computed 3", report.Get());
    }

    [Fact]
    public async Task While_an_ingest_runs_a_search_does_not_queue_behind_the_one_that_brings_the_index_up_to_date()
    {
        var db = await TestDatabase.SmallAsync();
        using var stores = new StoreAccess(db);
        await CliRunner.RunOkAsync("ingest", Paths.BundledSamples.Single(f => f.Contains("usajobs", StringComparison.Ordinal)), "--db", db);
        using var writer = SkillStore.Open(db);
        writer.Execute("UPDATE ingests SET status = 'running' WHERE id = (SELECT MAX(id) FROM ingests)");
        // The ingest holds SQLite's write lock, so the search that updates the index waits for it (up to the busy timeout).
        using var batch = writer.Begin();
        writer.Execute("UPDATE ingests SET note = note", batch);

        void Search()
        {
            using var reader = stores.OpenRead();
            stores.EnsureSearchIndex(reader);
        }

        var first = Task.Run(Search);
        await Task.Delay(500);
        Assert.False(first.IsCompleted, "the first search waits for the ingest's batch");
        await Task.Run(Search);
        Assert.False(first.IsCompleted, "the second search went on over the index as it is instead of waiting for the first");
        batch.Rollback();
        await first;
    }
}
