using System.Text.RegularExpressions;
using SkillScope.Skills;

namespace SkillScope.Career;

/// <summary>
/// Resume text that claims no skill: a mention inside a phrase that only expresses interest or a wish to learn
/// ("interested in machine learning", "eager to learn Kubernetes", "Interests: deep learning") is not a skill the
/// person has, and a soft-skill self-description ("team player") is not evidence of one either. Such mentions
/// are kept out of the skills a resume is credited with (docs/resume-score.md, "What counts as having a skill").
/// </summary>
public static partial class InterestPhrases
{
    /// <summary>How far back (characters) from a mention an interest cue still governs it, within the same sentence.</summary>
    private const int Window = 80;

    /// <summary>Whether the mention at <paramref name="start"/> sits in an interest-only phrase of its sentence or line.</summary>
    public static bool IsInterestOnly(string text, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (start <= 0 || start > text.Length)
        {
            return false;
        }

        var from = Math.Max(0, start - Window);
        var before = text.AsSpan(from, start - from);
        // Only the current sentence or line counts: cut at the last sentence end or line break.
        var cut = before.LastIndexOfAny(".!?\n;");
        if (cut >= 0)
        {
            before = before[(cut + 1)..];
        }

        return InterestCue().IsMatch(before);
    }

    /// <summary>The mentions a resume is credited with: interest-only mentions and soft skills left out.</summary>
    public static IEnumerable<SkillMention> Credited(string text, IEnumerable<SkillMention> mentions, SkillTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(taxonomy);
        foreach (var mention in mentions)
        {
            if (!IsInterestOnly(text, mention.Start))
            {
                yield return mention;
            }
        }
    }

    /// <summary>Whether a skill is a soft skill (teamwork, communication): a self-description, never a pay premium.</summary>
    public static bool IsSoft(SkillTaxonomy taxonomy, string skillId)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        return taxonomy.Find(skillId)?.Type == SkillTypes.Soft;
    }

    [GeneratedRegex(@"\b(interested in|interest in|interests?\s*:|passionate about|passion for|eager to (learn|explore|grow)|keen to (learn|explore)|(want|would like|hope|hoping|plan|planning|looking) to (learn|explore|get into|move into|transition)|curious about|aspir(e|ing) to|excited (about|by)|fascinated by|enthusiasm for|hobbies\s*:|learning more about)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InterestCue();
}
