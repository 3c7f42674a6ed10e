using SkillScope.Normalize;

namespace SkillScope.Analytics;

/// <summary>Local-currency figures: USD figures divided by the shipped rate table's latest USD-per-unit rate.</summary>
public sealed record LocalSalary(string Currency, double UsdPerUnit, double? P10, double? P25, double? Median, double? P75, double? P90, double? Mean);

/// <summary>The currency each country pays in, for the countries whose currency the shipped rate table knows.</summary>
internal static class SalaryCurrencies
{
    private static readonly Dictionary<string, string> ByCountry = Build();

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["US"] = "USD", ["AU"] = "AUD", ["BR"] = "BRL", ["CA"] = "CAD", ["CH"] = "CHF", ["LI"] = "CHF", ["CL"] = "CLP",
            ["CZ"] = "CZK", ["DK"] = "DKK", ["GB"] = "GBP", ["HK"] = "HKD", ["HU"] = "HUF", ["IL"] = "ILS", ["IN"] = "INR",
            ["JP"] = "JPY", ["MX"] = "MXN", ["NO"] = "NOK", ["NZ"] = "NZD", ["PH"] = "PHP", ["PL"] = "PLN", ["SE"] = "SEK",
            ["SG"] = "SGD", ["TH"] = "THB", ["TR"] = "TRY", ["ZA"] = "ZAR", ["PR"] = "USD", ["EC"] = "USD", ["SV"] = "USD",
        };

        // The euro area as of 2023 (Croatia joined then), plus the non-members that use the euro.
        foreach (var country in "AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK AD MC SM VA ME XK".Split(' '))
        {
            map[country] = "EUR";
        }

        return map;
    }

    /// <summary>The country's currency and its USD-per-unit rate, or null when either is unknown.</summary>
    public static (string Currency, double UsdPerUnit)? For(string? country, FxRates rates)
    {
        if (country is null || !ByCountry.TryGetValue(country, out var currency))
        {
            return null;
        }

        return rates.UsdPerUnit(currency, year: null) is { } rate ? (currency, rate) : null;
    }

    public static LocalSalary? Local(string? country, FxRates rates, double? p10, double? p25, double? median, double? p75, double? p90, double? mean)
    {
        if (For(country, rates) is not var (currency, rate))
        {
            return null;
        }

        return new LocalSalary(currency, rate, p10 / rate, p25 / rate, median / rate, p75 / rate, p90 / rate, mean / rate);
    }
}
