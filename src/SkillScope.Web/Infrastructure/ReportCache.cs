using Microsoft.Extensions.Caching.Memory;
using SkillScope.Store;

namespace SkillScope.Web.Infrastructure;

/// <summary>
/// Reuses computed reports while the store is unchanged (keyed by <see cref="StoreStamp"/> and the request), so
/// repeated dashboard views cost one cheap query. Bounded by entry count; concurrent requests for the same
/// report wait for one computation instead of each running it.
/// </summary>
internal sealed class ReportCache : IDisposable
{
    public const int MaxEntries = 512;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries, CompactionPercentage = 0.25 });

    public T GetOrCompute<T>(SkillStore store, string key, Func<T> compute)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        var stamp = StoreStamp.Read(store);
        if (stamp.EndsWith(StoreStamp.Reindexing, StringComparison.Ordinal))
        {
            return compute();
        }

        var entryKey = stamp + "\n" + key;
        var own = false;
        var lazy = cache.GetOrCreate(entryKey, entry =>
        {
            own = true;
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return new Lazy<T>(compute, LazyThreadSafetyMode.ExecutionAndPublication);
        })!;
        try
        {
            return lazy.Value;
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
    }

    public void Dispose() => cache.Dispose();
}
