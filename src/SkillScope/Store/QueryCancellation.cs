using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SkillScope.Store;

/// <summary>
/// Stops a store's running statement when a token is cancelled (a web client went away): Microsoft.Data.Sqlite
/// does not cancel a statement that is running, so this calls sqlite3_interrupt, which is safe from any thread.
/// The interrupted statement throws a <see cref="SqliteException"/> that <see cref="IsInterrupt"/> recognises.
/// </summary>
public static class QueryCancellation
{
    private const int SqliteInterrupt = 9;

    /// <summary>Interrupts the store's statements while the returned registration is alive and the token is cancelled.</summary>
    public static CancellationTokenRegistration InterruptOn(this SkillStore store, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!cancellation.CanBeCanceled)
        {
            return default;
        }

        var handle = store.Connection.Handle;
        return cancellation.Register(() =>
        {
            if (handle is not null)
            {
                raw.sqlite3_interrupt(handle);
            }
        });
    }

    /// <summary>True when <paramref name="exception"/> is a statement stopped by <see cref="InterruptOn"/>.</summary>
    public static bool IsInterrupt(Exception exception) => exception is SqliteException { SqliteErrorCode: SqliteInterrupt };
}
