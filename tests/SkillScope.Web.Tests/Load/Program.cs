using System.Diagnostics;
using System.Globalization;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Load;

/// <summary>
/// The entry point of this project: `dotnet test` runs the tests; `dotnet run --project tests/SkillScope.Web.Tests
/// -c Release -- load [--clients 50] [--seconds 30] [--url http://127.0.0.1:5080]` runs the load test (not part of
/// the test run). Without --url it loads the bundled samples into a scratch database and starts `skillscope serve`.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["load", .. var rest])
        {
            await Console.Error.WriteLineAsync("usage: load [--clients N] [--seconds S] [--url http://host:port]");
            return 2;
        }

        var options = LoadOptions.Parse(rest);
        LiveServer? server = null;
        var target = options.Url;
        if (target is null)
        {
            var db = Path.Combine(Path.GetTempPath(), $"skillscope-load-{Environment.ProcessId}.db");
            await CliRunner.RunOkAsync(["ingest", .. Paths.BundledSamples, "--db", db]);
            server = await LiveServer.StartAsync(db);
            target = server.Address;
        }

        try
        {
            await Console.Out.WriteLineAsync($"target {target}, {options.Clients} clients, {options.Seconds} s per scenario, {Environment.ProcessorCount} cores");
            await LoadTest.RunAsync(target, options);
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        return 0;
    }
}

internal sealed record LoadOptions(int Clients, int Seconds, Uri? Url)
{
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions(50, 30, null);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            options = args[i] switch
            {
                "--clients" => options with { Clients = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--seconds" => options with { Seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--url" => options with { Url = new Uri(args[i + 1]) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}

/// <summary>Closed-loop clients: each sends its next request when the previous answer is in.</summary>
internal static class LoadTest
{
    /// <summary>What the dashboard asks for when people look at market and skill pages with common filters.</summary>
    public static IReadOnlyList<string> DashboardRequests { get; } =
    [
        "/api/market", "/api/market?kind=posting", "/api/market?kind=salary_report",
        "/api/market?kind=salary_report&role=ml_engineer", "/api/market?kind=salary_report&role=data_scientist",
        "/api/market?kind=salary_report&seniority=senior", "/api/market?kind=salary_report&country=US&since=2024",
        "/api/market?arrangement=remote", "/api/market?kind=posting&role=data_scientist",
        "/api/skills", "/api/skills?top=50", "/api/skills?coSkills=python", "/api/skills?coSkills=sql",
        "/api/skills?role=data_scientist", "/api/skills?role=data_engineer", "/api/skills?compare=2025,2026",
        "/api/skills?role=data_analyst&coSkills=sql", "/api/skills?seniority=senior",
    ];

    private static readonly string[] Words = ["python", "data", "machine learning", "sql", "analyst", "remote", "statistics", "cloud", "research", "security"];

    public static async Task RunAsync(Uri target, LoadOptions options)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = target, Timeout = TimeSpan.FromSeconds(30) };

        // First pass: each report computed once (the cost of a view nobody asked for yet since the last ingest).
        await Console.Out.WriteLineAsync("\nfirst request of each view (computed, then cached until the data changes):");
        await Console.Out.WriteLineAsync("| request | ms |\n|---|---:|");
        foreach (var url in DashboardRequests)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            response.EnsureSuccessStatusCode();
            await Console.Out.WriteLineAsync($"| `{url}` | {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} |");
        }

        await Console.Out.WriteLineAsync("\n| scenario | requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |\n|---|---:|---:|---:|---:|---:|---:|---:|");
        await Scenario(client, options, "market + skills views (the dashboard's requests)", (i, n) => DashboardRequests[(i + n) % DashboardRequests.Count]);
        await Scenario(client, options, "postings search (full text, uncached)", (i, n) => $"/api/postings?q={Uri.EscapeDataString(Words[(i + n) % Words.Length])}&page={1 + (n % 3)}");
        await Scenario(client, options, "market + skills with a new filter each time (uncached)", Uncached);
    }

    // Distinct filter combinations, so every request computes its report (the cache only helps repeats).
    private static string Uncached(int client, int n)
    {
        var year = 2020 + ((client + n) % 6);
        var day = 1 + (n % 28);
        return (n % 2 == 0)
            ? $"/api/market?since={year}-01-{day:D2}&until=2026-12-{day:D2}"
            : $"/api/skills?since={year}-02-{day:D2}&top={10 + (client % 40)}";
    }

    private static async Task Scenario(HttpClient client, LoadOptions options, string name, Func<int, int, string> url)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(options.Seconds * (double)Stopwatch.Frequency);
        var latencies = new List<double>[options.Clients];
        var errors = new int[options.Clients];
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(4096);
            for (var n = 0; Stopwatch.GetTimestamp() < deadline; n++)
            {
                var t = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(new Uri(url(c, n), UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        errors[c]++;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    errors[c]++;
                }

                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {all.Length:N0} | {all.Length / elapsed:N0} | {P(0.50):F1} | {P(0.90):F1} | {P(0.99):F1} | {all.LastOrDefault():F0} | {errors.Sum()} |"));
    }
}
