using System.Globalization;
using SkillScope.Normalize;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Store;

/// <summary>
/// The ingest reads and prepares the next batch on another thread while it writes this one
/// (<see cref="IngestOptions.OverlapBatches"/>): what it stores and counts must be what one batch at a time stores.
/// </summary>
public class PipelinedIngestTests
{
    private const string Adzuna = "adzuna_us_2026/adzuna_jobs_raw.csv";
    private const string Glassdoor = "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv";
    private const string HnApril = "hn_whoishiring_2026_fulltext/runs/2026-04-17/raw.json";
    private const string HnAprilAgain = "hn_whoishiring_2026_fulltext/runs/2026-04-28/raw.json";

    // Postings copied across towns (joins across batch boundaries), then two fetches of one HN thread (replies ignored
    // with their reasons, edited comments updated in place, the rest already stored), in batches of 20.
    [SharedDataFact(Adzuna, Glassdoor, HnApril, HnAprilAgain)]
    public void Overlapped_batches_store_and_count_exactly_what_one_batch_at_a_time_does_on_real_files()
    {
        string[] files = [.. new[] { Adzuna, Glassdoor, HnApril, HnAprilAgain }.Select(SharedData.Path)];

        var sequential = IngestAll(files, new IngestOptions { BatchSize = 20, OverlapBatches = false });
        var overlapped = IngestAll(files, new IngestOptions { BatchSize = 20 });

        Assert.True(sequential.Summaries.Sum(s => s.Merged) > 400, string.Join("\n", Lines(sequential.Summaries)));
        Assert.True(sequential.Summaries.Sum(s => s.Ignored) > 0, string.Join("\n", Lines(sequential.Summaries)));
        Assert.Equal(Lines(sequential.Summaries), Lines(overlapped.Summaries));
        Assert.Equal(sequential.Tables, overlapped.Tables);
    }

    // The HN sample has replies (ignored, with reasons) between postings; one row per batch hands over many tiny batches.
    [Fact]
    public void Batch_sizes_from_one_row_up_store_the_same_rows_and_counts()
    {
        string[] files = [SharedData.Repo("data/samples/hn_whoishiring_ml_2022_2025.md"), Repo.BundledUsajobs];

        var one = IngestAll(files, new IngestOptions { BatchSize = 1, OverlapBatches = false });
        var overlappedOne = IngestAll(files, new IngestOptions { BatchSize = 1 });
        var many = IngestAll(files, new IngestOptions { BatchSize = 5_000 });

        Assert.True(one.Summaries[0].Stored > 2_000, one.Summaries[0].ToLine());
        Assert.Equal(Lines(one.Summaries), Lines(overlappedOne.Summaries));
        Assert.Equal(one.Tables, overlappedOne.Tables);
        Assert.Equal(Lines(one.Summaries), Lines(many.Summaries));
        Assert.Equal(Without(one.Tables, "ingests"), Without(many.Tables, "ingests"));
    }

    // Rejected rows (quarantined) and a rerun that skips everything, overlapped and not.
    [Fact]
    public void Quarantine_and_a_rerun_are_the_same_with_overlapped_batches()
    {
        using var temp = new TempFolder();
        var header = "work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size\n";
        var lines = Enumerable.Range(0, 50).Select(i => i % 7 == 3
            ? "2024,SE,FT,Data Scientist,lots,USD,lots,US,0,US,M\n"
            : $"2024,MI,FT,ML Engineer,{100_000 + i},USD,{100_000 + i},US,50,US,L\n");
        var path = temp.Write("survey.csv", header + string.Concat(lines));
        string[] files = [path, path];

        var sequential = IngestAll(files, new IngestOptions { Format = "aijobs", BatchSize = 4, OverlapBatches = false });
        var overlapped = IngestAll(files, new IngestOptions { Format = "aijobs", BatchSize = 4 });

        Assert.Equal((50L, 7L, 50L), (sequential.Summaries[0].Read, sequential.Summaries[0].Rejected, sequential.Summaries[1].Skipped));
        Assert.Equal(Lines(sequential.Summaries), Lines(overlapped.Summaries));
        Assert.Equal(sequential.Tables, overlapped.Tables);
    }

    // The summaries as their lines (every count, the ignored rows' reasons included) and the tables.
    private static (List<IngestSummary> Summaries, List<string> Tables) IngestAll(string[] files, IngestOptions options)
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var service = new IngestService(store, FxRates.Default, FixedTime.Default);
        var summaries = files.Select(f => service.Ingest(f, options)).ToList();
        return (summaries, Dump(store));
    }

    private static List<string> Lines(List<IngestSummary> summaries) => [.. summaries.Select(s => s.ToLine())];

    // Every stored column of every table the ingest writes, as "table|value|value|...", in key order.
    private static List<string> Dump(SkillStore store)
    {
        var rows = new List<string>();
        foreach (var (table, order) in (ReadOnlySpan<(string, string)>)[
            ("records", "id"), ("record_sources", "identity"), ("record_skills", "record_id, skill_id"),
            ("posting_signatures", "record_id"), ("quarantine", "identity"), ("ingests", "id")])
        {
            using var command = store.Command($"SELECT * FROM {table} ORDER BY {order}");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(table + "|" + string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
                {
                    byte[] bytes => Convert.ToHexString(bytes),
                    var value => value.GetType().Name + ":" + Convert.ToString(value, CultureInfo.InvariantCulture),
                })));
            }
        }

        return rows;
    }

    private static List<string> Without(List<string> rows, string table) => [.. rows.Where(r => !r.StartsWith(table + "|", StringComparison.Ordinal))];
}
