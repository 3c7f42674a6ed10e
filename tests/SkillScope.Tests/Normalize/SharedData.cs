using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace SkillScope.Tests.Normalize;

/// <summary>
/// The real data sets under /work/shared/data (override with SKILLSCOPE_SHARED_DATA). Most are not licensed for
/// copying into this repository, so tests read them in place and skip, saying so, when they are absent.
/// </summary>
internal static class SharedData
{
    public static string Root { get; } = Environment.GetEnvironmentVariable("SKILLSCOPE_SHARED_DATA") is { Length: > 0 } root ? root : "/work/shared/data";

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static bool Exists(string relative) => File.Exists(PathOf(relative));

    /// <summary>Rows as header -> value maps (fields may hold newlines).</summary>
    public static List<Dictionary<string, string>> ReadCsv(string relative, string delimiter = ",")
    {
        using StreamReader reader = new(PathOf(relative));
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
}

/// <summary>A fact that needs files from the shared data folder; skipped with the missing path named when they are absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] relativePaths)
    {
        string? missing = relativePaths.FirstOrDefault(p => !SharedData.Exists(p));
        if (missing is not null)
        {
            Skip = $"shared data file absent: {SharedData.PathOf(missing)} (set SKILLSCOPE_SHARED_DATA to the data folder)";
        }
    }
}
