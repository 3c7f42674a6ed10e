using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Store;

/// <summary>Issue 16 item 1: a snippet costs what it returns, and a cancelled request stops its query.</summary>
public class SearchSnippetTests
{
    [Fact]
    public void The_snippet_marks_the_query_words_and_their_stemmed_forms()
    {
        var snippet = SearchSnippet.Build(SearchSnippet.Words("data engineer"),
            "We are hiring. Our engineering team builds data pipelines for engineers and analysts.");

        Assert.Equal("We are hiring. Our \u0002engineering\u0003 team builds \u0002data\u0003 pipelines for \u0002engineers\u0003 and analysts.", snippet);
    }

    [Fact]
    public void A_window_far_into_the_text_is_cut_with_ellipses_and_keeps_about_24_words()
    {
        var text = string.Concat(Enumerable.Repeat("filler words here ", 100)) + "Experience with Tableau is a plus. " + string.Concat(Enumerable.Repeat("more text ", 100));

        var snippet = SearchSnippet.Build(SearchSnippet.Words("tableau"), text)!;

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("\u0002Tableau\u0003", snippet, StringComparison.Ordinal);
        Assert.InRange(snippet.Split(' ').Length, 20, 26);
    }

    [Fact]
    public void A_field_without_the_words_gives_way_to_the_next_and_none_gives_null()
    {
        var words = SearchSnippet.Words("pytorch");

        Assert.Equal("\u0002PyTorch\u0003 Engineer", SearchSnippet.Build(words, "A description about other things.", "PyTorch Engineer"));
        Assert.Null(SearchSnippet.Build(words, "nothing", null, ""));
    }

    [Fact]
    public void A_fifty_million_character_description_costs_what_a_short_one_does()
    {
        var huge = new string('x', 50_000_000) + " pytorch";
        var words = SearchSnippet.Words("pytorch");
        SearchSnippet.Build(words, "warm up pytorch");

        var clock = Stopwatch.StartNew();
        var snippet = SearchSnippet.Build(words, "the pytorch team " + huge);
        clock.Stop();

        Assert.NotNull(snippet);
        Assert.True(snippet.Length < 300, $"{snippet.Length} characters");
        // Reads at most MaxScannedChars: microseconds; scanning 50 M characters would take far longer.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed}");
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
        command.CommandText = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000) SELECT COUNT(*) FROM n";

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<SqliteException>(() => command.ExecuteScalar());

        Assert.True(QueryCancellation.IsInterrupt(error), error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{clock.Elapsed}");
    }
}
