using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace SkillScope.Store;

/// <summary>
/// A forward-only scan over the rows of a store query, read in place: numbers without boxing, text as UTF-8 spans.
/// Salary statistics read every matching row, and with ADO.NET's reader the per-column overhead and one string per text
/// cell cost about as much as the database's own scan. The query and its columns are the store's
/// (<see cref="SalaryQueries"/>); callers only read them.
/// </summary>
internal abstract class RowScan : IDisposable
{
    public abstract bool Read();

    public abstract bool IsNull(int column);

    public abstract double Double(int column);

    public abstract long Int64(int column);

    /// <summary>A text column's UTF-8 bytes, valid until the next <see cref="Read"/>.</summary>
    public abstract ReadOnlySpan<byte> Utf8(int column);

    public abstract void Dispose();

    public static RowScan Open(SkillStore store, DbCommand command) =>
        store.IsPostgres ? new PostgresRowScan((NpgsqlCommand)command) : new SqliteRowScan((SqliteCommand)command);
}

/// <summary>Runs a prepared command through SQLite's C API on the same connection.</summary>
internal sealed class SqliteRowScan : RowScan
{
    private readonly sqlite3_stmt _statement;
    private readonly sqlite3 _database;
    private readonly SqliteCommand _command;

    public SqliteRowScan(SqliteCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _command = command;
        var connection = command.Connection ?? throw new InvalidOperationException("the command has no connection");
        _database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_database, command.CommandText, out _statement));
        foreach (SqliteParameter parameter in command.Parameters)
        {
            var index = raw.sqlite3_bind_parameter_index(_statement, parameter.ParameterName);
            if (index == 0)
            {
                continue;
            }

            Check(parameter.Value switch
            {
                null or DBNull => raw.sqlite3_bind_null(_statement, index),
                string text => raw.sqlite3_bind_text(_statement, index, text),
                long number => raw.sqlite3_bind_int64(_statement, index, number),
                int number => raw.sqlite3_bind_int64(_statement, index, number),
                double number => raw.sqlite3_bind_double(_statement, index, number),
                _ => throw new ArgumentException($"parameter {parameter.ParameterName} has an unsupported type {parameter.Value.GetType().Name}", nameof(command)),
            });
        }
    }

    public override bool Read()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        if (result == raw.SQLITE_DONE)
        {
            return false;
        }

        Check(result);
        return false;
    }

    public override bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public override double Double(int column) => raw.sqlite3_column_double(_statement, column);

    public override long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public override ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(_statement, column);

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"SQLite error {result}: {raw.sqlite3_errmsg(_database).utf8_to_string()}"));
        }
    }

    public override void Dispose()
    {
        _statement.Dispose();
        _command.Dispose();
    }
}

/// <summary>The same scan over Npgsql's reader (rows arrive in binary; text is encoded once into a reused buffer).</summary>
internal sealed class PostgresRowScan(NpgsqlCommand command) : RowScan
{
    private readonly NpgsqlDataReader _reader = command.ExecuteReader();
    private byte[] _buffer = new byte[256];

    public override bool Read() => _reader.Read();

    public override bool IsNull(int column) => _reader.IsDBNull(column);

    public override double Double(int column) => _reader.GetDouble(column);

    public override long Int64(int column) => Convert.ToInt64(_reader.GetValue(column), CultureInfo.InvariantCulture);

    public override ReadOnlySpan<byte> Utf8(int column)
    {
        var text = _reader.GetString(column);
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_buffer.Length < needed)
        {
            _buffer = new byte[Math.Max(needed, _buffer.Length * 2)];
        }

        return _buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, _buffer));
    }

    public override void Dispose()
    {
        _reader.Dispose();
        command.Dispose();
    }
}

/// <summary>
/// A scan's text cells as strings, one string per distinct value: kinds, roles, levels and places repeat across hundreds
/// of thousands of rows, so each is decoded into a reused buffer and looked up instead of allocated per cell.
/// </summary>
internal sealed class TextCells
{
    private readonly Dictionary<string, string> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private char[] _buffer = new char[256];

    public TextCells() => _lookup = _known.GetAlternateLookup<ReadOnlySpan<char>>();

    public string? Of(RowScan scan, int column)
    {
        if (scan.IsNull(column))
        {
            return null;
        }

        var bytes = scan.Utf8(column);
        if (_buffer.Length < bytes.Length)
        {
            _buffer = new char[Math.Max(bytes.Length, _buffer.Length * 2)];
        }

        var chars = _buffer.AsSpan(0, Encoding.UTF8.GetChars(bytes, _buffer));
        if (!_lookup.TryGetValue(chars, out var text))
        {
            text = chars.ToString();
            _known[text] = text;
        }

        return text;
    }
}
