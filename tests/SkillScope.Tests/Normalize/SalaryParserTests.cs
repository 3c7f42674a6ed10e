using SkillScope.Model;
using SkillScope.Normalize;

namespace SkillScope.Tests.Normalize;

public class SalaryParserTests
{
    [Theory]
    // Glassdoor 2020 "Salary Estimate"
    [InlineData("$53K-$91K (Glassdoor est.)", 53000, 91000, "USD", SalaryPeriods.Year, true)]
    [InlineData("CAD $165,000~$239,000", 165000, 239000, "CAD", SalaryPeriods.Year, false)]
    [InlineData("$165,000 CAD - $247,000 CAD", 165000, 247000, "CAD", SalaryPeriods.Year, false)]
    [InlineData("USD $137,000~$260,000", 137000, 260000, "USD", SalaryPeriods.Year, false)]
    [InlineData("USD 147k~195k", 147000, 195000, "USD", SalaryPeriods.Year, false)]
    [InlineData("Employer Provided Salary:$150K-$160K", 150000, 160000, "USD", SalaryPeriods.Year, false)]
    [InlineData("$17-$24 Per Hour(Glassdoor est.)", 17, 24, "USD", SalaryPeriods.Hour, true)]
    [InlineData("Employer Provided Salary:$25-$28 Per Hour", 25, 28, "USD", SalaryPeriods.Hour, false)]
    [InlineData("$110K-$150K(Employer est.)", 110000, 150000, "USD", SalaryPeriods.Year, false)]
    // Indeed 2024 result cards
    [InlineData("$55 - $58 an hour", 55, 58, "USD", SalaryPeriods.Hour, false)]
    [InlineData("$85,225 - $135,355 a year", 85225, 135355, "USD", SalaryPeriods.Year, false)]
    [InlineData("$58 an hour", 58, 58, "USD", SalaryPeriods.Hour, false)]
    [InlineData("$51.46 - $59.59 an hour", 51.46, 59.59, "USD", SalaryPeriods.Hour, false)]
    [InlineData("From $90,000 a year", 90000, 90000, "USD", SalaryPeriods.Year, false)]
    [InlineData("Up to $42 an hour", 42, 42, "USD", SalaryPeriods.Hour, false)]
    // Other shapes from the brief
    [InlineData("$170-225K", 170000, 225000, "USD", SalaryPeriods.Year, false)]
    [InlineData("£55,000–£100,000", 55000, 100000, "GBP", SalaryPeriods.Year, false)]
    [InlineData("€85-120K", 85000, 120000, "EUR", SalaryPeriods.Year, false)]
    [InlineData("CHF 140-180K", 140000, 180000, "CHF", SalaryPeriods.Year, false)]
    [InlineData("CAD 130-170K", 130000, 170000, "CAD", SalaryPeriods.Year, false)]
    [InlineData("AUD 110,000-180,000", 110000, 180000, "AUD", SalaryPeriods.Year, false)]
    [InlineData("₹12.25 LPA", 1225000, 1225000, "INR", SalaryPeriods.Year, false)]
    [InlineData("₹4-8 LPA", 400000, 800000, "INR", SalaryPeriods.Year, false)]
    [InlineData("$5,000 a month", 5000, 5000, "USD", SalaryPeriods.Month, false)]
    [InlineData("$900 a week", 900, 900, "USD", SalaryPeriods.Week, false)]
    [InlineData("$300 a day", 300, 300, "USD", SalaryPeriods.Day, false)]
    [InlineData("Up to $120,000 a year", 120000, 120000, "USD", SalaryPeriods.Year, false)]
    [InlineData("From $40 an hour", 40, 40, "USD", SalaryPeriods.Hour, false)]
    // LinkedIn Brazil worktype column, European separators, currency prefixes
    [InlineData("R$ 7.000/month", 7000, 7000, "BRL", SalaryPeriods.Month, false)]
    [InlineData("CA$120,000 - CA$140,000", 120000, 140000, "CAD", SalaryPeriods.Year, false)]
    [InlineData("55 000 € par an", 55000, 55000, "EUR", SalaryPeriods.Year, false)]
    [InlineData("$80,000 - $100,000 a year + 10% bonus", 80000, 100000, "USD", SalaryPeriods.Year, false)]
    [InlineData("$120K-$100K", 100000, 120000, "USD", SalaryPeriods.Year, false)]
    [InlineData("85000 - 120000", 85000, 120000, "USD", SalaryPeriods.Year, false)]
    [InlineData("Estimated $72.1K - $91.3K a year", 72100, 91300, "USD", SalaryPeriods.Year, true)]
    [InlineData("₹ 6,00,000 - 8,00,000 P.A.", 600000, 800000, "INR", SalaryPeriods.Year, false)]
    [InlineData("$17.50/hr", 17.5, 17.5, "USD", SalaryPeriods.Hour, false)]
    public void Parses_salary_strings(string text, double min, double max, string currency, string period, bool estimate)
    {
        SalaryParse parse = SalaryParser.Parse(text);
        Assert.Null(parse.Error);
        Assert.Equal(new StatedSalary((decimal)min, (decimal)max, currency, period, estimate), parse.Salary);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("Full-time")]
    [InlineData("Part-time")]
    [InlineData("Contract\n+1")]
    [InlineData("Competitive")]
    [InlineData("N/A")]
    public void Non_salaries_are_missing(string? text) => Assert.True(SalaryParser.Parse(text).IsMissing);

    [Theory]
    [InlineData("$25", "no pay period")]
    [InlineData("$50K-$60K-$70K", "more than two amounts")]
    [InlineData("$40 an hour or $80,000 a year", "conflicting pay periods")]
    [InlineData("€50K ($55K)", "conflicting currencies")]
    [InlineData("300.000 kr", "ambiguous currency")]
    [InlineData("2,500", "no currency or pay period")]
    public void Salary_like_text_that_cannot_be_read_is_an_error(string text, string reason)
    {
        SalaryParse parse = SalaryParser.Parse(text);
        Assert.Null(parse.Salary);
        Assert.Contains(reason, parse.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dollar_means_the_default_currency_when_that_is_a_dollar()
    {
        Assert.Equal("CAD", SalaryParser.Parse("$130,000 a year", "CAD").Salary!.Currency);
        Assert.Equal("USD", SalaryParser.Parse("$130,000 a year", "EUR").Salary!.Currency);
        Assert.Equal("EUR", SalaryParser.Parse("85,000 a year", "EUR").Salary!.Currency);
        Assert.Equal("SEK", SalaryParser.Parse("45 000 kr per month", "SEK").Salary!.Currency);
    }

    [Theory]
    [InlineData(70623.0, 158322.0, null, null, 70623, 158322, SalaryPeriods.Year)]
    [InlineData(25.0, 30.0, "USD", "HOURLY", 25, 30, SalaryPeriods.Hour)]
    [InlineData(null, 4500.0, "USD", "MONTHLY", 4500, 4500, SalaryPeriods.Month)]
    [InlineData(120000.0, 90000.0, "usd", "YEARLY", 90000, 120000, SalaryPeriods.Year)]
    public void Reads_structured_parts(double? min, double? max, string? currency, string? period, double eMin, double eMax, string ePeriod)
    {
        SalaryParse parse = SalaryParser.FromParts((decimal?)min, (decimal?)max, currency, period, isEstimate: false);
        Assert.Equal(new StatedSalary((decimal)eMin, (decimal)eMax, "USD", ePeriod, false), parse.Salary);
    }

    [Fact]
    public void Structured_parts_without_amounts_are_missing_and_unknown_periods_are_errors()
    {
        Assert.True(SalaryParser.FromParts(null, null, "USD", "YEARLY", false).IsMissing);
        Assert.Contains("ONCE", SalaryParser.FromParts(5000, 5000, "USD", "ONCE", false).Error, StringComparison.Ordinal);
        Assert.NotNull(SalaryParser.FromParts(12, 15, null, null, false).Error);
        Assert.NotNull(SalaryParser.FromParts(-5, 15, null, "HOURLY", false).Error);
    }

    [Fact]
    public void Random_edits_of_real_strings_never_throw_and_keep_min_below_max()
    {
        string[] seeds =
        [
            "$53K-$91K (Glassdoor est.)", "$17-$24 Per Hour(Glassdoor est.)", "$85,225 - $135,355 a year", "₹4-8 LPA",
            "£55,000–£100,000", "CHF 140-180K", "R$ 7.000/month", "Up to $120,000 a year", "Contract\n+1", "Full-time",
        ];
        const string alphabet = "0123456789$£€₹,.-–K kLPAhouryearmonth()/+%";
        Random random = new(20260101);
        for (int n = 0; n < 20_000; n++)
        {
            char[] chars = seeds[random.Next(seeds.Length)].ToCharArray();
            int edits = random.Next(1, 4);
            for (int e = 0; e < edits && chars.Length > 0; e++)
            {
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            string text = new(chars);
            SalaryParse parse = SalaryParser.Parse(text);
            Assert.False(parse.Salary is not null && parse.Error is not null, text);
            if (parse.Salary is { } s)
            {
                Assert.True(s.Min <= s.Max, text);
                Assert.Contains(s.Period, SalaryPeriods.All);
            }
        }
    }
}
