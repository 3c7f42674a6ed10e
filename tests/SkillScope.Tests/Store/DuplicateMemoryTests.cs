using SkillScope.Normalize;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Store;

/// <summary>
/// The identify step keeps at most <see cref="IngestOptions.DuplicateMemory"/> stored postings' fingerprints between
/// batches and reads dropped blocks again from the store: the duplicate decisions must not depend on that bound.
/// </summary>
public class DuplicateMemoryTests
{
    private const string Adzuna = "adzuna_us_2026/adzuna_jobs_raw.csv";
    private const string Glassdoor = "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv";
    private const string HnApril = "hn_whoishiring_2026_fulltext/runs/2026-04-17/raw.json";
    private const string HnAprilAgain = "hn_whoishiring_2026_fulltext/runs/2026-04-28/raw.json";

    // Adzuna's copies in many towns, Glassdoor, then two fetches of one HN thread (edited comments are updated in place,
    // the rest already stored), each in batches of 20: with no memory between batches every block is dropped after each
    // batch and read again from posting_signatures when met.
    [SharedDataFact(Adzuna, Glassdoor, HnApril, HnAprilAgain)]
    public void Ingest_with_no_duplicate_memory_between_batches_stores_the_same_postings_and_joins()
    {
        string[] files = [Adzuna, Glassdoor, HnApril, HnAprilAgain];
        using var unbounded = new TempFolder();
        using var bounded = new TempFolder();

        var (expected, expectedRows) = IngestAll(unbounded.Db, files, new IngestOptions { BatchSize = 20, DuplicateMemory = int.MaxValue });
        var (actual, actualRows) = IngestAll(bounded.Db, files, new IngestOptions { BatchSize = 20, DuplicateMemory = 0 });

        Assert.True(expected.Sum(s => s.Merged) > 400, string.Join("\n", expected.Select(s => s.ToLine())));
        Assert.Equal(expected.Select(Counts), actual.Select(Counts));
        Assert.Equal(expectedRows, actualRows);
    }

    // A posting whose identity is already stored but whose text changed joins the index under its new key without being
    // stored; a later copy of it in the same run joins that key. Its block must stay in memory for the decision to hold.
    [Fact]
    public void A_block_the_store_cannot_give_back_is_kept_so_later_copies_join_as_before()
    {
        static string Line(string id, int from, int? changed = null) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["source_id"] = id, ["title"] = "Data Engineer", ["company"] = "Acme", ["location"] = "Berlin", ["posted_date"] = "2026-03-02",
            ["description"] = string.Join(' ', Enumerable.Range(from, 40).Select(w => w == changed ? "changed" : $"w{w}")),
        });
        string[] files = ["first.jsonl", "second.jsonl"];
        string[][] lines = [[Line("S1", 0)], [Line("S1", 100), Line("S2", 100, changed: 120)]];
        var stores = new List<List<string>>();
        foreach (var memory in (ReadOnlySpan<int>)[int.MaxValue, 0])
        {
            using var temp = new TempFolder();
            var paths = files.Select((f, i) => temp.Write(f, string.Join('\n', lines[i]) + "\n")).ToArray();
            using var store = SkillStore.Open(temp.Db);
            var service = new IngestService(store, FxRates.Default, FixedTime.Default);
            var summaries = paths.Select(p => service.Ingest(p, new IngestOptions { Format = "jsonl", BatchSize = 1, DuplicateMemory = memory })).ToList();
            Assert.Equal("2 read, 1 stored, 0 joined, 1 skipped", $"{summaries[1].Read} read, {summaries[1].Stored} stored, {summaries[1].Merged} joined, {summaries[1].Skipped} skipped");
            stores.Add(Rows(store));
        }

        Assert.Equal(stores[0], stores[1]);
    }

    // The CLI collects garbage after a batch once the heap passes its budget (IngestOptions.HeapBudget); a budget of one
    // byte collects after every batch, while the batch and the duplicate memory are in use, and must store the same.
    [Fact]
    public void Collecting_garbage_after_every_batch_stores_the_same_rows()
    {
        var file = SharedData.Repo("data/samples/hn_whoishiring_ml_2022_2025.md");
        var rows = new List<List<string>>();
        foreach (var budget in (ReadOnlySpan<long>)[0, 1])
        {
            using var temp = new TempFolder();
            using var store = SkillStore.Open(temp.Db);
            var summary = new IngestService(store, FxRates.Default, FixedTime.Default)
                .Ingest(file, new IngestOptions { BatchSize = 100, DuplicateMemory = 0, HeapBudget = budget });
            Assert.True(summary.Stored > 2_000, summary.ToLine());
            rows.Add(Rows(store));
        }

        Assert.Equal(rows[0], rows[1]);
    }

    [Fact]
    public void Trimming_drops_the_least_recently_used_blocks_and_keeps_pinned_ones()
    {
        var index = new NearDuplicateIndex();
        PostingFingerprint Posting(string company, int n) => NearDuplicates.Fingerprint(company, "Engineer",
            string.Join(' ', Enumerable.Range(n * 40, 40).Select(w => $"w{w}")))!;
        index.Add("a1", Posting("Acme", 1));
        index.Add("a2", Posting("Acme", 2));
        index.Add("b1", Posting("Bolt", 3));
        index.Add("c1", Posting("Core", 4));
        index.Pin(Posting("Acme", 1).Block);
        index.Trim(capacity: 10);
        index.Find(Posting("Core", 5));

        Assert.Equal(1, index.Trim(capacity: 3)); // Bolt, used longest ago; Acme is pinned
        Assert.True(index.HasBlock(Posting("Core", 1).Block));
        Assert.Equal(1, index.Trim(capacity: 0));

        Assert.False(index.HasBlock(Posting("Bolt", 1).Block));
        Assert.False(index.HasBlock(Posting("Core", 1).Block));
        Assert.True(index.HasBlock(Posting("Acme", 1).Block));
        Assert.Equal("a2", index.Find(Posting("Acme", 2))?.Key);
    }

    private static (List<IngestSummary> Summaries, List<string> Rows) IngestAll(string db, string[] files, IngestOptions options)
    {
        using var store = SkillStore.Open(db);
        var service = new IngestService(store, FxRates.Default, FixedTime.Default);
        var summaries = files.Select(f => service.Ingest(SharedData.Path(f), options)).ToList();
        return (summaries, Rows(store));
    }

    private static List<string> Rows(SkillStore store)
    {
        var rows = new List<string>();
        foreach (var sql in (ReadOnlySpan<string>)[
            "SELECT id, dedupe_key, title FROM records ORDER BY id",
            "SELECT identity, record_id FROM record_sources ORDER BY identity",
            "SELECT record_id, block, posted FROM posting_signatures ORDER BY record_id"])
        {
            using var command = store.Command(sql);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return rows;
    }

    private static string Counts(IngestSummary s) => $"{s.Read} {s.Stored} {s.Merged} {s.Skipped} {s.Rejected} {s.Updated} {s.Ignored}";
}
