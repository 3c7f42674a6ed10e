using System.Net;
using System.Text.Json;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Api;

/// <summary>GET /api/stacks: the CLI's JSON, its parameters checked like the other reports', every count traceable.</summary>
public sealed class StacksApiTests(SharedApi api) : IClassFixture<SharedApi>
{
    public static TheoryData<string, string[]> Queries => new()
    {
        { "role=data_scientist", ["--role", "data_scientist"] },
        { "role=data_scientist&minShare=30&minPostings=20&includeSnippets=true", ["--role", "data_scientist", "--min-share", "30", "--min-postings", "20", "--include-snippets"] },
        { "role=ml_engineer,data_scientist&seniority=senior,junior&country=US", ["--role", "ml_engineer,data_scientist", "--seniority", "senior,junior", "--country", "US"] },
        { "role=data_analyst&source=USAJOBS&since=2026", ["--role", "data_analyst", "--source", "USAJOBS", "--since", "2026"] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Stacks_json_is_the_cli_json_for_the_same_options(string query, string[] options)
    {
        var cli = await CliRunner.RunOkAsync(["report", "stacks", "--format", "json", "--db", api.Db, .. options]);
        var web = await api.Client.GetStringAsync(new Uri("/api/stacks?" + query, UriKind.Relative));

        Assert.Equal(Query.Compact(cli), Query.Compact(web));
    }

    [Theory]
    [InlineData("/api/stacks", "role", "role is required: a stack describes one role's postings")]
    [InlineData("/api/stacks?role=wizard", "role", "role 'wizard' is not known")]
    [InlineData("/api/stacks?role=data_scientist&minShare=0", "minShare", "minShare '0' is not a percentage above 0 and at most 100")]
    [InlineData("/api/stacks?role=data_scientist&minShare=half", "minShare", "minShare 'half' is not a percentage")]
    [InlineData("/api/stacks?role=data_scientist&minPostings=0", "minPostings", "minPostings '0' must be a whole number from 1 to 1000000")]
    [InlineData("/api/stacks?role=data_scientist&includeSnippets=yes", "includeSnippets", "includeSnippets 'yes' is not known")]
    [InlineData("/api/stacks?role=data_scientist&top=5", "top", "unknown parameter 'top'")]
    [InlineData("/api/stacks?role=data_scientist&source=aijobs", "source", "source 'aijobs' is not a stored source (did you mean 'ai-jobs.net'?)")]
    public async Task A_bad_stacks_parameter_is_a_400_problem_that_names_it(string url, string parameter, string detail)
    {
        using var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(parameter, problem.Text("parameter"));
        Assert.StartsWith(detail, problem.Text("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("role=data_scientist")]
    [InlineData("role=data_scientist,data_analyst&includeSnippets=true&minPostings=10")]
    public async Task Every_stack_figure_lists_the_postings_it_counts(string query)
    {
        var report = await api.GetJsonAsync("/api/stacks?" + query);
        var snippets = query.Contains("includeSnippets=true", StringComparison.Ordinal);
        var filters = string.Join('&', query.Split('&').Where(p => !p.StartsWith("minPostings=", StringComparison.Ordinal) && !p.StartsWith("includeSnippets=", StringComparison.Ordinal)));
        var text = snippets ? ("text", "with") : ("textKind", "full");
        var checks = new List<(string Query, long Expected)>();
        foreach (var level in report.GetProperty("levels").EnumerateArray())
        {
            var at = Query.With(filters, ("kind", "posting"), ("seniority", level.Text("level")), text);
            checks.Add((at, level.Long("postings")));
            checks.AddRange(level.GetProperty("skills").EnumerateArray().Concat(level.GetProperty("dropped").EnumerateArray())
                .Select(s => (Query.With(at, ("skill", s.Text("skill"))), s.Long("postings"))));
        }

        Assert.Contains(report.GetProperty("levels").EnumerateArray(), l => l.GetProperty("skills").GetArrayLength() > 0);
        var failures = new List<string>();
        foreach (var (search, expected) in checks)
        {
            var page = await api.GetJsonAsync("/api/postings?pageSize=1&" + search);
            if (page.Long("total") != expected)
            {
                failures.Add($"{search}: report says {expected}, postings search lists {page.Long("total")}");
            }
        }

        Assert.Empty(failures);
    }
}
