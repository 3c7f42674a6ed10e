using System.Globalization;
using System.Text;
using System.Data.Common;
using SkillScope.Model;

namespace SkillScope.Store;

/// <summary>
/// Which records a report covers. Values within one filter are ORed, filters are ANDed.
/// Dates compare with the period a record speaks for (posting date; survey year).
/// </summary>
public sealed record RecordFilter
{
    public IReadOnlyList<string> Kinds { get; init; } = [];
    public IReadOnlyList<string> Roles { get; init; } = [];
    public IReadOnlyList<string> Seniorities { get; init; } = [];
    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<string> WorkArrangements { get; init; } = [];
    public IReadOnlyList<string> EmploymentTypes { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];
    /// <summary>Postings whose text is of these kinds (Normalize.TextKinds: full, snippet, summary, none); empty: any.</summary>
    public IReadOnlyList<string> TextKinds { get; init; } = [];
    public DateOnly? Since { get; init; }
    public DateOnly? Until { get; init; }

    public static RecordFilter None { get; } = new();

    /// <summary>The first invalid value as a one-line message, or null when the filter is valid.</summary>
    public string? Validate()
    {
        var badCountry = Countries.FirstOrDefault(c => c.Length != 2 || !c.All(char.IsAsciiLetterUpper));
        return Check("--kind", Kinds, RecordKinds.All)
            ?? Check("--role", Roles, Model.Roles.All)
            ?? Check("--seniority", Seniorities, Model.Seniorities.All)
            ?? Check("--arrangement", WorkArrangements, Model.WorkArrangements.All)
            ?? Check("--employment-type", EmploymentTypes, Model.EmploymentTypes.All)
            ?? (badCountry is not null ? $"--country '{badCountry}' is not an ISO 3166-1 alpha-2 code (e.g. US, GB, DE)" : null)
            ?? (Since > Until ? $"--since {Since:yyyy-MM-dd} is after --until {Until:yyyy-MM-dd}" : null);

        static string? Check(string option, IReadOnlyList<string> values, IReadOnlyList<string> allowed) =>
            values.FirstOrDefault(v => !allowed.Contains(v)) is { } bad
                ? $"{option} '{bad}' is not known; use one of: {string.Join(", ", allowed)}"
                : null;
    }

    /// <summary>A SQL condition over <c>records</c> aliased <c>r</c>, with its parameters added to <paramref name="command"/>.</summary>
    internal string ToSql(DbCommand command)
    {
        var sql = new StringBuilder("1 = 1");
        var index = 0;
        In("r.kind", Kinds);
        In("r.role", Roles);
        In("r.seniority", Seniorities);
        In("r.country", Countries);
        In("r.work_arrangement", WorkArrangements);
        In("r.employment_type", EmploymentTypes);
        In("r.text_kind", TextKinds);
        if (Sources.Count > 0)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM record_sources s WHERE s.record_id = r.id AND s.source IN (")
               .Append(string.Join(", ", Sources.Select(Parameter))).Append("))");
        }

        if (Since is { } since)
        {
            sql.Append(" AND r.period_end >= ").Append(Parameter(since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (Until is { } until)
        {
            sql.Append(" AND r.period_start <= ").Append(Parameter(until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return sql.ToString();

        void In(string column, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                sql.Append(" AND ").Append(column).Append(" IN (").Append(string.Join(", ", values.Select(Parameter))).Append(')');
            }
        }

        string Parameter(string value)
        {
            var name = "@f" + index++.ToString(CultureInfo.InvariantCulture);
            Sql.Add(command, name, value);
            return name;
        }
    }
}
