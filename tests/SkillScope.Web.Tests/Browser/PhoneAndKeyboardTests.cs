using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Browser;

/// <summary>The dashboard works on a phone-width screen and without a mouse.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneAndKeyboardTests(BrowserFixture browser)
{
    private const int PhoneWidth = 390;

    [Theory]
    [InlineData("/market", "phone-market")]
    [InlineData("/skills?coSkills=python", "phone-skills")]
    [InlineData("/postings?q=data%20scientist", "phone-postings")]
    [InlineData("/quarantine", "phone-quarantine")]
    [InlineData("/salaries", "phone-salaries")]
    [InlineData("/resume", "phone-resume")]
    [InlineData("/match", "phone-match")]
    public async Task Pages_fit_a_phone_screen_without_sideways_scrolling(string path, string screenshot)
    {
        await using var session = await browser.OpenAsync(path, PhoneWidth, 844);

        await session.ScreenshotAsync(screenshot);
        var overflow = await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the screen");
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Filters_can_be_used_from_the_keyboard()
    {
        await using var session = await browser.OpenAsync("/market", PhoneWidth, 844);
        var page = session.Page;
        var keyboard = page.Keyboard;

        await keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await keyboard.PressAsync("Enter");

        var summary = "details[data-param='role'] > summary";
        for (var i = 0; i < 30 && !await page.EvaluateAsync<bool>($"() => document.activeElement.matches(\"{summary}\")"); i++)
        {
            await keyboard.PressAsync("Tab");
        }

        Assert.True(await page.EvaluateAsync<bool>($"() => document.activeElement.matches(\"{summary}\")"), "the role filter cannot be reached with Tab");
        await keyboard.PressAsync("Enter");
        Assert.True(await page.Locator("details[data-param='role']").GetAttributeAsync("open") is not null);
        await keyboard.PressAsync("Tab");
        var first = await page.EvaluateAsync<string>("() => document.activeElement.value");
        await keyboard.PressAsync("Space");
        await session.WaitForDataAsync();
        await keyboard.PressAsync("Escape");

        Assert.Contains("role=" + first, page.Url, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>($"() => document.activeElement.matches(\"{summary}\")"), "Escape should close the list and keep focus on it");
        var filtered = await browser.GetJsonAsync("/api/market?role=" + first);
        Assert.Equal(filtered.Long("total"), await session.NumberAsync("[data-figure='Records']"));
        session.AssertNoProblems();
    }
}
