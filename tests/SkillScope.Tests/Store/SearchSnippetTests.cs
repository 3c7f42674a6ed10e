using System.Data.Common;
using System.Diagnostics;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Store;

/// <summary>Issue 16 item 1: a search hit costs what it returns, and a cancelled request stops its query.</summary>
public class SearchSnippetTests
{
    [Fact]
    public void A_search_over_a_huge_description_reads_a_bounded_part_of_it()
    {
        using var temp = new TempFolder();
        var huge = "We train models in pytorch. " + new string('x', 3_000_000) + " and more pytorch";
        var csv = temp.Write("huge.csv", "title,company,description,posted_date\nML Engineer,Hugeco,\"" + huge + "\",2026-03-01\n"
            + "Data Scientist,Smallco,\"Statistics and pytorch.\",2026-03-02\n");
        Assert.Equal(0, CliRunner.Run("ingest", csv, "--format", "csv", "--db", temp.Db).Exit);
        using (var writer = SkillStore.Open(temp.Db))
        {
            PostingSearch.UpdateIndex(writer);
        }

        using var store = SkillStore.OpenReadOnly(temp.Db);
        var page = PostingSearch.Search(store, new PostingQuery { Text = "pytorch" });

        Assert.Equal(2, page.Total);
        Assert.All(page.Items, hit =>
        {
            Assert.Contains("\u0002pytorch\u0003", hit.Snippet, StringComparison.Ordinal);
            Assert.True(hit.Snippet!.Length < 400, $"snippet of {hit.Snippet.Length} characters");
        });
    }

    [Fact]
    public void A_cancelled_search_throws_instead_of_running_on()
    {
        using var temp = new TempFolder();
        using (var writer = SkillStore.Open(temp.Db))
        {
            PostingSearch.UpdateIndex(writer);
        }

        using var store = SkillStore.OpenReadOnly(temp.Db);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => PostingSearch.Search(store, new PostingQuery { Text = "data" }, cancelled.Token));
    }

    [Fact]
    public void A_running_statement_is_interrupted_when_its_token_is_cancelled()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        using var interrupt = store.InterruptOn(cancellation.Token);
        using var command = store.Connection.CreateCommand();
        // Runs for minutes unless interrupted.
        command.CommandText = store.Engine == StoreEngine.Postgres
            ? "SELECT pg_sleep(600)"
            : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000) SELECT COUNT(*) FROM n";

        var clock = Stopwatch.StartNew();
        var error = Assert.ThrowsAny<DbException>(() => command.ExecuteScalar());

        Assert.True(QueryCancellation.IsInterrupt(error), error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{clock.Elapsed}");

        // The store goes on: the next statement is not cancelled.
        command.CommandText = "SELECT 1";
        Assert.Equal(1L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
