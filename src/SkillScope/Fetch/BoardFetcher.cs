using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using SkillScope.Ingest.Web;

namespace SkillScope.Fetch;

/// <summary>
/// Downloads public job boards (Greenhouse, Lever, Ashby) and job pages politely: it names itself in
/// User-Agent, spaces its requests, retries 429/5xx/timeouts/dropped connections with jittered
/// exponential backoff or the server's Retry-After, and writes each download to disk as it completes
/// (atomic rename), so a later failure never loses what was already downloaded. All waiting goes
/// through <paramref name="time"/>. One fetch at a time per instance.
/// </summary>
public sealed partial class BoardFetcher(HttpClient http, FetchOptions options, TimeProvider time)
{
    private const string JsonAccept = "application/json";
    private const string PageAccept = "text/html,application/xhtml+xml;q=0.9,application/ld+json;q=0.8,*/*;q=0.5";

    private readonly HttpClient _http = http ?? throw new ArgumentNullException(nameof(http));
    private readonly FetchOptions _options = Validated(options);
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));
    private readonly Random _jitter = new(options.RandomSeed);
    private DateTimeOffset? _lastRequest;

    /// <summary>The board names <see cref="FetchBoardAsync"/> accepts.</summary>
    public static IReadOnlyList<string> Boards { get; } = ["greenhouse", "lever", "ashby"];

    /// <summary>An HttpClient suited to the fetcher: decompression on, no client-wide timeout (the fetcher times each attempt).</summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxAutomaticRedirections = 5,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <param name="board">greenhouse, lever or ashby.</param>
    /// <param name="token">The company's board name ("acme" in boards.greenhouse.io/acme).</param>
    public async Task<FetchResult> FetchBoardAsync(string board, string token, string downloadDirectory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentException.ThrowIfNullOrWhiteSpace(downloadDirectory);
        if (!Boards.Contains(board))
        {
            throw new ArgumentOutOfRangeException(nameof(board), board, $"expected one of: {string.Join(", ", Boards)}");
        }

        var run = new Run(board);
        if (!IsValidToken(token))
        {
            return run.Result($"invalid {board} board name '{token}': use the name from the board's URL (letters, digits, '-', '_', '.')");
        }

        Directory.CreateDirectory(downloadDirectory);
        var escaped = Uri.EscapeDataString(token);
        var stem = Path.Combine(downloadDirectory, $"{board}-{token}");
        if (board == "lever")
        {
            return await FetchLeverAsync(run, escaped, stem, ct).ConfigureAwait(false);
        }

        var url = board == "greenhouse"
            ? Combine(_options.GreenhouseBaseUrl, $"{escaped}/jobs?content=true")
            : Combine(_options.AshbyBaseUrl, $"{escaped}?includeCompensation=true");
        var download = await DownloadAsync(run, url, JsonAccept, stem, _ => ".json", ct).ConfigureAwait(false);
        return run.Result(download.Error is null ? null : $"{board} board '{token}': {download.Error}");
    }

    /// <summary>A job page (or a JSON-LD file) for the <c>jobposting</c> reader.</summary>
    public async Task<FetchResult> FetchPageAsync(Uri url, string downloadDirectory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(downloadDirectory);
        var run = new Run("jobposting");
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            return run.Result($"'{url}' is not an http(s) URL");
        }

        Directory.CreateDirectory(downloadDirectory);
        var stem = Path.Combine(downloadDirectory, $"page-{SafeName(url.Host)}");
        var download = await DownloadAsync(run, url, PageAccept, stem, PageExtension, ct).ConfigureAwait(false);
        return run.Result(download.Error is null ? null : $"{url}: {download.Error}");
    }

    private async Task<FetchResult> FetchLeverAsync(Run run, string escapedToken, string stem, CancellationToken ct)
    {
        var size = _options.LeverPageSize;
        for (var page = 0; page < _options.MaxPages; page++)
        {
            var url = Combine(_options.LeverBaseUrl, $"{escapedToken}?mode=json&skip={(page * size).ToString(CultureInfo.InvariantCulture)}&limit={size.ToString(CultureInfo.InvariantCulture)}");
            var download = await DownloadAsync(run, url, JsonAccept, $"{stem}-p{(page + 1).ToString(CultureInfo.InvariantCulture)}", _ => ".json", ct).ConfigureAwait(false);
            if (download.Error is not null)
            {
                return run.Result($"lever board page {page + 1}: {download.Error}");
            }

            var count = CountJobs(download.Path!);
            if (count == 0 && page > 0)
            {
                // The previous page was exactly full; this empty one adds nothing.
                File.Delete(download.Path!);
                run.Files.Remove(download.Path!);
            }

            if (count < size)
            {
                return run.Result(null);
            }
        }

        return run.Result($"lever board: stopped after {_options.MaxPages} pages of {size}");
    }

    private readonly record struct Download(string? Path, string? Error);

    private async Task<Download> DownloadAsync(Run run, Uri url, string accept, string stem, Func<string?, string> extension, CancellationToken ct)
    {
        var basePath = ReservePath(stem);
        var part = basePath + ".part";
        var delay = TimeSpan.Zero;
        string? error = null;
        try
        {
            for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _time, ct).ConfigureAwait(false);
                }

                await PaceAsync(ct).ConfigureAwait(false);
                var outcome = await AttemptAsync(url, accept, part, ct).ConfigureAwait(false);
                run.Attempts.Add(new FetchAttempt(url, attempt, outcome.Status, delay, outcome.Bytes, outcome.Error));
                if (outcome.Error is null)
                {
                    var path = basePath + extension(outcome.MediaType);
                    File.Move(part, path);
                    run.Files.Add(path);
                    return new(path, null);
                }

                error = outcome.Error;
                if (!outcome.Retryable || attempt == _options.MaxAttempts)
                {
                    error = outcome.Retryable ? $"{error} (gave up after {attempt} attempts)" : error;
                    break;
                }

                if (outcome.RetryAfter is { } retryAfter && retryAfter > _options.MaxRetryAfter)
                {
                    error = $"{error}; the server asked to retry after {Seconds(retryAfter)}, longer than the {Seconds(_options.MaxRetryAfter)} allowed";
                    break;
                }

                delay = outcome.RetryAfter ?? Backoff(attempt);
            }
        }
        catch (OperationCanceledException)
        {
            TryDelete(part);
            throw;
        }

        KeepPartial(run, part, basePath + ".partial" + extension(null));
        return new(null, error);
    }

    private readonly record struct Outcome(int? Status, long Bytes, string? MediaType, string? Error, bool Retryable, TimeSpan? RetryAfter);

    private async Task<Outcome> AttemptAsync(Uri url, string accept, string part, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        int? status = null;
        long bytes = 0;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var retryable = IsRetryable(status.Value);
                return new(status, 0, null, $"HTTP {status} {response.ReasonPhrase}".TrimEnd(), retryable,
                    retryable ? RetryAfterDelay(response.Headers.RetryAfter, _time.GetUtcNow()) : null);
            }

            var declared = response.Content.Headers.ContentLength;
            if (declared > _options.MaxResponseBytes)
            {
                return new(status, 0, null, $"response of {declared} bytes is over the {_options.MaxResponseBytes}-byte limit", false, null);
            }

            var body = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var file = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                await using (file.ConfigureAwait(false))
                {
                    var buffer = new byte[81920];
                    while (true)
                    {
                        var read = await body.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        bytes += read;
                        if (bytes > _options.MaxResponseBytes)
                        {
                            return new(status, bytes, null, $"response over the {_options.MaxResponseBytes}-byte limit", false, null);
                        }

                        await file.WriteAsync(buffer.AsMemory(0, read), linked.Token).ConfigureAwait(false);
                    }

                    await file.FlushAsync(linked.Token).ConfigureAwait(false);
                }
            }

            if (declared is { } length && length != bytes)
            {
                return new(status, bytes, null, $"truncated response: {bytes} of {length} bytes", true, null);
            }

            return new(status, bytes, response.Content.Headers.ContentType?.MediaType, null, false, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(status, bytes, null, $"timed out after {Seconds(_options.RequestTimeout)}", true, null);
        }
        catch (HttpRequestException ex)
        {
            return new(status, bytes, null, $"connection failed: {ex.Message}", true, null);
        }
        catch (IOException ex) when (status is not null)
        {
            // The body stopped short (connection closed before Content-Length): worth another try.
            return new(status, bytes, null, $"truncated response after {bytes} bytes: {ex.Message}", true, null);
        }
    }

    /// <summary>408, 429 and 5xx are worth retrying; 501 and 505 say the request will never work.</summary>
    internal static bool IsRetryable(int status) => status is 408 or 429 || (status >= 500 && status is not (501 or 505));

    /// <summary>Retry-After as a delay from now: seconds, or an HTTP date (in the past means now).</summary>
    internal static TimeSpan? RetryAfterDelay(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Exponential (initial x 2^(attempt-1), capped) with "equal jitter": half fixed, half random.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponential = _options.InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, _options.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Math.Round((capped / 2) + (_jitter.NextDouble() * capped / 2)));
    }

    private async Task PaceAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (_lastRequest is { } last && _options.MinRequestInterval > TimeSpan.Zero)
        {
            var wait = _options.MinRequestInterval - (now - last);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            }
        }

        _lastRequest = _time.GetUtcNow();
    }

    private static void KeepPartial(Run run, string part, string partialPath)
    {
        if (File.Exists(part) && new FileInfo(part).Length > 0)
        {
            File.Move(part, partialPath, overwrite: true);
            run.PartialFiles.Add(partialPath);
        }
        else
        {
            TryDelete(part);
        }
    }

    private string ReservePath(string stem)
    {
        var stamp = _time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        for (var n = 1; ; n++)
        {
            var basePath = n == 1 ? $"{stem}-{stamp}" : $"{stem}-{stamp}-{n.ToString(CultureInfo.InvariantCulture)}";
            var directory = Path.GetDirectoryName(basePath)!;
            var prefix = Path.GetFileName(basePath) + ".";
            if (!Directory.EnumerateFiles(directory, prefix + "*").Any())
            {
                return basePath;
            }
        }
    }

    private static string PageExtension(string? mediaType) => mediaType switch
    {
        "application/ld+json" or "application/json" => ".jsonld",
        _ => ".html",
    };

    private static bool IsValidToken(string? token) =>
        !string.IsNullOrEmpty(token) && token.Length <= 200 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && token.Trim('.').Length > 0;

    private static string SafeName(string host)
    {
        var chars = host.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray();
        return chars.Length == 0 ? "host" : new string(chars);
    }

    private static Uri Combine(Uri baseUrl, string relative) => new(baseUrl.AbsoluteUri.TrimEnd('/') + "/" + relative);

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    private static int CountJobs(string path)
    {
        using var reader = new StreamReader(path);
        var count = 0;
        foreach (var _ in JsonChunks.BoardJobs(reader, null, WebLimits.Default))
        {
            count++;
        }

        return count;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover .part file is harmless: the next fetch picks another name.
        }
    }

    private static FetchOptions Validated(FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }

    private sealed class Run(string format)
    {
        public List<string> Files { get; } = [];
        public List<string> PartialFiles { get; } = [];
        public List<FetchAttempt> Attempts { get; } = [];

        public FetchResult Result(string? error) => new(format, [.. Files], [.. PartialFiles], [.. Attempts], error);
    }
}
