using System.Globalization;

namespace SkillScope.Store;

/// <summary>One schema change: its number, what it does, and its SQL for each engine.</summary>
internal sealed record Migration(int Version, string Description, string Sqlite, string Postgres);

/// <summary>
/// The schema, in one place, as ordered migrations. Opening a store applies those above its <c>schema_version</c>, each
/// in its own transaction (so an interruption leaves a whole version), and a store made by a newer SkillScope is refused
/// rather than misread. Never edit a migration that has shipped: add the next one (docs/architecture.md, "Schema").
/// </summary>
internal static class Migrations
{
    // PostgreSQL compares and sorts text by its locale unless told otherwise; "C" gives SQLite's byte order, so both
    // engines sort, group and compare dates held as text identically.
    private const string Text = "TEXT COLLATE \"C\"";

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "the first release's tables: ingests, records, record_sources, quarantine, record_skills, saved_resumes, posting index", """
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);

            CREATE TABLE IF NOT EXISTS ingests(
                id INTEGER PRIMARY KEY,
                file_path TEXT NOT NULL, file_sha256 TEXT NOT NULL, bytes INTEGER NOT NULL,
                format TEXT NOT NULL, source TEXT NOT NULL, encoding TEXT NOT NULL,
                started_at TEXT NOT NULL, finished_at TEXT,
                status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted')),
                rows_read INTEGER NOT NULL DEFAULT 0, stored INTEGER NOT NULL DEFAULT 0, merged INTEGER NOT NULL DEFAULT 0,
                skipped INTEGER NOT NULL DEFAULT 0, rejected INTEGER NOT NULL DEFAULT 0, flagged INTEGER NOT NULL DEFAULT 0);

            CREATE TABLE IF NOT EXISTS records(
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('posting', 'salary_report')),
                dedupe_key TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL, company TEXT, location_text TEXT, description TEXT,
                period_start TEXT, period_end TEXT,
                role TEXT NOT NULL, seniority TEXT NOT NULL, years_required_min INTEGER,
                employment_type TEXT NOT NULL, work_arrangement TEXT NOT NULL,
                country TEXT, state TEXT, metro TEXT, city TEXT, company_size TEXT,
                salary_min REAL, salary_max REAL, salary_currency TEXT, salary_period TEXT,
                salary_usd_min REAL, salary_usd_max REAL, salary_usd REAL,
                salary_is_estimate INTEGER NOT NULL DEFAULT 0, salary_flag TEXT);
            CREATE INDEX IF NOT EXISTS ix_records_kind_role ON records(kind, role, seniority);

            CREATE TABLE IF NOT EXISTS record_sources(
                identity TEXT PRIMARY KEY,
                record_id INTEGER NOT NULL REFERENCES records(id),
                source TEXT NOT NULL, source_id TEXT,
                file_sha256 TEXT NOT NULL, position INTEGER NOT NULL,
                ingest_id INTEGER NOT NULL REFERENCES ingests(id)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS ix_record_sources_record ON record_sources(record_id, source);

            CREATE TABLE IF NOT EXISTS quarantine(
                identity TEXT PRIMARY KEY,
                ingest_id INTEGER NOT NULL REFERENCES ingests(id),
                source TEXT NOT NULL, file_path TEXT NOT NULL, file_sha256 TEXT NOT NULL,
                position INTEGER NOT NULL, line INTEGER NOT NULL,
                reason TEXT NOT NULL, raw TEXT NOT NULL) WITHOUT ROWID;

            CREATE TABLE IF NOT EXISTS record_skills(
                record_id INTEGER NOT NULL REFERENCES records(id),
                skill_id TEXT NOT NULL,
                required INTEGER NOT NULL CHECK (required IN (0, 1)),
                PRIMARY KEY (record_id, skill_id)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS ix_record_skills_skill ON record_skills(skill_id, record_id);

            CREATE VIRTUAL TABLE IF NOT EXISTS posting_fts USING fts5(title, description, content='records', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE IF NOT EXISTS posting_fts_vocab USING fts5vocab(posting_fts, 'row');
            CREATE TABLE IF NOT EXISTS posting_fts_df(term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS posting_facets(
                id INTEGER PRIMARY KEY, kind TEXT NOT NULL, role TEXT NOT NULL, seniority TEXT NOT NULL, years_required_min INTEGER,
                employment_type TEXT NOT NULL, work_arrangement TEXT NOT NULL, country TEXT, state TEXT, metro TEXT, city TEXT,
                period_start TEXT, period_end TEXT);
            CREATE TRIGGER IF NOT EXISTS records_fts_stale_on_delete AFTER DELETE ON records WHEN old.kind = 'posting'
            BEGIN INSERT OR REPLACE INTO meta(key, value) VALUES ('posting_fts_stale', '1'); END;
            CREATE TRIGGER IF NOT EXISTS records_fts_stale_on_update AFTER UPDATE ON records
            BEGIN INSERT OR REPLACE INTO meta(key, value) VALUES ('posting_fts_stale', '1'); END;

            CREATE TABLE IF NOT EXISTS saved_resumes(
                id INTEGER PRIMARY KEY,
                sha256 TEXT NOT NULL UNIQUE, file_name TEXT NOT NULL, format TEXT NOT NULL, saved_at TEXT NOT NULL,
                text TEXT NOT NULL, profile_json TEXT NOT NULL);
            """,
            $"""
            CREATE TABLE IF NOT EXISTS meta(key {Text} PRIMARY KEY, value {Text} NOT NULL);

            CREATE TABLE IF NOT EXISTS ingests(
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                file_path {Text} NOT NULL, file_sha256 {Text} NOT NULL, bytes BIGINT NOT NULL,
                format {Text} NOT NULL, source {Text} NOT NULL, encoding {Text} NOT NULL,
                started_at {Text} NOT NULL, finished_at {Text},
                status {Text} NOT NULL CHECK (status IN ('running', 'completed', 'interrupted')),
                rows_read BIGINT NOT NULL DEFAULT 0, stored BIGINT NOT NULL DEFAULT 0, merged BIGINT NOT NULL DEFAULT 0,
                skipped BIGINT NOT NULL DEFAULT 0, rejected BIGINT NOT NULL DEFAULT 0, flagged BIGINT NOT NULL DEFAULT 0);

            CREATE TABLE IF NOT EXISTS records(
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                kind {Text} NOT NULL CHECK (kind IN ('posting', 'salary_report')),
                dedupe_key {Text} NOT NULL UNIQUE,
                title {Text} NOT NULL, company {Text}, location_text {Text}, description {Text},
                period_start {Text}, period_end {Text},
                role {Text} NOT NULL, seniority {Text} NOT NULL, years_required_min INTEGER,
                employment_type {Text} NOT NULL, work_arrangement {Text} NOT NULL,
                country {Text}, state {Text}, metro {Text}, city {Text}, company_size {Text},
                salary_min DOUBLE PRECISION, salary_max DOUBLE PRECISION, salary_currency {Text}, salary_period {Text},
                salary_usd_min DOUBLE PRECISION, salary_usd_max DOUBLE PRECISION, salary_usd DOUBLE PRECISION,
                salary_is_estimate INTEGER NOT NULL DEFAULT 0, salary_flag {Text});
            CREATE INDEX IF NOT EXISTS ix_records_kind_role ON records(kind, role, seniority);

            CREATE TABLE IF NOT EXISTS record_sources(
                identity {Text} PRIMARY KEY,
                record_id BIGINT NOT NULL REFERENCES records(id),
                source {Text} NOT NULL, source_id {Text},
                file_sha256 {Text} NOT NULL, position BIGINT NOT NULL,
                ingest_id BIGINT NOT NULL REFERENCES ingests(id));
            CREATE INDEX IF NOT EXISTS ix_record_sources_record ON record_sources(record_id, source);

            CREATE TABLE IF NOT EXISTS quarantine(
                identity {Text} PRIMARY KEY,
                ingest_id BIGINT NOT NULL REFERENCES ingests(id),
                source {Text} NOT NULL, file_path {Text} NOT NULL, file_sha256 {Text} NOT NULL,
                position BIGINT NOT NULL, line BIGINT NOT NULL,
                reason {Text} NOT NULL, raw {Text} NOT NULL);

            CREATE TABLE IF NOT EXISTS record_skills(
                record_id BIGINT NOT NULL REFERENCES records(id),
                skill_id {Text} NOT NULL,
                required INTEGER NOT NULL CHECK (required IN (0, 1)),
                PRIMARY KEY (record_id, skill_id));
            CREATE INDEX IF NOT EXISTS ix_record_skills_skill ON record_skills(skill_id, record_id);

            CREATE TABLE IF NOT EXISTS posting_fts_df(term {Text} PRIMARY KEY, doc BIGINT NOT NULL);

            CREATE TABLE IF NOT EXISTS saved_resumes(
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                sha256 {Text} NOT NULL UNIQUE, file_name {Text} NOT NULL, format {Text} NOT NULL, saved_at {Text} NOT NULL,
                text {Text} NOT NULL, profile_json {Text} NOT NULL);
            """),

        new(2, "one full-text index over records for search and matching (records_fts), replacing posting_fts", """
            DROP TABLE IF EXISTS posting_fts_vocab;
            DROP TABLE IF EXISTS posting_fts;
            DROP TABLE IF EXISTS records_fts;
            DROP TRIGGER IF EXISTS records_fts_stale_on_delete;
            DROP TRIGGER IF EXISTS records_fts_stale_on_update;
            CREATE VIRTUAL TABLE records_fts USING fts5(title, company, location_text, description,
                content='records', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
            DELETE FROM posting_fts_df;
            DELETE FROM posting_facets;
            DELETE FROM meta WHERE key IN ('posting_fts_mark', 'posting_fts_stale', 'search_indexed_id');
            CREATE TRIGGER records_fts_stale_on_delete AFTER DELETE ON records
            BEGIN INSERT OR REPLACE INTO meta(key, value) VALUES ('fts_stale', '1'); END;
            CREATE TRIGGER records_fts_stale_on_update AFTER UPDATE OF title, company, location_text, description, kind ON records
            BEGIN INSERT OR REPLACE INTO meta(key, value) VALUES ('fts_stale', '1'); END;
            """,
            """
            ALTER TABLE records ADD COLUMN IF NOT EXISTS fts tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
                || setweight(to_tsvector('simple'::regconfig, coalesce(company, '')), 'B')
                || setweight(to_tsvector('simple'::regconfig, coalesce(location_text, '')), 'C')
                || setweight(to_tsvector('simple'::regconfig, left(coalesce(description, ''), 200000)), 'D')) STORED;
            CREATE INDEX IF NOT EXISTS ix_records_fts ON records USING gin (fts);
            """),

        new(3, "posting identity: near-duplicate signatures, text completeness, first source, and each appearance's place and date", """
            ALTER TABLE records ADD COLUMN source TEXT;
            ALTER TABLE records ADD COLUMN text_kind TEXT;
            UPDATE records SET source = (SELECT s.source FROM record_sources s WHERE s.record_id = records.id ORDER BY s.ingest_id, s.position LIMIT 1);
            UPDATE records SET text_kind = CASE WHEN kind <> 'posting' OR description IS NULL OR trim(description) = '' THEN 'none'
                WHEN source = 'adzuna' THEN 'snippet' WHEN source = 'usajobs' THEN 'summary'
                WHEN length(description) <= 1500 AND (rtrim(description) LIKE '%…' OR rtrim(description) LIKE '%...') THEN 'snippet'
                WHEN length(trim(description)) - length(replace(trim(description), ' ', '')) < 49 THEN 'summary'
                ELSE 'full' END;
            CREATE INDEX IF NOT EXISTS ix_records_source ON records(kind, source);

            ALTER TABLE record_sources ADD COLUMN location_text TEXT;
            ALTER TABLE record_sources ADD COLUMN country TEXT;
            ALTER TABLE record_sources ADD COLUMN state TEXT;
            ALTER TABLE record_sources ADD COLUMN metro TEXT;
            ALTER TABLE record_sources ADD COLUMN city TEXT;
            ALTER TABLE record_sources ADD COLUMN posted TEXT;
            UPDATE record_sources SET location_text = r.location_text, country = r.country, state = r.state, metro = r.metro, city = r.city, posted = r.period_start
            FROM records r WHERE r.id = record_sources.record_id;

            CREATE TABLE IF NOT EXISTS posting_signatures(
                record_id INTEGER PRIMARY KEY REFERENCES records(id),
                block TEXT NOT NULL, shingles INTEGER NOT NULL, prefix INTEGER, posted TEXT, minhash BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_posting_signatures_block ON posting_signatures(block);
            """,
            $"""
            ALTER TABLE records ADD COLUMN IF NOT EXISTS source {Text};
            ALTER TABLE records ADD COLUMN IF NOT EXISTS text_kind {Text};
            UPDATE records SET source = (SELECT s.source FROM record_sources s WHERE s.record_id = records.id ORDER BY s.ingest_id, s.position LIMIT 1);
            UPDATE records SET text_kind = CASE WHEN kind <> 'posting' OR description IS NULL OR trim(description) = '' THEN 'none'
                WHEN source = 'adzuna' THEN 'snippet' WHEN source = 'usajobs' THEN 'summary'
                WHEN length(description) <= 1500 AND (rtrim(description) LIKE '%…' OR rtrim(description) LIKE '%...') THEN 'snippet'
                WHEN length(trim(description)) - length(replace(trim(description), ' ', '')) < 49 THEN 'summary'
                ELSE 'full' END;
            CREATE INDEX IF NOT EXISTS ix_records_source ON records(kind, source);

            ALTER TABLE record_sources ADD COLUMN IF NOT EXISTS location_text {Text};
            ALTER TABLE record_sources ADD COLUMN IF NOT EXISTS country {Text};
            ALTER TABLE record_sources ADD COLUMN IF NOT EXISTS state {Text};
            ALTER TABLE record_sources ADD COLUMN IF NOT EXISTS metro {Text};
            ALTER TABLE record_sources ADD COLUMN IF NOT EXISTS city {Text};
            ALTER TABLE record_sources ADD COLUMN IF NOT EXISTS posted {Text};
            UPDATE record_sources SET location_text = r.location_text, country = r.country, state = r.state, metro = r.metro, city = r.city, posted = r.period_start
            FROM records r WHERE r.id = record_sources.record_id;

            CREATE TABLE IF NOT EXISTS posting_signatures(
                record_id BIGINT PRIMARY KEY REFERENCES records(id),
                block {Text} NOT NULL, shingles INTEGER NOT NULL, prefix BIGINT, posted {Text}, minhash BYTEA NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_posting_signatures_block ON posting_signatures(block);
            """),

        new(4, "nothing a source states is lost: records.stated_skills (the skills a source lists, as stated, JSON array) and record_sources.extra (the row's columns no field was read from, JSON object)", """
            ALTER TABLE records ADD COLUMN stated_skills TEXT;
            ALTER TABLE record_sources ADD COLUMN extra TEXT;
            """,
            $"""
            ALTER TABLE records ADD COLUMN IF NOT EXISTS stated_skills {Text};
            ALTER TABLE record_sources ADD COLUMN IF NOT EXISTS extra {Text};
            """),

        new(5, "ingest runs say who runs them and why they stopped: ingests.owner (host, pid, start) and ingests.note (the reason a run is interrupted)", """
            ALTER TABLE ingests ADD COLUMN owner TEXT;
            ALTER TABLE ingests ADD COLUMN note TEXT;
            """,
            $"""
            ALTER TABLE ingests ADD COLUMN IF NOT EXISTS owner {Text};
            ALTER TABLE ingests ADD COLUMN IF NOT EXISTS note {Text};
            """),

        // PostgreSQL's parser keeps "PyTorch/TensorFlow" or "ci/cd" as one file-path token, "a.io" as a host, "3.8" as a
        // version: a search for pytorch missed postings SQLite's FTS5 finds, so `match` differed by engine. Words are now
        // cut at every character that is not a letter or digit before parsing, as FTS5's unicode61 tokenizer and
        // PostingIndex.Tokens cut them.
        new(6, "full-text words split alike on both engines: PostgreSQL's records.fts cuts at every non-alphanumeric character, as SQLite's FTS5 does (SQLite unchanged)",
            "SELECT 1;",
            $"""
            DROP INDEX IF EXISTS ix_records_fts;
            ALTER TABLE records DROP COLUMN IF EXISTS fts;
            ALTER TABLE records ADD COLUMN fts tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple'::regconfig, {Words("title")}), 'A')
                || setweight(to_tsvector('simple'::regconfig, {Words("company")}), 'B')
                || setweight(to_tsvector('simple'::regconfig, {Words("location_text")}), 'C')
                || setweight(to_tsvector('simple'::regconfig, {Words("left(description, 200000)")}), 'D')) STORED;
            CREATE INDEX ix_records_fts ON records USING gin (fts);
            """),

        // The ingest summary accounts for every row read (Read = Stored + Merged + Skipped + Rejected + Updated + Ignored);
        // the stored history now does too. NULL in runs made before this version: they were not recorded then.
        new(7, "ingest runs keep every count of their summary: ingests.updated (records their source edited, updated in place), ingests.ignored (rows that are not records, e.g. replies in a hiring thread) and ingests.ignored_reasons (JSON object: reason -> rows)", """
            ALTER TABLE ingests ADD COLUMN updated INTEGER;
            ALTER TABLE ingests ADD COLUMN ignored INTEGER;
            ALTER TABLE ingests ADD COLUMN ignored_reasons TEXT;
            """,
            $"""
            ALTER TABLE ingests ADD COLUMN IF NOT EXISTS updated BIGINT;
            ALTER TABLE ingests ADD COLUMN IF NOT EXISTS ignored BIGINT;
            ALTER TABLE ingests ADD COLUMN IF NOT EXISTS ignored_reasons {Text};
            """),

        // SQLite keeps a row's columns in order and a long description spills into overflow pages, so reading any column
        // after it (every filter column but kind) walks that chain: at a million postings the skills report's joins and
        // the salary scans read gigabytes. This index holds every column RecordFilter tests and those the salary scan
        // reads, so those queries read it instead of the table. PostgreSQL moves long text out of the row (TOAST): its
        // rows stay short and it needs no such index.
        new(8, "reports filter records without reading their text: SQLite index ix_records_filter on every column a report filter tests (kind, text kind, role, seniority, country, arrangement, employment type, period) and the salary scan reads (metro, annual USD, flag, estimate); PostgreSQL unchanged", """
            CREATE INDEX IF NOT EXISTS ix_records_filter ON records(kind, text_kind, role, seniority, country, work_arrangement, employment_type,
                period_start, period_end, metro, salary_usd, salary_flag, salary_is_estimate);
            """,
            "SELECT 1;"),

        // The market report read every record with its text (company, the one column it reads that migration 8's index
        // lacks, sits behind the description) and joined every appearance to its record twice, for the metros and the
        // appearance count: 17 s of CPU at a million postings. ix_records_filter is made again with company last, so it
        // holds every column the report reads, and ix_record_sources_metro gives each appearance's record and metro in
        // record order, so the report reads two indexes once each (MarketCounts.Read). PostgreSQL moves long text out of
        // the row (TOAST) and sorts the appearances itself: unchanged.
        new(9, "the market report reads no record's text: SQLite index ix_records_filter made again with company last (every column the market report reads), and ix_record_sources_metro on record_sources(record_id, metro); PostgreSQL unchanged", """
            DROP INDEX IF EXISTS ix_records_filter;
            CREATE INDEX ix_records_filter ON records(kind, text_kind, role, seniority, country, work_arrangement, employment_type,
                period_start, period_end, metro, salary_usd, salary_flag, salary_is_estimate, company);
            CREATE INDEX IF NOT EXISTS ix_record_sources_metro ON record_sources(record_id, metro);
            """,
            "SELECT 1;"),

        // The skills report read record_skills, a row per skill a posting names: seventeen million rows at a million
        // postings, 6 to 8 s on either engine. Each record's skills are packed into one cell (two bytes a skill: its
        // ordinal in skill_ordinals and the required bit; SkillSets), so the reports read one row per posting.
        // record_skills stays (matching, search, premiums and provenance look skills up by id); both are written together.
        new(10, "the skill reports read one row per posting: skill_ordinals (a small number per skill id, never reused) and record_skill_sets (a record's skills packed into one cell, two bytes each: ordinal * 2 + required), filled from record_skills", """
            CREATE TABLE IF NOT EXISTS skill_ordinals(ordinal INTEGER PRIMARY KEY, skill_id TEXT NOT NULL UNIQUE);
            INSERT INTO skill_ordinals(skill_id) SELECT DISTINCT skill_id FROM record_skills ORDER BY skill_id;
            CREATE TABLE IF NOT EXISTS record_skill_sets(record_id INTEGER PRIMARY KEY REFERENCES records(id), skills BLOB NOT NULL);
            INSERT INTO record_skill_sets(record_id, skills)
            SELECT k.record_id, unhex(group_concat(printf('%04X', (o.ordinal * 2) + k.required), '' ORDER BY o.ordinal))
            FROM record_skills k JOIN skill_ordinals o ON o.skill_id = k.skill_id GROUP BY k.record_id;
            """,
            $"""
            CREATE TABLE IF NOT EXISTS skill_ordinals(
                ordinal INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, skill_id {Text} NOT NULL UNIQUE);
            INSERT INTO skill_ordinals(skill_id) SELECT DISTINCT skill_id FROM record_skills ORDER BY skill_id;
            CREATE TABLE IF NOT EXISTS record_skill_sets(record_id BIGINT PRIMARY KEY REFERENCES records(id), skills BYTEA NOT NULL);
            INSERT INTO record_skill_sets(record_id, skills)
            SELECT k.record_id, decode(string_agg(lpad(to_hex((o.ordinal * 2) + k.required), 4, '0'), '' ORDER BY o.ordinal), 'hex')
            FROM record_skills k JOIN skill_ordinals o ON o.skill_id = k.skill_id GROUP BY k.record_id;
            """),

        // `match` loads its candidates' text kind and pay, which sit after the description in records' overflow pages:
        // walking those chains was most of loading ~700 candidates at a million postings. The full-text index's facet
        // table (SQLite only; PostgreSQL moves long text out of the row) now holds them too. Filled from
        // ix_records_filter, which has every column but the pay range, and the pay range only for postings that state pay.
        new(11, "matching reads no record's text: SQLite posting_facets gets text_kind and the annual USD pay columns (min, max, annual, estimate, flag), filled from ix_records_filter and, for postings with pay, records; PostgreSQL unchanged", """
            ALTER TABLE posting_facets ADD COLUMN text_kind TEXT;
            ALTER TABLE posting_facets ADD COLUMN salary_usd_min REAL;
            ALTER TABLE posting_facets ADD COLUMN salary_usd_max REAL;
            ALTER TABLE posting_facets ADD COLUMN salary_usd REAL;
            ALTER TABLE posting_facets ADD COLUMN salary_is_estimate INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE posting_facets ADD COLUMN salary_flag TEXT;
            UPDATE posting_facets SET text_kind = r.text_kind, salary_usd = r.salary_usd, salary_is_estimate = r.salary_is_estimate, salary_flag = r.salary_flag
            FROM (SELECT id, text_kind, salary_usd, salary_is_estimate, salary_flag FROM records INDEXED BY ix_records_filter WHERE kind = 'posting') r
            WHERE r.id = posting_facets.id;
            UPDATE posting_facets SET (salary_usd_min, salary_usd_max) = (SELECT r.salary_usd_min, r.salary_usd_max FROM records r WHERE r.id = posting_facets.id)
            WHERE salary_usd IS NOT NULL;
            """,
            "SELECT 1;"),
    ];

    public static int Latest => All[^1].Version;

    /// <summary>The text of a column with every run of characters that are not letters or digits made one space.</summary>
    private static string Words(string column) => $"regexp_replace(coalesce({column}, ''), '[^[:alnum:]]+', ' ', 'g')";

    /// <summary>Brings the store's schema to <see cref="Latest"/>; refuses a store made by a newer SkillScope.</summary>
    public static void Apply(SkillStore store)
    {
        var current = CurrentVersion(store, null);
        if (current == Latest)
        {
            return;
        }

        foreach (var migration in All)
        {
            using var transaction = store.Begin();
            if (store.IsPostgres)
            {
                // Two processes opening a new database at once: the second waits here, then sees the version moved.
                store.Execute("SELECT pg_advisory_xact_lock(7352841)", transaction);
            }

            current = CurrentVersion(store, transaction);
            if (current > Latest)
            {
                throw new StoreError($"{store.Path}: database schema version {current} was made by a newer SkillScope (this one reads up to {Latest}); upgrade SkillScope or choose another --db");
            }

            if (migration.Version <= current)
            {
                continue;
            }

            store.Execute(store.IsPostgres ? migration.Postgres : migration.Sqlite, transaction);
            store.SetMeta("schema_version", migration.Version.ToString(CultureInfo.InvariantCulture), transaction);
            transaction.Commit();
        }
    }

    /// <summary>The version a store is at: 0 for a new, empty one.</summary>
    public static int CurrentVersion(SkillStore store, System.Data.Common.DbTransaction? transaction)
    {
        var hasMeta = store.Scalar(store.IsPostgres
            ? "SELECT COUNT(*) FROM pg_catalog.pg_class c WHERE c.oid = to_regclass('meta') AND c.relnamespace = current_schema()::regnamespace"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'", transaction) > 0;
        if (!hasMeta)
        {
            return 0;
        }

        var value = store.Meta("schema_version", transaction);
        return value is null ? 0
            : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
            : throw new StoreError($"{store.Path}: schema_version '{value}' is not a number; is it a SkillScope database?");
    }
}
