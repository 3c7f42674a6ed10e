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
        var head = AdzunaRows(folder, index => index < 300);

        using var store = SkillStore.Open(folder.Db);
        var ingest = new IngestService(store, FxRates.Default, FixedTime.Default);
        ingest.Ingest(head, new IngestOptions());
        // Read while that ingest still counts as open: its records are compared again by the update.
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

    [SharedDataFact(Adzuna)]
    public void While_an_ingest_stays_open_an_update_reads_again_only_the_records_whose_appearances_changed()
    {
        using var folder = new TempFolder();
        using var store = SkillStore.Open(folder.Db);
        var ingest = new IngestService(store, FxRates.Default, FixedTime.Default);
        // Every other row of the first 600: the rows between hold copies of them in other towns.
        ingest.Ingest(AdzunaRows(folder, index => index < 600 && index % 2 == 0), new IngestOptions());
        store.Execute("UPDATE ingests SET status = 'running'");
        var (facts, mark) = ReportQueries.MarketFacts(store);
        var held = facts.ToDictionary(f => f.Id, f => f.Appearances);

        // Nothing written since: nothing to read, although every record came from the open ingest.
        Assert.Empty(ReportQueries.MarketFacts(store, mark, held.GetValueOrDefault).Facts);

        // New records, and copies in other towns that give held records new appearances: exactly those are read.
        ingest.Ingest(SharedData.Path(Adzuna), new IngestOptions());
        var read = ReportQueries.MarketFacts(store, mark, held.GetValueOrDefault).Facts;
        var added = store.Scalar($"SELECT COUNT(*) FROM records WHERE id > {mark.MaxRecordId}");
        var joined = store.Scalar($"SELECT COUNT(DISTINCT record_id) FROM record_sources WHERE record_id <= {mark.MaxRecordId} AND ingest_id > {mark.FirstOpenIngest}");
        Assert.True(added > 0 && joined > 0 && joined < held.Count, $"{added} new, {joined} of {held.Count} held joined");
        Assert.Equal(added + joined, read.Count);
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

    // The rows of the Adzuna file whose index is kept, as a file of their own.
    private static string AdzunaRows(TempFolder folder, Func<int, bool> keep)
    {
        var rows = SharedData.ReadCsv(Adzuna);
        var head = folder.File("adzuna-part.csv");
        using (var writer = new StreamWriter(head))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in rows[0].Keys)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in rows.Where((_, index) => keep(index)))
            {
                foreach (var value in row.Values)
                {
                    csv.WriteField(value);
                }

                csv.NextRecord();
            }
        }

        return head;
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
