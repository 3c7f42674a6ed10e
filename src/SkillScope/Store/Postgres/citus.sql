-- SkillScope on Citus: the PostgreSQL store spread over a Citus cluster (docs/architecture.md, "Past one server: Citus").
--
-- Run on the coordinator, in a database SkillScope has opened once (its migrations made the tables; they may hold data,
-- which create_distributed_table moves to the shards):  bash scripts/citus.sh postgresql://user@coordinator:5432/db
-- The script applies this file only when the server offers the citus extension and prints
-- "citus extension not available: skipped" otherwise. `scripts/citus.sh --check URL` runs the plain-PostgreSQL part
-- (constraint changes, new tables, the plan's completeness check) in a transaction it rolls back, on any PostgreSQL.
--
-- psql variables: citus (1 = distribute; 0 = check only, no citus calls), commit (1 = COMMIT, 0 = ROLLBACK).
-- Idempotent: a table already placed is left alone, so an interrupted run can be repeated.
\set ON_ERROR_STOP on
BEGIN;

\if :citus
CREATE EXTENSION IF NOT EXISTS citus;
-- 32 shards: 4-16 per worker on 2-8 workers; the shard rebalancer moves them when workers are added.
SET LOCAL citus.shard_count = 32;
-- One connection per worker for the DDL below: foreign keys to reference tables created in this same transaction
-- require it.
SET LOCAL citus.multi_shard_modify_mode = 'sequential';
\endif

-- 1. The plan: where each table goes. Every table of the schema must be listed (checked below), so a table added by
--    a later migration fails this script until someone decides where it lives.
CREATE TEMP TABLE citus_plan(
    step INTEGER PRIMARY KEY, table_name TEXT NOT NULL UNIQUE,
    placement TEXT NOT NULL CHECK (placement IN ('reference', 'distributed')),
    distribution_column TEXT, colocate_with TEXT) ON COMMIT DROP;
INSERT INTO citus_plan VALUES
    -- Small tables every node reads: one copy on each node.
    (1, 'meta', 'reference', NULL, NULL),
    (2, 'ingests', 'reference', NULL, NULL),           -- one row per ingested file; record_sources and quarantine point at it
    (3, 'saved_resumes', 'reference', NULL, NULL),     -- a handful of rows, read by sha256
    (4, 'posting_fts_df', 'reference', NULL, NULL),    -- term document counts for match, when the schema has them
    (5, 'skill_taxonomy', 'reference', NULL, NULL),    -- proposed below: the taxonomy is a file today
    (6, 'fx_rates', 'reference', NULL, NULL),          -- proposed below: the FX table is a file today
    (7, 'skill_ordinals', 'reference', NULL, NULL),    -- migration 10: skill id <-> the small number a packed skill set holds
    -- Postings and what hangs off them: hash-distributed by posting id, co-located, so a posting, its skills and its
    -- source rows live on one shard and every join between them runs on the shard.
    (10, 'records', 'distributed', 'id', 'none'),
    (11, 'record_skills', 'distributed', 'record_id', 'records'),
    (12, 'record_sources', 'distributed', 'record_id', 'records'),
    -- Near-duplicate fingerprints (migration 3) belong to their posting; the ingest's lookup by block (company + title)
    -- reads every shard, which is why the writer keeps each ingest's blocks in memory after the first read.
    (13, 'posting_signatures', 'distributed', 'record_id', 'records'),
    -- A posting's skills packed into one cell (migration 10): on the posting's shard, so the skill reports' join to
    -- records and their counting run on every shard at once.
    (14, 'record_skill_sets', 'distributed', 'record_id', 'records'),
    -- Lookups by a text key (the ingest's duplicate and re-ingest checks): distributed by that key, so each unique
    -- constraint holds on one shard and each lookup is a single-shard read.
    (20, 'record_keys', 'distributed', 'dedupe_key', 'none'),
    (21, 'source_identities', 'distributed', 'identity', 'record_keys'),
    (22, 'quarantine', 'distributed', 'identity', 'record_keys');

-- 2. Proposed reference data tables. SkillScope reads the taxonomy (data/taxonomy/skills.json) and the FX rates
--    (data/fx-rates.csv) from files; these are their shapes once a migration loads them into the store, so workers
--    can join skills to categories and convert currencies locally.
CREATE TABLE IF NOT EXISTS skill_taxonomy(
    skill_id TEXT COLLATE "C" PRIMARY KEY, name TEXT NOT NULL, category TEXT COLLATE "C" NOT NULL,
    type TEXT COLLATE "C" NOT NULL, parent TEXT COLLATE "C", taxonomy_version TEXT COLLATE "C" NOT NULL);
CREATE TABLE IF NOT EXISTS fx_rates(
    currency TEXT COLLATE "C" NOT NULL, year INTEGER NOT NULL, usd_per_unit DOUBLE PRECISION NOT NULL, n BIGINT,
    PRIMARY KEY (currency, year));

-- 3. Constraints Citus cannot keep. A unique or primary key of a distributed table must contain its distribution
--    column (each shard checks only its own rows), and a foreign key between distributed tables must join on it.
--    Foreign keys are dropped while the tables move and made again in step 6.
ALTER TABLE record_skills DROP CONSTRAINT IF EXISTS record_skills_record_id_fkey;
ALTER TABLE record_skill_sets DROP CONSTRAINT IF EXISTS record_skill_sets_record_id_fkey;
ALTER TABLE posting_signatures DROP CONSTRAINT IF EXISTS posting_signatures_record_id_fkey;
ALTER TABLE record_sources DROP CONSTRAINT IF EXISTS record_sources_record_id_fkey;
ALTER TABLE record_sources DROP CONSTRAINT IF EXISTS record_sources_ingest_id_fkey;
ALTER TABLE quarantine DROP CONSTRAINT IF EXISTS quarantine_ingest_id_fkey;

-- records.dedupe_key UNIQUE: records is distributed by id, so two shards could each accept the same key. The key
-- moves to record_keys, distributed by the key, where the primary key is enforced on the one shard that owns it; the
-- writer claims a key there (INSERT ... ON CONFLICT DO NOTHING) before it stores the record. records keeps a plain
-- index on the column for reads.
ALTER TABLE records DROP CONSTRAINT IF EXISTS records_dedupe_key_key;
CREATE INDEX IF NOT EXISTS ix_records_dedupe_key ON records(dedupe_key);
CREATE TABLE IF NOT EXISTS record_keys(dedupe_key TEXT COLLATE "C" PRIMARY KEY, record_id BIGINT NOT NULL);
INSERT INTO record_keys(dedupe_key, record_id) SELECT dedupe_key, id FROM records ON CONFLICT (dedupe_key) DO NOTHING;

-- record_sources.identity PRIMARY KEY: record_sources goes with its record (distributed by record_id), so its key
-- becomes (record_id, identity), and the identity's uniqueness (what makes re-ingest idempotent) moves to
-- source_identities, distributed by identity.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'record_sources_pkey' AND conrelid = 'record_sources'::regclass
               AND array_length(conkey, 1) = 1) THEN
        ALTER TABLE record_sources DROP CONSTRAINT record_sources_pkey;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'record_sources'::regclass AND contype = 'p') THEN
        ALTER TABLE record_sources ADD CONSTRAINT record_sources_pkey PRIMARY KEY (record_id, identity);
    END IF;
END $$;
CREATE INDEX IF NOT EXISTS ix_record_sources_identity ON record_sources(identity);
CREATE TABLE IF NOT EXISTS source_identities(identity TEXT COLLATE "C" PRIMARY KEY, record_id BIGINT NOT NULL);
INSERT INTO source_identities(identity, record_id) SELECT identity, record_id FROM record_sources ON CONFLICT (identity) DO NOTHING;

-- quarantine.identity PRIMARY KEY stays: quarantine is distributed by identity. The identity (bigint, GENERATED BY
-- DEFAULT AS IDENTITY) keys of records, ingests and saved_resumes stay too: Citus distributes bigint identity
-- columns (not int or smallint) and hands out values from the coordinator; records.id is the distribution column.

-- 4. Completeness: every table of the schema has a place in the plan, and every stored key and identity has its
--    lookup row.
DO $$
DECLARE unplaced TEXT;
BEGIN
    IF (SELECT COUNT(*) FROM record_keys) <> (SELECT COUNT(*) FROM records)
       OR (SELECT COUNT(*) FROM source_identities) <> (SELECT COUNT(*) FROM record_sources) THEN
        RAISE EXCEPTION 'record_keys or source_identities does not match records / record_sources';
    END IF;
    SELECT string_agg(c.relname, ', ' ORDER BY c.relname) INTO unplaced
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
      AND c.relname NOT IN (SELECT table_name FROM citus_plan);
    IF unplaced IS NOT NULL THEN
        RAISE EXCEPTION 'tables with no place in the Citus plan (src/SkillScope/Store/Postgres/citus.sql): %', unplaced;
    END IF;
END $$;

\if :citus
-- 5. Place the tables, in plan order (reference tables first: the distributed ones point at them).
DO $$
DECLARE t RECORD;
BEGIN
    FOR t IN SELECT p.* FROM citus_plan p
             WHERE to_regclass(p.table_name) IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM pg_dist_partition d WHERE d.logicalrelid = to_regclass(p.table_name))
             ORDER BY p.step
    LOOP
        IF t.placement = 'reference' THEN
            PERFORM create_reference_table(t.table_name);
        ELSE
            PERFORM create_distributed_table(t.table_name, t.distribution_column, colocate_with => t.colocate_with);
        END IF;
        RAISE NOTICE 'citus: % is a % table%', t.table_name, t.placement,
            CASE WHEN t.distribution_column IS NULL THEN '' ELSE ' by ' || t.distribution_column END;
    END LOOP;
END $$;
\endif

-- 6. The foreign keys again: between co-located tables on the distribution column, and to reference tables.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'record_skills_record_id_fkey') THEN
        ALTER TABLE record_skills ADD CONSTRAINT record_skills_record_id_fkey FOREIGN KEY (record_id) REFERENCES records(id);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'record_skill_sets_record_id_fkey') THEN
        ALTER TABLE record_skill_sets ADD CONSTRAINT record_skill_sets_record_id_fkey FOREIGN KEY (record_id) REFERENCES records(id);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'posting_signatures_record_id_fkey') THEN
        ALTER TABLE posting_signatures ADD CONSTRAINT posting_signatures_record_id_fkey FOREIGN KEY (record_id) REFERENCES records(id);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'record_sources_record_id_fkey') THEN
        ALTER TABLE record_sources ADD CONSTRAINT record_sources_record_id_fkey FOREIGN KEY (record_id) REFERENCES records(id);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'record_sources_ingest_id_fkey') THEN
        ALTER TABLE record_sources ADD CONSTRAINT record_sources_ingest_id_fkey FOREIGN KEY (ingest_id) REFERENCES ingests(id);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'quarantine_ingest_id_fkey') THEN
        ALTER TABLE quarantine ADD CONSTRAINT quarantine_ingest_id_fkey FOREIGN KEY (ingest_id) REFERENCES ingests(id);
    END IF;
END $$;

-- 7. What the run did, for the log: each table's placement (and, on Citus, its shard count).
\if :citus
SELECT table_name, citus_table_type, distribution_column, colocation_id, shard_count FROM citus_tables ORDER BY table_name;
\else
SELECT p.table_name, p.placement, p.distribution_column, to_regclass(p.table_name) IS NOT NULL AS present
FROM citus_plan p ORDER BY p.step;
\endif

\if :commit
COMMIT;
\else
ROLLBACK;
\endif
