using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SkillScope.Store;
using SkillScope.Web.Infrastructure;

namespace SkillScope.Web.Apis;

/// <summary>Rows rejected at ingest: `skillscope quarantine --format json` over HTTP.</summary>
public static class QuarantineApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1_000;
    public const string TotalHeader = "X-Total-Count";

    public static IEndpointRouteBuilder MapQuarantineApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/quarantine", GetQuarantine)
            .WithTags("Ingest")
            .WithName("GetQuarantine")
            .WithSummary("Rows rejected at ingest")
            .WithDescription("Rows that could not be stored, in file and line order, with source, file, record number, line, reason and raw text. " +
                "The same JSON as `skillscope quarantine --format json --limit N`; the X-Total-Count header gives how many there are in all.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AcceptsQuery<QuarantineParameters>();
        return app;
    }

    internal static Results<Ok<IReadOnlyList<QuarantinedRow>>, ProblemHttpResult> GetQuarantine(
        [AsParameters] QuarantineParameters parameters, StoreAccess stores, HttpResponse response, CancellationToken cancellation)
    {
        if (!QueryValues.TryInt(parameters.Limit, "limit", 1, MaxLimit, DefaultLimit, out var limit, out var bad))
        {
            return bad.ToProblem();
        }

        using var store = stores.OpenRead();

        using var interrupt = store.InterruptOn(cancellation);
        response.Headers[TotalHeader] = Quarantine.Count(store).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(Quarantine.List(store, limit));
    }

    internal sealed class QuarantineParameters
    {
        [FromQuery(Name = "limit"), Description("How many rows: 1 to 1000, default 100.")]
        public string? Limit { get; set; }
    }
}
