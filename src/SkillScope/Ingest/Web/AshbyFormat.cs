using System.Text.Json;
using SkillScope.Model;

namespace SkillScope.Ingest.Web;

/// <summary>
/// Ashby job board API: <c>GET api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true</c>
/// ({"apiVersion": "1", "jobs": [...]}).
/// </summary>
internal sealed class AshbyFormat(WebLimits limits) : BoardFormat(limits)
{
    public AshbyFormat()
        : this(WebLimits.Default)
    {
    }

    public override string Name => "ashby";

    protected override string? ArrayKey => "jobs";

    public override bool Matches(FormatProbe probe) =>
        HeadHas(probe, "jobUrl", "publishedAt") || HeadHas(probe, "jobUrl", "isRemote") || HeadHas(probe, "apiVersion", "jobs", "jobUrl");

    protected override RawRecord Map(JsonElement job, JsonFields f, HtmlText html)
    {
        var url = f.Text(job, "jobUrl");
        var plain = f.Text(job, "descriptionPlain");
        var description = string.IsNullOrWhiteSpace(plain) ? html.FromMaybeHtml(f.Text(job, "descriptionHtml")) ?? plain : plain.Trim();
        var salary = Compensation(job, f);
        return new RawRecord
        {
            Kind = RecordKinds.Posting,
            SourceId = f.Text(job, "id"),
            Title = f.Text(job, "title"),
            Company = BoardSlug(url, "jobs.ashbyhq.com"),
            Location = Clean(f.Text(job, "location")),
            CountryHint = Country(job, f),
            Description = description,
            PostedDate = f.Date(job, "publishedAt"),
            SalaryMin = salary.Min,
            SalaryMax = salary.Max,
            SalaryCurrency = salary.Currency,
            SalaryPeriod = salary.Period,
            SalaryText = salary.Text,
            EmploymentTypeHint = Clean(f.Text(job, "employmentType")),
            WorkArrangementHint = Arrangement(job, f),
            Url = url,
        };
    }

    /// <summary>Ashby sets isRemote on hybrid jobs too: workplaceType, when present, wins.</summary>
    private static string? Arrangement(JsonElement job, JsonFields f)
    {
        var workplace = Clean(f.Text(job, "workplaceType"));
        var isRemote = f.Boolean(job, "isRemote");
        return workplace ?? (isRemote == true ? WorkArrangements.Remote : null);
    }

    private static string? Country(JsonElement job, JsonFields f)
    {
        if (f.Object(job, "address") is { } address && f.Object(address, "postalAddress", "address.postalAddress") is { } postal)
        {
            return JobPostingMapper.CountryCode(f.Text(postal, "addressCountry", "address.postalAddress.addressCountry"));
        }

        return null;
    }

    private readonly record struct Pay(decimal? Min, decimal? Max, string? Currency, string? Period, string? Text);

    /// <summary>
    /// The "Salary" component of the summary (or of the only tier); equity and bonus components are
    /// not salary. Without one, the scrapeable summary text goes to the normalizer's salary parser.
    /// </summary>
    private static Pay Compensation(JsonElement job, JsonFields f)
    {
        if (f.Object(job, "compensation") is not { } compensation)
        {
            return default;
        }

        var components = f.Objects(compensation, "summaryComponents", "compensation.summaryComponents");
        if (components.Count == 0)
        {
            var tiers = f.Objects(compensation, "compensationTiers", "compensation.compensationTiers");
            if (tiers.Count == 1)
            {
                components = f.Objects(tiers[0], "components", "compensation.compensationTiers.components");
            }
        }

        foreach (var component in components)
        {
            var type = f.Text(component, "compensationType", "compensation.compensationType");
            if (!string.Equals(type, "Salary", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var min = f.Number(component, "minValue", "compensation.minValue");
            var max = f.Number(component, "maxValue", "compensation.maxValue");
            if (min is null && max is null)
            {
                continue;
            }

            return new(min, max, f.Text(component, "currencyCode", "compensation.currencyCode"),
                Interval(f.Text(component, "interval", "compensation.interval")), null);
        }

        var summary = Clean(f.Text(compensation, "scrapeableCompensationSalarySummary", "compensation.scrapeableCompensationSalarySummary"));
        return new(null, null, null, null, summary);
    }

    /// <summary>"1 YEAR", "1 HOUR", ... as period ids; other intervals ("6 MONTH") as stated.</summary>
    internal static string? Interval(string? interval)
    {
        if (string.IsNullOrWhiteSpace(interval))
        {
            return null;
        }

        var s = interval.Trim();
        if (s.StartsWith("1 ", StringComparison.Ordinal))
        {
            var unit = s[2..].Trim();
            foreach (var period in SalaryPeriods.All)
            {
                if (unit.Equals(period, StringComparison.OrdinalIgnoreCase))
                {
                    return period;
                }
            }
        }

        return s;
    }
}
