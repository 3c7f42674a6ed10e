namespace SkillScope.Ingest.Csv;

/// <summary>
/// Sits between the file and CsvHelper and keeps every field under a length bound without stopping the file. It
/// follows the CSV quoting as CsvHelper does (the file's delimiter; a quote opens a field only at its start; <c>""</c> is a
/// quote inside a quoted field); when a field passes <see cref="MaxFieldChars"/> characters it drops the rest of that
/// record up to the line break that ends it, closes the field (a quote if it was quoted) and ends the record there, so
/// CsvHelper sees a whole record of bounded size and goes on with the next one. Each cut is queued
/// (<see cref="TryTakeCut"/>) with the output line it ends on and the line breaks it dropped, so the reader can
/// quarantine that record with its reason and keep the line numbers of the records after it true to the file.
/// The caller owns (and disposes) the inner reader.
/// </summary>
internal sealed class CsvFieldGuard(TextReader inner, int maxFieldChars, char delimiter = ',') : TextReader
{
    /// <summary>A record that was cut: it ends on output line <paramref name="OutputLine"/> (1-based, as CsvHelper counts).</summary>
    /// <param name="DroppedLineBreaks">Line breaks of the file inside the dropped part (not seen by CsvHelper).</param>
    /// <param name="RanToEnd">The record never ended: the file ended inside it (inside an open quote).</param>
    public readonly record struct Cut(long OutputLine, long DroppedLineBreaks, bool RanToEnd);

    private readonly char[] buffer = new char[16 * 1024];
    private readonly Queue<Cut> cuts = new();
    private readonly Queue<char> pendingOutput = new(2); // the end of a cut record: its closing quote and line break
    private int bufferStart;
    private int bufferEnd;
    private bool innerEnded;

    // The quoting state, over the file's characters.
    private bool atFieldStart = true;
    private bool inQuotes;
    private bool quotePending; // a quote inside a quoted field: closing, or the first of "" (the next character says)
    private long fieldLength;

    // Line breaks passed on (as CsvHelper counts them: CR LF is one) and the state of a cut in progress.
    private long outputLineBreaks;
    private bool outputAfterCr;
    private bool skipping;
    private bool cutQuoted;
    private bool skipAfterCr;
    private long skippedLineBreaks;
    private bool skippedBreakLast;

    public int MaxFieldChars { get; } = maxFieldChars;

    /// <summary>Takes the next cut ending on or before <paramref name="outputLine"/>, if any.</summary>
    public bool TryTakeCut(long outputLine, out Cut cut)
    {
        if (cuts.TryPeek(out cut) && cut.OutputLine <= outputLine)
        {
            cuts.Dequeue();
            return true;
        }

        return false;
    }

    public override int Read() => throw new NotSupportedException("CsvFieldGuard is read in blocks");

    public override int Peek() => -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (pendingOutput.TryDequeue(out var pending))
            {
                buffer[written++] = pending;
                CountOutput(pending);
                continue;
            }

            if (bufferStart == bufferEnd && !Fill())
            {
                if (!skipping)
                {
                    break;
                }

                // The file ended inside the cut record: end it here.
                EndCut('\n', ranToEnd: true);
                continue;
            }

            var c = this.buffer[bufferStart++];
            if (skipping)
            {
                Skip(c);
                continue;
            }

            buffer[written++] = c;
            CountOutput(c);
            Track(c);
            // A quote just read inside quotes is decided by the next character: cut only where the state is known.
            if (fieldLength > MaxFieldChars && !quotePending)
            {
                skipping = true;
                cutQuoted = inQuotes;
                skippedLineBreaks = 0;
                skippedBreakLast = false;
                skipAfterCr = false;
            }
        }

        return written;
    }

    private bool Fill()
    {
        if (innerEnded)
        {
            return false;
        }

        bufferStart = 0;
        bufferEnd = inner.Read(buffer, 0, buffer.Length);
        innerEnded = bufferEnd == 0;
        return !innerEnded;
    }

    // Follows the quoting of one passed-on character.
    private void Track(char c)
    {
        if (inQuotes)
        {
            if (!quotePending)
            {
                quotePending = c == '"';
                fieldLength++;
                return;
            }

            quotePending = false;
            if (c == '"')
            {
                return; // "" inside quotes (counted once, with the first)
            }

            inQuotes = false; // the quote before closed the field; c is read as outside quotes below
        }

        if (c == delimiter || c is '\n' or '\r')
        {
            atFieldStart = true;
            fieldLength = 0;
            return;
        }

        if (c == '"' && atFieldStart)
        {
            inQuotes = true;
        }

        atFieldStart = false;
        fieldLength++;
    }

    // Drops one character of a cut record, following its quoting up to the line break that ends it.
    private void Skip(char c)
    {
        if (inQuotes)
        {
            if (!quotePending)
            {
                quotePending = c == '"';
                CountSkipped(c);
                return;
            }

            quotePending = false;
            if (c == '"')
            {
                return;
            }

            inQuotes = false;
        }

        if (c is '\n' or '\r')
        {
            EndCut(c, ranToEnd: false);
            return;
        }

        if (c == '"' && atFieldStart)
        {
            inQuotes = true;
        }

        atFieldStart = c == delimiter;
        CountSkipped(c);
    }

    // Ends the cut record for CsvHelper: the kept part's open quote is closed, then the line break that ended it.
    private void EndCut(char lineBreak, bool ranToEnd)
    {
        // The file's own last line break, inside an open quote, ends the file rather than starting a line of the record.
        cuts.Enqueue(new Cut(outputLineBreaks + 1, skippedLineBreaks - (ranToEnd && skippedBreakLast ? 1 : 0), ranToEnd));
        if (cutQuoted)
        {
            pendingOutput.Enqueue('"');
        }

        pendingOutput.Enqueue(lineBreak);
        skipping = false;
        inQuotes = false;
        quotePending = false;
        atFieldStart = true;
        fieldLength = 0;
    }

    private void CountOutput(char c)
    {
        if (c == '\n')
        {
            outputLineBreaks += outputAfterCr ? 0 : 1;
        }
        else if (c == '\r')
        {
            outputLineBreaks++;
        }

        outputAfterCr = c == '\r';
    }

    private void CountSkipped(char c)
    {
        if (c == '\n')
        {
            skippedLineBreaks += skipAfterCr ? 0 : 1;
        }
        else if (c == '\r')
        {
            skippedLineBreaks++;
        }

        skipAfterCr = c == '\r';
        skippedBreakLast = c is '\n' or '\r';
    }
}
