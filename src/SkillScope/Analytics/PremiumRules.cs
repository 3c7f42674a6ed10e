using System.Globalization;

namespace SkillScope.Analytics;

/// <summary>Whether a skill premium may change an estimate, and why (shown next to every premium considered).</summary>
public readonly record struct PremiumDecision(bool Applied, string Reason);

/// <summary>
/// When a fitted skill premium is applied to a pay estimate (`salary estimate`, `gap`, the web): only when its 95%
/// interval excludes zero, so a premium the data cannot tell from no premium changes nothing (docs/salary.md,
/// "Premiums applied to an estimate"). A premium fitted mostly on boards' estimated pay is never applied: a board's
/// estimate is a model's output, not an employer's offer.
/// </summary>
public static class PremiumRules
{
    /// <summary>Largest share of board-estimated salaries a premium's sample may hold and still be reported or applied.</summary>
    public const double MaxEstimatedShare = 0.5;

    public static PremiumDecision Decide(double premium, double low, double high, double estimatedShare = 0)
    {
        if (estimatedShare > MaxEstimatedShare)
        {
            return new(false, string.Create(CultureInfo.InvariantCulture,
                $"not applied: {estimatedShare * 100:0}% of the salaries behind it are boards' estimates"));
        }

        if (double.IsNaN(premium) || double.IsNaN(low) || double.IsNaN(high))
        {
            return new(false, "not applied: not identified");
        }

        return low <= 0 && high >= 0
            ? new(false, string.Create(CultureInfo.InvariantCulture,
                $"not applied: the 95% interval ({low * 100:+0.0;-0.0;0.0}% to {high * 100:+0.0;-0.0;0.0}%) includes zero"))
            : new(true, string.Create(CultureInfo.InvariantCulture,
                $"applied: the 95% interval ({low * 100:+0.0;-0.0;0.0}% to {high * 100:+0.0;-0.0;0.0}%) excludes zero"));
    }

    /// <summary>Whether a premium sample of <paramref name="n"/> salaries, <paramref name="estimates"/> of them boards' estimates, may be reported.</summary>
    public static bool MostlyEstimated(long n, long estimates) => n > 0 && (double)estimates / n > MaxEstimatedShare;
}

/// <summary>
/// Where a salary figure comes from. Survey pay (what people report earning) and posting pay (what an employer
/// offers, or a board guesses) answer different questions and are never pooled into one figure.
/// </summary>
public static class PayProvenance
{
    public const string Survey = "survey";
    public const string EmployerStated = "employer-stated";
    public const string BoardEstimated = "board-estimated";

    public static string Of(string kind, bool isEstimate) =>
        kind == Model.RecordKinds.SalaryReport ? Survey : isEstimate ? BoardEstimated : EmployerStated;
}
