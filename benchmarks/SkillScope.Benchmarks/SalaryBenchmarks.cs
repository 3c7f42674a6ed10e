using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SkillScope.Analytics;
using SkillScope.Model;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Benchmarks;

/// <summary>
/// Salary bands and skill premiums over 1,000,000 generated postings (the real data sets are far smaller). Targets
/// (issue 5): bands under 1 s, a premiums fit for 50 skills under 10 s. The database is generated once into the temp
/// folder and reused by later runs (delete skillscope-salary-bench-*.db to regenerate).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SalaryBenchmarks
{
    private static readonly RecordFilter Postings = new() { Kinds = [RecordKinds.Posting] };
    private SkillStore? store;

    [GlobalSetup]
    public void Setup() => store = SkillStore.Open(SalaryData.Generate(1_000_000));

    [Benchmark]
    public int BandsByRoleSeniority() =>
        SalaryAnalysis.ComputeBands(store!, Postings, new SalaryReportOptions()).Count;

    [Benchmark]
    public int BandsByRoleSeniorityCountry() =>
        SalaryAnalysis.ComputeBands(store!, Postings, new SalaryReportOptions { By = ["role", "seniority", "country"] }).Count;

    /// <summary>The whole `report salaries`: bands, ladder and country differentials with 1,000 bootstrap samples.</summary>
    [Benchmark]
    public int FullSalaryReport() =>
        SalaryAnalysis.Compute(store!, Postings, new SalaryReportOptions()).Regions.Rows.Count;

    [Benchmark]
    public int Premiums50Skills() =>
        SalaryPremiums.Report(store!, SkillTaxonomy.Default, RecordFilter.None, new PremiumOptions { Skills = SalaryData.Skills }).Premiums.Count;

    [GlobalCleanup]
    public void Cleanup() => store?.Dispose();
}

/// <summary>
/// Realistic generated postings: the role, level and country mix of the real data, lognormal pay with role, level,
/// country and year effects, and 50 real taxonomy skills with prevalences from 2% to 60% (about 8 per posting),
/// each with a small pay effect.
/// </summary>
internal static class SalaryData
{
    public static IReadOnlyList<string> Skills { get; } =
    [
        "python", "sql", "aws", "machine-learning", "pytorch", "tensorflow", "docker", "kubernetes", "apache-spark", "statistics",
        "r", "java", "scala", "gcp", "azure", "tableau", "pandas", "numpy", "scikit-learn", "airflow",
        "mlflow", "databricks", "snowflake", "dbt", "kafka", "llms", "generative-ai", "rag", "langchain", "prompt-engineering",
        "fine-tuning", "deep-learning", "nlp", "computer-vision", "time-series", "ab-testing", "causal-inference", "xgboost", "hugging-face", "git",
        "linux", "terraform", "cicd", "fastapi", "looker", "power-bi", "excel", "hadoop", "go", "cpp",
    ];

    public static string Generate(int count)
    {
        var path = Path.Combine(Path.GetTempPath(), $"skillscope-salary-bench-{count.ToString(CultureInfo.InvariantCulture)}-v1.db");
        if (File.Exists(path))
        {
            return path;
        }

        var partial = path + ".partial";
        File.Delete(partial);
        using (var store = SkillStore.Open(partial))
        {
            Fill(store, count);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(partial + "-wal");
        File.Delete(partial + "-shm");
        File.Move(partial, path);
        return path;
    }

    private static void Fill(SkillStore store, int count)
    {
        var missing = Skills.Where(s => SkillTaxonomy.Default.Find(s) is null).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("not taxonomy skill ids: " + string.Join(", ", missing));
        }

        var random = new Random(20_261_122);
        (string Id, double Weight, double Effect)[] roles =
        [
            ("data_scientist", 0.22, 0), ("data_engineer", 0.2, -0.02), ("data_analyst", 0.18, -0.3), ("ml_engineer", 0.14, 0.12),
            ("research_scientist", 0.06, 0.15), ("ai_engineer", 0.05, 0.1), ("mlops_engineer", 0.03, 0.08), ("ai_product_manager", 0.02, 0.1),
            ("ai_governance", 0.01, 0), ("other", 0.09, -0.1),
        ];
        (string Id, double Weight, double Effect)[] levels =
        [
            ("intern", 0.02, -0.9), ("junior", 0.12, -0.35), ("mid", 0.28, -0.1), ("senior", 0.38, 0.1), ("lead", 0.12, 0.3),
            ("executive", 0.03, 0.5), ("unknown", 0.05, 0),
        ];
        (string Id, double Weight, double Effect)[] countries =
        [
            ("US", 0.6, 0.3), ("GB", 0.07, -0.2), ("CA", 0.06, -0.1), ("DE", 0.05, -0.25), ("IN", 0.05, -1.3), ("FR", 0.03, -0.35),
            ("NL", 0.02, -0.3), ("ES", 0.02, -0.6), ("AU", 0.02, -0.1), ("BR", 0.015, -1.0), ("PL", 0.015, -0.8), ("SG", 0.015, -0.05),
            ("CH", 0.01, 0.1), ("IE", 0.01, -0.2), ("JP", 0.01, -0.4), ("MX", 0.01, -1.0), ("SE", 0.005, -0.4), ("IT", 0.005, -0.6),
            ("PT", 0.005, -0.8), ("ZA", 0.005, -1.1),
        ];
        string?[] usMetros = ["SF Bay Area", "New York City", "Seattle", "Boston", "Austin", null, null, null, null, null];
        var prevalence = Skills.Select((_, i) => 0.6 * Math.Pow(0.93, i)).ToArray();
        var effects = Skills.Select(_ => (random.NextDouble() - 0.3) * 0.2).ToArray();

        var connection = (Microsoft.Data.Sqlite.SqliteConnection)store.Connection;
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO records(id, kind, dedupe_key, title, description, period_start, period_end, role, seniority, employment_type,
                work_arrangement, country, metro, salary_usd_min, salary_usd_max, salary_usd, salary_is_estimate)
            VALUES ($id, 'posting', $id, 'generated', 'generated posting', $date, $date, $role, $seniority, 'full_time', 'onsite',
                $country, $metro, $usd * 0.9, $usd * 1.1, $usd, 0)
            """;
        var id = insert.Parameters.AddWithValue("$id", 0L);
        var date = insert.Parameters.AddWithValue("$date", "");
        var role = insert.Parameters.AddWithValue("$role", "");
        var seniority = insert.Parameters.AddWithValue("$seniority", "");
        var country = insert.Parameters.AddWithValue("$country", "");
        var metro = insert.Parameters.AddWithValue("$metro", DBNull.Value);
        var usd = insert.Parameters.AddWithValue("$usd", 0.0);
        var ids = new List<long>();
        var skills = new List<IReadOnlyList<(string SkillId, string Strength)>>();
        var chosen = new List<int>();
        for (var i = 1; i <= count; i++)
        {
            var r = Pick(random, roles);
            var l = Pick(random, levels);
            var c = Pick(random, countries);
            var year = 2023 + random.Next(4);
            var log = Math.Log(120_000) + r.Effect + l.Effect + c.Effect + (0.03 * (year - 2023)) + (Normal(random) * 0.3);
            id.Value = (long)i;
            date.Value = new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            role.Value = r.Id;
            seniority.Value = l.Id;
            country.Value = c.Id;
            metro.Value = c.Id == "US" ? (object?)usMetros[random.Next(usMetros.Length)] ?? DBNull.Value : DBNull.Value;
            chosen.Clear();
            for (var s = 0; s < Skills.Count; s++)
            {
                if (random.NextDouble() < prevalence[s])
                {
                    log += effects[s];
                    chosen.Add(s);
                }
            }

            usd.Value = Math.Round(Math.Exp(log));
            insert.ExecuteNonQuery();
            ids.Add(i);
            skills.Add([.. chosen.Select(s => (Skills[s], SkillStrengths.Required))]);
        }

        // Through the ingest's writer, so the store has both forms of the skills (rows and packed cells) as an ingest leaves.
        SkillIndex.Write(store, transaction, ids, skills);
        transaction.Commit();
    }

    private static (string Id, double Weight, double Effect) Pick(Random random, (string Id, double Weight, double Effect)[] choices)
    {
        var x = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var choice in choices)
        {
            x -= choice.Weight;
            if (x < 0)
            {
                return choice;
            }
        }

        return choices[^1];
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
