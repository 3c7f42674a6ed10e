using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SkillScope.Tests.Web;

/// <summary>What the server does with one request.</summary>
internal abstract record Reply
{
    /// <summary>A complete response.</summary>
    public sealed record Full(int Status, string Body, string ContentType = "application/json; charset=utf-8", string? RetryAfter = null) : Reply;

    /// <summary>Declares the whole body's Content-Length, sends the first <c>SendBytes</c> bytes, then closes.</summary>
    public sealed record Truncated(string Body, int SendBytes) : Reply;

    /// <summary>Sends headers and the first bytes of the body, then stalls until the client gives up.</summary>
    public sealed record Stall(string Body, int SendBytes) : Reply;

    /// <summary>Accepts the request and never answers.</summary>
    public sealed record Hang : Reply;
}

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 (ephemeral port) built on a TcpListener, so tests can send what
/// a framework server would not: cut-off bodies, stalls, any status and header.
/// </summary>
internal sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Queue<Reply>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Target, Dictionary<string, string> Headers)> _requests = new();
    private readonly Task _accepting;

    public ScriptedHttpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public IReadOnlyList<(string Target, Dictionary<string, string> Headers)> Requests => [.. _requests];

    /// <summary>Replies for a request target (path and query), in order; the last one repeats.</summary>
    public void Route(string target, params Reply[] replies) => _routes[target] = new Queue<Reply>(replies);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopping
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var (target, headers) = await ReadRequestAsync(stream);
                _requests.Enqueue((target, headers));
                await RespondAsync(stream, Next(target));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (it timed out or gave up): nothing to answer.
            }
        }
    }

    private Reply Next(string target)
    {
        if (!_routes.TryGetValue(target, out var queue))
        {
            return new Reply.Full(404, """{"error":"not found"}""");
        }

        lock (queue)
        {
            return queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        }
    }

    private async Task RespondAsync(NetworkStream stream, Reply reply)
    {
        switch (reply)
        {
            case Reply.Full full:
                var body = Encoding.UTF8.GetBytes(full.Body);
                var extra = full.RetryAfter is null ? "" : $"Retry-After: {full.RetryAfter}\r\n";
                await WriteAsync(stream, Head(full.Status, full.ContentType, body.Length, extra));
                await stream.WriteAsync(body, _stop.Token);
                break;
            case Reply.Truncated truncated:
                var all = Encoding.UTF8.GetBytes(truncated.Body);
                await WriteAsync(stream, Head(200, "application/json; charset=utf-8", all.Length, ""));
                await stream.WriteAsync(all.AsMemory(0, truncated.SendBytes), _stop.Token);
                await stream.FlushAsync(_stop.Token);
                break; // closing the connection short of Content-Length
            case Reply.Stall stall:
                var bytes = Encoding.UTF8.GetBytes(stall.Body);
                await WriteAsync(stream, Head(200, "application/json; charset=utf-8", bytes.Length, ""));
                await stream.WriteAsync(bytes.AsMemory(0, stall.SendBytes), _stop.Token);
                await stream.FlushAsync(_stop.Token);
                await WaitForCloseAsync(stream);
                break;
            case Reply.Hang:
                await WaitForCloseAsync(stream);
                break;
        }
    }

    /// <summary>Returns when the client closes its side (a read of 0 bytes) or the server stops.</summary>
    private async Task WaitForCloseAsync(NetworkStream stream)
    {
        var buffer = new byte[256];
        while (await stream.ReadAsync(buffer, _stop.Token) > 0)
        {
        }
    }

    private static string Head(int status, string contentType, int length, string extra) =>
        $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: {contentType}\r\nContent-Length: {length}\r\nConnection: close\r\n{extra}\r\n";

    private async Task WriteAsync(NetworkStream stream, string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stop.Token);

    private async Task<(string Target, Dictionary<string, string> Headers)> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new byte[65536];
        var length = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), _stop.Token);
            if (read == 0)
            {
                throw new IOException("client closed before sending a request");
            }

            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }

            var lines = text[..end].Split("\r\n");
            var target = lines[0].Split(' ')[1];
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }

            return (target, headers);
        }
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };
}

/// <summary>A fixed clock whose timers run for real (tests use short delays) and are recorded.</summary>
internal sealed class RecordingTimeProvider(DateTimeOffset now) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    public IReadOnlyList<TimeSpan> Timers => [.. _timers];

    public override DateTimeOffset GetUtcNow() => now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Enqueue(dueTime);
        return System.CreateTimer(callback, state, dueTime, period);
    }
}

/// <summary>
/// A clock whose timers of one length (a request timeout) elapse only when the test calls <see cref="ElapseHeld"/>;
/// other timers (backoff, spacing) run on the system clock.
/// </summary>
internal sealed class HeldTimeouts(DateTimeOffset now, TimeSpan held) : TimeProvider
{
    private readonly ConcurrentQueue<HeldTimer> _held = new();

    public override DateTimeOffset GetUtcNow() => now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != held)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }

        var timer = new HeldTimer(callback, state);
        _held.Enqueue(timer);
        return timer;
    }

    /// <summary>Fires every held timer made so far (each at most once).</summary>
    public void ElapseHeld()
    {
        foreach (var timer in _held)
        {
            timer.Fire();
        }
    }

    private sealed class HeldTimer(TimerCallback callback, object? state) : ITimer
    {
        private int _done;

        public void Fire()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => Volatile.Read(ref _done) == 0;

        public void Dispose() => Interlocked.Exchange(ref _done, 1);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
