using System.Buffers;

namespace SkillScope.Skills;

/// <summary>
/// Decides which parts of a posting state preferred (nice-to-have) skills. A cue laid out as a heading
/// ("Preferred Qualifications", "Nice to have:", "Bonus points") makes everything up to the next heading
/// preferred; a cue inside a sentence ("... is a plus", "Python preferred") makes that sentence preferred.
/// </summary>
internal static class StrengthDetector
{
    /// <summary>How far a sentence may reach from its cue when the text has no punctuation to end it.</summary>
    private const int MaxSentenceReach = 300;

    /// <summary>Headings are short; longer lines are prose.</summary>
    private const int MaxHeadingLength = 80;

    private static readonly string[] s_abbreviations = ["etc", "vs", "incl", "approx", "eg", "ie", "inc", "sr", "jr", "dr", "mr", "ms", "no", "esp", "min", "max"];
    private static readonly string[] s_smallWords = ["to", "if", "of", "and", "a", "an", "the", "for", "or", "in", "with"];

    private static readonly string[] s_clauseBreaks = [" but ", ", while ", ", whereas ", " although ", ", with ", " - ", " \u2013 ", " \u2014 ", ", plus "];

    /// <summary>
    /// How each clause break is searched: a break without letters has no case, so an ordinal search finds the same
    /// places as an ignore-case one (and avoids the slow path ignore-case search takes for non-ASCII text).
    /// </summary>
    private static readonly StringComparison[] s_clauseBreakComparisons =
        [.. s_clauseBreaks.Select(b => b.Any(char.IsLetter) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)];

    private static readonly SearchValues<char> s_bullets = SearchValues.Create("-+\u2022\u00B7\u2013");
    private static readonly SearchValues<char> s_slashOrDigit = SearchValues.Create("/0123456789");
    private static readonly string[] s_clauseOpeners =
    [
        "experience", "familiarity", "knowledge", "exposure", "understanding", "any ", "some ", "a ", "an ", "ideally", "bonus",
        "you ", "we ", "proficiency", "background", "working knowledge", "hands-on",
    ];

    private static readonly string[] s_roleOpeners =
    [
        "we're looking", "we are looking", "we are seeking", "we're seeking", "you will", "you'll", "as a ", "as an ", "in this role",
        "this role", "the role", "your role", "we are hiring", "we're hiring", "we need", "the position", "this position",
        "what you", "responsibilities", "requirements", "you are", "you're",
    ];

    private static readonly AsciiPrefixes s_clauseOpenerPrefixes = new(s_clauseOpeners);
    private static readonly AsciiPrefixes s_roleOpenerPrefixes = new(s_roleOpeners);

    private static readonly string[] s_notCompanyAfterAbout = ["the", "this", "you", "your", "our", "a", "an", "me", "it", "them", "how", "what", "why", "working", "us"];

    /// <summary>
    /// The parts of a posting: sections opened by headings (each runs to the next heading or a heading-like line),
    /// legal sentences ("... without regard to race ...": to the end of their paragraph) and the clauses a hedge
    /// ("a plus", "preferably") makes preferred.
    /// </summary>
    public static PostingLayout Analyze(string text, List<CueHit> cues, string? employer = null)
    {
        List<(int Start, int Kind)>? heads = null;
        List<(int Start, int End)>? preferred = null;
        List<(int Start, int End)>? legal = null;
        foreach (var cue in cues)
        {
            var kind = cue.Kind;
            if (kind == SectionKinds.About)
            {
                if (!IsAboutHeading(text, cue))
                {
                    continue;
                }

                kind = SectionKinds.Company;
            }
            else if (SectionKinds.IsContext(kind) && !IsHeading(text, cue, strict: true) && IsHeading(text, cue))
            {
                kind = SectionKinds.Job; // "... Airflow Benefits Free ...": ends the section before it, opens none of its own
            }
            else if (!IsHeading(text, cue, strict: SectionKinds.IsContext(kind)))
            {
                if (kind == SectionKinds.Preferred)
                {
                    (preferred ??= []).Add(ClauseRegion(text, cue));
                }
                else if (kind == SectionKinds.Legal)
                {
                    (legal ??= []).Add((SentenceStart(text, cue.Start), ParagraphEnd(text, cue.End)));
                }

                continue;
            }

            (heads ??= []).Add((LineStart(text, cue.Start), kind));
        }

        List<Segment>? segments = null;
        if (heads is not null)
        {
            segments = new List<Segment>(heads.Count);
            for (var i = 0; i < heads.Count; i++)
            {
                var (start, kind) = heads[i];
                var limit = i + 1 < heads.Count ? heads[i + 1].Start : text.Length;
                if (limit <= start)
                {
                    continue;
                }

                var end = SectionEnd(text, start, limit, kind);
                segments.Add(new Segment(start, end, kind));
            }
        }

        var firstJobHead = text.Length;
        foreach (var (start, kind) in heads ?? [])
        {
            if (kind is SectionKinds.Requirement or SectionKinds.Responsibility or SectionKinds.Preferred)
            {
                firstJobHead = start;
                break;
            }
        }

        return new PostingLayout(segments, preferred, legal) { Intro = CompanyIntro(text, firstJobHead, employer) };
    }

    private static readonly string[] s_companyOpeners =
    [
        "we're building", "we are building", "we build", "we're a ", "we are a ", "we're an ", "we are an ", "we're the ", "we are the ",
        "our mission", "our vision", "our platform", "our product", "our company", "founded in", "we're on a mission", "we are on a mission",
        "we help ", "we make ", "we're redefining", "we are redefining", "we're rebuilding", "we are rebuilding", "we're changing",
        "we are changing", "we're a team", "we are a team", "we believe", "we provide", "we offer ", "we power", "we enable",
    ];

    private static readonly string[] s_candidateWords = ["you ", "you'", "you\u2019", "your ", "candidate", "looking for", "seeking", "hiring", "join "];

    /// <summary>Openers of a sentence about the company anywhere in a posting ("At Acme, we harness AI ...", "Backed by ...").</summary>
    private static readonly string[] s_companySentenceOpeners =
    [
        "backed by", "we harness", "we're proud", "we are proud", "we've raised", "we have raised", "we raised", "founded by",
        "we partner", "we serve", "our customers", "our clients", "our products", "our mission", "our vision", "we believe",
        "we're on a mission", "we are on a mission", "we're building", "we are building", "we're redefining", "we are redefining",
        "we're rebuilding", "we are rebuilding", "we're changing", "we are changing", "we power", "we enable", "we help ",
        "we're focused on", "we are focused on", "as pioneers", "our ecosystem", "our technology",
        "our goal", "our bet", "we work with", "we work for", "we're backed", "we are backed", "we're well funded",
        "we are well funded", "we're funded", "we are funded", "what we're building", "what we are building", "what we build",
        "what we do", "our platform", "our software", "our solution", "our solutions", "our instruments",
    ];

    /// <summary>Words that make a sentence about the company wherever they stand in it ("... and is backed by leading investors including ...").</summary>
    private static readonly string[] s_companySentenceWords =
    [
        "backed by", "our investors", "leading investors", "seed round", "trusted by", "customers include", "clients include",
        "companies are using", "our team is from", "our team comes from", "our founders",
    ];

    /// <summary>Words by which a "we" sentence states the job's own tools ("We're building with Go", "our stack").</summary>
    private static readonly string[] s_stackWords =
    [
        "stack", "written in", "built with", "built on", "build with", "building with", "using", "we use", "uses", "technologies",
        "languages", "frameworks",
    ];

    /// <summary>
    /// Text that describes the company, not the job: lines before the job's first heading that open like "We're building
    /// an AI notetaker", "Acme is the leading ...", "At Acme, we ..." (sentence by sentence: the sentence that turns to the
    /// candidate, "If you're not in NYC ...", ends it), and anywhere in the posting a sentence that opens so ("At Acme, we
    /// harness AI ...", "Backed by ..."). Never a sentence that speaks to the candidate or names the job's stack.
    /// </summary>
    private static List<(int Start, int End)>? CompanyIntro(string text, int limit, string? employer)
    {
        var name = SkillExtractor.EmployerName(employer);
        List<(int Start, int End)>? intro = null;
        var lineStart = 0;
        var lines = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var isIntro = lineStart < limit && lines < 12;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (!line.Trim().IsEmpty)
            {
                lines++;

                // A very long "line" is a posting that lost its line breaks, not an intro paragraph.
                if (line.Length <= 1000)
                {
                    CompanySentences(text, lineStart, lineEnd, name, isIntro, ref intro);
                }
            }

            lineStart = lineEnd + 1;
        }

        return intro;
    }

    /// <summary>The sentences of one line that describe the company (see <see cref="CompanyIntro"/>).</summary>
    private static void CompanySentences(string text, int lineStart, int lineEnd, string? name, bool isIntro, ref List<(int Start, int End)>? intro)
    {
        var inCompany = false;
        var start = lineStart;
        while (start < lineEnd)
        {
            var end = SentenceEndIn(text, start, lineEnd);
            var sentence = text.AsSpan(start, end - start).Trim().TrimStart("*#_>-\u2022 ");
            if (!sentence.IsEmpty)
            {
                // Openers first: they look at the sentence's start only, so most sentences cost next to nothing.
                // "It allows ...", "Its ..." right after a company sentence goes on about the company.
                var opens = (isIntro && (inCompany || OpensCompanyLine(sentence, name))) || OpensCompanySentence(sentence, name)
                    || (inCompany && (sentence.StartsWith("It ", StringComparison.Ordinal) || sentence.StartsWith("Its ", StringComparison.Ordinal)));
                inCompany = opens && !SpeaksToCandidate(sentence) && !StatesStack(sentence);
                if (inCompany)
                {
                    (intro ??= []).Add((start, end));
                }
            }

            start = end;
        }
    }

    /// <summary>The end of the sentence starting at <paramref name="start"/>: after ". ", "! " or "? " (not "e.g. "), or the line's end.</summary>
    private static int SentenceEndIn(string text, int start, int lineEnd)
    {
        var i = start + 1;
        while (i < lineEnd - 1)
        {
            var at = text.AsSpan(i, lineEnd - 1 - i).IndexOfAny(s_sentenceMarks);
            if (at < 0)
            {
                break;
            }

            i += at;
            if (text[i + 1] == ' ' && char.IsLetter(text[i - 1]) && !IsAbbreviationBefore(text, i))
            {
                return i + 1;
            }

            i++;
        }

        return lineEnd;
    }

    private static readonly SearchValues<char> s_sentenceMarks = SearchValues.Create(".!?");

    private static bool IsAbbreviationBefore(string text, int dot)
    {
        var j = dot;
        while (j > 0 && char.IsLetter(text[j - 1]))
        {
            j--;
        }

        var word = text.AsSpan(j, dot - j);
        if (word.Length == 1 || (j > 0 && text[j - 1] == '.'))
        {
            return true; // "e.g.", "U.S."
        }

        foreach (var abbreviation in s_abbreviations)
        {
            if (word.Equals(abbreviation, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly AsciiPrefixes s_companySentencePrefixes = new(s_companySentenceOpeners);

    // Every sentence of a posting is tested: one vectorised pass for all the words, not a search per word.
    private static readonly SearchValues<string> s_companySentenceWordSearch = SearchValues.Create(s_companySentenceWords, StringComparison.OrdinalIgnoreCase);

    private static bool OpensCompanySentence(ReadOnlySpan<char> sentence, string? employer)
    {
        if (s_companySentencePrefixes.AnyStartOf(sentence))
        {
            return true;
        }

        if (sentence.ContainsAny(s_companySentenceWordSearch))
        {
            return true;
        }

        // "At Acme, we ...", "At Acme we ..."; and anywhere, like an intro line, "Acme builds ...", "Acme is ..."
        return employer is not null
            && ((sentence.StartsWith("at ", StringComparison.OrdinalIgnoreCase) && sentence[3..].StartsWith(employer, StringComparison.OrdinalIgnoreCase))
                || NameThenVerb(sentence, employer));
    }

    private static bool StatesStack(ReadOnlySpan<char> sentence)
    {
        foreach (var word in s_stackWords)
        {
            if (ContainsWord(sentence, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="word"/> occurs as whole words ("using", not the end of "warehousing").</summary>
    private static bool ContainsWord(ReadOnlySpan<char> text, string word)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = AsciiCase.IndexOf(text[from..], word);
            if (at < 0)
            {
                return false;
            }

            at += from;
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end])))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    private static readonly AsciiPrefixes s_companyOpenerPrefixes = new(s_companyOpeners);

    private static bool OpensCompanyLine(ReadOnlySpan<char> line, string? employer)
    {
        if (s_companyOpenerPrefixes.AnyStartOf(line))
        {
            return true;
        }

        if (employer is null)
        {
            return false;
        }

        if (line.StartsWith("at ", StringComparison.OrdinalIgnoreCase) && line[3..].StartsWith(employer, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return NameThenVerb(line, employer);
    }

    /// <summary>"Acme is ...", "Acme builds ...", "Acme (YC W21) helps ...": the name followed by a verb, not "Acme | Engineer".</summary>
    private static bool NameThenVerb(ReadOnlySpan<char> line, string employer)
    {
        if (!line.StartsWith(employer, StringComparison.OrdinalIgnoreCase) || line.Length <= employer.Length + 2
            || char.IsLetterOrDigit(line[employer.Length]))
        {
            return false;
        }

        var rest = line[employer.Length..].TrimStart();
        if (rest.StartsWith("("))
        {
            var close = rest.IndexOf(')');
            rest = close < 0 ? rest : rest[(close + 1)..].TrimStart();
        }

        return rest.Length > 2 && char.IsLower(rest[0]);
    }

    private static bool SpeaksToCandidate(ReadOnlySpan<char> line)
    {
        foreach (var word in s_candidateWords)
        {
            if (AsciiCase.Contains(line, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The start of the line (or HTML block) the cue stands on when only markup precedes it, else the cue itself.</summary>
    private static int LineStart(string text, int position)
    {
        var i = position - 1;
        while (i >= 0 && position - i <= MaxHeadingLength && text[i] is not ('\n' or '>') && (char.IsWhiteSpace(text[i]) || text[i] is '*' or '#' or '-' or '_'))
        {
            i--;
        }

        return i + 1;
    }

    /// <summary>"About Acme" / "About Logic20/20" laid out as a heading (but not "About the role", "About you").</summary>
    private static bool IsAboutHeading(string text, CueHit cue)
    {
        if (!char.IsUpper(text[cue.Start]))
        {
            return false;
        }

        var i = cue.End;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i >= text.Length || !char.IsLetterOrDigit(text[i]))
        {
            return false;
        }

        var wordEnd = i;
        while (wordEnd < text.Length && char.IsLetterOrDigit(text[wordEnd]))
        {
            wordEnd++;
        }

        var word = text.AsSpan(i, wordEnd - i);
        foreach (var w in s_notCompanyAfterAbout)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        // The line must read as a heading: only markup before "About", a short rest ending the line or with a colon.
        var before = text.AsSpan(Math.Max(0, cue.Start - MaxHeadingLength), Math.Min(cue.Start, MaxHeadingLength));
        var lineBreak = before.LastIndexOfAny('\n', '>');
        if (!OnlyMarkup(lineBreak >= 0 ? before[(lineBreak + 1)..] : cue.Start <= MaxHeadingLength ? before : "x"))
        {
            return false;
        }

        var after = text.AsSpan(cue.End, Math.Min(text.Length - cue.End, MaxHeadingLength));
        var end = after.IndexOfAny('\n', '<');
        var colon = after.IndexOf(':');
        if (colon >= 0 && (end < 0 || colon < end) && WordCount(after[..colon]) <= 5)
        {
            return true;
        }

        return end >= 0 && WordCount(after[..end]) <= 5 && !after[..end].TrimEnd().EndsWith('.');
    }

    /// <summary>The clause a hedge applies to: "Python, and experience with Rust is a plus" makes only the Rust clause preferred.</summary>
    private static (int Start, int End) ClauseRegion(string text, CueHit cue)
    {
        var sentenceStart = SentenceStart(text, cue.Start);
        var sentenceEnd = SentenceEnd(text, cue.End);
        var open = cue.Start - 1;
        while (open >= sentenceStart && text[open] == ' ')
        {
            open--;
        }

        if (open >= sentenceStart && text[open] is '(' or '[')
        {
            // "Python, Spark (preferred)": the item before the parenthesis.
            var i = open - 1;
            while (i > sentenceStart && text[i] is not (',' or ';' or '/'))
            {
                i--;
            }

            return (i, cue.End);
        }

        var clauseStart = ClauseStart(text, sentenceStart, cue.Start);
        var lead = WordCount(text.AsSpan(clauseStart, cue.Start - clauseStart));
        var word = text.AsSpan(cue.Start, cue.End - cue.Start);
        var forward = lead == 0 || word.StartsWith("ideally", StringComparison.OrdinalIgnoreCase) || word.StartsWith("preferabl", StringComparison.OrdinalIgnoreCase);
        return (forward ? cue.Start : clauseStart, ClauseEnd(text, cue.End, sentenceEnd));
    }

    private static int ClauseStart(string text, int sentenceStart, int position)
    {
        var span = text.AsSpan(sentenceStart, position - sentenceStart);
        var best = 0;
        for (var k = 0; k < s_clauseBreaks.Length; k++)
        {
            var b = s_clauseBreaks[k];
            var at = s_clauseBreakComparisons[k] == StringComparison.Ordinal ? span.LastIndexOf(b, StringComparison.Ordinal) : AsciiCase.LastIndexOf(span, b);
            if (at >= 0 && at + b.Length > best)
            {
                best = at + b.Length;
            }
        }

        for (var at = span.LastIndexOf(", and "); at >= 0; at = span[..at].LastIndexOf(", and "))
        {
            if (OpensClause(span[(at + 6)..]))
            {
                best = Math.Max(best, at + 6);
                break;
            }
        }

        return sentenceStart + best;
    }

    private static int ClauseEnd(string text, int position, int sentenceEnd)
    {
        var span = text.AsSpan(position, Math.Max(0, sentenceEnd - position));
        var best = span.Length;
        for (var k = 0; k < s_clauseBreaks.Length; k++)
        {
            var at = s_clauseBreakComparisons[k] == StringComparison.Ordinal ? span.IndexOf(s_clauseBreaks[k], StringComparison.Ordinal) : AsciiCase.IndexOf(span, s_clauseBreaks[k]);
            if (at >= 0 && at < best)
            {
                best = at;
            }
        }

        var and = span.IndexOf(", and ");
        if (and >= 0 && and < best && OpensClause(span[(and + 6)..]))
        {
            best = and;
        }

        return position + best;
    }

    private static bool OpensClause(ReadOnlySpan<char> rest)
    {
        return s_clauseOpenerPrefixes.AnyStartOf(rest);
    }

    /// <summary>The end of the paragraph: a blank line, an HTML paragraph, or the end of the text.</summary>
    private static int ParagraphEnd(string text, int position)
    {
        var blank = text.IndexOf("\n\n", position, StringComparison.Ordinal);
        var html = AsciiCase.IndexOf(text.AsSpan(position), "<p");
        html = html < 0 ? -1 : html + position;
        var end = text.Length;
        if (blank >= 0)
        {
            end = blank;
        }

        if (html >= 0 && html < end)
        {
            end = html;
        }

        return end;
    }

    /// <summary>Whether the cue is laid out as a section heading rather than written inside a sentence.</summary>
    internal static bool IsHeading(string text, CueHit cue, bool strict = false)
    {
        // Only a short stretch around the cue can make it a heading line; looking no further keeps text without
        // line breaks (whole postings on one line) linear.
        var before = text.AsSpan(Math.Max(0, cue.Start - MaxHeadingLength), Math.Min(cue.Start, MaxHeadingLength));
        var newline = before.LastIndexOfAny('\n', '>');
        var prefix = newline >= 0 ? before[(newline + 1)..] : cue.Start <= MaxHeadingLength ? before : "x";
        if (OnlyMarkup(prefix))
        {
            var after = text.AsSpan(cue.End, Math.Min(text.Length - cue.End, MaxHeadingLength));
            var lineEnd = after.IndexOfAny('\n', '<');
            var rest = (lineEnd < 0 ? after : after[..lineEnd]).Trim().Trim("*_)");
            if (rest.IsEmpty || rest[0] == ':')
            {
                return true;
            }

            // A bulleted line is a list item ("- Experience with Kubernetes", Markdown's "  * Experience with Docker"),
            // unless it is only the cue; "**" before the cue is bold, not a bullet.
            var words = WordCount(rest);
            var bulleted = prefix.ContainsAny(s_bullets) || prefix.Contains("* ", StringComparison.Ordinal);
            if (!bulleted && ((rest[^1] == ':' && words <= 8) || (!strict && words <= 2 && rest[^1] != '.')))
            {
                return true;
            }
        }

        // A short line that ends with the cue names a list: "Useful technical skills (not required)", "What skills
        // will come in handy?".
        if (cue.Preferred && (ShortLineEndingWithCue(text, cue) || ShortColonLineWithCue(text, cue) || MarkdownHeadingWithCue(text, cue)))
        {
            return true;
        }

        // Text scraped without line breaks ("...with SQL, R Preferred Qualifications BS and 8+ years"):
        // a capitalized cue followed by a capital, a digit or a colon still reads as a heading.
        if (!char.IsUpper(text[cue.Start]))
        {
            return false;
        }

        var next = cue.End;
        while (next < text.Length && text[next] is ' ' or '\t')
        {
            next++;
        }

        var nextChar = next < text.Length ? text[next] : '\n';
        var colon = nextChar == ':';
        if (!(colon || nextChar == '\n' || char.IsUpper(nextChar) || char.IsDigit(nextChar)))
        {
            return false;
        }

        if (!cue.Preferred && !strict)
        {
            return true; // ending a preferred section early is the safe mistake
        }

        if (cue.MultiWord)
        {
            return colon || TitleCase(text.AsSpan(cue.Start, cue.End - cue.Start));
        }

        var glued = cue.Start > 0 && (char.IsLower(text[cue.Start - 1]) || text[cue.Start - 1] == '.');
        return colon || glued || AllCaps(text.AsSpan(cue.Start, cue.End - cue.Start));
    }

    /// <summary>
    /// Where a section opened by a heading at <paramref name="start"/> ends before <paramref name="limit"/> (the next
    /// known heading): at a line that reads as a heading, after a blank line at a long prose paragraph (preferred) or at
    /// a paragraph that turns to the role ("We're looking for ...", company description).
    /// </summary>
    private static int SectionEnd(string text, int start, int limit, int kind)
    {
        var lineStart = text.IndexOf('\n', start) + 1;
        var afterBlank = false;
        while (lineStart > 0 && lineStart < limit)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(lineStart, lineEnd - lineStart).Trim();
            if (IsHeadingLine(line)
                || (afterBlank && kind == SectionKinds.Preferred && IsProseParagraph(line))
                || (afterBlank && kind == SectionKinds.Company && TurnsToRole(line)))
            {
                return lineStart;
            }

            afterBlank = line.IsEmpty;
            lineStart = lineEnd + 1;
        }

        return limit;
    }

    private static bool TurnsToRole(ReadOnlySpan<char> line)
    {
        line = line.TrimStart("*#-_ ");
        return s_roleOpenerPrefixes.AnyStartOf(line);
    }

    /// <summary>A line that reads as a heading whatever it says: "Responsibilities:", "*About Us**", "## Benefits", "WHAT WE OFFER".</summary>
    internal static bool IsHeadingLine(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty || line.Length > MaxHeadingLength)
        {
            return false;
        }

        if (line[0] == '#' || (line.Length > 2 && line[0] == '*' && line[^1] == '*'))
        {
            return true;
        }

        if (line[0] is '-' or '*' or '+' or '\u2022' or '\u00B7' or '\u2013' or '\u25AA' or '\u25E6' || (line[0] == 'o' && line.Length > 1 && line[1] == ' '))
        {
            return false;
        }

        // "WHAT YOU'LL DO" reads as a heading, "MBA." or "CISA/CISSP/PMP" is a list item. The words are counted only
        // when a cheaper test leaves the answer open (most lines are prose: no colon, not in capitals).
        var about = line.StartsWith("About ", StringComparison.Ordinal); // "About Logic20/20. . ."
        var colon = line[^1] == ':';
        var caps = !colon && line[^1] != '.' && line.Contains(' ') && !line.ContainsAny(s_slashOrDigit) && AllCaps(line);
        if (!about && !colon && !caps)
        {
            return false;
        }

        var words = WordCount(line);
        return (about && words <= 6) || (colon && words <= 8) || (caps && words is >= 2 and <= 8);
    }

    /// <summary>A long paragraph of prose after a blank line: the list of nice-to-haves is over (company blurb, legal text).</summary>
    private static bool IsProseParagraph(ReadOnlySpan<char> line) => line.Length > 200 && line[^1] is '.' or '!';

    /// <summary>
    /// The ASCII characters that neither end a sentence (<see cref="EndsSentence"/>) nor let the character before them
    /// end one: all but its punctuation and the capital letters (a capital can start a glued word, "preferredMinimum").
    /// <see cref="EndsSentence"/>(i) can hold only where text[i] or text[i + 1] is outside this set (any non-ASCII
    /// character is), so <see cref="SentenceStart"/> and <see cref="SentenceEnd"/> skip the rest with a vectorized
    /// search instead of testing every character.
    /// </summary>
    private static readonly SearchValues<char> s_neverEndsSentence =
        SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => c is not ('\n' or '!' or '?' or ';' or '|' or '.' or (>= 'A' and <= 'Z')))]);

    /// <summary>Just after the last sentence end before <paramref name="position"/>, at most <see cref="MaxSentenceReach"/> back.</summary>
    private static int SentenceStart(string text, int position)
    {
        var limit = Math.Max(0, position - MaxSentenceReach);

        // The last i in [limit, position) where EndsSentence(i): from each character k outside s_neverEndsSentence,
        // right to left, test i = k and i = k - 1.
        var high = Math.Min(position, text.Length - 1);
        while (high >= limit)
        {
            var at = text.AsSpan(limit, high - limit + 1).LastIndexOfAnyExcept(s_neverEndsSentence);
            if (at < 0)
            {
                break;
            }

            var k = limit + at;
            if (k < position && EndsSentence(text, k))
            {
                return k + 1;
            }

            if (k - 1 >= limit && EndsSentence(text, k - 1))
            {
                return k;
            }

            high = k - 1;
        }

        return limit;
    }

    /// <summary>The first sentence end at or after <paramref name="position"/>, at most <see cref="MaxSentenceReach"/> on.</summary>
    private static int SentenceEnd(string text, int position)
    {
        var limit = Math.Min(text.Length, position + MaxSentenceReach);

        // The first i in [position, limit) where EndsSentence(i): from each character k outside s_neverEndsSentence,
        // left to right, test i = k - 1 and i = k.
        var low = position;
        var high = Math.Min(limit, text.Length - 1);
        while (low <= high)
        {
            var at = text.AsSpan(low, high - low + 1).IndexOfAnyExcept(s_neverEndsSentence);
            if (at < 0)
            {
                break;
            }

            var k = low + at;
            if (k - 1 >= position && EndsSentence(text, k - 1))
            {
                return k - 1;
            }

            if (k < limit && EndsSentence(text, k))
            {
                return k;
            }

            low = k + 1;
        }

        return limit;
    }

    private static bool EndsSentence(string text, int i)
    {
        var c = text[i];
        if (c is '\n' or '!' or '?' or ';' or '\u2022' or '\u00B7' or '|')
        {
            return true;
        }

        if (c != '.')
        {
            // Text that lost its line breaks: "Master's Degree preferredMinimum of 3 years" (a lowercase word glued to a
            // capitalised one; "JavaScript" and "iPhone" start otherwise).
            return char.IsLower(c) && i + 2 < text.Length && char.IsUpper(text[i + 1]) && char.IsLower(text[i + 2]) && GluedWordStart(text, i);
        }

        if (i > 0 && text[i - 1] is '#' or '+' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])))
        {
            return true; // "C#." and "C++." end a sentence
        }

        var glued = i + 1 < text.Length && char.IsUpper(text[i + 1]) && i > 0 && char.IsLower(text[i - 1]);
        if (!(i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]) || glued))
        {
            return false; // "node.js", "3.5"
        }

        var j = i - 1;
        while (j >= 0 && char.IsLetter(text[j]))
        {
            j--;
        }

        var word = text.AsSpan(j + 1, i - j - 1);
        if (word.Length <= 1)
        {
            // "e.g.", "U.S." are abbreviations; a capital letter alone ("... and R. Java ...") ends the sentence.
            return word.Length == 1 && char.IsUpper(word[0]) && (j < 0 || text[j] != '.');
        }

        if (j >= 0 && text[j] == '.' && word.Length <= 1)
        {
            return false;
        }

        foreach (var abbreviation in s_abbreviations)
        {
            if (word.Equals(abbreviation, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ShortLineEndingWithCue(string text, CueHit cue)
    {
        if (!CueLine(text, cue, out var head, out var after))
        {
            return false;
        }

        var rest = after.Trim().Trim("*_)]:?");
        var lead = head.TrimStart();
        var bullet = lead.StartsWith("-", StringComparison.Ordinal) || (lead.StartsWith("*", StringComparison.Ordinal) && !lead.StartsWith("**", StringComparison.Ordinal));
        return rest.IsEmpty && !bullet && !head.ContainsAny(".;!") && WordCount(head) <= 6 && NamesAList(head);
    }

    /// <summary>
    /// The cue's line: the text before the cue on it and the rest of it after the cue; false when the cue starts too far
    /// into its line for a heading or the line does not end within a heading's length (the last line has no list after it).
    /// </summary>
    private static bool CueLine(string text, CueHit cue, out ReadOnlySpan<char> head, out ReadOnlySpan<char> rest)
    {
        head = rest = default;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, cue.Start - 1)) + 1;
        if (cue.Start - lineStart > MaxHeadingLength)
        {
            return false;
        }

        var after = text.AsSpan(cue.End, Math.Min(text.Length - cue.End, MaxHeadingLength));
        var lineEnd = after.IndexOf('\n');
        if (lineEnd < 0)
        {
            return false;
        }

        head = text.AsSpan(lineStart, cue.Start - lineStart);
        rest = after[..lineEnd];
        return true;
    }

    /// <summary>
    /// A short line, not a list item, that holds the cue and ends with a colon announces a list: "**Examples of desirable
    /// expertise:**", "Bonus if you also know:".
    /// </summary>
    private static bool ShortColonLineWithCue(string text, CueHit cue)
    {
        if (!CueLine(text, cue, out var head, out var after))
        {
            return false;
        }

        var lead = head.TrimStart();
        var bullet = lead.StartsWith("-", StringComparison.Ordinal) || lead.StartsWith("\u2022", StringComparison.Ordinal)
            || (lead.StartsWith("*", StringComparison.Ordinal) && !lead.StartsWith("**", StringComparison.Ordinal));
        var rest = after.Trim().TrimEnd("*_");
        return !bullet && rest.EndsWith(':') && !head.ContainsAny(".;!") && !rest[..^1].ContainsAny(".;!:")
            && WordCount(head) + WordCount(rest) <= 7;
    }

    /// <summary>
    /// A short Markdown heading line that holds the cue announces a section: "### A plus if you have the following",
    /// "## Bonus points". The line starts with '#', holds no sentence punctuation and has at most ten words.
    /// </summary>
    private static bool MarkdownHeadingWithCue(string text, CueHit cue)
    {
        if (!CueLine(text, cue, out var head, out var after))
        {
            return false;
        }

        // "#### You'll have an edge if you have:", and a line set wholly in bold, "**It will be considered a significant
        // advantage if you bring**": Markdown's two ways of laying out a heading.
        var lead = head.TrimStart();
        var tail = after.TrimEnd().TrimEnd(':');
        var heading = lead.StartsWith("#", StringComparison.Ordinal)
            || (lead.StartsWith("**", StringComparison.Ordinal) && tail.EndsWith("**", StringComparison.Ordinal));
        return heading && !head.ContainsAny(".;!") && !after.ContainsAny(".;!")
            && WordCount(head) + WordCount(after) <= 11;
    }

    private static readonly string[] s_listNouns = ["skill", "experience", "qualification", "technolog", "tool", "knowledge", "requirement", "what "];

    /// <summary>"Useful technical skills (", "What skills will": the line announces a list, it is not an item ("Python (").</summary>
    private static bool NamesAList(ReadOnlySpan<char> head)
    {
        foreach (var noun in s_listNouns)
        {
            if (AsciiCase.Contains(head, noun))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lowercase run ending at <paramref name="i"/> is a whole word of at least three letters starting in lower case.</summary>
    private static bool GluedWordStart(string text, int i)
    {
        var j = i;
        while (j >= 0 && char.IsLower(text[j]))
        {
            j--;
        }

        return i - j >= 3 && (j < 0 || !char.IsLetterOrDigit(text[j]));
    }

    private static bool OnlyMarkup(ReadOnlySpan<char> prefix)
    {
        foreach (var c in prefix)
        {
            if (!(char.IsWhiteSpace(c) || c is '*' or '#' or '-' or '+' or '>' or '_' or '\u2022' or '\u00B7' or '\u2013' or '\u25AA'))
            {
                return false;
            }
        }

        return true;
    }

    private static int WordCount(ReadOnlySpan<char> s)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }

    private static bool AllCaps(ReadOnlySpan<char> s)
    {
        var letters = 0;
        foreach (var c in s)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters >= 3;
    }

    /// <summary>Every word capitalized, small words aside: "Preferred Qualifications", "Nice to Have".</summary>
    private static bool TitleCase(ReadOnlySpan<char> s)
    {
        foreach (var range in s.SplitAny(" -\t"))
        {
            var word = s[range];
            if (word.IsEmpty || char.IsUpper(word[0]))
            {
                continue;
            }

            var small = false;
            foreach (var w in s_smallWords)
            {
                small |= word.Equals(w, StringComparison.OrdinalIgnoreCase);
            }

            if (!small)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A section of a posting: [Start, End) and its kind (<see cref="SectionKinds"/>).</summary>
internal readonly record struct Segment(int Start, int End, int Kind);

/// <summary>The parts of one posting, as found by <see cref="StrengthDetector.Analyze"/>.</summary>
internal sealed class PostingLayout(List<Segment>? segments, List<(int Start, int End)>? preferred, List<(int Start, int End)>? legal)
{
    /// <summary>Lines before the first job heading that describe the company.</summary>
    public List<(int Start, int End)>? Intro { get; init; }

    /// <summary>The section kind at <paramref name="position"/>.</summary>
    public int KindAt(int position)
    {
        if (legal is not null && Inside(legal, position))
        {
            return SectionKinds.Legal;
        }

        if (Intro is not null && Inside(Intro, position))
        {
            return SectionKinds.Company;
        }

        if (segments is not null)
        {
            for (var i = segments.Count - 1; i >= 0; i--)
            {
                var segment = segments[i];
                if (segment.Start <= position)
                {
                    return position < segment.End ? segment.Kind : SectionKinds.Job;
                }
            }
        }

        return SectionKinds.Job;
    }

    /// <summary>Whether a hedge ("a plus", "preferably") covers <paramref name="position"/>.</summary>
    public bool HedgedAt(int position) => preferred is not null && Inside(preferred, position);

    private static bool Inside(List<(int Start, int End)> regions, int position)
    {
        foreach (var (start, end) in regions)
        {
            if (position >= start && position < end)
            {
                return true;
            }
        }

        return false;
    }
}
