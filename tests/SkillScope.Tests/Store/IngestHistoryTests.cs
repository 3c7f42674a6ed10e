using System.Text.Json;
using SkillScope.Ingest.Formats;
using SkillScope.Normalize;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Store;

/// <summary>
/// Issue 12: the stored ingest history accounts for every row read, as the printed summary does
/// (read = stored + merged + skipped + rejected + updated + ignored): an HN run read again after its comments were
/// edited stores its updated and ignored counts and the reasons rows were ignored, on both engines.
/// </summary>
public sealed class IngestHistoryTests
{
    private const string April17 = "hn_whoishiring_2026_fulltext/runs/2026-04-17/raw.json";
    private const string April28 = "hn_whoishiring_2026_fulltext/runs/2026-04-28/raw.json";

    private static string Fixture => SharedData.Repo("tests/SkillScope.Tests/Fixtures/hn/hn-api-items.json");

    private static IngestSummary Ingest(SkillStore store, string path) =>
        new IngestService(store, FxRates.Default, FixedTime.Default).Ingest(path, new IngestOptions(), null, CancellationToken.None);

    private static void AssertStoredAsSummarized(IngestRun run, IngestSummary summary)
    {
        Assert.Equal(
            (summary.Read, summary.Stored, summary.Merged, summary.Skipped, summary.Rejected, summary.Flagged, summary.Updated, summary.Ignored),
            (run.RowsRead, run.Stored, run.Merged, run.Skipped, run.Rejected, run.Flagged, run.Updated!.Value, run.Ignored!.Value));
        Assert.True(run.Accounted, $"run {run.Id}: {run}");
        Assert.Equal(summary.Ignored == 0 ? null : summary.IgnoredReasons, run.IgnoredReasons);
    }

    [Fact]
    public void A_refetched_hn_run_stores_its_updated_and_ignored_rows_and_every_row_is_accounted_for()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var edited = temp.Write("hn-edited.json", File.ReadAllText(Fixture).Replace("$150K-$200K", "$170K-$210K", StringComparison.Ordinal));

        var first = Ingest(store, Fixture);
        var second = Ingest(store, edited);

        var runs = store.Ingests();
        Assert.Equal(2, runs.Count);
        AssertStoredAsSummarized(runs[0], first);
        AssertStoredAsSummarized(runs[1], second);
        Assert.Equal((10L, 7L, 0L, 3L), (runs[0].RowsRead, runs[0].Stored, runs[0].Updated, runs[0].Ignored));
        Assert.Equal((10L, 0L, 5L, 2L, 3L), (runs[1].RowsRead, runs[1].Stored, runs[1].Skipped, runs[1].Updated, runs[1].Ignored));
        Assert.Equal(new Dictionary<string, long> { [HnComment.EmptyReason] = 2, [HnComment.NotAnAdReason] = 1 }, runs[1].IgnoredReasons);
    }

    [Fact]
    public void The_ingests_command_shows_every_count_in_its_table_and_json()
    {
        using var temp = new TempFolder();
        var edited = temp.Write("hn-edited.json", File.ReadAllText(Fixture).Replace("$150K-$200K", "$170K-$210K", StringComparison.Ordinal));
        Assert.Equal(0, CliRunner.Run("ingest", Fixture, "--db", temp.Db).Exit);
        Assert.Equal(0, CliRunner.Run("ingest", edited, "--db", temp.Db).Exit);

        var (exit, json, error) = CliRunner.Run("ingests", "--db", temp.Db, "--format", "json");
        Assert.True(exit == 0, error);
        using var document = JsonDocument.Parse(json);
        var last = document.RootElement.EnumerateArray().Last();
        Assert.Equal(10, last.GetProperty("rowsRead").GetInt64());
        Assert.Equal(5, last.GetProperty("skipped").GetInt64());
        Assert.Equal(2, last.GetProperty("updated").GetInt64());
        Assert.Equal(3, last.GetProperty("ignored").GetInt64());
        Assert.Equal(2, last.GetProperty("ignoredReasons").GetProperty(HnComment.EmptyReason).GetInt64());
        Assert.True(last.GetProperty("accounted").GetBoolean());

        var (tableExit, table, _) = CliRunner.RunAt(160, "ingests", "--db", temp.Db);
        Assert.Equal(0, tableExit);
        Assert.Contains("2 ingest runs", table, StringComparison.Ordinal);
        Assert.Contains("updated", table, StringComparison.Ordinal);
        Assert.Contains("run 2, not records: 2 empty or deleted comment; 1 not a job ad", table, StringComparison.Ordinal);

        var (_, none, _) = CliRunner.Run("ingests", "--db", temp.Db, "--status", "interrupted");
        Assert.Contains("0 ingest runs", none, StringComparison.Ordinal);
        Assert.DoesNotContain("run 1", none, StringComparison.Ordinal);
    }

    [SharedDataFact(April17, April28)]
    public void The_april_thread_read_twice_keeps_its_edits_and_replies_in_the_history()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);

        var first = Ingest(store, SharedData.Path(April17));
        var second = Ingest(store, SharedData.Path(April28));

        var runs = store.Ingests();
        AssertStoredAsSummarized(runs[0], first);
        AssertStoredAsSummarized(runs[1], second);
        Assert.True(runs[1].Updated > 0, "the April 28 run holds comments edited since April 17");
        Assert.True(runs[0].Ignored > 0 && runs[1].Ignored > 0, "both runs hold replies that are not ads");
    }
}
