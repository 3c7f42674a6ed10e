using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using SkillScope.Store;

namespace SkillScope.Web.Infrastructure;

/// <summary>
/// Reuses computed reports and search pages while the store is unchanged (an entry per request, holding the
/// <see cref="StoreStamp"/> it was computed under), so repeated dashboard views cost one cheap query. While an ingest runs
/// every batch it commits moves the stamp; an entry at most <see cref="MarketSnapshots.MaxLagWhileIngesting"/> old is
/// reused meanwhile (and, once the ingest has ended, one computed while it ran), so readers are not starved by
/// recomputing after each batch, and once half that time has passed, or the ingest has ended, one request computes the
/// current answer while the others keep taking the held one (so they do not all wait at once). Bounded by entry count; concurrent requests for the same report wait for one computation instead of each
/// running it.
/// </summary>
internal sealed class ReportCache(TimeProvider time) : IDisposable
{
    public const int MaxEntries = 512;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries, CompactionPercentage = 0.25 });

    // The computation of each report under way, if any: a request that has no answer it may take joins it rather than
    // start another (during an ingest every batch moves the stamp, and a slow computation would otherwise be started
    // again under each new one), and only one request at a time refreshes a held answer.
    private readonly ConcurrentDictionary<string, InFlight> inFlight = new(StringComparer.Ordinal);

    private sealed record Entry(string Stamp, DateTimeOffset At, object Value);

    private sealed record InFlight(string Stamp, Lazy<Entry> Computation);

    public T GetOrCompute<T>(SkillStore store, string key, Func<T> compute)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        var stamp = StoreStamp.Read(store);
        if (stamp.EndsWith(StoreStamp.Reindexing, StringComparison.Ordinal))
        {
            return compute();
        }

        var now = time.GetUtcNow();
        if (cache.Get(key) is Lazy<Entry> { IsValueCreated: true } held && MarketSnapshots.MayAnswer(held.Value.Stamp, now - held.Value.At, stamp))
        {
            return MarketSnapshots.DueForRefresh(held.Value.Stamp, now - held.Value.At, stamp)
                ? Compute(key, stamp, now, compute, orElse: (T)held.Value.Value)
                : (T)held.Value.Value;
        }

        if (inFlight.TryGetValue(key, out var running) && MarketSnapshots.MayAnswer(running.Stamp, TimeSpan.Zero, stamp))
        {
            try
            {
                return (T)running.Computation.Value.Value;
            }
            catch (Exception e) when (e is OperationCanceledException || QueryCancellation.IsInterrupt(e))
            {
                // The request that started it went away; this one still wants the answer.
            }
        }

        return Compute(key, stamp, now, compute, orElse: null);
    }

    // Computes the report under the stamp, or, when another request is already computing it, returns orElse if given.
    private T Compute<T>(string key, string stamp, DateTimeOffset now, Func<T> compute, T? orElse)
        where T : class
    {
        if (orElse is not null && inFlight.ContainsKey(key))
        {
            return orElse;
        }

        var entryKey = stamp + "\n" + key;
        var own = false;
        var lazy = cache.GetOrCreate(entryKey, entry =>
        {
            own = true;
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return new Lazy<Entry>(() => new Entry(stamp, now, compute()), LazyThreadSafetyMode.ExecutionAndPublication);
        })!;
        var computation = new InFlight(stamp, lazy);
        var registered = inFlight.TryAdd(key, computation);
        // A computation this request created is always run by it: left in the cache unrun, a later request would run it
        // with this request's store, closed by then.
        if (!registered && orElse is not null && !own)
        {
            return orElse;
        }

        try
        {
            var value = lazy.Value;
            // The latest computed entry of this request, whatever its stamp: what a running ingest may reuse.
            cache.Set(key, lazy, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
            return (T)value.Value;
        }
        catch (Exception e)
        {
            // Lazy keeps the exception; drop the entry so the next request computes again.
            cache.Remove(entryKey);
            if (!own && (e is OperationCanceledException || QueryCancellation.IsInterrupt(e)))
            {
                // The request that started the computation went away; this one still wants the answer.
                return compute();
            }

            throw;
        }
        finally
        {
            if (registered)
            {
                inFlight.TryRemove(KeyValuePair.Create(key, computation));
            }
        }
    }

    public void Dispose() => cache.Dispose();
}
