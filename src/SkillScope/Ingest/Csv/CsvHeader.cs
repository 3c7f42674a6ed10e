using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace SkillScope.Ingest.Csv;

/// <summary>The header record of a CSV file: column names and their ordinals (case-insensitive).</summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> ordinals = new(StringComparer.OrdinalIgnoreCase);

    public CsvHeader(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var cleaned = new string[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            // A stray BOM left by a tool that re-encoded the file sticks to the first name.
            cleaned[i] = names[i].Trim().TrimStart('\uFEFF');
            ordinals.TryAdd(cleaned[i], i);
        }

        Names = cleaned;
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>The ordinal of a column, or -1 when the header has no such column.</summary>
    public int IndexOf(string name) => ordinals.TryGetValue(name, out var i) ? i : -1;

    public bool Contains(string name) => ordinals.ContainsKey(name);

    public bool ContainsAll(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (!ordinals.ContainsKey(name))
            {
                return false;
            }
        }

        return true;
    }

    public IReadOnlyList<string> Missing(IReadOnlyList<string> names) => [.. names.Where(n => !ordinals.ContainsKey(n))];

    /// <summary>Parses a header line (the probe's first line); null when it is not one CSV record.</summary>
    public static CsvHeader? TryParse(string firstLine)
    {
        if (string.IsNullOrWhiteSpace(firstLine))
        {
            return null;
        }

        var broken = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = _ => broken = true, MissingFieldFound = null };
        using var parser = new CsvParser(new StringReader(firstLine), config);
        if (!parser.Read())
        {
            return null;
        }

        var names = parser.Record;
        return broken || names is null ? null : new CsvHeader(names);
    }
}
