using System.Text;

namespace SkillScope.Ingest;

/// <summary>A file checked by <see cref="TextDecoding.Inspect"/>: its content hash and how to decode it.</summary>
/// <param name="Sha256Hex">SHA-256 of the file's bytes (BOM included), lowercase hex.</param>
/// <param name="EncodingName">One of <c>utf-8</c>, <c>utf-8-bom</c>, <c>utf-16le</c>, <c>utf-16be</c>, <c>utf-32le</c>, <c>utf-32be</c>, <c>windows-1251</c>, <c>windows-1252</c>, or <c>sqlite</c> for a SQLite database file.</param>
public sealed record DecodedFile(string Path, string Sha256Hex, long Bytes, Encoding Encoding, string EncodingName)
{
    /// <summary>What the reader should know about the decoding (invalid bytes replaced), or null.</summary>
    public string? Warning { get; init; }

    /// <summary>The encoding name, with the warning when there is one (ingest summaries show it).</summary>
    public string Describe() => Warning is null ? EncodingName : $"{EncodingName}; {Warning}";
}
