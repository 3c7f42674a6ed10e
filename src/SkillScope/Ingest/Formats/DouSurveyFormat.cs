using System.Globalization;
using SkillScope.Ingest.Csv;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// The DOU.ua salary survey of people in Ukrainian IT (raw CSV of a June or December wave; Ukrainian
/// headers that change between waves, UTF-8 with a BOM or Windows-1251). One row is one response: net
/// monthly pay in USD ("лише ставка", base rate only), level, position, main programming language,
/// experience, company type and where the person lives. Pay is stated as USD per month and annualised
/// by the normalizer; it is NET of tax (docs/salary.md says how that compares). The main language is
/// the response's one stated skill. Responses of people not working in IT now (looking for a job, on
/// leave, in the army) state no current pay and are rejected with that reason.
/// </summary>
internal sealed class DouSurveyFormat : CsvRecordFormat
{
    private const string PayPrefix = "Зарплата";

    public override string Name => "dou";

    public override string DefaultSource => "dou.ua";

    public override IReadOnlyList<string> RequiredColumns { get; } =
        ["Submitted at", "Ваша основна зайнятість в ІТ зараз...", "Основна мова програмування", "Загальний стаж роботи за нинішньою ІТ-спеціальністю", "Де ви зараз живете?"];

    public override bool MatchesHeader(CsvHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.ContainsAll(RequiredColumns) && header.Names.Any(IsPayColumn);
    }

    protected override void CheckHeader(CsvHeader header, string fileName)
    {
        base.CheckHeader(header, fileName);
        if (!header.Names.Any(IsPayColumn))
        {
            throw new ReadError($"{fileName}: the header has no pay column (a name starting with '{PayPrefix}') required by format '{Name}'.");
        }
    }

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        var submitted = header.IndexOf("Submitted at");
        var status = header.IndexOf("Ваша основна зайнятість в ІТ зараз...");
        var pay = header.IndexWhere(IsPayColumn);
        // December 2024 names, then June 2025 names.
        var level = header.IndexOfAny("Оберіть ваш тайтл або роль у компанії", "Тайтл");
        var position = header.IndexOfAny("Position", "Почніть вводити і оберіть вашу ОСНОВНУ посаду зі списку");
        var language = header.IndexOf("Основна мова програмування");
        var experience = header.IndexOf("Загальний стаж роботи за нинішньою ІТ-спеціальністю");
        var residence = header.IndexOf("Де ви зараз живете?");
        var pool = new StringPool();

        return row =>
        {
            if (row.Text(position) is not { } title)
            {
                return RowResult.Fail("missing position");
            }

            var statusText = row.Text(status);
            if (!TryEmployment(statusText, out var employment))
            {
                return RowResult.Fail($"not working in IT now ({FieldParsing.Quote(statusText)}): no current pay");
            }

            if (!FieldParsing.TryDecimal(row.Text(pay), out var amount) || amount < 0)
            {
                return RowResult.Fail($"net monthly pay {FieldParsing.Quote(row.Text(pay))} is not a number");
            }

            var when = row.Text(submitted);
            if (when is null || when.Length < 4 || !int.TryParse(when.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || year is < 2000 or > 2100)
            {
                return RowResult.Fail($"Submitted at {FieldParsing.Quote(when)} is not a date");
            }

            int? years = null;
            if (row.Text(experience) is { } experienceText)
            {
                if (!decimal.TryParse(experienceText, NumberStyles.Number, CultureInfo.InvariantCulture, out var stated) || stated is < 0 or > 80)
                {
                    return RowResult.Fail($"experience {FieldParsing.Quote(experienceText)} is not a number of years");
                }

                years = (int)Math.Floor(stated);
            }

            var main = row.Text(language);
            return new RawRecord
            {
                Kind = RecordKinds.SalaryReport,
                Title = pool.Get(title),
                WorkYear = year,
                SeniorityHint = pool.Get(row.Text(level)),
                EmploymentTypeHint = employment,
                YearsRequiredHint = years,
                SalaryMin = amount,
                SalaryMax = amount,
                SalaryCurrency = "USD",
                SalaryPeriod = SalaryPeriods.Month,
                CountryHint = row.Text(residence) is "В Україні" ? "UA" : null,
                StatedSkills = main is null ? null : [pool.Get(main)!],
            };
        };
    }

    private static bool IsPayColumn(string name) => name.StartsWith(PayPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The employment status as an employment-type label; false for people not working in IT now.</summary>
    private static bool TryEmployment(string? status, out string? employment)
    {
        employment = null;
        if (status is null)
        {
            return true;
        }

        if (status.Contains("full-time", StringComparison.OrdinalIgnoreCase))
        {
            employment = "full-time";
        }
        else if (status.Contains("part-time", StringComparison.OrdinalIgnoreCase))
        {
            employment = "part-time";
        }
        else if (status.StartsWith("Я фрилансер", StringComparison.Ordinal))
        {
            employment = "freelance";
        }
        else if (status.StartsWith("Я контрактор", StringComparison.Ordinal))
        {
            employment = "contractor";
        }
        else if (status.StartsWith("Працюю", StringComparison.Ordinal))
        {
            // "Працюю в IT-компанії / ІТ-департаменті": employed, hours not stated.
            employment = null;
        }
        else
        {
            // Lost the job, sabbatical, military service, on the bench: the pay is not a current one.
            return false;
        }

        return true;
    }
}
