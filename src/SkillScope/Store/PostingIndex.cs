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
/// above the mark" are exactly the new ones; if the postings at or below the mark ever change in number or ids, the
/// index is rebuilt from scratch.
/// </summary>
public static class PostingIndex
{
    private const string MarkKey = "posting_fts_mark";

    /// <summary>Indexes the postings stored since the last update (all of them the first time); returns how many.</summary>
    public static long Update(SkillStore store, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var connection = store.Connection;
        using var transaction = connection.BeginTransaction();
        var (maxId, count, idSum) = ReadMark(connection, transaction);
        var (nowCount, nowSum) = maxId > 0 ? CountUpTo(connection, transaction, maxId) : (0, 0);
        if (maxId <= 0 || nowCount != count || nowSum != idSum)
        {
            // No mark (first use, or a database from before the index) or postings below the mark changed: start over.
            Execute(connection, transaction, "INSERT INTO posting_fts(posting_fts) VALUES ('delete-all')");
            (maxId, count, idSum) = (0, 0, 0);
        }

        cancellation.ThrowIfCancellationRequested();
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO posting_fts(rowid, title, description)
                SELECT id, title, COALESCE(description, '') FROM records WHERE kind = 'posting' AND id > $after ORDER BY id
                """;
            insert.Parameters.AddWithValue("$after", maxId);
            insert.ExecuteNonQuery();
        }

        var (newMax, newCount, newSum) = Totals(connection, transaction);
        var added = newCount - count;
        cancellation.ThrowIfCancellationRequested();
        using (var mark = connection.CreateCommand())
        {
            mark.Transaction = transaction;
            mark.CommandText = "INSERT INTO meta(key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
            mark.Parameters.AddWithValue("$key", MarkKey);
            mark.Parameters.AddWithValue("$value", string.Create(CultureInfo.InvariantCulture, $"{newMax} {newCount} {newSum}"));
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

    /// <summary>Postings a search would have to bring into the index: stored after the last update.</summary>
    public static long Pending(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (maxId, _, _) = ReadMark(store.Connection, null);
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM records WHERE kind = 'posting' AND id > $after";
        command.Parameters.AddWithValue("$after", Math.Max(0, maxId));
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>In how many indexed postings the token appears (a token as the index splits text: lower case, no accents).</summary>
    public static long DocumentFrequency(SkillStore store, string token)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(token);
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT doc FROM posting_fts_vocab WHERE term = $term";
        command.Parameters.AddWithValue("$term", token);
        return command.ExecuteScalar() is long n ? n : 0;
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
        var join = where == "1 = 1" ? "" : $"JOIN records r ON r.id = f.rowid AND {where}";
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

    /// <summary>Postings matching the filter that have text, i.e. the pool a search ranks.</summary>
    public static long CountSearchable(SkillStore store, RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM records r WHERE {(filter with { Kinds = [RecordKinds.Posting] }).ToSql(command)} AND r.description IS NOT NULL";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The postings with these ids and their stored skills, in the order of <paramref name="ids"/>; missing ids are left out.</summary>
    public static IReadOnlyList<IndexedPosting> Load(SkillStore store, IReadOnlyList<long> ids)
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
            command.CommandText = """
                SELECT id, kind, title, company, location_text, description, period_start, role, seniority, years_required_min,
                    employment_type, work_arrangement, country, state, metro, city
                FROM records WHERE id IN (SELECT value FROM json_each($ids))
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

    private static (long MaxId, long Count, long IdSum) ReadMark(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", MarkKey);
        if (command.ExecuteScalar() is not string value)
        {
            return (0, 0, 0);
        }

        var parts = value.Split(' ');
        return parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sum)
            ? (max, count, sum)
            : (-1, -1, -1);
    }

    private static (long Count, long IdSum) CountUpTo(SqliteConnection connection, SqliteTransaction transaction, long maxId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*), COALESCE(SUM(id), 0) FROM records WHERE kind = 'posting' AND id <= $max";
        command.Parameters.AddWithValue("$max", maxId);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static (long MaxId, long Count, long IdSum) Totals(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(id), 0), COUNT(*), COALESCE(SUM(id), 0) FROM records WHERE kind = 'posting'";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
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
