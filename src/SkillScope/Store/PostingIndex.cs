using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SkillScope.Model;

namespace SkillScope.Store;

/// <summary>A posting loaded for matching: its normalized fields and the skills stored for it.</summary>
public sealed record IndexedPosting(long Id, JobRecord Record, IReadOnlyList<(string SkillId, bool Required)> Skills);

/// <summary>
/// The full-text index of postings (<c>posting_fts</c>, SQLite FTS5 over <c>records</c>). It is brought up to date
/// lazily, before a search, rather than at ingest: ingest stays as fast as before, and because the catch-up is one
/// transaction that also records how far it got, an interrupted ingest or an interrupted catch-up leaves an index that
/// is either complete up to its mark or rolled back. Records are only ever appended (ids grow), so "postings with an id
/// above the mark" are exactly the new ones; should a posting ever be deleted or its text changed, a trigger marks the
/// index stale and the next update rebuilds it from scratch.
/// </summary>
public static class PostingIndex
{
    private const string MarkKey = "posting_fts_mark";
    private const string StaleKey = "posting_fts_stale";

    /// <summary>Indexes the postings stored since the last update (all of them the first time); returns how many.</summary>
    public static long Update(SkillStore store, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var connection = store.Connection;
        using var transaction = connection.BeginTransaction();
        var (maxId, count) = ReadMark(connection, transaction);
        var rebuild = maxId < 0 || Meta(connection, transaction, StaleKey) is not null || (count > 0 && !(HasRows(connection, transaction, "posting_fts_df") && HasRows(connection, transaction, "posting_facets")));
        if (rebuild)
        {
            // No mark (first use, or a database from before the index) or a posting changed: start over.
            Execute(connection, transaction, "INSERT INTO posting_fts(posting_fts) VALUES ('delete-all')");
            Execute(connection, transaction, "DELETE FROM posting_facets");
            Execute(connection, transaction, $"DELETE FROM meta WHERE key = '{StaleKey}'");
            (maxId, count) = (0, 0);
        }

        // Only the rows above the mark are read ("+kind" keeps SQLite on the primary key rather than the kind index).
        long added, newMax;
        using (var pending = connection.CreateCommand())
        {
            pending.Transaction = transaction;
            // The mark is the highest record id seen, of any kind, so salary reports stored after it are not read again.
            pending.CommandText = "SELECT COALESCE(SUM(kind = 'posting'), 0), COALESCE(MAX(id), 0) FROM records WHERE id > $after";
            pending.Parameters.AddWithValue("$after", maxId);
            using var reader = pending.ExecuteReader();
            reader.Read();
            (added, newMax) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        if (added > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO posting_fts(rowid, title, description)
                SELECT id, title, COALESCE(description, '') FROM records WHERE id > $after AND +kind = 'posting' ORDER BY id
                """;
            insert.Parameters.AddWithValue("$after", maxId);
            insert.ExecuteNonQuery();
            insert.CommandText = """
                INSERT INTO posting_facets(id, kind, role, seniority, years_required_min, employment_type, work_arrangement,
                    country, state, metro, city, period_start, period_end)
                SELECT id, kind, role, seniority, years_required_min, employment_type, work_arrangement,
                    country, state, metro, city, period_start, period_end
                FROM records WHERE id > $after AND +kind = 'posting'
                """;
            insert.ExecuteNonQuery();
            cancellation.ThrowIfCancellationRequested();
        }

        if (added > 0 || rebuild)
        {
            Execute(connection, transaction, "DELETE FROM posting_fts_df");
            Execute(connection, transaction, "INSERT INTO posting_fts_df(term, doc) SELECT term, doc FROM posting_fts_vocab");
            using var mark = connection.CreateCommand();
            mark.Transaction = transaction;
            mark.CommandText = "INSERT OR REPLACE INTO meta(key, value) VALUES ($key, $value)";
            mark.Parameters.AddWithValue("$key", MarkKey);
            mark.Parameters.AddWithValue("$value", string.Create(CultureInfo.InvariantCulture, $"{Math.Max(newMax, maxId)} {count + added}"));
            mark.ExecuteNonQuery();
        }

        transaction.Commit();
        return added;
    }

    /// <summary>How many postings the index holds (as of its last update).</summary>
    public static long IndexedCount(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Math.Max(0, ReadMark(store.Connection, null).Count);
    }

    /// <summary>Postings the next <see cref="Update"/> will index: those stored since the last one, or all of them when it rebuilds.</summary>
    public static long Pending(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (maxId, _) = ReadMark(store.Connection, null);
        var rebuild = maxId < 0 || Meta(store.Connection, null, StaleKey) is not null;
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM records WHERE id > $after AND +kind = 'posting'";
        command.Parameters.AddWithValue("$after", rebuild ? 0 : maxId);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>In how many indexed postings each token appears (tokens as the index splits text: lower case, no accents).</summary>
    public static IReadOnlyDictionary<string, long> DocumentFrequencies(SkillStore store, IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT doc FROM posting_fts_df WHERE term = $term";
        var term = command.Parameters.Add(new SqliteParameter { ParameterName = "$term" });
        foreach (var token in tokens)
        {
            if (!result.ContainsKey(token))
            {
                term.Value = token;
                result[token] = command.ExecuteScalar() is long n ? n : 0;
            }
        }

        return result;
    }

    /// <summary>
    /// The best <paramref name="limit"/> postings for an FTS5 query by BM25 (title weighted 3, description 1), among those
    /// matching <paramref name="filter"/>. Lower BM25 is better (SQLite's sign); ties break on id.
    /// </summary>
    public static IReadOnlyList<(long Id, double Bm25)> Search(SkillStore store, string query, RecordFilter filter, int limit)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        using var command = store.Connection.CreateCommand();
        var where = filter.ToSql(command);
        var join = where == "1 = 1" ? "" : $"JOIN posting_facets r ON r.id = f.rowid AND {where}";
        command.CommandText = $"""
            SELECT f.rowid, bm25(posting_fts, 3.0, 1.0) AS score FROM posting_fts f {join}
            WHERE posting_fts MATCH $query ORDER BY score, f.rowid LIMIT $limit
            """;
        command.Parameters.AddWithValue("$query", query);
        command.Parameters.AddWithValue("$limit", limit);
        var hits = new List<(long, double)>(limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hits.Add((reader.GetInt64(0), reader.GetDouble(1)));
        }

        return hits;
    }

    /// <summary>
    /// The postings with these ids and their stored skills, in the order of <paramref name="ids"/>; missing ids are left
    /// out. With <paramref name="withText"/> false only indexed postings are found (their fields come from the index's
    /// facet table) and the description is not read.
    /// </summary>
    public static IReadOnlyList<IndexedPosting> Load(SkillStore store, IReadOnlyList<long> ids, bool withText = true)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var json = JsonSerializer.Serialize(ids.ToArray(), PostingIndexJson.Default.Int64Array);
        var skills = new Dictionary<long, List<(string, bool)>>();
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = "SELECT record_id, skill_id, required FROM record_skills WHERE record_id IN (SELECT value FROM json_each($ids)) ORDER BY record_id, skill_id";
            command.Parameters.AddWithValue("$ids", json);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!skills.TryGetValue(id, out var list))
                {
                    skills[id] = list = [];
                }

                list.Add((reader.GetString(1), reader.GetInt64(2) == 1));
            }
        }

        var records = new Dictionary<long, JobRecord>(ids.Count);
        using (var command = store.Connection.CreateCommand())
        {
            // Matching needs no description: the other columns then come from posting_facets, and records is read only up
            // to the description (the columns after it sit in overflow pages).
            command.CommandText = withText
                ? """
                    SELECT r.id, r.kind, r.title, r.company, r.location_text, r.description, r.period_start, r.role, r.seniority, r.years_required_min,
                        r.employment_type, r.work_arrangement, r.country, r.state, r.metro, r.city
                    FROM records r WHERE r.id IN (SELECT value FROM json_each($ids))
                    """
                : """
                    SELECT r.id, r.kind, r.title, r.company, r.location_text, NULL, p.period_start, p.role, p.seniority, p.years_required_min,
                        p.employment_type, p.work_arrangement, p.country, p.state, p.metro, p.city
                    FROM posting_facets p JOIN records r ON r.id = p.id WHERE p.id IN (SELECT value FROM json_each($ids))
                    """;
            command.Parameters.AddWithValue("$ids", json);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var start = Text(reader, 6) is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
                records[reader.GetInt64(0)] = new JobRecord
                {
                    Kind = reader.GetString(1),
                    Title = reader.GetString(2),
                    Company = Text(reader, 3),
                    LocationText = Text(reader, 4),
                    Description = Text(reader, 5),
                    PeriodStart = start,
                    PeriodEnd = start,
                    Role = reader.GetString(7),
                    Seniority = reader.GetString(8),
                    YearsRequiredMin = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                    EmploymentType = reader.GetString(10),
                    WorkArrangement = reader.GetString(11),
                    Country = Text(reader, 12),
                    State = Text(reader, 13),
                    Metro = Text(reader, 14),
                    City = Text(reader, 15),
                };
            }
        }

        var result = new List<IndexedPosting>(ids.Count);
        foreach (var id in ids)
        {
            if (records.TryGetValue(id, out var record))
            {
                result.Add(new IndexedPosting(id, record, skills.TryGetValue(id, out var list) ? list : []));
            }
        }

        return result;
    }

    /// <summary>An FTS5 phrase for the text: the words in double quotes, inner quotes doubled.</summary>
    public static string Phrase(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The tokens the index stores for a text (unicode61: letters and digits, lower case, accents removed).</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static (long MaxId, long Count) ReadMark(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var parts = Meta(connection, transaction, MarkKey)?.Split(' ');
        return parts is { Length: 2 }
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? (max, count)
            : (-1, -1);
    }

    private static bool HasRows(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT EXISTS (SELECT 1 FROM {table})";
        return (long)command.ExecuteScalar()! == 1;
    }

    private static string? Meta(SqliteConnection connection, SqliteTransaction? transaction, string key)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(long[]))]
internal sealed partial class PostingIndexJson : System.Text.Json.Serialization.JsonSerializerContext;
