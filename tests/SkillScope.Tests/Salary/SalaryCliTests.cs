using System.Text.Json;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Salaries;

/// <summary>The commands end to end, in process: JSON shapes (the contract), formats and one-line errors.</summary>
public sealed class SalaryCliTests
{
    private static SalaryStoreBuilder Store()
    {
        var rows = Enumerable.Range(0, 40).Select(i => new SalaryRow("salary_report", "ml_engineer", i % 2 == 0 ? "senior" : "junior", i % 4 == 0 ? "GB" : "US", 100_000 + (i * 1_000)))
            .Append(new SalaryRow("salary_report", "data_scientist", "senior", "DE", 90_000))
            .Concat(PremiumTests.Planted(400, seed: 1));
        return new SalaryStoreBuilder().Add(rows);
    }

    [Fact]
    public void Bands_json_has_the_documented_shape_with_nulls_for_suppressed_cells()
    {
        using var store = Store();
        store.Store.Dispose();

        var (exit, output, error) = CliRunner.Run("report", "salaries", "--db", store.Db, "--by", "seniority,country", "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("salary_report", json.RootElement.GetProperty("kind").GetString());
        var cells = json.RootElement.GetProperty("cells").EnumerateArray().ToList();
        var first = cells[0];
        Assert.Equal(["group", "n", "p10", "p25", "median", "p75", "p90", "mean", "suppressed", "local"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["seniority", "country"], first.GetProperty("group").EnumerateObject().Select(p => p.Name));
        var suppressed = cells.Single(c => c.GetProperty("group").GetProperty("country").GetString() == "DE");
        Assert.True(suppressed.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, suppressed.GetProperty("median").ValueKind);
        Assert.Equal(1, suppressed.GetProperty("n").GetInt32());
        var gb = cells.First(c => c.GetProperty("group").GetProperty("country").GetString() == "GB" && !c.GetProperty("suppressed").GetBoolean());
        Assert.Equal("GBP", gb.GetProperty("local").GetProperty("currency").GetString());
        Assert.True(json.RootElement.TryGetProperty("ladder", out _));
        Assert.Equal("country", json.RootElement.GetProperty("regions").GetProperty("level").GetString());
    }

    [Fact]
    public void Table_and_markdown_say_insufficient_data_instead_of_a_figure()
    {
        using var store = Store();
        store.Store.Dispose();

        var table = CliRunner.Run("report", "salaries", "--db", store.Db, "--by", "role,seniority,country");
        var md = CliRunner.Run("report", "salaries", "--db", store.Db, "--by", "role,country", "--format", "md");
        var csv = CliRunner.Run("report", "salaries", "--db", store.Db, "--by", "country", "--format", "csv");

        Assert.Contains("insufficient data", table.Output, StringComparison.Ordinal);
        Assert.Contains("| data_scientist | DE | 1 | insufficient data |", md.Output, StringComparison.Ordinal);
        Assert.StartsWith("section,group,n,measure,value\n", csv.Output, StringComparison.Ordinal);
        Assert.Contains("bands,country=DE,1,median,\n", csv.Output, StringComparison.Ordinal);
        Assert.Contains("bands,country=GB,10,local_currency,GBP\n", csv.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Premiums_json_has_the_documented_shape()
    {
        using var store = Store();
        store.Store.Dispose();

        var (exit, output, error) = CliRunner.Run("report", "premiums", "--db", store.Db, "--skills", "pytorch,category:llm-genai", "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(400, json.RootElement.GetProperty("n").GetInt32());
        var premium = Assert.Single(json.RootElement.GetProperty("premiums").EnumerateArray());
        Assert.Equal(["skill", "premium", "low", "high", "nWith", "nWithout", "name"], premium.EnumerateObject().Select(p => p.Name));
        Assert.Equal("pytorch", premium.GetProperty("skill").GetString());
        Assert.InRange(premium.GetProperty("premium").GetDouble(), 0.1, 0.3);
        var unreported = Assert.Single(json.RootElement.GetProperty("notReported").EnumerateArray());
        Assert.Equal(("category:llm-genai", 0), (unreported.GetProperty("skill").GetString(), unreported.GetProperty("nWith").GetInt32()));
    }

    [Fact]
    public void Estimate_json_has_the_documented_shape_and_states_its_basis()
    {
        using var store = Store();
        store.Store.Dispose();

        var (exit, output, error) = CliRunner.Run("salary", "estimate", "--db", store.Db, "--role", "ml_engineer", "--seniority", "senior",
            "--country", "gb", "--skills", "PyTorch", "--min-cell", "5", "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["median", "p25", "p75", "currency", "n", "kind", "suppressed", "local", "fxAsOf", "basis", "estimatesLeftOut"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("USD", root.GetProperty("currency").GetString());
        Assert.Equal(10, root.GetProperty("n").GetInt32());
        var basis = root.GetProperty("basis").EnumerateArray().ToList();
        Assert.Equal(["cell", "skill-premium"], basis.Select(b => b.GetProperty("type").GetString()));
        Assert.All(basis, b => Assert.True(b.TryGetProperty("n", out _)));
        Assert.Equal("GBP", root.GetProperty("local").GetProperty("currency").GetString());

        var table = CliRunner.Run("salary", "estimate", "--db", store.Db, "--role", "ml_engineer", "--seniority", "senior", "--metro", "london");
        Assert.Contains("fallback", table.Output, StringComparison.Ordinal);
        Assert.Contains("from n = ", table.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postings and salary reports are never mixed", "report", "salaries", "--kind", "posting,salary_report")]
    [InlineData("premiums are fitted on one kind at a time", "report", "premiums", "--kind", "posting,salary_report")]
    [InlineData("--by 'city' is not a dimension", "report", "salaries", "--by", "city")]
    [InlineData("--skills 'cobolx' is not a skill", "report", "premiums", "--skills", "cobolx")]
    [InlineData("give --country or --metro, not both", "salary", "estimate", "--role", "ml_engineer", "--seniority", "senior", "--country", "US", "--metro", "Seattle")]
    [InlineData("--metro 'Gotham' is not a metro", "salary", "estimate", "--role", "ml_engineer", "--seniority", "senior", "--metro", "Gotham")]
    [InlineData("--role 'wizard' is not known", "salary", "estimate", "--role", "wizard", "--seniority", "senior")]
    public void Usage_errors_are_one_line_with_exit_code_1(string expected, params string[] args)
    {
        using var folder = new TempFolder();

        var (exit, _, error) = CliRunner.Run([.. args, "--db", folder.Db]);

        Assert.Equal(1, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
