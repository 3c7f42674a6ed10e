using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using SkillScope.Career;
using SkillScope.Normalize;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Benchmarks;

/// <summary>
/// `match` over 100,000 stored postings: the real postings of shared/data (Glassdoor 2020, LinkedIn and Indeed 2018) and
/// the bundled USAJOBS sample, replicated with distinct ids and dedupe keys (their skills copied with them) until the
/// store holds exactly 100,000 postings; the full-text index is built once in the setup, as the first `match` builds it.
/// Run: dotnet run -c Release --project benchmarks/SkillScope.Benchmarks -- --filter '*MatchBenchmarks*'
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MemoryDiagnoser]
public class MatchBenchmarks
{
    public const int Postings = 100_000;

    private string _folder = "";
    private SkillStore _store = null!;
    private Resume _engineer = null!;
    private Resume _analyst = null!;
    private string _engineerFile = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("skillscope-bench-match").FullName;
        _store = SkillStore.Open(Path.Combine(_folder, "match.db"));
        var index = new SkillIndex(SkillExtractor.Default, SkillTaxonomy.Default.Version);
        index.MarkIfNew(_store);
        var ingest = new IngestService(_store, FxRates.Default, TimeProvider.System);
        foreach (var file in MatchData.PostingFiles())
        {
            ingest.Ingest(file, new IngestOptions());
        }

        Replicate(_store, Postings);
        var watch = Stopwatch.StartNew();
        var indexed = PostingIndex.Update(_store);
        Console.WriteLine($"// full-text index of {indexed:N0} postings built in {watch.Elapsed.TotalSeconds:0.0} s");

        var options = new ResumeReadOptions { AsOf = new DateOnly(2026, 11, 22) };
        _engineerFile = MatchData.Resume("strong-ml-engineer.md");
        _engineer = ResumeReader.Read(_engineerFile, options).Resume!;
        _analyst = ResumeReader.Read(MatchData.Resume("mismatched-data-analyst.txt"), options).Resume!;
    }

    /// <summary>Top 10 for the ML engineer resume, no filters.</summary>
    [Benchmark(Baseline = true)]
    public int Top10Engineer() => JobMatcher.Match(_store, SkillTaxonomy.Default, _engineer, new MatchRequest()).Matches.Count;

    /// <summary>Top 10 for the data analyst resume, no filters.</summary>
    [Benchmark]
    public int Top10Analyst() => JobMatcher.Match(_store, SkillTaxonomy.Default, _analyst, new MatchRequest()).Matches.Count;

    /// <summary>With filters and preferences: ML engineer and data scientist postings in the US, prefer remote.</summary>
    [Benchmark]
    public int Top10EngineerFiltered() => JobMatcher.Match(_store, SkillTaxonomy.Default, _engineer, new MatchRequest
    {
        Filter = new RecordFilter { Roles = ["ml_engineer", "data_scientist"], Countries = ["US"] },
        Country = "US",
        Arrangement = "remote",
    }).Matches.Count;

    /// <summary>What the command does after start-up: read the resume file, catch the index up (nothing new), match.</summary>
    [Benchmark]
    public int Top10EngineerFromFile()
    {
        var resume = ResumeReader.Read(_engineerFile, new ResumeReadOptions { AsOf = new DateOnly(2026, 11, 22) }).Resume!;
        PostingIndex.Update(_store);
        return JobMatcher.Match(_store, SkillTaxonomy.Default, resume, new MatchRequest()).Matches.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Copies the stored postings (and their skills) with new ids until there are exactly <paramref name="target"/>.</summary>
    private static void Replicate(SkillStore store, int target)
    {
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)store.Connection;
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)command.ExecuteScalar()!;
        }

        var lastOriginal = Scalar("SELECT MAX(id) FROM records WHERE kind = 'posting'");
        var total = Scalar("SELECT COUNT(*) FROM records WHERE kind = 'posting'");
        for (var copy = 1; total < target; copy++)
        {
            using var transaction = connection.BeginTransaction();
            using (var records = connection.CreateCommand())
            {
                records.Transaction = transaction;
                records.CommandText = """
                    INSERT INTO records(kind, dedupe_key, title, company, location_text, description, period_start, period_end,
                        role, seniority, years_required_min, employment_type, work_arrangement, country, state, metro, city, company_size,
                        salary_min, salary_max, salary_currency, salary_period, salary_usd_min, salary_usd_max, salary_usd, salary_is_estimate, salary_flag)
                    SELECT kind, dedupe_key || ':copy' || $copy, title, company, location_text, description, period_start, period_end,
                        role, seniority, years_required_min, employment_type, work_arrangement, country, state, metro, city, company_size,
                        salary_min, salary_max, salary_currency, salary_period, salary_usd_min, salary_usd_max, salary_usd, salary_is_estimate, salary_flag
                    FROM records WHERE kind = 'posting' AND id <= $last ORDER BY id LIMIT $limit
                    """;
                records.Parameters.AddWithValue("$copy", copy);
                records.Parameters.AddWithValue("$last", lastOriginal);
                records.Parameters.AddWithValue("$limit", target - total);
                total += records.ExecuteNonQuery();
            }

            using (var skills = connection.CreateCommand())
            {
                skills.Transaction = transaction;
                skills.CommandText = """
                    INSERT INTO record_skills(record_id, skill_id, required)
                    SELECT c.id, k.skill_id, k.required
                    FROM records o JOIN records c ON c.dedupe_key = o.dedupe_key || ':copy' || $copy JOIN record_skills k ON k.record_id = o.id
                    WHERE o.kind = 'posting' AND o.id <= $last;
                    INSERT INTO record_skill_sets(record_id, skills)
                    SELECT c.id, p.skills
                    FROM records o JOIN records c ON c.dedupe_key = o.dedupe_key || ':copy' || $copy JOIN record_skill_sets p ON p.record_id = o.id
                    WHERE o.kind = 'posting' AND o.id <= $last;
                    """;
                skills.Parameters.AddWithValue("$copy", copy);
                skills.Parameters.AddWithValue("$last", lastOriginal);
                skills.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }
}

internal static class MatchData
{
    public static IEnumerable<string> PostingFiles()
    {
        if (BenchData.SharedData() is { } shared)
        {
            yield return Path.Combine(shared, "glassdoor_ds_2020_kenjee", "glassdoor_jobs.csv");
            yield return Path.Combine(shared, "linkedin_indeed_ca_2018", "DataScientist.csv");
            yield return Path.Combine(shared, "linkedin_indeed_ca_2018", "cal_ds_500.csv");
        }
        else
        {
            Console.WriteLine("// shared/data not found (set SKILLSCOPE_SHARED_DATA): replicating the bundled USAJOBS sample only");
        }

        yield return BenchData.InRepository(Path.Combine("data", "samples", "usajobs_data_roles_2026.csv"));
    }

    public static string Resume(string name) => BenchData.InRepository(Path.Combine("tests", "SkillScope.Tests", "Fixtures", "resumes", name));
}
