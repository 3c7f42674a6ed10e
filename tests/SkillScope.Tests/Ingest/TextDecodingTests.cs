using System.Security.Cryptography;
using System.Text;
using SkillScope.Ingest;

namespace SkillScope.Tests.Ingest;

public class TextDecodingTests
{
    // The strings a spreadsheet export most often breaks: umlaut, tilde, pound sign and en dash
    // (the last two are single bytes 0xA3 and 0x96 in Windows-1252).
    private const string Text =
        "job_title,location,pay\r\n"
        + "Data Scientist,Zürich,\"CHF 120,000\"\r\n"
        + "ML Engineer,São Paulo,\r\n"
        + "Analyst,London,\"£55,000–£100,000\"\r\n";

    public static TheoryData<string, string> Encodings => new()
    {
        { "utf-8-bom", "utf-8-bom" },
        { "utf-8", "utf-8" },
        { "utf-16le", "utf-16le" },
        { "utf-16be", "utf-16be" },
        { "windows-1252", "windows-1252" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Detects_the_encoding_and_decodes_the_text_exactly(string writtenAs, string expectedName)
    {
        using var folder = new TempFolder();
        var bytes = Encode(Text, writtenAs);
        var path = folder.Write("export.csv", bytes);

        var file = TextDecoding.Inspect(path);
        string decoded;
        using (var reader = TextDecoding.Open(file))
        {
            decoded = reader.ReadToEnd();
        }

        Assert.Equal(expectedName, file.EncodingName);
        Assert.Equal(Text, decoded);
        Assert.Equal(bytes.LongLength, file.Bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256Hex);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_reader_sees_the_decoded_fields_whatever_the_encoding(string writtenAs, string expectedName)
    {
        using var folder = new TempFolder();
        var path = folder.Write("export.csv", Encode(Text, writtenAs));
        var mapping = new Dictionary<string, string> { ["Title"] = "job_title", ["Location"] = "location", ["SalaryText"] = "pay" };

        var (format, rows) = IngestKit.ReadFile(path, mapping: mapping);

        Assert.Equal("csv", format.Name);
        Assert.Equal(expectedName, TextDecoding.Inspect(path).EncodingName);
        Assert.Equal(["Zürich", "São Paulo", "London"], rows.Select(r => r.Record().Location));
        Assert.Equal("£55,000–£100,000", rows[2].Record().SalaryText);
        Assert.Equal("Data Scientist", rows[0].Record().Title);
    }

    [Fact]
    public void A_utf8_character_split_across_the_read_buffer_is_still_valid_utf8()
    {
        using var folder = new TempFolder();
        // 65,535 ASCII bytes put the two bytes of "é" on both sides of the 64 KiB chunk boundary.
        var text = "title\n" + new string('a', 65_535 - 6) + "é\n";
        var path = folder.Write("long.csv", Encoding.UTF8.GetBytes(text));

        Assert.Equal("utf-8", TextDecoding.Inspect(path).EncodingName);
    }

    [Fact]
    public void Invalid_utf8_far_into_the_file_means_windows_1252()
    {
        using var folder = new TempFolder();
        var head = Encoding.ASCII.GetBytes("title\n" + new string('a', 200_000) + "\n");
        var path = folder.Write("late.csv", [.. head, (byte)'Z', 0xFC, .. "rich\n"u8.ToArray()]);

        var file = TextDecoding.Inspect(path);
        using var reader = TextDecoding.Open(file);

        Assert.Equal("windows-1252", file.EncodingName);
        Assert.EndsWith("Zürich\n", reader.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_empty_utf8_text()
    {
        using var folder = new TempFolder();
        var file = TextDecoding.Inspect(folder.Write("empty.csv", []));

        Assert.Equal(("utf-8", 0L), (file.EncodingName, file.Bytes));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", file.Sha256Hex);
    }

    [Fact]
    public void Missing_file_is_a_one_line_read_error_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "skillscope-no-such-file.csv");

        var error = Assert.Throws<ReadError>(() => TextDecoding.Inspect(path));

        Assert.StartsWith($"{path}: file not found; check the path", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Directory_is_a_read_error_asking_for_a_file_inside_it()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<ReadError>(() => TextDecoding.Inspect(folder.Path));

        Assert.Equal($"{folder.Path} is a directory, not a file: give the path of a CSV or JSON Lines file inside it.", error.Message);
    }

    [Fact]
    public void Binary_content_is_a_read_error_saying_it_looks_binary()
    {
        using var folder = new TempFolder();
        var random = new Random(20_240_601);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[0] = 0x89;
        var path = folder.Write("picture.csv", bytes);

        var error = Assert.Throws<ReadError>(() => TextDecoding.Inspect(path));

        Assert.StartsWith($"{path}: looks binary", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_reported_as_such()
    {
        using var folder = new TempFolder();
        var path = folder.Write("nobom.csv", Encoding.Unicode.GetBytes(Text));

        var error = Assert.Throws<ReadError>(() => TextDecoding.Inspect(path));

        Assert.Contains("UTF-16/32 text without a byte-order mark", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_excel_workbook_is_recognised_as_a_zip_archive()
    {
        using var folder = new TempFolder();
        var path = folder.Write("jobs.csv", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, .. "[Content_Types].xml"u8.ToArray()]);

        var error = Assert.Throws<ReadError>(() => TextDecoding.Inspect(path));

        Assert.Contains("ZIP archive or an Excel/OpenDocument workbook", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "windows-1252" => Windows1252(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    private static byte[] Windows1252(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes(text);
        // Guard the fixture itself: these characters must be the single cp1252 bytes.
        Assert.Contains((byte)0x96, bytes);
        Assert.Contains((byte)0xA3, bytes);
        Assert.Contains((byte)0xFC, bytes);
        return bytes;
    }
}
