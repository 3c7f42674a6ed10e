using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Api;

/// <summary>The API serves the CLI's JSON: same filters, same figures, same shape.</summary>
public sealed class CliParityTests(SharedApi api) : IClassFixture<SharedApi>
{
    public static TheoryData<string, string[]> MarketQueries => new()
    {
        { "", [] },
        { "kind=posting", ["--kind", "posting"] },
        { "role=ml_engineer,data_scientist&seniority=senior&since=2024", ["--role", "ml_engineer,data_scientist", "--seniority", "senior", "--since", "2024"] },
        { "country=us&country=gb&arrangement=remote&until=2025-06-30", ["--country", "us", "--country", "gb", "--arrangement", "remote", "--until", "2025-06-30"] },
        { "source=usajobs&employmentType=full_time", ["--source", "usajobs", "--employment-type", "full_time"] },
        { "kind=salary_report&role=data_engineer&since=2031", ["--kind", "salary_report", "--role", "data_engineer", "--since", "2031"] },
    };

    public static TheoryData<string, string[]> SkillQueries => new()
    {
        { "", [] },
        { "top=10&coSkills=python", ["--top", "10", "--co-skills", "python"] },
        { "role=data_scientist,ml_engineer&top=40", ["--role", "data_scientist,ml_engineer", "--top", "40"] },
        { "compare=2025,2026&top=15", ["--compare", "2025", "2026", "--top", "15"] },
        { "compare=2026Q1&compare=2026Q2&coSkills=sql&country=US", ["--compare", "2026Q1", "2026Q2", "--co-skills", "sql", "--country", "US"] },
    };

    [Theory]
    [MemberData(nameof(MarketQueries))]
    public async Task Market_json_is_the_cli_json_for_the_same_filters(string query, string[] options)
    {
        var cli = await CliRunner.RunOkAsync(["report", "market", "--format", "json", "--db", api.Db, .. options]);
        var web = await api.Client.GetStringAsync(new Uri("/api/market?" + query, UriKind.Relative));

        Assert.Equal(Query.Compact(cli), Query.Compact(web));
    }

    [Theory]
    [MemberData(nameof(SkillQueries))]
    public async Task Skills_json_is_the_cli_json_for_the_same_options(string query, string[] options)
    {
        var cli = await CliRunner.RunOkAsync(["report", "skills", "--format", "json", "--db", api.Db, .. options]);
        var web = await api.Client.GetStringAsync(new Uri("/api/skills?" + query, UriKind.Relative));

        Assert.Equal(Query.Compact(cli), Query.Compact(web));
    }

    [Fact]
    public async Task Quarantine_json_is_the_cli_json_and_the_header_gives_the_total()
    {
        var cli = await CliRunner.RunOkAsync("quarantine", "--format", "json", "--limit", "5", "--db", api.Db);
        using var response = await api.Client.GetAsync(new Uri("/api/quarantine?limit=5", UriKind.Relative));
        var web = await response.Content.ReadAsStringAsync();

        Assert.Equal(Query.Compact(cli), Query.Compact(web));
        Assert.Contains("XSSPROBE", web, StringComparison.Ordinal);
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("X-Total-Count")));
    }
}
