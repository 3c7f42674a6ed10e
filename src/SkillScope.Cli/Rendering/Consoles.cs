using Spectre.Console;

namespace SkillScope.Cli.Rendering;

internal static class Consoles
{
    /// <summary>True when a person is watching the terminal this writer prints to: progress bars and colour only then.</summary>
    public static bool IsInteractive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("CI") is null;

    /// <summary>A Spectre console writing to <paramref name="output"/>; plain text, 120 columns, when nobody is watching.</summary>
    public static IAnsiConsole For(TextWriter output)
    {
        var interactive = IsInteractive(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 120;
        }

        return console;
    }
}
