using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SkillScope.Model;
using SkillScope.Skills;
using SkillScope.Store;
using SkillScope.Web.Infrastructure;

namespace SkillScope.Web.Apis;

public sealed record HealthResponse(string Status, long Records);

public sealed record SkillInfo(string Id, string Name, string Category, string Type);

/// <summary>Everything a client needs to offer filters: the public ids (docs/domain.md) and what this store holds.</summary>
/// <param name="StoredTaxonomyVersion">The taxonomy the stored skills were extracted with; when it differs from
/// <paramref name="TaxonomyVersion"/>, skill figures are stale until `skillscope skills reindex`.</param>
public sealed record MetaResponse(
    long Records,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Seniorities,
    IReadOnlyList<string> EmploymentTypes,
    IReadOnlyList<string> WorkArrangements,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> SkillCategories,
    IReadOnlyList<SkillInfo> Skills,
    string TaxonomyVersion,
    string? StoredTaxonomyVersion);

/// <summary>Vocabularies and store status.</summary>
public static class MetaApi
{
    public static IEndpointRouteBuilder MapMetaApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/meta", GetMeta)
            .WithTags("Meta")
            .WithName("GetMeta")
            .WithSummary("Ids, sources, countries and skills for filters")
            .AcceptsQuery();
        app.MapGet("/api/health", GetHealth)
            .WithTags("Meta")
            .WithName("GetHealth")
            .WithSummary("Liveness and record count")
            .AcceptsQuery();
        return app;
    }

    internal static Ok<MetaResponse> GetMeta(StoreAccess stores, ReportCache cache, SkillTaxonomy taxonomy, CancellationToken cancellation)
    {
        using var store = stores.OpenRead();
        using var interrupt = store.InterruptOn(cancellation);
        return TypedResults.Ok(cache.GetOrCompute(store, "meta", () => new MetaResponse(
            StoreCatalog.RecordCount(store),
            RecordKinds.All, Model.Roles.All, Seniorities.All, EmploymentTypes.All, WorkArrangements.All,
            StoreCatalog.Sources(store), StoreCatalog.Countries(store),
            SkillCategories.All,
            [.. taxonomy.Skills.Select(s => new SkillInfo(s.Id, s.Name, s.Category, s.Type)).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)],
            taxonomy.Version,
            SkillIndex.StoredVersion(store))));
    }

    internal static Ok<HealthResponse> GetHealth(StoreAccess stores, CancellationToken cancellation)
    {
        using var store = stores.OpenRead();
        using var interrupt = store.InterruptOn(cancellation);
        return TypedResults.Ok(new HealthResponse("ok", StoreCatalog.RecordCount(store)));
    }
}
