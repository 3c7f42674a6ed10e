using System.Text.Json;
using SkillScope.Skills;
using SkillScope.Store;
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

    [Theory]
    [InlineData("data", 3, 45)]
    [InlineData("data", 2, 100)]
    [InlineData("engineer", 7, 17)]
    [InlineData("engineer&sort=salary", 4, 30)]
    public async Task A_page_read_from_the_ranking_its_search_shares_lists_the_records_a_search_for_that_page_alone_finds(string q, int page, int pageSize)
    {
        // The server ranks a window of results once for all pages of a search; every page must be what ranking it alone gives.
        await api.GetJsonAsync($"/api/postings?q={q}&page=1&pageSize=20");
        var served = await api.GetJsonAsync($"/api/postings?q={q}&page={page}&pageSize={pageSize}");

        using var store = SkillStore.OpenReadOnly(api.Db);
        var words = q.Split('&')[0];
        var alone = PostingSearch.Search(store, new PostingQuery
        {
            Text = words,
            Sort = q.Contains("sort=salary", StringComparison.Ordinal) ? PostingSort.Salary : PostingSort.Relevance,
            Offset = (page - 1) * pageSize,
            Limit = pageSize,
        });
        Assert.Equal(alone.Total, served.Long("total"));
        Assert.Equal(pageSize, alone.Items.Count);
        Assert.Equal(alone.Items.Select(i => i.Id), served.GetProperty("items").EnumerateArray().Select(i => i.Long("id")));
    }

    [Fact]
    public void A_ranking_serves_only_the_pages_it_covers()
    {
        using var store = SkillStore.OpenReadOnly(api.Db);
        var query = new PostingQuery { Text = "data", Offset = 100, Limit = 100 };
        var ranking = PostingSearch.Rank(store, query);

        Assert.Equal(20, PostingSearch.Page(store, query with { Offset = 180, Limit = 20 }, ranking).Items.Count);
        Assert.Throws<ArgumentException>(() => PostingSearch.Page(store, query with { Offset = 90, Limit = 20 }, ranking));
        Assert.Throws<ArgumentException>(() => PostingSearch.Page(store, query with { Offset = 190, Limit = 20 }, ranking));
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
        using var store = SkillStore.OpenReadOnly(db);
        using var command = store.Command("SELECT record_id, COUNT(*) AS n FROM record_sources GROUP BY record_id ORDER BY n DESC, record_id LIMIT 1");
        using var reader = command.ExecuteReader();
        reader.Read();
        return (Sql.Long(reader, 0), Sql.Long(reader, 1));
    }
}
