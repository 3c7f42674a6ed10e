using System.Net;
using System.Text;
using System.Text.Json;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Api;

/// <summary>A store holding one posting of four million characters (inside the JobPosting reader's 4 Mi cap), plus the samples' survey.</summary>
public sealed class HugePostingApi : IAsyncLifetime
{
    public const int DescriptionChars = 4_000_000;

    private ApiFactory? factory;

    public HttpClient Client { get; private set; } = null!;

    public string Db { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.SmallAsync();
        var file = Path.Combine(Path.GetTempPath(), $"skillscope-huge-{Guid.NewGuid():N}.jsonl");
        var description = new StringBuilder(DescriptionChars + 100);
        while (description.Length < DescriptionChars)
        {
            description.Append("We train models in pytorch and ship them. ");
        }

        var posting = new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "JobPosting",
            ["identifier"] = "huge-1",
            ["title"] = "Machine Learning Engineer",
            ["datePosted"] = "2026-03-01",
            ["hiringOrganization"] = new Dictionary<string, string> { ["name"] = "Hugeco" },
            ["description"] = description.ToString(0, DescriptionChars),
        };
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(posting) + "\n");
        try
        {
            await CliRunner.RunOkAsync("ingest", file, "--format", "jobposting", "--db", Db);
        }
        finally
        {
            File.Delete(file);
        }

        factory = new ApiFactory(Db);
        Client = factory.CreateClient();
        Client.DefaultRequestHeaders.Add("X-Requested-With", "skillscope");
    }

    /// <summary>A client without the default same-origin header.</summary>
    public HttpClient CreateBareClient() => factory!.CreateClient();

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}

/// <summary>Issue 16, items 1, 3, 6 and 7 (web): one huge record cannot stall the API; malformed and cross-site requests are refused as problems.</summary>
public sealed class HardeningTests(HugePostingApi api) : IClassFixture<HugePostingApi>
{
    [Fact]
    public async Task A_search_over_a_four_million_character_posting_answers_quickly_with_a_short_snippet()
    {
        // Before: SQLite's snippet() over the whole description took 84 s for this request.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var body = await api.Client.GetStringAsync(new Uri("/api/postings?q=pytorch&pageSize=5", UriKind.Relative), timeout.Token);
        var page = JsonDocument.Parse(body).RootElement;

        var item = page.GetProperty("items").EnumerateArray().Single(i => i.Text("title") == "Machine Learning Engineer");
        var snippet = item.Text("snippet");
        Assert.Contains("\u0002pytorch\u0003", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length < 500, $"snippet of {snippet.Length} characters");
        Assert.True(body.Length < 20_000, $"a page of 5 results is {body.Length} characters");
    }

    [Fact]
    public async Task The_record_api_answers_a_bounded_document_and_says_the_description_was_cut()
    {
        var page = JsonDocument.Parse(await api.Client.GetStringAsync(new Uri("/api/postings?q=hugeco", UriKind.Relative))).RootElement;
        var id = page.GetProperty("items")[0].Long("id");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var body = await api.Client.GetStringAsync(new Uri($"/api/postings/{id}", UriKind.Relative), timeout.Token);
        var detail = JsonDocument.Parse(body).RootElement;

        Assert.True(body.Length < 3 * 1024 * 1024, $"the record is {body.Length:N0} characters of JSON");
        Assert.True(detail.GetProperty("truncated").GetBoolean());
        Assert.Equal(HugePostingApi.DescriptionChars, detail.GetProperty("descriptionLength").GetInt32());
        Assert.Equal(200_000, detail.GetProperty("record").Text("description").Length);
        Assert.InRange(detail.GetProperty("mentions").GetArrayLength(), 1, 2_000);
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        // The 9-byte body that got a 413 "over 5 MB".
        { "multipart/form-data", "not a form" },
        { "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"resume\"\r\n\r\ncut off here" },
        { "multipart/form-data; boundary=xyz", "garbage without any boundary line" },
        { "multipart/form-data; boundary=" + new string('b', 200), "--x" },
        { "multipart/form-data; boundary=xyz", "--xyz\r\nno headers end\r\n" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_form_body_is_a_400_problem_on_every_resume_endpoint(string contentType, string body)
    {
        foreach (var endpoint in (string[])["score", "gap", "match"])
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using var response = await api.Client.PostAsync(new Uri("/api/resume/" + endpoint, UriKind.Relative), content);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{endpoint}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(400, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task A_resume_over_the_cli_limit_of_one_megabyte_is_refused_as_the_cli_refuses_it()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(string.Concat(Enumerable.Repeat("Python engineer with SQL. ", 60_000))), "resume" },
            { new StringContent("ml_engineer"), "targetRole" },
        };
        using var response = await api.Client.PostAsync(new Uri("/api/resume/gap", UriKind.Relative), form);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit 1 MB", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("rebind.attacker.test:5080")]
    public async Task A_host_the_server_is_not_bound_to_is_refused(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Host = host;
        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("[::1]:5080")]
    public async Task Loopback_names_are_accepted_when_the_server_listens_on_loopback(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Host = host;
        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string?, string?, string?, HttpStatusCode> Posts => new()
    {
        // A cross-site form post (a hostile page): refused, whatever the form holds.
        { "http://evil.example", null, null, HttpStatusCode.Forbidden },
        { "null", null, null, HttpStatusCode.Forbidden },
        { null, "cross-site", null, HttpStatusCode.Forbidden },
        // No signal at all: not known to be same-origin.
        { null, null, null, HttpStatusCode.Forbidden },
        // The dashboard's own fetch, and a script that says what it is: they reach the endpoint.
        { "http://localhost", null, null, HttpStatusCode.OK },
        { null, "same-origin", null, HttpStatusCode.OK },
        { null, null, "skillscope", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task An_expensive_post_needs_a_same_origin_signal(string? origin, string? fetchSite, string? requestedWith, HttpStatusCode expected)
    {
        using var client = api.CreateBareClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/resume/gap")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["skills"] = "python,sql", ["targetRole"] = "ml_engineer" }),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        if (requestedWith is not null)
        {
            request.Headers.Add("X-Requested-With", requestedWith);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode} {body}");
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_over_long_url_and_over_large_headers_get_problem_details_with_the_security_headers()
    {
        using var longUrl = await api.Client.GetAsync(new Uri("/api/postings?q=" + new string('a', 9 * 1024), UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Add("X-Padding", new string('x', 40 * 1024));
        using var bigHeaders = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, longUrl.StatusCode);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, bigHeaders.StatusCode);
        foreach (var response in (HttpResponseMessage[])[longUrl, bigHeaders])
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }
    }
}
