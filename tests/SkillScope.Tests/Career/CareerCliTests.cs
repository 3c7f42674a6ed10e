using System.Text;
using System.Text.Json;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Career;

/// <summary>The `resume`, `gap` and `match` commands end to end, in process.</summary>
public class CareerCliTests
{
    private const string AsOf = "2026-11-22";

    private const string UsajobsHeader = "role,title,city,state,description,posted_date,close_date,job_grade,salary_min,salary_max,employment_type,is_remote\n";

    private static readonly string MlPosting = """
        Machine Learning Engineer
        We build forecasting products for retailers.
        Requirements:
        - 5+ years of experience in Python and SQL
        - Experience with PyTorch or TensorFlow and with Docker
        - BS or MS in Computer Science or a related field
        Nice to have: Kubernetes, AWS SageMaker, MLflow.
        """;

    private static string Store(TempFolder temp)
    {
        var csv = new StringBuilder(UsajobsHeader);
        for (var i = 0; i < 40; i++)
        {
            var extra = i < 20 ? " MLflow for experiment tracking." : " Airflow for scheduling.";
            csv.Append($"x,Machine Learning Engineer,Seattle,Washington,\"Posting {i}. Requirements: Python, PyTorch and Docker.{extra}\",2026-01-01,2026-06-30,GS,100000,150000,Full-Time,False\n");
        }

        var (exit, _, error) = CliRunner.Run("ingest", temp.Write("postings.csv", csv.ToString()), "--db", temp.Db);
        Assert.True(exit == 0, error);
        return temp.Db;
    }

    private static long SavedResumes(string db)
    {
        using var store = SkillStore.OpenReadOnly(db);
        return SkillScope.Store.SavedResumes.Count(store);
    }

    [Fact]
    public void Resume_score_json_has_score_breakdown_and_ordered_improvements()
    {
        using var temp = new TempFolder();
        var db = Store(temp);
        var job = temp.Write("job.txt", MlPosting);

        var (exit, output, error) = CliRunner.Run("resume", "score", CareerKit.Fixture("weak-ml-engineer.txt"), "--job", job, "--db", db, "--as-of", AsOf, "--format", "json");

        Assert.True(exit == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        var score = root.GetProperty("score").GetInt32();
        Assert.InRange(score, 0, 100);
        var breakdown = root.GetProperty("breakdown").EnumerateArray().ToList();
        Assert.Equal(8, breakdown.Count);
        Assert.All(breakdown, f =>
        {
            Assert.True(f.TryGetProperty("factor", out _));
            Assert.True(f.TryGetProperty("weight", out _));
            Assert.True(f.TryGetProperty("points", out _));
        });
        var improvements = root.GetProperty("improvements").EnumerateArray().ToList();
        Assert.NotEmpty(improvements);
        Assert.Equal(Enumerable.Range(1, improvements.Count), improvements.Select(i => i.GetProperty("rank").GetInt32()));
        // "PyTorch or TensorFlow": one suggestion that either skill satisfies, with the posting's sentence. The store's
        // 40 postings are USAJOBS summaries: market shares count full descriptions only, as `report skills` does, so
        // none is quoted and the note says what was left out.
        Assert.Contains(improvements, i => i.GetProperty("text").GetString() == "Add PyTorch or TensorFlow (either satisfies it): required in this posting"
            && i.GetProperty("sentence").GetString() == "Experience with PyTorch or TensorFlow and with Docker");
        var market = root.GetProperty("market");
        Assert.Equal((0L, false), (market.GetProperty("postings").GetInt64(), market.GetProperty("quoted").GetBoolean()));
        var leftOut = Assert.Single(market.GetProperty("leftOut").EnumerateArray());
        Assert.Equal(("summary", 40L), (leftOut.GetProperty("textKind").GetString(), leftOut.GetProperty("postings").GetInt64()));
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString() ==
            "only 0 ML Engineer postings with a full description are stored (fewer than 30): market shares are not shown; left out: 40 summary only (under 50 words or a source's summary)");
    }

    [Fact]
    public void Resume_score_is_the_same_every_run_and_in_every_output_format()
    {
        using var temp = new TempFolder();
        var job = temp.Write("job.txt", MlPosting);
        string[] args = ["resume", "score", CareerKit.Fixture("strong-ml-engineer.md"), "--job", job, "--db", temp.File("none.db"), "--as-of", AsOf];

        var json1 = CliRunner.Run([.. args, "--format", "json"]).Output;
        var json2 = CliRunner.Run([.. args, "--format", "json"]).Output;
        var table = CliRunner.Run(args).Output;
        var markdown = CliRunner.Run([.. args, "--format", "md"]).Output;

        Assert.Equal(json1, json2);
        var score = JsonDocument.Parse(json1).RootElement.GetProperty("score").GetInt32();
        Assert.Contains($"Score: {score} / 100", table, StringComparison.Ordinal);
        Assert.Contains($"**Score: {score} / 100**", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resume_is_stored_only_with_save()
    {
        using var temp = new TempFolder();
        var db = Store(temp);
        var job = temp.Write("job.txt", MlPosting);
        var resume = CareerKit.Fixture("strong-ml-engineer.md");

        CliRunner.Run("resume", "score", resume, "--job", job, "--db", db, "--as-of", AsOf);
        CliRunner.Run("match", resume, "--db", db, "--as-of", AsOf);
        CliRunner.Run("gap", resume, "--target-role", "ml_engineer", "--db", db, "--as-of", AsOf);
        Assert.Equal(0, SavedResumes(db));

        var (exit, _, error) = CliRunner.Run("resume", "score", resume, "--job", job, "--db", db, "--as-of", AsOf, "--save");
        var again = CliRunner.Run("match", resume, "--db", db, "--as-of", AsOf, "--save");

        Assert.Equal(0, exit);
        Assert.Contains("resume saved as #1", error, StringComparison.Ordinal);
        Assert.Contains("resume already saved as #1", again.Error, StringComparison.Ordinal);
        Assert.Equal(1, SavedResumes(db));
    }

    [Fact]
    public void Scoring_against_a_posting_file_creates_no_database()
    {
        using var temp = new TempFolder();
        var job = temp.Write("job.txt", MlPosting);

        var (exit, output, _) = CliRunner.Run("resume", "score", CareerKit.Fixture("strong-ml-engineer.md"), "--job", job, "--db", temp.File("absent.db"), "--as-of", AsOf);

        Assert.Equal(0, exit);
        Assert.Contains("no stored postings to compare with", output, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("absent.db")));
    }

    [Fact]
    public void Resume_score_reads_a_stored_posting_by_id()
    {
        using var temp = new TempFolder();
        var db = Store(temp);

        var (exit, output, error) = CliRunner.Run("resume", "score", CareerKit.Fixture("strong-ml-engineer.md"), "--job-id", "1", "--db", db, "--as-of", AsOf, "--format", "json");
        var missing = CliRunner.Run("resume", "score", CareerKit.Fixture("strong-ml-engineer.md"), "--job-id", "999", "--db", db);

        Assert.True(exit == 0, error);
        Assert.Equal(1, JsonDocument.Parse(output).RootElement.GetProperty("posting").GetProperty("recordId").GetInt64());
        Assert.Equal(1, missing.Exit);
        Assert.Contains("no stored record has id 999", missing.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.txt", "", "the file is empty")]
    [InlineData("short.txt", "Jane Doe, data scientist", "too little to score")]
    public void Bad_resumes_are_one_line_errors_and_print_no_score(string name, string content, string expected)
    {
        using var temp = new TempFolder();
        var job = temp.Write("job.txt", MlPosting);

        var (exit, output, error) = CliRunner.Run("resume", "score", temp.Write(name, content), "--job", job, "--db", temp.File("x.db"));

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"skillscope: {name}: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_posting_file_is_read_in_any_ingest_format_and_a_survey_is_not_a_posting()
    {
        using var temp = new TempFolder();
        var csv = temp.Write("postings.csv", UsajobsHeader
            + "x,Machine Learning Engineer,Seattle,Washington,\"Requirements: 5+ years of experience with Python, PyTorch and Docker.\",2026-01-01,2026-06-30,GS,100000,150000,Full-Time,False\n");

        var fromCsv = CliRunner.Run("resume", "score", CareerKit.Fixture("strong-ml-engineer.md"), "--job", csv, "--db", temp.File("x.db"), "--as-of", AsOf, "--format", "json");
        var fromSurvey = CliRunner.Run("resume", "score", CareerKit.Fixture("strong-ml-engineer.md"), "--job", Repo.BundledSurvey, "--db", temp.File("x.db"));

        Assert.Equal(0, fromCsv.Exit);
        var posting = JsonDocument.Parse(fromCsv.Output).RootElement.GetProperty("posting");
        Assert.Equal("Machine Learning Engineer", posting.GetProperty("title").GetString());
        Assert.Equal(5, posting.GetProperty("yearsRequired").GetInt32());
        Assert.Equal(1, fromSurvey.Exit);
        Assert.Contains("the first record is a salary report (aijobs format), not a job posting", fromSurvey.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_score_needs_exactly_one_posting()
    {
        var (exit, _, error) = CliRunner.Run("resume", "score", CareerKit.Fixture("strong-ml-engineer.md"));

        Assert.Equal(1, exit);
        Assert.Contains("exactly one of --job FILE or --job-id ID", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Gap_prints_stages_and_says_salary_is_not_known()
    {
        using var temp = new TempFolder();
        var db = Store(temp);

        var (exit, output, error) = CliRunner.Run("gap", "--skills", "python", "--target-role", "ml_engineer", "--db", db, "--format", "md", "--include-snippets");

        Assert.True(exit == 0, error);
        Assert.Contains("## Phase 1 · ", output, StringComparison.Ordinal);
        Assert.Contains("salary premium: not known (n too small)", output, StringComparison.Ordinal);
        Assert.Contains("Shares are of ML Engineer postings (n = 40)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gap_rejects_unknown_roles_and_reports_unknown_skills()
    {
        using var temp = new TempFolder();
        var db = Store(temp);

        var badRole = CliRunner.Run("gap", "--skills", "python", "--target-role", "wizard", "--db", db);
        var unknownSkill = CliRunner.Run("gap", "--skills", "python,basket weaving", "--target-role", "ml_engineer", "--db", db);

        Assert.Equal(1, badRole.Exit);
        Assert.Contains("--target-role 'wizard' is not known", badRole.Error, StringComparison.Ordinal);
        Assert.Equal(0, unknownSkill.Exit);
        Assert.Contains("not in the skill taxonomy, ignored: basket weaving", unknownSkill.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_lists_postings_with_reasons()
    {
        using var temp = new TempFolder();
        var db = Store(temp);

        var (exit, output, error) = CliRunner.Run("match", CareerKit.Fixture("strong-ml-engineer.md"), "--db", db, "--as-of", AsOf, "--top", "3", "--format", "json");

        Assert.True(exit == 0, error);
        Assert.Contains("indexing 40 postings for full-text search", error, StringComparison.Ordinal);
        var report = JsonDocument.Parse(output).RootElement;
        var matches = report.GetProperty("matches").EnumerateArray().ToList();
        // The 40 postings share company, title and place: one job posted again, listed once, and the note says so.
        Assert.Single(matches);
        Assert.Contains(report.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("39 postings with the company, title and place of a better-ranked one left out", StringComparison.Ordinal));
        Assert.All(matches, m => Assert.NotEmpty(m.GetProperty("why").EnumerateArray()));
        Assert.Contains("python", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Match_without_a_database_says_to_ingest_first()
    {
        using var temp = new TempFolder();

        var (exit, _, error) = CliRunner.Run("match", CareerKit.Fixture("strong-ml-engineer.md"), "--db", temp.File("none.db"));

        Assert.Equal(1, exit);
        Assert.Contains("ingest postings first", error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("none.db")));
    }
}
