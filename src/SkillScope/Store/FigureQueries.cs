namespace SkillScope.Store;

/// <summary>A count of postings in one stratum: a source (the source a posting was first seen in), and a month (YYYY-MM) when asked.</summary>
public readonly record struct StratumCount(string Source, string? Month, long Postings);

/// <summary>A skill's count of postings in one stratum.</summary>
public readonly record struct StratumSkillCount(string Source, string? Month, string Skill, long Postings);

/// <summary>
/// The counts behind figures that must compare like with like: postings by text completeness, by source (the
/// source a posting was first seen in) and month.
/// </summary>
public static class FigureQueries
{
    /// <summary>Postings matching <paramref name="filter"/> by text kind (full, snippet, summary, none).</summary>
    public static Dictionary<string, long> CountByTextKind(SkillStore store, RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        using var command = store.Command("");
        command.CommandText = $"SELECT COALESCE(r.text_kind, 'none'), COUNT(*) FROM records r WHERE {filter.ToSql(command)} GROUP BY COALESCE(r.text_kind, 'none')";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = Sql.Long(reader, 1);
        }

        return counts;
    }

    /// <summary>Postings matching <paramref name="filter"/> by first source, and by month too when <paramref name="byMonth"/>.</summary>
    public static List<StratumCount> Counts(SkillStore store, RecordFilter filter, bool byMonth)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        using var command = store.Command("");
        var month = byMonth ? "substr(r.period_start, 1, 7)" : "NULL";
        command.CommandText = $"""
            SELECT COALESCE(r.source, ''), {month}, COUNT(*) FROM records r
            WHERE {filter.ToSql(command)}{(byMonth ? " AND r.period_start IS NOT NULL" : "")}
            GROUP BY COALESCE(r.source, ''){(byMonth ? ", " + month : "")}
            """;
        var rows = new List<StratumCount>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new StratumCount(reader.GetString(0), Sql.Text(reader, 1), Sql.Long(reader, 2)));
        }

        return rows;
    }

    /// <summary>
    /// Each skill's postings by first source (and month), over the postings matching <paramref name="filter"/>; in order
    /// of source, month and skill id. One row per posting (its packed skills, <see cref="SkillSets"/>), counted by ordinal
    /// per stratum.
    /// </summary>
    public static List<StratumSkillCount> SkillCounts(SkillStore store, RecordFilter filter, bool byMonth, IReadOnlyCollection<string>? skills = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        if (skills is { Count: > 0 })
        {
            return NamedSkillCounts(store, filter, byMonth, skills);
        }

        var names = new SkillNames(store);
        var strata = new Dictionary<(string Source, string? Month), long[]>();
        var text = new TextCells();
        using (var scan = ReportQueries.SkillSetScan(store, filter,
            "COALESCE(r.source, ''), " + (byMonth ? "substr(r.period_start, 1, 7)" : "NULL"), byMonth ? "r.period_start IS NOT NULL" : null))
        {
            (string, string?) last = default;
            long[]? counts = null;
            while (scan.Read())
            {
                var stratum = (text.Of(scan, 1)!, text.Of(scan, 2));
                if (counts is null || !ReferenceEquals(stratum.Item1, last.Item1) || !ReferenceEquals(stratum.Item2, last.Item2))
                {
                    if (!strata.TryGetValue(stratum, out counts))
                    {
                        strata[stratum] = counts = new long[names.Count];
                    }

                    last = stratum;
                }

                var cell = scan.Bytes(0);
                for (var i = 0; i < cell.Length / 2; i++)
                {
                    var ordinal = SkillSets.Entry(cell, i).Ordinal;
                    if (ordinal >= counts.Length)
                    {
                        names.Cover(ordinal);
                        var grown = counts;
                        Array.Resize(ref grown, names.Count);
                        strata[stratum] = counts = grown;
                    }

                    counts[ordinal]++;
                }
            }
        }

        var rows = new List<StratumSkillCount>();
        foreach (var ((source, month), counts) in strata)
        {
            for (var o = 0; o < counts.Length; o++)
            {
                if (counts[o] > 0)
                {
                    rows.Add(new StratumSkillCount(source, month, names.Of(o), counts[o]));
                }
            }
        }

        rows.Sort((x, y) =>
        {
            var c = string.CompareOrdinal(x.Source, y.Source);
            c = c != 0 ? c : string.CompareOrdinal(x.Month, y.Month);
            return c != 0 ? c : string.CompareOrdinal(x.Skill, y.Skill);
        });
        return rows;
    }

    // A few named skills (a skill's series): their rows of record_skills by its skill index, far fewer than every
    // matching posting's cell.
    private static List<StratumSkillCount> NamedSkillCounts(SkillStore store, RecordFilter filter, bool byMonth, IReadOnlyCollection<string> skills)
    {
        using var command = store.Command("");
        var month = byMonth ? "substr(r.period_start, 1, 7)" : "NULL";
        var only = Sql.InList(command, "k", skills);
        command.CommandText = $"""
            SELECT COALESCE(r.source, ''), {month}, k.skill_id, COUNT(*) FROM record_skills k JOIN records r ON r.id = k.record_id
            WHERE {filter.ToSql(command)} AND k.skill_id IN ({only}){(byMonth ? " AND r.period_start IS NOT NULL" : "")}
            GROUP BY COALESCE(r.source, ''), {(byMonth ? month + ", " : "")}k.skill_id
            ORDER BY 1, 2, 3
            """;
        var rows = new List<StratumSkillCount>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new StratumSkillCount(reader.GetString(0), Sql.Text(reader, 1), reader.GetString(2), Sql.Long(reader, 3)));
        }

        return rows;
    }

    /// <summary>Where a posting appeared: each appearance's source, place and date, in the order they were ingested.</summary>
    public static List<(string Source, string? Location, string? Metro, string? Posted)> Appearances(SkillStore store, long recordId)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var command = store.Command("""
            SELECT s.source, s.location_text, s.metro, s.posted FROM record_sources s WHERE s.record_id = @id ORDER BY s.ingest_id, s.position
            """);
        Sql.Add(command, "@id", recordId);
        var rows = new List<(string, string?, string?, string?)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), Sql.Text(reader, 1), Sql.Text(reader, 2), Sql.Text(reader, 3)));
        }

        return rows;
    }
}

/// <summary>Counts for a skill group (a category): postings naming any of its skills, once each.</summary>
public static class GroupQueries
{
    /// <summary>Postings naming any of <paramref name="members"/>, by first source and month.</summary>
    public static List<StratumCount> CountsByMonth(SkillStore store, RecordFilter filter, IReadOnlyCollection<string> members)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(members);
        var rows = new List<StratumCount>();
        if (members.Count == 0)
        {
            return rows;
        }

        using var command = store.Command("");
        command.CommandText = $"""
            SELECT COALESCE(r.source, ''), substr(r.period_start, 1, 7), COUNT(*) FROM records r
            WHERE {filter.ToSql(command)} AND r.period_start IS NOT NULL
              AND EXISTS (SELECT 1 FROM record_skills k WHERE k.record_id = r.id AND k.skill_id IN ({Sql.InList(command, "m", members)}))
            GROUP BY COALESCE(r.source, ''), substr(r.period_start, 1, 7)
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new StratumCount(reader.GetString(0), Sql.Text(reader, 1), Sql.Long(reader, 2)));
        }

        return rows;
    }
}
