using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SkillScope.Ingest.Web;
using SkillScope.Model;

namespace SkillScope.Export;

/// <summary>One normalized record to export, with where it came from.</summary>
public sealed record ExportRecord(string Source, string? SourceId, JobRecord Record);

/// <summary>
/// Writers for <c>skillscope export</c>: one record per line, stated and normalized fields side by
/// side, field names in camelCase like the JSON reports (docs/web-formats.md lists them).
/// </summary>
public static class ExportWriters
{
    // Plain data lines: only what JSON requires is escaped, so non-Latin text and "<3.12>" stay readable.
    private static readonly JsonWriterOptions DataOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // JSON-LD is made to be embedded in HTML pages: <, >, &, ' and " stay escaped; letters of any script do not.
    private static readonly JsonWriterOptions JsonLdOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private enum Kind
    {
        Text,
        Integer,
        Decimal,
        Double,
        Boolean,
        Date,
        Json,
    }

    /// <summary>A value written as JSON (an array or object) in JSON Lines, and as its JSON text in a CSV cell.</summary>
    private readonly record struct JsonText(string Json);

    // The columns a source stated beyond the normalized fields, as one JSON object (a repeated name gets " (2)").
    private static string ExtraObject(IReadOnlyList<KeyValuePair<string, string>> extra)
    {
        var named = new Dictionary<string, string>(extra.Count, StringComparer.Ordinal);
        foreach (var (name, value) in extra)
        {
            var key = name;
            for (var n = 2; named.ContainsKey(key); n++)
            {
                key = string.Create(CultureInfo.InvariantCulture, $"{name} ({n})");
            }

            named.Add(key, value);
        }

        return JsonSerializer.Serialize(named, ExportJsonContext.Relaxed.DictionaryStringString);
    }

    private readonly record struct Field(string Name, Kind Kind, Func<ExportRecord, object?> Get);

    private static readonly Field[] Fields =
    [
        new("source", Kind.Text, r => r.Source),
        new("sourceId", Kind.Text, r => r.SourceId),
        new("kind", Kind.Text, r => r.Record.Kind),
        new("title", Kind.Text, r => r.Record.Title),
        new("company", Kind.Text, r => r.Record.Company),
        new("location", Kind.Text, r => r.Record.LocationText),
        new("city", Kind.Text, r => r.Record.City),
        new("metro", Kind.Text, r => r.Record.Metro),
        new("state", Kind.Text, r => r.Record.State),
        new("country", Kind.Text, r => r.Record.Country),
        new("periodStart", Kind.Date, r => r.Record.PeriodStart),
        new("periodEnd", Kind.Date, r => r.Record.PeriodEnd),
        new("role", Kind.Text, r => r.Record.Role),
        new("seniority", Kind.Text, r => r.Record.Seniority),
        new("yearsRequiredMin", Kind.Integer, r => r.Record.YearsRequiredMin),
        new("employmentType", Kind.Text, r => r.Record.EmploymentType),
        new("workArrangement", Kind.Text, r => r.Record.WorkArrangement),
        new("companySize", Kind.Text, r => r.Record.CompanySize),
        new("salaryMin", Kind.Decimal, r => r.Record.Salary?.Min),
        new("salaryMax", Kind.Decimal, r => r.Record.Salary?.Max),
        new("salaryCurrency", Kind.Text, r => r.Record.Salary?.Currency),
        new("salaryPeriod", Kind.Text, r => r.Record.Salary?.Period),
        new("salaryUsdMin", Kind.Double, r => r.Record.Salary?.UsdMin),
        new("salaryUsdMax", Kind.Double, r => r.Record.Salary?.UsdMax),
        new("salaryUsdAnnual", Kind.Double, r => r.Record.Salary?.UsdAnnual),
        new("salaryIsEstimate", Kind.Boolean, r => r.Record.Salary?.IsEstimate),
        new("salaryFlag", Kind.Text, r => r.Record.Salary?.Flag),
        new("description", Kind.Text, r => r.Record.Description),
        new("statedSkills", Kind.Json, r => r.Record.StatedSkills is { Count: > 0 } stated ? new JsonText(JsonSerializer.Serialize(stated, ExportJsonContext.Relaxed.IReadOnlyListString)) : null),
        new("extra", Kind.Json, r => r.Record.Extra is { Count: > 0 } extra ? new JsonText(ExtraObject(extra)) : null),
    ];

    /// <summary>The field names of <see cref="WriteJsonLines"/> and the columns of <see cref="WriteCsv"/>, in order.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = [.. Fields.Select(f => f.Name)];

    /// <summary>One JSON object per line, every field present (null when unknown).</summary>
    public static void WriteJsonLines(IEnumerable<ExportRecord> records, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(w);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(buffer, DataOptions);
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record);
            json.WriteStartObject();
            foreach (var field in Fields)
            {
                json.WritePropertyName(field.Name);
                WriteValue(json, field.Get(record));
            }

            json.WriteEndObject();
            Flush(json, buffer, w);
        }
    }

    /// <summary>RFC 4180 CSV with a header row; fields quoted when needed; "\n" line ends.</summary>
    public static void WriteCsv(IEnumerable<ExportRecord> records, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(w);
        w.Write(string.Join(',', FieldNames));
        w.Write('\n');
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record);
            for (var i = 0; i < Fields.Length; i++)
            {
                if (i > 0)
                {
                    w.Write(',');
                }

                WriteCsvValue(w, Fields[i].Get(record));
            }

            w.Write('\n');
        }
    }

    /// <summary>
    /// schema.org JobPosting JSON-LD, one object per line (JSON Lines), readable by the <c>jobposting</c>
    /// reader. Normalized ids go where schema.org has a place (employmentType, jobLocationType,
    /// baseSalary unitText, PostalAddress); the rest (seniority, hybrid/onsite, the stated location
    /// text, ...) as SkillScope terms (absolute IRIs), so reading the file back and normalizing it
    /// gives the same values.
    /// </summary>
    public static void WriteJobPosting(IEnumerable<ExportRecord> records, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(w);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(buffer, JsonLdOptions);
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record);
            JobPostingJsonLd.Write(json, record);
            Flush(json, buffer, w);
        }
    }

    private static void Flush(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter w)
    {
        json.Flush();
        w.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        w.Write('\n');
        buffer.ResetWrittenCount();
        json.Reset();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case decimal d:
                json.WriteNumberValue(d);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case DateOnly date:
                json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case JsonText text:
                json.WriteRawValue(text.Json, skipInputValidation: true);
                break;
            default:
                throw new InvalidOperationException($"no JSON form for {value.GetType().Name}");
        }
    }

    private static void WriteCsvValue(TextWriter w, object? value)
    {
        var text = value switch
        {
            null => "",
            string s => s,
            int i => i.ToString(CultureInfo.InvariantCulture),
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            JsonText json => json.Json,
            _ => throw new InvalidOperationException($"no CSV form for {value.GetType().Name}"),
        };

        // Only text can be a formula; numbers and dates are written as numbers ("-5" stays -5).
        w.Write(value is string ? CsvCell.Format(text) : text);
    }
}

/// <summary>The JobPosting JSON-LD of one export record.</summary>
internal static class JobPostingJsonLd
{
    public static void Write(Utf8JsonWriter json, ExportRecord export)
    {
        var r = export.Record;
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "JobPosting");
        if (export.SourceId is not null)
        {
            json.WriteStartObject("identifier");
            json.WriteString("@type", "PropertyValue");
            json.WriteString("name", export.Source);
            json.WriteString("value", export.SourceId);
            json.WriteEndObject();
        }

        json.WriteString("title", r.Title);
        if (r.Description is not null)
        {
            json.WriteString("description", EscapeForHtml(r.Description));
        }

        var surveyYear = SurveyYear(r);
        if (surveyYear is null && r.PeriodStart is { } posted)
        {
            json.WriteString("datePosted", posted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (r.Company is not null)
        {
            json.WriteStartObject("hiringOrganization");
            json.WriteString("@type", "Organization");
            json.WriteString("name", r.Company);
            json.WriteEndObject();
        }

        WriteLocation(json, r);
        if (SchemaEmploymentType(r.EmploymentType) is { } employment)
        {
            json.WriteString("employmentType", employment);
        }

        if (r.Salary is { } salary && (salary.Min is not null || salary.Max is not null))
        {
            WriteSalary(json, salary);
        }

        if (r.YearsRequiredMin is { } years)
        {
            json.WriteStartObject("experienceRequirements");
            json.WriteString("@type", "OccupationalExperienceRequirements");
            json.WriteNumber("monthsOfExperience", years * 12);
            json.WriteEndObject();
        }

        // SkillScope terms: what schema.org has no place for.
        if (r.Kind != RecordKinds.Posting)
        {
            json.WriteString(SkillScopeTerms.Kind, r.Kind);
        }

        if (surveyYear is { } year)
        {
            json.WriteNumber(SkillScopeTerms.WorkYear, year);
        }

        json.WriteString(SkillScopeTerms.Role, r.Role);
        if (r.Seniority != Seniorities.Unknown)
        {
            json.WriteString(SkillScopeTerms.Seniority, r.Seniority);
        }

        if (r.WorkArrangement is WorkArrangements.Hybrid or WorkArrangements.Onsite)
        {
            json.WriteString(SkillScopeTerms.WorkArrangement, r.WorkArrangement);
        }

        if (r.LocationText is not null || r.City is not null || r.State is not null || r.Country is not null)
        {
            // "" says the source stated no location: the address alone would read back as one.
            json.WriteString(SkillScopeTerms.LocationText, r.LocationText ?? "");
        }

        if (r.CompanySize is not null)
        {
            json.WriteString(SkillScopeTerms.CompanySize, r.CompanySize);
        }

        if (r.Salary is { } s)
        {
            if (s.IsEstimate)
            {
                json.WriteBoolean(SkillScopeTerms.SalaryIsEstimate, true);
            }

            // A survey states its own USD figure; postings are converted again from what they state.
            if (r.Kind == RecordKinds.SalaryReport && s.UsdAnnual is { } stated)
            {
                json.WriteNumber(SkillScopeTerms.SalaryUsdStated, stated);
            }

            if (s.UsdAnnual is { } annual)
            {
                json.WriteNumber(SkillScopeTerms.AnnualUsd, annual);
            }
        }

        json.WriteEndObject();
    }

    /// <summary>A survey record covers a whole year (Jan 1 to Dec 31): written as that year, not as a date.</summary>
    private static int? SurveyYear(JobRecord r) =>
        r.Kind == RecordKinds.SalaryReport && r.PeriodStart is { Month: 1, Day: 1 } start && r.PeriodEnd == new DateOnly(start.Year, 12, 31)
            ? start.Year
            : null;

    private static void WriteLocation(Utf8JsonWriter json, JobRecord r)
    {
        if (r.City is not null || r.State is not null || r.Country is not null)
        {
            json.WriteStartObject("jobLocation");
            json.WriteString("@type", "Place");
            json.WriteStartObject("address");
            json.WriteString("@type", "PostalAddress");
            WriteIfPresent(json, "addressLocality", r.City);
            WriteIfPresent(json, "addressRegion", r.State);
            WriteIfPresent(json, "addressCountry", r.Country);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        else if (r.LocationText is not null)
        {
            json.WriteStartObject("jobLocation");
            json.WriteString("@type", "Place");
            json.WriteString("address", r.LocationText);
            json.WriteEndObject();
        }

        if (r.WorkArrangement == WorkArrangements.Remote)
        {
            json.WriteString("jobLocationType", "TELECOMMUTE");
            if (r.Country is not null)
            {
                json.WriteStartObject("applicantLocationRequirements");
                json.WriteString("@type", "Country");
                json.WriteString("name", r.Country);
                json.WriteEndObject();
            }
        }
    }

    private static void WriteSalary(Utf8JsonWriter json, Salary salary)
    {
        json.WriteStartObject("baseSalary");
        json.WriteString("@type", "MonetaryAmount");
        WriteIfPresent(json, "currency", salary.Currency);
        json.WriteStartObject("value");
        json.WriteString("@type", "QuantitativeValue");
        if (salary.Min == salary.Max)
        {
            json.WriteNumber("value", salary.Min!.Value);
        }
        else
        {
            if (salary.Min is { } min)
            {
                json.WriteNumber("minValue", min);
            }

            if (salary.Max is { } max)
            {
                json.WriteNumber("maxValue", max);
            }
        }

        if (salary.Period is not null)
        {
            // Period ids map onto schema.org's HOUR|DAY|WEEK|MONTH|YEAR; another stated label is kept as is.
            json.WriteString("unitText", SalaryPeriods.All.Contains(salary.Period) ? salary.Period.ToUpperInvariant() : salary.Period);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    internal static string? SchemaEmploymentType(string employmentType) => employmentType switch
    {
        EmploymentTypes.FullTime => "FULL_TIME",
        EmploymentTypes.PartTime => "PART_TIME",
        EmploymentTypes.Contract => "CONTRACTOR",
        EmploymentTypes.Internship => "INTERN",
        EmploymentTypes.Temporary => "TEMPORARY",
        EmploymentTypes.Other => "OTHER",
        _ => null,
    };

    /// <summary>
    /// The description is plain text; schema.org readers treat it as HTML. Only &amp;, &lt; and &gt; are
    /// escaped (and only when present), so it reads back to exactly the same text, line breaks included.
    /// </summary>
    internal static string EscapeForHtml(string text) =>
        text.AsSpan().IndexOfAny("&<>") < 0
            ? text
            : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static void WriteIfPresent(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ExportJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
    /// <summary>Only what JSON requires is escaped, as in the data lines.</summary>
    public static ExportJsonContext Relaxed { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
