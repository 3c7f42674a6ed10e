using System.Text.Json;
using SkillScope.Store;
using SkillScope.Tests.Support;
using SkillScope.Tests.Web;

namespace SkillScope.Tests.EndToEnd;

public sealed class FetchAndExportEndToEndTests
{
    [Fact]
    public async Task Fetch_retries_a_failing_board_then_ingests_it_and_keeps_the_download()
    {
        using var temp = new TempFolder();
        await using var server = new ScriptedHttpServer();
        server.Route("/v1/boards/northwind/jobs?content=true",
            new Reply.Full(503, "busy", "text/plain", RetryAfter: "0"),
            new Reply.Full(200, WebFixtures.Text("greenhouse-jobs.json")));
        var downloads = Path.Combine(temp.Path, "downloads");

        var (exit, _, error) = await Task.Run(() => CliRunner.Run("fetch", "greenhouse", "northwind", "--db", temp.Db,
            "--download-dir", downloads, "--api-base", new Uri(server.BaseUrl, "v1/boards/").ToString()));

        Assert.True(exit == 0, error);
        Assert.Equal(2, server.Requests.Count);
        Assert.Single(Directory.GetFiles(downloads));
        Assert.Contains("[greenhouse,", error, StringComparison.Ordinal);
        using var store = SkillStore.Open(temp.Db);
        Assert.NotEmpty(StoredRecords.Read(store, RecordFilter.None));
    }

    [Fact]
    public void Exported_jobposting_reads_back_to_the_same_normalized_records()
    {
        using var temp = new TempFolder();
        var original = temp.File("original.db");
        var copy = temp.File("copy.db");
        var exported = temp.File("postings.jsonl");
        Assert.Equal(0, CliRunner.Run("ingest", Repo.BundledUsajobs, "--db", original).Exit);

        var (exit, _, error) = CliRunner.Run("export", "--db", original, "--format", "jobposting", "--out", exported);
        Assert.True(exit == 0, error);
        Assert.Equal(0, CliRunner.Run("ingest", exported, "--db", copy).Exit);

        using var a = SkillStore.Open(original);
        using var b = SkillStore.Open(copy);
        // The source row's unread columns (Extra) belong to the first file, not to the JobPosting, which carries the record.
        var before = StoredRecords.Read(a, RecordFilter.None).Select(r => r.Record with { SourceId = null, Extra = null }).ToList();
        var after = StoredRecords.Read(b, RecordFilter.None).Select(r => r.Record with { SourceId = null, Extra = null }).ToList();
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i], after[i]);
        }
    }

    [Fact]
    public void Export_jsonl_writes_one_record_per_line_with_stated_and_normalized_salary()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("ingest", Repo.BundledUsajobs, "--db", temp.Db).Exit);

        var (exit, output, error) = CliRunner.Run("export", "--db", temp.Db, "--format", "jsonl", "--role", "data_scientist");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var json = JsonDocument.Parse(line).RootElement;
            Assert.Equal("data_scientist", json.GetProperty("role").GetString());
        }
    }
}
