using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SkillScope.Ingest;
using SkillScope.Skills;

namespace SkillScope.Career;

public sealed record ResumeReadOptions
{
    /// <summary>The date "present" stands for, and after which no position may start.</summary>
    public required DateOnly AsOf { get; init; }

    public SkillExtractor Extractor { get; init; } = SkillExtractor.Default;

    /// <summary>The pdftotext program (a name on PATH or a full path).</summary>
    public string PdfToText { get; init; } = PdfText.DefaultTool;

    public TimeSpan PdfTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Reads a resume file: plain text, Markdown, DOCX, JSON Resume or PDF (through pdftotext). The format is told by the
/// file's first bytes, then its extension. Expected problems (empty, too large, damaged, image-only, another language,
/// unsupported format) come back as a one-line reason, never as an exception. Nothing is written anywhere.
/// </summary>
public static partial class ResumeReader
{
    /// <summary>Text, Markdown and JSON files above this size are refused: a resume is a few pages.</summary>
    public const long MaxTextBytes = 1024 * 1024;

    /// <summary>DOCX and PDF files above this size are refused (embedded images make them larger than text).</summary>
    public const long MaxDocumentBytes = 25 * 1024 * 1024;

    public static ResumeReadResult Read(string path, ResumeReadOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        var name = Path.GetFileName(path);
        var result = ReadFile(path, name, options);
        return result.Error is { } error ? ResumeReadResult.Fail($"{name}: {error}") : result;
    }

    /// <summary>A resume given as text in one of the text formats (text, markdown, json-resume).</summary>
    public static ResumeReadResult FromText(string text, string format, ResumeReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        switch (format)
        {
            case ResumeFormats.JsonResume:
                var (document, error) = JsonResumeReader.Read(text);
                return document is null ? ResumeReadResult.Fail(error!) : Analyze(document, options);
            case ResumeFormats.Markdown:
                return Analyze(new ResumeDocument(format, MarkdownToText(Clean(text))), options);
            case ResumeFormats.Text:
                return Analyze(new ResumeDocument(format, Clean(text)), options);
            default:
                throw new ArgumentException($"'{format}' is not a text format; use {ResumeFormats.Text}, {ResumeFormats.Markdown} or {ResumeFormats.JsonResume}", nameof(format));
        }
    }

    private static ResumeReadResult ReadFile(string path, string name, ResumeReadOptions options)
    {
        if (Directory.Exists(path))
        {
            return ResumeReadResult.Fail("is a directory, not a resume file");
        }

        FileInfo file = new(path);
        if (!file.Exists)
        {
            return ResumeReadResult.Fail($"file not found (current directory: {Environment.CurrentDirectory})");
        }

        if (file.Length == 0)
        {
            return ResumeReadResult.Fail("the file is empty");
        }

        byte[] head;
        try
        {
            using var stream = file.OpenRead();
            head = new byte[8];
            head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ResumeReadResult.Fail($"cannot be read ({e.Message.TrimEnd('.')})");
        }

        var extension = Path.GetExtension(name).ToUpperInvariant();
        var kind = Sniff(head);
        if (kind is "pdf" || (kind is null && extension == ".PDF"))
        {
            if (kind is null)
            {
                return ResumeReadResult.Fail("does not start with %PDF: it is not a PDF file (damaged, or renamed from another format?)");
            }

            if (file.Length > MaxDocumentBytes)
            {
                return ResumeReadResult.Fail($"the PDF is {Megabytes(file.Length)}; a resume PDF is far smaller (limit {Megabytes(MaxDocumentBytes)})");
            }

            var (text, error) = PdfText.Read(path, options.PdfToText, options.PdfTimeout);
            return text is null ? ResumeReadResult.Fail(error!) : FromExtracted(ResumeFormats.Pdf, text, options);
        }

        if (kind is "zip" || (kind is null && extension is ".DOCX" or ".DOCM" or ".DOTX"))
        {
            if (extension is ".ODT" or ".PAGES" or ".EPUB")
            {
                return ResumeReadResult.Fail($"{extension.TrimStart('.').ToLowerInvariant()} files are not supported; save the resume as DOCX, PDF or plain text");
            }

            if (kind is null)
            {
                return ResumeReadResult.Fail("is not a DOCX package (a DOCX is a ZIP file; this one is damaged or renamed from another format); save it again from Word");
            }

            if (file.Length > MaxDocumentBytes)
            {
                return ResumeReadResult.Fail($"the DOCX is {Megabytes(file.Length)}; a resume is far smaller (limit {Megabytes(MaxDocumentBytes)})");
            }

            var (text, error) = DocxText.Read(path);
            return text is null ? ResumeReadResult.Fail(error!) : FromExtracted(ResumeFormats.Docx, text, options);
        }

        switch (kind)
        {
            case "doc":
                return ResumeReadResult.Fail("is a Word 97-2003 document (.doc), which SkillScope does not read; save it as DOCX or PDF");
            case "rtf":
                return ResumeReadResult.Fail("is an RTF document, which SkillScope does not read; save it as DOCX, PDF or plain text");
            case "image":
                return ResumeReadResult.Fail("is an image; SkillScope reads text and does not do OCR: use the resume's DOCX, PDF (with text) or plain-text version");
        }

        if (file.Length > MaxTextBytes)
        {
            return ResumeReadResult.Fail($"the file is {Megabytes(file.Length)} of text; a resume is a few pages (limit {Megabytes(MaxTextBytes)}): is this the right file?");
        }

        string content;
        try
        {
            var decoded = TextDecoding.Inspect(path);
            using var reader = TextDecoding.Open(decoded);
            content = reader.ReadToEnd();
        }
        catch (ReadError e) when (e.BinaryKind is { } binary)
        {
            return ResumeReadResult.Fail($"{binary}, not a resume SkillScope can read; give the resume as DOCX, PDF (with text), plain text, Markdown or JSON Resume");
        }
        catch (ReadError e)
        {
            var message = e.Message.StartsWith(path, StringComparison.Ordinal) ? e.Message[path.Length..].TrimStart(':', ' ') : e.Message;
            return ResumeReadResult.Fail(message);
        }

        var trimmed = content.TrimStart();
        if (extension == ".JSON" || trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return FromText(content, ResumeFormats.JsonResume, options);
        }

        return FromText(content, extension is ".MD" or ".MARKDOWN" ? ResumeFormats.Markdown : ResumeFormats.Text, options);
    }

    private static ResumeReadResult FromExtracted(string format, string text, ResumeReadOptions options)
    {
        if (text.Length > MaxTextBytes)
        {
            return ResumeReadResult.Fail($"the document holds {Megabytes(text.Length)} of text; a resume is a few pages (limit {Megabytes(MaxTextBytes)})");
        }

        return Analyze(new ResumeDocument(format, Clean(text)), options);
    }

    private static ResumeReadResult Analyze(ResumeDocument document, ResumeReadOptions options) =>
        ResumeAnalyzer.Analyze(document with { Text = Clean(document.Text) }, options.Extractor, options.AsOf);

    private static string? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF"u8) ? "pdf"
        : head.StartsWith("PK\u0003\u0004"u8) ? "zip"
        : head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]) ? "doc"
        : head.StartsWith("{\\rtf"u8) ? "rtf"
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || head.StartsWith("GIF8"u8)
            || head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) || (head.StartsWith("RIFF"u8) && head.Length >= 8) ? "image"
        : null;

    /// <summary>Line endings, page breaks, non-breaking and zero-width spaces made plain.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r':
                    break;
                case '\f' or '\v' or '\u2028' or '\u2029':
                    builder.Append('\n');
                    break;
                case '\u00A0' or '\u2007' or '\u202F':
                    builder.Append(' ');
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD':
                    break;
                default:
                    builder.Append(char.IsControl(c) && c is not ('\n' or '\t') ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Markdown as the text it shows: headings keep their words, links their text; list markers stay as bullets.</summary>
    internal static string MarkdownToText(string markdown)
    {
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (HorizontalRule().IsMatch(line) || TableRule().IsMatch(line))
            {
                lines[i] = "";
                continue;
            }

            line = Image().Replace(line, "");
            line = Link().Replace(line, "$1");
            line = HtmlTag().Replace(line, " ");
            line = Emphasis().Replace(line, "");
            line = line.Replace("`", "", StringComparison.Ordinal);
            var heading = HeadingMarker().Match(line);
            if (heading.Success)
            {
                line = line[heading.Length..];
            }

            lines[i] = line.StartsWith("> ", StringComparison.Ordinal) ? line[2..] : line;
        }

        return string.Join('\n', lines);
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString(bytes < 1024 * 1024 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " MB";

    [GeneratedRegex(@"^\s{0,3}(?:[-*_]\s*){3,}$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex HeadingMarker();
}
