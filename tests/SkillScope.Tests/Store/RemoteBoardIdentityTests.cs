using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Store;

/// <summary>
/// The remote board re-adds some jobs under the same slug in a later month folder (docs/formats.md, `remotewlb`): each
/// month's file is an appearance of its own, kept apart from the earlier month's posting by the duplicate detector's month
/// rule, whatever order the tag folders are read in; the same slug twice in one month is one row; re-ingest adds nothing,
/// also into a store written when the slug alone was the identity.
/// </summary>
public class RemoteBoardIdentityTests
{
    // Written for these tests in the board's layout (the board's own text may not be copied).
    private const string Body = """
        ## About the role
        You will own our analytics platform end to end: model the warehouse in dbt and Snowflake, build the dashboards
        our finance and growth teams read every week, and write the SQL and Python that keep them right. You will work
        with product managers to define metrics, review pull requests, and mentor two analysts.

        ## What you bring
        Five years of analytics experience, strong SQL, Python with pandas, a BI tool such as Looker or Tableau, and a
        habit of writing things down.
        """;

    private static string Posting(string pay, string body) =>
        $"# [Senior Data Analyst](https://www.remotewlb.com/apply/senior-data-analyst)  \n### Example Co  \n#### `💰 {pay}` `🌎 Remote`  \n\n{body}\n";

    private static string Board(TempFolder temp)
    {
        var board = temp.File("jobs");
        // Read in path order: Java/2024-06 before Python/2024-03, so the later month comes first.
        Write(board, "Python", "2024-03", Posting("$120,000 - $140,000", Body));
        Write(board, "Others", "2024-03", Posting("$120,000 - $140,000", Body));
        Write(board, "Java", "2024-06", Posting("$135,000 - $155,000", Body.Replace("mentor two analysts", "mentor three analysts and hire a fourth", StringComparison.Ordinal)));
        return board;
    }

    private static void Write(string board, string tag, string month, string text)
    {
        var folder = Path.Combine(board, tag, month, "senior-data-analyst");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "README.md"), text);
    }

    private static List<string> Appearances(string db)
    {
        using var store = SkillStore.Open(db);
        using var command = store.Command("SELECT s.identity, s.posted, r.period_start FROM record_sources s JOIN records r ON r.id = s.record_id ORDER BY s.posted, s.identity");
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)}");
        }

        return rows;
    }

    [Fact]
    public void A_job_re_added_under_its_slug_in_a_later_month_is_a_posting_of_that_month_and_re_ingest_adds_nothing()
    {
        using var temp = new TempFolder();
        var board = Board(temp);

        var first = CliRunner.Run("ingest", board, "--db", temp.Db);

        Assert.True(first.Exit == 0, first.Error);
        Assert.EndsWith("3 read, 2 stored, 0 joined an existing posting, 1 already stored, 0 rejected, 0 salaries flagged\n", first.Error, StringComparison.Ordinal);
        Assert.Equal(
            [
                "id:remotewlb:senior-data-analyst@2024-03 2024-03-01 2024-03-01",
                "id:remotewlb:senior-data-analyst@2024-06 2024-06-01 2024-06-01",
            ], Appearances(temp.Db));

        var again = CliRunner.Run("ingest", board, "--db", temp.Db);
        Assert.EndsWith("3 read, 0 stored, 0 joined an existing posting, 3 already stored, 0 rejected, 0 salaries flagged\n", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_written_with_the_slug_alone_as_identity_gains_only_the_lost_re_advertisement()
    {
        using var temp = new TempFolder();
        var board = Board(temp);
        // The previous release stored the first file read (Java/2024-06) as id:remotewlb:SLUG and skipped the March files.
        Assert.Equal(0, CliRunner.Run("ingest", Path.Combine(board, "Java"), "--db", temp.Db).Exit);
        using (var store = SkillStore.Open(temp.Db))
        {
            using var legacy = store.Command("UPDATE record_sources SET identity = 'id:remotewlb:senior-data-analyst'");
            Assert.Equal(1, legacy.ExecuteNonQuery());
        }

        var upgrade = CliRunner.Run("ingest", board, "--db", temp.Db);

        Assert.True(upgrade.Exit == 0, upgrade.Error);
        Assert.EndsWith("3 read, 1 stored, 0 joined an existing posting, 2 already stored, 0 rejected, 0 salaries flagged\n", upgrade.Error, StringComparison.Ordinal);
        Assert.Equal(
            [
                "id:remotewlb:senior-data-analyst@2024-03 2024-03-01 2024-03-01",
                "id:remotewlb:senior-data-analyst 2024-06-01 2024-06-01",
            ], Appearances(temp.Db));
        var again = CliRunner.Run("ingest", board, "--db", temp.Db);
        Assert.EndsWith("3 read, 0 stored, 0 joined an existing posting, 3 already stored, 0 rejected, 0 salaries flagged\n", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_text_re_added_in_a_later_month_is_a_posting_of_that_month_and_its_copies_there_join_it()
    {
        using var temp = new TempFolder();
        var board = temp.File("jobs");
        // One text (same company, title, place and description: the exact key) in August, twice in September.
        Write(board, "Nontech", "2024-08", Posting("$150,000", Body));
        Write(board, "PHP", "2024-09", Posting("$150,000", Body));
        var copy = Path.Combine(board, "Python", "2024-09", "senior-data-analyst-2");
        Directory.CreateDirectory(copy);
        File.WriteAllText(Path.Combine(copy, "README.md"), Posting("$150,000", Body).Replace("/apply/senior-data-analyst)", "/apply/senior-data-analyst-2)", StringComparison.Ordinal));

        var ingest = CliRunner.Run("ingest", board, "--db", temp.Db);

        Assert.True(ingest.Exit == 0, ingest.Error);
        Assert.EndsWith("3 read, 2 stored, 1 joined an existing posting, 0 already stored, 0 rejected, 0 salaries flagged\n", ingest.Error, StringComparison.Ordinal);
        using var store = SkillStore.Open(temp.Db);
        Assert.Equal(2L, store.Scalar("SELECT COUNT(DISTINCT record_id) FROM record_sources"));
        Assert.Equal(1L, store.Scalar("SELECT COUNT(*) FROM (SELECT record_id FROM record_sources WHERE posted = '2024-09-01' GROUP BY record_id HAVING COUNT(*) = 2) x"));
    }

    [Fact]
    public void A_board_file_outside_the_board_layout_is_undated_and_identified_by_its_slug_alone()
    {
        using var temp = new TempFolder();
        var misplaced = Path.Combine(temp.Path, "2024-03", "copied");
        Directory.CreateDirectory(misplaced);
        var file = Path.Combine(misplaced, "README.md");
        File.WriteAllText(file, Posting("$120,000 - $140,000", Body));

        Assert.Equal(0, CliRunner.Run("ingest", file, "--db", temp.Db).Exit);

        using var store = SkillStore.Open(temp.Db);
        Assert.Equal(1L, store.Scalar("SELECT COUNT(*) FROM record_sources WHERE identity = 'id:remotewlb:senior-data-analyst' AND posted IS NULL"));
    }
}
