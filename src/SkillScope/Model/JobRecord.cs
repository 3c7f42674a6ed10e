namespace SkillScope.Model;

/// <summary>Salary as stated by the source, and its annual USD equivalent.</summary>
/// <param name="Flag">Null when plausible; otherwise why the figure is not used in statistics.</param>
public sealed record Salary(
    decimal? Min, decimal? Max, string? Currency, string? Period,
    double? UsdMin, double? UsdMax, double? UsdAnnual, bool IsEstimate, string? Flag)
{
    public bool IsUsable => UsdAnnual is not null && Flag is null;
}

/// <summary>A normalized record: what is stored and analyzed.</summary>
public sealed record JobRecord
{
    public required string Kind { get; init; }
    public string? SourceId { get; init; }
    public required string Title { get; init; }
    public string? Company { get; init; }
    public string? LocationText { get; init; }
    public string? Description { get; init; }
    /// <summary>First and last day the record speaks for: the posting date, or the survey year.</summary>
    public DateOnly? PeriodStart { get; init; }
    public DateOnly? PeriodEnd { get; init; }

    public required string Role { get; init; }
    public required string Seniority { get; init; }
    public int? YearsRequiredMin { get; init; }
    public required string EmploymentType { get; init; }
    public required string WorkArrangement { get; init; }
    public string? Country { get; init; }
    public string? State { get; init; }
    public string? Metro { get; init; }
    public string? City { get; init; }
    public string? CompanySize { get; init; }
    public Salary? Salary { get; init; }
    /// <summary>Skills the source lists explicitly, as stated (<see cref="RawRecord.StatedSkills"/>): stored with the record's skills.</summary>
    public IReadOnlyList<string>? StatedSkills { get; init; }
    /// <summary>The source row's columns no field was read from (<see cref="RawRecord.Extra"/>), kept with the row's source.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Extra { get; init; }
}
