namespace SkillScope.Ingest.Web;

/// <summary>
/// Size caps that keep the web readers memory-bounded whatever the input: at most one record (or one
/// HTML page) is held in memory, and anything larger is rejected with a reason instead of read.
/// </summary>
internal sealed record WebLimits
{
    public static readonly WebLimits Default = new();

    /// <summary>One JSON record: a board job, a JSON-LD value, a JSON Lines line, one ld+json script.</summary>
    public int MaxRecordChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>A whole HTML page: it is parsed as one document to find its ld+json scripts.</summary>
    public int MaxPageChars { get; init; } = 16 * 1024 * 1024;

    /// <summary>How much of a rejected record's text is kept for the quarantine.</summary>
    public int MaxSnippetChars { get; init; } = 2048;
}
