using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SkillScope.Store;

/// <summary>
/// Which stored records to list: a report's <see cref="RecordFilter"/> plus the narrower conditions behind
/// one report cell (a company, a metro, a skill, a category, the salary sample), and optional full text.
/// The count of a query built from a cell equals the figure in that cell.
/// </summary>
public sealed record PostingQuery
{
    public RecordFilter Filter { get; init; } = RecordFilter.None;

    /// <summary>Words to find in title, company, location or description; every word must occur (stemmed, accents ignored).</summary>
    public string? Text { get; init; }

    /// <summary>Exact normalized company names (ORed): a "top companies" cell.</summary>
    public IReadOnlyList<string> Companies { get; init; } = [];

    /// <summary>Exact metro names (ORed): a "top metros" cell.</summary>
    public IReadOnlyList<string> Metros { get; init; } = [];

    /// <summary>Skill ids a record must all name: a skill row (one id) or a co-skill cell (anchor and partner).</summary>
    public IReadOnlyList<string> AllSkills { get; init; } = [];

    /// <summary>Skill ids of which a record must name at least one (a category row); null for no condition, empty matches nothing.</summary>
    public IReadOnlyList<string>? AnySkills { get; init; }

    /// <summary>True: only records with a description (the skill report's denominator); false: only those without.</summary>
    public bool? HasText { get; init; }

    public SalaryCondition Salary { get; init; } = SalaryCondition.Any;

    public PostingSort Sort { get; init; } = PostingSort.Relevance;

    public int Offset { get; init; }

    public int Limit { get; init; } = 20;
}

public enum SalaryCondition
{
    Any,
    /// <summary>An annual USD figure that is not flagged: the sample behind the salary summary.</summary>
    Usable,
    /// <summary>A salary left out of statistics because it is implausible or unparsed.</summary>
    Flagged,
}

public enum PostingSort
{
    /// <summary>Best full-text match first (bm25, title weighted highest); newest first without text.</summary>
    Relevance,
    Newest,
    /// <summary>Highest annual USD salary first; records without one last.</summary>
    Salary,
}

/// <summary>One line of a search result. <see cref="Snippet"/> marks matched words with U+0002 ... U+0003.</summary>
public sealed record PostingHit(
    long Id, string Kind, string Title, string? Company, string? LocationText, string? Country, string? Metro,
    string Role, string Seniority, string EmploymentType, string WorkArrangement, string? PeriodStart, double? SalaryUsd,
    string? SalaryFlag, string? Snippet);

public sealed record PostingPage(long Total, int Offset, int Limit, IReadOnlyList<PostingHit> Items);

/// <summary>Where a stored record was seen: one row of one ingested file.</summary>
public sealed record RecordAppearance(string Source, string? SourceId, string File, string FileSha256, long Position, string IngestedAt);

/// <summary>A skill indexed for a record; <see cref="Required"/> when any of its mentions is a requirement.</summary>
public sealed record RecordSkill(string Skill, bool Required);

public sealed record PostingRecordDetail(StoredRecord Stored, IReadOnlyList<RecordAppearance> Appearances, IReadOnlyList<RecordSkill> Skills);

/// <summary>
/// Lists the records behind a report figure, searches them by text (SQLite FTS5 ranked by bm25) and reads one
/// record with every file row it came from.
/// </summary>
public static class PostingSearch
{
    /// <summary>Most words used from a text query; the rest are ignored.</summary>
    public const int MaxWords = 16;

    /// <summary>Longest title, company or location returned in a search result (characters); a record's own page has the rest.</summary>
    public const int MaxFieldChars = 1_000;

    private const string IndexedUpToKey = "search_indexed_id";

    /// <summary>
    /// Creates the full-text index when missing and adds the records stored since it was last brought up to date
    /// (records are never updated or deleted, so appending is enough). Needs a writable store.
    /// </summary>
    /// <returns>How many records were added to the index.</returns>
    public static long UpdateIndex(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var connection = store.Connection;
        using var transaction = connection.BeginTransaction();
        SkillStore.Execute(connection, """
            CREATE VIRTUAL TABLE IF NOT EXISTS records_fts USING fts5(
                title, company, location_text, description,
                content='records', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
            """, transaction);
        var from = IndexedUpTo(connection, transaction);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO records_fts(rowid, title, company, location_text, description)
            SELECT id, title, company, location_text, description FROM records WHERE id > $from ORDER BY id
            """;
        insert.Parameters.AddWithValue("$from", from);
        var added = insert.ExecuteNonQuery();
        using var mark = connection.CreateCommand();
        mark.Transaction = transaction;
        mark.CommandText = """
            INSERT INTO meta(key, value) VALUES ($key, (SELECT CAST(COALESCE(MAX(id), 0) AS TEXT) FROM records))
            ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """;
        mark.Parameters.AddWithValue("$key", IndexedUpToKey);
        mark.ExecuteNonQuery();
        transaction.Commit();
        return added;
    }

    /// <summary>True when every stored record is in the full-text index (a read-only check).</summary>
    public static bool IndexIsCurrent(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var command = store.Connection.CreateCommand();
        command.CommandText = """
            SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'records_fts')
               AND (SELECT COALESCE(MAX(id), 0) FROM records) = CAST(COALESCE((SELECT value FROM meta WHERE key = $key), '-1') AS INTEGER)
            """;
        command.Parameters.AddWithValue("$key", IndexedUpToKey);
        return (long)command.ExecuteScalar()! == 1;
    }

    /// <summary>The FTS5 query for free text: each word quoted (so operators in user text mean nothing), all required; null when it has no words.</summary>
    public static string? ToMatchExpression(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length && words.Count < MaxWords; i++)
        {
            var wordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (wordChar && start < 0)
            {
                start = i;
            }
            else if (!wordChar && start >= 0)
            {
                words.Add("\"" + text[start..i] + "\"");
                start = -1;
            }
        }

        return words.Count == 0 ? null : string.Join(' ', words);
    }

    /// <summary>One page of the records matching <paramref name="query"/>, and how many match in all.</summary>
    /// <remarks>
    /// Three steps, so that a common word matching tens of thousands of records stays cheap: the count (from the
    /// full-text index alone when text is the only condition), the page's ids in order, then fields and snippets
    /// for those ids only (snippet() is costly and SQLite would compute it for every match before sorting).
    /// </remarks>
    public static PostingPage Search(SkillStore store, PostingQuery query, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        using var interrupt = store.InterruptOn(cancellation);
        try
        {
            return Search(store, query, ToMatchExpression(query.Text), cancellation);
        }
        catch (Exception e) when (QueryCancellation.IsInterrupt(e))
        {
            throw new OperationCanceledException("the search was cancelled", e, cancellation);
        }
    }

    private static PostingPage Search(SkillStore store, PostingQuery query, string? match, CancellationToken cancellation)
    {
        var textOnly = match is not null && HasNoRecordCondition(query);

        long total;
        using (var count = store.Connection.CreateCommand())
        {
            count.CommandText = textOnly
                ? "SELECT COUNT(*) FROM records_fts WHERE records_fts MATCH $match"
                : $"SELECT COUNT(*) {FromWhere(count, query, match)}";
            count.Parameters.AddWithValue("$match", (object?)match ?? DBNull.Value);
            total = (long)count.ExecuteScalar()!;
        }

        var ids = new List<long>(query.Limit);
        using (var page = store.Connection.CreateCommand())
        {
            var order = (query.Sort, match) switch
            {
                (PostingSort.Relevance, not null) => "bm25(records_fts, 10.0, 2.0, 1.0, 1.0), records_fts.rowid",
                (PostingSort.Salary, _) => "r.salary_usd IS NULL, r.salary_usd DESC, r.id",
                _ => "r.period_start IS NULL, r.period_start DESC, r.id DESC",
            };
            page.CommandText = textOnly && query.Sort == PostingSort.Relevance
                ? $"SELECT rowid FROM records_fts WHERE records_fts MATCH $match ORDER BY {order} LIMIT $limit OFFSET $offset"
                : $"SELECT r.id {FromWhere(page, query, match)} ORDER BY {order} LIMIT $limit OFFSET $offset";
            page.Parameters.AddWithValue("$match", (object?)match ?? DBNull.Value);
            page.Parameters.AddWithValue("$limit", query.Limit);
            page.Parameters.AddWithValue("$offset", query.Offset);
            using var reader = page.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        cancellation.ThrowIfCancellationRequested();
        return new PostingPage(total, query.Offset, query.Limit, Hits(store, ids, match is null ? null : query.Text, cancellation));
    }

    // Snippets come from SearchSnippet over the first characters of each field: SQLite's snippet() reads and scores
    // the whole document, which made one 4-million-character posting take over a minute.
    private static List<PostingHit> Hits(SkillStore store, List<long> ids, string? text, CancellationToken cancellation)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        using var command = store.Connection.CreateCommand();
        var idList = string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var words = SearchSnippet.Words(text);
        var scanned = words.Count == 0 ? "NULL, NULL" : $"substr(r.description, 1, {SearchSnippet.MaxScannedChars}), substr(r.location_text, 1, {SearchSnippet.MaxScannedChars})";
        command.CommandText = $"""
            SELECT r.id, r.kind, substr(r.title, 1, {MaxFieldChars}), substr(r.company, 1, {MaxFieldChars}), substr(r.location_text, 1, {MaxFieldChars}),
                r.country, r.metro, r.role, r.seniority, r.employment_type,
                r.work_arrangement, r.period_start, r.salary_usd, r.salary_flag, {scanned}, substr(r.title, 1, {SearchSnippet.MaxScannedChars}),
                substr(r.company, 1, {SearchSnippet.MaxScannedChars})
            FROM records r WHERE r.id IN ({idList})
            """;
        var byId = new Dictionary<long, PostingHit>(ids.Count);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellation.ThrowIfCancellationRequested();
            var snippet = words.Count == 0 ? null : SearchSnippet.Build(words, Text(reader, 14), Text(reader, 16), Text(reader, 17), Text(reader, 15));
            byId[reader.GetInt64(0)] = new PostingHit(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6),
                reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10), Text(reader, 11),
                reader.IsDBNull(12) ? null : reader.GetDouble(12), Text(reader, 13), snippet);
        }

        return [.. ids.Select(id => byId[id])];
    }

    private static bool HasNoRecordCondition(PostingQuery query)
    {
        var f = query.Filter;
        return f.Kinds.Count == 0 && f.Roles.Count == 0 && f.Seniorities.Count == 0 && f.Countries.Count == 0
            && f.WorkArrangements.Count == 0 && f.EmploymentTypes.Count == 0 && f.Sources.Count == 0
            && f.Since is null && f.Until is null
            && query.Companies.Count == 0 && query.Metros.Count == 0 && query.AllSkills.Count == 0
            && query.AnySkills is null && query.HasText is null && query.Salary == SalaryCondition.Any;
    }

    /// <summary>A record with every file row it was seen in and its indexed skills, or null when there is no such record.</summary>
    public static PostingRecordDetail? Find(SkillStore store, long id)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (StoredRecords.ReadById(store, id) is not { } stored)
        {
            return null;
        }

        var appearances = new List<RecordAppearance>();
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = """
                SELECT s.source, s.source_id, i.file_path, s.file_sha256, s.position, i.started_at
                FROM record_sources s JOIN ingests i ON i.id = s.ingest_id
                WHERE s.record_id = $id ORDER BY s.ingest_id, s.position
                """;
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                appearances.Add(new RecordAppearance(reader.GetString(0), Text(reader, 1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5)));
            }
        }

        var skills = new List<RecordSkill>();
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = "SELECT skill_id, required FROM record_skills WHERE record_id = $id ORDER BY required DESC, skill_id";
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                skills.Add(new RecordSkill(reader.GetString(0), reader.GetInt64(1) == 1));
            }
        }

        return new PostingRecordDetail(stored, appearances, skills);
    }

    private static string FromWhere(SqliteCommand command, PostingQuery query, string? match)
    {
        var index = 0;
        var sql = new StringBuilder(match is null
            ? "FROM records r WHERE "
            : "FROM records_fts JOIN records r ON r.id = records_fts.rowid WHERE records_fts MATCH $match AND ");
        sql.Append(query.Filter.ToSql(command));
        In("r.company", query.Companies);
        In("r.metro", query.Metros);
        foreach (var skill in query.AllSkills)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM record_skills k WHERE k.record_id = r.id AND k.skill_id = ").Append(Parameter(skill)).Append(')');
        }

        if (query.AnySkills is { } any)
        {
            sql.Append(any.Count == 0
                ? " AND 0"
                : $" AND EXISTS (SELECT 1 FROM record_skills k WHERE k.record_id = r.id AND k.skill_id IN ({string.Join(", ", any.Select(Parameter))}))");
        }

        if (query.HasText is { } hasText)
        {
            sql.Append(hasText ? " AND r.description IS NOT NULL" : " AND r.description IS NULL");
        }

        sql.Append(query.Salary switch
        {
            SalaryCondition.Usable => " AND r.salary_usd IS NOT NULL AND r.salary_flag IS NULL",
            SalaryCondition.Flagged => " AND r.salary_flag IS NOT NULL",
            _ => "",
        });
        return sql.ToString();

        void In(string column, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                sql.Append(" AND ").Append(column).Append(" IN (").Append(string.Join(", ", values.Select(Parameter))).Append(')');
            }
        }

        // RecordFilter numbers its parameters $f0, $f1...; these are $p0, $p1... so the two never collide.
        string Parameter(string value)
        {
            var name = "$p" + index++.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, value);
            return name;
        }
    }

    private static long IndexedUpTo(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", IndexedUpToKey);
        return command.ExecuteScalar() is string value ? long.Parse(value, CultureInfo.InvariantCulture) : 0;
    }

    private static string? Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
