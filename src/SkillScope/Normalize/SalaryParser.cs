using System.Globalization;
using SkillScope.Model;

namespace SkillScope.Normalize;

/// <summary>A salary as the source states it: amounts in <see cref="Currency"/> (ISO 4217) per <see cref="Period"/> (<see cref="SalaryPeriods"/>).</summary>
/// <param name="IsEstimate">The source says the figure is its own estimate ("Glassdoor est.", Adzuna salary_is_predicted).</param>
public sealed record StatedSalary(decimal Min, decimal Max, string Currency, string Period, bool IsEstimate);

/// <summary>The outcome of reading a salary: a salary, a reason it could not be read, or neither when there was none.</summary>
public readonly record struct SalaryParse(StatedSalary? Salary, string? Error)
{
    public bool IsMissing => Salary is null && Error is null;

    public static SalaryParse Missing => default;

    public static SalaryParse Ok(StatedSalary salary) => new(salary, null);

    public static SalaryParse Fail(string reason) => new(null, reason);
}

/// <summary>
/// Reads free-text salaries ("$53K-$91K (Glassdoor est.)", "$55 - $58 an hour", "£55,000–£100,000", "₹12.25 LPA",
/// "Up to $120,000 a year") and structured min/max/period fields. Text with no amount, or amounts with nothing that
/// says money (no currency, multiplier, period, or annual-sized number), is missing rather than an error. Rules:
/// docs/normalization.md.
/// </summary>
public static class SalaryParser
{
    private const decimal Thousand = 1_000m;
    private const decimal Lakh = 100_000m;

    /// <summary>A number with no currency, unit or period is read as a year's pay only from this size up.</summary>
    private const decimal BareAnnualMinimum = 10_000m;

    private static readonly HashSet<string> CurrencyCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "USD", "EUR", "GBP", "INR", "CAD", "AUD", "NZD", "CHF", "JPY", "CNY", "HKD", "SGD", "SEK", "NOK", "DKK", "ISK", "PLN",
        "CZK", "HUF", "RON", "BGN", "TRY", "ZAR", "BRL", "MXN", "ARS", "CLP", "COP", "PEN", "UYU", "ILS", "AED", "SAR", "QAR",
        "KWD", "BHD", "OMR", "KRW", "TWD", "THB", "MYR", "IDR", "PHP", "VND", "PKR", "BDT", "LKR", "NGN", "KES", "EGP", "MAD",
        "RUB", "UAH", "RSD", "GEL", "KZT", "RMB",
    };

    private static readonly HashSet<string> DollarCurrencies = new(StringComparer.OrdinalIgnoreCase)
        { "USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD" };

    private static readonly HashSet<string> MissingKeys = new(StringComparer.Ordinal)
        { "1", "0", "na", "n a", "none", "null", "nan", "unknown", "not specified", "not disclosed", "undisclosed", "doe", "tbd", "competitive", "negotiable" };

    private readonly record struct Amount(decimal Value, decimal? Multiplier);

    // "-$5 an hour", "−5", "$-5", "USD -5": a sign before the first amount (a range's dash comes after one).
    private static bool StartsNegative(ReadOnlySpan<char> s)
    {
        var sign = false;
        foreach (var c in s)
        {
            if (c is '-' or '\u2212' or '\u2013')
            {
                sign = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                return sign;
            }
            else if (!(char.IsWhiteSpace(c) || char.IsLetter(c) || CurrencySymbol(c) is not null))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Parses a salary string; <paramref name="defaultCurrency"/> applies when no currency is named ("$" means it when it is a dollar currency).</summary>
    public static SalaryParse Parse(string? text, string defaultCurrency = "USD")
    {
        ArgumentNullException.ThrowIfNull(defaultCurrency);
        if (string.IsNullOrWhiteSpace(text))
        {
            return SalaryParse.Missing;
        }

        ReadOnlySpan<char> s = text.AsSpan().Trim();
        if (s.Length <= 24 && MissingKeys.Contains(TextFold.Key(s)))
        {
            return SalaryParse.Missing;
        }

        if (StartsNegative(s))
        {
            return SalaryParse.Fail("negative amount: pay cannot be below zero");
        }

        bool isEstimate = (s.Contains("est.", StringComparison.OrdinalIgnoreCase) || s.Contains("estimate", StringComparison.OrdinalIgnoreCase))
            && !s.Contains("employer est", StringComparison.OrdinalIgnoreCase);

        Span<Amount> amounts = stackalloc Amount[2];
        int count = 0;
        string? currency = null;
        bool currencyFromBareDollar = false;
        string? period = null;
        bool salaryWord = false;
        bool lakhs = false;
        bool ambiguousKrona = false;

        if (s.Contains("p.a.", StringComparison.OrdinalIgnoreCase))
        {
            period = SalaryPeriods.Year;
        }

        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsAsciiDigit(c))
            {
                int end = NumberEnd(s, i);
                decimal value = ParseNumber(s[i..end]);
                i = end;
                decimal? multiplier = ReadMultiplier(s, ref i, ref lakhs);
                if (NextNonSpace(s, i) == '%')
                {
                    continue; // "10% bonus"
                }

                if (count == amounts.Length)
                {
                    return SalaryParse.Fail("more than two amounts");
                }

                amounts[count++] = new Amount(value, multiplier);
                continue;
            }

            if (CurrencySymbol(c) is { } symbolCurrency)
            {
                string found = c == '$' ? DollarCurrency(s, i, defaultCurrency) : symbolCurrency;
                // A bare "$" next to a named dollar currency ("CAD $165,000~$239,000") is that currency's sign.
                bool bareDollar = c == '$' && (i == 0 || !char.IsAsciiLetter(s[i - 1]));
                if (bareDollar && currency is not null && DollarCurrencies.Contains(currency))
                {
                    i++;
                    continue;
                }

                if (currency is not null && currency != found)
                {
                    return SalaryParse.Fail($"conflicting currencies {currency} and {found}");
                }

                currency = found;
                currencyFromBareDollar = bareDollar;
                i++;
                continue;
            }

            if (char.IsLetter(c))
            {
                int start = i;
                while (i < s.Length && char.IsLetter(s[i]))
                {
                    i++;
                }

                ReadOnlySpan<char> word = s[start..i];
                if (i < s.Length && s[i] == '$')
                {
                    continue; // "CA$", "R$": read with the symbol
                }

                string? code = WordCurrency(word);
                if (code is not null)
                {
                    // "$165,000 CAD": the named dollar currency says which dollar the "$" was.
                    if (currencyFromBareDollar && DollarCurrencies.Contains(code))
                    {
                        currency = code;
                        currencyFromBareDollar = false;
                    }

                    if (currency is not null && currency != code)
                    {
                        return SalaryParse.Fail($"conflicting currencies {currency} and {code}");
                    }

                    currency = code;
                    continue;
                }

                if (word.Equals("kr", StringComparison.OrdinalIgnoreCase))
                {
                    ambiguousKrona = true;
                    continue;
                }

                string key = TextFold.Key(word);
                if (Money.PeriodWord(key) is { } p)
                {
                    if (period is not null && period != p)
                    {
                        return SalaryParse.Fail($"conflicting pay periods {period} and {p}");
                    }

                    period = p;
                }
                else if (key is "salary" or "pay" or "compensation" or "wage" or "wages" or "rate" or "ctc" or "stipend")
                {
                    salaryWord = true;
                }
                else if (key is "lpa" or "lakh" or "lakhs" or "lac" or "lacs")
                {
                    lakhs = true; // "LPA" standing apart from its number
                }

                continue;
            }

            i++;
        }

        if (count == 0)
        {
            return SalaryParse.Missing;
        }

        bool multiplierSeen = amounts[0].Multiplier is not null || (count == 2 && amounts[1].Multiplier is not null);
        if (currency is null && !multiplierSeen && period is null && !salaryWord && !lakhs && !ambiguousKrona)
        {
            // A bare number: "Contract +1" is not money; "85000 - 120000" is a year's pay; "2,500" could be a month's.
            decimal smallest = count == 2 ? Math.Min(amounts[0].Value, amounts[1].Value) : amounts[0].Value;
            if (smallest < Thousand)
            {
                return SalaryParse.Missing;
            }

            if (smallest < BareAnnualMinimum)
            {
                return SalaryParse.Fail("amount under 10,000 with no currency or pay period");
            }
        }

        if (ambiguousKrona && currency is null)
        {
            if (defaultCurrency is "SEK" or "NOK" or "DKK" or "ISK")
            {
                currency = defaultCurrency;
            }
            else
            {
                return SalaryParse.Fail("ambiguous currency kr (SEK, NOK, DKK or ISK)");
            }
        }

        decimal? m1 = amounts[0].Multiplier;
        decimal? m2 = count == 2 ? amounts[1].Multiplier : m1;
        if (count == 2 && m1 is null && m2 is not null && amounts[0].Value < Thousand)
        {
            m1 = m2; // "$170-225K": the K covers both
        }

        if (lakhs && m1 is null && m2 is null)
        {
            m1 = m2 = Lakh; // "₹ 4 - 8 LPA" with the unit apart
        }

        decimal min = Trim(amounts[0].Value * (m1 ?? 1m));
        decimal max = count == 2 ? Trim(amounts[1].Value * (m2 ?? 1m)) : min;
        if (min > max)
        {
            (min, max) = (max, min);
        }

        if (lakhs)
        {
            currency ??= "INR";
            period ??= SalaryPeriods.Year;
        }

        currency ??= defaultCurrency.ToUpperInvariant();
        if (period is null)
        {
            if (max < Thousand)
            {
                return SalaryParse.Fail("no pay period for amounts under 1,000");
            }

            period = SalaryPeriods.Year;
        }

        return SalaryParse.Ok(new StatedSalary(min, max, currency, period, isEstimate));
    }

    /// <summary>
    /// A structured salary (Adzuna salary_min/max, LinkedIn min/max + pay_period, USAJOBS): one bound alone stands for
    /// both; a missing period is a year for amounts of 1,000 or more, an error below; an unknown period label
    /// (LinkedIn "ONCE") is an error. Both bounds null is missing.
    /// </summary>
    public static SalaryParse FromParts(decimal? min, decimal? max, string? currency, string? period, bool isEstimate, string defaultCurrency = "USD")
    {
        ArgumentNullException.ThrowIfNull(defaultCurrency);
        if (min is null && max is null)
        {
            return SalaryParse.Missing;
        }

        decimal lo = min ?? max!.Value;
        decimal hi = max ?? lo;
        if (lo < 0 || hi < 0)
        {
            return SalaryParse.Fail("negative amount");
        }

        if (lo > hi)
        {
            (lo, hi) = (hi, lo);
        }

        string? p = Money.NormalizePeriod(period);
        if (p is null)
        {
            if (!string.IsNullOrWhiteSpace(period))
            {
                return SalaryParse.Fail($"pay period \"{period.Trim()}\" is not hour, day, week, month or year");
            }

            if (hi < Thousand)
            {
                return SalaryParse.Fail("no pay period for amounts under 1,000");
            }

            p = SalaryPeriods.Year;
        }

        string cur = string.IsNullOrWhiteSpace(currency) ? defaultCurrency.ToUpperInvariant() : currency.Trim().ToUpperInvariant();
        return SalaryParse.Ok(new StatedSalary(lo, hi, cur, p, isEstimate));
    }

    private static string? CurrencySymbol(char c) => c switch
    {
        '$' => "USD",
        '£' => "GBP",
        '€' => "EUR",
        '₹' => "INR",
        '¥' => "JPY",
        '₩' => "KRW",
        '₽' => "RUB",
        '₺' => "TRY",
        '₱' => "PHP",
        '₪' => "ILS",
        '฿' => "THB",
        '₫' => "VND",
        '₦' => "NGN",
        _ => null,
    };

    // "$" is the default currency when that is a dollar; letters glued before it name another ("CA$", "A$", "R$", "US$").
    private static string DollarCurrency(ReadOnlySpan<char> s, int dollar, string defaultCurrency)
    {
        int start = dollar;
        while (start > 0 && char.IsAsciiLetter(s[start - 1]))
        {
            start--;
        }

        ReadOnlySpan<char> prefix = s[start..dollar];
        if (!prefix.IsEmpty)
        {
            string p = prefix.ToString().ToUpperInvariant();
            string? named = p switch
            {
                "US" or "USD" => "USD",
                "CA" or "C" or "CAN" or "CAD" => "CAD",
                "A" or "AU" or "AUD" => "AUD",
                "NZ" or "NZD" => "NZD",
                "S" or "SG" or "SGD" => "SGD",
                "HK" or "HKD" => "HKD",
                "R" => "BRL",
                "MX" or "MEX" or "MXN" => "MXN",
                _ => null,
            };
            if (named is not null)
            {
                return named;
            }
        }

        string d = defaultCurrency.ToUpperInvariant();
        return DollarCurrencies.Contains(d) ? d : "USD";
    }

    private static string? WordCurrency(ReadOnlySpan<char> word)
    {
        if (word.Length == 3 && CurrencyCodes.Contains(word.ToString()))
        {
            string code = word.ToString().ToUpperInvariant();
            return code == "RMB" ? "CNY" : code;
        }

        string key = TextFold.Key(word);
        return key switch
        {
            "rs" or "rupee" or "rupees" => "INR",
            "zl" => "PLN",
            "euro" or "euros" => "EUR",
            "pound" or "pounds" => "GBP",
            "yuan" => "CNY",
            "reais" or "real" => "BRL",
            _ => null,
        };
    }

    // Digits with thousands or decimal separators: "85,225", "51.46", "7.000", "1,00,000", "55 000".
    private static int NumberEnd(ReadOnlySpan<char> s, int start)
    {
        int j = start;
        while (j < s.Length)
        {
            char c = s[j];
            if (char.IsAsciiDigit(c))
            {
                j++;
                continue;
            }

            bool followedByDigit = j + 1 < s.Length && char.IsAsciiDigit(s[j + 1]);
            if ((c is ',' or '.' or '\'') && followedByDigit)
            {
                j++;
                continue;
            }

            if (c is ' ' or '\u00A0' or '\u202F' or '\u2009' && ThreeDigitGroup(s, j + 1) && GroupBefore(s, start, j) <= 3)
            {
                j++;
                continue;
            }

            break;
        }

        return j;
    }

    private static bool ThreeDigitGroup(ReadOnlySpan<char> s, int at) =>
        at + 3 <= s.Length && char.IsAsciiDigit(s[at]) && char.IsAsciiDigit(s[at + 1]) && char.IsAsciiDigit(s[at + 2])
        && (at + 3 == s.Length || !char.IsAsciiDigit(s[at + 3]));

    private static int GroupBefore(ReadOnlySpan<char> s, int start, int end)
    {
        int n = 0;
        for (int k = end - 1; k >= start && char.IsAsciiDigit(s[k]); k--)
        {
            n++;
        }

        return n;
    }

    private static decimal ParseNumber(ReadOnlySpan<char> raw)
    {
        Span<char> digits = stackalloc char[raw.Length];
        int commas = 0;
        int dots = 0;
        int lastComma = -1;
        int lastDot = -1;
        for (int k = 0; k < raw.Length; k++)
        {
            if (raw[k] == ',')
            {
                commas++;
                lastComma = k;
            }
            else if (raw[k] == '.')
            {
                dots++;
                lastDot = k;
            }
        }

        // Which separator, if any, is the decimal point.
        int decimalAt = -1;
        if (commas > 0 && dots > 0)
        {
            decimalAt = Math.Max(lastComma, lastDot);
        }
        else if (dots == 1 && !(raw.Length - lastDot - 1 == 3 && lastDot <= 3))
        {
            decimalAt = lastDot; // "51.46", "12.25"; but "7.000" is seven thousand
        }
        else if (commas == 1 && raw.Length - lastComma - 1 <= 2)
        {
            decimalAt = lastComma; // "55,5"
        }

        int n = 0;
        for (int k = 0; k < raw.Length; k++)
        {
            char c = raw[k];
            if (char.IsAsciiDigit(c))
            {
                digits[n++] = c;
            }
            else if (k == decimalAt)
            {
                digits[n++] = '.';
            }
        }

        return decimal.Parse(digits[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    // "53K", "12.25 LPA", "1.2M", "4 crore": the unit right after a number (one space allowed).
    private static decimal? ReadMultiplier(ReadOnlySpan<char> s, ref int i, ref bool lakhs)
    {
        int j = i;
        if (j < s.Length && s[j] == ' ')
        {
            j++;
        }

        int start = j;
        while (j < s.Length && char.IsAsciiLetter(s[j]))
        {
            j++;
        }

        if (j == start)
        {
            return null;
        }

        string word = s[start..j].ToString().ToLowerInvariant();
        decimal? multiplier = word switch
        {
            "k" or "thousand" => Thousand,
            "m" or "mn" or "mm" or "mil" or "million" => 1_000_000m,
            "lpa" or "lakh" or "lakhs" or "lac" or "lacs" or "l" => Lakh,
            "cr" or "crore" or "crores" => 10_000_000m,
            _ => null,
        };
        if (multiplier is null)
        {
            return null;
        }

        if (multiplier is Lakh or 10_000_000m)
        {
            lakhs = true;
        }

        i = j;
        return multiplier;
    }

    // 12.25 x 100,000 is 1225000.00: drop the scale so the figure reads as stated.
    private static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;

    private static char NextNonSpace(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        return i < s.Length ? s[i] : '\0';
    }
}
