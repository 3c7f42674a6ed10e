namespace SkillScope.Fetch;

/// <summary>What a fetch saved and how it went.</summary>
/// <param name="Format">The reader to ingest the files with (an <c>IRecordFormat.Name</c>).</param>
/// <param name="Files">Complete downloads, in order; they stay on disk whatever happened after them.</param>
/// <param name="PartialFiles">Bodies cut off by a failure that retries did not overcome, kept as
/// "*.partial.*": the readers read the complete records in them and reject the cut one.</param>
/// <param name="Attempts">Every request made, retries included.</param>
/// <param name="Error">Null when everything was downloaded; otherwise one line saying what failed.</param>
public sealed record FetchResult(
    string Format,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> PartialFiles,
    IReadOnlyList<FetchAttempt> Attempts,
    string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>One HTTP request.</summary>
/// <param name="Number">1 for the first attempt at this URL, 2 for its first retry, ...</param>
/// <param name="StatusCode">Null when no response arrived (timeout, connection error).</param>
/// <param name="DelayBefore">The wait before this attempt: backoff or the server's Retry-After.</param>
/// <param name="Bytes">Body bytes received.</param>
/// <param name="Error">Null for a successful attempt.</param>
public sealed record FetchAttempt(Uri Url, int Number, int? StatusCode, TimeSpan DelayBefore, long Bytes, string? Error);
