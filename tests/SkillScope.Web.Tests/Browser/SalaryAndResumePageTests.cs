using System.Globalization;
using System.Text.Json;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Browser;

/// <summary>The Salaries and Resume check pages in Chromium: the figures shown are the API's for the same input.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SalaryAndResumePageTests(BrowserFixture browser)
{
    // Issue 16: the "n = ..." badges of the role x seniority grid overlapped the medians at 1,400 and 390 px.
    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task The_n_badges_of_the_salary_grid_sit_below_their_medians_without_overlap(int width)
    {
        await using var session = await browser.OpenAsync("/salaries", width);
        var cells = session.Page.Locator("[data-matrix]");
        await cells.First.WaitForAsync();

        var checkedCells = 0;
        for (var i = 0; i < Math.Min(await cells.CountAsync(), 12); i++)
        {
            var cell = cells.Nth(i);
            var badge = await cell.Locator(".cell-n").BoundingBoxAsync();
            var figure = await cell.Locator(":scope > :first-child").BoundingBoxAsync();
            Assert.NotNull(badge);
            Assert.NotNull(figure);
            Assert.True(badge.Y >= figure.Y + figure.Height - 0.5, $"at {width} px, cell {i}: badge top {badge.Y} is above the figure's bottom {figure.Y + figure.Height}");
            checkedCells++;
        }

        Assert.True(checkedCells > 0);
    }

    [Fact]
    public async Task The_postings_page_prints_its_count_once()
    {
        await using var session = await browser.OpenAsync("/postings?role=ml_engineer");
        await session.Page.Locator("[data-figure='postings-total']").WaitForAsync();
        await session.WaitForDataAsync();
        var total = await browser.GetJsonAsync("/api/postings?role=ml_engineer&pageSize=1");
        var shown = total.Long("total").ToString("N0", CultureInfo.InvariantCulture);

        var text = await session.Page.Locator("main").InnerTextAsync();

        Assert.Equal(1, text.Split(shown).Length - 1);
    }

    [Fact]
    public async Task Salaries_page_shows_the_api_bands_and_resume_check_shows_the_api_score()
    {
        await using var session = await browser.OpenAsync("/salaries");
        var page = session.Page;
        var report = await browser.GetJsonAsync("/api/salaries");

        Assert.Equal(report.Long("n"), await session.NumberAsync("[data-figure='Salaries']"));
        var cells = report.GetProperty("cells").EnumerateArray().ToList();
        Assert.NotEmpty(cells);
        foreach (var cell in cells)
        {
            var key = Key(cell);
            Assert.Equal(cell.Long("n"), await session.NumberAsync($"[data-cell='n:{key}']"));
            if (!cell.GetProperty("suppressed").GetBoolean())
            {
                Assert.Equal((long)Math.Round(cell.GetProperty("median").GetDouble(), MidpointRounding.AwayFromZero), Money(await page.Locator($"[data-cell='median:{key}']").TextContentAsync()));
            }
        }

        // The role x seniority overview shows the same n in every cell.
        foreach (var cell in cells)
        {
            var matrix = $"{cell.GetProperty("group").Text("role")}|{cell.GetProperty("group").Text("seniority")}";
            Assert.Contains($"n = {cell.Long("n"):N0}", await page.Locator($"[data-matrix='{matrix}']").TextContentAsync(), StringComparison.Ordinal);
        }

        var suppressed = cells.Count(c => c.GetProperty("suppressed").GetBoolean());
        Assert.True(await page.GetByText("insufficient data").CountAsync() >= suppressed);
        await session.ScreenshotAsync("salaries");

        // A band's n links to the postings search listing exactly the records it counts.
        var traced = cells[0];
        await page.Locator($"[data-cell='n:{Key(traced)}'] a").ClickAsync();
        await page.Locator("[data-figure='postings-total']").WaitForAsync();
        await session.WaitForDataAsync();
        Assert.Contains("salary=usable", page.Url, StringComparison.Ordinal);
        Assert.Equal(traced.Long("n"), await session.NumberAsync("[data-figure='postings-total']"));
        await session.GotoAsync("/salaries");

        // A filter lands in the URL and the figures follow.
        await page.Locator("details[data-param='role'] > summary").ClickAsync();
        await page.Locator("details[data-param='role'] input[value='ml_engineer']").CheckAsync();
        await session.WaitForDataAsync();
        var ml = await browser.GetJsonAsync("/api/salaries?role=ml_engineer");
        Assert.Contains("role=ml_engineer", page.Url, StringComparison.Ordinal);
        Assert.Equal(ml.Long("n"), await session.NumberAsync("[data-figure='Salaries']"));

        // Resume check: paste the resume and the posting, submit, read the score.
        var resume = await File.ReadAllTextAsync(Path.Combine(Paths.Root, "tests", "SkillScope.Tests", "Fixtures", "resumes", "strong-ml-engineer.md"));
        var job = await File.ReadAllTextAsync(Path.Combine(Paths.Root, "docs", "examples", "ml-engineer-posting.txt"));
        await session.GotoAsync("/resume");
        await page.Locator("#resume-text").FillAsync(resume);
        await page.Locator("#job-text").FillAsync(job);
        await page.Locator("#resume-submit").ClickAsync();
        await page.Locator("[data-figure='Score']").WaitForAsync();
        await session.WaitForDataAsync();

        using var form = new MultipartFormDataContent { { new StringContent(resume), "resume" }, { new StringContent(job), "job" } };
        using var response = await browser.Api.PostAsync(new Uri("/api/resume/score", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var score = JsonDocument.Parse(body).RootElement;

        Assert.Equal(score.Long("score"), await session.NumberAsync("[data-figure='Score']"));
        Assert.Equal(score.GetProperty("improvements").GetArrayLength(), await page.Locator("ol.improvements li").CountAsync());
        Assert.DoesNotContain("Jane", page.Url, StringComparison.Ordinal);
        Assert.EndsWith("/resume", page.Url, StringComparison.Ordinal);
        await session.ScreenshotAsync("resume-check");
        session.AssertNoProblems();
    }

    private static string Key(JsonElement cell) =>
        string.Join(',', cell.GetProperty("group").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"));

    private static long Money(string? text) =>
        long.Parse((text ?? "").Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
}
