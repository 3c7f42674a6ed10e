using Npgsql;

namespace SkillScope.Tests.Support;

/// <summary>
/// Which engine the store-facing tests run on. `scripts/test.sh` starts a throwaway PostgreSQL 15 cluster and sets
/// SKILLSCOPE_TEST_POSTGRES to its URL; it then runs the store-facing tests a second time with
/// SKILLSCOPE_TEST_ENGINE=postgresql, where every test database (TempFolder.Db) is a fresh PostgreSQL
/// database instead of a SQLite file: the same tests, on both engines.
/// </summary>
internal static class TestEngine
{
    public const string ServerVariable = "SKILLSCOPE_TEST_POSTGRES";
    public const string EngineVariable = "SKILLSCOPE_TEST_ENGINE";

    /// <summary>The PostgreSQL server tests may create databases on, or null.</summary>
    public static string? ServerUrl => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } url ? url : null;

    /// <summary>True when this run's test databases are PostgreSQL databases.</summary>
    public static bool IsPostgres =>
        Environment.GetEnvironmentVariable(EngineVariable) is { } engine && engine.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a PostgreSQL test cannot run here, or null when it can.</summary>
    public static string? MissingServerReason => ServerUrl is null
        ? $"no PostgreSQL server: {ServerVariable} is not set (scripts/test.sh starts one and sets it)"
        : null;

    /// <summary>A new, empty database on the test server; returns its URL.</summary>
    public static string NewDatabase()
    {
        var server = ServerUrl ?? throw new InvalidOperationException(MissingServerReason);
        var name = "skillscope_t_" + Guid.NewGuid().ToString("N")[..16];
        using (var admin = Admin(server))
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", admin);
            create.ExecuteNonQuery();
        }

        return WithDatabase(server, name);
    }

    /// <summary>Drops a database made by <see cref="NewDatabase"/>, closing its connections first.</summary>
    public static void DropDatabase(string url)
    {
        var name = new Uri(url).AbsolutePath.TrimStart('/');
        NpgsqlConnection.ClearAllPools();
        using var admin = Admin(ServerUrl!);
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }

    // The store's own URL reading, without pooling: CREATE/DROP DATABASE must not leave idle sessions behind.
    private static NpgsqlConnection Admin(string server)
    {
        var builder = new NpgsqlConnectionStringBuilder(SkillScope.Store.PostgresConnection.FromUrl(server).ConnectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    private static string WithDatabase(string server, string name)
    {
        var builder = new UriBuilder(server) { Path = "/" + name };
        return builder.Uri.ToString().TrimEnd('/');
    }
}

/// <summary>A test that needs the PostgreSQL test server; skipped, with the reason, when none is configured.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestEngine.MissingServerReason;
}
