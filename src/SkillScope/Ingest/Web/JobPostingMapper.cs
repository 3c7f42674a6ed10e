using System.Text.Json;
using SkillScope.Model;

namespace SkillScope.Ingest.Web;

/// <summary>Maps one schema.org JobPosting node to a <see cref="RawRecord"/>, as stated (no normalization).</summary>
internal static class JobPostingMapper
{
    public static bool IsType(JsonElement node, string type)
    {
        foreach (var t in JsonFields.Items(node, "@type"))
        {
            if (t.ValueKind == JsonValueKind.String && IsTypeName(t.GetString()!, type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"JobPosting", "schema:JobPosting", "https://schema.org/JobPosting".</summary>
    private static bool IsTypeName(string value, string type) =>
        value.EndsWith(type, StringComparison.Ordinal)
        && (value.Length == type.Length || value[^(type.Length + 1)] is '/' or ':' or '#');

    public static RawRecord Map(JsonElement node, JsonFields f, HtmlText html, IReadOnlyDictionary<string, JsonElement> ids)
    {
        var kind = f.Text(node, SkillScopeTerms.Kind, "kind") ?? RecordKinds.Posting;
        if (!RecordKinds.All.Contains(kind))
        {
            f.Fail($"unknown record kind \"{kind}\"");
        }

        var location = MapLocation(node, f, ids);
        // SkillScope's own export states the source's location text next to the normalized address ("" = none).
        var statedLocation = f.Text(node, SkillScopeTerms.LocationText, "locationText");
        var salary = MapSalary(node, f);
        var arrangement = f.Text(node, SkillScopeTerms.WorkArrangement, "workArrangement");
        if (arrangement is null && f.Texts(node, "jobLocationType").Any(t => t.Trim().Equals("TELECOMMUTE", StringComparison.OrdinalIgnoreCase)))
        {
            arrangement = WorkArrangements.Remote;
        }

        var workYear = f.Integer(node, SkillScopeTerms.WorkYear, "workYear");
        if (workYear is < 1900 or > 9999)
        {
            f.Fail($"'workYear' {workYear} is not a year");
        }

        return new RawRecord
        {
            Kind = kind,
            SourceId = Identifier(node, f),
            Title = f.Text(node, "title") ?? f.Text(node, "name"),
            Company = Organization(node, f, ids),
            Location = statedLocation is null ? location.Text : statedLocation.Length == 0 ? null : statedLocation,
            CountryHint = location.Country,
            Description = html.FromMaybeHtml(f.Text(node, "description")),
            PostedDate = f.Date(node, "datePosted"),
            ValidThrough = f.Date(node, "validThrough"),
            WorkYear = workYear is >= 1900 and <= 9999 ? (int)workYear : null,
            SalaryText = salary.Text,
            SalaryMin = salary.Min,
            SalaryMax = salary.Max,
            SalaryCurrency = salary.Currency,
            SalaryPeriod = salary.Period,
            SalaryIsEstimate = salary.IsEstimate || f.Boolean(node, SkillScopeTerms.SalaryIsEstimate, "salaryIsEstimate") == true,
            SalaryUsdStated = f.Number(node, SkillScopeTerms.SalaryUsdStated, "salaryUsdStated"),
            SeniorityHint = f.Text(node, SkillScopeTerms.Seniority, "seniority"),
            EmploymentTypeHint = EmploymentType(f.Texts(node, "employmentType")),
            WorkArrangementHint = arrangement,
            YearsRequiredHint = YearsRequired(node, f),
            CompanySize = f.Text(node, SkillScopeTerms.CompanySize, "companySize"),
            Url = f.Text(node, "url"),
            Education = Education(node, f),
            StatedSkills = Skills(node, f),
        };
    }

    /// <summary>
    /// One hint from a list: an internship or a fixed-term/contract job is that whatever its hours, so
    /// those win; otherwise the first value. The value is kept as stated (FULL_TIME, "Full-time").
    /// </summary>
    internal static string? EmploymentType(IReadOnlyList<string> values)
    {
        string? best = null;
        var bestRank = int.MaxValue;
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var key = value.Trim().Replace('-', '_').Replace(' ', '_').ToUpperInvariant();
            var rank = key switch
            {
                "INTERN" or "INTERNSHIP" => 0,
                "TEMPORARY" => 1,
                "CONTRACTOR" or "CONTRACT" => 2,
                "FULL_TIME" or "PART_TIME" => 3,
                _ => 4,
            };
            if (rank < bestRank)
            {
                best = value.Trim();
                bestRank = rank;
            }
        }

        return best;
    }

    private static string? Identifier(JsonElement node, JsonFields f)
    {
        var items = JsonFields.Items(node, "identifier");
        if (items.Count == 0)
        {
            return null;
        }

        var id = items[0];
        return id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            JsonValueKind.Object => f.Id(id, "value", "identifier.value"),
            _ => Fail(f, "identifier", id),
        };
    }

    private static string? Organization(JsonElement node, JsonFields f, IReadOnlyDictionary<string, JsonElement> ids)
    {
        var items = JsonFields.Items(node, "hiringOrganization");
        if (items.Count == 0)
        {
            return null;
        }

        var org = Resolve(items[0], ids);
        return org.ValueKind switch
        {
            JsonValueKind.String => org.GetString(),
            JsonValueKind.Object => f.Text(org, "name", "hiringOrganization.name"),
            _ => Fail(f, "hiringOrganization", org),
        };
    }

    private readonly record struct LocationInfo(string? Text, string? Country);

    private static LocationInfo MapLocation(JsonElement node, JsonFields f, IReadOnlyDictionary<string, JsonElement> ids)
    {
        string? text = null;
        string? country = null;
        var places = JsonFields.Items(node, "jobLocation");
        if (places.Count > 0)
        {
            // Several places: the first is the record's location (the normalizer reads one place).
            var place = Resolve(places[0], ids);
            switch (place.ValueKind)
            {
                case JsonValueKind.String:
                    text = place.GetString();
                    break;
                case JsonValueKind.Object:
                    (text, country) = Address(place, f, ids);
                    text ??= f.Text(place, "name", "jobLocation.name");
                    break;
                default:
                    Fail(f, "jobLocation", place);
                    break;
            }
        }

        foreach (var requirement in JsonFields.Items(node, "applicantLocationRequirements"))
        {
            var name = requirement.ValueKind switch
            {
                JsonValueKind.String => requirement.GetString(),
                JsonValueKind.Object => f.Text(Resolve(requirement, ids), "name", "applicantLocationRequirements.name"),
                _ => Fail(f, "applicantLocationRequirements", requirement),
            };
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            text ??= name.Trim();
            country ??= CountryCode(name);
            break;
        }

        return new(string.IsNullOrWhiteSpace(text) ? null : text, country);
    }

    private static (string? Text, string? Country) Address(JsonElement place, JsonFields f, IReadOnlyDictionary<string, JsonElement> ids)
    {
        if (!JsonFields.TryGet(place, "address", out var address))
        {
            return (null, null);
        }

        address = Resolve(address, ids);
        if (address.ValueKind == JsonValueKind.String)
        {
            return (address.GetString(), null);
        }

        if (address.ValueKind == JsonValueKind.Array && address.GetArrayLength() > 0)
        {
            address = Resolve(address[0], ids);
        }

        if (address.ValueKind != JsonValueKind.Object)
        {
            Fail(f, "jobLocation.address", address);
            return (null, null);
        }

        var locality = f.Text(address, "addressLocality", "jobLocation.address.addressLocality");
        var region = f.Text(address, "addressRegion", "jobLocation.address.addressRegion");
        string? country = null;
        if (JsonFields.TryGet(address, "addressCountry", out var c))
        {
            country = c.ValueKind switch
            {
                JsonValueKind.String => c.GetString(),
                JsonValueKind.Object => f.Text(Resolve(c, ids), "name", "jobLocation.address.addressCountry.name"),
                _ => Fail(f, "jobLocation.address.addressCountry", c),
            };
        }

        var parts = new List<string>(3);
        foreach (var part in (ReadOnlySpan<string?>)[locality, region, country])
        {
            if (!string.IsNullOrWhiteSpace(part) && !parts.Contains(part.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                parts.Add(part.Trim());
            }
        }

        return (parts.Count == 0 ? null : string.Join(", ", parts), CountryCode(country));
    }

    /// <summary>The value as an ISO 3166-1 alpha-2 code when it is written as one ("US", "de").</summary>
    internal static string? CountryCode(string? value)
    {
        var s = value.AsSpan().Trim();
        return s.Length == 2 && char.IsAsciiLetter(s[0]) && char.IsAsciiLetter(s[1]) ? s.ToString().ToUpperInvariant() : null;
    }

    private readonly record struct SalaryInfo(decimal? Min, decimal? Max, string? Currency, string? Period, string? Text, bool IsEstimate);

    private static SalaryInfo MapSalary(JsonElement node, JsonFields f)
    {
        var path = "baseSalary";
        var items = JsonFields.Items(node, path);
        if (items.Count == 0)
        {
            path = "estimatedSalary";
            items = JsonFields.Items(node, path);
        }

        if (items.Count == 0)
        {
            return default;
        }

        var salary = Amount(items[0], null, null, f, path);
        return salary with { IsEstimate = path == "estimatedSalary" };
    }

    private static SalaryInfo Amount(JsonElement v, string? currency, string? unit, JsonFields f, string path)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Number:
                var n = f.NumberOf(v, path);
                return new(n, n, currency, Period(unit), null, false);
            case JsonValueKind.String:
                var s = v.GetString()!;
                if (string.IsNullOrWhiteSpace(s))
                {
                    return default;
                }

                // "120000" is a number; "$100k - $120k a year" is for the normalizer's salary parser.
                return decimal.TryParse(s.Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)
                    ? new(d, d, currency, Period(unit), null, false)
                    : new(null, null, currency, Period(unit), s.Trim(), false);
            case JsonValueKind.Array:
                return v.GetArrayLength() == 0 ? default : Amount(v[0], currency, unit, f, path);
            case JsonValueKind.Object:
                currency = f.Text(v, "currency", path + ".currency") ?? currency;
                unit = f.Text(v, "unitText", path + ".unitText") ?? unit;
                var min = f.Number(v, "minValue", path + ".minValue");
                var max = f.Number(v, "maxValue", path + ".maxValue");
                if (min is null && max is null && JsonFields.TryGet(v, "value", out var inner))
                {
                    return Amount(inner, currency, unit, f, path + ".value");
                }

                return new(min, max, currency, Period(unit), null, false);
            default:
                Fail(f, path, v);
                return default;
        }
    }

    /// <summary>schema.org unitText HOUR|DAY|WEEK|MONTH|YEAR as a period id; other labels as stated.</summary>
    internal static string? Period(string? unitText)
    {
        if (string.IsNullOrWhiteSpace(unitText))
        {
            return null;
        }

        var u = unitText.Trim();
        foreach (var period in SalaryPeriods.All)
        {
            if (u.Equals(period, StringComparison.OrdinalIgnoreCase))
            {
                return period;
            }
        }

        return u;
    }

    private static int? YearsRequired(JsonElement node, JsonFields f)
    {
        foreach (var item in JsonFields.Items(node, "experienceRequirements"))
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue; // free text ("3+ years of Python"): the normalizer reads years from text
            }

            var months = f.Number(item, "monthsOfExperience", "experienceRequirements.monthsOfExperience");
            if (months is null)
            {
                continue;
            }

            if (months is < 0 or > 1200)
            {
                f.Fail($"'experienceRequirements.monthsOfExperience' {months} is not a plausible number of months");
                return null;
            }

            // Rounded up: "over 2 years" thresholds (domain.md) hold for 30 months as for 2.5 years.
            return (int)Math.Ceiling(months.Value / 12m);
        }

        return null;
    }

    private static string? Education(JsonElement node, JsonFields f)
    {
        var items = JsonFields.Items(node, "educationRequirements");
        if (items.Count == 0)
        {
            return null;
        }

        var parts = new List<string>(items.Count);
        foreach (var item in items)
        {
            var text = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object => NameOf(item, "credentialCategory", f) ?? f.Text(item, "name", "educationRequirements.name") ?? f.Text(item, "description", "educationRequirements.description"),
                _ => Fail(f, "educationRequirements", item),
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                parts.Add(text.Trim());
            }
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string? NameOf(JsonElement obj, string name, JsonFields f)
    {
        if (!JsonFields.TryGet(obj, name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Object => f.Text(v, "name", $"educationRequirements.{name}.name"),
            _ => Fail(f, "educationRequirements." + name, v),
        };
    }

    private static IReadOnlyList<string>? Skills(JsonElement node, JsonFields f)
    {
        var items = JsonFields.Items(node, "skills");
        if (items.Count == 0)
        {
            return null;
        }

        var skills = new List<string>();
        foreach (var item in items)
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String when items.Count == 1:
                    // schema.org skills is Text: one string often lists several, comma-separated.
                    foreach (var part in item.GetString()!.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        skills.Add(part);
                    }

                    break;
                case JsonValueKind.String:
                    if (!string.IsNullOrWhiteSpace(item.GetString()))
                    {
                        skills.Add(item.GetString()!.Trim());
                    }

                    break;
                case JsonValueKind.Object:
                    var name = f.Text(item, "name", "skills.name");
                    if (!string.IsNullOrWhiteSpace(name))
                    {
                        skills.Add(name.Trim());
                    }

                    break;
                default:
                    Fail(f, "skills", item);
                    return null;
            }
        }

        return skills.Count == 0 ? null : skills;
    }

    /// <summary>A node that is only a reference ({"@id": "..."}) is replaced by the node it names.</summary>
    private static JsonElement Resolve(JsonElement e, IReadOnlyDictionary<string, JsonElement> ids)
    {
        if (e.ValueKind == JsonValueKind.Object
            && e.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String
            && ids.TryGetValue(id.GetString()!, out var target))
        {
            using var props = e.EnumerateObject();
            var count = 0;
            foreach (var _ in props)
            {
                count++;
            }

            if (count == 1)
            {
                return target;
            }
        }

        return e;
    }

    private static string? Fail(JsonFields f, string path, JsonElement v)
    {
        f.Fail($"'{path}' has an unexpected type: {JsonFields.Describe(v)}");
        return null;
    }
}
