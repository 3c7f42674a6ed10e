using System.Buffers.Binary;
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

    /// <summary>
    /// As <see cref="Open"/>, for a scan of up to millions of rows of a few columns: on PostgreSQL through COPY in binary
    /// (<see cref="PostgresCopyScan"/>; text parameters only, and in a transaction when there are any).
    /// </summary>
    public static RowScan OpenBulk(SkillStore store, DbCommand command) =>
        store.IsPostgres ? new PostgresCopyScan((NpgsqlCommand)command) : new SqliteRowScan((SqliteCommand)command);
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

/// <summary>
/// The same scan over <c>COPY (query) TO STDOUT (FORMAT BINARY)</c>, parsed here: a tuple is a field count and each
/// field's length and bytes, so a row costs a few reads of a buffer instead of the data reader's per-row and per-cell
/// work (at a million rows of two columns, most of the client's time in the market report). COPY takes no bind
/// parameters: the command's (text) parameters are set as transaction-local settings first and the query reads each
/// once, as <c>(SELECT current_setting('skillscope.NAME'))</c>, so no value is ever written into the SQL.
/// </summary>
internal sealed class PostgresCopyScan : RowScan
{
    // "PGCOPY\n\xff\r\n\0"
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    private readonly NpgsqlRawCopyStream _stream;
    private readonly NpgsqlCommand _command;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private int[] _offsets = new int[16];
    private int[] _lengths = new int[16];
    private bool _done;

    public PostgresCopyScan(NpgsqlCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _command = command;
        var connection = command.Connection ?? throw new InvalidOperationException("the command has no connection");
        var sql = command.CommandText;
        if (command.Parameters.Count > 0)
        {
            if (command.Transaction is null)
            {
                throw new InvalidOperationException("a COPY scan with parameters needs a transaction (its settings are local to it)");
            }

            using var set = new NpgsqlCommand("", connection, command.Transaction);
            var calls = new List<string>();
            foreach (NpgsqlParameter parameter in command.Parameters)
            {
                var name = parameter.ParameterName.TrimStart('@');
                if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || parameter.Value is not string)
                {
                    throw new ArgumentException($"parameter {parameter.ParameterName}: a COPY scan takes text parameters with plain names", nameof(command));
                }

                calls.Add($"set_config('skillscope.{name}', @{name}, true)");
                set.Parameters.AddWithValue(name, parameter.Value);
                sql = System.Text.RegularExpressions.Regex.Replace(sql, $@"@{name}\b", $"(SELECT current_setting('skillscope.{name}'))");
            }

            set.CommandText = "SELECT " + string.Join(", ", calls);
            set.ExecuteNonQuery();
        }

        _stream = connection.BeginRawBinaryCopy($"COPY ({sql}) TO STDOUT (FORMAT BINARY)");
        // The header: the signature, a flags word and an extension area of the given length.
        if (!Have(Signature.Length + 8) || !_buffer.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("COPY BINARY output without its header");
        }

        var extension = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(Signature.Length + 4));
        if (extension < 0 || !Have(Signature.Length + 8 + extension))
        {
            throw new InvalidDataException("COPY BINARY header cut short");
        }

        _start = Signature.Length + 8 + extension;
    }

    public override bool Read()
    {
        while (!_done)
        {
            if (TryTuple())
            {
                return true;
            }

            if (!Fill())
            {
                // The end of the data between two rows is the end too (the trailer may not reach the raw stream).
                if (_end == _start)
                {
                    _done = true;
                    break;
                }

                throw new InvalidDataException("COPY BINARY output ended inside a row");
            }
        }

        return false;
    }

    // Parses the tuple at _start when all of it is in the buffer (or the trailer: the end).
    private bool TryTuple()
    {
        var at = _start;
        if (_end - at < 2)
        {
            return false;
        }

        int fields = BinaryPrimitives.ReadInt16BigEndian(_buffer.AsSpan(at));
        at += 2;
        if (fields < 0)
        {
            _done = true;
            _start = at;
            return false;
        }

        if (_offsets.Length < fields)
        {
            _offsets = new int[fields];
            _lengths = new int[fields];
        }

        for (var i = 0; i < fields; i++)
        {
            if (_end - at < 4)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(at));
            at += 4;
            _lengths[i] = length;
            _offsets[i] = at;
            if (length > 0)
            {
                if (_end - at < length)
                {
                    return false;
                }

                at += length;
            }
        }

        _start = at;
        return true;
    }

    // Moves the unparsed bytes to the front (growing the buffer when a row fills it) and reads more; false at the end.
    private bool Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        return read > 0;
    }

    // Reads until the buffer holds at least count bytes from its start (the header only, while _start is 0).
    private bool Have(int count)
    {
        while (_end < count)
        {
            if (!Fill())
            {
                return false;
            }
        }

        return true;
    }

    public override bool IsNull(int column) => _lengths[column] < 0;

    private ReadOnlySpan<byte> Cell(int column) => _lengths[column] < 0 ? default : _buffer.AsSpan(_offsets[column], _lengths[column]);

    public override double Double(int column)
    {
        var cell = Cell(column);
        return cell.Length == 4 ? BinaryPrimitives.ReadSingleBigEndian(cell) : BinaryPrimitives.ReadDoubleBigEndian(cell);
    }

    public override long Int64(int column)
    {
        var cell = Cell(column);
        return cell.Length switch
        {
            2 => BinaryPrimitives.ReadInt16BigEndian(cell),
            4 => BinaryPrimitives.ReadInt32BigEndian(cell),
            _ => BinaryPrimitives.ReadInt64BigEndian(cell),
        };
    }

    // Text in binary COPY is the value's bytes in the client encoding, which Npgsql sets to UTF-8.
    public override ReadOnlySpan<byte> Utf8(int column) => Cell(column);

    public override ReadOnlySpan<byte> Utf8OrNull(int column, out bool isNull)
    {
        isNull = _lengths[column] < 0;
        return Cell(column);
    }

    public override ReadOnlySpan<byte> Bytes(int column) => Cell(column);

    public override void Dispose()
    {
        // Read to the end so the COPY completes and the session is ready for its next statement.
        try
        {
            if (_done)
            {
                while (_stream.Read(_buffer, 0, _buffer.Length) > 0)
                {
                    // Nothing after the trailer is data.
                }
            }
        }
        finally
        {
            _stream.Dispose();
            _command.Dispose();
        }
    }
}
