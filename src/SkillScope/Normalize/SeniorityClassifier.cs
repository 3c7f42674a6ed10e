using SkillScope.Model;

namespace SkillScope.Normalize;

/// <summary>
/// Seniority from title words, else from the years of experience asked for (docs/domain.md), plus the
/// mapping of the sources' own labels (survey codes, LinkedIn experience levels). Decisions:
/// docs/normalization.md.
/// </summary>
public static class SeniorityClassifier
{
    /// <summary>Title words first (the highest level named wins), else <paramref name="yearsRequiredMin"/>, else unknown.</summary>
    public static string Classify(string? title, int? yearsRequiredMin)
    {
        string? fromTitle = FromTitle(title);
        return fromTitle ?? FromYears(yearsRequiredMin);
    }

    /// <summary>0-2 years junior, over 2 to 5 mid, over 5 to 8 senior, over 8 lead; null or negative is unknown.</summary>
    public static string FromYears(int? years) => years switch
    {
        null or < 0 => Seniorities.Unknown,
        <= 2 => Seniorities.Junior,
        <= 5 => Seniorities.Mid,
        <= 8 => Seniorities.Senior,
        _ => Seniorities.Lead,
    };

    /// <summary>Survey experience_level: EN junior, MI mid, SE senior, EX executive; null for anything else.</summary>
    public static string? FromSurveyCode(string? code)
    {
        ReadOnlySpan<char> c = code.AsSpan().Trim();
        return c.Length != 2 ? null
            : c.Equals("EN", StringComparison.OrdinalIgnoreCase) ? Seniorities.Junior
            : c.Equals("MI", StringComparison.OrdinalIgnoreCase) ? Seniorities.Mid
            : c.Equals("SE", StringComparison.OrdinalIgnoreCase) ? Seniorities.Senior
            : c.Equals("EX", StringComparison.OrdinalIgnoreCase) ? Seniorities.Executive
            : null;
    }

    /// <summary>
    /// A board's seniority label (LinkedIn "Mid-Senior level" senior, "Entry level" and "Associate" junior, its Portuguese
    /// "Pleno-sênior", "Assistente", ...). Null when the label says nothing ("Not Applicable", blank) or is unknown.
    /// </summary>
    public static string? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        return TextFold.Key(label) switch
        {
            "internship" or "intern" or "estagio" or "student" or "trainee" => Seniorities.Intern,
            // LinkedIn's "Associate" (Portuguese "Júnior") is junior: where the title or the years asked for name a
            // level, it is junior more often than mid (docs/normalization.md has the counts).
            "entry level" or "entry" or "junior" or "jr" or "assistente" or "graduate" or "new grad" or "associate" => Seniorities.Junior,
            "mid level" or "mid" or "intermediate" or "pleno" or "experienced" => Seniorities.Mid,
            "mid senior level" or "mid senior" or "pleno senior" or "senior level" or "senior" or "sr" or "expert" => Seniorities.Senior,
            "lead" or "staff" or "principal" or "manager" or "team lead" => Seniorities.Lead,
            "director" or "diretor" or "executive" or "executivo" or "vp" or "c level" or "head" => Seniorities.Executive,
            _ => null,
        };
    }

    private const int NoLevel = -1;

    // Rank order of Seniorities.All without Unknown.
    private static readonly string[] ByRank =
        [Seniorities.Intern, Seniorities.Junior, Seniorities.Mid, Seniorities.Senior, Seniorities.Lead, Seniorities.Executive];

    /// <summary>The level the title's words name, or null when they name none.</summary>
    public static string? FromTitle(string? title) =>
        title is null ? null : ByTitle.GetOrAdd(title, static t => Level(t));

    private static readonly MemoCache<string, string?> ByTitle = new(capacity: 50_000);

    private static string? Level(string title)
    {
        string t = TitleText.Normalize(title);
        if (t.Length <= 1)
        {
            return null;
        }

        int best = NoLevel;
        ReadOnlySpan<char> rest = t.AsSpan(1);
        ReadOnlySpan<char> previous = default;
        bool first = true;
        while (!rest.IsEmpty)
        {
            int space = rest.IndexOf(' ');
            ReadOnlySpan<char> word = rest[..space];
            rest = rest[(space + 1)..];
            ReadOnlySpan<char> next = rest.IsEmpty ? default : rest[..rest.IndexOf(' ')];

            int rank = Rank(word, previous, next, first);
            if (rank > best)
            {
                best = rank;
            }

            previous = word;
            first = false;
        }

        return best == NoLevel ? null : ByRank[best];
    }

    private static int Rank(ReadOnlySpan<char> word, ReadOnlySpan<char> previous, ReadOnlySpan<char> next, bool first)
    {
        switch (word)
        {
            case "intern" or "internship" or "trainee" or "student" or "apprentice" or "apprenticeship" or "coop":
                return 0;
            case "junior" or "graduate" or "grad":
                return 1;
            case "entry":
                return next.SequenceEqual("level") ? 1 : NoLevel;
            case "early":
                return next.SequenceEqual("career") ? 1 : NoLevel;
            case "associate":
                // "Associate Data Scientist" is a first rung; "Research Associate" names a job, not a level.
                return first ? 1 : NoLevel;
            case "mid" or "intermediate" or "pleno":
                return 2;
            case "senior":
                return 3;
            case "staff":
                return previous.SequenceEqual("technical") ? NoLevel : 4; // "Member of Technical Staff" is not a rung
            case "lead" or "principal" or "supervisor" or "distinguished" or "gerente" or "lider":
                return 4;
            case "manager":
                return IsPeopleManager(previous) ? 4 : NoLevel;
            case "director" or "diretor" or "directora" or "head" or "vp" or "chief" or "president" or "cto" or "cdo" or "cio" or "ceo"
                or "cao" or "caio" or "cdao" or "founder" or "cofounder":
                return 5;
        }

        return LevelNumber(word, previous);
    }

    // "Product Manager", "Program Manager", "Account Manager" name a job, not a rung (docs/domain.md).
    private static bool IsPeopleManager(ReadOnlySpan<char> previous) => previous switch
    {
        "product" or "program" or "programme" or "project" or "account" or "accounts" or "relationship" or "relations"
            or "community" or "case" or "brand" or "campaign" or "category" or "content" or "release" or "success"
            or "partner" or "partnership" or "partnerships" or "office" or "property" or "territory" or "delivery"
            or "data" or "portfolio" or "asset" or "facilities" => false,
        _ => true,
    };

    // Ladder numbers after the job noun: "Data Scientist II", "Engineer III", "Machine Learning Engineer 5".
    private static int LevelNumber(ReadOnlySpan<char> word, ReadOnlySpan<char> previous)
    {
        int level = word switch
        {
            "i" or "1" => 1,
            "ii" or "2" => 2,
            "iii" or "3" => 3,
            "iv" or "4" or "v" or "5" or "vi" or "6" => 4,
            _ => NoLevel,
        };
        if (level == NoLevel)
        {
            return NoLevel;
        }

        return previous switch
        {
            "scientist" or "engineer" or "analyst" or "developer" or "researcher" or "architect" or "specialist" or "programmer"
                or "statistician" or "consultant" or "associate" or "administrator" or "designer" or "modeler" => level,
            _ => NoLevel,
        };
    }
}
