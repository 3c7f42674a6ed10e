using System.Buffers;
using System.Text;
using System.Text.Json;
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
    private SqliteTransaction? ingestTransaction;
    private SqliteCommand? ingestInsert;

    /// <summary>The text skills are extracted from: title and description.</summary>
    private static string? TextOf(string kind, string title, string? description) =>
        kind == RecordKinds.Posting && description is not null ? title + "\n" + description : null;

    /// <summary>Indexes one newly stored record inside the ingest's transaction (an <see cref="IngestService.OnRecordStored"/> hook).</summary>
    public void OnRecordStored(SqliteTransaction transaction, long recordId, JobRecord record)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(record);
        if (TextOf(record.Kind, record.Title, record.Description) is not { } text)
        {
            return;
        }

        // One prepared statement per ingest transaction, not per record.
        if (!ReferenceEquals(ingestTransaction, transaction))
        {
            ingestInsert?.Dispose();
            ingestInsert = InsertCommand(transaction);
            ingestTransaction = transaction;
        }

        Write(ingestInsert!, recordId, SkillExtractor.Distinct(extractor.Extract(text, record.Company)));
    }

    /// <summary>
    /// Re-extracts every posting's skills into a fresh table that replaces <c>record_skills</c> in one
    /// transaction at the end: an interrupted reindex leaves the previous skills in place, whole.
    /// </summary>
    public long Reindex(SkillStore store, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var connection = store.Connection;
        var total = Scalar(connection, "SELECT COUNT(*) FROM records WHERE kind = 'posting' AND description IS NOT NULL");
        SkillStore.Execute(connection, """
            DROP TABLE IF EXISTS record_skills_next;
            CREATE TABLE record_skills_next(
                record_id INTEGER NOT NULL REFERENCES records(id), skill_id TEXT NOT NULL,
                required INTEGER NOT NULL CHECK (required IN (0, 1)), PRIMARY KEY (record_id, skill_id)) WITHOUT ROWID;
            """);
        long done = 0;
        var batch = ReadBatch(connection, 0);
        var extracted = Extract(batch);
        while (batch.Count > 0)
        {
            if (cancellation.IsCancellationRequested)
            {
                SkillStore.Execute(connection, "DROP TABLE record_skills_next");
                return done;
            }

            // Extract the next batch on the other core while this one is written.
            var next = ReadBatch(connection, batch[^1].Id);
            var nextExtracted = Task.Run(() => Extract(next), CancellationToken.None);
            using (var transaction = connection.BeginTransaction())
            {
                using var insert = InsertCommand(transaction, "record_skills_next");
                for (var i = 0; i < batch.Count; i++)
                {
                    Write(insert, batch[i].Id, extracted[i]);
                }

                transaction.Commit();
            }

            done += batch.Count;
            progress?.Report(total == 0 ? 1 : (double)done / total);
            batch = next;
            extracted = nextExtracted.GetAwaiter().GetResult();
        }

        using (var swap = connection.BeginTransaction())
        {
            SkillStore.Execute(connection, """
                DROP TABLE record_skills;
                ALTER TABLE record_skills_next RENAME TO record_skills;
                CREATE INDEX ix_record_skills_skill ON record_skills(skill_id, record_id);
                """, swap);
            SetVersion(connection, taxonomyVersion, swap);
            swap.Commit();
        }

        return done;
    }

    private IReadOnlyList<(string SkillId, string Strength)>[] Extract(List<(long Id, string Text)> batch)
    {
        var extracted = new IReadOnlyList<(string SkillId, string Strength)>[batch.Count];
        Parallel.For(0, batch.Count, i => extracted[i] = SkillExtractor.Distinct(extractor.Extract(batch[i].Text)));
        return extracted;
    }

    /// <summary>The taxonomy version the store's skills were extracted with.</summary>
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

    // "+kind" keeps SQLite on the primary key: through the kind index it would sort every posting per batch.
    private static List<(long Id, string Text)> ReadBatch(SqliteConnection connection, long afterId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, kind, title, description FROM records WHERE id > $after AND +kind = 'posting' AND description IS NOT NULL ORDER BY id LIMIT {ReindexBatch}";
        command.Parameters.AddWithValue("$after", afterId);
        var batch = new List<(long, string)>(ReindexBatch);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            batch.Add((reader.GetInt64(0), TextOf(reader.GetString(1), reader.GetString(2), reader.GetString(3))!));
        }

        return batch;
    }

    // One statement per posting: its skills go in as one JSON array, unpacked by SQLite's json_each.
    private static SqliteCommand InsertCommand(SqliteTransaction transaction, string table = "record_skills")
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table}(record_id, skill_id, required) SELECT $record, value ->> 0, value ->> 1 FROM json_each($skills)";
        command.Parameters.Add(new SqliteParameter { ParameterName = "$record" });
        command.Parameters.Add(new SqliteParameter { ParameterName = "$skills" });
        return command;
    }

    private static void Write(SqliteCommand insert, long recordId, IReadOnlyList<(string SkillId, string Strength)> skills)
    {
        if (skills.Count == 0)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(skills.Count * 24);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var (skillId, strength) in skills)
            {
                json.WriteStartArray();
                json.WriteStringValue(skillId);
                json.WriteNumberValue(strength == SkillStrengths.Required ? 1 : 0);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        insert.Parameters[0].Value = recordId;
        insert.Parameters[1].Value = Encoding.UTF8.GetString(buffer.WrittenSpan);
        insert.ExecuteNonQuery();
    }

    private static void SetVersion(SqliteConnection connection, string version, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
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
