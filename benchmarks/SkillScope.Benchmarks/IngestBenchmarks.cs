using BenchmarkDotNet.Attributes;
using SkillScope.Analytics;
using SkillScope.Normalize;
using SkillScope.Store;

namespace SkillScope.Benchmarks;

/// <summary>In-process ingest of the bundled 74,301-row survey into a fresh database (records/s = 74,301 / mean).</summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private string folder = "";
    private int iteration;

    [GlobalSetup]
    public void Setup() => folder = Directory.CreateTempSubdirectory("skillscope-bench").FullName;

    [Benchmark]
    public long IngestSurvey()
    {
        using var store = SkillStore.Open(Path.Combine(folder, $"ingest-{iteration++}.db"));
        return new IngestService(store, FxRates.Default, TimeProvider.System).Ingest(BenchData.Survey, new IngestOptions()).Stored;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);
}

/// <summary>The market report over the survey, unfiltered and with filters.</summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private string folder = "";
    private SkillStore? store;

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("skillscope-bench").FullName;
        store = SkillStore.Open(Path.Combine(folder, "report.db"));
        new IngestService(store, FxRates.Default, TimeProvider.System).Ingest(BenchData.Survey, new IngestOptions());
    }

    [Benchmark]
    public long MarketAll() => MarketAnalysis.Compute(store!, RecordFilter.None).Total;

    [Benchmark]
    public long MarketFiltered() => MarketAnalysis.Compute(store!, new RecordFilter { Seniorities = ["senior", "lead"], Countries = ["US"] }).Total;

    [GlobalCleanup]
    public void Cleanup()
    {
        store?.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>Where the benchmarks find their data: the bundled samples and the shared data sets.</summary>
internal static class BenchData
{
    public static string Survey { get; } = InRepository(Path.Combine("data", "samples", "aijobs_salaries_2025-01-19.csv"));

    /// <summary>SKILLSCOPE_SHARED_DATA, else a shared/data folder above the program or the working directory; null when absent.</summary>
    public static string? SharedData()
    {
        if (Environment.GetEnvironmentVariable("SKILLSCOPE_SHARED_DATA") is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (var start in (string[])[AppContext.BaseDirectory, Directory.GetCurrentDirectory()])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>A file of this repository, found above the program's folder.</summary>
    public static string InRepository(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("run the benchmarks from inside the repository", relative);
    }
}
