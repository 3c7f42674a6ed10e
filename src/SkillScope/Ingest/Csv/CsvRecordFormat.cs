using System.Globalization;
using SkillScope.Model;

namespace SkillScope.Ingest.Csv;

/// <summary>
/// A CSV layout recognised by its header. The base reads records, rejects malformed ones (bad
/// quoting, binary data, wrong field count) and hands well-formed ones to the layout's mapper.
/// </summary>
internal abstract class CsvRecordFormat : IRecordFormat
{
    public abstract string Name { get; }

    public abstract string DefaultSource { get; }

    /// <summary>Header columns the layout needs; a header with all of them matches (extra columns are allowed).</summary>
    public abstract IReadOnlyList<string> RequiredColumns { get; }

    public virtual bool Matches(FormatProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return CsvHeader.TryParse(probe.FirstLine) is { } header && header.ContainsAll(RequiredColumns);
    }

    /// <summary>
    /// Reads the header at once (so a wrong layout fails with <see cref="ReadError"/> here), then
    /// streams the records.
    /// </summary>
    public IEnumerable<SourceRow> Read(TextReader text, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var fileName = DisplayName(context.FilePath);
        var reader = new CsvRowReader(text, fileName);
        try
        {
            if (!reader.TryRead(out var headerRow))
            {
                throw new ReadError($"{fileName}: the file is empty; format '{Name}' expects a CSV header line.");
            }

            if (headerRow.Problem is not null)
            {
                throw new ReadError($"{fileName}: the header line is not valid CSV ({headerRow.Problem}).");
            }

            var header = new CsvHeader(headerRow.Fields);
            CheckHeader(header, fileName);
            var map = Bind(header, context);
            return Rows(reader, header.Count, map);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Prepares the mapping of one file (column ordinals, sibling data) and returns the row mapper.</summary>
    protected abstract Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context);

    /// <summary>Throws <see cref="ReadError"/> when the header does not fit the layout.</summary>
    protected virtual void CheckHeader(CsvHeader header, string fileName)
    {
        ArgumentNullException.ThrowIfNull(header);
        var missing = header.Missing(RequiredColumns);
        if (missing.Count > 0)
        {
            throw new ReadError(
                $"{fileName}: the header lacks {string.Join(", ", missing.Select(m => $"'{m}'"))} required by format '{Name}'; check --format, or leave it out to detect the format.");
        }
    }

    internal static string DisplayName(string path) =>
        string.IsNullOrEmpty(path) ? "input" : Path.GetFileName(path) is { Length: > 0 } name ? name : path;

    private static IEnumerable<SourceRow> Rows(CsvRowReader reader, int columns, Func<CsvFields, RowResult> map)
    {
        using (reader)
        {
            long position = 0;
            while (reader.TryRead(out var row))
            {
                position++;
                if (row.Problem is not null)
                {
                    yield return SourceRow.Rejected(position, row.Line, row.RawText, row.Problem);
                    continue;
                }

                if (row.Fields.Length != columns)
                {
                    yield return SourceRow.Rejected(position, row.Line, row.RawText,
                        string.Create(CultureInfo.InvariantCulture, $"expected {columns} fields as in the header, found {row.Fields.Length}"));
                    continue;
                }

                var result = map(new CsvFields(row.Fields));
                yield return result.Record is { } record
                    ? SourceRow.Ok(position, row.Line, row.RawText, record)
                    : SourceRow.Rejected(position, row.Line, row.RawText, result.Error ?? "unreadable record");
            }
        }
    }
}
