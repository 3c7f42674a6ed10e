using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Tests.Ingest;
using SkillScope.Tests.Skills;
using Xunit.Abstractions;

namespace SkillScope.Tests.Normalize;

/// <summary>
/// The postings hand-labelled from their text for issue 16 (work arrangement from the description; board level label
/// against title and years). A posting is named by its shared-data file and its record position in that file (the
/// texts are not copied: their licences are not stated). The samples are drawn with a fixed seed by
/// <see cref="TextLabelSampleWriter"/>, without running the rules being measured; the labels were written into
/// Normalize/Labels/*.tsv before the rules were run on them.
/// </summary>
internal static partial class TextLabelSamples
{
    public const int Seed = 16;

    public const string LinkedIn2018 = "linkedin_indeed_ca_2018/DataScientist.csv";
    public const string Indeed2018 = "linkedin_indeed_ca_2018/cal_ds_500.csv";
    public const string Glassdoor = "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv";
    public const string Hn2026 = "hn_whoishiring_2026_fulltext/runs/2026-05-05/raw.json";
    public const string RemoteBoard = "remotewlb_remote_jobs_2024_2025/MANIFEST.tsv";

    /// <summary>The files whose postings state no work arrangement in a field of their own (so the text decides).</summary>
    public static readonly string[] ArrangementFiles = [LinkedIn2018, Indeed2018, Glassdoor, Hn2026];

    /// <summary>Bare arrangement words anywhere in title, location or description: the sampling filter (not the rule).</summary>
    [GeneratedRegex(@"\b(?:remote(?:ly)?|hybrid|on-?site|in[- ]office|in[- ]person|work(?:ing)? from home|wfh|telecommut\w*|days? (?:a|per) week)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ArrangementWord();

    /// <summary>The remote board's posting files, in MANIFEST order (relative to the shared data folder).</summary>
    public static IEnumerable<string> RemoteBoardFiles() =>
        File.ReadLines(SharedData.Path(RemoteBoard)).Skip(1).Select(l => "remotewlb_remote_jobs_2024_2025/" + l.Split('\t')[0]);

    /// <summary>Every readable record of a shared-data file with its position.</summary>
    public static IEnumerable<(int Position, RawRecord Record)> Read(string relative)
    {
        var (_, rows) = IngestKit.ReadFile(SharedData.Path(relative));
        return rows.Where(r => r.Record is not null).Select(r => ((int)r.Position, r.Record!));
    }

    /// <summary>The record at a position of a file, as the pipeline normalizes it.</summary>
    public static (RawRecord Raw, JobRecord Record) At(string relative, int position)
    {
        var raw = Read(relative).Single(r => r.Position == position).Record;
        var normalized = RecordNormalizer.Normalize(raw, FxRates.Default);
        Assert.True(normalized.Record is not null, $"{relative} record {position}: {normalized.Error}");
        return (raw, normalized.Record!);
    }

    /// <summary>
    /// A labels file: file, position, label, and the rest of each line as a note. The position column holds a record
    /// position, or a source id ("47980397/4", an HN comment's fourth role) for readers whose record count per item
    /// changes with their rules: such a posting keeps its label when the reader finds more or fewer roles elsewhere in
    /// the file. A source id is resolved to the record's position when the file is read.
    /// </summary>
    public static List<(string File, int Position, string Label, string Note)> Labels(string name)
    {
        var path = Path.Combine(Support.Repo.Root, "tests", "SkillScope.Tests", "Normalize", "Labels", name);
        var rows = File.ReadLines(path).Skip(1).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        var bySourceId = rows.Where(f => !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)).Select(f => f[0]).Distinct(StringComparer.Ordinal)
            .ToDictionary(file => file, file => Read(file).Where(r => r.Record.SourceId is not null)
                .ToDictionary(r => r.Record.SourceId!, r => r.Position, StringComparer.Ordinal), StringComparer.Ordinal);
        return [.. rows.Select(f => (f[0], int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : bySourceId[f[0]].TryGetValue(f[1], out var found) ? found : throw new InvalidOperationException($"{name}: {f[0]} has no record {f[1]}"),
            f[2], f.Length > 3 ? f[3] : ""))];
    }

    /// <summary>Windows of <paramref name="context"/> characters around each match, for reading by hand.</summary>
    public static string Windows(string? text, Regex words, int context)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var parts = new StringBuilder();
        var end = 0;
        foreach (Match m in words.Matches(text))
        {
            var from = Math.Max(m.Index - context, end);
            if (from >= m.Index + m.Length)
            {
                continue;
            }

            end = Math.Min(text.Length, m.Index + m.Length + context);
            parts.Append(" …").Append(text[from..end].ReplaceLineEndings(" ")).Append('…');
        }

        return parts.ToString();
    }
}

/// <summary>Draws the samples to label (run on demand): SKILLSCOPE_WRITE_LABEL_SAMPLES=folder.</summary>
public sealed class TextLabelSampleWriter
{
    private const string Variable = "SKILLSCOPE_WRITE_LABEL_SAMPLES";

    [MeasurementFact(Variable)]
    public void Write_the_arrangement_and_level_samples()
    {
        var folder = Environment.GetEnvironmentVariable(Variable)!;
        Directory.CreateDirectory(folder);

        // Work arrangement: 10 postings per source among those whose title, location or description names an
        // arrangement word, from sources with no arrangement field.
        var arrangement = new StringBuilder("file\tposition\tlabel\tnote\n");
        var reading = new StringBuilder();
        var random = new Random(TextLabelSamples.Seed);
        var sources = TextLabelSamples.ArrangementFiles.Select(f => (f, TextLabelSamples.Read(f).ToList())).ToList();
        var board = TextLabelSamples.RemoteBoardFiles().SelectMany(f => TextLabelSamples.Read(f).Select(r => (File: f, r.Position, r.Record))).ToList();
        var pools = sources.Select(s => s.Item2.Select(r => (File: s.f, r.Position, r.Record)).ToList()).Append(board);
        foreach (var pool in pools)
        {
            var candidates = pool.Where(p => !string.IsNullOrWhiteSpace(p.Record.Description)
                && TextLabelSamples.ArrangementWord().IsMatch($"{p.Record.Title}\n{p.Record.Location}\n{p.Record.Description}")).ToList();
            foreach (var (file, position, record) in candidates.OrderBy(_ => random.Next()).Take(10))
            {
                arrangement.Append(CultureInfo.InvariantCulture, $"{file}\t{position}\t\t\n");
                reading.Append(CultureInfo.InvariantCulture, $"## {file} {position}\nTITLE: {record.Title}\nLOCATION: {record.Location}\nTEXT:{TextLabelSamples.Windows(record.Description, TextLabelSamples.ArrangementWord(), 160)}\n\n");
            }
        }

        File.WriteAllText(Path.Combine(folder, "arrangement.tsv"), arrangement.ToString());
        File.WriteAllText(Path.Combine(folder, "arrangement-reading.md"), reading.ToString());

        // Level: LinkedIn 2018 postings whose board label names a level that the title's level word, or (with no
        // title level) the years asked for, contradicts; 25 of each kind. The reading file hides the label.
        var level = new StringBuilder("file\tposition\tlabel\tnote\n");
        reading.Clear();
        random = new Random(TextLabelSamples.Seed);
        var conflicts = TextLabelSamples.Read(TextLabelSamples.LinkedIn2018)
            .Select(r => (r.Position, r.Record, Label: SeniorityClassifier.FromLabel(r.Record.SeniorityHint), Title: SeniorityClassifier.FromTitle(r.Record.Title),
                Years: SeniorityClassifier.FromYears(ExperienceParser.YearsRequiredMin(r.Record.Description))))
            .Where(r => r.Label is not null && !string.IsNullOrWhiteSpace(r.Record.Description))
            .ToList();
        var byTitle = conflicts.Where(c => c.Title is not null && c.Title != c.Label).OrderBy(_ => random.Next()).Take(25);
        var byYears = conflicts.Where(c => c.Title is null && c.Years != Seniorities.Unknown && c.Years != c.Label).OrderBy(_ => random.Next()).Take(25);
        var words = new Regex(@"\b(?:years?|experience|senior|junior|entry|lead|leading|manag\w*|director|principal|staff|intern\w*|graduate|ph\.?d|mentor\w*)\b", RegexOptions.IgnoreCase);
        foreach (var c in byTitle.Concat(byYears))
        {
            level.Append(CultureInfo.InvariantCulture, $"{TextLabelSamples.LinkedIn2018}\t{c.Position}\t\t\n");
            reading.Append(CultureInfo.InvariantCulture, $"## {c.Position}\nTITLE: {c.Record.Title}\nTEXT:{TextLabelSamples.Windows(c.Record.Description, words, 120)}\n\n");
        }

        File.WriteAllText(Path.Combine(folder, "level.tsv"), level.ToString());
        File.WriteAllText(Path.Combine(folder, "level-reading.md"), reading.ToString());
        File.WriteAllText(Path.Combine(folder, "level-counts.txt"), string.Create(CultureInfo.InvariantCulture,
            $"labelled {conflicts.Count}; title contradicts label {conflicts.Count(c => c.Title is not null && c.Title != c.Label)}; no title level and years contradict label {conflicts.Count(c => c.Title is null && c.Years != Seniorities.Unknown && c.Years != c.Label)}\n"));
    }
}

/// <summary>
/// Issue 16: the pipeline's work arrangement and level on the postings labelled by hand from their text
/// (docs/normalization.md has the figures; the output lists every disagreement).
/// </summary>
public sealed class TextLabelTests(ITestOutputHelper output)
{
    [SharedDataFact(TextLabelSamples.LinkedIn2018, TextLabelSamples.Indeed2018, TextLabelSamples.Glassdoor, TextLabelSamples.Hn2026, TextLabelSamples.RemoteBoard)]
    public void Work_arrangement_read_from_the_text_agrees_with_the_hand_labels()
    {
        var labels = TextLabelSamples.Labels("arrangement.tsv");
        var records = Records(labels.Select(l => l.File));
        int said = 0, right = 0, stated = 0, found = 0;
        foreach (var (file, position, label, note) in labels)
        {
            var got = records[(file, position)].Record.WorkArrangement;
            said += got != WorkArrangements.Unknown ? 1 : 0;
            right += got != WorkArrangements.Unknown && got == label ? 1 : 0;
            stated += label != WorkArrangements.Unknown ? 1 : 0;
            found += label != WorkArrangements.Unknown && got == label ? 1 : 0;
            if (got != label)
            {
                output.WriteLine($"{file} {position}: labelled {label}, rule says {got} ({note})");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{labels.Count} postings, {stated} state an arrangement; the rule names {said}, {right} right: precision {Ratio(right, said)}, recall {Ratio(found, stated)}"));
        Assert.Equal(50, labels.Count);
        // Measured 23 of 26 and 23 of 25 (docs/normalization.md); the rule before issue 16 had 19 of 24 and 19 of 25.
        Assert.True(right * 100 >= said * 85, $"precision {right} of {said}");
        Assert.True(found * 100 >= stated * 88, $"recall {found} of {stated}");
    }

    [SharedDataFact(TextLabelSamples.LinkedIn2018)]
    public void Where_the_board_label_contradicts_title_or_years_the_rule_that_measures_better_decides()
    {
        var labels = TextLabelSamples.Labels("level.tsv");
        var records = Records(labels.Select(l => l.File));
        int board = 0, text = 0, pipeline = 0;
        foreach (var (file, position, label, note) in labels)
        {
            var (raw, record) = records[(file, position)];
            var fromBoard = SeniorityClassifier.FromLabel(raw.SeniorityHint);
            var fromText = SeniorityClassifier.FromTitle(record.Title) ?? SeniorityClassifier.FromYears(record.YearsRequiredMin);
            board += fromBoard == label ? 1 : 0;
            text += fromText == label ? 1 : 0;
            pipeline += record.Seniority == label ? 1 : 0;
            output.WriteLine($"{position}: labelled {label}; board {raw.SeniorityHint} -> {fromBoard}; title/years {fromText}; pipeline {record.Seniority} ({note})");
        }

        output.WriteLine($"{labels.Count} postings: board label right {board}, title then years right {text}, pipeline right {pipeline}");
        Assert.Equal(50, labels.Count);
        Assert.Equal(Math.Max(board, text), pipeline);
    }

    private static Dictionary<(string, int), (RawRecord Raw, JobRecord Record)> Records(IEnumerable<string> files)
    {
        var records = new Dictionary<(string, int), (RawRecord, JobRecord)>();
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            foreach (var (position, raw) in TextLabelSamples.Read(file))
            {
                var normalized = RecordNormalizer.Normalize(raw, FxRates.Default);
                if (normalized.Record is { } record)
                {
                    records[(file, position)] = (raw, record);
                }
            }
        }

        return records;
    }

    private static string Ratio(int part, int whole) =>
        whole == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{(double)part / whole:0.00} ({part}/{whole})");
}
