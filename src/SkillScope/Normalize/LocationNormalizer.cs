namespace SkillScope.Normalize;

/// <summary>Where a posting is, as parsed from a location string.</summary>
/// <param name="Country">ISO 3166-1 alpha-2, or null when unknown.</param>
/// <param name="State">US state or DC, two letters; null outside the US or when unknown.</param>
/// <param name="Metro">One of <see cref="LocationNormalizer.MetroNames"/>, or null.</param>
/// <param name="City">The city as the text names it, without postal code; null for states, countries and areas.</param>
/// <param name="IsRemote">The text says the job is remote ("Remote", "Remote in Arlington, VA", "Anywhere").</param>
public sealed record LocationInfo(string? Country, string? State, string? Metro, string? City, bool IsRemote);

/// <summary>Parses free-text locations into country, US state, metro and city. Rules: docs/normalization.md.</summary>
public static class LocationNormalizer
{
    /// <summary>The metro display names <see cref="LocationInfo.Metro"/> can take.</summary>
    public static IReadOnlyList<string> MetroNames => Metros.All;

    /// <summary>ISO 3166-1 alpha-2 code for a country name, common variant ("USA", "U.S.", "UK", "England", "Deutschland") or code; null otherwise.</summary>
    public static string? CountryCode(string? nameOrCode) => Countries.Find(nameOrCode);

    private static readonly LocationInfo Nowhere = new(null, null, null, null, false);

    private readonly record struct Part(string Text, string Key, bool IsArea);

    /// <summary>
    /// Parses "San Francisco, CA", "Chicago, IL 60622 (West Town area)", "Remote in Arlington, VA", "London, England,
    /// United Kingdom", "Greater Boston"... <paramref name="defaultCountry"/> (a name or code) applies when the text names
    /// no country and no US state; the text never loses to it.
    /// </summary>
    public static LocationInfo Parse(string? text, string? defaultCountry = null)
    {
        string? fallbackCountry = Countries.Find(defaultCountry);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallbackCountry is null ? Nowhere : Nowhere with { Country = fallbackCountry };
        }

        return ByText.GetOrAdd((text, fallbackCountry), static key => Read(key.Text, key.Country));
    }

    private static readonly MemoCache<(string Text, string? Country), LocationInfo> ByText = new(capacity: 50_000);

    private static LocationInfo Read(string text, string? fallbackCountry)
    {
        bool remote = false;
        List<Part> parts = Split(text, ref remote);

        string? country = null;
        string? state = null;
        string? regionCountry = null;
        string? areaMetro = null;
        bool sawStateName = false;
        List<Part> candidates = [];
        List<string> counties = [];
        bool usFirst = fallbackCountry is null or "US";

        for (int i = parts.Count - 1; i >= 0; i--)
        {
            Part part = parts[i];
            string key = part.Key;
            if (part.IsArea && Metros.FindArea(key) is { } area)
            {
                areaMetro ??= area;
                continue;
            }

            if (country is null && state is null && AsCountry(key, usFirst) is { } cc)
            {
                country = cc;
                continue;
            }

            if (state is null && (country is null or "US") && Places.StateByKeyOrNull(key) is { } st)
            {
                state = st;
                sawStateName = key.Length > 2;
                continue;
            }

            if (state is null && Places.RegionCountry(key) is { } rc && (country is null || country == rc)
                && !(i == 0 && parts.Count > 1 && RegionCities.Contains(key)))
            {
                if (parts.Count == 1 && RegionCities.Contains(key))
                {
                    candidates.Add(part);
                }

                regionCountry ??= rc;
                continue;
            }

            if (Places.IsCounty(key))
            {
                counties.Add(key);
                continue;
            }

            candidates.Insert(0, part);
        }

        if (candidates.Count == 0 && parts.Count == 1 && state == "NY" && sawStateName && country is null)
        {
            candidates.Add(parts[0]); // "New York" alone is the city; "New York, United States" is LinkedIn's state-level place
        }

        bool washingtonDc = candidates.Count == 0 && state == "DC" && parts.Count > 0 && parts[^1].Key.StartsWith("washington", StringComparison.Ordinal);

        if (state == "GA" && sawStateName && country is null && candidates.Count > 0 && GeorgianCities.Contains(candidates[0].Key))
        {
            (state, country) = (null, "GE"); // "Tbilisi, Georgia": the country, not the state
        }

        string? knownCountry = country ?? (state is not null ? "US" : regionCountry) ?? fallbackCountry;
        string? metro = areaMetro;
        string? metroState = null;
        string? metroCountry = null;
        if (metro is null)
        {
            foreach (Part c in candidates)
            {
                if (Metros.Find(c.Key, state, knownCountry) is { } hit)
                {
                    (metro, metroCountry, metroState) = hit;
                    break;
                }
            }
        }

        if (metro is null)
        {
            foreach (string county in counties)
            {
                if (Metros.Find(county, state, knownCountry) is { } hit)
                {
                    (metro, metroCountry, metroState) = hit;
                    break;
                }
            }
        }

        if (metro is null && state == "DC")
        {
            metro = Metros.WashingtonDc;
        }

        if (metro is not null && metroCountry is null)
        {
            (metroCountry, metroState) = Metros.Home(metro);
        }

        country = knownCountry ?? metroCountry;
        if (country == "US")
        {
            state ??= metroState;
        }
        else
        {
            state = null;
        }

        string? city = null;
        foreach (Part c in candidates)
        {
            if (!c.IsArea && !char.IsAsciiDigit(c.Text[0]))
            {
                city = c.Text;
                break;
            }
        }

        if (washingtonDc)
        {
            city = "Washington";
        }

        if (city is null && candidates.Count == 0 && (country is "SG" or "HK") && areaMetro is null && state is null)
        {
            city = country == "SG" ? "Singapore" : "Hong Kong";
            metro ??= country == "SG" ? Metros.Singapore : null;
        }

        return new LocationInfo(country, state, metro, city, remote);
    }

    // Regions whose name is also a city: kept as the city when they come first ("São Paulo, São Paulo, Brasil").
    private static readonly HashSet<string> RegionCities = new(StringComparer.Ordinal) { "sao paulo", "rio de janeiro", "delhi", "new delhi", "victoria" };

    private static readonly HashSet<string> GeorgianCities = new(StringComparer.Ordinal) { "tbilisi", "batumi", "kutaisi", "rustavi" };

    private static string? AsCountry(string key, bool usFirst)
    {
        if (key.Length == 2)
        {
            if (usFirst && Places.StateByKeyOrNull(key) is not null)
            {
                return null; // "CA", "DE", "IN": US states first in US-centric data
            }

            return key == "uk" ? "GB" : Countries.IsCode(key.ToUpperInvariant()) ? key.ToUpperInvariant() : null;
        }

        if (usFirst && key == "georgia")
        {
            return null;
        }

        return Countries.FindByKey(key);
    }

    private static readonly string[] RemoteKeys =
    [
        "remote", "anywhere", "work from home", "wfh", "telecommute", "fully remote", "100 remote", "remote first", "worldwide",
        "global", "home based", "remoto", "remote only", "virtual", "telework", "home office",
    ];

    private static readonly string[] HybridKeys = ["hybrid", "hibrido", "hybrid remote", "on site", "onsite", "in office", "in person", "presencial"];

    private static readonly string[] AreaPrefixes = ["greater "];

    private static readonly string[] AreaSuffixes =
        [" metropolitan area", " metropolitan region", " metro area", " metroplex", " area", " region", " e regiao", " metro"];

    private static List<Part> Split(string text, ref bool remote)
    {
        string s = text.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ').Trim();
        List<string> extra = [];

        // Parentheticals: "(West Town area)" is noise, "(Remote)" a cue, "(United States)" a place.
        int open;
        while ((open = s.IndexOf('(', StringComparison.Ordinal)) >= 0)
        {
            int close = s.IndexOf(')', open + 1);
            string inner = close < 0 ? s[(open + 1)..] : s[(open + 1)..close];
            s = close < 0 ? s[..open] : s[..open] + " " + s[(close + 1)..];
            string innerKey = TextFold.Key(inner);
            if (Array.IndexOf(RemoteKeys, innerKey) >= 0)
            {
                remote = true;
            }
            else if (innerKey.Length > 0 && Array.IndexOf(HybridKeys, innerKey) < 0 && !innerKey.EndsWith(" area", StringComparison.Ordinal) && innerKey != "area")
            {
                extra.Add(inner);
            }
        }

        s = s.Trim();
        if (StartsWithKey(s, "hybrid remote in ", out string rest) || StartsWithKey(s, "hybrid in ", out rest))
        {
            s = rest;
        }
        else if (StartsWithKey(s, "remote in ", out rest) || StartsWithKey(s, "remote from ", out rest) || StartsWithKey(s, "remote within ", out rest))
        {
            remote = true;
            s = rest;
        }

        List<Part> parts = [];
        foreach (string raw in s.Split([",", ";", "|", " - ", " – ", " — ", "•", " / "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Concat(extra))
        {
            string piece = StripPostalCode(raw.Trim());
            string key = TextFold.Key(piece);
            if (key.Length == 0)
            {
                continue;
            }

            if (Array.IndexOf(RemoteKeys, key) >= 0)
            {
                remote = true;
                continue;
            }

            if (Array.IndexOf(HybridKeys, key) >= 0)
            {
                continue;
            }

            if (key.StartsWith("remote ", StringComparison.Ordinal) || key.EndsWith(" remote", StringComparison.Ordinal))
            {
                remote = true;
                key = (key.StartsWith("remote ", StringComparison.Ordinal) ? key[7..] : key[..^7]).Trim();
                piece = key;
            }

            bool isArea = false;
            foreach (string prefix in AreaPrefixes)
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    key = key[prefix.Length..];
                    isArea = true;
                }
            }

            foreach (string suffix in AreaSuffixes)
            {
                if (key.EndsWith(suffix, StringComparison.Ordinal) && key.Length > suffix.Length)
                {
                    key = key[..^suffix.Length];
                    isArea = true;
                    break;
                }
            }

            if (key.Length > 0)
            {
                parts.Add(new Part(CollapseSpaces(piece), key, isArea));
            }
        }

        return parts;
    }

    private static bool StartsWithKey(string s, string prefix, out string rest)
    {
        if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            rest = s[prefix.Length..].Trim();
            return true;
        }

        rest = s;
        return false;
    }

    // "IL 60622", "MA 02142", "NJ 08628-1234" -> the state alone.
    private static string StripPostalCode(string part)
    {
        ReadOnlySpan<char> p = part.AsSpan().TrimEnd();
        int space = p.LastIndexOf(' ');
        if (space > 0)
        {
            ReadOnlySpan<char> last = p[(space + 1)..];
            bool zip5 = last.Length == 5 && IsDigits(last);
            bool zip9 = last.Length == 10 && last[5] == '-' && IsDigits(last[..5]) && IsDigits(last[6..]);
            if (zip5 || zip9)
            {
                return p[..space].TrimEnd().ToString();
            }
        }

        return part;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string CollapseSpaces(string s) => s.Contains("  ", StringComparison.Ordinal) ? string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries)) : s;
}
