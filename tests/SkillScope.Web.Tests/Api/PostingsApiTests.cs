using System.Text.Json;
using SkillScope.Skills;
using SkillScope.Web.Tests.Support;

namespace SkillScope.Web.Tests.Api;

public sealed class PostingsApiTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task Search_requires_every_word_of_the_query()
    {
        var page = await api.GetJsonAsync("/api/postings?q=data%20engineer&pageSize=25");

        Assert.True(page.Long("total") > 0);
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            var detail = await api.GetJsonAsync($"/api/postings/{item.Long("id")}");
            var record = detail.GetProperty("record");
            var text = string.Join(' ', new[] { "title", "company", "locationText", "description" }
                .Select(p => record.GetProperty(p).ValueKind == JsonValueKind.String ? record.Text(p) : "")).ToUpperInvariant();
            Assert.Contains("DATA", text, StringComparison.Ordinal);
            Assert.Contains("ENGINEER", text, StringComparison.Ordinal); // stemmed: engineer, engineering
        }
    }

    [Theory]
    [InlineData("data", 1)]
    [InlineData("data", 3)]
    [InlineData("machine%20learning", 2)]
    public async Task Text_alone_and_text_with_a_filter_that_keeps_everything_list_the_same_records(string q, int page)
    {
        // Text alone is counted and ranked from the full-text index only; any filter joins the records table.
        var alone = await api.GetJsonAsync($"/api/postings?q={q}&page={page}&pageSize=30");
        var joined = await api.GetJsonAsync($"/api/postings?q={q}&page={page}&pageSize=30&kind=posting,salary_report");

        Assert.True(alone.Long("total") > 90);
        Assert.Equal(alone.Long("total"), joined.Long("total"));
        Assert.Equal(alone.GetProperty("items").GetRawText(), joined.GetProperty("items").GetRawText());
    }

    [Fact]
    public async Task Search_snippets_mark_the_matched_words()
    {
        var page = await api.GetJsonAsync("/api/postings?q=tableau&kind=posting");
        var first = page.GetProperty("items")[0];

        Assert.Contains("\u0002Tableau\u0003", first.Text("snippet"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Paging_walks_through_the_results_without_repeats()
    {
        var one = await api.GetJsonAsync("/api/postings?kind=posting&source=usajobs&pageSize=50");
        var two = await api.GetJsonAsync("/api/postings?kind=posting&source=usajobs&pageSize=50&page=2");
        var ids = one.GetProperty("items").EnumerateArray().Concat(two.GetProperty("items").EnumerateArray()).Select(i => i.Long("id")).ToList();

        Assert.Equal(100, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(50, two.Long("offset"));
    }

    [Fact]
    public async Task A_merged_posting_shows_every_source_row_it_came_from()
    {
        var (id, rows) = MostMerged(api.Db);
        var detail = await api.GetJsonAsync($"/api/postings/{id}");
        var appearances = detail.GetProperty("appearances").EnumerateArray().ToList();

        Assert.True(rows > 1, "the test database should hold merged duplicates");
        Assert.Equal(rows, appearances.Count);
        Assert.Equal(rows, appearances.Select(a => (a.Text("fileSha256"), a.Long("position"))).Distinct().Count());
        Assert.All(appearances, a => Assert.True(File.Exists(a.Text("file")), a.Text("file")));
    }

    [Fact]
    public async Task Skill_mentions_point_at_the_names_in_the_text_and_match_the_indexed_skills()
    {
        var top = (await api.GetJsonAsync("/api/skills?source=usajobs&top=1&includeSnippets=true")).GetProperty("skills")[0].Text("skill");
        var page = await api.GetJsonAsync($"/api/postings?kind=posting&skill={top}&source=usajobs&pageSize=5");
        Assert.True(page.Long("total") > 0);
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            var detail = await api.GetJsonAsync($"/api/postings/{item.Long("id")}");
            var record = detail.GetProperty("record");
            var mentions = detail.GetProperty("mentions").EnumerateArray().ToList();
            foreach (var mention in mentions)
            {
                var field = mention.Text("field") == "title" ? record.Text("title") : record.Text("description");
                var surface = field[mention.GetProperty("start").GetInt32()..mention.GetProperty("end").GetInt32()];
                var skill = SkillTaxonomy.Default.Find(mention.Text("skill"))!;
                Assert.Contains(skill.Aliases.Append(skill.Name), name => string.Equals(name, surface, StringComparison.OrdinalIgnoreCase));
            }

            var mentioned = mentions.Select(m => m.Text("skill")).Distinct().Order(StringComparer.Ordinal);
            var indexed = detail.GetProperty("skills").EnumerateArray().Select(s => s.Text("skill")).Order(StringComparer.Ordinal);
            Assert.Equal(indexed, mentioned);
        }
    }

    private static (long Id, long Rows) MostMerged(string db)
    {
        using var store = SkillScope.Store.SkillStore.OpenReadOnly(db);
        using var command = store.Command("SELECT record_id, COUNT(*) AS n FROM record_sources GROUP BY record_id ORDER BY n DESC, record_id LIMIT 1");
        using var reader = command.ExecuteReader();
        reader.Read();
        return (SkillScope.Store.Sql.Long(reader, 0), SkillScope.Store.Sql.Long(reader, 1));
    }
}
