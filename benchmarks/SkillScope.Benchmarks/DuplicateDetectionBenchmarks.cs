using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SkillScope.Normalize;
using SkillScope.Store;

namespace SkillScope.Benchmarks;

/// <summary>
/// What near-duplicate detection adds to ingest (docs/benchmarks.md, "Duplicate detection"): 100,000 schema.org
/// JobPosting lines with real text (the LinkedIn/Indeed 2018 and Glassdoor 2020 descriptions), 2,000 employers x 10
/// titles, one in five a copy of an earlier posting in another town and one in ten a lightly edited copy, ingested
/// into a fresh database with detection (the default) and without it (the baseline: exact keys only), in one run.
/// Target: under 20% added. Run: dotnet run -c Release --project benchmarks/SkillScope.Benchmarks -- --filter '*DuplicateDetection*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class DuplicateDetectionBenchmarks
{
    private const int Postings = 100_000;
    private static readonly string[] Titles =
    [
        "Data Scientist", "Senior Data Scientist", "Machine Learning Engineer", "Data Engineer", "Data Analyst",
        "ML Ops Engineer", "Research Scientist", "Analytics Engineer", "AI Engineer", "Staff Data Scientist",
    ];

    private static readonly string[] Towns = ["Seattle, WA", "Austin, TX", "Denver, CO", "Boston, MA", "Chicago, IL", "New York, NY"];

    private string folder = "";
    private string file = "";
    private int iteration;

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("skillscope-dedupe").FullName;
        file = Path.Combine(folder, "postings.jsonl");
        var texts = PostingCorpus.Load();
        using var writer = new StreamWriter(file);
        for (var i = 0; i < Postings; i++)
        {
            // Every 5th posting copies the one 3 before it to another town; every 10th (+1) edits a word of it.
            var source = i % 5 == 4 ? i - 3 : i % 10 == 1 && i > 10 ? i - 7 : i;
            var text = texts[source % texts.Count] + " Requisition " + source.ToString(CultureInfo.InvariantCulture) + ".";
            if (source != i && i % 10 == 1)
            {
                text = text.Replace(" the ", " our ", StringComparison.Ordinal);
            }

            writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["@context"] = "https://schema.org", ["@type"] = "JobPosting",
                ["title"] = Titles[source % Titles.Length],
                ["hiringOrganization"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = "Employer " + (source % 2_000).ToString(CultureInfo.InvariantCulture) },
                ["jobLocation"] = new Dictionary<string, object> { ["@type"] = "Place", ["address"] = Towns[i % Towns.Length] },
                ["datePosted"] = "2026-03-" + (1 + (source % 28)).ToString("00", CultureInfo.InvariantCulture),
                ["description"] = text,
            }));
        }
    }

    [Benchmark(Baseline = true)]
    public long IngestExactKeysOnly() => Ingest(detect: false);

    [Benchmark]
    public long IngestWithNearDuplicates() => Ingest(detect: true);

    private long Ingest(bool detect)
    {
        using var store = SkillStore.Open(Path.Combine(folder, $"ingest-{iteration++}.db"));
        var summary = new IngestService(store, FxRates.Default, TimeProvider.System).Ingest(file, new IngestOptions { DetectNearDuplicates = detect });
        return summary.Stored;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);
}

/// <summary>
/// The detector's own cost per posting (docs/benchmarks.md, "Duplicate detection"): the fingerprint (word 3-shingles and a
/// 64-value MinHash) of the real posting texts, against a plain scan of the same characters as the baseline.
/// Run: dotnet run -c Release --project benchmarks/SkillScope.Benchmarks -- --filter '*PostingFingerprint*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PostingFingerprintBenchmarks
{
    private IReadOnlyList<string> texts = [];

    [GlobalSetup]
    public void Setup() => texts = PostingCorpus.Load();

    [Benchmark(Baseline = true)]
    public long ScanCharacters()
    {
        long letters = 0;
        foreach (var text in texts)
        {
            foreach (var c in text)
            {
                letters += char.IsLetterOrDigit(c) ? 1 : 0;
            }
        }

        return letters;
    }

    [Benchmark]
    public long Fingerprint()
    {
        long shingles = 0;
        foreach (var text in texts)
        {
            shingles += NearDuplicates.Fingerprint("Employer", "Data Scientist", text)?.Shingles ?? 0;
        }

        return shingles;
    }
}
