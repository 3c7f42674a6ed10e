using System.Globalization;
using System.Text.Json;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Browser;

/// <summary>The Skill roadmap page in Chromium: the phases, weeks and preset comparison shown are the API's for the same input.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RoadmapPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_roadmap_page_shows_the_api_phases_weeks_and_preset_comparison_and_keeps_the_resume_out_of_the_url()
    {
        var resume = await File.ReadAllTextAsync(Path.Combine(Paths.Root, "tests", "SkillScope.Tests", "Fixtures", "resumes", "weak-ml-engineer.txt"));
        await using var session = await browser.OpenAsync("/roadmap?targetRole=data_scientist&preset=career-change-data-science");
        var page = session.Page;
        await page.Locator("#roadmap-resume-text").FillAsync(resume);
        await page.Locator("#roadmap-submit").ClickAsync();
        await page.Locator("ol.phases, .results-area .note, .results-area .alert").First.WaitForAsync();
        await session.WaitForDataAsync();

        using var form = new MultipartFormDataContent
        {
            { new StringContent(resume), "resume" },
            { new StringContent("data_scientist"), "targetRole" },
            { new StringContent("career-change-data-science"), "preset" },
        };
        using var response = await browser.Api.PostAsync(new Uri("/api/resume/gap", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var report = JsonDocument.Parse(body).RootElement;
        var stages = report.GetProperty("stages").EnumerateArray().ToList();

        Assert.NotEmpty(stages);
        var shown = page.Locator("ol.phases > li.phase");
        Assert.Equal(stages.Count, await shown.CountAsync());
        for (var i = 0; i < stages.Count; i++)
        {
            var phase = shown.Nth(i);
            Assert.Equal(stages[i].GetProperty("stage").GetInt32().ToString(CultureInfo.InvariantCulture), await phase.GetAttributeAsync("data-phase"));
            Assert.Equal(stages[i].GetProperty("weeks").GetDouble(), double.Parse((await phase.GetAttributeAsync("data-weeks"))!, CultureInfo.InvariantCulture));
            var skills = stages[i].GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("skill").GetString()).ToList();
            var listed = await phase.Locator("ul.phase-skills > li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.skill)");
            Assert.Equal(skills, listed);
            Assert.Equal(stages[i].GetProperty("pay").GetProperty("text").GetString(), await phase.Locator("p.pay").TextContentAsync());
        }

        Assert.Equal(report.GetProperty("totalWeeks").GetDouble(), double.Parse((await page.Locator("[data-figure='weeks']").TextContentAsync())!, CultureInfo.InvariantCulture));
        Assert.Equal(report.GetProperty("effort").GetProperty("sources").GetArrayLength(), await page.Locator("table[aria-label='Rows of the effort table this roadmap used'] tbody tr").CountAsync());
        var preset = report.GetProperty("preset");
        Assert.Equal(preset.GetProperty("onlyInPreset").GetArrayLength(), await page.Locator("[data-list='only-in-preset'] li").CountAsync());
        Assert.Equal(preset.GetProperty("onlyInRoadmap").GetArrayLength(), await page.Locator("[data-list='only-in-roadmap'] li").CountAsync());
        Assert.Contains("preset=career-change-data-science", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("Rivera", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("resume", new Uri(page.Url).Query, StringComparison.Ordinal);
        await session.ScreenshotAsync("roadmap");
        session.AssertNoProblems();
    }
}
