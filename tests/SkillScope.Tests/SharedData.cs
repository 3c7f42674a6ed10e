using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

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

    /// <summary>SKILLSCOPE_SHARED_DATA, else the first shared/data folder beside the repository or above it.</summary>
    public static string Root { get; } =
        Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } root ? root : FindBesideRepository() ?? "/work/shared/data";

    private static string? FindBesideRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The full path of a file given relative to the shared data folder ("aijobs_salaries/salaries_2025-01-19.csv").</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static bool Exists(string relative) => File.Exists(Path(relative));

    /// <summary>Rows as header -> value maps (fields may hold newlines).</summary>
    public static List<Dictionary<string, string>> ReadCsv(string relative, string delimiter = ",")
    {
        using StreamReader reader = new(Path(relative));
        CsvConfiguration config = new(CultureInfo.InvariantCulture) { Delimiter = delimiter, BadDataFound = null, MissingFieldFound = null };
        using CsvReader csv = new(reader, config);
        csv.Read();
        csv.ReadHeader();
        string[] header = csv.HeaderRecord!;
        List<Dictionary<string, string>> rows = [];
        while (csv.Read())
        {
            Dictionary<string, string> row = new(StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++)
            {
                row[header[i]] = csv.GetField(i) ?? "";
            }

            rows.Add(row);
        }

        return rows;
    }

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
