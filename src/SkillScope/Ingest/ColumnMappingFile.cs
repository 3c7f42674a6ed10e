using System.Text.Json;
using SkillScope.Ingest.Generic;

namespace SkillScope.Ingest;

/// <summary>
/// Reads a column-mapping file for the generic <c>csv</c> and <c>jsonl</c> formats: one JSON object
/// whose keys are RawRecord field names and whose values are column names (JSON Lines: keys, with
/// dots for nested objects), an array of column names to combine several, or "=text" for a constant.
/// Comments and trailing commas are allowed.
/// <code>{ "Title": "job_title", "Company": "employer.name", "Description": ["duties", "requirements"], "SalaryCurrency": "=USD", "Kind": "posting" }</code>
/// In the dictionary form a combined field's columns are separated by a line break.
/// </summary>
public static class ColumnMappingFile
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Field names a mapping may use, in the order of <see cref="SkillScope.Model.RawRecord"/>.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = [.. MappableField.All.Select(f => f.Name)];

    /// <summary>Loads and validates a mapping file; keys come back as canonical field names.</summary>
    /// <exception cref="ReadError">The file is missing or unreadable, is not a JSON object of strings, or names an unknown field.</exception>
    public static IReadOnlyDictionary<string, string> Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new ReadError($"{path} is a directory, not a mapping file: give the path of a .json file.");
        }

        if (!File.Exists(path))
        {
            throw new ReadError($"{path}: mapping file not found; check the path.");
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReadError($"{path}: the mapping file cannot be read ({e.Message.ReplaceLineEndings(" ").TrimEnd('.')}).");
        }

        return Parse(json, Path.GetFileName(path));
    }

    /// <summary>Parses and validates mapping JSON; <paramref name="origin"/> names it in errors.</summary>
    /// <exception cref="ReadError">The text is not a valid mapping.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string json, string origin = "mapping")
    {
        ArgumentNullException.ThrowIfNull(json);
        var raw = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ReadError($"{origin}: a mapping is one JSON object such as {{\"Title\": \"job_title\"}}.");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (ColumnsOf(property.Value) is not { } columns)
                {
                    throw new ReadError($"{origin}: the value of '{property.Name}' must be a column name in quotes, or an array of them.");
                }

                if (!raw.TryAdd(property.Name, columns))
                {
                    throw new ReadError($"{origin}: '{property.Name}' appears twice.");
                }
            }
        }
        catch (JsonException e)
        {
            throw new ReadError($"{origin}: not valid JSON ({e.Message.ReplaceLineEndings(" ")}).");
        }

        var mapping = ColumnMapping.From(raw, origin);
        return mapping.Fields.ToDictionary(
            f => f.Field.Name,
            f => f.Literal is { } literal ? "=" + literal : string.Join(MappedField.ColumnSeparator, f.Columns),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A column name, or several joined by <see cref="MappedField.ColumnSeparator"/>; null when the value is neither.</summary>
    private static string? ColumnsOf(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!.Contains(MappedField.ColumnSeparator, StringComparison.Ordinal) ? null : value.GetString();
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return null;
        }

        var columns = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 } column || column.Contains(MappedField.ColumnSeparator, StringComparison.Ordinal))
            {
                return null;
            }

            columns.Add(column);
        }

        return string.Join(MappedField.ColumnSeparator, columns);
    }
}
