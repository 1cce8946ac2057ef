-- Benchmark: parse_report(body) against md5(body) over the same rows, serial plans.
-- Variables: :n (number of reports, default 10000).
\set ON_ERROR_STOP 1
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS govreport;
DROP TABLE IF EXISTS bench_reports;
CREATE TEMP TABLE bench_fixtures (layout text, body text);
\set f1 `cat test/fixtures/seeds/000_606ce09761f7e4c9.txt`
\set f2 `cat test/fixtures/seeds/001_472b2b4150455121.txt`
\set f3 `cat test/fixtures/seeds/002_3a671b754c665514.txt`
\set f4 `cat test/fixtures/seeds/003_dde6e9dcd5a2f618.txt`
\set f5 `cat test/fixtures/seeds/004_a780bcacce4add61.txt`
\set f6 `cat test/fixtures/real/011_huaianshi_2024_pdflayout.txt`
\set f7 `cat test/fixtures/real/012_hongzequ_2023_pdflayout.txt`
\set f8 `cat test/corpus/2021/html.txt`
\set f9 `cat test/corpus/2019/markdown.txt`
\set f10 `cat test/corpus/2021/oneline.txt`
\set f11 `cat test/corpus/2019/pipecells.txt`
\set f12 `cat test/corpus/2021/pdftotext.txt`
INSERT INTO bench_fixtures VALUES ('seed-tsv', :'f1'), ('seed-tsv', :'f2'), ('seed-markdown', :'f3'),
  ('seed-tsv', :'f4'), ('seed-pipecells', :'f5'), ('pdftotext', :'f6'), ('pdftotext', :'f7'),
  ('html', :'f8'), ('markdown', :'f9'), ('oneline', :'f10'), ('pipecells', :'f11'), ('pdftotext', :'f12');
-- every row differs (a serial number in the text), so nothing can be shared between rows
CREATE TABLE bench_reports AS
SELECT i AS id, f.layout, f.body || E'\n编号 ' || i AS body
FROM generate_series(1, :n) i
JOIN (SELECT row_number() OVER () - 1 AS k, * FROM bench_fixtures) f ON f.k = i % 12;
ANALYZE bench_reports;

-- The two queries run in turn, five times each, and each keeps its best time:
-- a slow moment of the machine then touches both sides alike.
CREATE FUNCTION pg_temp.best_pair(query_a text, query_b text, runs int,
                                  OUT best_a double precision, OUT best_b double precision)
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz;
BEGIN
  best_a := 'Infinity';
  best_b := 'Infinity';
  FOR r IN 1..runs LOOP
    t0 := clock_timestamp();
    EXECUTE query_a;
    best_a := least(best_a, extract(epoch FROM clock_timestamp() - t0));
    t0 := clock_timestamp();
    EXECUTE query_b;
    best_b := least(best_b, extract(epoch FROM clock_timestamp() - t0));
  END LOOP;
END $$;

WITH t AS (
  SELECT * FROM pg_temp.best_pair('SELECT count(md5(body)) FROM bench_reports',
                                  'SELECT count((govreport.parse_report(body)).year) FROM bench_reports', 5)
), m AS (
  SELECT t.best_a AS md5_s, t.best_b AS parse_s,
         (SELECT count(*) FROM bench_reports) AS n,
         (SELECT avg(octet_length(body))::int FROM bench_reports) AS avg_bytes
  FROM t
)
SELECT n AS reports, avg_bytes, round(md5_s::numeric, 3) AS md5_seconds,
       round(parse_s::numeric, 3) AS parse_seconds,
       round((n / parse_s)::numeric) AS reports_per_second,
       round((parse_s / md5_s)::numeric, 2) AS parse_to_md5_ratio
FROM m;
-- validate() of a report just parsed, as the extra time over parsing alone, against
-- the parse; and validate() of stored reports (read back and detoasted) against the parse.
-- The first is a difference of two times, so it takes the best of more runs
CREATE TEMP TABLE bench_parsed AS SELECT govreport.parse_report(body) AS r FROM bench_reports;
WITH fresh AS (
  SELECT * FROM pg_temp.best_pair('SELECT count((govreport.parse_report(body)).year) FROM bench_reports',
                                  'SELECT count(*) FROM bench_reports, LATERAL govreport.validate(govreport.parse_report(body))', 9)
), stored AS (
  SELECT * FROM pg_temp.best_pair('SELECT count((govreport.parse_report(body)).year) FROM bench_reports',
                                  'SELECT count(*) FROM bench_parsed, LATERAL govreport.validate(r)', 9)
)
SELECT round(((fresh.best_b - fresh.best_a) / fresh.best_a)::numeric, 3) AS validate_to_parse_ratio,
       round((stored.best_b / stored.best_a)::numeric, 3) AS validate_stored_to_parse_ratio
FROM fresh, stored;

-- a parallel scan with two workers against the serial plan, over these rows and over four
-- times as many (each worker's start, loading the library and compiling its patterns, is
-- a fixed cost that a statement over millions of stored reports does not notice); with the
-- leader taking part (the default) three processes share the two workers' cores, so the
-- run without it is reported too
CREATE FUNCTION pg_temp.parallel_speedup(tbl regclass, runs int, leader_participates boolean)
RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE serial_s double precision := 'Infinity'; parallel_s double precision := 'Infinity';
        t0 timestamptz;
        q text := format('SELECT count((govreport.parse_report(body)).year) FROM %s', tbl);
BEGIN
  PERFORM set_config('parallel_leader_participation', leader_participates::text, true);
  FOR r IN 1..runs LOOP
    PERFORM set_config('max_parallel_workers_per_gather', '0', true);
    t0 := clock_timestamp();
    EXECUTE q;
    serial_s := least(serial_s, extract(epoch FROM clock_timestamp() - t0));
    PERFORM set_config('max_parallel_workers_per_gather', '2', true);
    t0 := clock_timestamp();
    EXECUTE q;
    parallel_s := least(parallel_s, extract(epoch FROM clock_timestamp() - t0));
  END LOOP;
  RETURN round((serial_s / parallel_s)::numeric, 2);
END $$;
CREATE TABLE bench_reports_x4 AS
SELECT r.id + k * :n AS id, r.layout, r.body || '/' || k AS body
FROM bench_reports r, generate_series(0, 3) k;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
ALTER TABLE bench_reports SET (parallel_workers = 2);
ALTER TABLE bench_reports_x4 SET (parallel_workers = 2);
SELECT pg_temp.parallel_speedup('bench_reports', 3, true) AS parallel_2_workers_speedup,
       pg_temp.parallel_speedup('bench_reports', 3, false) AS without_leader_participation,
       pg_temp.parallel_speedup('bench_reports_x4', 2, true) AS over_4x_rows,
       pg_temp.parallel_speedup('bench_reports_x4', 2, false) AS over_4x_rows_without_leader;
DROP TABLE bench_reports_x4;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
SET max_parallel_workers_per_gather = 0;

-- INSERT through the validating trigger (flag mode) against a plain INSERT of the same rows,
-- into ordinary (logged) tables, as a loader writes to: storing the report and its findings,
-- and validating only (nothing stored beside the text, the work of reject mode, which would
-- stop at the first report with an error)
DROP TABLE IF EXISTS bench_plain, bench_checked, bench_validated;
CREATE TABLE bench_plain (body text, report govreport.report, findings govreport.finding[]);
CREATE TABLE bench_checked (body text, report govreport.report, findings govreport.finding[]);
CREATE TABLE bench_validated (body text);
CREATE TRIGGER bench_check BEFORE INSERT ON bench_checked FOR EACH ROW
  EXECUTE FUNCTION govreport.check_report('text=body', 'report=report', 'findings=findings', 'mode=flag');
CREATE TRIGGER bench_check BEFORE INSERT ON bench_validated FOR EACH ROW
  EXECUTE FUNCTION govreport.check_report('text=body', 'mode=flag');
-- body || '' makes each text a new value, as one sent by a loader, which the INSERT then
-- compresses; the rows' stored values would otherwise be copied still compressed
CREATE FUNCTION pg_temp.insert_against_plain(tbl regclass, OUT best_a double precision, OUT best_b double precision)
LANGUAGE sql AS $$
  SELECT * FROM pg_temp.best_pair('TRUNCATE bench_plain; INSERT INTO bench_plain (body) SELECT body || '''' FROM bench_reports',
                                  format('TRUNCATE %1$s; INSERT INTO %1$s (body) SELECT body || '''' FROM bench_reports', tbl), 3)
$$;
WITH stored AS (
  SELECT * FROM pg_temp.insert_against_plain('bench_checked')
), validated AS (
  SELECT * FROM pg_temp.insert_against_plain('bench_validated')
)
SELECT round(stored.best_a::numeric, 3) AS plain_insert_seconds, round(stored.best_b::numeric, 3) AS trigger_insert_seconds,
       round((stored.best_b / stored.best_a)::numeric, 2) AS trigger_insert_to_plain_insert_ratio,
       round((validated.best_b / validated.best_a)::numeric, 2) AS validating_only_to_plain_insert_ratio
FROM stored, validated;

-- The same with lz4 instead of pglz for every compressed value (PostgreSQL 14 and later, when
-- built with lz4): both INSERTs get faster, the plain one more, so the ratio grows while the
-- trigger's time shrinks
SELECT count(*) > 0 AS have_lz4 FROM pg_settings
WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals) \gset
\if :have_lz4
SET default_toast_compression = lz4;
WITH stored AS (
  SELECT * FROM pg_temp.insert_against_plain('bench_checked')
)
SELECT round(stored.best_a::numeric, 3) AS lz4_plain_insert_seconds, round(stored.best_b::numeric, 3) AS lz4_trigger_insert_seconds,
       round((stored.best_b / stored.best_a)::numeric, 2) AS lz4_trigger_insert_to_plain_insert_ratio
FROM stored;
RESET default_toast_compression;
\endif
DROP TABLE bench_reports, bench_plain, bench_checked, bench_validated;
