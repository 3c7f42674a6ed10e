namespace SkillScope.Ingest;

/// <summary>A whole-file problem (missing file, unknown format, undecodable text): one line for the user.</summary>
public sealed class ReadError(string message) : Exception(message);
