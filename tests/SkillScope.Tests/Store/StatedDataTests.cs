using System.Text.Json;
using SkillScope.Tests.Ingest;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Store;

/// <summary>
/// What a source states beyond the normalized fields reaches the store and comes back out: the tools a survey
/// respondent lists become the record's skills (and survive a reindex), the columns no field was read from are
/// stored with the row's source and exported; and salary reports with tools give skill premiums.
/// </summary>
public class StatedDataTests
{
    private const string StateOfData = "state_of_data_brazil_2022/State_of_data_2022.csv";
    private const string DouJune = "dou_ua_salary_survey_2024_2025/2025_june_raw.csv";

    [Fact]
    public void Survey_tools_become_skills_and_unread_columns_are_stored_and_exported()
    {
        using var temp = new Support.TempFolder();
        var file = temp.Write("state_of_data.csv", NewSourceFuzzTests.Sample("stateofdata"));

        var ingest = CliRunner.Run("ingest", file, "--db", temp.Db);
        Assert.Equal(0, ingest.Exit);
        Assert.Contains("3 read, 2 stored, 0 joined an existing posting, 0 already stored, 1 rejected", ingest.Error, StringComparison.Ordinal);

        var export = CliRunner.Run("export", "--db", temp.Db, "--format", "jsonl");
        var lines = export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal(["SQL", "Python", "PostgreSQL", "S3", "Amazon Web Services (AWS)"], root.GetProperty("statedSkills").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("FALSE", root.GetProperty("extra").GetProperty("gestor").GetString());
        Assert.Equal("São Paulo (SP)", root.GetProperty("location").GetString());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(lines[1]).RootElement.GetProperty("statedSkills").ValueKind);

        var skills = SkillsOf(temp.Db);
        Assert.Equal(["aws", "aws-s3", "postgresql", "python", "sql"], skills);
        Assert.Equal(0, CliRunner.Run("skills", "reindex", "--db", temp.Db).Exit);
        Assert.Equal(skills, SkillsOf(temp.Db));
    }

    [SharedDataFact(StateOfData, DouJune)]
    public void The_two_surveys_give_skill_premiums_over_salary_reports()
    {
        using var temp = new Support.TempFolder();
        Assert.Equal(0, CliRunner.Run("ingest", SharedData.Path(StateOfData), SharedData.Path(DouJune), "--db", temp.Db).Exit);

        foreach (var (source, skill) in (ReadOnlySpan<(string, string)>)[("state-of-data-br", "python"), ("dou.ua", "python")])
        {
            var (exit, output, error) = CliRunner.Run("report", "premiums", "--db", temp.Db, "--kind", "salary_report", "--source", source, "--format", "json");
            Assert.True(exit == 0, error);
            using var report = JsonDocument.Parse(output);
            var root = report.RootElement;
            Assert.Equal("salary_report", root.GetProperty("kind").GetString());
            Assert.True(root.GetProperty("n").GetInt64() > 1_000, $"{source}: n = {root.GetProperty("n")}");
            var premium = root.GetProperty("premiums").EnumerateArray().Single(p => p.GetProperty("skill").GetString() == skill);
            Assert.True(premium.GetProperty("low").GetDouble() <= premium.GetProperty("premium").GetDouble()
                && premium.GetProperty("premium").GetDouble() <= premium.GetProperty("high").GetDouble());
            Assert.True(premium.GetProperty("nWith").GetInt64() >= 30 && premium.GetProperty("nWithout").GetInt64() >= 30);
        }

        // Postings and salary reports are never pooled: without --kind the fit is over postings, and there are none.
        var postings = CliRunner.Run("report", "premiums", "--db", temp.Db, "--format", "json");
        using var empty = JsonDocument.Parse(postings.Output);
        Assert.Equal(0, empty.RootElement.GetProperty("n").GetInt64());
    }

    private static List<string> SkillsOf(string db)
    {
        using var store = SkillScope.Store.SkillStore.Open(db);
        using var command = store.Command("SELECT DISTINCT skill_id FROM record_skills ORDER BY skill_id");
        using var reader = command.ExecuteReader();
        var skills = new List<string>();
        while (reader.Read())
        {
            skills.Add(reader.GetString(0));
        }

        return skills;
    }
}
