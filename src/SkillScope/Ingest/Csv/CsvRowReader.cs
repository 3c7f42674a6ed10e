using System.Buffers;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace SkillScope.Ingest.Csv;

/// <summary>One physical CSV record: its fields, raw text, starting line and what is wrong with it, if anything.</summary>
/// <param name="Problem">Null for a well-formed record; otherwise a short reason (bad quoting, binary data).</param>
internal readonly record struct CsvRawRow(string[] Fields, string RawText, long Line, string? Problem);

/// <summary>
/// Streams CSV records with CsvHelper's parser, keeping each record's raw text and starting line,
/// and turning malformed input into a <see cref="CsvRawRow.Problem"/> instead of an exception.
/// </summary>
/// <remarks>
/// A quote that is never closed makes a CSV parser swallow everything up to the end of the file
/// into one field. When that happens the first line of the swallowed record is reported as the bad
/// row and the rest of the file is parsed again from the next line, so one stray quote costs one
/// row, not the remainder of the file.
/// </remarks>
internal sealed class CsvRowReader : IDisposable
{
    private static readonly SearchValues<char> BinaryChars = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>The longest field read (16 Mi characters): a record with a longer one is quarantined, the rest of the file read.</summary>
    public const int MaxFieldChars = 16 * 1024 * 1024;

    /// <summary>How much of a cut record's raw text is kept for the quarantine.</summary>
    internal const int CutRawChars = 2_048;

    private readonly string sourceName;
    private readonly CsvFieldGuard guard;
    private long droppedLineBreaks;
    private bool lastWasCut;
    private readonly string delimiter;
    private CsvParser parser;
    private long lineOffset;
    private bool badData;
    private string lastRaw = "";
    private long lastEndLine;
    private long lastReturnedLine;
    private CsvRawRow? lookahead;

    /// <param name="sourceName">The file name, for messages.</param>
    /// <param name="delimiter">The field separator (<see cref="CsvDialect"/> finds it from the header).</param>
    /// <param name="maxFieldChars">The longest field read (tests use a small bound).</param>
    public CsvRowReader(TextReader text, string sourceName, char delimiter = ',', int maxFieldChars = MaxFieldChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        this.sourceName = sourceName;
        this.delimiter = delimiter.ToString();
        guard = new CsvFieldGuard(text, maxFieldChars, delimiter);
        parser = CreateParser(guard);
    }

    /// <summary>Reads the next record; false at the end of the input.</summary>
    public bool TryRead(out CsvRawRow row)
    {
        if (!TryReadRecord(out row))
        {
            return false;
        }

        lastReturnedLine = row.Line;
        return true;
    }

    private bool TryReadRecord(out CsvRawRow row)
    {
        if (lookahead is { } next)
        {
            lookahead = null;
            row = next;
        }
        else if (!TryReadPhysical(out row))
        {
            return false;
        }

        if (row.Problem is null || lastWasCut)
        {
            return true;
        }

        if (!HasInnerLineBreak(row.RawText))
        {
            // A quote opened on the last line and never closed: say so, with that line (the file's final line
            // break, inside the open quote, is not a line of its own).
            if (row.RawText.AsSpan().Count('"') % 2 == 1 && !TryPeek())
            {
                row = row with
                {
                    // Never before the record returned last: a damaged record before it can end on this line.
                    Line = Math.Max(lastReturnedLine, lastEndLine - lastRaw.AsSpan().Count('\n')),
                    Problem = "unterminated quoted field (a quote opened on this line is never closed before the end of the file)",
                };
            }

            return true;
        }

        // A malformed record spanning several lines: it is an unterminated quote only when it ran
        // to the end of the input, which needs one record of lookahead to know.
        if (TryReadPhysical(out var following))
        {
            lookahead = following;
            return true;
        }

        var firstBreak = row.RawText.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = TrimLineEnd(row.RawText[..firstBreak]);
        var rest = row.RawText[(firstBreak + 1)..];
        // The line break ending the file lies inside the open quote, so CsvHelper counted it as a
        // line of the record: every line break of the raw text belongs to the record here.
        var startLine = lastEndLine - lastRaw.AsSpan().Count('\n');
        parser.Dispose();
        parser = CreateParser(new StringReader(rest));
        lineOffset = startLine;
        droppedLineBreaks = 0; // counted in startLine
        row = new CsvRawRow([], firstLine, startLine, "unterminated quoted field (a quote opened on this line is never closed); the following lines were read again as new records");
        return true;
    }

    public void Dispose() => parser.Dispose();

    // Reads one record ahead into the lookahead; false at the end of the input (the last record's state is kept).
    private bool TryPeek()
    {
        var (raw, end) = (lastRaw, lastEndLine);
        if (TryReadPhysical(out var following))
        {
            lookahead = following;
            return true;
        }

        (lastRaw, lastEndLine) = (raw, end);
        return false;
    }

    private bool TryReadPhysical(out CsvRawRow row)
    {
        badData = false;
        try
        {
            if (!parser.Read())
            {
                row = default;
                return false;
            }
        }
        catch (MaxFieldSizeException)
        {
            // The guard keeps fields under CsvHelper's own bound; this is a bug, not bad data.
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{sourceName}: a field near line {lineOffset + parser.RawRow} passed the CSV guard's {MaxFieldChars:N0}-character bound"));
        }

        // Reading every field is what makes CsvHelper report bad quoting (it checks lazily).
        var fields = parser.Record ?? [];
        // The raw text is kept without its line end: it is shown to users and stored with rejections.
        lastRaw = parser.RawRecord;
        var raw = TrimLineEnd(lastRaw);
        // Line breaks the guard dropped from records cut before this one are lines of the file all the same.
        var outputLine = parser.RawRow;
        CsvFieldGuard.Cut? cut = null;
        while (lineOffset == 0 && guard.TryTakeCut(outputLine, out var taken))
        {
            if (taken.OutputLine == outputLine)
            {
                cut = taken;
                break;
            }

            droppedLineBreaks += taken.DroppedLineBreaks;
        }

        var endLine = lastEndLine = outputLine + lineOffset + droppedLineBreaks;
        var line = endLine - InnerLineBreaks(raw);
        lastWasCut = cut is not null;
        if (cut is { } c)
        {
            droppedLineBreaks += c.DroppedLineBreaks;
            lastEndLine += c.DroppedLineBreaks;
            var limit = guard.MaxFieldChars;
            var problemText = c.RanToEnd
                ? string.Create(CultureInfo.InvariantCulture,
                    $"a quoted field runs past {limit:N0} characters to the end of the file (lines {line}-{lastEndLine}; a quote that is never closed?): the record is quarantined; fix the quoting and read the file again for the rows after it")
                : string.Create(CultureInfo.InvariantCulture,
                    $"a field longer than {limit:N0} characters (record on lines {line}-{lastEndLine}): the record is quarantined, the rest of the file is read");
            var kept = raw.Length <= CutRawChars ? raw : string.Concat(raw.AsSpan(0, CutRawChars), "…");
            row = new CsvRawRow([], kept, line, problemText);
            return true;
        }

        string? problem = null;
        if (badData)
        {
            problem = "malformed quoting (a quote inside an unquoted field, or text after a closing quote)";
        }
        else if (raw.AsSpan().IndexOfAny(BinaryChars) is var at and >= 0)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"binary data in the record (control character U+{(int)raw[at]:X4})");
        }

        row = new CsvRawRow(fields, raw, line, problem);
        return true;
    }

    private CsvParser CreateParser(TextReader text)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            BadDataFound = _ => badData = true,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
            // Descriptions run to tens of kilobytes; no real field comes near this bound, but a
            // runaway quote on a huge file must not grow one field without limit. The guard in front (CsvFieldGuard)
            // cuts a record whose field passes MaxFieldChars; this bound, above it, is only a backstop.
            MaxFieldSize = 2 * MaxFieldChars + 16,
        };
        return new CsvParser(text, config, leaveOpen: true);
    }

    private static string TrimLineEnd(string raw)
    {
        var end = raw.Length;
        while (end > 0 && raw[end - 1] is '\n' or '\r')
        {
            end--;
        }

        return end == raw.Length ? raw : raw[..end];
    }

    private static long InnerLineBreaks(string raw)
    {
        var span = raw.AsSpan();
        var count = span.Count('\n');
        // Old Mac line ends: CsvHelper counts a lone CR as a line too.
        if (count == 0 && span.Contains('\r'))
        {
            count = span.Count('\r');
        }

        return count;
    }

    private static bool HasInnerLineBreak(string raw) => raw.Contains('\n', StringComparison.Ordinal);
}
