using System.Globalization;

namespace SkillScope.Normalize;

/// <summary>
/// USD per unit of a currency, by year (data/fx-rates.csv: '#' comment lines, one of them "# as_of: YYYY-MM-DD",
/// then the header currency,year,usd_per_unit,n). A year the table lacks uses the nearest year it has for that
/// currency (the later one on a tie).
/// </summary>
public sealed class FxRates
{
    private const string ResourceName = "SkillScope.fx-rates.csv";

    private static readonly Lazy<FxRates> Bundled = new(LoadBundled);

    private readonly Dictionary<string, (int Year, double Rate)[]> _byCurrency;

    private FxRates(Dictionary<string, (int Year, double Rate)[]> byCurrency, string asOf)
    {
        _byCurrency = byCurrency;
        AsOf = asOf;
    }

    /// <summary>The table shipped inside SkillScope (embedded resource "SkillScope.fx-rates.csv").</summary>
    public static FxRates Default => Bundled.Value;

    /// <summary>The date the table speaks for ("# as_of:" line); empty when the file has none.</summary>
    public string AsOf { get; }

    /// <summary>Currencies the table knows, USD included, sorted.</summary>
    public IReadOnlyList<string> Currencies => [.. _byCurrency.Keys.Append("USD").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Reads a table; a malformed line is a <see cref="FormatException"/> naming the line (the file is configuration, not data).</summary>
    public static FxRates Load(TextReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        Dictionary<string, List<(int, double)>> rows = new(StringComparer.OrdinalIgnoreCase);
        string asOf = "";
        bool headerSeen = false;
        int lineNumber = 0;
        while (csv.ReadLine() is { } line)
        {
            lineNumber++;
            ReadOnlySpan<char> l = line.AsSpan().Trim();
            if (l.IsEmpty)
            {
                continue;
            }

            if (l[0] == '#')
            {
                ReadOnlySpan<char> comment = l[1..].Trim();
                if (comment.StartsWith("as_of:", StringComparison.OrdinalIgnoreCase))
                {
                    asOf = comment["as_of:".Length..].Trim().ToString();
                }

                continue;
            }

            string[] cells = line.Split(',', StringSplitOptions.TrimEntries);
            if (!headerSeen)
            {
                headerSeen = true;
                if (cells.Length >= 3 && cells[0].Equals("currency", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
            }

            if (cells.Length < 3
                || cells[0].Length != 3
                || !int.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out int year)
                || !double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double rate)
                || !(rate > 0) || double.IsInfinity(rate))
            {
                throw new FormatException($"fx rates line {lineNumber.ToString(CultureInfo.InvariantCulture)}: expected currency,year,usd_per_unit[,n] but found \"{line}\"");
            }

            string currency = cells[0].ToUpperInvariant();
            if (!rows.TryGetValue(currency, out List<(int, double)>? list))
            {
                rows[currency] = list = [];
            }

            list.Add((year, rate));
        }

        Dictionary<string, (int Year, double Rate)[]> byCurrency = new(StringComparer.OrdinalIgnoreCase);
        foreach ((string currency, List<(int Year, double Rate)> list) in rows)
        {
            byCurrency[currency] = [.. list.OrderBy(r => r.Year)];
        }

        return new FxRates(byCurrency, asOf);
    }

    public static FxRates Load(string path)
    {
        using StreamReader reader = new(path);
        return Load(reader);
    }

    /// <summary>USD per unit: 1 for USD; the given year when present, else the nearest year; null when the currency is unknown.</summary>
    public double? UsdPerUnit(string currency, int? year)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (currency.Equals("USD", StringComparison.OrdinalIgnoreCase))
        {
            return 1.0;
        }

        if (!_byCurrency.TryGetValue(currency.Trim(), out (int Year, double Rate)[]? rates) || rates.Length == 0)
        {
            return null;
        }

        if (year is null)
        {
            return rates[^1].Rate;
        }

        (int Year, double Rate) best = rates[0];
        foreach ((int Year, double Rate) r in rates)
        {
            if (Math.Abs(r.Year - year.Value) <= Math.Abs(best.Year - year.Value))
            {
                best = r; // ascending years: "<=" keeps the later year on a tie
            }
        }

        return best.Rate;
    }

    private static FxRates LoadBundled()
    {
        using Stream stream = typeof(FxRates).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from {typeof(FxRates).Assembly.GetName().Name}");
        using StreamReader reader = new(stream);
        return Load(reader);
    }
}
