using SkillScope.Ingest;
using SkillScope.Ingest.Formats;

namespace SkillScope.Tests.Ingest;

/// <summary>The small per-layout cell parsers, on strings taken from the real files.</summary>
public class CellParsingTests
{
    [Fact]
    public void Python_dict_with_double_quoted_value_holding_an_apostrophe_parses()
    {
        const string cell = "{'__CLASS__': 'Adzuna::API::Response::Location', 'area': ['US', 'Maryland', \"Prince George's County\", 'Suitland'], 'display_name': \"Suitland, Prince George's County\"}";

        Assert.True(PythonLiteral.TryParse(cell, out var value, out var error), error);
        var dict = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal(["US", "Maryland", "Prince George's County", "Suitland"], Assert.IsType<List<object?>>(dict["area"]));
        Assert.Equal("Suitland, Prince George's County", dict["display_name"]);
    }

    [Theory]
    [InlineData(@"{'display_name': 'O\'Reilly Media', 'n': 3, 'ok': True, 'x': None}", "O'Reilly Media")]
    [InlineData(@"{'display_name': 'Caf\xe9 \u00e9quipe'}", "Café équipe")]
    [InlineData("{ 'display_name' : 'Spaced' , }", "Spaced")]
    public void Python_dict_escapes_and_literals_parse(string cell, string expected)
    {
        Assert.True(PythonLiteral.TryParse(cell, out var value, out var error), error);
        Assert.Equal(expected, Assert.IsType<Dictionary<string, object?>>(value)["display_name"]);
    }

    [Theory]
    [InlineData("{'display_name': 'BC Forward'", "the text ends before the closing '}'")]
    [InlineData("{'area': ['US', 'Texas' 'Austin']}", "expected ',' or ']' at character 25")]
    [InlineData("{'display_name': 'BC Forward}", "unterminated string at character 18")]
    [InlineData("{'a': 1} extra", "unexpected text after the value at character 10")]
    [InlineData("{display_name: 'x'}", "unexpected 'display_name' at character 2")]
    public void Broken_python_dict_gives_a_reason(string cell, string expected)
    {
        Assert.False(PythonLiteral.TryParse(cell, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Adzuna_row_with_a_broken_company_cell_is_rejected_not_thrown()
    {
        var rows = IngestKit.ReadText("adzuna",
            "id,salary_min,salary_max,redirect_url,salary_is_predicted,title,company,created,description,location,contract_time,contract_type\n"
            + "1,,,https://example.org/1,0,Data Scientist,\"{'display_name': 'Acme\",2026-01-02T00:00:00Z,text,\"{'area': ['UK', 'London']}\",part_time,permanent\n"
            + "2,50000,60000,https://example.org/2,0,Data Scientist,Plain Name,2026-01-02T00:00:00Z,text,\"{'area': ['UK', 'London'], 'display_name': 'London'}\",part_time,permanent\n");

        Assert.Equal("company: unterminated string at character 18", rows[0].Error);
        var record = rows[1].Record();
        Assert.Equal(("Plain Name", "London, UK", "GB", "GBP", "part_time"), (record.Company, record.Location, record.CountryHint, record.SalaryCurrency, record.EmploymentTypeHint));
        Assert.False(record.SalaryIsEstimate);
    }

    [Theory]
    [InlineData("contract", "full_time", "contract")]
    [InlineData("permanent", "full_time", "full_time")]
    [InlineData("permanent", null, "permanent")]
    [InlineData(null, "part_time", "part_time")]
    [InlineData(null, null, null)]
    public void Adzuna_contract_type_contract_wins_over_contract_time(string? type, string? time, string? expected) =>
        Assert.Equal(expected, AdzunaFormat.EmploymentType(type, time));

    [Theory]
    [InlineData("Tecolote Research\n3.8", "Tecolote Research")]
    [InlineData("Bridgerock Data", "Bridgerock Data")]
    [InlineData("Data\nScience Inc", "Data\nScience Inc")]
    public void Glassdoor_company_name_loses_only_a_numeric_rating_line(string cell, string expected) =>
        Assert.Equal(expected, GlassdoorFormat.CompanyName(cell));

    [Theory]
    [InlineData("$85,225 - $135,355 a year", "$85,225 - $135,355 a year", null)]
    [InlineData("$55 - $58 an hour", "$55 - $58 an hour", null)]
    [InlineData("Full-time", null, "Full-time")]
    [InlineData("Contract\n+1", null, "Contract")]
    [InlineData(null, null, null)]
    public void Indeed_2024_salary_slot_is_pay_or_job_type(string? slot, string? salary, string? jobType) =>
        Assert.Equal((salary, jobType), Indeed2024Format.SplitSalarySlot(slot));

    [Fact]
    public void Shared_data_reports_a_missing_file_as_the_skip_reason()
    {
        var reason = SharedData.MissingReason(["no_such_folder/none.csv"]);

        Assert.NotNull(reason);
        Assert.Contains(SharedData.Path("no_such_folder/none.csv"), reason, StringComparison.Ordinal);
        Assert.Null(SharedData.MissingReason([]));
    }
}
