using System.Globalization;
using SkillScope.Ingest;
using SkillScope.Normalize;
using SkillScope.Store;

namespace SkillScope.Benchmarks;

/// <summary>
/// `duplicate-memory FILE [--capacity N]`: the managed heap the identify step's near-duplicate index holds as postings
/// stream in, without a store (the part of an ingest's memory that grew with the postings seen): each posting's
/// fingerprint is looked up and added as the ingest does, and after every 5,000 rows the index is trimmed to
/// <c>--capacity</c> postings (default: never, the behaviour before IngestOptions.DuplicateMemory). Prints the heap after
/// a full collection every 50,000 rows. Without a store a dropped block is not read again, so only the memory is
/// meaningful here, not the decisions.
/// </summary>
internal static class DuplicateMemory
{
    public static int Run(string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? throw new ArgumentException("duplicate-memory FILE [--capacity N]");
        var capacity = args.SkipWhile(a => a != "--capacity").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(int.MaxValue);
        var decoded = TextDecoding.Inspect(file);
        var format = FormatRegistry.Resolve(FormatRegistry.Probe(decoded), "jsonl", null);
        using var text = TextDecoding.Open(decoded);
        var index = new NearDuplicateIndex();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long rows = 0, joined = 0;
        foreach (var row in format.Read(text, new FormatContext(file)))
        {
            rows++;
            if (row.Record is { } raw && RecordNormalizer.Normalize(raw, FxRates.Default).Record is { } record
                && IngestService.FingerprintOf(record) is { } fingerprint)
            {
                var key = IngestService.DedupeKey(record, IngestService.IdentityOf(raw, "bench", decoded.Sha256Hex, row.Position));
                if (index.Find(fingerprint) is not null)
                {
                    joined++;
                }
                else
                {
                    index.Add(key, fingerprint);
                }
            }

            if (rows % 5_000 == 0)
            {
                index.Trim(capacity);
            }

            if (rows % 50_000 == 0)
            {
                var heap = GC.GetTotalMemory(forceFullCollection: true) - baseline;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{rows,9:N0} rows: index holds {index.Count,9:N0} postings, heap {heap / 1048576.0,8:F1} MiB ({(double)heap / rows,6:F0} B per row read), {joined:N0} joined, {index.Dropped:N0} blocks dropped"));
            }
        }

        return 0;
    }
}
