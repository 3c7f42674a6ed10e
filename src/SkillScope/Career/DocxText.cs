using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SkillScope.Career;

/// <summary>The text of a Word document, one line per paragraph; list paragraphs become "• " bullets.</summary>
internal static class DocxText
{
    private const long MaxCharactersInPart = 10_000_000;

    /// <summary>The text, or the reason the file cannot be read as DOCX.</summary>
    public static (string? Text, string? Error) Read(string path)
    {
        try
        {
            // A part that expands beyond this is not a resume (a ZIP bomb, or a book): refused, not read into memory.
            using var document = WordprocessingDocument.Open(path, isEditable: false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return (null, "the DOCX file is damaged or not a Word document (it has no document body); open it in Word and save it again, or save it as PDF or plain text");
            }

            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                var line = ParagraphText(paragraph);
                if (IsListItem(paragraph) && line.Trim().Length > 0)
                {
                    text.Append("\u2022 ");
                }

                text.Append(line).Append('\n');
            }

            return (text.ToString(), null);
        }
        catch (System.Xml.XmlException e) when (e.Message.Contains("MaxCharacters", StringComparison.Ordinal))
        {
            return (null, "the DOCX expands to more than 10 million characters of document XML; a resume is far smaller (is this the right file?)");
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException
            or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            return (null, $"the DOCX file is damaged or not a Word document ({OneLine(e.Message)}); open it in Word and save it again, or save it as PDF or plain text");
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
            }
        }

        return text.ToString();
    }

    private static bool IsListItem(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.NumberingProperties is not null)
        {
            return true;
        }

        var style = properties?.ParagraphStyleId?.Val?.Value;
        return style is not null && style.StartsWith("List", StringComparison.OrdinalIgnoreCase);
    }

    private static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
        return line.Length <= 160 ? line : line[..157] + "...";
    }
}
