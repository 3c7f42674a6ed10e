using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SkillScope.Web.Infrastructure;

/// <summary>
/// The dashboard is static files: index.html loads js/app.js, which loads every page module listed by
/// /pages.json (each file in wwwroot/js/pages). Any other path that is not a file gets index.html, so a shared
/// URL such as /skills?role=ml_engineer opens that page with those filters.
/// </summary>
internal static class Dashboard
{
    public const string PagesFolder = "js/pages";

    public static IEndpointRouteBuilder MapDashboardPages(this IEndpointRouteBuilder app)
    {
        var webRoot = app.ServiceProvider.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        string[] pages = [.. webRoot.GetDirectoryContents(PagesFolder)
            .Where(f => !f.IsDirectory && f.Name.EndsWith(".js", StringComparison.Ordinal))
            .Select(f => f.Name)
            .Order(StringComparer.Ordinal)];
        app.MapGet("/pages.json", () => TypedResults.Ok<IReadOnlyList<string>>(pages)).ExcludeFromDescription();
        // GET and HEAD only, so that a POST to an API path is a 405, not the dashboard page.
        app.MapFallbackToFile("index.html").WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return app;
    }
}
