using SkillScope.Ingest.Csv;
using SkillScope.Ingest.Formats;
using SkillScope.Ingest.Markdown;
using SkillScope.Ingest.Web;

namespace SkillScope.Ingest;

/// <summary>The built-in formats: lookup by <c>--format</c> name and detection from a file's content.</summary>
public static class FormatRegistry
{
    private const int ProbeChars = 64 * 1024;

    private static readonly CsvRecordFormat[] Layouts =
    [
        new AiJobsFormat(),
        new AdzunaFormat(),
        new UsaJobsFormat(),
        new LinkedIn2023Format(),
        new LinkedIn2018Format(),
        new GlassdoorFormat(),
        new Indeed2018Format(),
        new Indeed2024Format(),
        new LinkedIn2024Format(),
        new Google2018Format(),
        new LinkedInBrazilFormat(),
        new DouSurveyFormat(),
        new StateOfDataFormat(),
    ];

    /// <summary>Text layouts that are not delimited tables: one posting per markdown file.</summary>
    private static readonly IRecordFormat[] Documents = [new RemoteBoardFormat()];
    // Hacker News "Who is hiring?": API items and the 2022-2025 monthly tables (docs/formats.md).
    private static readonly IRecordFormat[] HackerNews = [new HnItemsFormat(), new HnTableFormat()];

    private static readonly GenericCsvFormat GenericCsv = new();
    private static readonly JsonLinesFormat JsonLines = new();

    // Most specific first: a layout whose required columns include another's must be tried before it.
    private static readonly CsvRecordFormat[] DetectionOrder = [.. Layouts.OrderByDescending(f => f.RequiredColumns.Count)];

    /// <summary>Every built-in format: the CSV source layouts, the web formats (job boards, schema.org), then the generic <c>csv</c> and <c>jsonl</c>.</summary>
    public static IReadOnlyList<IRecordFormat> All { get; } = [.. Layouts, .. Documents, .. WebFormats.All, .. HackerNews, GenericCsv, JsonLines];

    /// <summary>The format with this <c>--format</c> name (case-insensitive), or null.</summary>
    public static IRecordFormat? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(f => f.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The source layout whose header columns the file has (most specific first), or null. Only the
    /// content counts, never the file name. The generic formats are not guessed: see the overload.
    /// </summary>
    public static IRecordFormat? Detect(FormatProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (HackerNews.FirstOrDefault(f => f.Matches(probe)) is { } hn)
        {
            return hn;
        }

        if (WebFormats.All.FirstOrDefault(f => f.Matches(probe)) is { } web)
        {
            return web;
        }

        if (Documents.FirstOrDefault(f => f.Matches(probe)) is { } document)
        {
            return document;
        }

        if (CsvHeader.FromProbe(probe) is not { } header)
        {
            return null;
        }

        foreach (var format in DetectionOrder)
        {
            if (format.MatchesHeader(header))
            {
                return format;
            }
        }

        return null;
    }

    /// <summary>
    /// Detection when the user may have given a column mapping: a mapping means the user wants the
    /// generic reader, so the file is <c>jsonl</c> when its first line is a JSON object and <c>csv</c>
    /// otherwise; without a mapping this is <see cref="Detect(FormatProbe)"/>.
    /// </summary>
    public static IRecordFormat? Detect(FormatProbe probe, IReadOnlyDictionary<string, string>? mapping)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (mapping is null)
        {
            return Detect(probe);
        }

        return JsonLines.Matches(probe) ? JsonLines : GenericCsv.Matches(probe) ? GenericCsv : null;
    }

    /// <summary>
    /// The format to read a file with: the named one, else the detected one.
    /// </summary>
    /// <exception cref="ReadError">The name is unknown, or nothing matches (the message lists the header and the choices).</exception>
    public static IRecordFormat Resolve(FormatProbe probe, string? name, IReadOnlyDictionary<string, string>? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var names = string.Join(", ", All.Select(f => f.Name));
        if (!string.IsNullOrWhiteSpace(name) && !name.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return Find(name) ?? throw new ReadError($"{probe.FileName}: unknown format '{name}'; use auto or one of {names}.");
        }

        if (Detect(probe, mapping) is { } detected)
        {
            return detected;
        }

        var firstLine = probe.FirstLine.Length <= 120 ? probe.FirstLine : probe.FirstLine[..117] + "...";
        return string.IsNullOrWhiteSpace(probe.Head)
            ? throw new ReadError($"{probe.FileName}: the file is empty.")
            : throw new ReadError($"{probe.FileName}: unknown layout (first line: {firstLine}); pass --format with one of {names}, or --mapping FILE for csv/jsonl.");
    }

    /// <summary>Reads the start of the file (up to 64 Ki characters) for detection.</summary>
    /// <exception cref="ReadError">The file cannot be opened.</exception>
    public static FormatProbe Probe(DecodedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var reader = TextDecoding.Open(file);
        var buffer = new char[ProbeChars];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        var head = new string(buffer, 0, read);
        var lineEnd = head.IndexOfAny(['\r', '\n']);
        var firstLine = lineEnd >= 0 ? head[..lineEnd] : head;
        return new FormatProbe(Path.GetFileName(file.Path), firstLine, head);
    }
}
