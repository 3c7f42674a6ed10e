using SkillScope.Tests.Support;
using Spectre.Console;

namespace SkillScope.Tests.EndToEnd;

/// <summary>
/// A store of real postings and salary reports for the terminal-width tests: Adzuna 2026, USAJOBS 2026, Glassdoor
/// 2020, LinkedIn and Indeed 2018 (shared data), the bundled Hacker News sample and the first 3,000 rows of the bundled
/// survey; ingested once.
/// </summary>
public sealed class TerminalTablesStore : IDisposable
{
    public static readonly string[] Files =
    [
        "adzuna_us_2026/adzuna_jobs_raw.csv", "usajobs_data_roles_2026/usajobs_postings.csv", "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv",
        "linkedin_indeed_ca_2018/DataScientist.csv", "linkedin_indeed_ca_2018/cal_ds_500.csv",
    ];

    private readonly TempFolder _folder = new();

    public TerminalTablesStore()
    {
        if (SharedData.MissingReason(Files) is not null)
        {
            return;
        }

        var survey = _folder.File("survey-3000.csv");
        File.WriteAllLines(survey, File.ReadLines(Repo.BundledSurvey).Take(3001));
        var (exit, _, error) = CliRunner.Run(["ingest", .. Files.Select(SharedData.Path), survey,
            Path.Combine(Repo.Root, "data", "samples", "hn_whoishiring_ml_2022_2025.md"), "--db", Db]);
        Assert.True(exit == 0, error);
    }

    public string Db => _folder.File("tables.db");

    public void Dispose() => _folder.Dispose();
}

/// <summary>
/// Issue 16: every table the CLI prints stays readable at 80 and 120 columns (COLUMNS): no line wider than the
/// terminal, no figure or word split across lines. To cover a new table-printing command, add its command line to
/// <see cref="Commands"/>; the checker (<see cref="TerminalText"/>) is the same for all.
/// </summary>
[Trait("Engine", "sqlite")] // Layout, not storage: the tables come through the same store API on both engines; one store is enough.
public sealed class TerminalWidthTests(TerminalTablesStore store) : IClassFixture<TerminalTablesStore>
{
    private const string Resume = "tests/SkillScope.Tests/Fixtures/resumes/strong-ml-engineer.md";
    private const string WeakResume = "tests/SkillScope.Tests/Fixtures/resumes/weak-ml-engineer.txt";
    private const string Posting = "docs/examples/ml-engineer-posting.txt";

    /// <summary>Every table-printing command line, by name; {db} is the test store, paths are relative to the repository.</summary>
    public static TheoryData<string, string> Commands => new()
    {
        { "report market", "report market --db {db}" },
        { "report market, postings in the US", "report market --kind posting --country US --db {db}" },
        { "report skills", "report skills --top 15 --db {db}" },
        { "report skills, trend", "report skills --top 10 --compare 2023 2024 --include-snippets --db {db}" },
        { "report skills, co-skills", "report skills --top 5 --co-skills python --db {db}" },
        { "report skills, by quarter", "report skills --by quarter --skills python,sql,aws,spark,tableau --include-snippets --db {db}" },
        { "report salaries", "report salaries --db {db}" },
        { "report salaries, by role and country", "report salaries --by role,country --db {db}" },
        { "report salaries, postings", "report salaries --kind posting --db {db}" },
        { "report premiums", "report premiums --kind posting --min-n 10 --db {db}" },
        { "salary estimate", "salary estimate --role data_scientist --seniority senior --country US --skills python,sql --db {db}" },
        { "resume score", $"resume score {Resume} --job {Posting} --db {{db}}" },
        { "resume parse", $"resume parse {Resume}" },
        { "gap", $"gap {WeakResume} --target-role ml_engineer --target-seniority senior --db {{db}}" },
        { "match", $"match {Resume} --top 5 --db {{db}}" },
        { "skills extract", $"skills extract {Posting}" },
        { "skills list", "skills list --category llm-genai" },
        { "quarantine", "quarantine --db {db}" },
        { "ingests", "ingests --db {db}" },
    };

    [SharedDataTheory("adzuna_us_2026/adzuna_jobs_raw.csv", "usajobs_data_roles_2026/usajobs_postings.csv", "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv",
        "linkedin_indeed_ca_2018/DataScientist.csv", "linkedin_indeed_ca_2018/cal_ds_500.csv")]
    [MemberData(nameof(Commands))]
    public void Tables_fit_80_and_120_columns_without_splitting_a_figure_or_a_word(string name, string commandLine)
    {
        var args = commandLine.Split(' ').Select(a => a == "{db}" ? store.Db : a.Contains('/', StringComparison.Ordinal) && !a.StartsWith('/') ? Path.Combine(Repo.Root, a) : a).ToArray();
        var reference = Render(500, args);
        foreach (var width in (int[])[80, 120])
        {
            var output = Render(width, args);
            var problems = TerminalText.Problems(output, width, reference);
            Assert.True(problems.Count == 0, $"{name} at {width} columns:\n{string.Join("\n", problems.Take(10))}\n\n{output}");
            if (name != "quarantine")
            {
                Assert.Contains("╭", output, StringComparison.Ordinal);
            }
        }
    }

    private static string Render(int columns, string[] args)
    {
        var (exit, output, error) = CliRunner.RunAt(columns, args);
        Assert.True(exit == 0, $"skillscope {string.Join(' ', args)}: {error}");
        return output;
    }
}

/// <summary>The width comes from COLUMNS in a real process, so a pipe or a script can choose it.</summary>
public sealed class ColumnsVariableTests
{
    [Theory]
    [InlineData("80", 80)]
    [InlineData("200", 200)]
    [InlineData("12", 40)]
    [InlineData("wide", 120)]
    public async Task A_piped_command_lays_its_tables_out_for_COLUMNS(string columns, int width)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[CliRunner.CliAssembly, "skills", "list", "--category", "llm-genai"])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["COLUMNS"] = columns;
        using var process = System.Diagnostics.Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the CLI did not finish in 60 s");
        Assert.True(process.ExitCode == 0, await error);

        var lines = output.Split('\n').Where(l => l.StartsWith('╭')).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.True(l.TrimEnd().GetCellWidth() <= width, l));
        if (width > 80)
        {
            Assert.Contains(lines, l => l.TrimEnd().GetCellWidth() > 80); // wider than 80 when allowed: the taxonomy's aliases are long
        }
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("abc", null)]
    [InlineData("-5", null)]
    [InlineData("0", null)]
    [InlineData("39", 40)]
    [InlineData("80", 80)]
    [InlineData("5000", 1000)]
    public void COLUMNS_is_read_as_a_width_of_40_to_1000_or_ignored(string? value, int? expected) =>
        Assert.Equal(expected, SkillScope.Cli.Rendering.Consoles.ParseColumns(value));
}

/// <summary>The checker itself: it finds what a table laid out without regard to its words does at 80 columns.</summary>
public sealed class TerminalTextTests
{
    [Fact]
    public void The_checker_finds_a_word_and_a_figure_that_a_plain_Spectre_table_splits_and_passes_the_wide_rendering()
    {
        static string Render(int width)
        {
            using var text = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
            });
            console.Profile.Width = width;
            var table = new Table().AddColumns("skill", "category", "postings", "share");
            table.AddRow("Python", "programming-language", "1,176", "63.0%");
            table.AddRow("Communication skills", "soft-skill", "1,234,567", "44.6%");
            console.Write(table);
            return text.ToString();
        }

        var reference = Render(500);
        var narrow = TerminalText.Problems(Render(40), 40, reference);

        Assert.Empty(TerminalText.Problems(reference, 500, reference));
        Assert.True(narrow.Any(p => p.Contains("'Communication' is split", StringComparison.Ordinal))
            && narrow.Any(p => p.Contains("a split number?", StringComparison.Ordinal)), string.Join("\n", narrow) + "\n" + Render(40));
    }
}
