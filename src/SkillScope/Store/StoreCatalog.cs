namespace SkillScope.Store;

/// <summary>What a store holds, for pickers and status lines: record count, source names, countries.</summary>
public static class StoreCatalog
{
    public static long RecordCount(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Scalar("SELECT COUNT(*) FROM records");
    }

    /// <summary>Source names given at ingest (the values <see cref="RecordFilter.Sources"/> matches), sorted.</summary>
    public static IReadOnlyList<string> Sources(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Sql.Strings(store, "SELECT DISTINCT source FROM record_sources ORDER BY source");
    }

    /// <summary>Countries (ISO alpha-2) that at least one record is in, sorted.</summary>
    public static IReadOnlyList<string> Countries(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Sql.Strings(store, "SELECT DISTINCT country FROM records WHERE country IS NOT NULL ORDER BY country");
    }
}
