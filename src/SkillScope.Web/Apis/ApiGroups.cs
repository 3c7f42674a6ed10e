using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SkillScope.Web.Apis;

/// <summary>
/// Maps every endpoint group: each public static class of this namespace with a
/// <c>MapXApi(this IEndpointRouteBuilder)</c> method. A new capability adds one file here and nothing else
/// (see docs/web.md, "Adding a page").
/// </summary>
public static class ApiGroups
{
    public static IEndpointRouteBuilder MapSkillScopeApis(this IEndpointRouteBuilder app)
    {
        foreach (var map in Discover())
        {
            map.Invoke(null, [app]);
        }

        // Unknown API paths are problems, not the dashboard page the fallback below would serve.
        app.MapGet("/api/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "No such API endpoint; see /openapi/v1.json"))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The Map...Api methods, ordered by class name so the OpenAPI document is stable.</summary>
    public static IReadOnlyList<MethodInfo> Discover() =>
        typeof(ApiGroups).Assembly.GetTypes()
            .Where(t => t is { IsPublic: true, IsAbstract: true, IsSealed: true } && t.Namespace == typeof(ApiGroups).Namespace && t != typeof(ApiGroups))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name.StartsWith("Map", StringComparison.Ordinal) && m.Name.EndsWith("Api", StringComparison.Ordinal)
                && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(IEndpointRouteBuilder))
            .ToList();
}
