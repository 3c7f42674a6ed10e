namespace SkillScope.Store;

/// <summary>A row that could not be stored, kept so nothing is dropped silently.</summary>
public sealed record QuarantinedRow(string Source, string File, long Position, long Line, string Reason, string Raw);

public static class Quarantine
{
    public static long Count(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Scalar("SELECT COUNT(*) FROM quarantine");
    }

    /// <summary>Rows in file and line order; <paramref name="limit"/> 0 means all.</summary>
    public static IReadOnlyList<QuarantinedRow> List(SkillStore store, int limit)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var command = store.Command("SELECT source, file_path, position, line, reason, raw FROM quarantine ORDER BY file_path, position"
            + (limit > 0 ? " LIMIT @limit" : ""));
        if (limit > 0)
        {
            Sql.Add(command, "@limit", limit);
        }
        var rows = new List<QuarantinedRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new QuarantinedRow(reader.GetString(0), reader.GetString(1), Sql.Long(reader, 2), Sql.Long(reader, 3), reader.GetString(4), reader.GetString(5)));
        }

        return rows;
    }
}
