using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SkillScope.Analytics;
using SkillScope.Skills;
using SkillScope.Store;
using SkillScope.Web.Infrastructure;

namespace SkillScope.Web.Apis;

/// <summary>Skill stacks by seniority level: `skillscope report stacks --format json` over HTTP.</summary>
public static class StacksApi
{
    public static IEndpointRouteBuilder MapStacksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stacks", GetStacks)
            .WithTags("Reports")
            .WithName("GetStacks")
            .WithSummary("Skill stacks by seniority level")
            .WithDescription("For each seniority level of a role (role is required): the skills asked for in at least minShare percent of the " +
                "level's postings, each with n, share and 95% Wilson interval; and what the level adds to the nearest lower level with a stack " +
                "(share difference with a 95% Newcombe hybrid score interval, established only when it excludes zero). Levels with fewer than " +
                "minPostings counted postings carry a note instead. Full descriptions only unless includeSnippets=true. The same JSON as " +
                "`skillscope report stacks --format json` (docs/stacks.md).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AcceptsQuery<StacksParameters>();
        return app;
    }

    internal static Results<Ok<StackReport>, ProblemHttpResult> GetStacks(
        [AsParameters] StacksParameters parameters, StoreAccess stores, ReportCache cache, SkillTaxonomy taxonomy, HttpRequest request, CancellationToken cancellation)
    {
        if (!parameters.TryRead(out var filter, out var bad)
            || !QueryValues.TryChoice(parameters.IncludeSnippets, "includeSnippets", ["true", "false"], out var snippets, out bad))
        {
            return bad.ToProblem();
        }

        var input = new StackInput { MinShare = parameters.MinShare, MinPostings = parameters.MinPostings, IncludeSnippets = snippets == "true" };
        if (!StackOptions.TryBuild(input, filter, out var options, out var error))
        {
            return new BadParameter(error.Field, error.Render(field => field)).ToProblem();
        }

        using var store = stores.OpenRead();
        if (!FilterParameters.TryMatchSources(store, filter, out filter, out bad))
        {
            return bad.ToProblem();
        }

        using var interrupt = store.InterruptOn(cancellation);
        return TypedResults.Ok(cache.GetOrCompute(store, request.Path + request.QueryString, () => SkillStacks.Compute(store, taxonomy, filter, options)));
    }
}

/// <summary>The stack report's parameters: the record filters (role required) plus the CLI's --min-share, --min-postings and --include-snippets.</summary>
internal sealed class StacksParameters : FilterParameters
{
    [FromQuery(Name = "minShare"), Description("A skill is in a level's stack when at least this percentage of the level's postings asks for it: above 0, at most 100, default 20.")]
    public string? MinShare { get; set; }

    [FromQuery(Name = "minPostings"), Description("Levels with fewer counted postings get a note instead of a stack: 1 to 1000000, default 30.")]
    public string? MinPostings { get; set; }

    [FromQuery(Name = "includeSnippets"), Description("true: count postings whose text is a snippet or summary too (default: full descriptions only).")]
    public string? IncludeSnippets { get; set; }
}
