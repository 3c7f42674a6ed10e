namespace SkillScope.Model;

/// <summary>
/// One record as a source states it, before normalization. Readers fill what their layout has;
/// every field is optional except <see cref="Kind"/>. Hints are the source's own structured labels
/// (e.g. LinkedIn "Mid-Senior level", survey code "SE"), which win over inference from text.
/// </summary>
public sealed record RawRecord
{
    public required string Kind { get; init; }
    /// <summary>The record's id in its source, when it has one (LinkedIn job_id, Indeed id, Adzuna id).</summary>
    public string? SourceId { get; init; }
    /// <summary>
    /// The source gives one id to several postings over time (the remote board re-adds a job under the same slug in a
    /// later month): the id names one posting only within its posting month, so a dated record's identity is
    /// id:SOURCE:SOURCE_ID@YYYY-MM (<see cref="PostedDate"/>'s month) and a re-advertisement is a new appearance.
    /// </summary>
    public bool SourceIdPerMonth { get; init; }
    public string? Title { get; init; }
    public string? Company { get; init; }
    public string? Location { get; init; }
    public string? Description { get; init; }
    public DateOnly? PostedDate { get; init; }
    /// <summary>Survey year (salary reports), when the source gives a year rather than a date.</summary>
    public int? WorkYear { get; init; }

    /// <summary>Salary as one free-text string ("$53K-$91K (Glassdoor est.)"), parsed by the normalizer.</summary>
    public string? SalaryText { get; init; }
    /// <summary>Structured salary; used when <see cref="SalaryText"/> is null.</summary>
    public decimal? SalaryMin { get; init; }
    public decimal? SalaryMax { get; init; }
    public string? SalaryCurrency { get; init; }
    /// <summary>hour|day|week|month|year or a source label (HOURLY, YEARLY, "a year").</summary>
    public string? SalaryPeriod { get; init; }
    /// <summary>The source's own annual USD figure (the survey's salary_in_usd), used as stated.</summary>
    public decimal? SalaryUsdStated { get; init; }
    /// <summary>True when the source says the salary is its own estimate (Adzuna salary_is_predicted, Glassdoor est.).</summary>
    public bool SalaryIsEstimate { get; init; }

    public string? SeniorityHint { get; init; }
    public string? EmploymentTypeHint { get; init; }
    public string? WorkArrangementHint { get; init; }
    /// <summary>ISO 3166-1 alpha-2 country when the source states it as a code (survey company_location).</summary>
    public string? CountryHint { get; init; }
    /// <summary>Years of experience when the source states them as a number.</summary>
    public int? YearsRequiredHint { get; init; }
    public string? CompanySize { get; init; }

    /// <summary>Link to the posting on its board.</summary>
    public string? Url { get; init; }
    public DateOnly? ValidThrough { get; init; }
    /// <summary>Education asked for, as stated ("Bachelor's degree").</summary>
    public string? Education { get; init; }
    /// <summary>Skills the source lists explicitly (schema.org skills, board tags), as stated.</summary>
    public IReadOnlyList<string>? StatedSkills { get; init; }
    /// <summary>
    /// The row's columns that no field above was read from, by column name, as stated (empty ones left out):
    /// nothing a source says is dropped on the way in (docs/formats.md, "Columns kept as stated").
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Extra { get; init; }
    /// <summary>
    /// The source lets its author edit the record under the same id (a Hacker News comment): reading it again
    /// with other content updates the stored record instead of being skipped as already stored.
    /// </summary>
    public bool Revisable { get; init; }
}

/// <summary>
/// One row a reader produced: a record, or the reason it could not be read, always with its
/// position and raw text so nothing is dropped silently.
/// </summary>
/// <param name="Position">1-based record number within the file.</param>
/// <param name="Line">1-based line where the record starts (equals Position for one-line formats).</param>
public readonly record struct SourceRow(long Position, long Line, string RawText, RawRecord? Record, string? Error)
{
    /// <summary>
    /// True when the row is not a record of the source's kind (a reply in a "Who is hiring?" thread): it is
    /// counted in the ingest summary with <see cref="Error"/> as its reason, and neither stored nor quarantined.
    /// </summary>
    public bool Ignored { get; init; }

    public static SourceRow Skip(long position, long line, string rawText, string reason) =>
        new(position, line, rawText, null, reason) { Ignored = true };

    public static SourceRow Ok(long position, long line, string rawText, RawRecord record) => new(position, line, rawText, record, null);
    public static SourceRow Rejected(long position, long line, string rawText, string error) => new(position, line, rawText, null, error);
}
