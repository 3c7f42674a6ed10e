using System.Buffers;

namespace SkillScope.Normalize;

/// <summary>
/// Culture-free text folding shared by the classifiers: lower case, Latin diacritics removed
/// (postings from Brazil, Spain and France spell "Sênior", "Júnior", "Híbrido", "Défense").
/// </summary>
internal static class TextFold
{
    /// <summary>Lower-cases <paramref name="c"/> and strips a Latin diacritic, so 'É' becomes 'e'.</summary>
    public static char Lower(char c)
    {
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        char l = char.ToLowerInvariant(c);
        return l switch
        {
            'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' => 'a',
            'ç' or 'ć' or 'č' => 'c',
            'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ę' or 'ě' => 'e',
            'ì' or 'í' or 'î' or 'ï' or 'ī' => 'i',
            'ñ' or 'ń' or 'ň' => 'n',
            'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' or 'ő' => 'o',
            'ù' or 'ú' or 'û' or 'ü' or 'ū' or 'ů' or 'ű' => 'u',
            'ý' or 'ÿ' => 'y',
            'ś' or 'š' or 'ß' => 's',
            'ź' or 'ż' or 'ž' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            'ğ' => 'g',
            'ı' => 'i',
            _ => l,
        };
    }

    /// <summary>
    /// A lookup key: folded lower case, letters and digits kept, '.' and apostrophes dropped
    /// ("D.C." -> "dc", "Prince George's" -> "prince georges"), every other run of characters
    /// becomes one space, no leading or trailing space.
    /// </summary>
    public static string Key(ReadOnlySpan<char> text)
    {
        char[]? rented = null;
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        int n = 0;
        bool pendingSpace = false;
        foreach (char raw in text)
        {
            if (raw is '.' or '\'' or '’')
            {
                continue;
            }

            char c = Lower(raw);
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && n > 0)
                {
                    buffer[n++] = ' ';
                }

                pendingSpace = false;
                buffer[n++] = c;
            }
            else
            {
                pendingSpace = true;
            }
        }

        string key = new(buffer[..n]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return key;
    }

    /// <summary>True when <paramref name="text"/> contains <paramref name="word"/> (ASCII, lower case) as a whole word, ignoring case.</summary>
    public static bool ContainsWord(ReadOnlySpan<char> text, ReadOnlySpan<char> word)
    {
        int start = 0;
        while (start <= text.Length - word.Length)
        {
            int i = text[start..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (i < 0)
            {
                return false;
            }

            i += start;
            int end = i + word.Length;
            bool leftOk = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            bool rightOk = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (leftOk && rightOk)
            {
                return true;
            }

            start = i + 1;
        }

        return false;
    }
}
