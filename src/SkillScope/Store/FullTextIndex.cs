using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace SkillScope.Store;

/// <summary>
/// The one full-text index over records (title, company, location, description), used by the postings search and by
/// `match`: SQLite FTS5 (<c>records_fts</c>, unicode61 without accents) or PostgreSQL's tsvector (<c>records.fts</c>,
/// the 'simple' configuration, with a GIN index). Matching also needs, per term, in how many postings it appears
/// (<c>posting_fts_df</c>); SkillScope counts that itself from the same tokens on both engines, so both choose the same
/// search terms. On SQLite the index is brought up to date lazily, before a search, in one transaction that also
/// records how far it got (<c>fts_mark</c>): ingest stays fast, and an interruption leaves an index complete up to its
/// mark. Records are only appended; should one be changed or deleted, a trigger marks the index stale and the next
/// update rebuilds it. On PostgreSQL the tsvector is a generated column, current as soon as a record is stored.
/// </summary>
internal static class FullTextIndex
{
    private const string MarkKey = "fts_mark";
    private const string StaleKey = "fts_stale";
    private const int TermBatch = 5_000;

    /// <summary>
    /// Longer tokens are not counted: a run of thousands of letters is no search term, and PostgreSQL cannot key an index
    /// row that long (nor puts such a word in a tsvector), so both engines leave them out alike.
    /// </summary>
    internal const int MaxTermChars = 200;

    /// <summary>Indexes the records stored since the last update (all of them the first time); returns how many postings.</summary>
    public static long Update(SkillStore store, CancellationToken cancellation = default)
    {
        using var transaction = store.Begin();
        if (store.IsPostgres)
        {
            // One updater at a time; readers go on with the index as it was.
            store.Execute("SELECT pg_advisory_xact_lock(7352843)", transaction);
        }

        var (maxId, count) = ReadMark(store, transaction);
        var rebuild = maxId < 0 || store.Meta(StaleKey, transaction) is not null;
        if (rebuild)
        {
            if (!store.IsPostgres)
            {
                store.Execute("INSERT INTO records_fts(records_fts) VALUES ('delete-all'); DELETE FROM posting_facets;", transaction);
            }

            store.Execute("DELETE FROM posting_fts_df", transaction);
            store.DeleteMeta(StaleKey, transaction);
            (maxId, count) = (0, 0);
        }

        var newMax = store.Scalar("SELECT COALESCE(MAX(id), 0) FROM records", transaction);
        if (newMax <= maxId && !rebuild)
        {
            transaction.Rollback();
            return 0;
        }

        if (!store.IsPostgres)
        {
            store.Execute($"""
                INSERT INTO records_fts(rowid, title, company, location_text, description)
                SELECT id, title, company, location_text, description FROM records WHERE id > {maxId} AND id <= {newMax} ORDER BY id;
                INSERT INTO posting_facets(id, kind, role, seniority, years_required_min, employment_type, work_arrangement,
                    country, state, metro, city, period_start, period_end,
                    text_kind, salary_usd_min, salary_usd_max, salary_usd, salary_is_estimate, salary_flag)
                SELECT id, kind, role, seniority, years_required_min, employment_type, work_arrangement,
                    country, state, metro, city, period_start, period_end,
                    text_kind, salary_usd_min, salary_usd_max, salary_usd, salary_is_estimate, salary_flag
                FROM records WHERE id > {maxId} AND id <= {newMax} AND +kind = 'posting';
                """, transaction);
        }

        cancellation.ThrowIfCancellationRequested();
        var added = CountTerms(store, transaction, maxId, newMax, cancellation);
        store.SetMeta(MarkKey, string.Create(CultureInfo.InvariantCulture, $"{newMax} {count + added}"), transaction);
        transaction.Commit();
        return added;
    }

    /// <summary>True when every stored record is searchable (a read-only check).</summary>
    public static bool IsCurrent(SkillStore store)
    {
        if (store.IsPostgres)
        {
            return true;
        }

        return store.Meta(StaleKey) is null && ReadMark(store, null).MaxId == store.Scalar("SELECT COALESCE(MAX(id), 0) FROM records");
    }

    /// <summary>How many postings the index holds (as of its last update).</summary>
    public static long IndexedCount(SkillStore store) => Math.Max(0, ReadMark(store, null).Count);

    /// <summary>Postings the next <see cref="Update"/> will index: those stored since the last one, or all when it rebuilds.</summary>
    public static long Pending(SkillStore store)
    {
        var (maxId, _) = ReadMark(store, null);
        var rebuild = maxId < 0 || store.Meta(StaleKey) is not null;
        return store.Scalar($"SELECT COUNT(*) FROM records WHERE id > @after AND {store.Unindexed("kind")} = 'posting'", null, ("@after", rebuild ? 0 : maxId));
    }

    // In how many of the new postings each token appears (title and description, as PostingIndex.Tokens splits them),
    // added to the stored counts.
    private static long CountTerms(SkillStore store, DbTransaction transaction, long afterId, long upToId, CancellationToken cancellation)
    {
        var df = new Dictionary<string, long>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long postings = 0;
        using (var command = store.Command($"SELECT title, description FROM records WHERE id > @after AND id <= @upto AND {store.Unindexed("kind")} = 'posting'", transaction))
        {
            Sql.Add(command, "@after", afterId);
            Sql.Add(command, "@upto", upToId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                postings++;
                seen.Clear();
                PostingIndex.AddTokens(reader.GetString(0), seen);
                if (!reader.IsDBNull(1))
                {
                    PostingIndex.AddTokens(reader.GetString(1), seen);
                }

                foreach (var token in seen)
                {
                    if (token.Length <= MaxTermChars)
                    {
                        df[token] = df.GetValueOrDefault(token) + 1;
                    }
                }

                if ((postings & 4095) == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                }
            }
        }

        var terms = df.OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();
        for (var start = 0; start < terms.Length; start += TermBatch)
        {
            var chunk = terms.AsSpan(start, Math.Min(TermBatch, terms.Length - start)).ToArray();
            if (store.IsPostgres)
            {
                using var upsert = new NpgsqlCommand("""
                    INSERT INTO posting_fts_df(term, doc) SELECT * FROM unnest(@terms, @docs)
                    ON CONFLICT (term) DO UPDATE SET doc = posting_fts_df.doc + excluded.doc
                    """, (NpgsqlConnection)store.Connection, (NpgsqlTransaction)transaction);
                upsert.Parameters.Add(new NpgsqlParameter("terms", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = chunk.Select(t => PostgresIngestWriter.Clean(t.Key)).ToArray() });
                upsert.Parameters.Add(new NpgsqlParameter("docs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = chunk.Select(t => t.Value).ToArray() });
                upsert.ExecuteNonQuery();
            }
            else
            {
                using var upsert = store.Command("INSERT INTO posting_fts_df(term, doc) VALUES (@term, @doc) ON CONFLICT(term) DO UPDATE SET doc = doc + excluded.doc", transaction);
                var term = Sql.Add(upsert, "@term", null);
                var doc = Sql.Add(upsert, "@doc", null);
                foreach (var (key, value) in chunk)
                {
                    term.Value = key;
                    doc.Value = value;
                    upsert.ExecuteNonQuery();
                }
            }
        }

        return postings;
    }

    private static (long MaxId, long Count) ReadMark(SkillStore store, DbTransaction? transaction)
    {
        var parts = store.Meta(MarkKey, transaction)?.Split(' ');
        return parts is { Length: 2 }
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? (max, count)
            : (-1, -1);
    }
}
