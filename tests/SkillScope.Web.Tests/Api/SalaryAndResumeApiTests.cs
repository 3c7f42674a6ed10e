using System.Net;
using System.Text.Json;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Api;

/// <summary>Salaries, premiums, estimate and the resume tools: the CLI's JSON over HTTP, 400 for bad input, 413 for a huge body.</summary>
public sealed class SalaryAndResumeApiTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const string AsOf = "2026-11-22";

    private static string StrongResume => Path.Combine(Paths.Root, "tests", "SkillScope.Tests", "Fixtures", "resumes", "strong-ml-engineer.md");

    private static string MlPosting => Path.Combine(Paths.Root, "docs", "examples", "ml-engineer-posting.txt");

    public static TheoryData<string, string[]> SalaryQueries => new()
    {
        { "", [] },
        { "by=role,country&minCell=5&region=country", ["--by", "role,country", "--min-cell", "5", "--region", "country"] },
    };

    [Theory]
    [MemberData(nameof(SalaryQueries))]
    public async Task Salaries_json_is_the_cli_json_for_the_same_options(string query, string[] options)
    {
        var cli = await CliRunner.RunOkAsync(["report", "salaries", "--format", "json", "--db", api.Db, .. options]);
        var web = await api.Client.GetStringAsync(new Uri("/api/salaries?" + query, UriKind.Relative));

        Assert.Equal(Query.Compact(cli), Query.Compact(web));
        Assert.Contains("\"cells\"", web, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Premiums_json_is_the_cli_json()
    {
        var cli = await CliRunner.RunOkAsync("report", "premiums", "--format", "json", "--min-n", "5", "--db", api.Db);
        var web = await api.Client.GetStringAsync(new Uri("/api/premiums?minN=5", UriKind.Relative));

        Assert.Equal(Query.Compact(cli), Query.Compact(web));
    }

    [Fact]
    public async Task Estimate_json_is_the_cli_json()
    {
        var cli = await CliRunner.RunOkAsync("salary", "estimate", "--format", "json", "--role", "ml_engineer", "--seniority", "senior",
            "--country", "us", "--skills", "python,pytorch", "--db", api.Db);
        var web = await api.Client.GetStringAsync(new Uri("/api/salary/estimate?role=ml_engineer&seniority=senior&country=us&skills=python,pytorch", UriKind.Relative));

        Assert.Equal(Query.Compact(cli), Query.Compact(web));
    }

    [Fact]
    public async Task Resume_score_json_is_the_cli_json_for_an_uploaded_file_and_posting_text()
    {
        var cli = await CliRunner.RunOkAsync("resume", "score", StrongResume, "--job", MlPosting, "--format", "json", "--as-of", AsOf, "--db", api.Db);
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(await File.ReadAllBytesAsync(StrongResume));
        form.Add(file, "resume", "strong-ml-engineer.md");
        form.Add(new StringContent(await File.ReadAllTextAsync(MlPosting)), "job");
        form.Add(new StringContent(AsOf), "asOf");
        using var response = await api.Client.PostAsync(new Uri("/api/resume/score", UriKind.Relative), form);
        var web = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, web);
        Assert.Equal(Query.Compact(cli), Query.Compact(web));
    }

    [Fact]
    public async Task Resume_gap_json_is_the_cli_json()
    {
        var cli = await CliRunner.RunOkAsync("gap", StrongResume, "--target-role", "ml_engineer", "--target-seniority", "senior", "--format", "json",
            "--as-of", AsOf, "--db", api.Db);
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(await File.ReadAllBytesAsync(StrongResume));
        form.Add(file, "resume", "strong-ml-engineer.md");
        form.Add(new StringContent("ml_engineer"), "targetRole");
        form.Add(new StringContent("senior"), "targetSeniority");
        form.Add(new StringContent(AsOf), "asOf");
        using var response = await api.Client.PostAsync(new Uri("/api/resume/gap", UriKind.Relative), form);
        var web = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, web);
        Assert.Equal(Query.Compact(cli), Query.Compact(web));
    }

    [Fact]
    public async Task Resume_match_checks_its_source_filter_against_the_store()
    {
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(await File.ReadAllBytesAsync(StrongResume));
        form.Add(file, "resume", "strong-ml-engineer.md");
        form.Add(new StringContent("aijobs"), "source");
        using var response = await api.Client.PostAsync(new Uri("/api/resume/match", UriKind.Relative), form);

        await AssertProblemAsync(response, "source");
    }

    [Fact]
    public async Task Resume_match_json_is_the_cli_json()
    {
        var cli = await CliRunner.RunOkAsync("match", StrongResume, "--top", "5", "--format", "json", "--as-of", AsOf, "--db", api.Db);
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(await File.ReadAllBytesAsync(StrongResume));
        form.Add(file, "resume", "strong-ml-engineer.md");
        form.Add(new StringContent("5"), "top");
        form.Add(new StringContent(AsOf), "asOf");
        using var response = await api.Client.PostAsync(new Uri("/api/resume/match", UriKind.Relative), form);
        var web = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, web);
        Assert.Equal(Query.Compact(cli), Query.Compact(web));
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "/api/salaries?by=planet", "by" },
        { "/api/salaries?by=country,metro", "by" },
        { "/api/salaries?minCell=0", "minCell" },
        { "/api/salaries?region=continent", "region" },
        { "/api/salaries?kind=posting,salary_report", "kind" },
        { "/api/salaries?includeEstimates=maybe", "includeEstimates" },
        { "/api/salaries?role=wizard", "role" },
        { "/api/salaries?bye=role", "bye" },
        { "/api/premiums?minN=1", "minN" },
        { "/api/premiums?kind=posting,salary_report", "kind" },
        { "/api/premiums?skills=cobol-on-mars", "skills" },
        { "/api/salary/estimate?seniority=senior", "role" },
        { "/api/salary/estimate?role=ml_engineer", "seniority" },
        { "/api/salary/estimate?role=wizard&seniority=senior", "role" },
        { "/api/salary/estimate?role=ml_engineer&seniority=boss", "seniority" },
        { "/api/salary/estimate?role=ml_engineer&seniority=senior&country=usa", "country" },
        { "/api/salary/estimate?role=ml_engineer&seniority=senior&metro=Atlantis", "metro" },
        { "/api/salary/estimate?role=ml_engineer&seniority=senior&country=US&metro=London", "metro" },
        { "/api/salary/estimate?role=ml_engineer&seniority=senior&kind=job", "kind" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_salary_parameter_is_a_400_problem_that_names_it(string url, string parameter)
    {
        using var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
        await AssertProblemAsync(response, parameter);
    }

    public static TheoryData<string, string[], string> BadForms => new()
    {
        { "/api/resume/score", ["job", "Senior ML engineer\nPython"], "resume" },
        { "/api/resume/score", ["job", "Senior ML engineer\nPython", "resume", "x"], "resume" },
        { "/api/resume/score", ["resume", "Jane Doe\nPython engineer"], "job" },
        { "/api/resume/score", ["resume", "Jane Doe\nPython engineer", "jobId", "abc"], "jobId" },
        { "/api/resume/score", ["resume", "Jane Doe\nPython engineer", "jobId", "999999999"], "jobId" },
        { "/api/resume/score", ["resume", "Jane Doe\nPython engineer", "job", "x", "format", "docx"], "format" },
        { "/api/resume/score", ["resume", "Jane Doe\nPython engineer", "job", "x", "asOf", "today"], "asOf" },
        { "/api/resume/score", ["resume", "Jane Doe", "job", "x", "save", "true"], "save" },
        { "/api/resume/gap", ["skills", "python", "targetRole", "wizard"], "targetRole" },
        { "/api/resume/gap", ["targetRole", "ml_engineer"], "resume" },
        { "/api/resume/gap", ["skills", "python", "targetRole", "ml_engineer", "top", "0"], "top" },
        { "/api/resume/gap", ["skills", "python", "targetRole", "ml_engineer", "country", "usa"], "country" },
        { "/api/resume/match", ["resume", "Jane Doe\nPython engineer", "kind", "salary_report"], "kind" },
        { "/api/resume/match", ["resume", "Jane Doe\nPython engineer", "preferArrangement", "moon"], "preferArrangement" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task A_bad_resume_field_is_a_400_problem_that_names_it(string url, string[] fields, string parameter)
    {
        using var form = new FormUrlEncodedContent(fields.Chunk(2).Select(p => new KeyValuePair<string, string>(p[0], p[1])));
        using var response = await api.Client.PostAsync(new Uri(url, UriKind.Relative), form);
        await AssertProblemAsync(response, parameter);
    }

    [Fact]
    public async Task A_body_over_five_megabytes_is_refused_with_413()
    {
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(new byte[(int)SkillScopeWeb.MaxRequestBodyBytes + 1024]);
        form.Add(file, "resume", "huge.txt");
        form.Add(new StringContent("Senior ML engineer"), "job");
        using var response = await api.Client.PostAsync(new Uri("/api/resume/score", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string parameter)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(parameter, problem.Text("parameter"));
        Assert.Contains(parameter, problem.Text("detail"), StringComparison.Ordinal);
    }
}
