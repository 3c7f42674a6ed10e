using System.Net;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Browser;

/// <summary>The real server (Kestrel, as `skillscope serve` runs it) refuses oversized requests before they reach the API.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RequestLimitTests(BrowserFixture browser)
{
    [Fact]
    public async Task Oversized_headers_are_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Add("X-Padding", new string('x', 40 * 1024));
        using var response = await browser.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_url_is_refused()
    {
        using var response = await browser.Api.GetAsync(new Uri("/api/postings?q=" + new string('a', 9 * 1024), UriKind.Relative));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task The_served_pages_carry_a_content_security_policy()
    {
        using var response = await browser.Api.GetAsync(new Uri("/skills", UriKind.Relative));

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"/js/app.js\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
