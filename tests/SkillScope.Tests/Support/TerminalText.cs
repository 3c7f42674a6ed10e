using System.Globalization;
using Spectre.Console;

namespace SkillScope.Tests.Support;

/// <summary>
/// Checks a command's terminal output at a given width against the same output rendered very wide (the reference,
/// where nothing needs to wrap): every line fits the width; every token with a digit is a whole token of the reference
/// (a figure split across lines leaves a fragment such as "1,17" that the reference does not hold); and no table cell
/// breaks a word, i.e. a cell line that fills its column and the next line's cell that continues it form a token of
/// the reference ("programmi" + "ng-language"). Cuts marked with … are allowed: they are visible, not silent splits.
/// Figures are checked in table bodies only (a caption may name a column "P90"); bars of █ are not words.
/// </summary>
internal static class TerminalText
{
    private static readonly char[] Separators = [' ', '│', '╭', '╮', '╰', '╯', '─', '┬', '┴', '┼', '├', '┤', '\t'];

    public static List<string> Problems(string output, int width, string reference)
    {
        var problems = new List<string>();
        var vocabulary = Tokens(reference).ToHashSet(StringComparer.Ordinal);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        var inBody = false;
        for (var i = 0; i < lines.Length; i++)
        {
            // Table bodies: from a header's ├ line to the table's ╰ line (titles, captions and prose are outside).
            var trimmed = lines[i].TrimStart();
            inBody = trimmed.StartsWith('├') || (inBody && !trimmed.StartsWith('╰'));

            if (lines[i].GetCellWidth() > width)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {i + 1} is {lines[i].GetCellWidth()} columns wide (> {width}): {lines[i]}"));
            }

            foreach (var token in inBody ? Tokens(lines[i]) : [])
            {
                if (token.Any(char.IsAsciiDigit) && !token.Contains('…', StringComparison.Ordinal) && !vocabulary.Contains(token)
                    && !IsBar(token))
                {
                    problems.Add($"line {i + 1}: '{token}' is not a figure of the wide output (a split number?): {lines[i].Trim()}");
                }
            }

            if (i + 1 < lines.Length)
            {
                problems.AddRange(SplitWords(lines[i], lines[i + 1], vocabulary).Select(p => $"line {i + 1}: {p}"));
            }
        }

        return problems;
    }

    public static IEnumerable<string> Tokens(string text) =>
        text.ReplaceLineEndings("\n").Split('\n').SelectMany(line => line.Split(Separators, StringSplitOptions.RemoveEmptyEntries));

    // Two lines of the same table (same column borders): a cell that fills its column and a next-line cell that
    // starts right at its column's edge, whose joined tokens are one word of the reference.
    private static IEnumerable<string> SplitWords(string line, string next, HashSet<string> vocabulary)
    {
        var borders = Borders(line);
        if (borders.Count < 2 || !borders.SequenceEqual(Borders(next)))
        {
            yield break;
        }

        for (var c = 0; c + 1 < borders.Count; c++)
        {
            var (start, end) = (borders[c] + 2, borders[c + 1] - 1);
            if (end <= start || end > line.Length || end > next.Length)
            {
                continue;
            }

            var (cell, following) = (line[start..end], next[start..end]);
            if (cell[^1] == ' ' || following[0] == ' ')
            {
                continue;
            }

            var (tail, head) = (cell.Split(' ')[^1], following.Split(' ')[0]);
            if (vocabulary.Contains(tail + head) && !tail.EndsWith('…') && !head.StartsWith('…') && !IsBar(tail))
            {
                yield return $"'{tail + head}' is split across lines as '{tail}' / '{head}'";
            }
        }
    }

    private static bool IsBar(string token) => token.All(c => c == '█');

    private static List<int> Borders(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith('│')
            ? [.. line.Select((ch, i) => (ch, i)).Where(x => x.ch == '│').Select(x => x.i)]
            : [];
    }
}
