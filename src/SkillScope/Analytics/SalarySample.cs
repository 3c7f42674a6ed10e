using Microsoft.Data.Sqlite;
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
    private SalarySample(string kind, int count)
    {
        Kind = kind;
        Usd = new double[count];
        Role = new int[count];
        Seniority = new int[count];
        Country = new int[count];
        Metro = new int[count];
    }

    public string Kind { get; }

    public int Count => Usd.Length;

    /// <summary>Annual USD: the stated figure for salary reports, the midpoint of the annual range for postings.</summary>
    public double[] Usd { get; }

    public int[] Role { get; }

    public int[] Seniority { get; }

    public int[] Country { get; }

    public int[] Metro { get; }

    public Codes Roles { get; } = new();

    public Codes Seniorities { get; } = new();

    public Codes Countries { get; } = new();

    public Codes Metros { get; } = new();

    /// <summary>Of <see cref="Count"/>, salaries the source marks as its own estimate (Glassdoor est., Adzuna predicted).</summary>
    public long Estimates { get; private set; }

    /// <summary>Salaries that match but are left out because they are flagged implausible or unparsed.</summary>
    public long Flagged { get; private set; }

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
    /// match <paramref name="filter"/>; its own kinds are replaced by <paramref name="kind"/>.
    /// </summary>
    public static SalarySample Load(SkillStore store, RecordFilter filter, string kind, bool excludeEstimates)
    {
        var connection = store.Connection;
        var scoped = filter with { Kinds = [kind] };
        var estimateCondition = excludeEstimates ? " AND r.salary_is_estimate = 0" : "";
        var (count, estimates) = Counts(connection, scoped, estimateCondition);
        var sample = new SalarySample(kind, (int)count) { Estimates = estimates, Flagged = CountFlagged(connection, scoped) };
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT r.salary_usd, r.role, r.seniority, r.country, r.metro FROM records r
            WHERE {scoped.ToSql(command)} AND r.salary_usd > 0 AND r.salary_flag IS NULL{estimateCondition}
            """;
        using var reader = command.ExecuteReader();
        var i = 0;
        while (reader.Read() && i < sample.Count)
        {
            sample.Usd[i] = reader.GetDouble(0);
            sample.Role[i] = sample.Roles.Code(reader, 1);
            sample.Seniority[i] = sample.Seniorities.Code(reader, 2);
            sample.Country[i] = sample.Countries.Code(reader, 3);
            sample.Metro[i] = sample.Metros.Code(reader, 4);
            i++;
        }

        return i == sample.Count ? sample : throw new InvalidOperationException("the store changed while a salary report was read");
    }

    private static (long Count, long Estimates) Counts(SqliteConnection connection, RecordFilter filter, string estimateCondition)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT COUNT(*), COALESCE(SUM(r.salary_is_estimate), 0) FROM records r
            WHERE {filter.ToSql(command)} AND r.salary_usd > 0 AND r.salary_flag IS NULL{estimateCondition}
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static long CountFlagged(SqliteConnection connection, RecordFilter filter)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM records r WHERE {filter.ToSql(command)} AND r.salary_flag IS NOT NULL";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>True when the store holds at least one usable salary of <paramref name="kind"/>.</summary>
    public static bool Any(SkillStore store, string kind)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM records r WHERE r.kind = $kind AND r.salary_usd > 0 AND r.salary_flag IS NULL)";
        command.Parameters.AddWithValue("$kind", kind);
        return (long)command.ExecuteScalar()! == 1;
    }
}

/// <summary>Distinct values of one text column, coded 0, 1, 2... in order of first appearance; null is coded like any value.</summary>
internal sealed class Codes
{
    private readonly Dictionary<string, int> _byValue = new(StringComparer.Ordinal);
    private readonly List<string?> _values = [];
    private int _nullCode = -1;

    // The last value read and its code: rows often repeat the previous row's value, and comparing
    // against it avoids a dictionary lookup.
    private string? _last;
    private int _lastCode = -1;

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

    public int Code(SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            if (_nullCode < 0)
            {
                _nullCode = _values.Count;
                _values.Add(null);
            }

            return _nullCode;
        }

        return Code(reader.GetString(ordinal));
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
