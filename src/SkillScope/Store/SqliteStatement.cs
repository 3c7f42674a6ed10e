using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SkillScope.Store;

/// <summary>
/// One prepared statement run through SQLite's C API on the store's connection (and so inside its open transaction),
/// its parameters bound by position. The ingest writes two or three statements per row; through ADO.NET each execution
/// looked every parameter up by name and made a reader for a one-value result, which cost more than SQLite's own work.
/// Errors surface as <see cref="SqliteException"/>, as they would through ADO.NET.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private byte[] utf8 = new byte[1024];

    public SqliteStatement(SkillStore store, string sql)
    {
        database = ((SqliteConnection)store.Connection).Handle ?? throw new InvalidOperationException("the store's connection is not open");
        Check(raw.sqlite3_prepare_v3(database, sql, raw.SQLITE_PREPARE_PERSISTENT, out statement));
        ParameterCount = raw.sqlite3_bind_parameter_count(statement);
    }

    /// <summary>How many parameters the statement has; they are numbered 1.. in the order they first appear in the SQL.</summary>
    public int ParameterCount { get; }

    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(statement, index));
            return;
        }

        if (value.Length == 0)
        {
            // An empty span pins to a null pointer, which SQLite would bind as NULL.
            Check(raw.sqlite3_bind_text(statement, index, value));
            return;
        }

        // Encoded into one reused buffer (SQLite copies bound text), not into a new array per value.
        var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (utf8.Length < needed)
        {
            utf8 = new byte[Math.Max(needed, utf8.Length * 2)];
        }

        Check(raw.sqlite3_bind_text(statement, index, utf8.AsSpan(0, Encoding.UTF8.GetBytes(value, utf8))));
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(statement, index, value));

    /// <summary>A day as the store keeps it (yyyy-MM-dd text, <see cref="Sql.Date(DateOnly?)"/>), formatted straight into the bound bytes.</summary>
    public void Bind(int index, DateOnly? value)
    {
        if (value is not { } day)
        {
            Check(raw.sqlite3_bind_null(statement, index));
            return;
        }

        // Written by hand: the custom-format path cost more than SQLite's own work on the value (DateOnly's years are 1-9999).
        var bytes = utf8.AsSpan(0, 10);
        Digits(bytes[..4], day.Year);
        bytes[4] = (byte)'-';
        Digits(bytes.Slice(5, 2), day.Month);
        bytes[7] = (byte)'-';
        Digits(bytes.Slice(8, 2), day.Day);
        Check(raw.sqlite3_bind_text(statement, index, bytes));
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>
    /// As ADO.NET binds a decimal: text, which a REAL column's affinity turns into the same number it did. A whole number
    /// a double holds exactly (every stated salary in the sample files) is bound as that double: the same stored REAL,
    /// without formatting and parsing text.
    /// </summary>
    public void Bind(int index, decimal? value)
    {
        if (value is not { } number)
        {
            Check(raw.sqlite3_bind_null(statement, index));
            return;
        }

        if (decimal.IsInteger(number) && decimal.Abs(number) <= ExactInDouble)
        {
            Check(raw.sqlite3_bind_double(statement, index, (double)number));
            return;
        }

        Bind(index, number.ToString(DecimalFormat, CultureInfo.InvariantCulture));
    }

    // 2^53: every whole number up to it converts to a double exactly.
    private const decimal ExactInDouble = 9_007_199_254_740_992m;

    private const string DecimalFormat = "0.0###########################";

    public void Bind(int index, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(statement, index, v) : raw.sqlite3_bind_null(statement, index));

    public void Bind(int index, double? value) =>
        Check(value is { } v ? raw.sqlite3_bind_double(statement, index, v) : raw.sqlite3_bind_null(statement, index));

    public void Bind(int index, byte[] value) => Check(raw.sqlite3_bind_blob(statement, index, value));

    /// <summary>Binds a value of a type the store writes: text, a whole number, a real number, bytes, or null.</summary>
    public void Bind(int index, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                Check(raw.sqlite3_bind_null(statement, index));
                break;
            case string text:
                Bind(index, text);
                break;
            case long number:
                Bind(index, number);
                break;
            case int number:
                Bind(index, (long)number);
                break;
            case double number:
                Bind(index, (double?)number);
                break;
            case decimal number:
                Bind(index, (decimal?)number);
                break;
            case byte[] bytes:
                Bind(index, bytes);
                break;
            default:
                throw new ArgumentException($"parameter {index} has a type the store does not write: {value.GetType().Name}", nameof(value));
        }
    }

    /// <summary>Runs the statement to its end.</summary>
    public void Run() => Step(readFirst: false);

    /// <summary>
    /// Runs an INSERT; the new row's id, or null when it inserted nothing (ON CONFLICT ... DO NOTHING). Cheaper than
    /// INSERT ... RETURNING, which SQLite runs through a temporary table of results on every execution.
    /// </summary>
    public long? Insert()
    {
        Step(readFirst: false);
        return raw.sqlite3_changes(database) > 0 ? raw.sqlite3_last_insert_rowid(database) : null;
    }

    /// <summary>Runs the statement; the first column of its first row as a whole number, or null when it returns no row (or NULL).</summary>
    public long? Scalar() => Step(readFirst: true);

    private long? Step(bool readFirst)
    {
        try
        {
            var result = raw.sqlite3_step(statement);
            if (result == raw.SQLITE_ROW)
            {
                return readFirst && raw.sqlite3_column_type(statement, 0) != raw.SQLITE_NULL ? raw.sqlite3_column_int64(statement, 0) : null;
            }

            if (result != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(result, database);
            }

            return null;
        }
        finally
        {
            // Resetting ends the statement (an INSERT ... RETURNING has made its change by its first row), so the
            // transaction can commit; the bindings stay, and every use binds all parameters again.
            raw.sqlite3_reset(statement);
        }
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }

    public void Dispose() => statement.Dispose();
}
