using System.Text.Json;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Analytics;

public class SkillReindexTests
{
    private const string Postings = "role,title,city,state,description,posted_date,close_date,job_grade,salary_min,salary_max,employment_type,is_remote\n"
        + "x,Statistician,Suitland,Maryland,\"Run AcmeCast forecasts in Python.\",2026-02-06,2026-08-05,GS,100000,120000,Full-Time,False\n"
        + "x,Data Scientist,Denver,Colorado,\"AcmeCast and SQL every day.\",2026-03-01,2026-08-05,GS,100000,120000,Full-Time,False\n";

    private const string UserTaxonomy = """
        { "skills": [
          { "id": "acme-forecaster", "name": "Acme Forecaster", "category": "library-framework", "type": "hard", "aliases": ["AcmeCast"] }
        ] }
        """;

    private static long Postings_naming(string db, string skill, params string[] extra)
    {
        var (exit, output, error) = CliRunner.Run(["report", "skills", "--db", db, "--format", "json", "--top", "1000", "--include-snippets", .. extra]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.GetProperty("skills").EnumerateArray()
            .Where(s => s.GetProperty("skill").GetString() == skill).Select(s => s.GetProperty("postings").GetInt64()).SingleOrDefault();
    }

    [Fact]
    public void Reindex_applies_a_changed_taxonomy_to_postings_already_stored()
    {
        using var temp = new TempFolder();
        var taxonomy = temp.Write("mine.json", UserTaxonomy);
        Assert.Equal(0, CliRunner.Run("ingest", temp.Write("postings.csv", Postings), "--db", temp.Db).Exit);
        Assert.Equal(0, Postings_naming(temp.Db, "acme-forecaster", "--taxonomy", taxonomy));

        var stale = CliRunner.Run("report", "skills", "--db", temp.Db, "--taxonomy", taxonomy);
        var (exit, _, error) = CliRunner.Run("skills", "reindex", "--db", temp.Db, "--taxonomy", taxonomy);

        Assert.Contains("run 'skillscope skills reindex'", stale.Error, StringComparison.Ordinal);
        Assert.True(exit == 0, error);
        Assert.Contains("2 postings re-indexed", error, StringComparison.Ordinal);
        Assert.Equal(2, Postings_naming(temp.Db, "acme-forecaster", "--taxonomy", taxonomy));
        Assert.Equal(1, Postings_naming(temp.Db, "python", "--taxonomy", taxonomy));
    }

    [Fact]
    public void An_invalid_taxonomy_file_is_a_one_line_error()
    {
        using var temp = new TempFolder();
        var bad = temp.Write("bad.json", """{ "skills": [ { "id": "Not A Slug", "name": "" } ] }""");

        var (exit, _, error) = CliRunner.Run("report", "skills", "--db", temp.Db, "--taxonomy", bad);

        Assert.Equal(1, exit);
        Assert.StartsWith("skillscope: " + bad + ": invalid skill taxonomy:", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
