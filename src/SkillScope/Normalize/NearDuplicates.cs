using System.Buffers;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text;

namespace SkillScope.Normalize;

/// <summary>
/// What the near-duplicate detector keeps of a posting: its block (normalized company + title), a 64-value
/// MinHash signature of its text's word 3-shingles, how many distinct shingles the text has, and a hash of its
/// first <see cref="NearDuplicates.PrefixTokens"/> words (a text cut by its source keeps its opening).
/// </summary>
public sealed record PostingFingerprint(string Block, uint[] MinHash, int Shingles, long? Prefix)
{
    /// <summary>The day the posting was posted, when known: a copy posted in another calendar month is a re-advertisement.</summary>
    public DateOnly? Posted { get; init; }

    /// <summary>The signature as bytes (little-endian), for storage.</summary>
    public byte[] SignatureBytes()
    {
        var bytes = new byte[MinHash.Length * 4];
        for (var i = 0; i < MinHash.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), MinHash[i]);
        }

        return bytes;
    }

    public static uint[] SignatureFrom(ReadOnlySpan<byte> bytes)
    {
        var values = new uint[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }

        return values;
    }
}

/// <summary>How alike two postings' texts are, and whether the detector calls them one posting.</summary>
public readonly record struct DuplicateEvidence(double Jaccard, double Containment, bool SamePrefix, bool IsDuplicate);

/// <summary>
/// Near-duplicate postings (docs/architecture.md, "Posting identity"): deterministic and independent of order
/// within a block. Two postings are one posting when they share a block (normalized company and title), were posted
/// in the same calendar month (when both dates are known), and their texts' word 3-shingles show one of: an
/// estimated Jaccard similarity of at least <see cref="JaccardThreshold"/> (exact copies, the same text posted in
/// many towns); a small edit (at most <see cref="SmallEditShingles"/> shingles differ, Jaccard at least
/// <see cref="SmallEditJaccard"/>); or the same first <see cref="PrefixTokens"/> words with the shorter text much
/// shorter and mostly contained in the longer (a snippet cut by its source, or the same job on a board that truncates).
/// </summary>
public static class NearDuplicates
{
    public const int SignatureSize = 64;
    public const int ShingleSize = 3;
    public const int PrefixTokens = 24;

    /// <summary>
    /// Fewest distinct shingles (about 20 words) a text needs for a similarity estimate: shorter texts merge only when
    /// exactly equal (the duplicate key), since one changed word is a large part of them.
    /// </summary>
    public const int MinimumShingles = 18;
    public const double JaccardThreshold = 0.8;

    /// <summary>A pair whose texts differ in at most this many shingles (about ten words changed in place) is a small edit.</summary>
    public const int SmallEditShingles = 30;

    /// <summary>Least Jaccard similarity a small edit still needs (short texts: an address line changed in a snippet).</summary>
    public const double SmallEditJaccard = 0.5;
    public const double ContainmentThreshold = 0.7;

    /// <summary>A cut text is at most this share of the whole one's shingles (else the two are edits of each other, not a cut).</summary>
    public const double CutShare = 0.6;


    private static readonly ulong[] Multipliers = new ulong[SignatureSize];
    private static readonly ulong[] Offsets = new ulong[SignatureSize];
    private static readonly Vector256<ulong>[] VectorMultipliers;
    private static readonly Vector256<ulong>[] VectorOffsets;

    private static readonly HashSet<string> LegalSuffixes = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "llc", "l", "ltd", "limited", "corp", "corporation", "co", "company", "plc", "gmbh",
        "lp", "llp", "sa", "ag", "bv", "pbc", "the",
    };

    static NearDuplicates()
    {
        // SplitMix64 from a fixed seed: the same signature on every machine and run.
        var state = 0x5EED_2026_0011_D0D0UL;
        for (var i = 0; i < SignatureSize; i++)
        {
            Multipliers[i] = Next(ref state) | 1UL;
            Offsets[i] = Next(ref state);
        }

        VectorMultipliers = [.. Enumerable.Range(0, SignatureSize / 4).Select(k => Vector256.Create(Multipliers.AsSpan(k * 4, 4)))];
        VectorOffsets = [.. Enumerable.Range(0, SignatureSize / 4).Select(k => Vector256.Create(Offsets.AsSpan(k * 4, 4)))];

        static ulong Next(ref ulong s)
        {
            var z = s += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The block a posting is compared within: normalized company (legal suffixes dropped) and title.</summary>
    public static string BlockKey(string? company, string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var companyWords = Words(company ?? "");
        while (companyWords.Count > 1 && LegalSuffixes.Contains(companyWords[^1]))
        {
            companyWords.RemoveAt(companyWords.Count - 1);
        }

        if (companyWords.Count > 1 && companyWords[0] == "the")
        {
            companyWords.RemoveAt(0);
        }

        return string.Join(' ', companyWords) + "|" + string.Join(' ', Words(title));
    }

    /// <summary>The fingerprint of a posting with text, or null when it has no text to compare.</summary>
    public static PostingFingerprint? Fingerprint(string? company, string title, string? text, DateOnly? posted = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var tokens = ArrayPool<ulong>.Shared.Rent(Math.Max(16, (text.Length / 2) + 1));
        try
        {
            var count = TokenHashes(text, tokens);
            if (count == 0)
            {
                return null;
            }

            long? prefix = null;
            if (count >= PrefixTokens)
            {
                var h = 0xCBF29CE484222325UL;
                for (var i = 0; i < PrefixTokens; i++)
                {
                    h = (h ^ tokens[i]) * 0x100000001B3UL;
                }

                prefix = unchecked((long)h);
            }

            // Shingles in place over the token hashes, then sorted so each distinct shingle is hashed once.
            var shingles = Math.Max(1, count - ShingleSize + 1);
            for (var i = 0; i < shingles; i++)
            {
                var h = tokens[i];
                for (var k = 1; k < ShingleSize && i + k < count; k++)
                {
                    h = (h * 0x9E3779B97F4A7C15UL) ^ tokens[i + k];
                }

                tokens[i] = Mix(h);
            }

            var span = tokens.AsSpan(0, shingles);
            span.Sort();
            var distinct = 0;
            for (var i = 0; i < span.Length; i++)
            {
                if (distinct == 0 || span[i] != span[distinct - 1])
                {
                    span[distinct++] = span[i];
                }
            }

            return new PostingFingerprint(BlockKey(company, title), MinHash(span[..distinct]), distinct, prefix) { Posted = posted };
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(tokens);
        }
    }

    // For each hash function j, the least (M[j] * s + O[j]) >> 32 over the distinct shingles s. Four functions per vector
    // where the hardware has 64-bit vector multiplies; the scalar loop gives the same values everywhere else.
    private static uint[] MinHash(ReadOnlySpan<ulong> shingles)
    {
        var signature = new uint[SignatureSize];
        if (Vector256.IsHardwareAccelerated)
        {
            const int Lanes = 4;
            Span<Vector256<ulong>> least = stackalloc Vector256<ulong>[SignatureSize / Lanes];
            least.Fill(Vector256.Create(ulong.MaxValue));
            foreach (var s in shingles)
            {
                var shingle = Vector256.Create(s);
                for (var k = 0; k < least.Length; k++)
                {
                    least[k] = Vector256.Min(least[k], Vector256.ShiftRightLogical((VectorMultipliers[k] * shingle) + VectorOffsets[k], 32));
                }
            }

            for (var k = 0; k < least.Length; k++)
            {
                for (var lane = 0; lane < Lanes; lane++)
                {
                    signature[(k * Lanes) + lane] = (uint)Math.Min(least[k][lane], uint.MaxValue);
                }
            }

            return signature;
        }

        Array.Fill(signature, uint.MaxValue);
        foreach (var s in shingles)
        {
            for (var j = 0; j < SignatureSize; j++)
            {
                var v = (uint)(((Multipliers[j] * s) + Offsets[j]) >> 32);
                if (v < signature[j])
                {
                    signature[j] = v;
                }
            }
        }

        return signature;
    }

    /// <summary>Estimated Jaccard similarity, containment of the smaller text in the larger, and the decision.</summary>
    public static DuplicateEvidence Compare(PostingFingerprint a, PostingFingerprint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var equal = 0;
        for (var i = 0; i < SignatureSize; i++)
        {
            if (a.MinHash[i] == b.MinHash[i])
            {
                equal++;
            }
        }

        var jaccard = (double)equal / SignatureSize;
        // |A n B| = J (|A| + |B|) / (1 + J); containment = |A n B| / min(|A|, |B|).
        var smaller = Math.Max(1, Math.Min(a.Shingles, b.Shingles));
        var containment = Math.Min(1, jaccard * (a.Shingles + b.Shingles) / (1 + jaccard) / smaller);
        var samePrefix = a.Prefix is { } pa && pa == b.Prefix;
        // A job advertised again in a later month (a new monthly "Who is hiring?" thread, a board re-post) is demand in
        // that month and counts there again.
        var sameMonth = a.Posted is not { } da || b.Posted is not { } db || (da.Year == db.Year && da.Month == db.Month);
        var differing = (a.Shingles + b.Shingles) * (1 - jaccard) / (1 + jaccard);
        var duplicate = a.Block == b.Block && sameMonth && Math.Min(a.Shingles, b.Shingles) >= MinimumShingles
            && (jaccard >= JaccardThreshold
                || (jaccard >= SmallEditJaccard && differing <= SmallEditShingles)
                || (samePrefix && smaller <= CutShare * Math.Max(a.Shingles, b.Shingles) && containment >= ContainmentThreshold));
        return new DuplicateEvidence(jaccard, containment, samePrefix, duplicate);
    }

    /// <summary>Lower-case runs of letters and digits.</summary>
    public static List<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0)
            {
                words.Add(builder.ToString());
                builder.Clear();
            }
        }

        if (builder.Length > 0)
        {
            words.Add(builder.ToString());
        }

        return words;
    }

    // FNV-1a of each lower-case run of letters and digits, without allocating.
    private static int TokenHashes(string text, ulong[] into)
    {
        var count = 0;
        var h = 0xCBF29CE484222325UL;
        var inWord = false;
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                var c = char.ToLowerInvariant(ch);
                h = (h ^ c) * 0x100000001B3UL;
                inWord = true;
            }
            else if (inWord)
            {
                into[count++] = h;
                h = 0xCBF29CE484222325UL;
                inWord = false;
            }
        }

        if (inWord)
        {
            into[count++] = h;
        }

        return count;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 33)) * 0xFF51AFD7ED558CCDUL;
        z = (z ^ (z >> 33)) * 0xC4CEB9FE1A85EC53UL;
        return z ^ (z >> 33);
    }

    internal static string Describe(DuplicateEvidence e) => string.Create(CultureInfo.InvariantCulture,
        $"jaccard {e.Jaccard:0.00}, containment {e.Containment:0.00}{(e.SamePrefix ? ", same opening" : "")}");
}

/// <summary>
/// The postings seen so far, by block: finds the posting a new one duplicates. Small blocks are scanned; a block
/// past <see cref="ScanLimit"/> postings is searched through a banded index of the signatures (16 bands of 4
/// values: a pair with Jaccard 0.7 shares a band with probability 0.99) and the opening hash, so the cost per
/// posting stays bounded however large a block grows. The first (lowest-id) match wins, so results do not
/// depend on hash-table order. Blocks can be dropped (<see cref="Trim"/>, least recently used first) and read again
/// from the store by whoever fills the index, so memory follows a bound rather than the number of postings seen.
/// </summary>
public sealed class NearDuplicateIndex
{
    public const int ScanLimit = 256;
    private const int Bands = 16;
    private const int Rows = NearDuplicates.SignatureSize / Bands;
    private readonly Dictionary<string, Block> blocks = new(StringComparer.Ordinal);
    private long added;
    private long clock;

    /// <summary>Postings held.</summary>
    public int Count { get; private set; }

    /// <summary>Blocks dropped by <see cref="Trim"/> so far.</summary>
    public long Dropped { get; private set; }

    public bool HasBlock(string block) => blocks.ContainsKey(block);

    /// <summary>Marks a block as loaded (even when empty) so its stored postings are not read again.</summary>
    public void EnsureBlock(string block)
    {
        if (!blocks.ContainsKey(block))
        {
            blocks[block] = new Block { LastUsed = clock };
        }
    }

    /// <summary>Adds a posting under <paramref name="key"/> (its duplicate key); earlier additions win ties.</summary>
    public void Add(string key, PostingFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (!blocks.TryGetValue(fingerprint.Block, out var block))
        {
            blocks[fingerprint.Block] = block = new Block();
        }

        block.LastUsed = clock;
        block.Add(added++, key, fingerprint);
        Count++;
    }

    /// <summary>
    /// True when a posting with this duplicate key (the exact key: the same company, title, place and text, so the same
    /// block) is in the index, posted in another calendar month than the fingerprint's (both dates known): the same
    /// text advertised again in another month, which the month rule makes a posting of its own month.
    /// </summary>
    public bool HoldsInAnotherMonth(string key, PostingFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return fingerprint.Posted is { } p && blocks.TryGetValue(fingerprint.Block, out var block)
            && block.PostedByKey.TryGetValue(key, out var earlier) && earlier is { } e && (e.Year != p.Year || e.Month != p.Month);
    }

    /// <summary>The key of the earliest-added posting the fingerprint duplicates, with the evidence, or null.</summary>
    public (string Key, DuplicateEvidence Evidence)? Find(PostingFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (!blocks.TryGetValue(fingerprint.Block, out var block))
        {
            return null;
        }

        block.LastUsed = clock;
        (long Order, string Key, DuplicateEvidence Evidence)? best = null;
        foreach (var i in block.Candidates(fingerprint))
        {
            var (order, key, other) = block.Entries[i];
            if (best is { } b && b.Order <= order)
            {
                continue;
            }

            var evidence = NearDuplicates.Compare(fingerprint, other);
            if (evidence.IsDuplicate)
            {
                best = (order, key, evidence);
            }
        }

        return best is { } found ? (found.Key, found.Evidence) : null;
    }

    /// <summary>Keeps a block (if held) until the index is dropped: what it holds can no longer be read back from elsewhere.</summary>
    public void Pin(string block)
    {
        if (blocks.TryGetValue(block, out var held))
        {
            held.Pinned = true;
        }
    }

    /// <summary>Keeps every block held now until the index is dropped.</summary>
    public void PinAll()
    {
        foreach (var block in blocks.Values)
        {
            block.Pinned = true;
        }
    }

    /// <summary>
    /// When more than <paramref name="capacity"/> postings are held, drops whole blocks that are not pinned, least
    /// recently used first, until at most three quarters of it are; a dropped block is unknown again
    /// (<see cref="HasBlock"/> is false), so it is read again when next met. Then starts a new period of use.
    /// </summary>
    /// <returns>The blocks dropped.</returns>
    public int Trim(int capacity)
    {
        clock++;
        if (Count <= capacity)
        {
            return 0;
        }

        var target = capacity - (capacity / 4);
        var dropped = 0;
        foreach (var (name, block) in blocks.Where(b => !b.Value.Pinned).OrderBy(b => b.Value.LastUsed).ToList())
        {
            if (Count <= target)
            {
                break;
            }

            blocks.Remove(name);
            Count -= block.Entries.Count;
            dropped++;
        }

        Dropped += dropped;
        return dropped;
    }

    private sealed class Block
    {
        public List<(long Order, string Key, PostingFingerprint Fingerprint)> Entries { get; } = [];

        /// <summary>The posting date of the first posting added under each key.</summary>
        public Dictionary<string, DateOnly?> PostedByKey { get; } = new(StringComparer.Ordinal);

        public long LastUsed { get; set; }

        public bool Pinned { get; set; }

        private Dictionary<ulong, List<int>>? bands;
        private Dictionary<long, List<int>>? prefixes;

        public void Add(long order, string key, PostingFingerprint fingerprint)
        {
            Entries.Add((order, key, fingerprint));
            PostedByKey.TryAdd(key, fingerprint.Posted);
            if (bands is not null)
            {
                Index(Entries.Count - 1);
            }
            else if (Entries.Count > NearDuplicateIndex.ScanLimit)
            {
                bands = [];
                prefixes = [];
                for (var i = 0; i < Entries.Count; i++)
                {
                    Index(i);
                }
            }
        }

        public IEnumerable<int> Candidates(PostingFingerprint fingerprint)
        {
            if (bands is null)
            {
                for (var i = 0; i < Entries.Count; i++)
                {
                    yield return i;
                }

                yield break;
            }

            var seen = new HashSet<int>();
            for (var band = 0; band < Bands; band++)
            {
                if (bands.TryGetValue(BandKey(fingerprint.MinHash, band), out var list))
                {
                    foreach (var i in list)
                    {
                        if (seen.Add(i))
                        {
                            yield return i;
                        }
                    }
                }
            }

            if (fingerprint.Prefix is { } prefix && prefixes!.TryGetValue(prefix, out var same))
            {
                foreach (var i in same)
                {
                    if (seen.Add(i))
                    {
                        yield return i;
                    }
                }
            }
        }

        private void Index(int i)
        {
            var fingerprint = Entries[i].Fingerprint;
            for (var band = 0; band < Bands; band++)
            {
                var key = BandKey(fingerprint.MinHash, band);
                if (!bands!.TryGetValue(key, out var list))
                {
                    bands[key] = list = [];
                }

                list.Add(i);
            }

            if (fingerprint.Prefix is { } prefix)
            {
                if (!prefixes!.TryGetValue(prefix, out var list))
                {
                    prefixes[prefix] = list = [];
                }

                list.Add(i);
            }
        }

        private static ulong BandKey(uint[] signature, int band)
        {
            var h = 0xCBF29CE484222325UL ^ (ulong)band;
            for (var r = 0; r < Rows; r++)
            {
                h = (h ^ signature[(band * Rows) + r]) * 0x100000001B3UL;
            }

            return h;
        }
    }
}
