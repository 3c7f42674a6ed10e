using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SkillScope.Web.Tests.Support;

/// <summary>
/// The web application in memory (TestServer) over a given database. The type argument only names the web
/// assembly, whose entry point is run: both it and the CLI have a public top-level Program class.
/// </summary>
public sealed class ApiFactory(string db) : WebApplicationFactory<WebOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("db", db);
}

/// <summary>One in-memory application over the shared test database for a whole test class.</summary>
public sealed class SharedApi : IAsyncLifetime
{
    private ApiFactory? factory;

    public HttpClient Client { get; private set; } = null!;

    public string Db { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.SharedAsync();
        factory = new ApiFactory(Db);
        Client = factory.CreateClient();
        // Not a browser: the same-origin signal a script sends with a POST (see RequestGuard).
        Client.DefaultRequestHeaders.Add("X-Requested-With", "skillscope");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public Task<T?> GetAsync<T>(string url) => Client.GetFromJsonAsync<T>(new Uri(url, UriKind.Relative));
}
