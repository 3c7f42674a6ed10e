using System.Globalization;
using System.Text.Json;
using SkillScope.Analytics;
using SkillScope.Store;
using SkillScope.Tests.Support;
using Xunit.Abstractions;

namespace SkillScope.Tests.Analytics;

/// <summary>The interval of a share difference and the stack options, without a store.</summary>
public sealed class StackStatisticsTests
{
    // Newcombe (1998), "Interval estimation for the difference between independent proportions: comparison of eleven
    // methods", Statistics in Medicine 17:873-890, Table II, method 10 (score interval, no continuity correction).
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    [InlineData(0, 10, 0, 10, -0.2775, 0.2775)]
    [InlineData(10, 10, 0, 20, 0.6791, 1.0000)]
    [InlineData(10, 10, 0, 10, 0.6075, 1.0000)]
    public void Newcombe_difference_interval_matches_the_published_worked_examples(long x1, long n1, long x2, long n2, double low, double high)
    {
        var interval = SkillDemand.NewcombeDifference(x1, n1, x2, n2);

        Assert.Equal(low, interval.Low, 4);
        Assert.Equal(high, interval.High, 4);
    }

    [Fact]
    public void Newcombe_difference_of_swapped_samples_is_the_mirror_interval()
    {
        var forward = SkillDemand.NewcombeDifference(56, 70, 48, 80);
        var backward = SkillDemand.NewcombeDifference(48, 80, 56, 70);

        Assert.Equal(-forward.High, backward.Low, 12);
        Assert.Equal(-forward.Low, backward.High, 12);
    }

    [Fact]
    public void Newcombe_difference_refuses_an_empty_sample()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SkillDemand.NewcombeDifference(0, 0, 3, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => SkillDemand.NewcombeDifference(11, 10, 3, 10));
    }

    [Theory]
    [InlineData(6, 30, 0.20, true)]
    [InlineData(5, 30, 0.20, false)]
    [InlineData(7, 35, 0.20, true)]
    [InlineData(1, 3, 1.0 / 3, true)]
    [InlineData(0, 0, 0.20, false)]
    public void A_skill_at_exactly_the_minimum_share_is_in_the_stack(long count, long n, double minShare, bool expected) =>
        Assert.Equal(expected, SkillStacks.InStack(count, n, minShare));

    [Theory]
    [InlineData(null, null, 0.20, 30)]
    [InlineData("25", "10", 0.25, 10)]
    [InlineData("12.5%", " 50 ", 0.125, 50)]
    [InlineData("100", "1", 1.0, 1)]
    public void Stack_options_read_a_percentage_and_a_whole_number(string? minShare, string? minPostings, double share, int postings)
    {
        var filter = new RecordFilter { Roles = ["ml_engineer"] };

        Assert.True(StackOptions.TryBuild(new StackInput { MinShare = minShare, MinPostings = minPostings }, filter, out var options, out var error), error?.Message);
        Assert.Equal(share, options.MinShare, 12);
        Assert.Equal(postings, options.MinPostings);
    }

    [Theory]
    [InlineData("ml_engineer", "0", null, "minShare")]
    [InlineData("ml_engineer", "101", null, "minShare")]
    [InlineData("ml_engineer", "0.2.1", null, "minShare")]
    [InlineData("ml_engineer", "-5", null, "minShare")]
    [InlineData("ml_engineer", null, "0", "minPostings")]
    [InlineData("ml_engineer", null, "2.5", "minPostings")]
    [InlineData("ml_engineer", null, "thirty", "minPostings")]
    [InlineData(null, "20", "30", "role")]
    public void Bad_stack_options_are_values_naming_their_field(string? role, string? minShare, string? minPostings, string field)
    {
        var filter = new RecordFilter { Roles = role is null ? [] : [role] };

        Assert.False(StackOptions.TryBuild(new StackInput { MinShare = minShare, MinPostings = minPostings }, filter, out _, out var error));
        Assert.Equal(field, error.Field);
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("skillscope: --role is required: a stack describes one role's postings", "report", "stacks")]
    [InlineData("skillscope: --min-share '0' is not a percentage above 0 and at most 100", "report", "stacks", "--role", "ml_engineer", "--min-share", "0")]
    [InlineData("skillscope: --min-share 'twenty' is not a percentage", "report", "stacks", "--role", "ml_engineer", "--min-share", "twenty")]
    [InlineData("skillscope: --min-postings '-3' must be a whole number from 1 to 1000000", "report", "stacks", "--role", "ml_engineer", "--min-postings", "-3")]
    [InlineData("skillscope: --seniority 'boss' is not known", "report", "stacks", "--role", "ml_engineer", "--seniority", "boss")]
    [InlineData("skillscope: --role 'wizard' is not known", "report", "stacks", "--role", "wizard")]
    public void Stack_usage_errors_are_one_line_naming_the_option_with_exit_code_1(string expected, params string[] args)
    {
        using var folder = new TempFolder();

        // The options are checked before the store is opened: the database file is never created.
        var (exit, output, error) = CliRunner.Run([.. args, "--db", folder.File("never.db")]);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(File.Exists(folder.File("never.db")));
    }
}

/// <summary>
/// The store the stack tests share, ingested once: Glassdoor 2020, LinkedIn 2018, the RemoteWLB board 2024-2025 (most of the
/// ML-engineer postings with levels) and Hacker News "Who is hiring?" 2026 (full comment text).
/// </summary>
public sealed class StackStore : IDisposable
{
    public const string Glassdoor = "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv";
    public const string LinkedIn = "linkedin_indeed_ca_2018/DataScientist.csv";
    public const string RemoteBoard = "remotewlb_remote_jobs_2024_2025/MANIFEST.tsv";
    public const string Hn = "hn_whoishiring_2026_fulltext/runs/2026-04-17/raw.json";

    private readonly TempFolder folder = new();

    public StackStore()
    {
        if (SharedData.MissingReason([Glassdoor, LinkedIn, RemoteBoard, Hn]) is not null)
        {
            return;
        }

        var hnRuns = Directory.GetDirectories(SharedData.Path("hn_whoishiring_2026_fulltext/runs")).Order(StringComparer.Ordinal)
            .Select(run => Path.Combine(run, "raw.json")).Where(File.Exists);
        var (exit, _, error) = CliRunner.Run(["ingest", SharedData.Path(Glassdoor), SharedData.Path(LinkedIn),
            Path.GetDirectoryName(SharedData.Path(RemoteBoard))!, .. hnRuns, "--db", Db]);
        Assert.True(exit == 0, error);
    }

    public string Db => folder.Db;

    public JsonElement Json(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run([.. args, "--db", Db, "--format", "json"]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    public (string Output, string Error) Run(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run([.. args, "--db", Db]);
        Assert.True(exit == 0, error);
        return (output, error);
    }

    public void Dispose() => folder.Dispose();
}

/// <summary>`report stacks` on real postings: levels with n, notes under the minimum, snippets left out, changes with intervals.</summary>
public sealed class SkillStacksTests(StackStore store, ITestOutputHelper output) : IClassFixture<StackStore>
{
    private static readonly string[] Ladder = ["intern", "junior", "mid", "senior", "lead", "executive", "unknown"];

    [SharedDataFact(StackStore.Glassdoor, StackStore.LinkedIn, StackStore.RemoteBoard, StackStore.Hn)]
    public void Ml_engineer_stacks_give_every_level_its_n_and_each_stack_its_shares()
    {
        var report = store.Json("report", "stacks", "--role", "ml_engineer");
        output.WriteLine(store.Run("report", "stacks", "--role", "ml_engineer").Output);

        var levels = report.GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal(Ladder, levels.Select(l => l.GetProperty("level").GetString()));
        var stacked = levels.Where(l => l.GetProperty("note").ValueKind == JsonValueKind.Null).Select(l => l.GetProperty("level").GetString()).ToList();
        Assert.Equal(["junior", "mid", "senior", "lead"], stacked);
        foreach (var level in levels)
        {
            // n is the skill report's denominator for the same role and level: full texts, each posting once.
            var id = level.GetProperty("level").GetString()!;
            var skills = store.Json("report", "skills", "--role", "ml_engineer", "--seniority", id, "--top", "1000");
            Assert.Equal(skills.GetProperty("postings").GetInt64(), level.GetProperty("postings").GetInt64());
            if (!stacked.Contains(id))
            {
                continue;
            }

            var shares = skills.GetProperty("skills").EnumerateArray().ToDictionary(s => s.GetProperty("skill").GetString()!, s => s.GetProperty("share").GetDouble());
            var stack = level.GetProperty("skills").EnumerateArray().ToList();
            Assert.NotEmpty(stack);
            Assert.All(stack, s => Assert.True(s.GetProperty("share").GetDouble() >= 0.2 && s.GetProperty("inStack").GetBoolean(), s.ToString()));
            Assert.Equal(shares.Where(s => s.Value >= 0.2).Select(s => s.Key).Order(StringComparer.Ordinal),
                stack.Select(s => s.GetProperty("skill").GetString()!).Order(StringComparer.Ordinal));
            Assert.Contains(stack, s => s.GetProperty("skill").GetString() == "python");
        }

        Assert.Equal(levels.Sum(l => l.GetProperty("postings").GetInt64()), report.GetProperty("postings").GetInt64());
    }

    [SharedDataFact(StackStore.Glassdoor, StackStore.LinkedIn, StackStore.RemoteBoard, StackStore.Hn)]
    public void Each_level_is_compared_with_the_nearest_lower_level_with_a_stack_and_changes_say_whether_they_are_established()
    {
        var report = store.Json("report", "stacks", "--role", "ml_engineer");

        var levels = report.GetProperty("levels").EnumerateArray().Where(l => l.GetProperty("note").ValueKind == JsonValueKind.Null).ToList();
        Assert.Equal(JsonValueKind.Null, levels[0].GetProperty("compareWith").ValueKind);
        var established = 0;
        var notEstablished = 0;
        for (var i = 1; i < levels.Count; i++)
        {
            var below = levels[i - 1];
            Assert.Equal(below.GetProperty("level").GetString(), levels[i].GetProperty("compareWith").GetString());
            Assert.Equal(below.GetProperty("postings").GetInt64(), levels[i].GetProperty("compareWithPostings").GetInt64());
            var belowStack = below.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("skill").GetString()).ToHashSet();
            var n = levels[i].GetProperty("postings").GetInt64();
            var nBelow = below.GetProperty("postings").GetInt64();
            foreach (var skill in levels[i].GetProperty("skills").EnumerateArray().Concat(levels[i].GetProperty("dropped").EnumerateArray()))
            {
                var x = skill.GetProperty("postings").GetInt64();
                var xBelow = skill.GetProperty("belowPostings").GetInt64();
                var (low, high) = SkillDemand.NewcombeDifference(x, n, xBelow, nBelow);
                Assert.Equal((double)x / n - (double)xBelow / nBelow, skill.GetProperty("difference").GetDouble(), 12);
                Assert.Equal(low, skill.GetProperty("differenceLow").GetDouble(), 12);
                Assert.Equal(high, skill.GetProperty("differenceHigh").GetDouble(), 12);
                Assert.True(low <= skill.GetProperty("difference").GetDouble() && skill.GetProperty("difference").GetDouble() <= high);
                var isEstablished = skill.GetProperty("established").GetBoolean();
                Assert.Equal(low > 0 || high < 0, isEstablished);
                _ = isEstablished ? established++ : notEstablished++;
                Assert.Equal(skill.GetProperty("inStack").GetBoolean() && !belowStack.Contains(skill.GetProperty("skill").GetString()), skill.GetProperty("new").GetBoolean());
            }

            // A dropped skill was in the stack below and is under the minimum here.
            Assert.All(levels[i].GetProperty("dropped").EnumerateArray(), d =>
            {
                Assert.Contains(d.GetProperty("skill").GetString(), belowStack);
                Assert.True(d.GetProperty("share").GetDouble() < 0.2);
            });
        }

        output.WriteLine($"{established} changes established, {notEstablished} not");
        Assert.True(established > 0, "no change between levels is established");
        Assert.True(notEstablished > established, "most level-to-level changes on these samples should not be established");
    }

    [SharedDataFact(StackStore.Glassdoor, StackStore.LinkedIn, StackStore.RemoteBoard, StackStore.Hn)]
    public void A_level_under_the_minimum_n_shows_its_n_and_a_note_instead_of_a_stack()
    {
        var report = store.Json("report", "stacks", "--role", "ml_engineer");
        var intern = Level(report, "intern");
        var text = store.Run("report", "stacks", "--role", "ml_engineer").Output;

        Assert.InRange(intern.GetProperty("postings").GetInt64(), 1, 29);
        Assert.Equal("too few postings with full text for a stack (fewer than 30)", intern.GetProperty("note").GetString());
        Assert.Empty(intern.GetProperty("skills").EnumerateArray());
        Assert.Contains($"Intern (n = {intern.GetProperty("postings").GetInt64()}): too few postings with full text for a stack (fewer than 30).", text, StringComparison.Ordinal);
        Assert.Contains("in no stack", Level(report, "unknown").GetProperty("note").GetString(), StringComparison.Ordinal);

        // The minimum is an option: with 5, the intern level has a stack and is the level the juniors are compared with.
        var lower = store.Json("report", "stacks", "--role", "ml_engineer", "--min-postings", "5");
        Assert.Equal(JsonValueKind.Null, Level(lower, "intern").GetProperty("note").ValueKind);
        Assert.Equal("intern", Level(lower, "junior").GetProperty("compareWith").GetString());
    }

    [SharedDataFact(StackStore.Glassdoor, StackStore.LinkedIn, StackStore.RemoteBoard, StackStore.Hn)]
    public void Snippets_and_summaries_are_left_out_of_every_level_unless_asked_for()
    {
        var fullOnly = store.Json("report", "stacks", "--role", "ml_engineer");
        var withSnippets = store.Json("report", "stacks", "--role", "ml_engineer", "--include-snippets");

        Assert.False(fullOnly.GetProperty("includeSnippets").GetBoolean());
        var cut = fullOnly.GetProperty("leftOut").EnumerateArray().Where(l => l.GetProperty("textKind").GetString() is "snippet" or "summary").Sum(l => l.GetProperty("postings").GetInt64());
        Assert.True(cut > 0, "the store has ML-engineer snippets or summaries");
        Assert.Equal(fullOnly.GetProperty("postings").GetInt64() + cut, withSnippets.GetProperty("postings").GetInt64());
        foreach (var level in Ladder)
        {
            var a = Level(fullOnly, level);
            var leftOut = a.GetProperty("leftOut").EnumerateArray().Where(l => l.GetProperty("textKind").GetString() != "none").Sum(l => l.GetProperty("postings").GetInt64());
            Assert.Equal(a.GetProperty("postings").GetInt64() + leftOut, Level(withSnippets, level).GetProperty("postings").GetInt64());
        }
    }

    [SharedDataFact(StackStore.Glassdoor, StackStore.LinkedIn, StackStore.RemoteBoard, StackStore.Hn)]
    public void Filters_narrow_the_levels_and_the_postings_like_the_other_reports()
    {
        var two = store.Json("report", "stacks", "--role", "ml_engineer", "--seniority", "senior,junior");
        Assert.Equal(["junior", "senior"], two.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("level").GetString()));
        Assert.Equal("junior", Level(two, "senior").GetProperty("compareWith").GetString());

        var remote = store.Json("report", "stacks", "--role", "ml_engineer", "--source", "REMOTEWLB", "--since", "2025");
        var skills = store.Json("report", "skills", "--role", "ml_engineer", "--source", "remotewlb", "--since", "2025", "--seniority", "senior");
        Assert.Equal(skills.GetProperty("postings").GetInt64(), Level(remote, "senior").GetProperty("postings").GetInt64());
        Assert.True(Level(remote, "senior").GetProperty("postings").GetInt64() < Level(store.Json("report", "stacks", "--role", "ml_engineer"), "senior").GetProperty("postings").GetInt64());

        var (exit, _, error) = CliRunner.Run("report", "stacks", "--role", "ml_engineer", "--source", "remotewbl", "--db", store.Db);
        Assert.Equal(1, exit);
        Assert.Contains("--source 'remotewbl' is not a stored source", error, StringComparison.Ordinal);
    }

    [SharedDataFact(StackStore.Glassdoor, StackStore.LinkedIn, StackStore.RemoteBoard, StackStore.Hn)]
    public void The_text_table_fits_80_columns_and_csv_and_markdown_carry_the_same_rows()
    {
        var report = store.Json("report", "stacks", "--role", "ml_engineer");
        var text = store.Run("report", "stacks", "--role", "ml_engineer").Output;
        var csv = store.Run("report", "stacks", "--role", "ml_engineer", "--format", "csv").Output;
        var markdown = store.Run("report", "stacks", "--role", "ml_engineer", "--format", "md").Output;

        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        var rows = report.GetProperty("levels").EnumerateArray()
            .Sum(l => Math.Max(1, l.GetProperty("skills").GetArrayLength() + l.GetProperty("dropped").GetArrayLength()));
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(rows, lines.Length - 1);
        Assert.All(lines, line => Assert.Equal(20, Fields(line)));
        var senior = Level(report, "senior");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"## Senior (n = {senior.GetProperty("postings").GetInt64():N0})"), markdown, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Senior: n = {senior.GetProperty("postings").GetInt64():N0}, compared with mid"), text, StringComparison.Ordinal);
    }

    private static JsonElement Level(JsonElement report, string level) =>
        report.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == level);

    // Fields of a CSV line whose quoted fields hold no line breaks.
    private static int Fields(string line)
    {
        var (fields, quoted) = (1, false);
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields++;
            }
        }

        return fields;
    }
}
