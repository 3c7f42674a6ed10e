using System.Globalization;
using System.Text;
using SkillScope.Model;
using SkillScope.Normalize;

namespace SkillScope.Store;

/// <summary>A posting loaded for matching: its normalized fields and the skills stored for it.</summary>
public sealed record IndexedPosting(long Id, JobRecord Record, IReadOnlyList<(string SkillId, bool Required)> Skills)
{
    /// <summary>Whether the stored text is a full description (Normalize.TextKinds: full, snippet, summary, none); null before migration 4.</summary>
    public string? TextKind { get; init; }

    /// <summary>
    /// The near-duplicate fingerprint of the posting's text as first stored (<c>posting_signatures</c>; its block is the
    /// company and title); null for a posting without text or stored before posting identity. It tells the same ad
    /// posted at other companies or places.
    /// </summary>
    public PostingFingerprint? Fingerprint { get; init; }
}

/// <summary>
/// Matching's view of the full-text index (<see cref="FullTextIndex"/>): postings ranked for a set of phrases, term
/// counts, and the postings with their stored skills.
/// </summary>
public static class PostingIndex
{
    // ts_rank's weights (each at most 1) of the D, C, B, A labels: description 1/3, location and company 0, title 1 (BM25's 1 : 3 on SQLite).
    private const string TitleAndDescription = "'{0.333333, 0.0, 0.0, 1.0}'";

    /// <summary>Indexes the postings stored since the last update (all of them the first time); returns how many.</summary>
    public static long Update(SkillStore store, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return FullTextIndex.Update(store, cancellation);
    }

    /// <summary>How many postings the index holds (as of its last update).</summary>
    public static long IndexedCount(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return FullTextIndex.IndexedCount(store);
    }

    /// <summary>Postings the next <see cref="Update"/> will index: those stored since the last one, or all of them when it rebuilds.</summary>
    public static long Pending(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return FullTextIndex.Pending(store);
    }

    /// <summary>In how many indexed postings each token appears (tokens as <see cref="Tokens"/> splits text: lower case, no accents).</summary>
    public static IReadOnlyDictionary<string, long> DocumentFrequencies(SkillStore store, IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            result[token] = 0;
        }

        if (result.Count == 0)
        {
            return result;
        }

        using var command = store.Command("");
        command.CommandText = $"SELECT term, doc FROM posting_fts_df WHERE term IN ({Sql.InList(command, "t", result.Keys.Select(PostgresIngestWriter.Clean).Cast<object>())})";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetString(0)] = Sql.Long(reader, 1);
        }

        return result;
    }

    /// <summary>
    /// The best <paramref name="limit"/> postings for any of <paramref name="phrases"/> (each a run of <see cref="Tokens"/>),
    /// by BM25 on SQLite (title weighted 3, description 1) or ts_rank on PostgreSQL (the same weights), among those
    /// matching <paramref name="filter"/>. Scores are negative, lower is better (SQLite's sign); ties break on id.
    /// </summary>
    public static IReadOnlyList<(long Id, double Bm25)> Search(SkillStore store, IReadOnlyList<string> phrases, RecordFilter filter, int limit) =>
        Search(store, phrases, filter, limit, role: null).All;

    /// <summary>
    /// As <see cref="Search(SkillStore, IReadOnlyList{string}, RecordFilter, int)"/>, and also the best <paramref name="limit"/>
    /// of the postings whose role is <paramref name="role"/> (empty when it is null), from one full-text pass: each posting's
    /// score does not depend on the filter, so the role's best are the best of the same ranking that have the role.
    /// </summary>
    public static (IReadOnlyList<(long Id, double Bm25)> All, IReadOnlyList<(long Id, double Bm25)> Role) Search(
        SkillStore store, IReadOnlyList<string> phrases, RecordFilter filter, int limit, string? role) =>
        Rank(store, phrases, filter, role).Take(limit);

    /// <summary>
    /// The matches of <paramref name="phrases"/> among the postings that pass <paramref name="filter"/>, ranked as
    /// <see cref="Search(SkillStore, IReadOnlyList{string}, RecordFilter, int, string?)"/> ranks them, from which the best N
    /// (overall and of <paramref name="role"/>) are taken, N growing on demand (<see cref="RankedMatches.Take"/>).
    /// </summary>
    internal static RankedMatches Rank(SkillStore store, IReadOnlyList<string> phrases, RecordFilter filter, string? role)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentNullException.ThrowIfNull(filter);
        return new RankedMatches(store, [.. phrases.Select(Tokens).Where(t => t.Count > 0)], filter, role);
    }

    /// <summary>
    /// One full-text ranking, taken from as far as asked. On SQLite the matches are scored once (BM25 of every match, no
    /// join) and sorted here; the facet rows (filters, role) are then read in rank order, a batch at a time, only as far
    /// as the lists asked for reach: joining every match to <c>posting_facets</c> cost as much as a third of the pass at
    /// a million postings (20,000 matches, a B-tree seek each), where the lists need the first thousand or two. Asking for
    /// more later goes on from there without searching again. On PostgreSQL each <see cref="Take"/> runs the query.
    /// </summary>
    internal sealed class RankedMatches
    {
        private const int Batch = 1_024;
        private readonly SkillStore store;
        private readonly IReadOnlyList<IReadOnlyList<string>> tokenized;
        private readonly RecordFilter filter;
        private readonly string? role;
        private readonly List<(long Id, double Bm25, bool Own)> passing = [];
        private (long Id, double Bm25)[]? order;
        private int walked;
        private int own;

        internal RankedMatches(SkillStore store, IReadOnlyList<IReadOnlyList<string>> tokenized, RecordFilter filter, string? role)
        {
            this.store = store;
            this.tokenized = tokenized;
            this.filter = filter;
            this.role = role;
        }

        /// <summary>
        /// The best <paramref name="limit"/> matches and the best <paramref name="limit"/> of the role (empty without one),
        /// each in rank order (score, then id). Fewer than <paramref name="limit"/> in the first list means there are no more.
        /// </summary>
        public (IReadOnlyList<(long Id, double Bm25)> All, IReadOnlyList<(long Id, double Bm25)> Role) Take(int limit)
        {
            if (tokenized.Count == 0)
            {
                return ([], []);
            }

            if (store.IsPostgres)
            {
                return Query(limit);
            }

            order ??= Score();
            while ((passing.Count < limit || (role is not null && own < limit)) && walked < order.Length)
            {
                Walk(Math.Min(order.Length - walked, Math.Max(Batch, limit - passing.Count)));
            }

            var all = new List<(long Id, double Bm25)>(Math.Min(limit, passing.Count));
            var mine = new List<(long Id, double Bm25)>(role is null ? 0 : Math.Min(limit, own));
            foreach (var (id, bm25, isOwn) in passing)
            {
                if (all.Count < limit)
                {
                    all.Add((id, bm25));
                }

                if (isOwn && role is not null && mine.Count < limit)
                {
                    mine.Add((id, bm25));
                }

                if (all.Count >= limit && (role is null || mine.Count >= limit))
                {
                    break;
                }
            }

            return (all, mine);
        }

        private static string SqliteQuery(IEnumerable<IReadOnlyList<string>> phrases) =>
            "{title description} : (" + string.Join(" OR ", phrases.Select(t => "\"" + string.Join(' ', t) + "\"")) + ")";

        // BM25 of every match, as the engine computes it for the whole query, in rank order.
        private (long Id, double Bm25)[] Score()
        {
            // A phrase of several words found in no posting adds exactly 0 to every match's BM25 (its frequency is 0 in each),
            // so leaving it out of the query gives the same scores, while in it it costs the engine a third of the pass at a
            // million postings (its words' lists read and counted for its weight: "aws certified machine learning specialty").
            // Finding one posting with a phrase is quick; finding none reads its words' lists once.
            var found = new List<IReadOnlyList<string>>(tokenized.Count);
            foreach (var phrase in tokenized)
            {
                if (phrase.Count == 1)
                {
                    found.Add(phrase);
                    continue;
                }

                using var probe = store.Command("SELECT rowid FROM records_fts WHERE records_fts MATCH @query LIMIT 1");
                Sql.Add(probe, "@query", SqliteQuery([phrase]));
                if (probe.ExecuteScalar() is not null)
                {
                    found.Add(phrase);
                }
            }

            if (found.Count == 0)
            {
                return [];
            }

            var matches = new List<(long Id, double Bm25)>();
            using var command = store.Command("SELECT rowid, bm25(records_fts, 3.0, 0.0, 0.0, 1.0) FROM records_fts WHERE records_fts MATCH @query");
            Sql.Add(command, "@query", SqliteQuery(found));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                matches.Add((reader.GetInt64(0), reader.GetDouble(1)));
            }

            var sorted = matches.ToArray();
            Array.Sort(sorted, ByRank);
            return sorted;
        }

        // The next `count` matches in rank order: those whose facet row passes the filter join the lists.
        private void Walk(int count)
        {
            var ids = new long[count];
            for (var i = 0; i < count; i++)
            {
                ids[i] = order![walked + i].Id;
            }

            using var command = store.Command("");
            var where = filter.ToSql(command);
            command.CommandText = $"SELECT r.id, {(role is null ? "0" : "r.role = @role")} FROM posting_facets r WHERE r.id IN ({string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)))}) AND {where}";
            if (role is not null)
            {
                Sql.Add(command, "@role", role);
            }

            var passed = new Dictionary<long, bool>(count);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    passed[reader.GetInt64(0)] = Sql.Long(reader, 1) == 1;
                }
            }

            for (var i = 0; i < count; i++)
            {
                var (id, bm25) = order![walked + i];
                if (passed.TryGetValue(id, out var isOwn))
                {
                    passing.Add((id, bm25, isOwn));
                    own += isOwn ? 1 : 0;
                }
            }

            walked += count;
        }

        private (IReadOnlyList<(long Id, double Bm25)> All, IReadOnlyList<(long Id, double Bm25)> Role) Query(int limit)
        {
            using var command = store.Command("");
            var where = filter.ToSql(command);
            // Each phrase's words in sequence, restricted to title (A) and description (D) like the SQLite column filter.
            var query = string.Join(" | ", tokenized.Select(t => "(" + string.Join(" <-> ", t.Select(token => token + ":AD")) + ")"));
            var ranked = $"""
                SELECT r.id AS id, -ts_rank({TitleAndDescription}, r.fts, q.query) AS score, {(role is null ? "0" : "CASE WHEN r.role = @role THEN 1 ELSE 0 END")} AS own
                FROM records r, to_tsquery('simple', @query) q(query)
                WHERE r.fts @@ q.query AND r.kind = 'posting' AND {where}
                """;
            Sql.Add(command, "@query", query);

            // With a role, the matches are ranked once (materialized) and both lists taken from them.
            command.CommandText = role is null
                ? $"{ranked} ORDER BY score, id LIMIT @limit"
                : $"""
                    WITH m AS MATERIALIZED ({ranked})
                    SELECT id, score, 0 FROM (SELECT id, score FROM m ORDER BY score, id LIMIT @limit) a
                    UNION ALL
                    SELECT id, score, 1 FROM (SELECT id, score FROM m WHERE own = 1 ORDER BY score, id LIMIT @limit) b
                    """;
            Sql.Add(command, "@limit", limit);
            if (role is not null)
            {
                Sql.Add(command, "@role", role);
            }

            var all = new List<(long Id, double Bm25)>(limit);
            var mine = new List<(long Id, double Bm25)>(role is null ? 0 : limit);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var hit = (Sql.Long(reader, 0), Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture));
                (role is not null && Sql.Long(reader, 2) == 1 ? mine : all).Add(hit);
            }

            // Each list in rank order, whatever order the engine returned the union in.
            all.Sort(ByRank);
            mine.Sort(ByRank);
            return (all, mine);
        }
    }

    private static int ByRank((long Id, double Bm25) a, (long Id, double Bm25) b) =>
        a.Bm25 != b.Bm25 ? a.Bm25.CompareTo(b.Bm25) : a.Id.CompareTo(b.Id);

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

        // Ids are numbers: written into the statement, they need no parameter per id.
        var idList = string.Join(", ", ids.Distinct().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var skills = new Dictionary<long, List<(string, bool)>>();
        if (!store.IsPostgres)
        {
            // One packed cell per posting (record_skill_sets, kept with record_skills by the same writes) instead of a row per
            // skill (about thirty a posting); listed in skill id order as record_skills' key orders them.
            var names = SkillSets.Names(store);
            using var command = store.Command($"SELECT record_id, skills FROM record_skill_sets WHERE record_id IN ({idList})");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var cell = (byte[])reader.GetValue(1);
                var list = new List<(string, bool)>(cell.Length / 2);
                for (var i = 0; i < cell.Length / 2; i++)
                {
                    var (ordinal, required) = SkillSets.Entry(cell, i);
                    if (ordinal < names.Length && names[ordinal] is { } name)
                    {
                        list.Add((name, required));
                    }
                }

                list.Sort(static (a, b) => string.CompareOrdinal(a.Item1, b.Item1));
                skills[reader.GetInt64(0)] = list;
            }
        }
        else
        {
            using var command = store.Command($"SELECT record_id, skill_id, required FROM record_skills WHERE record_id IN ({idList}) ORDER BY record_id, skill_id");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!skills.TryGetValue(id, out var list))
                {
                    skills[id] = list = [];
                }

                list.Add((reader.GetString(1), Sql.Long(reader, 2) == 1));
            }
        }

        var records = new Dictionary<long, JobRecord>(ids.Count);
        var textKinds = new Dictionary<long, string?>(ids.Count);
        var fingerprints = new Dictionary<long, PostingFingerprint>(ids.Count);
        using (var command = store.Command(""))
        {
            // Matching needs no description: on SQLite every other column then comes from posting_facets but title, company
            // and place, which records holds before the description (the columns after it sit in overflow pages, and a
            // walk of that chain per candidate was most of the load at a million postings: migration 11).
            command.CommandText = withText || store.IsPostgres
                ? $"""
                    SELECT r.id, r.kind, r.title, r.company, r.location_text, {(withText ? "r.description" : "NULL")}, r.period_start, r.role, r.seniority, r.years_required_min,
                        r.employment_type, r.work_arrangement, r.country, r.state, r.metro, r.city,
                        r.text_kind, r.salary_usd_min, r.salary_usd_max, r.salary_usd, r.salary_is_estimate, r.salary_flag, s.block, s.shingles, s.prefix, s.minhash
                    FROM records r LEFT JOIN posting_signatures s ON s.record_id = r.id WHERE r.id IN ({idList})
                    """
                : $"""
                    SELECT p.id, p.kind, r.title, r.company, r.location_text, NULL, p.period_start, p.role, p.seniority, p.years_required_min,
                        p.employment_type, p.work_arrangement, p.country, p.state, p.metro, p.city,
                        p.text_kind, p.salary_usd_min, p.salary_usd_max, p.salary_usd, p.salary_is_estimate, p.salary_flag, s.block, s.shingles, s.prefix, s.minhash
                    FROM posting_facets p JOIN records r ON r.id = p.id LEFT JOIN posting_signatures s ON s.record_id = p.id WHERE p.id IN ({idList})
                    """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var start = Sql.Text(reader, 6) is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
                records[reader.GetInt64(0)] = new JobRecord
                {
                    Kind = reader.GetString(1),
                    Title = reader.GetString(2),
                    Company = Sql.Text(reader, 3),
                    LocationText = Sql.Text(reader, 4),
                    Description = Sql.Text(reader, 5),
                    PeriodStart = start,
                    PeriodEnd = start,
                    Role = reader.GetString(7),
                    Seniority = reader.GetString(8),
                    YearsRequiredMin = Sql.Int(reader, 9),
                    EmploymentType = reader.GetString(10),
                    WorkArrangement = reader.GetString(11),
                    Country = Sql.Text(reader, 12),
                    State = Sql.Text(reader, 13),
                    Metro = Sql.Text(reader, 14),
                    City = Sql.Text(reader, 15),
                    Salary = Sql.Double(reader, 19) is { } annual
                        ? new Salary(null, null, "USD", SalaryPeriods.Year, Sql.Double(reader, 17), Sql.Double(reader, 18), annual, Sql.Long(reader, 20) == 1, Sql.Text(reader, 21))
                        : null,
                };
                textKinds[reader.GetInt64(0)] = Sql.Text(reader, 16);
                if (!reader.IsDBNull(25))
                {
                    fingerprints[reader.GetInt64(0)] = new PostingFingerprint(
                        reader.GetString(22), PostingFingerprint.SignatureFrom((byte[])reader.GetValue(25)), (int)Sql.Long(reader, 23),
                        reader.IsDBNull(24) ? null : Sql.Long(reader, 24));
                }
            }
        }

        var result = new List<IndexedPosting>(ids.Count);
        foreach (var id in ids)
        {
            if (records.TryGetValue(id, out var record))
            {
                result.Add(new IndexedPosting(id, record, skills.TryGetValue(id, out var list) ? list : [])
                {
                    TextKind = textKinds.GetValueOrDefault(id),
                    Fingerprint = fingerprints.GetValueOrDefault(id),
                });
            }
        }

        return result;
    }

    /// <summary>The tokens the index stores for a text (unicode61: letters and digits, lower case, accents removed).</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        Split(text, tokens.Add);
        return tokens;
    }

    /// <summary>Adds the distinct tokens of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    internal static void AddTokens(string text, HashSet<string> tokens) => Split(text, token => tokens.Add(token));

    private static void Split(string text, Action<string> add)
    {
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && current.Length > 0)
            {
                add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            add(current.ToString());
        }
    }
}
