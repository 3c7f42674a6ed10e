using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SkillScope.Skills;
using SkillScope.Store;
using SkillScope.Web.Apis;
using SkillScope.Web.Infrastructure;

namespace SkillScope.Web;

/// <summary>How to host the dashboard and API.</summary>
/// <param name="Db">Database file; null: the "db" setting (<c>--db</c>), else SKILLSCOPE_DB, else ./skillscope.db.</param>
/// <param name="Urls">Addresses to listen on; null: the "urls" setting, else <see cref="SkillScopeWeb.DefaultUrls"/> (loopback only).</param>
/// <param name="Quiet">No request or lifetime logging (load tests, embedding).</param>
/// <param name="AllowedHosts">Host header names accepted, ';'-separated ("*": any); null: the "allowedHosts" setting, else the
/// names of the addresses listened on (see <see cref="Infrastructure.AllowedHosts"/>).</param>
public sealed record WebOptions(string? Db = null, string? Urls = null, bool Quiet = false, string? AllowedHosts = null);

/// <summary>Builds the web application: services, limits, middleware and every endpoint group.</summary>
public static class SkillScopeWeb
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Largest request body accepted (413 above): room for a resume upload, nothing more.</summary>
    public const long MaxRequestBodyBytes = 5 * 1024 * 1024;

    /// <summary>
    /// Handlers read the store synchronously (SQLite has no asynchronous I/O) and requests for one report wait for its
    /// one computation, so a burst holds many pool threads at once; with the default minimum (one per core) the pool
    /// adds threads slowly and requests that need no computation queue behind those waiting.
    /// </summary>
    public const int MinWorkerThreads = 64;

    public static WebApplication Create(string[] args, WebOptions? options = null)
    {
        options ??= new WebOptions();
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, MinWorkerThreads), io);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Absolute, so the dashboard is found whatever the working directory: the files are copied next to
            // this assembly (and next to the CLI that references it).
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });

        var urls = options.Urls ?? builder.Configuration["urls"] ?? DefaultUrls;
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            // Twice the limits RequestGuard enforces, so that a request over them gets a problem-details answer from
            // the pipeline; only one over these gets Kestrel's own empty 414/431.
            kestrel.Limits.MaxRequestHeadersTotalSize = 2 * RequestGuard.MaxHeaderChars;
            kestrel.Limits.MaxRequestLineSize = 2 * RequestGuard.MaxRequestTargetChars;
        });
        // Warnings and errors only: the caller prints one line with the address, and a failure to start (port in
        // use) is rethrown to it rather than logged with a stack trace.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        if (options.Quiet)
        {
            builder.Logging.ClearProviders();
        }

        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, WebJson.Default));
        builder.Services.AddOpenApi(OpenApiDocument.Configure);
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton(SkillTaxonomy.Default);
        builder.Services.AddSingleton(SkillExtractor.Default);
        builder.Services.AddSingleton(services => new StoreAccess(options.Db ?? services.GetConfiguredDb()));
        builder.Services.AddSingleton<ReportCache>();
        builder.Services.AddSingleton<Infrastructure.MarketSnapshots>();
        builder.Services.AddSingleton(Infrastructure.AllowedHosts.From(options.AllowedHosts ?? builder.Configuration["allowedHosts"], urls));
        builder.Services.TryAddSingleton(TimeProvider.System);

        var app = builder.Build();

        // Open (create, migrate, index) the database now, so a bad path fails before the server listens.
        app.Services.GetRequiredService<StoreAccess>();
        if (!options.Quiet)
        {
            WarnIfNotLoopback(app);
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<ClientGone>();
        app.UseMiddleware<RequestGuard>();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache" });

        app.MapOpenApi();
        app.MapSkillScopeApis();
        app.MapDashboardPages();
        return app;
    }

    /// <summary>Starts listening and returns the line to show: where the dashboard is and which database it reads.</summary>
    public static async Task<string> StartAsync(WebApplication app, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.StartAsync(cancellation).ConfigureAwait(false);
        app.Services.GetRequiredService<MarketSnapshots>().Warm();
        return $"SkillScope dashboard on {string.Join(", ", app.Urls)} over {app.Services.GetRequiredService<StoreAccess>().Path}; Ctrl-C to stop";
    }

    private static string GetConfiguredDb(this IServiceProvider services) =>
        SkillStore.ResolvePath(services.GetRequiredService<IConfiguration>()["db"]);

    // The API has no authentication: it is meant for one person's machine.
    private static void WarnIfNotLoopback(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                if (Uri.TryCreate(url, UriKind.Absolute, out var uri)
                    && !uri.IsLoopback && !(IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))
                {
                    app.Logger.LogWarning("Listening on {Url}, beyond this machine: the API has no authentication", url);
                }
            }
        });
}
