using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace SkillScope.Store;

/// <summary>
/// Stops a store's running statement when a token is cancelled (a web client went away). Microsoft.Data.Sqlite does
/// not cancel a statement that is running, so on SQLite this calls sqlite3_interrupt, which is safe from any thread;
/// the interrupted statement throws an exception that <see cref="IsInterrupt"/> recognises. On PostgreSQL the
/// statement runs to its end (Npgsql cancels per command only): the token is checked between steps.
/// </summary>
public static class QueryCancellation
{
    private const int SqliteInterrupt = 9;

    /// <summary>Interrupts the store's statements while the returned registration is alive and the token is cancelled.</summary>
    public static CancellationTokenRegistration InterruptOn(this SkillStore store, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!cancellation.CanBeCanceled || store.Connection is not SqliteConnection { Handle: { } handle })
        {
            return default;
        }

        return cancellation.Register(() => raw.sqlite3_interrupt(handle));
    }

    /// <summary>True when <paramref name="exception"/> is a statement stopped by <see cref="InterruptOn"/> (or cancelled on the server).</summary>
    public static bool IsInterrupt(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteInterrupt } or PostgresException { SqlState: "57014" };
}
