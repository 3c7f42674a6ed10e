using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Browser;

/// <summary>
/// Postings whose titles, companies, places and descriptions carry script elements, event-handler attributes and
/// javascript: links (Fixtures/hostile-postings.csv) are shown as text on every page, and nothing in them runs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UntrustedTextTests(BrowserFixture browser)
{
    // Elements or attributes that would exist only if payload markup had been parsed.
    private const string InjectedMarkup = """
        () => document.querySelectorAll(
          'main script, main img, main iframe, main svg, main math, main style, main body, main b, ' +
          '[onerror], [onload], [onclick], [onmouseover], a[href^="javascript:" i]').length
        """;

    [Fact]
    public async Task Hostile_posting_text_is_shown_as_text_and_never_runs()
    {
        var hostile = await browser.GetJsonAsync("/api/postings?source=hostile-fixture");
        var items = hostile.GetProperty("items").EnumerateArray().ToList();
        var ids = items.Select(i => i.Long("id")).ToList();
        var scriptTitle = items.Single(i => i.Text("title").StartsWith("<script>", StringComparison.Ordinal)).Long("id");
        Assert.Equal(3, ids.Count);

        string[] pages =
        [
            "/postings?q=XSSPROBE", "/market?source=hostile-fixture", "/skills?source=hostile-fixture", "/quarantine",
            "/salaries?source=hostile-fixture&kind=posting&by=role,metro&region=metro&minCell=1",
            .. ids.Select(id => $"/postings/{id}"),
        ];
        await using var session = await browser.OpenAsync("/postings?q=XSSPROBE");
        var page = session.Page;
        foreach (var path in pages)
        {
            await session.GotoAsync(path);
            foreach (var link in await page.Locator("main a, main h1, main mark").AllAsync())
            {
                await link.HoverAsync(); // would fire an injected onmouseover
            }

            Assert.Equal(0, await page.EvaluateAsync<int>(InjectedMarkup));
            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), $"a payload ran on {path}");
            if (path == $"/postings/{scriptTitle}")
            {
                Assert.Equal("<script>window.__xss='title'</script>Senior Machine Learning Engineer XSSPROBE", await page.Locator("h1").TextContentAsync());
                Assert.Contains("<iframe src=\"javascript:window.__xss='iframe'\"></iframe>", await page.Locator(".description").TextContentAsync(), StringComparison.Ordinal);
                await session.ScreenshotAsync("untrusted-text-detail");
            }
        }

        Assert.Contains("<img src=x onerror=\"window.__xss='company'\">Evil Corp", await TextOfAsync(session, "/market?source=hostile-fixture"), StringComparison.Ordinal);
        Assert.Contains("<script>window.__xss='quarantine'</script>", await TextOfAsync(session, "/quarantine"), StringComparison.Ordinal);
        await session.ScreenshotAsync("untrusted-text-quarantine");
        session.AssertNoProblems(); // no dialog, no script error, no blocked inline script reported by the browser
    }

    private static async Task<string> TextOfAsync(PageSession session, string path)
    {
        await session.GotoAsync(path);
        return await session.Page.Locator("main").TextContentAsync() ?? "";
    }
}
