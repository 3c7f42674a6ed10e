namespace SkillScope.Web.Tests.Support;

/// <summary>
/// The database every test of this run reads, built once: the bundled samples (ai-jobs.net survey, USAJOBS
/// postings), the hostile-postings fixture and, when the shared data folder has it, the Glassdoor 2020
/// postings with their long descriptions. Tests only read it, so they can share it.
/// </summary>
internal static class TestDatabase
{
    private static readonly Lazy<Task<string>> s_shared = new(() => BuildAsync(includeShared: true));

    /// <summary>True when the Glassdoor postings are loaded (the skill pages then have real long texts).</summary>
    public static bool HasGlassdoor => File.Exists(Paths.Glassdoor);

    public static Task<string> SharedAsync() => s_shared.Value;

    /// <summary>A fresh database with just the hostile fixture, for tests that write.</summary>
    public static async Task<string> SmallAsync()
    {
        var path = NewPath();
        await CliRunner.RunOkAsync("ingest", Paths.HostileFixture, "--format", "csv", "--source", "hostile-fixture", "--db", path).ConfigureAwait(false);
        return path;
    }

    private static async Task<string> BuildAsync(bool includeShared)
    {
        var path = NewPath();
        await CliRunner.RunOkAsync(["ingest", .. Paths.BundledSamples, "--db", path]).ConfigureAwait(false);
        await CliRunner.RunOkAsync("ingest", Paths.HostileFixture, "--format", "csv", "--source", "hostile-fixture", "--db", path).ConfigureAwait(false);
        if (includeShared && HasGlassdoor)
        {
            await CliRunner.RunOkAsync("ingest", Paths.Glassdoor, "--db", path).ConfigureAwait(false);
        }

        return path;
    }

    private static readonly Lazy<string> s_folder = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "skillscope-web-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A server process may still hold a file for a moment; the OS temp cleaner gets it.
            }
        };
        return folder;
    });

    // On a PostgreSQL run (SKILLSCOPE_TEST_ENGINE=postgresql) every test database is a new PostgreSQL database; the
    // test server's cluster is thrown away with the run, so they are not dropped one by one.
    private static string NewPath() => SkillScope.Tests.Support.TestEngine.IsPostgres
        ? SkillScope.Tests.Support.TestEngine.NewDatabase()
        : Path.Combine(s_folder.Value, Guid.NewGuid().ToString("N") + ".db");
}
