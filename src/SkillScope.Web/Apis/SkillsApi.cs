using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
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

/// <summary>Skill demand among postings: `skillscope report skills --format json` over HTTP.</summary>
public static class SkillsApi
{
    public const int DefaultTop = 25;
    public const int MaxTop = 500;

    public static IEndpointRouteBuilder MapSkillsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/skills", GetSkills)
            .WithTags("Reports")
            .WithName("GetSkills")
            .WithSummary("Skill demand among postings")
            .WithDescription("Share of postings naming each skill with a 95% Wilson interval, required vs preferred, demand label; " +
                "categories; optionally co-skills of one skill (with lift) and the change between two periods (two-proportion z test). " +
                "Postings only; the denominator is the postings with text. The same JSON as `skillscope report skills --format json`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AcceptsQuery<SkillsParameters>();
        app.MapGet("/api/skills/series", GetSeries)
            .WithTags("Reports")
            .WithName("GetSkillSeries")
            .WithSummary("Skill demand over time")
            .WithDescription("Each chosen skill's share of postings per month, quarter or year with its 95% Wilson interval, each period's " +
                "sources, and Indeed Hiring Lab's AI/GenAI series as a reference where the filter matches its scope (one country, every " +
                "posting). Full descriptions only unless includeSnippets=true. The same JSON as `skillscope report skills --by B --format json`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AcceptsQuery<SkillSeriesParameters>();
        return app;
    }

    internal static Results<Ok<SkillDemandReport>, ProblemHttpResult> GetSkills(
        [AsParameters] SkillsParameters parameters, StoreAccess stores, ReportCache cache, SkillTaxonomy taxonomy, HttpRequest request, CancellationToken cancellation)
    {
        if (!parameters.TryRead(out var filter, out var bad)
            || !QueryValues.TryInt(parameters.Top, "top", 1, MaxTop, DefaultTop, out var top, out bad)
            || !TryReadAnchor(parameters.CoSkills, taxonomy, out var anchor, out bad)
            || !TryReadPeriods(parameters.Compare, out var periods, out bad)
            || !QueryValues.TryChoice(parameters.IncludeSnippets, "includeSnippets", ["true", "false"], out var snippets, out bad))
        {
            return bad.ToProblem();
        }

        using var store = stores.OpenRead();
        if (!FilterParameters.TryMatchSources(store, filter, out filter, out bad))
        {
            return bad.ToProblem();
        }
        using var interrupt = store.InterruptOn(cancellation);
        var options = new SkillDemandOptions { IncludeSnippets = snippets == "true" };
        return TypedResults.Ok(cache.GetOrCompute(store, request.Path + request.QueryString,
            () => SkillDemand.Compute(store, taxonomy, filter, top, anchor, periods, options)));
    }

    internal static Results<Ok<SkillSeriesReport>, ProblemHttpResult> GetSeries(
        [AsParameters] SkillSeriesParameters parameters, StoreAccess stores, ReportCache cache, SkillTaxonomy taxonomy, HttpRequest request, CancellationToken cancellation)
    {
        if (!parameters.TryRead(out var filter, out var bad)
            || !QueryValues.TryChoice(parameters.By, "by", [.. SkillSeries.Granularities], out var by, out bad)
            || !QueryValues.TryChoice(parameters.IncludeSnippets, "includeSnippets", ["true", "false"], out var snippets, out bad))
        {
            return bad.ToProblem();
        }

        var skills = new List<string>();
        foreach (var name in QueryValues.List(parameters.Skills))
        {
            if (SalaryPremiums.Resolve(taxonomy, name) is not { } id)
            {
                return new BadParameter("skills", $"skills '{name}' is not a skill or category:SLUG of the taxonomy; see /api/meta").ToProblem();
            }

            skills.Add(id);
        }

        using var store = stores.OpenRead();
        if (!FilterParameters.TryMatchSources(store, filter, out filter, out bad))
        {
            return bad.ToProblem();
        }
        using var interrupt = store.InterruptOn(cancellation);
        var options = new SkillDemandOptions { IncludeSnippets = snippets == "true" };
        return TypedResults.Ok(cache.GetOrCompute(store, request.Path + request.QueryString,
            () => SkillSeries.Compute(store, taxonomy, filter, by ?? "month", skills, options)));
    }

    private static bool TryReadAnchor(string? text, SkillTaxonomy taxonomy, out string? anchor, [NotNullWhen(false)] out BadParameter? bad)
    {
        (anchor, bad) = (null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        anchor = text.Trim();
        if (taxonomy.Find(anchor) is not null)
        {
            return true;
        }

        bad = new BadParameter("coSkills", $"coSkills '{text}' is not a skill id; see the skills listed by /api/meta");
        return false;
    }

    private static bool TryReadPeriods(string[]? values, out (PeriodRange, PeriodRange)? periods, [NotNullWhen(false)] out BadParameter? bad)
    {
        (periods, bad) = (null, null);
        var parts = QueryValues.List(values);
        if (parts.Length == 0)
        {
            return true;
        }

        if (parts.Length != 2)
        {
            bad = new BadParameter("compare", "compare takes exactly two periods, e.g. compare=2025,2026 or compare=2026Q1&compare=2026Q2");
            return false;
        }

        var a = SkillDemand.ParsePeriod(parts[0]);
        var b = SkillDemand.ParsePeriod(parts[1]);
        if (a is null || b is null)
        {
            bad = new BadParameter("compare", $"compare '{(a is null ? parts[0] : parts[1])}' is not a year, quarter (2026Q1) or range (2026-01-01..2026-03-31)");
            return false;
        }

        periods = (a, b);
        return true;
    }
}

/// <summary>The skill report's parameters: the record filters plus the CLI's --top, --co-skills and --compare.</summary>
internal sealed class SkillsParameters : FilterParameters
{
    [FromQuery(Name = "top"), Description("How many skills to list: 1 to 500, default 25.")]
    public string? Top { get; set; }

    [FromQuery(Name = "coSkills"), Description("A skill id: also list the skills most often asked for with it, with lift.")]
    public string? CoSkills { get; set; }

    [FromQuery(Name = "compare"), Description("Two periods to compare (repeated or comma-separated): years (2025), quarters (2026Q1) or ranges (2026-01-01..2026-03-31).")]
    public string[]? Compare { get; set; }

    [FromQuery(Name = "includeSnippets"), Description("true: count postings whose text is a snippet or summary too (default: full descriptions only).")]
    public string? IncludeSnippets { get; set; }
}

/// <summary>The series' parameters: the record filters plus the CLI's --by, --skills and --include-snippets.</summary>
internal sealed class SkillSeriesParameters : FilterParameters
{
    [FromQuery(Name = "by"), Description("month (default), quarter or year.")]
    public string? By { get; set; }

    [FromQuery(Name = "skills"), Description("Skills (ids or names) and groups (category:llm-genai) to follow (repeated or comma-separated); default category:llm-genai, pytorch, python.")]
    public string[]? Skills { get; set; }

    [FromQuery(Name = "includeSnippets"), Description("true: count postings whose text is a snippet or summary too (default: full descriptions only).")]
    public string? IncludeSnippets { get; set; }
}
