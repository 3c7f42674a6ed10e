using System.Net;
using System.Text.Json;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Api;

/// <summary>Every bad parameter is a 400 problem (RFC 7807) naming the parameter, never a 500 or a silent default.</summary>
public sealed class ValidationTests(SharedApi api) : IClassFixture<SharedApi>
{
    public static TheoryData<string, string> BadRequests => new()
    {
        { "/api/market?role=wizard", "role" },
        { "/api/market?seniority=senior,boss", "seniority" },
        { "/api/market?since=yesterday", "since" },
        { "/api/market?until=2025-02-30", "until" },
        { "/api/market?since=2025&until=2024", "since" },
        { "/api/market?country=usa", "country" },
        { "/api/market?kind=job", "kind" },
        { "/api/market?employmentType=gig", "employmentType" },
        { "/api/market?rol=ml_engineer", "rol" },
        { "/api/market?role=" + new string('x', 300), "role" },
        { "/api/market?" + string.Concat(Enumerable.Repeat("arrangement=remote&", 51)), "arrangement" },
        { "/api/skills?top=-1", "top" },
        { "/api/skills?top=0", "top" },
        { "/api/skills?top=abc", "top" },
        { "/api/skills?top=99999999999", "top" },
        { "/api/skills?coSkills=cobol-on-mars", "coSkills" },
        { "/api/skills?compare=2025", "compare" },
        { "/api/skills?compare=2025,someday", "compare" },
        { "/api/skills?compare=2025,2026,2027", "compare" },
        { "/api/skills?q=python", "q" },
        { "/api/postings?pageSize=0", "pageSize" },
        { "/api/postings?pageSize=101", "pageSize" },
        { "/api/postings?page=0", "page" },
        { "/api/postings?page=200&pageSize=100", "page" },
        { "/api/postings?skill=python,nope", "skill" },
        { "/api/postings?category=nope", "category" },
        { "/api/postings?q=%2B%2B%2B", "q" },
        { "/api/postings?sort=random", "sort" },
        { "/api/postings?salary=high", "salary" },
        { "/api/postings?text=maybe", "text" },
        { "/api/postings/12?verbose=1", "verbose" },
        { "/api/quarantine?limit=-1", "limit" },
        { "/api/quarantine?limit=5000", "limit" },
        { "/api/meta?x=1", "x" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_parameter_is_a_400_problem_that_names_it(string url, string parameter)
    {
        using var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(parameter, problem.Text("parameter"));
        Assert.Contains(parameter, problem.Text("detail"), StringComparison.Ordinal);
    }

    // The CLI's rule for --source, on every endpoint that filters: a source name must be one the store holds.
    [Theory]
    [InlineData("/api/market")]
    [InlineData("/api/skills")]
    [InlineData("/api/skills/series")]
    [InlineData("/api/salaries")]
    [InlineData("/api/premiums")]
    [InlineData("/api/postings")]
    public async Task An_unknown_source_is_a_400_problem_naming_it_and_the_stored_sources(string path)
    {
        using var response = await api.Client.GetAsync(new Uri(path + "?source=aijobs", UriKind.Relative));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("source", problem.Text("parameter"));
        Assert.StartsWith("source 'aijobs' is not a stored source (did you mean 'ai-jobs.net'?); stored sources: ", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("usajobs", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_source_matches_whatever_its_case()
    {
        var exact = await api.GetJsonAsync("/api/postings?source=usajobs&pageSize=1");
        var shouted = await api.GetJsonAsync("/api/postings?source=USAJOBS&pageSize=1");

        Assert.True(exact.GetProperty("total").GetInt64() > 0);
        Assert.Equal(exact.GetProperty("total").GetInt64(), shouted.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/postings/not-a-number")]
    [InlineData("/api/postings/999999999")]
    public async Task An_unknown_path_or_record_is_a_404_problem(string url)
    {
        using var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.Text("detail")));
    }

    [Fact]
    public async Task A_write_to_a_read_only_endpoint_is_refused()
    {
        using var content = new StringContent("{}");
        using var response = await api.Client.PostAsync(new Uri("/api/market", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/market?role=ML_ENGINEER")]
    [InlineData("/api/postings?q=c%2B%2B%20OR%20NEAR(python%20%22sql%22)%20*%20-java")]
    [InlineData("/api/postings?q=%E5%B7%A5%E7%A8%8B%E5%B8%88")]
    [InlineData("/api/postings?company=Acme%2C%20Inc.&metro=Nowhere")]
    public async Task Odd_but_valid_input_is_never_a_server_error(string url)
    {
        using var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
