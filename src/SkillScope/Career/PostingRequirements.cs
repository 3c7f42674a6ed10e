using System.Text.RegularExpressions;
using SkillScope.Skills;

namespace SkillScope.Career;

/// <summary>
/// What a posting itself asks for, read from its mentions: only the job's own parts (when the posting has a
/// requirements or preferred section, only its requirements, preferred and responsibilities sections: the untitled
/// introduction and trailing company text are the employer's blurb), alternatives ("BigQuery or PySpark", "C/C++",
/// "one of Java, Scala", "frameworks such as TensorFlow and PyTorch") grouped so any member satisfies them, generic
/// terms marked, and the sentence each skill comes from (docs/resume-score.md, "Which skills a posting asks for").
/// </summary>
public static partial class PostingRequirements
{
    /// <summary>The longest sentence quoted with a suggestion; longer ones are cut around the mention.</summary>
    public const int MaxSentence = 220;

    /// <summary>The skills a posting asks for, in order of first mention.</summary>
    public static IReadOnlyList<PostingSkill> Read(string text, IReadOnlyList<SkillMention> mentions, SkillTaxonomy taxonomy, out bool fromSections) =>
        Read(text, mentions, taxonomy, null, out fromSections);

    /// <summary>The skills a posting asks for, in order of first mention; lines about the <paramref name="employer"/> are left out.</summary>
    public static IReadOnlyList<PostingSkill> Read(string text, IReadOnlyList<SkillMention> mentions, SkillTaxonomy taxonomy, string? employer, out bool fromSections)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var counted = mentions.Where(m => m.Counts).OrderBy(m => m.Start).ToList();
        fromSections = counted.Any(m => m.Section is SkillSections.Requirement or SkillSections.Preferred);
        var own = new List<SkillMention>(counted.Count);
        foreach (var m in counted)
        {
            if ((fromSections && m.Section == SkillSections.Job) || (own.Count > 0 && m.Start < own[^1].End) || OnCompanyLine(text, m.Start, employer))
            {
                continue;
            }

            own.Add(m);
        }

        var groupOf = Groups(text, own);
        var generic = GenericSkills.Of(taxonomy);

        // Each skill once: a standalone mention anywhere makes it a requirement of its own; otherwise its first group.
        var chosen = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < own.Count; i++)
        {
            var id = own[i].SkillId;
            if (own[i].Strength == SkillStrengths.Required)
            {
                required.Add(id);
            }

            if (!chosen.TryGetValue(id, out var at))
            {
                chosen[id] = i;
                order.Add(id);
            }
            else if (groupOf[at] != 0 && groupOf[i] == 0)
            {
                chosen[id] = i;
            }
        }

        var members = new Dictionary<int, List<string>>();
        foreach (var id in order)
        {
            var g = groupOf[chosen[id]];
            if (g != 0)
            {
                (members.TryGetValue(g, out var list) ? list : members[g] = []).Add(id);
            }
        }

        // One requirement, one strength: "either AWS (preferred) or Azure" is a required choice that leans to AWS.
        foreach (var list in members.Values)
        {
            if (list.Any(required.Contains))
            {
                required.UnionWith(list);
            }
        }

        var result = new List<PostingSkill>(order.Count);
        foreach (var id in order)
        {
            if (taxonomy.Find(id) is not { } skill)
            {
                continue;
            }

            var mention = own[chosen[id]];
            var group = groupOf[chosen[id]];
            var alternatives = group != 0 && members[group].Count > 1 ? members[group].Where(m => m != id).ToList() : [];
            result.Add(new PostingSkill(skill.Id, skill.Name, skill.Type, skill.Category, required.Contains(id) ? SkillStrengths.Required : SkillStrengths.Preferred)
            {
                Sentence = Sentence(text, mention.Start, mention.End),
                Section = mention.Section,
                Group = alternatives.Count > 0 ? group : 0,
                Alternatives = alternatives,
                Generic = generic.Contains(id),
            });
        }

        return result;
    }

    /// <summary>
    /// Alternative groups over the mentions (0 = none): runs of mentions separated by list punctuation or linking words
    /// are lists; a list is a set of alternatives when a gap says "or" (also "and/or", "either"), when an intro before it
    /// says "one of", "any of", "such as", "e.g." or "like" ("including" lists what is all asked), or when "or other/similar" follows it; items
    /// joined by a bare slash ("C/C++", "AWS / GCP") are alternatives in any list; items after an example cue inside a
    /// list ("cloud platforms such as AWS or GCP") are alternatives to each other.
    /// </summary>
    internal static int[] Groups(string text, IReadOnlyList<SkillMention> mentions)
    {
        var group = new int[mentions.Count];
        var next = 1;
        var i = 0;
        while (i < mentions.Count)
        {
            var end = i;
            // A list stops at a line break: each line of a bulleted list is a requirement of its own.
            while (end + 1 < mentions.Count && Gap(text, mentions, end) is var gap && !gap.Contains('\n', StringComparison.Ordinal) && SkillExtractor.IsListGap(gap))
            {
                end++;
            }

            // Segments: split at example cues; the first segment may be opened by an intro cue.
            var segmentStart = i;
            for (var k = i; k <= end; k++)
            {
                if (k < end && !ExampleCue().IsMatch(Gap(text, mentions, k)))
                {
                    continue;
                }

                var examples = segmentStart > i; // after an example cue
                var intro = segmentStart == i && IntroCue(text, mentions[i].Start);
                var tail = k == end && TailCue(text, mentions[end].End);
                // "SQL and R or Python": an "and" beside an "or" separates requirements; the "or" joins alternatives.
                var partStart = segmentStart;
                var split = OrIn(text, mentions, segmentStart, k);
                for (var m = segmentStart; m <= k; m++)
                {
                    if (m < k && !(split && AndOnly().IsMatch(Gap(text, mentions, m))))
                    {
                        continue;
                    }

                    var alternatives = OrIn(text, mentions, partStart, m) || ((examples || intro) && partStart == segmentStart) || (tail && m == k);
                    if (alternatives && m > partStart)
                    {
                        var g = next++;
                        for (var x = partStart; x <= m; x++)
                        {
                            group[x] = g;
                        }
                    }
                    else
                    {
                        // Items joined by a bare slash are alternatives in any list.
                        for (var x = partStart; x < m; x++)
                        {
                            if (Gap(text, mentions, x).Trim() == "/")
                            {
                                var g = group[x] != 0 ? group[x] : next++;
                                group[x] = g;
                                group[x + 1] = g;
                            }
                        }
                    }

                    partStart = m + 1;
                }

                segmentStart = k + 1;
            }

            i = end + 1;
        }

        return group;
    }

    private static readonly string[] s_companyOpeners =
    [
        "we're a ", "we are a ", "we're an ", "we are an ", "we're the ", "we are the ", "our mission", "our vision", "our company",
        "our platform", "our product", "our software", "our team is", "founded in", "we help ", "we believe", "we provide", "we offer ",
    ];

    private static readonly string[] s_candidateWords =
    [
        "you ", "you'", "you\u2019", "your ", "candidate", "experience", "knowledge", "proficien", "familiar", "understanding", "degree",
        "years", "ability", "able to", "skills", "required", "preferred", "plus",
    ];

    /// <summary>
    /// A line about the employer rather than the job, wherever it stands (closing paragraphs often follow the last
    /// requirement without a heading): it opens with the employer's name and a verb ("Acme helps ...") or a company opener
    /// ("Our mission", "We are a ..."), or it is a long paragraph in the first person plural ("Our software ...") that
    /// says nothing to the candidate.
    /// </summary>
    internal static bool OnCompanyLine(string text, int at, string? employer)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        var end = text.IndexOf('\n', at);
        var line = text.AsSpan(start, (end < 0 ? text.Length : end) - start).Trim().TrimStart("*#_>-\u2022 ");
        foreach (var opener in s_companyOpeners)
        {
            if (line.StartsWith(opener, StringComparison.OrdinalIgnoreCase))
            {
                return !SpeaksToCandidate(line);
            }
        }

        if (SkillExtractor.EmployerName(employer) is { } name && line.StartsWith(name, StringComparison.OrdinalIgnoreCase)
            && line.Length > name.Length + 2 && line[name.Length..].TrimStart() is { Length: > 2 } rest && char.IsLower(rest[0]))
        {
            return true;
        }

        return line.Length >= 120
            && (line.Contains(" our ", StringComparison.OrdinalIgnoreCase) || line.StartsWith("our ", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("we ", StringComparison.OrdinalIgnoreCase))
            && !SpeaksToCandidate(line);
    }

    private static bool SpeaksToCandidate(ReadOnlySpan<char> line)
    {
        foreach (var word in s_candidateWords)
        {
            if (line.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Gap(string text, IReadOnlyList<SkillMention> mentions, int k) =>
        k + 1 < mentions.Count && mentions[k + 1].Start >= mentions[k].End ? text[mentions[k].End..mentions[k + 1].Start] : "\n\n";

    private static bool OrIn(string text, IReadOnlyList<SkillMention> mentions, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (OrWord().IsMatch(Gap(text, mentions, k)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IntroCue(string text, int start)
    {
        var from = Math.Max(0, start - 40);
        var before = text.AsSpan(from, start - from);
        var cut = before.LastIndexOfAny(".\n;:!?");
        var clause = (cut >= 0 ? before[(cut + 1)..] : before).ToString();
        return IntroPattern().IsMatch(clause);
    }

    private static bool TailCue(string text, int end)
    {
        var after = text.AsSpan(end, Math.Min(30, text.Length - end)).ToString();
        return TailPattern().IsMatch(after);
    }

    /// <summary>The sentence (or list line) around a mention, cut to <see cref="MaxSentence"/> characters around it.</summary>
    public static string Sentence(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var from = start;
        while (from > 0 && !IsBoundary(text, from - 1))
        {
            from--;
        }

        var to = end;
        while (to < text.Length && !IsBoundary(text, to))
        {
            to++;
        }

        if (to < text.Length && text[to] is '.' or '!' or '?')
        {
            to++;
        }

        if (to - from > MaxSentence)
        {
            from = Math.Max(from, start - (MaxSentence / 2));
            to = Math.Min(to, from + MaxSentence);
        }

        return Whitespace().Replace(text[from..to], " ").Trim().TrimStart('-', '*', '•', '·', '▪', ' ').Trim();
    }

    private static bool IsBoundary(string text, int i)
    {
        var c = text[i];
        return c is '\n' or '\r' or '•' or '▪'
            || (c is '.' or '!' or '?' or ';' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !AbbreviationBefore(text, i));
    }

    private static bool AbbreviationBefore(string text, int dot)
    {
        var from = dot;
        while (from > 0 && char.IsLetter(text[from - 1]))
        {
            from--;
        }

        var word = text[from..dot].ToLowerInvariant();
        return word is "e" or "g" or "eg" or "i" or "ie" or "etc" or "vs" or "incl" or "approx";
    }

    [GeneratedRegex(@"\b(or|either)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrWord();

    [GeneratedRegex(@"^(?!.*\bor\b).*\b(and|as well as|plus)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AndOnly();

    [GeneratedRegex(@"\b(such as|e\.?\s?g\.?|like|for example|for instance)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExampleCue();

    [GeneratedRegex(@"\b(one|any|either|several|some|multiple)\s+(or\s+more\s+)?(of\s+)?(the\s+)?(following|these)?\W*$|\b(one|any|either)\s+of\b|\b(such as|e\.?\s?g\.?|like|for example|for instance)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IntroPattern();

    [GeneratedRegex(@"^\W*(,\s*)?(or|and/or)\s+(other|similar|equivalent|comparable|related|another)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TailPattern();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
