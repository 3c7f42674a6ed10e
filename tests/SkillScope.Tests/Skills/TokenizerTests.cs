using System.Text;
using SkillScope.Skills;

namespace SkillScope.Tests.Skills;

/// <summary>
/// The tokenizer's fast paths (an 8-character vector compare for the end of a word, the one-word lookup of short ASCII
/// words) against plain character-by-character versions of the same rules, on random text that mixes the characters
/// the rules treat specially: "C++", "C#", ".NET", "R&amp;D", apostrophes, dashes, non-ASCII letters and spaces,
/// text glued without spaces.
/// </summary>
public class TokenizerTests
{
    private const string Alphabet =
        "aAbBcCdDeEgGjJkKlLnNoOpPrRsStTxXyYzZ0189 .,;:&'\u2019+#-/_()\n\t\u00A0\u2013\u00E9\u00C9\u00DF\u0130\u212A\u4E2D\u00B2";

    [Fact]
    public void Scanner_finds_the_same_tokens_as_a_character_by_character_scan()
    {
        var random = new Random(20261207);
        for (var n = 0; n < 20_000; n++)
        {
            var text = RandomText(random, random.Next(1, 40));
            var expected = ReferenceTokens(text);
            var actual = new List<(int, int, bool, bool)>();
            var scanner = new TokenScanner(text);
            while (scanner.Next(out var start, out var end, out var gap))
            {
                actual.Add((start, end, gap, scanner.AsciiWord));
            }

            Assert.True(expected.SequenceEqual(actual), $"text \"{Escape(text)}\": expected {string.Join(" ", expected)}, got {string.Join(" ", actual)}");
        }
    }

    [Theory]
    [InlineData("Python, C++ and C# on .NET; R&D teams don't ship GPT-4o")]
    [InlineData("ExperienceWithSQLandPython3 kubernetesOperators")]
    [InlineData("Größe naïve café \u212Aafka K\u0130LN")]
    [InlineData("x")]
    [InlineData("abcdefgh abcdefghi abcdefghij 12345678 Machine")]
    public void Scanner_matches_the_reference_on_programming_names_and_non_ASCII_text(string text)
    {
        var expected = ReferenceTokens(text);
        var actual = new List<(int, int, bool, bool)>();
        var scanner = new TokenScanner(text);
        while (scanner.Next(out var start, out var end, out var gap))
        {
            actual.Add((start, end, gap, scanner.AsciiWord));
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Short_ASCII_word_lookup_agrees_with_the_general_lookup_for_every_key_and_its_case_variants()
    {
        var vocabulary = SkillExtractor.Default.Patterns.Vocabulary;
        var keys = Keys(vocabulary).ToList();
        Assert.True(keys.Count > 1000);
        var random = new Random(7);
        var checkedWords = 0;
        foreach (var key in keys)
        {
            foreach (var word in new[] { key, key.ToUpperInvariant(), MixCase(key, random), key + "x", key[..^1] })
            {
                if (word.Length is 0 or > 8 || !word.All(char.IsAsciiLetterOrDigit))
                {
                    continue;
                }

                // The word inside text, with characters after it, as the extractor reads it.
                var text = "(" + word + " and more";
                Assert.Equal(vocabulary.Lookup(word), vocabulary.LookupAsciiWord(text, 1, word.Length));
                checkedWords++;
            }
        }

        for (var n = 0; n < 20_000; n++)
        {
            var length = random.Next(1, 9);
            var word = new string([.. Enumerable.Range(0, length).Select(_ => "aAbBcCdDeEiIlLnNoOsStT0123456789"[random.Next(32)])]);
            Assert.Equal(vocabulary.Lookup(word), vocabulary.LookupAsciiWord(word + "........", 0, word.Length));
            checkedWords++;
        }

        Assert.True(checkedWords > 20_000);
    }

    [Fact]
    public void Long_ASCII_word_lookup_agrees_with_the_general_lookup_for_every_key_and_its_case_variants()
    {
        var vocabulary = SkillExtractor.Default.Patterns.Vocabulary;
        var keys = Keys(vocabulary).ToList();
        var random = new Random(11);
        var checkedWords = 0;
        foreach (var key in keys)
        {
            foreach (var word in new[] { key, key.ToUpperInvariant(), MixCase(key, random), key + "x", key[..^1], key + "xxxxxxxx" })
            {
                if (word.Length <= 8 || !word.All(char.IsAsciiLetterOrDigit))
                {
                    continue;
                }

                // The word inside text, followed by characters that are not ASCII (masked off) or by the text's end.
                Assert.Equal(vocabulary.Lookup(word), vocabulary.LookupLongAsciiWord("(" + word + " \u00e9\u00e9 and more text", 1, word.Length));
                Assert.Equal(vocabulary.Lookup(word), vocabulary.LookupLongAsciiWord("(" + word, 1, word.Length));
                checkedWords++;
            }
        }

        for (var n = 0; n < 20_000; n++)
        {
            var length = random.Next(9, 18);
            var word = new string([.. Enumerable.Range(0, length).Select(_ => "aAbBcCdDeEiIlLnNoOsStT0123456789"[random.Next(32)])]);
            Assert.Equal(vocabulary.Lookup(word), vocabulary.LookupLongAsciiWord(word + "................", 0, word.Length));
            checkedWords++;
        }

        Assert.True(checkedWords > 21_000);
    }

    [Fact]
    public void Extraction_is_the_same_for_skills_at_the_very_end_of_a_text()
    {
        // Fewer than 8 characters after the word's start: the general lookup takes them.
        var extractor = SkillExtractor.Default;
        var atEnd = extractor.Extract("Experience with SQL");
        var inside = extractor.Extract("Experience with SQL and more text");
        Assert.Contains(atEnd, m => m.SkillId == "sql");
        Assert.Equal(inside.Where(m => m.SkillId == "sql").Select(m => (m.Start, m.End)), atEnd.Where(m => m.SkillId == "sql").Select(m => (m.Start, m.End)));
    }

    private static IEnumerable<string> Keys(TokenVocabulary vocabulary)
    {
        // Every vocabulary word is a lowercased token of some pattern: recover them through the patterns' own tokenizer.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var skill in SkillTaxonomy.Default.Skills)
        {
            foreach (var form in skill.Aliases.Prepend(skill.Name))
            {
                foreach (var token in SkillPatterns.Tokenize(form) ?? [])
                {
                    var lower = TokenVocabulary.ToLower(token);
                    if (vocabulary.Lookup(lower) >= 0 && seen.Add(lower))
                    {
                        yield return lower;
                    }
                }
            }
        }
    }

    private static string MixCase(string word, Random random) =>
        new([.. word.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c)]);

    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            // Runs of letters, so long words (past 8 characters) and camel case come up often.
            if (random.Next(4) == 0)
            {
                var run = random.Next(1, 14);
                for (var k = 0; k < run; k++)
                {
                    builder.Append((char)(random.Next(2) == 0 ? 'a' + random.Next(26) : 'A' + random.Next(26)));
                }
            }
            else
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }
        }

        return builder.ToString();
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));

    /// <summary>The scanner's rules (see <see cref="TokenScanner"/>) one character at a time, with no shortcut.</summary>
    private static List<(int Start, int End, bool Gap, bool AsciiWord)> ReferenceTokens(string text)
    {
        var tokens = new List<(int, int, bool, bool)>();
        var gap = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWord(c))
            {
                var end = ScanWord(text, i + 1);
                tokens.Add((i, end, gap, text.AsSpan(i, end - i).ContainsAnyExcept(s_asciiWord) is false));
                gap = false;
                i = end;
                continue;
            }

            if (IsSeparator(c))
            {
                i++;
                continue;
            }

            if (c == '.')
            {
                var wordBefore = i > 0 && IsWord(text[i - 1]);
                var letterAfter = i + 1 < text.Length && char.IsLetter(text[i + 1]);
                if (wordBefore && i + 1 < text.Length && IsWord(text[i + 1]))
                {
                    i++;
                    continue;
                }

                if (!wordBefore && letterAfter && (i == 0 || text[i - 1] != '.'))
                {
                    var end = ScanWord(text, i + 2);
                    tokens.Add((i, end, gap, false));
                    gap = false;
                    i = end;
                    continue;
                }
            }
            else if (c == '&')
            {
                tokens.Add((i, i + 1, gap, false));
                gap = false;
                i++;
                continue;
            }

            gap = true;
            i++;
        }

        return tokens;
    }

    private static readonly System.Buffers.SearchValues<char> s_asciiWord =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private static bool IsWord(char c) => char.IsLetterOrDigit(c);

    private static bool IsSeparator(char c) =>
        c is ' ' or '\t' or '\r' or '\f' or '\v' or '-' or '/' or '_' or '\u2013' or '\u2014' or '\u00AD'
        || (c >= 128 && char.IsWhiteSpace(c) && c != '\u2028' && c != '\u2029');

    private static int ScanWord(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWord(c))
            {
                i++;
            }
            else if (c == '&' && i + 1 < text.Length && IsWord(text[i + 1]))
            {
                i += 2;
            }
            else if ((c == '\'' || c == '\u2019') && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                if ((text[i + 1] | 0x20) == 's' && (i + 2 >= text.Length || !IsWord(text[i + 2])))
                {
                    break;
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
            if (text[i] == '+')
            {
                if (i + 1 < text.Length && text[i + 1] == '+')
                {
                    i += 2;
                }
                else if (i + 1 >= text.Length || !IsWord(text[i + 1]))
                {
                    i++;
                }
            }
            else if (text[i] == '#' && (i + 1 >= text.Length || !IsWord(text[i + 1])))
            {
                i++;
            }
        }

        return i;
    }
}
