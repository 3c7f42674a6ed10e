using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SkillScope.Analytics;
using SkillScope.Store;
using SkillScope.Web.Infrastructure;

namespace SkillScope.Web.Apis;

/// <summary>The market overview: `skillscope report market --format json` over HTTP.</summary>
public static class MarketApi
{
    public static IEndpointRouteBuilder MapMarketApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/market", GetMarket)
            .WithTags("Reports")
            .WithName("GetMarket")
            .WithSummary("The market overview")
            .WithDescription("Totals and period; count and share by role, seniority, employment type and work arrangement; top 10 companies, " +
                "countries and metros; salary summary (USD per year). The same JSON as `skillscope report market --format json`. " +
                "Every count can be listed with /api/postings and the same filters plus the cell's own (docs/web.md).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AcceptsQuery<FilterParameters>();
        return app;
    }

    internal static Results<Ok<MarketReport>, ProblemHttpResult> GetMarket(
        [AsParameters] FilterParameters filters, StoreAccess stores, ReportCache cache, MarketSnapshots snapshots, HttpRequest request, CancellationToken cancellation)
    {
        if (!filters.TryRead(out var filter, out var bad))
        {
            return bad.ToProblem();
        }

        using var store = stores.OpenRead();
        if (!FilterParameters.TryMatchSources(store, filter, out filter, out bad))
        {
            return bad.ToProblem();
        }

        using var interrupt = store.InterruptOn(cancellation);
        return TypedResults.Ok(cache.GetOrCompute(store, request.Path + request.QueryString, () => snapshots.Compute(store, filter, cancellation)));
    }
}
