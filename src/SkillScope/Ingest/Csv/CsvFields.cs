using SkillScope.Model;

namespace SkillScope.Ingest.Csv;

/// <summary>The fields of one well-formed record, with the small conversions every layout needs.</summary>
internal readonly struct CsvFields(string[] fields)
{
    public int Count => fields.Length;

    /// <summary>The field as read, or "" for a column the header does not have (ordinal -1).</summary>
    public string Raw(int ordinal) => ordinal >= 0 ? fields[ordinal] : "";

    /// <summary>The trimmed field, or null when the column is absent, empty or blank.</summary>
    public string? Text(int ordinal)
    {
        if (ordinal < 0)
        {
            return null;
        }

        // Trim only allocates when there is something to trim; whitespace before a formula stays (CSV injection).
        return SpreadsheetText.TrimSafely(fields[ordinal]);
    }

    /// <summary>Like <see cref="Text(int)"/>, but also null for a layout's own "missing" marker (Glassdoor's "-1").</summary>
    public string? Text(int ordinal, string missingMarker)
    {
        var value = Text(ordinal);
        return value is not null && value.Equals(missingMarker, StringComparison.Ordinal) ? null : value;
    }
}
