using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SkillScope.Model;
using SkillScope.Skills;

namespace SkillScope.Store;

/// <summary>
/// Keeps <c>record_skills</c> and its packed form <c>record_skill_sets</c> (<see cref="SkillSets"/>) in step with the taxonomy: postings get their skills as they are stored (the ingest
/// pipeline's skill step), and <see cref="Reindex"/> re-extracts the whole store when the taxonomy changes.
/// </summary>
public sealed class SkillIndex(SkillExtractor extractor, string taxonomyVersion)
{
    private const int ReindexBatch = 2_000;
    private const string VersionKey = "taxonomy_version";

    /// <summary>The text skills are extracted from: title and description, for postings with a description.</summary>
    internal static string? TextOf(string kind, string title, string? description) =>
        kind == RecordKinds.Posting && description is not null ? title + "\n" + description : null;

    /// <summary>Whether <see cref="SkillsOf"/> can find any skill: the record has text to extract from, or stated skills.</summary>
    internal static bool HasSkills(string kind, string? description, IReadOnlyList<string>? stated) =>
        (kind == RecordKinds.Posting && description is not null) || stated is { Count: > 0 };

    /// <summary>
    /// A record's skills: those its text names (postings with a description), and those its source lists explicitly
    /// (<see cref="JobRecord.StatedSkills"/>: a survey's tools, a board's tags), which count as required; a skill both
    /// name is required when either says so.
    /// </summary>
    internal static IReadOnlyList<(string SkillId, string Strength)> SkillsOf(
        SkillExtractor extractor, string kind, string title, string? description, string? company, IReadOnlyList<string>? stated)
    {
        IReadOnlyList<(string SkillId, string Strength)> found = TextOf(kind, title, description) is { } text
            ? SkillExtractor.Distinct(extractor.Extract(text, company))
            : [];
        if (stated is not { Count: > 0 })
        {
            return found;
        }

        var merged = new List<(string SkillId, string Strength)>(found);
        foreach (var id in StatedSkills.Resolve(extractor, stated))
        {
            var at = merged.FindIndex(s => s.SkillId == id);
            if (at < 0)
            {
                merged.Add((id, SkillStrengths.Required));
            }
            else
            {
                merged[at] = (id, SkillStrengths.Required);
            }
        }

        return merged;
    }

    /// <summary>
    /// Re-extracts every posting's skills into a fresh table that replaces <c>record_skills</c> in one
    /// transaction at the end: an interrupted reindex leaves the previous skills in place, whole.
    /// </summary>
    public long Reindex(SkillStore store, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var total = store.Scalar("SELECT COUNT(*) FROM records WHERE (kind = 'posting' AND description IS NOT NULL) OR stated_skills IS NOT NULL");
        store.Execute(store.IsPostgres
            ? """
                DROP TABLE IF EXISTS record_skills_next;
                CREATE TABLE record_skills_next(
                    record_id BIGINT NOT NULL CONSTRAINT record_skills_record_id_fkey REFERENCES records(id), skill_id TEXT COLLATE "C" NOT NULL,
                    required INTEGER NOT NULL CONSTRAINT record_skills_required_check CHECK (required IN (0, 1)), PRIMARY KEY (record_id, skill_id));
                DROP TABLE IF EXISTS record_skill_sets_next;
                CREATE TABLE record_skill_sets_next(
                    record_id BIGINT PRIMARY KEY CONSTRAINT record_skill_sets_record_id_fkey REFERENCES records(id), skills BYTEA NOT NULL);
                """
            : """
                DROP TABLE IF EXISTS record_skills_next;
                CREATE TABLE record_skills_next(
                    record_id INTEGER NOT NULL REFERENCES records(id), skill_id TEXT NOT NULL,
                    required INTEGER NOT NULL CHECK (required IN (0, 1)), PRIMARY KEY (record_id, skill_id)) WITHOUT ROWID;
                DROP TABLE IF EXISTS record_skill_sets_next;
                CREATE TABLE record_skill_sets_next(record_id INTEGER PRIMARY KEY REFERENCES records(id), skills BLOB NOT NULL);
                """);
        long done = 0;
        var batch = ReadBatch(store, 0);
        var extracted = Extract(batch);
        while (batch.Count > 0)
        {
            if (cancellation.IsCancellationRequested)
            {
                store.Execute("DROP TABLE record_skills_next; DROP TABLE record_skill_sets_next");
                return done;
            }

            // Extract the next batch on the other core while this one is written.
            var next = ReadBatch(store, batch[^1].Id);
            var nextExtracted = Task.Run(() => Extract(next), CancellationToken.None);
            using (var transaction = store.Begin())
            {
                Write(store, transaction, [.. batch.Select(b => b.Id)], extracted, next: true);
                transaction.Commit();
            }

            done += batch.Count;
            progress?.Report(total == 0 ? 1 : (double)done / total);
            batch = next;
            extracted = nextExtracted.GetAwaiter().GetResult();
        }

        using (var swap = store.Begin())
        {
            if (store.IsPostgres)
            {
                // Postings stored by a concurrent ingest while this ran were indexed into the old table: wait for writers,
                // then carry those rows over so none is lost in the swap.
                store.Execute($"SELECT pg_advisory_xact_lock({PostgresIngestWriter.WriteLock})", swap);
                // Both forms from the same point: the highest record the reindex wrote (it wrote both tables alike).
                var reindexed = store.Scalar("SELECT COALESCE(MAX(record_id), 0) FROM record_skills_next", swap);
                store.Execute($"""
                    INSERT INTO record_skills_next SELECT k.* FROM record_skills k WHERE k.record_id > {reindexed} ON CONFLICT DO NOTHING;
                    INSERT INTO record_skill_sets_next SELECT p.* FROM record_skill_sets p WHERE p.record_id > {reindexed} ON CONFLICT DO NOTHING;
                    """, swap);
            }

            store.Execute("""
                DROP TABLE record_skills;
                ALTER TABLE record_skills_next RENAME TO record_skills;
                CREATE INDEX ix_record_skills_skill ON record_skills(skill_id, record_id);
                DROP TABLE record_skill_sets;
                ALTER TABLE record_skill_sets_next RENAME TO record_skill_sets;
                """, swap);
            if (store.IsPostgres)
            {
                // Index names are per schema in PostgreSQL, so the primary keys had to be made under _next names: give
                // them the migration's names (the foreign keys and checks, named per table, were made with them), which
                // Postgres/citus.sql and the next reindex expect.
                store.Execute("""
                    ALTER INDEX record_skills_next_pkey RENAME TO record_skills_pkey;
                    ALTER INDEX record_skill_sets_next_pkey RENAME TO record_skill_sets_pkey;
                    """, swap);
            }

            store.SetMeta(VersionKey, taxonomyVersion, swap);
            swap.Commit();
        }

        return done;
    }

    private IReadOnlyList<(string SkillId, string Strength)>[] Extract(List<ReindexRow> batch)
    {
        var extracted = new IReadOnlyList<(string SkillId, string Strength)>[batch.Count];
        Parallel.For(0, batch.Count, i =>
        {
            var row = batch[i];
            extracted[i] = SkillsOf(extractor, row.Kind, row.Title, row.Description, row.Company, StatedJson.ParseSkills(row.Stated));
        });
        return extracted;
    }

    private sealed record ReindexRow(long Id, string Kind, string Title, string? Description, string? Company, string? Stated);

    /// <summary>The taxonomy version the store's skills were extracted with.</summary>
    public static string? StoredVersion(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Meta(VersionKey);
    }

    /// <summary>Records the version on first use of a store, so later taxonomy changes are detectable.</summary>
    public void MarkIfNew(SkillStore store) => MarkIfNew(store, taxonomyVersion);

    internal static void MarkIfNew(SkillStore store, string version)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (StoredVersion(store) is null)
        {
            store.SetMeta(VersionKey, version);
        }
    }

    private static List<ReindexRow> ReadBatch(SkillStore store, long afterId)
    {
        using var command = store.Command($"""
            SELECT id, kind, title, description, company, stated_skills FROM records
            WHERE id > @after AND (({store.Unindexed("kind")} = 'posting' AND description IS NOT NULL) OR stated_skills IS NOT NULL)
            ORDER BY id LIMIT {ReindexBatch}
            """);
        Sql.Add(command, "@after", afterId);
        var batch = new List<ReindexRow>(ReindexBatch);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            batch.Add(new ReindexRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Sql.Text(reader, 3), Sql.Text(reader, 4), Sql.Text(reader, 5)));
        }

        return batch;
    }

    /// <summary>
    /// Writes the skills of records <paramref name="ids"/> (skills[i] belongs to ids[i]) inside <paramref name="transaction"/>,
    /// both forms at once: a row per skill into <c>record_skills</c> and the packed cell into <c>record_skill_sets</c>
    /// (<see cref="SkillSets"/>), or into their <c>_next</c> tables during a reindex. Binary COPY on PostgreSQL, one
    /// json_each insert and one cell insert per record on SQLite.
    /// </summary>
    internal static void Write(SkillStore store, DbTransaction transaction, IReadOnlyList<long> ids, IReadOnlyList<IReadOnlyList<(string SkillId, string Strength)>> skills, bool next = false)
    {
        if (!skills.Any(s => s.Count > 0))
        {
            return;
        }

        var (table, sets) = next ? ("record_skills_next", "record_skill_sets_next") : ("record_skills", "record_skill_sets");
        var ordinals = new SkillOrdinals(store, transaction);
        if (store.IsPostgres)
        {
            // The ordinals first: a new skill's is added by a statement of its own, which cannot run inside a COPY.
            var cells = skills.Select(s => s.Count > 0 ? ordinals.Pack(s) : null).ToList();
            var connection = (NpgsqlConnection)store.Connection;
            using (var copy = connection.BeginBinaryImport($"COPY {table}(record_id, skill_id, required) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < ids.Count; i++)
                {
                    foreach (var (skillId, strength) in skills[i])
                    {
                        copy.StartRow();
                        copy.Write(ids[i], NpgsqlDbType.Bigint);
                        copy.Write(skillId, NpgsqlDbType.Text);
                        copy.Write(strength == SkillStrengths.Required ? 1 : 0, NpgsqlDbType.Integer);
                    }
                }

                copy.Complete();
            }

            using (var copy = connection.BeginBinaryImport($"COPY {sets}(record_id, skills) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < ids.Count; i++)
                {
                    if (cells[i] is { } cell)
                    {
                        copy.StartRow();
                        copy.Write(ids[i], NpgsqlDbType.Bigint);
                        copy.Write(cell, NpgsqlDbType.Bytea);
                    }
                }

                copy.Complete();
            }

            return;
        }

        using var insert = store.Command(SqliteInsert(table), transaction);
        var record = Sql.Add(insert, "@record", null);
        var list = Sql.Add(insert, "@skills", null);
        using var insertSet = store.Command(SqliteInsertSet(sets), transaction);
        var setRecord = Sql.Add(insertSet, "@record", null);
        var setCell = Sql.Add(insertSet, "@skills", null);
        for (var i = 0; i < ids.Count; i++)
        {
            if (skills[i].Count > 0)
            {
                record.Value = ids[i];
                list.Value = ToJson(skills[i]);
                insert.ExecuteNonQuery();
                setRecord.Value = ids[i];
                setCell.Value = ordinals.Pack(skills[i]);
                insertSet.ExecuteNonQuery();
            }
        }
    }

    /// <summary>SQLite's insert of one record's packed skills (@record, @skills as <see cref="SkillSets.Pack"/>).</summary>
    internal static string SqliteInsertSet(string table) => $"INSERT INTO {table}(record_id, skills) VALUES (@record, @skills)";

    /// <summary>SQLite's insert of one record's skills (@record, @skills as <see cref="ToJson"/>).</summary>
    internal static string SqliteInsert(string table) =>
        $"INSERT INTO {table}(record_id, skill_id, required) SELECT @record, value ->> 0, value ->> 1 FROM json_each(@skills)";

    /// <summary>A posting's skills as the JSON array SQLite's json_each unpacks: [["python", 1], ["sql", 0]].</summary>
    internal static string ToJson(IReadOnlyList<(string SkillId, string Strength)> skills)
    {
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

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
