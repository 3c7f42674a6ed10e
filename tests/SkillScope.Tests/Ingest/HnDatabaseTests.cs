using Microsoft.Data.Sqlite;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Ingest;

/// <summary>
/// A SQLite file given to `ingest` is read by table (the HN "Who is hiring?" jobs.db layout), never as text: rows
/// become postings like the monthly tables' rows, a bad row is quarantined with its reason, and a database of
/// another layout is one clear error.
/// </summary>
public class HnDatabaseTests
{
    private const string Schema = "CREATE TABLE jobs (post_link_id TEXT PRIMARY KEY, post_date TEXT, company TEXT, job_title TEXT, employment_type TEXT, salary TEXT, remote TEXT, city TEXT, country TEXT, languages_frameworks TEXT, remote_rules TEXT, how_to_apply TEXT, post_username TEXT)";

    private static string Database(Support.TempFolder temp, params string[] statements)
    {
        var path = Path.Combine(temp.Path, "jobs.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            foreach (var sql in statements)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
        }

        return path;
    }

    [Fact]
    public void Rows_become_postings_with_their_facts_and_a_bad_date_is_quarantined_with_its_reason()
    {
        using var temp = new Support.TempFolder();
        var file = Database(temp, Schema,
            "INSERT INTO jobs VALUES ('42920826', '2025-02-01T00:00:00', 'DuckDuckGo', 'Senior Machine Learning Engineer', 'full-time', '$178,500 + equity (USD)', 'yes', NULL, NULL, 'Python, PyTorch', 'US only', 'https://example.com/apply', 'ddg')",
            "INSERT INTO jobs VALUES ('42920062', 'last week', 'MTA', 'Data Engineer', 'full-time', NULL, 'no', 'NYC', 'USA', 'SQL', NULL, NULL, NULL)");

        var ingest = CliRunner.Run("ingest", file, "--db", temp.Db);
        var export = CliRunner.Run("export", "--db", temp.Db, "--format", "jsonl");
        var quarantine = CliRunner.Run("quarantine", "--db", temp.Db);

        Assert.Equal(0, ingest.Exit);
        Assert.Contains("2 read, 1 stored, 0 joined an existing posting, 0 already stored, 1 rejected", ingest.Error, StringComparison.Ordinal);
        Assert.Contains("[hn-db, sqlite]", ingest.Error, StringComparison.Ordinal);
        Assert.Contains("\"company\":\"DuckDuckGo\"", export.Output, StringComparison.Ordinal);
        Assert.Contains("\"workArrangement\":\"remote\"", export.Output, StringComparison.Ordinal);
        Assert.Contains("PyTorch", export.Output, StringComparison.Ordinal);
        Assert.Contains("Post Date 'last week' is not a date", quarantine.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_of_another_layout_is_one_clear_error_and_nothing_is_stored()
    {
        using var temp = new Support.TempFolder();
        var file = Database(temp, "CREATE TABLE people (name TEXT)");

        var ingest = CliRunner.Run("ingest", file, "--db", temp.Db);

        Assert.Equal(1, ingest.Exit);
        var line = Assert.Single(ingest.Error.TrimEnd().Split('\n'));
        Assert.Contains("a SQLite database without a 'jobs' table", line, StringComparison.Ordinal);
    }
}
