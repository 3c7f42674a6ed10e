using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CsvHelper;
using SkillScope.Normalize;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Benchmarks;

/// <summary>
/// `skills reindex` over 100,000 stored postings with real text (the LinkedIn/Indeed 2018 and Glassdoor 2020
/// descriptions, cycled, each made distinct by its number so none is merged). Target: under 20 s on 2 cores.
/// Run: dotnet run -c Release --project benchmarks/SkillScope.Benchmarks -- --filter '*Reindex*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ReindexBenchmarks
{
    private const int Postings = 100_000;
    private string folder = "";
    private SkillStore? store;
    private SkillIndex? index;

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("skillscope-reindex").FullName;
        var csv = Path.Combine(folder, "postings.csv");
        var texts = PostingCorpus.Load();
        using (var writer = new StreamWriter(csv))
        using (var output = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in (string[])["role", "title", "city", "state", "description", "posted_date", "close_date", "job_grade", "salary_min", "salary_max", "employment_type", "is_remote"])
            {
                output.WriteField(column);
            }

            output.NextRecord();
            for (var i = 0; i < Postings; i++)
            {
                foreach (var field in (string[])["x", "Data Scientist", "Seattle", "Washington", texts[i % texts.Count] + " #" + i.ToString(CultureInfo.InvariantCulture),
                    "2026-01-01", "2026-02-01", "GS", "100000", "120000", "Full-Time", "False"])
                {
                    output.WriteField(field);
                }

                output.NextRecord();
            }
        }

        store = SkillStore.Open(Path.Combine(folder, "reindex.db"));
        var taxonomy = SkillTaxonomy.Default;
        index = new SkillIndex(new SkillExtractor(taxonomy), taxonomy.Version);
        var stored = new IngestService(store, FxRates.Default, TimeProvider.System)
            .Ingest(csv, new IngestOptions()).Stored;
        if (stored != Postings)
        {
            throw new InvalidOperationException($"expected {Postings} stored postings, got {stored}");
        }
    }

    [Benchmark]
    public long Reindex100kPostings() => index!.Reindex(store!);

    [GlobalCleanup]
    public void Cleanup()
    {
        store?.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
