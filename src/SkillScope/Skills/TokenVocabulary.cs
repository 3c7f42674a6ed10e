using System.Runtime.CompilerServices;

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
        }

        _offsets[lowercaseTokens.Count] = length;
        _chars = new char[length];
        for (var id = 0; id < lowercaseTokens.Count; id++)
        {
            var key = lowercaseTokens[id];
            key.CopyTo(_chars.AsSpan(_offsets[id]));
            var hash = Hash(key);
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
        var h = 2166136261u;
        var changed = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var lower = Lower(c);
            changed |= i > 0 && lower != c ? 1 : 0;
            h = (h ^ lower) * 16777619u;
        }

        innerUpper = changed != 0;
        h ^= h >> 15;
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
                if (EqualsLower(token, _chars.AsSpan(_offsets[id], _offsets[id + 1] - _offsets[id])))
                {
                    return id;
                }
            }

            slot = (slot + 1) & _mask;
        }
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> token)
    {
        var h = 2166136261u;
        foreach (var c in token)
        {
            h = (h ^ Lower(c)) * 16777619u;
        }

        return h ^ (h >> 15);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EqualsLower(ReadOnlySpan<char> token, ReadOnlySpan<char> key)
    {
        if (token.Length != key.Length)
        {
            return false;
        }

        for (var i = 0; i < token.Length; i++)
        {
            if (Lower(token[i]) != key[i])
            {
                return false;
            }
        }

        return true;
    }
}
