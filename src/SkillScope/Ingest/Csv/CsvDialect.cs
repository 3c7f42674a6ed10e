using System.Text;

namespace SkillScope.Ingest.Csv;

/// <summary>
/// Finds a delimited file's separator from its header line: comma, semicolon, tab or pipe, whichever
/// splits the header (outside quotes) into the most columns; comma when none does. The header decides
/// because it is short and holds no prose, where descriptions are full of commas and semicolons.
/// </summary>
internal static class CsvDialect
{
    private const int MaxHeaderChars = 64 * 1024;

    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>The separator the header line uses (comma when it names one column or none).</summary>
    public static char Delimiter(ReadOnlySpan<char> headerLine)
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
                continue;
            }

            if (!quoted)
            {
                var at = Array.IndexOf(Candidates, c);
                if (at >= 0)
                {
                    counts[at]++;
                }
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return counts[best] == 0 ? ',' : Candidates[best];
    }

    /// <summary>
    /// Reads the first line of <paramref name="text"/> to find the separator, and returns a reader that
    /// gives the whole text again, first line included.
    /// </summary>
    public static (char Delimiter, TextReader Text) Sniff(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = new StringBuilder();
        int c;
        while (head.Length < MaxHeaderChars && (c = text.Read()) >= 0)
        {
            head.Append((char)c);
            if (c == '\n')
            {
                break;
            }
        }

        var line = head.ToString();
        return (Delimiter(line.AsSpan().TrimEnd("\r\n")), new ReplayTextReader(line, text));
    }

    /// <summary>Gives <c>prefix</c>, then the rest of <c>inner</c> (which its owner disposes).</summary>
    private sealed class ReplayTextReader(string prefix, TextReader inner) : TextReader
    {
        private int position;

        public override int Peek() => position < prefix.Length ? prefix[position] : inner.Peek();

        public override int Read() => position < prefix.Length ? prefix[position++] : inner.Read();

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (position < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - position);
                prefix.AsSpan(position, n).CopyTo(buffer);
                position += n;
                return n;
            }

            return inner.Read(buffer);
        }
    }
}
