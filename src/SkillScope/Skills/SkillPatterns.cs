namespace SkillScope.Skills;

/// <summary>
/// The compiled form of a taxonomy: a token vocabulary and a trie over token ids whose nodes carry the
/// skill (or strength cue) patterns ending there. Immutable once built, so one instance serves every thread.
/// </summary>
internal sealed class SkillPatterns
{
    public const int PreferredCue = -1;
    public const int SectionCue = -2;

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
        "nice to have skills", "additional preferred qualifications",
    ];

    /// <summary>Headings that end a preferred section (when they are laid out as headings).</summary>
    internal static readonly string[] SectionCues =
    [
        "minimum qualifications", "basic qualifications", "required qualifications", "requirements", "required skills",
        "required experience", "must have", "must haves", "must-have", "responsibilities", "key responsibilities",
        "what you'll do", "what you will do", "about us", "about the company", "about the role", "about the team",
        "benefits", "perks", "what we offer", "job type", "compensation", "salary", "qualifications", "education",
        "who you are", "what you bring", "your profile", "job description", "duties", "skills and experience",
        "location", "equal opportunity", "company description",
    ];

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
        "division",
    ];

    private readonly int[] _rootChild;
    private readonly int[] _childStart;
    private readonly int[] _childToken;
    private readonly int[] _childNode;
    private readonly int[] _terminalStart;

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
                AddPattern(form, index, skill.CaseSensitive.Contains(form, StringComparer.Ordinal), skill.Contextual.Contains(form, StringComparer.Ordinal), notBefore);
            }
        }

        foreach (var cue in PreferredCues)
        {
            AddPattern(cue, PreferredCue, caseSensitive: false, contextual: false);
        }

        foreach (var cue in SectionCues)
        {
            AddPattern(cue, SectionCue, caseSensitive: false, contextual: false);
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
        _rootChild = new int[words.Count];
        Array.Fill(_rootChild, -1);
        foreach (var (token, node) in children[0])
        {
            _rootChild[token] = node;
        }

        _childStart = new int[children.Count + 1];
        _terminalStart = new int[children.Count + 1];
        var childTokens = new List<int>();
        var childNodes = new List<int>();
        var flatTerminals = new List<Terminal>();
        for (var node = 0; node < children.Count; node++)
        {
            _childStart[node] = childTokens.Count;
            foreach (var (token, child) in children[node].OrderBy(kv => kv.Key))
            {
                childTokens.Add(token);
                childNodes.Add(child);
            }

            _terminalStart[node] = flatTerminals.Count;
            flatTerminals.AddRange(terminals[node]);
        }

        _childStart[children.Count] = childTokens.Count;
        _terminalStart[children.Count] = flatTerminals.Count;
        _childToken = [.. childTokens];
        _childNode = [.. childNodes];
        Terminals = [.. flatTerminals];
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
    public int Root(int token) => _rootChild[token];

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="token"/>, or -1.</summary>
    public int Child(int node, int token)
    {
        for (int i = _childStart[node], end = _childStart[node + 1]; i < end; i++)
        {
            var t = _childToken[i];
            if (t == token)
            {
                return _childNode[i];
            }

            if (t > token)
            {
                break;
            }
        }

        return -1;
    }

    /// <summary>Range of <see cref="Terminals"/> ending at <paramref name="node"/>.</summary>
    public (int Start, int End) TerminalsOf(int node) => (_terminalStart[node], _terminalStart[node + 1]);

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
/// <param name="Target">Skill index, or <see cref="SkillPatterns.PreferredCue"/> / <see cref="SkillPatterns.SectionCue"/>.</param>
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
