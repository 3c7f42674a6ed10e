using System.Globalization;
using Spectre.Console;

namespace SkillScope.Cli.Rendering;

internal static class Consoles
{
    /// <summary>The width used when nobody is watching and COLUMNS is not set.</summary>
    public const int DefaultColumns = 120;

    /// <summary>The narrowest width honoured: a smaller COLUMNS is read as this.</summary>
    public const int MinColumns = 40;

    /// <summary>True when a person is watching the terminal this writer prints to: progress bars and colour only then.</summary>
    public static bool IsInteractive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("CI") is null;

    /// <summary>
    /// The width a COLUMNS value asks for: a whole number, at least <see cref="MinColumns"/> (a smaller one is read as
    /// that) and at most 1,000; null when unset or not a number (then the terminal's width, or 120 in a pipe).
    /// </summary>
    public static int? ParseColumns(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0
            ? Math.Clamp(columns, MinColumns, 1000)
            : null;

    /// <summary>
    /// A Spectre console writing to <paramref name="context"/>'s output: as wide as <see cref="CliContext.Columns"/> (the
    /// COLUMNS variable) when set, else the terminal's width when a person is watching, else 120; plain text, no colour,
    /// when nobody is watching.
    /// </summary>
    public static IAnsiConsole For(CliContext context) => For(context.Output, context.Columns);

    public static IAnsiConsole For(TextWriter output, int? columns)
    {
        var interactive = IsInteractive(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (columns is { } width)
        {
            console.Profile.Width = width;
        }
        else if (!interactive)
        {
            console.Profile.Width = DefaultColumns;
        }

        return console;
    }

    /// <summary>The width <see cref="For(CliContext)"/> lays text out for.</summary>
    public static int Width(CliContext context) => For(context).Profile.Width;

    /// <summary>
    /// <paramref name="text"/> (one paragraph, already safe to print) wrapped at spaces to <paramref name="width"/>
    /// cells, continuation lines indented by <paramref name="indent"/>; a word longer than a line keeps its end
    /// (a file path's name) after a leading …
    /// </summary>
    public static IEnumerable<string> Wrap(string text, int width, string indent)
    {
        var line = new System.Text.StringBuilder();
        var lineWidth = 0;
        foreach (var raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = Tail(raw, width - indent.Length);
            var length = word.GetCellWidth();
            if (lineWidth > 0 && lineWidth + 1 + length > width)
            {
                yield return line.ToString();
                line.Clear().Append(indent);
                lineWidth = indent.Length;
            }
            else if (lineWidth > 0)
            {
                line.Append(' ');
                lineWidth++;
            }

            line.Append(word);
            lineWidth += length;
        }

        if (lineWidth > 0)
        {
            yield return line.ToString();
        }
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="width"/> cells, keeping its start and ending in … when cut.</summary>
    public static string Head(string text, int width)
    {
        if (text.GetCellWidth() <= width)
        {
            return text;
        }

        var end = 0;
        var used = 0;
        while (end < text.Length && used + text[end].GetCellWidth() <= width - 1)
        {
            used += text[end].GetCellWidth();
            end++;
        }

        if (end > 0 && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text[..end] + "…";
    }

    private static string Tail(string word, int width)
    {
        if (word.GetCellWidth() <= width)
        {
            return word;
        }

        var start = word.Length;
        var used = 0;
        while (start > 0 && used + word[start - 1].GetCellWidth() <= width - 1)
        {
            start--;
            used += word[start].GetCellWidth();
        }

        if (start < word.Length && char.IsLowSurrogate(word[start]))
        {
            start++;
        }

        return "…" + word[start..];
    }

    /// <summary>Writes <paramref name="table"/> laid out for the console's width.</summary>
    public static void Write(this IAnsiConsole console, FitTable table) => console.Write(table.Build(console.Profile.Width));
}
