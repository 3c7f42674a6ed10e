using Microsoft.Playwright;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Browser;

/// <summary>Each page in a real Chromium against `skillscope serve`: the numbers shown are the API's, filters work and land in the URL.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task Market_page_shows_the_api_figures_and_applies_a_filter_from_the_url()
    {
        await using var session = await browser.OpenAsync("/market");
        var page = session.Page;
        var all = await browser.GetJsonAsync("/api/market");

        Assert.Equal(all.Long("total"), await session.NumberAsync("[data-figure='Records']"));
        // Pay of each provenance has its own cards (never pooled), or one set when the records have one provenance.
        var provenances = all.GetProperty("salaryByProvenance").EnumerateArray().ToList();
        if (provenances.Count == 1)
        {
            Assert.Equal(provenances[0].GetProperty("salary").Long("n"), await session.NumberAsync("[data-figure='Salaries used']"));
        }
        else
        {
            foreach (var p in provenances)
            {
                Assert.Equal(p.GetProperty("salary").Long("n"), await session.NumberAsync($"[data-figure='Salaries used ({p.Text("provenance")})']"));
            }
        }
        foreach (var row in all.GetProperty("bySeniority").EnumerateArray())
        {
            Assert.Equal(row.Long("count"), await session.NumberAsync($"a[data-cell='bySeniority:{row.Text("key")}']"));
        }

        // Every chart has its figures as a table beside it (the text alternative).
        Assert.Equal(0, await page.Locator("figure:has(.chart:not([hidden])):not(:has(table))").CountAsync());
        Assert.True(await page.Locator(".chart canvas").CountAsync() >= 6, "charts were not drawn");
        await session.ScreenshotAsync("market");

        await page.Locator("details[data-param='seniority'] > summary").ClickAsync();
        await page.Locator("details[data-param='seniority'] input[value='senior']").CheckAsync();
        await session.WaitForDataAsync();
        var senior = await browser.GetJsonAsync("/api/market?seniority=senior");

        Assert.Contains("seniority=senior", page.Url, StringComparison.Ordinal);
        Assert.Equal(senior.Long("total"), await session.NumberAsync("[data-figure='Records']"));
        foreach (var row in senior.GetProperty("byRole").EnumerateArray())
        {
            Assert.Equal(row.Long("count"), await session.NumberAsync($"a[data-cell='byRole:{row.Text("key")}']"));
        }

        // The URL is the view: opening it afresh shows the same filter and figures.
        await session.GotoAsync(page.Url);
        Assert.True(await page.Locator("details[data-param='seniority'] input[value='senior']").IsCheckedAsync());
        Assert.Equal(senior.Long("total"), await session.NumberAsync("[data-figure='Records']"));
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Skills_page_shows_the_api_figures_sorts_and_lists_co_skills_and_trends()
    {
        await using var session = await browser.OpenAsync("/skills");
        var page = session.Page;
        var report = await browser.GetJsonAsync("/api/skills");

        Assert.Equal(report.Long("postings"), await session.NumberAsync("[data-figure='postings']"));
        foreach (var row in report.GetProperty("skills").EnumerateArray())
        {
            Assert.Equal(row.Long("postings"), await session.NumberAsync($"a[data-cell='skills:{row.Text("skill")}']"));
        }

        foreach (var row in report.GetProperty("categories").EnumerateArray())
        {
            Assert.Equal(row.Long("postings"), await session.NumberAsync($"a[data-cell='categories:{row.Text("category")}']"));
        }

        await session.ScreenshotAsync("skills");

        // Filter by role.
        await page.Locator("details[data-param='role'] > summary").ClickAsync();
        await page.Locator("details[data-param='role'] input[value='data_scientist']").CheckAsync();
        await session.WaitForDataAsync();
        var scientists = await browser.GetJsonAsync("/api/skills?role=data_scientist");
        Assert.Equal(scientists.Long("postings"), await session.NumberAsync("[data-figure='postings']"));

        // Sort by share, lowest first: the header says so and the first row is the smallest share.
        var shareHeader = page.Locator("table").First.Locator("th", new LocatorLocatorOptions { HasText = "Share" }).First;
        await shareHeader.Locator("button").ClickAsync();
        await shareHeader.Locator("button").ClickAsync();
        Assert.Equal("ascending", await shareHeader.GetAttributeAsync("aria-sort"));
        var smallest = scientists.GetProperty("skills").EnumerateArray().MinBy(r => (r.GetProperty("share").GetDouble(), r.Text("name")));
        Assert.Equal(smallest.Long("postings"), Query.ParseShown(await page.Locator("table").First.Locator("tbody tr").First.Locator("td").Nth(2).TextContentAsync()));

        // Co-skills of the most asked-for skill.
        var top = scientists.GetProperty("skills")[0];
        await page.Locator("button[aria-label='Skills asked for with " + top.Text("name") + "']").ClickAsync();
        await session.WaitForDataAsync();
        Assert.Contains("coSkills=" + top.Text("skill"), page.Url, StringComparison.Ordinal);
        var co = await browser.GetJsonAsync($"/api/skills?role=data_scientist&coSkills={top.Text("skill")}");
        foreach (var row in co.GetProperty("coSkills").EnumerateArray())
        {
            Assert.Equal(row.Long("together"), await session.NumberAsync($"a[data-cell='co:{row.Text("skill")}']"));
        }

        // Compare two periods: a trend column and a table of changes appear.
        await page.Locator("input[name='compareA']").FillAsync("2025");
        await page.Locator("input[name='compareB']").FillAsync("2026");
        await page.Locator("input[name='compareB']").PressAsync("Enter");
        await session.WaitForDataAsync();
        Assert.Contains("compare=2025%2C2026", page.Url, StringComparison.Ordinal);
        var trends = await browser.GetJsonAsync($"/api/skills?role=data_scientist&coSkills={top.Text("skill")}&compare=2025,2026");
        foreach (var row in trends.GetProperty("trends").EnumerateArray().Where(r => r.Long("postingsB") > 0))
        {
            Assert.Equal(row.Long("postingsB"), await session.NumberAsync($"a[data-cell='trendB:{row.Text("skill")}']"));
        }

        await session.ScreenshotAsync("skills-co-skills-trends");
        session.AssertNoProblems();
    }

    [Fact]
    public async Task A_report_figure_links_to_the_records_it_counts()
    {
        await using var session = await browser.OpenAsync("/market?kind=posting");
        var page = session.Page;

        foreach (var (start, cell) in new[]
        {
            ("/market?kind=posting", "a[data-cell='bySeniority:mid']"),
            ("/market?kind=posting", "a[data-cell^='topCompanies:']"),
            ("/skills", "a[data-cell^='skills:']"),
            ("/skills", "a[data-cell^='categories:']"),
            ("/skills?coSkills=sql", "a[data-cell^='co:']"),
        })
        {
            await session.GotoAsync(start);
            var link = page.Locator(cell).First;
            var shown = Query.ParseShown(await link.TextContentAsync());
            await link.ClickAsync();
            await page.WaitForURLAsync("**/postings?**");
            await session.WaitForDataAsync();

            Assert.Equal(shown, await session.NumberAsync("[data-figure='postings-total']"));
        }

        session.AssertNoProblems();
    }

    [Fact]
    public async Task Search_and_detail_show_what_the_api_returns()
    {
        await using var session = await browser.OpenAsync("/postings");
        var page = session.Page;

        await page.Locator("input[name='q']").FillAsync("machine learning");
        await page.Locator("form[role='search'] button[type='submit']").ClickAsync();
        await session.WaitForDataAsync();
        var result = await browser.GetJsonAsync("/api/postings?q=machine%20learning");

        Assert.Contains("q=machine+learning", page.Url, StringComparison.Ordinal);
        Assert.Equal(result.Long("total"), await session.NumberAsync("[data-figure='postings-total']"));
        var first = result.GetProperty("items")[0];
        Assert.Equal(first.Text("title"), await page.Locator("ol.results li h2 a").First.TextContentAsync());
        Assert.True(await page.Locator("ol.results mark").CountAsync() > 0, "matched words are not marked");
        await session.ScreenshotAsync("postings");

        var record = await browser.GetJsonAsync("/api/postings/" + first.Long("id"));
        await page.Locator("ol.results li h2 a").First.ClickAsync();
        await page.WaitForURLAsync("**/postings/" + first.Long("id"));
        await session.WaitForDataAsync();

        Assert.Equal(record.GetProperty("record").Text("title"), await page.Locator("h1").TextContentAsync());
        Assert.Equal(record.GetProperty("appearances").GetArrayLength(), await page.Locator("table tbody tr").CountAsync());
        await session.ScreenshotAsync("posting-detail");

        await page.GoBackAsync();
        await session.WaitForDataAsync();
        Assert.Equal("machine learning", await page.Locator("input[name='q']").InputValueAsync());
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Quarantine_page_lists_the_rejected_rows()
    {
        await using var session = await browser.OpenAsync("/quarantine");
        using var response = await browser.Api.GetAsync(new Uri("/api/quarantine", UriKind.Relative));
        var total = long.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(total, await session.NumberAsync("[data-figure='quarantine-total']"));
        Assert.Equal(total, await session.Page.Locator("table tbody tr").CountAsync());
        await session.ScreenshotAsync("quarantine");
        session.AssertNoProblems();
    }
}
