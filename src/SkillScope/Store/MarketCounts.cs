using System.Runtime.InteropServices;
using System.Text;

namespace SkillScope.Store;

/// <summary>
/// What the market report counts over the records matching a filter: records by kind, level, role, employment type,
/// arrangement, company and country; postings per metro over every appearance (a posting listed in several metros counts
/// once in each); the source appearances behind them; the period; flagged and undated records; and the usable salaries
/// (annual USD, not flagged) by kind and whether the source estimated them, in no set order.
/// </summary>
public sealed class MarketCounts
{
    public long Total { get; set; }
    public long Flagged { get; set; }
    public long Undated { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public Dictionary<string, long> Kinds { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Seniorities { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Roles { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> EmploymentTypes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> WorkArrangements { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Companies { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Countries { get; } = new(StringComparer.Ordinal);

    /// <summary>Usable salaries by (kind, estimated by the source).</summary>
    public Dictionary<(string Kind, bool Estimate), List<double>> Salaries { get; } = [];

    /// <summary>Source appearances (file rows) behind <see cref="Total"/>; asked for once the records have been counted.</summary>
    public required Func<long> SourceRows { get; init; }

    /// <summary>Postings per metro over every appearance; asked for once the records have been counted.</summary>
    public required Func<Dictionary<string, long>> Metros { get; init; }

    /// <summary>Counts one record (the in-memory path: a server's snapshot).</summary>
    public void Add(MarketRow row)
    {
        Total++;
        Count(Kinds, row.Kind);
        Count(Seniorities, row.Seniority);
        Count(Roles, row.Role);
        Count(EmploymentTypes, row.EmploymentType);
        Count(WorkArrangements, row.WorkArrangement);
        Count(Companies, row.Company);
        Count(Countries, row.Country);
        Flagged += row.SalaryFlagged ? 1 : 0;
        if (row.SalaryUsd is { } usd && !row.SalaryFlagged)
        {
            AddSalary(row.Kind, row.SalaryIsEstimate, usd);
        }

        if (row.PeriodStart is null && row.PeriodEnd is null)
        {
            Undated++;
        }

        if (row.PeriodStart is { } start && (From is null || string.CompareOrdinal(start, From) < 0))
        {
            From = start;
        }

        if (row.PeriodEnd is { } end && (To is null || string.CompareOrdinal(end, To) > 0))
        {
            To = end;
        }
    }

    private void AddSalary(string kind, bool estimate, double usd)
    {
        if (!Salaries.TryGetValue((kind, estimate), out var list))
        {
            Salaries[(kind, estimate)] = list = [];
        }

        list.Add(usd);
    }

    private static void Count(Dictionary<string, long> counts, string? key)
    {
        if (key is not null)
        {
            // One lookup per count: a server runs this for every record on each uncached report.
            CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
        }
    }

    /// <summary>
    /// The counts from the store, in two scans read in place: the matching records' market columns (on SQLite from
    /// ix_records_filter, which holds all of them since migration 9, so no record's text is read), counted by the UTF-8
    /// bytes of each cell (a string per distinct value, not per cell); then every appearance's (record, metro) in record
    /// order (ix_record_sources_metro), of which those of matching records give the appearances and the metros. At a
    /// million postings this reads about a tenth of what a scan of the records with their text reads, and replaces the
    /// two joins with record_sources that counted appearances and metros.
    /// </summary>
    public static MarketCounts Read(SkillStore store, RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        if (store.IsPostgres)
        {
            return ReadGrouped(store, filter);
        }

        var kinds = new Utf8Tally();
        var seniorities = new Utf8Tally();
        var roles = new Utf8Tally();
        var employment = new Utf8Tally();
        var arrangements = new Utf8Tally();
        var companies = new Utf8Tally();
        var countries = new Utf8Tally();
        var metros = new Utf8Tally();
        var starts = new Utf8Tally();
        var ends = new Utf8Tally();
        // Salaries by kind code and estimate flag (kind codes are few: two kinds).
        var salaries = new List<List<double>>();
        var metroOf = new IdMap();
        long total = 0, flagged = 0, undated = 0, appearances = 0;
        var byMetro = new Dictionary<string, long>(StringComparer.Ordinal);

        var command = store.Command("");
        command.CommandText = $"""
            SELECT r.id, r.kind, r.seniority, r.role, r.employment_type, r.work_arrangement, r.company, r.country, r.metro,
                CASE WHEN r.salary_flag IS NOT NULL THEN 1 WHEN r.salary_usd IS NULL THEN 0 WHEN r.salary_is_estimate <> 0 THEN 3 ELSE 2 END,
                r.salary_usd, r.period_start, r.period_end
            FROM records r WHERE {filter.ToSql(command)}
            """;
        using (var scan = RowScan.Open(store, command))
        {
            while (scan.Read())
            {
                total++;
                var kind = kinds.Add(scan, 1);
                seniorities.Add(scan, 2);
                roles.Add(scan, 3);
                employment.Add(scan, 4);
                arrangements.Add(scan, 5);
                companies.Add(scan, 6);
                countries.Add(scan, 7);
                metroOf.Set(scan.Int64(0), metros.Code(scan, 8));
                // 1: flagged; 2: a usable salary; 3: a usable salary the source estimated; 0: none.
                var pay = scan.Int64(9);
                if (pay == 1)
                {
                    flagged++;
                }
                else if (pay >= 2)
                {
                    var slot = (2 * kind) + (int)(pay - 2);
                    while (salaries.Count <= slot)
                    {
                        salaries.Add([]);
                    }

                    salaries[slot].Add(scan.Double(10));
                }

                var start = starts.Add(scan, 11);
                var end = ends.Add(scan, 12);
                if (start == Utf8Tally.Null && end == Utf8Tally.Null)
                {
                    undated++;
                }
            }
        }

        if (total > 0)
        {
            appearances = CountAppearances(store, metroOf, metros);
            metros.CopyTo(byMetro);
        }

        var counts = new MarketCounts
        {
            Total = total, Flagged = flagged, Undated = undated,
            From = starts.Values().Min(StringComparer.Ordinal),
            To = ends.Values().Max(StringComparer.Ordinal),
            SourceRows = () => appearances,
            Metros = () => byMetro,
        };
        kinds.CopyTo(counts.Kinds);
        seniorities.CopyTo(counts.Seniorities);
        roles.CopyTo(counts.Roles);
        employment.CopyTo(counts.EmploymentTypes);
        arrangements.CopyTo(counts.WorkArrangements);
        companies.CopyTo(counts.Companies);
        countries.CopyTo(counts.Countries);
        for (var slot = 0; slot < salaries.Count; slot++)
        {
            if (salaries[slot].Count > 0)
            {
                counts.Salaries[(kinds.Value(slot / 2)!, slot % 2 == 1)] = salaries[slot];
            }
        }

        return counts;
    }

    // Every appearance in record order: those of matching records (the ids metroOf holds, with their records' metro codes)
    // count, each record once per distinct metro (its appearance's own, else the record's), tallied in metros. Returns
    // the appearances of matching records.
    private static long CountAppearances(SkillStore store, IdMap metroOf, Utf8Tally metros)
    {
        long appearances = 0;
        using var sources = store.Command("SELECT s.record_id, s.metro FROM record_sources s ORDER BY s.record_id");
        using var scan = RowScan.Open(store, sources);
        long record = long.MinValue;
        var recordMetro = IdMap.Missing;
        var seen = new List<int>(4);
        while (scan.Read())
        {
            var id = scan.Int64(0);
            if (id != record)
            {
                record = id;
                recordMetro = metroOf.Get(id);
                seen.Clear();
            }

            if (recordMetro == IdMap.Missing)
            {
                continue;
            }

            appearances++;
            var metro = scan.IsNull(1) ? recordMetro : metros.Code(scan, 1);
            if (metro != Utf8Tally.Null && !seen.Contains(metro))
            {
                seen.Add(metro);
                metros.Tally(metro);
            }
        }

        return appearances;
    }

    /// <summary>
    /// The counts on PostgreSQL, grouped by the server: sending every matching record's thirteen columns cost the client a
    /// string per cell through Npgsql (most of the report's time at a million postings), while the server groups a
    /// scan's rows by each column in about the time it takes to send them. One statement groups the matching records by
    /// each counted column, by (kind, pay, annual USD) for the flagged count and the salaries (a value's count, expanded
    /// here), and by (start, end) for the period. Only the metros need a record's appearances: those come at the same time
    /// from a second session that reads the same snapshot (pg_export_snapshot; <see cref="SkillStore.OpenSnapshotSibling"/>),
    /// as one merge join of the appearances with their records sent by binary COPY (<see cref="ReadMetros"/>). Grouping sets
    /// run in one server process without parallel workers; the two sessions keep two processes (two cores) busy at once.
    /// </summary>
    private static MarketCounts ReadGrouped(SkillStore store, RecordFilter filter)
    {
        using var transaction = store.BeginReport()!;
        // The metros on a second session in the same snapshot, while this one groups: the grouping is one server process's
        // work (grouping sets get no parallel workers), the metros' reads are another's and the client's.
        var (sibling, siblingTransaction) = store.OpenSnapshotSibling(transaction);
        using var stop = new CancellationTokenSource();
        var metrosRead = Task.Run(() =>
        {
            using (sibling)
            using (sibling.InterruptOn(stop.Token))
            {
                return ReadMetros(sibling, siblingTransaction, filter);
            }
        });
        MarketCounts counts;
        try
        {
            counts = ReadGroups(store, transaction, filter, metrosRead);
        }
        catch
        {
            // Stop the other session's statement, and let it end, before this one's error goes up.
            stop.Cancel();
            try
            {
                metrosRead.Wait();
            }
            catch (AggregateException)
            {
                // Its own error (most likely the cancel) adds nothing to this one.
            }

            throw;
        }

        transaction.Commit();
        return counts;
    }

    // Every appearance of a matching record, in record order, with its metro (its own, else its record's): one merge
    // join of two index scans on the server, a million rows to the client (the records' (id, metro) and the appearances
    // read apart were two). Counted as CountAppearances counts: each appearance; each record once per distinct metro.
    private static (long Appearances, Dictionary<string, long> ByMetro) ReadMetros(SkillStore store, System.Data.Common.DbTransaction transaction, RecordFilter filter)
    {
        var metros = new Utf8Tally();
        long appearances = 0;
        var command = store.Command("", transaction);
        command.CommandText = $"""
            SELECT s.record_id, COALESCE(s.metro, r.metro)
            FROM records r JOIN record_sources s ON s.record_id = r.id
            WHERE {filter.ToSql(command)}
            ORDER BY s.record_id
            """;
        using (var scan = RowScan.OpenBulk(store, command))
        {
            long record = long.MinValue;
            var seen = new List<int>(4);
            while (scan.Read())
            {
                appearances++;
                var id = scan.Int64(0);
                if (id != record)
                {
                    record = id;
                    seen.Clear();
                }

                var metro = metros.Code(scan, 1);
                if (metro != Utf8Tally.Null && !seen.Contains(metro))
                {
                    seen.Add(metro);
                    metros.Tally(metro);
                }
            }
        }

        var byMetro = new Dictionary<string, long>(StringComparer.Ordinal);
        metros.CopyTo(byMetro);
        return (appearances, byMetro);
    }

    // The grouping statement, counted into a MarketCounts whose appearances and metros are those of metrosRead.
    private static MarketCounts ReadGroups(SkillStore store, System.Data.Common.DbTransaction transaction, RecordFilter filter,
        Task<(long Appearances, Dictionary<string, long> ByMetro)> metrosRead)
    {
        // Asked for once the records have been counted, when the other session has ended (MarketReport asks after Read).
        var counts = new MarketCounts { SourceRows = () => metrosRead.Result.Appearances, Metros = () => metrosRead.Result.ByMetro };
        var command = store.Command("", transaction);
        // Four groupings, each a hash table on the server: the six columns of few values together (a thousand or so
        // combinations, summed here per column; a table per column cost the server half as much again), company, (kind, pay,
        // annual USD) and (start, end). GROUPING(...) has a bit per column, the first the highest, set when the row's
        // grouping does not use it.
        command.CommandText = $"""
            SELECT GROUPING(r.kind, r.company, r.pay, r.period_start),
                r.kind, r.seniority, r.role, r.employment_type, r.work_arrangement, r.company, r.country, r.pay, r.salary_usd, r.period_start, r.period_end,
                COUNT(*)
            FROM (SELECT r.kind, r.seniority, r.role, r.employment_type, r.work_arrangement, r.company, r.country, r.salary_usd, r.period_start, r.period_end,
                    CASE WHEN r.salary_flag IS NOT NULL THEN 1 WHEN r.salary_usd IS NULL THEN 0 WHEN r.salary_is_estimate <> 0 THEN 3 ELSE 2 END AS pay
                FROM records r WHERE {filter.ToSql(command)}) r
            GROUP BY GROUPING SETS ((r.kind, r.seniority, r.role, r.employment_type, r.work_arrangement, r.country), (r.company),
                (r.kind, r.pay, r.salary_usd), (r.period_start, r.period_end))
            """;
        var text = new TextCells();
        // The combination's columns (result column, counts).
        (int Column, Dictionary<string, long> Counts)[] combined =
            [(1, counts.Kinds), (2, counts.Seniorities), (3, counts.Roles), (4, counts.EmploymentTypes), (5, counts.WorkArrangements), (7, counts.Countries)];
        using (var scan = RowScan.Open(store, command))
        {
            while (scan.Read())
            {
                var n = scan.Int64(12);
                switch (scan.Int64(0))
                {
                    case 0b0111:
                        counts.Total += n;
                        foreach (var (column, byValue) in combined)
                        {
                            if (text.Of(scan, column) is { } key)
                            {
                                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byValue, key, out _) += n;
                            }
                        }

                        break;
                    case 0b1011:
                        if (text.Of(scan, 6) is { } company)
                        {
                            counts.Companies[company] = n;
                        }

                        break;
                    case 0b0101:
                        // 1: flagged; 2: a usable salary; 3: a usable salary the source estimated; 0: none.
                        var pay = scan.Int64(8);
                        if (pay == 1)
                        {
                            counts.Flagged += n;
                        }
                        else if (pay >= 2)
                        {
                            var key = (text.Of(scan, 1)!, pay == 3);
                            if (!counts.Salaries.TryGetValue(key, out var list))
                            {
                                counts.Salaries[key] = list = [];
                            }

                            var usd = scan.Double(9);
                            for (var i = 0; i < n; i++)
                            {
                                list.Add(usd);
                            }
                        }

                        break;
                    default:
                        // (start, end): the period and the undated records.
                        var start = text.Of(scan, 10);
                        var end = text.Of(scan, 11);
                        if (start is null && end is null)
                        {
                            counts.Undated += n;
                        }

                        if (start is not null && (counts.From is null || string.CompareOrdinal(start, counts.From) < 0))
                        {
                            counts.From = start;
                        }

                        if (end is not null && (counts.To is null || string.CompareOrdinal(end, counts.To) > 0))
                        {
                            counts.To = end;
                        }

                        break;
                }
            }
        }

        // The other session's read ends here (its error, if any, goes up from this one).
        metrosRead.GetAwaiter().GetResult();
        return counts;
    }

    /// <summary>
    /// A text column's distinct values with a count per value, found by their UTF-8 bytes in an open-addressing table
    /// (a string is made once per distinct value, when it is first met; a cell costs a hash of its bytes and a compare).
    /// Rows from an index come sorted by its leading columns, so the last value read is compared first.
    /// </summary>
    private sealed class Utf8Tally
    {
        /// <summary>The code of NULL (never counted).</summary>
        public const int Null = -1;

        private readonly List<string> _values = [];
        private readonly List<long> _counts = [];
        // Slot = code + 1 (0: empty); each code's bytes at _starts[code] in _bytes, _lengths[code] long.
        private int[] _slots = new int[256];
        private byte[] _bytes = new byte[4096];
        private int _used;
        private readonly List<int> _starts = [];
        private readonly List<int> _lengths = [];
        private int _lastCode = Null;

        public int Count => _values.Count;

        /// <summary>Counts the cell and returns its code.</summary>
        public int Add(RowScan scan, int column)
        {
            var code = Code(scan, column);
            if (code != Null)
            {
                Tally(code);
            }

            return code;
        }

        /// <summary>Counts a value once more by its code.</summary>
        public void Tally(int code) => CollectionsMarshal.AsSpan(_counts)[code]++;

        /// <summary>The cell's code, without counting it.</summary>
        public int Code(RowScan scan, int column)
        {
            var bytes = scan.Utf8OrNull(column, out var isNull);
            if (isNull)
            {
                return Null;
            }

            if (_lastCode != Null && bytes.SequenceEqual(Bytes(_lastCode)))
            {
                return _lastCode;
            }

            var mask = _slots.Length - 1;
            for (var slot = (int)(Hash(bytes) & (uint)mask); ; slot = (slot + 1) & mask)
            {
                var entry = _slots[slot];
                if (entry == 0)
                {
                    _slots[slot] = Insert(bytes) + 1;
                    if (_values.Count * 2 > _slots.Length)
                    {
                        Grow();
                    }

                    return _lastCode = _values.Count - 1;
                }

                if (bytes.SequenceEqual(Bytes(entry - 1)))
                {
                    return _lastCode = entry - 1;
                }
            }
        }

        private ReadOnlySpan<byte> Bytes(int code) => _bytes.AsSpan(_starts[code], _lengths[code]);

        private int Insert(ReadOnlySpan<byte> bytes)
        {
            if (_used + bytes.Length > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_used + bytes.Length, _bytes.Length * 2));
            }

            bytes.CopyTo(_bytes.AsSpan(_used));
            _starts.Add(_used);
            _lengths.Add(bytes.Length);
            _used += bytes.Length;
            _values.Add(Encoding.UTF8.GetString(bytes));
            _counts.Add(0);
            return _values.Count - 1;
        }

        private void Grow()
        {
            _slots = new int[_slots.Length * 2];
            var mask = _slots.Length - 1;
            for (var code = 0; code < _values.Count; code++)
            {
                var slot = (int)(Hash(Bytes(code)) & (uint)mask);
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = code + 1;
            }
        }

        // Eight bytes at a time, multiplied and folded (the values are short: ids, dates, places, employers).
        private static uint Hash(ReadOnlySpan<byte> bytes)
        {
            var hash = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
            while (bytes.Length >= 8)
            {
                hash = (hash ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xFF51AFD7ED558CCDUL;
                hash ^= hash >> 32;
                bytes = bytes[8..];
            }

            ulong tail = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                tail |= (ulong)bytes[i] << (8 * i);
            }

            hash = (hash ^ tail) * 0xC4CEB9FE1A85EC53UL;
            return (uint)(hash ^ (hash >> 29) ^ (hash >> 47));
        }

        public string? Value(int code) => code == Null ? null : _values[code];

        /// <summary>Every value counted at least once.</summary>
        public IEnumerable<string> Values() => _values.Where((_, code) => _counts[code] > 0);

        public void CopyTo(Dictionary<string, long> counts)
        {
            for (var code = 0; code < _values.Count; code++)
            {
                if (_counts[code] > 0)
                {
                    // Added, not set: two byte sequences could decode to one string only if one were not UTF-8.
                    counts[_values[code]] = counts.GetValueOrDefault(_values[code]) + _counts[code];
                }
            }
        }
    }

    /// <summary>An int per record id: an array while ids stay small (they are dense rowids), a dictionary past that.</summary>
    private sealed class IdMap
    {
        public const int Missing = int.MinValue;
        private const long DenseLimit = 1L << 26;
        private int[] _dense = new int[1024];
        private Dictionary<long, int>? _sparse;

        public void Set(long id, int value)
        {
            if (id is >= 0 and < DenseLimit)
            {
                if (id >= _dense.Length)
                {
                    var grown = new int[Math.Max(id + 1, Math.Min(_dense.Length * 2L, DenseLimit))];
                    _dense.CopyTo(grown, 0);
                    _dense = grown;
                }

                // Stored plus two (values start at Utf8Tally.Null, -1): 0 is "no record".
                _dense[id] = value + 2;
                return;
            }

            (_sparse ??= [])[id] = value;
        }

        public int Get(long id) =>
            id is >= 0 and < DenseLimit ? (id < _dense.Length && _dense[id] != 0 ? _dense[id] - 2 : Missing)
            : _sparse is not null && _sparse.TryGetValue(id, out var value) ? value : Missing;
    }
}
