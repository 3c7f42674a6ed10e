using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace SkillScope.Ingest;

/// <summary>
/// Finds how a text file is encoded and hashes it in one streaming pass, then opens it as text.
/// Detection order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); otherwise UTF-8 when the file has
/// no invalid UTF-8 or more valid non-ASCII characters than invalid bytes (the invalid bytes then read as
/// U+FFFD, each in its own line, with a <see cref="DecodedFile.Warning"/>); otherwise Windows-1251 when the bytes
/// above 0x7F come in runs of letters (Cyrillic words: the DOU survey's June 2025 file), else Windows-1252, the usual
/// encoding of spreadsheet exports that are not UTF-8 (every byte decodes, so it is the safe last resort).
/// </summary>
public static class TextDecoding
{
    /// <summary>The <see cref="DecodedFile.EncodingName"/> of a SQLite database file (read by table, never as text).</summary>
    public const string SqliteDatabase = "sqlite";

    private static ReadOnlySpan<byte> SqliteMagic => "SQLite format 3\0"u8;

    private const int ChunkBytes = 64 * 1024;

    // Binary files (images, archives, databases, compressed text) are full of C0 control bytes;
    // real text has none apart from tab and line breaks. One junk row inside a text file stays
    // well under this share, so it reaches the reader and becomes a rejected row.
    private const double BinaryControlShare = 0.05;

    private static readonly Encoding Utf8Bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    private static readonly Lazy<Encoding> Windows1251 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1251);
    });

    /// <summary>Hashes the file and detects its encoding, reading it once with bounded memory.</summary>
    /// <exception cref="ReadError">The path is missing, a directory, unreadable, or the content is binary.</exception>
    public static DecodedFile Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new ReadError($"{path} is a directory, not a file: give the path of a CSV or JSON Lines file inside it.");
        }

        if (!File.Exists(path))
        {
            throw new ReadError($"{path}: file not found; check the path and the current directory ({Environment.CurrentDirectory}).");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return Scan(path, stream);
        }
        catch (UnauthorizedAccessException)
        {
            throw new ReadError($"{path}: permission denied; make the file readable by the current user.");
        }
        catch (IOException e)
        {
            throw new ReadError($"{path}: cannot be read ({OneLine(e.Message)}).");
        }
    }

    /// <summary>Opens the file as text with the detected encoding; a byte-order mark is skipped.</summary>
    /// <exception cref="ReadError">The file can no longer be opened.</exception>
    public static TextReader Open(DecodedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.EncodingName == SqliteDatabase)
        {
            throw new ReadError($"{file.Path}: a SQLite database, not text; `skillscope ingest` reads the HN \"Who is hiring?\" jobs.db layout, other databases need exporting as CSV first.");
        }

        try
        {
            // StreamReader skips the encoding's preamble when the file starts with it, so the
            // BOM-carrying encodings chosen by Inspect make the BOM disappear from the text.
            var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return new StreamReader(stream, file.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: ChunkBytes);
        }
        catch (UnauthorizedAccessException)
        {
            throw new ReadError($"{file.Path}: permission denied; make the file readable by the current user.");
        }
        catch (IOException e)
        {
            throw new ReadError($"{file.Path}: cannot be opened ({OneLine(e.Message)}).");
        }
    }

    // Hashes what is left of the stream (no decoding needed); returns its byte count.
    private static long HashRest(Stream stream, IncrementalHash hash, byte[] buffer)
    {
        long bytes = 0;
        int read;
        while ((read = stream.Read(buffer, 0, ChunkBytes)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            bytes += read;
        }

        return bytes;
    }

    private static DecodedFile Scan(string path, Stream stream)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes + 4);
        var chars = ArrayPool<char>.Shared.Rent(ChunkBytes + 4);
        try
        {
            // The first read decides the BOM and carries the binary heuristics.
            var read = stream.ReadAtLeast(buffer.AsSpan(0, ChunkBytes), ChunkBytes, throwOnEndOfStream: false);
            var head = buffer.AsSpan(0, read);
            hash.AppendData(head);
            long total = read;
            var letters = new HighByteRuns();
            letters.Add(head);

            var (bomEncoding, bomName) = DetectBom(head);
            if (bomEncoding is not null)
            {
                return new DecodedFile(path, Hex(hash), total + HashRest(stream, hash, buffer), bomEncoding, bomName!);
            }

            if (head.StartsWith(SqliteMagic))
            {
                // A data set shipped as a SQLite file (the HN jobs.db): ingest reads its table through the store.
                return new DecodedFile(path, Hex(hash), total + HashRest(stream, hash, buffer), Encoding.UTF8, SqliteDatabase);
            }

            if (BinaryKind(head) is { } binary)
            {
                throw new ReadError($"{path}: {binary}; SkillScope reads CSV or JSON Lines text (export the data as CSV first).") { BinaryKind = binary };
            }

            // UTF-8 over the whole stream, counting invalid sequences (each skipped one byte at a time) and valid
            // non-ASCII characters; an incomplete sequence at a chunk end is carried over.
            long invalid = 0, nonAscii = 0, lines = 1, firstInvalidLine = 0;
            var carry = 0;
            var pending = read;
            var atEnd = read < ChunkBytes;
            while (true)
            {
                var at = 0;
                while (at < pending)
                {
                    var status = Utf8.ToUtf16(buffer.AsSpan(at, pending - at), chars, out var consumed, out var written, replaceInvalidSequences: false, isFinalBlock: atEnd);
                    lines += buffer.AsSpan(at, consumed).Count((byte)'\n');
                    foreach (var c in chars.AsSpan(0, written))
                    {
                        nonAscii += c >= 0x80 ? 1 : 0;
                    }

                    at += consumed;
                    if (status == OperationStatus.InvalidData)
                    {
                        invalid++;
                        firstInvalidLine = firstInvalidLine == 0 ? lines : firstInvalidLine;
                        at++;
                    }
                    else if (status != OperationStatus.Done)
                    {
                        break; // NeedMoreData or DestinationTooSmall: carry the rest over
                    }
                }

                if (atEnd)
                {
                    break;
                }

                carry = pending - at;
                buffer.AsSpan(at, carry).CopyTo(buffer);
                read = stream.ReadAtLeast(buffer.AsSpan(carry, ChunkBytes), ChunkBytes, throwOnEndOfStream: false);
                hash.AppendData(buffer, carry, read);
                letters.Add(buffer.AsSpan(carry, read));
                total += read;
                pending = carry + read;
                atEnd = read < ChunkBytes;
            }

            if (invalid == 0)
            {
                return new DecodedFile(path, Hex(hash), total, Utf8NoBom, "utf-8");
            }

            // Mostly UTF-8 text with a few bad bytes (a truncated paste, one line from another tool): decode as UTF-8,
            // each bad sequence a U+FFFD in its own line only, and say so. No valid non-ASCII UTF-8 at all: a
            // Windows-1252 export, where every byte is a character.
            return nonAscii >= invalid
                ? new DecodedFile(path, Hex(hash), total, Utf8NoBom, "utf-8")
                {
                    Warning = string.Create(CultureInfo.InvariantCulture,
                        $"{invalid:N0} invalid UTF-8 byte{(invalid == 1 ? "" : "s")} (first on line {firstInvalidLine:N0}) read as U+FFFD; the rest of the file is UTF-8"),
                }
                : letters.LooksCyrillic ? new DecodedFile(path, Hex(hash), total, Windows1251.Value, "windows-1251")
                : new DecodedFile(path, Hex(hash), total, Windows1252.Value, "windows-1252");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static (Encoding? Encoding, string? Name) DetectBom(ReadOnlySpan<byte> head) => head switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Utf8Bom, "utf-8-bom"),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: true), "utf-32le"),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: true), "utf-32be"),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, "utf-16le"),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, "utf-16be"),
        _ => (null, null),
    };

    /// <summary>Why the start of a file without a BOM is not text, or null when it may be text.</summary>
    private static string? BinaryKind(ReadOnlySpan<byte> head)
    {
        if (head is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            return "looks like a ZIP archive or an Excel/OpenDocument workbook";
        }

        if (head is [0x1F, 0x8B, ..])
        {
            return "looks gzip-compressed (decompress it first)";
        }

        if (head.IsEmpty)
        {
            return null;
        }

        var controls = 0;
        var nuls = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                controls++;
                nuls += b == 0 ? 1 : 0;
            }
        }

        if (controls > head.Length * BinaryControlShare)
        {
            return nuls > 0 && nuls * 3 >= head.Length
                ? "looks binary (or UTF-16/32 text without a byte-order mark: re-save it as UTF-8)"
                : "looks binary";
        }

        return null;
    }

    /// <summary>
    /// Tells single-byte Cyrillic (Windows-1251) from Western text (Windows-1252): in Cyrillic words every
    /// letter is a byte from 0xC0 up, so such bytes come in runs; Western text has an accented letter
    /// here and there between ASCII ones.
    /// </summary>
    private struct HighByteRuns
    {
        private long high;
        private long inRuns;
        private bool previousLetter;

        public void Add(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                var letter = b >= 0xC0;
                high += b >= 0x80 ? 1 : 0;
                if (letter && previousLetter)
                {
                    inRuns++;
                }

                previousLetter = letter;
            }
        }

        /// <summary>True when most bytes above 0x7F continue a run of letters.</summary>
        public readonly bool LooksCyrillic => high >= 16 && inRuns * 2 > high;
    }

    private static string Hex(IncrementalHash hash) => Convert.ToHexStringLower(hash.GetHashAndReset());

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
