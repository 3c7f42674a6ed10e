using System.Globalization;
using System.Text.Json;
using CsvHelper;
using SkillScope.Analytics;
using SkillScope.Normalize;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Analytics;

/// <summary>A server's market snapshot brought up to date by reading only what changed gives the report a whole read gives.</summary>
public sealed class MarketSnapshotUpdateTests
{
    private const string Adzuna = "adzuna_us_2026/adzuna_jobs_raw.csv";
    private const string April17 = "hn_whoishiring_2026_fulltext/runs/2026-04-17/raw.json";
    private const string April28 = "hn_whoishiring_2026_fulltext/runs/2026-04-28/raw.json";

    private static readonly RecordFilter[] Filters =
    [
        RecordFilter.None,
        new() { Kinds = ["posting"] },
        new() { Roles = ["ml_engineer", "data_scientist"] },
        new() { Countries = ["US"], Seniorities = ["intern", "junior"] },
        new() { Sources = ["adzuna"], TextKinds = ["snippet"] },
        new() { Sources = ["usajobs"] },
        new() { Since = new DateOnly(2026, 1, 1) },
    ];

    [SharedDataFact(Adzuna)]
    public void A_snapshot_updated_after_new_records_and_new_appearances_of_old_ones_equals_a_whole_read()
    {
        using var folder = new TempFolder();
        // The first 300 rows, then the whole file: the rest adds postings and copies of the first ones in other towns
        // (appearances of records the snapshot already holds).
        var rows = SharedData.ReadCsv(Adzuna);
        var head = folder.File("adzuna-head.csv");
        using (var writer = new StreamWriter(head))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in rows[0].Keys)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in rows.Take(300))
            {
                foreach (var value in row.Values)
                {
                    csv.WriteField(value);
                }

                csv.NextRecord();
            }
        }

        using var store = SkillStore.Open(folder.Db);
        var ingest = new IngestService(store, FxRates.Default, FixedTime.Default);
        ingest.Ingest(head, new IngestOptions());
        // Read while that ingest still counts as open: its records are read again by the update.
        store.Execute("UPDATE ingests SET status = 'running'");
        var snapshot = MarketSnapshot.Load(store);
        store.Execute("UPDATE ingests SET status = 'completed'");

        var merged = ingest.Ingest(SharedData.Path(Adzuna), new IngestOptions()).Merged;
        Assert.True(merged > 100, $"the whole file joins copies to stored postings: {merged}");
        snapshot = AssertSameAsWholeRead(snapshot.Update(store), store);

        ingest.Ingest(Repo.BundledUsajobs, new IngestOptions());
        snapshot = AssertSameAsWholeRead(snapshot.Update(store), store);
        Assert.False(ReportQueries.UpdatedInPlaceSince(store, snapshot.Watermark));
    }

    [SharedDataFact(April17, April28)]
    public void An_ingest_that_updates_stored_postings_in_place_is_known_so_the_snapshot_is_read_whole()
    {
        using var folder = new TempFolder();
        using var store = SkillStore.Open(folder.Db);
        var ingest = new IngestService(store, FxRates.Default, FixedTime.Default);
        ingest.Ingest(SharedData.Path(April17), new IngestOptions());
        var snapshot = MarketSnapshot.Load(store);

        // The later run of the same thread holds comments edited in between: their postings are updated in place.
        Assert.True(ingest.Ingest(SharedData.Path(April28), new IngestOptions()).Updated > 0);
        Assert.True(ReportQueries.UpdatedInPlaceSince(store, snapshot.Watermark));
        Assert.False(ReportQueries.UpdatedInPlaceSince(store, MarketSnapshot.Load(store).Watermark));
    }

    private static MarketSnapshot AssertSameAsWholeRead(MarketSnapshot updated, SkillStore store)
    {
        var whole = MarketSnapshot.Load(store);
        Assert.Equal(whole.Count, updated.Count);
        Assert.Equal(whole.Watermark, updated.Watermark);
        foreach (var filter in Filters)
        {
            Assert.Equal(JsonSerializer.Serialize(whole.Compute(filter)), JsonSerializer.Serialize(updated.Compute(filter)));
        }

        return updated;
    }
}
