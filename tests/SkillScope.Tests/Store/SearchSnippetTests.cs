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
    public void A_fifty_million_character_description_gives_a_snippet_of_a_few_hundred_characters()
    {
        var words = SearchSnippet.Words("pytorch");

        // One 50-million-letter "word" after the match, and a match only past the part read.
        var early = SearchSnippet.Build(words, "the pytorch team " + new string('x', 50_000_000));
        var late = SearchSnippet.Build(words, new string(' ', 40_000) + "pytorch", "Pytorch Engineer");

        Assert.NotNull(early);
        Assert.True(early.Length < 300, $"{early.Length} characters");
        Assert.Equal("\u0002Pytorch\u0003 Engineer", late);
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
