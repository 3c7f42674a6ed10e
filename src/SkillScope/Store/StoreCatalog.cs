namespace SkillScope.Store;

/// <summary>What a store holds, for pickers and status lines: record count, source names, countries.</summary>
public static class StoreCatalog
{
    public static long RecordCount(SkillStore store) => Scalar(store, "SELECT COUNT(*) FROM records");

    /// <summary>Source names given at ingest (the values <see cref="RecordFilter.Sources"/> matches), sorted.</summary>
    public static IReadOnlyList<string> Sources(SkillStore store) => Strings(store, "SELECT DISTINCT source FROM record_sources ORDER BY source");

    /// <summary>Countries (ISO alpha-2) that at least one record is in, sorted.</summary>
    public static IReadOnlyList<string> Countries(SkillStore store) => Strings(store, "SELECT DISTINCT country FROM records WHERE country IS NOT NULL ORDER BY country");

    private static long Scalar(SkillStore store, string sql)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static List<string> Strings(SkillStore store, string sql)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
