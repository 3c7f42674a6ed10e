using System.Text;
using SkillScope.Ingest.Csv;

namespace SkillScope.Tests.Ingest;

/// <summary>Issue 16 item 7: a CSV field over the 16 Mi-character bound costs its record, not the file.</summary>
public class CsvFieldGuardTests
{
    [Fact]
    public void A_field_over_16_mi_characters_quarantines_its_record_and_the_rows_after_it_are_read_on_their_lines()
    {
        var description = new StringBuilder(CsvRowReader.MaxFieldChars + 200);
        description.Append("Line one of a huge description\nline two, with \"\"quotes\"\"\n");
        description.Append('x', CsvRowReader.MaxFieldChars);
        description.Append("\nthe end\n");
        var csv = "title,company,description\n"
            + "Data Scientist,Acme,short\n"
            + "ML Engineer,Huge Co,\"" + description + "\"\n"
            + "Data Engineer,Beta,\"two\nlines\"\n"
            + "Analyst,Gamma,last\n";

        var rows = IngestKit.ReadText("csv", csv);

        Assert.Equal(4, rows.Count);
        Assert.Equal(("Data Scientist", 2L), (rows[0].Record().Title, rows[0].Line));
        Assert.Contains("a field longer than 16,777,216 characters (record on lines 3-7)", rows[1].Error, StringComparison.Ordinal);
        Assert.Contains("the rest of the file is read", rows[1].Error, StringComparison.Ordinal);
        Assert.Equal(3, rows[1].Line);
        Assert.StartsWith("ML Engineer,Huge Co,", rows[1].RawText, StringComparison.Ordinal);
        Assert.True(rows[1].RawText.Length <= 2_049, $"{rows[1].RawText.Length} characters kept");
        Assert.Equal(("Data Engineer", 8L), (rows[2].Record().Title, rows[2].Line));
        Assert.Equal(("Analyst", 10L), (rows[3].Record().Title, rows[3].Line));
    }

    [Fact]
    public void An_unquoted_field_over_the_bound_costs_only_its_line()
    {
        var rows = Read("a,b\n1," + new string('y', 50) + ",z\n2,ok\r\n3,fine\n", max: 20);

        Assert.Equal(["a", "b"], rows[0].Fields);
        Assert.Contains("a field longer than 20 characters (record on lines 2-2)", rows[1].Problem, StringComparison.Ordinal);
        Assert.Equal(["2", "ok"], rows[2].Fields);
        Assert.Equal(3, rows[2].Line);
        Assert.Equal(["3", "fine"], rows[3].Fields);
        Assert.Equal(4, rows[3].Line);
    }

    [Fact]
    public void A_quote_never_closed_past_the_bound_is_named_as_such_with_its_lines()
    {
        var rows = Read("a,b\n1,ok\n2,\"runaway\n" + string.Concat(Enumerable.Repeat("3,never read\r\n", 10)), max: 40);

        Assert.Equal(3, rows.Count);
        Assert.Equal(["1", "ok"], rows[1].Fields);
        Assert.Equal(3, rows[2].Line);
        Assert.Contains("runs past 40 characters to the end of the file (lines 3-13; a quote that is never closed?)", rows[2].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Below_the_bound_the_guard_passes_every_character_through_unchanged()
    {
        var random = new Random(16);
        var alphabet = "ab,\"\r\n é";
        for (var round = 0; round < 200; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 400)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            using var guard = new CsvFieldGuard(new StringReader(text), int.MaxValue);

            var copy = new StringBuilder();
            var buffer = new char[random.Next(1, 64)];
            int read;
            while ((read = guard.Read(buffer, 0, buffer.Length)) > 0)
            {
                copy.Append(buffer, 0, read);
            }

            Assert.Equal(text, copy.ToString());
            Assert.False(guard.TryTakeCut(long.MaxValue, out _));
        }
    }

    // Fixed-seed fuzz: records with short and long fields (quoted with quotes, commas and line breaks inside, or not):
    // exactly the records with a long field are cut, the others come back whole on their own lines.
    [Fact]
    public void Random_records_lose_exactly_those_with_a_long_field_and_keep_their_line_numbers()
    {
        const int Max = 30;
        var random = new Random(1616);
        for (var round = 0; round < 100; round++)
        {
            var delimiter = round % 2 == 0 ? ',' : ';';
            var text = new StringBuilder($"h1{delimiter}h2{delimiter}h3\n");
            var expected = new List<(string[]? Fields, long Line)>();
            var line = 2L;
            for (var r = 0; r < random.Next(1, 25); r++)
            {
                var fields = new string[3];
                var cut = false;
                var raw = new List<string>();
                for (var f = 0; f < 3; f++)
                {
                    var isLong = random.Next(8) == 0;
                    cut |= isLong;
                    var length = isLong ? random.Next(Max + 5, Max * 4) : random.Next(0, Max - 8);
                    var quoted = random.Next(2) == 0;
                    var value = new string([.. Enumerable.Range(0, length).Select(_ => quoted ? $"ab{delimiter}\"\n"[random.Next(5)] : "abc"[random.Next(3)])]);
                    fields[f] = value;
                    raw.Add(quoted ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value);
                }

                var record = string.Join(delimiter, raw);
                expected.Add((cut ? null : fields, line));
                line += record.Count(c => c == '\n') + 1;
                text.Append(record).Append(random.Next(3) == 0 ? "\r\n" : "\n");
            }

            var rows = Read(text.ToString(), Max, delimiter);

            Assert.Equal(expected.Count + 1, rows.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var (fields, at) = expected[i];
                var row = rows[i + 1];
                Assert.True(at == row.Line, $"round {round}, record {i}: line {row.Line}, expected {at}");
                if (fields is null)
                {
                    Assert.Contains("longer than 30 characters", row.Problem, StringComparison.Ordinal);
                }
                else
                {
                    Assert.Null(row.Problem);
                    Assert.Equal(fields, row.Fields);
                }
            }
        }
    }

    private static List<CsvRawRow> Read(string csv, int max, char delimiter = ',')
    {
        using var reader = new CsvRowReader(new StringReader(csv), "test.csv", delimiter, max);
        var rows = new List<CsvRawRow>();
        while (reader.TryRead(out var row))
        {
            rows.Add(row);
        }

        return rows;
    }
}
