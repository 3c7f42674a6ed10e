using SkillScope.Model;
using SkillScope.Normalize;

namespace SkillScope.Tests.Normalize;

public class FxRatesTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Table = """
        # USD per unit of currency, by year.
        # as_of: 2025-01-19
        currency,year,usd_per_unit,n
        EUR,2021,1.2,3
        EUR,2023,1.0,5
        GBP,2024,1.25,10
        """;

    private static FxRates Load() => FxRates.Load(new StringReader(Table));

    [Fact]
    public void Reads_the_as_of_date_and_rates()
    {
        FxRates rates = Load();
        Assert.Equal("2025-01-19", rates.AsOf);
        Assert.Equal(1.2, rates.UsdPerUnit("EUR", 2021));
        Assert.Equal(1.25, rates.UsdPerUnit("gbp", 2024));
    }

    [Fact]
    public void Usd_is_one_and_unknown_currencies_are_null()
    {
        FxRates rates = Load();
        Assert.Equal(1.0, rates.UsdPerUnit("USD", 1999));
        Assert.Null(rates.UsdPerUnit("XYZ", 2024));
    }

    [Theory]
    [InlineData(2020, 1.2)]
    [InlineData(2022, 1.0)] // equally near 2021 and 2023: the later year
    [InlineData(2025, 1.0)]
    [InlineData(null, 1.0)] // no year: the latest
    public void Missing_years_use_the_nearest(int? year, double expected) => Assert.Equal(expected, Load().UsdPerUnit("EUR", year));

    [Fact]
    public void A_malformed_line_names_its_line_number()
    {
        FormatException e = Assert.Throws<FormatException>(() => FxRates.Load(new StringReader("currency,year,usd_per_unit,n\nEUR,20x1,1.1,2\n")));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundled_table_loads_from_the_embedded_resource()
    {
        FxRates rates = FxRates.Default;
        Assert.Equal("2025-01-19", rates.AsOf);
        Assert.InRange(rates.UsdPerUnit("GBP", 2024)!.Value, 1.1, 1.4);
        Assert.InRange(rates.UsdPerUnit("INR", 2024)!.Value, 0.010, 0.014);
        Assert.Contains("EUR", rates.Currencies);
    }

    [SharedDataFact("aijobs_salaries/salaries_2025-01-19.csv")]
    public void Bundled_rates_reproduce_the_survey_usd_figures()
    {
        // The table is the per-year median of salary_in_usd / salary, so rows convert to within 5 % (3,798 of 3,798 measured).
        int close = 0, total = 0;
        foreach (Dictionary<string, string> row in SharedData.ReadCsv("aijobs_salaries/salaries_2025-01-19.csv"))
        {
            if (row["salary_currency"] == "USD")
            {
                continue;
            }

            total++;
            StatedSalary stated = new(decimal.Parse(row["salary"]), decimal.Parse(row["salary"]), row["salary_currency"], SalaryPeriods.Year, false);
            Salary salary = Money.ToSalary(stated, FxRates.Default, int.Parse(row["work_year"]));
            double reported = double.Parse(row["salary_in_usd"]);
            if (salary.UsdAnnual is { } usd && Math.Abs(usd - reported) <= 0.05 * reported)
            {
                close++;
            }
        }

        output.WriteLine($"survey non-USD rows converted within 5 % of salary_in_usd: {close}/{total}");
        Assert.True(total > 3000);
        Assert.True(close >= 0.99 * total, $"{close} of {total} within 5 %");
    }
}

public class MoneyTests
{
    [Theory]
    [InlineData(SalaryPeriods.Hour, 2080)]
    [InlineData(SalaryPeriods.Day, 260)]
    [InlineData(SalaryPeriods.Week, 52)]
    [InlineData(SalaryPeriods.Month, 12)]
    [InlineData(SalaryPeriods.Year, 1)]
    public void Annual_factors(string period, double factor) => Assert.Equal(factor, Money.AnnualFactor(period));

    [Fact]
    public void Annual_factor_of_an_unknown_period_is_a_bug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.AnnualFactor("fortnight"));

    [Theory]
    [InlineData("HOURLY", SalaryPeriods.Hour)]
    [InlineData("an hour", SalaryPeriods.Hour)]
    [InlineData("Per Hour", SalaryPeriods.Hour)]
    [InlineData("/hr", SalaryPeriods.Hour)]
    [InlineData("YEARLY", SalaryPeriods.Year)]
    [InlineData("a year", SalaryPeriods.Year)]
    [InlineData("per annum", SalaryPeriods.Year)]
    [InlineData("MONTHLY", SalaryPeriods.Month)]
    [InlineData("WEEKLY", SalaryPeriods.Week)]
    [InlineData("DAILY", SalaryPeriods.Day)]
    [InlineData("day", SalaryPeriods.Day)]
    [InlineData("ONCE", null)]
    [InlineData("BIWEEKLY", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalizes_period_labels(string? label, string? expected) => Assert.Equal(expected, Money.NormalizePeriod(label));

    private static readonly FxRates Rates = FxRates.Load(new StringReader("currency,year,usd_per_unit,n\nGBP,2024,1.25,1\nINR,2024,0.012,1\n"));

    [Fact]
    public void Hourly_range_becomes_annual_usd_with_the_midpoint()
    {
        Salary s = Money.ToSalary(new StatedSalary(55, 58, "USD", SalaryPeriods.Hour, false), Rates, 2024);
        Assert.Equal((114_400.0, 120_640.0, 117_520.0), (s.UsdMin!.Value, s.UsdMax!.Value, s.UsdAnnual!.Value));
        Assert.True(s.IsUsable);
        Assert.Equal((55m, 58m, "USD", SalaryPeriods.Hour), (s.Min!.Value, s.Max!.Value, s.Currency, s.Period));
    }

    [Fact]
    public void Foreign_currency_converts_with_the_years_rate()
    {
        Salary s = Money.ToSalary(new StatedSalary(1_225_000, 1_225_000, "INR", SalaryPeriods.Year, false), Rates, 2024);
        Assert.Equal(14_700.0, s.UsdAnnual);
        Salary gbp = Money.ToSalary(new StatedSalary(4_000, 5_000, "GBP", SalaryPeriods.Month, true), Rates, 2024);
        Assert.Equal((60_000.0, 75_000.0, 67_500.0), (gbp.UsdMin!.Value, gbp.UsdMax!.Value, gbp.UsdAnnual!.Value));
        Assert.True(gbp.IsEstimate);
    }

    [Fact]
    public void Unknown_currency_is_flagged_not_converted()
    {
        Salary s = Money.ToSalary(new StatedSalary(100, 200, "XOF", SalaryPeriods.Year, false), Rates, 2024);
        Assert.Equal("unknown currency XOF", s.Flag);
        Assert.Null(s.UsdAnnual);
        Assert.False(s.IsUsable);
    }

    [Theory]
    [InlineData(0, SalaryPeriods.Year)]          // USAJOBS "without compensation" rows state 0-0
    [InlineData(15, SalaryPeriods.Week)]         // 780 a year
    [InlineData(3_000_000, SalaryPeriods.Month)] // 36 million a year
    public void Implausible_annual_figures_are_flagged_and_kept(int amount, string period)
    {
        Salary s = Money.ToSalary(new StatedSalary(amount, amount, "USD", period, false), Rates, 2024);
        Assert.StartsWith("implausible: ", s.Flag, StringComparison.Ordinal);
        Assert.NotNull(s.UsdAnnual);
        Assert.False(s.IsUsable);
    }

    [Fact]
    public void Survey_rows_keep_the_sources_usd()
    {
        Salary s = Money.FromStatedUsd(80_000, "eur", 86_136, isEstimate: false);
        Assert.Equal((80_000m, "EUR", SalaryPeriods.Year, 86_136.0, (string?)null), (s.Min!.Value, s.Currency, s.Period, s.UsdAnnual!.Value, s.Flag));
        Assert.StartsWith("implausible", Money.FromStatedUsd(500, "USD", 500, false).Flag, StringComparison.Ordinal);
    }
}
