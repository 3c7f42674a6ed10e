namespace SkillScope.Skills;

/// <summary>
/// Case-insensitive search for the extractor's own ASCII phrases (" but ", "&lt;p", "experience"), giving exactly what
/// <see cref="StringComparison.OrdinalIgnoreCase"/> gives: under invariant globalization no non-ASCII character equals
/// an ASCII one ignoring case, so only ASCII letters fold. Unlike the framework's ignore-case search, which takes a
/// scalar path for such text, this one finds candidates with a vectorized search for the phrase's first character.
/// </summary>
internal static class AsciiCase
{
    /// <summary>Where <paramref name="phrase"/> first occurs in <paramref name="text"/> ignoring ASCII case, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> text, string phrase)
    {
        if (!IsAscii(phrase))
        {
            return text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        }

        var first = phrase[0];
        var upper = Upper(first);
        var lower = Lower(first);
        var last = text.Length - phrase.Length;
        var offset = 0;
        while (offset <= last)
        {
            var window = text[offset..(last + 1)];
            var at = upper == lower ? window.IndexOf(first) : window.IndexOfAny(upper, lower);
            if (at < 0)
            {
                return -1;
            }

            var i = offset + at;
            if (RestEquals(text, i, phrase))
            {
                return i;
            }

            offset = i + 1;
        }

        return -1;
    }

    /// <summary>Where <paramref name="phrase"/> last occurs in <paramref name="text"/> ignoring ASCII case, or -1.</summary>
    public static int LastIndexOf(ReadOnlySpan<char> text, string phrase)
    {
        if (!IsAscii(phrase))
        {
            return text.LastIndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        }

        var first = phrase[0];
        var upper = Upper(first);
        var lower = Lower(first);
        var end = text.Length - phrase.Length + 1; // candidates start before this
        while (end > 0)
        {
            var window = text[..end];
            var i = upper == lower ? window.LastIndexOf(first) : window.LastIndexOfAny(upper, lower);
            if (i < 0)
            {
                return -1;
            }

            if (RestEquals(text, i, phrase))
            {
                return i;
            }

            end = i;
        }

        return -1;
    }

    public static bool Contains(ReadOnlySpan<char> text, string phrase) => IndexOf(text, phrase) >= 0;

    private static bool RestEquals(ReadOnlySpan<char> text, int at, string phrase)
    {
        for (var k = 1; k < phrase.Length; k++)
        {
            var c = text[at + k];
            var p = phrase[k];
            if (c != p && !((c | 0x20) == (p | 0x20) && (uint)((p | 0x20) - 'a') <= 'z' - 'a'))
            {
                return false;
            }
        }

        return true;
    }

    private static char Upper(char c) => (uint)(c - 'a') <= 'z' - 'a' ? (char)(c & ~0x20) : c;

    private static char Lower(char c) => (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;

    private static bool IsAscii(string phrase) => phrase.Length > 0 && System.Text.Ascii.IsValid(phrase);
}

/// <summary>
/// A list of ASCII phrases to test at the start of a text ignoring case, as <see cref="StringComparison.OrdinalIgnoreCase"/>
/// would: grouped by first letter, so a text is compared only with the phrases that start like it (a non-ASCII first
/// character starts none of them, see <see cref="AsciiCase"/>).
/// </summary>
internal sealed class AsciiPrefixes
{
    private readonly string[]?[] _byFirst = new string[128][];

    public AsciiPrefixes(IEnumerable<string> phrases)
    {
        foreach (var group in phrases.GroupBy(p => LowerAscii(p[0])))
        {
            if (group.Key >= 128 || group.Any(p => !System.Text.Ascii.IsValid(p)))
            {
                throw new ArgumentException("phrases must be ASCII: " + string.Join(", ", group), nameof(phrases));
            }

            _byFirst[group.Key] = [.. group];
        }
    }

    /// <summary>Whether <paramref name="text"/> starts with one of the phrases, ignoring case.</summary>
    public bool AnyStartOf(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] >= 128)
        {
            return false;
        }

        var phrases = _byFirst[LowerAscii(text[0])];
        if (phrases is null)
        {
            return false;
        }

        foreach (var phrase in phrases)
        {
            if (StartsWithApostropheAware(text, phrase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Like StartsWith ignoring ASCII case, with a typographic apostrophe (’, ‘) in the text read as "'" ("We’re building").</summary>
    private static bool StartsWithApostropheAware(ReadOnlySpan<char> text, string phrase)
    {
        if (text.Length < phrase.Length)
        {
            return false;
        }

        for (var i = 0; i < phrase.Length; i++)
        {
            var c = text[i];
            if (c is '\u2019' or '\u2018')
            {
                c = '\'';
            }
            else if (c >= 128)
            {
                return false;
            }

            if (LowerAscii(c) != LowerAscii(phrase[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static char LowerAscii(char c) => (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
}
