using SkillScope.Ingest.Csv;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// Adzuna API search results saved with pandas (adzuna_us_2026/adzuna_jobs_raw.csv). The nested API
/// objects were written as Python literals: <c>company</c> is
/// <c>{'display_name': 'BC Forward', ...}</c> and <c>location</c> holds
/// <c>'area': ['US', 'New Jersey', 'Hudson County', 'Jersey City']</c>, country first.
/// Adzuna salaries are annual, in the currency of the country searched.
/// </summary>
internal sealed class AdzunaFormat : CsvRecordFormat
{
    public override string Name => "adzuna";

    public override string DefaultSource => "adzuna";

    public override IReadOnlyList<string> RequiredColumns { get; } =
    [
        "id", "title", "company", "location", "description", "created", "salary_min", "salary_max",
        "salary_is_predicted", "redirect_url",
    ];

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        var id = header.IndexOf("id");
        var title = header.IndexOf("title");
        var company = header.IndexOf("company");
        var location = header.IndexOf("location");
        var description = header.IndexOf("description");
        var created = header.IndexOf("created");
        var min = header.IndexOf("salary_min");
        var max = header.IndexOf("salary_max");
        var predicted = header.IndexOf("salary_is_predicted");
        var url = header.IndexOf("redirect_url");
        var contractTime = header.IndexOf("contract_time");
        var contractType = header.IndexOf("contract_type");
        var pool = new StringPool();

        return row =>
        {
            if (row.Text(title) is not { } titleText)
            {
                return RowResult.Fail("missing title");
            }

            if (!TryCompany(row.Text(company), out var companyName, out var error))
            {
                return RowResult.Fail($"company: {error}");
            }

            if (!TryLocation(row.Text(location), out var place, out var country, out error))
            {
                return RowResult.Fail($"location: {error}");
            }

            if (!FieldParsing.TryOptionalDate(row.Text(created), "created", out var posted, out error)
                || !FieldParsing.TrySalaryRange(row.Text(min), row.Text(max), out var salaryMin, out var salaryMax, out error))
            {
                return RowResult.Fail(error!);
            }

            var predictedText = row.Text(predicted);
            var isPredicted = false;
            if (predictedText is not null && !FieldParsing.TryBool(predictedText, out isPredicted))
            {
                return RowResult.Fail($"salary_is_predicted {FieldParsing.Quote(predictedText)} is not 0 or 1");
            }

            return new RawRecord
            {
                Kind = RecordKinds.Posting,
                SourceId = row.Text(id),
                Title = titleText,
                Company = pool.Get(companyName),
                Location = pool.Get(place),
                CountryHint = country,
                Description = row.Text(description),
                PostedDate = posted,
                SalaryMin = salaryMin,
                SalaryMax = salaryMax,
                SalaryCurrency = salaryMin is null ? null : Currency(country),
                SalaryPeriod = salaryMin is null ? null : SalaryPeriods.Year,
                SalaryIsEstimate = salaryMin is not null && isPredicted,
                EmploymentTypeHint = EmploymentType(row.Text(contractType), row.Text(contractTime)),
                Url = row.Text(url),
            };
        };
    }

    /// <summary>contract_type "contract" says more than contract_time "full_time" (a full-time contract is a contract).</summary>
    internal static string? EmploymentType(string? contractType, string? contractTime) =>
        contractType is "contract" ? "contract" : contractTime ?? contractType;

    internal static bool TryCompany(string? text, out string? name, out string? error)
    {
        name = null;
        error = null;
        if (text is null)
        {
            return true;
        }

        if (!text.StartsWith('{'))
        {
            name = text;
            return true;
        }

        if (!PythonLiteral.TryParse(text, out var value, out error))
        {
            return false;
        }

        name = (value as Dictionary<string, object?>)?.GetValueOrDefault("display_name") as string;
        name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        return true;
    }

    /// <summary>
    /// The area list runs from country to town; it is written back town first ("Reston, Fairfax
    /// County, Virginia, US"), the usual order of a place name. Without an area list the display
    /// name is used as stated.
    /// </summary>
    internal static bool TryLocation(string? text, out string? place, out string? country, out string? error)
    {
        place = null;
        country = null;
        error = null;
        if (text is null)
        {
            return true;
        }

        if (!text.StartsWith('{'))
        {
            place = text;
            return true;
        }

        if (!PythonLiteral.TryParse(text, out var value, out error))
        {
            return false;
        }

        if (value is not Dictionary<string, object?> dict)
        {
            error = "not a dict";
            return false;
        }

        if (dict.GetValueOrDefault("area") is List<object?> { Count: > 0 } area)
        {
            var parts = area.OfType<string>().Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
            if (parts.Count > 0)
            {
                country = CountryCode(parts[0]);
                parts.Reverse();
                place = string.Join(", ", parts);
                return true;
            }
        }

        place = dict.GetValueOrDefault("display_name") is string display && !string.IsNullOrWhiteSpace(display) ? display.Trim() : null;
        return true;
    }

    /// <summary>Adzuna names countries by ISO 3166 code, except "UK" for GB.</summary>
    private static string? CountryCode(string area) => area.ToUpperInvariant() switch
    {
        "UK" => "GB",
        { Length: 2 } code when char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]) => code,
        _ => null,
    };

    /// <summary>The currency of each country Adzuna serves; its salaries are in that currency.</summary>
    private static string? Currency(string? country) => country switch
    {
        "US" => "USD",
        "GB" => "GBP",
        "AT" or "BE" or "DE" or "ES" or "FR" or "IT" or "NL" => "EUR",
        "AU" => "AUD",
        "BR" => "BRL",
        "CA" => "CAD",
        "CH" => "CHF",
        "IN" => "INR",
        "MX" => "MXN",
        "NZ" => "NZD",
        "PL" => "PLN",
        "SG" => "SGD",
        "ZA" => "ZAR",
        _ => null,
    };
}
