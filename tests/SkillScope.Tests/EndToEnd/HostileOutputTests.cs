using SkillScope.Model;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.EndToEnd;

/// <summary>Issue 16 items 4 and 5: stored text cannot run as a spreadsheet formula or drive the terminal.</summary>
public sealed class HostileOutputTests : IDisposable
{
    private const string Esc = "\u001b";
    private const string Bel = "\u0007";

    private readonly TempFolder temp = new();

    public HostileOutputTests()
    {
        var csv = temp.Write("formulas.csv", "title,company,location,description,posted_date\n"
            + "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",+Evil Corp,@SUM(1),Data work.,2026-03-01\n"
            + "\"\t=1+1 Engineer\",-Minus Co,Berlin,Data work too.,2026-03-02\n"
            + "Data Scientist,Bell" + Esc + "[2J Co,Paris,Raw row.,2026-03-03\n");
        var jsonl = temp.Write("escapes.jsonl",
            "{\"title\":\"ML Engineer\",\"company\":\"Red\\u001b[31mCorp\\u0007\",\"location\":\"Remote\",\"description\":\"Python.\",\"posted_date\":\"2026-03-04\"}\n");
        Run("ingest", csv, "--format", "csv", "--source", "formulas", "--db", temp.Db);
        Run("ingest", jsonl, "--format", "jsonl", "--source", "escapes", "--db", temp.Db);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Ingest_keeps_the_tab_that_stops_a_cell_from_being_a_formula()
    {
        var csv = Run("export", "--format", "csv", "--db", temp.Db, "--source", "formulas");

        Assert.Contains("\"'\t=1+1 Engineer\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=1+1", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_csv_prefixes_every_formula_cell_with_an_apostrophe()
    {
        var csv = Run("export", "--format", "csv", "--db", temp.Db);

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"'+Evil Corp\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"'@SUM(1)\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"'-Minus Co\"", csv, StringComparison.Ordinal);
        foreach (var line in csv.Split('\n').Skip(1))
        {
            foreach (var cell in line.Split(','))
            {
                Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '@', $"cell '{cell}' in: {line}");
            }
        }
    }

    [Fact]
    public void Report_csv_prefixes_formula_cells_and_keeps_negative_numbers_numbers()
    {
        var csv = Run("report", "market", "--format", "csv", "--db", temp.Db);

        Assert.Contains("\"'+Evil Corp\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"'-Minus Co\"", csv, StringComparison.Ordinal);
        Assert.Equal("\"'-5\"", CsvCell.Format("-5"));
    }

    [Fact]
    public void Report_market_shows_control_characters_from_stored_data_as_symbols()
    {
        var table = Run("report", "market", "--db", temp.Db);
        var markdown = Run("report", "market", "--format", "md", "--db", temp.Db);

        foreach (var output in (string[])[table, markdown])
        {
            Assert.DoesNotContain(Esc, output, StringComparison.Ordinal);
            Assert.DoesNotContain(Bel, output, StringComparison.Ordinal);
            Assert.Contains("Red␛[31mCorp␇", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Quarantine_shows_control_characters_of_rejected_rows_as_symbols()
    {
        var output = Run("quarantine", "--db", temp.Db);

        Assert.Contains("Bell␛[2J Co", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Esc, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_says_how_many_records_it_wrote_and_where()
    {
        var (exit, output, error) = CliRunner.Run("export", "--format", "csv", "--db", temp.Db, "--out", temp.File("out.csv"));

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.StartsWith("exported 3 records as csv to " + temp.File("out.csv"), output, StringComparison.Ordinal);
    }

    private static string Run(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run(args);
        Assert.True(exit == 0, $"skillscope {string.Join(' ', args)}: {error}");
        return output;
    }
}
