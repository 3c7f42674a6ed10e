namespace SkillScope.Career;

/// <summary>
/// Tells whether a text is English. The extractor, the title and date rules and the education cues are English-only,
/// so a resume in another language would be scored on what little of it they read; it is refused instead. Function
/// words decide: they make up a large share of any running text and differ between languages.
/// </summary>
internal static class LanguageCheck
{
    private static readonly HashSet<string> English = Set(
        "the", "and", "of", "to", "in", "for", "with", "on", "at", "by", "from", "as", "an", "a", "is", "was", "were", "are",
        "i", "my", "our", "we", "that", "this", "which", "into", "over", "across", "using", "used", "led", "built", "developed",
        "designed", "improved", "reduced", "increased", "managed", "created", "worked", "experience", "team", "data", "years");

    private static readonly (string Name, HashSet<string> Words)[] Others =
    [
        ("Portuguese", Set("de", "da", "do", "das", "dos", "em", "para", "com", "uma", "um", "não", "na", "no", "nas", "nos", "por", "que", "ao", "como",
            "experiência", "dados", "desenvolvimento", "anos", "atual", "empresa", "análise", "projetos", "equipe")),
        ("Spanish", Set("de", "la", "el", "los", "las", "en", "para", "con", "una", "un", "y", "que", "por", "del", "al", "como",
            "experiencia", "datos", "desarrollo", "años", "actual", "empresa", "análisis", "proyectos", "equipo")),
        ("French", Set("de", "la", "le", "les", "des", "et", "en", "pour", "avec", "une", "un", "du", "dans", "sur", "par", "au",
            "expérience", "données", "développement", "ans", "entreprise", "analyse", "projets", "équipe")),
        ("German", Set("der", "die", "das", "und", "mit", "für", "von", "zu", "im", "ist", "ein", "eine", "bei", "auf", "den", "dem", "des",
            "erfahrung", "daten", "entwicklung", "jahre", "unternehmen", "projekte")),
        ("Italian", Set("di", "il", "la", "e", "per", "con", "una", "un", "del", "della", "che", "nel", "dei", "delle",
            "esperienza", "dati", "sviluppo", "anni", "azienda", "progetti")),
        ("Dutch", Set("de", "het", "een", "en", "van", "voor", "met", "op", "bij", "naar", "ervaring", "gegevens", "ontwikkeling", "jaar", "bedrijf")),
    ];

    /// <summary>The language the text appears to be written in when it is clearly not English, else null.</summary>
    public static string? NotEnglish(string text)
    {
        int latin = 0, otherScript = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            if (c < '\u0250' || c is >= '\u1E00' and < '\u1F00')
            {
                latin++;
            }
            else
            {
                otherScript++;
            }
        }

        if (otherScript > 50 && otherScript > latin)
        {
            return "a language not written in the Latin alphabet";
        }

        var words = Words(text);
        var english = words.Count(English.Contains);
        var best = Others.Select(o => (o.Name, Count: words.Count(o.Words.Contains))).OrderByDescending(o => o.Count).First();
        return best.Count >= 15 && best.Count > 3 * Math.Max(english, 1) ? best.Name : null;
    }

    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);
}
