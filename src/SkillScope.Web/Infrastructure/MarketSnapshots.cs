using SkillScope.Analytics;
using SkillScope.Store;

namespace SkillScope.Web.Infrastructure;

/// <summary>
/// The market report from a <see cref="MarketSnapshot"/> of the store: one pass over records held in memory per request
/// instead of three scans of the store. A snapshot answers only for the state of the store it was read from, with one
/// exception: while an ingest runs, every batch it commits changes the store, so a snapshot at most
/// <see cref="MaxLagWhileIngesting"/> old answers while a newer one is read in the background. One snapshot is read
/// at a time; requests that need a new one wait for it. The first is read when the server starts (<see cref="Warm"/>);
/// later ones read only the records added or given new appearances since (<see cref="MarketSnapshot.Update"/>), unless an
/// ingest that has ended updated stored records in place: then the whole store is read again.
/// </summary>
internal sealed class MarketSnapshots(StoreAccess stores, TimeProvider time) : IDisposable
{
    /// <summary>How far behind a running ingest the report may be.</summary>
    public static readonly TimeSpan MaxLagWhileIngesting = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether a result computed under <paramref name="heldStamp"/> <paramref name="age"/> ago may answer for the store
    /// at <paramref name="stamp"/>: for the same state; and for at most <see cref="MaxLagWhileIngesting"/> while an
    /// ingest runs or when the result was computed while one ran (so an ingest's end, or the gap between two ingests,
    /// does not make every reader wait for a new answer at once). The report cache's rule; the market snapshot itself
    /// lags only a running ingest.
    /// </summary>
    public static bool MayAnswer(string heldStamp, TimeSpan age, string stamp) =>
        heldStamp == stamp
        || (age < MaxLagWhileIngesting && (StoreStamp.IngestRunning(stamp) || StoreStamp.IngestRunning(heldStamp)));

    /// <summary>
    /// Whether a result that <see cref="MayAnswer"/> should be computed again now: it lags a running ingest and half the
    /// allowed lag has passed, so a newer one is ready before the older one runs out; or the ingest it lags has ended.
    /// </summary>
    public static bool DueForRefresh(string heldStamp, TimeSpan age, string stamp) =>
        heldStamp != stamp && (age >= MaxLagWhileIngesting / 2 || !StoreStamp.IngestRunning(stamp));

    private readonly Lock gate = new();
    private volatile Snapshot? current;
    private Task<Snapshot>? reading;

    private sealed record Snapshot(string Stamp, MarketSnapshot Facts, DateTimeOffset ReadAt);

    public MarketReport Compute(SkillStore store, RecordFilter filter, CancellationToken cancellation)
    {
        var stamp = StoreStamp.Read(store);
        var snapshot = current;
        var age = snapshot is null ? TimeSpan.MaxValue : time.GetUtcNow() - snapshot.ReadAt;
        // The snapshot itself lags only a running ingest: once it has ended, the answer is read from its final state
        // (the report cache in front may still hand out, for a few seconds, answers computed while it ran).
        if (snapshot is not null && (snapshot.Stamp == stamp || (StoreStamp.IngestRunning(stamp) && age < MaxLagWhileIngesting)))
        {
            // Lagging a running ingest: read a newer snapshot in the background before this one runs out of time.
            if (DueForRefresh(snapshot.Stamp, age, stamp))
            {
                _ = Read();
            }

            return snapshot.Facts.Compute(filter);
        }

        // A read under way may have begun before the store reached this state: then read once more.
        var read = Read().WaitAsync(cancellation).GetAwaiter().GetResult();
        if (read.Stamp != stamp && !StoreStamp.IngestRunning(stamp))
        {
            read = Read().WaitAsync(cancellation).GetAwaiter().GetResult();
        }

        return read.Facts.Compute(filter);
    }

    private ITimer? keeper;

    /// <summary>
    /// Starts reading the first snapshot, so the first market request does not wait for it, and keeps it up with the store
    /// from then on: every half of the allowed lag, a snapshot the store has moved past is brought up to date whether or
    /// not market requests come, so the first one after a quiet spell during a long ingest does not wait for everything
    /// written meanwhile.
    /// </summary>
    public void Warm()
    {
        _ = Read();
        keeper ??= time.CreateTimer(_ => KeepUp(), null, MaxLagWhileIngesting / 2, MaxLagWhileIngesting / 2);
    }

    /// <summary>The read that brings the snapshot up to the store's state, or a finished task when it is there.</summary>
    internal Task KeepUp()
    {
        try
        {
            using var store = stores.OpenRead();
            return current is { } held && held.Stamp == StoreStamp.Read(store) ? Task.CompletedTask : Read();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The store is busy or gone for the moment: the next tick, or the next request, reads it.
            return Task.CompletedTask;
        }
    }

    /// <summary>The state of the store the held snapshot was read from (null before the first read).</summary>
    internal string? HeldStamp => current?.Stamp;

    public void Dispose() => keeper?.Dispose();

    /// <summary>The snapshot being read, or a new read started.</summary>
    private Task<Snapshot> Read()
    {
        lock (gate)
        {
            // Its own thread, not a pool thread: requests that must wait for it block pool threads, and under load the pool
            // would add a thread for the read only after seconds.
            return reading ??= Task.Factory.StartNew(() =>
            {
                try
                {
                    using var store = stores.OpenRead();
                    // The stamp first: a snapshot labelled older than what it holds is only read again, never reused wrongly.
                    var stamp = StoreStamp.Read(store);
                    var held = current;
                    // While an ingest runs the report may lag it, so records it updates in place may wait for the read after it.
                    var facts = held is not null && (StoreStamp.IngestRunning(stamp) || !ReportQueries.UpdatedInPlaceSince(store, held.Facts.Watermark))
                        ? held.Facts.Update(store)
                        : MarketSnapshot.Load(store);
                    var snapshot = new Snapshot(stamp, facts, time.GetUtcNow());
                    current = snapshot;
                    return snapshot;
                }
                finally
                {
                    lock (gate)
                    {
                        reading = null;
                    }
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }
}
