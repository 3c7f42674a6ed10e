using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Store;

/// <summary>
/// The same files in SQLite and in a real PostgreSQL 15 give the same figures: every report's JSON is compared byte for
/// byte. Skipped, with the reason, when no PostgreSQL test server is configured (scripts/test.sh starts one).
/// </summary>
public sealed class EnginesTests
{
    private static readonly string[] Files =
    [
        Path.Combine(Repo.Root, "data", "samples", "aijobs_salaries_2025-01-19.csv"),
        Path.Combine(Repo.Root, "data", "samples", "usajobs_data_roles_2026.csv"),
    ];

    // Postings with text and stated pay, so skill shares and premiums have something to work on.
    private const string Glassdoor = "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv";

    public static TheoryData<string> Reports => new()
    {
        "report market --format json",
        "report market --kind posting --country US --seniority senior,mid --format json",
        // Fifteen filter values (parameters @f0-@f14, read through settings by the metros' COPY scans on PostgreSQL).
        "report market --role ml_engineer,data_scientist,data_engineer,data_analyst,ai_engineer,mlops_engineer,research_scientist,ai_product_manager,ai_governance,other --arrangement remote,onsite --source usajobs,ai-jobs.net --since 2020 --format json",
        "report skills --top 40 --compare 2020 2026 --co-skills python --format json",
        "report salaries --by role,seniority --format json",
        "report premiums --min-n 20 --format json",
    };

    [PostgresFact]
    public void Six_reports_give_identical_json_on_sqlite_and_postgresql()
    {
        using var folder = new TempFolder();
        var sqlite = folder.File("engines.db");
        var postgres = TestEngine.NewDatabase();
        try
        {
            var files = SharedData.Exists(Glassdoor) ? [.. Files, SharedData.Path(Glassdoor)] : Files;
            foreach (var db in (string[])[sqlite, postgres])
            {
                var (exit, _, error) = CliRunner.Run(["ingest", .. files, "--db", db]);
                Assert.True(exit == 0, error);
            }

            foreach (var report in Reports)
            {
                var args = report.Split(' ');
                var onSqlite = CliRunner.Run([.. args, "--db", sqlite]);
                var onPostgres = CliRunner.Run([.. args, "--db", postgres]);
                Assert.True(onSqlite.Exit == 0, onSqlite.Error);
                Assert.True(onPostgres.Exit == 0, onPostgres.Error);
                Assert.True(onSqlite.Output.Length > 100, $"{report}: {onSqlite.Output}");
                Assert.True(onSqlite.Output == onPostgres.Output, $"{report} differs between the engines:\nSQLite:     {Head(onSqlite.Output)}\nPostgreSQL: {Head(onPostgres.Output)}");
            }
        }
        finally
        {
            TestEngine.DropDatabase(postgres);
        }
    }

    [PostgresFact]
    public void Two_ingests_at_once_into_postgresql_lose_nothing_and_store_each_job_once()
    {
        var db = TestEngine.NewDatabase();
        try
        {
            using var folder = new TempFolder();
            var usajobs = Files[1];
            // The same file twice at once, and another file: every row accounted for, each job stored once.
            var runs = new[] { usajobs, usajobs, Files[0] }
                .Select(file => Task.Run(() => CliRunner.Run("ingest", file, "--db", db)))
                .ToArray();
            Task.WaitAll(runs);
            Assert.All(runs, run => Assert.True(run.Result.Exit == 0, run.Result.Error));

            using var store = SkillStore.Open(db);
            var sqlite = folder.File("reference.db");
            Assert.Equal(0, CliRunner.Run("ingest", usajobs, Files[0], "--db", sqlite).Exit);
            using var reference = SkillStore.Open(sqlite);
            Assert.Equal(StoreCatalog.RecordCount(reference), StoreCatalog.RecordCount(store));
            Assert.Equal(store.Scalar("SELECT COUNT(*) FROM records"), store.Scalar("SELECT COUNT(DISTINCT record_id) FROM record_sources"));
            Assert.Equal(2 * 2_215 + 74_301, store.Scalar("SELECT SUM(rows_read) FROM ingests WHERE status = 'completed'"));
            Assert.Equal(store.Scalar("SELECT SUM(stored) FROM ingests"), StoreCatalog.RecordCount(store));
        }
        finally
        {
            TestEngine.DropDatabase(db);
        }
    }

    [Fact]
    public void Postgresql_urls_are_recognised_and_a_bad_one_is_a_one_line_error()
    {
        Assert.True(SkillStore.IsServerUrl("postgresql://me@localhost:5432/jobs"));
        Assert.True(SkillStore.IsServerUrl("postgres://localhost/jobs"));
        Assert.False(SkillStore.IsServerUrl("skillscope.db"));
        var error = Assert.Throws<StoreError>(() => SkillStore.Open("postgresql://me:secret@127.0.0.1:1/jobs"));
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith("postgresql://me@127.0.0.1:1/jobs: cannot open the database", error.Message, StringComparison.Ordinal);
    }

    private static string Head(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
