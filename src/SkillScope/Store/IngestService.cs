using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SkillScope.Ingest;
using SkillScope.Ingest.Formats;
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

    /// <summary>
    /// Most stored postings' near-duplicate fingerprints the identify step keeps in memory between batches; past it, the
    /// blocks (company + title) met longest ago are dropped and read again from the store when met again, so an
    /// ingest's memory does not grow with the store or the file. The duplicate decisions are the same at any value.
    /// </summary>
    public int DuplicateMemory { get; init; } = 50_000;

    /// <summary>
    /// Bytes of managed heap past which a full garbage collection runs after a batch is written (0: the
    /// runtime's own policy). A batch's rows live through several young collections, so the runtime promotes them to its
    /// oldest generation and they die there; left to its own policy it let that garbage grow the process to 1.5 GB over a
    /// 1,000,000-posting file while about 110 MB were live (docs/benchmarks.md). One-shot commands set a budget; a server
    /// leaves it at 0 (a blocking collection pauses its requests).
    /// </summary>
    public long HeapBudget { get; init; }

    /// <summary>
    /// Read and prepare the next batch while this one is written (the default). Off, each batch is read only after the
    /// previous one is written: the same stored rows and counts, on one thread at a time (what tests compare against).
    /// </summary>
    internal bool OverlapBatches { get; init; } = true;
}

/// <summary>What one file's ingest did. Read = Stored + Merged + Skipped + Rejected + Updated + Ignored.</summary>
/// <param name="Merged">Postings already stored from another file or board: recorded as a further source of that job.</param>
/// <param name="Skipped">Rows this store already holds from an earlier ingest of the same content.</param>
/// <param name="Flagged">Stored rows whose salary is flagged (implausible, unparsed) and left out of statistics.</param>
/// <param name="Updated">Stored records their source edited since (same id, other content): updated in place.</param>
/// <param name="Ignored">Rows that are not records (a reply in a "Who is hiring?" thread): neither stored nor quarantined.</param>
/// <param name="IgnoredReasons">How many rows were ignored for each reason.</param>
public sealed record IngestSummary(
    string File, string Format, string Source, string Encoding,
    long Read, long Stored, long Merged, long Skipped, long Rejected, long Flagged, bool Interrupted,
    long Updated = 0, long Ignored = 0, IReadOnlyDictionary<string, long>? IgnoredReasons = null)
{
    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{File}: {Read:N0} read, {Stored:N0} stored, {Merged:N0} joined an existing posting, {Skipped:N0} already stored, {Rejected:N0} rejected (see 'skillscope quarantine'), {Flagged:N0} salaries flagged{Extra()} [{Format}, {Encoding}]{(Interrupted ? " - INTERRUPTED: run the same command again to complete" : "")}");

    private string Extra()
    {
        var updated = Updated > 0 ? string.Create(CultureInfo.InvariantCulture, $", {Updated:N0} updated (edited at the source)") : "";
        if (Ignored == 0)
        {
            return updated;
        }

        var reasons = IgnoredReasons is { Count: > 0 }
            ? " (" + string.Join("; ", IgnoredReasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Value:N0} {r.Key}"))) + ")"
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"{updated}, {Ignored:N0} not records, skipped{reasons}");
    }
}

/// <summary>
/// The ingest pipeline: read -> normalize -> extract skills -> identify (identity and duplicate key) -> write. The first
/// four steps are pure and engine-neutral; the write step is the store's (<see cref="IIngestWriter"/>, one per engine).
/// Rows are written in batches, one transaction each (records, their skills and sources, quarantined rows and the
/// ingest's counters together), so an interrupted run leaves the store consistent and the same command completes it.
/// </summary>
public sealed class IngestService
{
    private readonly SkillStore store;
    private readonly FxRates rates;
    private readonly TimeProvider time;
    private readonly SkillTaxonomy taxonomy;

    // Built on first use: a file without text or stated skills (a salary survey) never needs the taxonomy's patterns,
    // whose construction was a tenth of a second of every such ingest.
    private readonly Lazy<SkillExtractor> skills;

    public IngestService(SkillStore store, FxRates rates, TimeProvider time, SkillExtractor? extractor = null)
        : this(store, rates, time, extractor?.Taxonomy ?? SkillTaxonomy.Default, extractor is null ? new(() => SkillExtractor.Default) : new(extractor))
    {
    }

    /// <summary>An ingest whose extractor over <paramref name="taxonomy"/> is built only when a row has text or stated skills.</summary>
    public IngestService(SkillStore store, FxRates rates, TimeProvider time, SkillTaxonomy taxonomy)
        : this(store, rates, time, taxonomy, new(() => new SkillExtractor(taxonomy)))
    {
    }

    private IngestService(SkillStore store, FxRates rates, TimeProvider time, SkillTaxonomy taxonomy, Lazy<SkillExtractor> skills)
    {
        this.store = store;
        this.rates = rates;
        this.time = time;
        this.taxonomy = taxonomy;
        this.skills = skills;
    }

    public IngestSummary Ingest(string path, IngestOptions options, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = TextDecoding.Inspect(path);
        var (formatName, defaultSource, rows, text) = Open(file, options);
        using var _ = text;
        var source = string.IsNullOrWhiteSpace(options.Source) ? defaultSource : options.Source.Trim();
        SkillIndex.MarkIfNew(store, taxonomy.Version);

        using var writer = IngestWriters.Create(store);
        writer.BeginIngest(new IngestStart(Path.GetFullPath(file.Path), file.Sha256Hex, file.Bytes, formatName, source, file.EncodingName, time.GetUtcNow()));
        var counts = new IngestCounts();
        var duplicates = options.DetectNearDuplicates ? new NearDuplicateIndex() : null;
        var interrupted = false;
        try
        {
            using var reader = new BatchReader(this, rows, (text as StreamReader)?.BaseStream, source, file.Sha256Hex, formatName, options, cancellation);
            interrupted = Load(writer, reader, source, file.Sha256Hex, options, counts, duplicates, progress);
        }
        catch (Exception e)
        {
            // A file-level error (a reader giving up, a full disk) ends the run here with its reason, not left running.
            try
            {
                writer.EndIngest("interrupted", time.GetUtcNow(), "stopped by an error: " + OneLine(e.Message));
            }
            catch (Exception)
            {
                // The store itself failed (the first error says why); the next writable open marks the run.
            }

            throw;
        }

        writer.EndIngest(interrupted ? "interrupted" : "completed", time.GetUtcNow(), interrupted ? "stopped on request (Ctrl+C or a cancelled request) after the batch in progress" : null);
        progress?.Report(1);
        return new IngestSummary(path, formatName, source, file.Describe(),
            counts.Read, counts.Stored, counts.Merged, counts.Skipped, counts.Rejected, counts.Flagged, interrupted,
            counts.Updated, counts.Ignored, new SortedDictionary<string, long>(counts.IgnoredReasons, StringComparer.Ordinal));
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    // Writes the batches in file order; true when cancellation stopped the run early. While one batch is identified and
    // written (sequential: both read the store as the earlier batches left it), the next is read, normalized,
    // skill-extracted and fingerprinted on another thread (the pure steps, which need nothing from the store), so the
    // ingest keeps both cores busy. At most two batches are in memory: the one being written and the one being read.
    private bool Load(
        IIngestWriter writer, BatchReader reader, string source, string fileSha256, IngestOptions options, IngestCounts counts,
        NearDuplicateIndex? duplicates, IProgress<double>? progress)
    {
        var next = reader.Start();
        try
        {
            while (true)
            {
                var pending = next;
                next = null;
                var batch = pending.GetAwaiter().GetResult();
                if (!batch.End && options.OverlapBatches)
                {
                    next = reader.Start();
                }

                Write(writer, batch, counts, source, fileSha256, duplicates, options);
                if (batch.End)
                {
                    return batch.Interrupted;
                }

                if (batch.Progress is { } fraction)
                {
                    progress?.Report(fraction);
                }

                next ??= reader.Start();
            }
        }
        finally
        {
            // Left by an error in this thread's steps: the reading thread stops at its next row and is waited for, so it
            // never reads on from a file the caller is about to close (its own outcome no longer matters).
            if (next is not null)
            {
                reader.Stop();
                try
                {
                    next.GetAwaiter().GetResult();
                }
                catch (Exception)
                {
                    // The error already on its way out says why the run ended.
                }
            }
        }
    }

    /// <summary>
    /// The pipeline's pure steps for one batch at a time, on a thread of its own: read and normalize rows until the batch
    /// is full (or the file ends, or cancellation is requested), then extract skills, identify and fingerprint them. One
    /// batch is prepared at a time, so the rows' reader is only ever used by one thread.
    /// </summary>
    private sealed class BatchReader(
        IngestService service, IEnumerable<SourceRow> rows, Stream? stream, string source, string fileSha256, string format, IngestOptions options, CancellationToken cancellation)
        : IDisposable
    {
        private IEnumerator<SourceRow>? enumerator;
        private volatile bool stopped;

        public Task<ReadBatch> Start() =>
            Task.Factory.StartNew(Next, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        public void Stop() => stopped = true;

        private ReadBatch Next()
        {
            enumerator ??= rows.GetEnumerator();
            var batch = new ReadBatch(Math.Min(options.BatchSize, 10_000));
            var full = false;
            while (!stopped && enumerator.MoveNext())
            {
                var row = enumerator.Current;
                batch.Read++;
                if (row.Ignored)
                {
                    // Not a record of this source (a reply in a hiring thread): counted with its reason, never stored.
                    // The counts reach the run's ingests row with the next batch written (and the last, even when empty).
                    var reason = row.Error ?? "not a record";
                    batch.Ignored++;
                    batch.IgnoredReasons[reason] = batch.IgnoredReasons.GetValueOrDefault(reason) + 1;
                    continue;
                }

                batch.Rows.Add(service.Normalize(row));

                // A cancelled run keeps what it has read: the open batch is committed whole, then the run stops.
                if (cancellation.IsCancellationRequested)
                {
                    batch.Interrupted = true;
                    break;
                }

                if (batch.Rows.Count >= options.BatchSize)
                {
                    full = true;
                    break;
                }
            }

            batch.End = !full;
            if (stream is { CanSeek: true, Length: > 0 })
            {
                batch.Progress = (double)stream.Position / stream.Length;
            }

            service.ExtractSkills(batch.Rows);
            foreach (var row in batch.Rows)
            {
                Identify(row, source, fileSha256, format);
            }

            if (options.DetectNearDuplicates)
            {
                Fingerprint(batch.Rows);
            }

            return batch;
        }

        // Only once no batch is being read (Load waits for the reading thread before it leaves).
        public void Dispose() => enumerator?.Dispose();
    }

    /// <summary>One batch as the reading thread hands it over: its rows, and what it read to make them.</summary>
    private sealed class ReadBatch(int capacity)
    {
        public List<PendingRow> Rows { get; } = new(capacity);

        /// <summary>Rows read for this batch, stored or not (ignored rows included).</summary>
        public long Read { get; set; }

        public long Ignored { get; set; }

        public Dictionary<string, long> IgnoredReasons { get; } = new(StringComparer.Ordinal);

        /// <summary>The last batch: the file ended, or cancellation stopped the reading (<see cref="Interrupted"/>).</summary>
        public bool End { get; set; }

        public bool Interrupted { get; set; }

        /// <summary>How far through the file the reading was when the batch was full.</summary>
        public double? Progress { get; set; }
    }

    // Step 1: read. A text file in its detected (or given) layout; a SQLite file as the HN jobs.db table, whose rows are
    // the monthly tables' rows under the tables' source, so the two merge.
    private static (string Format, string DefaultSource, IEnumerable<SourceRow> Rows, TextReader? Text) Open(DecodedFile file, IngestOptions options)
    {
        if (file.EncodingName == TextDecoding.SqliteDatabase)
        {
            return (HnDatabaseRows.FormatName, HnDatabaseRows.DefaultSource,
                Deferred(() => HnDatabaseRows.Read(SourceDatabase.ReadTable(file.Path, HnDatabaseRows.Table, [.. HnDatabaseRows.Columns.Select(c => c.Column)]))), null);
        }

        var format = FormatRegistry.Resolve(FormatRegistry.Probe(file), options.Format, options.ColumnMapping);
        var text = TextDecoding.Open(file);
        return (format.Name, format.DefaultSource, Deferred(() => format.Read(text, new FormatContext(file.Path) { ColumnMapping = options.ColumnMapping })), text);
    }

    // A reader's own checks (a missing mapped column, a database without its table) run once the ingest has begun, so
    // they end the run with their reason like any later file-level error.
    private static IEnumerable<SourceRow> Deferred(Func<IEnumerable<SourceRow>> read)
    {
        foreach (var row in read())
        {
            yield return row;
        }
    }

    private void Write(IIngestWriter writer, ReadBatch read, IngestCounts counts, string source, string fileSha256, NearDuplicateIndex? duplicates, IngestOptions options)
    {
        // The run's counts as of the end of this batch's rows, as the ingests row records them with the batch.
        counts.Read += read.Read;
        counts.Ignored += read.Ignored;
        foreach (var (reason, n) in read.IgnoredReasons)
        {
            counts.IgnoredReasons[reason] = counts.IgnoredReasons.GetValueOrDefault(reason) + n;
        }

        var batch = read.Rows;
        LegacyIdentities.Adopt(store, batch, source, fileSha256);

        if (duplicates is not null)
        {
            IdentifyDuplicates(batch, duplicates);
        }

        var updated = counts.Updated;
        writer.WriteBatch(batch, counts);
        if (duplicates is not null)
        {
            Settle(batch, duplicates, counts.Updated > updated, options.DuplicateMemory);
        }

        batch.Clear();
        if (options.HeapBudget > 0 && GC.GetTotalMemory(forceFullCollection: false) > options.HeapBudget)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        }
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

    // Step 3: skills: those a posting's text names and those a source lists (a survey's tools), extracted for the whole batch on every core (results land by index, so the
    // output does not depend on scheduling).
    private void ExtractSkills(List<PendingRow> batch)
    {
        Parallel.For(0, batch.Count, i =>
        {
            if (batch[i].Record is { } record && SkillIndex.HasSkills(record.Kind, record.Description, record.StatedSkills))
            {
                batch[i].Skills = SkillIndex.SkillsOf(skills.Value, record.Kind, record.Title, record.Description, record.Company, record.StatedSkills);
            }
        });
    }

    // Step 4: identity (what makes re-ingest idempotent) and duplicate key (what merges the same job seen twice).
    private static void Identify(PendingRow row, string source, string fileSha256, string format)
    {
        row.Identity = IdentityOf(row.Source.Record, source, fileSha256, row.Source.Position);
        row.SourceName = source;
        row.FileSha256 = fileSha256;
        if (row.Record is { } record)
        {
            row.DedupeKey = DedupeKey(record, row.Identity);
            row.TextKind = record.Kind == RecordKinds.Posting ? TextCompleteness.Classify(format, record.Description).Kind : TextKinds.None;
        }
    }

    /// <summary>
    /// A row's identity: id:SOURCE:SOURCE_ID when it has an id in its source (id:SOURCE:SOURCE_ID@YYYY-MM when the source
    /// gives one id to a posting per month, <see cref="RawRecord.SourceIdPerMonth"/>, and the row is dated), else
    /// file:SHA256:POSITION.
    /// </summary>
    internal static string IdentityOf(RawRecord? record, string source, string fileSha256, long position)
    {
        if (record?.SourceId is not { } sourceId || string.IsNullOrWhiteSpace(sourceId))
        {
            return string.Create(CultureInfo.InvariantCulture, $"file:{fileSha256}:{position}");
        }

        var identity = $"id:{source}:{sourceId.Trim()}";
        return record is { SourceIdPerMonth: true, PostedDate: { } posted }
            ? identity + "@" + posted.ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : identity;
    }

    // Step 4b: near-duplicates. Fingerprints are computed for the batch on every core (with the batch's other pure steps);
    // then, in file order, a posting that copies one already stored (or earlier in the batch) takes that posting's
    // duplicate key, so the write step records it as a further appearance of it; any other posting with text joins the
    // index under its own key.
    private static void Fingerprint(List<PendingRow> batch)
    {
        Parallel.For(0, batch.Count, i =>
        {
            if (batch[i].Record is { } record)
            {
                batch[i].Fingerprint = FingerprintOf(record);
            }
        });
    }

    private void IdentifyDuplicates(List<PendingRow> batch, NearDuplicateIndex index)
    {
        DuplicateCandidates.Load(store, index, batch.Where(r => r.Fingerprint is not null).Select(r => r.Fingerprint!.Block));
        Link(batch, index);
    }

    /// <summary>A posting's near-duplicate fingerprint; null without text or with a text too short for a similarity estimate (it merges by its exact key only).</summary>
    internal static PostingFingerprint? FingerprintOf(JobRecord record) =>
        record is { Kind: RecordKinds.Posting, Description: { } text }
        && NearDuplicates.Fingerprint(record.Company, record.Title, text, record.PeriodStart) is { Shingles: >= NearDuplicates.MinimumShingles } fingerprint
            ? fingerprint
            : null;

    /// <summary>
    /// In order, each posting with a fingerprint takes the key of the earliest posting in <paramref name="index"/> it
    /// duplicates, or joins the index under its own key.
    /// </summary>
    internal static void Link(IReadOnlyList<PendingRow> batch, NearDuplicateIndex index)
    {
        foreach (var row in batch)
        {
            // A revisable row (an edited HN comment) is decided by its identity: the revision step updates it in place.
            if (row.Fingerprint is not { } fingerprint || row.DedupeKey is null || row.Source.Record is { Revisable: true })
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
                // The same text advertised again in another month (the remote board's re-add in a later month folder)
                // has the exact key of the earlier posting; the month rule makes it a posting of its own month, keyed
                // apart, and a further copy in that month finds it above.
                if (index.HoldsInAnotherMonth(row.DedupeKey, fingerprint))
                {
                    row.DedupeKey += "@" + fingerprint.Posted!.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                }

                index.Add(row.DedupeKey, fingerprint);
                row.Indexed = true;
            }
        }
    }

    /// <summary>
    /// After a batch is written: the index may drop blocks to stay within <paramref name="capacity"/> postings, because a
    /// dropped block read again from <c>posting_signatures</c> is what the index held, in the same order (stored postings
    /// by id; this run's in the order it added them, which is the order their ids were given). Where the two would
    /// differ the block is pinned, kept for the rest of the run: a posting added under its own key but not stored with
    /// its fingerprint (its identity was already stored, or its key merged into a stored record without one), or one
    /// stored with a fingerprint the index never held (an edited HN comment, decided by its identity); and when a
    /// record was updated in place (its key changed, its stored fingerprint did not), every block held.
    /// </summary>
    internal static void Settle(IReadOnlyList<PendingRow> batch, NearDuplicateIndex index, bool revised, int capacity)
    {
        if (revised)
        {
            index.PinAll();
        }

        foreach (var row in batch)
        {
            if (row.Fingerprint is { } fingerprint && row.Indexed != row.SignatureWritten)
            {
                index.Pin(fingerprint.Block);
            }
        }

        index.Trim(capacity);
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

    /// <summary>The identify step added <see cref="Fingerprint"/> to its index under <see cref="DedupeKey"/>.</summary>
    public bool Indexed { get; set; }

    /// <summary>The write step stored <see cref="Fingerprint"/> with a new record keyed <see cref="DedupeKey"/>.</summary>
    public bool SignatureWritten { get; set; }
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
    /// <summary>Records their source edited (same identity, other content), updated in place.</summary>
    public long Updated { get; set; }
    /// <summary>Rows that are not records (a reply in a hiring thread): counted with their reason, never stored.</summary>
    public long Ignored { get; set; }
    /// <summary>How many rows were ignored for each reason.</summary>
    public SortedDictionary<string, long> IgnoredReasons { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A record its source lets authors edit (<see cref="RawRecord.Revisable"/>: an HN comment) read again under a stored
/// identity: the same content is skipped; other content replaces the stored record's fields and skills. Engine-neutral
/// SQL, run inside the writer's batch transaction.
/// </summary>
internal static class RecordRevisions
{
    public static bool IsRevision(PendingRow row) => row.Source.Record is { Revisable: true } && row.Record is { Kind: RecordKinds.Posting };

    /// <returns>True when the stored record was updated; false when its content is unchanged (or equals another record's).</returns>
    public static bool Revise(SkillStore store, System.Data.Common.DbTransaction transaction, PendingRow row)
    {
        long id;
        string storedKey;
        using (var find = store.Command("SELECT r.id, r.dedupe_key FROM record_sources s JOIN records r ON r.id = s.record_id WHERE s.identity = @identity", transaction))
        {
            Sql.Add(find, "@identity", row.Identity);
            using var reader = find.ExecuteReader();
            if (!reader.Read())
            {
                return false;
            }

            id = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            storedKey = reader.GetString(1);
        }

        if (row.DedupeKey is not { } key || key == storedKey)
        {
            return false;
        }

        using (var taken = store.Command("SELECT 1 FROM records WHERE dedupe_key = @key", transaction))
        {
            Sql.Add(taken, "@key", key);
            if (taken.ExecuteScalar() is not null)
            {
                // The edited text equals another stored record: both stay as they are.
                return false;
            }
        }

        var columns = RecordColumns.List.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var set = string.Join(", ", columns.Select((c, i) => $"{c} = {RecordColumns.ParameterNames[i]}"));
        using (var update = store.Command($"UPDATE records SET {set} WHERE id = @id", transaction))
        {
            var values = RecordColumns.Values(row.Record!, key, row.SourceName, row.TextKind);
            for (var i = 0; i < values.Length; i++)
            {
                Sql.Add(update, RecordColumns.ParameterNames[i], values[i]);
            }

            Sql.Add(update, "@id", id);
            update.ExecuteNonQuery();
        }

        using (var forget = store.Command("DELETE FROM record_skills WHERE record_id = @id; DELETE FROM record_skill_sets WHERE record_id = @id", transaction))
        {
            Sql.Add(forget, "@id", id);
            forget.ExecuteNonQuery();
        }

        SkillIndex.Write(store, transaction, [id], [row.Skills]);

        return true;
    }
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

    /// <param name="note">Why a run ended <c>interrupted</c> (null when it completed).</param>
    void EndIngest(string status, DateTimeOffset finishedAt, string? note);
}

internal static class IngestWriters
{
    public static IIngestWriter Create(SkillStore store) =>
        store.IsPostgres ? new PostgresIngestWriter(store) : new SqliteIngestWriter(store);

    public static string Timestamp(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
