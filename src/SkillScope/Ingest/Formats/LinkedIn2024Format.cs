using System.Globalization;
using SkillScope.Ingest.Csv;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// The full LinkedIn postings table of 2023-24 (Kaggle "LinkedIn Job Postings 2023-2024", postings.csv):
/// company name, description and pay on every row, unlike the structured August 2023 table
/// (<see cref="LinkedIn2023Format"/>, whose columns it also has, so it is tried first). Times are Unix
/// epoch milliseconds ("1713397508000.0"); the posting date is listed_time's day (UTC), else
/// original_listed_time's. skills_desc, when given, follows the description under its own heading.
/// Columns not read here (views, applies, application type, ...) are kept as stated.
/// </summary>
internal sealed class LinkedIn2024Format : CsvRecordFormat
{
    public override string Name => "linkedin2024";

    public override string DefaultSource => "linkedin";

    public override IReadOnlyList<string> RequiredColumns { get; } =
    [
        "job_id", "company_name", "title", "description", "min_salary", "max_salary", "pay_period", "location",
        "formatted_work_type", "remote_allowed", "formatted_experience_level",
    ];

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        var jobId = header.IndexOf("job_id");
        var company = header.IndexOf("company_name");
        var title = header.IndexOf("title");
        var texts = new[] { ("Description", header.IndexOf("description")), ("Skills", header.IndexOf("skills_desc")) };
        var min = header.IndexOf("min_salary");
        var max = header.IndexOf("max_salary");
        var med = header.IndexOf("med_salary");
        var period = header.IndexOf("pay_period");
        var currency = header.IndexOf("currency");
        var location = header.IndexOf("location");
        var formattedType = header.IndexOf("formatted_work_type");
        var workType = header.IndexOf("work_type");
        var remote = header.IndexOf("remote_allowed");
        var level = header.IndexOf("formatted_experience_level");
        var listed = header.IndexOf("listed_time");
        var originalListed = header.IndexOf("original_listed_time");
        var expiry = header.IndexOf("expiry");
        var url = header.IndexOf("job_posting_url");
        var pool = new StringPool();

        return row =>
        {
            if (row.Text(title) is not { } titleText)
            {
                return RowResult.Fail("missing title");
            }

            if (!TryEpochDay(row.Text(listed) ?? row.Text(originalListed), "listed_time", out var posted, out var error)
                || !TryEpochDay(row.Text(expiry), "expiry", out var validThrough, out error))
            {
                return RowResult.Fail(error!);
            }

            var low = row.Text(min) ?? row.Text(med);
            var high = row.Text(max) ?? row.Text(med);
            if (!FieldParsing.TrySalaryRange(low, high, out var salaryMin, out var salaryMax, out error))
            {
                return RowResult.Fail(error!);
            }

            // Only the sections with text: a description-only row reads as its plain description.
            var description = row.Text(texts[1].Item2) is null ? row.Text(texts[0].Item2) : TextSections.Join(texts, row);
            return new RawRecord
            {
                Kind = RecordKinds.Posting,
                SourceId = row.Text(jobId),
                Title = titleText,
                Company = pool.Get(row.Text(company)),
                Location = pool.Get(row.Text(location)),
                Description = description,
                PostedDate = posted,
                ValidThrough = validThrough,
                SalaryMin = salaryMin,
                SalaryMax = salaryMax,
                SalaryCurrency = salaryMin is null ? null : pool.Get(row.Text(currency)),
                SalaryPeriod = salaryMin is null ? null : pool.Get(row.Text(period)),
                SeniorityHint = pool.Get(row.Text(level)),
                EmploymentTypeHint = pool.Get(row.Text(workType) ?? row.Text(formattedType)),
                // 1 is set on hybrid jobs too: "remote allowed" (WorkArrangementNormalizer.RemoteAllowed) is remote unless the
                // title or text says hybrid or onsite (RecordNormalizer). A literal: ingest does not reference normalization.
                WorkArrangementHint = row.Raw(remote) is "1" or "1.0" ? "remote allowed" : null,
                Url = row.Text(url),
            };
        };
    }

    /// <summary>An epoch-milliseconds time ("1713397508000.0") as its UTC day; empty is no date.</summary>
    internal static bool TryEpochDay(string? text, string column, out DateOnly? day, out string? error)
    {
        day = null;
        error = null;
        if (text is null)
        {
            return true;
        }

        // 1990-01-01 .. 2100-01-01 in milliseconds: anything else is not a posting time.
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) || ms < 631_152_000_000m || ms > 4_102_444_800_000m)
        {
            error = $"{column} {FieldParsing.Quote(text)} is not a time in epoch milliseconds";
            return false;
        }

        day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds((long)ms).UtcDateTime);
        return true;
    }
}
