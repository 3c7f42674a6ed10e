using SkillScope.Ingest;
using SkillScope.Ingest.Web;
using SkillScope.Model;

using SkillScope.Tests.Support;

namespace SkillScope.Tests.Web;

/// <summary>
/// Fixed-seed random mutations of every fixture (byte flips, truncations, deletions, duplications,
/// inserted JSON/HTML tokens), read by every web reader: no exception may escape Read(), and every
/// row is a record or a rejection with a reason, numbered in order.
/// </summary>
public class FuzzTests
{
    private static readonly string[] Fixtures =
    [
        "greenhouse-jobs.json", "lever-postings.json", "ashby-job-board.json", "jobposting-full.jsonld", "jobposting-graph.html",
        "jobposting-two-postings.html", "jobposting-array.json", "jobposting-mixed.jsonl", "jobposting-no-jsonld.html",
        "expected/export-jobposting.jsonl",
    ];

    private static readonly string[] Tokens =
    [
        "\"", "{", "}", "[", "]", ",", ":", "\\", "\\u", "\\ud800", "null", "1e999", "-0", "true", "\n", "\r\n", "\u0000", "\uD800", "\uDC00", "é", "日本",
        "<", ">", "&amp;", "&#x0;", "</script>", "<script type=\"application/ld+json\">", "\"@type\":\"JobPosting\",", "\"@graph\":[", "\"@id\":\"x\"",
        "<![CDATA[", "<!--", "\"title\":7,", "\"jobs\":[", "\"min_cents\":\"x\",", "\"createdAt\":-1,", "\"baseSalary\":[[[", "<div><div><li>",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var fixture in Fixtures)
        {
            foreach (var format in WebFormats.All)
            {
                data.Add(fixture, format.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mutated_fixtures_never_throw_and_never_drop_a_row_silently(string fixture, string formatName)
    {
        var format = WebFormats.All.Single(f => f.Name == formatName);
        var original = WebFixtures.Text(fixture);
        // The reader a fixture was written for gets many cases; the others a smaller share.
        var cases = fixture.Contains(formatName, StringComparison.Ordinal) ? 1500 : 150;
        var random = new Random(HashCode(fixture + formatName));
        for (var i = 0; i < cases; i++)
        {
            var mutated = Mutate(original, random);
            List<SourceRow> rows;
            try
            {
                using var reader = new StringReader(mutated);
                rows = format.Read(reader, new FormatContext(fixture)).ToList();
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {i} of {fixture} with {formatName} threw {ex.GetType().Name}: {ex.Message}\n--- input ---\n{mutated}");
                return;
            }

            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                Assert.True(row.Record is null != row.Error is null, $"case {i}: row {r} must be a record or a rejection");
                Assert.Equal(r + 1, row.Position);
                Assert.NotNull(row.RawText);
                Assert.True(row.Line >= 1, $"case {i}: row {r} line {row.Line}");
            }
        }
    }

    [Fact]
    public void Every_truncation_of_a_board_file_reads_the_complete_jobs_and_rejects_the_cut()
    {
        var text = WebFixtures.Text("lever-postings.json");
        var format = new LeverFormat();
        for (var cut = 0; cut < text.Length; cut += 7)
        {
            var rows = WebFixtures.ReadText(format, text[..cut]);
            var trimmed = text[..cut].TrimEnd();
            if (trimmed.EndsWith(']'))
            {
                continue;
            }

            Assert.NotEmpty(rows);
            Assert.NotNull(rows[^1].Error);
            Assert.All(rows.SkipLast(1), r => Assert.Null(r.Error));
        }
    }

    private static string Mutate(string text, Random random) => TextMutation.Mutate(text, random, Tokens);

    private static int HashCode(string s)
    {
        // Stable across runs (string.GetHashCode is randomized per process).
        var h = 17;
        foreach (var c in s)
        {
            h = unchecked(h * 31 + c);
        }

        return h;
    }
}
