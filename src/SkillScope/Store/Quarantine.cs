namespace SkillScope.Store;

/// <summary>A row that could not be stored, kept so nothing is dropped silently.</summary>
public sealed record QuarantinedRow(string Source, string File, long Position, long Line, string Reason, string Raw);

public static class Quarantine
{
    public static long Count(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM quarantine";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Rows in file and line order; <paramref name="limit"/> 0 means all.</summary>
    public static IReadOnlyList<QuarantinedRow> List(SkillStore store, int limit)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT source, file_path, position, line, reason, raw FROM quarantine ORDER BY file_path, position LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit == 0 ? -1 : limit);
        var rows = new List<QuarantinedRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new QuarantinedRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4), reader.GetString(5)));
        }

        return rows;
    }
}
