using System.Globalization;
using CsvHelper;

namespace SkillScope.Tests.Skills;

/// <summary>
/// Locates the read-only shared data sets (../shared/data next to the repository, or $SKILLSCOPE_SHARED_DATA).
/// Several are not licensed for copying into the repository, so tests read them in place.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> s_root = new(FindRoot);
    private static readonly Lazy<IReadOnlyList<string>> s_postings = new(LoadPostings);

    public static string? Root => s_root.Value;

    public static string? PathOf(string relative) => Root is null ? null : System.IO.Path.Combine(Root, relative);

    public static bool Has(string relative) => PathOf(relative) is { } path && File.Exists(path);

    /// <summary>Descriptions of the LinkedIn/Indeed 2018 and Glassdoor 2020 data-science postings.</summary>
    public static IReadOnlyList<string> Postings => s_postings.Value;

    public const string LinkedIn = "linkedin_indeed_ca_2018/DataScientist.csv";
    public const string Indeed = "linkedin_indeed_ca_2018/cal_ds_500.csv";
    public const string Glassdoor = "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv";
    public const string Google = "google_job_skills_2018/job_skills.csv";
    public const string SkillSpanTechDev = "skillspan/skillspan_tech_dev.conll";
    public const string DecorteTech = "decorte_esco_skill_benchmark/tech_validation_annotations.csv";
    public const string Esco = "esco/skills_en_reduced.csv";
    public const string Onet = "onet/Technology Skills.txt";

    public static IEnumerable<Dictionary<string, string>> ReadCsv(string relative, string delimiter = ",")
    {
        using var reader = new StreamReader(PathOf(relative)!);
        using var csv = new CsvReader(reader, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            yield return header.Where(h => h.Length > 0).ToDictionary(h => h, h => csv.GetField(h) ?? "");
        }
    }

    private static List<string> LoadPostings()
    {
        var texts = new List<string>();
        texts.AddRange(ReadCsv(LinkedIn).Select(r => r["description"]));
        texts.AddRange(ReadCsv(Indeed).Select(r => r["description"]));
        texts.AddRange(ReadCsv(Glassdoor).Select(r => r["Job Description"]));
        return texts;
    }

    // One place decides where the shared data lives (SKILLSCOPE_SHARED_DATA, beside the repository, or /work/shared/data).
    private static string? FindRoot() => Directory.Exists(Tests.SharedData.Root) ? Tests.SharedData.Root : null;
}

/// <summary>A fact that is skipped, saying why, when a shared data file it reads is absent.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] files)
    {
        var missing = files.Where(f => !SharedData.Has(f)).ToList();
        if (missing.Count > 0)
        {
            Skip = $"Shared data absent ({string.Join(", ", missing)}); set SKILLSCOPE_SHARED_DATA to the shared/data folder to run this test.";
        }
    }
}
