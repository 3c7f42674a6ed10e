-- The floor for `skillscope report market` (no filter): the same figures as plain GROUP BY queries in the sqlite3
-- shell over a SkillScope database. scripts/bench.sh times `sqlite3 DB < this file` beside the report.
-- Counts by kind, seniority, role, employment type and work arrangement; top 10 companies, countries and metros;
-- period; salary summary (n, mean, P25, median, P75 by linear interpolation, flagged salaries left out); source rows.
.mode list
SELECT kind, COUNT(*) FROM records GROUP BY kind ORDER BY 2 DESC, 1;
SELECT seniority, COUNT(*) FROM records GROUP BY seniority ORDER BY 2 DESC, 1;
SELECT role, COUNT(*) FROM records GROUP BY role ORDER BY 2 DESC, 1;
SELECT employment_type, COUNT(*) FROM records GROUP BY employment_type ORDER BY 2 DESC, 1;
SELECT work_arrangement, COUNT(*) FROM records GROUP BY work_arrangement ORDER BY 2 DESC, 1;
SELECT company, COUNT(*) FROM records WHERE company IS NOT NULL GROUP BY company ORDER BY 2 DESC, 1 LIMIT 10;
SELECT country, COUNT(*) FROM records WHERE country IS NOT NULL GROUP BY country ORDER BY 2 DESC, 1 LIMIT 10;
SELECT metro, COUNT(*) FROM records WHERE metro IS NOT NULL GROUP BY metro ORDER BY 2 DESC, 1 LIMIT 10;
SELECT COUNT(*), MIN(period_start), MAX(period_end), SUM(salary_flag IS NOT NULL) FROM records;
WITH s AS (
    SELECT salary_usd AS v, ROW_NUMBER() OVER (ORDER BY salary_usd) - 1 AS i, COUNT(*) OVER () AS n
    FROM records WHERE salary_usd IS NOT NULL AND salary_flag IS NULL),
q AS (SELECT column1 AS p FROM (VALUES (0.25), (0.5), (0.75))),
pos AS (SELECT p, p * (n - 1) AS at, CAST(p * (n - 1) AS INTEGER) AS lo FROM q, (SELECT MAX(n) AS n FROM s))
SELECT pos.p, lo_row.v + (pos.at - pos.lo) * (COALESCE(hi_row.v, lo_row.v) - lo_row.v)
FROM pos JOIN s AS lo_row ON lo_row.i = pos.lo LEFT JOIN s AS hi_row ON hi_row.i = pos.lo + 1;
SELECT COUNT(*), AVG(salary_usd) FROM records WHERE salary_usd IS NOT NULL AND salary_flag IS NULL;
SELECT COUNT(*) FROM record_sources s JOIN records r ON r.id = s.record_id;
