using System.Buffers;
using System.Runtime.CompilerServices;

namespace SkillScope.Skills;

/// <summary>
/// Finds the taxonomy's skills in free text in one pass: tokens are looked up in the pattern vocabulary and walked
/// through a token trie, keeping the leftmost-longest match. Immutable after construction and safe to share
/// between threads.
/// </summary>
public sealed class SkillExtractor
{
    /// <summary>The longest run of punctuation and linking words still read as a list separator.</summary>
    private const int MaxListGap = 24;

    /// <summary>How many token positions around an ambiguous name a context cue ("programming") may be.</summary>
    internal const int CueWindow = 4;

    private static readonly string[] s_listWords =
    [
        "and", "or", "as", "well", "such", "like", "e", "g", "eg", "i", "ie", "etc", "including", "plus", "also", "either",
        "nor", "both", "with", "vs", "preferred", "preferable", "preferably", "ideally", "especially", "mostly", "primarily",
        "tools", "services", "technologies", "platforms", "databases", "frameworks", "languages", "libraries", "packages",
    ];

    private static readonly Lazy<SkillExtractor> s_default = new(() => new SkillExtractor(SkillTaxonomy.Default));

    [ThreadStatic]
    private static List<Candidate>? t_candidates;

    [ThreadStatic]
    private static List<CueHit>? t_cues;

    private readonly SkillPatterns _patterns;
    private readonly string[] _ids;
    private readonly bool[] _confirms;
    private readonly bool[] _traits;
    private readonly string?[] _surfaces;

    public SkillExtractor(SkillTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        Taxonomy = taxonomy;
        _patterns = new SkillPatterns(taxonomy.Skills);
        _ids = [.. taxonomy.Skills.Select(s => s.Id)];
        _confirms = [.. taxonomy.Skills.Select(s => s.Type is SkillTypes.Hard or SkillTypes.Certification)];
        _traits = [.. taxonomy.Skills.Select(s => SkillExclusions.PersonalTraits.Contains(s.Id))];
        _surfaces = new string?[_patterns.Terminals.Length];
    }

    /// <summary>An extractor over <see cref="SkillTaxonomy.Default"/>.</summary>
    public static SkillExtractor Default => s_default.Value;

    public SkillTaxonomy Taxonomy { get; }

    internal SkillPatterns Patterns => _patterns;

    /// <summary>Every skill mention in <paramref name="text"/>, in text order.</summary>
    public IReadOnlyList<SkillMention> Extract(string text) => Extract(text, employer: null);

    /// <summary>
    /// Every skill mention in <paramref name="text"/>, in text order, each with its section; mentions inside the
    /// <paramref name="employer"/>'s own name ("Databricks" in a Databricks posting) are marked so they never count.
    /// </summary>
    public IReadOnlyList<SkillMention> Extract(string text, string? employer)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var tokens = ArrayPool<Token>.Shared.Rent(Math.Min(text.Length / 4 + 16, 1024));
        try
        {
            var count = Tokenize(text, ref tokens);
            return count == 0 ? [] : Match(text, tokens, count, employer);
        }
        finally
        {
            ArrayPool<Token>.Shared.Return(tokens);
        }
    }

    /// <summary>
    /// The distinct skills a text asks for (a posting counts a skill once), in order of first mention: only mentions
    /// that <see cref="SkillMention.Counts"/> (the job's own parts); the strength is required when any such mention is.
    /// </summary>
    public static IReadOnlyList<(string SkillId, string Strength)> Distinct(IReadOnlyList<SkillMention> mentions) => Distinct(mentions, includeContext: false);

    /// <summary>
    /// Like <see cref="Distinct(IReadOnlyList{SkillMention})"/>; with <paramref name="includeContext"/> also the context
    /// mentions (company description, benefits, legal text, personality traits), never the employer's name or hashtags.
    /// </summary>
    public static IReadOnlyList<(string SkillId, string Strength)> Distinct(IReadOnlyList<SkillMention> mentions, bool includeContext)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var result = new List<(string SkillId, string Strength)>(mentions.Count);

        // A posting names a few dozen skills: a linear search beats building a dictionary; long texts get one.
        var index = mentions.Count > 64 ? new Dictionary<string, int>(mentions.Count, StringComparer.Ordinal) : null;
        foreach (var mention in mentions)
        {
            if (!(mention.Counts || (includeContext && mention.Exclusion is null or SkillExclusions.PersonalTrait)))
            {
                continue;
            }

            var at = index is null ? IndexOf(result, mention.SkillId) : index.GetValueOrDefault(mention.SkillId, -1);
            if (at < 0)
            {
                index?.Add(mention.SkillId, result.Count);
                result.Add((mention.SkillId, mention.Strength));
            }
            else if (mention.Strength == SkillStrengths.Required)
            {
                result[at] = (mention.SkillId, SkillStrengths.Required);
            }
        }

        return result;
    }

    private static int IndexOf(List<(string SkillId, string Strength)> skills, string skillId)
    {
        for (var i = 0; i < skills.Count; i++)
        {
            if (string.Equals(skills[i].SkillId, skillId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Known tokens only (the others just advance the position counter), with their positions.</summary>
    /// <remarks>
    /// The tokens are <see cref="TokenScanner"/>'s. Most of a text is words of ASCII letters and digits between spaces
    /// and punctuation: that case is scanned here, in registers, and the word looked up from the vector its end was found
    /// with (<see cref="TokenScanner.AsciiWordAt"/>); everything else (non-ASCII text, ".NET", "R&amp;D", "C++", the
    /// text's last characters) resumes the scanner's general loop at the same place. Not inlined into
    /// <see cref="Extract(string, string)"/> (or further into a caller's loop): compiled on its own, the JIT has the
    /// inlining budget for the per-token helpers (<see cref="TokenScanner.AsciiWordAt"/>, the lookup, <see cref="Add"/>),
    /// which otherwise stay calls that pass the 8 characters on the stack.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Tokenize(string text, ref Token[] buffer)
    {
        const byte NotAscii = byte.MaxValue;
        var vocabulary = _patterns.Vocabulary;
        var scanner = new TokenScanner(text);
        var count = 0;
        var position = 0;
        var i = 0;
        var gap = false;
        while (i < text.Length)
        {
            var c = text[i];
            int start, end, id;
            bool gapBefore;
            var kind = c < 128 ? TokenScanner.AsciiKind(c) : NotAscii;
            if (kind == TokenScanner.Separator)
            {
                i++;
                continue;
            }

            if (kind == TokenScanner.Other && c is not ('.' or '&'))
            {
                gap = true;
                i++;
                continue;
            }

            if (kind == TokenScanner.Word && TokenScanner.AsciiWordAt(text, i, out end, out var chars))
            {
                start = i;
                gapBefore = gap;
                id = end - start <= 8 ? vocabulary.LookupAsciiWord(chars, end - start) : vocabulary.LookupLongAsciiWord(text, start, end - start);
            }
            else if (NextToken(ref scanner, text, i, gap, out var nextStart, out var nextEnd, out var nextGap, out var nextId))
            {
                // (Copied, not passed on: locals whose address a call takes live in memory for the whole loop.)
                (start, end, gapBefore, id) = (nextStart, nextEnd, nextGap, nextId);
            }
            else
            {
                break;
            }

            i = end;
            gap = false;
            if (gapBefore)
            {
                position++;
            }

            var span = text.AsSpan(start, end - start);
            if (id < 0 && span[0] == '.')
            {
                start++;
                span = span[1..];
                id = vocabulary.Lookup(span);
            }

            if (id >= 0)
            {
                Add(ref buffer, ref count, new Token(start, end, id, position++));
            }
            else if (span.Length >= 4 && TokenVocabulary.InnerUpper(span) && HasCaseBreak(span))
            {
                position = AddCamelParts(text, start, end, ref buffer, ref count, position);
            }
            else
            {
                position++;
            }
        }

        return count;
    }

    /// <summary>
    /// The general case of <see cref="Tokenize"/>: the scanner's next token from <paramref name="i"/> and its id. Kept
    /// out of the loop so the common case's code stays small enough to keep its state in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool NextToken(ref TokenScanner scanner, string text, int i, bool gap, out int start, out int end, out bool gapBefore, out int id)
    {
        scanner.Resume(i, gap);
        if (!scanner.Next(out start, out end, out gapBefore))
        {
            id = -1;
            return false;
        }

        id = _patterns.Vocabulary.LookupAt(text, start, end - start);
        return true;
    }

    /// <summary>
    /// Text scraped from HTML often loses the space between list items ("Experience with SSRSMarketing background"):
    /// an unknown token with a case change inside is looked up again piece by piece.
    /// </summary>
    private int AddCamelParts(string text, int start, int end, ref Token[] buffer, ref int count, int position)
    {
        var pieceStart = start;
        var previousPiece = 0;
        for (var i = start + 1; i <= end; i++)
        {
            if (i < end && !IsCaseBreak(text, i))
            {
                continue;
            }

            // A later piece counts only after a word of its own ("backgroundSQL"), not a brand's first syllable ("RepVue").
            if (i - pieceStart >= 2 && (pieceStart == start || previousPiece >= 4))
            {
                var id = _patterns.Vocabulary.Lookup(text.AsSpan(pieceStart, i - pieceStart));
                if (id >= 0)
                {
                    Add(ref buffer, ref count, new Token(pieceStart, i, id, position));
                }
            }

            position++;
            previousPiece = i - pieceStart;
            pieceStart = i;
        }

        return position;
    }

    private static bool HasCaseBreak(ReadOnlySpan<char> span)
    {
        for (var i = 1; i < span.Length; i++)
        {
            if (char.IsUpper(span[i]) && (char.IsLower(span[i - 1]) || char.IsDigit(span[i - 1])
                || (char.IsUpper(span[i - 1]) && i + 1 < span.Length && char.IsLower(span[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCaseBreak(string text, int i) =>
        char.IsUpper(text[i]) && (char.IsLower(text[i - 1]) || char.IsDigit(text[i - 1])
            || (char.IsUpper(text[i - 1]) && i + 1 < text.Length && char.IsLower(text[i + 1])));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ref Token[] buffer, ref int count, Token token)
    {
        if ((uint)count >= (uint)buffer.Length)
        {
            Grow(ref buffer, count);
        }

        buffer[count++] = token;
    }

    /// <summary>The rare case of <see cref="Add"/>, out of line so the per-token path stays small enough to inline.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Grow(ref Token[] buffer, int count)
    {
        var larger = ArrayPool<Token>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, count).CopyTo(larger);
        ArrayPool<Token>.Shared.Return(buffer);
        buffer = larger;
    }

    private IReadOnlyList<SkillMention> Match(string text, Token[] tokens, int count, string? employer)
    {
        // Scratch lists reused by the thread's next text (Extract is not reentrant and keeps neither).
        var candidates = t_candidates ??= new List<Candidate>(64);
        var cues = t_cues ??= new List<CueHit>(32);
        candidates.Clear();
        cues.Clear();
        var patterns = _patterns;
        for (var t = 0; t < count; t++)
        {
            var node = patterns.Root(tokens[t].Id);
            if (node < 0)
            {
                continue;
            }

            var best = -1;
            var bestLast = -1;
            var k = t;
            while (true)
            {
                var accepted = patterns.Accepted(node);
                if (accepted == SkillPatterns.Conditional)
                {
                    accepted = Accept(node, text, tokens, t, k);
                }

                if (accepted >= 0)
                {
                    best = accepted;
                    bestLast = k;
                }

                if (k + 1 >= count || tokens[k + 1].Position != tokens[k].Position + 1)
                {
                    break;
                }

                node = patterns.Child(node, tokens[k + 1].Id);
                if (node < 0)
                {
                    break;
                }

                k++;
            }

            if (best < 0)
            {
                continue;
            }

            var target = patterns.Terminals[best].Target;
            if (target >= 0)
            {
                candidates.Add(new Candidate(t, bestLast, best));
            }
            else
            {
                var kind = target == SkillPatterns.PreferredCue ? SectionKinds.Preferred : SkillPatterns.SectionCueBase - target;
                cues.Add(new CueHit(tokens[t].Start, tokens[bestLast].End, kind, bestLast > t));
            }

            t = bestLast;
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var layout = StrengthDetector.Analyze(text, cues, employer);
        var employerSpans = EmployerSpans(text, employer);
        var mentions = new List<SkillMention>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var terminal = patterns.Terminals[candidate.Terminal];
            if ((terminal.Contextual && !HasContext(text, candidates, i, tokens, count))
                || (terminal.NotBefore is not null && FollowedBy(terminal.NotBefore, candidate, tokens, count))
                || (NamesARole(text, candidate, tokens, count) && !InTitleLine(text, tokens[candidate.First].Start))
                || (IsRoleForm(text, candidate, tokens, terminal.Target) && !InTitleLine(text, tokens[candidate.First].Start))
                || FieldOfStudy(text, tokens[candidate.First].Start, tokens[candidate.Last].End))
            {
                continue;
            }

            var start = tokens[candidate.First].Start;
            var end = tokens[candidate.Last].End;
            var kind = layout.KindAt(start);
            var strength = kind == SectionKinds.Preferred || layout.HedgedAt(start) ? SkillStrengths.Preferred : SkillStrengths.Required;
            mentions.Add(new SkillMention(_ids[terminal.Target], start, end, Surface(text, start, end, candidate.Terminal), strength)
            {
                Section = SectionKinds.Name(kind),
                Exclusion = InHashtag(text, start) ? SkillExclusions.Hashtag
                    : employerSpans is not null && Covered(employerSpans, start, end) ? SkillExclusions.EmployerName
                    : _traits[terminal.Target] ? SkillExclusions.PersonalTrait : null,
            });
        }

        return mentions;
    }

    /// <summary>
    /// The text of a mention. Most mentions of a pattern are spelled the same way ("Python", "SQL"), so the last
    /// spelling seen is kept per pattern and shared instead of allocating a copy per mention (strings are immutable;
    /// threads racing on a slot only cost an allocation).
    /// </summary>
    private string Surface(string text, int start, int end, int terminal)
    {
        var span = text.AsSpan(start, end - start);
        var cached = _surfaces[terminal];
        if (cached is not null && span.SequenceEqual(cached))
        {
            return cached;
        }

        var surface = span.ToString();
        _surfaces[terminal] = surface;
        return surface;
    }

    /// <summary>The best pattern ending at <paramref name="node"/> that the text satisfies, or -1.</summary>
    private int Accept(int node, string text, Token[] tokens, int first, int last)
    {
        var (from, to) = _patterns.TerminalsOf(node);
        var best = -1;
        var bestRank = 0;
        for (var i = from; i < to; i++)
        {
            ref readonly var terminal = ref _patterns.Terminals[i];
            if (terminal.CaseSensitive && !SpelledExactly(text, tokens, first, terminal.Exact!))
            {
                continue;
            }

            if (terminal.Standalone && !StandsAlone(text, tokens[first].Start, tokens[last].End))
            {
                continue;
            }

            var rank = SkillPatterns.Rank(terminal);
            if (rank > bestRank)
            {
                best = i;
                bestRank = rank;
            }
        }

        return best;
    }

    private static bool SpelledExactly(string text, Token[] tokens, int first, string[] exact)
    {
        for (var i = 0; i < exact.Length; i++)
        {
            var token = tokens[first + i];
            if (!text.AsSpan(token.Start, token.End - token.Start).SequenceEqual(exact[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A one- or two-letter name such as "C", "R" or "Go" must not be part of a compound or an abbreviation:
    /// "C-suite", "R-squared", "go-to", "R&amp;D" / "P &amp; L", "R.J.", "Microsoft(R)", or a list marker "C)".
    /// </summary>
    internal static bool StandsAlone(string text, int start, int end)
    {
        var before = start > 0 ? text[start - 1] : ' ';
        var after = end < text.Length ? text[end] : ' ';
        if (char.IsLetterOrDigit(before) || char.IsLetterOrDigit(after))
        {
            return false; // a piece of a glued word ("GoFundMe")
        }

        if (before is '-' or '\u2013' or '.' or '_' || after is '-' or '\u2013' or '_')
        {
            return false;
        }

        // "R.J." or "R.lang" is not R; "Python or R.Strong communication" (lost line break) is.
        if (after == '.' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1])
            && !(char.IsUpper(text[end + 1]) && end + 2 < text.Length && char.IsLower(text[end + 2])))
        {
            return false;
        }

        if (before == '(' && after == ')' && start >= 2 && char.IsLetterOrDigit(text[start - 2]))
        {
            return false;
        }

        if (after == ')' && before != '(' && AtLineStart(text, start))
        {
            return false;
        }

        return !NextToAmpersandInitial(text, start, end);
    }

    private static bool AtLineStart(string text, int start)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"R &amp; D", "P &amp; L", "Q &amp; A": an initial joined by an ampersand to another initial.</summary>
    private static bool NextToAmpersandInitial(string text, int start, int end)
    {
        var j = end;
        while (j < text.Length && text[j] == ' ')
        {
            j++;
        }

        if (j < text.Length && text[j] == '&')
        {
            j++;
            while (j < text.Length && text[j] == ' ')
            {
                j++;
            }

            if (j < text.Length && char.IsUpper(text[j]) && (j + 1 >= text.Length || !char.IsLetterOrDigit(text[j + 1])))
            {
                return true;
            }
        }

        var i = start - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        if (i >= 0 && text[i] == '&')
        {
            i--;
            while (i >= 0 && text[i] == ' ')
            {
                i--;
            }

            return i >= 0 && char.IsUpper(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1]));
        }

        return false;
    }

    private static bool FollowedBy(int[] words, Candidate candidate, Token[] tokens, int count)
    {
        var next = candidate.Last + 1;
        return next < count && tokens[next].Position == tokens[candidate.Last].Position + 1 && words.AsSpan().Contains(tokens[next].Id);
    }

    /// <summary>
    /// "Java Developer", "Site Reliability Engineer", "our QA team", "As an SRE you will": the skill names a role or a
    /// team, not something asked of the candidate (annotated corpora such as SkillSpan do not tag these either).
    /// </summary>
    private bool NamesARole(string text, Candidate candidate, Token[] tokens, int count)
    {
        var flags = _patterns.TokenFlags;
        var last = tokens[candidate.Last].Position;
        for (var t = candidate.Last + 1; t < count && tokens[t].Position <= last + 2; t++)
        {
            if ((flags[tokens[t].Id] & SkillPatterns.RoleFlag) != 0)
            {
                // A soft skill before people ("mentoring junior engineers", "coach and mentor developers") is done to
                // them, not a role's name; before a group ("leadership team") it still names the group.
                if (IsSoft(candidate) && !IsGroupNoun(text.AsSpan(tokens[t].Start, tokens[t].End - tokens[t].Start)))
                {
                    return false;
                }

                return OnlyWordsBetween(text, tokens[candidate.Last].End, tokens[t].Start);
            }
        }

        var first = candidate.First;
        return first >= 2
            && (flags[tokens[first - 1].Id] & SkillPatterns.ArticleFlag) != 0 && tokens[first - 1].Position == tokens[first].Position - 1
            && (flags[tokens[first - 2].Id] & SkillPatterns.AsFlag) != 0 && tokens[first - 2].Position == tokens[first].Position - 2;
    }

    /// <summary>
    /// A surface form that is a role name ("Backend Engineer", "Full-Stack Developer"): it names the skill only as the
    /// posting's title, not in a sentence ("our backend engineers", "As a frontend developer ..."). A form that ends in
    /// a word for a group ("cross-functional teams") names a way of working, not a role, and counts anywhere.
    /// </summary>
    private bool IsRoleForm(string text, Candidate candidate, Token[] tokens, int target) =>
        candidate.Last > candidate.First
        && (_patterns.TokenFlags[tokens[candidate.Last].Id] & SkillPatterns.RoleFlag) != 0
        && !IsGroupNoun(text.AsSpan(tokens[candidate.Last].Start, tokens[candidate.Last].End - tokens[candidate.Last].Start))
        && Taxonomy.Skills[target].Type is not (SkillTypes.Certification or SkillTypes.Soft);

    /// <summary>Whether the candidate's skill is a soft skill ("mentor engineers" names mentoring, never a role).</summary>
    private bool IsSoft(Candidate candidate) =>
        Taxonomy.Skills[_patterns.Terminals[candidate.Terminal].Target].Type == SkillTypes.Soft;

    private static bool IsGroupNoun(ReadOnlySpan<char> word) =>
        word.Equals("team", StringComparison.OrdinalIgnoreCase) || word.Equals("teams", StringComparison.OrdinalIgnoreCase)
        || word.Equals("group", StringComparison.OrdinalIgnoreCase) || word.Equals("department", StringComparison.OrdinalIgnoreCase)
        || word.Equals("division", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="position"/> is on the first line of a text of several lines (a posting's title or header line).</summary>
    private static bool InTitleLine(string text, int position)
    {
        var firstBreak = text.IndexOf('\n');
        return firstBreak > position && firstBreak < text.Length - 1;
    }

    private static bool OnlyWordsBetween(string text, int start, int end)
    {
        foreach (var c in text.AsSpan(start, end - start))
        {
            if (!(char.IsLetterOrDigit(c) || c is ' ' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An ambiguous name ("R", "Go", "Julia", lowercase "spark") counts when it stands in a list with a plain hard skill
    /// ("Python, R and SQL", "C++, Java, and/or Go", "Clojure/Rust/Python") or next to a technical cue word
    /// ("R programming", "fluent German"). Being merely near a skill is not enough: "love and excel at analyzing data".
    /// </summary>
    private bool HasContext(string text, List<Candidate> candidates, int index, Token[] tokens, int count)
    {
        for (var direction = -1; direction <= 1; direction += 2)
        {
            var here = candidates[index];
            for (var j = index + direction; j >= 0 && j < candidates.Count; j += direction)
            {
                var other = candidates[j];
                var gapStart = direction < 0 ? tokens[other.Last].End : tokens[here.Last].End;
                var gapEnd = direction < 0 ? tokens[here.First].Start : tokens[other.First].Start;
                if (!IsListGap(text.AsSpan(gapStart, gapEnd - gapStart)))
                {
                    break;
                }

                var terminal = _patterns.Terminals[other.Terminal];
                if (!terminal.Contextual)
                {
                    if (_confirms[terminal.Target])
                    {
                        return true;
                    }

                    break;
                }

                here = other; // "R, Julia and Python": walk on through other ambiguous names
            }
        }

        var candidate = candidates[index];
        if (HeadsListItem(text, tokens[candidate.First].Start, tokens[candidate.Last].End))
        {
            return true;
        }

        var first = tokens[candidate.First].Position;
        var last = tokens[candidate.Last].Position;
        var flags = _patterns.TokenFlags;
        for (var t = candidate.First - 1; t >= 0 && first - tokens[t].Position <= CueWindow; t--)
        {
            if ((flags[tokens[t].Id] & SkillPatterns.ContextCueFlag) != 0)
            {
                return SameSentence(text.AsSpan(tokens[t].End, tokens[candidate.First].Start - tokens[t].End));
            }
        }

        for (var t = candidate.Last + 1; t < count && tokens[t].Position - last <= CueWindow; t++)
        {
            if ((flags[tokens[t].Id] & SkillPatterns.ContextCueFlag) != 0)
            {
                return SameSentence(text.AsSpan(tokens[candidate.Last].End, tokens[t].Start - tokens[candidate.Last].End));
            }
        }

        return false;
    }

    /// <summary>
    /// "- Documentation (README, comments, ADRs)", "- Go (Golang)": the name opens its own list item or line and a bracket
    /// follows, so it is the item's topic, not a word of a sentence. A colon is not enough: "Frontend: React" names a part
    /// of a stack, not a skill asked.
    /// </summary>
    private static bool HeadsListItem(string text, int start, int end)
    {
        var i = start - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '*' or '-' or '#' or '_' or '\u2022' or '\u00B7')
        {
            i--;
        }

        if (i >= 0 && text[i] != '\n')
        {
            return false;
        }

        var j = end;
        while (j < text.Length && text[j] is ' ' or '*' or '_')
        {
            j++;
        }

        return j < text.Length && text[j] == '(';
    }

    private static readonly string[] s_degreeWords =
    [
        "degree", "degrees", "bachelor", "bachelor's", "bachelors", "master", "master's", "masters", "bs", "ba", "ms", "msc", "bsc",
        "phd", "ph.d", "ph.d.", "b.s.", "m.s.", "b.s", "m.s", "mba", "diploma", "major", "majors", "graduate", "undergraduate", "doctorate", "mphil", "meng", "beng",
    ];

    /// <summary>
    /// "Bachelor's degree in Computer Science, Mathematics or a related field", "a Computer Science degree": a field of
    /// study a degree is asked in, not a skill asked for (the labelling rules leave degrees out).
    /// </summary>
    private static bool FieldOfStudy(string text, int start, int end)
    {
        // The degree before: "<degree word> ... in|of <fields>, <this>".
        var from = Math.Max(0, start - 90);
        var before = text.AsSpan(from, start - from);
        var inAt = Math.Max(before.LastIndexOf(" in "), before.LastIndexOf(" of "));
        if (inAt >= 0)
        {
            // The degree word first: it is rarely there, and NotAField's eight searches are the dearest test.
            var fields = before[(inAt + 4)..];
            if (fields.IndexOfAny(s_fieldBreaks) < 0 && HasDegreeWord(before[..inAt], 28) && !NotAField(fields))
            {
                return true;
            }
        }

        // A degree abbreviation right before: "BS CS or equivalent", "MS Statistics", "BS/MS Computer Science".
        if (DegreeAbbreviationBefore(before))
        {
            return true;
        }

        // The degree after: "<this> degree", "<this> or related field" (each phrase starts with a "d" or an "o").
        var after = text.AsSpan(end, Math.Min(text.Length - end, 40)).TrimStart();
        if (after.IsEmpty || (after[0] | 0x20) is not ('d' or 'o'))
        {
            return false;
        }

        return after.StartsWith("degree", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("or related field", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("or a related field", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("or related discipline", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("or a related discipline", StringComparison.OrdinalIgnoreCase)
            || (after.StartsWith("or ", StringComparison.OrdinalIgnoreCase) && AsciiCase.Contains(after, " related field"));
    }

    private static readonly SearchValues<char> s_fieldBreaks = SearchValues.Create("\n.;:()!?");

    private static readonly string[] s_degreeAbbreviations =
        ["BS", "BSc", "B.S.", "MS", "MSc", "M.S.", "PhD", "Ph.D.", "BA", "MA", "BEng", "MEng", "BS/MS", "MS/PhD", "BSc/MSc", "BS/MS/PhD"];

    private static readonly int s_longestAbbreviation = s_degreeAbbreviations.Max(a => a.Length);

    private static readonly SearchValues<char> s_abbreviationStarts = SearchValues.Create([.. s_degreeAbbreviations.Select(a => a[0]).Distinct()]);

    private static bool DegreeAbbreviationBefore(ReadOnlySpan<char> before)
    {
        if (before.IsEmpty || !char.IsWhiteSpace(before[^1]))
        {
            return false; // the mention is glued to the word before
        }

        var trimmed = before.TrimEnd();
        var space = trimmed.LastIndexOfAny(" \n\t(");
        var word = trimmed[(space + 1)..];

        // Most words before a mention cannot be one: too long, or they start unlike every abbreviation (B, M or P).
        if (word.IsEmpty || word.Length > s_longestAbbreviation || !s_abbreviationStarts.Contains(word[0]))
        {
            return false;
        }

        foreach (var abbreviation in s_degreeAbbreviations)
        {
            if (word.Equals(abbreviation, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] s_notFieldWords = ["experience", "with", "years", "knowledge", "using", "skills", "proficiency", "working"];

    private static bool NotAField(ReadOnlySpan<char> fields)
    {
        foreach (var word in s_notFieldWords)
        {
            if (AsciiCase.Contains(fields, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><see cref="s_degreeWords"/> without a trailing dot, as the words of the text are compared.</summary>
    private static readonly string[] s_degreeWordsTrimmed = [.. s_degreeWords.Select(w => w.TrimEnd('.'))];

    private static readonly int s_longestDegreeWord = s_degreeWordsTrimmed.Max(w => w.Length);

    /// <summary>The first letters of <see cref="s_degreeWordsTrimmed"/> in both cases (all ASCII: see <see cref="AsciiCase"/>).</summary>
    private static readonly SearchValues<char> s_degreeWordStarts =
        SearchValues.Create([.. s_degreeWordsTrimmed.SelectMany(w => new[] { char.ToLowerInvariant(w[0]), char.ToUpperInvariant(w[0]) }).Distinct()]);

    private static readonly SearchValues<char> s_degreeWordBreaks = SearchValues.Create(" /,\t\n(");

    private static bool HasDegreeWord(ReadOnlySpan<char> span, int reach)
    {
        var tail = span[Math.Max(0, span.Length - reach)..];
        while (true)
        {
            var next = tail.IndexOfAny(s_degreeWordBreaks);
            var word = (next < 0 ? tail : tail[..next]).TrimEnd(".,");
            if (!word.IsEmpty && word.Length <= s_longestDegreeWord && s_degreeWordStarts.Contains(word[0]))
            {
                foreach (var degree in s_degreeWordsTrimmed)
                {
                    if (word.Equals(degree, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            if (next < 0)
            {
                return false;
            }

            tail = tail[(next + 1)..];
        }
    }

    /// <summary>"#BI-Remote", "#LI-Hybrid": a mention inside a hashtag.</summary>
    private static bool InHashtag(string text, int start)
    {
        for (var i = start - 1; i >= 0 && start - i <= 40; i--)
        {
            var c = text[i];
            if (c == '#')
            {
                return i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            }

            if (!(char.IsLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Where the employer's name (without "Inc.", "LLC", ...) occurs in the text, whole words only.</summary>
    private static List<(int Start, int End)>? EmployerSpans(string text, string? employer)
    {
        var name = EmployerName(employer);
        if (name is null)
        {
            return null;
        }

        List<(int Start, int End)>? spans = null;
        for (var at = AsciiCase.IndexOf(text, name); at >= 0; at = Next(text, name, at + 1))
        {
            var end = at + name.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end])))
            {
                (spans ??= []).Add((at, end));
            }
        }

        return spans;
    }

    private static int Next(string text, string name, int from)
    {
        var at = AsciiCase.IndexOf(text.AsSpan(from), name);
        return at < 0 ? -1 : from + at;
    }

    private static readonly string[] s_companySuffixes = [" inc", " inc.", ", inc.", ", inc", " llc", " ltd", " ltd.", " gmbh", " corp", " corp.", " corporation", " co.", " plc", " s.a.", " ag", " sa"];

    internal static string? EmployerName(string? employer)
    {
        var name = employer?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        foreach (var suffix in s_companySuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length].TrimEnd(' ', ',');
                break;
            }
        }

        return name.Length >= 2 ? name : null;
    }

    private static bool Covered(List<(int Start, int End)> spans, int start, int end)
    {
        foreach (var (s, e) in spans)
        {
            if (start >= s && end <= e)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>No sentence or line ends in between ("Python experience required.\n\nJulia will contact you").</summary>
    private static bool SameSentence(ReadOnlySpan<char> between)
    {
        for (var i = 0; i < between.Length; i++)
        {
            var c = between[i];
            if (c is '\n' or '!' or '?' or ';' || (c == '.' && (i + 1 == between.Length || char.IsWhiteSpace(between[i + 1]))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// What may separate two items of a list: punctuation, one line break and a few linking words ("and/or", "e.g.",
    /// "such as", "tools like").
    /// </summary>
    internal static bool IsListGap(ReadOnlySpan<char> gap)
    {
        if (gap.Length > MaxListGap)
        {
            return false;
        }

        var i = 0;
        var lineBreaks = 0;
        while (i < gap.Length)
        {
            var c = gap[i];
            if (!char.IsLetter(c))
            {
                // One item per line ("- Python\n- R") is a list too; a blank line between them is not.
                if (char.IsDigit(c) || (c == '\n' && ++lineBreaks > 1))
                {
                    return false;
                }

                i++;
                continue;
            }

            var start = i;
            while (i < gap.Length && char.IsLetter(gap[i]))
            {
                i++;
            }

            if (!IsListWord(gap[start..i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsListWord(ReadOnlySpan<char> word)
    {
        foreach (var w in s_listWords)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A known token: its characters [Start, End), vocabulary id and word position (gaps add one).</summary>
    private readonly record struct Token(int Start, int End, int Id, int Position);

    private readonly record struct Candidate(int First, int Last, int Terminal);
}

/// <summary>A strength cue found in the text.</summary>
/// <param name="Kind">The section kind the cue names (<see cref="SectionKinds"/>); preferred cues are <see cref="SectionKinds.Preferred"/>.</param>
internal readonly record struct CueHit(int Start, int End, int Kind, bool MultiWord)
{
    public bool Preferred => Kind == SectionKinds.Preferred;
}
