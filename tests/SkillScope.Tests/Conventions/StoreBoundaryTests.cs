using System.Text.RegularExpressions;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Conventions;

/// <summary>SQL and database types live in the store (src/SkillScope/Store): everything else reads and writes through its methods.</summary>
public partial class StoreBoundaryTests
{
    [GeneratedRegex(@"\b(Microsoft\.Data\.Sqlite|SQLitePCL|Npgsql|SqliteConnection|SqliteCommand|SqliteDataReader|SqliteException|NpgsqlConnection|DbConnection|DbCommand|DbDataReader)\b")]
    private static partial Regex DatabaseType();

    [Fact]
    public void No_database_type_is_used_outside_the_store()
    {
        var store = Path.Combine(Repo.Root, "src", "SkillScope", "Store") + Path.DirectorySeparatorChar;
        var violations = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.StartsWith(store, StringComparison.Ordinal) && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => DatabaseType().Matches(File.ReadAllText(file)).Select(m => $"{Path.GetRelativePath(Repo.Root, file)}: {m.Value}"))
            .Distinct()
            .ToList();
        Assert.Empty(violations);
    }
}
