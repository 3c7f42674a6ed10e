namespace SkillScope.Analytics;

/// <summary>
/// Salaries partitioned by an integer key per row (a counting sort: no list per group), each group's values sorted
/// ascending so percentiles read straight off the segment. Groups are numbered in order of first appearance.
/// </summary>
internal sealed class SalaryGroups
{
    private readonly double[] _values;
    private readonly int[] _start;
    private readonly int[] _length;
    private readonly Dictionary<long, int> _indexOf;

    private SalaryGroups(double[] values, long[] keys, int[] start, int[] length, Dictionary<long, int> indexOf)
    {
        _values = values;
        Keys = keys;
        _start = start;
        _length = length;
        _indexOf = indexOf;
    }

    public int Count => Keys.Length;

    public long[] Keys { get; }

    /// <summary>Groups <paramref name="values"/> by <paramref name="keys"/>; rows whose key is negative are left out.</summary>
    public static SalaryGroups Build(ReadOnlySpan<double> values, ReadOnlySpan<long> keys)
    {
        var indexOf = new Dictionary<long, int>();
        var groupOf = new int[keys.Length];
        var counts = new List<int>();
        var order = new List<long>();
        var total = 0;

        // Keys are usually codes multiplied out over a few small dimensions: a flat array finds their group
        // faster than hashing every row.
        long max = -1;
        foreach (var key in keys)
        {
            max = Math.Max(max, key);
        }

        var flat = max < 1 << 20 ? new int[max + 1] : null;
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            if (key < 0)
            {
                groupOf[i] = -1;
                continue;
            }

            int g;
            if (flat is not null && flat[key] > 0)
            {
                g = flat[key] - 1;
            }
            else if (flat is null && indexOf.TryGetValue(key, out var found))
            {
                g = found;
            }
            else
            {
                g = counts.Count;
                indexOf[key] = g;
                counts.Add(0);
                order.Add(key);
                if (flat is not null)
                {
                    flat[key] = g + 1;
                }
            }

            groupOf[i] = g;
            counts[g]++;
            total++;
        }

        var start = new int[counts.Count];
        var length = counts.ToArray();
        for (var g = 1; g < start.Length; g++)
        {
            start[g] = start[g - 1] + length[g - 1];
        }

        var sorted = new double[total];
        var next = (int[])start.Clone();
        for (var i = 0; i < keys.Length; i++)
        {
            if (groupOf[i] >= 0)
            {
                sorted[next[groupOf[i]]++] = values[i];
            }
        }

        for (var g = 0; g < start.Length; g++)
        {
            Array.Sort(sorted, start[g], length[g]);
        }

        return new SalaryGroups(sorted, [.. order], start, length, indexOf);
    }

    public int? IndexOf(long key) => _indexOf.TryGetValue(key, out var g) ? g : null;

    public ReadOnlySpan<double> Sorted(int group) => _values.AsSpan(_start[group], _length[group]);

    public int Size(int group) => _length[group];

    public ReadOnlySpan<double> SortedOf(long key) => IndexOf(key) is { } g ? Sorted(g) : [];
}

/// <summary>Bootstrap helpers with fixed seeds: the same input gives the same interval on every run and machine.</summary>
internal static class SalaryBootstrap
{
    /// <summary>A seed from a fixed base and a label, stable across processes (string.GetHashCode is not).</summary>
    public static int Seed(int baseSeed, string label)
    {
        var hash = 2166136261u;
        foreach (var c in label)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (uint)baseSeed) & int.MaxValue;
    }

    /// <summary>Cells up to this size are resampled draw by draw; larger ones by bisection (see <see cref="Medians"/>).</summary>
    public const int ExactLimit = 500;

    /// <summary>
    /// Medians of <paramref name="samples"/> resamples (with replacement, same size) of a sorted sample. Drawing
    /// indices and counting them keeps each resample sorted for free: O(n) per resample, no sort. Above
    /// <paramref name="exactLimit"/> values, only the resample's two middle order statistics are located, by
    /// bisection: the number of draws falling in the lower half of an index range is binomial (drawn from its
    /// normal approximation where its variance is 100 or more: the split is near one half, so the approximation is close), down to ranges of exactLimit indices,
    /// which are counted draw by draw. Same distribution up to that approximation, O(exactLimit + log n) per resample.
    /// </summary>
    public static double[] Medians(ReadOnlySpan<double> sorted, int samples, Random random, int exactLimit = ExactLimit)
    {
        var n = sorted.Length;
        var medians = new double[samples];
        if (n == 1)
        {
            Array.Fill(medians, sorted[0]);
            return medians;
        }

        var counts = new int[Math.Min(n, exactLimit)];
        var rank = 0.5 * (n - 1);
        var low = (int)Math.Floor(rank);
        var fraction = rank - low;
        var high = fraction > 0 ? low + 1 : low;
        for (var b = 0; b < samples; b++)
        {
            int atLow = -1, atHigh = -1;
            Locate(0, n - 1, n, low, high, random, counts, exactLimit, ref atLow, ref atHigh);
            medians[b] = sorted[atLow] + (fraction * (sorted[atHigh] - sorted[atLow]));
        }

        return medians;
    }

    // Finds which indices of [first, last] hold the resample's order statistics of ranks rankA and rankB (counted
    // within the range; -1 when not in it), given that `draws` draws fell uniformly in the range.
    private static void Locate(
        int first, int last, int draws, int rankA, int rankB, Random random, int[] counts, int exactLimit, ref int atA, ref int atB)
    {
        var cells = last - first + 1;
        if (cells <= exactLimit)
        {
            Array.Clear(counts, 0, cells);
            for (var i = 0; i < draws; i++)
            {
                counts[random.Next(cells)]++;
            }

            var cumulative = 0;
            for (var index = 0; index < cells && (rankA >= 0 || rankB >= 0); index++)
            {
                cumulative += counts[index];
                if (rankA >= 0 && rankA < cumulative)
                {
                    atA = first + index;
                    rankA = -1;
                }

                if (rankB >= 0 && rankB < cumulative)
                {
                    atB = first + index;
                    rankB = -1;
                }
            }

            return;
        }

        var middle = first + (cells / 2) - 1;
        var left = Binomial(draws, (double)(middle - first + 1) / cells, random);
        var (leftA, rightA) = rankA < 0 ? (-1, -1) : rankA < left ? (rankA, -1) : (-1, rankA - left);
        var (leftB, rightB) = rankB < 0 ? (-1, -1) : rankB < left ? (rankB, -1) : (-1, rankB - left);
        if (leftA >= 0 || leftB >= 0)
        {
            Locate(first, middle, left, leftA, leftB, random, counts, exactLimit, ref atA, ref atB);
        }

        if (rightA >= 0 || rightB >= 0)
        {
            Locate(middle + 1, last, draws - left, rightA, rightB, random, counts, exactLimit, ref atA, ref atB);
        }
    }

    // Normal approximation with continuity rounding where the variance is large (always, in the bisection's use);
    // otherwise draw by draw.
    private static int Binomial(int trials, double p, Random random)
    {
        var variance = trials * p * (1 - p);
        if (variance < 100)
        {
            var successes = 0;
            for (var i = 0; i < trials; i++)
            {
                successes += random.NextDouble() < p ? 1 : 0;
            }

            return successes;
        }

        var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (int)Math.Clamp(Math.Round((trials * p) + (Math.Sqrt(variance) * z)), 0, trials);
    }
}
