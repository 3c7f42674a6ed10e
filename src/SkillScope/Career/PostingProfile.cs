using SkillScope.Ingest;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Career;

/// <summary>A skill a posting asks for.</summary>
/// <param name="Strength"><see cref="SkillStrengths.Required"/> or <see cref="SkillStrengths.Preferred"/>.</param>
public sealed record PostingSkill(string Id, string Name, string Type, string Category, string Strength)
{
    /// <summary>The posting's sentence (or list line) the skill is asked in.</summary>
    public string? Sentence { get; init; }

    /// <summary>The part of the posting it stands in (<see cref="SkillSections"/>).</summary>
    public string Section { get; init; } = SkillSections.Job;

    /// <summary>Alternatives group number (0 = none): any member of a group satisfies it ("BigQuery or PySpark").</summary>
    public int Group { get; init; }

    /// <summary>The ids of the other members of its alternatives group.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    /// <summary>A term too broad to be advice on its own (<see cref="GenericSkills"/>): any skill below it covers it.</summary>
    public bool Generic { get; init; }
}

/// <summary>What a posting asks of a candidate, read with the same extractor and normalizers as stored postings.</summary>
public sealed record PostingProfile
{
    /// <summary>The stored record's id (<c>--job-id</c>), or null for a posting read from a file.</summary>
    public long? RecordId { get; init; }

    public required string Title { get; init; }
    public string? Company { get; init; }
    public string? Location { get; init; }
    public required string Role { get; init; }
    public required string Seniority { get; init; }
    public required string WorkArrangement { get; init; }
    public string? Country { get; init; }

    /// <summary>The smallest number of years of experience the posting asks for.</summary>
    public int? YearsRequired { get; init; }

    /// <summary>The lowest degree the posting names (<see cref="EducationLevels"/>), or null when it names none.</summary>
    public string? EducationAsked { get; init; }

    /// <summary>True when the posting accepts equivalent experience instead of the degree.</summary>
    public bool EquivalentExperienceAccepted { get; init; }

    public required IReadOnlyList<PostingSkill> Skills { get; init; }

    /// <summary>
    /// True when the posting has a requirements or preferred section: its skills then come from those sections and
    /// the responsibilities only, not from the untitled introduction or closing text (the employer's blurb).
    /// </summary>
    public bool FromSections { get; init; }

    /// <summary>True when the posting has a description to read (skills, degree, years all come from it).</summary>
    public required bool HasText { get; init; }

    public static PostingProfile From(JobRecord record, SkillExtractor extractor, long? recordId = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(extractor);
        // As the stored index reads postings (SkillIndex): title and description, and nothing from a title alone.
        var text = record.Description is null ? "" : record.Title + "\n" + record.Description;
        var taxonomy = extractor.Taxonomy;
        var skills = PostingRequirements.Read(text, extractor.Extract(text, record.Company), taxonomy, record.Company, out var fromSections);
        var description = record.Description ?? "";
        return new PostingProfile
        {
            RecordId = recordId,
            Title = record.Title,
            Company = record.Company,
            Location = record.LocationText,
            Role = record.Role,
            Seniority = record.Seniority,
            WorkArrangement = record.WorkArrangement,
            Country = record.Country,
            YearsRequired = record.YearsRequiredMin ?? ExperienceParser.YearsRequiredMin(record.Description),
            EducationAsked = EducationDetector.Lowest(description)?.Level,
            EquivalentExperienceAccepted = EducationDetector.AcceptsEquivalentExperience(description),
            Skills = skills,
            FromSections = fromSections,
            HasText = record.Description is not null,
        };
    }
}

/// <summary>A posting read for scoring, or the reason it cannot be.</summary>
public sealed record PostingReadResult(JobRecord? Record, long? RecordId, string? Error);

/// <summary>Reads the posting a resume is scored against: from a file (any ingest format, or plain text) or from the store.</summary>
public static class PostingInput
{
    /// <summary>Plain-text posting files above this size are refused (a posting is a page or two).</summary>
    public const long MaxTextBytes = 1024 * 1024;

    /// <summary>
    /// The first record of a file in any format <c>ingest</c> reads (CSV layouts, JSON Lines, job-board JSON, schema.org
    /// JobPosting in JSON-LD or HTML); a file in none of them is read as the posting's plain text, its first line the title.
    /// </summary>
    public static PostingReadResult FromFile(string path, FxRates? rates = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var name = Path.GetFileName(path);
        DecodedFile file;
        FormatProbe probe;
        try
        {
            file = TextDecoding.Inspect(path);
            probe = FormatRegistry.Probe(file);
        }
        catch (ReadError e) when (e.BinaryKind is { } binary)
        {
            return new PostingReadResult(null, null, $"{name}: {binary}, not a job posting SkillScope can read; give the posting as plain text, or in a format ingest reads (CSV, JSON Lines, a JobPosting page)");
        }
        catch (ReadError e)
        {
            return new PostingReadResult(null, null, e.Message);
        }

        if (string.IsNullOrWhiteSpace(probe.Head))
        {
            return new PostingReadResult(null, null, $"{name}: the posting file is empty");
        }

        var format = FormatRegistry.Detect(probe);
        if (format is null)
        {
            return file.Bytes > MaxTextBytes
                ? new PostingReadResult(null, null, $"{name}: not a known posting format, and too large ({file.Bytes / 1048576.0:0.0} MB) to be the text of one posting")
                : FromText(ReadAll(file), name, rates);
        }

        try
        {
            using var text = TextDecoding.Open(file);
            foreach (var row in format.Read(text, new FormatContext(path)))
            {
                if (row.Record is null)
                {
                    return new PostingReadResult(null, null, $"{name}: the first record cannot be read ({row.Error})");
                }

                if (row.Record.Kind != RecordKinds.Posting)
                {
                    return new PostingReadResult(null, null, $"{name}: the first record is a salary report ({format.Name} format), not a job posting");
                }

                var normalized = RecordNormalizer.Normalize(row.Record, rates ?? FxRates.Default);
                return normalized.Record is { } record
                    ? new PostingReadResult(record, null, null)
                    : new PostingReadResult(null, null, $"{name}: the first record cannot be used ({normalized.Error})");
            }
        }
        catch (ReadError e)
        {
            return new PostingReadResult(null, null, e.Message);
        }

        return new PostingReadResult(null, null, $"{name}: no posting in the file ({format.Name} format)");
    }

    /// <summary>A posting given as plain text: the first non-empty line is its title, the whole text its description.</summary>
    public static PostingReadResult FromText(string text, string name = "posting", FxRates? rates = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(l => l.Trim().TrimStart('#').Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            return new PostingReadResult(null, null, $"{name}: the posting has no text");
        }

        var title = lines[0].Length <= 150 ? lines[0] : "(untitled posting)";
        var raw = new RawRecord { Kind = RecordKinds.Posting, Title = title, Description = text.Trim() };
        var normalized = RecordNormalizer.Normalize(raw, rates ?? FxRates.Default);
        return normalized.Record is { } record
            ? new PostingReadResult(record, null, null)
            : new PostingReadResult(null, null, $"{name}: {normalized.Error}");
    }

    /// <summary>A stored posting by its record id.</summary>
    public static PostingReadResult FromStore(SkillStore store, long id)
    {
        ArgumentNullException.ThrowIfNull(store);
        var found = PostingIndex.Load(store, [id]);
        if (found.Count == 0)
        {
            return new PostingReadResult(null, null, $"no stored record has id {id}");
        }

        var record = found[0].Record;
        return record.Kind != RecordKinds.Posting
            ? new PostingReadResult(null, null, $"record {id} is a salary report, not a posting")
            : new PostingReadResult(record, id, null);
    }

    private static string ReadAll(DecodedFile file)
    {
        using var reader = TextDecoding.Open(file);
        return reader.ReadToEnd();
    }
}
