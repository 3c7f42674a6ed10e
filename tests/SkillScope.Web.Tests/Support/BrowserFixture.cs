using System.Text.Json;
using Microsoft.Playwright;

namespace SkillScope.Web.Tests.Support;

/// <summary>
/// One `skillscope serve` process and one headless Debian Chromium for every browser test (a 2-core machine
/// runs them one after another). Playwright drives the system browser; it never downloads one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // The network is closed: without these flags Chromium keeps trying to reach Google's services.
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? playwright;

    public LiveServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ChromiumPath}: run 'bash scripts/test.sh' as root (it installs it) or 'apt-get install -y chromium'.");
        }

        Server = await LiveServer.StartAsync(await TestDatabase.SharedAsync());
        Api = new HttpClient { BaseAddress = Server.Address };
        Api.DefaultRequestHeaders.Add("X-Requested-With", "skillscope"); // a script, not a cross-site form (RequestGuard)
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        Api?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>A fresh page (own context) that records console errors, failed requests and dialogs.</summary>
    public async Task<PageSession> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        var page = await context.NewPageAsync();
        var session = new PageSession(context, page);
        await session.GotoAsync(path);
        return session;
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Api.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>A page with what went wrong on it: script errors, console errors, dialogs (which also fail XSS tests).</summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> problems = [];

    public PageSession(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.PageError += (_, error) => Add("page error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Add($"console {message.Type}: {message.Text}");
            }
        };
        page.Dialog += (_, dialog) =>
        {
            Add($"dialog ({dialog.Type}): {dialog.Message}");
            _ = dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (problems)
            {
                return [.. problems];
            }
        }
    }

    private void Add(string problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }

    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForDataAsync();
    }

    /// <summary>Waits until the page's figures are loaded (no request in flight) and its charts are drawn.</summary>
    public async Task WaitForDataAsync()
    {
        await Page.WaitForSelectorAsync("main h1");
        await Page.WaitForFunctionAsync("""
            () => {
              const area = document.querySelector('.results-area');
              if (area && area.hasAttribute('aria-busy')) return false;
              const charts = [...document.querySelectorAll('.chart')].filter(c => !c.hidden);
              return charts.every(c => c.querySelector('canvas'));
            }
            """);
    }

    /// <summary>The number a dashboard element shows ("12,345").</summary>
    public async Task<long> NumberAsync(string selector) => Query.ParseShown(await Page.Locator(selector).First.TextContentAsync());

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(Paths.Screenshots);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Paths.Screenshots, name + ".png"), FullPage = true });
    }

    public void AssertNoProblems() => Assert.True(Problems.Count == 0, string.Join('\n', Problems));

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
