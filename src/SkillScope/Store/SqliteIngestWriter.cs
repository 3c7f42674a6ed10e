using System.Data.Common;
using Microsoft.Data.Sqlite;
using SkillScope.Model;

namespace SkillScope.Store;

/// <summary>
/// The write step on SQLite: prepared statements reused across rows, one transaction per batch. Embedded SQLite answers
/// a point lookup in microseconds, so each row is checked and written in turn (rows earlier in the batch are visible).
/// </summary>
internal sealed class SqliteIngestWriter : IIngestWriter
{
    private readonly SkillStore store;
    private readonly SqliteCommand existsSource;
    private readonly SqliteCommand existsQuarantine;
    private readonly SqliteCommand insertRecord;
    private readonly SqliteCommand findByKey;
    private readonly SqliteCommand insertSource;
    private readonly SqliteCommand insertSignature;
    private readonly SqliteCommand insertQuarantine;
    private readonly SqliteCommand insertSkills;
    private readonly SqliteCommand updateIngest;
    private long ingestId;

    public SqliteIngestWriter(SkillStore store)
    {
        this.store = store;
        existsSource = Prepare("SELECT 1 FROM record_sources WHERE identity = @identity", "@identity");
        existsQuarantine = Prepare("SELECT 1 FROM quarantine WHERE identity = @identity", "@identity");
        insertRecord = Prepare($"""
            INSERT INTO records({RecordColumns.List})
            VALUES ({RecordColumns.Parameters})
            ON CONFLICT(dedupe_key) DO NOTHING
            RETURNING id
            """, RecordColumns.ParameterNames);
        findByKey = Prepare("SELECT id FROM records WHERE dedupe_key = @key", "@key");
        insertSource = Prepare("""
            INSERT INTO record_sources(identity, record_id, source, source_id, file_sha256, position, ingest_id, extra, location_text, country, state, metro, city, posted)
            VALUES (@identity, @record, @source, @sourceId, @sha, @position, @ingest, @extra, @location, @country, @state, @metro, @city, @posted)
            """, "@identity", "@record", "@source", "@sourceId", "@sha", "@position", "@ingest", "@extra", "@location", "@country", "@state", "@metro", "@city", "@posted");
        insertSignature = Prepare("""
            INSERT INTO posting_signatures(record_id, block, shingles, prefix, posted, minhash) VALUES (@record, @block, @shingles, @prefix, @posted, @minhash)
            """, "@record", "@block", "@shingles", "@prefix", "@posted", "@minhash");
        insertQuarantine = Prepare("""
            INSERT INTO quarantine(identity, ingest_id, source, file_path, file_sha256, position, line, reason, raw)
            VALUES (@identity, @ingest, @source, @path, @sha, @position, @line, @reason, @raw)
            """, "@identity", "@ingest", "@source", "@path", "@sha", "@position", "@line", "@reason", "@raw");
        // One statement per posting: its skills go in as one JSON array, unpacked by SQLite's json_each.
        insertSkills = Prepare(SkillIndex.SqliteInsert("record_skills"), "@record", "@skills");
        updateIngest = Prepare("""
            UPDATE ingests SET rows_read = @read, stored = @stored, merged = @merged, skipped = @skipped,
                rejected = @rejected, flagged = @flagged WHERE id = @id
            """, "@read", "@stored", "@merged", "@skipped", "@rejected", "@flagged", "@id");
    }

    private string FilePath { get; set; } = "";

    public void BeginIngest(IngestStart start)
    {
        FilePath = start.FilePath;
        ingestId = IngestRuns.Begin(store, start);
    }

    private SqliteTransaction? batchTransaction;

    public void WriteBatch(IReadOnlyList<PendingRow> rows, IngestCounts counts)
    {
        using var transaction = (SqliteTransaction)store.Begin();
        batchTransaction = transaction;
        foreach (var command in (ReadOnlySpan<SqliteCommand>)[existsSource, existsQuarantine, insertRecord, findByKey, insertSource, insertSignature, insertQuarantine, insertSkills, updateIngest])
        {
            command.Transaction = transaction;
        }

        foreach (var row in rows)
        {
            Write(row, counts);
        }

        Run(updateIngest, counts.Read, counts.Stored, counts.Merged, counts.Skipped, counts.Rejected, counts.Flagged, ingestId);
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

        RecordColumns.Bind(insertRecord.Parameters, record, row.DedupeKey!, row.SourceName, row.TextKind);
        var recordId = insertRecord.ExecuteScalar() as long?;
        if (recordId is null)
        {
            if (isSurvey)
            {
                counts.Skipped++;
                return;
            }

            findByKey.Parameters[0].Value = row.DedupeKey;
            recordId = (long)findByKey.ExecuteScalar()!;
            counts.Merged++;
        }
        else
        {
            counts.Stored++;
            counts.Flagged += record.Salary is { Flag: not null } ? 1 : 0;
            if (row.Skills.Count > 0)
            {
                Run(insertSkills, recordId.Value, SkillIndex.ToJson(row.Skills));
            }

            if (row.Fingerprint is { } f)
            {
                Run(insertSignature, recordId.Value, f.Block, f.Shingles, f.Prefix, Sql.Date(f.Posted), f.SignatureBytes());
            }
        }

        Run(insertSource, row.Identity, recordId.Value, row.SourceName, record.SourceId, row.FileSha256, row.Source.Position, ingestId, StatedJson.Extra(record.Extra),
            record.LocationText, record.Country, record.State, record.Metro, record.City, Sql.Date(record.PeriodStart));
    }

    public void EndIngest(string status, DateTimeOffset finishedAt) => IngestRuns.End(store, ingestId, status, finishedAt);

    private static bool Exists(SqliteCommand command, string identity)
    {
        command.Parameters[0].Value = identity;
        return command.ExecuteScalar() is not null;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = (SqliteCommand)store.Command(sql);
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in (ReadOnlySpan<SqliteCommand>)[existsSource, existsQuarantine, insertRecord, findByKey, insertSource, insertSignature, insertQuarantine, insertSkills, updateIngest])
        {
            command.Dispose();
        }
    }
}

/// <summary>The <c>ingests</c> row of a run: begun before the first batch, ended after the last.</summary>
internal static class IngestRuns
{
    public static long Begin(SkillStore store, IngestStart start)
    {
        using var command = store.Command("""
            INSERT INTO ingests(file_path, file_sha256, bytes, format, source, encoding, started_at, status)
            VALUES (@path, @sha, @bytes, @format, @source, @encoding, @now, 'running') RETURNING id
            """);
        Sql.Add(command, "@path", start.FilePath);
        Sql.Add(command, "@sha", start.FileSha256);
        Sql.Add(command, "@bytes", start.Bytes);
        Sql.Add(command, "@format", start.Format);
        Sql.Add(command, "@source", start.Source);
        Sql.Add(command, "@encoding", start.Encoding);
        Sql.Add(command, "@now", IngestWriters.Timestamp(start.StartedAt));
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void End(SkillStore store, long ingestId, string status, DateTimeOffset finishedAt)
    {
        using var command = store.Command("UPDATE ingests SET status = @status, finished_at = @now WHERE id = @id");
        Sql.Add(command, "@status", status);
        Sql.Add(command, "@now", IngestWriters.Timestamp(finishedAt));
        Sql.Add(command, "@id", ingestId);
        command.ExecuteNonQuery();
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

    public static void Bind(DbParameterCollection parameters, JobRecord record, string key, string source, string textKind)
    {
        var values = Values(record, key, source, textKind);
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
