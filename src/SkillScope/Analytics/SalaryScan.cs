using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SkillScope.Analytics;

/// <summary>
/// Runs a prepared <see cref="SqliteCommand"/> (text and parameters) through SQLite's C API on the same connection,
/// reading columns in place: no object per row or per column, text as UTF-8 spans. Salary statistics read every
/// matching row, and with ADO.NET's reader the per-column overhead and one string per text cell cost about as much
/// as SQLite's own scan.
/// </summary>
internal sealed class SalaryScan : IDisposable
{
    private readonly sqlite3_stmt _statement;
    private readonly sqlite3 _database;

    public SalaryScan(SqliteCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
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
                var other => throw new ArgumentException($"parameter {parameter.ParameterName}: {other.GetType().Name} values are not bound here", nameof(command)),
            });
        }
    }

    public bool Read()
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

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public double Double(int column) => raw.sqlite3_column_double(_statement, column);

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>A text column's UTF-8 bytes, valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(_statement, column);

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"SQLite error {result}: {raw.sqlite3_errmsg(_database).utf8_to_string()}"));
        }
    }

    public void Dispose() => _statement.Dispose();
}
