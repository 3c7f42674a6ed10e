using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SkillScope.Store;

/// <summary>The database engines a store can live in.</summary>
public enum StoreEngine
{
    /// <summary>One embedded file (the default): no server, nothing to set up.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (a <c>postgresql://</c> URL): shared by a team, and the way past one machine (Citus).</summary>
    Postgres,
}

/// <summary>
/// The store: an embedded SQLite file or a PostgreSQL database, created on first use and migrated in place
/// (<see cref="Migrations"/>). Every read and write of the database goes through the store's methods in this folder;
/// no other part of SkillScope sees a connection or SQL. One connection per instance; not thread-safe (the CLI runs one
/// command per process, the web server opens one store per request).
/// </summary>
public sealed class SkillStore : IDisposable
{
    /// <summary>The schema version this build creates and reads: the number of the last migration.</summary>
    public static int SchemaVersion => Migrations.Latest;

    public const string DefaultFileName = "skillscope.db";
    public const string PathEnvironmentVariable = "SKILLSCOPE_DB";

    private SkillStore(DbConnection connection, StoreEngine engine, string target, string location)
    {
        Connection = connection;
        Engine = engine;
        Target = target;
        Path = location;
    }

    /// <summary>Where the store is, for messages: the full file path, or the server URL without its password.</summary>
    public string Path { get; }

    /// <summary>What <see cref="Open"/> was given (a path or URL, with any password): used to open further connections.</summary>
    internal string Target { get; }

    public StoreEngine Engine { get; }

    internal DbConnection Connection { get; }

    internal bool IsPostgres => Engine == StoreEngine.Postgres;

    /// <summary>The database: the explicit option, else SKILLSCOPE_DB, else ./skillscope.db. A path or a postgresql:// URL.</summary>
    public static string ResolvePath(string? explicitPath) =>
        !string.IsNullOrWhiteSpace(explicitPath) ? explicitPath
        : Environment.GetEnvironmentVariable(PathEnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultFileName;

    /// <summary>True for a <c>postgresql://</c> or <c>postgres://</c> URL (a server), false for a file path.</summary>
    public static bool IsServerUrl(string target) =>
        target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="target"/> names a store that exists (a server URL is assumed to).</summary>
    public static bool Exists(string target) => IsServerUrl(target) || File.Exists(target);

    /// <summary>Opens (creating and migrating when needed) the store at <paramref name="target"/>: a file path or a postgresql:// URL.</summary>
    public static SkillStore Open(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return IsServerUrl(target) ? OpenPostgres(target, migrate: true) : OpenSqlite(target);
    }

    /// <summary>
    /// Opens an existing store for reading only, on a pooled connection: one per request in the web server
    /// (a connection is not thread-safe). It neither creates nor migrates; open it once with <see cref="Open"/> first.
    /// </summary>
    public static SkillStore OpenReadOnly(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (IsServerUrl(target))
        {
            return OpenPostgres(target, migrate: false);
        }

        var full = System.IO.Path.GetFullPath(target);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = true,
        }.ToString());
        try
        {
            connection.Open();
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreError($"{target}: cannot open the database for reading ({e.Message.TrimEnd('.')})");
        }

        return new SkillStore(connection, StoreEngine.Sqlite, target, full);
    }

    private static SkillStore OpenSqlite(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new StoreError($"{path}: the folder {directory} does not exist; create it or choose another --db path");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        var store = new SkillStore(connection, StoreEngine.Sqlite, path, full);
        try
        {
            connection.Open();
            store.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
            Migrations.Apply(store);
            store.RecoverIngests();
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreError($"{path}: cannot open the database ({e.Message.TrimEnd('.')}); is it a SkillScope database?");
        }

        return store;
    }

    private static SkillStore OpenPostgres(string url, bool migrate)
    {
        var (connectionString, location) = PostgresConnection.FromUrl(url);
        var connection = new NpgsqlConnection(connectionString);
        var store = new SkillStore(connection, StoreEngine.Postgres, url, location);
        try
        {
            connection.Open();
            if (migrate)
            {
                Migrations.Apply(store);
                store.RecoverIngests();
            }
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException or TimeoutException)
        {
            connection.Dispose();
            throw new StoreError($"{location}: cannot open the database ({PostgresConnection.OneLine(e)})");
        }

        return store;
    }

    /// <summary>
    /// Ingest runs this open found <c>running</c> with their process gone (killed or crashed) and marked
    /// <c>interrupted</c>, each with its reason; empty for a read-only open.
    /// </summary>
    public IReadOnlyList<IngestRun> RecoveredIngests { get; private set; } = [];

    /// <summary>The store's ingest runs, oldest first.</summary>
    public IReadOnlyList<IngestRun> Ingests() => Store.IngestRuns.List(this);

    private void RecoverIngests()
    {
        try
        {
            RecoveredIngests = Store.IngestRuns.Recover(this);
        }
        catch (Exception e) when (IsBusy(e))
        {
            // Another process is writing: the next open marks them.
        }
    }

    internal DbCommand Command(string sql, DbTransaction? transaction = null)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    internal DbTransaction Begin() => Connection.BeginTransaction();

    /// <summary>
    /// On PostgreSQL, a transaction for the statements of one report: they read one snapshot (repeatable read), and the
    /// server groups in memory (work_mem 64 MB for the transaction only: the market report's grouping by company holds a
    /// few hundred thousand groups at a million postings, past the default 4 MB, where the server would sort or spill to
    /// disk instead). Null on SQLite, where a read is one snapshot already and the reports group in the client.
    /// </summary>
    internal DbTransaction? BeginReport()
    {
        if (!IsPostgres)
        {
            return null;
        }

        var transaction = Connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        Execute("SET LOCAL work_mem = '64MB'", transaction);
        return transaction;
    }

    /// <summary>
    /// On PostgreSQL, a second session of this store that reads the snapshot of <paramref name="report"/> (a transaction
    /// from <see cref="BeginReport"/>, which must stay open until this returns): pg_export_snapshot there, SET TRANSACTION
    /// SNAPSHOT here, so a report's statements can run at once on two sessions (two server processes, two cores) and still
    /// see one state of the store. The caller disposes the store; its transaction ends with it.
    /// </summary>
    internal (SkillStore Store, DbTransaction Transaction) OpenSnapshotSibling(DbTransaction report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!IsPostgres)
        {
            throw new InvalidOperationException("a snapshot sibling is for PostgreSQL stores");
        }

        string snapshot;
        using (var export = Command("SELECT pg_export_snapshot()", report))
        {
            snapshot = (string)export.ExecuteScalar()!;
        }

        // The server's identifier (hex digits and dashes); checked, as it is written into the statement.
        if (snapshot.Length == 0 || !snapshot.All(c => char.IsAsciiHexDigit(c) || c == '-'))
        {
            throw new InvalidOperationException($"unexpected snapshot identifier '{snapshot}'");
        }

        var sibling = OpenPostgres(Target, migrate: false);
        try
        {
            // SET commands are not queries: the snapshot can still be set after BeginReport's work_mem.
            var transaction = sibling.BeginReport()!;
            sibling.Execute($"SET TRANSACTION SNAPSHOT '{snapshot}'", transaction);
            return (sibling, transaction);
        }
        catch
        {
            sibling.Dispose();
            throw;
        }
    }

    internal void Execute(string sql, DbTransaction? transaction = null)
    {
        using var command = Command(sql, transaction);
        command.ExecuteNonQuery();
    }

    internal long Scalar(string sql, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, transaction);
        foreach (var (name, value) in parameters)
        {
            Sql.Add(command, name, value);
        }

        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>A setting from <c>meta</c>, or null.</summary>
    internal string? Meta(string key, DbTransaction? transaction = null)
    {
        using var command = Command("SELECT value FROM meta WHERE key = @key", transaction);
        Sql.Add(command, "@key", key);
        return command.ExecuteScalar() as string;
    }

    internal void SetMeta(string key, string value, DbTransaction? transaction = null)
    {
        using var command = Command("INSERT INTO meta(key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value = excluded.value", transaction);
        Sql.Add(command, "@key", key);
        Sql.Add(command, "@value", value);
        command.ExecuteNonQuery();
    }

    internal void DeleteMeta(string key, DbTransaction? transaction = null)
    {
        using var command = Command("DELETE FROM meta WHERE key = @key", transaction);
        Sql.Add(command, "@key", key);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// A condition on a column that SQLite should not answer from an index (unary plus): when one kind is most of the
    /// table, a scan is several times faster than an index walk with a random row read per match. PostgreSQL plans it
    /// from its statistics.
    /// </summary>
    internal string Unindexed(string column) => IsPostgres ? column : "+" + column;

    /// <summary>True when a write failed only because another process holds the database (retry later).</summary>
    public static bool IsBusy(Exception e) => e is SqliteException { SqliteErrorCode: 5 or 6 } or PostgresException { SqlState: "55P03" or "40P01" };

    public void Dispose() => Connection.Dispose();
}

/// <summary>A store problem the user can act on, as one line.</summary>
public sealed class StoreError(string message) : Exception(message);
