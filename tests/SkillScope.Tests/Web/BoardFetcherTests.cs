using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SkillScope.Fetch;
using SkillScope.Ingest;
using SkillScope.Ingest.Web;

namespace SkillScope.Tests.Web;

public sealed class BoardFetcherTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private const string GreenhouseTarget = "/v1/boards/northwind/jobs?content=true";

    private readonly ScriptedHttpServer _server = new();
    private readonly HttpClient _http = BoardFetcher.CreateHttpClient();
    private readonly RecordingTimeProvider _time = new(Now);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "skillscope-fetch-" + Guid.NewGuid().ToString("N"));

    private FetchOptions Options => new()
    {
        GreenhouseBaseUrl = new Uri(_server.BaseUrl, "v1/boards/"),
        LeverBaseUrl = new Uri(_server.BaseUrl, "v0/postings/"),
        AshbyBaseUrl = new Uri(_server.BaseUrl, "posting-api/job-board/"),
        InitialBackoff = TimeSpan.FromMilliseconds(40),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
        RequestTimeout = TimeSpan.FromSeconds(20),
        MinRequestInterval = TimeSpan.Zero,
    };

    private BoardFetcher Fetcher(FetchOptions? options = null) => new(_http, options ?? Options, _time);

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

    [Fact]
    public async Task Downloads_a_greenhouse_board_politely_and_saves_it_for_the_reader()
    {
        var body = WebFixtures.Text("greenhouse-jobs.json");
        _server.Route(GreenhouseTarget, new Reply.Full(200, body));

        var result = await Fetcher().FetchBoardAsync("greenhouse", "northwind", _dir, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("greenhouse", result.Format);
        var file = Assert.Single(result.Files);
        Assert.Equal(Path.Combine(_dir, "greenhouse-northwind-20250301T120000Z.json"), file);
        Assert.Equal(body, File.ReadAllText(file));
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(_dir).Select(Path.GetFileName));
        var request = Assert.Single(_server.Requests);
        Assert.Matches(@"^SkillScope/\S+ \(\+https://github\.com/skillscope/skillscope\)$", request.Headers["User-Agent"]);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Equal(5, Read(new GreenhouseFormat(), file).Count(r => r.Error is null));
    }

    [Fact]
    public async Task Uses_the_documented_urls_for_ashby_and_lever()
    {
        _server.Route("/posting-api/job-board/quillai?includeCompensation=true", new Reply.Full(200, WebFixtures.Text("ashby-job-board.json")));
        _server.Route("/v0/postings/lumenhealth?mode=json&skip=0&limit=100", new Reply.Full(200, WebFixtures.Text("lever-postings.json")));

        var ashby = await Fetcher().FetchBoardAsync("ashby", "quillai", _dir, CancellationToken.None);
        var lever = await Fetcher().FetchBoardAsync("lever", "lumenhealth", _dir, CancellationToken.None);

        Assert.True(ashby.Succeeded, ashby.Error);
        Assert.True(lever.Succeeded, lever.Error);
        Assert.Equal(4, Read(new AshbyFormat(), Assert.Single(ashby.Files)).Count);
        Assert.Equal(5, Read(new LeverFormat(), Assert.Single(lever.Files)).Count);
    }

    [Fact]
    public async Task Retries_429_after_the_retry_after_seconds()
    {
        _server.Route(GreenhouseTarget, new Reply.Full(429, "{}", RetryAfter: "1"), new Reply.Full(200, WebFixtures.Text("greenhouse-jobs.json")));

        var result = await Fetcher().FetchBoardAsync("greenhouse", "northwind", _dir, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([429, 200], result.Attempts.Select(a => a.StatusCode));
        Assert.Equal("HTTP 429 Too Many Requests", result.Attempts[0].Error);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Attempts[1].DelayBefore);
        Assert.Contains(TimeSpan.FromSeconds(1), _time.Timers);
    }

    [Fact]
    public async Task Retries_503_after_a_retry_after_http_date()
    {
        _server.Route(GreenhouseTarget, new Reply.Full(503, "", RetryAfter: "Sat, 01 Mar 2025 12:00:01 GMT"), new Reply.Full(200, WebFixtures.Text("greenhouse-jobs.json")));

        var result = await Fetcher().FetchBoardAsync("greenhouse", "northwind", _dir, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Attempts[1].DelayBefore);
    }

    [Fact]
    public async Task Retries_5xx_with_exponential_backoff_and_seeded_jitter()
    {
        _server.Route(GreenhouseTarget, new Reply.Full(500, "oops"), new Reply.Full(502, "oops"), new Reply.Full(200, WebFixtures.Text("greenhouse-jobs.json")));

        var result = await Fetcher().FetchBoardAsync("greenhouse", "northwind", _dir, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([500, 502, 200], result.Attempts.Select(a => a.StatusCode));
        Assert.Equal([1, 2, 3], result.Attempts.Select(a => a.Number));
        var twin = Fetcher();
        Assert.Equal([TimeSpan.Zero, twin.Backoff(1), twin.Backoff(2)], result.Attempts.Select(a => a.DelayBefore));
        Assert.InRange(result.Attempts[1].DelayBefore.TotalMilliseconds, 20, 40);
        Assert.InRange(result.Attempts[2].DelayBefore.TotalMilliseconds, 40, 80);
        Assert.Contains(result.Attempts[2].DelayBefore, _time.Timers);
    }

    [Fact]
    public async Task Gives_up_after_the_last_attempt_with_a_one_line_error()
    {
        _server.Route(GreenhouseTarget, new Reply.Full(503, "down"));

        var result = await Fetcher(Options with { MaxAttempts = 3 }).FetchBoardAsync("greenhouse", "northwind", _dir, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("greenhouse board 'northwind': HTTP 503 Service Unavailable (gave up after 3 attempts)", result.Error);
        Assert.Equal(3, result.Attempts.Count);
        Assert.Empty(result.Files);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task A_missing_board_is_not_retried()
    {
        var result = await Fetcher().FetchBoardAsync("greenhouse", "nosuchboard", _dir, CancellationToken.None);

        Assert.Equal("greenhouse board 'nosuchboard': HTTP 404 Not Found", result.Error);
        Assert.Single(result.Attempts);
    }

    [Fact]
    public async Task A_retry_after_longer_than_allowed_ends_the_fetch_instead_of_waiting()
    {
        _server.Route(GreenhouseTarget, new Reply.Full(429, "", RetryAfter: "3600"));

        var result = await Fetcher().FetchBoardAsync("greenhouse", "northwind", _dir, CancellationToken.None);

        Assert.Equal("greenhouse board 'northwind': HTTP 429 Too Many Requests; the server asked to retry after 3600 s, longer than the 120 s allowed", result.Error);
        Assert.Single(result.Attempts);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_and_the_retry_succeeds()
    {
        _server.Route(GreenhouseTarget, new Reply.Hang(), new Reply.Full(200, WebFixtures.Text("greenhouse-jobs.json")));

        var result = await Fetcher(Options with { RequestTimeout = TimeSpan.FromMilliseconds(500) }).FetchBoardAsync("greenhouse", "northwind", _dir, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("timed out after 0.5 s", result.Attempts[0].Error);
        Assert.Null(result.Attempts[0].StatusCode);
        Assert.Contains(TimeSpan.FromMilliseconds(500), _time.Timers);
    }

    // Deterministic: the attempt's 500 ms elapse when the test says so, once the status line and headers have arrived
    // and the body has stalled, so a loaded machine cannot turn the stall into a missing status (or the timeout into a pass).
    [Fact]
    public async Task A_body_that_stalls_times_out_too()
    {
        var body = WebFixtures.Text("greenhouse-jobs.json");
        _server.Route(GreenhouseTarget, new Reply.Stall(body, 100), new Reply.Full(200, body));
        var timeout = TimeSpan.FromMilliseconds(500);
        var clock = new HeldTimeouts(Now, timeout);
        var headers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var http = new HttpClient(new OnHeaders(new SocketsHttpHandler(), headers)) { Timeout = Timeout.InfiniteTimeSpan };

        var fetch = new BoardFetcher(http, Options with { RequestTimeout = timeout }, clock).FetchBoardAsync("greenhouse", "northwind", _dir, CancellationToken.None);
        await headers.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(fetch.IsCompleted, "the attempt ended before its timeout elapsed");
        clock.ElapseHeld();
        var result = await fetch.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(200, result.Attempts[0].StatusCode);
        Assert.Equal("timed out after 0.5 s", result.Attempts[0].Error);
        Assert.Equal(body, File.ReadAllText(Assert.Single(result.Files)));
    }

    // Signals once the first response's status line and headers are in (the fetcher reads bodies as they stream).
    private sealed class OnHeaders(HttpMessageHandler inner, TaskCompletionSource headers) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            headers.TrySetResult();
            return response;
        }
    }

    [Fact]
    public async Task A_truncated_response_is_retried()
    {
        var body = WebFixtures.Text("greenhouse-jobs.json");
        _server.Route(GreenhouseTarget, new Reply.Truncated(body, 3000), new Reply.Full(200, body));

        var result = await Fetcher().FetchBoardAsync("greenhouse", "northwind", _dir, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.StartsWith("truncated response", result.Attempts[0].Error, StringComparison.Ordinal);
        Assert.Equal(body, File.ReadAllText(Assert.Single(result.Files)));
        Assert.Empty(result.PartialFiles);
    }

    [Fact]
    public async Task A_body_that_stays_truncated_is_kept_as_a_partial_file_the_reader_can_use()
    {
        var body = WebFixtures.Text("greenhouse-jobs.json");
        var cut = Encoding.UTF8.GetByteCount(body) * 3 / 4;
        _server.Route(GreenhouseTarget, new Reply.Truncated(body, cut));

        var result = await Fetcher(Options with { MaxAttempts = 2 }).FetchBoardAsync("greenhouse", "northwind", _dir, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Files);
        var partial = Assert.Single(result.PartialFiles);
        Assert.EndsWith(".partial.json", partial, StringComparison.Ordinal);
        Assert.Equal(cut, new FileInfo(partial).Length);
        var rows = Read(new GreenhouseFormat(), partial);
        Assert.Equal(3, rows.Count(r => r.Error is null));
        Assert.StartsWith("truncated JSON", rows[^1].Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(_dir), f => f.EndsWith(".part", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lever_pages_are_saved_as_they_arrive_and_kept_when_a_later_page_fails()
    {
        var pages = LeverPages(2);
        _server.Route("/v0/postings/lumenhealth?mode=json&skip=0&limit=2", new Reply.Full(200, pages[0]));
        _server.Route("/v0/postings/lumenhealth?mode=json&skip=2&limit=2", new Reply.Full(500, "boom"));

        var result = await Fetcher(Options with { LeverPageSize = 2, MaxAttempts = 2 }).FetchBoardAsync("lever", "lumenhealth", _dir, CancellationToken.None);

        Assert.Equal("lever board page 2: HTTP 500 Internal Server Error (gave up after 2 attempts)", result.Error);
        var file = Assert.Single(result.Files);
        Assert.Equal(pages[0], File.ReadAllText(file));
        Assert.Equal(2, Read(new LeverFormat(), file).Count(r => r.Error is null));
    }

    [Fact]
    public async Task Lever_pages_continue_until_a_short_page()
    {
        var pages = LeverPages(2);
        for (var i = 0; i < pages.Count; i++)
        {
            _server.Route($"/v0/postings/lumenhealth?mode=json&skip={i * 2}&limit=2", new Reply.Full(200, pages[i]));
        }

        var result = await Fetcher(Options with { LeverPageSize = 2, MinRequestInterval = TimeSpan.FromMilliseconds(30) }).FetchBoardAsync("lever", "lumenhealth", _dir, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(3, result.Files.Count);
        Assert.Equal(5, result.Files.Sum(f => Read(new LeverFormat(), f).Count));
        // The clock is fixed, so each later request waits the whole interval, through the time provider.
        Assert.Equal(2, _time.Timers.Count(t => t == TimeSpan.FromMilliseconds(30)));
    }

    [Fact]
    public async Task Fetches_a_job_page_for_the_jobposting_reader()
    {
        _server.Route("/jobs/8841", new Reply.Full(200, WebFixtures.Text("jobposting-graph.html"), "text/html; charset=utf-8"));
        _server.Route("/jobs/8841.jsonld", new Reply.Full(200, WebFixtures.Text("jobposting-full.jsonld"), "application/ld+json"));

        var page = await Fetcher().FetchPageAsync(new Uri(_server.BaseUrl, "jobs/8841"), _dir, CancellationToken.None);
        var json = await Fetcher().FetchPageAsync(new Uri(_server.BaseUrl, "jobs/8841.jsonld"), _dir, CancellationToken.None);

        Assert.Equal("jobposting", page.Format);
        var html = Assert.Single(page.Files);
        Assert.EndsWith(".html", html, StringComparison.Ordinal);
        Assert.StartsWith("page-127.0.0.1-", Path.GetFileName(html), StringComparison.Ordinal);
        Assert.Equal("Machine Learning Engineer", WebFixtures.Single(Read(new JobPostingFormat(), html)).Title);
        var jsonld = Assert.Single(json.Files);
        Assert.EndsWith("-2.jsonld", jsonld, StringComparison.Ordinal);
        Assert.Equal("Lead Data Scientist, Fraud", WebFixtures.Single(Read(new JobPostingFormat(), jsonld)).Title);
        Assert.StartsWith("text/html", _server.Requests[0].Headers["Accept"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_board_names_and_urls_are_errors_without_a_request()
    {
        var token = await Fetcher().FetchBoardAsync("lever", "../etc", _dir, CancellationToken.None);
        var url = await Fetcher().FetchPageAsync(new Uri("file:///etc/passwd"), _dir, CancellationToken.None);

        Assert.StartsWith("invalid lever board name '../etc'", token.Error, StringComparison.Ordinal);
        Assert.Equal("'file:///etc/passwd' is not an http(s) URL", url.Error);
        Assert.Empty(_server.Requests);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Fetcher().FetchBoardAsync("workday", "x", _dir, CancellationToken.None));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_stops_at_once_and_leaves_no_part_file()
    {
        _server.Route(GreenhouseTarget, new Reply.Hang());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Fetcher().FetchBoardAsync("greenhouse", "northwind", _dir, cts.Token));

        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(408, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(501, false)]
    [InlineData(404, false)]
    [InlineData(403, false)]
    public void Retries_only_statuses_that_may_succeed_later(int status, bool retryable) =>
        Assert.Equal(retryable, BoardFetcher.IsRetryable(status));

    [Fact]
    public void Retry_after_is_read_as_seconds_or_as_a_date_relative_to_the_clock()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), BoardFetcher.RetryAfterDelay(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), Now));
        Assert.Equal(TimeSpan.FromSeconds(90), BoardFetcher.RetryAfterDelay(new RetryConditionHeaderValue(Now.AddSeconds(90)), Now));
        Assert.Equal(TimeSpan.Zero, BoardFetcher.RetryAfterDelay(new RetryConditionHeaderValue(Now.AddSeconds(-30)), Now));
        Assert.Null(BoardFetcher.RetryAfterDelay(null, Now));
    }

    [Fact]
    public void Options_are_validated_when_the_fetcher_is_built()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Fetcher(Options with { MaxAttempts = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fetcher(Options with { RequestTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => Fetcher(Options with { LeverBaseUrl = new Uri("ftp://example.com/") }));
    }

    private static List<SkillScope.Model.SourceRow> Read(IRecordFormat format, string path)
    {
        using var reader = new StreamReader(path);
        return format.Read(reader, new FormatContext(path)).ToList();
    }

    private static List<string> LeverPages(int size)
    {
        using var document = JsonDocument.Parse(WebFixtures.Text("lever-postings.json"));
        var postings = document.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();
        return postings.Chunk(size).Select(chunk => "[" + string.Join(",", chunk) + "]").ToList();
    }
}
