using System.Text;
using SkillScope.Ingest;

namespace SkillScope.Tests.Ingest;

/// <summary>Bad rows become rejected rows with their line and raw text; reading goes on after them.</summary>
public class MalformedInputTests
{
    // Rows from the CC0 ai-jobs.net survey, damaged on purpose.
    private const string Header =
        "work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size\n";

    private const string Good = "2024,SE,FT,Data Scientist,150000,USD,150000,US,0,US,M\n";

    [Fact]
    public void Wrong_field_count_is_rejected_with_its_line_and_raw_text()
    {
        var rows = IngestKit.ReadText("aijobs", Header + Good + "2024,SE,FT,Data Scientist,150000,USD,150000,US,0,US\n" + Good);

        Assert.Equal(3, rows.Count);
        var bad = rows[1];
        Assert.Equal((2L, 3L), (bad.Position, bad.Line));
        Assert.Null(bad.Record);
        Assert.Equal("expected 11 fields as in the header, found 10", bad.Error);
        Assert.Equal("2024,SE,FT,Data Scientist,150000,USD,150000,US,0,US", bad.RawText);
        Assert.Equal((3L, 4L), (rows[2].Position, rows[2].Line));
        Assert.NotNull(rows[2].Record);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Unbalanced_quote_costs_one_row_and_the_rows_after_it_are_read_again(string fileEnd)
    {
        var text = Header + Good
            + "2024,SE,FT,\"Data Scientist,150000,USD,150000,US,0,US,M\n"
            + "2024,MI,FT,ML Engineer,120000,USD,120000,US,100,US,M\n"
            + "2023,EN,PT,Data Analyst,50000,EUR,53000,DE,50,DE,S" + fileEnd;

        var rows = IngestKit.ReadText("aijobs", text);

        Assert.Equal(4, rows.Count);
        Assert.Equal((2L, 3L), (rows[1].Position, rows[1].Line));
        Assert.StartsWith("unterminated quoted field", rows[1].Error, StringComparison.Ordinal);
        Assert.Equal("2024,SE,FT,\"Data Scientist,150000,USD,150000,US,0,US,M", rows[1].RawText);
        Assert.Equal((3L, 4L, "ML Engineer"), (rows[2].Position, rows[2].Line, rows[2].Record().Title));
        Assert.Equal((4L, 5L, "hybrid"), (rows[3].Position, rows[3].Line, rows[3].Record().WorkArrangementHint));
    }

    [Fact]
    public void Unbalanced_quote_before_later_quoted_fields_costs_the_rows_up_to_the_next_quote()
    {
        var text = "id,title,company,location,description,time_posted\n"
            + "a1,Data Scientist,Acme,Oakland,\"fine\",1 day ago\n"
            + "a2,Data Scientist,Acme,Oakland,\"broken,1 day ago\n"
            + "a3,ML Engineer,Acme,Oakland,plain,2 days ago\n"
            + "a4,ML Engineer,Acme,Oakland,\"quoted\",3 days ago\n"
            + "a5,Analyst,Acme,Oakland,plain,4 days ago\n";

        var rows = IngestKit.ReadText("indeed", text);

        Assert.Equal(["a1", null, "a5"], rows.Select(r => r.Record?.SourceId));
        Assert.Equal([2L, 3, 6], rows.Select(r => r.Line));
        Assert.NotNull(rows[1].Error);
        Assert.Contains("a4,ML Engineer", rows[1].RawText, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_quote_right_after_another_malformed_multi_line_record_is_still_recovered()
    {
        var text = "id,title,company,location,description,time_posted\n"
            + "a1,Data Scientist,Acme,Oakland,\"two\nlines\"x,1 day ago\n"
            + "a2,Data Scientist,Acme,Oakland,\"never closed,1 day ago\n"
            + "a3,ML Engineer,Acme,Oakland,plain,2 days ago\n";

        var rows = IngestKit.ReadText("indeed", text);

        Assert.Equal([2L, 4, 5], rows.Select(r => r.Line));
        Assert.StartsWith("malformed quoting", rows[0].Error, StringComparison.Ordinal);
        Assert.StartsWith("unterminated quoted field", rows[1].Error, StringComparison.Ordinal);
        Assert.Equal("a3", rows[2].Record().SourceId);
    }

    [Fact]
    public void Quote_inside_an_unquoted_field_is_malformed_quoting()
    {
        var rows = IngestKit.ReadText("aijobs", Header + "2024,SE,FT,Data \"Scientist,150000,USD,150000,US,0,US,M\n" + Good);

        Assert.Equal(2, rows.Count);
        Assert.Equal(2L, rows[0].Line);
        Assert.StartsWith("malformed quoting", rows[0].Error, StringComparison.Ordinal);
        Assert.NotNull(rows[1].Record);
    }

    [Fact]
    public void Binary_junk_in_a_text_file_is_a_rejected_row_not_a_crash()
    {
        using var folder = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes(Header + Good)
            .Concat(new byte[] { 0x00, 0x01, 0x02, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A })
            .Concat(Encoding.UTF8.GetBytes(Good + Good + Good)).ToArray();
        var path = folder.Write("survey.csv", bytes);

        var (format, rows) = IngestKit.ReadFile(path);

        Assert.Equal("aijobs", format.Name);
        Assert.Equal(5, rows.Count);
        Assert.Equal((2L, 3L), (rows[1].Position, rows[1].Line));
        Assert.Equal("binary data in the record (control character U+0000)", rows[1].Error);
        Assert.Equal(4, rows.Count(r => r.Record is not null));
    }

    [Fact]
    public void Survey_rows_with_bad_values_are_rejected_with_the_reason()
    {
        var rows = IngestKit.ReadText("aijobs", Header
            + "2024,SE,FT,Data Scientist,lots,USD,150000,US,0,US,M\n"
            + "2024,XX,FT,Data Scientist,150000,USD,150000,US,0,US,M\n"
            + "2024,SE,ZZ,Data Scientist,150000,USD,150000,US,0,US,M\n"
            + "2024,SE,FT,Data Scientist,150000,USD,150000,US,25,US,M\n"
            + "2024,SE,FT,Data Scientist,150000,usd,150000,US,0,US,M\n"
            + "2024,SE,FT,Data Scientist,150000,USD,150000,US,0,USA,M\n"
            + "2024,SE,FT,Data Scientist,150000,USD,150000,US,0,US,XL\n"
            + "year,SE,FT,Data Scientist,150000,USD,150000,US,0,US,M\n"
            + "2024,SE,FT,,150000,USD,150000,US,0,US,M\n");

        Assert.Equal(
        [
            "salary 'lots' is not a number",
            "experience_level 'XX' is not EN, MI, SE or EX",
            "employment_type 'ZZ' is not FT, PT, CT or FL",
            "remote_ratio '25' is not 0, 50 or 100",
            "salary_currency 'usd' is not an ISO 4217 code",
            "company_location 'USA' is not an ISO 3166 country code",
            "company_size 'XL' is not S, M or L",
            "work_year 'year' is not a year",
            "missing job_title",
        ], rows.Select(r => r.Error));
        Assert.Equal(Enumerable.Range(2, 9).Select(i => (long)i), rows.Select(r => r.Line));
    }

    [Fact]
    public void Multi_line_fields_keep_line_numbers_of_later_rows_exact()
    {
        var rows = IngestKit.ReadText("indeed",
            "id,title,company,location,description,time_posted\r\n"
            + "a1,Data Scientist,Acme,\"Oakland, CA\",\"line one\r\nline two\r\n\r\nline four\",1 day ago\r\n"
            + "\r\n"
            + "a2,ML Engineer,Acme,\"Oakland, CA\",short,2 days ago\r\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal((1L, 2L, "line one\r\nline two\r\n\r\nline four"), (rows[0].Position, rows[0].Line, rows[0].Record().Description));
        Assert.Equal((2L, 7L, "a2"), (rows[1].Position, rows[1].Line, rows[1].Record().SourceId));
    }

    [Fact]
    public void A_forced_format_whose_columns_are_missing_is_a_read_error()
    {
        var error = Assert.Throws<ReadError>(() => IngestKit.ReadText("glassdoor", Header + Good));

        Assert.Equal(
            "test.csv: the header lacks 'Job Title', 'Salary Estimate', 'Job Description', 'Company Name', 'Location', 'Size' required by format 'glassdoor'; check --format, or leave it out to detect the format.",
            error.Message);
    }

    [Fact]
    public void An_empty_file_read_with_a_forced_format_is_a_read_error()
    {
        var error = Assert.Throws<ReadError>(() => IngestKit.ReadText("usajobs", ""));

        Assert.Equal("test.csv: the file is empty; format 'usajobs' expects a CSV header line.", error.Message);
    }

    [Fact]
    public void A_header_only_file_has_no_rows()
    {
        Assert.Empty(IngestKit.ReadText("aijobs", Header));
    }

    [Fact]
    public void Random_damage_never_throws_and_never_loses_a_line()
    {
        // Fixed seed: damage survey rows with quotes, commas, line breaks and control characters.
        var random = new Random(7);
        var lines = File.ReadLines(SharedData.Repo("data/samples/aijobs_salaries_2025-01-19.csv")).Skip(1).Take(300).ToList();
        const string junk = "\",\n\u0001x";
        for (var round = 0; round < 50; round++)
        {
            var damaged = lines.Select(line =>
            {
                if (random.Next(10) != 0)
                {
                    return line;
                }

                var at = random.Next(line.Length);
                return line[..at] + junk[random.Next(junk.Length)] + line[at..];
            });
            var text = Header + string.Join("\n", damaged) + "\n";

            var rows = IngestKit.ReadText("aijobs", text);

            // Every record is a row (read or rejected), in order, and together they cover the text.
            Assert.NotEmpty(rows);
            Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long)i), rows.Select(r => r.Position));
            Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Line < p.Second.Line), "lines must increase");
            var covered = rows.Sum(r => r.RawText.Count(c => c is not ('\n' or '\r')));
            var data = text[Header.Length..].Count(c => c is not ('\n' or '\r'));
            Assert.True(covered == data, $"round {round}: rows hold {covered} characters of {data}");
            var textLines = text.Split('\n');
            Assert.All(rows, r => Assert.Equal(textLines[r.Line - 1], r.RawText.Split('\n')[0]));
        }
    }
}
