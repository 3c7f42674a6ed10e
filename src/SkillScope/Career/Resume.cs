namespace SkillScope.Career;

/// <summary>Input formats a resume can come in.</summary>
public static class ResumeFormats
{
    public const string Text = "text";
    public const string Markdown = "markdown";
    public const string Docx = "docx";
    public const string JsonResume = "json-resume";
    public const string Pdf = "pdf";

    public static IReadOnlyList<string> All { get; } = [Text, Markdown, Docx, JsonResume, Pdf];
}

/// <summary>Education levels, lowest first.</summary>
public static class EducationLevels
{
    public const string Secondary = "secondary";
    public const string Associate = "associate";
    public const string Bachelor = "bachelor";
    public const string Master = "master";
    public const string Doctorate = "doctorate";

    public static IReadOnlyList<string> All { get; } = [Secondary, Associate, Bachelor, Master, Doctorate];

    /// <summary>0 for secondary up to 4 for doctorate; -1 for null or an unknown id.</summary>
    public static int Rank(string? level) => level is null ? -1 : IndexOf(level);

    private static int IndexOf(string level)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], level, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A skill the resume names.</summary>
/// <param name="Mentions">How many times it is named.</param>
/// <param name="InBullets">True when an achievement bullet names it (shown in use, not only listed).</param>
public sealed record ResumeSkill(string Id, string Name, string Category, string Type, int Mentions, bool InBullets)
{
    /// <summary>
    /// For a skill the resume does not name but shows through what a bullet says was done ("Deployed models on
    /// SageMaker" shows model deployment, <see cref="BulletEvidence"/>): that bullet; null for a named skill.
    /// </summary>
    public string? Evidence { get; init; }
}

/// <summary>One position (job) of the resume.</summary>
/// <param name="Title">The job title as written.</param>
/// <param name="Start">First month (day 1), null when the resume gives no date.</param>
/// <param name="End">Last month (day 1); null with <paramref name="Current"/> for "present", or when no date is given.</param>
/// <param name="Role">Role id of the title (<see cref="Model.Roles"/>).</param>
/// <param name="Seniority">Seniority id of the title; unknown when the title names no level.</param>
public sealed record ResumePosition(string Title, string? Organization, DateOnly? Start, DateOnly? End, bool Current, string Role, string Seniority);

/// <summary>
/// What SkillScope reads from a resume. Nothing is invented: a field the resume does not state is null or empty,
/// and <see cref="Warnings"/> says what could not be read.
/// </summary>
public sealed record Resume
{
    /// <summary>One of <see cref="ResumeFormats"/>.</summary>
    public required string Format { get; init; }

    /// <summary>The plain text skills were extracted from.</summary>
    public required string Text { get; init; }

    public required int Words { get; init; }
    public required IReadOnlyList<ResumeSkill> Skills { get; init; }
    public required IReadOnlyList<ResumePosition> Positions { get; init; }

    /// <summary>Total years of experience: dated positions with overlaps counted once, else a figure the summary states.</summary>
    public double? YearsOfExperience { get; init; }

    /// <summary>"dated positions" or "stated" (e.g. "8 years of experience" in the summary); null when unknown.</summary>
    public string? YearsBasis { get; init; }

    /// <summary>Highest level found (<see cref="EducationLevels"/>), or null.</summary>
    public string? EducationLevel { get; init; }

    /// <summary>The words the education level was read from.</summary>
    public string? EducationEvidence { get; init; }

    /// <summary>Skill ids of the certifications named.</summary>
    public required IReadOnlyList<string> Certifications { get; init; }

    /// <summary>Achievement bullets of the experience and project sections, in order.</summary>
    public required IReadOnlyList<string> Bullets { get; init; }

    /// <summary>Country (ISO alpha-2) the resume states for its owner, when a structured field gives it.</summary>
    public string? Country { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Role id of the most recent titled position that maps to a role, else <see cref="Model.Roles.Other"/>.</summary>
    public string Role => Positions.FirstOrDefault(p => p.Role != Model.Roles.Other)?.Role ?? Model.Roles.Other;

    /// <summary>Seniority of the most recent title that names one, else from the years of experience.</summary>
    public string Seniority =>
        Positions.Take(1).Select(p => p.Seniority).FirstOrDefault(s => s != Model.Seniorities.Unknown)
        ?? Normalize.SeniorityClassifier.FromYears(YearsOfExperience is { } y ? (int)Math.Floor(y) : null);

    public bool Has(string skillId) => Skills.Any(s => string.Equals(s.Id, skillId, StringComparison.Ordinal));
}

/// <summary>A resume, or the reason it cannot be read (a value: expected bad input never throws).</summary>
public sealed record ResumeReadResult(Resume? Resume, string? Error)
{
    public static ResumeReadResult Ok(Resume resume) => new(resume, null);

    public static ResumeReadResult Fail(string error) => new(null, error);
}
