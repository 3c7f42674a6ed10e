using System.Diagnostics;
using System.Globalization;

namespace SkillScope.Store;

/// <summary>One row of <c>ingests</c>: a run of <c>ingest</c> over one file.</summary>
/// <param name="Status"><c>running</c>, <c>completed</c> or <c>interrupted</c>.</param>
/// <param name="Note">Why an interrupted run stopped (an error, a request, or a process that ended without finishing it).</param>
/// <param name="Owner">The process that ran it: <c>HOST PID START_TICKS</c> (null for runs made before schema 5).</param>
/// <param name="Updated">Stored records their source edited, updated in place (null for runs made before schema 7).</param>
/// <param name="Ignored">Rows that are not records, skipped with a reason (null for runs made before schema 7).</param>
/// <param name="IgnoredReasons">Ignored rows by reason (null when none, or for runs made before schema 7).</param>
/// <remarks>From schema 7 every row read is accounted for: RowsRead = Stored + Merged + Skipped + Rejected + Updated + Ignored.</remarks>
public sealed record IngestRun(
    long Id, string FilePath, string Format, string Source, string Status, string StartedAt, string? FinishedAt,
    long RowsRead, long Stored, string? Note, string? Owner,
    long Merged = 0, long Skipped = 0, long Rejected = 0, long Flagged = 0, long? Updated = null, long? Ignored = null,
    IReadOnlyDictionary<string, long>? IgnoredReasons = null)
{
    /// <summary>True when the run's counts add up to the rows it read (always, for runs made from schema 7 on).</summary>
    public bool Accounted => Updated is { } updated && Ignored is { } ignored && RowsRead == Stored + Merged + Skipped + Rejected + updated + ignored;
}

/// <summary>
/// The <c>ingests</c> row of a run: begun before the first batch, ended after the last. A run whose process dies
/// (kill -9, power loss) cannot end its row, so every writable open looks for <c>running</c> rows whose owner is gone
/// and marks them <c>interrupted</c> with the reason (<see cref="Recover"/>). Who owns a row: on PostgreSQL, the
/// session holding the row's advisory lock (the server releases it when the connection dies, on any machine); on
/// SQLite, the process named in <c>owner</c> (host, pid and start time, so a reused pid is not taken for the owner).
/// </summary>
internal static class IngestRuns
{
    /// <summary>The first key of each run's session-level advisory lock on PostgreSQL (the second is the run's id).</summary>
    public const int RunLock = 7352843;

    private static readonly Lazy<(string Host, int Pid, long StartTicks)> Self = new(() =>
    {
        using var process = Process.GetCurrentProcess();
        return (Environment.MachineName, process.Id, process.StartTime.ToUniversalTime().Ticks);
    });

    /// <summary>This process, as written to <c>owner</c>.</summary>
    public static string CurrentOwner => string.Create(CultureInfo.InvariantCulture, $"{Self.Value.Host} {Self.Value.Pid} {Self.Value.StartTicks}");

    public static long Begin(SkillStore store, IngestStart start)
    {
        // On PostgreSQL the row and its lock become visible together: another process's Recover never sees the row
        // unlocked while its owner lives.
        using var transaction = store.Begin();
        using var command = store.Command("""
            INSERT INTO ingests(file_path, file_sha256, bytes, format, source, encoding, started_at, status, owner, updated, ignored)
            VALUES (@path, @sha, @bytes, @format, @source, @encoding, @now, 'running', @owner, 0, 0) RETURNING id
            """, transaction);
        Sql.Add(command, "@path", start.FilePath);
        Sql.Add(command, "@sha", start.FileSha256);
        Sql.Add(command, "@bytes", start.Bytes);
        Sql.Add(command, "@format", start.Format);
        Sql.Add(command, "@source", start.Source);
        Sql.Add(command, "@encoding", start.Encoding);
        Sql.Add(command, "@now", IngestWriters.Timestamp(start.StartedAt));
        Sql.Add(command, "@owner", CurrentOwner);
        var id = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (store.IsPostgres)
        {
            store.Execute($"SELECT pg_advisory_lock({RunLock}, {LockKey(id)})", transaction);
        }

        transaction.Commit();
        return id;
    }

    public static void End(SkillStore store, long ingestId, string status, DateTimeOffset finishedAt, string? note)
    {
        using (var command = store.Command("UPDATE ingests SET status = @status, finished_at = @now, note = @note WHERE id = @id"))
        {
            Sql.Add(command, "@status", status);
            Sql.Add(command, "@now", IngestWriters.Timestamp(finishedAt));
            Sql.Add(command, "@note", note);
            Sql.Add(command, "@id", ingestId);
            command.ExecuteNonQuery();
        }

        if (store.IsPostgres)
        {
            store.Execute($"SELECT pg_advisory_unlock({RunLock}, {LockKey(ingestId)})");
        }
    }

    /// <summary>
    /// Marks <c>running</c> rows whose process is gone as <c>interrupted</c>, each with the reason; returns them. A row
    /// whose owner cannot be checked (another machine sharing a SQLite file) is left as it is. Should a live run ever be
    /// marked, its own end sets its final status over the mark.
    /// </summary>
    public static IReadOnlyList<IngestRun> Recover(SkillStore store)
    {
        var recovered = new List<IngestRun>();
        foreach (var run in List(store, "running"))
        {
            if (OwnerReason(store, run) is not { } reason)
            {
                continue;
            }

            using var command = store.Command("UPDATE ingests SET status = 'interrupted', note = @note WHERE id = @id AND status = 'running'");
            Sql.Add(command, "@note", reason);
            Sql.Add(command, "@id", run.Id);
            if (command.ExecuteNonQuery() == 1)
            {
                recovered.Add(run with { Status = "interrupted", Note = reason });
            }

            if (store.IsPostgres)
            {
                store.Execute($"SELECT pg_advisory_unlock({RunLock}, {LockKey(run.Id)})");
            }
        }

        return recovered;
    }

    /// <summary>The store's ingest runs, oldest first (only those with <paramref name="status"/> when given).</summary>
    public static IReadOnlyList<IngestRun> List(SkillStore store, string? status = null)
    {
        using var command = store.Command($"""
            SELECT id, file_path, format, source, status, started_at, finished_at, rows_read, stored, note, owner,
                merged, skipped, rejected, flagged, updated, ignored, ignored_reasons
            FROM ingests {(status is null ? "" : "WHERE status = @status")} ORDER BY id
            """);
        if (status is not null)
        {
            Sql.Add(command, "@status", status);
        }

        using var reader = command.ExecuteReader();
        var runs = new List<IngestRun>();
        while (reader.Read())
        {
            runs.Add(new IngestRun(
                Sql.Long(reader, 0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), Sql.Text(reader, 6),
                Sql.Long(reader, 7), Sql.Long(reader, 8), Sql.Text(reader, 9), Sql.Text(reader, 10),
                Sql.Long(reader, 11), Sql.Long(reader, 12), Sql.Long(reader, 13), Sql.Long(reader, 14),
                reader.IsDBNull(15) ? null : Sql.Long(reader, 15), reader.IsDBNull(16) ? null : Sql.Long(reader, 16),
                StatedJson.ParseCounts(Sql.Text(reader, 17))));
        }

        return runs;
    }

    // Why the run's owner is known to be gone, or null while it may be alive.
    private static string? OwnerReason(SkillStore store, IngestRun run)
    {
        const string Rest = "found running when the store was next opened; run the same ingest again to store the rest";
        if (store.IsPostgres)
        {
            // The owner's session holds the lock until it ends it or its connection closes (process killed or crashed).
            return store.Scalar($"SELECT CASE WHEN pg_try_advisory_lock({RunLock}, {LockKey(run.Id)}) THEN 1 ELSE 0 END") == 1
                ? $"the process that ran it ended without finishing (killed or crashed: its database session closed); {Rest}"
                : null;
        }

        if (run.Owner is null)
        {
            return $"left running by a SkillScope older than schema 5 (no owner recorded); {Rest}";
        }

        var parts = run.Owner.Split(' ');
        if (parts.Length != 3
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks))
        {
            return $"left running by an unreadable owner '{run.Owner}'; {Rest}";
        }

        if (!string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return null; // another machine's process: it cannot be checked from here
        }

        return IsAlive(pid, startTicks)
            ? null
            : $"process {pid} on {parts[0]} ended without finishing it (killed or crashed); {Rest}";
    }

    private static bool IsAlive(int pid, long startTicks)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            // A pid is reused by later processes: the owner is the process that started when the row was written.
            var started = process.StartTime.ToUniversalTime().Ticks;
            return !process.HasExited && Math.Abs(started - startTicks) < TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return true; // it exists but cannot be inspected: assume it is the owner
        }
    }

    /// <summary>An ingest's ignored rows by reason, as stored in <c>ingests.ignored_reasons</c> (null when none).</summary>
    public static string? ReasonsJson(SortedDictionary<string, long> reasons) => StatedJson.Counts(reasons);

    private static int LockKey(long id) => (int)(id % int.MaxValue);
}
