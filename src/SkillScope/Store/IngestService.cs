using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using SkillScope.Ingest;
using SkillScope.Model;
using SkillScope.Normalize;

namespace SkillScope.Store;

public sealed record IngestOptions
{
    /// <summary>A format name from <see cref="FormatRegistry"/>, or null / "auto" to detect by content.</summary>
    public string? Format { get; init; }
    public string? Source { get; init; }
    public IReadOnlyDictionary<string, string>? ColumnMapping { get; init; }
    /// <summary>Rows per transaction: an interruption loses at most this many uncommitted rows, never consistency.</summary>
    public int BatchSize { get; init; } = 5_000;
}

/// <summary>What one file's ingest did. Read = Stored + Merged + Skipped + Rejected + Updated + Ignored.</summary>
/// <param name="Merged">Postings already stored from another file or board: recorded as a further source of that job.</param>
/// <param name="Skipped">Rows this store already holds from an earlier ingest of the same content.</param>
/// <param name="Flagged">Stored rows whose salary is flagged (implausible, unparsed) and left out of statistics.</param>
/// <param name="Updated">Stored records whose source edited them since (same id, other content): updated in place.</param>
/// <param name="Ignored">Rows that are not records (a reply in a "Who is hiring?" thread): neither stored nor quarantined.</param>
/// <param name="IgnoredReasons">How many rows were ignored for each reason.</param>
public sealed record IngestSummary(
    string File, string Format, string Source, string Encoding,
    long Read, long Stored, long Merged, long Skipped, long Rejected, long Flagged, bool Interrupted,
    long Updated = 0, long Ignored = 0, IReadOnlyDictionary<string, long>? IgnoredReasons = null)
{
    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{File}: {Read:N0} read, {Stored:N0} stored, {Merged:N0} duplicates merged, {Skipped:N0} already stored, {Rejected:N0} rejected (see 'skillscope quarantine'), {Flagged:N0} salaries flagged{Extra()} [{Format}, {Encoding}]{(Interrupted ? " - INTERRUPTED: run the same command again to complete" : "")}");

    private string Extra()
    {
        var updated = Updated > 0 ? string.Create(CultureInfo.InvariantCulture, $", {Updated:N0} updated (edited at the source)") : "";
        if (Ignored == 0)
        {
            return updated;
        }

        var reasons = IgnoredReasons is { Count: > 0 }
            ? " (" + string.Join("; ", IgnoredReasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Value:N0} {r.Key}"))) + ")"
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"{updated}, {Ignored:N0} not records, skipped{reasons}");
    }
}

/// <summary>
/// Reads a file, normalizes each row and stores it: idempotent (row identities), duplicate postings
/// merged, bad rows quarantined, committed in batches so an interrupted run leaves the store consistent.
/// </summary>
public sealed class IngestService(SkillStore store, FxRates rates, TimeProvider time)
{
    /// <summary>Hook for later stages (skill extraction) to store derived rows in the same transaction.</summary>
    public Action<SqliteTransaction, long, JobRecord>? OnRecordStored { get; init; }

    public IngestSummary Ingest(string path, IngestOptions options, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = TextDecoding.Inspect(path);
        var format = FormatRegistry.Resolve(FormatRegistry.Probe(file), options.Format, options.ColumnMapping);
        var source = string.IsNullOrWhiteSpace(options.Source) ? format.DefaultSource : options.Source.Trim();
        var context = new FormatContext(path) { ColumnMapping = options.ColumnMapping };

        using var writer = new BatchWriter(store.Connection, source, file) { OnRecordStored = OnRecordStored };
        writer.BeginIngest(format.Name, time.GetUtcNow());
        long read = 0, stored = 0, merged = 0, skipped = 0, rejected = 0, flagged = 0, updated = 0, ignored = 0;
        var ignoredReasons = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var interrupted = false;
        using var text = TextDecoding.Open(file);
        var stream = (text as StreamReader)?.BaseStream;
        foreach (var row in format.Read(text, context))
        {
            read++;
            if (row.Ignored)
            {
                ignored++;
                var reason = row.Error ?? "not a record";
                ignoredReasons[reason] = ignoredReasons.GetValueOrDefault(reason) + 1;
                continue;
            }

            switch (writer.Write(row, rates))
            {
                case WriteOutcome.Stored: stored++; break;
                case WriteOutcome.StoredFlagged: stored++; flagged++; break;
                case WriteOutcome.Merged: merged++; break;
                case WriteOutcome.Skipped: skipped++; break;
                case WriteOutcome.Rejected: rejected++; break;
                case WriteOutcome.Updated: updated++; break;
            }

            // A cancelled run keeps what it has read: the open batch is committed whole, then the run stops.
            if (cancellation.IsCancellationRequested)
            {
                interrupted = true;
                break;
            }

            if (writer.PendingRows >= options.BatchSize)
            {
                writer.Commit(read, stored, merged, skipped, rejected, flagged);
                if (stream is { CanSeek: true, Length: > 0 })
                {
                    progress?.Report((double)stream.Position / stream.Length);
                }
            }
        }

        writer.Commit(read, stored, merged, skipped, rejected, flagged);
        writer.EndIngest(interrupted ? "interrupted" : "completed", time.GetUtcNow());
        progress?.Report(1);
        return new IngestSummary(path, format.Name, source, file.EncodingName, read, stored, merged, skipped, rejected, flagged, interrupted,
            updated, ignored, ignoredReasons);
    }

    private enum WriteOutcome { Stored, StoredFlagged, Merged, Skipped, Rejected, Updated }

    /// <summary>Prepared statements reused across rows; one open transaction per batch.</summary>
    private sealed class BatchWriter : IDisposable
    {
        private readonly SqliteConnection connection;
        private readonly string source;
        private readonly DecodedFile file;
        private readonly SqliteCommand existsSource;
        private readonly SqliteCommand existsQuarantine;
        private readonly SqliteCommand insertRecord;
        private readonly SqliteCommand findByKey;
        private readonly SqliteCommand insertSource;
        private readonly SqliteCommand insertQuarantine;
        private readonly SqliteCommand updateIngest;
        private SqliteTransaction? transaction;
        private long ingestId;

        public BatchWriter(SqliteConnection connection, string source, DecodedFile file)
        {
            this.connection = connection;
            this.source = source;
            this.file = file;
            existsSource = Prepare("SELECT 1 FROM record_sources WHERE identity = $identity", "$identity");
            existsQuarantine = Prepare("SELECT 1 FROM quarantine WHERE identity = $identity", "$identity");
            insertRecord = Prepare("""
                INSERT INTO records(kind, dedupe_key, title, company, location_text, description, period_start, period_end,
                    role, seniority, years_required_min, employment_type, work_arrangement, country, state, metro, city, company_size,
                    salary_min, salary_max, salary_currency, salary_period, salary_usd_min, salary_usd_max, salary_usd, salary_is_estimate, salary_flag)
                VALUES ($kind, $key, $title, $company, $location, $description, $start, $end,
                    $role, $seniority, $years, $employment, $arrangement, $country, $state, $metro, $city, $size,
                    $smin, $smax, $currency, $period, $umin, $umax, $usd, $estimate, $flag)
                ON CONFLICT(dedupe_key) DO NOTHING
                RETURNING id
                """,
                "$kind", "$key", "$title", "$company", "$location", "$description", "$start", "$end",
                "$role", "$seniority", "$years", "$employment", "$arrangement", "$country", "$state", "$metro", "$city", "$size",
                "$smin", "$smax", "$currency", "$period", "$umin", "$umax", "$usd", "$estimate", "$flag");
            findByKey = Prepare("SELECT id FROM records WHERE dedupe_key = $key", "$key");
            insertSource = Prepare("""
                INSERT INTO record_sources(identity, record_id, source, source_id, file_sha256, position, ingest_id)
                VALUES ($identity, $record, $source, $sourceId, $sha, $position, $ingest)
                """, "$identity", "$record", "$source", "$sourceId", "$sha", "$position", "$ingest");
            insertQuarantine = Prepare("""
                INSERT INTO quarantine(identity, ingest_id, source, file_path, file_sha256, position, line, reason, raw)
                VALUES ($identity, $ingest, $source, $path, $sha, $position, $line, $reason, $raw)
                """, "$identity", "$ingest", "$source", "$path", "$sha", "$position", "$line", "$reason", "$raw");
            updateIngest = Prepare("""
                UPDATE ingests SET rows_read = $read, stored = $stored, merged = $merged, skipped = $skipped,
                    rejected = $rejected, flagged = $flagged WHERE id = $id
                """, "$read", "$stored", "$merged", "$skipped", "$rejected", "$flagged", "$id");
        }

        public int PendingRows { get; private set; }

        public Action<SqliteTransaction, long, JobRecord>? OnRecordStored { get; init; }

        public void BeginIngest(string format, DateTimeOffset now)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO ingests(file_path, file_sha256, bytes, format, source, encoding, started_at, status)
                VALUES ($path, $sha, $bytes, $format, $source, $encoding, $now, 'running') RETURNING id
                """;
            command.Parameters.AddWithValue("$path", Path.GetFullPath(file.Path));
            command.Parameters.AddWithValue("$sha", file.Sha256Hex);
            command.Parameters.AddWithValue("$bytes", file.Bytes);
            command.Parameters.AddWithValue("$format", format);
            command.Parameters.AddWithValue("$source", source);
            command.Parameters.AddWithValue("$encoding", file.EncodingName);
            command.Parameters.AddWithValue("$now", now.ToString("O", CultureInfo.InvariantCulture));
            ingestId = (long)command.ExecuteScalar()!;
        }

        public WriteOutcome Write(SourceRow row, FxRates rates)
        {
            transaction ??= Begin();
            PendingRows++;
            var record = row.Record;
            string? error = row.Error;
            JobRecord? normalized = null;
            if (record is not null)
            {
                var result = RecordNormalizer.Normalize(record, rates);
                normalized = result.Record;
                error = result.Error;
            }

            var identity = Identity(record?.SourceId, row.Position);
            if (normalized is null)
            {
                if (Exists(existsQuarantine, identity) || Exists(existsSource, identity))
                {
                    return WriteOutcome.Skipped;
                }

                Run(insertQuarantine, identity, ingestId, source, Path.GetFullPath(file.Path), file.Sha256Hex, row.Position, row.Line,
                    error ?? "unreadable record", row.RawText);
                return WriteOutcome.Rejected;
            }

            // A survey row's dedupe key is its identity, so the insert's conflict already tells it was stored.
            var isSurvey = normalized.Kind == RecordKinds.SalaryReport;
            if (!isSurvey && Exists(existsSource, identity))
            {
                return record!.Revisable && normalized.SourceId is not null ? Revise(identity, normalized) : WriteOutcome.Skipped;
            }

            var key = DedupeKey(normalized, identity);
            var recordId = InsertRecord(normalized, key);
            var outcome = WriteOutcome.Merged;
            if (recordId is null)
            {
                if (isSurvey)
                {
                    return WriteOutcome.Skipped;
                }

                findByKey.Parameters[0].Value = key;
                recordId = (long)findByKey.ExecuteScalar()!;
            }
            else
            {
                outcome = normalized.Salary is { Flag: not null } ? WriteOutcome.StoredFlagged : WriteOutcome.Stored;
                OnRecordStored?.Invoke(transaction, recordId.Value, normalized);
            }

            Run(insertSource, identity, recordId.Value, source, (object?)normalized.SourceId ?? DBNull.Value, file.Sha256Hex, row.Position, ingestId);
            return outcome;
        }

        /// <summary>
        /// A record its source lets authors edit (an HN comment) read again: unchanged content is skipped; changed
        /// content replaces the stored fields and skills of the record this identity points to.
        /// </summary>
        private WriteOutcome Revise(string identity, JobRecord normalized)
        {
            using var find = connection.CreateCommand();
            find.Transaction = transaction;
            find.CommandText = "SELECT r.id, r.dedupe_key FROM record_sources s JOIN records r ON r.id = s.record_id WHERE s.identity = $identity";
            find.Parameters.AddWithValue("$identity", identity);
            long id;
            string storedKey;
            using (var reader = find.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return WriteOutcome.Skipped;
                }

                id = reader.GetInt64(0);
                storedKey = reader.GetString(1);
            }

            var key = DedupeKey(normalized, identity);
            if (key == storedKey)
            {
                return WriteOutcome.Skipped;
            }

            findByKey.Parameters[0].Value = key;
            if (findByKey.ExecuteScalar() is not null)
            {
                // The edited text equals another stored record: keep both as they are.
                return WriteOutcome.Skipped;
            }

            var r = normalized;
            var s = r.Salary;
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE records SET dedupe_key = $key, title = $title, company = $company, location_text = $location, description = $description,
                    period_start = $start, period_end = $end, role = $role, seniority = $seniority, years_required_min = $years,
                    employment_type = $employment, work_arrangement = $arrangement, country = $country, state = $state, metro = $metro,
                    city = $city, company_size = $size, salary_min = $smin, salary_max = $smax, salary_currency = $currency,
                    salary_period = $period, salary_usd_min = $umin, salary_usd_max = $umax, salary_usd = $usd,
                    salary_is_estimate = $estimate, salary_flag = $flag
                WHERE id = $id
                """;
            foreach (var (name, value) in (ReadOnlySpan<(string, object?)>)[
                ("$key", key), ("$title", r.Title), ("$company", r.Company), ("$location", r.LocationText), ("$description", r.Description),
                ("$start", Date(r.PeriodStart)), ("$end", Date(r.PeriodEnd)), ("$role", r.Role), ("$seniority", r.Seniority),
                ("$years", r.YearsRequiredMin), ("$employment", r.EmploymentType), ("$arrangement", r.WorkArrangement),
                ("$country", r.Country), ("$state", r.State), ("$metro", r.Metro), ("$city", r.City), ("$size", r.CompanySize),
                ("$smin", s?.Min), ("$smax", s?.Max), ("$currency", s?.Currency), ("$period", s?.Period), ("$umin", s?.UsdMin),
                ("$umax", s?.UsdMax), ("$usd", s?.UsdAnnual), ("$estimate", s?.IsEstimate == true ? 1 : 0), ("$flag", s?.Flag), ("$id", id)])
            {
                update.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            update.ExecuteNonQuery();
            using var forget = connection.CreateCommand();
            forget.Transaction = transaction;
            forget.CommandText = "DELETE FROM record_skills WHERE record_id = $id";
            forget.Parameters.AddWithValue("$id", id);
            forget.ExecuteNonQuery();
            OnRecordStored?.Invoke(transaction!, id, normalized);
            return WriteOutcome.Updated;
        }

        public void Commit(long read, long stored, long merged, long skipped, long rejected, long flagged)
        {
            transaction ??= Begin();
            Run(updateIngest, read, stored, merged, skipped, rejected, flagged, ingestId);
            transaction.Commit();
            transaction.Dispose();
            transaction = null;
            PendingRows = 0;
        }

        public void EndIngest(string status, DateTimeOffset now)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE ingests SET status = $status, finished_at = $now WHERE id = $id";
            command.Parameters.AddWithValue("$status", status);
            command.Parameters.AddWithValue("$now", now.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$id", ingestId);
            command.ExecuteNonQuery();
        }

        // Stable across paths and names: the source's own id where the record has one, else the file's
        // content hash and the record's position in it.
        private string Identity(string? sourceId, long position) =>
            string.IsNullOrWhiteSpace(sourceId)
                ? string.Create(CultureInfo.InvariantCulture, $"file:{file.Sha256Hex}:{position}")
                : $"id:{source}:{sourceId.Trim()}";

        // Salary responses are never merged: each is its own key. Postings merge on normalized
        // company + title + location + description; a posting with an id but no text cannot be proven
        // a duplicate of another, so it keeps its own key.
        private static string DedupeKey(JobRecord record, string identity)
        {
            if (record.Kind == RecordKinds.SalaryReport || (record.Description is null && record.SourceId is not null))
            {
                return identity;
            }

            var builder = new StringBuilder(256 + (record.Description?.Length ?? 0));
            foreach (var part in (ReadOnlySpan<string?>)[record.Company, record.Title, record.LocationText, record.Description])
            {
                AppendNormalized(builder, part);
                builder.Append('\u001f');
            }

            return "posting:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
        }

        private static void AppendNormalized(StringBuilder builder, string? text)
        {
            var pendingSpace = false;
            foreach (var c in text ?? "")
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = builder.Length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                builder.Append(char.ToLowerInvariant(c));
            }
        }

        private long? InsertRecord(JobRecord r, string key)
        {
            var s = r.Salary;
            var values = insertRecord.Parameters;
            Set(values, 0, r.Kind); Set(values, 1, key); Set(values, 2, r.Title); Set(values, 3, r.Company);
            Set(values, 4, r.LocationText); Set(values, 5, r.Description); Set(values, 6, Date(r.PeriodStart)); Set(values, 7, Date(r.PeriodEnd));
            Set(values, 8, r.Role); Set(values, 9, r.Seniority); Set(values, 10, r.YearsRequiredMin); Set(values, 11, r.EmploymentType);
            Set(values, 12, r.WorkArrangement); Set(values, 13, r.Country); Set(values, 14, r.State); Set(values, 15, r.Metro);
            Set(values, 16, r.City); Set(values, 17, r.CompanySize);
            Set(values, 18, s?.Min); Set(values, 19, s?.Max); Set(values, 20, s?.Currency); Set(values, 21, s?.Period);
            Set(values, 22, s?.UsdMin); Set(values, 23, s?.UsdMax); Set(values, 24, s?.UsdAnnual); Set(values, 25, s?.IsEstimate == true ? 1 : 0);
            Set(values, 26, s?.Flag);
            var id = insertRecord.ExecuteScalar();
            return id is long value ? value : null;
        }

        private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static void Set(SqliteParameterCollection values, int index, object? value) => values[index].Value = value ?? DBNull.Value;

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

        private SqliteTransaction Begin()
        {
            var begun = connection.BeginTransaction();
            foreach (var command in (ReadOnlySpan<SqliteCommand>)[existsSource, existsQuarantine, insertRecord, findByKey, insertSource, insertQuarantine, updateIngest])
            {
                command.Transaction = begun;
            }

            return begun;
        }

        private SqliteCommand Prepare(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            return command;
        }

        public void Dispose()
        {
            transaction?.Dispose();
            foreach (var command in (ReadOnlySpan<SqliteCommand>)[existsSource, existsQuarantine, insertRecord, findByKey, insertSource, insertQuarantine, updateIngest])
            {
                command.Dispose();
            }
        }
    }
}
