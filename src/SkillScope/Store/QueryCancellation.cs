using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace SkillScope.Store;

/// <summary>
/// Stops a store's running statement when a token is cancelled (a web client went away). The store's commands run
/// synchronously, so a token cannot be handed to them: on SQLite this calls sqlite3_interrupt, which is safe from any
/// thread; on PostgreSQL it asks the server, over a second connection, to cancel what the store's session is running
/// (pg_cancel_backend, PostgreSQL's own cancel request). Either way the interrupted statement throws an exception that
/// <see cref="IsInterrupt"/> recognises; a session that is between statements is not affected.
/// </summary>
public static class QueryCancellation
{
    private const int SqliteInterrupt = 9;

    /// <summary>Interrupts the store's statements while the returned registration is alive and the token is cancelled.</summary>
    /// <remarks>
    /// Disposing the registration waits for a cancel that is under way, so no cancel outlives it: on PostgreSQL the
    /// session may go back to a pool and run someone else's statements next.
    /// </remarks>
    public static CancellationTokenRegistration InterruptOn(this SkillStore store, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!cancellation.CanBeCanceled)
        {
            return default;
        }

        return store.Connection switch
        {
            SqliteConnection { Handle: { } handle } => cancellation.Register(() => raw.sqlite3_interrupt(handle)),
            NpgsqlConnection { ProcessID: var session and > 0 } => cancellation.Register(() => CancelSession(store.Target, session)),
            _ => default,
        };
    }

    /// <summary>True when <paramref name="exception"/> is a statement stopped by <see cref="InterruptOn"/> (or cancelled on the server).</summary>
    public static bool IsInterrupt(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteInterrupt } or PostgresException { SqlState: "57014" };

    // Best effort: when the server cannot be reached to cancel, the statement runs to its end, as it would without a token.
    private static void CancelSession(string target, int session)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnection.FromUrl(target).ConnectionString) { Pooling = false, Timeout = 5 };
        try
        {
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            using var cancel = new NpgsqlCommand("SELECT pg_cancel_backend(@session)", connection);
            cancel.Parameters.AddWithValue("session", session);
            cancel.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // Nothing to do: see above.
        }
    }
}
