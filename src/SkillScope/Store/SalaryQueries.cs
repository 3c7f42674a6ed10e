using SkillScope.Model;

namespace SkillScope.Store;

/// <summary>
/// The scans behind salary statistics and premiums. Each returns a <see cref="RowScan"/> whose columns are documented on
/// the method; rows come in record id order on both engines (resampling draws by row, so the order is part of the
/// result), except <see cref="Salaries"/>, which its caller sorts.
/// </summary>
internal static class SalaryQueries
{
    /// <summary>The text columns a salary scan can read, in this order.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = ["role", "seniority", "country", "metro"];

    /// <summary>
    /// Records of <paramref name="kind"/> matching <paramref name="filter"/> (its kinds ignored) with a usable or flagged
    /// salary. Column 0: 0 when the salary is flagged (left out, counted), minus the annual USD figure when the source
    /// estimated it, else the annual USD figure. Then one text column ('' for none) per dimension in
    /// <paramref name="read"/> (indexed like <see cref="Dimensions"/>), and last the record id. On SQLite every column
    /// read or tested is in ix_records_filter (migration 8), so the scan reads that index, not the records with their
    /// text, in the index's order: the caller sorts by id (SQLite's sorter cost a quarter of a salary report of postings
    /// at a million postings). PostgreSQL scans the table in its own order (about id order; asked for id order, it walked
    /// the primary key and fetched each row by it), and the caller sorts those too.
    /// </summary>
    public static RowScan Salaries(SkillStore store, RecordFilter filter, string kind, IReadOnlyList<bool> read)
    {
        var command = store.Command("");
        var columns = string.Concat(Dimensions.Where((_, d) => read[d]).Select(d => $", COALESCE(r.{d}, '')"));
        Sql.Add(command, "@salaryKind", kind);
        command.CommandText = $"""
            SELECT CASE WHEN r.salary_flag IS NOT NULL THEN 0 WHEN r.salary_is_estimate <> 0 THEN -r.salary_usd ELSE r.salary_usd END{columns}, r.id
            FROM records r
            WHERE r.kind = @salaryKind AND {(filter with { Kinds = [] }).ToSql(command)} AND (r.salary_usd > 0 OR r.salary_flag IS NOT NULL)
            """;
        return RowScan.Open(store, command);
    }

    /// <summary>
    /// The premium regression's observations of one kind with a usable salary: postings with text, or salary reports that
    /// list at least one skill (a respondent who lists no tool says nothing about having one). Columns: id, annual USD,
    /// role, seniority, country (text or null), year (integer or null), 1 when the source estimated the salary.
    /// </summary>
    public static RowScan PremiumObservations(SkillStore store, RecordFilter filter, bool excludeEstimates, string kind = RecordKinds.Posting)
    {
        var command = store.Command("");
        Sql.Add(command, "@salaryKind", kind);
        var hasSkills = kind == RecordKinds.Posting
            ? "r.description IS NOT NULL"
            : "EXISTS (SELECT 1 FROM record_skills k WHERE k.record_id = r.id)";
        command.CommandText = $"""
            SELECT r.id, r.salary_usd, r.role, r.seniority, r.country, CAST(substr(r.period_start, 1, 4) AS INTEGER), r.salary_is_estimate
            FROM records r
            WHERE {store.Unindexed("r.kind")} = @salaryKind AND {(filter with { Kinds = [] }).ToSql(command)}
                AND r.salary_usd > 0 AND r.salary_flag IS NULL AND {hasSkills}
                {(excludeEstimates ? "AND r.salary_is_estimate = 0" : "")}
            {Order(store)}
            """;
        return RowScan.Open(store, command);
    }

    /// <summary>Ids of the records that name any of <paramref name="skills"/> (column 0), in no set order.</summary>
    public static RowScan RecordsNaming(SkillStore store, IReadOnlyList<string> skills)
    {
        var command = store.Command("");
        command.CommandText = $"SELECT record_id FROM record_skills WHERE skill_id IN ({Sql.InList(command, "s", skills)})";
        return RowScan.Open(store, command);
    }

    /// <summary>Skills named by at least <paramref name="minimum"/> postings in the whole store, sorted.</summary>
    public static IReadOnlyList<string> SkillsNamedAtLeast(SkillStore store, int minimum)
    {
        using var command = store.Command("SELECT skill_id FROM record_skills GROUP BY skill_id HAVING COUNT(*) >= @min ORDER BY skill_id");
        Sql.Add(command, "@min", minimum);
        var skills = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            skills.Add(reader.GetString(0));
        }

        return skills;
    }

    /// <summary>
    /// Records of the kind: an upper bound of a sample's size, counted from the kind index alone; 0 (not known) on
    /// PostgreSQL, whose indexes do not say which rows are visible: the count is another read of the table, which costs
    /// more than growing the sample's lists does.
    /// </summary>
    public static int KindCount(SkillStore store, string kind) => store.IsPostgres ? 0 :
        (int)Math.Min(store.Scalar("SELECT COUNT(*) FROM records WHERE kind = @kind", null, ("@kind", kind)), Array.MaxLength);

    /// <summary>True when the store holds at least one usable salary of <paramref name="kind"/>.</summary>
    public static bool AnyUsable(SkillStore store, string kind) =>
        store.Scalar("SELECT COUNT(*) FROM (SELECT 1 FROM records r WHERE r.kind = @kind AND r.salary_usd > 0 AND r.salary_flag IS NULL LIMIT 1) x", null, ("@kind", kind)) > 0;

    // SQLite scans the table in rowid order already (the kind condition is kept off the index); PostgreSQL is told to.
    private static string Order(SkillStore store) => store.IsPostgres ? "ORDER BY r.id" : "";
}
