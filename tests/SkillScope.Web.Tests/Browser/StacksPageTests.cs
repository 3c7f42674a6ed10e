using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Browser;

/// <summary>The Stacks by level page in Chromium: the figures shown are the API's, counts link to their postings, a phone screen fits.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StacksPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Stacks_page_shows_each_level_with_the_api_n_notes_shares_and_changes()
    {
        await using var session = await browser.OpenAsync("/stacks");
        var page = session.Page;
        await page.Locator("[data-figure='choose-role']").WaitForAsync();

        // Choosing a role draws its stacks.
        await page.Locator("details[data-param='role'] > summary").ClickAsync();
        await page.Locator("details[data-param='role'] input[value='data_scientist']").CheckAsync();
        await session.WaitForDataAsync();
        Assert.Contains("role=data_scientist", page.Url, StringComparison.Ordinal);
        var report = await browser.GetJsonAsync("/api/stacks?role=data_scientist");

        Assert.Equal(report.Long("postings"), await session.NumberAsync("[data-figure='postings']"));
        var stacks = 0;
        foreach (var level in report.GetProperty("levels").EnumerateArray())
        {
            var id = level.Text("level");
            Assert.Equal(level.Long("postings"), await session.NumberAsync($"a[data-cell='level:{id}']"));
            if (level.GetProperty("note").ValueKind != System.Text.Json.JsonValueKind.Null)
            {
                Assert.Contains(level.Text("note"), await page.Locator($"[data-note='{id}']").TextContentAsync(), StringComparison.OrdinalIgnoreCase);
                continue;
            }

            stacks++;
            foreach (var skill in level.GetProperty("skills").EnumerateArray().Concat(level.GetProperty("dropped").EnumerateArray()))
            {
                Assert.Equal(skill.Long("postings"), await session.NumberAsync($"a[data-cell='{id}:{skill.Text("skill")}']"));
            }

            var notEstablished = level.GetProperty("skills").EnumerateArray().Concat(level.GetProperty("dropped").EnumerateArray())
                .Count(s => s.GetProperty("established").ValueKind == System.Text.Json.JsonValueKind.False);
            Assert.Equal(notEstablished, await page.Locator($"[data-established='{id}:false']").CountAsync());
        }

        Assert.True(stacks >= (TestDatabase.HasGlassdoor ? 2 : 0), "the Glassdoor data scientists should give at least two levels with a stack");
        await session.ScreenshotAsync("stacks");
        session.AssertNoProblems();
    }

    [Fact]
    public async Task A_stack_count_links_to_the_postings_it_counts_and_a_phone_screen_fits()
    {
        await using var session = await browser.OpenAsync("/stacks?role=data_scientist&minPostings=10", 390, 844);
        var page = session.Page;
        await session.WaitForDataAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"/stacks is {overflow}px wider than the screen");
        await session.ScreenshotAsync("phone-stacks");

        var link = page.Locator("a[data-cell]:not([data-cell^='level:'])").First;
        var shown = Query.ParseShown(await link.TextContentAsync());
        Assert.Contains("seniority=", await link.GetAttributeAsync("href"), StringComparison.Ordinal);
        await link.ClickAsync();
        await page.WaitForURLAsync("**/postings?**");
        await session.WaitForDataAsync();
        Assert.Equal(shown, await session.NumberAsync("[data-figure='postings-total']"));
        session.AssertNoProblems();
    }
}
