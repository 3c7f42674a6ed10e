using System.Diagnostics;
using System.Globalization;
using SkillScope.Ingest;
using SkillScope.Normalize;
using SkillScope.Store;

namespace SkillScope.Benchmarks;

/// <summary>
/// `ingest-stages [FILE] [--runs N]`: where an ingest's time goes, stage by stage, as CPU time of this process (so other
/// load on the machine does not count): read (decode + split + bind the rows), + normalize, then the whole pipeline into
/// a new SQLite database. The first run includes the JIT; later runs are warm.
/// </summary>
internal static class IngestStages
{
    public static int Run(string[] args)
    {
        var file = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--runs")).FirstOrDefault() ?? BenchData.Survey;
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(3);
        var folder = Directory.CreateTempSubdirectory("skillscope-stages").FullName;
        try
        {
            for (var run = 1; run <= runs; run++)
            {
                var read = Time(() => ReadOnly(file, normalize: false));
                var normalized = Time(() => ReadOnly(file, normalize: true));
                var whole = Time(() =>
                {
                    using var store = SkillStore.Open(Path.Combine(folder, $"stages-{run}.db"));
                    return new IngestService(store, FxRates.Default, TimeProvider.System).Ingest(file, new IngestOptions()).Stored;
                });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: read {read.Cpu:F3} s CPU ({read.Rows:N0} rows), read+normalize {normalized.Cpu:F3} s, whole ingest {whole.Cpu:F3} s CPU / {whole.Wall:F3} s wall ({whole.Rows:N0} stored)"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static long ReadOnly(string path, bool normalize)
    {
        var file = TextDecoding.Inspect(path);
        var format = FormatRegistry.Resolve(FormatRegistry.Probe(file), null, null);
        using var text = TextDecoding.Open(file);
        long rows = 0;
        foreach (var row in format.Read(text, new FormatContext(path)))
        {
            if (normalize && row.Record is { } record)
            {
                _ = RecordNormalizer.Normalize(record, FxRates.Default);
            }

            rows++;
        }

        return rows;
    }

    private static (double Cpu, double Wall, long Rows) Time(Func<long> action)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var rows = action();
        process.Refresh();
        return ((process.TotalProcessorTime - cpu).TotalSeconds, wall.Elapsed.TotalSeconds, rows);
    }
}
