using SkillScope.Model;

namespace SkillScope.Ingest.Generic;

/// <summary>One mapped field: read from a column (or JSON key path), from several combined, or a constant for every row.</summary>
internal sealed record MappedField(MappableField Field, string? Column, string? Literal)
{
    /// <summary>Separates the columns of a combined field in the mapping's dictionary form (a JSON array in the file).</summary>
    public const char ColumnSeparator = '\n';

    /// <summary>The columns read: one, several (combined), or none for a constant.</summary>
    public IReadOnlyList<string> Columns { get; init; } = Column is null ? [] : [Column];

    /// <summary>
    /// Several columns' values as one: Description puts each non-empty one under its column name as a heading
    /// ("Minimum Qualifications:"), so sections keep their meaning; other text fields join them with ", ";
    /// lists take every item; other fields take the first non-empty value.
    /// </summary>
    public string? Combine(IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var parts = new List<(string Column, string Value)>();
        for (var i = 0; i < values.Count && i < Columns.Count; i++)
        {
            if (values[i]?.Trim() is { Length: > 0 } value)
            {
                parts.Add((Columns[i], value));
            }
        }

        return parts.Count switch
        {
            0 => null,
            1 when Field.Name != "Description" => parts[0].Value,
            _ => Field.Name == "Description" ? string.Join("\n\n", parts.Select(p => p.Column + ":\n" + p.Value))
                : Field.Type == FieldType.List ? string.Join(";", parts.Select(p => p.Value))
                : Field.Type == FieldType.Text ? string.Join(", ", parts.Select(p => p.Value))
                : parts[0].Value,
        };
    }
}

/// <summary>
/// A validated column mapping: RawRecord field name -> column name, or "=value" for a constant.
/// For Kind a bare kind id ("posting", "salary_report") is also a constant.
/// </summary>
internal sealed class ColumnMapping
{
    private ColumnMapping(IReadOnlyList<MappedField> fields) => Fields = fields;

    public IReadOnlyList<MappedField> Fields { get; }

    /// <summary>Validates a mapping; <paramref name="origin"/> names it in the one-line <see cref="ReadError"/>.</summary>
    public static ColumnMapping From(IReadOnlyDictionary<string, string> mapping, string origin)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var fields = new List<MappedField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping)
        {
            var field = MappableField.Find(key)
                ?? throw new ReadError($"{origin}: '{key}' is not a record field; use one of {string.Join(", ", MappableField.All.Select(f => f.Name))}.");
            if (!seen.Add(field.Name))
            {
                throw new ReadError($"{origin}: field {field.Name} is mapped twice.");
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ReadError($"{origin}: field {field.Name} is mapped to an empty column name.");
            }

            var columns = value.Split(MappedField.ColumnSeparator, StringSplitOptions.TrimEntries);
            if (columns.Length > 1 && columns.Any(c => c.Length == 0))
            {
                throw new ReadError($"{origin}: field {field.Name} lists an empty column name.");
            }

            var mapped = value.StartsWith('=')
                ? new MappedField(field, null, value[1..])
                : field.Type == FieldType.Kind && RecordKinds.All.Contains(value, StringComparer.Ordinal)
                    ? new MappedField(field, null, value)
                    : columns.Length > 1 ? new MappedField(field, columns[0], null) { Columns = columns }
                    : new MappedField(field, value, null);
            if (mapped.Literal is { } literal && new RecordBuilder().Set(field, literal) is { } error)
            {
                throw new ReadError($"{origin}: constant for {field.Name}: {error}.");
            }

            fields.Add(mapped);
        }

        if (!seen.Contains("Title"))
        {
            throw new ReadError($"{origin}: the mapping must name the column that holds Title.");
        }

        return new ColumnMapping(fields);
    }

    /// <summary>The mapping used without --mapping: every column named like a record field ("title", "salary_text").</summary>
    public static ColumnMapping Identity(IEnumerable<string> columns, string origin)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var fields = new List<MappedField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (MappableField.Find(column) is { } field && seen.Add(field.Name))
            {
                fields.Add(new MappedField(field, column, null));
            }
        }

        if (!seen.Contains("Title"))
        {
            throw new ReadError($"{origin}: no column is named like a record field such as 'title'; give a mapping file (--mapping, see docs/formats.md).");
        }

        return new ColumnMapping(fields);
    }
}
