using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace SkillScope.Ingest.Csv;

/// <summary>The header record of a CSV file: column names and their ordinals (case-insensitive).</summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> ordinals = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool[] used;

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
        used = new bool[cleaned.Length];
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>
    /// The ordinal of a column, or -1 when the header has no such column. A layout asks for the columns it
    /// reads, so the columns never asked for are the ones kept as stated (<see cref="Unused"/>).
    /// </summary>
    public int IndexOf(string name)
    {
        if (!ordinals.TryGetValue(name, out var i))
        {
            return -1;
        }

        used[i] = true;
        return i;
    }

    /// <summary>The ordinals no layout asked for with <see cref="IndexOf"/>, in header order (repeated names included).</summary>
    public int[] Unused()
    {
        var unused = new List<int>();
        for (var i = 0; i < used.Length; i++)
        {
            if (!used[i])
            {
                unused.Add(i);
            }
        }

        return [.. unused];
    }

    public bool Contains(string name) => ordinals.ContainsKey(name);

    /// <summary>The first column whose name satisfies <paramref name="match"/> (marked as read, like <see cref="IndexOf"/>), or -1.</summary>
    public int IndexWhere(Func<string, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        for (var i = 0; i < Names.Count; i++)
        {
            if (match(Names[i]))
            {
                used[i] = true;
                return i;
            }
        }

        return -1;
    }

    /// <summary>The ordinal of the first of <paramref name="names"/> the header has (marked as read), or -1.</summary>
    public int IndexOfAny(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (IndexOf(name) is var i and >= 0)
            {
                return i;
            }
        }

        return -1;
    }

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

    /// <summary>
    /// Parses a header line (the probe's first line) with the separator it uses (<see cref="CsvDialect"/>);
    /// null when it is not one delimited record.
    /// </summary>
    public static CsvHeader? TryParse(string firstLine)
    {
        if (string.IsNullOrWhiteSpace(firstLine))
        {
            return null;
        }

        var lineEnd = firstLine.AsSpan().IndexOfAny('\r', '\n');

        var broken = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = CsvDialect.Delimiter(lineEnd >= 0 ? firstLine.AsSpan(0, lineEnd) : firstLine).ToString(),
            BadDataFound = _ => broken = true,
            MissingFieldFound = null,
        };
        using var parser = new CsvParser(new StringReader(firstLine), config);
        if (!parser.Read())
        {
            return null;
        }

        var names = parser.Record;
        return broken || names is null ? null : new CsvHeader(names);
    }

    /// <summary>
    /// The header of a probed file: the first record of its head, which may span lines when a quoted
    /// column name holds a line break (the DOU survey's pay column).
    /// </summary>
    public static CsvHeader? FromProbe(FormatProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return TryParse(probe.FirstLine) ?? (probe.Head.Length > probe.FirstLine.Length ? TryParse(probe.Head) : null);
    }
}
