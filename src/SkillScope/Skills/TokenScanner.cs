using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SkillScope.Skills;

/// <summary>
/// Splits text into the tokens skill patterns are written in, without allocating.
/// </summary>
/// <remarks>
/// A token is a run of letters and digits, extended so that programming names survive: trailing "++" or "#"
/// ("C++", "C#"), "&amp;" between letters ("R&amp;D", "W&amp;B" stay one token, so "R" is not found in "R&amp;D"), an
/// apostrophe inside a word ("don't"; a possessive "'s" ends the word), and a leading dot (".NET").
/// Spaces, hyphens, slashes, underscores and a dot between letters ("node.js") only separate tokens, so
/// "scikit-learn" = "scikit learn" and "CI/CD" = "CI CD"; other punctuation and line breaks also mark a gap,
/// which a multi-word pattern cannot span ("machine, learning" is not "machine learning").
/// A lone "&amp;" is a token of its own ("Weights &amp; Biases").
/// </remarks>
internal ref struct TokenScanner
{
    internal const byte Other = 0;     // punctuation: a gap
    internal const byte Word = 1;      // letter or digit
    internal const byte Separator = 2; // space, hyphen, slash, underscore: no gap

    private static readonly byte[] s_ascii = BuildAsciiTable();

    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private bool _gap;
    private bool _asciiWord;

    public TokenScanner(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        _gap = false;
        _asciiWord = false;
    }

    /// <summary>
    /// Whether the last token is only ASCII letters and digits (most are): such a token can be looked up by
    /// <see cref="TokenVocabulary.LookupAsciiWord(string, int, int)"/> and has no character the lookup would have to lowercase otherwise.
    /// </summary>
    public readonly bool AsciiWord => _asciiWord;

    /// <summary>Goes on from <paramref name="position"/>, where a caller that scans part of the text itself stopped.</summary>
    public void Resume(int position, bool gap)
    {
        _position = position;
        _gap = gap;
    }

    /// <summary>Moves to the next token: [start, end), and whether a gap (punctuation, line break) precedes it.</summary>
    public bool Next(out int start, out int end, out bool gapBefore)
    {
        var text = _text;
        var i = _position;
        while (i < text.Length)
        {
            var c = text[i];
            var kind = KindOf(c);
            if (kind == Word)
            {
                start = i;
                var run = SkipAsciiWord(text, i + 1);
                end = _position = ScanWord(text, run);
                _asciiWord = c < 128 && run == end;
                gapBefore = _gap;
                _gap = false;
                return true;
            }

            if (kind == Separator)
            {
                i++;
                continue;
            }

            if (c == '.')
            {
                var wordBefore = i > 0 && KindOf(text[i - 1]) == Word;
                var letterAfter = i + 1 < text.Length && char.IsLetter(text[i + 1]);
                if (wordBefore && i + 1 < text.Length && KindOf(text[i + 1]) == Word)
                {
                    i++; // "node.js", "3.5": the dot only separates
                    continue;
                }

                if (!wordBefore && letterAfter && (i == 0 || text[i - 1] != '.'))
                {
                    start = i; // ".NET"
                    end = _position = ScanWord(text, i + 2);
                    _asciiWord = false;
                    gapBefore = _gap;
                    _gap = false;
                    return true;
                }
            }
            else if (c == '&')
            {
                start = i;
                end = _position = i + 1;
                _asciiWord = false;
                gapBefore = _gap;
                _gap = false;
                return true;
            }

            _gap = true;
            i++;
        }

        _position = i;
        start = end = i;
        gapBefore = _gap;
        return false;
    }

    /// <summary>
    /// The ASCII character's kind for <see cref="Next"/>: <see cref="Word"/>, <see cref="Separator"/> (skipped) or
    /// <see cref="Other"/> (a gap, unless it is '.' or '&amp;', which <see cref="Next"/> looks at further).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte AsciiKind(char c) => s_ascii[c];

    /// <summary>
    /// The common case of <see cref="Next"/> at a word without its general loop: the token starting with the ASCII letter
    /// or digit at <paramref name="start"/> is a run of ASCII letters and digits, 8 characters of text follow its start,
    /// and the character after it cannot extend it by <see cref="ScanWord"/>'s rules (not '&amp;', an apostrophe, '+',
    /// '#' or a non-ASCII letter). Then its end, as <see cref="Next"/> would find it, and its first 8 characters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool AsciiWordAt(ReadOnlySpan<char> text, int start, out int end, out Vector128<ushort> chars)
    {
        if (start + 8 > text.Length)
        {
            end = 0;
            chars = default;
            return false;
        }

        chars = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)start);
        var other = ~AsciiWordMask(chars) & 0xFF;
        end = other != 0 ? start + BitOperations.TrailingZeroCount(other) : SkipAsciiWord(text, start + 8);
        if (end == text.Length)
        {
            return true;
        }

        var next = text[end];
        return next < 128 && next is not ('&' or '\'' or '+' or '#');
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => c < 128 ? s_ascii[c] == Word : char.IsLetterOrDigit(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte KindOf(char c)
    {
        if (c < 128)
        {
            return s_ascii[c];
        }

        if (char.IsLetterOrDigit(c))
        {
            return Word;
        }

        // En and em dashes, soft hyphen and any Unicode space only separate.
        return c is '\u2013' or '\u2014' or '\u00AD' || char.IsWhiteSpace(c) && c != '\u2028' && c != '\u2029' ? Separator : Other;
    }

    /// <summary>
    /// The end of the run of ASCII letters and digits from <paramref name="i"/>, found vectorized: a branch per word that
    /// the processor predicts, where a character-by-character loop mispredicts its exit at every word's end.
    /// <see cref="ScanWord"/> then goes on from there by its rules (it would have stepped over the run the same way).
    /// Most words end within 8 characters: one 8-character compare in registers finds their end without the call and
    /// setup of a general search, which takes the rest of a longer run.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipAsciiWord(ReadOnlySpan<char> text, int i)
    {
        if (Vector128.IsHardwareAccelerated && i + 8 <= text.Length)
        {
            var v = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)i);
            var other = ~AsciiWordMask(v) & 0xFF;
            if (other != 0)
            {
                return i + BitOperations.TrailingZeroCount(other);
            }

            i += 8;
        }

        var run = text[i..].IndexOfAnyExcept(s_asciiWord);
        return run < 0 ? text.Length : i + run;
    }

    /// <summary>Bit k set when character k of <paramref name="v"/> is an ASCII letter or digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint AsciiWordMask(Vector128<ushort> v)
    {
        // c | 0x20 maps 'A'-'Z' onto 'a'-'z' and nothing else into that range; the subtractions wrap below zero.
        var letter = Vector128.LessThan((v | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
        var digit = Vector128.LessThan(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
        return (letter | digit).ExtractMostSignificantBits();
    }

    private static readonly SearchValues<char> s_asciiWord = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private static int ScanWord(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                i++;
            }
            else if (c == '&' && i + 1 < text.Length && IsWordChar(text[i + 1]))
            {
                i += 2;
            }
            else if ((c == '\'' || c == '\u2019') && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                if ((text[i + 1] | 0x20) == 's' && (i + 2 >= text.Length || !IsWordChar(text[i + 2])))
                {
                    break; // possessive
                }

                i += 2;
            }
            else
            {
                break;
            }
        }

        if (i < text.Length)
        {
            var c = text[i];
            if (c == '+')
            {
                if (i + 1 < text.Length && text[i + 1] == '+')
                {
                    i += 2; // C++, Notepad++
                }
                else if (i + 1 >= text.Length || !IsWordChar(text[i + 1]))
                {
                    i++; // Security+; "Python+SQL" keeps the plus as a separator
                }
            }
            else if (c == '#' && (i + 1 >= text.Length || !IsWordChar(text[i + 1])))
            {
                i++; // C#, F#
            }
        }

        return i;
    }

    private static byte[] BuildAsciiTable()
    {
        var table = new byte[128];
        for (var c = 'a'; c <= 'z'; c++)
        {
            table[c] = Word;
            table[char.ToUpperInvariant(c)] = Word;
        }

        for (var c = '0'; c <= '9'; c++)
        {
            table[c] = Word;
        }

        foreach (var c in " \t\r\f\v-/_")
        {
            table[c] = Separator;
        }

        return table;
    }
}
