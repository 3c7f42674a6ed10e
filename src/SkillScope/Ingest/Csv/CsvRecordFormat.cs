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

    public bool Matches(FormatProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return CsvHeader.FromProbe(probe) is { } header && MatchesHeader(header);
    }

    /// <summary>True when a file with this header is in this layout: by default, it has every required column.</summary>
    public virtual bool MatchesHeader(CsvHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.ContainsAll(RequiredColumns);
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
        var (delimiter, replay) = CsvDialect.Sniff(text);
        var reader = new CsvRowReader(replay, fileName, delimiter);
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
            return Rows(reader, header, header.Unused(), map);
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

    /// <summary>The record with the non-empty columns its layout did not read, as stated (unless the layout set them).</summary>
    private static RawRecord WithExtra(RawRecord record, CsvFields fields, int[] unused, string[] names)
    {
        if (unused.Length == 0 || record.Extra is not null)
        {
            return record;
        }

        List<KeyValuePair<string, string>>? extra = null;
        for (var i = 0; i < unused.Length; i++)
        {
            if (fields.Text(unused[i]) is { } value)
            {
                (extra ??= new List<KeyValuePair<string, string>>(unused.Length - i)).Add(new(names[i], value));
            }
        }

        return extra is null ? record : record with { Extra = extra };
    }

    internal static string DisplayName(string path) =>
        string.IsNullOrEmpty(path) ? "input" : Path.GetFileName(path) is { Length: > 0 } name ? name : path;

    private static IEnumerable<SourceRow> Rows(CsvRowReader reader, CsvHeader header, int[] unused, Func<CsvFields, RowResult> map)
    {
        var columns = header.Count;
        var names = new string[unused.Length];
        for (var i = 0; i < unused.Length; i++)
        {
            names[i] = header.Names[unused[i]];
        }

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

                var fields = new CsvFields(row.Fields);
                var result = map(fields);
                yield return result.Record is { } record
                    ? SourceRow.Ok(position, row.Line, row.RawText, WithExtra(record, fields, unused, names))
                    : SourceRow.Rejected(position, row.Line, row.RawText, result.Error ?? "unreadable record");
            }
        }
    }
}
