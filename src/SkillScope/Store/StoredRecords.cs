using System.Data.Common;
using SkillScope.Model;

namespace SkillScope.Store;

/// <summary>A stored record with the source it was first seen in.</summary>
public sealed record StoredRecord(long Id, string Source, string? SourceId, JobRecord Record);

public static class StoredRecords
{
    /// <summary>Streams the records matching <paramref name="filter"/> in id order (the order they were stored).</summary>
    public static IEnumerable<StoredRecord> Read(SkillStore store, RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        using var command = store.Command("");
        command.CommandText = Select(filter.ToSql(command)) + " ORDER BY r.id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new StoredRecord(reader.GetInt64(0), reader.GetString(1), Text(reader, 2), ToRecord(reader));
        }
    }

    /// <summary>The record with this id, or null when there is none.</summary>
    public static StoredRecord? ReadById(SkillStore store, long id)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var command = store.Command(Select("r.id = @id"));
        Sql.Add(command, "@id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredRecord(reader.GetInt64(0), reader.GetString(1), Text(reader, 2), ToRecord(reader)) : null;
    }

    private static string Select(string where) => $"""
        SELECT r.id, s.source, s.source_id, r.kind, r.title, r.company, r.location_text, r.description, r.period_start, r.period_end,
            r.role, r.seniority, r.years_required_min, r.employment_type, r.work_arrangement, r.country, r.state, r.metro, r.city, r.company_size,
            r.salary_min, r.salary_max, r.salary_currency, r.salary_period, r.salary_usd_min, r.salary_usd_max, r.salary_usd, r.salary_is_estimate, r.salary_flag,
            r.stated_skills, s.extra
        FROM records r
        JOIN record_sources s ON s.identity = (SELECT identity FROM record_sources f WHERE f.record_id = r.id ORDER BY f.ingest_id, f.position LIMIT 1)
        WHERE {where}
        """;

    private static JobRecord ToRecord(DbDataReader r)
    {
        Salary? salary = null;
        if (!r.IsDBNull(20) || !r.IsDBNull(28))
        {
            salary = new Salary(Decimal(r, 20), Decimal(r, 21), Text(r, 22), Text(r, 23), Double(r, 24), Double(r, 25), Double(r, 26), Sql.Long(r, 27) == 1, Text(r, 28));
        }

        return new JobRecord
        {
            Kind = r.GetString(3),
            SourceId = Text(r, 2),
            Title = r.GetString(4),
            Company = Text(r, 5),
            LocationText = Text(r, 6),
            Description = Text(r, 7),
            PeriodStart = Date(r, 8),
            PeriodEnd = Date(r, 9),
            Role = r.GetString(10),
            Seniority = r.GetString(11),
            YearsRequiredMin = Sql.Int(r, 12),
            EmploymentType = r.GetString(13),
            WorkArrangement = r.GetString(14),
            Country = Text(r, 15),
            State = Text(r, 16),
            Metro = Text(r, 17),
            City = Text(r, 18),
            CompanySize = Text(r, 19),
            Salary = salary,
            StatedSkills = StatedJson.ParseSkills(Text(r, 29)),
            Extra = StatedJson.ParseExtra(Text(r, 30)),
        };
    }

    private static string? Text(DbDataReader r, int i) => Sql.Text(r, i);

    private static double? Double(DbDataReader r, int i) => Sql.Double(r, i);

    private static decimal? Decimal(DbDataReader r, int i) => r.IsDBNull(i) ? null : (decimal)r.GetDouble(i);

    private static DateOnly? Date(DbDataReader r, int i) => Sql.Date(r, i);
}
