using SkillScope.Ingest;
using SkillScope.Model;

using SkillScope.Tests.Support;

namespace SkillScope.Tests.Ingest;

/// <summary>
/// Fixed-seed random mutations of the HN fixtures (byte flips, truncations, deletions, duplications, inserted JSON,
/// HTML and table tokens), read by both HN readers: no exception may escape Read(), and every row is a record, a
/// rejection with a reason, or a skipped comment with its reason, numbered in order.
/// </summary>
public class HnFuzzTests
{
    private static readonly string[] Tokens =
    [
        "\"", "{", "}", "[", "]", ",", ":", "\\", "\\u", "\\ud800", "null", "1e999", "-1", "true", "\n", "\r\n", "\u0000", "\uD800", "é", "日本",
        "<p>", "<a href=\"x\">", "&#x2F;", "&amp;", "|", "\\|", "| --- |", " | REMOTE | ", "$150K-$200K", "EUR 80k", "\"id\":", "\"time\":99999999999999,",
        "\"text\":7,", "\"deleted\":true,", "\"jobs\":[", "Engineer, Data Scientist, ", "(3 days in office)", "[deleted]", "| full-time | ", "| yes |",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var fixture in (string[])["hn-api-items.json", "variant-a-2025-April.md", "variant-b-2023-April.md", "variant-c-2024-July.md", "variant-d-2024-August.md"])
        {
            foreach (var format in (string[])["hn", "hn-table"])
            {
                data.Add(fixture, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mutated_fixtures_never_throw_and_never_drop_a_row_silently(string fixture, string formatName)
    {
        var format = FormatRegistry.Find(formatName)!;
        var original = File.ReadAllText(SharedData.Repo("tests/SkillScope.Tests/Fixtures/hn/" + fixture));
        var own = fixture.EndsWith(".json", StringComparison.Ordinal) == (formatName == "hn");
        var cases = own ? 600 : 100;
        var random = new Random(Stable(fixture + formatName));
        for (var i = 0; i < cases; i++)
        {
            var mutated = Mutate(original, random);
            List<SourceRow> rows;
            try
            {
                using var reader = new StringReader(mutated);
                rows = [.. format.Read(reader, new FormatContext("2024/August.md"))];
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {i} of {fixture} with {formatName} threw {ex.GetType().Name}: {ex.Message}\n--- input ---\n{mutated}");
                return;
            }

            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                Assert.True(row.Record is null != row.Error is null, $"case {i}: row {r} must be a record, a rejection or a skip with a reason");
                Assert.Equal(r + 1, row.Position);
                Assert.NotNull(row.RawText);
                Assert.True(row.Line >= 1, $"case {i}: row {r} line {row.Line}");
            }
        }
    }

    private static string Mutate(string text, Random random) => TextMutation.Mutate(text, random, Tokens);

    private static int Stable(string s)
    {
        var h = 17;
        foreach (var c in s)
        {
            h = unchecked((h * 31) + c);
        }

        return h;
    }
}
