using System.Globalization;
using SkillScope.Model;

namespace SkillScope.Normalize;

/// <summary>Pay periods and conversion of stated salaries to annual USD (docs/domain.md "Money").</summary>
public static class Money
{
    /// <summary>Annual USD below this is not a salary anyone reports in earnest (a misread period or unit).</summary>
    public const double MinPlausibleUsd = 1_000;

    /// <summary>Annual USD above this is a typo or a company figure, not a salary.</summary>
    public const double MaxPlausibleUsd = 5_000_000;

    /// <summary>How many of a period make a year: hour 2080, day 260, week 52, month 12, year 1.</summary>
    public static double AnnualFactor(string period) => period switch
    {
        SalaryPeriods.Hour => 2080,
        SalaryPeriods.Day => 260,
        SalaryPeriods.Week => 52,
        SalaryPeriods.Month => 12,
        SalaryPeriods.Year => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "not a SalaryPeriods id"),
    };

    /// <summary>
    /// A source's period label as a <see cref="SalaryPeriods"/> id: HOURLY, "an hour", "Per Hour", "/hr", YEARLY, "a year",
    /// "per annum", MONTHLY, WEEKLY, DAILY ... Null for ONCE (a one-off payment is not a salary) and for unknown labels.
    /// </summary>
    public static string? NormalizePeriod(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        string key = TextFold.Key(label);
        if (key.StartsWith("per ", StringComparison.Ordinal))
        {
            key = key[4..];
        }
        else if (key.StartsWith("an ", StringComparison.Ordinal))
        {
            key = key[3..];
        }
        else if (key.StartsWith("a ", StringComparison.Ordinal))
        {
            key = key[2..];
        }

        return PeriodWord(key);
    }

    internal static string? PeriodWord(string key) => key switch
    {
        "hour" or "hourly" or "hr" or "hrs" or "h" or "hora" or "stunde" or "heure" => SalaryPeriods.Hour,
        "day" or "daily" or "diem" or "dia" or "tag" or "jour" or "day rate" => SalaryPeriods.Day,
        "week" or "weekly" or "wk" or "semana" or "woche" or "semaine" => SalaryPeriods.Week,
        "month" or "monthly" or "mo" or "mth" or "mes" or "mensal" or "monat" or "mois" or "pm" => SalaryPeriods.Month,
        "year" or "yearly" or "yr" or "yrs" or "annum" or "annual" or "annually" or "pa" or "ano" or "anual" or "jahr" or "annee"
            => SalaryPeriods.Year,
        _ => null,
    };

    /// <summary>
    /// Annual USD for a stated salary: UsdMin/UsdMax from the range, UsdAnnual the midpoint, rounded to cents. A currency
    /// the table lacks leaves the USD fields null with Flag "unknown currency XXX"; an annual midpoint under
    /// <see cref="MinPlausibleUsd"/> or over <see cref="MaxPlausibleUsd"/> keeps the figures but sets Flag "implausible: ...".
    /// </summary>
    public static Salary ToSalary(StatedSalary stated, FxRates rates, int? year)
    {
        ArgumentNullException.ThrowIfNull(stated);
        ArgumentNullException.ThrowIfNull(rates);
        double? perUnit = rates.UsdPerUnit(stated.Currency, year);
        if (perUnit is null)
        {
            return new Salary(stated.Min, stated.Max, stated.Currency, stated.Period, null, null, null, stated.IsEstimate,
                "unknown currency " + stated.Currency);
        }

        double factor = AnnualFactor(stated.Period) * perUnit.Value;
        double usdMin = Cents((double)stated.Min * factor);
        double usdMax = Cents((double)stated.Max * factor);
        double usdAnnual = Cents(((double)stated.Min + (double)stated.Max) / 2 * factor);
        return new Salary(stated.Min, stated.Max, stated.Currency, stated.Period, usdMin, usdMax, usdAnnual, stated.IsEstimate,
            PlausibilityFlag(usdAnnual));
    }

    /// <summary>
    /// A survey row: the amount and currency as stated (annual), and the USD figure the source computed itself
    /// (ai-jobs.net salary_in_usd), used as given; flagged like <see cref="ToSalary"/> when implausible.
    /// </summary>
    public static Salary FromStatedUsd(decimal amount, string currency, decimal usdAnnual, bool isEstimate)
    {
        ArgumentNullException.ThrowIfNull(currency);
        double usd = Cents((double)usdAnnual);
        return new Salary(amount, amount, currency.Trim().ToUpperInvariant(), SalaryPeriods.Year, usd, usd, usd, isEstimate, PlausibilityFlag(usd));
    }

    /// <summary>Null when plausible, else "implausible: annual USD N ...".</summary>
    public static string? PlausibilityFlag(double usdAnnual)
    {
        if (double.IsNaN(usdAnnual) || usdAnnual < MinPlausibleUsd)
        {
            return "implausible: annual USD " + usdAnnual.ToString("0.##", CultureInfo.InvariantCulture) + " is under 1,000";
        }

        return usdAnnual > MaxPlausibleUsd
            ? "implausible: annual USD " + usdAnnual.ToString("0.##", CultureInfo.InvariantCulture) + " is over 5,000,000"
            : null;
    }

    private static double Cents(double value) => Math.Round(value, 2, MidpointRounding.ToEven);
}
