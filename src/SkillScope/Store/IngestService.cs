using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SkillScope.Ingest;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Skills;

namespace SkillScope.Store;

public sealed record IngestOptions
{
    /// <summary>A format name from <see cref="FormatRegistry"/>, or null / "auto" to detect by content.</summary>
    public string? Format { get; init; }
    public string? Source { get; init; }
    public IReadOnlyDictionary<string, string>? ColumnMapping { get; init; }
    /// <summary>Rows per transaction: an interruption loses at most this many uncommitted rows, never consistency.</summary>
    public int BatchSize { get; init; } = 5_000;

    /// <summary>
    /// Find near-duplicate postings (the same job with another place, a small edit, a cut text) and link each to the
    /// posting it copies (docs/architecture.md, "Posting identity"). Off: exact duplicate keys only (benchmark baseline).
    /// </summary>
    public bool DetectNearDuplicates { get; init; } = true;
}

/// <summary>What one file's ingest did. Read = Stored + Merged + Skipped + Rejected.</summary>
/// <param name="Merged">Postings already stored from another file or board: recorded as a further source of that job.</param>
/// <param name="Skipped">Rows this store already holds from an earlier ingest of the same content.</param>
/// <param name="Flagged">Stored rows whose salary is flagged (implausible, unparsed) and left out of statistics.</param>
public sealed record IngestSummary(
    string File, string Format, string Source, string Encoding,
    long Read, long Stored, long Merged, long Skipped, long Rejected, long Flagged, bool Interrupted)
{
    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{File}: {Read:N0} read, {Stored:N0} stored, {Merged:N0} joined an existing posting, {Skipped:N0} already stored, {Rejected:N0} rejected (see 'skillscope quarantine'), {Flagged:N0} salaries flagged [{Format}, {Encoding}]{(Interrupted ? " - INTERRUPTED: run the same command again to complete" : "")}");
}

/// <summary>
/// The ingest pipeline: read -> normalize -> extract skills -> identify (identity and duplicate key) -> write. The first
/// four steps are pure and engine-neutral; the write step is the store's (<see cref="IIngestWriter"/>, one per engine).
/// Rows are written in batches, one transaction each (records, their skills and sources, quarantined rows and the
/// ingest's counters together), so an interrupted run leaves the store consistent and the same command completes it.
/// </summary>
public sealed class IngestService(SkillStore store, FxRates rates, TimeProvider time, SkillExtractor? extractor = null)
{
    private readonly SkillExtractor skills = extractor ?? SkillExtractor.Default;

    public IngestSummary Ingest(string path, IngestOptions options, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = TextDecoding.Inspect(path);
        var format = FormatRegistry.Resolve(FormatRegistry.Probe(file), options.Format, options.ColumnMapping);
        var source = string.IsNullOrWhiteSpace(options.Source) ? format.DefaultSource : options.Source.Trim();
        var context = new FormatContext(path) { ColumnMapping = options.ColumnMapping };
        SkillIndex.MarkIfNew(store, skills.Taxonomy.Version);

        using var writer = IngestWriters.Create(store);
        writer.BeginIngest(new IngestStart(Path.GetFullPath(file.Path), file.Sha256Hex, file.Bytes, format.Name, source, file.EncodingName, time.GetUtcNow()));
        var counts = new IngestCounts();
        var duplicates = options.DetectNearDuplicates ? new NearDuplicateIndex() : null;
        var interrupted = false;
        var batch = new List<PendingRow>(Math.Min(options.BatchSize, 10_000));
        using var text = TextDecoding.Open(file);
        var stream = (text as StreamReader)?.BaseStream;
        foreach (var row in format.Read(text, context))
        {
            counts.Read++;
            batch.Add(Normalize(row));

            // A cancelled run keeps what it has read: the open batch is committed whole, then the run stops.
            if (cancellation.IsCancellationRequested)
            {
                interrupted = true;
                break;
            }

            if (batch.Count >= options.BatchSize)
            {
                Write(writer, batch, counts, source, file.Sha256Hex, format.Name, duplicates);
                if (stream is { CanSeek: true, Length: > 0 })
                {
                    progress?.Report((double)stream.Position / stream.Length);
                }
            }
        }

        Write(writer, batch, counts, source, file.Sha256Hex, format.Name, duplicates);
        writer.EndIngest(interrupted ? "interrupted" : "completed", time.GetUtcNow());
        progress?.Report(1);
        return new IngestSummary(path, format.Name, source, file.Describe(),
            counts.Read, counts.Stored, counts.Merged, counts.Skipped, counts.Rejected, counts.Flagged, interrupted);
    }

    private void Write(IIngestWriter writer, List<PendingRow> batch, IngestCounts counts, string source, string fileSha256, string format, NearDuplicateIndex? duplicates)
    {
        ExtractSkills(batch);
        foreach (var row in batch)
        {
            Identify(row, source, fileSha256, format);
        }

        if (duplicates is not null)
        {
            IdentifyDuplicates(batch, duplicates);
        }

        writer.WriteBatch(batch, counts);
        batch.Clear();
    }

    // Step 2: normalize (pure). A row that cannot be read or normalized goes on with its reason, to quarantine.
    private PendingRow Normalize(SourceRow row)
    {
        if (row.Record is null)
        {
            return new PendingRow(row, null, row.Error ?? "unreadable record");
        }

        var result = RecordNormalizer.Normalize(row.Record, rates);
        return new PendingRow(row, result.Record, result.Record is null ? result.Error ?? "unreadable record" : null);
    }

    // Step 3: skills, for postings with text, extracted for the whole batch on every core (results land by index, so the
    // output does not depend on scheduling).
    private void ExtractSkills(List<PendingRow> batch)
    {
        Parallel.For(0, batch.Count, i =>
        {
            if (batch[i].Record is { } record && SkillIndex.TextOf(record.Kind, record.Title, record.Description) is { } text)
            {
                batch[i].Skills = SkillExtractor.Distinct(skills.Extract(text, record.Company));
            }
        });
    }

    // Step 4: identity (what makes re-ingest idempotent) and duplicate key (what merges the same job seen twice).
    private static void Identify(PendingRow row, string source, string fileSha256, string format)
    {
        var sourceId = row.Source.Record?.SourceId;
        row.Identity = string.IsNullOrWhiteSpace(sourceId)
            ? string.Create(CultureInfo.InvariantCulture, $"file:{fileSha256}:{row.Source.Position}")
            : $"id:{source}:{sourceId.Trim()}";
        row.SourceName = source;
        row.FileSha256 = fileSha256;
        if (row.Record is { } record)
        {
            row.DedupeKey = DedupeKey(record, row.Identity);
            row.TextKind = record.Kind == RecordKinds.Posting ? TextCompleteness.Classify(format, record.Description).Kind : TextKinds.None;
        }
    }

    // Step 4b: near-duplicates. Fingerprints are computed for the batch on every core; then, in file order, a posting
    // that copies one already stored (or earlier in the batch) takes that posting's duplicate key, so the write step
    // records it as a further appearance of it; any other posting with text joins the index under its own key.
    private void IdentifyDuplicates(List<PendingRow> batch, NearDuplicateIndex index)
    {
        Parallel.For(0, batch.Count, i =>
        {
            if (batch[i].Record is { Kind: RecordKinds.Posting, Description: { } text } record)
            {
                // A text too short for a similarity estimate merges by its exact key only, so it needs no signature.
                var fingerprint = NearDuplicates.Fingerprint(record.Company, record.Title, text, record.PeriodStart);
                batch[i].Fingerprint = fingerprint is { Shingles: >= NearDuplicates.MinimumShingles } ? fingerprint : null;
            }
        });
        DuplicateCandidates.Load(store, index, batch.Where(r => r.Fingerprint is not null).Select(r => r.Fingerprint!.Block));
        foreach (var row in batch)
        {
            if (row.Fingerprint is not { } fingerprint || row.DedupeKey is null)
            {
                continue;
            }

            if (index.Find(fingerprint) is { } match)
            {
                row.DedupeKey = match.Key;
                row.Fingerprint = null;
            }
            else
            {
                index.Add(row.DedupeKey, fingerprint);
            }
        }
    }

    // Salary responses are never merged: each is its own key. Postings merge on normalized company + title + location +
    // description; a posting with an id but no text cannot be proven a duplicate of another, so it keeps its own key.
    internal static string DedupeKey(JobRecord record, string identity)
    {
        if (record.Kind == RecordKinds.SalaryReport || (record.Description is null && record.SourceId is not null))
        {
            return identity;
        }

        var builder = new StringBuilder(256 + (record.Description?.Length ?? 0));
        foreach (var part in (ReadOnlySpan<string?>)[record.Company, record.Title, record.LocationText, record.Description])
        {
            AppendNormalized(builder, part);
            builder.Append('\u001f');
        }

        return "posting:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private static void AppendNormalized(StringBuilder builder, string? text)
    {
        var pendingSpace = false;
        foreach (var c in text ?? "")
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }
    }
}

/// <summary>One row on its way through the pipeline: what was read, what it became, and how it is identified.</summary>
internal sealed class PendingRow(SourceRow source, JobRecord? record, string? error)
{
    public SourceRow Source { get; } = source;

    /// <summary>The normalized record, or null when the row is rejected (<see cref="Error"/> says why).</summary>
    public JobRecord? Record { get; } = record;

    public string? Error { get; } = error;

    public IReadOnlyList<(string SkillId, string Strength)> Skills { get; set; } = [];

    public string Identity { get; set; } = "";

    /// <summary>Rows with the same key are one record; null for rejected rows.</summary>
    public string? DedupeKey { get; set; }

    public string SourceName { get; set; } = "";

    public string FileSha256 { get; set; } = "";

    /// <summary>Whether the text is a full description (<see cref="TextKinds"/>).</summary>
    public string TextKind { get; set; } = TextKinds.None;

    /// <summary>The near-duplicate fingerprint to store with a new posting; null when it has no text or joined another.</summary>
    public PostingFingerprint? Fingerprint { get; set; }
}

/// <summary>The ingest's running counts, written with each batch.</summary>
internal sealed class IngestCounts
{
    public long Read { get; set; }
    public long Stored { get; set; }
    public long Merged { get; set; }
    public long Skipped { get; set; }
    public long Rejected { get; set; }
    public long Flagged { get; set; }
}

internal sealed record IngestStart(string FilePath, string FileSha256, long Bytes, string Format, string Source, string Encoding, DateTimeOffset StartedAt);

/// <summary>
/// The write step of the pipeline, one per engine. <see cref="WriteBatch"/> runs in one transaction: a row whose
/// identity is stored is skipped; a posting whose duplicate key is stored (or earlier in the batch) becomes a further
/// source of that record; other rows are stored with their skills, rejected rows quarantined; then the counts.
/// </summary>
internal interface IIngestWriter : IDisposable
{
    void BeginIngest(IngestStart start);

    void WriteBatch(IReadOnlyList<PendingRow> rows, IngestCounts counts);

    void EndIngest(string status, DateTimeOffset finishedAt);
}

internal static class IngestWriters
{
    public static IIngestWriter Create(SkillStore store) =>
        store.IsPostgres ? new PostgresIngestWriter(store) : new SqliteIngestWriter(store);

    public static string Timestamp(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
