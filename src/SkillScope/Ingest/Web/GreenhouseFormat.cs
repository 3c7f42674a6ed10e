using System.Text.Json;
using SkillScope.Model;

namespace SkillScope.Ingest.Web;

/// <summary>
/// Greenhouse job board API: <c>GET boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true</c>
/// ({"jobs": [...], "meta": {...}}) or one job (<c>/jobs/{id}?pay_transparency=true</c>).
/// </summary>
internal sealed class GreenhouseFormat(WebLimits limits) : BoardFormat(limits)
{
    public GreenhouseFormat()
        : this(WebLimits.Default)
    {
    }

    public override string Name => "greenhouse";

    protected override string? ArrayKey => "jobs";

    public override bool Matches(FormatProbe probe) =>
        HeadHas(probe, "absolute_url", "updated_at") || HeadHas(probe, "absolute_url", "internal_job_id");

    protected override RawRecord Map(JsonElement job, JsonFields f, HtmlText html)
    {
        var url = f.Text(job, "absolute_url");
        var location = f.Object(job, "location") is { } loc ? f.Text(loc, "name", "location.name") : null;
        if (string.IsNullOrWhiteSpace(location))
        {
            foreach (var office in f.Objects(job, "offices"))
            {
                location = f.Text(office, "location", "offices.location") ?? f.Text(office, "name", "offices.name");
                break;
            }
        }

        var (employment, arrangement) = Metadata(job);
        var pay = Pay(job, f);
        return new RawRecord
        {
            Kind = RecordKinds.Posting,
            SourceId = f.Id(job, "id"),
            Title = f.Text(job, "title"),
            Company = Clean(f.Text(job, "company_name")) ?? BoardSlug(url, "boards.greenhouse.io", "job-boards.greenhouse.io", "job-boards.eu.greenhouse.io", "boards.eu.greenhouse.io"),
            Location = Clean(location),
            Description = html.FromEscapedHtml(f.Text(job, "content")),
            // The first publication is the posting date; updated_at moves with every edit.
            PostedDate = f.Date(job, "first_published") ?? f.Date(job, "updated_at"),
            SalaryMin = pay.Min,
            SalaryMax = pay.Max,
            SalaryCurrency = pay.Currency,
            SalaryPeriod = pay.Period,
            EmploymentTypeHint = employment,
            WorkArrangementHint = arrangement,
            Url = url,
        };
    }

    /// <summary>
    /// pay_input_ranges: amounts in cents, no period field. The first range is the record's salary
    /// (boards list one range per pay zone); it is annual unless its title says hourly.
    /// </summary>
    private static (decimal? Min, decimal? Max, string? Currency, string? Period) Pay(JsonElement job, JsonFields f)
    {
        foreach (var range in f.Objects(job, "pay_input_ranges"))
        {
            var min = f.Number(range, "min_cents", "pay_input_ranges.min_cents");
            var max = f.Number(range, "max_cents", "pay_input_ranges.max_cents");
            if (min is null && max is null)
            {
                continue;
            }

            var title = f.Text(range, "title", "pay_input_ranges.title") ?? "";
            var hourly = title.Contains("hour", StringComparison.OrdinalIgnoreCase);
            return (min / 100m, max / 100m, f.Text(range, "currency_type", "pay_input_ranges.currency_type"),
                hourly ? SalaryPeriods.Hour : SalaryPeriods.Year);
        }

        return default;
    }

    /// <summary>
    /// Custom fields are free-form (any name, any value type), so they are only read, never rejected:
    /// an "Employment Type" and a workplace / remote field are common.
    /// </summary>
    private static (string? Employment, string? Arrangement) Metadata(JsonElement job)
    {
        string? employment = null;
        string? arrangement = null;
        foreach (var item in JsonFields.Items(job, "metadata"))
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
                || !JsonFields.TryGet(item, "value", out var value))
            {
                continue;
            }

            var name = nameElement.GetString()!;
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
                _ => null,
            };
            if (name.Contains("employment", StringComparison.OrdinalIgnoreCase) || name.Equals("Job Type", StringComparison.OrdinalIgnoreCase))
            {
                employment ??= Clean(text);
            }
            else if (name.Contains("workplace", StringComparison.OrdinalIgnoreCase) || name.Contains("work arrangement", StringComparison.OrdinalIgnoreCase)
                || name.Contains("location type", StringComparison.OrdinalIgnoreCase))
            {
                arrangement ??= Clean(text);
            }
            else if (name.Contains("remote", StringComparison.OrdinalIgnoreCase))
            {
                // A yes/no "Remote" field: yes says remote; no does not say onsite (it may be hybrid).
                if (value.ValueKind == JsonValueKind.True || string.Equals(text?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
                {
                    arrangement ??= WorkArrangements.Remote;
                }
                else if (value.ValueKind == JsonValueKind.String && !string.Equals(text?.Trim(), "no", StringComparison.OrdinalIgnoreCase))
                {
                    arrangement ??= Clean(text);
                }
            }
        }

        return (employment, arrangement);
    }
}
