using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SkillScope.Skills;

namespace SkillScope.Tests.Skills;

/// <summary>
/// Every mention (skill, span, surface, strength, section, exclusion) the extractor finds in a fixed set of real
/// texts, hashed per block of postings and compared with a committed snapshot: a change meant to make extraction
/// faster must not change a single mention. The texts: the 2,437 LinkedIn/Indeed 2018 and Glassdoor 2020 postings the
/// extraction benchmark reads, every HN "Who is hiring" job of 2026-05-05 (HTML, headings, employers) and every
/// remote-board posting (Markdown sections).
/// </summary>
/// <remarks>
/// A change to the extraction rules or the taxonomy changes the output on purpose: regenerate the snapshot with
/// <c>SKILLSCOPE_UPDATE_EXPECTED=1 dotnet test tests/SkillScope.Tests -c Release --filter FullyQualifiedName~ExtractionSnapshot</c>
/// and commit it with the rule change. <c>SKILLSCOPE_EXTRACTION_DUMP=path</c> also writes every mention, one per line,
/// so two builds can be diffed mention by mention.
/// </remarks>
public class ExtractionSnapshotTests
{
    private const int Block = 100;
    private const string Hn = "hn_whoishiring_2026_fulltext/runs/2026-05-05/raw.json";
    private const string Remote = "remotewlb_remote_jobs_2024_2025/MANIFEST.tsv";

    [SharedDataFact(SharedData.LinkedIn, SharedData.Indeed, SharedData.Glassdoor, Hn, Remote)]
    public void Extraction_output_on_real_postings_matches_the_committed_snapshot()
    {
        var extractor = SkillExtractor.Default;
        var actual = new StringBuilder();
        actual.Append("# Extraction snapshot: SHA-256 (first 16 hex digits) of every mention per block of ")
            .Append(Block.ToString(CultureInfo.InvariantCulture))
            .Append(" postings. Regenerate: see tests/SkillScope.Tests/Skills/ExtractionSnapshotTests.cs\n");
        var dumpPath = Environment.GetEnvironmentVariable("SKILLSCOPE_EXTRACTION_DUMP");
        using var dump = string.IsNullOrEmpty(dumpPath) ? null : new StreamWriter(dumpPath);
        foreach (var (source, texts) in Sources())
        {
            var mentions = 0;
            for (var from = 0; from < texts.Count; from += Block)
            {
                var to = Math.Min(texts.Count, from + Block);
                var lines = new StringBuilder();
                for (var i = from; i < to; i++)
                {
                    var (text, employer) = texts[i];
                    foreach (var m in extractor.Extract(text, employer))
                    {
                        mentions++;
                        lines.Append(CultureInfo.InvariantCulture, $"{source} {i} {m.SkillId} {m.Start} {m.End} {m.Strength} {m.Section} {m.Exclusion ?? "-"} {m.Surface.ReplaceLineEndings("\\n")}\n");
                    }
                }

                dump?.Write(lines.ToString());
                var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())))[..16];
                actual.Append(CultureInfo.InvariantCulture, $"{source} {from}-{to - 1} {hash}\n");
            }

            actual.Append(CultureInfo.InvariantCulture, $"{source} postings {texts.Count} mentions {mentions}\n");
        }

        var expectedPath = Path.Combine(Support.Repo.Root, "tests", "SkillScope.Tests", "Skills", "Labels", "extraction-snapshot.txt");
        if (Environment.GetEnvironmentVariable("SKILLSCOPE_UPDATE_EXPECTED") == "1")
        {
            File.WriteAllText(expectedPath, actual.ToString());
            return;
        }

        var expected = File.ReadAllText(expectedPath);
        var changed = expected.Split('\n').Except(actual.ToString().Split('\n')).Take(10).ToList();
        Assert.True(changed.Count == 0,
            "extraction output changed in: " + string.Join("; ", changed)
            + ". If the change is meant (rules or taxonomy), regenerate with SKILLSCOPE_UPDATE_EXPECTED=1 (see ExtractionSnapshotTests).");
    }

    private static IEnumerable<(string Source, List<(string Text, string? Employer)> Texts)> Sources()
    {
        yield return ("ds", [.. SharedData.Postings.Select(t => (t, (string?)null))]);

        using (var doc = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf(Hn)!)))
        {
            var hn = doc.RootElement.GetProperty("jobs").EnumerateArray()
                .Select(j => LabelledPostings.Read(new LabelledPosting(0, "", "hn", Hn, j.GetProperty("id").ToString(), [])))
                .ToList();
            yield return ("hn", hn);
        }

        var root = Path.GetDirectoryName(SharedData.PathOf(Remote))!;
        var remote = File.ReadLines(SharedData.PathOf(Remote)!).Skip(1)
            .Select(line => line.Split('\t')[0])
            .Where(path => File.Exists(Path.Combine(root, path)))
            .Order(StringComparer.Ordinal)
            .Select(path => LabelledPostings.Read(new LabelledPosting(0, "", "remote", "remotewlb_remote_jobs_2024_2025/" + path, "", [])))
            .ToList();
        yield return ("remote", remote);
    }
}
