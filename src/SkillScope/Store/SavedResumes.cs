namespace SkillScope.Store;

/// <summary>Resumes kept at the user's request (<c>--save</c>): nothing else writes a resume anywhere.</summary>
public static class SavedResumes
{
    /// <summary>Saves a resume's text and profile once per content hash; returns its id and whether it was already saved.</summary>
    public static (long Id, bool AlreadySaved) Save(SkillStore store, string sha256, string fileName, string format, DateTimeOffset savedAt, string text, string profileJson)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var transaction = store.Begin();
        using var insert = store.Command("""
            INSERT INTO saved_resumes(sha256, file_name, format, saved_at, text, profile_json)
            VALUES (@sha, @file, @format, @at, @text, @profile)
            ON CONFLICT(sha256) DO NOTHING RETURNING id
            """, transaction);
        Sql.Add(insert, "@sha", sha256);
        Sql.Add(insert, "@file", PostgresIngestWriter.Clean(fileName));
        Sql.Add(insert, "@format", format);
        Sql.Add(insert, "@at", IngestWriters.Timestamp(savedAt));
        Sql.Add(insert, "@text", PostgresIngestWriter.Clean(text));
        Sql.Add(insert, "@profile", PostgresIngestWriter.Clean(profileJson));
        if (insert.ExecuteScalar() is { } id and not DBNull)
        {
            transaction.Commit();
            return (Sql.Long(id), false);
        }

        var existing = store.Scalar("SELECT id FROM saved_resumes WHERE sha256 = @sha", transaction, ("@sha", sha256));
        transaction.Commit();
        return (existing, true);
    }

    /// <summary>How many resumes the store holds.</summary>
    public static long Count(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Scalar("SELECT COUNT(*) FROM saved_resumes");
    }
}
