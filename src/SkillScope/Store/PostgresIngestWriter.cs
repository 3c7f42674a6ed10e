using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SkillScope.Model;

namespace SkillScope.Store;

/// <summary>
/// The write step on PostgreSQL. A server round trip per row would cost more than the whole SQLite ingest, so each
/// batch is decided in memory against two set lookups (identities and duplicate keys already stored) and written with
/// binary COPY. Batches take a transaction-scoped advisory lock first: concurrent ingests (and a reindex) write one
/// batch at a time, so two processes never both store the same job, and readers (the web server) are never blocked.
/// </summary>
internal sealed class PostgresIngestWriter(SkillStore store) : IIngestWriter
{
    /// <summary>The advisory lock every writer of records takes for a batch (any constant unique to SkillScope).</summary>
    public const long WriteLock = 7352842;

    private long ingestId;
    private string filePath = "";

    private NpgsqlConnection Connection => (NpgsqlConnection)store.Connection;

    public void BeginIngest(IngestStart start)
    {
        filePath = Clean(start.FilePath)!;
        ingestId = IngestRuns.Begin(store, start with { FilePath = filePath });
    }

    public void WriteBatch(IReadOnlyList<PendingRow> rows, IngestCounts counts)
    {
        using var transaction = Connection.BeginTransaction();
        store.Execute($"SELECT pg_advisory_xact_lock({WriteLock})", transaction);
        var identities = rows.Select(r => Clean(r.Identity)!).Distinct(StringComparer.Ordinal).ToArray();
        var stored = Set("SELECT identity FROM record_sources WHERE identity = ANY(@values)", identities, transaction);
        var quarantined = rows.Any(r => r.Record is null)
            ? Set("SELECT identity FROM quarantine WHERE identity = ANY(@values)", identities, transaction)
            : new HashSet<string>(StringComparer.Ordinal);
        var keys = rows.Where(r => r.DedupeKey is not null).Select(r => r.DedupeKey!).Distinct(StringComparer.Ordinal).ToArray();
        var storedKeys = KeyIds(keys, transaction);

        var newRecords = new List<PendingRow>();
        var newByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        // A source row points at a stored record (id >= 0) or at a new one (~index into newRecords).
        var sources = new List<(PendingRow Row, long Record)>();
        var rejected = new List<PendingRow>();
        foreach (var row in rows)
        {
            var identity = Clean(row.Identity)!;
            if (row.Record is not { } record)
            {
                if (quarantined.Contains(identity) || stored.Contains(identity))
                {
                    counts.Skipped++;
                    continue;
                }

                quarantined.Add(identity);
                rejected.Add(row);
                counts.Rejected++;
                continue;
            }

            var isSurvey = record.Kind == RecordKinds.SalaryReport;
            if (!isSurvey && stored.Contains(identity))
            {
                if (RecordRevisions.IsRevision(row) && RecordRevisions.Revise(store, transaction, row))
                {
                    counts.Updated++;
                    continue;
                }

                counts.Skipped++;
                continue;
            }

            var key = Clean(row.DedupeKey)!;
            long? target = storedKeys.TryGetValue(key, out var existing) ? existing
                : newByKey.TryGetValue(key, out var index) ? ~(long)index
                : null;
            if (target is null)
            {
                newByKey[key] = newRecords.Count;
                target = ~(long)newRecords.Count;
                newRecords.Add(row);
                counts.Stored++;
                counts.Flagged += record.Salary is { Flag: not null } ? 1 : 0;
            }
            else if (isSurvey)
            {
                counts.Skipped++;
                continue;
            }
            else
            {
                counts.Merged++;
            }

            stored.Add(identity);
            sources.Add((row, target.Value));
        }

        var ids = AllocateIds(newRecords.Count, transaction);
        CopyRecords(newRecords, ids);
        SkillIndex.Write(store, transaction, ids, [.. newRecords.Select(r => r.Skills)]);
        CopySources(sources, ids);
        CopySignatures(newRecords, ids);
        CopyQuarantine(rejected);
        using (var update = store.Command("""
            UPDATE ingests SET rows_read = @read, stored = @stored, merged = @merged, skipped = @skipped,
                rejected = @rejected, flagged = @flagged, updated = @updated, ignored = @ignored, ignored_reasons = @reasons WHERE id = @id
            """, transaction))
        {
            foreach (var (name, value) in (ReadOnlySpan<(string, long)>)[("@read", counts.Read), ("@stored", counts.Stored), ("@merged", counts.Merged),
                ("@skipped", counts.Skipped), ("@rejected", counts.Rejected), ("@flagged", counts.Flagged), ("@updated", counts.Updated),
                ("@ignored", counts.Ignored), ("@id", ingestId)])
            {
                Sql.Add(update, name, value);
            }

            Sql.Add(update, "@reasons", IngestRuns.ReasonsJson(counts.IgnoredReasons));

            update.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public void EndIngest(string status, DateTimeOffset finishedAt, string? note) => IngestRuns.End(store, ingestId, status, finishedAt, note);

    public void Dispose()
    {
        // Nothing is held between batches: each opens and ends its own transaction and COPY streams.
    }

    private HashSet<string> Set(string sql, string[] values, NpgsqlTransaction transaction)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (values.Length == 0)
        {
            return set;
        }

        using var command = new NpgsqlCommand(sql, Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("values", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values });
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            set.Add(reader.GetString(0));
        }

        return set;
    }

    private Dictionary<string, long> KeyIds(string[] keys, NpgsqlTransaction transaction)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        if (keys.Length == 0)
        {
            return ids;
        }

        using var command = new NpgsqlCommand("SELECT dedupe_key, id FROM records WHERE dedupe_key = ANY(@keys)", Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => Clean(k)!).ToArray() });
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids[reader.GetString(0)] = reader.GetInt64(1);
        }

        return ids;
    }

    // Ids in the order the rows were read, as SQLite assigns them, so both engines number the same records alike.
    private long[] AllocateIds(int count, NpgsqlTransaction transaction)
    {
        if (count == 0)
        {
            return [];
        }

        using var command = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('records', 'id')) FROM generate_series(1, @n)", Connection, transaction);
        command.Parameters.AddWithValue("n", count);
        var ids = new List<long>(count);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        ids.Sort();
        return [.. ids];
    }

    private void CopyRecords(List<PendingRow> rows, long[] ids)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var copy = Connection.BeginBinaryImport($"COPY records(id, {RecordColumns.List.ReplaceLineEndings(" ")}) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i].Record!;
            var s = r.Salary;
            copy.StartRow();
            copy.Write(ids[i], NpgsqlDbType.Bigint);
            Text(copy, r.Kind);
            Text(copy, rows[i].DedupeKey);
            Text(copy, r.Title);
            Text(copy, r.Company);
            Text(copy, r.LocationText);
            Text(copy, r.Description);
            Text(copy, Sql.Date(r.PeriodStart));
            Text(copy, Sql.Date(r.PeriodEnd));
            Text(copy, r.Role);
            Text(copy, r.Seniority);
            Integer(copy, r.YearsRequiredMin);
            Text(copy, r.EmploymentType);
            Text(copy, r.WorkArrangement);
            Text(copy, r.Country);
            Text(copy, r.State);
            Text(copy, r.Metro);
            Text(copy, r.City);
            Text(copy, r.CompanySize);
            Double(copy, Exact(s?.Min));
            Double(copy, Exact(s?.Max));
            Text(copy, s?.Currency);
            Text(copy, s?.Period);
            Double(copy, s?.UsdMin);
            Double(copy, s?.UsdMax);
            Double(copy, s?.UsdAnnual);
            copy.Write(s?.IsEstimate == true ? 1 : 0, NpgsqlDbType.Integer);
            Text(copy, s?.Flag);
            Text(copy, StatedJson.Skills(r.StatedSkills));
            Text(copy, rows[i].SourceName);
            Text(copy, rows[i].TextKind);
        }

        copy.Complete();
    }

    private void CopySources(List<(PendingRow Row, long Record)> sources, long[] ids)
    {
        if (sources.Count == 0)
        {
            return;
        }

        using var copy = Connection.BeginBinaryImport("COPY record_sources(identity, record_id, source, source_id, file_sha256, position, ingest_id, extra, location_text, country, state, metro, city, posted) FROM STDIN (FORMAT BINARY)");
        foreach (var (row, record) in sources)
        {
            var r = row.Record!;
            copy.StartRow();
            Text(copy, row.Identity);
            copy.Write(record >= 0 ? record : ids[~record], NpgsqlDbType.Bigint);
            Text(copy, row.SourceName);
            Text(copy, r.SourceId);
            Text(copy, row.FileSha256);
            copy.Write(row.Source.Position, NpgsqlDbType.Bigint);
            copy.Write(ingestId, NpgsqlDbType.Bigint);
            Text(copy, StatedJson.Extra(r.Extra));
            Text(copy, r.LocationText);
            Text(copy, r.Country);
            Text(copy, r.State);
            Text(copy, r.Metro);
            Text(copy, r.City);
            Text(copy, Sql.Date(r.PeriodStart));
        }

        copy.Complete();
    }

    // Each new posting's near-duplicate fingerprint, for later ingests to compare against.
    private void CopySignatures(List<PendingRow> rows, long[] ids)
    {
        if (!rows.Any(r => r.Fingerprint is not null))
        {
            return;
        }

        using var copy = Connection.BeginBinaryImport("COPY posting_signatures(record_id, block, shingles, prefix, posted, minhash) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Fingerprint is not { } f)
            {
                continue;
            }

            copy.StartRow();
            copy.Write(ids[i], NpgsqlDbType.Bigint);
            Text(copy, f.Block);
            copy.Write(f.Shingles, NpgsqlDbType.Integer);
            if (f.Prefix is { } prefix)
            {
                copy.Write(prefix, NpgsqlDbType.Bigint);
            }
            else
            {
                copy.WriteNull();
            }

            Text(copy, Sql.Date(f.Posted));
            copy.Write(f.SignatureBytes(), NpgsqlDbType.Bytea);
            rows[i].SignatureWritten = true;
        }

        copy.Complete();
    }

    private void CopyQuarantine(List<PendingRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var copy = Connection.BeginBinaryImport("COPY quarantine(identity, ingest_id, source, file_path, file_sha256, position, line, reason, raw) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            copy.StartRow();
            Text(copy, row.Identity);
            copy.Write(ingestId, NpgsqlDbType.Bigint);
            Text(copy, row.SourceName);
            Text(copy, filePath);
            Text(copy, row.FileSha256);
            copy.Write(row.Source.Position, NpgsqlDbType.Bigint);
            copy.Write(row.Source.Line, NpgsqlDbType.Bigint);
            Text(copy, row.Error);
            Text(copy, row.Source.RawText);
        }

        copy.Complete();
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(Clean(value)!, NpgsqlDbType.Text);
        }
    }

    private static void Integer(NpgsqlBinaryImporter copy, int? value)
    {
        if (value is { } v)
        {
            copy.Write(v, NpgsqlDbType.Integer);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static void Double(NpgsqlBinaryImporter copy, double? value)
    {
        if (value is { } v)
        {
            copy.Write(v, NpgsqlDbType.Double);
        }
        else
        {
            copy.WriteNull();
        }
    }

    // The stated amount as SQLite stores it (decimal text parsed to the nearest double), so both engines hold the same bits.
    private static double? Exact(decimal? value) =>
        value is { } v ? double.Parse(v.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : null;

    /// <summary>PostgreSQL text cannot hold U+0000 (SQLite can): it is stored as U+FFFD, the replacement character.</summary>
    internal static string? Clean(string? value) =>
        value is not null && value.Contains('\0', StringComparison.Ordinal) ? value.Replace('\0', '\uFFFD') : value;
}
