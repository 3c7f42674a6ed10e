namespace SkillScope.Analytics;

public static class Statistics
{
    /// <summary>
    /// Percentile by linear interpolation between closest ranks (numpy's default, Excel PERCENTILE.INC).
    /// <paramref name="sorted"/> must be in ascending order and non-empty.
    /// </summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("no values", nameof(sorted));
        }

        var rank = p / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }

    public static SalarySummary Summarize(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty)
        {
            return new SalarySummary(0, null, null, null, null);
        }

        var sum = 0.0;
        foreach (var value in sorted)
        {
            sum += value;
        }

        return new SalarySummary(sorted.Length, Percentile(sorted, 25), Percentile(sorted, 50), Percentile(sorted, 75), sum / sorted.Length);
    }
}

/// <summary>Annual USD salary statistics; null figures when <see cref="N"/> is 0.</summary>
public sealed record SalarySummary(long N, double? P25, double? Median, double? P75, double? Mean);
