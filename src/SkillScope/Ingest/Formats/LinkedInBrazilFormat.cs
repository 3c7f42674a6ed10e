using SkillScope.Ingest.Csv;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// LinkedIn Brazil postings scraped for data-analysis searches in 2023 (semicolon-separated, Portuguese
/// labels): position, company (a Python dict and its parts), location, dates, workplace type, LinkedIn's
/// skill tags (a Python list), level, work type, full description and links. The source id is the job
/// number in the LinkedIn link; the posting date is posted_date, else the day it was collected.
/// </summary>
internal sealed class LinkedInBrazilFormat : CsvRecordFormat
{
    public override string Name => "linkedin-br";

    public override string DefaultSource => "linkedin";

    public override IReadOnlyList<string> RequiredColumns { get; } =
        ["position", "company", "location", "posted_date", "type_workplace", "required_skills", "level", "worktype", "description", "link_linkedin"];

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        var position = header.IndexOf("position");
        var companyDict = header.IndexOf("company");
        var companyName = header.IndexOf("company_name");
        var companySize = header.IndexOf("company_size");
        var location = header.IndexOf("location");
        var posted = header.IndexOf("posted_date");
        var collected = header.IndexOf("date_collected");
        var workplace = header.IndexOf("type_workplace");
        var skills = header.IndexOf("required_skills");
        var level = header.IndexOf("level");
        var workType = header.IndexOf("worktype");
        var description = header.IndexOf("description");
        var link = header.IndexOf("link_linkedin");
        var pool = new StringPool();

        return row =>
        {
            if (row.Text(position) is not { } title)
            {
                return RowResult.Fail("missing position");
            }

            if (!TryDate(row.Text(posted), "posted_date", out var date, out var error)
                || (date is null && !TryDate(row.Text(collected), "date_collected", out date, out error)))
            {
                return RowResult.Fail(error!);
            }

            var company = row.Text(companyName);
            var size = row.Text(companySize);
            if (row.Text(companyDict) is { } dict && (company is null || size is null))
            {
                if (!PythonLiteral.TryParse(dict, out var value, out var dictError) || value is not Dictionary<string, object?> parts)
                {
                    return RowResult.Fail($"company {FieldParsing.Quote(dict)} is not a Python dict ({dictError ?? "another value"})");
                }

                company ??= Clean(parts.GetValueOrDefault("name") as string);
                size ??= Clean(parts.GetValueOrDefault("size") as string);
            }

            IReadOnlyList<string>? stated = null;
            if (row.Text(skills) is { } list)
            {
                if (!PythonLiteral.TryParse(list, out var value, out var listError) || value is not List<object?> items)
                {
                    return RowResult.Fail($"required_skills {FieldParsing.Quote(list)} is not a Python list ({listError ?? "another value"})");
                }

                stated = [.. items.OfType<string>().Select(s => s.Trim()).Where(s => s.Length > 0)];
            }

            var url = row.Text(link);
            return new RawRecord
            {
                Kind = RecordKinds.Posting,
                SourceId = JobNumber(url),
                Title = title,
                Company = pool.Get(company),
                Location = pool.Get(row.Text(location)),
                PostedDate = date,
                WorkArrangementHint = pool.Get(row.Text(workplace)),
                SeniorityHint = pool.Get(row.Text(level)),
                EmploymentTypeHint = pool.Get(row.Text(workType)),
                CompanySize = pool.Get(size),
                Description = row.Text(description),
                Url = url,
                StatedSkills = stated is { Count: > 0 } ? stated : null,
            };
        };
    }

    /// <summary>A date-time such as "2023-06-22 20:20:11.702486": its day, as written.</summary>
    private static bool TryDate(string? text, string column, out DateOnly? date, out string? error)
    {
        date = null;
        error = null;
        if (text is null)
        {
            return true;
        }

        if (text.Length >= 10 && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var day) && (text.Length == 10 || text[10] is ' ' or 'T'))
        {
            date = day;
            return true;
        }

        error = $"{column} {FieldParsing.Quote(text)} is not a date (yyyy-mm-dd hh:mm:ss)";
        return false;
    }

    /// <summary>The job number of a LinkedIn link ("https://www.linkedin.com/jobs/view/3617685273/?..." gives "3617685273").</summary>
    internal static string? JobNumber(string? url)
    {
        const string marker = "/jobs/view/";
        if (url is null || url.IndexOf(marker, StringComparison.OrdinalIgnoreCase) is not (var at and >= 0))
        {
            return null;
        }

        var start = at + marker.Length;
        var end = start;
        while (end < url.Length && char.IsAsciiDigit(url[end]))
        {
            end++;
        }

        return end > start ? url[start..end] : null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) || text is "nan" ? null : text.Trim();
}
