using System.Globalization;

namespace SkillScope.Analytics;

/// <summary>One stratum (a source) of a two-period comparison: postings naming the skill, and postings, in each period.</summary>
public sealed record TrendStratum(string Source, long XA, long NA, long XB, long NB)
{
    public double ShareA => NA == 0 ? 0 : (double)XA / NA;
    public double ShareB => NB == 0 ? 0 : (double)XB / NB;
}

/// <summary>
/// The change of a share between two periods within the sources present in both, combined by Mantel-Haenszel:
/// difference in points, its 95% interval, p-value, and a label that is "rising" or "falling" only when the
/// stratified change is significant. <see cref="Reason"/> says why a trend is "not comparable" or "insufficient data".
/// </summary>
public sealed record StratifiedChange(
    double ChangePp, double LowPp, double HighPp, double PValue, string Trend, string? Reason,
    IReadOnlyList<TrendStratum> Strata, IReadOnlyList<string> LeftOut);

/// <summary>
/// Mantel-Haenszel risk difference over strata (Greenland and Robins 1985 weights n_A n_B / (n_A + n_B)), with the
/// variance of the weighted sum of the strata's Wald variances. A stratum counts only when it has at least
/// <see cref="MinStratumPostings"/> postings in each period; strata in one period only are left out (listed),
/// because comparing one source's period with another source's measures the sources, not time.
/// </summary>
public static class StratifiedTrend
{
    public const int MinStratumPostings = 30;
    public const string Rising = "rising";
    public const string Falling = "falling";
    public const string Stable = "stable";
    public const string NotComparable = "not comparable";
    public const string Insufficient = "insufficient data";

    private const double Z95 = 1.959963984540054;

    public static StratifiedChange Compute(IReadOnlyList<TrendStratum> strata, int minStratumPostings = MinStratumPostings)
    {
        ArgumentNullException.ThrowIfNull(strata);
        var shared = strata.Where(s => s.NA > 0 && s.NB > 0).ToList();
        var usable = shared.Where(s => s.NA >= minStratumPostings && s.NB >= minStratumPostings).ToList();
        var leftOut = strata.Except(usable).Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Source}: {s.NA:N0} postings in the first period, {s.NB:N0} in the second")).ToList();
        if (shared.Count == 0)
        {
            return new(0, 0, 0, 1, NotComparable, "the two periods share no source: a change between them would compare sources, not time", strata, leftOut);
        }

        if (usable.Count == 0)
        {
            return new(0, 0, 0, 1, NotComparable, string.Create(CultureInfo.InvariantCulture,
                $"no source has {minStratumPostings} postings with full text in both periods"), strata, leftOut);
        }

        double weights = 0, sum = 0, variance = 0, events = 0;
        foreach (var s in usable)
        {
            var w = (double)s.NA * s.NB / (s.NA + s.NB);
            var (pA, pB) = (s.ShareA, s.ShareB);
            weights += w;
            sum += w * (pB - pA);
            variance += w * w * ((pA * (1 - pA) / s.NA) + (pB * (1 - pB) / s.NB));
            var pooled = (double)(s.XA + s.XB) / (s.NA + s.NB);
            events += Math.Min(pooled, 1 - pooled) * Math.Min(s.NA, s.NB);
        }

        var difference = sum / weights;
        var se = Math.Sqrt(variance) / weights;
        var low = difference - (Z95 * se);
        var high = difference + (Z95 * se);
        var p = se == 0 ? (difference == 0 ? 1 : 0) : Math.Clamp(2 * NormalUpperTail(Math.Abs(difference) / se), 0, 1);
        // The normal approximation needs about five expected postings with (and without) the skill.
        if (events < 5)
        {
            return new(difference * 100, low * 100, high * 100, p, Insufficient,
                "too few postings name the skill (or all do) for the test to hold", usable, leftOut);
        }

        var trend = p >= 0.05 || (low <= 0 && high >= 0) ? Stable : difference > 0 ? Rising : Falling;
        return new(difference * 100, low * 100, high * 100, p, trend, null, usable, leftOut);
    }

    /// <summary>Upper tail of the standard normal (erfc, Numerical Recipes' Chebyshev fit, |error| &lt; 1.2e-7).</summary>
    internal static double NormalUpperTail(double z)
    {
        var x = z / Math.Sqrt(2);
        var t = 1 / (1 + (0.5 * x));
        var polynomial = 0.0;
        ReadOnlySpan<double> c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        for (var i = c.Length - 1; i >= 0; i--)
        {
            polynomial = (polynomial * t) + c[i];
        }

        return t * Math.Exp((-x * x) + polynomial) / 2;
    }
}
