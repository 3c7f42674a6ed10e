using System.Globalization;
using System.Text.Json;
using SkillScope.Ingest.Web;
using SkillScope.Skills;
using Xunit.Abstractions;

namespace SkillScope.Tests.Skills;

/// <summary>
/// The hand-labelled set (docs/accuracy.md, "Labelled postings"): 63 postings from HN "Who is hiring" 2026 and the
/// remote-board 2024-2025 texts, each with the skills a careful recruiter reads as asked for and whether each is
/// required or preferred. The texts are not copied (their licences are not stated): the labels name the file and
/// the id, and the texts are read from the shared data folder.
/// </summary>
public class LabelledPostingsTests(ITestOutputHelper output)
{
    private const string Hn = "hn_whoishiring_2026_fulltext/runs/2026-05-05/raw.json";
    private const string Remote = "remotewlb_remote_jobs_2024_2025/MANIFEST.tsv";
    private const string UsaJobs = "usajobs_data_roles_2026/usajobs_postings.csv";
    private const string LinkedInBrazil = LabelledPostings.LinkedInBrazil;

    [SharedDataFact(Hn, Remote)]
    public void Recall_precision_and_strength_on_the_labelled_postings_hold()
    {
        var postings = LabelledPostings.Load();
        var dev = LabelledPostings.Score(postings.Where(p => p.Split == "dev"), SkillExtractor.Default);
        var holdout = LabelledPostings.Score(postings.Where(p => p.Split == "holdout"), SkillExtractor.Default);
        var second = LabelledPostings.Load(LabelledPostings.HoldoutTwo);
        var secondScore = LabelledPostings.Score(second, SkillExtractor.Default);
        var snippets = new List<string>();
        var all = LabelledPostings.Score(postings, SkillExtractor.Default, snippets);
        var development = LabelledPostings.Score(postings.Concat(second), SkillExtractor.Default);
        var third = LabelledPostings.Load(LabelledPostings.HoldoutThree);
        var developmentAll = LabelledPostings.Score(postings.Concat(second).Concat(third), SkillExtractor.Default);
        var fourth = LabelledPostings.Load(LabelledPostings.HoldoutFour);
        var development157 = LabelledPostings.Score(postings.Concat(second).Concat(third).Concat(fourth), SkillExtractor.Default);
        var fifth = LabelledPostings.Load(LabelledPostings.HoldoutFive);
        var development187 = LabelledPostings.Score(postings.Concat(second).Concat(third).Concat(fourth).Concat(fifth), SkillExtractor.Default);
        var sixth = LabelledPostings.Load(LabelledPostings.HoldoutSix);
        var development217 = LabelledPostings.Score(postings.Concat(second).Concat(third).Concat(fourth).Concat(fifth).Concat(sixth), SkillExtractor.Default);
        var seventh = LabelledPostings.Load(LabelledPostings.HoldoutSeven);
        var development247 = LabelledPostings.Score(postings.Concat(second).Concat(third).Concat(fourth).Concat(fifth).Concat(sixth).Concat(seventh), SkillExtractor.Default);
        foreach (var (name, s) in new[] { ("dev", dev), ("holdout", holdout), ("all", all), ("holdout2", secondScore), ("development (97)", development), ("development (127, with the third set)", developmentAll), ("development (157, with the fourth set)", development157), ("development (187, with the fifth set)", development187), ("development (217, with the sixth set)", development217), ("development (247, with the seventh set)", development247) })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: postings {s.Postings}, labels {s.Labels}, found {s.Found}, recall {s.Recall:F3}; extracted {s.Extracted}, correct {s.Correct}, precision {s.Precision:F3}; strength right {s.StrengthRight}/{s.StrengthCompared} = {s.StrengthAccuracy:F3}; labels outside the taxonomy {s.Unresolved}"));
        }

        // The second to seventh held-out sets are development data since 2026-12-07 (skills4, skills5, skills6, recall8,
        // recall9, recall10): their errors are listed with the first set's.
        LabelledPostings.Score(second.Concat(third).Concat(fourth).Concat(fifth).Concat(sixth).Concat(seventh), SkillExtractor.Default, snippets);
        output.WriteLine("misses: " + string.Join(", ", development247.Misses.GroupBy(m => m).OrderByDescending(g => g.Count()).Take(300).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("false positives: " + string.Join(", ", development247.FalsePositives.GroupBy(m => m).OrderByDescending(g => g.Count()).Take(80).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("strength wrong: " + string.Join(", ", development247.StrengthWrong));
        foreach (var snippet in snippets)
        {
            output.WriteLine(snippet);
        }

        // Floors a little under the measured figures (docs/accuracy.md), so a regression fails. All 63 postings are
        // development data since 2026-12-07 (the "holdout" half was looked at while improving the extractor); the
        // postings never looked at are the second held-out set below.
        Assert.True(all.Precision >= 0.88, $"precision {all.Precision:F3}");
        Assert.True(all.Recall >= 0.86, $"recall {all.Recall:F3}");
        Assert.True(all.StrengthAccuracy >= 0.91, $"strength {all.StrengthAccuracy:F3}");
        Assert.True(holdout.Precision >= 0.86, $"holdout precision {holdout.Precision:F3}");
        Assert.True(holdout.Recall >= 0.84, $"holdout recall {holdout.Recall:F3}");
        Assert.True(development.Precision >= 0.89, $"development precision {development.Precision:F3}");
        Assert.True(development.Recall >= 0.85, $"development recall {development.Recall:F3}");
        Assert.True(developmentAll.Precision >= 0.88, $"development (127) precision {developmentAll.Precision:F3}");
        Assert.True(developmentAll.Recall >= 0.83, $"development (127) recall {developmentAll.Recall:F3}");
        Assert.True(developmentAll.StrengthAccuracy >= 0.92, $"development (127) strength {developmentAll.StrengthAccuracy:F3}");
        Assert.True(development157.Precision >= 0.89, $"development (157) precision {development157.Precision:F3}");
        Assert.True(development157.Recall >= 0.83, $"development (157) recall {development157.Recall:F3}");
        Assert.True(development157.StrengthAccuracy >= 0.93, $"development (157) strength {development157.StrengthAccuracy:F3}");
        Assert.True(development187.Precision >= 0.89, $"development (187) precision {development187.Precision:F3}");
        Assert.True(development187.Recall >= 0.82, $"development (187) recall {development187.Recall:F3}");
        Assert.True(development187.StrengthAccuracy >= 0.93, $"development (187) strength {development187.StrengthAccuracy:F3}");
        Assert.True(development217.Precision >= 0.89, $"development (217) precision {development217.Precision:F3}");
        Assert.True(development217.Recall >= 0.81, $"development (217) recall {development217.Recall:F3}");
        Assert.True(development217.StrengthAccuracy >= 0.93, $"development (217) strength {development217.StrengthAccuracy:F3}");
        Assert.True(development247.Precision >= 0.89, $"development (247) precision {development247.Precision:F3}");
        Assert.True(development247.Recall >= 0.80, $"development (247) recall {development247.Recall:F3}");
        Assert.True(development247.StrengthAccuracy >= 0.93, $"development (247) strength {development247.StrengthAccuracy:F3}");
    }

    /// <summary>
    /// The second held-out set (postings-holdout2.jsonl, 34 postings labelled on 2026-12-07 before any rule was changed
    /// for them). Held out until skills3 measured it once; since skills4 (same day) it is development data: its errors
    /// are listed by the test above and were used to widen the taxonomy. Its floors stay here.
    /// </summary>
    [SharedDataFact(Hn, Remote, UsaJobs)]
    public void Recall_precision_and_strength_on_the_second_held_out_set_hold()
    {
        // Floors a little under the figures measured once at the end of the 2026-12-07 work (docs/accuracy.md).
        Holds("holdout2", LabelledPostings.HoldoutTwo, HoldoutTwoFloors.Precision, HoldoutTwoFloors.Recall, HoldoutTwoFloors.Strength);
    }

    /// <summary>
    /// The third held-out set (postings-holdout3.jsonl, 30 postings labelled on 2026-12-07 by helper skills4 before any
    /// rule or taxonomy change of that session, commit 06f4df6): scored once at the end of that work (precision 0.827,
    /// recall 0.686, strength 0.904). Development data since helper skills5 (same day): its misses were used to widen
    /// the taxonomy; its floors follow the development figures.
    /// </summary>
    [SharedDataFact(Hn, Remote, UsaJobs)]
    public void Recall_precision_and_strength_on_the_third_held_out_set_hold()
    {
        Holds("holdout3", LabelledPostings.HoldoutThree, HoldoutThreeFloors.Precision, HoldoutThreeFloors.Recall, HoldoutThreeFloors.Strength);
    }

    /// <summary>
    /// The fourth held-out set (postings-holdout4.jsonl, 30 postings labelled on 2026-12-07 by helper skills5 before any
    /// rule or taxonomy change of that session, commit ee38b81): scored once at the end of that work (precision 0.924,
    /// recall 0.682, strength 0.987). Development data since helper skills6 (same day): its misses were used to widen
    /// the taxonomy (2026.12.6); its floors follow the development figures.
    /// </summary>
    [SharedDataFact(Hn, Remote, UsaJobs)]
    public void Recall_precision_and_strength_on_the_fourth_held_out_set_hold()
    {
        Holds("holdout4", LabelledPostings.HoldoutFour, HoldoutFourFloors.Precision, HoldoutFourFloors.Recall, HoldoutFourFloors.Strength);
    }

    /// <summary>
    /// The fifth held-out set (postings-holdout5.jsonl, 30 postings labelled on 2026-12-07 by helper skills6 before any
    /// rule or taxonomy change of that session, commits 2d20982 and e4d80c3): scored once at the end of that work
    /// (precision 0.921, recall 0.629, strength 0.967). Development data since helper recall8 (same day): its misses
    /// were used to widen the taxonomy (2026.12.7); its floors follow the development figures.
    /// </summary>
    [SharedDataFact(Hn, Remote, UsaJobs)]
    public void Recall_precision_and_strength_on_the_fifth_held_out_set_hold()
    {
        Holds("holdout5", LabelledPostings.HoldoutFive, HoldoutFiveFloors.Precision, HoldoutFiveFloors.Recall, HoldoutFiveFloors.Strength);
    }

    /// <summary>
    /// The sixth held-out set (postings-holdout6.jsonl, 30 postings labelled on 2026-12-07 by helper recall8 before any
    /// rule or taxonomy change of that session): main's rules were measured on it once right after the labels were
    /// committed, and once more at the end of that work (recall 0.692, precision 0.867, strength 0.924). Development
    /// data since helper recall9 (same day): its misses chose most of taxonomy 2026.12.8.
    /// </summary>
    [SharedDataFact(Hn, Remote, UsaJobs)]
    public void Recall_precision_and_strength_on_the_sixth_held_out_set_hold()
    {
        Holds("holdout6", LabelledPostings.HoldoutSix, HoldoutSixFloors.Precision, HoldoutSixFloors.Recall, HoldoutSixFloors.Strength);
    }

    /// <summary>
    /// The seventh held-out set (postings-holdout7.jsonl, 30 postings labelled on 2026-12-07 by helper recall9 before any
    /// rule or taxonomy change of that session): main's rules measured once right after the labels were committed, and
    /// once more at the end of that work. Development data since helper recall10 (same day): its misses chose most of
    /// taxonomy 2026.12.9; its errors are listed by the first test.
    /// </summary>
    [SharedDataFact(Hn, Remote, UsaJobs)]
    public void Recall_precision_and_strength_on_the_seventh_held_out_set_hold()
    {
        Holds("holdout7", LabelledPostings.HoldoutSeven, HoldoutSevenFloors.Precision, HoldoutSevenFloors.Recall, HoldoutSevenFloors.Strength);
    }

    /// <summary>
    /// The eighth held-out set (postings-holdout8.jsonl, 30 postings labelled on 2026-12-07 by helper recall10 before any
    /// rule or taxonomy change of that session; its four non-tech postings are English-language LinkedIn Brazil 2023
    /// texts because the remote board has none left): main's rules measured once right after the labels were committed,
    /// and once more at the end of that work (recall10); never used to change the extractor. The seventh set is
    /// development data since.
    /// </summary>
    [SharedDataFact(Hn, Remote, UsaJobs, LinkedInBrazil)]
    public void Recall_precision_and_strength_on_the_eighth_held_out_set_hold()
    {
        Holds("holdout8", LabelledPostings.HoldoutEight, HoldoutEightFloors.Precision, HoldoutEightFloors.Recall, HoldoutEightFloors.Strength);
    }

    /// <summary>
    /// Scores a held-out set's labels against the extractor, writes the summary and every error to the test output, and
    /// fails when precision, recall or required/preferred accuracy is under its floor.
    /// </summary>
    private void Holds(string name, string file, double precision, double recall, double strength)
    {
        var s = LabelledPostings.Score(LabelledPostings.Load(file), SkillExtractor.Default);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: postings {s.Postings}, labels {s.Labels}, found {s.Found}, recall {s.Recall:F3}; extracted {s.Extracted}, correct {s.Correct}, precision {s.Precision:F3}; strength right {s.StrengthRight}/{s.StrengthCompared} = {s.StrengthAccuracy:F3}; labels outside the taxonomy {s.Unresolved}"));
        output.WriteLine("misses: " + string.Join(", ", s.Misses));
        output.WriteLine("false positives: " + string.Join(", ", s.FalsePositives));
        output.WriteLine("strength wrong: " + string.Join(", ", s.StrengthWrong));

        Assert.True(s.Precision >= precision, $"precision {s.Precision:F3}");
        Assert.True(s.Recall >= recall, $"recall {s.Recall:F3}");
        Assert.True(s.StrengthAccuracy >= strength, $"strength {s.StrengthAccuracy:F3}");
    }

    [Fact]
    public void Every_posting_has_a_source_reference_and_written_strengths()
    {
        var postings = LabelledPostings.Load();
        var second = LabelledPostings.Load(LabelledPostings.HoldoutTwo);
        var third = LabelledPostings.Load(LabelledPostings.HoldoutThree);
        var fourth = LabelledPostings.Load(LabelledPostings.HoldoutFour);
        var fifth = LabelledPostings.Load(LabelledPostings.HoldoutFive);
        var sixth = LabelledPostings.Load(LabelledPostings.HoldoutSix);
        var seventh = LabelledPostings.Load(LabelledPostings.HoldoutSeven);
        var eighth = LabelledPostings.Load(LabelledPostings.HoldoutEight);

        Assert.True(postings.Count >= 60, $"{postings.Count} postings");
        Assert.True(second.Count >= 30, $"{second.Count} postings in the second held-out set");
        Assert.True(third.Count >= 30, $"{third.Count} postings in the third held-out set");
        Assert.Empty(second.Select(p => p.Key).Intersect(postings.Select(p => p.Key)));
        Assert.True(fourth.Count >= 30, $"{fourth.Count} postings in the fourth held-out set");
        Assert.Empty(third.Select(p => p.Key).Intersect(postings.Concat(second).Select(p => p.Key)));
        Assert.Empty(fourth.Select(p => p.Key).Intersect(postings.Concat(second).Concat(third).Select(p => p.Key)));
        Assert.True(fifth.Count >= 30, $"{fifth.Count} postings in the fifth held-out set");
        Assert.Empty(fifth.Select(p => p.Key).Intersect(postings.Concat(second).Concat(third).Concat(fourth).Select(p => p.Key)));
        Assert.True(sixth.Count >= 30, $"{sixth.Count} postings in the sixth held-out set");
        Assert.Empty(sixth.Select(p => p.Key).Intersect(postings.Concat(second).Concat(third).Concat(fourth).Concat(fifth).Select(p => p.Key)));
        Assert.True(seventh.Count >= 30, $"{seventh.Count} postings in the seventh held-out set");
        Assert.Empty(seventh.Select(p => p.Key).Intersect(postings.Concat(second).Concat(third).Concat(fourth).Concat(fifth).Concat(sixth).Select(p => p.Key)));
        Assert.True(eighth.Count >= 30, $"{eighth.Count} postings in the eighth held-out set");
        Assert.Empty(eighth.Select(p => p.Key).Intersect(postings.Concat(second).Concat(third).Concat(fourth).Concat(fifth).Concat(sixth).Concat(seventh).Select(p => p.Key)));
        Assert.All(postings.Concat(second).Concat(third).Concat(fourth).Concat(fifth).Concat(sixth).Concat(seventh).Concat(eighth), p =>
        {
            Assert.Contains(p.Source, new[] { "hn", "remote", "usajobs", "linkedin-br" });
            Assert.False(string.IsNullOrEmpty(p.File));
            Assert.False(string.IsNullOrEmpty(p.Key));
            Assert.All(p.Skills, s => Assert.Contains(s.Strength, new[] { SkillStrengths.Required, SkillStrengths.Preferred }));
        });
        Assert.True(postings.Count(p => p.Split == "holdout") >= 30);
    }
}

/// <summary>One labelled posting: where its text is and what a recruiter reads in it.</summary>
internal sealed record LabelledPosting(int N, string Split, string Source, string File, string Key, IReadOnlyList<(string Name, string Strength)> Skills, string? Title = null);

/// <summary>Floors of the second held-out set's test.</summary>
internal static class HoldoutTwoFloors
{
    // Measured once, 2026-12-07: precision 0.883, recall 0.652, strength 0.913 (taxonomy 2026.12.3). Development data
    // since then (skills4): 0.916 / 0.806 / 0.933 with taxonomy 2026.12.4; the floors follow the development figures.
    public const double Precision = 0.89;
    public const double Recall = 0.78;
    public const double Strength = 0.91;
}

/// <summary>Floors of the third held-out set's test.</summary>
internal static class HoldoutThreeFloors
{
    // Measured once, 2026-12-07 (taxonomy 2026.12.4): precision 0.827, recall 0.686, strength 0.904 (docs/accuracy.md).
    // Development data since skills5: 0.853 / 0.780 / 0.952 with taxonomy 2026.12.5; the floors follow those figures.
    public const double Precision = 0.83;
    public const double Recall = 0.76;
    public const double Strength = 0.93;
}

/// <summary>Floors of the fourth held-out set's test.</summary>
internal static class HoldoutFourFloors
{
    // Measured once, 2026-12-07 (taxonomy 2026.12.5, commit ab08168): precision 0.924 (279/302), recall 0.682
    // (307/450), strength 0.987 (303/307); main before that work (taxonomy 2026.12.4): 0.910 / 0.644 / 0.990
    // (docs/accuracy.md). Development data since skills6: 0.932 / 0.778 / 0.983 with taxonomy 2026.12.6; the floors
    // follow those figures.
    public const double Precision = 0.91;
    public const double Recall = 0.76;
    public const double Strength = 0.96;
}

/// <summary>Floors of the fifth held-out set's test.</summary>
internal static class HoldoutFiveFloors
{
    // Measured once, 2026-12-07 (taxonomy 2026.12.6, commit fb07f0c): precision 0.921 (291/316), recall 0.629
    // (303/482), strength 0.967 (293/303); main's rules and taxonomy 2026.12.5 on the same postings, measured right
    // after the labels were committed: 0.916 / 0.614 / 0.970 (docs/accuracy.md). Development data since recall8:
    // 0.928 / 0.793 / 0.950 with taxonomy 2026.12.7 (measured with the CLI over the dumped texts); the floors follow
    // those figures.
    public const double Precision = 0.91;
    public const double Recall = 0.77;
    public const double Strength = 0.93;
}

/// <summary>Floors of the sixth held-out set's test.</summary>
internal static class HoldoutSixFloors
{
    // Main's rules and taxonomy (2026.12.6, main 7af227c) measured once right after the labels were committed
    // (514ca87): precision 0.864 (350/405), recall 0.671 (396/590), strength 0.922 (365/396). With taxonomy 2026.12.7
    // at the end of recall8's work: precision 0.867 (364/420), recall 0.692 (408/590), strength 0.924 (377/408)
    // (docs/accuracy.md). Development data since recall9 (its misses chose most of taxonomy 2026.12.8): 0.876 / 0.758 /
    // 0.931 measured with the CLI over the dumped texts before the last rule change; the floors follow those figures.
    public const double Precision = 0.86;
    public const double Recall = 0.74;
    public const double Strength = 0.91;
}

/// <summary>Floors of the seventh held-out set's test.</summary>
internal static class HoldoutSevenFloors
{
    // Main's rules and taxonomy (2026.12.7, main 4f86f33) measured once right after the labels were written, reading
    // only the summary line: precision 0.897 (262/292), recall 0.680 (293/431), strength 0.911 (267/293); 52 labels
    // name no skill of the taxonomy. With taxonomy 2026.12.8 and recall9's rule change, measured once at the end:
    // precision 0.898 (263/293), recall 0.682 (294/431), strength 0.912 (268/294) (docs/accuracy.md). Development data
    // since recall10 (its misses chose most of taxonomy 2026.12.9): 0.919 / 0.735 / 0.937 at the end of that work; the
    // floors follow those figures.
    public const double Precision = 0.90;
    public const double Recall = 0.72;
    public const double Strength = 0.92;
}

/// <summary>Floors of the eighth held-out set's test.</summary>
internal static class HoldoutEightFloors
{
    // Main's rules and taxonomy (2026.12.8, main 4ec9088) measured once on the set as committed (ec4fc6f: one board
    // posting of the first draw, 8c81147, was the seventh set's under another title and was replaced), reading only the
    // summary line: precision 0.906 (300/331), recall 0.648 (328/506), strength 0.960 (315/328); 70 labels name no
    // skill of the taxonomy (docs/accuracy.md, "The eighth held-out set"). With taxonomy 2026.12.9 and recall10's rules,
    // measured once at the end of that work (after 23:15): precision 0.907 (301/332), recall 0.650 (329/506), strength
    // 0.960 (316/329). Floors at those figures rounded down, so a regression fails.
    public const double Precision = 0.90;
    public const double Recall = 0.65;
    public const double Strength = 0.96;
}

internal sealed record LabelledScore(
    int Postings, int Labels, int Found, int Extracted, int Correct, int StrengthCompared, int StrengthRight, int Unresolved,
    List<string> Misses, List<string> FalsePositives, List<string> StrengthWrong)
{
    public double Recall => Labels == 0 ? 0 : (double)Found / Labels;
    public double Precision => Extracted == 0 ? 0 : (double)Correct / Extracted;
    public double StrengthAccuracy => StrengthCompared == 0 ? 0 : (double)StrengthRight / StrengthCompared;
}

internal static class LabelledPostings
{
    /// <summary>The second held-out set's file name (labelled 2026-12-07).</summary>
    public const string HoldoutTwo = "postings-holdout2.jsonl";

    /// <summary>The third held-out set's file name (labelled 2026-12-07 by helper skills4).</summary>
    public const string HoldoutThree = "postings-holdout3.jsonl";

    /// <summary>The fourth held-out set's file name (labelled 2026-12-07 by helper skills5).</summary>
    public const string HoldoutFour = "postings-holdout4.jsonl";

    /// <summary>The fifth held-out set's file name (labelled 2026-12-07 by helper skills6).</summary>
    public const string HoldoutFive = "postings-holdout5.jsonl";

    /// <summary>The sixth held-out set's file name (labelled 2026-12-07 by helper recall8).</summary>
    public const string HoldoutSix = "postings-holdout6.jsonl";

    /// <summary>The seventh held-out set's file name (labelled 2026-12-07 by helper recall9).</summary>
    public const string HoldoutSeven = "postings-holdout7.jsonl";

    /// <summary>The eighth held-out set's file name (labelled 2026-12-07 by helper recall10).</summary>
    public const string HoldoutEight = "postings-holdout8.jsonl";

    /// <summary>LinkedIn Brazil, June 2023 (semicolon-separated, full descriptions): the eighth set's non-tech postings.</summary>
    public const string LinkedInBrazil = "linkedin_brazil_data_jobs_2023/data_jobs_2023-06-26.csv";

    public static IReadOnlyList<LabelledPosting> Load(string fileName = "postings.jsonl")
    {
        var path = FindLabels(fileName);
        var postings = new List<LabelledPosting>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            postings.Add(new LabelledPosting(
                r.GetProperty("n").GetInt32(), r.GetProperty("split").GetString()!, r.GetProperty("source").GetString()!,
                r.GetProperty("file").GetString()!, r.GetProperty("key").GetString()!,
                [.. r.GetProperty("skills").EnumerateArray().Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("strength").GetString()!))],
                r.TryGetProperty("title", out var title) ? title.GetString() : null));
        }

        return postings;
    }

    private static string FindLabels(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "SkillScope.Tests", "Skills", "Labels", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"tests/SkillScope.Tests/Skills/Labels/{fileName} not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The posting's text as an ingest stores it ("title\ndescription") and its employer (none for USAJOBS, whose file names no agency).</summary>
    public static (string Text, string? Employer) Read(LabelledPosting posting)
    {
        var path = SharedData.PathOf(posting.File)!;
        if (posting.Source == "hn")
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var job = doc.RootElement.GetProperty("jobs").EnumerateArray()
                .First(j => j.GetProperty("id").ToString() == posting.Key);
            var text = new HtmlText().FromMaybeHtml(job.GetProperty("text").GetString()) ?? "";
            var firstLine = text.Split('\n', 2)[0];
            var employer = firstLine.Split('|', 2)[0].Split(" (", 2)[0].Split(" - ", 2)[0].Trim();
            return (text, employer.Length is > 1 and < 60 ? employer : null);
        }

        if (posting.Source == "usajobs")
        {
            // No posting id in the file: the key is the data row's index, checked against the title kept with the label.
            var row = SharedData.ReadCsv(posting.File).ElementAt(int.Parse(posting.Key, CultureInfo.InvariantCulture));
            Assert.Equal(posting.Title, row["title"]);
            return (row["title"] + "\n" + row["description"], null);
        }

        if (posting.Source == "linkedin-br")
        {
            // The key is LinkedIn's job number (the ingest's source id); the first row with it, checked against the title.
            var row = SharedData.ReadCsv(posting.File, ";").First(r => r["link_linkedin"].Contains($"/jobs/view/{posting.Key}/", StringComparison.Ordinal));
            Assert.Equal(posting.Title, row["position"]);
            var employer = row["company_name"].Trim();
            return (row["position"] + "\n" + row["description"], employer.Length == 0 ? null : employer);
        }

        var lines = File.ReadAllLines(path);
        var title = lines[0].TrimStart('#', ' ');
        if (title.StartsWith('[') && title.IndexOf("](", StringComparison.Ordinal) is var close and > 0)
        {
            title = title[1..close];
        }

        var company = lines.Length > 1 ? lines[1].TrimStart('#', ' ').Trim() : null;
        var description = string.Join("\n", lines.Skip(3).TakeWhile(l => !l.StartsWith("## CLICK TO", StringComparison.Ordinal)));
        return (title + "\n" + description, company is null or "None" ? null : company);
    }

    /// <summary>
    /// Scores the extractor: a label is found when an extracted skill is the labelled skill or its direct parent or
    /// child; an extracted skill is correct when it matches a label that way; strength is compared on found labels.
    /// Labels that name no skill of the taxonomy count as misses.
    /// </summary>
    public static LabelledScore Score(IEnumerable<LabelledPosting> postings, SkillExtractor extractor, List<string>? snippets = null)
    {
        var taxonomy = extractor.Taxonomy;
        int n = 0, labels = 0, found = 0, extractedCount = 0, correct = 0, compared = 0, right = 0, unresolved = 0;
        var misses = new List<string>();
        var falsePositives = new List<string>();
        var strengthWrong = new List<string>();
        foreach (var posting in postings)
        {
            n++;
            var (text, employer) = Read(posting);
            Dump(posting, text, employer);
            var extracted = SkillExtractor.Distinct(extractor.Extract(text, employer));
            var labelled = posting.Skills.Select(s => (s.Name, s.Strength, Skill: ResolveLabel(taxonomy, s.Name))).ToList();
            foreach (var (name, strength, skill) in labelled)
            {
                labels++;
                if (skill is null)
                {
                    unresolved++;
                    misses.Add(name);
                    continue;
                }

                var match = extracted.Where(e => Related(taxonomy, e.SkillId, skill.Id)).Select(e => e.Strength).ToList();
                if (match.Count == 0)
                {
                    misses.Add(name);
                    continue;
                }

                found++;
                compared++;
                var got = match.Contains(SkillStrengths.Required) ? SkillStrengths.Required : SkillStrengths.Preferred;
                if (got == strength)
                {
                    right++;
                }
                else
                {
                    strengthWrong.Add($"#{posting.N} {name} labelled {strength}");
                }
            }

            foreach (var (skillId, _) in extracted)
            {
                extractedCount++;
                if (labelled.Any(l => l.Skill is not null && Related(taxonomy, skillId, l.Skill.Id)))
                {
                    correct++;
                }
                else
                {
                    falsePositives.Add(skillId);
                    var at = extractor.Extract(text, employer).First(m => m.SkillId == skillId && m.Counts);
                    snippets?.Add($"#{posting.N} {skillId}: ...{text.Substring(Math.Max(0, at.Start - 50), Math.Min(text.Length, at.End + 30) - Math.Max(0, at.Start - 50)).ReplaceLineEndings(" ")}...");
                }
            }
        }

        return new LabelledScore(n, labels, found, extractedCount, correct, compared, right, unresolved, misses, falsePositives, strengthWrong);
    }

    /// <summary>
    /// With SKILLSCOPE_LABELS_DUMP set to a folder, writes each scored posting's text and employer as one JSON line
    /// (labels-N.jsonl) for `skills extract --jsonl` (a way to try a taxonomy file with `--taxonomy` without a build).
    /// The texts stay outside the repository.
    /// </summary>
    private static void Dump(LabelledPosting posting, string text, string? employer)
    {
        var folder = Environment.GetEnvironmentVariable("SKILLSCOPE_LABELS_DUMP");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var line = JsonSerializer.Serialize(new { id = posting.N.ToString(CultureInfo.InvariantCulture), text, employer });
        File.WriteAllText(Path.Combine(folder, $"labels-{posting.N}.jsonl"), line + "\n");
    }

    /// <summary>A label's skill: its name or alias, or the same words as "... skills" or in the singular/plural ("communication" = "communication skills").</summary>
    private static Skill? ResolveLabel(SkillTaxonomy taxonomy, string name) =>
        taxonomy.Resolve(name) ?? taxonomy.Resolve(name + " skills")
        ?? (name.EndsWith('s') ? taxonomy.Resolve(name[..^1]) : taxonomy.Resolve(name + "s"));

    private static bool Related(SkillTaxonomy taxonomy, string a, string b) =>
        a == b || taxonomy.Find(a)?.Parent == b || taxonomy.Find(b)?.Parent == a;
}
