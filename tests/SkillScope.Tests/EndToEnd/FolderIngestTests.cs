using SkillScope.Tests.Support;

namespace SkillScope.Tests.EndToEnd;

/// <summary><c>ingest FOLDER</c>: every file under it, one summary line each, files in no layout skipped, one total.</summary>
public class FolderIngestTests
{
    [Fact]
    public void A_folder_is_ingested_file_by_file_with_skipped_files_named_and_one_total()
    {
        using var temp = new TempFolder();
        var folder = temp.File("drop");
        Directory.CreateDirectory(Path.Combine(folder, "board", "2024-05", "data-analyst"));
        var survey = File.ReadLines(Repo.BundledSurvey).Take(11);
        File.WriteAllLines(Path.Combine(folder, "survey.csv"), survey);
        File.WriteAllText(Path.Combine(folder, "board", "2024-05", "data-analyst", "README.md"),
            "# [Data Analyst](https://www.remotewlb.com/apply/data-analyst)  \n### Example Co  \n#### `💰 $90,000 - $110,000` `🌎 Remote`  \n\nSQL and dashboards.\n");
        File.WriteAllText(Path.Combine(folder, "NOTES.txt"), "where these files came from\n");

        var (exit, _, error) = CliRunner.Run("ingest", folder, "--db", temp.Db);

        Assert.Equal(0, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith(Path.Combine(folder, "NOTES.txt") + ": skipped (NOTES.txt: unknown layout", lines[0], StringComparison.Ordinal);
        Assert.Contains("README.md: 1 read, 1 stored", lines[1], StringComparison.Ordinal);
        Assert.Contains("[remotewlb, utf-8]", lines[1], StringComparison.Ordinal);
        Assert.Contains("survey.csv: 10 read, 10 stored", lines[2], StringComparison.Ordinal);
        Assert.Equal("total: 2 files read, 1 skipped (no readable layout), 0 failed; 11 read, 11 stored, 0 joined an existing posting, 0 already stored, 0 rejected, 0 salaries flagged", lines[3]);

        var again = CliRunner.Run("ingest", folder, "--db", temp.Db);
        Assert.EndsWith("11 read, 0 stored, 0 joined an existing posting, 11 already stored, 0 rejected, 0 salaries flagged\n", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_named_on_the_command_line_in_no_layout_is_still_an_error()
    {
        using var temp = new TempFolder();
        var notes = temp.Write("notes.txt", "hello\n");

        var (exit, _, error) = CliRunner.Run("ingest", notes, "--db", temp.Db);

        Assert.Equal(1, exit);
        Assert.StartsWith("skillscope: notes.txt: unknown layout", error, StringComparison.Ordinal);
        Assert.DoesNotContain("total:", error, StringComparison.Ordinal);
    }
}
