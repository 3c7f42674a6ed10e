using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SkillScope.Web.Tests.Support;

/// <summary>
/// A real `skillscope serve` process on 127.0.0.1 with a port the system picks, as a user would start it.
/// Stopped (by its own process id) when disposed.
/// </summary>
public sealed partial class LiveServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly StringBuilder log = new();

    private LiveServer(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the server printed, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    [GeneratedRegex(@"SkillScope dashboard on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex Ready();

    public static async Task<LiveServer> StartAsync(string db)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "SkillScope.Cli.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "serve", "--db", db, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start skillscope serve");
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (Ready().Match(line) is { Success: true } match)
            {
                ready.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        }

        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"skillscope serve exited ({process.ExitCode}):\n{output}"));

        try
        {
            var address = await ready.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
            var server = new LiveServer(process, address);
            lock (output)
            {
                server.log.Append(output);
            }

            return server;
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop(process);
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }
}
