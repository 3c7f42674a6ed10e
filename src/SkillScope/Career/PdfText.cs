using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SkillScope.Career;

/// <summary>
/// The text of a PDF through poppler's <c>pdftotext</c> (Debian package poppler-utils): no PDF library that parses
/// text restores here, and pdftotext is the reference extractor. Runs locally; the file never leaves the machine.
/// </summary>
internal static class PdfText
{
    public const string DefaultTool = "pdftotext";

    public const string MissingToolMessage =
        "reading a PDF resume needs the pdftotext program from the Debian package poppler-utils (install it with: sudo apt-get install poppler-utils); or save the resume as DOCX, Markdown or plain text";

    /// <summary>The text, or the reason there is none (tool missing, damaged or encrypted PDF, no text layer).</summary>
    public static (string? Text, string? Error) Read(string path, string tool, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // A full path cannot be taken for an option, whatever the file is called.
        foreach (var argument in (string[])["-enc", "UTF-8", "-nopgbrk", Path.GetFullPath(path), "-"])
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            return (null, MissingToolMessage);
        }

        if (process is null)
        {
            return (null, MissingToolMessage);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"pdftotext did not finish within {timeout.TotalSeconds:0} seconds; the PDF may be damaged");
            }

            var text = output.GetAwaiter().GetResult();
            var message = error.GetAwaiter().GetResult();
            if (process.ExitCode != 0)
            {
                var first = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {process.ExitCode}";
                return (null, process.ExitCode == 3
                    ? "the PDF does not allow copying its text (permissions); export the resume again without restrictions"
                    : $"pdftotext cannot read the PDF ({first}); it may be damaged or password-protected");
            }

            return text.Any(char.IsLetterOrDigit)
                ? (text, null)
                : (null, "the PDF has no text layer (a scanned image?); SkillScope does not do OCR: export the resume from its editor as a PDF with text, DOCX or plain text");
        }
    }
}
