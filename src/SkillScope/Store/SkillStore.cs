using Microsoft.Data.Sqlite;

namespace SkillScope.Store;

/// <summary>
/// The embedded SQLite store: created on first use, migrated in place. One connection per instance;
/// not thread-safe (the CLI runs one command per process).
/// </summary>
public sealed class SkillStore : IDisposable
{
    /// <summary>Bumped whenever <see cref="Schema"/> changes shape.</summary>
    public const int SchemaVersion = 1;

    public const string DefaultFileName = "skillscope.db";
    public const string PathEnvironmentVariable = "SKILLSCOPE_DB";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);

        CREATE TABLE IF NOT EXISTS ingests(
            id INTEGER PRIMARY KEY,
            file_path TEXT NOT NULL, file_sha256 TEXT NOT NULL, bytes INTEGER NOT NULL,
            format TEXT NOT NULL, source TEXT NOT NULL, encoding TEXT NOT NULL,
            started_at TEXT NOT NULL, finished_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted')),
            rows_read INTEGER NOT NULL DEFAULT 0, stored INTEGER NOT NULL DEFAULT 0, merged INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0, rejected INTEGER NOT NULL DEFAULT 0, flagged INTEGER NOT NULL DEFAULT 0);

        -- One row per distinct job or salary response. Postings seen several times share a row (dedupe_key).
        CREATE TABLE IF NOT EXISTS records(
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('posting', 'salary_report')),
            dedupe_key TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL, company TEXT, location_text TEXT, description TEXT,
            period_start TEXT, period_end TEXT,
            role TEXT NOT NULL, seniority TEXT NOT NULL, years_required_min INTEGER,
            employment_type TEXT NOT NULL, work_arrangement TEXT NOT NULL,
            country TEXT, state TEXT, metro TEXT, city TEXT, company_size TEXT,
            salary_min REAL, salary_max REAL, salary_currency TEXT, salary_period TEXT,
            salary_usd_min REAL, salary_usd_max REAL, salary_usd REAL,
            salary_is_estimate INTEGER NOT NULL DEFAULT 0, salary_flag TEXT);
        CREATE INDEX IF NOT EXISTS ix_records_kind_role ON records(kind, role, seniority);

        -- Every appearance of a record in a source file: the identity makes re-ingest idempotent.
        CREATE TABLE IF NOT EXISTS record_sources(
            identity TEXT PRIMARY KEY,
            record_id INTEGER NOT NULL REFERENCES records(id),
            source TEXT NOT NULL, source_id TEXT,
            file_sha256 TEXT NOT NULL, position INTEGER NOT NULL,
            ingest_id INTEGER NOT NULL REFERENCES ingests(id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_record_sources_record ON record_sources(record_id, source);

        -- Rows that could not be read or normalized, kept with their reason and raw text.
        CREATE TABLE IF NOT EXISTS quarantine(
            identity TEXT PRIMARY KEY,
            ingest_id INTEGER NOT NULL REFERENCES ingests(id),
            source TEXT NOT NULL, file_path TEXT NOT NULL, file_sha256 TEXT NOT NULL,
            position INTEGER NOT NULL, line INTEGER NOT NULL,
            reason TEXT NOT NULL, raw TEXT NOT NULL) WITHOUT ROWID;

        -- Skills a posting names, once per posting; required when any mention is (postings only).
        CREATE TABLE IF NOT EXISTS record_skills(
            record_id INTEGER NOT NULL REFERENCES records(id),
            skill_id TEXT NOT NULL,
            required INTEGER NOT NULL CHECK (required IN (0, 1)),
            PRIMARY KEY (record_id, skill_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_record_skills_skill ON record_skills(skill_id, record_id);
        """;

    private SkillStore(SqliteConnection connection, string path)
    {
        Connection = connection;
        Path = path;
    }

    public string Path { get; }

    internal SqliteConnection Connection { get; }

    /// <summary>The database path: the explicit option, else SKILLSCOPE_DB, else ./skillscope.db.</summary>
    public static string ResolvePath(string? explicitPath) =>
        !string.IsNullOrWhiteSpace(explicitPath) ? explicitPath
        : Environment.GetEnvironmentVariable(PathEnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultFileName;

    /// <summary>Opens (creating and migrating when needed) the database at <paramref name="path"/>.</summary>
    public static SkillStore Open(string path)
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
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
            Migrate(connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreError($"{path}: cannot open the database ({e.Message.TrimEnd('.')}); is it a SkillScope database?");
        }

        return new SkillStore(connection, full);
    }

    /// <summary>
    /// Opens an existing database for reading only, on a pooled connection: one per request in the web server
    /// (a connection is not thread-safe). It neither creates nor migrates; open the file once with
    /// <see cref="Open"/> first.
    /// </summary>
    public static SkillStore OpenReadOnly(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
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
            throw new StoreError($"{path}: cannot open the database for reading ({e.Message.TrimEnd('.')})");
        }

        return new SkillStore(connection, full);
    }

    private static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, Schema, transaction);
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        var existing = read.ExecuteScalar() as string;
        if (existing is null)
        {
            using var write = connection.CreateCommand();
            write.Transaction = transaction;
            write.CommandText = "INSERT INTO meta(key, value) VALUES ('schema_version', $v)";
            write.Parameters.AddWithValue("$v", SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            write.ExecuteNonQuery();
        }
        else if (existing != SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new StoreError($"database schema version {existing} is not supported by this SkillScope (expects {SchemaVersion}); re-create the database with a new --db path");
        }

        transaction.Commit();
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => Connection.Dispose();
}

/// <summary>A store problem the user can act on, as one line.</summary>
public sealed class StoreError(string message) : Exception(message);
