using SkillScope.Normalize;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Store;

/// <summary>
/// The packed skills (record_skill_sets, read by the skill reports) and record_skills (read by matching, search and
/// premiums) are written together; these tests hold them to the same skills after every kind of write, on both engines,
/// and the skill counts read from the packed form to those record_skills gives.
/// </summary>
public sealed class SkillSetTests
{
    private const string HnFixture = "tests/SkillScope.Tests/Fixtures/hn/hn-api-items.json";

    private static IngestSummary Ingest(SkillStore store, string path) =>
        new IngestService(store, FxRates.Default, FixedTime.Default).Ingest(path, new IngestOptions());

    private static long Count(SkillStore store, string sql) => store.Scalar(sql);

    [Fact]
    public void Packed_skills_agree_with_record_skills_after_ingest_duplicate_joins_and_revisions()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        // The bundled USAJOBS file lists some jobs more than once: those rows join the stored record (a further
        // appearance) and write no skills.
        var joined = Ingest(store, Repo.BundledUsajobs);
        Ingest(store, Repo.BundledSurvey);
        var hn = SharedData.Repo(HnFixture);
        Ingest(store, hn);
        // Comments edited since: their records are updated in place, skills too (Python became Rust).
        var edited = temp.Write("hn-edited.json", File.ReadAllText(hn)
            .Replace("$150K-$200K", "$170K-$210K", StringComparison.Ordinal)
            .Replace("Stack: Python, PyTorch", "Stack: Rust, PyTorch", StringComparison.Ordinal));
        var revised = Ingest(store, edited);

        Assert.True(joined.Merged > 0, "the copy joins stored records");
        Assert.Equal(2, revised.Updated);
        Assert.Equal(2, Count(store, "SELECT COUNT(*) FROM record_skills WHERE skill_id = 'rust'"));
        Assert.Empty(SkillSetCheck.Disagreements(store));
        Assert.Equal(Count(store, "SELECT COUNT(DISTINCT record_id) FROM record_skills"), Count(store, "SELECT COUNT(*) FROM record_skill_sets"));
        Assert.True(Count(store, "SELECT COUNT(*) FROM record_skill_sets") > 100);
    }

    [Fact]
    public void The_agreement_check_finds_a_record_whose_two_forms_differ()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        Ingest(store, SharedData.Repo(HnFixture));
        var record = Count(store, "SELECT MIN(record_id) FROM record_skills");

        store.Execute($"DELETE FROM record_skills WHERE record_id = {record} AND skill_id = (SELECT MIN(skill_id) FROM record_skills WHERE record_id = {record})");

        Assert.Equal([record], SkillSetCheck.Disagreements(store));
    }

    [Fact]
    public void Reindex_rewrites_both_forms_and_keeps_every_ordinal()
    {
        using var temp = new TempFolder();
        var taxonomy = temp.Write("mine.json", """
            { "skills": [
              { "id": "acme-forecaster", "name": "Acme Forecaster", "category": "library-framework", "type": "hard", "aliases": ["AcmeCast"] }
            ] }
            """);
        var postings = temp.Write("postings.csv", "role,title,city,state,description,posted_date,close_date,job_grade,salary_min,salary_max,employment_type,is_remote\n"
            + "x,Statistician,Suitland,Maryland,\"Run AcmeCast forecasts in Python.\",2026-02-06,2026-08-05,GS,100000,120000,Full-Time,False\n"
            + "x,Data Scientist,Denver,Colorado,\"AcmeCast and SQL every day.\",2026-03-01,2026-08-05,GS,100000,120000,Full-Time,False\n");
        Assert.Equal(0, CliRunner.Run("ingest", SharedData.Repo(HnFixture), "--db", temp.Db).Exit);
        Assert.Equal(0, CliRunner.Run("ingest", postings, "--db", temp.Db).Exit);
        Dictionary<string, long> before;
        using (var store = SkillStore.Open(temp.Db))
        {
            before = Ordinals(store);
        }

        var (exit, _, error) = CliRunner.Run("skills", "reindex", "--db", temp.Db, "--taxonomy", taxonomy);

        Assert.True(exit == 0, error);
        using (var store = SkillStore.Open(temp.Db))
        {
            Assert.Empty(SkillSetCheck.Disagreements(store));
            var after = Ordinals(store);
            Assert.All(before, o => Assert.Equal(o.Value, after[o.Key]));
            Assert.True(after.ContainsKey("acme-forecaster"));
            Assert.Equal(2, Count(store, "SELECT COUNT(*) FROM record_skills WHERE skill_id = 'acme-forecaster'"));
            Assert.Equal(Count(store, "SELECT COUNT(DISTINCT record_id) FROM record_skills"), Count(store, "SELECT COUNT(*) FROM record_skill_sets"));
        }
    }

    [Fact]
    public void Reindex_leaves_the_skill_tables_with_the_constraints_and_indexes_a_migration_made()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliRunner.Run("ingest", SharedData.Repo(HnFixture), "--db", temp.Db).Exit);
        string migrated;
        using (var store = SkillStore.Open(temp.Db))
        {
            migrated = Shape(store);
        }

        // Twice: the second reindex starts from the tables the first one swapped in.
        for (var run = 0; run < 2; run++)
        {
            var (exit, _, error) = CliRunner.Run("skills", "reindex", "--db", temp.Db);
            Assert.True(exit == 0, error);
        }

        using (var store = SkillStore.Open(temp.Db))
        {
            Assert.Equal(migrated, Shape(store));
        }
    }

    /// <summary>The skill tables' constraints and indexes by name and definition (Postgres/citus.sql drops and adds them by name).</summary>
    private static string Shape(SkillStore store)
    {
        var sql = store.IsPostgres
            ? """
                SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                    SELECT conname || ': ' || pg_get_constraintdef(oid) AS line FROM pg_constraint
                    WHERE conrelid IN ('record_skills'::regclass, 'record_skill_sets'::regclass)
                    UNION ALL
                    SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE tablename IN ('record_skills', 'record_skill_sets')) shape
                """
            : """
                SELECT group_concat(line, char(10)) FROM (
                    SELECT m.name || ': ' || f."table" || '(' || f."to" || ') from ' || f."from" AS line
                    FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.name IN ('record_skills', 'record_skill_sets')
                    UNION ALL
                    SELECT name || ' on ' || tbl_name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('record_skills', 'record_skill_sets')
                    ORDER BY line)
                """;
        using var command = store.Command(sql);
        var shape = (string)command.ExecuteScalar()!;
        Assert.Contains("record_skills", shape, StringComparison.Ordinal);
        return shape;
    }

    /// <summary>
    /// The skill counts and co-skills the report reads from the packed form, against the same counts taken from
    /// record_skills in SQL, unfiltered and with filters (role, country, source, dates, text kind).
    /// </summary>
    [Fact]
    public void Skill_counts_from_the_packed_form_are_those_of_record_skills_under_every_filter()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        Ingest(store, Repo.BundledUsajobs);
        Ingest(store, Repo.BundledSurvey);
        Ingest(store, SharedData.Repo(HnFixture));
        RecordFilter[] filters =
        [
            RecordFilter.None,
            RecordFilter.None with { Kinds = ["posting"] },
            RecordFilter.None with { Kinds = ["posting"], Roles = ["data_scientist", "data_engineer"] },
            RecordFilter.None with { Countries = ["US"] },
            RecordFilter.None with { Sources = ["hn"] },
            RecordFilter.None with { Since = new DateOnly(2025, 1, 1), Until = new DateOnly(2026, 3, 1) },
            RecordFilter.None with { Kinds = ["posting"], TextKinds = ["full", "snippet", "summary"] },
        ];
        foreach (var filter in filters)
        {
            var expected = Expected(store, filter);
            var (skills, _) = ReportQueries.SkillCounts(store, filter, _ => null);
            Assert.Equal(expected, skills.OrderBy(s => s.Skill, StringComparer.Ordinal).Select(s => (s.Skill, s.Postings, s.Required)).ToList());

            var trends = FigureQueries.SkillCounts(store, filter, byMonth: false);
            Assert.Equal(expected.Select(e => (e.Skill, e.Postings)), trends.GroupBy(t => t.Skill).Select(g => (g.Key, g.Sum(t => t.Postings))).OrderBy(t => t.Key, StringComparer.Ordinal));
            Assert.Equal(trends.Sum(t => t.Postings), FigureQueries.SkillCounts(store, filter, byMonth: true).Sum(t => t.Postings)
                + Count(store, "SELECT COUNT(*) FROM record_skills k JOIN records r ON r.id = k.record_id WHERE r.period_start IS NULL AND " + Where(store, filter)));

            if (expected.Count > 0)
            {
                var anchor = expected.OrderByDescending(e => e.Postings).ThenBy(e => e.Skill, StringComparer.Ordinal).First().Skill;
                var co = ReportQueries.CoSkills(store, filter, anchor, 10);
                Assert.Equal(CoSkillsInSql(store, filter, anchor, 10), co);
            }
        }

        Assert.Empty(ReportQueries.CoSkills(store, RecordFilter.None, "no-such-skill", 10));
    }

    // A filter's SQL with its values written in (tests only: the values are the test's own).
    private static string Where(SkillStore store, RecordFilter filter)
    {
        using var command = store.Command("");
        var sql = filter.ToSql(command);
        foreach (System.Data.Common.DbParameter parameter in command.Parameters.Cast<System.Data.Common.DbParameter>().Reverse())
        {
            sql = sql.Replace(parameter.ParameterName, "'" + parameter.Value + "'", StringComparison.Ordinal);
        }

        return sql;
    }

    private static List<(string Skill, long Postings, long Required)> Expected(SkillStore store, RecordFilter filter)
    {
        using var command = store.Command($"""
            SELECT k.skill_id, COUNT(*), SUM(k.required) FROM record_skills k JOIN records r ON r.id = k.record_id
            WHERE {Where(store, filter)} GROUP BY k.skill_id
            """);
        var rows = new List<(string, long, long)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return [.. rows.OrderBy(r => r.Item1, StringComparer.Ordinal)];
    }

    // The co-skills query the report ran before the packed form (main at 7af227c).
    private static List<CoSkillCount> CoSkillsInSql(SkillStore store, RecordFilter filter, string anchor, int top)
    {
        var where = Where(store, filter);
        using var command = store.Command($"""
            WITH anchor AS (SELECT k.record_id FROM record_skills k JOIN records r ON r.id = k.record_id WHERE {where} AND k.skill_id = '{anchor}'),
                 totals AS (SELECT k.skill_id, COUNT(*) AS n FROM record_skills k JOIN records r ON r.id = k.record_id WHERE {where} GROUP BY k.skill_id)
            SELECT k.skill_id, COUNT(*) AS together, (SELECT COUNT(*) FROM anchor), t.n
            FROM record_skills k JOIN anchor a ON a.record_id = k.record_id JOIN totals t ON t.skill_id = k.skill_id
            WHERE k.skill_id <> '{anchor}' GROUP BY k.skill_id, t.n ORDER BY together DESC, k.skill_id LIMIT {top}
            """);
        var rows = new List<CoSkillCount>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new CoSkillCount(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static Dictionary<string, long> Ordinals(SkillStore store)
    {
        using var command = store.Command("SELECT skill_id, ordinal FROM skill_ordinals");
        using var reader = command.ExecuteReader();
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            map[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return map;
    }
}
