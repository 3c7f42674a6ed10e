using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    private readonly int _mask;
    private readonly int _longest;

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
        for (var id = 0; id < lowercaseTokens.Count; id++)
        {
            var key = lowercaseTokens[id];
            key.CopyTo(_chars.AsSpan(_offsets[id]));
            var hash = HashLower(key);
            var slot = (int)hash & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = ((ulong)hash << 32) | (uint)(id + 1);
        }

        Count = lowercaseTokens.Count;
    }

    public int Count { get; }

    /// <summary>The id of <paramref name="token"/> compared case-insensitively, or -1.</summary>
    public int Lookup(ReadOnlySpan<char> token) => Lookup(token, out _);

    /// <summary>
    /// The id of <paramref name="token"/> compared case-insensitively, or -1; also whether a character after the first
    /// is uppercase (so the caller can skip looking for glued words in the common all-lowercase case).
    /// </summary>
    public int Lookup(ReadOnlySpan<char> token, out bool innerUpper)
    {
        if (token.Length > _longest)
        {
            innerUpper = InnerUpper(token);
            return -1; // longer than any key
        }

        // Lowercase once into a buffer; hash and compare that (8 bytes at a time) instead of walking the token twice.
        Span<char> lower = stackalloc char[MaxStackKey];
        if (token.Length > MaxStackKey)
        {
            lower = new char[token.Length];
        }

        lower = lower[..token.Length];
        var changed = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var l = Lower(c);
            lower[i] = l;
            changed |= i > 0 && l != c ? 1 : 0;
        }

        innerUpper = changed != 0;
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

    private static bool InnerUpper(ReadOnlySpan<char> token)
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

    /// <summary>A hash of lowercased characters, four at a time.</summary>
    private static uint HashLower(ReadOnlySpan<char> lower)
    {
        var bytes = MemoryMarshal.AsBytes(lower);
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)lower.Length;
        while (bytes.Length >= 8)
        {
            h = (h ^ MemoryMarshal.Read<ulong>(bytes)) * 0xC2B2AE3D27D4EB4FUL;
            h ^= h >> 31;
            bytes = bytes[8..];
        }

        if (!bytes.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                tail |= (ulong)bytes[i] << (8 * i);
            }

            h = (h ^ tail) * 0xC2B2AE3D27D4EB4FUL;
            h ^= h >> 31;
        }

        h *= 0x165667B19E3779F9UL;
        return (uint)(h ^ (h >> 32));
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
