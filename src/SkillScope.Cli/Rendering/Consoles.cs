using Spectre.Console;

namespace SkillScope.Cli.Rendering;

internal static class Consoles
{
    /// <summary>A Spectre console writing to the command's output: colour only for a person at a terminal.</summary>
    public static IAnsiConsole For(CliContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Output),
            Ansi = context.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = context.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!context.Interactive)
        {
            console.Profile.Width = 100;
        }

        return console;
    }
}
