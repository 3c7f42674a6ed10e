using SkillScope.Model;

namespace SkillScope.Ingest.Generic;

/// <summary>One mapped field: read from a column (or JSON key path), or a constant for every row.</summary>
internal sealed record MappedField(MappableField Field, string? Column, string? Literal);

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

            var mapped = value.StartsWith('=')
                ? new MappedField(field, null, value[1..])
                : field.Type == FieldType.Kind && RecordKinds.All.Contains(value, StringComparer.Ordinal)
                    ? new MappedField(field, null, value)
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
