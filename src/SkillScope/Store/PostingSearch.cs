using System.Globalization;
using System.Text;
using System.Data.Common;

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

/// <summary>
/// How many records match a search and the ids of its results <see cref="Offset"/> to Offset + <see cref="Limit"/> in
/// order (fewer when the results end sooner): what <see cref="PostingSearch.Page"/> reads a page from.
/// </summary>
public sealed record PostingRanking(long Total, int Offset, int Limit, IReadOnlyList<long> Ids);

/// <summary>Where a stored record was seen: one row of one ingested file.</summary>
public sealed record RecordAppearance(string Source, string? SourceId, string File, string FileSha256, long Position, string IngestedAt);

/// <summary>A skill indexed for a record; <see cref="Required"/> when any of its mentions is a requirement.</summary>
public sealed record RecordSkill(string Skill, bool Required);

public sealed record PostingRecordDetail(StoredRecord Stored, IReadOnlyList<RecordAppearance> Appearances, IReadOnlyList<RecordSkill> Skills);

/// <summary>
/// Lists the records behind a report figure, searches them by text (the full-text index: SQLite FTS5 ranked by bm25,
/// or PostgreSQL's tsvector ranked by ts_rank) and reads one record with every file row it came from.
/// </summary>
public static class PostingSearch
{
    /// <summary>Most words used from a text query; the rest are ignored.</summary>
    public const int MaxWords = 16;

    /// <summary>Longest title, company or location in a search result (characters); the record's own page has the rest.</summary>
    public const int MaxFieldChars = 1_000;

    /// <summary>
    /// Characters of a description read for its snippet: a hit costs the same whatever the record's size (one posting
    /// of 4 million characters made a search take 84 s with SQLite's snippet()).
    /// </summary>
    public const int MaxSnippetSourceChars = 32 * 1024;

    /// <summary>Words of context a snippet shows around the first match.</summary>
    private const int SnippetWords = 24;

    /// <summary>
    /// Brings the full-text index up to date with the records stored since it was last updated. Needs a writable store.
    /// </summary>
    /// <returns>How many postings were added to the index.</returns>
    public static long UpdateIndex(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return FullTextIndex.Update(store);
    }

    /// <summary>True when every stored record is in the full-text index (a read-only check).</summary>
    public static bool IndexIsCurrent(SkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return FullTextIndex.IsCurrent(store);
    }

    /// <summary>
    /// The FTS5 query for free text: each word quoted (so operators in user text mean nothing) and matched as a prefix
    /// ("engineer" finds "engineering"), all required; null when it has no words.
    /// </summary>
    public static string? ToMatchExpression(string? text) =>
        Words(text) is { Count: > 0 } words ? string.Join(' ', words.Select(w => "\"" + w + "\"*")) : null;

    /// <summary>The words of a text query (letters and digits), at most <see cref="MaxWords"/>.</summary>
    internal static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

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
                words.Add(text[start..i]);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>One page of the records matching <paramref name="query"/>, and how many match in all.</summary>
    /// <remarks>
    /// Three steps, so that a common word matching tens of thousands of records stays cheap: the count (from the
    /// full-text index alone when text is the only condition), the page's ids in order (<see cref="Rank"/>), then
    /// fields and snippets for those ids only (<see cref="Page"/>).
    /// </remarks>
    public static PostingPage Search(SkillStore store, PostingQuery query, CancellationToken cancellation = default) =>
        Page(store, query, Rank(store, query, cancellation), cancellation);

    /// <summary>
    /// How many records match <paramref name="query"/> and the ids of its results <see cref="PostingQuery.Offset"/> to
    /// Offset + <see cref="PostingQuery.Limit"/>, in order. Ordering every match is what a search costs (bm25 over the
    /// tens of thousands of records a common word finds), so a server ranks a window of several pages once and serves
    /// each of them with <see cref="Page"/>: the same records as a search for that page alone, as the order is total.
    /// </summary>
    public static PostingRanking Rank(SkillStore store, PostingQuery query, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        return Interruptible(store, cancellation, () => RankMatches(store, query));
    }

    /// <summary>The page <paramref name="query"/> asks for, read from a <paramref name="ranking"/> that covers it.</summary>
    /// <exception cref="ArgumentException">The ranking does not cover the query's page.</exception>
    public static PostingPage Page(SkillStore store, PostingQuery query, PostingRanking ranking, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(ranking);
        if (query.Offset < ranking.Offset || query.Offset + query.Limit > ranking.Offset + ranking.Limit)
        {
            throw new ArgumentException($"results {query.Offset} to {query.Offset + query.Limit} are not within the ranking's {ranking.Offset} to {ranking.Offset + ranking.Limit}", nameof(ranking));
        }

        var ids = ranking.Ids.Skip(query.Offset - ranking.Offset).Take(query.Limit).ToList();
        var hits = Interruptible(store, cancellation, () => Hits(store, ids, Words(query.Text)));
        return new PostingPage(ranking.Total, query.Offset, query.Limit, hits);
    }

    private static T Interruptible<T>(SkillStore store, CancellationToken cancellation, Func<T> read)
    {
        cancellation.ThrowIfCancellationRequested();
        using var interrupt = store.InterruptOn(cancellation);
        try
        {
            return read();
        }
        catch (Exception e) when (QueryCancellation.IsInterrupt(e))
        {
            throw new OperationCanceledException("the search was cancelled", e, cancellation);
        }
    }

    private static PostingRanking RankMatches(SkillStore store, PostingQuery query)
    {
        var words = Words(query.Text);
        var match = words.Count == 0 ? null
            : store.IsPostgres ? string.Join(" & ", words.Select(w => PostingIndex.Tokens(w) is { Count: > 0 } t ? string.Join(" <-> ", t) + ":*" : null).Where(w => w is not null))
            : ToMatchExpression(query.Text);
        var textOnly = match is not null && HasNoRecordCondition(query) && !store.IsPostgres;

        long total;
        using (var count = store.Command(""))
        {
            count.CommandText = textOnly
                ? "SELECT COUNT(*) FROM records_fts WHERE records_fts MATCH @match"
                : $"SELECT COUNT(*) {FromWhere(store, count, query, match)}";
            if (match is not null)
            {
                Sql.Add(count, "@match", match);
            }

            total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var ids = new List<long>(query.Limit);
        using (var page = store.Command(""))
        {
            var order = (query.Sort, match) switch
            {
                (PostingSort.Relevance, not null) => store.IsPostgres
                    ? "ts_rank('{0.1, 0.1, 0.2, 1.0}', r.fts, to_tsquery('simple', @match)) DESC, r.id"
                    : "bm25(records_fts, 10.0, 2.0, 1.0, 1.0), records_fts.rowid",
                (PostingSort.Salary, _) => "r.salary_usd IS NULL, r.salary_usd DESC, r.id",
                _ => "r.period_start IS NULL, r.period_start DESC, r.id DESC",
            };
            page.CommandText = textOnly && query.Sort == PostingSort.Relevance
                ? $"SELECT rowid FROM records_fts WHERE records_fts MATCH @match ORDER BY {order} LIMIT @limit OFFSET @offset"
                : $"SELECT r.id {FromWhere(store, page, query, match)} ORDER BY {order} LIMIT @limit OFFSET @offset";
            if (match is not null)
            {
                Sql.Add(page, "@match", match);
            }

            Sql.Add(page, "@limit", query.Limit);
            Sql.Add(page, "@offset", query.Offset);
            using var reader = page.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(Sql.Long(reader, 0));
            }
        }

        return new PostingRanking(total, query.Offset, query.Limit, ids);
    }

    private static List<PostingHit> Hits(SkillStore store, List<long> ids, List<string> words)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var idList = string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        using var command = store.Command($"""
            SELECT r.id, r.kind, substr(r.title, 1, {MaxFieldChars}), substr(r.company, 1, {MaxFieldChars}), substr(r.location_text, 1, {MaxFieldChars}),
                r.country, r.metro, r.role, r.seniority, r.employment_type, r.work_arrangement, r.period_start, r.salary_usd, r.salary_flag,
                {(words.Count == 0 ? "NULL" : $"substr(r.description, 1, {MaxSnippetSourceChars})")}
            FROM records r WHERE r.id IN ({idList})
            """);
        var byId = new Dictionary<long, PostingHit>(ids.Count);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var (title, company, location, description) = (reader.GetString(2), Sql.Text(reader, 3), Sql.Text(reader, 4), Sql.Text(reader, 14));
            byId[Sql.Long(reader, 0)] = new PostingHit(
                Sql.Long(reader, 0), reader.GetString(1), title, company, location, Sql.Text(reader, 5), Sql.Text(reader, 6),
                reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10), Sql.Text(reader, 11),
                Sql.Double(reader, 12), Sql.Text(reader, 13),
                words.Count == 0 ? null : SearchSnippet.Build(words, SnippetWords, description, title, company, location));
        }

        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
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
        using (var command = store.Command("""
            SELECT s.source, s.source_id, i.file_path, s.file_sha256, s.position, i.started_at
            FROM record_sources s JOIN ingests i ON i.id = s.ingest_id
            WHERE s.record_id = @id ORDER BY s.ingest_id, s.position
            """))
        {
            Sql.Add(command, "@id", id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                appearances.Add(new RecordAppearance(reader.GetString(0), Sql.Text(reader, 1), reader.GetString(2), reader.GetString(3), Sql.Long(reader, 4), reader.GetString(5)));
            }
        }

        var skills = new List<RecordSkill>();
        using (var command = store.Command("SELECT skill_id, required FROM record_skills WHERE record_id = @id ORDER BY required DESC, skill_id"))
        {
            Sql.Add(command, "@id", id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                skills.Add(new RecordSkill(reader.GetString(0), Sql.Long(reader, 1) == 1));
            }
        }

        return new PostingRecordDetail(stored, appearances, skills);
    }

    private static string FromWhere(SkillStore store, DbCommand command, PostingQuery query, string? match)
    {
        var index = 0;
        var sql = new StringBuilder(match is null ? "FROM records r WHERE "
            : store.IsPostgres ? "FROM records r WHERE r.fts @@ to_tsquery('simple', @match) AND "
            : "FROM records_fts JOIN records r ON r.id = records_fts.rowid WHERE records_fts MATCH @match AND ");
        sql.Append(query.Filter.ToSql(command));
        In("r.company", query.Companies);
        // A posting listed in several metros is found under each (as report market counts it).
        if (query.Metros.Count > 0)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM record_sources s WHERE s.record_id = r.id AND COALESCE(s.metro, r.metro) IN (")
               .Append(string.Join(", ", query.Metros.Select(Parameter))).Append("))");
        }
        foreach (var skill in query.AllSkills)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM record_skills k WHERE k.record_id = r.id AND k.skill_id = ").Append(Parameter(skill)).Append(')');
        }

        if (query.AnySkills is { } any)
        {
            sql.Append(any.Count == 0
                ? " AND 1 = 0"
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

        // RecordFilter numbers its parameters @f0, @f1...; these are @p0, @p1... so the two never collide.
        string Parameter(string value)
        {
            var name = "@p" + index++.ToString(CultureInfo.InvariantCulture);
            Sql.Add(command, name, value);
            return name;
        }
    }
}
