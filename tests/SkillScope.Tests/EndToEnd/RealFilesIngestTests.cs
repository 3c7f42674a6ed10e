using SkillScope.Normalize;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.EndToEnd;

/// <summary>Each real layout, detected by content, through the whole pipeline into one store: every row accounted for.</summary>
public class RealFilesIngestTests
{
    [SharedDataTheory(
        "ds_salaries_kaggle_2023/ds_salaries.csv", "linkedin_indeed_ca_2018/DataScientist.csv", "linkedin_indeed_ca_2018/cal_ds_500.csv",
        "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv", "indeed_ds_2024_salary_strings/job_postings_raw.csv", "adzuna_us_2026/adzuna_jobs_raw.csv",
        "linkedin_2023_structured/job_postings.csv")]
    [InlineData("ds_salaries_kaggle_2023/ds_salaries.csv", "aijobs", 3_755, 0, 0)]
    [InlineData("linkedin_indeed_ca_2018/DataScientist.csv", "linkedin", 975, 4, 0)]
    [InlineData("linkedin_indeed_ca_2018/cal_ds_500.csv", "indeed", 506, 0, 506 - 338)] // 338 distinct Indeed ids: repeats are the same record
    [InlineData("glassdoor_ds_2020_kenjee/glassdoor_jobs.csv", "glassdoor", 956, 0, 0)]
    [InlineData("indeed_ds_2024_salary_strings/job_postings_raw.csv", "indeed2024", 975, 0, 0)]
    [InlineData("adzuna_us_2026/adzuna_jobs_raw.csv", "adzuna", 748, 0, 0)]
    [InlineData("linkedin_2023_structured/job_postings.csv", "linkedin2023", 33_246, 0, 0)]
    public void Every_row_is_stored_merged_or_quarantined(string relative, string format, long rows, long rejected, long sameId)
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);

        var summary = new IngestService(store, FxRates.Default, FixedTime.Default).Ingest(SharedData.Path(relative), new IngestOptions());

        Assert.Equal(format, summary.Format);
        Assert.Equal(rows, summary.Read);
        Assert.Equal(rejected, summary.Rejected);
        Assert.Equal(sameId, summary.Skipped);
        Assert.Equal(summary.Read, summary.Stored + summary.Merged + summary.Skipped + summary.Rejected);
        Assert.Equal(rejected, Quarantine.Count(store));
    }

    [SharedDataFact("indeed_ds_2024_salary_strings/job_postings_raw.csv")]
    public void Re_scraped_indeed_cards_are_merged_into_one_job_each()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var path = SharedData.Path("indeed_ds_2024_salary_strings/job_postings_raw.csv");
        var distinct = SharedData.ReadCsv("indeed_ds_2024_salary_strings/job_postings_raw.csv")
            .Select(r => string.Join('\u001f', r["company"].Trim().ToLowerInvariant(), r["title"].Trim().ToLowerInvariant(), string.Join(' ', r["location"].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant()))
            .Distinct(StringComparer.Ordinal).Count();

        var summary = new IngestService(store, FxRates.Default, FixedTime.Default).Ingest(path, new IngestOptions());

        Assert.Equal(distinct, summary.Stored);
        Assert.True(summary.Merged > 0);
    }
}
