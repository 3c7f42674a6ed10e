namespace SkillScope.Ingest;

/// <summary>
/// Returns one shared instance for repeated short strings (company, location, codes), so records
/// kept in memory downstream do not hold thousands of copies of "San Francisco, CA". Bounded: once
/// full it stops adding, so a file of unique values cannot grow it without limit.
/// </summary>
internal sealed class StringPool(int maxEntries = 50_000, int maxLength = 200)
{
    private readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);

    public string? Get(string? value)
    {
        if (value is null || value.Length > maxLength)
        {
            return value;
        }

        if (pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        if (pool.Count < maxEntries)
        {
            pool.Add(value, value);
        }

        return value;
    }
}
