using System.Globalization;
using Spectre.Console;

namespace SkillScope.Cli.Rendering;

/// <summary>How a column's cells may be laid out when the table must be narrower than its content.</summary>
internal enum FitKind
{
    /// <summary>Words: wrapped at spaces, never inside a word (a word longer than the column is cut with …).</summary>
    Text,

    /// <summary>A figure (count, share, interval, money): right-aligned, never wrapped or cut.</summary>
    Number,

    /// <summary>A short identifier or label (id, level, date): left-aligned, never wrapped or cut.</summary>
    Token,

    /// <summary>A bar of block characters for a 0-1 fraction, as long as the width left over allows (at most 30).</summary>
    Bar,
}

/// <summary>A cell: its text (plain, never markup; may hold line breaks), an optional Spectre style, or a bar's fraction.</summary>
internal readonly record struct FitCell(string Text, string? Style = null, double Bar = 0, bool Wrap = false)
{
    public static implicit operator FitCell(string text) => new(text);

    public static FitCell Muted(string text) => new(text, "grey");

    /// <summary>A muted remark in place of a figure ("insufficient data"): it may wrap at spaces in any column.</summary>
    public static FitCell Note(string text) => new(text, "grey", Wrap: true);

    public static FitCell Fraction(double fraction) => new("", null, fraction);
}

/// <summary>
/// A terminal table laid out for the console's width: every line fits, a figure or a word is never split across lines,
/// and when even the narrowest layout does not fit, the columns marked droppable are left out (lowest drop rank first)
/// and the caption says which. Text columns wrap at spaces; Number and Token columns never wrap; a bar shrinks first.
/// docs/cli.md lists, table by table, the columns left out at 80 columns.
/// </summary>
internal sealed class FitTable
{
    private const int BarMax = 30;
    private const int BarMin = 6;

    private readonly List<(string Header, FitKind Kind, int Drop)> _columns = [];
    private readonly List<FitCell[]> _rows = [];

    /// <summary>Shown above the table (plain text).</summary>
    public string? Title { get; init; }

    /// <summary>Shown below the table (plain text).</summary>
    public string? Caption { get; init; }

    /// <summary>The first cell of the only row when there are no rows.</summary>
    public string Empty { get; init; } = "(no records)";

    /// <summary>The columns left out by the last <see cref="Build"/>.</summary>
    public IReadOnlyList<string> Dropped { get; private set; } = [];

    public int RowCount => _rows.Count;

    /// <summary>Adds a column; <paramref name="drop"/> 0 means it is always shown, 1 is left out first, then 2, ...</summary>
    public FitTable Column(string header, FitKind kind, int drop = 0)
    {
        _columns.Add((header, kind, drop));
        return this;
    }

    public FitTable Text(string header, int drop = 0) => Column(header, FitKind.Text, drop);

    public FitTable Number(string header, int drop = 0) => Column(header, FitKind.Number, drop);

    public FitTable Token(string header, int drop = 0) => Column(header, FitKind.Token, drop);

    public FitTable Bar(int drop = 1) => Column("", FitKind.Bar, drop);

    public FitTable Add(params FitCell[] cells)
    {
        if (cells.Length != _columns.Count)
        {
            throw new ArgumentException($"a row of {cells.Length} cells in a table of {_columns.Count} columns", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>The narrowest width that shows every column (or, with <paramref name="droppable"/> false, every column never left out) without splitting a word or a figure.</summary>
    public int MinimumWidth(bool droppable = true)
    {
        var active = Enumerable.Range(0, _columns.Count).Where(c => droppable || _columns[c].Drop == 0).ToList();
        var (min, _) = Measure(active, RowsOrEmpty());
        return min.Sum() + (3 * active.Count) + 1;
    }

    private IReadOnlyList<FitCell[]> RowsOrEmpty() => _rows.Count > 0 ? _rows
        : [[.. _columns.Select((_, i) => i == 0 ? FitCell.Muted(Empty) : new FitCell(""))]];

    /// <summary>The Spectre table for a console <paramref name="width"/> columns wide.</summary>
    public Table Build(int width)
    {
        var rows = RowsOrEmpty();
        var active = Enumerable.Range(0, _columns.Count).ToList();
        var dropped = new List<int>();
        int[] min, max;
        while (true)
        {
            (min, max) = Measure(active, rows);
            if (min.Sum() <= Available(width, active.Count))
            {
                break;
            }

            var next = active.Where(c => _columns[c].Drop > 0).OrderBy(c => _columns[c].Drop).ThenByDescending(c => c).FirstOrDefault(-1);
            if (next < 0)
            {
                break;
            }

            active.Remove(next);
            dropped.Add(next);
        }

        // Left out in rank order until it fits; then each left-out column, most useful first, comes back if it still fits.
        foreach (var back in dropped.AsEnumerable().Reverse().ToList())
        {
            var trial = active.Append(back).Order().ToList();
            if (Measure(trial, rows).Min.Sum() <= Available(width, trial.Count))
            {
                active = trial;
                dropped.Remove(back);
            }
        }

        (min, max) = Measure(active, rows);
        Dropped = [.. dropped.Select(c => _columns[c].Kind == FitKind.Bar ? "the bar" : _columns[c].Header)];
        var widths = Shrink(active, min, max, Available(width, active.Count));
        var table = new Table().Border(TableBorder.Rounded);
        if (Title is not null)
        {
            table.Title($"[bold]{Terminal.Escape(Title)}[/]");
        }

        var caption = string.Join(" ", new[] { Caption, DroppedNote(width, Dropped) }.Where(c => c is not null));
        if (caption.Length > 0)
        {
            table.Caption(Terminal.Escape(caption));
        }

        for (var i = 0; i < active.Count; i++)
        {
            var (header, kind, _) = _columns[active[i]];
            var column = new TableColumn(Terminal.Escape(header)).Width(widths[i]);
            column = kind == FitKind.Number ? column.RightAligned().NoWrap() : kind == FitKind.Token ? column.NoWrap() : column;
            table.AddColumn(column);
        }

        var barTop = rows.SelectMany(r => active.Where(c => _columns[c].Kind == FitKind.Bar).Select(c => r[c].Bar)).DefaultIfEmpty(0).Max();
        foreach (var row in rows)
        {
            table.AddRow([.. active.Select((c, i) => Render(row[c], _columns[c].Kind, widths[i], barTop))]);
        }

        return table;
    }

    private static int Available(int width, int columns) => width - (3 * columns) - 1;

    private static string? DroppedNote(int width, IReadOnlyList<string> dropped) => dropped.Count == 0 ? null
        : string.Create(CultureInfo.InvariantCulture,
            $"({width} columns: {string.Join(", ", dropped)} left out; a wider terminal or COLUMNS shows them)");

    private (int[] Min, int[] Max) Measure(List<int> active, IReadOnlyList<FitCell[]> rows)
    {
        var min = new int[active.Count];
        var max = new int[active.Count];
        for (var i = 0; i < active.Count; i++)
        {
            var (header, kind, _) = _columns[active[i]];
            if (kind == FitKind.Bar)
            {
                (min[i], max[i]) = (BarMin, BarMax);
                continue;
            }

            foreach (var (text, words) in rows.Select(r => (r[active[i]].Text, kind == FitKind.Text || r[active[i]].Wrap)).Append((header, true)))
            {
                foreach (var line in Lines(text))
                {
                    var length = line.GetCellWidth();
                    max[i] = Math.Max(max[i], length);
                    min[i] = Math.Max(min[i], words ? line.Split(' ').Max(w => w.GetCellWidth()) : length);
                }
            }

            max[i] = Math.Max(max[i], 1);
            min[i] = Math.Max(min[i], 1);
        }

        return (min, max);
    }

    // Natural widths, narrowed to fit: the bar first (down to its minimum), then the widest text column one cell at a
    // time, never below its longest word; only when nothing is left to drop, text and token columns below that (their
    // words cut with a visible …). Figures are never narrowed.
    private int[] Shrink(List<int> active, int[] min, int[] max, int available)
    {
        var widths = (int[])max.Clone();
        var excess = widths.Sum() - available;
        var bar = active.FindIndex(c => _columns[c].Kind == FitKind.Bar);
        if (bar >= 0 && excess > 0)
        {
            var cut = Math.Min(excess, widths[bar] - min[bar]);
            widths[bar] -= cut;
            excess -= cut;
        }

        var text = Enumerable.Range(0, active.Count).Where(i => _columns[active[i]].Kind == FitKind.Text).ToList();
        var words = Enumerable.Range(0, active.Count).Where(i => _columns[active[i]].Kind is FitKind.Text or FitKind.Token).ToList();
        foreach (var (shrinking, floor) in (IEnumerable<(List<int>, Func<int, int>)>)[(text, i => min[i]), (words, _ => 3)])
        {
            while (excess > 0)
            {
                var widest = shrinking.Where(i => widths[i] > floor(i)).OrderByDescending(i => widths[i]).FirstOrDefault(-1);
                if (widest < 0)
                {
                    break;
                }

                widths[widest]--;
                excess--;
            }
        }

        return widths;
    }

    // A cell's lines, each with its control characters made visible: a line break in a cell is a line break.
    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(line => Terminal.Safe(line.TrimEnd('\r')));

    private static Markup Render(FitCell cell, FitKind kind, int width, double barTop)
    {
        if (kind == FitKind.Bar)
        {
            var length = barTop <= 0 ? 0 : (int)Math.Round(cell.Bar / barTop * width);
            return new Markup("[blue]" + new string('█', length) + "[/]");
        }

        var text = string.Join('\n', Lines(cell.Text).Select(Markup.Escape));
        var markup = new Markup(cell.Style is null || text.Length == 0 ? text : $"[{cell.Style}]{text}[/]");
        return kind == FitKind.Number && !cell.Wrap ? markup : markup.Overflow(Overflow.Ellipsis);
    }
}
