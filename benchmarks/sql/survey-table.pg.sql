-- The floor for `skillscope ingest` on PostgreSQL: the survey file's own columns, loaded as they are by psql \copy.
-- scripts/bench.sh creates this table in a new database before each timed \copy.
CREATE TABLE survey(
    work_year INTEGER, experience_level TEXT, employment_type TEXT, job_title TEXT,
    salary BIGINT, salary_currency TEXT, salary_in_usd BIGINT, employee_residence TEXT,
    remote_ratio INTEGER, company_location TEXT, company_size TEXT);
