using SkillScope.Analytics;
using SkillScope.Skills;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Store;

/// <summary>A database made by the first release (schema 1, committed as a fixture) opens, upgrades and keeps every row.</summary>
public sealed class MigrationTests
{
    private static readonly string Release1 = Path.Combine(AppContext.BaseDirectory, "Fixtures", "store", "release1.db");

    [Fact]
    [Trait("Engine", "sqlite")]
    public void A_first_release_database_is_upgraded_in_place_without_loss()
    {
        using var folder = new TempFolder();
        var db = folder.File("release1.db");
        File.Copy(Release1, db);
        using (var before = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            before.Open();
            using var version = before.CreateCommand();
            version.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
            Assert.Equal("1", version.ExecuteScalar());
        }

        using var store = SkillStore.Open(db);
        Assert.Equal(SkillStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), store.Meta("schema_version"));
        Assert.Equal(494, StoreCatalog.RecordCount(store));
        Assert.Equal(500, store.Scalar("SELECT COUNT(*) FROM record_sources"));
        Assert.Equal(2, store.Scalar("SELECT COUNT(*) FROM ingests"));
        Assert.Equal(32, store.Scalar("SELECT COUNT(*) FROM record_skills"));
        Assert.Equal(1, store.Scalar("SELECT COUNT(*) FROM saved_resumes"));
        Assert.Equal(494, MarketAnalysis.Compute(store, RecordFilter.None).Total);

        // The two full-text indexes of the first release are one now: search and matching both find postings.
        Assert.Equal(0, store.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('posting_fts', 'posting_fts_vocab')"));
        Assert.Equal(194, PostingIndex.Update(store));
        Assert.True(PostingSearch.IndexIsCurrent(store));
        Assert.NotEmpty(PostingIndex.Search(store, ["data"], RecordFilter.None with { Kinds = ["posting"] }, 10));
        Assert.True(PostingSearch.Search(store, new PostingQuery { Text = "analyst" }).Total > 0);

        // Opening again changes nothing.
        store.Dispose();
        using var again = SkillStore.Open(db);
        Assert.Equal(494, StoreCatalog.RecordCount(again));
    }

    /// <summary>
    /// Schema 3 as main shipped it on 2026-12-06 (posting identity; made by commit 562bb3f from the fixture's
    /// schema3-postings.jsonl and 38 rows of the bundled HN table): the later migrations apply on top of it, the
    /// near-duplicate signatures are kept, and the same file read again is all already stored.
    /// </summary>
    [Fact]
    [Trait("Engine", "sqlite")]
    public void A_schema_3_database_gets_the_later_migrations_and_keeps_its_postings_and_signatures()
    {
        using var folder = new TempFolder();
        var db = folder.File("schema3.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "store", "schema3-posting-identity.db"), db);

        using var store = SkillStore.Open(db);

        Assert.Equal(SkillStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), store.Meta("schema_version"));
        Assert.Equal(40, StoreCatalog.RecordCount(store));
        Assert.Equal(14, store.Scalar("SELECT COUNT(*) FROM posting_signatures"));
        Assert.Equal(0, store.Scalar("SELECT COUNT(*) FROM records WHERE stated_skills IS NOT NULL"));
        var again = new IngestService(store, SkillScope.Normalize.FxRates.Default, FixedTime.Default)
            .Ingest(Path.Combine(AppContext.BaseDirectory, "Fixtures", "store", "schema3-postings.jsonl"), new IngestOptions());
        Assert.Equal((4L, 0L, 0L, 4L), (again.Read, again.Stored, again.Merged, again.Skipped));
    }

    /// <summary>
    /// Schema 6 as main shipped it on 2026-12-07 (commit 0b2f73d, the release before migration 7), made by that
    /// release's CLI: the HN fixture run file ingested, then a copy with one salary edited (2 postings updated, 3
    /// comments not ads each time, counted then only in the printed summary). SQLite: the file schema6-hn.db;
    /// PostgreSQL 15: `pg_dump --inserts` of the same two ingests (schema6-hn.pg.sql). Every row is kept, the old
    /// runs' updated and ignored counts read as not recorded (null), and the next run stores them.
    /// </summary>
    [Fact]
    public void A_schema_6_database_gets_the_ingest_counts_of_migration_7_and_keeps_every_row()
    {
        using var folder = new TempFolder();
        string db;
        if (TestEngine.IsPostgres)
        {
            db = folder.Db;
            RestoreDump(db, Path.Combine(AppContext.BaseDirectory, "Fixtures", "store", "schema6-hn.pg.sql"));
        }
        else
        {
            db = folder.File("schema6.db");
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "store", "schema6-hn.db"), db);
        }

        using var store = SkillStore.Open(db);

        Assert.Equal(SkillStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), store.Meta("schema_version"));
        Assert.Equal(7, StoreCatalog.RecordCount(store));
        Assert.Equal(7, store.Scalar("SELECT COUNT(*) FROM record_sources"));
        Assert.Equal(2, store.Scalar("SELECT COUNT(*) FROM records WHERE salary_min = 170000 AND salary_max = 210000"));
        Assert.True(store.Scalar("SELECT COUNT(*) FROM record_skills") > 0);
        Assert.Equal(store.Scalar("SELECT COUNT(DISTINCT record_id) FROM record_skills"), store.Scalar("SELECT COUNT(*) FROM record_skill_sets"));
        Assert.Empty(SkillSetCheck.Disagreements(store));
        var old = store.Ingests();
        Assert.Equal(["completed", "completed"], old.Select(r => r.Status));
        Assert.Equal((10L, 7L, 0L, 0L), (old[0].RowsRead, old[0].Stored, old[0].Skipped, old[0].Rejected));
        Assert.Equal((10L, 0L, 5L, 0L), (old[1].RowsRead, old[1].Stored, old[1].Skipped, old[1].Rejected));
        Assert.All(old, r => Assert.True(r.Updated is null && r.Ignored is null && r.IgnoredReasons is null && !r.Accounted));

        var edited = folder.Write("hn-edited.json", File.ReadAllText(SharedData.Repo("tests/SkillScope.Tests/Fixtures/hn/hn-api-items.json"))
            .Replace("$150K-$200K", "$170K-$210K", StringComparison.Ordinal));
        var summary = new IngestService(store, SkillScope.Normalize.FxRates.Default, FixedTime.Default).Ingest(edited, new IngestOptions());

        var runs = store.Ingests();
        Assert.Equal(3, runs.Count);
        Assert.Equal((10L, 7L, 0L, 3L), (runs[2].RowsRead, runs[2].Skipped, runs[2].Updated, runs[2].Ignored));
        Assert.True(runs[2].Accounted);
        Assert.Equal(summary.IgnoredReasons, runs[2].IgnoredReasons);
        Assert.Equal(7, StoreCatalog.RecordCount(store));
        Assert.Empty(SkillSetCheck.Disagreements(store));
    }

    /// <summary>
    /// Schema 7 as main shipped it on 2026-12-07 (commit d100ac3, the release before migration 8), made by that release's
    /// CLI from the HN fixture (schema7-hn.db, SQLite: migration 8 adds a SQLite index only; PostgreSQL's upgrade path
    /// through it is the schema-6 test above). The index is built over the stored rows, every row is kept, and the
    /// skills report (whose queries now read the index) is the same as over a new store of the same file.
    /// </summary>
    [Fact]
    [Trait("Engine", "sqlite")]
    public void A_schema_7_database_gets_the_filter_index_of_migration_8_and_reports_as_a_new_store_does()
    {
        using var folder = new TempFolder();
        var db = folder.File("schema7.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "store", "schema7-hn.db"), db);
        var hn = SharedData.Repo("tests/SkillScope.Tests/Fixtures/hn/hn-api-items.json");
        var fresh = folder.File("fresh.db");
        Assert.Equal(0, CliRunner.Run("ingest", hn, "--db", fresh).Exit);

        using (var store = SkillStore.Open(db))
        {
            Assert.Equal(SkillStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), store.Meta("schema_version"));
            Assert.Equal(1, store.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_records_filter'"));
            Assert.Equal((7L, 7L, 27L), (store.Scalar("SELECT COUNT(*) FROM records"), store.Scalar("SELECT COUNT(*) FROM record_sources"), store.Scalar("SELECT COUNT(*) FROM record_skills")));
        }

        var upgraded = CliRunner.Run("report", "skills", "--include-snippets", "--db", db, "--format", "json");
        var made = CliRunner.Run("report", "skills", "--include-snippets", "--db", fresh, "--format", "json");
        Assert.Equal(0, upgraded.Exit);
        Assert.Equal(made.Output, upgraded.Output);
        Assert.Contains("\"python\"", upgraded.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Schema 8 as main shipped it on 2026-12-07 (commit eb23d1c, the release before migration 9), made by that release's
    /// CLI from the HN fixture (schema8-hn.db, SQLite: migration 9 changes SQLite indexes only; PostgreSQL's upgrade path
    /// through it is the schema-6 test above). ix_records_filter is made again with company last, the appearances get
    /// their (record, metro) index, every row is kept, and the market report (which now reads those two indexes only) is
    /// the same as over a new store of the same file.
    /// </summary>
    [Fact]
    [Trait("Engine", "sqlite")]
    public void A_schema_8_database_gets_the_market_indexes_of_migration_9_and_reports_as_a_new_store_does()
    {
        using var folder = new TempFolder();
        var db = folder.File("schema8.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "store", "schema8-hn.db"), db);
        var hn = SharedData.Repo("tests/SkillScope.Tests/Fixtures/hn/hn-api-items.json");
        var fresh = folder.File("fresh.db");
        Assert.Equal(0, CliRunner.Run("ingest", hn, "--db", fresh).Exit);

        using (var store = SkillStore.Open(db))
        {
            Assert.Equal(SkillStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), store.Meta("schema_version"));
            Assert.Equal(1, store.Scalar("SELECT COUNT(*) FROM pragma_index_info('ix_records_filter') WHERE name = 'company'"));
            Assert.Equal(14, store.Scalar("SELECT COUNT(*) FROM pragma_index_info('ix_records_filter')"));
            Assert.Equal(2, store.Scalar("SELECT COUNT(*) FROM pragma_index_info('ix_record_sources_metro') WHERE name IN ('record_id', 'metro')"));
            Assert.Equal((7L, 7L, 27L), (store.Scalar("SELECT COUNT(*) FROM records"), store.Scalar("SELECT COUNT(*) FROM record_sources"), store.Scalar("SELECT COUNT(*) FROM record_skills")));
        }

        foreach (var filter in (string[][])[[], ["--role", "ml_engineer,ai_engineer,other"], ["--country", "US"]])
        {
            var upgraded = CliRunner.Run(["report", "market", "--db", db, "--format", "json", .. filter]);
            var made = CliRunner.Run(["report", "market", "--db", fresh, "--format", "json", .. filter]);
            Assert.Equal(0, upgraded.Exit);
            Assert.Equal(made.Output, upgraded.Output);
        }

        Assert.Contains("\"total\": 7", CliRunner.Run("report", "market", "--db", db, "--format", "json").Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Schema 9 as main shipped it on 2026-12-07 (commit 7af227c, the release before migration 10), made by that release's
    /// CLI from the HN fixture and the first 300 rows of the bundled USAJOBS sample (schema9-usajobs-300.csv):
    /// migration 10 numbers the stored skills and packs each record's skills into one cell, which say the same as
    /// record_skills; the skills report (which now reads the packed cells), with co-skills, trends and filters, is the
    /// same as over a copy whose skills were written again by the ingest's own writer (<see cref="SkillIndex.Write"/>).
    /// The copy keeps the fixture's skills rather than extracting them anew, so a later taxonomy cannot move the
    /// comparison. PostgreSQL's upgrade path through migration 10 is the schema-6 test.
    /// </summary>
    [Fact]
    [Trait("Engine", "sqlite")]
    public void A_schema_9_database_gets_the_packed_skills_of_migration_10_and_reports_as_cells_the_writer_packs_do()
    {
        using var folder = new TempFolder();
        var db = folder.File("schema9.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "store", "schema9-hn-usajobs.db"), db);
        var rewritten = folder.File("rewritten.db");
        File.Copy(db, rewritten);
        RewriteSkills(rewritten);

        using (var store = SkillStore.Open(db))
        {
            Assert.Equal(SkillStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), store.Meta("schema_version"));
            Assert.Equal((285L, 170L, 106L), (store.Scalar("SELECT COUNT(*) FROM records"), store.Scalar("SELECT COUNT(*) FROM record_skills"), store.Scalar("SELECT COUNT(*) FROM record_skill_sets")));
            Assert.Equal(store.Scalar("SELECT COUNT(DISTINCT skill_id) FROM record_skills"), store.Scalar("SELECT COUNT(*) FROM skill_ordinals"));
            Assert.Empty(SkillSetCheck.Disagreements(store));
        }

        foreach (var options in (string[][])[[], ["--include-snippets"], ["--co-skills", "python"], ["--compare", "2025", "2026"], ["--role", "data_scientist", "--include-snippets"], ["--source", "hn"]])
        {
            var upgraded = CliRunner.Run(["report", "skills", "--db", db, "--format", "json", .. options]);
            var written = CliRunner.Run(["report", "skills", "--db", rewritten, "--format", "json", .. options]);
            Assert.True(upgraded.Exit == 0, upgraded.Error);
            if (options is ["--include-snippets"])
            {
                Assert.Contains("\"skill\": \"python\"", upgraded.Output, StringComparison.Ordinal);
            }

            Assert.Equal(written.Output, upgraded.Output);
        }

        // New postings after the upgrade get ordinals after the migrated ones, and both forms still agree.
        Assert.Equal(0, CliRunner.Run("ingest", Repo.BundledUsajobs, "--db", db).Exit);
        using (var store = SkillStore.Open(db))
        {
            Assert.Empty(SkillSetCheck.Disagreements(store));
            Assert.Equal(store.Scalar("SELECT COUNT(DISTINCT record_id) FROM record_skills"), store.Scalar("SELECT COUNT(*) FROM record_skill_sets"));
        }
    }

    /// <summary>
    /// Schema 10 as main shipped it on 2026-12-07 (commit 4f86f33), the schema-9 fixture after that release's `match`
    /// built its full-text index: migration 11 copies each indexed posting's text kind and pay into posting_facets (from
    /// ix_records_filter, the pay range from records), the same values as an index this release builds, and `match`
    /// gives the same JSON as over a copy whose index was rebuilt.
    /// </summary>
    [Fact]
    [Trait("Engine", "sqlite")]
    public void A_schema_10_database_with_an_index_gets_the_match_columns_of_migration_11_and_matches_as_a_rebuilt_index_does()
    {
        using var folder = new TempFolder();
        var db = folder.File("schema10.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "store", "schema10-hn-usajobs-indexed.db"), db);
        var rebuilt = folder.File("rebuilt.db");
        File.Copy(db, rebuilt);
        const string Facets = "SELECT id, text_kind, salary_usd_min, salary_usd_max, salary_usd, salary_is_estimate, salary_flag FROM posting_facets ORDER BY id";
        string Rows(SkillStore store)
        {
            using var command = store.Command(Facets);
            using var reader = command.ExecuteReader();
            var rows = new System.Text.StringBuilder();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    rows.Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                rows.Append('\n');
            }

            return rows.ToString();
        }

        string migrated;
        using (var store = SkillStore.Open(db))
        {
            Assert.Equal(SkillStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), store.Meta("schema_version"));
            Assert.Equal(285, PostingIndex.IndexedCount(store));
            Assert.Equal(0, PostingIndex.Pending(store));
            Assert.Equal(0, store.Scalar("SELECT COUNT(*) FROM posting_facets WHERE text_kind IS NULL"));
            Assert.True(store.Scalar("SELECT COUNT(*) FROM posting_facets WHERE salary_usd_min IS NOT NULL AND salary_usd_max IS NOT NULL") > 200);
            migrated = Rows(store);
        }

        using (var store = SkillStore.Open(rebuilt))
        {
            store.SetMeta("fts_stale", "1");
            Assert.Equal(285, PostingIndex.Update(store));
            Assert.Equal(migrated, Rows(store));
        }

        var resume = Path.Combine(AppContext.BaseDirectory, "Fixtures", "resumes", "strong-ml-engineer.md");
        foreach (var options in (string[][])[[], ["--top", "30"], ["--role", "data_scientist,ml_engineer", "--prefer-arrangement", "remote"]])
        {
            var upgraded = CliRunner.Run(["match", resume, "--db", db, "--format", "json", "--as-of", "2026-11-22", .. options]);
            var fresh = CliRunner.Run(["match", resume, "--db", rebuilt, "--format", "json", "--as-of", "2026-11-22", .. options]);
            Assert.True(upgraded.Exit == 0, upgraded.Error);
            Assert.Contains("\"recordId\"", upgraded.Output, StringComparison.Ordinal);
            Assert.Equal(fresh.Output, upgraded.Output);
        }
    }

    // Opens (so migrates) the store, then writes every record's skills again, both forms, through the ingest's writer:
    // ordinals are handed out anew in the writer's order, so the report must not depend on which ordinal a skill has.
    private static void RewriteSkills(string db)
    {
        using var store = SkillStore.Open(db);
        var skills = new SortedDictionary<long, List<(string SkillId, string Strength)>>();
        using (var command = store.Command("SELECT record_id, skill_id, required FROM record_skills ORDER BY record_id, skill_id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!skills.TryGetValue(id, out var list))
                {
                    skills[id] = list = [];
                }

                list.Add((reader.GetString(1), reader.GetInt64(2) != 0 ? SkillStrengths.Required : SkillStrengths.Preferred));
            }
        }

        using var transaction = store.Begin();
        store.Execute("DELETE FROM record_skills; DELETE FROM record_skill_sets; DELETE FROM skill_ordinals", transaction);
        SkillIndex.Write(store, transaction, [.. skills.Keys], [.. skills.Values]);
        transaction.Commit();
    }

    // A plain pg_dump script run as one batch (psql's backslash lines left out) into an empty database.
    private static void RestoreDump(string url, string dump)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnection.FromUrl(url).ConnectionString) { Pooling = false };
        using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        var script = string.Join('\n', File.ReadAllLines(dump).Where(l => !l.StartsWith('\\')));
        using var command = new Npgsql.NpgsqlCommand(script, connection);
        command.ExecuteNonQuery();
    }

    [Fact]
    [Trait("Engine", "sqlite")]
    public void A_database_from_a_newer_release_is_refused_with_a_one_line_reason()
    {
        using var folder = new TempFolder();
        var db = folder.File("future.db");
        using (var store = SkillStore.Open(db))
        {
            store.SetMeta("schema_version", "999");
        }

        var error = Assert.Throws<StoreError>(() => SkillStore.Open(db));
        Assert.Contains("schema version 999 was made by a newer SkillScope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrations_are_numbered_in_order_from_one_with_sql_for_both_engines()
    {
        Assert.Equal(Enumerable.Range(1, Migrations.All.Count), Migrations.All.Select(m => m.Version));
        Assert.All(Migrations.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Sqlite) || string.IsNullOrWhiteSpace(m.Postgres)));
    }
}
