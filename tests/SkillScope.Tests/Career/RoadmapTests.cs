using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SkillScope.Analytics;
using SkillScope.Career;
using SkillScope.Cli.Rendering;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Skills;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Career;

/// <summary>
/// `gap`'s roadmap (issue 15 item 3): phases in prerequisite and co-occurrence order, weeks from the effort table, user
/// overrides, presets, the pay effect under the premium rules, and the text, JSON and Markdown outputs. Real postings
/// come from the class's shared <see cref="RealPostingsStore"/> (Glassdoor 2020, LinkedIn and Indeed 2018).
/// </summary>
public partial class SkillGapTests
{
    private static readonly string[] RealFiles = [CareerKit.Glassdoor, CareerKit.LinkedIn, CareerKit.Indeed];

    private SkillGapReport RealRoadmap(string role, string resume = "weak-ml-engineer.txt", int top = 15, RoadmapPreset? preset = null, EffortTable? effort = null) =>
        SkillGap.Compute(postings.Store, SkillTaxonomy.Default, new GapRequest
        {
            Have = [.. CareerKit.Read(CareerKit.Fixture(resume)).Skills.Select(s => s.Id)],
            TargetRole = role,
            Top = top,
            Preset = preset,
            Effort = effort,
        });

    private static IEnumerable<(GapSkill Skill, int Phase)> Placed(SkillGapReport report) =>
        report.Stages.SelectMany(s => s.Skills.Select(k => (k, s.Stage)));

    [SharedDataFact(CareerKit.Glassdoor, CareerKit.LinkedIn, CareerKit.Indeed)]
    public void A_child_skill_never_comes_in_an_earlier_phase_than_its_missing_parent_and_every_reason_points_back()
    {
        foreach (var (role, resume) in new[] { (Roles.MlEngineer, "weak-ml-engineer.txt"), (Roles.DataAnalyst, "weak-ml-engineer.txt"), (Roles.DataScientist, "mismatched-data-analyst.txt") })
        {
            var report = RealRoadmap(role, resume, top: 20);
            var phase = Placed(report).ToDictionary(p => p.Skill.Skill, p => p.Phase);

            Assert.True(report.Stages.Count >= 2, $"{role}: {report.Stages.Count} phases");
            foreach (var (skill, at) in phase)
            {
                for (var parent = SkillTaxonomy.Default.Find(skill)!.Parent; parent is not null; parent = SkillTaxonomy.Default.Find(parent)!.Parent)
                {
                    if (phase.TryGetValue(parent, out var parentPhase))
                    {
                        Assert.True(parentPhase < at, $"{role}: {parent} (phase {parentPhase}) should come before {skill} (phase {at})");
                    }
                }
            }

            foreach (var (skill, at) in Placed(report))
            {
                Assert.All(skill.After, e => Assert.True(phase[e.Skill] < at, $"{role}: {skill.Skill} (phase {at}) comes after {e.Skill} (phase {phase[e.Skill]}, {e.Rule})"));
                // Each phase but the first holds a skill that has a reason to wait for the phase before it.
            }

            foreach (var stage in report.Stages.Skip(1))
            {
                Assert.Contains(stage.Skills, s => s.After.Any(e => phase[e.Skill] == stage.Stage - 1));
            }

            Assert.DoesNotContain(Placed(report), p => GenericSkills.IsGeneric(SkillTaxonomy.Default, p.Skill.Skill));
        }
    }

    [SharedDataFact(CareerKit.Glassdoor, CareerKit.LinkedIn, CareerKit.Indeed)]
    public void Co_occurrence_orders_a_skill_after_one_its_postings_usually_name_as_counted_in_the_store()
    {
        var report = RealRoadmap(Roles.DataScientist, top: 15);
        var phase = Placed(report).ToDictionary(p => p.Skill.Skill, p => p.Phase);
        var edges = Placed(report).SelectMany(p => p.Skill.After.Where(e => e.Rule == "co-occurrence").Select(e => (Later: p.Skill, Earlier: e))).ToList();

        Assert.NotEmpty(edges);
        var filter = new RecordFilter { Kinds = [RecordKinds.Posting], Roles = [Roles.DataScientist], TextKinds = [TextKinds.Full] };
        foreach (var (later, earlier) in edges)
        {
            // Counted again, independently, by the co-skills report over the same postings (full texts of the role).
            var co = SkillDemand.Compute(postings.Store, SkillTaxonomy.Default, filter, int.MaxValue, coSkillsOf: later.Skill).CoSkills!
                .Single(c => c.Skill == earlier.Skill);
            var reverse = SkillDemand.Compute(postings.Store, SkillTaxonomy.Default, filter, int.MaxValue, coSkillsOf: earlier.Skill).CoSkills!
                .Single(c => c.Skill == later.Skill);
            var (low, _) = SkillDemand.Wilson(co.Together, later.Postings);
            Assert.True(later.Postings >= SkillGap.MinCoOccurrencePostings);
            Assert.True(low > SkillGap.CoOccurrenceShare, $"{later.Skill} after {earlier.Skill}: lower bound {low:0.000}");
            Assert.True(co.ShareOfAnchor - reverse.ShareOfAnchor >= SkillGap.CoOccurrenceAsymmetry, $"{later.Skill} after {earlier.Skill}: {co.ShareOfAnchor:0.000} vs {reverse.ShareOfAnchor:0.000}");
            Assert.StartsWith(string.Create(CultureInfo.InvariantCulture,
                $"{co.ShareOfAnchor * 100:0}% of the {later.Postings:N0} Data Scientist postings naming {later.Name} also name {earlier.Name}"), earlier.Evidence, StringComparison.Ordinal);
            Assert.True(phase[earlier.Skill] < phase[later.Skill]);
        }
    }

    [SharedDataFact(CareerKit.Glassdoor, CareerKit.LinkedIn, CareerKit.Indeed)]
    public void Phase_weeks_are_the_sum_of_the_effort_table_figures_and_each_figure_names_its_row()
    {
        var report = RealRoadmap(Roles.MlEngineer, top: 20);
        var shipped = ShippedEffortRows();

        Assert.NotEmpty(report.Stages);
        foreach (var stage in report.Stages)
        {
            var expected = 0.0;
            foreach (var s in stage.Skills)
            {
                var skill = SkillTaxonomy.Default.Find(s.Skill)!;
                var key = shipped.ContainsKey(s.Skill) ? s.Skill : shipped.ContainsKey("kind:" + skill.Category) ? "kind:" + skill.Category : "kind:*";
                var (weeks, source, line) = shipped[key];
                Assert.Equal(weeks, s.Effort!.Weeks);
                Assert.Equal(source, s.Effort.Source);
                Assert.Equal($"effort.csv:{line}", s.Effort.Origin);
                Assert.Equal(key.StartsWith("kind:", StringComparison.Ordinal) ? "default" : "table", s.Effort.Basis);
                expected += weeks;
            }

            Assert.Equal(expected, stage.Weeks, 9);
        }

        Assert.Equal(report.Stages.Sum(s => s.Weeks), report.TotalWeeks, 9);
        Assert.Equal(Placed(report).Select(p => p.Skill.Effort!.Origin).Distinct().Order(), report.Effort!.Sources.Select(r => r.Origin).Order());
        Assert.Contains(Placed(report), p => p.Skill.Effort!.Basis == "table");
    }

    /// <summary>data/taxonomy/effort.csv read as plain CSV: key -> (weeks, source, file line).</summary>
    private static Dictionary<string, (double Weeks, string Source, int Line)> ShippedEffortRows()
    {
        var rows = new Dictionary<string, (double, string, int)>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "data", "taxonomy", "effort.csv"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#') || lines[i].StartsWith("skill,", StringComparison.Ordinal) || lines[i].Length == 0)
            {
                continue;
            }

            var fields = SplitCsv(lines[i]);
            rows[fields[0]] = (double.Parse(fields[1], CultureInfo.InvariantCulture), fields[2], i + 1);
        }

        return rows;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    [Fact]
    public void Every_shipped_effort_row_has_a_source_and_every_resource_address_is_one_its_source_or_official_docs_name()
    {
        var table = EffortTable.Shipped;

        Assert.Contains(table.Rows, r => r.Key == EffortTable.AnyKind);
        Assert.All(SkillCategories.All, c => Assert.Contains(table.Rows, r => r.Key == "kind:" + c));
        Assert.All(table.Rows, r => Assert.True(r.Source.Length >= 20, $"{r.Key}: '{r.Source}'"));
        Assert.All(table.Rows.SelectMany(r => r.Resources).Where(r => r.Url is not null), r => Assert.StartsWith("https://", r.Url, StringComparison.Ordinal));
        // A row citing a source article cites one that exists.
        foreach (var seed in table.Rows.SelectMany(r => Regex.Matches(r.Source, @"seed (\d{3})").Select(m => m.Groups[1].Value)).Distinct())
        {
            Assert.Contains(seed, new[] { "000", "001", "002", "003", "004" });
        }
    }

    [SharedDataFact(CareerKit.Glassdoor, CareerKit.LinkedIn, CareerKit.Indeed)]
    public void An_effort_override_file_changes_the_weeks_of_the_skills_it_names()
    {
        var before = RealRoadmap(Roles.DataScientist);
        var placed = Placed(before).Select(p => p.Skill).ToList();
        var own = placed.First(s => s.Effort!.Basis == "table");
        var byKind = placed.First(s => s.Effort!.Basis == "default");
        using var temp = new TempFolder();
        var file = temp.Write("my-effort.csv",
            $"skill,weeks,source\n{own.Skill},20,\"my own estimate: I learn slowly\"\nkind:{byKind.Category},0.5,\"I have done courses like these\"\n");
        var table = EffortTable.Load(file, SkillTaxonomy.Default, out var error);
        Assert.True(table is not null, error);

        var after = RealRoadmap(Roles.DataScientist, effort: table);

        var changed = Placed(after).ToDictionary(p => p.Skill.Skill, p => p.Skill.Effort!);
        Assert.Equal(20, changed[own.Skill].Weeks);
        Assert.Equal("override", changed[own.Skill].Basis);
        Assert.Equal("my-effort.csv:2", changed[own.Skill].Origin);
        Assert.Equal(0.5, changed[byKind.Skill].Weeks);
        var sameKind = placed.Count(s => s.Effort!.Basis == "default" && s.Category == byKind.Category);
        var expected = before.TotalWeeks - own.Effort!.Weeks + 20 - (sameKind * (byKind.Effort!.Weeks - 0.5));
        Assert.Equal(expected, after.TotalWeeks, 9);
        Assert.Equal("my-effort.csv", after.Effort!.Override);
    }

    [Theory]
    [InlineData("skill,weeks,source\nbasket-weaving,3,because\n", "line 2: 'basket-weaving' is not a skill of the taxonomy")]
    [InlineData("skill,weeks,source\npython,three,because\n", "line 2: weeks 'three' for python is not a number of weeks above 0")]
    [InlineData("skill,weeks,source\npython,0,because\n", "line 2: weeks '0' for python")]
    [InlineData("skill,weeks,source\npython,500,because\n", "line 2: weeks '500' for python")]
    [InlineData("skill,weeks,source\npython,4,\n", "line 2: python has no source")]
    [InlineData("skill,weeks,source\npython,4,a\nsql,2,b\nPython,3,c\n", "line 4: python is listed twice (first on line 2)")]
    [InlineData("name,hours\npython,40\n", "the header must be skill,weeks,source[,resources]")]
    [InlineData("", "is empty")]
    [InlineData("skill,weeks,source\n", "has no rows")]
    [InlineData("skill,weeks,source\nkind:magic,3,because\n", "line 2: 'kind:magic' names no skill category")]
    [InlineData("skill,weeks,source,resources\npython,4,because,Tutorial javascript:alert(1)\n", "'javascript:alert(1)' is not an http(s) address")]
    [InlineData("skill,weeks,source\npython,4,because,extra,fields\n", "line 2: 5 fields, the header has 3")]
    public void A_bad_effort_file_gives_a_one_line_error_naming_the_file_and_line(string content, string expected)
    {
        using var temp = new TempFolder();
        var file = temp.Write("effort.csv", content);

        var (exit, output, error) = CliRunner.Run("gap", "--skills", "python", "--target-role", "ml_engineer", "--effort", file, "--db", temp.Db);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains($"effort file {file}: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_binary_effort_file_gives_a_one_line_error()
    {
        using var temp = new TempFolder();
        var binary = temp.File("effort.bin");
        File.WriteAllBytes(binary, [0x50, 0x4B, 0x03, 0x04, 0, 0, 1, 2]);

        var missing = CliRunner.Run("gap", "--skills", "python", "--target-role", "ml_engineer", "--effort", temp.File("nope.csv"), "--db", temp.Db);
        var bad = CliRunner.Run("gap", "--skills", "python", "--target-role", "ml_engineer", "--effort", binary, "--db", temp.Db);
        var folder = CliRunner.Run("gap", "--skills", "python", "--target-role", "ml_engineer", "--effort", temp.Path, "--db", temp.Db);

        foreach (var (exit, _, error) in new[] { missing, bad, folder })
        {
            Assert.Equal(1, exit);
            Assert.Single(error.TrimEnd().Split('\n'));
        }

        Assert.Contains("cannot be read", missing.Error, StringComparison.Ordinal);
        Assert.Contains("looks binary", bad.Error, StringComparison.Ordinal);
        Assert.Contains("is a folder", folder.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_three_article_presets_load_with_their_ids_documented_and_their_skills_in_the_taxonomy()
    {
        var domain = File.ReadAllText(Path.Combine(Repo.Root, "docs", "domain.md"));

        Assert.Equal(["career-change-data-science", "data-scientist-to-ml-engineer", "ml-engineer-to-llm-specialist"], RoadmapPresets.Ids);
        Assert.Equal([4, 3, 3], RoadmapPresets.All.Select(p => p.Phases.Count));
        Assert.Equal([(12, 18), (6, 12), (6, 9)], RoadmapPresets.All.Select(p => (p.MonthsLow, p.MonthsHigh)));
        foreach (var preset in RoadmapPresets.All)
        {
            Assert.Contains($"`{preset.Id}`", domain, StringComparison.Ordinal);
            Assert.Contains(preset.TargetRole, Roles.All);
            Assert.All(preset.Phases.SelectMany(p => p.Skills), id => Assert.NotNull(SkillTaxonomy.Default.Find(id)));
        }

        Assert.NotNull(RoadmapPresets.Find("Data-Scientist-To-ML-Engineer"));
        Assert.Null(RoadmapPresets.Find("astronaut"));
    }

    [SharedDataFact(CareerKit.Glassdoor, CareerKit.LinkedIn, CareerKit.Indeed)]
    public void A_preset_comparison_lists_what_only_the_preset_and_only_the_roadmap_have()
    {
        var preset = RoadmapPresets.Find("career-change-data-science")!;
        var resume = CareerKit.Read(CareerKit.Fixture("weak-ml-engineer.txt"));
        var report = RealRoadmap(Roles.DataScientist, preset: preset);
        var comparison = report.Preset!;
        var roadmap = Placed(report).ToDictionary(p => p.Skill.Skill, p => p.Phase);
        var presetSkills = preset.Phases.SelectMany(p => p.Skills).ToList();

        // Every preset skill is exactly one of: had, in both, only in the preset.
        Assert.Equal(presetSkills.Order(), comparison.AlreadyHave.Concat(comparison.Both).Concat(comparison.OnlyInPreset.Select(s => s.Skill)).Order());
        Assert.All(comparison.Both, id => Assert.True(roadmap.ContainsKey(id)));
        Assert.All(comparison.OnlyInPreset, s => Assert.False(roadmap.ContainsKey(s.Skill)));
        Assert.Contains("python", comparison.AlreadyHave); // the weak resume names Python
        Assert.Contains(resume.Skills, s => s.Id == "python");
        // Every roadmap skill the preset does not name is listed, with its phase.
        Assert.Equal(roadmap.Keys.Where(k => !presetSkills.Contains(k)).Order(), comparison.OnlyInRoadmap.Select(s => s.Skill).Order());
        Assert.All(comparison.OnlyInRoadmap, s => Assert.Equal(roadmap[s.Skill], s.Phase));
        Assert.NotEmpty(comparison.OnlyInPreset);
        Assert.NotEmpty(comparison.OnlyInRoadmap);
        Assert.All(comparison.OnlyInPreset, s => Assert.Matches("(not among the 15 most valuable missing skills|below the 2% the roadmap asks for|too broad)", s.Why));
        // The preset's weeks are the effort table's figures of the preset skills the person lacks.
        Assert.Equal(comparison.Phases.SelectMany(p => p.Skills).Where(s => s.Status != "have").Sum(s => EffortTable.Shipped.For(SkillTaxonomy.Default.Find(s.Skill)!).Weeks),
            comparison.PresetWeeks, 9);
        Assert.Equal(report.TotalWeeks, comparison.RoadmapWeeks);
        Assert.Contains(comparison.Notes, n => n.StartsWith("the article gives 12-18 months for this path", StringComparison.Ordinal));
    }

    private static SkillGapReport WithModel(SkillStore store) =>
        SkillGap.Compute(store, SkillTaxonomy.Default, new GapRequest { Have = ["python", "pytorch"], TargetRole = Roles.MlEngineer, IncludeSnippets = true },
            new DelegateSalaryInsight(
                id => id switch
                {
                    "lora" => new SkillPremiumInfo(0.15, 0.05, 0.25, 120, 900),
                    "kubernetes" => new SkillPremiumInfo(0.05, -0.02, 0.12, 200, 800),
                    _ => null,
                },
                _ => null));

    [Fact]
    public void The_pay_effect_of_a_phase_is_omitted_when_its_premium_interval_includes_zero()
    {
        using var temp = new TempFolder();
        using var store = SyntheticStore(temp);

        var report = WithModel(store);

        var kubernetesPhase = report.Stages.Single(s => s.Skills.Any(k => k.Skill == "kubernetes"));
        var loraPhase = report.Stages.Single(s => s.Skills.Any(k => k.Skill == "lora"));
        Assert.NotEqual(kubernetesPhase.Stage, loraPhase.Stage);
        Assert.Null(kubernetesPhase.Pay!.Premium);
        Assert.StartsWith("pay effect: not shown (", kubernetesPhase.Pay.Text, StringComparison.Ordinal);
        Assert.Contains("Kubernetes: not applied: the 95% interval (-2.0% to +12.0%) includes zero", kubernetesPhase.Pay.Text, StringComparison.Ordinal);
        Assert.False(kubernetesPhase.Pay.Premiums.Single(p => p.Skill == "kubernetes").Applied);
        Assert.Equal(0.15, loraPhase.Pay!.Premium!.Value, 9);
        Assert.StartsWith("pay effect: +15% on employer-stated posting pay from LoRA +15% (95% CI +5.0% to +25.0%)", loraPhase.Pay.Text, StringComparison.Ordinal);
        Assert.All(report.Stages.Where(s => s.Stage != loraPhase.Stage), s => Assert.Null(s.Pay!.Premium));
    }

    [Fact]
    public void Gap_text_prints_phases_with_weeks_and_the_effort_sources_within_80_columns()
    {
        using var temp = new TempFolder();
        using (SyntheticStore(temp))
        {
        }

        var (exit, output, error) = CliRunner.RunAt(RoadmapRenderer.Width, "gap", "--skills", "python", "--target-role", "ml_engineer", "--db", temp.Db, "--include-snippets",
            "--preset", "ml-engineer-to-llm-specialist");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n');
        Assert.All(lines, l => Assert.True(l.TrimEnd('\r').Length <= RoadmapRenderer.Width, $"{l.Length}: {l}"));
        Assert.Matches(@"Roadmap: \d+ phases, \d+(\.\d)? weeks at 10 hours a week", output);
        Assert.Matches(@"(?m)^Phase 1: \d+(\.\d)? weeks?$", output);
        Assert.Contains("Effort sources", output, StringComparison.Ordinal);
        Assert.Contains("effort.csv:", output, StringComparison.Ordinal);
        Assert.Contains("LoRA: 2 weeks (effort.csv:", output, StringComparison.Ordinal);
        // The effort row's source, as wrapped at 80 columns.
        var joined = Regex.Replace(output, @"\s+", " ");
        Assert.Matches(@"effort\.csv:\d+ lora: 2 weeks\. rule of thumb: about 20 hours once fine-tuning is known", joined);
        Assert.Contains("Compared with preset ml-engineer-to-llm-specialist", output, StringComparison.Ordinal);
        Assert.Contains("In the preset, not in your roadmap:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_export_holds_the_same_phases_skills_weeks_and_sources_as_the_json()
    {
        using var temp = new TempFolder();
        using (SyntheticStore(temp))
        {
        }

        var file = temp.File("roadmap.md");
        string[] args = ["gap", "--skills", "python", "--target-role", "ml_engineer", "--db", temp.Db, "--include-snippets", "--preset", "data-scientist-to-ml-engineer"];
        var json = CliRunner.Run([.. args, "--format", "json"]);
        var kept = CliRunner.Run([.. args, "--out", file]);
        var printed = CliRunner.Run([.. args, "--format", "markdown"]);

        Assert.True(json.Exit == 0 && kept.Exit == 0 && printed.Exit == 0, json.Error + kept.Error + printed.Error);
        Assert.Contains($"roadmap written to {file} (Markdown)", kept.Error, StringComparison.Ordinal);
        var markdown = File.ReadAllText(file);
        Assert.Equal(markdown, printed.Output);
        var root = JsonDocument.Parse(json.Output).RootElement;

        // Read the phases back from the Markdown: "## Phase N · W weeks", then "| name | id | weeks | ..." rows.
        var phases = new List<(int Phase, double Weeks, List<(string Id, double Weeks)> Skills)>();
        foreach (var line in markdown.Split('\n'))
        {
            if (Regex.Match(line, @"^## Phase (\d+) · ([\d.]+) weeks$") is { Success: true } heading)
            {
                phases.Add((int.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(heading.Groups[2].Value, CultureInfo.InvariantCulture), []));
            }
            else if (phases.Count > 0 && line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| skill", StringComparison.Ordinal)
                && line.Split(" | ") is { Length: >= 6 } cells && Regex.IsMatch(cells[1], "^[a-z0-9-]+$"))
            {
                phases[^1].Skills.Add((cells[1], double.Parse(cells[2], CultureInfo.InvariantCulture)));
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal) && !line.StartsWith("## Phase", StringComparison.Ordinal))
            {
                break;
            }
        }

        var stages = root.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(stages.Count, phases.Count);
        for (var i = 0; i < stages.Count; i++)
        {
            Assert.Equal(stages[i].GetProperty("stage").GetInt32(), phases[i].Phase);
            Assert.Equal(stages[i].GetProperty("weeks").GetDouble(), phases[i].Weeks);
            Assert.Equal(stages[i].GetProperty("skills").EnumerateArray().Select(s => (s.GetProperty("skill").GetString()!, s.GetProperty("effort").GetProperty("weeks").GetDouble())),
                phases[i].Skills);
        }

        foreach (var source in root.GetProperty("effort").GetProperty("sources").EnumerateArray())
        {
            Assert.Contains($"| {source.GetProperty("origin").GetString()} | {source.GetProperty("key").GetString()} |", markdown, StringComparison.Ordinal);
            Assert.Contains(source.GetProperty("source").GetString()!.Replace("|", "\\|", StringComparison.Ordinal), markdown, StringComparison.Ordinal);
        }

        foreach (var s in root.GetProperty("preset").GetProperty("onlyInPreset").EnumerateArray())
        {
            Assert.Contains($"(`{s.GetProperty("skill").GetString()}`)", markdown, StringComparison.Ordinal);
        }

        Assert.Contains("## Compared with preset data-scientist-to-ml-engineer", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Gap_json_has_the_roadmap_shape()
    {
        using var temp = new TempFolder();
        using (SyntheticStore(temp))
        {
        }

        var (exit, output, error) = CliRunner.Run("gap", "--skills", "python", "--target-role", "ml_engineer", "--db", temp.Db, "--include-snippets",
            "--preset", "ml-engineer-to-llm-specialist", "--format", "json");

        Assert.True(exit == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(JsonValueKind.Number, root.GetProperty("totalWeeks").ValueKind);
        var effort = root.GetProperty("effort");
        Assert.Equal(10, effort.GetProperty("hoursPerWeek").GetInt32());
        Assert.Equal("data/taxonomy/effort.csv", effort.GetProperty("table").GetString());
        Assert.Equal(JsonValueKind.Null, effort.GetProperty("override").ValueKind);
        Assert.Equal(["key", "weeks", "basis", "source", "origin", "skills"], effort.GetProperty("sources")[0].EnumerateObject().Select(p => p.Name));
        var stage = root.GetProperty("stages")[0];
        Assert.Equal(["stage", "skills", "salaryAfter", "salaryChange", "salary", "weeks", "pay"], stage.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["premium", "premiums", "text"], stage.GetProperty("pay").EnumerateObject().Select(p => p.Name));
        var skill = root.GetProperty("stages").EnumerateArray().SelectMany(s => s.GetProperty("skills").EnumerateArray()).First(s => s.GetProperty("after").GetArrayLength() > 0);
        Assert.Equal(["weeks", "basis", "key", "source", "origin", "resources"], skill.GetProperty("effort").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["skill", "name", "rule", "evidence"], skill.GetProperty("after")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("leftOut").ValueKind);
        var preset = root.GetProperty("preset");
        Assert.Equal(["preset", "name", "source", "targetRole", "monthsLow", "monthsHigh", "phases", "onlyInPreset", "onlyInRoadmap", "both", "alreadyHave", "presetWeeks", "roadmapWeeks", "notes"],
            preset.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["skill", "name", "phase", "roadmapPhase", "status", "share", "postings", "why"], preset.GetProperty("phases")[0].GetProperty("skills")[0].EnumerateObject().Select(p => p.Name));
        var fineTuning = root.GetProperty("stages").EnumerateArray().SelectMany(s => s.GetProperty("skills").EnumerateArray()).Single(s => s.GetProperty("skill").GetString() == "fine-tuning");
        Assert.Equal(4, fineTuning.GetProperty("effort").GetProperty("weeks").GetDouble());
    }

    [Fact]
    public void Gap_with_a_preset_and_no_role_targets_the_preset_role_and_an_unknown_preset_is_a_one_line_error()
    {
        using var temp = new TempFolder();
        using (SyntheticStore(temp))
        {
        }

        var ok = CliRunner.Run("gap", "--skills", "python", "--preset", "data-scientist-to-ml-engineer", "--db", temp.Db, "--include-snippets", "--format", "json");
        var unknown = CliRunner.Run("gap", "--skills", "python", "--preset", "astronaut", "--db", temp.Db);
        var neither = CliRunner.Run("gap", "--skills", "python", "--db", temp.Db);

        Assert.True(ok.Exit == 0, ok.Error);
        Assert.Equal("ml_engineer", JsonDocument.Parse(ok.Output).RootElement.GetProperty("targetRole").GetString());
        Assert.Equal(1, unknown.Exit);
        Assert.Equal("skillscope: --preset 'astronaut' is not known; use one of: career-change-data-science, data-scientist-to-ml-engineer, ml-engineer-to-llm-specialist", unknown.Error.TrimEnd());
        Assert.Equal(1, neither.Exit);
        Assert.Contains("give --target-role ROLE", neither.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Gap_counts_full_texts_only_by_default_and_says_how_many_postings_were_left_out()
    {
        using var temp = new TempFolder();
        using var store = SyntheticStore(temp);

        var report = SkillGap.Compute(store, SkillTaxonomy.Default, new GapRequest { Have = ["python"], TargetRole = Roles.MlEngineer });

        Assert.Equal(0, report.Basis.Postings);
        Assert.Equal([("summary", 40L)], report.LeftOut.Select(l => (l.TextKind, l.Postings)));
        Assert.Contains(report.Notes, n => n.Contains("have a full text (40 are snippets or summaries)", StringComparison.Ordinal));
        Assert.Empty(report.Stages);
    }
}
