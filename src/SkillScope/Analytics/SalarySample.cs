using SkillScope.Store;

namespace SkillScope.Analytics;

/// <summary>The dimensions a salary report can group by.</summary>
public static class SalaryDimensions
{
    public const string Role = "role";
    public const string Seniority = "seniority";
    public const string Country = "country";
    public const string Metro = "metro";

    public static IReadOnlyList<string> All { get; } = [Role, Seniority, Country, Metro];

    /// <summary>The label of a record whose country or metro is not stated (or not in a listed metro).</summary>
    public const string Unknown = "unknown";

    /// <summary>The metro areas records are placed in (the values of the metro dimension).</summary>
    public static IReadOnlyList<string> MetroNames => Normalize.Metros.All;
}

/// <summary>
/// Usable salaries of one kind of record, as columns. Each text column is coded as small integers
/// (<see cref="Codes"/>), so grouping never compares strings per row.
/// </summary>
internal sealed class SalarySample
{
    private SalarySample(string kind, double[] usd, int[] role, int[] seniority, int[] country, int[] metro, Codes[] codes, long estimates, long flagged, long estimatesLeftOut = 0)
    {
        Kind = kind;
        Usd = usd;
        Role = role;
        Seniority = seniority;
        Country = country;
        Metro = metro;
        (Roles, Seniorities, Countries, Metros) = (codes[0], codes[1], codes[2], codes[3]);
        Estimates = estimates;
        Flagged = flagged;
        EstimatesLeftOut = estimatesLeftOut;
    }

    /// <summary>Salaries a board estimated that were left out (the default); 0 when they are included.</summary>
    public long EstimatesLeftOut { get; }

    public string Kind { get; }

    public int Count => Usd.Length;

    /// <summary>Annual USD: the stated figure for salary reports, the midpoint of the annual range for postings.</summary>
    public double[] Usd { get; }

    public int[] Role { get; }

    public int[] Seniority { get; }

    public int[] Country { get; }

    public int[] Metro { get; }

    public Codes Roles { get; }

    public Codes Seniorities { get; }

    public Codes Countries { get; }

    public Codes Metros { get; }

    /// <summary>Of <see cref="Count"/>, salaries the source marks as its own estimate (Glassdoor est., Adzuna predicted).</summary>
    public long Estimates { get; }

    /// <summary>Salaries that match but are left out because they are flagged implausible or unparsed.</summary>
    public long Flagged { get; }

    public int[] Column(string dimension) => dimension switch
    {
        SalaryDimensions.Role => Role,
        SalaryDimensions.Seniority => Seniority,
        SalaryDimensions.Country => Country,
        SalaryDimensions.Metro => Metro,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "not a salary dimension"),
    };

    public Codes CodesOf(string dimension) => dimension switch
    {
        SalaryDimensions.Role => Roles,
        SalaryDimensions.Seniority => Seniorities,
        SalaryDimensions.Country => Countries,
        SalaryDimensions.Metro => Metros,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "not a salary dimension"),
    };

    /// <summary>
    /// Usable salaries (annual USD present, above zero, not flagged) of the records of <paramref name="kind"/> that
    /// match <paramref name="filter"/> (its own kinds are replaced by <paramref name="kind"/>), in one pass over the
    /// table. Only the <paramref name="dimensions"/> asked for are read (strings cost most of the read); the others
    /// hold one code.
    /// </summary>
    public static SalarySample Load(SkillStore store, RecordFilter filter, string kind, bool excludeEstimates, IReadOnlyCollection<string>? dimensions = null)
    {
        var read = SalaryDimensions.All.Select(d => dimensions is null || dimensions.Contains(d)).ToArray();
        var capacity = Capacity(store, kind);
        var usd = new List<double>(capacity);
        var values = Enumerable.Range(0, 4).Select(d => new List<int>(read[d] ? capacity : 0)).ToArray();
        var codes = new Codes[] { new(), new(), new(), new() };
        long estimates = 0, flagged = 0, leftOut = 0;
        var ids = new List<long>(capacity);
        var idColumn = 1 + read.Count(r => r);
        using (var scan = SalaryQueries.Salaries(store, filter, kind, read))
        {
            while (scan.Read())
            {
                var value = scan.Double(0);
                if (value == 0)
                {
                    flagged++;
                    continue;
                }

                if (value < 0)
                {
                    if (excludeEstimates)
                    {
                        leftOut++;
                        continue;
                    }

                    estimates++;
                    value = -value;
                }

                usd.Add(value);
                ids.Add(scan.Int64(idColumn));
                var column = 1;
                for (var d = 0; d < 4; d++)
                {
                    if (read[d])
                    {
                        values[d].Add(codes[d].Code(scan.Utf8(column++)));
                    }
                }
            }
        }

        // In record id order (the scan may come in an index's order): resampling draws by row.
        var usdById = usd.ToArray();
        var order = IdOrder(ids);
        if (order is not null)
        {
            usdById = [.. order.Select(i => usdById[i])];
        }

        var columnsRead = new int[4][];
        for (var d = 0; d < 4; d++)
        {
            // A dimension not read holds one code (for the empty value) on every row.
            columnsRead[d] = read[d] ? (order is null ? [.. values[d]] : [.. order.Select(i => values[d][i])]) : new int[usd.Count];
            if (!read[d])
            {
                codes[d].Code("");
            }
        }

        return new SalarySample(kind, usdById, columnsRead[0], columnsRead[1], columnsRead[2], columnsRead[3], codes, estimates, flagged, leftOut);
    }

    // The rows' positions in id order; null when they are in id order already.
    private static int[]? IdOrder(List<long> ids)
    {
        var sorted = true;
        for (var i = 1; i < ids.Count && sorted; i++)
        {
            sorted = ids[i - 1] < ids[i];
        }

        if (sorted)
        {
            return null;
        }

        var keys = ids.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        return order;
    }

    /// <summary>Records of the kind: an upper bound of a sample's size.</summary>
    public static int Capacity(SkillStore store, string kind) => SalaryQueries.KindCount(store, kind);

    /// <summary>True when the store holds at least one usable salary of <paramref name="kind"/>.</summary>
    public static bool Any(SkillStore store, string kind) => SalaryQueries.AnyUsable(store, kind);
}

/// <summary>Distinct values of one text column, coded 0, 1, 2... in order of first appearance; null is coded like any value.</summary>
internal sealed class Codes
{
    private readonly Dictionary<string, int> _byValue = new(StringComparer.Ordinal);
    private readonly List<string?> _values = [];
    private readonly Dictionary<long, int> _byNumber = [];
    private int _nullCode = -1;

    // The last value read and its code: rows often repeat the previous row's value, and comparing
    // against it avoids a dictionary lookup.
    private string? _last;
    private int _lastCode = -1;
    // Open-addressing table over UTF-8 bytes: slot = code + 1 (0 = empty); the bytes of each code to compare with.
    private int[] _utf8Slots = new int[64];
    private readonly List<byte[]?> _utf8Keys = [];
    private int _utf8Count;

    public int Count => _values.Count;

    /// <summary>The stored value of a code (null when the column was empty).</summary>
    public string? Value(int code) => _values[code];

    /// <summary>The value shown for a code: <see cref="SalaryDimensions.Unknown"/> for an empty column.</summary>
    public string Label(int code) => _values[code] ?? SalaryDimensions.Unknown;

    public int? Find(string? value)
    {
        if (value is null)
        {
            return _nullCode >= 0 ? _nullCode : null;
        }

        return _byValue.TryGetValue(value, out var code) ? code : null;
    }

    /// <summary>The code of an integer (or null) column of the current row.</summary>
    public int NumberCode(RowScan scan, int column) => scan.IsNull(column) ? NullCode() : Code(scan.Int64(column));

    /// <summary>
    /// The code of a text (or null) column of the current row. The UTF-8 bytes are looked up in a small open-addressing
    /// table of the values seen so far, so a row costs a hash and a compare, and text is decoded once per new value.
    /// </summary>
    public int Code(RowScan scan, int column) => scan.IsNull(column) ? NullCode() : Code(scan.Utf8(column));

    /// <summary>The code of UTF-8 text; empty text is the null value (queries read nullable text as '').</summary>
    public int Code(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return NullCode();
        }

        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        var mask = _utf8Slots.Length - 1;
        for (var slot = (int)(hash & (uint)mask); ; slot = (slot + 1) & mask)
        {
            var entry = _utf8Slots[slot];
            if (entry == 0)
            {
                var code = Code(System.Text.Encoding.UTF8.GetString(utf8));
                _utf8Slots[slot] = code + 1;
                while (_utf8Keys.Count <= code)
                {
                    _utf8Keys.Add(null);
                }

                _utf8Keys[code] = utf8.ToArray();
                if (++_utf8Count * 2 > _utf8Slots.Length)
                {
                    Rehash();
                }

                return code;
            }

            if (utf8.SequenceEqual(_utf8Keys[entry - 1]))
            {
                return entry - 1;
            }
        }
    }

    private void Rehash()
    {
        _utf8Slots = new int[_utf8Slots.Length * 2];
        var mask = _utf8Slots.Length - 1;
        for (var code = 0; code < _utf8Keys.Count; code++)
        {
            if (_utf8Keys[code] is not { } key)
            {
                continue;
            }

            var hash = 2166136261u;
            foreach (var b in key)
            {
                hash = (hash ^ b) * 16777619u;
            }

            var slot = (int)(hash & (uint)mask);
            while (_utf8Slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _utf8Slots[slot] = code + 1;
        }
    }

    private int NullCode()
    {
        if (_nullCode < 0)
        {
            _nullCode = _values.Count;
            _values.Add(null);
        }

        return _nullCode;
    }

    /// <summary>The code of a whole number (a year), without formatting it for every row.</summary>
    public int Code(long number)
    {
        if (!_byNumber.TryGetValue(number, out var code))
        {
            code = Code(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _byNumber[number] = code;
        }

        return code;
    }

    public int Code(string value)
    {
        if (_lastCode >= 0 && string.Equals(value, _last, StringComparison.Ordinal))
        {
            return _lastCode;
        }

        if (!_byValue.TryGetValue(value, out var code))
        {
            code = _values.Count;
            _byValue[value] = code;
            _values.Add(value);
        }

        _last = value;
        _lastCode = code;
        return code;
    }
}
