-- Stored reports, the validating trigger, the views, cross-year rules and a
-- pg_dump / pg_restore round trip.
SET datestyle = ISO;

-- flag mode (the trigger on govreport.reports): every row is kept, with its findings
INSERT INTO govreport.reports (source, body)
SELECT name, body FROM fixtures WHERE name LIKE 'seed%' OR name LIKE 'real%' OR name = 'rules/fail_t3_balance'
ORDER BY name;
SELECT count(*) AS stored, count(report) AS parsed, count(findings) AS with_findings FROM govreport.reports;

-- loading the same text again is refused by the content hash, never duplicated
INSERT INTO govreport.reports (source, body) SELECT 'again', body FROM fixtures WHERE name = 'seed000'
ON CONFLICT (body_md5) DO NOTHING;
SELECT count(*) AS stored FROM govreport.reports;

SELECT source, organ_key, year, template, published_on, deadline, on_time, errors, warnings, valid, stale
FROM govreport.report_overview ORDER BY source;

SELECT source, f.rule, f.location, f.expected, f.actual
FROM govreport.findings f JOIN govreport.reports r ON r.id = f.report_id
WHERE f.severity = 'error' ORDER BY source, f.location;

SELECT applicant, sum(value) AS total_new_applications
FROM govreport.application_facts WHERE code = '1' GROUP BY applicant ORDER BY applicant;
SELECT code, measure, count(*), sum(value) FROM govreport.active_facts
WHERE code IN ('licensing', 'fees') GROUP BY code, measure ORDER BY code, measure;
SELECT kind, outcome, sum(value) FROM govreport.proceeding_facts
WHERE year = 2024 GROUP BY kind, outcome ORDER BY kind, outcome;

SELECT year, template, reports, share_valid, share_on_time, date_unknown, frequent_rules
FROM govreport.compliance_summary ORDER BY year, template;

-- an override of the publication date counts in the overview
UPDATE govreport.reports SET published_on = '2021-02-05' WHERE source = 'seed000';
SELECT source, published_on, deadline, on_time FROM govreport.report_overview WHERE source = 'seed000';

-- re-parsing: nothing is stale under this library; all can be redone
SELECT govreport.reparse() AS stale_reparsed, govreport.reparse(false) AS all_reparsed;

-- reject mode on an analyst's own table
CREATE TABLE drafts (id serial PRIMARY KEY, body text, parsed govreport.report, found govreport.finding[]);
CREATE TRIGGER drafts_check BEFORE INSERT OR UPDATE ON drafts FOR EACH ROW
	EXECUTE FUNCTION govreport.check_report('text=body', 'report=parsed', 'findings=found', 'mode=reject');
INSERT INTO drafts (body) SELECT body FROM fixtures WHERE name = 'rules/clean_2021';
INSERT INTO drafts (body) SELECT body FROM fixtures WHERE name = 'rules/fail_t3_results_sum';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- warnings do not block
INSERT INTO drafts (body) SELECT body FROM fixtures WHERE name = 'rules/fail_n_review';
INSERT INTO drafts (body) VALUES (NULL);
SELECT id, (parsed).year, cardinality(found) AS findings, body IS NULL AS no_text FROM drafts ORDER BY id;
-- an update that breaks the arithmetic is blocked too
UPDATE drafts SET body = (SELECT body FROM fixtures WHERE name = 'rules/fail_t3_row_total') WHERE id = 1;

-- is_valid in a CHECK constraint
CREATE TABLE checked (body text CHECK (govreport.is_valid(body)));
INSERT INTO checked SELECT body FROM fixtures WHERE name = 'rules/clean_2019';
\set VERBOSITY terse
INSERT INTO checked SELECT body FROM fixtures WHERE name = 'rules/fail_t4_review_total';
\set VERBOSITY default
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT count(*) FROM checked;

-- positional arguments, text column only
CREATE TABLE plain (body varchar);
CREATE TRIGGER plain_check BEFORE INSERT ON plain FOR EACH ROW EXECUTE FUNCTION govreport.check_report('body');
INSERT INTO plain VALUES ('任意文字');
SELECT count(*) FROM plain;

-- wrong use gets a clear error
CREATE TABLE misuse (body text, n int);
CREATE TRIGGER t1 AFTER INSERT ON misuse FOR EACH ROW EXECUTE FUNCTION govreport.check_report('text=body');
INSERT INTO misuse VALUES ('x', 1);
DROP TRIGGER t1 ON misuse;
CREATE TRIGGER t2 BEFORE INSERT ON misuse FOR EACH STATEMENT EXECUTE FUNCTION govreport.check_report('text=body');
INSERT INTO misuse VALUES ('x', 1);
DROP TRIGGER t2 ON misuse;
CREATE TRIGGER t3 BEFORE INSERT ON misuse FOR EACH ROW EXECUTE FUNCTION govreport.check_report('text=nosuch');
INSERT INTO misuse VALUES ('x', 1);
DROP TRIGGER t3 ON misuse;
CREATE TRIGGER t4 BEFORE INSERT ON misuse FOR EACH ROW EXECUTE FUNCTION govreport.check_report('text=body', 'report=n');
INSERT INTO misuse VALUES ('x', 1);
DROP TRIGGER t4 ON misuse;
CREATE TRIGGER t5 BEFORE INSERT ON misuse FOR EACH ROW EXECUTE FUNCTION govreport.check_report('text=body', 'mode=strict');
INSERT INTO misuse VALUES ('x', 1);
DROP TRIGGER t5 ON misuse;
CREATE TRIGGER t6 BEFORE INSERT ON misuse FOR EACH ROW EXECUTE FUNCTION govreport.check_report();
INSERT INTO misuse VALUES ('x', 1);
DROP TRIGGER t6 ON misuse;
SELECT govreport.check_report();

-- cross-year rules: a report and the previous year's, consistent and not
TRUNCATE govreport.reports;
CREATE TEMP TABLE years AS
SELECT (SELECT body FROM fixtures WHERE name = 'rules/clean_2021') AS y2022,
       (SELECT body FROM fixtures WHERE name = 'rules/clean_2019') AS y2020;
-- the previous year, printed with last year's numbers where they must carry over
CREATE TEMP TABLE pairs (pair text, year int, body text);
-- a row of tab-separated cells after a label
CREATE FUNCTION pg_temp.set_row(body text, label text, cells text) RETURNS text
LANGUAGE sql AS $$
  SELECT regexp_replace(body, '(\n' || label || E'\t[^\n]*)', E'\n' || label || E'\t' || replace(cells, ' ', E'\t'))
$$;
-- the same report one year earlier, with its own dates
CREATE FUNCTION pg_temp.year_before(body text, y int) RETURNS text
LANGUAGE sql AS $$
  SELECT replace(replace(body, y || '年', (y - 1) || '年'), (y + 1) || '年', y || '年')
$$;
-- new wording in sections 1 and 5, so that they are not copies
CREATE FUNCTION pg_temp.reworded(body text) RETURNS text
LANGUAGE sql AS $$
  SELECT replace(replace(body, '认真贯彻落实', '扎实推进落实'), '一是公开内容的深度有待提高', '一是信息发布的及时性需要加强')
$$;
INSERT INTO pairs
SELECT 'consistent', 2021,
       pg_temp.set_row(pg_temp.set_row(pg_temp.set_row(pg_temp.reworded(pg_temp.year_before(y2022, 2022)),
         E'四、结转下年度继续办理\t', '34 0 0 0 0 0 34'), '规章', '1 0 10'), '行政规范性文件', '8 26 84')
FROM years
UNION ALL SELECT 'consistent', 2022, y2022 FROM years
UNION ALL
SELECT 'inconsistent', 2021, replace(pg_temp.year_before(y2022, 2022), '淮河市水利局', '淮河市交通运输局') FROM years
UNION ALL SELECT 'inconsistent', 2022, replace(y2022, '淮河市水利局', '淮河市交通运输局') FROM years
UNION ALL
SELECT '2019 consistent', 2019,
       pg_temp.set_row(pg_temp.set_row(pg_temp.set_row(pg_temp.reworded(pg_temp.year_before(y2020, 2020)),
         E'四、结转下年度继续办理\t', '10 0 0 0 0 1 11'), '行政许可', '230 1 27269'), '行政处罚', '1811 -3 1668')
FROM years
UNION ALL SELECT '2019 consistent', 2020, y2020 FROM years
UNION ALL
SELECT '2019 inconsistent', 2019, replace(pg_temp.year_before(y2020, 2020), '青山县人民政府', '青山县人民政府办公室') FROM years
UNION ALL SELECT '2019 inconsistent', 2020, replace(y2020, '青山县人民政府', '青山县人民政府办公室') FROM years
UNION ALL
-- a blank in last year's row 4 and in 现行有效件数: not assessable, never silently passed
SELECT 'blanks', 2021,
       pg_temp.set_row(pg_temp.set_row(replace(pg_temp.reworded(pg_temp.year_before(y2022, 2022)), '淮河市水利局', '淮河市财政局'),
         E'四、结转下年度继续办理\t', '34 0 0  0 0 34'), '规章', '1 0 ')
FROM years
UNION ALL SELECT 'blanks', 2022, replace(y2022, '淮河市水利局', '淮河市财政局') FROM years;
INSERT INTO govreport.reports (source, body) SELECT pair || ' ' || year, body FROM pairs ORDER BY pair, year;
SELECT source, organ_key, year, template FROM govreport.report_overview ORDER BY source;
SELECT r.source, x.organ_key, x.year, x.rule, x.severity, x.location, x.expected, x.actual, x.message
FROM govreport.cross_year_findings x JOIN govreport.reports r ON r.id = x.report_id
ORDER BY r.source, x.rule, x.location;

-- pg_dump / pg_restore keeps the stored reports exactly
SELECT current_database() AS regress_db \gset
CREATE DATABASE govreport_dump_src;
\c govreport_dump_src
CREATE EXTENSION govreport;
\c :regress_db
SELECT string_agg(format('(%L, %L)', source, body), ',') AS rows FROM govreport.reports \gset
\c govreport_dump_src
INSERT INTO govreport.reports (source, body) VALUES :rows;
UPDATE govreport.reports SET organ_key = 'custom-key', published_on = '2023-01-10' WHERE id = 2;
SELECT md5(string_agg(r::text, '|' ORDER BY id)) AS before_dump, count(*) AS n,
       max(id) AS max_id FROM govreport.reports r \gset
\! pg_dump -Fc -f "${TMPDIR:-/tmp}/govreport_regress.dump" govreport_dump_src
CREATE DATABASE govreport_dump_dst;
\! pg_restore -d govreport_dump_dst "${TMPDIR:-/tmp}/govreport_regress.dump" && rm -f "${TMPDIR:-/tmp}/govreport_regress.dump"
\c govreport_dump_dst
SELECT md5(string_agg(r::text, '|' ORDER BY id)) = :'before_dump' AS identical_after_restore,
       count(*) = :n AS same_count FROM govreport.reports r;
-- the identity sequence was restored: new rows do not collide
INSERT INTO govreport.reports (source, body) VALUES ('after restore', '新内容');
SELECT max(id) > :max_id AS new_id_after_restored_ones FROM govreport.reports;
\c :regress_db
DROP DATABASE govreport_dump_src;
DROP DATABASE govreport_dump_dst;
