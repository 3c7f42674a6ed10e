using System.Buffers;
using System.Text.RegularExpressions;
using SkillScope.Model;

namespace SkillScope.Normalize;

/// <summary>Employment type ids (<see cref="EmploymentTypes"/>) from structured labels and from posting text.</summary>
public static partial class EmploymentTypeNormalizer
{
    /// <summary>
    /// A source's own label: survey codes (FT, PT, CT, FL), schema.org (FULL_TIME, CONTRACTOR, INTERN, PER_DIEM ...),
    /// board labels ("Full-time", "Contract", "Internship"), Adzuna (full_time, permanent, contract), USAJOBS schedules
    /// (Intermittent, On-Call, Shift Work -> other) and LinkedIn Portuguese ("Tempo integral"). When a label lists
    /// several ("Full-time, Contract"), the first known one wins. Unknown when empty or unrecognized.
    /// </summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return EmploymentTypes.Unknown;
        }

        string whole = FromLabel(TextFold.Key(value));
        if (whole != EmploymentTypes.Unknown || value.IndexOfAny(ListSeparators) < 0)
        {
            return whole;
        }

        foreach (string part in value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string id = FromLabel(TextFold.Key(part));
            if (id != EmploymentTypes.Unknown)
            {
                return id;
            }
        }

        return EmploymentTypes.Unknown;
    }

    private static readonly char[] ListSeparators = [',', '\n', '/', '|', ';'];

    private static string FromLabel(string key) => key switch
    {
        "ft" or "full time" or "fulltime" or "permanent" or "full time permanent" or "permanent full time" or "regular"
            or "regular full time" or "salaried" or "tempo integral" or "tiempo completo" or "vollzeit" or "cdi" or "employee"
            => EmploymentTypes.FullTime,
        "pt" or "part time" or "parttime" or "meio periodo" or "tiempo parcial" or "medio tiempo" or "teilzeit" or "regular part time"
            => EmploymentTypes.PartTime,
        "ct" or "fl" or "contract" or "contractor" or "contracted" or "contract to hire" or "contract to perm" or "c2h"
            or "freelance" or "freelancer" or "contrato" or "contratado" or "pj" or "cdd" or "1099" or "w2 contract" or "corp to corp"
            or "c2c" or "consultant" or "fixed term" or "fixed term contract"
            => EmploymentTypes.Contract,
        "intern" or "internship" or "estagio" or "practicas" or "praktikum" or "co op" or "coop" or "apprenticeship" or "trainee"
            or "stage" or "working student" or "werkstudent"
            => EmploymentTypes.Internship,
        "temporary" or "temp" or "temporario" or "temporal" or "seasonal" or "temp to hire" or "befristet"
            => EmploymentTypes.Temporary,
        "other" or "volunteer" or "voluntario" or "per diem" or "intermittent" or "on call" or "oncall" or "shift work"
            or "job sharing" or "multiple schedules" or "outro"
            => EmploymentTypes.Other,
        _ => EmploymentTypes.Unknown,
    };

    /// <summary>
    /// Cues in the title ("(Contract)", "Intern", "Part-Time") and then in the description ("Job Type: Full-time",
    /// "this is a contract position"); Unknown when neither has one.
    /// </summary>
    public static string FromText(string? title, string? description)
    {
        if (!string.IsNullOrEmpty(title))
        {
            Match m = TitleCue().Match(title);
            if (m.Success)
            {
                return Pick(m);
            }
        }

        if (string.IsNullOrEmpty(description))
        {
            return EmploymentTypes.Unknown;
        }

        foreach (Match label in new KeywordWindows(description, JobTypeLine(), TypeKeyword, back: 20, forward: 80))
        {
            string id = Normalize(label.Groups["value"].Value);
            if (id != EmploymentTypes.Unknown)
            {
                return id;
            }
        }

        foreach (Match cue in new KeywordWindows(description, DescriptionCue(), DescriptionKeywords, back: 30, forward: 40))
        {
            return Pick(cue); // the first cue in the text
        }

        return EmploymentTypes.Unknown;
    }

    private static readonly SearchValues<string> TypeKeyword = SearchValues.Create(["type"], StringComparison.OrdinalIgnoreCase);

    // Every phrase of DescriptionCue contains one of these.
    private static readonly SearchValues<string> DescriptionKeywords = SearchValues.Create(
        ["internship", "intern position", "contract", "corp", "part-time", "part time", "temporary", "full-time", "full time", "permanent"],
        StringComparison.OrdinalIgnoreCase);

    private static string Pick(Match m) =>
        m.Groups["intern"].Success ? EmploymentTypes.Internship
        : m.Groups["contract"].Success ? EmploymentTypes.Contract
        : m.Groups["part"].Success ? EmploymentTypes.PartTime
        : m.Groups["temp"].Success ? EmploymentTypes.Temporary
        : m.Groups["full"].Success ? EmploymentTypes.FullTime
        : EmploymentTypes.Other;

    [GeneratedRegex(@"\b(?:(?<intern>interns?|internship|co-?op|estagi[aá]ri[oa]|est[aá]gio)|(?<contract>contract(?:or)?|contract[- ]to[- ]hire|c2h|freelancer?|1099|w2)|(?<part>part[- ]?time)|(?<temp>temporary|temp)|(?<full>full[- ]?time|permanent)|(?<other>per[- ]diem|volunteer))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleCue();

    // Indeed's "Job Type: Full-time" / "Job Types: Full-time, Contract"; schema-like "Employment Type: ...".
    [GeneratedRegex(@"\b(?:job\s+types?|employment\s+type|position\s+type|work\s+type)\s*:\s*(?<value>[A-Za-z][A-Za-z ,/\-]{1,60})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JobTypeLine();

    [GeneratedRegex(@"\b(?:(?<intern>internship (?:program|position|opportunity|role)|(?:paid|summer|unpaid) internship|this internship|intern position)|(?<contract>contract[- ]to[- ]hire|full[- ]time contract|contract (?:position|role|opportunity|assignment|job|engagement)\b|\d{1,2}[- ]?(?:\+\s*)?months? contract|(?:this is|is) a contract\b|w2 contract|corp[- ]to[- ]corp)|(?<part>part[- ]time (?:position|role|job|opportunity|schedule)|this is a part[- ]time)|(?<temp>temporary (?:position|role|assignment|job)|this is a temporary)|(?<full>full[- ]time (?:position|role|job|opportunity|employment|permanent|salaried|exempt|employee)|permanent (?:position|role|full[- ]time)|this is a full[- ]time(?![- ]contract)))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DescriptionCue();
}
