using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SkillScope.Skills;

/// <summary>
/// Maps a token (any letter case) to a dense id without allocating: an open-addressing table over
/// lowercased keys. Tokens outside the vocabulary, the vast majority of a posting, cost one hash and one probe.
/// </summary>
internal sealed class TokenVocabulary
{
    // Each slot packs the key's 32-bit hash (high half) and its id + 1 (low half; 0 = empty), so a probe reads one
    // 8-byte word and compares characters only when the whole hash matches. The keys' characters sit in one array.
    private readonly ulong[] _slots;
    private readonly char[] _chars;
    private readonly int[] _offsets;

    // Keys of up to 8 characters (most of them) also as two 8-byte words of 0x20-folded characters, zero-padded, so a
    // short token is hashed and compared as two words whatever its length (no branches that depend on it).
    private readonly ulong[] _packed;
    private readonly int _mask;
    private readonly int _longest;

    // Keys of 1-8 ASCII letters and digits (most tokens of a text are such words) once more, as one 8-byte word of their
    // bytes, zero-padded: that word is the key itself, so a probe compares it with the slot and needs no hash, length
    // or second array to confirm a match. The id sits in the same slot: a match reads one cache line, not two.
    private readonly WordEntry[] _words;
    private readonly int _wordShift;

    // Keys of 9-16 ASCII letters and digits ("experience", "development") the same way, as two 8-byte words: without
    // this table a long word is hashed character by character and confirmed through two more arrays.
    private readonly LongWordEntry[] _longWords;
    private readonly int _longWordShift;

    public TokenVocabulary(IReadOnlyList<string> lowercaseTokens)
    {
        var size = 16;
        while (size < lowercaseTokens.Count * 2)
        {
            size <<= 1;
        }

        _slots = new ulong[size];
        _mask = size - 1;
        _offsets = new int[lowercaseTokens.Count + 1];
        var length = 0;
        for (var id = 0; id < lowercaseTokens.Count; id++)
        {
            _offsets[id] = length;
            length += lowercaseTokens[id].Length;
            _longest = Math.Max(_longest, lowercaseTokens[id].Length);
        }

        _offsets[lowercaseTokens.Count] = length;
        _chars = new char[length];
        _packed = new ulong[lowercaseTokens.Count * 2];
        for (var id = 0; id < lowercaseTokens.Count; id++)
        {
            var key = lowercaseTokens[id];
            key.CopyTo(_chars.AsSpan(_offsets[id]));
            // (A key with a control character, which no token holds, is left out: folding could make it equal another.)
            if (key.Length is > 0 and <= MaxPacked && !key.AsSpan().ContainsAnyInRange('\0', '\u001F'))
            {
                (_packed[2 * id], _packed[(2 * id) + 1]) = Pack(key);
            }

            var hash = HashLower(key);
            var slot = (int)hash & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = ((ulong)hash << 32) | (uint)(id + 1);
        }

        var wordBits = TableBits(lowercaseTokens.Count(IsAsciiWord));
        _words = new WordEntry[1 << wordBits];
        _wordShift = 64 - wordBits;
        for (var id = 0; id < lowercaseTokens.Count; id++)
        {
            var key = lowercaseTokens[id];
            if (!IsAsciiWord(key))
            {
                continue;
            }

            var word = AsciiBytes(key, 0);
            var slot = WordSlot(word);
            while (_words[slot].Word != 0)
            {
                slot = (slot + 1) & (_words.Length - 1);
            }

            _words[slot] = new WordEntry(word, id);
        }

        var longWordBits = TableBits(lowercaseTokens.Count(IsLongAsciiWord));
        _longWords = new LongWordEntry[1 << longWordBits];
        _longWordShift = 64 - longWordBits;
        for (var id = 0; id < lowercaseTokens.Count; id++)
        {
            var key = lowercaseTokens[id];
            if (!IsLongAsciiWord(key))
            {
                continue;
            }

            var (low, high) = (AsciiBytes(key, 0), AsciiBytes(key, MaxPacked));
            var slot = LongWordSlot(low, high);
            while (_longWords[slot].Low != 0)
            {
                slot = (slot + 1) & (_longWords.Length - 1);
            }

            _longWords[slot] = new LongWordEntry(low, high, id);
        }

        Count = lowercaseTokens.Count;
    }

    /// <summary>A key <see cref="LookupAsciiWord(Vector128{ushort}, int)"/> can find: 1-8 lowercase ASCII letters and digits.</summary>
    private static bool IsAsciiWord(string key) => key.Length is > 0 and <= MaxPacked && IsLowercaseAlphanumeric(key);

    /// <summary>A key <see cref="LookupLongAsciiWord"/> can find: 9-16 lowercase ASCII letters and digits.</summary>
    private static bool IsLongAsciiWord(string key) => key.Length is > MaxPacked and <= 2 * MaxPacked && IsLowercaseAlphanumeric(key);

    private static bool IsLowercaseAlphanumeric(string key) => key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));

    /// <summary>Characters <paramref name="from"/> to <paramref name="from"/> + 7 of an ASCII key as one word of their bytes, zero-padded: the word the lookups make of text.</summary>
    private static ulong AsciiBytes(string key, int from)
    {
        ulong word = 0;
        for (var i = from; i < Math.Min(key.Length, from + MaxPacked); i++)
        {
            word |= (ulong)key[i] << (8 * (i - from));
        }

        return word;
    }

    /// <summary>Bits of a word table's size: at least 16 slots and twice the keys, so probes stay short.</summary>
    private static int TableBits(int keys)
    {
        var bits = 4;
        while ((1 << bits) < keys * 2)
        {
            bits++;
        }

        return bits;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int LongWordSlot(ulong low, ulong high) => (int)(((low ^ (high * 0xC2B2AE3D27D4EB4FUL)) * 0x9E3779B97F4A7C15UL) >> _longWordShift);

    /// <summary>
    /// <see cref="Lookup"/> of a token of 9 or more ASCII letters and digits (<see cref="TokenScanner.AsciiWord"/>) at
    /// <paramref name="start"/>: one of up to 16 characters, with 16 characters of text from there, is read as two
    /// vectors, lowercased, narrowed to 16 bytes and masked to its length, and probed for as two words; longer ones (or
    /// near the text's end) take <see cref="LookupAt"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int LookupLongAsciiWord(string text, int start, int length)
    {
        if (length > 2 * MaxPacked || start + (2 * MaxPacked) > text.Length)
        {
            return LookupAt(text, start, length);
        }

        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
        var fold = Vector128.Create((ushort)0x20);
        var bytes = Vector128.Narrow(Vector128.LoadUnsafe(ref first, (nuint)start) | fold, Vector128.LoadUnsafe(ref first, (nuint)(start + 8)) | fold)
            & Vector128.LessThan(s_byteIndices, Vector128.Create((byte)length));
        var low = bytes.AsUInt64().GetElement(0);
        var high = bytes.AsUInt64().GetElement(1);
        var words = _longWords;
        var slot = LongWordSlot(low, high);
        while (true)
        {
            ref readonly var entry = ref words[slot];
            if (entry.Low == low && entry.High == high)
            {
                return entry.Id;
            }

            if (entry.Low == 0)
            {
                return -1;
            }

            slot = (slot + 1) & (words.Length - 1);
        }
    }

    private static readonly Vector128<byte> s_byteIndices = Vector128.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    /// <summary>Fibonacci hashing: the top bits of the word times 2^64 / phi spread the keys over the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int WordSlot(ulong word) => (int)((word * 0x9E3779B97F4A7C15UL) >> _wordShift);

    /// <summary>
    /// <see cref="Lookup"/> of a token of 1-8 ASCII letters and digits (<see cref="TokenScanner.AsciiWord"/>) at
    /// <paramref name="start"/>, with at least 8 characters of text from there: the 8 characters are read as one
    /// vector, lowercased (for letters and digits that is setting the 0x20 bit), narrowed to bytes and masked to the
    /// token's length, and that word is probed for directly.
    /// </summary>
    public int LookupAsciiWord(string text, int start, int length) =>
        LookupAsciiWord(Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan())), (nuint)start), length);

    /// <summary><see cref="LookupAsciiWord(string, int, int)"/> of a token whose first 8 characters are <paramref name="chars"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int LookupAsciiWord(Vector128<ushort> chars, int length)
    {
        var v = chars | Vector128.Create((ushort)0x20);
        var word = Vector128.Narrow(v, v).AsUInt64().ToScalar() & (ulong.MaxValue >> (64 - (8 * length)));
        var words = _words;
        var slot = WordSlot(word);
        while (true)
        {
            ref readonly var entry = ref words[slot];
            if (entry.Word == word)
            {
                return entry.Id;
            }

            if (entry.Word == 0)
            {
                return -1;
            }

            slot = (slot + 1) & (words.Length - 1);
        }
    }

    /// <summary>A slot of the long ASCII word table: the key's first 8 bytes (0 = empty), the rest, and its id.</summary>
    private readonly struct LongWordEntry(ulong low, ulong high, int id)
    {
        public readonly ulong Low = low;
        public readonly ulong High = high;
        public readonly int Id = id;
    }

    /// <summary>A slot of the ASCII word table: the key's bytes (0 = empty) and its id.</summary>
    private readonly struct WordEntry(ulong word, int id)
    {
        public readonly ulong Word = word;
        public readonly int Id = id;
    }

    public int Count { get; }

    /// <summary>The id of <paramref name="token"/> compared case-insensitively, or -1.</summary>
    /// <remarks>
    /// A token of ASCII characters (nearly all of them) is hashed and compared straight from the text, four characters
    /// per 8-byte word with the 0x20 bit set: for the characters a token is made of (letters, digits, <c>&amp; ' + # .</c>)
    /// that is exactly <see cref="Lower"/>, and the keys are stored lowercased. Other tokens are lowercased into a
    /// buffer first and take the same hash.
    /// </remarks>
    public int Lookup(ReadOnlySpan<char> token)
    {
        var length = token.Length;
        if (length > _longest || length == 0)
        {
            return -1; // longer than any key
        }

        if (length <= MaxPacked)
        {
            return LookupShort(token);
        }

        ref var first = ref MemoryMarshal.GetReference(token);
        var ascii = HashAscii(ref first, length, out var h);
        if (!ascii)
        {
            return LookupLowered(token);
        }

        var slots = _slots;
        var slot = (int)h & _mask;
        while (true)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if ((uint)(entry >> 32) == h)
            {
                var id = (int)(uint)entry - 1;
                var offset = _offsets[id];
                if (_offsets[id + 1] - offset == length && EqualsFolded(ref first, ref _chars[offset], length))
                {
                    return id;
                }
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// <see cref="Lookup"/> of <paramref name="text"/>[<paramref name="start"/>, +<paramref name="length"/>): a token of
    /// up to 8 ASCII characters with 8 characters of text from its start is read as two 8-byte words, masked to its
    /// length and folded, hashed with two steps and compared with two word compares.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int LookupAt(string text, int start, int length)
    {
        if ((uint)(length - 1) < MaxPacked && start + MaxPacked <= text.Length)
        {
            ref var first = ref Unsafe.Add(ref MemoryMarshal.GetReference(text.AsSpan()), start);
            var low = s_packMasks[2 * length];
            var high = s_packMasks[(2 * length) + 1];
            var a = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref first)) & low;
            var b = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref first, 4))) & high;
            if (((a | b) & 0xFF80_FF80_FF80_FF80UL) == 0)
            {
                a = (a | Fold) & low;
                b = (b | Fold) & high;
                var h = HashPacked(a, b, length);
                var slots = _slots;
                var slot = (int)h & _mask;
                while (true)
                {
                    var entry = slots[slot];
                    if (entry == 0)
                    {
                        return -1;
                    }

                    if ((uint)(entry >> 32) == h)
                    {
                        var id = (int)(uint)entry - 1;
                        if (_packed[2 * id] == a && _packed[(2 * id) + 1] == b)
                        {
                            return id;
                        }
                    }

                    slot = (slot + 1) & _mask;
                }
            }
        }

        return Lookup(text.AsSpan(start, length));
    }

    /// <summary><see cref="Lookup"/> of a token of 1-8 characters, any characters (lowercased one by one).</summary>
    private int LookupShort(ReadOnlySpan<char> token)
    {
        var (a, b) = Pack(token);
        var h = HashPacked(a, b, token.Length);
        var slots = _slots;
        var slot = (int)h & _mask;
        while (true)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if ((uint)(entry >> 32) == h)
            {
                var id = (int)(uint)entry - 1;
                if (_offsets[id + 1] - _offsets[id] == token.Length && EqualsLowered(token, _chars.AsSpan(_offsets[id], token.Length)))
                {
                    return id;
                }
            }

            slot = (slot + 1) & _mask;
        }
    }

    private static bool EqualsLowered(ReadOnlySpan<char> token, ReadOnlySpan<char> key)
    {
        for (var i = 0; i < token.Length; i++)
        {
            if (Lower(token[i]) != key[i])
            {
                return false;
            }
        }

        return true;
    }

    private const int MaxPacked = 8;

    /// <summary>Per length 0-8: the masks of the first and second 8-byte word of a packed token.</summary>
    private static readonly ulong[] s_packMasks = BuildPackMasks();

    private static ulong[] BuildPackMasks()
    {
        var masks = new ulong[(MaxPacked + 1) * 2];
        for (var length = 0; length <= MaxPacked; length++)
        {
            var low = Math.Min(length, 4);
            var high = Math.Max(0, length - 4);
            masks[2 * length] = low == 4 ? ulong.MaxValue : (1UL << (16 * low)) - 1;
            masks[(2 * length) + 1] = high == 4 ? ulong.MaxValue : (1UL << (16 * high)) - 1;
        }

        return masks;
    }

    /// <summary>Up to 8 characters lowercased (<see cref="Lower"/>), 0x20-folded and packed four per word, zero-padded.</summary>
    private static (ulong A, ulong B) Pack(ReadOnlySpan<char> token)
    {
        ulong a = 0;
        ulong b = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var v = (ulong)(char)(Lower(token[i]) | 0x20);
            if (i < 4)
            {
                a |= v << (16 * i);
            }
            else
            {
                b |= v << (16 * (i - 4));
            }
        }

        return (a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint HashPacked(ulong a, ulong b, int length)
    {
        var h = Mix(Mix(0x9E3779B97F4A7C15UL ^ (ulong)length, a), b);
        h *= 0x165667B19E3779F9UL;
        return (uint)(h ^ (h >> 32));
    }

    /// <summary>The slow path of <see cref="Lookup"/> for a token with a non-ASCII character.</summary>
    private int LookupLowered(ReadOnlySpan<char> token)
    {
        Span<char> lower = token.Length <= MaxStackKey ? stackalloc char[MaxStackKey] : new char[token.Length];
        lower = lower[..token.Length];
        for (var i = 0; i < token.Length; i++)
        {
            lower[i] = Lower(token[i]);
        }

        var h = HashLower(lower);
        var slots = _slots;
        var slot = (int)h & _mask;
        while (true)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if ((uint)(entry >> 32) == h)
            {
                var id = (int)(uint)entry - 1;
                if (lower.SequenceEqual(_chars.AsSpan(_offsets[id], _offsets[id + 1] - _offsets[id])))
                {
                    return id;
                }
            }

            slot = (slot + 1) & _mask;
        }
    }

    private const int MaxStackKey = 64;

    /// <summary>The 0x20 bit of four UTF-16 characters: lowercases ASCII letters and leaves a token's other characters as they are.</summary>
    private const ulong Fold = 0x0020_0020_0020_0020UL;

    /// <summary>Whether <paramref name="token"/> has an uppercase character after the first (as <see cref="Lower"/> sees it).</summary>
    public static bool InnerUpper(ReadOnlySpan<char> token)
    {
        for (var i = 1; i < token.Length; i++)
        {
            if (Lower(token[i]) != token[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A hash of lowercased characters (<see cref="Lookup"/>'s, for keys and non-ASCII tokens).</summary>
    private static uint HashLower(ReadOnlySpan<char> lower)
    {
        if (lower.Length is > 0 and <= MaxPacked)
        {
            var (a, b) = Pack(lower);
            return HashPacked(a, b, lower.Length);
        }

        HashAscii(ref MemoryMarshal.GetReference(lower), lower.Length, out var h);
        return h;
    }

    /// <summary>
    /// Hashes <paramref name="length"/> (&gt; 0) characters with the 0x20 bit set, four per 8-byte word (the last word
    /// overlaps the one before when the length is not a multiple of four); whether they are all ASCII.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HashAscii(ref char first, int length, out uint hash)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)length;
        ulong seen;
        if (length >= 4)
        {
            seen = 0;
            var i = 0;
            for (; i <= length - 4; i += 4)
            {
                var v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref first, i)));
                seen |= v;
                h = Mix(h, v | Fold);
            }

            if (i < length)
            {
                var v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref first, length - 4)));
                seen |= v;
                h = Mix(h, v | Fold);
            }
        }
        else
        {
            seen = first;
            if (length > 1)
            {
                seen |= (ulong)Unsafe.Add(ref first, 1) << 16;
                if (length > 2)
                {
                    seen |= (ulong)Unsafe.Add(ref first, 2) << 32;
                }
            }

            h = Mix(h, seen | (Fold >> (16 * (4 - length))));
        }

        h *= 0x165667B19E3779F9UL;
        hash = (uint)(h ^ (h >> 32));
        return (seen & 0xFF80_FF80_FF80_FF80UL) == 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h, ulong v)
    {
        h = (h ^ v) * 0xC2B2AE3D27D4EB4FUL;
        return h ^ (h >> 31);
    }

    /// <summary>Whether ASCII token characters with the 0x20 bit set equal a lowercased key of the same length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EqualsFolded(ref char token, ref char key, int length)
    {
        if (length >= 4)
        {
            var i = 0;
            for (; i <= length - 4; i += 4)
            {
                if ((Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref token, i))) | Fold)
                    != Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref key, i))))
                {
                    return false;
                }
            }

            return i == length
                || (Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref token, length - 4))) | Fold)
                    == Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref key, length - 4)));
        }

        for (var i = 0; i < length; i++)
        {
            if ((char)(Unsafe.Add(ref token, i) | 0x20) != Unsafe.Add(ref key, i))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Lower(char c) =>
        c < 128 ? ((uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c) : c == '\u2019' ? '\'' : char.ToLowerInvariant(c);

    public static string ToLower(ReadOnlySpan<char> token)
    {
        Span<char> buffer = token.Length <= 256 ? stackalloc char[token.Length] : new char[token.Length];
        for (var i = 0; i < token.Length; i++)
        {
            buffer[i] = Lower(token[i]);
        }

        return new string(buffer);
    }
}
