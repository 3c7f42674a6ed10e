using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using CsvHelper;
using SkillScope.Skills;

namespace SkillScope.Benchmarks;

/// <summary>
/// Skill extraction throughput on real posting text: the descriptions of the LinkedIn/Indeed 2018 and Glassdoor 2020
/// data-science postings (shared/data, read in place), cycled until at least 100 MB of UTF-8 text, extracted on one
/// thread. Run: dotnet run -c Release --project benchmarks/SkillScope.Benchmarks -- --filter '*SkillExtraction*'
/// </summary>
[Config(typeof(ThroughputConfig))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class SkillExtractionBenchmarks
{
    private const long TargetBytes = 100_000_000;

    private IReadOnlyList<string> _postings = [];
    private SkillExtractor _extractor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _postings = PostingCorpus.Cycled(TargetBytes);
        _extractor = new SkillExtractor(SkillTaxonomy.Default);
    }

    /// <summary>Every mention of every posting, as the `skills extract` command and ingest see them.</summary>
    [Benchmark(Baseline = true)]
    public int Extract()
    {
        var mentions = 0;
        foreach (var text in _postings)
        {
            mentions += _extractor.Extract(text).Count;
        }

        return mentions;
    }

    /// <summary>Extraction followed by the once-per-posting reduction the demand figures use.</summary>
    [Benchmark]
    public int ExtractDistinct()
    {
        var skills = 0;
        foreach (var text in _postings)
        {
            skills += SkillExtractor.Distinct(_extractor.Extract(text)).Count;
        }

        return skills;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }

    /// <summary>MB of UTF-8 text per second, for the benchmarks that walk the whole corpus.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Megabytes (10^6 bytes) of UTF-8 posting text extracted per second on one thread";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            if (mean is null)
            {
                return "-";
            }

            var bytes = PostingCorpus.CycledBytes(TargetBytes);
            return (bytes / (mean.Value / 1e9) / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}

/// <summary>The real posting descriptions the skill benchmarks read from shared/data.</summary>
internal static class PostingCorpus
{
    private static List<string>? s_postings;

    /// <summary>The postings repeated in order until their UTF-8 size reaches <paramref name="bytes"/>.</summary>
    public static IReadOnlyList<string> Cycled(long bytes)
    {
        var postings = Load();
        var cycled = new List<string>();
        long total = 0;
        for (var i = 0; total < bytes; i++)
        {
            var text = postings[i % postings.Count];
            cycled.Add(text);
            total += Encoding.UTF8.GetByteCount(text);
        }

        return cycled;
    }

    public static long CycledBytes(long bytes) => Cycled(bytes).Sum(t => (long)Encoding.UTF8.GetByteCount(t));

    public static List<string> Load()
    {
        if (s_postings is not null)
        {
            return s_postings;
        }

        var root = BenchData.SharedData()
            ?? throw new InvalidOperationException("shared/data not found: set SKILLSCOPE_SHARED_DATA to the folder holding linkedin_indeed_ca_2018 and glassdoor_ds_2020_kenjee.");
        var postings = new List<string>();
        postings.AddRange(Column(Path.Combine(root, "linkedin_indeed_ca_2018", "DataScientist.csv"), "description"));
        postings.AddRange(Column(Path.Combine(root, "linkedin_indeed_ca_2018", "cal_ds_500.csv"), "description"));
        postings.AddRange(Column(Path.Combine(root, "glassdoor_ds_2020_kenjee", "glassdoor_jobs.csv"), "Job Description"));
        return s_postings = postings;
    }

    private static IEnumerable<string> Column(string path, string name)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            yield return csv.GetField(name) ?? "";
        }
    }
}
