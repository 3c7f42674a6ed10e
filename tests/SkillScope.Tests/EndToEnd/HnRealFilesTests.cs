using System.Text.Json;
using Microsoft.Data.Sqlite;
using SkillScope.Normalize;
using SkillScope.Store;
using SkillScope.Tests.Ingest;
using SkillScope.Tests.Support;
using TempFolder = SkillScope.Tests.Support.TempFolder;

namespace SkillScope.Tests.EndToEnd;

/// <summary>The real HN data in ../shared: every run and every monthly table read by content, every row accounted for.</summary>
[Trait("Engine", "sqlite")]
public class HnRealFilesTests
{
    private const string Runs = "hn_whoishiring_2026_fulltext/runs";
    private const string April17 = Runs + "/2026-04-17/raw.json";
    private const string April28 = Runs + "/2026-04-28/raw.json";
    private const string Tables = "hn_whoishiring_2022_2025_structured/table";
    private const string Database = "hn_whoishiring_2022_2025_structured/jobs.db";

    private static IngestSummary Ingest(SkillStore store, string path) =>
        new IngestService(store, FxRates.Default, FixedTime.Default).Ingest(path, new IngestOptions(), null, CancellationToken.None);

    private static HashSet<string> ItemIds(string relative)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.Path(relative)));
        return [.. document.RootElement.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    [SharedDataFact(April17, April28)]
    public void Every_run_is_read_by_content_and_each_comment_is_postings_or_a_counted_skip()
    {
        foreach (var file in Directory.GetFiles(SharedData.Path(Runs), "raw.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(SharedData.Root, file);
            var (format, rows) = IngestKit.ReadFile(file);
            Assert.Equal("hn", format.Name);
            Assert.DoesNotContain(rows, r => r.Error is not null && !r.Ignored);
            var fromPostings = rows.Where(r => r.Record is not null).Select(r => r.Record!.SourceId![..r.Record.SourceId!.IndexOf('/', StringComparison.Ordinal)]).ToHashSet();
            var skipped = rows.Count(r => r.Ignored);
            Assert.Equal(ItemIds(relative).Count, fromPostings.Count + skipped);
            Assert.True(skipped < rows.Count / 10, $"{relative}: {skipped} comments skipped");
        }
    }

    [SharedDataFact(April17, April28)]
    public void Ingesting_the_april_thread_twice_adds_only_its_new_comments_and_updates_edited_ones()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var first = Ingest(store, SharedData.Path(April17));
        var records = Scalar(store, "SELECT COUNT(*) FROM records");

        var second = Ingest(store, SharedData.Path(April28));
        var again = Ingest(store, SharedData.Path(April28));

        var newIds = ItemIds(April28).Except(ItemIds(April17)).ToHashSet();
        var storedIds = Strings(store, $"SELECT DISTINCT substr(source_id, 1, instr(source_id, '/') - 1) FROM record_sources WHERE ingest_id = (SELECT MAX(id) - 1 FROM ingests) AND source_id IS NOT NULL");
        Assert.Equal(first.Read - first.Ignored, first.Stored + first.Merged + first.Skipped);
        Assert.Subset(newIds, storedIds.ToHashSet());
        Assert.Equal(records + second.Stored, Scalar(store, "SELECT COUNT(*) FROM records"));
        Assert.True(second.Stored + second.Merged <= 3 * newIds.Count, $"{second.Stored} stored for {newIds.Count} new comments");
        Assert.True(second.Updated > 0, "the April 28 run holds comments edited since April 17");
        Assert.Equal(second.Read, second.Stored + second.Merged + second.Skipped + second.Rejected + second.Updated + second.Ignored);
        Assert.Equal((0, 0, 0), (again.Stored, again.Merged, again.Updated));
    }

    [SharedDataFact(Tables + "/2024/August.md")]
    public void Every_monthly_table_is_read_with_each_row_a_posting_or_a_rejection_with_its_reason()
    {
        var files = Directory.GetFiles(SharedData.Path(Tables), "*.md", SearchOption.AllDirectories);
        Assert.Equal(35, files.Length);
        long rows = 0, rejected = 0;
        foreach (var file in files)
        {
            var (format, read) = IngestKit.ReadFile(file);
            Assert.Equal("hn-table", format.Name);
            Assert.All(read, r => Assert.True(r.Record is not null || r.Error is not null));
            Assert.All(read.Where(r => r.Record is not null), r => Assert.NotNull(r.Record!.PostedDate));
            rows += read.Count;
            rejected += read.Count(r => r.Error is not null);
        }

        // SOURCE.txt counts 18,670 lines that start with '|'; one of them ("| lancom.de |" in 2024/August) is the
        // continuation of a cell with a line break, so the tables hold 18,669 rows.
        Assert.Equal(18_669, rows);
        Assert.True(rejected <= 5, $"{rejected} rows rejected");
    }

    [SharedDataFact(Database, Tables + "/2025/October.md")]
    public void The_sqlite_file_is_read_as_the_tables_rows_and_merges_with_them_instead_of_counting_twice()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var october = Ingest(store, SharedData.Path(Tables + "/2025/October.md"));
        var database = Ingest(store, SharedData.Path(Database));
        var again = Ingest(store, SharedData.Path(Database));

        // SOURCE.txt: 10,242 rows, one per comment; every row is a record or a rejection with its reason.
        Assert.Equal(("hn-db", "hn-table", 10_242L), (database.Format, database.Source, database.Read));
        Assert.Equal(database.Read, database.Stored + database.Merged + database.Skipped + database.Rejected);
        Assert.True(database.Rejected <= 5, $"{database.Rejected} rows rejected");
        // October 2025 is 306 rows of the file, stored before from its table: the same postings, not new ones.
        Assert.True(database.Skipped >= 280, $"{database.Skipped} already stored");
        Assert.Equal((0L, 0L, database.Read), (again.Stored, again.Merged, again.Skipped));
        Assert.True(october.Stored > 250);
    }

    private static long Scalar(SkillStore store, string sql) => (long)Query(store, sql, r => r.GetInt64(0)).Single();

    private static List<string> Strings(SkillStore store, string sql) => Query(store, sql, r => r.GetString(0));

    private static List<T> Query<T>(SkillStore store, string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection($"Data Source={store.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(read(reader));
        }

        return list;
    }
}
