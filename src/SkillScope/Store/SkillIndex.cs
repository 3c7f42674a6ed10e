using Microsoft.Data.Sqlite;
using SkillScope.Model;
using SkillScope.Skills;

namespace SkillScope.Store;

/// <summary>
/// Keeps <c>record_skills</c> in step with the taxonomy: postings are indexed as they are stored, and
/// <see cref="Reindex"/> re-extracts the whole store when the taxonomy changes.
/// </summary>
public sealed class SkillIndex(SkillExtractor extractor, string taxonomyVersion)
{
    private const int ReindexBatch = 2_000;

    /// <summary>The text skills are extracted from: title and description.</summary>
    private static string? TextOf(string kind, string title, string? description) =>
        kind == RecordKinds.Posting && description is not null ? title + "\n" + description : null;

    /// <summary>Indexes one newly stored record inside the ingest's transaction (an <see cref="IngestService.OnRecordStored"/> hook).</summary>
    public void OnRecordStored(SqliteTransaction transaction, long recordId, JobRecord record)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(record);
        if (TextOf(record.Kind, record.Title, record.Description) is { } text)
        {
            using var insert = InsertCommand(transaction);
            Write(insert, recordId, SkillExtractor.Distinct(extractor.Extract(text)));
        }
    }

    /// <summary>Re-extracts every posting's skills in batches; each batch commits on its own, and the
    /// taxonomy version is recorded only when all are done, so an interrupted run is visible and re-runnable.</summary>
    public long Reindex(SkillStore store, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var connection = store.Connection;
        var total = Scalar(connection, "SELECT COUNT(*) FROM records WHERE kind = 'posting' AND description IS NOT NULL");
        SetVersion(connection, "reindexing");
        long done = 0, lastId = 0;
        while (!cancellation.IsCancellationRequested)
        {
            var batch = ReadBatch(connection, lastId);
            if (batch.Count == 0)
            {
                SetVersion(connection, taxonomyVersion);
                break;
            }

            var extracted = new IReadOnlyList<(string SkillId, string Strength)>[batch.Count];
            Parallel.For(0, batch.Count, i => extracted[i] = SkillExtractor.Distinct(extractor.Extract(batch[i].Text)));
            using (var transaction = connection.BeginTransaction())
            {
                using var delete = connection.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM record_skills WHERE record_id > $from AND record_id <= $to";
                delete.Parameters.AddWithValue("$from", lastId);
                delete.Parameters.AddWithValue("$to", batch[^1].Id);
                delete.ExecuteNonQuery();
                using var insert = InsertCommand(transaction);
                for (var i = 0; i < batch.Count; i++)
                {
                    Write(insert, batch[i].Id, extracted[i]);
                }

                transaction.Commit();
            }

            lastId = batch[^1].Id;
            done += batch.Count;
            progress?.Report(total == 0 ? 1 : (double)done / total);
        }

        return done;
    }

    /// <summary>The taxonomy version the store's skills were extracted with ("reindexing" when a reindex did not finish).</summary>
    public static string? StoredVersion(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'taxonomy_version'";
        return command.ExecuteScalar() as string;
    }

    /// <summary>Records the version on first use of a store, so later taxonomy changes are detectable.</summary>
    public void MarkIfNew(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (StoredVersion(store) is null)
        {
            SetVersion(store.Connection, taxonomyVersion);
        }
    }

    private static List<(long Id, string Text)> ReadBatch(SqliteConnection connection, long afterId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, kind, title, description FROM records WHERE id > $after AND kind = 'posting' AND description IS NOT NULL ORDER BY id LIMIT {ReindexBatch}";
        command.Parameters.AddWithValue("$after", afterId);
        var batch = new List<(long, string)>(ReindexBatch);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            batch.Add((reader.GetInt64(0), TextOf(reader.GetString(1), reader.GetString(2), reader.GetString(3))!));
        }

        return batch;
    }

    private static SqliteCommand InsertCommand(SqliteTransaction transaction)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR REPLACE INTO record_skills(record_id, skill_id, required) VALUES ($record, $skill, $required)";
        command.Parameters.Add(new SqliteParameter { ParameterName = "$record" });
        command.Parameters.Add(new SqliteParameter { ParameterName = "$skill" });
        command.Parameters.Add(new SqliteParameter { ParameterName = "$required" });
        return command;
    }

    private static void Write(SqliteCommand insert, long recordId, IReadOnlyList<(string SkillId, string Strength)> skills)
    {
        foreach (var (skillId, strength) in skills)
        {
            insert.Parameters[0].Value = recordId;
            insert.Parameters[1].Value = skillId;
            insert.Parameters[2].Value = strength == SkillStrengths.Required ? 1 : 0;
            insert.ExecuteNonQuery();
        }
    }

    private static void SetVersion(SqliteConnection connection, string version)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO meta(key, value) VALUES ('taxonomy_version', $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$v", version);
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
