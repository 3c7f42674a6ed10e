namespace SkillScope.Skills;

/// <summary>
/// The compiled form of a taxonomy: a token vocabulary and a trie over token ids whose nodes carry the
/// skill (or strength cue) patterns ending there. Immutable once built, so one instance serves every thread.
/// </summary>
internal sealed class SkillPatterns
{
    public const int PreferredCue = -1;

    /// <summary>Targets at or below this are section cues: <c>SectionCueBase - kind</c>.</summary>
    public const int SectionCueBase = -10;

    /// <summary>Token flag: a word that makes an ambiguous name ("Go", "R") count ("programming", "language", ...).</summary>
    public const byte ContextCueFlag = 1;

    /// <summary>Token flag: a word that turns the skill before it into a role or team name ("Java Developer", "QA team").</summary>
    public const byte RoleFlag = 2;

    /// <summary>Token flags of "as" and "a"/"an", for "As an SRE you will ...".</summary>
    public const byte AsFlag = 4;
    public const byte ArticleFlag = 8;

    /// <summary>Phrases that make the sentence around them, or the section they head, "preferred".</summary>
    internal static readonly string[] PreferredCues =
    [
        "preferred", "preferably", "preference", "desired", "desirable", "a plus", "big plus", "huge plus", "strong plus",
        "definite plus", "added plus", "great plus", "major plus", "plus points", "pluses", "plusses", "bonus", "bonus points",
        "nice to have", "nice to haves", "nice-to-have", "good to have", "ideally", "an advantage", "advantageous",
        "extra credit", "optional", "beneficial", "not required", "not mandatory", "would be great", "brownie points",
        "preferred qualifications", "preferred qualification", "preferred skills", "preferred experience",
        "preferred requirements", "preferred knowledge", "desired qualifications", "desired skills", "desired experience",
        "desired skills and experience", "desirable skills", "desirable qualifications", "desirable experience",
        "nice to have skills", "additional preferred qualifications", "helpful", "is helpful", "come in handy", "comes in handy",
        "would help", "a bonus", "an asset", "is an asset", "a strong asset", "would be nice", "nice to haves", "bonus if",
        "is valued", "are valued", "would be valued", "an ideal candidate also has", "ideal candidate also has",
        "a significant advantage", "a distinct advantage", "a big advantage", "a great advantage", "a real advantage", "an edge",
    ];

    /// <summary>
    /// Section headings by kind (an index of <see cref="SkillSections.All"/>): laid out as a heading, each opens that part
    /// of the posting up to the next heading. Preferred headings are the <see cref="PreferredCues"/>.
    /// </summary>
    internal static readonly (string Phrase, int Kind)[] SectionCues =
    [
        .. Kind(SectionKinds.Requirement,
            "requirements", "requirement", "qualifications", "minimum qualifications", "basic qualifications", "required qualifications",
            "required skills", "required experience", "must have", "must haves", "must-have", "must-haves", "what you bring",
            "what you'll bring", "what you will bring", "who you are", "about you", "you have", "what you have", "what you'll need",
            "what you need", "what we're looking for", "what we are looking for", "what we look for", "we're looking for",
            "skills", "skills and experience", "skills and qualifications", "experience", "your profile", "your background",
            "ideal candidate", "the ideal candidate", "education", "you might be a good fit if", "you may be a good fit if",
            "job requirements", "key skills", "technical skills", "tech stack", "stack", "our stack", "technologies",
            "key qualifications", "knowledge skills and abilities", "position requirements", "skills required",
            "competencies", "minimum requirements", "basic requirements", "essential skills", "requirements and qualifications"),
        .. Kind(SectionKinds.Responsibility,
            "responsibilities", "key responsibilities", "your responsibilities", "job responsibilities", "what you'll do",
            "what you will do", "what you'll be doing", "what you will be doing", "about the role", "the role", "role",
            "your role", "the position", "about the position", "the job", "about the job", "job description", "duties",
            "key duties", "duties and responsibilities", "the opportunity", "your mission", "day to day", "a day in the life",
            "position summary", "job summary", "role description", "in this role", "what you'll work on", "what you will work on",
            "position overview", "role overview", "the challenge", "about the team", "the team", "essential functions",
            "essential duties", "responsibilities and duties"),
        .. Kind(SectionKinds.Company,
            "about us", "about the company", "who we are", "company description", "company overview", "our company",
            "the company", "our mission", "our story", "our values", "our culture", "about company", "company profile",
            "our vision", "about the organization", "about the organisation"),
        .. Kind(SectionKinds.Benefits,
            "benefits", "perks", "perks and benefits", "benefits and perks", "what we offer", "we offer", "our offer",
            "compensation", "compensation and benefits", "salary", "salary range", "pay range",
            "total rewards", "why join us", "why join", "why work with us", "why you'll love working here", "our benefits",
            "what you'll get", "what you will get", "what you get", "life at", "why us"),
        .. Kind(SectionKinds.Legal,
            "equal opportunity", "equal employment opportunity", "eeo", "eeo statement", "equal opportunity employer",
            "diversity and inclusion", "diversity equity and inclusion", "accommodations", "privacy notice", "disclaimer",
            "e-verify", "pay transparency", "applicant privacy notice", "recruitment fraud", "beware of fraud",
            "without regard to", "protected veteran", "protected veterans", "protected by law", "protected by federal",
            "reasonable accommodation", "affirmative action", "sexual orientation", "gender identity", "national origin",
            "genetic information", "veteran status", "disability status", "regardless of race"),
        .. Kind(SectionKinds.Application,
            "how to apply", "to apply", "application process", "interview process", "our interview process", "hiring process",
            "next steps", "apply"),
        .. Kind(SectionKinds.Job, "location", "job type", "schedule", "work schedule", "employment type", "work location"),
        .. Kind(SectionKinds.About, "about"),
    ];

    private static IEnumerable<(string, int)> Kind(int kind, params string[] phrases) => phrases.Select(p => (p, kind));

    internal static readonly string[] ContextCues =
    [
        "programming", "language", "languages", "scripting", "coding", "code", "codebase", "framework", "frameworks",
        "library", "libraries", "package", "packages", "toolkit", "stack", "syntax", "fluent", "fluency", "speaking",
        "spoken", "native", "bilingual", "proficiency", "proficient", "golang", "programing", "programmer", "programmers",
        "experience", "expertise", "knowledge", "familiarity", "familiar", "skills", "statistical", "development",
        "year", "years",
    ];

    internal static readonly string[] RoleNouns =
    [
        "engineer", "engineers", "developer", "developers", "architect", "architects", "consultant", "consultants",
        "specialist", "specialists", "administrator", "administrators", "admin", "admins", "analyst", "analysts",
        "scientist", "scientists", "programmer", "programmers", "manager", "managers", "lead", "evangelist", "intern",
        "interns", "tester", "testers", "technician", "researcher", "researchers", "team", "teams", "group", "department",
        "division", "designer", "designers",
    ];

    // The walk reads, per token of the text, its root node and whether it continues a pattern (_tokens), then the
    // node's accepted pattern and child range (_nodes), then its children's tokens and nodes (_children): each an array
    // of small structs, so every step reads one cache line where parallel arrays would cost one each.
    private readonly TokenEntry[] _tokens;
    private readonly NodeEntry[] _nodes;
    private readonly Edge[] _children;

    public SkillPatterns(IReadOnlyList<Skill> skills)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var children = new List<Dictionary<int, int>> { new() };
        var terminals = new List<List<Terminal>> { new() };
        var skipped = new List<string>();

        int WordId(string lower)
        {
            if (!words.TryGetValue(lower, out var id))
            {
                id = words.Count;
                words.Add(lower, id);
            }

            return id;
        }

        int NodeFor(List<string> tokens)
        {
            var node = 0;
            foreach (var token in tokens)
            {
                var id = WordId(TokenVocabulary.ToLower(token));
                if (!children[node].TryGetValue(id, out var next))
                {
                    next = children.Count;
                    children[node].Add(id, next);
                    children.Add([]);
                    terminals.Add([]);
                }

                node = next;
            }

            return node;
        }

        void AddPattern(string form, int target, bool caseSensitive, bool contextual, int[]? notBefore = null)
        {
            var tokens = Tokenize(form);
            if (tokens is null)
            {
                skipped.Add(form);
                return;
            }

            var standalone = caseSensitive && contextual && tokens.Count == 1 && tokens[0].Length <= 2;
            var terminal = new Terminal(target, caseSensitive, contextual, standalone, caseSensitive ? [.. tokens] : null, tokens.Count == 1 ? notBefore : null);
            var list = terminals[NodeFor(tokens)];
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].SameMatchAs(terminal))
                {
                    // Later entries win, so a user file's skill takes over a surface the shipped taxonomy also uses.
                    list[i] = terminal;
                    return;
                }
            }

            list.Add(terminal);
        }

        for (var index = 0; index < skills.Count; index++)
        {
            var skill = skills[index];
            int[]? notBefore = skill.NotBefore.Count == 0 ? null : [.. skill.NotBefore.Select(w => WordId(TokenVocabulary.ToLower(w)))];
            foreach (var form in skill.Aliases.Prepend(skill.Name).Distinct(StringComparer.Ordinal))
            {
                var caseSensitive = skill.CaseSensitive.Contains(form, StringComparer.Ordinal);
                var contextual = skill.Contextual.Contains(form, StringComparer.Ordinal);

                // A marked spelling ("=?classification") governs the other spellings of the same word too: the name
                // "Classification" then matches only as written, so lowercase "classification" still needs context.
                if (!caseSensitive && !contextual && MarkedElsewhere(skill, form))
                {
                    caseSensitive = true;
                }

                AddPattern(form, index, caseSensitive, contextual, notBefore);
            }
        }

        foreach (var cue in PreferredCues)
        {
            AddPattern(cue, PreferredCue, caseSensitive: false, contextual: false);
        }

        foreach (var (cue, kind) in SectionCues)
        {
            AddPattern(cue, SectionCueBase - kind, caseSensitive: false, contextual: false);
        }

        foreach (var word in ContextCues.Concat(RoleNouns).Append("as").Append("a").Append("an"))
        {
            WordId(word);
        }

        var vocabulary = new string[words.Count];
        foreach (var (word, id) in words)
        {
            vocabulary[id] = word;
        }

        Vocabulary = new TokenVocabulary(vocabulary);
        TokenFlags = new byte[words.Count];
        foreach (var cue in ContextCues)
        {
            TokenFlags[words[cue]] |= ContextCueFlag;
        }

        foreach (var noun in RoleNouns)
        {
            TokenFlags[words[noun]] |= RoleFlag;
        }

        TokenFlags[words["as"]] |= AsFlag;
        TokenFlags[words["a"]] |= ArticleFlag;
        TokenFlags[words["an"]] |= ArticleFlag;

        // Flatten the trie: the root indexes children by token id directly, other nodes keep sorted child lists.
        var rootChild = new int[words.Count];
        Array.Fill(rootChild, -1);
        foreach (var (token, node) in children[0])
        {
            rootChild[token] = node;
        }

        var childStart = new int[children.Count + 1];
        var terminalStart = new int[children.Count + 1];
        var edges = new List<Edge>();
        var flatTerminals = new List<Terminal>();
        for (var node = 0; node < children.Count; node++)
        {
            childStart[node] = edges.Count;
            foreach (var (token, child) in children[node].OrderBy(kv => kv.Key))
            {
                edges.Add(new Edge(token, child));
            }

            terminalStart[node] = flatTerminals.Count;
            flatTerminals.AddRange(terminals[node]);
        }

        childStart[children.Count] = edges.Count;
        terminalStart[children.Count] = flatTerminals.Count;
        _children = [.. edges];
        Terminals = [.. flatTerminals];
        _nodes = new NodeEntry[children.Count + 1];
        for (var node = 0; node <= children.Count; node++)
        {
            var accepted = node < children.Count ? Unconditional(terminalStart[node], terminalStart[node + 1]) : NoPattern;
            _nodes[node] = new NodeEntry(accepted, childStart[node], terminalStart[node]);
        }

        // Most words of a text never continue a pattern ("the", "with"): Child answers for them without a search.
        var followsAnother = new bool[words.Count];
        for (var node = 1; node < children.Count; node++)
        {
            foreach (var token in children[node].Keys)
            {
                followsAnother[token] = true;
            }
        }

        _tokens = new TokenEntry[words.Count];
        for (var token = 0; token < words.Count; token++)
        {
            _tokens[token] = new TokenEntry(rootChild[token], followsAnother[token]);
        }

        SkippedForms = skipped;
        NodeCount = children.Count;
    }

    public TokenVocabulary Vocabulary { get; }

    /// <summary>Per token id: <see cref="ContextCueFlag"/>.</summary>
    public byte[] TokenFlags { get; }

    public Terminal[] Terminals { get; }

    /// <summary>Surface forms that cannot be matched because punctuation splits them (e.g. "extract, transform, load").</summary>
    public IReadOnlyList<string> SkippedForms { get; }

    public int NodeCount { get; }

    /// <summary>The node reached from the root by <paramref name="token"/>, or -1.</summary>
    public int Root(int token) => _tokens[token].Root;

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="token"/>, or -1.</summary>
    public int Child(int node, int token)
    {
        if (!_tokens[token].FollowsAnother)
        {
            return -1;
        }

        var from = _nodes[node].ChildStart;
        var to = _nodes[node + 1].ChildStart;
        var children = _children;
        if (to - from > 8)
        {
            // Binary search over the sorted child tokens.
            var low = from;
            var high = to - 1;
            while (low <= high)
            {
                var middle = (int)((uint)(low + high) >> 1);
                var t = children[middle].Token;
                if (t == token)
                {
                    return children[middle].Node;
                }

                if (t < token)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return -1;
        }

        for (var i = from; i < to; i++)
        {
            var t = children[i].Token;
            if (t == token)
            {
                return children[i].Node;
            }

            if (t > token)
            {
                break;
            }
        }

        return -1;
    }

    /// <summary>
    /// The pattern a match ending at <paramref name="node"/> takes whatever the text (<see cref="NoPattern"/> when none
    /// ends there), or <see cref="Conditional"/> when one of them depends on the text (case-sensitive or standalone).
    /// </summary>
    public int Accepted(int node) => _nodes[node].Accepted;

    public const int NoPattern = -1;
    public const int Conditional = -2;

    /// <summary>The best of <see cref="Terminals"/>[from, to) when none depends on the text (the extractor's ranking), else <see cref="Conditional"/>.</summary>
    private int Unconditional(int from, int to)
    {
        var best = NoPattern;
        var bestRank = 0;
        for (var i = from; i < to; i++)
        {
            var terminal = Terminals[i];
            if (terminal.CaseSensitive || terminal.Standalone)
            {
                return Conditional;
            }

            var rank = Rank(terminal);
            if (rank > bestRank)
            {
                best = i;
                bestRank = rank;
            }
        }

        return best;
    }

    /// <summary>A plain skill pattern beats an ambiguous one, which beats a strength or section cue.</summary>
    public static int Rank(in Terminal terminal) => terminal.Target < 0 ? 1 : terminal.Contextual ? 2 : 3;

    /// <summary>Whether any pattern ends at <paramref name="node"/>.</summary>
    public bool HasTerminals(int node) => _nodes[node].TerminalStart != _nodes[node + 1].TerminalStart;

    /// <summary>Range of <see cref="Terminals"/> ending at <paramref name="node"/>.</summary>
    public (int Start, int End) TerminalsOf(int node) => (_nodes[node].TerminalStart, _nodes[node + 1].TerminalStart);

    /// <summary>Per token id: the node it reaches from the root (-1: none) and whether it continues any pattern.</summary>
    private readonly record struct TokenEntry(int Root, bool FollowsAnother);

    /// <summary>Per node (and one past the last, for the ranges' ends): its <see cref="Accepted"/> pattern and where its children and terminals start.</summary>
    private readonly record struct NodeEntry(int Accepted, int ChildStart, int TerminalStart);

    /// <summary>A child of a node: the token that leads there and the node it leads to.</summary>
    private readonly record struct Edge(int Token, int Node);

    private static bool MarkedElsewhere(Skill skill, string form)
    {
        foreach (var marked in skill.CaseSensitive.Concat(skill.Contextual))
        {
            if (!string.Equals(marked, form, StringComparison.Ordinal) && string.Equals(marked, form, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tokens of a surface form, or null when punctuation splits it so it could never match.</summary>
    internal static List<string>? Tokenize(string form)
    {
        var tokens = new List<string>();
        var scanner = new TokenScanner(form);
        while (scanner.Next(out var start, out var end, out var gap))
        {
            if (gap && tokens.Count > 0)
            {
                return null;
            }

            tokens.Add(form[start..end]);
        }

        return tokens.Count > 0 ? tokens : null;
    }
}

/// <summary>A pattern ending at a trie node: which skill (or cue) it means and how it must match.</summary>
/// <param name="Target">Skill index, or <see cref="SkillPatterns.PreferredCue"/>, or a section cue (<see cref="SkillPatterns.SectionCueBase"/> minus its kind).</param>
/// <param name="CaseSensitive">The text must spell the tokens exactly as <paramref name="Exact"/>.</param>
/// <param name="Contextual">Counts only near another hard skill or a context cue word.</param>
/// <param name="Standalone">A one- or two-letter name that must not be glued into a compound ("C-suite", "R&amp;D").</param>
/// <param name="Exact">The tokens as written in the taxonomy, for case-sensitive patterns.</param>
/// <param name="NotBefore">Token ids that veto a one-word match when they follow it ("excel at").</param>
internal readonly record struct Terminal(int Target, bool CaseSensitive, bool Contextual, bool Standalone, string[]? Exact, int[]? NotBefore)
{
    public bool SameMatchAs(Terminal other) =>
        CaseSensitive == other.CaseSensitive && Contextual == other.Contextual
        && (!CaseSensitive || Exact!.AsSpan().SequenceEqual(other.Exact));
}
