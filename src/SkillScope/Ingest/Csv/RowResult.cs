using SkillScope.Model;

namespace SkillScope.Ingest.Csv;

/// <summary>What a layout made of one record: a <see cref="RawRecord"/>, or why it could not.</summary>
internal readonly record struct RowResult(RawRecord? Record, string? Error)
{
    public static RowResult Fail(string error) => new(null, error);

    public static implicit operator RowResult(RawRecord record) => new(record, null);
}
