using System.Data.Common;
using SkillScope.Model;

namespace SkillScope.Store;

/// <summary>
/// The write step on SQLite: statements prepared once and run through SQLite's C API (<see cref="SqliteStatement"/>),
/// parameters bound by position, one transaction per batch. Embedded SQLite answers a point lookup in microseconds, so
/// each row is checked and written in turn (rows earlier in the batch are visible).
/// </summary>
internal sealed class SqliteIngestWriter : IIngestWriter
{
    private readonly SkillStore store;
    private readonly SqliteStatement existsSource;
    private readonly SqliteStatement existsQuarantine;
    private readonly SqliteStatement insertRecord;
    private readonly SqliteStatement findByKey;
    private readonly SqliteStatement insertSource;
    private readonly SqliteStatement insertSignature;
    private readonly SqliteStatement insertQuarantine;
    private readonly SqliteStatement insertSkills;
    private readonly SqliteStatement insertSkillSet;
    private readonly SqliteStatement updateIngest;
    private long ingestId;

    public SqliteIngestWriter(SkillStore store)
    {
        this.store = store;
        existsSource = new(store, "SELECT 1 FROM record_sources WHERE identity = @identity");
        existsQuarantine = new(store, "SELECT 1 FROM quarantine WHERE identity = @identity");
        insertRecord = new(store, $"""
            INSERT INTO records({RecordColumns.List})
            VALUES ({RecordColumns.Parameters})
            ON CONFLICT(dedupe_key) DO NOTHING
            """);
        findByKey = new(store, "SELECT id FROM records WHERE dedupe_key = @key");
        insertSource = new(store, """
            INSERT INTO record_sources(identity, record_id, source, source_id, file_sha256, position, ingest_id, extra, location_text, country, state, metro, city, posted)
            VALUES (@identity, @record, @source, @sourceId, @sha, @position, @ingest, @extra, @location, @country, @state, @metro, @city, @posted)
            """);
        insertSignature = new(store, """
            INSERT INTO posting_signatures(record_id, block, shingles, prefix, posted, minhash) VALUES (@record, @block, @shingles, @prefix, @posted, @minhash)
            """);
        insertQuarantine = new(store, """
            INSERT INTO quarantine(identity, ingest_id, source, file_path, file_sha256, position, line, reason, raw)
            VALUES (@identity, @ingest, @source, @path, @sha, @position, @line, @reason, @raw)
            """);
        // One statement per posting: its skills go in as one JSON array, unpacked by SQLite's json_each.
        insertSkills = new(store, SkillIndex.SqliteInsert("record_skills"));
        insertSkillSet = new(store, SkillIndex.SqliteInsertSet("record_skill_sets"));
        updateIngest = new(store, """
            UPDATE ingests SET rows_read = @read, stored = @stored, merged = @merged, skipped = @skipped,
                rejected = @rejected, flagged = @flagged, updated = @updated, ignored = @ignored, ignored_reasons = @reasons WHERE id = @id
            """);
    }

    private string FilePath { get; set; } = "";

    public void BeginIngest(IngestStart start)
    {
        FilePath = start.FilePath;
        ingestId = IngestRuns.Begin(store, start);
    }

    private DbTransaction? batchTransaction;
    private SkillOrdinals? ordinals;

    public void WriteBatch(IReadOnlyList<PendingRow> rows, IngestCounts counts)
    {
        using var transaction = store.Begin();
        batchTransaction = transaction;
        ordinals = new SkillOrdinals(store, transaction);
        foreach (var row in rows)
        {
            Write(row, counts);
        }

        Run(updateIngest, counts.Read, counts.Stored, counts.Merged, counts.Skipped, counts.Rejected, counts.Flagged,
            counts.Updated, counts.Ignored, IngestRuns.ReasonsJson(counts.IgnoredReasons), ingestId);
        transaction.Commit();
    }

    private void Write(PendingRow row, IngestCounts counts)
    {
        if (row.Record is not { } record)
        {
            if (Exists(existsQuarantine, row.Identity) || Exists(existsSource, row.Identity))
            {
                counts.Skipped++;
                return;
            }

            Run(insertQuarantine, row.Identity, ingestId, row.SourceName, FilePath, row.FileSha256, row.Source.Position, row.Source.Line, row.Error, row.Source.RawText);
            counts.Rejected++;
            return;
        }

        // A survey row's dedupe key is its identity, so the insert's conflict already tells it was stored.
        var isSurvey = record.Kind == RecordKinds.SalaryReport;
        if (!isSurvey && Exists(existsSource, row.Identity))
        {
            if (RecordRevisions.IsRevision(row) && RecordRevisions.Revise(store, batchTransaction!, row))
            {
                counts.Updated++;
                return;
            }

            counts.Skipped++;
            return;
        }

        RecordColumns.Bind(insertRecord, record, row.DedupeKey!, row.SourceName, row.TextKind);
        var recordId = insertRecord.Insert();
        if (recordId is null)
        {
            if (isSurvey)
            {
                counts.Skipped++;
                return;
            }

            findByKey.Bind(1, row.DedupeKey);
            recordId = findByKey.Scalar() ?? throw new InvalidOperationException($"record {row.DedupeKey} conflicted but is not stored");
            counts.Merged++;
        }
        else
        {
            counts.Stored++;
            counts.Flagged += record.Salary is { Flag: not null } ? 1 : 0;
            if (row.Skills.Count > 0)
            {
                Run(insertSkills, recordId.Value, SkillIndex.ToJson(row.Skills));
                Run(insertSkillSet, recordId.Value, ordinals!.Pack(row.Skills));
            }

            if (row.Fingerprint is { } f)
            {
                Run(insertSignature, recordId.Value, f.Block, f.Shingles, f.Prefix, Sql.Date(f.Posted), f.SignatureBytes());
                row.SignatureWritten = true;
            }
        }

        // Bound by type, in the statement's order (no boxing per row).
        insertSource.Bind(1, row.Identity);
        insertSource.Bind(2, recordId.Value);
        insertSource.Bind(3, row.SourceName);
        insertSource.Bind(4, record.SourceId);
        insertSource.Bind(5, row.FileSha256);
        insertSource.Bind(6, row.Source.Position);
        insertSource.Bind(7, ingestId);
        insertSource.Bind(8, StatedJson.Extra(record.Extra));
        insertSource.Bind(9, record.LocationText);
        insertSource.Bind(10, record.Country);
        insertSource.Bind(11, record.State);
        insertSource.Bind(12, record.Metro);
        insertSource.Bind(13, record.City);
        insertSource.Bind(14, record.PeriodStart);
        insertSource.Run();
    }

    public void EndIngest(string status, DateTimeOffset finishedAt, string? note) => IngestRuns.End(store, ingestId, status, finishedAt, note);

    private static bool Exists(SqliteStatement statement, string identity)
    {
        statement.Bind(1, identity);
        return statement.Scalar() is not null;
    }

    private static void Run(SqliteStatement statement, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            statement.Bind(i + 1, values[i]);
        }

        statement.Run();
    }

    public void Dispose()
    {
        foreach (var statement in (ReadOnlySpan<SqliteStatement>)[existsSource, existsQuarantine, insertRecord, findByKey, insertSource, insertSignature, insertQuarantine, insertSkills, insertSkillSet, updateIngest])
        {
            statement.Dispose();
        }
    }
}

/// <summary>The stored columns of a record, in one order shared by both engines' writers.</summary>
internal static class RecordColumns
{
    public const string List = """
        kind, dedupe_key, title, company, location_text, description, period_start, period_end,
        role, seniority, years_required_min, employment_type, work_arrangement, country, state, metro, city, company_size,
        salary_min, salary_max, salary_currency, salary_period, salary_usd_min, salary_usd_max, salary_usd, salary_is_estimate, salary_flag,
        stated_skills, source, text_kind
        """;

    public static readonly string[] ParameterNames =
    [
        "@kind", "@key", "@title", "@company", "@location", "@description", "@start", "@end",
        "@role", "@seniority", "@years", "@employment", "@arrangement", "@country", "@state", "@metro", "@city", "@size",
        "@smin", "@smax", "@currency", "@period", "@umin", "@umax", "@usd", "@estimate", "@flag",
        "@stated", "@source", "@textKind",
    ];

    public static string Parameters => string.Join(", ", ParameterNames);

    /// <summary>The values of <see cref="List"/> for a record, in order.</summary>
    public static object?[] Values(JobRecord r, string key, string source, string textKind)
    {
        var s = r.Salary;
        return
        [
            r.Kind, key, r.Title, r.Company, r.LocationText, r.Description, Sql.Date(r.PeriodStart), Sql.Date(r.PeriodEnd),
            r.Role, r.Seniority, r.YearsRequiredMin, r.EmploymentType, r.WorkArrangement, r.Country, r.State, r.Metro, r.City, r.CompanySize,
            s?.Min, s?.Max, s?.Currency, s?.Period, s?.UsdMin, s?.UsdMax, s?.UsdAnnual, s?.IsEstimate == true ? 1 : 0, s?.Flag,
            StatedJson.Skills(r.StatedSkills), source, textKind,
        ];
    }

    /// <summary>
    /// Binds <see cref="Values"/> to SQLite's insert, whose parameters are <see cref="ParameterNames"/> in order: the same
    /// values, bound by type without an array of boxed values per row (keep the two in step).
    /// </summary>
    public static void Bind(SqliteStatement statement, JobRecord r, string key, string source, string textKind)
    {
        if (statement.ParameterCount != ParameterNames.Length)
        {
            throw new InvalidOperationException($"the records insert has {statement.ParameterCount} parameters for {ParameterNames.Length} columns");
        }

        var s = r.Salary;
        var i = 0;
        statement.Bind(++i, r.Kind);
        statement.Bind(++i, key);
        statement.Bind(++i, r.Title);
        statement.Bind(++i, r.Company);
        statement.Bind(++i, r.LocationText);
        statement.Bind(++i, r.Description);
        statement.Bind(++i, r.PeriodStart);
        statement.Bind(++i, r.PeriodEnd);
        statement.Bind(++i, r.Role);
        statement.Bind(++i, r.Seniority);
        statement.Bind(++i, (long?)r.YearsRequiredMin);
        statement.Bind(++i, r.EmploymentType);
        statement.Bind(++i, r.WorkArrangement);
        statement.Bind(++i, r.Country);
        statement.Bind(++i, r.State);
        statement.Bind(++i, r.Metro);
        statement.Bind(++i, r.City);
        statement.Bind(++i, r.CompanySize);
        statement.Bind(++i, s?.Min);
        statement.Bind(++i, s?.Max);
        statement.Bind(++i, s?.Currency);
        statement.Bind(++i, s?.Period);
        statement.Bind(++i, s?.UsdMin);
        statement.Bind(++i, s?.UsdMax);
        statement.Bind(++i, s?.UsdAnnual);
        statement.Bind(++i, s?.IsEstimate == true ? 1L : 0L);
        statement.Bind(++i, s?.Flag);
        statement.Bind(++i, StatedJson.Skills(r.StatedSkills));
        statement.Bind(++i, source);
        statement.Bind(++i, textKind);
    }
}
