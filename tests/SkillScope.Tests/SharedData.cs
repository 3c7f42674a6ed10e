namespace SkillScope.Tests;

/// <summary>
/// Paths to the real data sets in the shared data folder (/work/shared/data, or the folder named by
/// SKILLSCOPE_SHARED_DATA) and to files in this repository. Data whose license forbids copying it
/// into the repository is only read from there; tests that need it use <see cref="SharedDataFactAttribute"/>
/// so they are skipped, with the reason shown, on machines without it.
/// </summary>
public static class SharedData
{
    public const string RootVariable = "SKILLSCOPE_SHARED_DATA";

    public static string Root =>
        Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } root ? root : "/work/shared/data";

    /// <summary>The full path of a file given relative to the shared data folder ("aijobs_salaries/salaries_2025-01-19.csv").</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static bool Exists(string relative) => File.Exists(Path(relative));

    /// <summary>The skip reason for the first of these files that is absent, or null when all are present.</summary>
    public static string? MissingReason(IEnumerable<string> relatives)
    {
        ArgumentNullException.ThrowIfNull(relatives);
        return relatives.FirstOrDefault(r => !Exists(r)) is { } missing
            ? $"shared data file {Path(missing)} is absent (its license keeps it out of the repository; set {RootVariable} to the folder that holds it)"
            : null;
    }

    /// <summary>The full path of a file in this repository ("data/samples/usajobs_data_roles_2026.csv").</summary>
    public static string Repo(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SkillScope.slnx")))
            {
                return System.IO.Path.Combine(dir.FullName, relative);
            }
        }

        throw new InvalidOperationException($"No SkillScope.slnx above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A fact that needs files from the shared data folder; skipped with the reason when one is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] relativePaths)
    {
        RelativePaths = relativePaths;
        Skip = SharedData.MissingReason(relativePaths);
    }

    public IReadOnlyList<string> RelativePaths { get; }
}

/// <summary>A theory that needs files from the shared data folder; skipped with the reason when one is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(params string[] relativePaths)
    {
        RelativePaths = relativePaths;
        Skip = SharedData.MissingReason(relativePaths);
    }

    public IReadOnlyList<string> RelativePaths { get; }
}
