using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Store;

/// <summary>Issue 16 rough edges: one set of filter rules for the CLI and the API; ids in any case; sources validated.</summary>
public class FilterRulesTests
{
    [Fact]
    public void Ids_match_without_regard_to_case_or_dashes()
    {
        Assert.True(FilterRules.TryBuild(new FilterInput { Seniorities = ["Senior"], EmploymentTypes = ["Full-Time"], Countries = ["us"], Kinds = ["POSTING"] }, out var filter, out _));

        Assert.Equal(["senior"], filter.Seniorities);
        Assert.Equal(["full_time"], filter.EmploymentTypes);
        Assert.Equal(["US"], filter.Countries);
        Assert.Equal(["posting"], filter.Kinds);
    }

    [Fact]
    public void An_error_names_its_field_and_each_surface_renders_the_field_its_own_way()
    {
        Assert.False(FilterRules.TryBuild(new FilterInput { EmploymentTypes = ["gig"] }, out _, out var error));
        Assert.False(FilterRules.TryBuild(new FilterInput { Since = "2025", Until = "2024" }, out _, out var order));

        Assert.Equal("employmentType", error.Field);
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("--employment-type 'gig' is not known", error.Render(f => "--" + (f == "employmentType" ? "employment-type" : f)), StringComparison.Ordinal);
        Assert.Equal("since 2025-01-01 is after until 2024-12-31", order.Render(f => f));
    }

    [Fact]
    public void An_unknown_source_lists_the_stored_ones_and_suggests_the_closest()
    {
        var filter = new RecordFilter { Sources = ["aijobs"] };

        Assert.False(FilterRules.TryMatchSources(filter, ["ai-jobs.net", "usajobs"], out _, out var error));
        Assert.True(FilterRules.TryMatchSources(new RecordFilter { Sources = ["USAJOBS"] }, ["ai-jobs.net", "usajobs"], out var matched, out _));

        Assert.Equal("'aijobs' is not a stored source (did you mean 'ai-jobs.net'?); stored sources: ai-jobs.net, usajobs", error.Message);
        Assert.Equal(["usajobs"], matched.Sources);
    }

    [Fact]
    public void The_cli_accepts_a_capitalised_level_and_refuses_an_unknown_source_with_the_list()
    {
        using var temp = new TempFolder();
        var csv = temp.Write("p.csv", "title,company,posted_date\nSenior Data Scientist,Acme,2026-03-01\n");
        Assert.Equal(0, CliRunner.Run("ingest", csv, "--format", "csv", "--source", "ai-jobs.net", "--db", temp.Db).Exit);

        var (exit, output, _) = CliRunner.Run("report", "market", "--seniority", "Senior", "--format", "json", "--db", temp.Db);
        var (badExit, _, error) = CliRunner.Run("report", "market", "--source", "aijobs", "--db", temp.Db);

        Assert.Equal(0, exit);
        Assert.Contains("\"total\": 1", output, StringComparison.Ordinal);
        Assert.Equal(1, badExit);
        Assert.Contains("--source 'aijobs' is not a stored source (did you mean 'ai-jobs.net'?)", error, StringComparison.Ordinal);
    }
}
