namespace SkillScope.Normalize;

/// <summary>US states (50 + DC) and regions of other countries that locate a posting without naming the country.</summary>
internal static class Places
{
    private static readonly string[] States =
    [
        "AL|Alabama", "AK|Alaska", "AZ|Arizona", "AR|Arkansas", "CA|California", "CO|Colorado", "CT|Connecticut",
        "DE|Delaware", "DC|District of Columbia", "FL|Florida", "GA|Georgia", "HI|Hawaii", "ID|Idaho", "IL|Illinois",
        "IN|Indiana", "IA|Iowa", "KS|Kansas", "KY|Kentucky", "LA|Louisiana", "ME|Maine", "MD|Maryland", "MA|Massachusetts",
        "MI|Michigan", "MN|Minnesota", "MS|Mississippi", "MO|Missouri", "MT|Montana", "NE|Nebraska", "NV|Nevada",
        "NH|New Hampshire", "NJ|New Jersey", "NM|New Mexico", "NY|New York", "NC|North Carolina", "ND|North Dakota",
        "OH|Ohio", "OK|Oklahoma", "OR|Oregon", "PA|Pennsylvania", "RI|Rhode Island", "SC|South Carolina", "SD|South Dakota",
        "TN|Tennessee", "TX|Texas", "UT|Utah", "VT|Vermont", "VA|Virginia", "WA|Washington", "WV|West Virginia",
        "WI|Wisconsin", "WY|Wyoming",
    ];

    private static readonly (string Key, string Code)[] StateVariants =
    [
        ("washington dc", "DC"), ("washington d c", "DC"), ("dc", "DC"), ("d c", "DC"), ("district of colombia", "DC"),
        ("calif", "CA"), ("mass", "MA"), ("penn", "PA"), ("wash", "WA"), ("n y", "NY"), ("n j", "NJ"),
    ];

    private static readonly Dictionary<string, string> StateByKey = BuildStates();
    private static readonly HashSet<string> StateCodes = [.. States.Select(s => s[..2])];

    public static IReadOnlyCollection<string> UsStateCodes => StateCodes;

    private static Dictionary<string, string> BuildStates()
    {
        Dictionary<string, string> map = new(StringComparer.Ordinal);
        foreach (string entry in States)
        {
            map[TextFold.Key(entry.AsSpan(3))] = entry[..2];
            map[entry[..2].ToLowerInvariant()] = entry[..2];
        }

        foreach ((string key, string code) in StateVariants)
        {
            map[key] = code;
        }

        return map;
    }

    /// <summary>US state code for a key (name, code or variant, TextFold.Key form); null when not a state.</summary>
    public static string? StateByKeyOrNull(string key) => StateByKey.GetValueOrDefault(key);

    /// <summary>True when the key is a two-letter form ("ca", "ny") rather than a name.</summary>
    public static bool IsTwoLetter(string key) => key.Length == 2;

    // Provinces and states of other countries, for strings that give no country ("Toronto, ON", "Bengaluru, Karnataka").
    private static readonly (string Key, string Country)[] Regions =
    [
        ("on", "CA"), ("ontario", "CA"), ("qc", "CA"), ("quebec", "CA"), ("bc", "CA"), ("british columbia", "CA"), ("ab", "CA"),
        ("alberta", "CA"), ("mb", "CA"), ("manitoba", "CA"), ("sk", "CA"), ("saskatchewan", "CA"), ("ns", "CA"), ("nova scotia", "CA"),
        ("nb", "CA"), ("new brunswick", "CA"), ("nl", "CA"), ("newfoundland and labrador", "CA"), ("pe", "CA"), ("prince edward island", "CA"),
        ("yt", "CA"), ("yukon", "CA"), ("nt", "CA"), ("northwest territories", "CA"), ("nu", "CA"), ("nunavut", "CA"),
        ("new south wales", "AU"), ("nsw", "AU"), ("victoria", "AU"), ("queensland", "AU"), ("western australia", "AU"),
        ("south australia", "AU"), ("tasmania", "AU"), ("australian capital territory", "AU"), ("act", "AU"),
        ("karnataka", "IN"), ("maharashtra", "IN"), ("telangana", "IN"), ("tamil nadu", "IN"), ("delhi", "IN"), ("new delhi", "IN"),
        ("haryana", "IN"), ("uttar pradesh", "IN"), ("west bengal", "IN"), ("gujarat", "IN"), ("kerala", "IN"), ("andhra pradesh", "IN"),
        ("england", "GB"), ("scotland", "GB"), ("wales", "GB"), ("northern ireland", "GB"), ("greater london", "GB"),
        ("ile de france", "FR"), ("bavaria", "DE"), ("bayern", "DE"), ("hesse", "DE"), ("hessen", "DE"), ("north rhine westphalia", "DE"),
        ("nordrhein westfalen", "DE"), ("baden wurttemberg", "DE"), ("brandenburg", "DE"),
        ("sao paulo", "BR"), ("rio de janeiro", "BR"), ("minas gerais", "BR"), ("parana", "BR"), ("rio grande do sul", "BR"),
        ("santa catarina", "BR"), ("distrito federal", "BR"), ("bahia", "BR"), ("pernambuco", "BR"), ("ceara", "BR"), ("goias", "BR"),
    ];

    private static readonly Dictionary<string, string> RegionByKey = Regions.ToDictionary(r => r.Key, r => r.Country, StringComparer.Ordinal);

    /// <summary>Country of a non-US region key, or null.</summary>
    public static string? RegionCountry(string key) => RegionByKey.GetValueOrDefault(key);

    public static bool IsCounty(string key) =>
        key.EndsWith(" county", StringComparison.Ordinal) || key.EndsWith(" parish", StringComparison.Ordinal)
        || key.EndsWith(" borough", StringComparison.Ordinal) || key.EndsWith(" city and county", StringComparison.Ordinal);
}
