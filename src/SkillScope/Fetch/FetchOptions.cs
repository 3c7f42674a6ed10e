using System.Reflection;

namespace SkillScope.Fetch;

/// <summary>How <see cref="BoardFetcher"/> behaves; validated once when the fetcher is built.</summary>
public sealed record FetchOptions
{
    /// <summary>Attempts per URL, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Per attempt, from sending the request to the last byte of the body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Backoff before the 2nd attempt; doubles per attempt up to <see cref="MaxBackoff"/>, with jitter.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this ends the fetch with an error instead of waiting.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Least time between two requests of one fetcher (pages of a board, retries).</summary>
    public TimeSpan MinRequestInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public long MaxResponseBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Lever postings are fetched in pages (skip/limit), each saved as soon as it arrives.</summary>
    public int LeverPageSize { get; init; } = 100;

    public int MaxPages { get; init; } = 500;

    /// <summary>Seed of the backoff jitter, so a run's delays are reproducible.</summary>
    public int RandomSeed { get; init; } = 3;

    public Uri GreenhouseBaseUrl { get; init; } = new("https://boards-api.greenhouse.io/v1/boards/");

    public Uri LeverBaseUrl { get; init; } = new("https://api.lever.co/v0/postings/");

    public Uri AshbyBaseUrl { get; init; } = new("https://api.ashbyhq.com/posting-api/job-board/");

    /// <summary>The public Hacker News API (Firebase): <c>user/whoishiring.json</c> and <c>item/ID.json</c> under it.</summary>
    public Uri HackerNewsBaseUrl { get; init; } = new("https://hacker-news.firebaseio.com/v0/");

    /// <summary>How many of the whoishiring account's newest submissions are looked at to find a month's thread.</summary>
    public int MaxThreadLookups { get; init; } = 60;

    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>"SkillScope/1.2.3 (+https://github.com/skillscope/skillscope)".</summary>
    public static string DefaultUserAgent { get; } = $"SkillScope/{Version()} (+https://github.com/skillscope/skillscope)";

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBackoff, InitialBackoff);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinRequestInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxResponseBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(LeverPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxThreadLookups, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(UserAgent);
        foreach (var url in (ReadOnlySpan<Uri>)[GreenhouseBaseUrl, LeverBaseUrl, AshbyBaseUrl, HackerNewsBaseUrl])
        {
            ArgumentNullException.ThrowIfNull(url);
            if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"base URL '{url}' must be an absolute http(s) URL", nameof(FetchOptions));
            }
        }
    }

    private static string Version()
    {
        var version = typeof(FetchOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
