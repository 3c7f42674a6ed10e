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
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            if (key < 0)
            {
                groupOf[i] = -1;
                continue;
            }

            if (!indexOf.TryGetValue(key, out var g))
            {
                g = counts.Count;
                indexOf[key] = g;
                counts.Add(0);
                order.Add(key);
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

    /// <summary>
    /// Medians of <paramref name="samples"/> resamples (with replacement, same size) of a sorted sample. Drawing
    /// indices and counting them keeps each resample sorted for free: O(n) per resample, no sort.
    /// </summary>
    public static double[] Medians(ReadOnlySpan<double> sorted, int samples, Random random)
    {
        var n = sorted.Length;
        var medians = new double[samples];
        if (n == 1)
        {
            Array.Fill(medians, sorted[0]);
            return medians;
        }

        var counts = new int[n];
        var rank = 0.5 * (n - 1);
        var low = (int)Math.Floor(rank);
        var fraction = rank - low;
        for (var b = 0; b < samples; b++)
        {
            Array.Clear(counts);
            for (var i = 0; i < n; i++)
            {
                counts[random.Next(n)]++;
            }

            // Walk the cumulative counts to the order statistics at ranks low and low + 1 of the resample.
            int cumulative = 0, index = 0;
            while (cumulative + counts[index] <= low)
            {
                cumulative += counts[index++];
            }

            var atLow = sorted[index];
            var atHigh = atLow;
            if (fraction > 0 && cumulative + counts[index] <= low + 1)
            {
                cumulative += counts[index++];
                while (counts[index] == 0)
                {
                    index++;
                }

                atHigh = sorted[index];
            }

            medians[b] = atLow + (fraction * (atHigh - atLow));
        }

        return medians;
    }
}
