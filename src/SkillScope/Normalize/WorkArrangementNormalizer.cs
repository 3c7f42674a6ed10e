using System.Buffers;
using System.Text.RegularExpressions;
using SkillScope.Model;

namespace SkillScope.Normalize;

/// <summary>Work arrangement ids (<see cref="WorkArrangements"/>) from survey ratios, labels and posting text.</summary>
public static partial class WorkArrangementNormalizer
{
    /// <summary>
    /// The hint a reader gives for a remote flag that also covers hybrid jobs (LinkedIn's remote_allowed = 1): remote
    /// unless the posting's title, location or description states hybrid or onsite (see RecordNormalizer).
    /// </summary>
    public const string RemoteAllowed = "remote allowed";

    /// <summary>Survey remote_ratio: 100 remote, 0 onsite, anything in between hybrid; outside 0-100 unknown.</summary>
    public static string FromRemoteRatio(int ratio) => ratio switch
    {
        0 => WorkArrangements.Onsite,
        100 => WorkArrangements.Remote,
        > 0 and < 100 => WorkArrangements.Hybrid,
        _ => WorkArrangements.Unknown,
    };

    /// <summary>
    /// A source's own label: "Remote", schema.org TELECOMMUTE, Lever/Ashby workplaceType ("onsite", "hybrid"),
    /// Indeed's "In-Person", LinkedIn Portuguese ("Presencial", "Híbrido", "Remoto"). Booleans ("True"/"False",
    /// LinkedIn remote_allowed) are not labels and give Unknown: the caller decides what a flag means.
    /// </summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return WorkArrangements.Unknown;
        }

        return TextFold.Key(value) switch
        {
            "remote" or "fully remote" or "100 remote" or "remote first" or "remote only" or "telecommute" or "telecommuting"
                or "work from home" or "wfh" or "home based" or "remote allowed" or "remoto" or "remota" or "teletrabajo" or "home office"
                or "virtual" or "anywhere" or "distributed" or "remote ok" or "remote friendly"
                => WorkArrangements.Remote,
            "hybrid" or "hybrid remote" or "hibrido" or "hibrida" or "partially remote" or "partly remote" or "flexible"
                or "remote hybrid" or "hybride"
                => WorkArrangements.Hybrid,
            "onsite" or "on site" or "in person" or "in office" or "office" or "office based" or "presencial" or "on premises"
                or "on premise" or "onsite only" or "in the office" or "sur site" or "vor ort"
                => WorkArrangements.Onsite,
            _ => WorkArrangements.Unknown,
        };
    }

    /// <summary>
    /// Cues in the title ("(Remote)", "- Hybrid"), then the location ("Remote in Arlington, VA", "Hybrid remote in
    /// Jersey City, NJ"), then the description ("work from home", "hybrid schedule", "on-site position"). In each
    /// field hybrid wins over remote, which wins over onsite. Unknown when none has a cue.
    /// </summary>
    public static string FromText(string? title, string? location, string? description)
    {
        string fromTitle = Cue(title, ShortCue());
        if (fromTitle != WorkArrangements.Unknown)
        {
            return fromTitle;
        }

        string fromLocation = Cue(location, ShortCue());
        if (fromLocation != WorkArrangements.Unknown)
        {
            return fromLocation;
        }

        return FromDescription(description);
    }

    /// <summary>
    /// The description's statement about this job: a hybrid phrase wins ("hybrid role", "Hybrid: three days a week in
    /// our Berlin office", "2 days a week on-site"); else the first phrase that says remote ("fully remote", "this role
    /// is remote", "work from home") or onsite ("this position is on-site", "on-site in Austin", "5 days a week in the
    /// office", "not a remote role"); else a company-level remark ("remote-first company", "distributed team", "remote
    /// work") gives remote. Benefits ("remote work stipend", "home office allowance") and "remote sensing" say nothing.
    /// </summary>
    public static string FromDescription(string? description)
    {
        if (string.IsNullOrEmpty(description))
        {
            return WorkArrangements.Unknown;
        }

        string first = WorkArrangements.Unknown;
        bool company = false;
        foreach (Match m in new KeywordWindows(description, DescriptionCue(), DescriptionKeywords, back: 80, forward: 80))
        {
            if (m.Groups["hybrid"].Success)
            {
                return WorkArrangements.Hybrid;
            }

            if (first == WorkArrangements.Unknown)
            {
                first = m.Groups["remote"].Success || m.Groups["choice"].Success ? WorkArrangements.Remote : m.Groups["onsite"].Success ? WorkArrangements.Onsite : first;
            }

            company |= m.Groups["company"].Success;
        }

        return first != WorkArrangements.Unknown ? first : company ? WorkArrangements.Remote : WorkArrangements.Unknown;
    }

    private static string Verdict(bool remote, bool onsite) =>
        remote ? WorkArrangements.Remote : onsite ? WorkArrangements.Onsite : WorkArrangements.Unknown;

    // Every phrase of DescriptionCue contains one of these.
    private static readonly SearchValues<string> DescriptionKeywords = SearchValues.Create(
        ["hybrid", "remote", "office", "on-site", "onsite", "on site", "in-person", "in person", "work from home", "work-from-home", "wfh", "telecommut", "week", "campus", "virtual"],
        StringComparison.OrdinalIgnoreCase);

    private static string Cue(string? text, Regex regex)
    {
        if (string.IsNullOrEmpty(text))
        {
            return WorkArrangements.Unknown;
        }

        bool remote = false;
        bool onsite = false;
        bool hybrid = false;
        foreach (Match m in regex.Matches(text))
        {
            hybrid |= m.Groups["hybrid"].Success;
            remote |= m.Groups["remote"].Success;
            onsite |= m.Groups["onsite"].Success;
        }

        if (hybrid)
        {
            // "Remote or Hybrid", "Hybrid / Open to Remote", "Remote,Remote Hybrid": a part that says remote and not
            // hybrid offers remote work, so the choice is remote; "Hybrid remote in Jersey City" is one part: hybrid.
            return remote && ChoiceParts().Split(text).Any(part => Cue(part, regex, out var partHybrid) && !partHybrid)
                ? WorkArrangements.Remote : WorkArrangements.Hybrid;
        }

        return Verdict(remote, onsite);
    }

    // True when the part has a remote cue; partHybrid when it also has a hybrid one.
    private static bool Cue(string part, Regex regex, out bool partHybrid)
    {
        bool remote = false;
        partHybrid = false;
        foreach (Match m in regex.Matches(part))
        {
            partHybrid |= m.Groups["hybrid"].Success;
            remote |= m.Groups["remote"].Success;
        }

        return remote;
    }

    // Where a title or location lists options: commas, slashes, bars, semicolons, "or", "and", "&", "+", parentheses.
    [GeneratedRegex(@"[,/|;()+&]|\b(?:or|and)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChoiceParts();

    // Titles and locations are short: a bare "Remote" or "Onsite" there speaks about the job.
    [GeneratedRegex(@"\b(?:(?<hybrid>hybrid(?![- ](?:cloud|vehicle|app\w*|mobile|electric|powertrain|system\w*))|h[ií]brido)|(?<remote>remote(?![- ](?:sensing|monitoring|patient|control|pilot|operat\w*))|remoto|work from home|wfh|telecommute|anywhere)|(?<onsite>on-?site|in[- ]person|in[- ]office|presencial))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortCue();

    // Descriptions mention "remote sensing", "hybrid cloud", "remote work stipend" and "onsite gym": only phrases about
    // the job count. Alternatives are tried left to right at each position, so a benefit or a negation ("not a remote
    // role") takes its words before a shorter phrase inside it could ("remote role"). Groups: benefit (says nothing),
    // hybrid, choice ("onsite, hybrid or fully remote": the candidate may work remotely, so remote), onsite, remote
    // (about this job) and company (a remark about the employer: remote-first, distributed team, open to remote).
    [GeneratedRegex(@"\b(?:(?<benefit>remote[- ]work(?:ing)? (?:stipend|allowance|budget|reimbursement|benefits?|setup|equipment|expenses?|support)|home[- ]office (?:stipend|allowance|budget|setup|equipment|reimbursement)|(?:work[- ]from[- ]home|wfh) (?:stipend|allowance|budget)|remote (?:sensing|monitoring|patient|control|pilot|operat\w+|access|desktop|server|support|assistance)|(?:local|on-?site|in-office|co-located),? (?:and|or|&) remote (?:team members?|colleagues|teams?|workers|employees|staff|offices?))|(?<hybrid>hybrid[- ](?:role|position|work\w*|schedule|model|arrangement|environment(?!s)|opportunity|setup|policy|job|basis|remote|office|in[- ]office|on-?site|on site)|hybrid\s*(?::|\(|[-–—]\s)|(?:location|work(?:place)?(?: type| model| arrangement| style| location| mode)?|arrangement|schedule)\s*(?::|[-–—])\s*hybrid(?![- ](?:cloud|environments?|app\w*))|(?:wfh|work[- ]from[- ]home|remote) days\b|(?:work(?:ing)?[- ]from[- ]home|wfh) (?:sometimes|occasionally|on occasion|some days|part of the week)|(?:[1-4]|one|two|three|four)(?:\s*(?:-|to|or)\s*(?:[1-4]|two|three|four))? (?:days?|x) (?:a|per|each|every|/) ?week (?:in|at|from|on|into) (?:the |our |an? |their |your )?(?:[\w.&'-]+ ){0,3}(?:office|site|campus|hq|headquarters|hub|location)|(?:[1-4]|one|two|three|four)(?:\s*(?:-|to|or)\s*(?:[1-4]|two|three|four))? (?:days?|x) (?:a|per|each|every|/) ?week (?:on[- ]?site|in[- ]office|in[- ]person)|(?:in|at) (?:the |our |an? |their |your )?(?:[\w.&'-]+ ){0,3}(?:office|site|campus|hq|headquarters|hub|location) (?:[1-4]|one|two|three|four)(?:\s*(?:-|to|or)\s*(?:[1-4]|two|three|four))? (?:days?|x) (?:a|per|each|every|/) ?week|(?:on[- ]?site|in[- ]office|in[- ]person) (?:[1-4]|one|two|three|four)(?:\s*(?:-|to|or)\s*(?:[1-4]|two|three|four))? (?:days?|x) (?:a|per|each|every|/) ?week)|(?<choice>(?:hybrid,? (?:or|and|/|&) (?:fully |100% )?remote|remote,? (?:or|and|/|&) hybrid) (?:work(?:ing)? )?(?:options?|opportunit(?:y|ies)|model|workplace|arrangements?|schedules?|roles?|positions?)\b|(?:work(?:ing)? )?(?:on[- ]?site|in[- ]office),? (?:hybrid,? )?(?:or|and|/) (?:fully |100% )?remote|remote,? (?:hybrid,? )?(?:or|and|/) (?:on[- ]?site|in[- ]office))|(?<onsite>(?:remote|telecommut\w*|work from home)\W{0,2}\s*no\b|in[- ]person,? (?:full[- ]time )?(?:availability|only|required)|work (?:out of|from|in|at) (?:the|our|their|its) (?:[\w.,&-]+ ){0,3}(?:office|campus|hq|headquarters)(?! (?:[1-4]|one|two|three|four) )|not (?:a |an )?(?:fully |100% )?(?:remote|virtual)(?: role| position| job| opportunity)?|(?:location|job type)\s*(?::|[-–—])\s*(?:[\w -]{1,30},\s*)?(?:on[- ]?site|in[- ]office|in[- ]person)\b(?! (?:gym|interview|training))|(?:is|are) not (?:eligible for|able to offer|open to|offering) remote|remote (?:work )?is not (?:available|an option|possible|offered)|\bno remote|on[- ]?site (?:role|position|job|work(?:ing)?\b|presence|only|requirement)|(?:this|the) (?:role|position|job|opportunity) (?:is|will be) (?:based )?(?:100% |fully |entirely )?(?:on[- ]?site|in[- ]office|in[- ]person|office[- ]based)|must (?:work|be|report|live)(?: \w+){0,2} (?:on[- ]?site|in[- ]office|in the office|in person)|(?:100\s?%|fully|entirely) (?:on[- ]?site|in[- ]office|in[- ]person)|in[- ](?:office|person) (?:role|position|job)|office[- ]based (?:role|position|job)|(?:5|five) (?:days?|x) (?:a|per|each|every|/) ?week (?:in|at|on) (?:the |our |an? |their |your )?(?:[\w.&'-]+ ){0,3}(?:office|site|campus|hq|headquarters|hub|location)|(?:on[- ]?site|in[- ]office|in[- ]person),? (?:5|five) days|on[- ]?site in (?-i:[A-Z])|on[- ]?site at (?:our|the|its) |(?:work|working|based|located) on[- ]?site)|(?<remote>(?:fully|completely|entirely|totally|100\s?%) remote|remote[- ](?:role|position|job|opportunity|employee|team member|worker|contract\w*|eligible|ok|only|first role)|work(?:ing)? remotely|work(?:ing)?[- ]from[- ](?:home|anywhere)(?! (?:stipend|allowance|days?)\b)|\bwfh\b|(?:this|the) (?:role|position|job|opportunity) (?:is|can be|will be)(?: a)? (?:fully |100% |completely )?remote|(?:location|work(?:place)?(?: type| model| arrangement| location| mode)?)\s*:\s*(?:fully |100% )?remote|(?:location|job type)\s*(?::|[-–—])\s*(?:[\w -]{1,30},\s*)?(?:fully |100% )?remote\b(?! (?:sensing|monitoring))|remote (?:within|in|from|across|anywhere in) (?:the )?(?-i:[A-Z]))|(?<company>remote[- ](?:first|friendly|native|culture|company|team|organization|workforce)|distributed (?:team|company|workforce)|remote work(?:ing)?|telecommut\w+|we(?:'re| are) (?:a )?(?:fully |100% )?remote|(?:open to|available for|eligible for|consider(?:ing)?) remote))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DescriptionCue();
}
