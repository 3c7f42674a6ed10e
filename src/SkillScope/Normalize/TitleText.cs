using System.Buffers;

namespace SkillScope.Normalize;

/// <summary>
/// The form job titles are matched in: folded lower case, punctuation replaced by single spaces,
/// common abbreviations expanded ("Sr. ML Eng" -> " senior machine learning engineer "), padded
/// with one space at each end so a phrase such as " data scientist " only matches whole words.
/// </summary>
internal static class TitleText
{
    public const string Empty = " ";

    public static string Normalize(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return Empty;
        }

        // Expansions grow a token at most ~9x ("mle"), but titles hold few abbreviations.
        int capacity = (title.Length * 3) + 64;
        char[]? rented = null;
        Span<char> output = capacity <= 512 ? stackalloc char[capacity] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        Span<char> token = stackalloc char[48];
        int n = 0;
        output[n++] = ' ';
        int t = 0;
        bool tokenOverflow = false;

        for (int i = 0; i <= title.Length; i++)
        {
            char c = i < title.Length ? title[i] : ' ';
            if (c is '\'' or '’')
            {
                continue; // "Master's" -> "masters"
            }

            char f = TextFold.Lower(c);
            if (char.IsLetterOrDigit(f) || f is '+' or '#')
            {
                if (t < token.Length)
                {
                    token[t++] = f;
                }
                else
                {
                    tokenOverflow = true;
                }

                continue;
            }

            if (t > 0)
            {
                if (n + 32 + t >= output.Length)
                {
                    break; // pathological title: keep what fits
                }

                ReadOnlySpan<char> word = token[..t];
                ReadOnlySpan<char> expanded = tokenOverflow ? word : Expand(word);
                expanded.CopyTo(output[n..]);
                n += expanded.Length;
                output[n++] = ' ';
                t = 0;
                tokenOverflow = false;
            }
        }

        string text = new(output[..n]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return text.Length == 1 ? Empty : Rewrite(text);
    }

    private static ReadOnlySpan<char> Expand(ReadOnlySpan<char> w) => w switch
    {
        "ml" => "machine learning",
        "mle" or "mles" => "machine learning engineer",
        "ds" => "data science",
        "sr" or "snr" => "senior",
        "jr" or "jnr" => "junior",
        "mgr" => "manager",
        "eng" or "engr" or "engineers" => "engineer",
        "dir" => "director",
        "sci" => "scientist",
        "dev" => "developer",
        "assoc" => "associate",
        "svp" or "evp" or "avp" => "vp",
        "swe" => "software engineer",
        "sde" => "software development engineer",
        "cv" => "computer vision",
        "genai" => "generative ai",
        "llms" => "llm",
        "nlu" => "nlp",
        "aiml" => "machine learning",
        "scientists" => "scientist",
        "analysts" => "analyst",
        "developers" => "developer",
        "researchers" => "researcher",
        "managers" => "manager",
        "architects" => "architect",
        "specialists" => "specialist",
        "interns" => "intern",
        "estagio" or "estagiario" or "estagiaria" or "becario" or "becaria" or "practicante" or "praktikant" or "werkstudent" => "intern",
        _ => w,
    };

    // Multi-word rewrites; each is checked with one ordinal search and rarely matches.
    private static readonly (string From, string To)[] Rewrites =
    [
        (" artificial intelligence ", " ai "),
        (" a i ", " ai "),
        (" gen ai ", " generative ai "),
        (" ai machine learning ", " machine learning "),
        (" machine learning ai ", " machine learning "),
        (" ai and machine learning ", " machine learning "),
        (" machine learning and ai ", " machine learning "),
        (" business intelligence ", " bi "),
        (" natural language processing ", " nlp "),
        (" large language model ", " llm "),
        (" large language models ", " llm "),
        (" machine learning operations ", " mlops "),
        (" machine learning ops ", " mlops "),
        (" data ops ", " dataops "),
        (" vice president ", " vp "),
        (" co op ", " coop "),
        (" mc lean ", " mclean "),
    ];

    private static string Rewrite(string text)
    {
        foreach ((string from, string to) in Rewrites)
        {
            if (text.Contains(from, StringComparison.Ordinal))
            {
                text = text.Replace(from, to, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
