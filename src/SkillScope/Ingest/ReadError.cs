namespace SkillScope.Ingest;

/// <summary>A whole-file problem (missing file, unknown format, undecodable text): one line for the user.</summary>
public sealed class ReadError(string message) : Exception(message)
{
    /// <summary>Set when the file is not text at all ("looks binary", "looks gzip-compressed"), for callers that read other things than data files.</summary>
    public string? BinaryKind { get; init; }
}
