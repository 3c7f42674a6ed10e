using SkillScope.Ingest;
using SkillScope.Ingest.Web;
using SkillScope.Model;

namespace SkillScope.Tests.Web;

public class LimitsTests
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    private static (List<SourceRow> Rows, long Allocated) ReadGenerated(IRecordFormat format, string prefix, string suffix, string fileName)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        using var reader = new GeneratedReader(prefix, 'x', FiftyMegabytes, suffix);
        var rows = format.Read(reader, new FormatContext(fileName)).ToList();
        return (rows, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_50_MB_board_description_rejects_that_job_and_the_next_job_is_read()
    {
        var (rows, allocated) = ReadGenerated(new GreenhouseFormat(),
            """{"jobs":[{"id":1,"title":"Huge","content":" """, """ "},{"id":2,"title":"Data Engineer"}],"meta":{"total":2}}""", "board.json");

        Assert.Equal(2, rows.Count);
        Assert.Equal("record larger than the 4 Mi-character limit; not read (first 2048 characters kept)", rows[0].Error);
        Assert.Equal(2048, rows[0].RawText.Length);
        Assert.Equal("Data Engineer", rows[1].Record!.Title);
        // 50 Mi characters would be 100 MB as a string: the reader held at most one capped record.
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_50_MB_jsonld_line_is_rejected_and_the_next_line_read()
    {
        var (rows, allocated) = ReadGenerated(new JobPostingFormat(),
            """{"@type":"JobPosting","title":"Huge","description":" """, "\"}\n{\"@type\":\"JobPosting\",\"title\":\"Data Analyst\"}\n", "export.jsonl");

        Assert.Equal(2, rows.Count);
        Assert.StartsWith("record larger than the 4 Mi-character limit", rows[0].Error, StringComparison.Ordinal);
        Assert.Equal("Data Analyst", rows[1].Record!.Title);
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_50_MB_pretty_printed_jsonld_value_is_rejected_and_the_next_read()
    {
        var (rows, _) = ReadGenerated(new JobPostingFormat(),
            "[\n {\"@type\":\"JobPosting\",\n  \"title\":\"Huge\",\"description\":\"", "\"},\n {\"@type\":\"JobPosting\",\"title\":\"Data Analyst\"}\n]\n", "postings.json");

        Assert.Equal(2, rows.Count);
        Assert.StartsWith("record larger than", rows[0].Error, StringComparison.Ordinal);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal("Data Analyst", rows[1].Record!.Title);
    }

    [Fact]
    public void A_50_MB_html_page_is_one_rejected_row()
    {
        var (rows, allocated) = ReadGenerated(new JobPostingFormat(),
            "<html><body><script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"description\":\"", "\"}</script></body></html>", "page.html");

        var row = Assert.Single(rows);
        Assert.Equal("HTML page larger than the 16 Mi-character limit; not parsed", row.Error);
        Assert.True(allocated < 160L * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Limits_are_configurable_so_a_record_just_over_the_cap_is_rejected()
    {
        var format = new LeverFormat(new WebLimits { MaxRecordChars = 100, MaxSnippetChars = 10 });
        var small = """{"id":"a","text":"ML Engineer"}""";
        var big = $$"""{"id":"b","text":"{{new string('x', 100)}}"}""";

        var rows = WebFixtures.ReadText(format, $"[{small},{big},{small}]");

        Assert.Equal([null, "record larger than the 0 Mi-character limit; not read (first 10 characters kept)", null], rows.Select(r => r.Error));
        Assert.Equal("{\"id\":\"b\",", rows[1].RawText);
    }

    [Fact]
    public void Deeply_nested_html_in_a_description_does_not_exhaust_the_stack()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 100_000));

        Assert.Equal("deep", new HtmlText().ToText(html));
    }

    [Fact]
    public void A_deeply_nested_page_still_yields_its_jsonld_posting()
    {
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000))
            + "\n<script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"Data Engineer\"}</script>"
            + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";

        var rows = WebFixtures.ReadText(new JobPostingFormat(), page, "page.html");

        Assert.Equal("Data Engineer", WebFixtures.Single(rows).Title);
        Assert.Equal(2, rows[0].Line);
    }

    [Theory]
    [InlineData("<p>SQL &amp; Python</p><ul><li>A/B testing</li><li>dbt</li></ul><p>Apply<br>now</p>", "SQL & Python\n\n- A/B testing\n- dbt\n\nApply\nnow")]
    [InlineData("<div>One<script>var x = 1;</script></div><div>Two</div>", "One\nTwo")]
    public void The_linear_fallback_gives_the_same_text_as_the_parser(string html, string expected)
    {
        Assert.Equal(expected, new HtmlText().ToText(html));
        Assert.Equal(expected, HtmlText.StripTags(html));
    }

    [Fact]
    public void Deeply_nested_json_is_a_rejected_record_not_a_crash()
    {
        var json = "[" + new string('[', 10_000) + new string(']', 10_000) + ",{\"id\":\"a\",\"text\":\"ML Engineer\"}]";

        var rows = WebFixtures.ReadText(new LeverFormat(), json);

        Assert.Equal(2, rows.Count);
        Assert.StartsWith("malformed JSON", rows[0].Error, StringComparison.Ordinal);
        Assert.Equal("ML Engineer", rows[1].Record!.Title);
    }
}
