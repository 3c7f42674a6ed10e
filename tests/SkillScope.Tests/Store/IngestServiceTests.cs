using SkillScope.Ingest;
using SkillScope.Normalize;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Store;

public class IngestServiceTests
{
    private const string UsajobsHeader = "role,title,city,state,description,posted_date,close_date,job_grade,salary_min,salary_max,employment_type,is_remote\n";
    private const string PostingX = "data scientist,Data Scientist,Suitland,Maryland,\"Build statistical models for the census.\",2026-02-06,2026-08-05,GS,143913,187093,Full-Time,False\n";
    private const string PostingY = "data engineer,Data Engineer,Washington,District of Columbia,\"Build optimal data pipelines.\",2025-10-01,2026-09-30,GS,74584,156755,Full-Time,False\n";

    private static IngestSummary Ingest(SkillStore store, string path, IngestOptions? options = null, CancellationToken cancellation = default) =>
        new IngestService(store, FxRates.Default, FixedTime.Default).Ingest(path, options ?? new IngestOptions(), null, cancellation);

    private static long Count(SkillStore store, string table)
    {
        return store.Scalar($"SELECT COUNT(*) FROM {table}");
    }

    [Fact]
    public void A_file_level_error_ends_the_run_interrupted_with_the_error_as_its_reason()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var file = temp.Write("board.csv", "job,place\nData Scientist,Berlin\n");
        var options = new IngestOptions { Format = "csv", ColumnMapping = new Dictionary<string, string> { ["Title"] = "job_title" } };

        var error = Assert.Throws<ReadError>(() => Ingest(store, file, options));

        var run = Assert.Single(store.Ingests());
        Assert.Equal("interrupted", run.Status);
        Assert.Equal("stopped by an error: " + error.Message, run.Note);
        Assert.NotNull(run.FinishedAt);
    }

    [Fact]
    public void A_cancelled_run_says_it_was_stopped_on_request_and_a_completed_one_has_no_note()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Ingest(store, Repo.BundledUsajobs, cancellation: cancelled.Token);
        Ingest(store, Repo.BundledUsajobs);

        var runs = store.Ingests();
        Assert.Equal(("interrupted", true), (runs[0].Status, runs[0].Note!.StartsWith("stopped on request", StringComparison.Ordinal)));
        Assert.Equal(("completed", null), (runs[1].Status, runs[1].Note));
    }

    [Fact]
    public void Survey_rows_are_all_stored_and_never_merged_even_when_identical()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);

        var summary = Ingest(store, Repo.BundledSurvey);

        Assert.Equal(74_301, summary.Read);
        Assert.Equal(74_301, summary.Stored);
        Assert.Equal(0, summary.Merged + summary.Rejected + summary.Skipped);
        Assert.Equal(74_301, Count(store, "records"));
    }

    [Fact]
    public void Reingesting_the_same_content_under_another_name_adds_nothing()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var copy = temp.File("renamed-copy.csv");
        File.Copy(Repo.BundledUsajobs, copy);

        var first = Ingest(store, Repo.BundledUsajobs);
        var second = Ingest(store, copy);

        Assert.Equal(first.Read, second.Read);
        Assert.Equal(second.Read, second.Skipped);
        Assert.Equal(0, second.Stored + second.Merged + second.Rejected);
        Assert.Equal(first.Stored, Count(store, "records"));
    }

    [Fact]
    public void The_same_posting_in_two_files_is_stored_once_with_both_sources()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var a = temp.Write("board-a.csv", UsajobsHeader + PostingX);
        var b = temp.Write("board-b.csv", UsajobsHeader + PostingY + PostingX);

        var first = Ingest(store, a, new IngestOptions { Source = "board-a" });
        var second = Ingest(store, b, new IngestOptions { Source = "board-b" });

        Assert.Equal((1, 0), (first.Stored, first.Merged));
        Assert.Equal((1, 1), (second.Stored, second.Merged));
        Assert.Equal(2, Count(store, "records"));
        var sources = SkillScope.Store.Sql.Strings(store, "SELECT s.source FROM record_sources s JOIN records r ON r.id = s.record_id WHERE r.title = 'Data Scientist' ORDER BY s.source");
        Assert.Equal("board-a+board-b", string.Join('+', sources));
    }

    [Fact]
    public void Rejected_rows_are_quarantined_with_line_reason_and_raw_text_once()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var header = "work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size\n";
        var path = temp.Write("survey.csv", header
            + "2024,SE,FT,Data Scientist,150000,USD,150000,US,0,US,M\n"
            + "2024,SE,FT,Data Scientist,lots,USD,lots,US,0,US,M\n"
            + "2024,MI,FT,,90000,USD,90000,US,100,US,M\n"
            + "2024,MI,FT,ML Engineer,120000,USD,120000,US,50,US,L\n");

        var first = Ingest(store, path, new IngestOptions { Format = "aijobs" });
        var again = Ingest(store, path, new IngestOptions { Format = "aijobs" });

        Assert.Equal((4, 2, 2), (first.Read, first.Stored, first.Rejected));
        Assert.Equal(4, again.Skipped);
        var rows = Quarantine.List(store, 0);
        Assert.Equal(2, rows.Count);
        Assert.Equal([3L, 4L], rows.Select(r => r.Line));
        Assert.Contains("lots", rows[0].Raw, StringComparison.Ordinal);
        Assert.Contains("title", rows[1].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.All(rows, r => Assert.EndsWith("survey.csv", r.File, StringComparison.Ordinal));
    }

    [Fact]
    public void A_cancelled_ingest_commits_what_it_read_and_a_rerun_completes_the_load()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var interrupted = Ingest(store, Repo.BundledSurvey, new IngestOptions { BatchSize = 1_000 }, cancel.Token);
        var stored = Count(store, "records");
        var resumed = Ingest(store, Repo.BundledSurvey);

        Assert.True(interrupted.Interrupted);
        Assert.Equal(1, interrupted.Read);
        Assert.Equal(1, stored);
        Assert.Equal(1, resumed.Skipped);
        Assert.Equal(74_301 - 1, resumed.Stored);
        Assert.Equal(74_301, Count(store, "records"));
        Assert.Equal(Count(store, "records"), Count(store, "record_sources"));
    }

    [Fact]
    public void A_missing_file_is_a_one_line_error_naming_it()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);

        var error = Assert.Throws<ReadError>(() => Ingest(store, temp.File("nope.csv")));

        Assert.Contains("nope.csv", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_file_of_unknown_layout_is_a_one_line_error_suggesting_format()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var path = temp.Write("mystery.csv", "alpha,beta,gamma\n1,2,3\n");

        var error = Assert.Throws<ReadError>(() => Ingest(store, path));

        Assert.Contains("mystery.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("--format", error.Message, StringComparison.Ordinal);
    }
}
