using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SkillScope.Ingest.Formats;

/// <summary>What one Hacker News "Who is hiring?" comment advertises (facts as the poster states them).</summary>
/// <param name="Company">The employer named in the header, or null when the ad names none.</param>
/// <param name="Roles">One title per advertised role, in the order the ad gives them (never empty).</param>
/// <param name="Location">The places the header names, joined with " / ".</param>
/// <param name="Arrangement">remote, hybrid or onsite by the rules in docs/formats.md, or null.</param>
/// <param name="SalaryText">The stated pay range as written ("$150K-$200K", "EUR 80k"), or null.</param>
/// <param name="EmploymentType">The header's employment label as written ("Full-time", "Contract"), or null.</param>
public sealed record HnAd(
    string? Company, IReadOnlyList<string> Roles, string? Location, string? Arrangement, string? SalaryText, string? EmploymentType);

/// <summary>A comment read as an ad, or the reason it is not one (a reply, a remark, a deleted comment).</summary>
public readonly record struct HnAdParse(HnAd? Ad, string? SkipReason);

/// <summary>
/// Reads a "Who is hiring?" comment: its header line ("Company | Role(s) | Location | REMOTE | $salary | URL", by
/// convention, with many variants) and its body (role lists, salary lines, "we are hiring a ..." sentences). Pure and
/// deterministic; never throws on any text. Rules: docs/formats.md (hn), measured in docs/accuracy.md.
/// </summary>
public static partial class HnComment
{
    /// <summary>Reason for a comment with no text (deleted, dead or empty).</summary>
    public const string EmptyReason = "empty or deleted comment";

    /// <summary>Reason for a reply or remark: no header naming a role, place or arrangement, and no hiring statement.</summary>
    public const string NotAnAdReason = "not a job ad (a reply or remark: no company | role header and no hiring statement)";

    /// <summary>Reason for a YC job story whose page names no role.</summary>
    public const string NoRoleReason = "job story without a role";

    private const int MaxRoles = 20;
    private const int MaxHeaderChars = 600;

    /// <summary>HN comment HTML (&lt;p&gt;, &lt;a&gt;, &lt;i&gt;, &lt;pre&gt;, entities) as plain text: paragraphs become blank lines.</summary>
    public static string ToText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var sb = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i + 1);
                if (end < 0)
                {
                    sb.Append(html, i, html.Length - i);
                    break;
                }

                var tag = html.AsSpan(i + 1, end - i - 1).TrimStart('/');
                if (tag.StartsWith("p", StringComparison.OrdinalIgnoreCase) && (tag.Length == 1 || !char.IsAsciiLetter(tag[1])))
                {
                    sb.Append("\n\n");
                }
                else if (tag.StartsWith("br", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("pre", StringComparison.OrdinalIgnoreCase)
                    || tag.StartsWith("li", StringComparison.OrdinalIgnoreCase))
                {
                    sb.Append('\n');
                }

                i = end + 1;
                continue;
            }

            sb.Append(c);
            i++;
        }

        var text = WebUtility.HtmlDecode(sb.ToString()).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return MultiBlank().Replace(text, "\n\n").Trim();
    }

    /// <summary>Reads an ad from a comment's plain text (see <see cref="ToText"/>).</summary>
    public static HnAdParse Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim() is "[deleted]" or "[dead]" or "[flagged]")
        {
            return new(null, EmptyReason);
        }

        var lines = Lines(text);
        if (lines.Count > 1 && Notice().IsMatch(lines[0]) && CellCount(lines[0]) < 3)
        {
            // "CLOSED - thanks for the great applications folks!", "Edit: applications closed ...": a notice above the ad.
            lines.RemoveAt(0);
        }

        var first = ParseLines(text, lines);
        if (first.Ad is not null || IsReply(text) || Seeker().IsMatch(text.Length > 400 ? text[..400] : text))
        {
            return first;
        }

        // The first line is not a header: the header may sit under a notice ("CLOSED - thanks ..."), be stacked over
        // several short lines ("SafetyWing" / "Partnerships Manager | ..." / "Remote | Full-time"), or be written as one
        // field per line ("Company: Karma8" / "Location: Remote" / "Compensation: ...").
        foreach (var alternative in AlternativeHeaders(lines))
        {
            var parse = ParseLines(text, alternative);
            if (parse.Ad is not null)
            {
                return parse;
            }
        }

        return first;
    }

    /// <summary>Reads an ad whose header is <paramref name="lines"/>[0] and whose body is the lines after it.</summary>
    private static HnAdParse ParseLines(string text, List<string> lines)
    {
        var header = lines[0];
        if (header.Length > MaxHeaderChars)
        {
            header = header[..MaxHeaderChars];
        }

        var segments = Segments(header);
        var head = text.Length > 3000 ? text[..3000] : text;
        var hiring = HiringStatement().Match(head);
        if (!hiring.Success)
        {
            // "We're currently hiring Senior and Staff Engineers": the same statement in the first person.
            hiring = WeAreHiring().Match(head);
        }

        var classified = segments.Select(Classify).ToList();
        var cues = classified.Skip(1).Count(c => c.Kinds != Kind.None);
        var bodyRoles = BodyRoles(lines);
        var isAd = (segments.Count >= 2 && (cues >= 1 || classified[0].Kinds.HasFlag(Kind.Role)))
            || hiring.Success
            || bodyRoles.Count >= 2
            || (segments.Count == 1 && classified[0].Kinds.HasFlag(Kind.Role) && classified[0].Kinds.HasFlag(Kind.Arrangement));
        if (!isAd || (segments.Count < 2 && IsReply(text)) || Seeker().IsMatch(text.Length > 400 ? text[..400] : text))
        {
            return new(null, NotAnAdReason);
        }

        string? company = null;
        var headerRoles = new List<string>();
        var places = new List<string>();
        string? employment = null;
        string? salary = null;
        var arrangementText = new StringBuilder();
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            var kinds = classified[s].Kinds;
            if (s == 0 && segments.Count == 1 && IntroducedName().Match(segment) is { Success: true } introduced)
            {
                // "SwingVision is the AI tennis app that ...": a sentence, not a header.
                company = CleanName(introduced.Groups["company"].Value);
                continue;
            }

            if (s == 0 && segments.Count == 1 && NameThenSentence().Match(segment) is { Success: true } lead)
            {
                // "Wayward (wayward.com)- we're rebuilding the way brands and creators connect. ...": a name, then a sentence.
                company = CleanName(lead.Groups["company"].Value);
                continue;
            }

            if (s == 0 && IsSentence(segment) && IntroducedAfterComma().Match(segment) is { Success: true } named)
            {
                // "Backed by Sequoia Capital, Peregrine is the operational AI platform ... | In-office 4 days": the first
                // cell is a sentence that introduces the company.
                company = CleanName(named.Groups["company"].Value);
                continue;
            }

            if (s == 0)
            {
                var (name, rest) = CompanyOf(segment);
                if (name is not null)
                {
                    company = name;
                    if (rest is not null)
                    {
                        var restKinds = Classify(rest).Kinds;
                        Collect(rest, restKinds);
                    }

                    continue;
                }

                if (AnonymousEmployer().IsMatch(segment) || HiringOnly().IsMatch(segment))
                {
                    // "Stealth startup", or "Hiring – REMOTE LATAM - ...": no company named.
                    continue;
                }

                if (!kinds.HasFlag(Kind.Role) || !StrongRoleNoun().IsMatch(StripParentheses(segment)))
                {
                    company = CleanName(segment);
                    continue;
                }
            }

            if (kinds == Kind.None && company is null && s > 0 && !LooksLikePlace(segment) && IsNameLike(segment) && !NotRole().IsMatch(segment))
            {
                company = CleanName(segment);
                continue;
            }

            Collect(segment, kinds);
        }

        void Collect(string segment, Kind kinds)
        {
            if (kinds.HasFlag(Kind.Company) && company is null && CompanyLabel().Match(segment) is { Success: true } label)
            {
                company = CleanName(label.Groups[1].Value);
                return;
            }

            if (kinds.HasFlag(Kind.Salary))
            {
                salary ??= SalaryIn(segment) ?? segment;
            }

            if (kinds.HasFlag(Kind.Employment))
            {
                employment ??= EmploymentWord().Match(segment).Value;
            }

            if (kinds.HasFlag(Kind.Arrangement))
            {
                arrangementText.Append(segment).Append(" | ");
            }

            var roleText = kinds.HasFlag(Kind.Salary) ? SalaryPattern().Replace(EmptyParens().Replace(MoneyParens().Replace(segment, ""), ""), " ") : segment;
            if (kinds.HasFlag(Kind.Employment))
            {
                // "Full time, interns/co-ops": interns listed beside another class of hire are a role of their own.
                roleText = InternsBesideClass().Match(roleText) is { Success: true } interns
                    ? interns.Groups["interns"].Value
                    : EmploymentWord().Replace(roleText, " ");
            }
            if (IsSentence(segment))
            {
                // "We build AI tools that help law firms ...": prose that ran into the header, not a title or a place.
                return;
            }

            if (kinds.HasFlag(Kind.Role) && RoleNoun().IsMatch(StripParentheses(roleText)) && !(kinds.HasFlag(Kind.Salary) && roleText.Trim().Length < 3))
            {
                var (roles, at) = RolesOf(roleText);
                headerRoles.AddRange(roles);
                if (at is not null && company is null)
                {
                    company = at;
                }
            }
            else if ((kinds.HasFlag(Kind.Place) || (kinds.HasFlag(Kind.Arrangement) && HasPlaceBesidesArrangement(segment)))
                && !kinds.HasFlag(Kind.Employment) && !kinds.HasFlag(Kind.Salary))
            {
                places.Add(segment.Trim());
            }
        }

        var body = lines.Count > 1 ? string.Join('\n', lines.Skip(1)) : "";
        var roles = ChooseRoles(headerRoles, bodyRoles);
        if (roles.Count == 1 && headerRoles.Count == 0 && hiring.Success && !StrongRoleNoun().IsMatch(StripParentheses(roles[0])))
        {
            // "We're looking for engineers ..." says more than one body line with no title word ("- Open-sourcing AI research: link").
            roles.Clear();
        }

        var extra = ExtraHeaderRoles(lines);
        extra.AddRange(lines.Skip(1).SelectMany(ListedPipeRoles));
        if (extra.Count > 0 && roles.All(r => VagueRole().IsMatch(StripParentheses(r).Trim())))
        {
            // "Multiple roles" over "1. Senior Platform Engineer | $160k | link" lines: the lines name the roles.
            roles.Clear();
        }

        roles.AddRange(extra.Where(e => !roles.Any(r => RoleKey(r) == RoleKey(e))));
        if (bodyRoles.Count < 2 && (roles.Count == 0 || roles.All(r => VagueRole().IsMatch(StripParentheses(r).Trim())) || MoreInHeader().IsMatch(header)))
        {
            // "Multiple roles (engineering + design)" over "We are hiring a software engineer and a genius designer", or
            // "AI/ML Engineer + others" over "We are looking for AI/ML Engineers ..., Senior Data Scientists ..., and
            // Product Engineers ...": the roles named in the body's hiring sentences.
            var named = SentenceRoles(body);
            if (named.Count >= (roles.Count == 0 ? 2 : 1))
            {
                var kept = roles.Where(r => !VagueRole().IsMatch(StripParentheses(r).Trim())).ToList();
                roles = [.. kept.Concat(named.Where(n => !kept.Any(k => SameTitle(k, n)))).DistinctBy(RoleKey, StringComparer.Ordinal)];
            }
        }
        if (roles.Count == 0 && hiring.Success)
        {
            var stated = Tidy(hiring.Groups["role"].Value);
            // "We're looking for engineers who ..." says less than "Hiring software engineers from Senior to Staff".
            roles.Add(VagueRole().IsMatch(stated)
                && (SentenceRoles(body).FirstOrDefault() ?? SentenceRole().Matches(body).Select(m => Tidy(m.Groups["role"].Value)).FirstOrDefault(r => !VagueRole().IsMatch(r) && !Prose().IsMatch(r))) is { } named
                ? named
                : stated);
            if (company is null && hiring.Groups["company"].Success)
            {
                company = CleanName(hiring.Groups["company"].Value);
            }
        }

        if (roles.Count == 0)
        {
            roles.AddRange(UrlRoles(body));
        }

        // A header that is one sentence ("Wayward - we're rebuilding ... Looking for NY-based engineers (hybrid)") is read as body too.
        if (roles.Count == 0 && SentenceRole().Match(segments.Count == 1 ? header + "\n" + body : body) is { Success: true } sentence)
        {
            roles.Add(Tidy(sentence.Groups["role"].Value));
        }

        if (roles.Count == 0)
        {
            roles.Add("Engineering roles (not named)");
        }

        // "Head of Engineering & Infrastructure | Full-Time | Remote" over "--- FetLife | Senior DevOps Engineer | Remote":
        // a header that names no company, and a second header that does.
        company ??= SecondHeaderCompany(lines);
        salary ??= SalaryIn(body);
        var arrangement = Arrangement(arrangementText.ToString()) ?? Arrangement(header) ?? BodyArrangement(body);
        return new(new HnAd(
            company is { Length: > 0 } ? company : null,
            [.. roles.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxRoles)],
            places.Count == 0 ? null : string.Join(" / ", places.Distinct(StringComparer.OrdinalIgnoreCase)),
            arrangement,
            salary,
            employment is { Length: > 0 } ? employment : null), null);
    }

    /// <summary>
    /// Other readings of a comment whose first line is no header, each as a header line followed by the body lines:
    /// a block of "Company:", "Role:", "Location:", "Compensation:" lines; a '|' header on the second or third line
    /// under a notice or greeting; a short name line over short '|' lines ("SafetyWing" / "Partnerships Manager |
    /// B2B Content Lead" / "Remote | Full-time").
    /// </summary>
    private static IEnumerable<List<string>> AlternativeHeaders(List<string> lines)
    {
        if (FieldHeader(lines) is { } fields)
        {
            yield return fields;
        }

        var name = lines[0];
        if (lines.Count >= 2 && name.Length <= 60 && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5 && !name.Contains('|', StringComparison.Ordinal)
            && !Prose().IsMatch(name) && !name.EndsWith('.') && !name.Contains(':', StringComparison.Ordinal) && char.IsUpper(name[0]))
        {
            var cells = new List<string> { name };
            var next = 1;
            while (next < lines.Count && next <= 3 && lines[next].Length <= 200 && lines[next].Contains('|', StringComparison.Ordinal) && !IsSentence(lines[next]))
            {
                cells.Add(lines[next++]);
            }

            if (cells.Count >= 2)
            {
                yield return [string.Join(" | ", cells), .. lines.Skip(next)];
            }
        }

        for (var l = 1; l <= 2 && l < lines.Count; l++)
        {
            if (lines[l].Length <= MaxHeaderChars && CellCount(lines[l]) >= 3 && lines.Take(l).All(p => p.Length <= 200 && CellCount(p) < 3))
            {
                yield return [.. lines.Skip(l)];
                break;
            }

            if (lines[l].Length <= 300 && !lines[l].Contains('|', StringComparison.Ordinal) && DashCells(lines[l]) is { Count: >= 3 } cells
                && !Prose().IsMatch(cells[0]) && lines.Take(l).All(p => p.Length <= 60 && !p.Contains('|', StringComparison.Ordinal) && !Prose().IsMatch(p)))
            {
                // "Remote or Netherlands" / "Topliner - Founding Engineer (...) - Remote - $80k + Equity": a short place
                // or notice line above a header cut with " - ".
                yield return [.. lines.Skip(l)];
                break;
            }
        }
    }

    /// <summary>"Senior AI / LLM Engineer (Python)": two or more capitalised words ending in a role noun, or null.</summary>
    private static string? TitleCaseTitle(string text)
    {
        var title = Tidy(text);
        var bare = StripParentheses(title).Trim();
        var words = bare.Split([' ', '/', '&'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 6 && StrongRoleNoun().IsMatch(bare) && RoleNounAtEnd().IsMatch(bare) && !Prose().IsMatch(title) && !Requirement().IsMatch(title)
            && words.All(w => !char.IsLetter(w[0]) || w.Any(char.IsUpper) || w is "of" or "and")
            ? title
            : null;
    }

    /// <summary>A title starts with a capital or a digit, or with a word that has a capital inside ("iOS Engineer").</summary>
    private static bool StartsLikeTitle(string text) =>
        char.IsUpper(text[0]) || char.IsDigit(text[0]) || text.TakeWhile(c => !char.IsWhiteSpace(c)).Skip(1).Any(char.IsUpper);

    private static List<string> DashCells(string line) =>
        [.. DashSeparator().Split(line).Select(s => s.Trim()).Where(s => s.Length > 0)];

    private static int CellCount(string line) => line.Split('|').Count(c => c.Trim().Length > 0);

    /// <summary>
    /// "Company: Karma8" / "Location: Remote (UTC+3)" / "Type: Full-time" / "Compensation: from $2500/month" at the top of
    /// a comment, as one header line "Company: Karma8 | Remote (UTC+3) | Full-time | from $2500/month", followed by the
    /// lines after the block. Needs a company field, or a role field and one more; a job seeker's block ("Willing to
    /// relocate:", "Résumé/CV:") is not an ad.
    /// </summary>
    private static List<string>? FieldHeader(List<string> lines)
    {
        string? company = null;
        var roles = new List<string>();
        var cells = new List<string>();
        var fields = 0;
        var start = -1;
        var end = -1;
        for (var l = 0; l < lines.Count && l < 12; l++)
        {
            var m = FieldLine().Match(lines[l]);
            if (!m.Success)
            {
                if (start >= 0)
                {
                    break;
                }

                if (l >= 1)
                {
                    return null;
                }

                continue;
            }

            var label = m.Groups["label"].Value.ToLowerInvariant();
            var value = m.Groups["value"].Value.Trim();
            if (SeekerField().IsMatch(label))
            {
                return null;
            }

            if (value.Length == 0)
            {
                // "Roles:" over a list: the list is body.
                break;
            }

            start = start < 0 ? l : start;
            end = l;
            fields++;

            switch (label)
            {
                case "company" or "employer" or "who is hiring" or "organization" or "organisation":
                    company ??= value;
                    break;
                case "role" or "roles" or "title" or "position" or "positions" or "job" or "job title" or "open roles" or "hiring":
                    roles.Add(value);
                    break;
                case "remote":
                    cells.Add(NoWord().IsMatch(value) ? "Remote: no" : RemoteWord().IsMatch(value) || YesWord().IsMatch(value) ? "Remote" : value);
                    break;
                case "location" or "locations" or "type" or "employment" or "employment type" or "commitment" or "compensation" or "salary" or "pay"
                    or "comp" or "work arrangement" or "arrangement" or "office" or "work mode":
                    cells.Add(value);
                    break;
            }
        }

        if (start < 0 || (company is null && (roles.Count == 0 || fields < 2)))
        {
            return null;
        }

        var header = new List<string> { company is null ? "Hiring" : "Company: " + company.Replace("|", " ", StringComparison.Ordinal) };
        header.AddRange(roles);
        header.AddRange(cells);
        return [string.Join(" | ", header.Select(h => h.Replace('|', '/'))), .. lines.Skip(end + 1)];
    }

    /// <summary>
    /// A YC "job story" page as the upstream pipeline scraped it: "Acme (YC W24) Is Hiring ..." and a
    /// "Role at Acme | Y Combinator" line.
    /// </summary>
    public static HnAdParse ParseJobStory(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, EmptyReason);
        }

        var lines = Lines(text);
        string? company = null;
        string? role = null;
        if (StoryTitle().Match(lines[0]) is { Success: true } title)
        {
            company = CleanName(title.Groups["company"].Value);
            role = title.Groups["role"].Success ? Tidy(title.Groups["role"].Value) : null;
        }

        foreach (var line in lines.Skip(1).Take(4))
        {
            if (StoryRoleLine().Match(line) is { Success: true } at)
            {
                role = Tidy(at.Groups["role"].Value);
                company ??= CleanName(at.Groups["company"].Value);
                break;
            }
        }

        if (string.IsNullOrWhiteSpace(role))
        {
            return new(null, NoRoleReason);
        }

        var body = string.Join('\n', lines.Skip(1));
        return new(new HnAd(company, [role], null, BodyArrangement(body), SalaryIn(body), null), null);
    }

    [Flags]
    private enum Kind
    {
        None = 0,
        Url = 1,
        Salary = 2,
        Employment = 4,
        Arrangement = 8,
        Role = 16,
        Place = 32,
        Company = 64,
    }

    private readonly record struct Segment(Kind Kinds);

    private static Segment Classify(string segment)
    {
        var kinds = Kind.None;
        var text = segment.Trim();
        if (text.Length == 0)
        {
            return new(kinds);
        }

        if (UrlOnly().IsMatch(text))
        {
            return new(Kind.Url);
        }

        if (CompanyLabel().IsMatch(text))
        {
            kinds |= Kind.Company;
        }

        if (SalaryIn(text) is not null)
        {
            kinds |= Kind.Salary;
        }

        if (EmploymentWord().IsMatch(text))
        {
            kinds |= Kind.Employment;
        }

        if (ArrangementWord().IsMatch(text))
        {
            kinds |= Kind.Arrangement;
        }

        if (RoleNoun().IsMatch(StripParentheses(text)) && !NotRole().IsMatch(text))
        {
            kinds |= Kind.Role;
        }

        if (LooksLikePlace(text))
        {
            kinds |= Kind.Place;
        }

        return new(kinds);
    }

    /// <summary>Header line split into cells: on '|', else on " - ", " – ", " — ", "•", " · " when that gives 3+ cells.</summary>
    private static List<string> Segments(string header)
    {
        if (header.Contains('|', StringComparison.Ordinal))
        {
            return [.. header.Split('|').Select(s => s.Trim()).Where(s => s.Length > 0).DefaultIfEmpty("")];
        }

        var dashed = DashSeparator().Split(header).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (dashed.Count >= 2)
        {
            return dashed;
        }

        foreach (var separator in (ReadOnlySpan<string>)[" • ", "•", " · ", " / "])
        {
            var parts = header.Split(separator).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
            if (parts.Count >= 3 || (parts.Count == 2 && separator != " / "))
            {
                return parts;
            }
        }

        // "Krea; Fulltime; Onsite, San Francisco, CA, USA.": short cells cut with ';'.
        var semicolon = header.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (semicolon.Count >= 3 && semicolon.All(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8))
        {
            return semicolon;
        }

        // "Addepar/ Software Engineering Manager/ NYC-Hybrid/ Full-time": '/' with a space on one side only.
        var slashed = SlashSeparator().Split(header).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        return slashed.Count >= 3 ? slashed : [header.Trim()];
    }

    /// <summary>The company cell: links, "(YC W24)", "(CLOSED)", greetings and "is hiring ..." removed; the rest of the cell when it says more.</summary>
    private static (string? Name, string? Remainder) CompanyOf(string segment)
    {
        var text = Closed().Replace(segment, "").Trim();
        text = Greeting().Replace(text, "").Trim();
        if (IsHiring().Match(text) is { Success: true } hiring && hiring.Index > 0)
        {
            var name = CleanName(text[..hiring.Index]);
            var rest = text[(hiring.Index + hiring.Length)..].Trim();
            return (name, rest.Length > 0 ? rest : null);
        }

        if (CompanyLabel().Match(text) is { Success: true } label)
        {
            return (CleanName(label.Groups[1].Value), null);
        }

        // "40GRID - Full-time Remote": a name, then cues.
        var dash = text.IndexOf(" - ", StringComparison.Ordinal);
        if (dash > 0 && Classify(text[(dash + 3)..]).Kinds is var after && after != Kind.None && !after.HasFlag(Kind.Role))
        {
            return (CleanName(text[..dash]), text[(dash + 3)..]);
        }

        if (Classify(text).Kinds.HasFlag(Kind.Role))
        {
            // "Staff Engineers @Artemis in NYC", "Founding Engineer @ Conductor (San Francisco, ONSITE)": the company, and the
            // cell again for its title and place unless it is a sentence ("We're hiring developers who write at Mem0.ai").
            var (_, at) = RolesOf(text);
            return at is null ? (null, null) : (at, Prose().IsMatch(text) ? null : text);
        }

        return (null, null);
    }

    private static string? CleanName(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var name = UrlInText().Replace(text, "");
        name = YcBatch().Replace(name, "");
        name = EmptyParens().Replace(name, "");
        var trailing = TrailingParens().Replace(name, "");
        name = trailing.Trim().Length > 0 ? trailing : name;
        name = name.Trim().Trim(',', ':', '-', '–', '—', '(', ')', '[', ']', '.', '!', ' ');
        return name.Length is 0 or > 120 ? null : WhiteRun().Replace(name, " ");
    }

    private static bool IsNameLike(string segment) =>
        segment.Length <= 60 && !segment.Contains("http", StringComparison.OrdinalIgnoreCase) && char.IsUpper(segment.TrimStart()[0]);

    /// <summary>Titles in a role cell ("Senior/Staff Fullstack Engineer, DevOps Engineer"), and the company after "@" or " at ".</summary>
    private static (List<string> Roles, string? Company) RolesOf(string segment)
    {
        string? company = null;
        var text = UrlInText().Replace(segment, " ");
        if (AtCompany().Match(text) is { Success: true } at)
        {
            company = CleanName(at.Groups["company"].Value);
            text = text[..at.Index];
        }

        var pieces = SplitOutsideParentheses(text);
        var roles = new List<string>();
        var pending = "";
        foreach (var raw in pieces)
        {
            var piece = raw.Piece.Trim();
            if (piece.Length == 0)
            {
                continue;
            }

            if (MoreRoles().IsMatch(piece))
            {
                // "AI/ML Engineer + others": the body names the others.
                continue;
            }

            var bare = StripParentheses(piece);
            var hasNoun = RoleNoun().IsMatch(bare);
            if (!hasNoun && pending.Length == 0 && roles.Count > 0 && Classify(piece).Kinds is var cue && cue != Kind.None && !cue.HasFlag(Kind.Role))
            {
                // "Full-Stack Engineer, Remote": a cue, not a title.
                continue;
            }

            // The separator as written: "Senior + Mid-Level", "R&D", "Frontend / Backend".
            var spaced = raw.Separator.Length == 1;
            var glue = (spaced && Previous(pieces, raw) is { Length: > 0 } before && char.IsWhiteSpace(before[^1]) ? " " : "")
                + raw.Separator + (spaced && raw.Piece.Length > 0 && char.IsWhiteSpace(raw.Piece[0]) ? " " : "");
            var joined = pending.Length > 0 ? pending + glue + piece : piece;
            var listed = raw.Separator is "," or ";";
            if (hasNoun && !SeniorityOnly().IsMatch(bare))
            {
                // "Hardware & Software Engineers", "Frontend / Backend Engineer": a conjunction joins two titles only when both have a noun.
                if (!listed && roles.Count > 0 && pending.Length == 0 && raw.Separator.Length > 0 && !RoleNoun().IsMatch(StripParentheses(Previous(pieces, raw))))
                {
                    roles[^1] = Tidy(roles[^1] + glue + piece);
                }
                else
                {
                    roles.Add(Tidy(joined));
                }

                pending = "";
            }
            else if (listed && !SeniorityOnly().IsMatch(bare) && pending.Length == 0 && roles.Count > 0 && piece.Split(' ').Length <= 4)
            {
                // "Sr. Platform, Sr. Front End, Sr. DevOps": each listed item is a role.
                roles.Add(Tidy(piece));
            }
            else
            {
                pending = joined;
            }
        }

        if (pending.Length > 0)
        {
            if (roles.Count > 0)
            {
                // "Senior Backend / Frontend / Android / QA": qualifiers that share the last noun-less tail.
                roles[^1] = Tidy(roles[^1] + ", " + pending);
            }
            else if (RoleNoun().IsMatch(StripParentheses(pending)))
            {
                roles.Add(Tidy(pending));
            }
        }

        return ([.. roles.SelectMany(SplitJoinedTitles)], company);
    }

    /// <summary>
    /// "Staff Fullstack Engineer/Senior Software Engineer/Forward Deployed Engineer": titles joined by '/' are split when
    /// every part is a title of its own (two words or more, with a role noun); "Senior/Staff Engineer", "AI/ML Engineer"
    /// and "DevOps Engineer/SRE" stay one role.
    /// </summary>
    private static IEnumerable<string> SplitJoinedTitles(string role)
    {
        if (!role.Contains('/', StringComparison.Ordinal) || Parenthesized().IsMatch(role))
        {
            return [role];
        }

        var parts = role.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && parts.All(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2 && StrongRoleNoun().IsMatch(p))
            ? parts.Select(Tidy)
            : [role];
    }

    private static string Previous(List<(string Piece, string Separator)> pieces, (string Piece, string Separator) current)
    {
        var index = pieces.IndexOf(current);
        return index > 0 ? pieces[index - 1].Piece : "";
    }

    private static List<(string Piece, string Separator)> SplitOutsideParentheses(string text)
    {
        var result = new List<(string, string)>();
        var depth = 0;
        var start = 0;
        var separator = "";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                var length = SeparatorAt(text, i);
                if (length > 0)
                {
                    result.Add((text[start..i], separator));
                    separator = text.Substring(i, length);
                    start = i + length;
                    i += length - 1;
                }
            }
        }

        result.Add((text[start..], separator));
        return result;
    }

    private static int SeparatorAt(string text, int i)
    {
        var c = text[i];
        if (c is ',' or ';' or '&')
        {
            return 1;
        }

        if (c == '+' && i > 0 && i + 1 < text.Length && text[i - 1] == ' ' && text[i + 1] == ' ')
        {
            // "Senior + Mid-Level Software Engineers", not "C++ Engineer".
            return 1;
        }

        if (c == '/' && i > 0 && i + 1 < text.Length && (text[i - 1] == ' ' || text[i + 1] == ' '))
        {
            return 1;
        }

        if (c == ' ' && string.CompareOrdinal(text, i, " and ", 0, 5) == 0)
        {
            return 5;
        }

        return c == ' ' && string.CompareOrdinal(text, i, " or ", 0, 4) == 0 ? 4 : 0;
    }

    private static List<string> ChooseRoles(List<string> header, List<string> body)
    {
        // A body list names roles one by one; the header's "Engineers" or "Multiple roles" only sums them up.
        if (body.Count >= 2 || (body.Count == 1 && header.Count == 0))
        {
            return body;
        }

        if (body.Count == 1 && header.All(IsGeneric))
        {
            return body;
        }

        return header;
    }

    private static bool IsGeneric(string role) => GenericRole().IsMatch(role);

    /// <summary>The company cell of a second '|' header in the body ("--- FetLife | Senior DevOps Engineer | Remote"), or null.</summary>
    private static string? SecondHeaderCompany(List<string> lines)
    {
        for (var l = 1; l < lines.Count; l++)
        {
            if (lines[l].Length > 300 || lines[l].Count(c => c == '|') < 2)
            {
                continue;
            }

            var cells = Segments(Bullet().Replace(lines[l], "").Trim());
            var name = cells[0];
            if (cells.Count >= 3 && Classify(name).Kinds == Kind.None && IsNameLike(name) && !LooksLikePlace(name) && !Prose().IsMatch(name)
                && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4 && cells.Skip(1).Any(c => Classify(c).Kinds.HasFlag(Kind.Role)))
            {
                return CleanName(name);
            }
        }

        return null;
    }

    /// <summary>
    /// "- Senior Full-Stack Engineer | Equity | 110k+", "1. Staff Platform Engineer | 200k - 250k | link": in a list,
    /// the first cell of a '|' line is the title (empty when the line is no such line).
    /// </summary>
    private static List<string> ListedPipeRoles(string line)
    {
        if (line.Length > 600 || line.Count(c => c == '|') < 2 || !Bullet().IsMatch(line))
        {
            return [];
        }

        var cell = Segments(Bullet().Replace(UrlInText().Replace(line, " "), "").Trim('*', '_', ' '))[0];
        var kinds = Classify(cell).Kinds;
        return kinds.HasFlag(Kind.Role) && !kinds.HasFlag(Kind.Salary) && !kinds.HasFlag(Kind.Arrangement) && !kinds.HasFlag(Kind.Employment)
            && StrongRoleNoun().IsMatch(cell) && !Prose().IsMatch(cell)
            ? RolesOf(cell).Roles
            : [];
    }

    /// <summary>
    /// Roles of a second header inside the comment ("--- ALSO --- Acme | Founding Engineer | SF | $140k", "Acme |
    /// Hiring DevOps Engineer (Full-Time) | NYC").
    /// </summary>
    private static List<string> ExtraHeaderRoles(List<string> lines)
    {
        var roles = new List<string>();
        for (var l = 1; l < lines.Count; l++)
        {
            if (lines[l].Length > 300 || lines[l].Count(c => c == '|') < 2)
            {
                continue;
            }

            if (ListedPipeRoles(lines[l]).Count > 0)
            {
                // A '|' line in a list that starts with a title is a body role line (BodyRoles).
                continue;
            }

            foreach (var raw in Segments(lines[l]).Skip(1))
            {
                var cell = EmploymentParens().Replace(raw, " ").Trim();
                var kinds = Classify(cell).Kinds;
                if (kinds.HasFlag(Kind.Role) && !kinds.HasFlag(Kind.Salary) && !kinds.HasFlag(Kind.Arrangement) && !kinds.HasFlag(Kind.Employment)
                    && StrongRoleNoun().IsMatch(cell))
                {
                    roles.AddRange(RolesOf(cell).Roles);
                }
            }
        }

        return roles;
    }

    /// <summary>
    /// "Staff Engineer - Frontend - €85.000 - apply at ..." → "Staff Engineer - Frontend": parts cut with a dash or a
    /// bullet ("Software Engineer, Full Stack • Build polished web ...") up to the first that reads as prose or is
    /// empty. <c>BeforeProse</c> says the line went on into prose after the part kept.
    /// </summary>
    private static (string Text, bool BeforeProse) ShortPrefix(string line)
    {
        var parts = PartSeparator().Split(line);
        if (parts.Length == 1)
        {
            return (line, false);
        }

        var kept = new List<string>();
        var prose = false;
        foreach (var part in parts)
        {
            var p = part.Trim();
            if (p.Length == 0 || Prose().IsMatch(p) || p.EndsWith('.') || p.Split(' ').Length > 6 || (kept.Count > 0 && (Requirement().IsMatch(p) || (Classify(p).Kinds is var k && k != Kind.None && !k.HasFlag(Kind.Role)))))
            {
                prose = kept.Count > 0 && p.Length > 0 && (Prose().IsMatch(p) || p.EndsWith('.'));
                break;
            }

            kept.Add(p);
        }

        return kept.Count == 0 ? (parts[0], false) : (string.Join(" - ", kept), prose);
    }

    /// <summary>Titles from job links ("https://acme.org/jobs/senior-software-engineer").</summary>
    private static List<string> UrlRoles(string body)
    {
        var roles = new List<string>();
        foreach (Match m in JobSlug().Matches(body.Length > 6000 ? body[..6000] : body))
        {
            var words = m.Groups["slug"].Value.Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is < 2 or > 6 || words.Any(w => w.All(char.IsAsciiDigit)))
            {
                continue;
            }

            var title = string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
            if (StrongRoleNoun().IsMatch(title))
            {
                roles.Add(title);
            }
        }

        return [.. roles.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxRoles)];
    }

    /// <summary>Titles listed one per line after the header ("- Senior Backend Engineer: https://...", "Staff Data Engineer").</summary>
    private static List<string> BodyRoles(List<string> lines)
    {
        var roles = new List<string>();
        // After an intro with nothing after its colon ("Looking for:"), lines "Title: what the job is" name roles.
        var titledLines = false;
        for (var l = 1; l < lines.Count && roles.Count < MaxRoles; l++)
        {
            var line = lines[l];
            if (line.Length > 600)
            {
                titledLines = false;
                continue;
            }

            var candidate = UrlInText().Replace(line, " ");
            candidate = Bullet().Replace(candidate, "").Trim('*', '_', ' ');
            if (l >= lines.Count - 2 && Signature().IsMatch(candidate))
            {
                // "Willem, Co-founder & CTO" at the end: who wrote the ad, not a role.
                continue;
            }

            if (line.Count(c => c == '|') >= 2)
            {
                roles.AddRange(ListedPipeRoles(line));
                titledLines = false;
                continue;
            }

            if (ListIntro().Match(candidate) is { Success: true } intro)
            {
                // "Roles: Full-Stack Engineer, ML/AI Engineer, Data Scientist".
                var list = candidate[(intro.Index + intro.Length)..];
                titledLines = list.Trim().Length == 0;
                if (l + 1 < lines.Count && list.TrimEnd().EndsWith(',') && lines[l + 1].Length < 80)
                {
                    list += " " + lines[++l];
                }

                if (list.Length > 80 && SentenceEnd().IsMatch(list) && Prose().IsMatch(list))
                {
                    // "Role: Somewhere between product, customer success, and HR consulting. You won't ...": a sentence, not a list.
                    continue;
                }

                var items = list.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(r => r.Split('|')[0].Trim()).Where(r => r.Length > 0).ToList();
                if (items.Count >= 2 && RoleNounAtEnd().Match(items[^1]) is { Success: true } shared)
                {
                    // "Looking for: iOS/Mobile, Full-Stack, AI/ML, Data Engineers": an item without a role word shares the last item's noun.
                    items = [.. items.Select((r, i) => i < items.Count - 1 && !RoleNoun().IsMatch(r) && r.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2 && !Requirement().IsMatch(r)
                        ? r + " " + shared.Value
                        : r)];
                }

                roles.AddRange(items
                    .Where(r => StripParentheses(r).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5 && RoleNoun().IsMatch(r) && !Requirement().IsMatch(r) && !r.EndsWith('.'))
                    .Select(Tidy).Where(r => r.Length > 1));
                continue;
            }

            candidate = Bracketed().Replace(candidate, " ");
            candidate = SalaryPattern().Replace(MoneyParens().Replace(candidate, " "), " ");
            (candidate, var beforeProse) = ShortPrefix(candidate);
            var colon = candidate.IndexOf(':', StringComparison.Ordinal);
            if (titledLines && colon > 0 && TitleBeforeColon(candidate[..colon]) is { } titled)
            {
                roles.Add(titled);
                continue;
            }

            if (colon > 0 && colon == candidate.TrimEnd().Length - 1 && colon <= 80 && HiringIntro().IsMatch(candidate[..colon]))
            {
                // "We're hiring across several roles:" over "- Applied AI Engineer: Deploy AI solutions with customers".
                titledLines = true;
                continue;
            }

            titledLines = false;
            if (colon > 0)
            {
                var after = candidate[(colon + 1)..].Trim();
                if (after.Length == 0 || SalaryIn(after) is not null || after.Length < 3)
                {
                    candidate = candidate[..colon];
                }
                else
                {
                    if (TitleCaseTitle(candidate[..colon]) is { } title)
                    {
                        // "Senior AI / LLM Engineer (Python) : Build production LLM systems ...": a title in capitals before its description.
                        roles.Add(title);
                    }

                    continue;
                }
            }

            candidate = TrailingLinkWords().Replace(candidate, "").Trim().TrimEnd('-', '–', '—', ' ', ',', '*', '_');
            var words = candidate.Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries).Length;
            var bare = StripParentheses(candidate);
            // "Junior Software Developers (Python, Node, JS, or open to learning new tech)": a title followed by its details in
            // parentheses is counted without them.
            var bareWords = TitleThenParens().IsMatch(candidate) ? bare.Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries).Length : words;
            if (words > 0 && Bullet().IsMatch(line) && (Prose().IsMatch(candidate) || words > 9) && !LeadingPreposition().IsMatch(candidate)
                && ItemClause().Replace(LeadingQualifier().Replace(HiringVerb().Replace(bare.Trim(), ""), ""), "").Trim() is { Length: > 0 } head
                && head.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5 && (RoleNounAtEnd().IsMatch(head) || HeadOf().IsMatch(head)) && !Prose().IsMatch(head) && !VagueRole().IsMatch(head)
                && !LeadingConjunction().IsMatch(head))
            {
                // "- An engineering manager with systems engineering experience: https://...": the title before its clause.
                roles.Add(Tidy(char.ToUpperInvariant(head[0]) + head[1..]));
                continue;
            }

            if (bareWords is 0 or > 9 || bare.Trim().Length > 120 || LeadingPreposition().IsMatch(candidate) || candidate.EndsWith('.') || candidate.EndsWith('?') || candidate.EndsWith('!') || Prose().IsMatch(candidate)
                || Requirement().IsMatch(candidate) || !RoleNoun().IsMatch(bare) || NotRole().IsMatch(candidate) || !StartsLikeTitle(candidate)
                || (!StrongRoleNoun().IsMatch(bare) && (bareWords > 3 || GenericRole().IsMatch(bare) || beforeProse)))
            {
                // "AI-powered automotive platform — we're building ...": a phrase before prose names no title.
                continue;
            }

            // "Lead React Native Engineer and React Native Engineers": two titles.
            var parts = AndSeparator().Split(candidate);
            if (parts.Length == 2 && parts.All(p => char.IsUpper(p[0]) && RoleNounAtEnd().IsMatch(StripParentheses(p).Trim()) && p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2))
            {
                roles.AddRange(parts.Select(Tidy));
                continue;
            }

            roles.Add(Tidy(candidate));
        }

        return roles;
    }

    /// <summary>
    /// Titles named in the body's hiring sentences ("we're also looking for a Data Engineer and a Product Designer",
    /// "primary need is for Fullstack/Product Engineers"): each listed item cut before its clause ("to contribute ...",
    /// "who ...", "with ..."), kept when it is at most five words ending in a role noun and names more than the noun.
    /// </summary>
    private static List<string> SentenceRoles(string body)
    {
        var roles = new List<string>();
        foreach (Match m in SentenceList().Matches(body.Length > 4000 ? body[..4000] : body))
        {
            var list = Parenthesized().Replace(m.Groups["list"].Value, " ");
            foreach (var raw in ListItemSeparator().Split(list))
            {
                var item = ItemClause().Replace(LeadingQualifier().Replace(raw.Trim(), ""), "").Trim().TrimEnd(',', ' ');
                var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length is 0 or > 5 || Prose().IsMatch(item) || !RoleNounAtEnd().IsMatch(item) || VagueRole().IsMatch(item)
                    || NotRole().IsMatch(item) || Requirement().IsMatch(item))
                {
                    continue;
                }

                roles.Add(Tidy(char.ToUpperInvariant(item[0]) + item[1..]));
            }
        }

        return [.. roles.DistinctBy(RoleKey, StringComparer.Ordinal).Take(MaxRoles)];
    }

    /// <summary>"Senior Software Engineer" is "Senior Software Engineer - Storage Core": one title's words are all in the other's.</summary>
    private static bool SameTitle(string a, string b)
    {
        var x = TitleWords(a);
        var y = TitleWords(b);
        return x.Count > 0 && y.Count > 0 && (x.IsSubsetOf(y) || y.IsSubsetOf(x));
    }

    private static HashSet<string> TitleWords(string title) =>
        [.. title.ToLowerInvariant().Split([' ', ',', '/', '-', '(', ')', '&'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w)];

    /// <summary>A title's key for "the same role": lower case, a final plural 's' dropped.</summary>
    private static string RoleKey(string role)
    {
        var key = WhiteRun().Replace(role.Trim().ToLowerInvariant(), " ");
        return key.EndsWith('s') && !key.EndsWith("ss", StringComparison.Ordinal) ? key[..^1] : key;
    }

    /// <summary>"AI Engineer", "Tech Lead", "SRE" before a colon: a short title with a role noun, or null.</summary>
    private static string? TitleBeforeColon(string text)
    {
        var title = text.Trim();
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words is >= 1 and <= 5 && StrongRoleNoun().IsMatch(StripParentheses(title)) && !Prose().IsMatch(title) && !Requirement().IsMatch(title)
            ? Tidy(title)
            : null;
    }

    /// <summary>A header cell that is prose: more than ten words, with the words of a sentence ("we", "is", "our", ...).</summary>
    private static bool IsSentence(string cell) => cell.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 10 && Prose().IsMatch(cell);

    /// <summary>
    /// remote when the ad offers remote work (not only "N days remote"); hybrid when it says hybrid or
    /// "N days in office"; onsite when it says on-site / in office / in person and nothing else.
    /// </summary>
    internal static string? Arrangement(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var partial = IsPartial(text);
        var scrubbed = PartialRemote().Replace(text, " ");
        var remote = RemoteWord().IsMatch(scrubbed) && !NoRemote().IsMatch(scrubbed);
        if (remote)
        {
            return "remote";
        }

        if (HybridWord().IsMatch(text) || partial)
        {
            return "hybrid";
        }

        return OnsiteWord().IsMatch(text) ? "onsite" : null;
    }

    /// <summary>"3 days in office", "2 days remote", "remote Fridays": hybrid; "4-5 days in office" can be every day, so it is not.</summary>
    private static bool IsPartial(string text)
    {
        foreach (Match m in PartialRemote().Matches(text))
        {
            var days = OfficeDays().Match(m.Value);
            if (!days.Success || !int.TryParse(days.Groups["n"].Value, CultureInfo.InvariantCulture, out var n) || n < 5)
            {
                return true;
            }
        }

        return false;
    }

    private static string? BodyArrangement(string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        var text = body.Length > 4000 ? body[..4000] : body;
        if (RemoteOffer().IsMatch(text) && !NoRemote().IsMatch(text))
        {
            return "remote";
        }

        if (HybridWord().IsMatch(text) || IsPartial(text))
        {
            return "hybrid";
        }

        return OnsiteWord().IsMatch(text) ? "onsite" : null;
    }

    /// <summary>The first stated pay range: a currency or "k" amount, not funding ("raised $6M") or equity.</summary>
    internal static string? SalaryIn(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (Match m in SalaryPattern().Matches(text.Length > 6000 ? text[..6000] : text))
        {
            var value = m.Value.Trim();
            var before = text[Math.Max(0, m.Index - 40)..m.Index];
            // Funding words on an earlier line say nothing about this amount ("... our customers" / "Comp: £150k+").
            before = before[(before.LastIndexOf('\n') + 1)..];
            var after = text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + 20)];
            if (NotPay().IsMatch(before) || NotPayAfter().IsMatch(after))
            {
                continue;
            }

            if (!HasMoneySignal(value) && !PayContext().IsMatch(before))
            {
                continue;
            }

            return value;
        }

        return null;
    }

    private static bool HasMoneySignal(string value) =>
        value.AsSpan().IndexOfAny("$€£¥₹") >= 0 || CurrencyCode().IsMatch(value) || KAmount().IsMatch(value);

    private static bool IsReply(string text)
    {
        var start = text.TrimStart();
        return start.StartsWith('>') || ReplyOpening().IsMatch(start);
    }

    internal static bool LooksLikePlace(string text)
    {
        var scrubbed = ArrangementWord().Replace(text, " ");
        return PlaceWord().IsMatch(scrubbed) || CityState().IsMatch(scrubbed);
    }

    private static bool HasPlaceBesidesArrangement(string segment) => LooksLikePlace(segment);

    private static List<string> Lines(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return lines.Count == 0 ? [""] : lines;
    }

    private static string StripParentheses(string text) => Parenthesized().Replace(text, " ");

    private static string Tidy(string role)
    {
        var text = WhiteRun().Replace(role, " ").Trim().Trim(',', ';', ':', '-', '–', '—', '|', '&', '+', '/', ' ');
        text = LeadingArticle().Replace(text, "");
        return text.Length > 200 ? text[..200] : text;
    }

    [GeneratedRegex(@"^(?<label>company|employer|who is hiring|organi[sz]ation|roles?|title|job(?: title)?|positions?|open roles|hiring|location|locations|remote|type|employment(?: type)?|commitment|compensation|salary|pay|comp|(?:work )?arrangement|office|work mode|tech(?:nologies)?|stack|tech stack|experience|website|web|url|apply|contact|email|about|visa|team|willing to relocate|r[ée]sum[ée](?:/cv)?|cv)\s*:\s*(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"\b(?:we(?:'re|’re|\s+are)\s+(?:also\s+|currently\s+|now\s+|actively\s+)*(?:hiring(?:\s+for)?|looking\s+for|seeking)|needs?\s+(?:is\s+)?for)\s+(?<list>[^.!?;:\n]{3,300}?)(?=[.!?;:\n]|\s+but\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceList();

    [GeneratedRegex(@",\s*(?:and|or)\s+|,\s*|\s+(?:and|or|as well as|plus|including|such as|e\.g\.)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ListItemSeparator();

    [GeneratedRegex(@"^(?:(?:an?|the|two|three|several|some|more|few|multiple|many|various|our\s+(?:first|next)|experienced|talented|strong|great|exceptional|additional)\s+)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingQualifier();

    [GeneratedRegex(@"\s+(?:to|who|with|that|for|in|on|at|across|from|which|based|willing|able|join(?:ing)?|excited|passionate|interested|eager|like|than)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex ItemClause();

    [GeneratedRegex(@"\b(?:engineers?|developers?|scientists?|researchers?|designers?|managers?|architects?|analysts?|leads?|specialists?|writers?|marketers?|recruiters?|administrators?|consultants?|generalists?|advocates?|interns?|pms?|tpms?)$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleNounAtEnd();

    [GeneratedRegex(@"^(?:(?:multiple|various|several|many|open|all|a few|few|\d+)\s+)?(?:roles?|positions?|openings?|engineers?|engineering(?:\s+roles?)?|developers?|hires|people)$", RegexOptions.IgnoreCase)]
    private static partial Regex VagueRole();

    [GeneratedRegex(@"\+\s*(?:others|more)\b|\b(?:and|&)\s+(?:others|more)\b|\bmany more\b|\bmore roles\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoreInHeader();

    [GeneratedRegex(@"^(?:for|to|in|at|on|from|with|about|if|as)\s", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingPreposition();

    [GeneratedRegex(@"^(?:hiring|seeking|looking for|we need|need)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex HiringVerb();

    [GeneratedRegex(@"\(\s*(?:full[\s-]?time|part[\s-]?time|contract(?:or)?|freelance|permanent|temporary|fte)\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex EmploymentParens();

    [GeneratedRegex(@"^\s*(?:full[\s-]?time|part[\s-]?time|permanent)\s*(?:,|/|&|\band\b|\+)\s*(?<interns>(?:interns?|internships?)(?:\s*(?:/|&|and|or)\s*co-?ops?)?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex InternsBesideClass();

    [GeneratedRegex(@"^(?<company>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})\s*(?:\([^)]*\))?\s*[-–—:]\s*(?i:we|we're|we’re|we are|our)\b")]
    private static partial Regex NameThenSentence();

    [GeneratedRegex(@"^[^()\[\]]+(?:\([^()]*\)\s*)+$")]
    private static partial Regex TitleThenParens();

    [GeneratedRegex(@"\b(?:hiring|looking for|seeking|open roles|open positions|roles|positions|openings)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HiringIntro();

    [GeneratedRegex(@"^[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s*,\s*.*\b(?i:co-?founder|founder|cto|ceo|cpo|coo)\b")]
    private static partial Regex Signature();

    [GeneratedRegex(@"[.!?]\s+\S")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^(?:head|vp|director|chief)\s+of\s+\w", RegexOptions.IgnoreCase)]
    private static partial Regex HeadOf();

    [GeneratedRegex(@"^(?:or|and|but|plus|also|then|so|nor)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingConjunction();

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"^\W*(?:edit|update|closed|filled|note)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Notice();

    [GeneratedRegex(@"^(?:others?|more|etc\.?|and more|many more|more roles|and others)$", RegexOptions.IgnoreCase)]
    private static partial Regex MoreRoles();

    [GeneratedRegex(@"^(?:willing to relocate|r[ée]sum[ée](?:/cv)?|cv)$")]
    private static partial Regex SeekerField();

    [GeneratedRegex(@"^\s*no\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoWord();

    [GeneratedRegex(@"^\s*(?:yes|y|ok|possible|allowed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YesWord();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex MultiBlank();

    [GeneratedRegex(@"[ \t\u00a0]+")]
    private static partial Regex WhiteRun();

    [GeneratedRegex(@"^(?:https?://\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlOnly();

    [GeneratedRegex(@"\(?\s*https?://[^\s)|]*\s*\)?|\(\s*(?:www\.)?[\w-]+\.(?:com|ai|io|co|dev|org|net|app|tech|so|xyz)(?:/[^\s)]*)?\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlInText();

    [GeneratedRegex(@"\(\s*(?:YC|Y\s?Combinator)[^)]*\)|\b(?:YC\s?[SWFX]\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex YcBatch();

    [GeneratedRegex(@"\(\s*\)")]
    private static partial Regex EmptyParens();

    [GeneratedRegex(@"^\s*[\(\[]\s*(?:closed|filled)\s*[\)\]]\s*|\s*[\(\[]\s*(?:closed|filled)\s*[\)\]]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Closed();

    [GeneratedRegex(@"^(?:hey|hi|hello)(?:\s+(?:hn|all|everyone|folks|there))?\s*[!,.:]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\b(?:is|are)\s+(?:now\s+|also\s+|actively\s+)?hiring\b", RegexOptions.IgnoreCase)]
    private static partial Regex IsHiring();

    [GeneratedRegex(@"\bcompany\s*:\s*([^|,;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CompanyLabel();

    [GeneratedRegex(@"(?:\s@\s?|\s+at\s+)(?<company>[A-Z][\w.&' -]{1,60}?)(?:\s+(?:in|is|for|\()\b.*|\s*[,(].*|\s*$)")]
    private static partial Regex AtCompany();

    [GeneratedRegex(@"\b(?:full[\s-]?time|part[\s-]?time|contract(?:or|ors)?|contract[\s-]to[\s-]hire|freelance|intern(?:ship)?s?|1099|permanent|temporary|w2|fte|fractional)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EmploymentWord();

    [GeneratedRegex(@"\b(?:remote(?:ly)?|on[\s-]?site|onsite|hybrid|in[\s-]office|in[\s-]person|office[\s-]based|wfh|distributed|anywhere)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ArrangementWord();

    [GeneratedRegex(@"\b(?:remote(?:ly)?|wfh|anywhere|distributed team|fully distributed|remote[\s-]first|work from home)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteWord();

    [GeneratedRegex(@"\b(?:fully remote|100% remote|open to remote|remote (?:is|also) (?:also )?(?:a )?possib|globally distributed|\(worldwide\)|remote[\s-](?:first|friendly|ok|okay|position|role|work|possible)|work (?:fully )?remotely|remote \((?:us|usa|eu|europe|uk|global|worldwide|canada|anywhere)[^)]*\)|\(remote\)|\bremote\s*$|\b(?:positions?|roles?|jobs?|this job) (?:is|are) (?:fully |100% |all )?remote\b)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex RemoteOffer();

    [GeneratedRegex(@"\b(?:no|not)\s+remote\b|\bremote\s*:\s*no\b|\bnon[\s-]remote\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoRemote();

    [GeneratedRegex(@"\bpart(?:ly|ially)?[\s-]remote\b|\b(?:\d|one|two|three|four|a)\s*(?:\+\s*)?(?:days?|x)\s*(?:/\s*|a\s+|per\s+)?(?:week\s+|wk\s+)?(?:remote|wfh|from home)\b|\bremote\s+(?:days?|fridays?|mondays?)\b|\b(?:on[\s-]?site|in[\s-]office|in[\s-]person)\s*\(?\s*(?:\d|one|two|three|four)\s*(?:-\s*\d\s*)?\s*days?\b(?!\s*(?:a\s+|per\s+|/\s*)?(?:week\s+|wk\s+)?(?:remote|wfh|from home))|\b(?:\d|one|two|three|four)\s*(?:-\s*\d\s*)?\s*(?:days?|x)\s*(?:/\s*|a\s+|per\s+)?(?:week\s+|wk\s+)?(?:in[\s-](?:the\s+)?office|on[\s-]?site|in[\s-]person)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PartialRemote();

    [GeneratedRegex(@"\bhybrid\b", RegexOptions.IgnoreCase)]
    private static partial Regex HybridWord();

    [GeneratedRegex(@"\b(?:on[\s-]?site|onsite|in[\s-]office|in[\s-]person|office[\s-]based|in[\s-]house)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnsiteWord();

    [GeneratedRegex(@"\b(?:engineer(?:s|ing)?|eng|developers?|devs?|scientists?|researchers?|designers?|managers?|architects?|analysts?|leads?|head of|directors?|vp|cto|ceo|cfo|coo|sre|swe|devops|founding|founders?|co-?founders?|interns?|internships?|staff|members? of technical staff|mts|marketers?|marketing|recruiters?|sales|account executives?|account execs?|specialists?|consultants?|programmers?|administrators?|admins?|roles?|positions?|operators?|associates?|product|writers?|advocates?|physicians?|testers?|qa|sdet|hackers?|generalists?|owners?|strategists?|coordinators?|officers?|chief|technicians?|mathematicians?|statisticians?|quants?|traders?|counsel|accountants?|ops|operations|hires?|talent|scientist|clinicians?|support|success|pm|tpm|ux|ui|frontend|backend|full[\s-]?stack|front[\s-]?end|back[\s-]?end|ml|ai|data|consulting|design|growth|gtm|bizdev|business development|partners?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RoleNoun();

    [GeneratedRegex(@"^(?:visa|relocation|equity|benefits|seed|series [a-e]|\d+ employees|salary)\b|https?://|\b\d{1,2}(?::\d\d)?\s*(?:am|pm)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotRole();

    [GeneratedRegex(@"\b(?:roles?|positions?|openings?|engineers|developers|scientists|hires|engineering|multiple|various|several|tech and)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GenericRole();

    [GeneratedRegex(@"^\s*(?:(?:[-*•–—·>+/=]+|\d{1,2}[.)])\s*)+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\s[-–—]+\s")]
    private static partial Regex DashSeparator();

    [GeneratedRegex(@"\s[-–—•]+\s")]
    private static partial Regex PartSeparator();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"\([^)]*(?:[$€£]|\d\s?[kK]\b)[^)]*\)")]
    private static partial Regex MoneyParens();

    [GeneratedRegex(@"\s*\([^()]*\)\s*$")]
    private static partial Regex TrailingParens();

    [GeneratedRegex(@"^(?:open\s+)?(?:roles?|positions?|openings?|hiring(?:\s+for)?|we(?:'re| are)\s+hiring(?:\s+for)?|now hiring|looking for)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ListIntro();

    [GeneratedRegex(@"^(?<company>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+(?:is|are)\s+(?:an?|the)\s+")]
    private static partial Regex IntroducedName();

    [GeneratedRegex(@"(?:^|,\s+)(?<company>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+(?:is|are)\s+(?:an?|the)\s+")]
    private static partial Regex IntroducedAfterComma();

    [GeneratedRegex(@"^(?:we(?:'re|’re|\s+are)\s+)?(?:now\s+|actively\s+)?hiring\s*[!:.]?$", RegexOptions.IgnoreCase)]
    private static partial Regex HiringOnly();

    [GeneratedRegex(@"\s*/\s+|\s+/\s*")]
    private static partial Regex SlashSeparator();

    [GeneratedRegex(@"\bwe(?:'re|’re|\s+are)\s+(?:currently\s+|now\s+|actively\s+|also\s+)?(?:hiring|looking\s+for|seeking)\s+(?:for\s+)?(?:an?\s+|our\s+(?:first\s+)?|two\s+|several\s+)?(?:experienced\s+|talented\s+|exceptional\s+|strong\s+)?(?<role>(?:[\w/+#.-]+\s+){0,5}?(?:engineers?|developers?|scientists?|designers?|researchers?|managers?|leads?|architects?|analysts?|generalists?|interns?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeAreHiring();

    [GeneratedRegex(@"^(?:senior|sr\.?|junior|jr\.?|staff|principal|mid(?:-level)?|lead|entry(?:-level)?|founding)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SeniorityOnly();

    [GeneratedRegex(@"(?<n>\d)\s*(?:days?|x)\b[^\n]{0,20}?(?:office|on[\s-]?site|in[\s-]person)|(?:office|on[\s-]?site|in[\s-]person)\s*\(?\s*(?:\d\s*-\s*)?(?<n>\d)\s*days?", RegexOptions.IgnoreCase)]
    private static partial Regex OfficeDays();

    [GeneratedRegex(@"https?://\S+/(?:jobs?|careers?|positions?|openings?|roles?)/(?:[\w-]+/)*(?<slug>[a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?=[/?#\s.]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex JobSlug();

    [GeneratedRegex(@"\b(?:engineers?|developers?|devs?|scientists?|researchers?|designers?|managers?|architects?|analysts?|leads?|directors?|recruiters?|marketers?|interns?|writers?|specialists?|consultants?|head of|vp|cto|sre|swe|devops|qa|sdet|programmers?|administrators?|associates?|officers?|strategists?|coordinators?|advocates?|generalists?|hackers?|technicians?|members? of technical staff|mts|tpm|pms?|founding engineer|account (?:executives?|execs?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex StrongRoleNoun();

    [GeneratedRegex(@"^\s*(?:seeking|looking for)\s+(?:remote\s+|a\s+|new\s+)?(?:[\w/]+\s+){0,3}(?:opportunit|role|position|work|job)|^\s*(?:i'm|i am)\s+an?\s+|\bwilling to relocate\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex Seeker();

    [GeneratedRegex(@"\b(?:apply(?: here)?|link|details|jd|job description|more info)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingLinkWords();

    [GeneratedRegex(@"\b(?:we|we're|you|you'll|your|our|is|are|was|were|will|would|can|i|i'm|(?-i:us)|if|looking|join|please|email|reach|apply|have|has|with|this|that|who|about|which|the team)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Prose();

    [GeneratedRegex(@"(?:^|\b)(?<company>[A-Z][\w.&'-]*(?:\s+[\w.&'-]+){0,4}?)?\s*(?:\([^)]*\)\s*)?(?:is|are)\s+(?:now\s+|also\s+|actively\s+)?hiring\s+(?:for\s+)?(?:an?\s+|our\s+(?:first\s+)?|two\s+|several\s+)?(?<role>(?:[\w/+#.-]+\s+){0,5}?(?:engineers?|developers?|scientists?|designers?|researchers?|managers?|leads?|architects?|analysts?|generalists?|interns?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex HiringStatement();

    [GeneratedRegex(@"\b(?:looking for|hiring|seeking|need)\s+(?:an?\s+|our\s+(?:first\s+)?|two\s+|several\s+|experienced\s+)?(?<role>(?:[\w/+#.-]+\s+){0,4}?(?:engineers?|developers?|scientists?|designers?|researchers?|managers?|architects?|analysts?|leads?|specialists?|writers?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceRole();

    [GeneratedRegex(@"\b(?:experience|experienced|comfortable|strong|proven|ability|knowledge|familiar(?:ity)?|skills?|years?|yrs|understanding|background|bonus|plus|track record|owning|required|preferred|proficien\w*|expertise)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Requirement();

    [GeneratedRegex(@"^\s*(?:an?\s+)?(?:(?:stealth|confidential|funded|well-funded|early[\s-]stage|seed[\s-]stage|series [a-e]|small|boutique|ai|yc|vc-backed|venture-backed)[\s,()]*)*(?:startup|company|client|firm|consultancy|consulting)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnonymousEmployer();

    [GeneratedRegex(@"^(?<company>.+?)\s+(?:is|are)\s+hiring\b\s*(?:an?\s+|for\s+)?(?<role>.+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex StoryTitle();

    [GeneratedRegex(@"^(?<role>.{3,120}?)\s+at\s+(?<company>[^|]{1,80}?)\s*\|\s*Y Combinator", RegexOptions.IgnoreCase)]
    private static partial Regex StoryRoleLine();

    [GeneratedRegex(@"^(?:i |i'm |i've |i’m |careful|wow|thanks|thank you|is this|are you|does |do you|what about|how |why |same here|same\b|\+1|this is|lol|good luck|not sure|applied|hey,? i|hi,? i|can you|could you|any |anyone|still |so |also |great|nice|interesting|congrats|just |yes|no,|no\.|surely|request)", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyOpening();

    [GeneratedRegex(@"(?:(?:[$€£¥₹]|\b(?:USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN|INR|SGD|JPY|NZD|BRL)\s?)\s?\d[\d,.]*\s?(?:[kK]\b|m\b)?(?:\s?(?:-|–|—|to)\s?(?:[$€£¥₹]|\b(?:USD|EUR|GBP|CAD|AUD|CHF)\s?)?\s?\d[\d,.]*\s?(?:[kK]\b)?)?(?:\s?(?:USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN|INR|SGD|JPY|NZD|BRL)\b)?(?:\s?(?:/|per|an?)\s?(?:year|yr|annum|hour|hr|month|mo|day)\b)?|\b\d{2,3}(?:[.,]\d)?\s?[kK]?\s?(?:-|–|—|to)\s?\d{2,3}(?:[.,]\d)?\s?[kK]\b(?:\s?(?:USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN|INR|SGD)\b)?|\b\d{2,3}[,.]?\d{3}\s?(?:-|–|—|to)\s?\d{2,3}[,.]?\d{3}\b(?:\s?(?:USD|EUR|GBP|CAD|AUD|CHF)\b)?|\b\d{2,3}\s?[kK]\s?(?:USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN|INR|SGD)\b|\b\d{2,3}[,.]\d{3}\s?(?:USD|EUR|GBP|CAD|AUD|CHF)\b)")]
    private static partial Regex SalaryPattern();

    [GeneratedRegex(@"(?:raised|raise|funding|funded|series [a-e]|seed|arr|revenue|valuation|invest|backed|grant|round|customers|users|gmv|\bof\b\s*$|\bin\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex NotPay();

    [GeneratedRegex(@"^\s*(?:[mMbBtT]\b|million|billion|trillion|bn|tn|in (?:funding|revenue|arr)|arr|raised|seed|series|valuation|/month in|%)")]
    private static partial Regex NotPayAfter();

    [GeneratedRegex(@"(?:salary|compensation|comp|pay|base|range|ote|\bk\b|\$)\s*[:=]?\s*(?:is\s+|of\s+|between\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PayContext();

    [GeneratedRegex(@"\b(?:USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN|INR|SGD|JPY|NZD|BRL)\b")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex(@"\d\s?[kK]\b")]
    private static partial Regex KAmount();

    [GeneratedRegex(@"\([^)]*\)|\[[^\]]*\]")]
    private static partial Regex Parenthesized();

    [GeneratedRegex(@"^(?:an?|the)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();

    [GeneratedRegex(@"\b[A-Z][a-zA-Z.]+(?:\s[A-Z][a-zA-Z.]+)?,\s?[A-Z]{2}\b")]
    private static partial Regex CityState();

    [GeneratedRegex(@"\b(?:US|USA|U\.S\.|UK|EU|EMEA|APAC|LATAM|Europe|European|North America|Americas|Asia|worldwide|global|anywhere|NYC|NY|SF|SFBA|LA|DC|Bay Area|Silicon Valley|New York|San Francisco|Los Angeles|Seattle|Boston|Austin|Chicago|Denver|Atlanta|Miami|Portland|San Diego|San Jose|Palo Alto|Mountain View|Menlo Park|Sunnyvale|Santa Clara|Oakland|Berkeley|Brooklyn|Manhattan|Washington|Philadelphia|Pittsburgh|Toronto|Vancouver|Montreal|Ottawa|Canada|London|Cambridge|Oxford|Edinburgh|Manchester|Dublin|Ireland|Berlin|Munich|Hamburg|Germany|Amsterdam|Netherlands|Paris|France|Zurich|Geneva|Switzerland|Stockholm|Sweden|Copenhagen|Denmark|Oslo|Norway|Helsinki|Finland|Madrid|Barcelona|Spain|Lisbon|Portugal|Milan|Rome|Italy|Vienna|Austria|Warsaw|Poland|Prague|Tallinn|Estonia|Israel|Tel Aviv|Tokyo|Japan|Singapore|Sydney|Melbourne|Australia|New Zealand|India|Bangalore|Bengaluru|Mumbai|Delhi|Brazil|Mexico|Argentina|Cyprus|Limassol|Greece|Athens|Turkey|Dubai|UAE|Hong Kong|Taiwan|Korea|Seoul|China|Utah|Texas|California|Colorado|Florida|Massachusetts|Virginia|Ohio|Michigan|Minnesota|Oregon|Raleigh|Nashville|Houston|Dallas|Phoenix|Salt Lake|St\. Louis|Detroit|Baltimore|Remote|timezone|time zone|[A-Z]{2,4}T|UTC|GMT|CET|PST|EST|ET|PT)\b")]
    private static partial Regex PlaceWord();
}
