using System.Text.Json;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.EndToEnd;

/// <summary>Issue 16's rough edges a new user hit: empty results that say what would find data, undated sources, binary resumes, the program's name.</summary>
public class RoughEdgeTests
{
    [Fact]
    public void Salaries_on_a_postings_only_store_say_that_the_posting_kind_has_salaries()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("ingest", Repo.BundledUsajobs, "--db", temp.Db).Exit);

        var (exit, output, error) = CliRunner.Run("report", "salaries", "--db", temp.Db);

        Assert.Equal(0, exit);
        Assert.Contains("(no records)", output, StringComparison.Ordinal);
        Assert.Matches(@"skillscope: no usable salaries match: none of kind salary_report; --kind posting has [\d,]+ usable salaries with the same filters", error);
    }

    [Fact]
    public void An_empty_report_names_the_filter_that_emptied_it()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("ingest", Repo.BundledUsajobs, "--db", temp.Db).Exit);

        var market = CliRunner.Run("report", "market", "--db", temp.Db, "--country", "FR", "--kind", "posting");
        var salaries = CliRunner.Run("report", "salaries", "--db", temp.Db, "--kind", "posting", "--since", "2030");
        var skills = CliRunner.Run("report", "skills", "--db", temp.Db, "--country", "FR", "--format", "json");

        Assert.Matches(@"skillscope: no records match: --country FR emptied it: without it, [\d,]+ records match", market.Error);
        Assert.Matches(@"skillscope: no usable salaries match: --since 2030-01-01 emptied it: without it, [\d,]+ usable salaries match", salaries.Error);
        Assert.Matches(@"skillscope: no postings match: --country FR emptied it", skills.Error);
        Assert.Equal(0, JsonDocument.Parse(skills.Output).RootElement.GetProperty("postings").GetInt64()); // stdout stays the report
    }

    [Fact]
    public void A_report_with_data_prints_no_hint()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("ingest", Repo.BundledUsajobs, "--db", temp.Db).Exit);

        var (_, _, error) = CliRunner.Run("report", "salaries", "--db", temp.Db, "--kind", "posting");

        Assert.DoesNotContain("no usable salaries", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_market_period_says_it_comes_from_the_dated_records_when_a_source_has_no_dates()
    {
        using var temp = new TempFolder();
        var undated = temp.Write("board.csv", "title,company,location\nData Scientist,Acme,Berlin\nML Engineer,Beta,Paris\n");
        Assert.Equal(0, CliRunner.Run("ingest", Repo.BundledUsajobs, "--db", temp.Db).Exit);
        Assert.Equal(0, CliRunner.Run("ingest", undated, "--format", "csv", "--db", temp.Db).Exit);

        var table = CliRunner.Run("report", "market", "--db", temp.Db);
        var json = JsonDocument.Parse(CliRunner.Run("report", "market", "--db", temp.Db, "--format", "json").Output).RootElement;

        Assert.Matches(@"period \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(from the dated records; 2 records have no date\)", table.Output);
        Assert.Equal(2, json.GetProperty("period").GetProperty("undated").GetInt64());
    }

    [Fact]
    public void A_binary_file_given_as_a_resume_is_told_apart_from_data_files()
    {
        using var temp = new TempFolder();
        var resume = temp.File("resume.txt");
        File.WriteAllBytes(resume, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 32))]);

        var (exit, _, error) = CliRunner.Run("resume", "score", resume, "--job", Path.Combine(Repo.Root, "docs", "examples", "ml-engineer-posting.txt"), "--db", temp.Db);

        Assert.Equal(1, exit);
        Assert.Contains("looks binary, not a resume SkillScope can read; give the resume as DOCX, PDF (with text), plain text, Markdown or JSON Resume", error, StringComparison.Ordinal);
        Assert.DoesNotContain("CSV", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--help" }, "  skillscope [command] [options]")]
    [InlineData(new[] { "report", "market", "--help" }, "  skillscope report market [options]")]
    public void Help_names_the_program_skillscope(string[] args, string usage)
    {
        var (exit, output, _) = CliRunner.Run(args);

        Assert.Equal(0, exit);
        Assert.Contains("Usage:\n" + usage, output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("SkillScope.Cli", output, StringComparison.Ordinal);
    }
}
