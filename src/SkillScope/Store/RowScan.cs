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

    /// <summary>A text column's UTF-8 bytes (valid until the next <see cref="Read"/>), or empty and <paramref name="isNull"/>.</summary>
    public virtual ReadOnlySpan<byte> Utf8OrNull(int column, out bool isNull)
    {
        isNull = IsNull(column);
        return isNull ? default : Utf8(column);
    }

    /// <summary>A blob column's bytes (empty for NULL), valid until the next <see cref="Read"/>.</summary>
    public abstract ReadOnlySpan<byte> Bytes(int column);

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
    // The statement's native pointer, for the column reads (SqliteNative); _statement keeps it alive.
    private readonly IntPtr _handle;

    public SqliteRowScan(SqliteCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _command = command;
        var connection = command.Connection ?? throw new InvalidOperationException("the command has no connection");
        _database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_database, command.CommandText, out _statement));
        _handle = _statement.DangerousGetHandle();
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
        var result = SqliteNative.Step(_handle);
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

    // Cells are read through SqliteNative: millions of calls per report, each through SQLitePCL's SafeHandle
    // marshalling cost more than SQLite's own work for the cell.
    public override bool IsNull(int column) => SqliteNative.ColumnType(_handle, column) == raw.SQLITE_NULL;

    public override double Double(int column) => SqliteNative.ColumnDouble(_handle, column);

    public override long Int64(int column) => SqliteNative.ColumnInt64(_handle, column);

    public override ReadOnlySpan<byte> Utf8(int column) => SqliteNative.ColumnText(_handle, column, out _);

    public override ReadOnlySpan<byte> Utf8OrNull(int column, out bool isNull) => SqliteNative.ColumnText(_handle, column, out isNull);

    // sqlite3_value_blob reads a blob as stored, as it does text.
    public override ReadOnlySpan<byte> Bytes(int column) => SqliteNative.ColumnText(_handle, column, out _);

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

    // Read as a long whatever the integer column's width (Npgsql widens int2 and int4), without boxing a value per cell.
    public override long Int64(int column) => _reader.GetInt64(column);

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

    public override ReadOnlySpan<byte> Bytes(int column)
    {
        if (_reader.IsDBNull(column))
        {
            return default;
        }

        var length = (int)_reader.GetBytes(column, 0, null, 0, 0);
        if (_buffer.Length < length)
        {
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        }

        return _buffer.AsSpan(0, (int)_reader.GetBytes(column, 0, _buffer, 0, length));
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
