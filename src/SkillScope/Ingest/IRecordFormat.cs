using SkillScope.Model;

namespace SkillScope.Ingest;

/// <summary>
/// A file layout SkillScope can read. Implementations are stateless; <see cref="Read"/> streams
/// rows one at a time so memory stays bounded whatever the file size.
/// </summary>
public interface IRecordFormat
{
    /// <summary>The id used with <c>--format</c> (e.g. "aijobs", "glassdoor").</summary>
    string Name { get; }

    /// <summary>Source name stored with records when the user gives no <c>--source</c>.</summary>
    string DefaultSource { get; }

    /// <summary>True when the start of the file (already decoded) looks like this layout.</summary>
    bool Matches(FormatProbe probe);

    /// <summary>Reads every record; a record that cannot be read is yielded as a rejected row, never skipped.</summary>
    IEnumerable<SourceRow> Read(TextReader text, FormatContext context);
}

/// <summary>The decoded start of a file, for content-based format detection.</summary>
/// <param name="FirstLine">The first line (a CSV header, or the first JSON line).</param>
/// <param name="Head">Up to the first 64 KiB of text.</param>
public sealed record FormatProbe(string FileName, string FirstLine, string Head);

/// <summary>What a reader may need besides the text: the file's path (for sibling files) and user options.</summary>
public sealed record FormatContext(string FilePath)
{
    /// <summary>Column mapping for the generic readers (from <c>--mapping FILE</c> or flags).</summary>
    public IReadOnlyDictionary<string, string>? ColumnMapping { get; init; }
}
