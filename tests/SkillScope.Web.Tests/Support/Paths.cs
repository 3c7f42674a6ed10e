namespace SkillScope.Web.Tests.Support;

/// <summary>Repository and shared-data paths the tests read.</summary>
internal static class Paths
{
    public const string SharedDataVariable = "SKILLSCOPE_SHARED_DATA";

    /// <summary>Real postings with long descriptions (Glassdoor 2020, license keeps it out of the repository).</summary>
    public const string GlassdoorRelative = "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv";

    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<string> BundledSamples =>
        Directory.GetFiles(Path.Combine(Root, "data", "samples"), "*.csv").Order(StringComparer.Ordinal).ToArray();

    public static string HostileFixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "hostile-postings.csv");

    public static string CommittedOpenApi => Path.Combine(Root, "docs", "openapi", "v1.json");

    public static string Screenshots => Path.Combine(Root, "artifacts", "screenshots");

    /// <summary>SKILLSCOPE_SHARED_DATA, else the shared/data folder beside or above the repository.</summary>
    public static string SharedData { get; } =
        Environment.GetEnvironmentVariable(SharedDataVariable) is { Length: > 0 } root ? root : FindShared() ?? "/work/shared/data";

    public static string Glassdoor => Path.Combine(SharedData, GlassdoorRelative);

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

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
