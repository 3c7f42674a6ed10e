using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SkillScope.Analytics;
using SkillScope.Model;
using SkillScope.Skills;
using SkillScope.Store;
using SkillScope.Web.Infrastructure;

namespace SkillScope.Web.Apis;

/// <summary>Pay: `report salaries`, `report premiums` and `salary estimate` (all `--format json`) over HTTP.</summary>
public static class SalariesApi
{
    public const int DefaultMinCell = 10;
    public const int MaxMinCell = 100_000;

    private static readonly string[] Booleans = ["true", "false"];

    public static IEndpointRouteBuilder MapSalariesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/salaries", GetSalaries)
            .WithTags("Salaries")
            .WithName("GetSalaries")
            .WithSummary("Pay bands, experience ladder and regional differentials")
            .WithDescription("P10-P90, mean and local currency per cell of the `by` dimensions (cells under minCell are \"insufficient data\"), " +
                "the experience ladder and regional differentials with bootstrap intervals. Salary reports by default, or kind=posting; never mixed. " +
                "The same JSON as `skillscope report salaries --format json`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AcceptsQuery<SalariesParameters>();
        app.MapGet("/api/premiums", GetPremiums)
            .WithTags("Salaries")
            .WithName("GetPremiums")
            .WithSummary("Skill pay premiums")
            .WithDescription("Log salary on each skill with role, seniority, country and year fixed effects, over postings. " +
                "The same JSON as `skillscope report premiums --format json`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AcceptsQuery<PremiumsParameters>();
        app.MapGet("/api/salary/estimate", GetEstimate)
            .WithTags("Salaries")
            .WithName("GetSalaryEstimate")
            .WithSummary("Pay for a profile")
            .WithDescription("Median and P25-P75 for a role, level and place (and skills), with the cells, fallbacks and premiums used and their n. " +
                "The same JSON as `skillscope salary estimate --format json`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AcceptsQuery<EstimateParameters>();
        return app;
    }

    internal static Results<Ok<SalaryReport>, ProblemHttpResult> GetSalaries(
        [AsParameters] SalariesParameters parameters, StoreAccess stores, ReportCache cache, HttpRequest request, CancellationToken cancellation)
    {
        if (!parameters.TryRead(out var filter, out var bad)
            || !QueryValues.TryInt(parameters.MinCell, "minCell", 1, MaxMinCell, DefaultMinCell, out var minCell, out bad)
            || !QueryValues.TryChoice(parameters.Region, "region", [SalaryDimensions.Country, SalaryDimensions.Metro], out var region, out bad)
            || !TryBool(parameters.IncludeEstimates, "includeEstimates", out var include, out bad))
        {
            return bad.ToProblem();
        }

        var by = QueryValues.List(parameters.By);
        var options = new SalaryReportOptions
        {
            By = by.Length > 0 ? by : [SalaryDimensions.Role, SalaryDimensions.Seniority],
            MinCell = minCell,
            RegionLevel = region ?? SalaryDimensions.Country,
            ExcludeEstimates = !include,
        };
        if (options.Validate() is { } problem)
        {
            return new BadParameter(problem.StartsWith("--region", StringComparison.Ordinal) ? "region" : "by", Rename(problem)).ToProblem();
        }

        if (SalaryAnalysis.KindOf(filter, out var mixed) is null)
        {
            return new BadParameter("kind", mixed!.Replace("--kind", "kind", StringComparison.Ordinal)).ToProblem();
        }

        using var store = stores.OpenRead();

        if (!FilterParameters.TryMatchSources(store, filter, out filter, out bad))
        {
            return bad.ToProblem();
        }

        using var interrupt = store.InterruptOn(cancellation);
        return TypedResults.Ok(cache.GetOrCompute(store, request.Path + request.QueryString, () => SalaryAnalysis.Compute(store, filter, options)));
    }

    internal static Results<Ok<PremiumReport>, ProblemHttpResult> GetPremiums(
        [AsParameters] PremiumsParameters parameters, StoreAccess stores, ReportCache cache, SkillTaxonomy taxonomy, HttpRequest request, CancellationToken cancellation)
    {
        if (!parameters.TryRead(out var filter, out var bad)
            || !QueryValues.TryInt(parameters.MinN, "minN", 2, MaxMinCell, 30, out var minN, out bad)
            || !TryBool(parameters.IncludeEstimates, "includeEstimates", out var include, out bad)
            || !TryResolveSkills(taxonomy, parameters.Skills, out var skills, out bad))
        {
            return bad.ToProblem();
        }

        if (filter.Kinds.Count > 1)
        {
            return new BadParameter("kind", "kind: premiums are fitted on one kind at a time: kind=posting (the default) or kind=salary_report").ToProblem();
        }

        var options = new PremiumOptions { MinObservations = minN, ExcludeEstimates = !include, Skills = skills };
        using var store = stores.OpenRead();

        if (!FilterParameters.TryMatchSources(store, filter, out filter, out bad))
        {
            return bad.ToProblem();
        }
        using var interrupt = store.InterruptOn(cancellation);
        return TypedResults.Ok(cache.GetOrCompute(store, request.Path + request.QueryString, () => SalaryPremiums.Report(store, taxonomy, filter, options)));
    }

    internal static Results<Ok<SalaryEstimate>, ProblemHttpResult> GetEstimate(
        [AsParameters] EstimateParameters parameters, StoreAccess stores, ReportCache cache, SkillTaxonomy taxonomy, HttpRequest request, CancellationToken cancellation)
    {
        if (!QueryValues.TryInt(parameters.MinCell, "minCell", 1, MaxMinCell, DefaultMinCell, out var minCell, out var bad)
            || !TryBool(parameters.IncludeEstimates, "includeEstimates", out var include, out bad)
            || !QueryValues.TryChoice(parameters.Kind, "kind", [RecordKinds.Posting, RecordKinds.SalaryReport], out var kind, out bad)
            || !TryResolveSkills(taxonomy, parameters.Skills, out var skills, out bad)
            || !TryMetro(parameters.Metro, out var metro, out bad))
        {
            return bad.ToProblem();
        }

        if (string.IsNullOrWhiteSpace(parameters.Role) || string.IsNullOrWhiteSpace(parameters.Seniority))
        {
            var missing = string.IsNullOrWhiteSpace(parameters.Role) ? "role" : "seniority";
            return new BadParameter(missing, $"{missing} is required").ToProblem();
        }

        var country = string.IsNullOrWhiteSpace(parameters.Country) ? null : parameters.Country.Trim().ToUpperInvariant();
        if (country is not null && metro is not null)
        {
            return new BadParameter("metro", "give country or metro, not both (a metro implies its country)").ToProblem();
        }

        var estimate = new EstimateRequest(parameters.Role.Trim(), parameters.Seniority.Trim(), country, metro, skills ?? [])
        {
            Kind = kind,
            ExcludeEstimates = !include,
        };
        if (estimate.Validate() is { } problem)
        {
            var parameter = new[] { "role", "seniority", "country", "metro", "kind", "skills" }
                .FirstOrDefault(p => problem.StartsWith("--" + p, StringComparison.Ordinal)) ?? "role";
            return new BadParameter(parameter, Rename(problem)).ToProblem();
        }

        using var store = stores.OpenRead();

        using var interrupt = store.InterruptOn(cancellation);
        return TypedResults.Ok(cache.GetOrCompute(store, request.Path + request.QueryString, () => SalaryEstimator.Estimate(store, taxonomy, estimate, minCell)));
    }

    private static string Rename(string problem) =>
        problem.Replace("--min-cell", "minCell", StringComparison.Ordinal).Replace("--", "", StringComparison.Ordinal);

    private static bool TryBool(string? text, string parameter, out bool value, [NotNullWhen(false)] out BadParameter? bad)
    {
        var ok = QueryValues.TryChoice(text, parameter, Booleans, out var choice, out bad);
        value = choice == "true";
        return ok;
    }

    private static bool TryResolveSkills(SkillTaxonomy taxonomy, string[]? values, out string[]? skills, [NotNullWhen(false)] out BadParameter? bad)
    {
        (skills, bad) = (null, null);
        var names = QueryValues.List(values);
        if (names.Length == 0)
        {
            return true;
        }

        var resolved = new List<string>();
        foreach (var name in names)
        {
            if (SalaryPremiums.Resolve(taxonomy, name) is not { } id)
            {
                bad = new BadParameter("skills", $"skills '{name}' is not a skill or category:SLUG of the taxonomy; see /api/meta");
                return false;
            }

            resolved.Add(id);
        }

        skills = [.. resolved.Distinct(StringComparer.Ordinal)];
        return true;
    }

    private static bool TryMetro(string? text, out string? metro, [NotNullWhen(false)] out BadParameter? bad)
    {
        (metro, bad) = (null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        metro = SalaryDimensions.MetroNames.FirstOrDefault(m => string.Equals(m, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (metro is not null)
        {
            return true;
        }

        bad = new BadParameter("metro", $"metro '{text}' is not a metro SkillScope reports; use one of: {string.Join(", ", SalaryDimensions.MetroNames)}");
        return false;
    }
}

/// <summary>`report salaries`: the record filters plus --by, --min-cell, --region and --include-estimates.</summary>
internal sealed class SalariesParameters : FilterParameters
{
    [FromQuery(Name = "by"), Description("Dimensions of the bands: role, seniority, country or metro (repeated or comma-separated; default role,seniority).")]
    public string[]? By { get; set; }

    [FromQuery(Name = "minCell"), Description("Cells with fewer salaries are \"insufficient data\", never a figure; default 10.")]
    public string? MinCell { get; set; }

    [FromQuery(Name = "region"), Description("Regional differential by country (against the global median, default) or metro (against its country's).")]
    public string? Region { get; set; }

    [FromQuery(Name = "includeEstimates"), Description("true: add salaries a board estimated (left out by default).")]
    public string? IncludeEstimates { get; set; }
}

/// <summary>`report premiums`: the record filters plus --min-n, --skills and --include-estimates.</summary>
internal sealed class PremiumsParameters : FilterParameters
{
    [FromQuery(Name = "minN"), Description("Report a skill only when at least this many postings name it and this many do not; default 30.")]
    public string? MinN { get; set; }

    [FromQuery(Name = "skills"), Description("Skills (ids or names) and groups (category:llm-genai) to test; default every skill and category.")]
    public string[]? Skills { get; set; }

    [FromQuery(Name = "includeEstimates"), Description("true: add salaries a board estimated (left out by default).")]
    public string? IncludeEstimates { get; set; }
}

/// <summary>`salary estimate`'s options.</summary>
internal sealed class EstimateParameters
{
    [FromQuery(Name = "role"), Description("Role id, e.g. ml_engineer (required).")]
    public string? Role { get; set; }

    [FromQuery(Name = "seniority"), Description("intern, junior, mid, senior, lead or executive (required).")]
    public string? Seniority { get; set; }

    [FromQuery(Name = "country"), Description("ISO 3166-1 alpha-2 country code, e.g. US.")]
    public string? Country { get; set; }

    [FromQuery(Name = "metro"), Description("Metro area, e.g. SF Bay Area, London (implies its country; not with country).")]
    public string? Metro { get; set; }

    [FromQuery(Name = "skills"), Description("Skills (ids or names) and groups (category:llm-genai) whose premiums apply.")]
    public string[]? Skills { get; set; }

    [FromQuery(Name = "kind"), Description("Where pay cells come from: salary_report (default when stored) or posting.")]
    public string? Kind { get; set; }

    [FromQuery(Name = "minCell"), Description("Cells with fewer salaries are not used; default 10.")]
    public string? MinCell { get; set; }

    [FromQuery(Name = "includeEstimates"), Description("true: add salaries a board estimated (left out by default).")]
    public string? IncludeEstimates { get; set; }
}
