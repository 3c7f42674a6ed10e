using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Api;

/// <summary>
/// Every figure of a report can be listed: the postings search with the report's filters plus the cell's own
/// condition returns exactly as many records as the cell counts (the dashboard links each cell that way).
/// </summary>
public sealed class CellTraceTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static readonly (string Section, string Parameter)[] MarketSections =
    [
        ("byKind", "kind"), ("bySeniority", "seniority"), ("byRole", "role"), ("byEmploymentType", "employmentType"),
        ("byWorkArrangement", "arrangement"), ("topCountries", "country"), ("topCompanies", "company"), ("topMetros", "metro"),
    ];

    [Theory]
    [InlineData("")]
    [InlineData("kind=posting")]
    [InlineData("kind=salary_report&seniority=senior,lead&since=2023")]
    [InlineData("source=hostile-fixture")]
    public async Task Every_market_figure_lists_the_records_it_counts(string filters)
    {
        var report = await api.GetJsonAsync("/api/market?" + filters);
        // Survey and posting pay are never pooled: the usable salaries are the sum over the provenances.
        var usable = report.GetProperty("salaryByProvenance").EnumerateArray().Sum(p => p.GetProperty("salary").Long("n"));
        if (report.GetProperty("salaryUsd").ValueKind != System.Text.Json.JsonValueKind.Null)
        {
            Assert.Equal(report.GetProperty("salaryUsd").Long("n"), report.GetProperty("salaryByProvenance").GetArrayLength() == 0 ? 0 : usable);
        }

        var checks = new List<(string Query, long Expected)>
        {
            (filters, report.Long("total")),
            (Query.With(filters, ("salary", "usable")), usable),
            (Query.With(filters, ("salary", "flagged")), report.Long("salaryFlagged")),
        };
        foreach (var (section, parameter) in MarketSections)
        {
            checks.AddRange(report.GetProperty(section).EnumerateArray()
                .Select(row => (Query.With(filters, (parameter, row.Text("key"))), row.Long("count"))));
        }

        Assert.True(checks.Count > 10, "the report has too few figures to check");
        await AssertCountsAsync(checks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("role=data_scientist,data_analyst")]
    [InlineData("since=2026-01-01")]
    public async Task Every_skill_figure_lists_the_postings_it_counts(string filters)
    {
        var report = await api.GetJsonAsync($"/api/skills?top=12&coSkills=sql&compare=2025,2026&includeSnippets=true&{filters}");
        var postings = Query.With(filters, ("kind", "posting"));
        var checks = new List<(string Query, long Expected)>
        {
            (Query.With(postings, ("text", "with")), report.Long("postings")),
            (Query.With(postings, ("text", "without")), report.Long("postingsWithoutText")),
        };
        // By default only full descriptions count; each left-out kind is listed by its own textKind.
        var full = await api.GetJsonAsync($"/api/skills?top=12&{filters}");
        checks.Add((Query.With(postings, ("textKind", "full")), full.Long("postings")));
        checks.AddRange(full.GetProperty("skills").EnumerateArray()
            .Select(row => (Query.With(postings, ("textKind", "full"), ("skill", row.Text("skill"))), row.Long("postings"))));
        checks.AddRange(full.GetProperty("leftOut").EnumerateArray()
            .Select(row => (Query.With(postings, ("textKind", row.Text("textKind"))), row.Long("postings"))));
        checks.AddRange(report.GetProperty("skills").EnumerateArray()
            .Select(row => (Query.With(postings, ("skill", row.Text("skill"))), row.Long("postings"))));
        checks.AddRange(report.GetProperty("categories").EnumerateArray()
            .Select(row => (Query.With(postings, ("category", row.Text("category"))), row.Long("postings"))));
        checks.AddRange(report.GetProperty("coSkills").EnumerateArray()
            .Select(row => (Query.With(postings, ("skill", "sql," + row.Text("skill"))), row.Long("together"))));
        foreach (var (period, column) in new[] { ("periodA", "postingsA"), ("periodB", "postingsB") })
        {
            var range = report.GetProperty(period);
            var (since, until) = Narrow(filters, range.Text("from"), range.Text("to"));
            foreach (var row in report.GetProperty("trends").EnumerateArray())
            {
                // Every source's count in the period (compared or not) adds up to the postings naming the skill then.
                var inPeriod = row.GetProperty("sources").EnumerateArray().Sum(s => s.Long(column));
                if (string.CompareOrdinal(since, until) > 0)
                {
                    Assert.Equal(0, inPeriod); // the period lies outside the report's dates
                    continue;
                }

                checks.Add((Query.With(postings, ("skill", row.Text("skill")), ("since", since), ("until", until)), inPeriod));
            }
        }

        Assert.True(report.GetProperty("skills").GetArrayLength() > 0, "no skills to check");
        await AssertCountsAsync(checks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("by=role,country&kind=posting&includeEstimates=true")]
    [InlineData("by=country&seniority=senior,lead&since=2023")]
    public async Task Every_salary_band_lists_the_records_it_counts(string filters)
    {
        var report = await api.GetJsonAsync("/api/salaries?" + filters);
        // The bands' own options are not record filters; the cell's kind is the report's (salary reports by default).
        var records = string.Join('&', filters.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("by=", StringComparison.Ordinal) && !p.StartsWith("kind=", StringComparison.Ordinal)
                && !p.StartsWith("includeEstimates=", StringComparison.Ordinal)));
        var usable = Query.With(records, ("kind", report.Text("kind")), ("salary", "usable"));
        var checks = new List<(string Query, long Expected)> { (usable, report.Long("n")) };
        checks.AddRange(report.GetProperty("cells").EnumerateArray().Select(cell => (
            Query.With(usable, [.. cell.GetProperty("group").EnumerateObject().Select(g => (g.Name, g.Value.GetString() ?? ""))]),
            cell.Long("n"))));

        Assert.True(checks.Count > 3, "the report has too few cells to check");
        await AssertCountsAsync(checks);
    }

    // A period's column counts the postings inside both the period and the report's own since/until.
    private static (string Since, string Until) Narrow(string filters, string from, string to)
    {
        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + filters);
        var since = parsed.TryGetValue("since", out var s) ? s.ToString() : null;
        var until = parsed.TryGetValue("until", out var u) ? u.ToString() : null;
        return (since is not null && string.CompareOrdinal(since, from) > 0 ? since : from,
                until is not null && string.CompareOrdinal(until, to) < 0 ? until : to);
    }

    private async Task AssertCountsAsync(List<(string Query, long Expected)> checks)
    {
        var failures = new List<string>();
        foreach (var (query, expected) in checks)
        {
            var page = await api.GetJsonAsync("/api/postings?pageSize=1&" + query);
            if (page.Long("total") != expected)
            {
                failures.Add($"{query}: report says {expected}, postings search lists {page.Long("total")}");
            }
        }

        Assert.Empty(failures);
    }
}
