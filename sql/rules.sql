-- Validation rules: the catalog, a report that passes every rule, a report
-- that fails each rule with its exact finding, and single-cell changes.
SET datestyle = ISO;

SELECT id, severity, applies_to, needs_text, description_zh FROM govreport.rules ORDER BY id;

-- the clean reports of both templates pass every rule
SELECT name, count(f.rule) AS findings, govreport.is_valid(body) AS valid,
       govreport.is_valid(govreport.parse_report(body)) AS valid_parsed
FROM fixtures LEFT JOIN LATERAL govreport.validate(body) f ON true
WHERE name LIKE 'rules/clean_%' OR name LIKE 'rules/random_%'
GROUP BY name, body ORDER BY name;

-- each failing fixture gives exactly these findings of its rule
SELECT substr(name, 12) AS fixture, f.rule, f.severity, f.location, f.expected, f.actual, f.message
FROM fixtures, govreport.validate(body) f
WHERE name LIKE 'rules/fail_%' AND f.rule = substr(name, 12)
ORDER BY 1, f.location;

-- every single-report rule of the catalog has a failing fixture (the
-- cross-year rules xy_* are tested with stored reports, in store.sql)
SELECT r.id AS rule_without_failing_fixture FROM govreport.rules r
WHERE r.id NOT LIKE 'xy\_%' AND NOT EXISTS (SELECT 1 FROM fixtures WHERE name = 'rules/fail_' || r.id);

-- a report with an error finding is not valid; warnings and infos do not count
SELECT substr(name, 12) AS fixture, govreport.is_valid(body) AS valid
FROM fixtures WHERE name LIKE 'rules/fail_%' ORDER BY 1;

-- validate(report) gives the findings of validate(text) that need no prose
SELECT name,
       (SELECT array_agg(f ORDER BY f) FROM govreport.validate(govreport.parse_report(body)) f)
       IS NOT DISTINCT FROM
       (SELECT array_agg(f ORDER BY f) FROM govreport.validate(body) f
        JOIN govreport.rules r ON r.id = f.rule WHERE NOT r.needs_text) AS same_findings
FROM fixtures WHERE name LIKE 'rules/fail_%' OR name LIKE 'seed%' OR name LIKE 'real%'
ORDER BY name;

-- a hand-built report, with NULL fields and NULL array elements, is validated without harm
SELECT f.rule, f.severity, f.location, f.expected, f.actual
FROM govreport.validate(ROW('1.0.0', NULL, 2020, '2019', NULL, NULL, ARRAY[NULL]::govreport.section[], NULL,
       ARRAY[NULL, ROW('1', 'new_received', NULL, 1, 0, 0, 0, 0, 0, 2, 1)]::govreport.application_row[],
       ARRAY[ROW(NULL, 1, 1, 1, 1, 4, 1)]::govreport.proceeding_row[], NULL)::govreport.report) f
ORDER BY f.rule, f.location;

-- the seeds: blank cells noted, 「规范」 flagged, no arithmetic error, 000 on time
SELECT name, f.rule, f.severity, count(*) AS n
FROM fixtures, govreport.validate(body) f
WHERE name LIKE 'seed%' GROUP BY 1, 2, 3 ORDER BY 1, 2;

SELECT name, (govreport.parse_report(body)).published_on,
       NOT EXISTS (SELECT 1 FROM govreport.validate(body) f WHERE f.rule = 'publication_deadline') AS on_time
FROM fixtures WHERE name = 'seed000';

-- any single cell of table 3 or 4 changed by one is caught by an arithmetic
-- rule whose location names that row or that column (both templates, clean
-- and random reports)
CREATE FUNCTION pg_temp.bump_cell(body text, pos int, field_from_end int) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  line_start int := pos;
  line_end int;
  line text;
  fields text[];
  k int;
BEGIN
  WHILE line_start > 1 AND substr(body, line_start - 1, 1) <> E'\n' LOOP
    line_start := line_start - 1;
  END LOOP;
  line_end := strpos(substr(body, pos), E'\n');
  line_end := CASE WHEN line_end = 0 THEN length(body) ELSE pos + line_end - 2 END;
  line := substr(body, line_start, line_end - line_start + 1);
  fields := string_to_array(line, E'\t');
  k := array_length(fields, 1) - field_from_end;
  fields[k] := (fields[k]::int + 1)::text;
  RETURN substr(body, 1, line_start - 1) || array_to_string(fields, E'\t') || substr(body, line_end + 1);
END $$;

CREATE TEMP TABLE single_cell_changes AS
WITH reports AS (
  SELECT name AS fixture, body, govreport.parse_report(body) AS r FROM fixtures
  WHERE name LIKE 'rules/clean_%' OR name LIKE 'rules/random_%'
), t3_cells AS (
  SELECT fixture, body, a.code, a.pos, c.col, c.colname
  FROM reports, unnest((r).applications) a,
       (VALUES (1, 'natural_person'), (2, 'commercial'), (3, 'research'), (4, 'social_welfare'),
               (5, 'legal_service'), (6, 'other_org'), (7, 'total')) c(col, colname)
), t4_cells AS (
  SELECT fixture, body, p.kind AS code, p.pos, (g.ord - 1) * 5 + c.col AS col, c.colname
  FROM reports, unnest((r).proceedings) WITH ORDINALITY g(kind, upheld, corrected, other, pending, total, pos, ord),
       LATERAL (SELECT g.kind, g.pos) p,
       (VALUES (1, 'upheld'), (2, 'corrected'), (3, 'other'), (4, 'pending'), (5, 'total')) c(col, colname)
)
SELECT 'table3' AS tbl, fixture, code, colname,
       EXISTS (SELECT 1 FROM govreport.validate(pg_temp.bump_cell(body, pos, 7 - col)) f
               WHERE f.rule IN ('t3_balance', 't3_results_sum', 't3_row_total')
                 AND (f.location LIKE 'table3:' || code || ':%' OR f.location LIKE '%:' || colname)) AS caught
FROM t3_cells
UNION ALL
SELECT 'table4', fixture, code, colname,
       EXISTS (SELECT 1 FROM govreport.validate(pg_temp.bump_cell(body, pos, (15 - col)::int)) f
               WHERE f.rule LIKE 't4_%' AND f.location LIKE 'table4:' || code || ':%')
FROM t4_cells;

SELECT tbl, count(*) AS cells_changed, count(*) FILTER (WHERE caught) AS caught,
       count(DISTINCT fixture) AS reports
FROM single_cell_changes GROUP BY tbl ORDER BY tbl;
SELECT * FROM single_cell_changes WHERE NOT caught LIMIT 10;

-- the prose may give the carried-forward count before or after 「结转/顺延」; each
-- statement is checked in text order, and one whose number is too long to read
-- is passed over without hiding the statements after it
SELECT c.sentence, f.location, f.expected, f.actual, f.message
FROM fixtures,
     (VALUES ('另有7件顺延到下一年度办理'),
             ('另有9件顺延至下年办理，结转下年度继续办理7件'),
             ('结转下年度继续办理12345678901件，另有7件顺延到下年度')) c(sentence),
     govreport.validate(replace(body, '结转下年度继续办理7件', c.sentence)) f
WHERE name = 'rules/fail_n_carried_forward' AND f.rule = 'n_carried_forward'
ORDER BY c.sentence, f.location;
