using System.Text.Json;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Browser;

/// <summary>The Job matching page in Chromium: the ranking shown is the API's for the same resume.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MatchPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Job_matching_shows_the_api_ranking_and_keeps_the_resume_out_of_the_url()
    {
        var resume = await File.ReadAllTextAsync(Path.Combine(Paths.Root, "tests", "SkillScope.Tests", "Fixtures", "resumes", "strong-ml-engineer.md"));
        await using var session = await browser.OpenAsync("/match");
        var page = session.Page;
        await page.Locator("#match-resume-text").FillAsync(resume);
        await page.Locator("#match-submit").ClickAsync();
        await page.Locator("ol.matches, .results-area .note, .results-area .alert").First.WaitForAsync();
        await session.WaitForDataAsync();

        using var form = new MultipartFormDataContent { { new StringContent(resume), "resume" } };
        using var response = await browser.Api.PostAsync(new Uri("/api/resume/match", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var matches = JsonDocument.Parse(body).RootElement.GetProperty("matches");

        Assert.True(matches.GetArrayLength() > 0, body);
        Assert.Equal(matches.GetArrayLength(), await page.Locator("ol.matches > li").CountAsync());
        var first = matches[0];
        var title = page.Locator("ol.matches > li").First.Locator("[data-match='title']");
        Assert.Equal(first.GetProperty("title").GetString(), await title.TextContentAsync());
        Assert.EndsWith($"/postings/{first.GetProperty("recordId").GetInt64()}", await title.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Equal(first.GetProperty("why").GetArrayLength(), await page.Locator("ol.matches > li").First.Locator("ul.why li").CountAsync());
        Assert.EndsWith("/match", page.Url, StringComparison.Ordinal);
        await session.ScreenshotAsync("match");
        session.AssertNoProblems();
    }
}
