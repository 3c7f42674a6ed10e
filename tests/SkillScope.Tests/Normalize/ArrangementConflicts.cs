using System.Globalization;
using System.Text;
using SkillScope.Ingest.Formats;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Tests.Skills;
using Xunit.Abstractions;

namespace SkillScope.Tests.Normalize;

/// <summary>
/// Where a source has an arrangement field of its own and a text, how often the two disagree (issue 16). The field is
/// what the reader puts in <see cref="RawRecord.WorkArrangementHint"/> (for HN 2026 only when the header line states
/// it; the reader's own body reading is counted apart); the text's statement is
/// <see cref="WorkArrangementNormalizer.FromText"/> without the field.
/// </summary>
internal static class ArrangementConflicts
{
    public sealed record Row(string Source, string File, int Position, RawRecord Record, string Field, string Text);

    /// <summary>Sources with a field and a text: (source, files).</summary>
    public static IEnumerable<(string Source, IEnumerable<string> Files)> Sources()
    {
        yield return ("linkedin-brazil", [ArrangementHeldOut.LinkedInBrazil]);
        yield return ("linkedin-2023", [ArrangementHeldOut.LinkedIn2023]);
        yield return ("usajobs", [ArrangementHeldOut.UsaJobs]);
        yield return ("hn-2026", Directory.GetDirectories(SharedData.Path("hn_whoishiring_2026_fulltext/runs")).Order(StringComparer.Ordinal)
            .Select(d => "hn_whoishiring_2026_fulltext/runs/" + Path.GetFileName(d) + "/raw.json"));
        yield return ("hn-2026-body", Directory.GetDirectories(SharedData.Path("hn_whoishiring_2026_fulltext/runs")).Order(StringComparer.Ordinal)
            .Select(d => "hn_whoishiring_2026_fulltext/runs/" + Path.GetFileName(d) + "/raw.json"));
        yield return ("hn-table", Directory.GetDirectories(SharedData.Path("hn_whoishiring_2022_2025_structured/table")).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.GetFiles(d, "*.md").Order(StringComparer.Ordinal))
            .Select(f => Path.GetRelativePath(SharedData.Root, f)));
        yield return ("remote-board", TextLabelSamples.RemoteBoardFiles());
    }

    /// <summary>Every record of a source with its field's value and the text's.</summary>
    public static IEnumerable<Row> Rows(string source, IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            foreach (var (position, raw) in TextLabelSamples.Read(file))
            {
                var (field, text) = Split(source, raw);
                yield return new(source, file, position, raw, field, text);
            }
        }
    }

    /// <summary>The field's value and the text's statement (each an arrangement id, unknown when it says nothing).</summary>
    public static (string Field, string Text) Split(string source, RawRecord raw)
    {
        switch (source)
        {
            case "hn-2026" or "hn-2026-body":
            {
                // The header is the first line of the comment; the reader reads the body only when the header says nothing.
                var text = raw.Description ?? "";
                var cut = text.IndexOf('\n', StringComparison.Ordinal);
                var header = cut < 0 ? text : text[..cut];
                var body = cut < 0 ? "" : text[(cut + 1)..];
                var fromHeader = WorkArrangementNormalizer.Normalize(HnComment.Arrangement(header));
                // hn-2026-body: the reader's own reading of the body, used when the header says nothing.
                var field = source == "hn-2026" ? fromHeader
                    : fromHeader == WorkArrangements.Unknown ? WorkArrangementNormalizer.Normalize(raw.WorkArrangementHint) : WorkArrangements.Unknown;
                return (field, WorkArrangementNormalizer.FromDescription(body));
            }

            case "remote-board":
                // No field: the board's location line ("Remote", "Remote - US") is what stands in for one.
                return (WorkArrangementNormalizer.FromText(null, raw.Location, null), WorkArrangementNormalizer.FromText(raw.Title, null, raw.Description));
            default:
                return (WorkArrangementNormalizer.Normalize(raw.WorkArrangementHint), WorkArrangementNormalizer.FromText(raw.Title, raw.Location, raw.Description));
        }
    }
}

/// <summary>Counts and reading samples of field-vs-text disagreements (run on demand): SKILLSCOPE_ARRANGEMENT_CONFLICTS=folder.</summary>
public sealed class ArrangementConflictWriter
{
    private const string Variable = "SKILLSCOPE_ARRANGEMENT_CONFLICTS";

    [MeasurementFact(Variable)]
    public void Write_the_field_and_text_disagreements()
    {
        var folder = Environment.GetEnvironmentVariable(Variable)!;
        Directory.CreateDirectory(folder);
        var counts = new StringBuilder("source\tfield\ttext\tpostings\n");
        var reading = new StringBuilder();
        foreach (var (source, files) in ArrangementConflicts.Sources())
        {
            var rows = ArrangementConflicts.Rows(source, files).ToList();
            if (source is "hn-2026" or "hn-2026-body" or "remote-board")
            {
                // The HN runs overlap (2026-05-03 and 05-05) and the board files one posting under several tags: count each text once.
                rows = [.. rows.GroupBy(r => (r.Record.Url, ArrangementHeldOut.Key(r.Record))).Select(g => g.First())];
            }

            foreach (var g in rows.GroupBy(r => (r.Field, r.Text)).OrderBy(g => g.Key.Field, StringComparer.Ordinal).ThenBy(g => g.Key.Text, StringComparer.Ordinal))
            {
                counts.Append(CultureInfo.InvariantCulture, $"{source}\t{g.Key.Field}\t{g.Key.Text}\t{g.Count()}\n");
                if (g.Key.Field == WorkArrangements.Unknown || g.Key.Text == WorkArrangements.Unknown || g.Key.Field == g.Key.Text)
                {
                    continue;
                }

                var random = new Random(ArrangementHeldOut.Seed);
                foreach (var r in g.GroupBy(r => ArrangementHeldOut.Key(r.Record), StringComparer.Ordinal).Select(d => d.First()).OrderBy(_ => random.Next()).Take(10))
                {
                    reading.Append(CultureInfo.InvariantCulture,
                        $"## {source} field {r.Field} text {r.Text}: {r.File} {r.Position}\nTITLE: {r.Record.Title}\nLOCATION: {r.Record.Location}\nHINT: {r.Record.WorkArrangementHint}\nTEXT:{TextLabelSamples.Windows(r.Record.Description, ArrangementHeldOut.Word(), 200)}\n\n");
                }
            }
        }

        File.WriteAllText(Path.Combine(folder, "conflict-counts.tsv"), counts.ToString());
        File.WriteAllText(Path.Combine(folder, "conflict-reading.md"), reading.ToString());
    }
}

/// <summary>Issue 16: which of a source's arrangement field and the posting's text wins, on real rows (docs/normalization.md).</summary>
public sealed class ArrangementConflictTests(ITestOutputHelper output)
{
    [SharedDataFact(ArrangementHeldOut.LinkedIn2023)]
    public void LinkedIn_remote_allowed_gives_way_to_a_title_that_says_hybrid_or_onsite()
    {
        var records = TextLabelSamples.Read(ArrangementHeldOut.LinkedIn2023)
            .Select(r => (r.Position, Raw: r.Record, Record: RecordNormalizer.Normalize(r.Record, FxRates.Default).Record!))
            .ToDictionary(r => r.Position);

        Assert.Equal(WorkArrangements.Hybrid, records[28111].Record.WorkArrangement); // "... - Edina, Minnesota (Hybrid)"
        Assert.Equal(WorkArrangements.Onsite, records[30187].Record.WorkArrangement); // "... 100% Onsite in Sunnyvale, Ca."
        Assert.Equal(WorkArrangements.Remote, records[9514].Record.WorkArrangement); // "... - Remote or Hybrid": a choice
        var flagged = records.Values.Where(r => r.Raw.WorkArrangementHint == WorkArrangementNormalizer.RemoteAllowed).ToList();
        var counts = flagged.GroupBy(r => r.Record.WorkArrangement).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine(string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
        Assert.Equal(4_802, flagged.Count);
        Assert.Equal(HybridFlagged, counts.GetValueOrDefault(WorkArrangements.Hybrid));
        Assert.Equal(OnsiteFlagged, counts.GetValueOrDefault(WorkArrangements.Onsite));
    }

    [SharedDataFact(ArrangementHeldOut.Hn2026April, ArrangementHeldOut.LinkedInBrazil)]
    public void A_label_field_wins_over_the_description()
    {
        // HN header "Hybrid (onsite)"; the body says exceptions are made to hire remote. Found by its HN id: row
        // positions move whenever the reader finds more or fewer roles.
        var hn = TextLabelSamples.At(ArrangementHeldOut.Hn2026April,
            TextLabelSamples.Read(ArrangementHeldOut.Hn2026April).First(r => r.Record.SourceId?.StartsWith("47602451", StringComparison.Ordinal) == true).Position);
        Assert.Equal((WorkArrangements.Hybrid, WorkArrangements.Remote), ArrangementConflicts.Split("hn-2026", hn.Raw));
        Assert.Equal(WorkArrangements.Hybrid, hn.Record.WorkArrangement);

        // LinkedIn Brazil's workplace "Híbrido"; the company boilerplate says "whether you work remotely or on site".
        var brazil = TextLabelSamples.At(ArrangementHeldOut.LinkedInBrazil, 506);
        Assert.Equal((WorkArrangements.Hybrid, WorkArrangements.Remote), ArrangementConflicts.Split("linkedin-brazil", brazil.Raw));
        Assert.Equal(WorkArrangements.Hybrid, brazil.Record.WorkArrangement);
    }

    private const int HybridFlagged = 9;
    private const int OnsiteFlagged = 3;
}
