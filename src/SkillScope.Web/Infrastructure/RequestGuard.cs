using System.Net;
using System.Net.NetworkInformation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SkillScope.Store;

namespace SkillScope.Web.Infrastructure;

/// <summary>
/// Checks every request before it reaches an endpoint, answering refusals as problem details with the security
/// headers: the Host header must name this server (DNS rebinding: a hostile page whose name resolves to 127.0.0.1
/// cannot read the API), a POST must carry a same-origin signal (a hostile page cannot make the browser post
/// a form to the resume tools), and the request line and headers must be within the stated limits (Kestrel's own
/// limits sit above these, so the answer is a problem-details body rather than Kestrel's empty one).
/// </summary>
internal sealed class RequestGuard(RequestDelegate next, AllowedHosts hosts)
{
    /// <summary>Longest request target (path and query) accepted: 414 above.</summary>
    public const int MaxRequestTargetChars = 8 * 1024;

    /// <summary>Largest total of header names and values accepted: 431 above.</summary>
    public const int MaxHeaderChars = 32 * 1024;

    /// <summary>The header a non-browser client (curl, a script) sends with a POST to say it is not a cross-site form.</summary>
    public const string ClientHeader = "X-Requested-With";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!hosts.Allows(request.Host))
        {
            return Refuse(context, StatusCodes.Status400BadRequest, "Host not allowed",
                $"this server answers to {hosts.Describe()}; start it with --allowed-hosts to add names");
        }

        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : (request.Path + request.QueryString).ToString();
        if (target.Length > MaxRequestTargetChars)
        {
            return Refuse(context, StatusCodes.Status414RequestUriTooLong, "Request target too long",
                $"the path and query are {target.Length:N0} characters; at most {MaxRequestTargetChars:N0}");
        }

        long headerChars = 0;
        foreach (var (name, values) in request.Headers)
        {
            headerChars += name.Length;
            foreach (var value in values)
            {
                headerChars += value?.Length ?? 0;
            }
        }

        if (headerChars > MaxHeaderChars)
        {
            return Refuse(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request headers too large",
                $"the headers hold {headerChars:N0} characters; at most {MaxHeaderChars:N0}");
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && CrossSite(request) is { } reason)
        {
            return Refuse(context, StatusCodes.Status403Forbidden, "Cross-site request refused", reason);
        }

        return next(context);
    }

    /// <summary>Why a state-changing or expensive request is not known to come from this site; null when it is.</summary>
    internal static string? CrossSite(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            var own = $"{request.Scheme}://{request.Host.Value}";
            return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"the request comes from the page at '{Shorten(origin)}', not from this server ({own})";
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none" ? null : $"the browser says the request is {Shorten(site)}, not same-origin";
        }

        return request.Headers.ContainsKey(ClientHeader)
            ? null
            : $"a POST needs a same-origin signal: browsers send Origin; other clients add the header '{ClientHeader}: skillscope'";
    }

    private static Task Refuse(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

/// <summary>
/// The Host header values the server answers to: the names of the addresses it listens on (a loopback address
/// also answers to localhost, 127.0.0.1 and [::1]; a wildcard address to those and this machine's names and
/// addresses), or the names configured with the "allowedHosts" setting (semicolon-separated; "*" allows any).
/// </summary>
internal sealed class AllowedHosts
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]", "::1"];

    private readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool any;

    private AllowedHosts(IEnumerable<string> hosts)
    {
        foreach (var host in hosts)
        {
            any |= host == "*";
            names.Add(host);
        }
    }

    /// <summary>From the configured list when given, else from the listening addresses.</summary>
    public static AllowedHosts From(string? configured, string urls)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new AllowedHosts(configured.Split(';', ',').Select(h => h.Trim()).Where(h => h.Length > 0));
        }

        var hosts = new List<string>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = HostOf(url);
            if (host is "*" or "+" or "0.0.0.0" or "[::]" or "::")
            {
                hosts.AddRange(Loopback);
                hosts.AddRange(MachineNames());
            }
            else if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)))
            {
                hosts.AddRange(Loopback);
            }
            else
            {
                hosts.Add(host);
            }
        }

        return new AllowedHosts(hosts);
    }

    public bool Allows(HostString host) => any || (host.HasValue && names.Contains(host.Host));

    public string Describe() => any ? "any host" : string.Join(", ", names.Where(n => n != "::1").Take(12));

    // "http://host:port/path" without Uri, which refuses "*" and "+".
    private static string HostOf(string url)
    {
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        rest = rest.Split('/')[0];
        if (rest.StartsWith('['))
        {
            return rest[..(rest.IndexOf(']', StringComparison.Ordinal) + 1)];
        }

        var colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }

    private static IEnumerable<string> MachineNames()
    {
        yield return Environment.MachineName;
        IEnumerable<string> addresses;
        try
        {
            addresses = NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{a.Address}]" : a.Address.ToString())
                .ToList();
        }
        catch (NetworkInformationException)
        {
            addresses = [];
        }

        foreach (var address in addresses)
        {
            yield return address;
        }
    }
}

/// <summary>A request whose client went away: its store statements are interrupted and nothing more is written.</summary>
internal sealed class ClientGone(RequestDelegate next)
{
    /// <summary>nginx's "client closed request": logged, never seen by the client.</summary>
    public const int Status = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested && (e is OperationCanceledException || QueryCancellation.IsInterrupt(e)))
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = Status;
            }
        }
    }
}
