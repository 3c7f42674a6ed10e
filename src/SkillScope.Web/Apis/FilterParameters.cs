using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc;
using SkillScope.Store;
using SkillScope.Web.Infrastructure;

namespace SkillScope.Web.Apis;

/// <summary>
/// The record filters every report and the postings search take: the CLI's filter options under the same names
/// (employmentType for --employment-type), the same ids and the same rules. Bound as text so that every bad
/// value gets a message of ours.
/// </summary>
internal class FilterParameters
{
    private const string Several = " Several values (repeated or comma-separated) are ORed; different filters are ANDed.";

    [FromQuery(Name = "kind"), Description("Record kind: posting or salary_report." + Several)]
    public string[]? Kind { get; set; }

    [FromQuery(Name = "role"), Description("Role id, e.g. ml_engineer, data_scientist (see /api/meta)." + Several)]
    public string[]? Role { get; set; }

    [FromQuery(Name = "seniority"), Description("intern, junior, mid, senior, lead, executive or unknown." + Several)]
    public string[]? Seniority { get; set; }

    [FromQuery(Name = "country"), Description("ISO 3166-1 alpha-2 country code, e.g. US." + Several)]
    public string[]? Country { get; set; }

    [FromQuery(Name = "arrangement"), Description("Work arrangement: remote, hybrid, onsite or unknown." + Several)]
    public string[]? Arrangement { get; set; }

    [FromQuery(Name = "employmentType"), Description("full_time, part_time, contract, internship, temporary, other or unknown." + Several)]
    public string[]? EmploymentType { get; set; }

    [FromQuery(Name = "source"), Description("Source name given at ingest, e.g. ai-jobs.net, usajobs (see /api/meta)." + Several)]
    public string[]? Source { get; set; }

    [FromQuery(Name = "textKind"), Description("Postings whose text is full, snippet, summary or none (the skill report counts full texts by default)." + Several)]
    public string[]? TextKind { get; set; }

    [FromQuery(Name = "since"), Description("Only records whose period ends on or after this date: YYYY-MM-DD or YYYY.")]
    public string? Since { get; set; }

    [FromQuery(Name = "until"), Description("Only records whose period starts on or before this date: YYYY-MM-DD or YYYY (YYYY means 31 December).")]
    public string? Until { get; set; }

    /// <summary>The filters checked by <see cref="FilterRules"/>, exactly as the CLI checks its options.</summary>
    public bool TryRead(out RecordFilter filter, [NotNullWhen(false)] out BadParameter? bad)
    {
        (filter, bad) = (RecordFilter.None, null);
        var texts = QueryValues.List(TextKind);
        if (texts.FirstOrDefault(t => !Normalize.TextKinds.All.Contains(t)) is { } badText)
        {
            bad = new BadParameter("textKind", $"textKind '{badText}' is not known; use one of: {string.Join(", ", Normalize.TextKinds.All)}");
            return false;
        }

        var input = new FilterInput
        {
            Kinds = QueryValues.List(Kind),
            Roles = QueryValues.List(Role),
            Seniorities = QueryValues.List(Seniority),
            Countries = QueryValues.List(Country),
            Arrangements = QueryValues.List(Arrangement),
            EmploymentTypes = QueryValues.List(EmploymentType),
            Sources = QueryValues.List(Source),
            Since = Since,
            Until = Until,
        };
        if (!FilterRules.TryBuild(input, out var read, out var error))
        {
            bad = new BadParameter(error.Field, error.Render(field => field));
            return false;
        }

        filter = read with { TextKinds = texts };
        return true;
    }

    /// <summary>
    /// The filter's sources as stored (case aside), or a problem naming the unknown source with the stored ones (and
    /// the closest), exactly as the CLI's --source (<see cref="FilterRules.TryMatchSources"/>). Reads the store only
    /// when a source is given.
    /// </summary>
    public static bool TryMatchSources(SkillStore store, RecordFilter filter, out RecordFilter matched, [NotNullWhen(false)] out BadParameter? bad)
    {
        (matched, bad) = (filter, null);
        if (filter.Sources.Count == 0)
        {
            return true;
        }

        if (FilterRules.TryMatchSources(filter, StoreCatalog.Sources(store), out var known, out var error))
        {
            matched = known;
            return true;
        }

        bad = new BadParameter(error.Field, error.Render(field => field));
        return false;
    }
}
