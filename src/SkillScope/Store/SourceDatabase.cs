using System.Globalization;
using Microsoft.Data.Sqlite;
using SkillScope.Ingest;

namespace SkillScope.Store;

/// <summary>
/// Reads a table of a SQLite file that is a data source (not a SkillScope store), such as the HN "Who is hiring?"
/// jobs.db: opened read-only, never migrated or written, rows in rowid order so a re-read gives the same positions.
/// Lives here because SQLite types stay inside the store.
/// </summary>
internal static class SourceDatabase
{
    /// <summary>
    /// The rows of <paramref name="table"/> (rowid, then the values of <paramref name="columns"/> as text, "" for NULL).
    /// </summary>
    /// <exception cref="ReadError">The file cannot be opened, or lacks the table or one of the columns.</exception>
    public static IEnumerable<(long RowId, string[] Values)> ReadTable(string path, string table, IReadOnlyList<string> columns)
    {
        // Opened and checked here, before the first row is asked for, so a wrong file fails before an ingest starts.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            using var info = connection.CreateCommand();
            info.CommandText = $"PRAGMA table_info({Quote(table)})";
            var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using (var reader = info.ExecuteReader())
            {
                while (reader.Read())
                {
                    present.Add(reader.GetString(1));
                }
            }

            var missing = columns.Where(c => !present.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                throw new ReadError(present.Count == 0
                    ? $"{path}: a SQLite database without a '{table}' table; SkillScope reads the HN \"Who is hiring?\" jobs.db layout (table {table}: {string.Join(", ", columns)})"
                    : $"{path}: table '{table}' lacks the column(s) {string.Join(", ", missing)}");
            }
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new ReadError($"{path}: cannot read the SQLite database ({e.Message.TrimEnd('.')})");
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return Rows(connection, path, table, columns);
    }

    private static IEnumerable<(long RowId, string[] Values)> Rows(SqliteConnection connection, string path, string table, IReadOnlyList<string> columns)
    {
        using (connection)
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT rowid, {string.Join(", ", columns.Select(c => "CAST(" + Quote(c) + " AS TEXT)"))} FROM {Quote(table)} ORDER BY rowid";
            using var reader = command.ExecuteReader();
            while (true)
            {
                long rowId;
                string[] values;
                try
                {
                    if (!reader.Read())
                    {
                        yield break;
                    }

                    rowId = reader.GetInt64(0);
                    values = new string[columns.Count];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = reader.IsDBNull(i + 1) ? "" : reader.GetString(i + 1);
                    }
                }
                catch (SqliteException e)
                {
                    throw new ReadError(string.Create(CultureInfo.InvariantCulture, $"{path}: the database is damaged ({e.Message.TrimEnd('.')})"));
                }

                yield return (rowId, values);
            }
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
