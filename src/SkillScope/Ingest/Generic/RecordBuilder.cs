using SkillScope.Model;

namespace SkillScope.Ingest.Generic;

/// <summary>How a mapped value is converted.</summary>
internal enum FieldType
{
    Text,
    Integer,
    Number,
    Date,
    Boolean,
    List,
    Kind,
}

/// <summary>A <see cref="RawRecord"/> property that a column mapping can fill.</summary>
internal sealed record MappableField(string Name, FieldType Type)
{
    public static readonly IReadOnlyList<MappableField> All =
    [
        new("Kind", FieldType.Kind),
        new("SourceId", FieldType.Text),
        new("Title", FieldType.Text),
        new("Company", FieldType.Text),
        new("Location", FieldType.Text),
        new("Description", FieldType.Text),
        new("PostedDate", FieldType.Date),
        new("WorkYear", FieldType.Integer),
        new("SalaryText", FieldType.Text),
        new("SalaryMin", FieldType.Number),
        new("SalaryMax", FieldType.Number),
        new("SalaryCurrency", FieldType.Text),
        new("SalaryPeriod", FieldType.Text),
        new("SalaryUsdStated", FieldType.Number),
        new("SalaryIsEstimate", FieldType.Boolean),
        new("SeniorityHint", FieldType.Text),
        new("EmploymentTypeHint", FieldType.Text),
        new("WorkArrangementHint", FieldType.Text),
        new("CountryHint", FieldType.Text),
        new("YearsRequiredHint", FieldType.Integer),
        new("CompanySize", FieldType.Text),
        new("Url", FieldType.Text),
        new("ValidThrough", FieldType.Date),
        new("Education", FieldType.Text),
        new("StatedSkills", FieldType.List),
    ];

    private static readonly Dictionary<string, MappableField> ByKey =
        All.ToDictionary(f => Key(f.Name), StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a field by name, ignoring case, '_', '-' and spaces ("salary_text" is SalaryText).</summary>
    public static MappableField? Find(string name) => ByKey.GetValueOrDefault(Key(name));

    private static string Key(string name) => name.Replace("_", "", StringComparison.Ordinal)
        .Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
}

/// <summary>Collects mapped values for one row, converting each, and builds the <see cref="RawRecord"/>.</summary>
internal sealed class RecordBuilder
{
    private static readonly char[] ListSeparators = [';', '|', ','];

    private readonly Dictionary<string, object> values = new(StringComparer.Ordinal);

    public void Clear() => values.Clear();

    /// <summary>Sets a field from text; returns why the text does not fit the field, or null.</summary>
    public string? Set(MappableField field, string? text)
    {
        // Whitespace before a formula stays in text fields (see SpreadsheetText).
        text = field.Type == FieldType.Text ? SpreadsheetText.TrimSafely(text) : text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        switch (field.Type)
        {
            case FieldType.Text:
                values[field.Name] = text;
                return null;
            case FieldType.Kind:
                if (!RecordKinds.All.Contains(text, StringComparer.Ordinal))
                {
                    return $"Kind {FieldParsing.Quote(text)} is not {string.Join(" or ", RecordKinds.All)}";
                }

                values[field.Name] = text;
                return null;
            case FieldType.Integer:
                if (!FieldParsing.TryInt(text, out var integer))
                {
                    return $"{field.Name} {FieldParsing.Quote(text)} is not a whole number";
                }

                values[field.Name] = integer;
                return null;
            case FieldType.Number:
                if (FieldParsing.AmountError(field.Name, text, out var number) is { } numberError)
                {
                    return number < 0 ? numberError : numberError + " (free-text pay belongs in SalaryText)";
                }

                values[field.Name] = number;
                return null;
            case FieldType.Date:
                if (!FieldParsing.TryIsoDate(text, out var date))
                {
                    return $"{field.Name} {FieldParsing.Quote(text)} is not an ISO 8601 date (yyyy-mm-dd)";
                }

                values[field.Name] = date;
                return null;
            case FieldType.Boolean:
                if (!FieldParsing.TryBool(text, out var flag))
                {
                    return $"{field.Name} {FieldParsing.Quote(text)} is not true/false";
                }

                values[field.Name] = flag;
                return null;
            case FieldType.List:
                var items = text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return SetList(field, items);
            default:
                throw new InvalidOperationException($"Unhandled field type {field.Type}.");
        }
    }

    public string? SetNumber(MappableField field, decimal number)
    {
        if (field.Type == FieldType.Number)
        {
            if (number < 0)
            {
                return $"{field.Name} {number.ToString(System.Globalization.CultureInfo.InvariantCulture)} is negative; pay cannot be below zero";
            }

            values[field.Name] = number;
            return null;
        }

        return Set(field, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public string? SetList(MappableField field, IReadOnlyList<string> items)
    {
        if (field.Type != FieldType.List)
        {
            return Set(field, string.Join(", ", items));
        }

        if (items.Count > 0)
        {
            values[field.Name] = items;
        }

        return null;
    }

    /// <summary>The record, or why there is none (a record needs a title).</summary>
    public (RawRecord? Record, string? Error) Build()
    {
        if (Get<string>("Title") is not { } title)
        {
            return (null, "missing Title");
        }

        return (new RawRecord
        {
            Kind = Get<string>("Kind") ?? RecordKinds.Posting,
            SourceId = Get<string>("SourceId"),
            Title = title,
            Company = Get<string>("Company"),
            Location = Get<string>("Location"),
            Description = Get<string>("Description"),
            PostedDate = GetValue<DateOnly>("PostedDate"),
            WorkYear = GetValue<int>("WorkYear"),
            SalaryText = Get<string>("SalaryText"),
            SalaryMin = GetValue<decimal>("SalaryMin"),
            SalaryMax = GetValue<decimal>("SalaryMax"),
            SalaryCurrency = Get<string>("SalaryCurrency"),
            SalaryPeriod = Get<string>("SalaryPeriod"),
            SalaryUsdStated = GetValue<decimal>("SalaryUsdStated"),
            SalaryIsEstimate = GetValue<bool>("SalaryIsEstimate") ?? false,
            SeniorityHint = Get<string>("SeniorityHint"),
            EmploymentTypeHint = Get<string>("EmploymentTypeHint"),
            WorkArrangementHint = Get<string>("WorkArrangementHint"),
            CountryHint = Get<string>("CountryHint"),
            YearsRequiredHint = GetValue<int>("YearsRequiredHint"),
            CompanySize = Get<string>("CompanySize"),
            Url = Get<string>("Url"),
            ValidThrough = GetValue<DateOnly>("ValidThrough"),
            Education = Get<string>("Education"),
            StatedSkills = Get<IReadOnlyList<string>>("StatedSkills"),
        }, null);
    }

    private T? Get<T>(string name)
        where T : class => values.GetValueOrDefault(name) as T;

    private T? GetValue<T>(string name)
        where T : struct => values.TryGetValue(name, out var value) ? (T)value : null;
}
