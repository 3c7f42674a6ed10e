using System.Text;
using SkillScope.Ingest;
using SkillScope.Model;
using SkillScope.Normalize;

namespace SkillScope.Tests.Ingest;

/// <summary>Issue 16 items 2 and 7: the generic JSON Lines reader's caps, decoding, quoting, dates and pay signs.</summary>
public class HostileInputTests
{
    [Fact]
    public void A_json_lines_record_over_the_cap_is_rejected_unread_and_keeps_only_a_snippet()
    {
        var huge = "{\"title\":\"ML Engineer\",\"description\":\"" + new string('a', 5 * 1024 * 1024) + "\"}";
        var rows = IngestKit.ReadText("jsonl", huge + "\n{\"title\":\"Data Scientist\"}\n");

        Assert.Equal(2, rows.Count);
        Assert.Contains("4 Mi-character limit", rows[0].Error, StringComparison.Ordinal);
        Assert.True(rows[0].RawText.Length <= 2048, $"{rows[0].RawText.Length} characters kept");
        Assert.Equal("Data Scientist", rows[1].Record().Title);
        Assert.Equal(2, rows[1].Line);
    }

    [Fact]
    public void A_rejected_json_line_keeps_only_its_first_characters_in_the_quarantine()
    {
        var rows = IngestKit.ReadText("jsonl", "[" + new string('1', 100_000) + "\n");

        Assert.NotNull(rows[0].Error);
        Assert.True(rows[0].RawText.Length <= 2048, $"{rows[0].RawText.Length} characters kept");
    }

    [Fact]
    public void One_invalid_byte_in_a_utf8_file_is_replaced_in_its_line_and_reported()
    {
        using var temp = new TempFolder();
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("title,company,location\nIngénieur données,Société,Zürich\nData Engineer,Acme "));
        bytes.Add(0xFF);
        bytes.AddRange(Encoding.UTF8.GetBytes(",Köln\n"));
        var path = temp.Write("mixed.csv", bytes.ToArray());

        var file = TextDecoding.Inspect(path);
        var (_, rows) = IngestKit.ReadFile(path, "csv");

        Assert.Equal("utf-8", file.EncodingName);
        Assert.Contains("1 invalid UTF-8 byte (first on line 3)", file.Warning, StringComparison.Ordinal);
        Assert.Equal("Ingénieur données", rows[0].Record().Title);
        Assert.Equal("Acme \uFFFD", rows[1].Record().Company);
        Assert.Equal("Köln", rows[1].Record().Location);
    }

    [Fact]
    public void A_file_with_no_utf8_at_all_is_still_read_as_windows_1252()
    {
        using var temp = new TempFolder();
        var path = temp.Write("latin.csv", Encoding.Latin1.GetBytes("title,company\nIngénieur,Société\n"));

        var file = TextDecoding.Inspect(path);

        Assert.Equal("windows-1252", file.EncodingName);
        Assert.Null(file.Warning);
    }

    [Theory]
    [InlineData("title,company\nData Scientist,Acme\nML Engineer,\"Unclosed", 3)]
    [InlineData("title,company\nData Scientist,Acme\nML Engineer,\"Unclosed\n", 3)]
    public void An_unclosed_quote_on_the_last_line_is_reported_as_such_on_that_line(string csv, long line)
    {
        var rows = IngestKit.ReadText("csv", csv);

        Assert.Equal("Data Scientist", rows[0].Record().Title);
        var last = rows[^1];
        Assert.Contains("never closed", last.Error, StringComparison.Ordinal);
        Assert.Equal(line, last.Line);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public void A_placeholder_date_is_rejected_by_every_reader_with_the_same_reason(string date)
    {
        var csv = IngestKit.ReadText("csv", $"title,posted_date\nData Scientist,{date}\n");
        var jsonl = IngestKit.ReadText("jsonl", $"{{\"title\":\"Data Scientist\",\"posted_date\":\"{date}\"}}\n");
        var jobposting = IngestKit.ReadText("jobposting", $"{{\"@context\":\"https://schema.org\",\"@type\":\"JobPosting\",\"title\":\"Data Scientist\",\"datePosted\":\"{date}\"}}\n");

        foreach (var row in (SourceRow[])[csv[0], jsonl[0], jobposting[0]])
        {
            var reason = row.Error ?? RecordNormalizer.Normalize(row.Record!, FxRates.Default).Error;
            Assert.True(reason is not null, $"{date} was accepted");
        }

        var normalized = RecordNormalizer.Normalize(csv[0].Record(), FxRates.Default);
        Assert.Contains("outside 1990-2100", normalized.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-$5 an hour")]
    [InlineData("−5 USD per hour")]
    [InlineData("$-60,000 a year")]
    public void A_negative_pay_text_is_flagged_not_turned_positive(string text)
    {
        var parsed = SalaryParser.Parse(text);

        Assert.Null(parsed.Salary);
        Assert.Contains("negative", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pay_range_with_a_dash_is_still_a_range()
    {
        var parsed = SalaryParser.Parse("$50 - $60 an hour");

        Assert.NotNull(parsed.Salary);
    }

    [Theory]
    [InlineData("-5", "is negative; pay cannot be below zero")]
    [InlineData("NaN", "NaN or infinity")]
    public void Negative_and_nan_pay_amounts_get_messages_that_say_what_is_wrong(string amount, string expected)
    {
        var rows = IngestKit.ReadText("csv", $"title,salary_min,salary_max\nData Scientist,{amount},100\n");

        Assert.Contains(expected, rows[0].Error, StringComparison.Ordinal);
        Assert.DoesNotContain("-5' is not a number", rows[0].Error, StringComparison.Ordinal);
    }
}
