using System.Text.RegularExpressions;

namespace SkillScope.Career;

/// <summary>
/// Whether a bullet states a measurable result: a percentage, a money amount, a multiple ("3x"), a scale
/// ("2M users", "40 TB", "120 ms") or a plain count ("a team of 5", "12 models"). Years ("in 2021") and version or
/// product numbers ("Python 3", "GPT-4", "S3", "EC2") are not results.
/// </summary>
internal static partial class MeasurableResults
{
    public static bool HasResult(string bullet)
    {
        ArgumentNullException.ThrowIfNull(bullet);
        if (Strong().IsMatch(bullet))
        {
            return true;
        }

        foreach (Match m in Number().Matches(bullet))
        {
            var value = m.Value;
            if (value.Length == 4 && value[0] is '1' or '2' && (value.StartsWith("19", StringComparison.Ordinal) || value.StartsWith("20", StringComparison.Ordinal)))
            {
                continue; // a year
            }

            var before = m.Index > 0 ? bullet[m.Index - 1] : ' ';
            if (char.IsLetter(before) || (before is '-' or '.' && m.Index > 1 && char.IsLetterOrDigit(bullet[m.Index - 2])))
            {
                continue; // part of a name: S3, GPT-4, v2.1
            }

            if (VersionAfterName().IsMatch(bullet.AsSpan(0, m.Index)))
            {
                continue; // "Python 3", "Java 17"
            }

            return true;
        }

        return false;
    }

    [GeneratedRegex(@"\d\s?%|\bpercent\b|[$€£¥₹]\s?\d|\d\s?(?:[kKmMbB]|bn|mm)\b(?!\s*(?:ago|old))|\b\d+(?:\.\d+)?\s?[x×]\b|\b(?:USD|EUR|GBP)\s?\d|\d\s?(?:USD|EUR|GBP)\b|\b(?:doubled|tripled|halved|doubling|tripling|halving|halve|double|triple)\b|\d\s?(?:TB|GB|PB|MB|ms|QPS|RPS|hours?|days?|weeks?|minutes?|seconds?)\b|\d[\d,.]*\s?(?:thousand|million|billion|users|customers|clients|requests|records|rows|events|transactions|models|stakeholders|engineers|people|members|countries|markets|services|pipelines|dashboards|reports)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Strong();

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(?:python|java|c\+\+|php|ruby|scala|spark|angular|vue|react|node|swift|kotlin|ios|android|windows|macos|ubuntu|gpt|llama|version|v)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VersionAfterName();
}
