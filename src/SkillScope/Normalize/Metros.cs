namespace SkillScope.Normalize;

/// <summary>
/// The metro areas SkillScope reports, and the cities and counties in each. A city marked '*' is distinctive
/// enough to place a posting without a state or country ("Sunnyvale"); the others need one ("Cambridge, MA",
/// "Arlington, VA", "Richmond, CA"), because the same name is a different place elsewhere.
/// </summary>
internal static class Metros
{
    public const string SfBayArea = "SF Bay Area";
    public const string NewYorkCity = "New York City";
    public const string Seattle = "Seattle";
    public const string Boston = "Boston";
    public const string LosAngeles = "Los Angeles";
    public const string Austin = "Austin";
    public const string Denver = "Denver";
    public const string Chicago = "Chicago";
    public const string WashingtonDc = "Washington DC";
    public const string London = "London";
    public const string Berlin = "Berlin";
    public const string Paris = "Paris";
    public const string Toronto = "Toronto";
    public const string Bangalore = "Bangalore";
    public const string Singapore = "Singapore";

    public static readonly IReadOnlyList<string> All =
        [SfBayArea, NewYorkCity, Seattle, Boston, LosAngeles, Austin, Denver, Chicago, WashingtonDc, London, Berlin, Paris, Toronto, Bangalore, Singapore];

    /// <summary>Where a metro lies: its country, and its US state when it lies in one state.</summary>
    public static (string Country, string? State) Home(string metro) => metro switch
    {
        SfBayArea or LosAngeles => ("US", "CA"),
        Seattle => ("US", "WA"),
        Austin => ("US", "TX"),
        Denver => ("US", "CO"),
        NewYorkCity or Boston or Chicago or WashingtonDc => ("US", null),
        London => ("GB", null),
        Berlin => ("DE", null),
        Paris => ("FR", null),
        Toronto => ("CA", null),
        Bangalore => ("IN", null),
        Singapore => ("SG", null),
        _ => throw new ArgumentOutOfRangeException(nameof(metro), metro, "not a metro"),
    };

    // metro, country, US state (null outside the US), cities separated by '|'.
    private static readonly (string Metro, string Country, string? State, string Cities)[] Table =
    [
        (SfBayArea, "US", "CA",
            "San Francisco*|South San Francisco*|Oakland*|San Jose*|Palo Alto*|East Palo Alto*|Mountain View|Sunnyvale*|Menlo Park|"
            + "Redwood City*|Redwood Shores*|Santa Clara|Cupertino*|Fremont|Berkeley|San Mateo|Foster City*|Emeryville*|Milpitas*|"
            + "Los Gatos*|Campbell|Saratoga|Los Altos*|Los Altos Hills*|Burlingame*|San Bruno*|San Carlos|Belmont|Millbrae*|Daly City*|"
            + "Brisbane|Hayward|Union City|Newark|Pleasanton*|Livermore|Dublin|San Ramon*|Walnut Creek*|Concord|Richmond|Alameda|"
            + "San Leandro*|Danville|Lafayette|Orinda*|Moraga*|Martinez|Pleasant Hill|Albany|El Cerrito*|San Rafael|Novato*|Mill Valley*|"
            + "Sausalito*|Larkspur|Corte Madera*|Tiburon*|Half Moon Bay*|Atherton*|Portola Valley*|Woodside|Morgan Hill*|Castro Valley*|"
            + "Hercules|Pinole*|Santa Clara Valley*|Silicon Valley*|Bay Area*|San Francisco Bay Area*|SF Bay Area*|SF*"),
        (NewYorkCity, "US", "NY",
            "New York*|New York City*|NYC*|Manhattan*|Brooklyn*|Queens|Bronx*|The Bronx*|Staten Island*|Long Island City*|Astoria|"
            + "Flushing|Yonkers*|White Plains|New Rochelle*|Mount Vernon|Harrison|Rye|Purchase|Tarrytown|Armonk|Valhalla"),
        (NewYorkCity, "US", "NJ",
            "Jersey City*|Hoboken*|Newark|Weehawken*|Secaucus*|Fort Lee|Bayonne*|Edgewater|Harrison|North Bergen*|West New York*|"
            + "Union City|Kearny|Elizabeth|Paramus*|Hackensack*|Englewood Cliffs*|Rutherford|Lyndhurst|East Rutherford*|Montclair|"
            + "Clifton|Passaic|Teaneck*|Mahwah|Parsippany|Florham Park*|Morristown|Short Hills*|Livingston|Berkeley Heights|Summit|"
            + "Iselin*|Woodbridge|Edison|Piscataway|New Brunswick|Princeton"),
        (Seattle, "US", "WA",
            "Seattle*|Bellevue|Redmond|Kirkland|Bothell|Renton|Tacoma|Everett|Issaquah|Kent|Tukwila|Lynnwood|Sammamish*|Woodinville|"
            + "Federal Way|Mercer Island*|Shoreline|Burien|SeaTac*|Auburn|Mukilteo*|Edmonds|Kenmore|Puyallup*"),
        (Boston, "US", "MA",
            "Boston*|Cambridge|Somerville|Waltham|Burlington|Lexington|Woburn|Newton|Needham|Quincy|Watertown|Brookline|Medford|"
            + "Malden|Bedford|Framingham|Natick|Wellesley|Lowell|Billerica|Marlborough|Braintree|Canton|Dedham|Wakefield|Lynn|Salem|"
            + "Beverly|Danvers|Peabody|Chelsea|Everett|Revere|Arlington|Belmont|Westborough|Maynard|Acton|Concord|Chelmsford|"
            + "Tewksbury|Wilmington|Andover|North Andover|Boxborough|Westford|Littleton|Norwood|Hopkinton|Southborough|Marlboro|"
            + "Weston|Wayland|Sudbury|Lincoln|Winchester|Reading|Stoneham|Milton|Weymouth|Hingham|Plymouth|Foxborough|Mansfield|"
            + "Andover|Devens|Chestnut Hill"),
        (LosAngeles, "US", "CA",
            "Los Angeles*|Santa Monica*|Pasadena|Burbank|Glendale|Culver City*|Long Beach|Irvine|Anaheim*|Santa Ana|Costa Mesa*|"
            + "Newport Beach*|Torrance*|El Segundo*|Beverly Hills*|West Hollywood*|Hollywood|Marina del Rey*|Playa Vista*|Venice|"
            + "Inglewood|Manhattan Beach*|Redondo Beach*|Hawthorne|Carson|Downey|Whittier|Calabasas*|Woodland Hills*|Sherman Oaks*|"
            + "Van Nuys*|Northridge|Encino|Studio City*|North Hollywood*|Chatsworth|Canoga Park*|Valencia|Santa Clarita*|"
            + "Lake Forest|Aliso Viejo*|Mission Viejo*|Laguna Hills*|Tustin*|Orange|Fullerton|Huntington Beach*|Fountain Valley*|"
            + "Cypress|Buena Park*|Garden Grove|Brea|Cerritos|Santa Fe Springs*|Commerce|Alhambra|Monterey Park|El Monte*|"
            + "West Covina*|Arcadia|Monrovia|Azusa|Diamond Bar*|Walnut|City of Industry*|Rancho Palos Verdes*|San Pedro|Wilmington|"
            + "Agoura Hills*|Westlake Village*|Malibu*|Lakewood|Gardena|Signal Hill|La Mirada*|Norwalk|Bellflower|San Dimas*|Glendora|"
            + "Claremont|La Verne|Covina|Irwindale*|Rosemead|San Gabriel|Seal Beach*|Los Alamitos*|Yorba Linda*|Placentia|La Habra|"
            + "Laguna Beach|Laguna Niguel*|Dana Point*|San Clemente|San Juan Capistrano*|Rancho Santa Margarita*|Foothill Ranch*|"
            + "Greater Los Angeles*"),
        (Austin, "US", "TX",
            "Austin*|Round Rock*|Cedar Park*|Georgetown|Pflugerville*|Leander*|San Marcos|Kyle|Buda|Bee Cave*|Lakeway*|"
            + "West Lake Hills*|Dripping Springs*|Hutto|Manor"),
        (Denver, "US", "CO",
            "Denver*|Aurora|Lakewood|Englewood|Centennial|Littleton|Greenwood Village*|Broomfield*|Westminster|Arvada|Thornton|"
            + "Golden|Parker|Highlands Ranch*|Lone Tree|Castle Rock|Commerce City|Wheat Ridge*|Northglenn*|Louisville|Boulder|"
            + "Superior|Lafayette|Longmont|Glendale"),
        (Chicago, "US", "IL",
            "Chicago*|Evanston|Oak Brook*|Naperville*|Schaumburg*|Skokie*|Deerfield|Northbrook|Lake Forest|Rosemont|Des Plaines*|"
            + "Oak Park|Elk Grove Village*|Itasca|Lombard|Downers Grove*|Lisle|Wheaton|Aurora|Elgin|Joliet|Arlington Heights|Palatine|"
            + "Hoffman Estates*|Glenview|Park Ridge|Lincolnshire|Vernon Hills*|Mettawa*|Bannockburn|Riverwoods*|Westchester|"
            + "Oakbrook Terrace*|Warrenville|Bolingbrook*|Romeoville|Orland Park*|Tinley Park*|Cicero|Berwyn|Schiller Park*|Franklin Park|"
            + "Northfield|Wilmette*|Winnetka|Highland Park|Libertyville|Waukegan|North Chicago|Abbott Park*|Mount Prospect*|"
            + "Buffalo Grove*|Wheeling|Rolling Meadows|Bensenville*|Wood Dale|Addison|Carol Stream*|Glen Ellyn*|Hinsdale|Burr Ridge*|"
            + "Westmont|Woodridge|Chicagoland*"),
        (Chicago, "US", "IN", "Hammond|Gary|Merrillville|Munster"),
        (WashingtonDc, "US", "DC", "Washington|Washington DC*|Washington D C*|Washington Navy Yard*|Joint Base Anacostia Bolling*"),
        (WashingtonDc, "US", "VA",
            "Arlington|Alexandria|Reston*|McLean*|Mc Lean*|Tysons*|Tysons Corner*|Herndon|Fairfax|Falls Church*|Vienna|Chantilly*|"
            + "Sterling|Ashburn|Dulles*|Springfield|Fort Belvoir*|Ft Belvoir*|Leesburg|Manassas*|Centreville*|Annandale|Burke|Lorton*|"
            + "Woodbridge|Quantico|Crystal City*|Rosslyn*|Merrifield*|Oakton*|Great Falls|Fairfax County*|Arlington County*|"
            + "Loudoun County*|Prince William County*|Dumfries|Gainesville|Haymarket|Warrenton|Fort Myer|Pentagon*"),
        (WashingtonDc, "US", "MD",
            "Bethesda*|Rockville|Silver Spring*|Gaithersburg*|College Park|Hyattsville*|Germantown|Chevy Chase*|Greenbelt*|Bowie|Largo|"
            + "Landover*|Suitland*|Lanham*|Beltsville*|Frederick|Laurel|Upper Marlboro*|Clinton|Joint Base Andrews*|Adelphi|Kensington|"
            + "Potomac|North Bethesda*|Wheaton|Oxon Hill*|National Harbor*|Fort Washington|Capitol Heights*|Riverdale|Temple Hills*|"
            + "Camp Springs*|Takoma Park*"),
        (London, "GB", null,
            "London*|City of London*|Westminster|Canary Wharf*|Croydon*|Camden|Islington*|Hackney*|Shoreditch*|Southwark*|Lambeth*|"
            + "Hammersmith*|Wimbledon|Stratford|Greenwich|Kingston upon Thames*|Richmond|Uxbridge*|Harrow|Ealing*|Chiswick*|Brentford*|"
            + "Heathrow*|Wembley*|Barking*|Romford*|Bromley*|Stockley Park*|Holborn*|Farringdon*|Clerkenwell*|Kings Cross*|Paddington*|"
            + "Soho|Mayfair*|Greater London*|London Area*"),
        (Berlin, "DE", null, "Berlin*|Potsdam*|Berlin Mitte*|Kreuzberg*|Charlottenburg*|Schonefeld*"),
        (Paris, "FR", null,
            "Paris*|La Defense*|Puteaux*|Courbevoie*|Nanterre*|Boulogne Billancourt*|Issy les Moulineaux*|Levallois Perret*|"
            + "Neuilly sur Seine*|Saint Denis|Montrouge*|Clichy*|Rueil Malmaison*|Suresnes*|Saint Cloud*|Massy*|Palaiseau*|Saclay*|"
            + "Gif sur Yvette*|Versailles|Velizy Villacoublay*|Saint Ouen*|Montreuil|Ivry sur Seine*|Vincennes|Creteil*|Guyancourt*|"
            + "Orsay*|Ile de France*|Paris Area*"),
        (Toronto, "CA", null,
            "Toronto*|Mississauga*|Markham*|Vaughan*|Brampton*|Richmond Hill*|Oakville*|North York*|Scarborough|Etobicoke*|Pickering|"
            + "Ajax|Whitby|Oshawa*|Burlington|Milton|Newmarket|Aurora|Concord|Thornhill*|Woodbridge|Greater Toronto*|GTA*"),
        (Bangalore, "IN", null, "Bangalore*|Bengaluru*|Bangalore Urban*|Bengaluru Urban*|Whitefield|Electronic City*|Bangalore Rural*"),
        (Singapore, "SG", null, "Singapore*"),
    ];

    // County keys (TextFold.Key form) inside one metro; state required unless unique here and in the US.
    private static readonly (string County, string State, string Metro, bool Distinctive)[] Counties =
    [
        ("san francisco county", "CA", SfBayArea, true), ("san mateo county", "CA", SfBayArea, true),
        ("santa clara county", "CA", SfBayArea, true), ("alameda county", "CA", SfBayArea, true),
        ("contra costa county", "CA", SfBayArea, true), ("marin county", "CA", SfBayArea, true),
        ("los angeles county", "CA", LosAngeles, true), ("orange county", "CA", LosAngeles, false),
        ("king county", "WA", Seattle, true), ("snohomish county", "WA", Seattle, true), ("pierce county", "WA", Seattle, false),
        ("suffolk county", "MA", Boston, false), ("middlesex county", "MA", Boston, false), ("norfolk county", "MA", Boston, false),
        ("cook county", "IL", Chicago, true), ("dupage county", "IL", Chicago, true), ("du page county", "IL", Chicago, true),
        ("lake county", "IL", Chicago, false),
        ("travis county", "TX", Austin, true), ("williamson county", "TX", Austin, false),
        ("denver county", "CO", Denver, true), ("arapahoe county", "CO", Denver, true), ("jefferson county", "CO", Denver, false),
        ("adams county", "CO", Denver, false), ("douglas county", "CO", Denver, false), ("boulder county", "CO", Denver, true),
        ("fairfax county", "VA", WashingtonDc, true), ("arlington county", "VA", WashingtonDc, true),
        ("loudoun county", "VA", WashingtonDc, true), ("prince william county", "VA", WashingtonDc, true),
        ("montgomery county", "MD", WashingtonDc, false), ("prince georges county", "MD", WashingtonDc, true),
        ("new york county", "NY", NewYorkCity, true), ("kings county", "NY", NewYorkCity, false), ("queens county", "NY", NewYorkCity, true),
        ("bronx county", "NY", NewYorkCity, true), ("richmond county", "NY", NewYorkCity, false), ("hudson county", "NJ", NewYorkCity, true),
        ("westchester county", "NY", NewYorkCity, true), ("bergen county", "NJ", NewYorkCity, true),
    ];

    // Names that are areas, not cities: LinkedIn's "Greater Boston", "New York City Metropolitan Area" after the area words are removed.
    private static readonly (string Key, string Metro)[] Areas =
    [
        ("san francisco bay", SfBayArea), ("san francisco bay area", SfBayArea), ("sf bay", SfBayArea), ("bay area", SfBayArea),
        ("silicon valley", SfBayArea), ("new york city", NewYorkCity), ("new york", NewYorkCity), ("nyc", NewYorkCity),
        ("new york city metropolitan", NewYorkCity), ("tri state", NewYorkCity), ("seattle", Seattle), ("boston", Boston),
        ("los angeles", LosAngeles), ("la", LosAngeles), ("austin", Austin), ("austin texas", Austin), ("denver", Denver),
        ("chicago", Chicago), ("chicagoland", Chicago), ("washington dc baltimore", WashingtonDc), ("washington dc", WashingtonDc),
        ("washington d c", WashingtonDc), ("dc baltimore", WashingtonDc), ("dmv", WashingtonDc), ("london", London), ("berlin", Berlin),
        ("paris", Paris), ("ile de france", Paris), ("toronto", Toronto), ("gta", Toronto), ("bangalore", Bangalore),
        ("bengaluru", Bangalore), ("singapore", Singapore),
    ];

    private readonly record struct Place(string Metro, string Country, string? State, bool Distinctive);

    private static readonly Dictionary<string, Place[]> Cities = BuildCities();
    private static readonly Dictionary<string, Place[]> CountyPlaces = BuildCounties();
    private static readonly Dictionary<string, string> AreaByKey = Areas.ToDictionary(a => a.Key, a => a.Metro, StringComparer.Ordinal);

    private static Dictionary<string, Place[]> BuildCities()
    {
        Dictionary<string, List<Place>> map = new(StringComparer.Ordinal);
        foreach ((string metro, string country, string? state, string cities) in Table)
        {
            foreach (string raw in cities.Split('|'))
            {
                bool distinctive = raw.EndsWith('*');
                string key = TextFold.Key(distinctive ? raw[..^1] : raw);
                if (!map.TryGetValue(key, out List<Place>? list))
                {
                    map[key] = list = [];
                }

                if (!list.Exists(p => p.Metro == metro && p.State == state && p.Country == country))
                {
                    list.Add(new Place(metro, country, state, distinctive));
                }
            }
        }

        return map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    private static Dictionary<string, Place[]> BuildCounties()
    {
        Dictionary<string, List<Place>> map = new(StringComparer.Ordinal);
        foreach ((string county, string state, string metro, bool distinctive) in Counties)
        {
            if (!map.TryGetValue(county, out List<Place>? list))
            {
                map[county] = list = [];
            }

            list.Add(new Place(metro, "US", state, distinctive));
        }

        return map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The metro of a city or county key, given what else the location says, with the US state of the entry
    /// that matched (so "Jersey City" alone also gives NJ).
    /// </summary>
    public static (string Metro, string Country, string? State)? Find(string key, string? state, string? country)
    {
        if (Cities.TryGetValue(key, out Place[]? places) || CountyPlaces.TryGetValue(key, out places))
        {
            return Pick(places, state, country) is { } p ? (p.Metro, p.Country, p.State) : null;
        }

        return null;
    }

    /// <summary>The metro an area name stands for ("bay area", "washington dc baltimore"), or null.</summary>
    public static string? FindArea(string key) => AreaByKey.GetValueOrDefault(key);

    private static Place? Pick(Place[] places, string? state, string? country)
    {
        Place? hit = null;
        int matches = 0;
        foreach (Place p in places)
        {
            bool fits = state is not null
                ? p.State == state && (country is null || country == p.Country)
                : (country is null || country == p.Country) && p.Distinctive;
            if (fits)
            {
                hit = p;
                matches++;
            }
        }

        return matches == 1 ? hit : null;
    }
}
