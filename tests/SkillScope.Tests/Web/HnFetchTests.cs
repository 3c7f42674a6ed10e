using System.Text.Json;
using SkillScope.Fetch;
using SkillScope.Tests.Ingest;

namespace SkillScope.Tests.Web;

/// <summary>
/// <c>fetch hn</c> against a local HN API (127.0.0.1) serving the recorded items of Fixtures/hn/hn-api-items.json:
/// the month's thread is found among the whoishiring submissions, each comment fetched politely, one run file kept.
/// </summary>
public sealed class HnFetchTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly ScriptedHttpServer _server = new();
    private readonly HttpClient _http = BoardFetcher.CreateHttpClient();
    private readonly RecordingTimeProvider _time = new(Now);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "skillscope-hn-" + Guid.NewGuid().ToString("N"));

    private FetchOptions Options => new()
    {
        HackerNewsBaseUrl = new Uri(_server.BaseUrl, "v0/"),
        InitialBackoff = TimeSpan.FromMilliseconds(40),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
        MinRequestInterval = TimeSpan.FromMilliseconds(5),
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>The recorded API: the account's submissions (the May thread, then April's), the April thread and its comments.</summary>
    private List<string> Record(Reply? firstCommentReply = null)
    {
        using var run = JsonDocument.Parse(File.ReadAllText(SharedData.Repo("tests/SkillScope.Tests/Fixtures/hn/hn-api-items.json")));
        var comments = run.RootElement.GetProperty("jobs").EnumerateArray().Select(j => j.GetRawText()).ToList();
        var ids = run.RootElement.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("id").GetInt64()).ToList();
        _server.Route("/v0/user/whoishiring.json", new Reply.Full(200, "{\"id\":\"whoishiring\",\"submitted\":[900300,900200,900100]}"));
        _server.Route("/v0/item/900300.json", new Reply.Full(200, "{\"by\":\"whoishiring\",\"id\":900300,\"time\":1777640400,\"title\":\"Ask HN: Who is hiring? (May 2026)\",\"type\":\"story\"}"));
        _server.Route("/v0/item/900200.json", new Reply.Full(200, "{\"by\":\"whoishiring\",\"id\":900200,\"time\":1775048400,\"title\":\"Ask HN: Who wants to be hired? (April 2026)\",\"type\":\"story\"}"));
        _server.Route("/v0/item/900100.json", new Reply.Full(200,
            $"{{\"by\":\"whoishiring\",\"id\":900100,\"kids\":[{string.Join(',', ids)}],\"time\":1775048400,\"title\":\"Ask HN: Who is hiring? (April 2026)\",\"type\":\"story\"}}"));
        for (var i = 0; i < ids.Count; i++)
        {
            var reply = new Reply.Full(200, comments[i]);
            _server.Route($"/v0/item/{ids[i]}.json", i == 0 && firstCommentReply is not null ? [firstCommentReply, reply] : [reply]);
        }

        return comments;
    }

    [Fact]
    public async Task Finds_the_months_thread_fetches_every_comment_and_keeps_one_run_file_for_the_hn_reader()
    {
        Record(new Reply.Full(503, "busy"));

        var result = await new BoardFetcher(_http, Options, _time).FetchHnMonthAsync(2026, 4, _dir, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("hn", result.Format);
        var file = Assert.Single(result.Files);
        Assert.Equal(Path.Combine(_dir, "hn-2026-04-20260402T090000Z.json"), file);
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(_dir).Select(Path.GetFileName));
        Assert.Equal(["/v0/user/whoishiring.json", "/v0/item/900300.json", "/v0/item/900200.json", "/v0/item/900100.json", "/v0/item/900101.json", "/v0/item/900101.json"],
            _server.Requests.Take(6).Select(r => r.Target));
        Assert.All(_server.Requests, r => Assert.StartsWith("SkillScope/", r.Headers["User-Agent"], StringComparison.Ordinal));
        Assert.Contains(result.Attempts, a => a.StatusCode == 503 && a.Error is not null);

        var (format, rows) = IngestKit.ReadFile(file);
        Assert.Equal("hn", format.Name);
        Assert.Equal(7, rows.Count(r => r.Record is not null));
        Assert.Equal(3, rows.Count(r => r.Ignored));
    }

    [Fact]
    public async Task A_comment_that_keeps_failing_ends_the_fetch_and_what_arrived_is_kept_as_a_partial_run()
    {
        Record();
        _server.Route("/v0/item/900105.json", new Reply.Full(404, "gone"));

        var result = await new BoardFetcher(_http, Options, _time).FetchHnMonthAsync(2026, 4, _dir, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("HN item 900105", result.Error, StringComparison.Ordinal);
        var partial = Assert.Single(result.PartialFiles);
        Assert.EndsWith(".partial.json", partial, StringComparison.Ordinal);
        var rows = IngestKit.ReadFile(partial).Rows;
        Assert.Equal(5, rows.Count(r => r.Record is not null));
    }

    [Fact]
    public async Task A_month_without_a_thread_is_a_one_line_error()
    {
        Record();

        var result = await new BoardFetcher(_http, Options, _time).FetchHnMonthAsync(2026, 3, _dir, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("no 'Ask HN: Who is hiring? (March 2026)' thread among the whoishiring account's newest 3 submissions", result.Error);
        Assert.Empty(result.Files);
    }
}
