using SkillScope.Tests.Support;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Api;

/// <summary>Records ingested by the CLI while the server runs show up in reports and search at once.</summary>
public sealed class LiveUpdateTests
{
    [Fact]
    public async Task Records_ingested_while_serving_reach_reports_and_search()
    {
        var db = await TestDatabase.SmallAsync();
        await using var factory = new ApiFactory(db);
        using var client = factory.CreateClient();
        async Task<long> Total(string url) => System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri(url, UriKind.Relative))).RootElement.Long("total");

        var before = await Total("/api/market");
        var foundBefore = await Total("/api/postings?q=inspector%20general");
        await CliRunner.RunOkAsync("ingest", Paths.BundledSamples.Single(f => f.Contains("usajobs", StringComparison.Ordinal)), "--db", db);
        var after = await Total("/api/market");
        var foundAfter = await Total("/api/postings?q=inspector%20general");

        Assert.Equal(3, before);
        Assert.True(after > 1_900, $"market total after ingest: {after}"); // 2,215 rows, copies of one announcement joined
        Assert.Equal(0, foundBefore);
        Assert.True(foundAfter > 0, "search did not find a word of the new postings");
    }

    [PostgresFact]
    public async Task Two_ingests_and_the_server_at_once_on_postgresql_lose_nothing()
    {
        var db = TestEngine.NewDatabase();
        try
        {
            await CliRunner.RunOkAsync("ingest", Paths.HostileFixture, "--format", "csv", "--source", "hostile-fixture", "--db", db);
            await using var factory = new ApiFactory(db);
            using var client = factory.CreateClient();
            async Task<long> Total(string url) => System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri(url, UriKind.Relative))).RootElement.Long("total");

            // The same postings file twice at once and the survey, while the server keeps answering reports and searches.
            var usajobs = Paths.BundledSamples.Single(f => f.Contains("usajobs", StringComparison.Ordinal));
            var survey = Paths.BundledSamples.Single(f => f.Contains("aijobs", StringComparison.Ordinal));
            var ingests = Task.WhenAll(new[] { usajobs, usajobs, survey }.Select(file => Task.Run(() => CliRunner.RunOkAsync("ingest", file, "--db", db))));
            var answers = 0;
            long last = 0;
            while (!ingests.IsCompleted)
            {
                var total = await Total("/api/market");
                Assert.True(total >= last, $"the market total went down while ingesting: {last} then {total}");
                last = total;
                await Total("/api/postings?q=data");
                answers++;
            }

            await ingests;
            Assert.True(answers > 0);
            // The same files loaded one after the other into SQLite: the concurrent load must store exactly as many records.
            var reference = Path.Combine(Path.GetTempPath(), $"skillscope-reference-{Guid.NewGuid():N}.db");
            await CliRunner.RunOkAsync("ingest", Paths.HostileFixture, "--format", "csv", "--source", "hostile-fixture", "--db", reference);
            await CliRunner.RunOkAsync("ingest", usajobs, survey, "--db", reference);
            using (var serial = SkillScope.Store.SkillStore.Open(reference))
            {
                Assert.Equal(SkillScope.Store.StoreCatalog.RecordCount(serial), await Total("/api/market"));
            }

            Assert.True(await Total("/api/postings?q=inspector%20general") > 0, "search did not find a word of the new postings");
        }
        finally
        {
            TestEngine.DropDatabase(db);
        }
    }
}
