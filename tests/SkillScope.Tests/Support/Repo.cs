namespace SkillScope.Tests.Support;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string BundledSurvey => Path.Combine(Root, "data", "samples", "aijobs_salaries_2025-01-19.csv");

    public static string BundledUsajobs => Path.Combine(Root, "data", "samples", "usajobs_data_roles_2026.csv");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SkillScope.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (SkillScope.slnx) not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A scratch folder with a database path, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "skillscope-tests", Guid.NewGuid().ToString("N"));

    private string? _database;

    /// <summary>
    /// The test's store: a SQLite file in the folder, or, when the run is on PostgreSQL (<see cref="TestEngine"/>), a
    /// new database on the test server, dropped with the folder.
    /// </summary>
    public string Db => _database ??= TestEngine.IsPostgres ? TestEngine.NewDatabase() : File("test.db");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_database is not null && SkillScope.Store.SkillStore.IsServerUrl(_database))
        {
            TestEngine.DropDatabase(_database);
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS temp cleaner gets it.
        }
    }
}

/// <summary>A clock that never moves, so stored ingest stamps are reproducible.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static FixedTime Default { get; } = new(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
