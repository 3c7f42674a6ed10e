using System.Text;
using System.Text.Json;
using SkillScope.Model;

namespace SkillScope.Ingest.Web;

/// <summary>Lever postings API: <c>GET api.lever.co/v0/postings/{site}?mode=json</c> (a JSON array).</summary>
internal sealed class LeverFormat(WebLimits limits) : BoardFormat(limits)
{
    public LeverFormat()
        : this(WebLimits.Default)
    {
    }

    public override string Name => "lever";

    protected override string? ArrayKey => null;

    public override bool Matches(FormatProbe probe) =>
        HeadHas(probe, "hostedUrl", "categories") || HeadHas(probe, "hostedUrl", "createdAt");

    protected override RawRecord Map(JsonElement job, JsonFields f, HtmlText html)
    {
        var url = f.Text(job, "hostedUrl");
        string? location = null;
        string? commitment = null;
        if (f.Object(job, "categories") is { } categories)
        {
            location = Clean(f.Text(categories, "location", "categories.location"));
            commitment = Clean(f.Text(categories, "commitment", "categories.commitment"));
            var all = f.Texts(categories, "allLocations", "categories.allLocations");
            location ??= all.Count > 0 ? Clean(all[0]) : null;
        }

        var salary = f.Object(job, "salaryRange");
        var workplace = Clean(f.Text(job, "workplaceType"));
        return new RawRecord
        {
            Kind = RecordKinds.Posting,
            SourceId = f.Text(job, "id"),
            Title = f.Text(job, "text"),
            Company = BoardSlug(url, "jobs.lever.co", "jobs.eu.lever.co"),
            Location = location,
            CountryHint = JobPostingMapper.CountryCode(f.Text(job, "country")),
            Description = Description(job, f, html),
            PostedDate = EpochDate(job, "createdAt", f),
            SalaryMin = salary is { } s1 ? f.Number(s1, "min", "salaryRange.min") : null,
            SalaryMax = salary is { } s2 ? f.Number(s2, "max", "salaryRange.max") : null,
            SalaryCurrency = salary is { } s3 ? f.Text(s3, "currency", "salaryRange.currency") : null,
            SalaryPeriod = salary is { } s4 ? Interval(f.Text(s4, "interval", "salaryRange.interval")) : null,
            EmploymentTypeHint = commitment,
            // "unspecified" states nothing; remote|hybrid|onsite pass through as the source's label.
            WorkArrangementHint = workplace is null || workplace.Equals("unspecified", StringComparison.OrdinalIgnoreCase) ? null : workplace,
            Url = url,
        };
    }

    /// <summary>Lever salary intervals as period ids; semi-month, bi-week and the like stay as stated.</summary>
    internal static string? Interval(string? interval) => interval?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "per-year-salary" => SalaryPeriods.Year,
        "per-month-salary" => SalaryPeriods.Month,
        "per-week-salary" => SalaryPeriods.Week,
        "per-day-wage" => SalaryPeriods.Day,
        "per-hour-wage" => SalaryPeriods.Hour,
        _ => interval.Trim(),
    };

    /// <summary>
    /// The opening text, then each list ("Requirements", "What you'll do": HTML items), then the closing
    /// text: the lists are where the skills are.
    /// </summary>
    private static string? Description(JsonElement job, JsonFields f, HtmlText html)
    {
        var sb = new StringBuilder();
        Append(sb, f.Text(job, "descriptionPlain") is { } plain ? plain.Trim() : html.FromMaybeHtml(f.Text(job, "description")));
        foreach (var list in f.Objects(job, "lists"))
        {
            var heading = Clean(f.Text(list, "text", "lists.text"));
            var content = html.FromMaybeHtml(WrapItems(f.Text(list, "content", "lists.content")));
            if (heading is null && string.IsNullOrEmpty(content))
            {
                continue;
            }

            Append(sb, heading is null ? content : string.IsNullOrEmpty(content) ? heading : heading + "\n" + content);
        }

        Append(sb, f.Text(job, "additionalPlain") is { } closing ? closing.Trim() : html.FromMaybeHtml(f.Text(job, "additional")));
        return sb.Length == 0 && !JsonFields.TryGet(job, "descriptionPlain", out _) && !JsonFields.TryGet(job, "description", out _) ? null : sb.ToString();
    }

    // Lever list content is bare "<li>…</li>" items; a list wrapper keeps them as items.
    private static string? WrapItems(string? content) =>
        content is not null && content.TrimStart().StartsWith("<li", StringComparison.OrdinalIgnoreCase) ? "<ul>" + content + "</ul>" : content;

    private static void Append(StringBuilder sb, string? part)
    {
        if (string.IsNullOrWhiteSpace(part))
        {
            return;
        }

        if (sb.Length > 0)
        {
            sb.Append("\n\n");
        }

        sb.Append(part);
    }

    private static DateOnly? EpochDate(JsonElement job, string name, JsonFields f)
    {
        var ms = f.Integer(job, name);
        if (ms is null)
        {
            return null;
        }

        // 1990..2200: anything else is not a posting date in epoch milliseconds (seconds, garbage).
        if (ms is < 631_152_000_000 or > 7_258_118_400_000)
        {
            f.Fail($"'{name}' {ms} is not a date in epoch milliseconds");
            return null;
        }

        return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms.Value).UtcDateTime);
    }
}
