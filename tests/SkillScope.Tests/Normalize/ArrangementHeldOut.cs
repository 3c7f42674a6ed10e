using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SkillScope.Model;
using SkillScope.Tests.Skills;

namespace SkillScope.Tests.Normalize;

/// <summary>
/// The held-out work-arrangement sample (issue 16): postings not in Normalize/Labels/arrangement.tsv (the sample the
/// description rule was tuned on), drawn with their own seed from ten layouts, labelled by hand from the text with the
/// rule's output and any structured arrangement field hidden, and committed (Labels/arrangement-heldout.tsv) before
/// the rule was run on them.
/// </summary>
internal static partial class ArrangementHeldOut
{
    public const int Seed = 1616;
    public const string LabelsFile = "arrangement-heldout.tsv";

    public const string Hn2026April = "hn_whoishiring_2026_fulltext/runs/2026-04-17/raw.json";
    public const string Adzuna = "adzuna_us_2026/adzuna_jobs_raw.csv";
    public const string LinkedIn2023 = "linkedin_2023_structured/job_postings.csv";
    public const string LinkedInBrazil = "linkedin_brazil_data_jobs_2023/data_jobs_2023-06-26.csv";
    public const string UsaJobs = "usajobs_data_roles_2026/usajobs_postings.csv";
    public const string Google2018 = "google_job_skills_2018/job_skills.csv";

    /// <summary>Single files and how many postings each gives (the remote board, 10, is drawn over its folders).</summary>
    public static readonly (string File, int Count)[] Files =
    [
        (TextLabelSamples.LinkedIn2018, 10), (TextLabelSamples.Indeed2018, 10), (TextLabelSamples.Glassdoor, 10),
        (Hn2026April, 10), (Adzuna, 10), (LinkedIn2023, 5), (LinkedInBrazil, 5), (UsaJobs, 5), (Google2018, 5),
    ];

    public const int BoardCount = 10;

    /// <summary>
    /// The sampling filter: the tuning sample's arrangement words plus "telework" (USAJOBS) and the Portuguese words
    /// (LinkedIn Brazil). Sampling only; not the rule.
    /// </summary>
    [GeneratedRegex(@"\b(?:remote(?:ly)?|hybrid|on-?site|in[- ]office|in[- ]person|work(?:ing)? from home|wfh|telecommut\w*|telework\w*|days? (?:a|per) week|remot[oa]s?|h[ií]brid[oa]s?|presencial(?:mente)?|home[- ]office)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Word();

    /// <summary>Every posting of the held-out pools, by file, with the tuning sample's postings (and copies of their text) left out.</summary>
    public static List<(string File, int Position, RawRecord Record)> Pool(string file, HashSet<(string, int)> tuning, HashSet<string> tuningTexts) =>
        [.. TextLabelSamples.Read(file)
            .Where(r => !tuning.Contains((file, r.Position)) && !tuningTexts.Contains(Key(r.Record)))
            .Select(r => (file, r.Position, r.Record))];

    /// <summary>Title, location and text: what the labeller reads.</summary>
    public static string Key(RawRecord r) => $"{r.Title}\n{r.Location}\n{r.Description}";
}

/// <summary>Draws the held-out sample to label (run on demand): SKILLSCOPE_WRITE_LABEL_SAMPLES=folder.</summary>
public sealed class ArrangementHeldOutSampleWriter
{
    private const string Variable = "SKILLSCOPE_WRITE_LABEL_SAMPLES";

    [MeasurementFact(Variable)]
    public void Write_the_held_out_arrangement_sample()
    {
        var folder = Environment.GetEnvironmentVariable(Variable)!;
        Directory.CreateDirectory(folder);
        var tuningLabels = TextLabelSamples.Labels("arrangement.tsv");
        var tuning = tuningLabels.Select(l => (l.File, l.Position)).ToHashSet();
        var tuningTexts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in tuningLabels.Select(l => l.File).Distinct(StringComparer.Ordinal))
        {
            foreach (var (position, record) in TextLabelSamples.Read(file))
            {
                if (tuning.Contains((file, position)))
                {
                    tuningTexts.Add(ArrangementHeldOut.Key(record));
                }
            }
        }

        var labels = new StringBuilder("file\tposition\tlabel\tnote\n");
        var reading = new StringBuilder();
        var random = new Random(ArrangementHeldOut.Seed);
        var pools = ArrangementHeldOut.Files
            .Select(f => (Pool: ArrangementHeldOut.Pool(f.File, tuning, tuningTexts), f.Count))
            .Append((Pool: TextLabelSamples.RemoteBoardFiles().SelectMany(f => ArrangementHeldOut.Pool(f, tuning, tuningTexts)).ToList(), Count: ArrangementHeldOut.BoardCount));
        foreach (var (pool, count) in pools)
        {
            // One posting per text (HN comments give one record per role; the board files the same posting under several tags).
            var candidates = pool
                .Where(p => ArrangementHeldOut.Word().IsMatch(ArrangementHeldOut.Key(p.Record)))
                .GroupBy(p => ArrangementHeldOut.Key(p.Record), StringComparer.Ordinal).Select(g => g.First())
                .ToList();
            foreach (var (file, position, record) in candidates.OrderBy(_ => random.Next()).Take(count))
            {
                labels.Append(CultureInfo.InvariantCulture, $"{file}\t{position}\t\t\n");
                reading.Append(CultureInfo.InvariantCulture,
                    $"## {file} {position}\nTITLE: {record.Title}\nLOCATION: {record.Location}\nTEXT ({record.Description?.Length ?? 0} chars):{TextLabelSamples.Windows(record.Description, ArrangementHeldOut.Word(), 220)}\n\n");
            }
        }

        File.WriteAllText(Path.Combine(folder, ArrangementHeldOut.LabelsFile), labels.ToString());
        File.WriteAllText(Path.Combine(folder, "arrangement-heldout-reading.md"), reading.ToString());
    }
}
