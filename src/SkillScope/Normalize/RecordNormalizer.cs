using System.Globalization;
using SkillScope.Model;

namespace SkillScope.Normalize;

/// <summary>A normalized record, or why the raw record could not become one.</summary>
public readonly record struct NormalizeResult(JobRecord? Record, string? Error);

/// <summary>
/// Turns a <see cref="RawRecord"/> into a <see cref="JobRecord"/>: the source's structured labels win,
/// inference from title and text fills what they leave unknown.
/// </summary>
public static class RecordNormalizer
{
    private const int MaxTitleLength = 500;

    /// <summary>The years a record's date may fall in, whatever reader stated it: 0001 or 9999 is a placeholder, not a date.</summary>
    public const int MinYear = 1990;

    /// <inheritdoc cref="MinYear"/>
    public const int MaxYear = 2100;

    public static NormalizeResult Normalize(RawRecord raw, FxRates rates)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(rates);

        var title = Clean(raw.Title);
        if (title is null)
        {
            return new(null, "missing title");
        }

        if (title.Length > MaxTitleLength)
        {
            return new(null, $"title longer than {MaxTitleLength} characters");
        }

        if (raw.Kind is not (RecordKinds.Posting or RecordKinds.SalaryReport))
        {
            return new(null, $"unknown record kind '{raw.Kind}'");
        }

        if (raw.PostedDate is { Year: < MinYear or > MaxYear } posted)
        {
            return new(null, string.Create(CultureInfo.InvariantCulture, $"posted date {posted:yyyy-MM-dd} is outside {MinYear}-{MaxYear} (a placeholder, not a date)"));
        }

        if (raw.WorkYear is < MinYear or > MaxYear)
        {
            return new(null, string.Create(CultureInfo.InvariantCulture, $"work year {raw.WorkYear} is outside {MinYear}-{MaxYear}"));
        }

        var description = Clean(raw.Description);
        var years = raw.YearsRequiredHint ?? ExperienceParser.YearsRequiredMin(description);
        var location = LocationNormalizer.Parse(raw.Location, raw.CountryHint);
        var year = raw.PostedDate?.Year ?? raw.WorkYear;

        return new(new JobRecord
        {
            Kind = raw.Kind,
            SourceId = Clean(raw.SourceId),
            Title = title,
            Company = Clean(raw.Company),
            LocationText = Clean(raw.Location),
            Description = description,
            PeriodStart = raw.PostedDate ?? (raw.WorkYear is { } y ? new DateOnly(y, 1, 1) : null),
            PeriodEnd = raw.PostedDate ?? (raw.WorkYear is { } y2 ? new DateOnly(y2, 12, 31) : null),
            Role = RoleClassifier.Classify(title, description),
            Seniority = SeniorityOf(raw, title, years),
            YearsRequiredMin = years,
            EmploymentType = EmploymentTypeOf(raw, title, description),
            WorkArrangement = WorkArrangementOf(raw, title, location, description),
            Country = LocationNormalizer.CountryCode(raw.CountryHint) ?? location.Country,
            State = location.State,
            Metro = location.Metro,
            City = location.City,
            CompanySize = Clean(raw.CompanySize),
            Salary = SalaryOf(raw, rates, year),
            StatedSkills = raw.StatedSkills is { Count: > 0 } stated ? stated : null,
            Extra = raw.Extra is { Count: > 0 } extra ? extra : null,
        }, null);
    }

    // The survey's own level code is what the respondent stated (and a salary report's label comes before its years). For postings a level word in the title is the clearest
    // signal (domain.md), then the years the text asks for, and only then the board's label: where LinkedIn's label
    // contradicts the title or the years, the title or the years agreed with the level read from the text in 42 of 50
    // hand-labelled postings and the label in 6 (docs/normalization.md, "Board label against title and years").
    private static string SeniorityOf(RawRecord raw, string title, int? years)
    {
        if (raw.Kind == RecordKinds.SalaryReport && SeniorityClassifier.FromSurveyCode(raw.SeniorityHint) is { } surveyed)
        {
            return surveyed;
        }

        if (raw.Kind == RecordKinds.SalaryReport)
        {
            // A respondent's own level label (DOU, State of Data) says more about them than their years do.
            var fromTitle = SeniorityClassifier.Classify(title, null);
            return fromTitle != Seniorities.Unknown ? fromTitle
                : SeniorityClassifier.FromLabel(raw.SeniorityHint) ?? SeniorityClassifier.Classify(title, years);
        }

        var fromText = SeniorityClassifier.Classify(title, years);
        return fromText != Seniorities.Unknown ? fromText : SeniorityClassifier.FromLabel(raw.SeniorityHint) ?? Seniorities.Unknown;
    }

    private static string EmploymentTypeOf(RawRecord raw, string title, string? description)
    {
        var stated = EmploymentTypeNormalizer.Normalize(raw.EmploymentTypeHint);
        return stated != EmploymentTypes.Unknown ? stated : EmploymentTypeNormalizer.FromText(title, description);
    }

    private static string WorkArrangementOf(RawRecord raw, string title, LocationInfo location, string? description)
    {
        var stated = WorkArrangementNormalizer.Normalize(raw.WorkArrangementHint);
        var flag = string.Equals(raw.WorkArrangementHint, WorkArrangementNormalizer.RemoteAllowed, StringComparison.OrdinalIgnoreCase);
        if (stated != WorkArrangements.Unknown && !flag)
        {
            return stated;
        }

        var fromText = WorkArrangementNormalizer.FromText(title, raw.Location, description);
        if (flag)
        {
            // A remote flag (LinkedIn's remote_allowed) is also set on hybrid jobs: a text that says hybrid or onsite wins
            // (docs/normalization.md, "Structured field against the text").
            return fromText is WorkArrangements.Hybrid or WorkArrangements.Onsite ? fromText : WorkArrangements.Remote;
        }

        return fromText == WorkArrangements.Unknown && location.IsRemote ? WorkArrangements.Remote : fromText;
    }

    private static Salary? SalaryOf(RawRecord raw, FxRates rates, int? year)
    {
        if (raw.SalaryUsdStated is { } usd)
        {
            return Money.FromStatedUsd(raw.SalaryMin ?? usd, raw.SalaryCurrency ?? "USD", usd, raw.SalaryIsEstimate);
        }

        if (raw.SalaryText is not null)
        {
            var parsed = SalaryParser.Parse(raw.SalaryText, raw.SalaryCurrency ?? "USD");
            if (parsed.Salary is { } stated)
            {
                return Money.ToSalary(stated with { IsEstimate = stated.IsEstimate || raw.SalaryIsEstimate }, rates, year);
            }

            return parsed.Error is null
                ? null
                : new Salary(null, null, null, null, null, null, null, raw.SalaryIsEstimate, $"unparsed salary '{Truncate(raw.SalaryText, 80)}': {parsed.Error}");
        }

        if (raw.SalaryMin is null && raw.SalaryMax is null)
        {
            return null;
        }

        var min = raw.SalaryMin ?? raw.SalaryMax!.Value;
        var max = raw.SalaryMax ?? min;
        var period = Money.NormalizePeriod(raw.SalaryPeriod);
        if (period is null)
        {
            return new Salary(min, max, raw.SalaryCurrency, raw.SalaryPeriod, null, null, null, raw.SalaryIsEstimate,
                $"unknown pay period '{raw.SalaryPeriod}'");
        }

        return Money.ToSalary(new StatedSalary(Math.Min(min, max), Math.Max(min, max), raw.SalaryCurrency ?? "USD", period, raw.SalaryIsEstimate), rates, year);
    }

    // Whitespace before a formula ("\t=1+1") is kept: trimming it would make a spreadsheet run the cell (SpreadsheetText).
    private static string? Clean(string? value) => SpreadsheetText.TrimSafely(value);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length] + "…";
}
