namespace SkillScope.Normalize;

/// <summary>ISO 3166-1 alpha-2 codes with English short names, plus the variants postings use.</summary>
internal static class Countries
{
    // Code|English short name (ISO 3166-1, 2024), one per entry; XK (Kosovo) is user-assigned but widely used.
    private static readonly string[] Iso =
    [
        "AD|Andorra", "AE|United Arab Emirates", "AF|Afghanistan", "AG|Antigua and Barbuda", "AI|Anguilla", "AL|Albania",
        "AM|Armenia", "AO|Angola", "AQ|Antarctica", "AR|Argentina", "AS|American Samoa", "AT|Austria", "AU|Australia",
        "AW|Aruba", "AX|Aland Islands", "AZ|Azerbaijan", "BA|Bosnia and Herzegovina", "BB|Barbados", "BD|Bangladesh",
        "BE|Belgium", "BF|Burkina Faso", "BG|Bulgaria", "BH|Bahrain", "BI|Burundi", "BJ|Benin", "BL|Saint Barthelemy",
        "BM|Bermuda", "BN|Brunei Darussalam", "BO|Bolivia", "BQ|Bonaire, Sint Eustatius and Saba", "BR|Brazil", "BS|Bahamas",
        "BT|Bhutan", "BV|Bouvet Island", "BW|Botswana", "BY|Belarus", "BZ|Belize", "CA|Canada", "CC|Cocos (Keeling) Islands",
        "CD|Democratic Republic of the Congo", "CF|Central African Republic", "CG|Congo", "CH|Switzerland", "CI|Cote d'Ivoire",
        "CK|Cook Islands", "CL|Chile", "CM|Cameroon", "CN|China", "CO|Colombia", "CR|Costa Rica", "CU|Cuba", "CV|Cabo Verde",
        "CW|Curacao", "CX|Christmas Island", "CY|Cyprus", "CZ|Czechia", "DE|Germany", "DJ|Djibouti", "DK|Denmark",
        "DM|Dominica", "DO|Dominican Republic", "DZ|Algeria", "EC|Ecuador", "EE|Estonia", "EG|Egypt", "EH|Western Sahara",
        "ER|Eritrea", "ES|Spain", "ET|Ethiopia", "FI|Finland", "FJ|Fiji", "FK|Falkland Islands", "FM|Micronesia",
        "FO|Faroe Islands", "FR|France", "GA|Gabon", "GB|United Kingdom", "GD|Grenada", "GE|Georgia", "GF|French Guiana",
        "GG|Guernsey", "GH|Ghana", "GI|Gibraltar", "GL|Greenland", "GM|Gambia", "GN|Guinea", "GP|Guadeloupe",
        "GQ|Equatorial Guinea", "GR|Greece", "GS|South Georgia and the South Sandwich Islands", "GT|Guatemala", "GU|Guam",
        "GW|Guinea-Bissau", "GY|Guyana", "HK|Hong Kong", "HM|Heard Island and McDonald Islands", "HN|Honduras", "HR|Croatia",
        "HT|Haiti", "HU|Hungary", "ID|Indonesia", "IE|Ireland", "IL|Israel", "IM|Isle of Man", "IN|India",
        "IO|British Indian Ocean Territory", "IQ|Iraq", "IR|Iran", "IS|Iceland", "IT|Italy", "JE|Jersey", "JM|Jamaica",
        "JO|Jordan", "JP|Japan", "KE|Kenya", "KG|Kyrgyzstan", "KH|Cambodia", "KI|Kiribati", "KM|Comoros",
        "KN|Saint Kitts and Nevis", "KP|North Korea", "KR|South Korea", "KW|Kuwait", "KY|Cayman Islands", "KZ|Kazakhstan",
        "LA|Laos", "LB|Lebanon", "LC|Saint Lucia", "LI|Liechtenstein", "LK|Sri Lanka", "LR|Liberia", "LS|Lesotho",
        "LT|Lithuania", "LU|Luxembourg", "LV|Latvia", "LY|Libya", "MA|Morocco", "MC|Monaco", "MD|Moldova", "ME|Montenegro",
        "MF|Saint Martin", "MG|Madagascar", "MH|Marshall Islands", "MK|North Macedonia", "ML|Mali", "MM|Myanmar",
        "MN|Mongolia", "MO|Macao", "MP|Northern Mariana Islands", "MQ|Martinique", "MR|Mauritania", "MS|Montserrat",
        "MT|Malta", "MU|Mauritius", "MV|Maldives", "MW|Malawi", "MX|Mexico", "MY|Malaysia", "MZ|Mozambique", "NA|Namibia",
        "NC|New Caledonia", "NE|Niger", "NF|Norfolk Island", "NG|Nigeria", "NI|Nicaragua", "NL|Netherlands", "NO|Norway",
        "NP|Nepal", "NR|Nauru", "NU|Niue", "NZ|New Zealand", "OM|Oman", "PA|Panama", "PE|Peru", "PF|French Polynesia",
        "PG|Papua New Guinea", "PH|Philippines", "PK|Pakistan", "PL|Poland", "PM|Saint Pierre and Miquelon", "PN|Pitcairn",
        "PR|Puerto Rico", "PS|Palestine", "PT|Portugal", "PW|Palau", "PY|Paraguay", "QA|Qatar", "RE|Reunion", "RO|Romania",
        "RS|Serbia", "RU|Russia", "RW|Rwanda", "SA|Saudi Arabia", "SB|Solomon Islands", "SC|Seychelles", "SD|Sudan",
        "SE|Sweden", "SG|Singapore", "SH|Saint Helena", "SI|Slovenia", "SJ|Svalbard and Jan Mayen", "SK|Slovakia",
        "SL|Sierra Leone", "SM|San Marino", "SN|Senegal", "SO|Somalia", "SR|Suriname", "SS|South Sudan",
        "ST|Sao Tome and Principe", "SV|El Salvador", "SX|Sint Maarten", "SY|Syria", "SZ|Eswatini",
        "TC|Turks and Caicos Islands", "TD|Chad", "TF|French Southern Territories", "TG|Togo", "TH|Thailand",
        "TJ|Tajikistan", "TK|Tokelau", "TL|Timor-Leste", "TM|Turkmenistan", "TN|Tunisia", "TO|Tonga", "TR|Turkey",
        "TT|Trinidad and Tobago", "TV|Tuvalu", "TW|Taiwan", "TZ|Tanzania", "UA|Ukraine", "UG|Uganda",
        "UM|United States Minor Outlying Islands", "US|United States", "UY|Uruguay", "UZ|Uzbekistan", "VA|Holy See",
        "VC|Saint Vincent and the Grenadines", "VE|Venezuela", "VG|British Virgin Islands", "VI|US Virgin Islands",
        "VN|Viet Nam", "VU|Vanuatu", "WF|Wallis and Futuna", "WS|Samoa", "XK|Kosovo", "YE|Yemen", "YT|Mayotte",
        "ZA|South Africa", "ZM|Zambia", "ZW|Zimbabwe",
    ];

    // Names, endonyms and alpha-3 codes seen in postings; keys are TextFold.Key form.
    private static readonly (string Key, string Code)[] Variants =
    [
        ("usa", "US"), ("us", "US"), ("u s", "US"), ("u s a", "US"), ("united states of america", "US"), ("america", "US"),
        ("the united states", "US"), ("estados unidos", "US"), ("eua", "US"), ("eeuu", "US"),
        ("uk", "GB"), ("u k", "GB"), ("gbr", "GB"), ("great britain", "GB"), ("britain", "GB"), ("england", "GB"), ("scotland", "GB"),
        ("wales", "GB"), ("northern ireland", "GB"), ("united kingdom of great britain and northern ireland", "GB"), ("reino unido", "GB"),
        ("deutschland", "DE"), ("deu", "DE"), ("allemagne", "DE"), ("alemanha", "DE"), ("alemania", "DE"),
        ("brasil", "BR"), ("bra", "BR"), ("espana", "ES"), ("esp", "ES"), ("mexico", "MX"), ("mex", "MX"), ("italia", "IT"), ("ita", "IT"),
        ("nederland", "NL"), ("holland", "NL"), ("the netherlands", "NL"), ("nld", "NL"), ("schweiz", "CH"), ("suisse", "CH"),
        ("svizzera", "CH"), ("che", "CH"), ("osterreich", "AT"), ("aut", "AT"), ("polska", "PL"), ("pol", "PL"), ("turkiye", "TR"),
        ("czech republic", "CZ"), ("cze", "CZ"), ("korea", "KR"), ("republic of korea", "KR"), ("kor", "KR"), ("russian federation", "RU"),
        ("vietnam", "VN"), ("uae", "AE"), ("ivory coast", "CI"), ("hong kong sar", "HK"), ("macau", "MO"), ("burma", "MM"),
        ("swaziland", "SZ"), ("cape verde", "CV"), ("east timor", "TL"), ("vatican", "VA"), ("vatican city", "VA"),
        ("macedonia", "MK"), ("slovak republic", "SK"), ("kyrgyz republic", "KG"), ("the bahamas", "BS"), ("the gambia", "GM"),
        ("dr congo", "CD"), ("drc", "CD"), ("republic of the congo", "CG"), ("republic of ireland", "IE"), ("irl", "IE"),
        ("can", "CA"), ("aus", "AU"), ("nzl", "NZ"), ("ind", "IN"), ("fra", "FR"), ("jpn", "JP"), ("chn", "CN"), ("sgp", "SG"),
        ("prt", "PT"), ("swe", "SE"), ("nor", "NO"), ("dnk", "DK"), ("fin", "FI"), ("bel", "BE"), ("isr", "IL"), ("zaf", "ZA"),
        ("arg", "AR"), ("col", "CO"), ("chl", "CL"), ("france", "FR"), ("belgique", "BE"), ("belgie", "BE"), ("sverige", "SE"),
        ("norge", "NO"), ("danmark", "DK"), ("suomi", "FI"), ("eire", "IE"), ("hellas", "GR"), ("magyarorszag", "HU"),
        ("romania", "RO"), ("people s republic of china", "CN"), ("peoples republic of china", "CN"), ("prc", "CN"),
        ("taiwan roc", "TW"), ("brunei", "BN"), ("moldova republic of", "MD"), ("iran islamic republic of", "IR"),
        ("lao pdr", "LA"), ("syrian arab republic", "SY"), ("state of palestine", "PS"), ("cote divoire", "CI"),
    ];

    private static readonly Dictionary<string, string> ByKey = Build();
    private static readonly HashSet<string> Codes = BuildCodes();

    public static IEnumerable<string> AllCodes => Codes;

    private static Dictionary<string, string> Build()
    {
        Dictionary<string, string> map = new(StringComparer.Ordinal);
        foreach (string entry in Iso)
        {
            int bar = entry.IndexOf('|', StringComparison.Ordinal);
            map[TextFold.Key(entry.AsSpan(bar + 1))] = entry[..bar];
        }

        foreach ((string key, string code) in Variants)
        {
            map[key] = code;
        }

        return map;
    }

    private static HashSet<string> BuildCodes()
    {
        HashSet<string> set = new(StringComparer.Ordinal);
        foreach (string entry in Iso)
        {
            set.Add(entry[..2]);
        }

        return set;
    }

    public static bool IsCode(ReadOnlySpan<char> code) =>
        code.Length == 2 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]) && Codes.Contains(code.ToString());

    /// <summary>The alpha-2 code for a name, variant or code (any case); null when it is not a country.</summary>
    public static string? Find(string? nameOrCode)
    {
        if (string.IsNullOrWhiteSpace(nameOrCode))
        {
            return null;
        }

        ReadOnlySpan<char> trimmed = nameOrCode.AsSpan().Trim();
        if (trimmed.Length == 2 && char.IsAsciiLetter(trimmed[0]) && char.IsAsciiLetter(trimmed[1]))
        {
            string upper = trimmed.ToString().ToUpperInvariant();
            if (upper == "UK")
            {
                return "GB";
            }

            return Codes.Contains(upper) ? upper : null;
        }

        string key = TextFold.Key(trimmed);
        if (key.StartsWith("the ", StringComparison.Ordinal) && !ByKey.ContainsKey(key))
        {
            key = key[4..];
        }

        return ByKey.GetValueOrDefault(key);
    }

    /// <summary>Lookup by an already-built key (no two-letter code handling).</summary>
    public static string? FindByKey(string key) => ByKey.GetValueOrDefault(key);
}
