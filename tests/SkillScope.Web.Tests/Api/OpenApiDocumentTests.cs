using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillScope.Web.Apis;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Api;

/// <summary>The API's public surface is committed (docs/openapi/v1.json): a change to it shows up in review.</summary>
public sealed class OpenApiDocumentTests(SharedApi api) : IClassFixture<SharedApi>
{
    public const string UpdateVariable = "SKILLSCOPE_UPDATE_OPENAPI";

    [Fact]
    public async Task The_served_document_is_the_committed_one()
    {
        var served = Normalize(await api.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Paths.CommittedOpenApi)!);
            await File.WriteAllTextAsync(Paths.CommittedOpenApi, served);
        }

        Assert.True(File.Exists(Paths.CommittedOpenApi), $"{Paths.CommittedOpenApi} is missing; run the tests once with {UpdateVariable}=1");
        var committed = await File.ReadAllTextAsync(Paths.CommittedOpenApi);
        Assert.True(committed == served,
            $"/openapi/v1.json differs from docs/openapi/v1.json. If the API change is intended, run the tests with {UpdateVariable}=1 and commit the file.");
    }

    [Fact]
    public async Task Every_endpoint_group_is_discovered_and_documented()
    {
        var document = JsonNode.Parse(await api.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        var groups = ApiGroups.Discover().Select(m => m.Name).ToList();

        // New groups (salaries, career tools) add to these lists without editing this test.
        Assert.Subset(groups.ToHashSet(), new HashSet<string> { "MapMarketApi", "MapMetaApi", "MapPostingsApi", "MapQuarantineApi", "MapSkillsApi" });
        Assert.Subset(paths.ToHashSet(), new HashSet<string> { "/api/health", "/api/market", "/api/meta", "/api/postings", "/api/postings/{id}", "/api/quarantine", "/api/skills" });
        Assert.All(paths, p => Assert.StartsWith("/api/", p, StringComparison.Ordinal));
        Assert.DoesNotContain("servers", document.AsObject().Select(p => p.Key));
    }

    private static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
}
