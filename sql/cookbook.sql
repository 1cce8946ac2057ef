-- The cookbook of README.md, run against the fixture corpus: every query of
-- its "常用查询 / Cookbook" section is here verbatim (test/cookbook/check
-- compares the two), after loading seeds, real reports, layouts and rules
-- fixtures into govreport.reports.
SET datestyle = ISO;
TRUNCATE govreport.reports;
INSERT INTO govreport.reports (source, body)
SELECT name, body FROM fixtures
WHERE name LIKE 'seed%' OR name LIKE 'real%' OR name IN ('layout2019/tsv', 'layout2021/tsv')
   OR name IN ('rules/fail_t3_balance', 'rules/fail_t3_results_sum', 'rules/fail_publication_deadline',
               'rules/fail_t4_review_total')
ORDER BY name
ON CONFLICT (body_md5) DO NOTHING;
-- a report for the year after one of the real reports, copied from it: its
-- text is last year's and its carry-over is last year's carry-over
INSERT INTO govreport.reports (source, body)
SELECT 'copied/real011+1', replace(replace(body, '2024', '2025'), '2023', '2024')
FROM fixtures WHERE name = 'real011';
SELECT count(*) AS stored FROM govreport.reports;
-- one report as an older parser version left it (for cookbook 14)
UPDATE govreport.reports SET report.parser_version = '0.9.0' WHERE source = 'seed000';

-- cookbook 1
SELECT organ, year,
       sum(value) FILTER (WHERE code = '1') AS new_received,
       sum(value) FILTER (WHERE code = '3.1') AS granted,
       sum(value) FILTER (WHERE code = '3.7') AS handled,
       sum(value) FILTER (WHERE code = '4') AS carried_forward
FROM govreport.application_facts
WHERE applicant = 'total'
GROUP BY report_id, organ, year
ORDER BY organ, year, report_id;

-- cookbook 2
SELECT organ, year,
       sum(value) FILTER (WHERE outcome = 'corrected') AS corrected,
       sum(value) FILTER (WHERE outcome = 'total') - coalesce(sum(value) FILTER (WHERE outcome = 'pending'), 0) AS concluded,
       round(sum(value) FILTER (WHERE outcome = 'corrected')::numeric
             / nullif(sum(value) FILTER (WHERE outcome = 'total')
                      - coalesce(sum(value) FILTER (WHERE outcome = 'pending'), 0), 0), 3) AS correction_rate
FROM govreport.proceeding_facts
WHERE kind = 'review'
GROUP BY report_id, organ, year
ORDER BY correction_rate DESC NULLS LAST, organ, year, report_id;

-- cookbook 3
SELECT r.source, f.organ, f.year, f.rule, f.location, f.expected, f.actual, f.message
FROM govreport.findings f JOIN govreport.reports r ON r.id = f.report_id
WHERE f.rule IN ('t3_balance', 't3_results_sum', 't3_row_total')
ORDER BY r.source, f.rule, f.location;

-- cookbook 4
SELECT source, organ, year, published_on, deadline, published_on - deadline AS days_late
FROM govreport.report_overview
WHERE NOT on_time
ORDER BY days_late DESC, source;

-- cookbook 5
WITH volume AS (
  -- one report per organ and year: the one loaded last
  SELECT DISTINCT ON (f.organ_key, f.year) f.organ_key, f.organ, f.year, f.value AS new_received
  FROM govreport.application_facts f JOIN govreport.reports r ON r.id = f.report_id
  WHERE f.code = '1' AND f.applicant = 'total' AND f.year IS NOT NULL
  ORDER BY f.organ_key, f.year, r.loaded_at DESC, r.id DESC
)
SELECT organ, year, new_received,
       lag(new_received) OVER w AS previous_year,
       new_received - lag(new_received) OVER w AS change,
       round(100.0 * (new_received - lag(new_received) OVER w) / nullif(lag(new_received) OVER w, 0), 1) AS change_pct
FROM volume
WINDOW w AS (PARTITION BY organ_key ORDER BY year)
ORDER BY organ, year;

-- cookbook 6
SELECT o.organ, o.year, x.message
FROM govreport.cross_year_findings x JOIN govreport.report_overview o ON o.id = x.report_id
WHERE x.rule = 'xy_copied_text'
ORDER BY o.organ, o.year;

-- cookbook 7
SELECT o.organ, o.year, x.location, x.expected AS carried_forward_last_year, x.actual AS carried_over_this_year
FROM govreport.cross_year_findings x JOIN govreport.report_overview o ON o.id = x.report_id
WHERE x.rule = 'xy_carryover'
ORDER BY o.organ, o.year, x.location;

-- cookbook 8
SELECT f.rule, r.description_zh, f.severity, count(DISTINCT f.report_id) AS reports
FROM govreport.findings f JOIN govreport.rules r ON r.id = f.rule
WHERE f.severity IN ('error', 'warning')
GROUP BY f.rule, r.description_zh, f.severity
ORDER BY reports DESC, f.rule;

-- cookbook 9
SELECT year, template, reports, share_valid, share_on_time, date_unknown, frequent_rules
FROM govreport.compliance_summary
ORDER BY year, template;

-- cookbook 10
SELECT organ, year,
       sum(value) FILTER (WHERE code = 'licensing') AS licensing_decisions,
       sum(value) FILTER (WHERE code = 'penalty') AS penalty_decisions,
       sum(value) FILTER (WHERE code = 'coercion') AS coercion_decisions
FROM govreport.active_facts
WHERE measure = 'decisions'
GROUP BY report_id, organ, year
ORDER BY organ, year, report_id;

-- cookbook 11
SELECT applicant, sum(value) AS new_received,
       round(sum(value) / sum(sum(value)) OVER (), 3) AS share
FROM govreport.application_facts
WHERE code = '1' AND applicant <> 'total'
GROUP BY applicant
ORDER BY new_received DESC, applicant;

-- cookbook 12
SELECT organ, year,
       sum(value) FILTER (WHERE code LIKE '3.3.%') AS denied,
       sum(value) FILTER (WHERE code = '3.7') AS handled,
       round(sum(value) FILTER (WHERE code LIKE '3.3.%')::numeric
             / nullif(sum(value) FILTER (WHERE code = '3.7'), 0), 3) AS denial_rate
FROM govreport.application_facts
WHERE applicant = 'total'
GROUP BY report_id, organ, year
ORDER BY denial_rate DESC NULLS LAST, organ, year, report_id;

-- cookbook 13
SELECT n.code, count(*) AS notes, count(DISTINCT r.id) AS reports
FROM govreport.reports r, unnest((r.report).notes) n
GROUP BY n.code
ORDER BY notes DESC, n.code;

-- cookbook 14
SELECT source, organ, year, parser_version
FROM govreport.report_overview
WHERE stale;
SELECT govreport.reparse() AS reparsed;
SELECT count(*) FILTER (WHERE stale) AS stale_after
FROM govreport.report_overview;
