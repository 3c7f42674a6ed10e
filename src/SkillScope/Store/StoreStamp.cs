namespace SkillScope.Store;

/// <summary>
/// A short text that changes whenever what reports read changes: a record stored or merged (every ingest
/// batch updates its ingest row), or skills re-extracted (the taxonomy version is rewritten). Results
/// computed under one stamp can be reused while the stamp is unchanged.
/// </summary>
public static class StoreStamp
{
    /// <summary>The reindex marker: while it is stored, skill figures change batch by batch and must not be reused.</summary>
    public const string Reindexing = "reindexing";

    public static string Read(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var command = store.Command("""
            SELECT CAST((SELECT COALESCE(MAX(id), 0) FROM records) AS TEXT)
                || '.' || (SELECT CAST(COUNT(*) AS TEXT) || '.' || CAST(COALESCE(MAX(id), 0) AS TEXT) || '.' || CAST(COALESCE(SUM(rows_read), 0) AS TEXT)
                    || '.' || CAST(COALESCE(SUM(CASE WHEN status = 'running' THEN 1 ELSE 0 END), 0) AS TEXT) FROM ingests)
                || '.' || COALESCE((SELECT value FROM meta WHERE key = 'taxonomy_version'), '')
            """);
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>Whether <paramref name="stamp"/> was read while an ingest was running (each batch it commits moves the stamp).</summary>
    public static bool IngestRunning(string stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var parts = stamp.Split('.');
        return parts.Length > 4 && parts[4] != "0";
    }
}
