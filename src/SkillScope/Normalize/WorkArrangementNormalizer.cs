using System.Buffers;
using System.Text.RegularExpressions;
using SkillScope.Model;

namespace SkillScope.Normalize;

/// <summary>Work arrangement ids (<see cref="WorkArrangements"/>) from survey ratios, labels and posting text.</summary>
public static partial class WorkArrangementNormalizer
{
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
                or "work from home" or "wfh" or "home based" or "remoto" or "remota" or "teletrabajo" or "home office"
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

        if (string.IsNullOrEmpty(description))
        {
            return WorkArrangements.Unknown;
        }

        bool remote = false;
        bool onsite = false;
        foreach (Match m in new KeywordWindows(description, DescriptionCue(), DescriptionKeywords, back: 60, forward: 60))
        {
            if (m.Groups["hybrid"].Success)
            {
                return WorkArrangements.Hybrid;
            }

            remote |= m.Groups["remote"].Success;
            onsite |= m.Groups["onsite"].Success;
        }

        return Verdict(remote, onsite);
    }

    private static string Verdict(bool remote, bool onsite) =>
        remote ? WorkArrangements.Remote : onsite ? WorkArrangements.Onsite : WorkArrangements.Unknown;

    // Every phrase of DescriptionCue contains one of these.
    private static readonly SearchValues<string> DescriptionKeywords = SearchValues.Create(
        ["hybrid", "remote", "office", "on-site", "onsite", "in-person", "in person", "work from home", "work-from-home", "wfh", "telecommut"],
        StringComparison.OrdinalIgnoreCase);

    private static string Cue(string? text, Regex regex)
    {
        if (string.IsNullOrEmpty(text))
        {
            return WorkArrangements.Unknown;
        }

        bool remote = false;
        bool onsite = false;
        foreach (Match m in regex.Matches(text))
        {
            if (m.Groups["hybrid"].Success)
            {
                return WorkArrangements.Hybrid;
            }

            remote |= m.Groups["remote"].Success;
            onsite |= m.Groups["onsite"].Success;
        }

        return Verdict(remote, onsite);
    }

    // Titles and locations are short: a bare "Remote" or "Onsite" there speaks about the job.
    [GeneratedRegex(@"\b(?:(?<hybrid>hybrid(?![- ](?:cloud|vehicle|app\w*|mobile|electric|powertrain|system\w*))|h[ií]brido)|(?<remote>remote(?![- ](?:sensing|monitoring|patient|control|pilot|operat\w*))|remoto|work from home|wfh|telecommute|anywhere)|(?<onsite>on-?site|in[- ]person|in[- ]office|presencial))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortCue();

    // Descriptions mention "remote sensing", "hybrid cloud" and "onsite gym": only phrases about the job count.
    [GeneratedRegex(@"\b(?:(?<hybrid>hybrid (?:role|position|work\w*|schedule|model|arrangement|environment|opportunity|setup|policy|job)|hybrid[- ]remote|\d (?:days?|x) (?:a|per) week (?:in|at) (?:the|our) office|(?:in|at) (?:the|our) office \d (?:days?|x) (?:a|per) week)|(?<remote>fully remote|100% remote|remote[- ]first|remote (?:role|position|job|opportunity|work(?:er|ing)?|employee|team member)|work(?:ing)? remotely|work[- ]from[- ]home|wfh|telecommut\w+|this (?:role|position|job) (?:is|can be) (?:fully )?remote)|(?<onsite>on-?site (?:role|position|job|work)|(?:this|the) (?:role|position|job) is (?:on-?site|in[- ]office|in[- ]person)|must (?:work|be) (?:on-?site|in[- ]office|in the office)|100% (?:on-?site|in[- ]office)|in[- ]office (?:role|position)|not (?:a )?remote))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DescriptionCue();
}
