namespace SkillScope.Store;

/// <summary>One record as the market overview reads it.</summary>
public readonly record struct MarketRow(
    string Kind, string Seniority, string Role, string EmploymentType, string WorkArrangement, string? Company, string? Country, string? Metro,
    double? SalaryUsd, bool SalaryFlagged, string? PeriodStart, string? PeriodEnd)
{
    /// <summary>The salary is a board's own estimate (Glassdoor est., Adzuna predicted), not an employer's.</summary>
    public bool SalaryIsEstimate { get; init; }
}

/// <summary>
/// One record's market row with what the filters and the market report read from its appearances: the sources it was
/// read from, its distinct metros (an appearance's own, else the record's) and how many appearances it has.
/// </summary>
public sealed record MarketFact(long Id, MarketRow Row, string? TextKind, IReadOnlyList<string> Sources, IReadOnlyList<string> Metros, int Appearances);

/// <summary>
/// Where a read of market facts stopped: the highest record id read, and the first ingest whose rows may still have been
/// coming (the lowest running one, else the next id). Records above the one and appearances written by ingests from the
/// other on are all a later read has to look at. <paramref name="Joined"/> is how many rows those ingests had joined to
/// stored records (`ingests.merged`) at the time: while it has not moved, no held record has gained an appearance.
/// </summary>
public readonly record struct MarketWatermark(long MaxRecordId, long FirstOpenIngest, long Joined = 0);

/// <summary>A skill's count among postings: in how many it appears, and in how many as a requirement.</summary>
public readonly record struct SkillCount(string Skill, long Postings, long Required);

/// <summary>A skill's co-occurrence with an anchor skill: postings naming both, the anchor, and the skill.</summary>
public readonly record struct CoSkillCount(string Skill, long Together, long AnchorPostings, long SkillPostings);

/// <summary>The queries behind the market and skill reports: plain rows and counts, computed on either engine.</summary>
public static class ReportQueries
{
    // A MarketRow's columns of `records r`, in the order ReadMarketRow reads them.
    private const string MarketRowColumns = """
        r.kind, r.seniority, r.role, r.employment_type, r.work_arrangement, r.company, r.country, r.metro,
        r.salary_usd, CASE WHEN r.salary_flag IS NOT NULL THEN 1 ELSE 0 END, r.period_start, r.period_end, r.salary_is_estimate
        """;

    private static MarketRow ReadMarketRow(RowScan scan, TextCells text, int first) =>
        new(text.Of(scan, first)!, text.Of(scan, first + 1)!, text.Of(scan, first + 2)!, text.Of(scan, first + 3)!, text.Of(scan, first + 4)!,
            text.Of(scan, first + 5), text.Of(scan, first + 6), text.Of(scan, first + 7), scan.IsNull(first + 8) ? null : scan.Double(first + 8),
            scan.Int64(first + 9) == 1, text.Of(scan, first + 10), text.Of(scan, first + 11)) { SalaryIsEstimate = scan.Int64(first + 12) != 0 };

    /// <summary>
    /// Every record's <see cref="MarketFact"/>, in id order, read in one statement (so from one consistent state of the
    /// store): what a server keeps in memory to answer market reports with any filter without a scan per request. With
    /// <paramref name="since"/>, only the records that may have changed after that read: new records, and records with an
    /// appearance from an ingest that was still open then whose number of appearances is no longer the one
    /// <paramref name="heldAppearances"/> gives (0 for a record not held); each is read whole, so it replaces the earlier
    /// fact. Comparing counts (integers only) instead of reading every record an open ingest touched keeps each update
    /// as small as the batches written since, however far a long ingest has got. A record edited in place by such an
    /// ingest (a re-fetched comment whose text changed) keeps its count and is not read again:
    /// <see cref="UpdatedInPlaceSince"/> tells callers when to read everything again.
    /// </summary>
    public static (List<MarketFact> Facts, MarketWatermark Next) MarketFacts(
        SkillStore store, MarketWatermark? since = null, Func<long, int>? heldAppearances = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        // Read before the facts: an ingest that starts after this still gets an id at or above it, and whatever an open one
        // writes after this is compared again by the next update.
        long firstOpen;
        using (var open = store.Command("SELECT COALESCE(MIN(id), (SELECT COALESCE(MAX(id), 0) + 1 FROM ingests)) FROM ingests WHERE status = 'running'"))
        {
            firstOpen = Sql.Long(open.ExecuteScalar()!);
        }

        var joined = JoinedSince(store, firstOpen);

        var changed = since is { } from && heldAppearances is not null ? ChangedAppearances(store, from, heldAppearances, cancellation) : null;

        // The records to read as a list of ids (SQLite then looks each one up by its key; an OR in the WHERE clause
        // would make both engines scan every record). Ids are integers, written into the statement as they are.
        var touched = changed is null
            ? "UNION SELECT record_id FROM record_sources WHERE ingest_id >= @first_open"
            : changed.Count == 0 ? "" : $"UNION SELECT id FROM records WHERE id IN ({string.Join(',', changed)})";
        var command = store.Command($"""
            SELECT r.id, {MarketRowColumns}, r.text_kind, s.source, COALESCE(s.metro, r.metro)
            FROM records r LEFT JOIN record_sources s ON s.record_id = r.id
            {(since is null ? "" : $"WHERE r.id IN (SELECT id FROM records WHERE id > @max_id {touched})")}
            ORDER BY r.id
            """);
        if (since is { } mark)
        {
            Sql.Add(command, "@max_id", mark.MaxRecordId);
            Sql.Add(command, "@first_open", mark.FirstOpenIngest);
        }

        var facts = new List<MarketFact>();
        var text = new TextCells();
        var sources = new List<string>();
        var metros = new List<string>();
        long id = -1;
        var maxId = since?.MaxRecordId ?? 0;
        MarketRow row = default;
        string? textKind = null;
        var appearances = 0;
        using (var scan = RowScan.Open(store, command))
        {
            while (scan.Read())
            {
                var next = scan.Int64(0);
                if (next != id)
                {
                    Flush();
                    cancellation.ThrowIfCancellationRequested();
                    id = next;
                    maxId = Math.Max(maxId, id);
                    row = ReadMarketRow(scan, text, first: 1);
                    textKind = text.Of(scan, 14);
                }

                if (text.Of(scan, 15) is { } source)
                {
                    appearances++;
                    if (!sources.Contains(source))
                    {
                        sources.Add(source);
                    }

                    if (text.Of(scan, 16) is { } metro && !metros.Contains(metro))
                    {
                        metros.Add(metro);
                    }
                }
            }
        }

        Flush();
        return (facts, new MarketWatermark(maxId, firstOpen, joined));

        void Flush()
        {
            if (id >= 0)
            {
                facts.Add(new MarketFact(id, row, textKind, sources.Count == 0 ? [] : [.. sources], metros.Count == 0 ? [] : [.. metros], appearances));
            }

            sources.Clear();
            metros.Clear();
            appearances = 0;
        }
    }

    // Records held before (id up to the watermark's) with an appearance from an ingest open then or started since, whose
    // number of appearances differs from the held one: they gained (or lost) an appearance since. Above this many the
    // list is not worth writing out: null, and the caller reads every record those ingests touched.
    private const int MaxListedChanges = 20_000;

    private static List<long>? ChangedAppearances(SkillStore store, MarketWatermark since, Func<long, int> heldAppearances, CancellationToken cancellation)
    {
        // No row joined a stored record since: none gained an appearance, and the count need not be read (that read is
        // what made each update during a long ingest cost as much as everything the ingest had written so far). Only on
        // SQLite, whose writers take turns: a PostgreSQL record id is drawn before its ingest commits, so a record below
        // the watermark may become visible later without any join, and only the count tells.
        if (!store.IsPostgres && JoinedSince(store, since.FirstOpenIngest) == since.Joined)
        {
            return [];
        }

        using var command = store.Command("""
            SELECT s.record_id, COUNT(*) FROM record_sources s
            WHERE s.record_id IN (SELECT record_id FROM record_sources WHERE ingest_id >= @first_open AND record_id <= @max_id)
            GROUP BY s.record_id
            """);
        Sql.Add(command, "@first_open", since.FirstOpenIngest);
        Sql.Add(command, "@max_id", since.MaxRecordId);
        var changed = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = Sql.Long(reader, 0);
            if (Sql.Long(reader, 1) != heldAppearances(id))
            {
                if (changed.Count == MaxListedChanges)
                {
                    return null;
                }

                changed.Add(id);
                cancellation.ThrowIfCancellationRequested();
            }
        }

        return changed;
    }

    // Rows joined to stored records by the ingests from this id on.
    private static long JoinedSince(SkillStore store, long firstIngest)
    {
        using var command = store.Command("SELECT COALESCE(SUM(merged), 0) FROM ingests WHERE id >= @first");
        Sql.Add(command, "@first", firstIngest);
        return Sql.Long(command.ExecuteScalar()!);
    }

    /// <summary>
    /// Whether an ingest from <paramref name="since"/>'s first open one on updated stored records in place (a re-fetched
    /// comment that was edited), which an update from that watermark would not see; runs from before such updates were
    /// counted say yes.
    /// </summary>
    public static bool UpdatedInPlaceSince(SkillStore store, MarketWatermark since)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var command = store.Command("SELECT COUNT(*) FROM ingests WHERE id >= @first_open AND (updated IS NULL OR updated > 0)");
        Sql.Add(command, "@first_open", since.FirstOpenIngest);
        return Sql.Long(command.ExecuteScalar()!) > 0;
    }

    /// <summary>Records matching <paramref name="filter"/> with (or without) a description.</summary>
    public static long CountRecords(SkillStore store, RecordFilter filter, bool withText)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        using var command = store.Command("");
        command.CommandText = $"SELECT COUNT(*) FROM records r WHERE {filter.ToSql(command)} AND r.description IS {(withText ? "NOT " : "")}NULL";
        return Sql.Long(command.ExecuteScalar()!);
    }

    /// <summary>
    /// Each skill named by the records matching <paramref name="filter"/> (in no set order), and how many of those records
    /// name at least one skill of each group <paramref name="groupOf"/> puts a skill in (null: none). One row per record:
    /// its packed skills (<see cref="SkillSets"/>), counted by ordinal into arrays; a row per skill (record_skills) was
    /// seventeen million rows at a million postings, 6 to 8 s on either engine.
    /// </summary>
    public static (List<SkillCount> Skills, Dictionary<string, long> Groups) SkillCounts(SkillStore store, RecordFilter filter, Func<string, string?> groupOf)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(groupOf);
        return SkillCountsOf(store, groupOf, read => ForEachSkillSet(store, filter, read));
    }

    /// <summary>
    /// The postings of <paramref name="all"/> by text kind ('none' for none: <see cref="FigureQueries.CountByTextKind"/>),
    /// and <see cref="SkillCounts"/> over those whose text kind is one of <paramref name="counted"/>. On PostgreSQL (when
    /// <paramref name="all"/> names no text kind itself) one read of the matching records gives both: each read of the
    /// records is a scan of the table there (at a million postings, most of the report's time on the server), and the
    /// text-kind count was one more.
    /// </summary>
    public static (Dictionary<string, long> ByTextKind, List<SkillCount> Skills, Dictionary<string, long> Groups) PostingSkillCounts(
        SkillStore store, RecordFilter all, IReadOnlyList<string> counted, Func<string, string?> groupOf)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentNullException.ThrowIfNull(groupOf);
        if (!store.IsPostgres || all.TextKinds.Count > 0)
        {
            var byKind = FigureQueries.CountByTextKind(store, all);
            var (skills, groups) = SkillCounts(store, all with { TextKinds = counted }, groupOf);
            return (byKind, skills, groups);
        }

        var byTextKind = new Dictionary<string, long>(StringComparer.Ordinal);
        var (counts, categories) = SkillCountsOf(store, groupOf, read =>
        {
            var ids = store.Command("");
            ids.CommandText = $"SELECT r.id, COALESCE(r.text_kind, 'none') FROM records r WHERE {all.ToSql(ids)}";
            var text = new TextCells();
            ReadSkillSets(store, ids, read, scan =>
            {
                var kind = text.Of(scan, 1)!;
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byTextKind, kind, out _)++;
                return counted.Contains(kind);
            });
        });
        return (byTextKind, counts, categories);
    }

    private static (List<SkillCount> Skills, Dictionary<string, long> Groups) SkillCountsOf(
        SkillStore store, Func<string, string?> groupOf, Action<SkillCellReader> forEachSkillSet)
    {
        var names = new SkillNames(store);
        var postings = new long[names.Count];
        var required = new long[names.Count];
        // Each ordinal's group (-1: none, int.MinValue: not looked up yet); a group is counted once per record by
        // remembering the last row counted in it.
        var groupOfOrdinal = new int[names.Count];
        Array.Fill(groupOfOrdinal, int.MinValue);
        var groupNames = new List<string>();
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupCounts = new List<long>();
        var groupLast = new List<long>();
        long row = 0;
        forEachSkillSet(cell =>
        {
            row++;
            for (var i = 0; i < cell.Length / 2; i++)
            {
                var (ordinal, isRequired) = SkillSets.Entry(cell, i);
                if (ordinal >= postings.Length)
                {
                    names.Cover(ordinal);
                    Grow(ref postings, names.Count);
                    Grow(ref required, names.Count);
                    var old = groupOfOrdinal.Length;
                    Grow(ref groupOfOrdinal, names.Count);
                    groupOfOrdinal.AsSpan(old).Fill(int.MinValue);
                }

                postings[ordinal]++;
                required[ordinal] += isRequired ? 1 : 0;
                var group = groupOfOrdinal[ordinal];
                if (group == int.MinValue)
                {
                    group = -1;
                    if (groupOf(names.Of(ordinal)) is { } name && !groupIndex.TryGetValue(name, out group))
                    {
                        groupIndex[name] = group = groupNames.Count;
                        groupNames.Add(name);
                        groupCounts.Add(0);
                        groupLast.Add(-1);
                    }

                    groupOfOrdinal[ordinal] = group;
                }

                if (group >= 0 && groupLast[group] != row)
                {
                    groupLast[group] = row;
                    groupCounts[group]++;
                }
            }
        });

        var groups = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var g = 0; g < groupNames.Count; g++)
        {
            if (groupCounts[g] > 0)
            {
                groups[groupNames[g]] = groupCounts[g];
            }
        }

        var skills = new List<SkillCount>();
        for (var o = 0; o < postings.Length; o++)
        {
            if (postings[o] > 0)
            {
                skills.Add(new SkillCount(names.Of(o), postings[o], required[o]));
            }
        }

        return (skills, groups);
    }

    private static void Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            Array.Resize(ref array, length);
        }
    }

    /// <summary>A packed skill cell, valid only during the call.</summary>
    internal delegate void SkillCellReader(ReadOnlySpan<byte> cell);

    /// <summary>
    /// Calls <paramref name="read"/> with the packed skills of each record matching <paramref name="filter"/> that names a
    /// skill, in id order on SQLite, in the table's order on PostgreSQL (callers count, in any order). Two sequential reads instead of a join: the matching ids into a bitmap (from ix_records_filter
    /// on SQLite), then every cell in their id range, skipping the others. A lookup of each matching id's cell by its key
    /// cost four times the two scans together on SQLite (0.08 s against 0.02 s per 100,000 postings).
    /// </summary>
    internal static void ForEachSkillSet(SkillStore store, RecordFilter filter, SkillCellReader read)
    {
        var ids = store.Command("");
        ids.CommandText = $"SELECT r.id FROM records r WHERE {filter.ToSql(ids)}";
        ReadSkillSets(store, ids, read, keep: null);
    }

    // The cells of the ids read by the command (column 0) that keep (given the scan at that row) keeps.
    private static void ReadSkillSets(SkillStore store, System.Data.Common.DbCommand ids, SkillCellReader read, Func<RowScan, bool>? keep)
    {
        var matching = new ulong[1024];
        long low = long.MaxValue, high = -1;
        using (var scan = RowScan.Open(store, ids))
        {
            while (scan.Read())
            {
                if (keep is not null && !keep(scan))
                {
                    continue;
                }

                var id = scan.Int64(0);
                if ((id >> 6) >= matching.Length)
                {
                    Array.Resize(ref matching, (int)Math.Max((id >> 6) + 1, matching.Length * 2L));
                }

                matching[id >> 6] |= 1UL << (int)(id & 63);
                low = Math.Min(low, id);
                high = Math.Max(high, id);
            }
        }

        if (high < 0)
        {
            return;
        }

        // SQLite reads its table in key order anyway; PostgreSQL need not sort or walk the key (the counts take any order).
        var cells = store.Command($"SELECT record_id, skills FROM record_skill_sets WHERE record_id BETWEEN @low AND @high{(store.IsPostgres ? "" : " ORDER BY record_id")}");
        Sql.Add(cells, "@low", low);
        Sql.Add(cells, "@high", high);
        using (var scan = RowScan.Open(store, cells))
        {
            while (scan.Read())
            {
                var id = scan.Int64(0);
                if ((matching[id >> 6] & (1UL << (int)(id & 63))) != 0)
                {
                    read(scan.Bytes(1));
                }
            }
        }
    }

    /// <summary>
    /// The packed skills (column 0) of the records matching <paramref name="filter"/> (and <paramref name="condition"/>),
    /// one row per record that names a skill, with <paramref name="columns"/> of <c>records r</c> after it.
    /// </summary>
    internal static RowScan SkillSetScan(SkillStore store, RecordFilter filter, string columns, string? condition = null)
    {
        var command = store.Command("");
        var where = filter.ToSql(command) + (condition is null ? "" : " AND " + condition);
        command.CommandText = $"SELECT p.skills, {columns} FROM records r JOIN record_skill_sets p ON p.record_id = r.id WHERE {where}";
        return RowScan.Open(store, command);
    }

    /// <summary>(record id, skill id) of the records matching <paramref name="filter"/>, grouped by record.</summary>
    public static IEnumerable<(long Record, string Skill)> RecordSkills(SkillStore store, RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        using var command = store.Command("");
        // The matching ids first (from ix_records_filter on SQLite), then their skills in key order: no sort, no row reads.
        command.CommandText = $"SELECT k.record_id, k.skill_id FROM record_skills k WHERE k.record_id IN (SELECT r.id FROM records r WHERE {filter.ToSql(command)}) ORDER BY k.record_id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetInt64(0), reader.GetString(1));
        }
    }

    /// <summary>The <paramref name="top"/> skills most often named with <paramref name="anchor"/> (ties by id).</summary>
    public static List<CoSkillCount> CoSkills(SkillStore store, RecordFilter filter, string anchor, int top)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(anchor);
        // One pass over the matching records' packed skills: each skill's postings, and its postings together with the
        // anchor's.
        var names = new SkillNames(store);
        var totals = new long[names.Count];
        var together = new long[names.Count];
        var anchorOrdinal = names.OrdinalOf(anchor);
        long anchorPostings = 0;
        ForEachSkillSet(store, filter, cell =>
        {
            var count = cell.Length / 2;
            var withAnchor = false;
            for (var i = 0; i < count; i++)
            {
                var (ordinal, _) = SkillSets.Entry(cell, i);
                if (ordinal >= totals.Length)
                {
                    names.Cover(ordinal);
                    Grow(ref totals, names.Count);
                    Grow(ref together, names.Count);
                }

                totals[ordinal]++;
                withAnchor |= ordinal == anchorOrdinal;
            }

            if (withAnchor)
            {
                anchorPostings++;
                for (var i = 0; i < count; i++)
                {
                    together[SkillSets.Entry(cell, i).Ordinal]++;
                }
            }
        });

        var rows = new List<CoSkillCount>();
        for (var o = 0; o < together.Length; o++)
        {
            if (together[o] > 0 && o != anchorOrdinal)
            {
                rows.Add(new CoSkillCount(names.Of(o), together[o], anchorPostings, totals[o]));
            }
        }

        rows.Sort((x, y) => x.Together != y.Together ? y.Together.CompareTo(x.Together) : string.CompareOrdinal(x.Skill, y.Skill));
        return rows.Count > top ? rows.GetRange(0, Math.Max(top, 0)) : rows;
    }
}

/// <summary>
/// Skill ids by ordinal for a read of packed skills. Read before the scan; a cell written after that (by an ingest
/// committing meanwhile) may hold an ordinal added since, so <see cref="Cover"/> reads them again, and finds it: its
/// cell was committed with or after it.
/// </summary>
internal sealed class SkillNames(SkillStore store)
{
    private string?[] names = SkillSets.Names(store);

    public int Count => names.Length;

    public void Cover(int ordinal)
    {
        names = SkillSets.Names(store);
        if (ordinal >= names.Length)
        {
            throw new InvalidOperationException($"skill ordinal {ordinal} is in record_skill_sets but not in skill_ordinals");
        }
    }

    public string Of(int ordinal)
    {
        if (names[ordinal] is null)
        {
            // On PostgreSQL ordinals are drawn before their transactions commit, so one can fill a gap read earlier.
            names = SkillSets.Names(store);
        }

        return names[ordinal] ?? throw new InvalidOperationException($"skill ordinal {ordinal} is in record_skill_sets but not in skill_ordinals");
    }

    /// <summary>The ordinal of <paramref name="skill"/>, or -1 when no record names it.</summary>
    public int OrdinalOf(string skill) => Array.IndexOf(names, skill);
}
