/* govreport--1.0.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION govreport" to load this file. \quit

-- SQL functions have string bodies run with search_path = pg_catalog, pg_temp:
-- they install on PostgreSQL 13, and whatever the caller's search_path they call
-- only pg_catalog's built-ins and the objects of this schema, named in full.

--
-- Composite types: the public schema of a parsed report.
--

CREATE TYPE @extschema@.section AS (
	no          int,
	title       text,
	pos         int,
	length      int
);

CREATE TYPE @extschema@.active_cell AS (
	item        text,
	code        text,
	label       text,
	measure     text,
	value       numeric,
	pos         int
);

CREATE TYPE @extschema@.application_row AS (
	code            text,
	name            text,
	label           text,
	natural_person  int,
	commercial      int,
	research        int,
	social_welfare  int,
	legal_service   int,
	other_org       int,
	total           int,
	pos             int
);

CREATE TYPE @extschema@.proceeding_row AS (
	kind        text,
	upheld      int,
	corrected   int,
	other       int,
	pending     int,
	total       int,
	pos         int
);

CREATE TYPE @extschema@.note AS (
	code        text,
	pos         int,
	message     text
);

CREATE TYPE @extschema@.report AS (
	parser_version  text,
	organ           text,
	year            int,
	template        text,
	title           text,
	published_on    date,
	sections        @extschema@.section[],
	active          @extschema@.active_cell[],
	applications    @extschema@.application_row[],
	proceedings     @extschema@.proceeding_row[],
	notes           @extschema@.note[]
);

COMMENT ON TYPE @extschema@.report IS
'A parsed annual report on government information disclosure: metadata, sections, tables 2-4 and the parser''s notes';
COMMENT ON TYPE @extschema@.section IS 'A section heading (1 to 6) with its position and length in characters';
COMMENT ON TYPE @extschema@.active_cell IS 'One cell of table 2 (proactive disclosure); amounts in units of 10,000 yuan';
COMMENT ON TYPE @extschema@.application_row IS 'One row of table 3 (applications received and handled)';
COMMENT ON TYPE @extschema@.proceeding_row IS 'One group of table 4 (administrative review and litigation)';
COMMENT ON TYPE @extschema@.note IS 'Something the parser inferred, skipped or could not read, with its position';

--
-- Functions
--

CREATE FUNCTION @extschema@.parse_report(body text)
RETURNS @extschema@.report
AS 'MODULE_PATHNAME', 'govreport_parse_report'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.parse_report(text) IS
'Parses the text of an annual report (plain text, Markdown or HTML, as extracted from web pages, PDF or Word) into govreport.report';

CREATE FUNCTION @extschema@.parser_version()
RETURNS text
AS 'MODULE_PATHNAME', 'govreport_parser_version'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.parser_version() IS
'Version of the parser in the loaded library; stored reports parsed by another version are stale';

--
-- Validation: the rule catalog and findings
--

CREATE TYPE @extschema@.finding AS (
	rule        text,
	severity    text,
	location    text,
	message     text,
	expected    numeric,
	actual      numeric
);

COMMENT ON TYPE @extschema@.finding IS
'One finding of a validation rule: rule id, severity (error/warning/info), a machine-readable location, a Chinese message, and the expected and actual numbers where there are any';

CREATE FUNCTION @extschema@.rule_catalog(
	OUT id text, OUT severity text, OUT applies_to text,
	OUT description_zh text, OUT description_en text, OUT needs_text boolean)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'govreport_rule_catalog'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rule_catalog() IS
'The validation rules compiled into the library, as rows';

CREATE VIEW @extschema@.rules AS
	SELECT id, severity, applies_to, description_zh, description_en, needs_text
	FROM @extschema@.rule_catalog();

COMMENT ON VIEW @extschema@.rules IS
'The validation rules: stable ids, severity, the templates they apply to, descriptions; needs_text marks rules that read the prose and run only on text';

CREATE FUNCTION @extschema@.validate(report @extschema@.report)
RETURNS SETOF @extschema@.finding
AS 'MODULE_PATHNAME', 'govreport_validate_report'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.validate(@extschema@.report) IS
'Applies every single-report rule that needs no prose to a parsed report';

CREATE FUNCTION @extschema@.validate(body text)
RETURNS SETOF @extschema@.finding
AS 'MODULE_PATHNAME', 'govreport_validate_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.validate(text) IS
'Parses the text and applies every single-report rule, including those that compare the prose with the tables';

CREATE FUNCTION @extschema@.is_valid(report @extschema@.report)
RETURNS boolean
AS 'MODULE_PATHNAME', 'govreport_is_valid_report'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.is_valid(@extschema@.report) IS
'True when validate(report) gives no finding of severity error; usable in a CHECK constraint';

CREATE FUNCTION @extschema@.is_valid(body text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'govreport_is_valid_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.is_valid(text) IS
'True when validate(text) gives no finding of severity error; usable in a CHECK constraint';

--
-- The validating trigger, for any table
--

CREATE FUNCTION @extschema@.check_report()
RETURNS trigger
AS 'MODULE_PATHNAME', 'govreport_check_report'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.check_report() IS
'BEFORE INSERT OR UPDATE ... FOR EACH ROW trigger: parses and validates a text column. Arguments: text=COLUMN, report=COLUMN (govreport.report, optional), findings=COLUMN (govreport.finding[], optional), mode=flag|reject (reject raises check_violation on error findings)';

CREATE FUNCTION @extschema@.similarity(a text, b text)
RETURNS real
AS 'MODULE_PATHNAME', 'govreport_similarity'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.similarity(text, text) IS
'How alike two texts are, 0 to 1: Dice coefficient of character bigrams, ignoring spaces, punctuation and digits';

CREATE FUNCTION @extschema@.publication_deadline(organ text, year int)
RETURNS date
AS 'MODULE_PATHNAME', 'govreport_publication_deadline'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.publication_deadline(text, int) IS
'The last day to publish the report for a year: 31 March for a people''s government, 31 January for a department';

CREATE FUNCTION @extschema@.organ_key(organ text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT nullif(regexp_replace(organ, '[[:space:]()（）]', '', 'g'), '')
$$;

COMMENT ON FUNCTION @extschema@.organ_key(text) IS
'The organ name as a join key across years: without spaces and brackets';

--
-- Stored reports
--

CREATE TABLE @extschema@.reports (
	id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	source          text,
	organ_key       text,
	published_on    date,
	body            text NOT NULL,
	body_md5        text GENERATED ALWAYS AS (md5(body)) STORED UNIQUE,
	report          @extschema@.report,
	findings        @extschema@.finding[],
	loaded_at       timestamptz NOT NULL DEFAULT now(),
	-- the key that joins an organ's reports across years: the override, else the parsed name
	match_key       text GENERATED ALWAYS AS
		(coalesce(organ_key, @extschema@.organ_key((report).organ))) STORED
);

COMMENT ON TABLE @extschema@.reports IS
'Stored reports: the text as loaded, the parsed report and its findings (kept up to date by a trigger in flag mode); organ_key and published_on override what was parsed; match_key joins an organ''s reports across years';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.reports', '');
SELECT pg_catalog.pg_extension_config_dump(pg_get_serial_sequence('@extschema@.reports', 'id'), '');

CREATE TRIGGER reports_check
	BEFORE INSERT OR UPDATE OF body ON @extschema@.reports
	FOR EACH ROW EXECUTE FUNCTION @extschema@.check_report('text=body', 'report=report', 'findings=findings', 'mode=flag');

CREATE FUNCTION @extschema@.reparse(stale_only boolean DEFAULT true)
RETURNS bigint
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
	WITH touched AS (
		UPDATE @extschema@.reports SET body = body
		WHERE NOT stale_only OR (report).parser_version IS DISTINCT FROM @extschema@.parser_version()
		RETURNING 1)
	SELECT count(*) FROM touched;
$$;

COMMENT ON FUNCTION @extschema@.reparse(boolean) IS
'Parses stored reports again: those parsed by another parser version (default), or all; returns how many';

--
-- Views for analysts
--

CREATE VIEW @extschema@.report_overview AS
	SELECT r.id, r.source,
		r.match_key AS organ_key,
		(r.report).organ, (r.report).year, (r.report).template,
		d.published_on, d.deadline, d.published_on <= d.deadline AS on_time,
		f.errors, f.warnings, f.errors = 0 AS valid,
		(r.report).parser_version,
		(r.report).parser_version IS DISTINCT FROM @extschema@.parser_version() AS stale,
		r.loaded_at
	FROM @extschema@.reports r
	CROSS JOIN LATERAL (SELECT coalesce(r.published_on, (r.report).published_on) AS published_on,
		@extschema@.publication_deadline((r.report).organ, (r.report).year) AS deadline) d
	CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE x.severity = 'error') AS errors,
		count(*) FILTER (WHERE x.severity = 'warning') AS warnings
		FROM unnest(r.findings) x) f;

COMMENT ON VIEW @extschema@.report_overview IS
'One row per stored report: organ, year, template, publication date and deadline, on_time, error and warning counts, validity, parser version';

CREATE VIEW @extschema@.findings AS
	SELECT r.id AS report_id,
		r.match_key AS organ_key,
		(r.report).organ, (r.report).year,
		f.rule, f.severity, f.location, f.message, f.expected, f.actual
	FROM @extschema@.reports r, unnest(r.findings) f;

COMMENT ON VIEW @extschema@.findings IS 'The findings of every stored report, one row each';

CREATE VIEW @extschema@.application_facts AS
	SELECT r.id AS report_id,
		r.match_key AS organ_key,
		(r.report).organ, (r.report).year, (r.report).template,
		a.code, a.name, a.label, c.applicant, c.value
	FROM @extschema@.reports r, unnest((r.report).applications) a,
		LATERAL (VALUES ('natural_person', a.natural_person), ('commercial', a.commercial),
						('research', a.research), ('social_welfare', a.social_welfare),
						('legal_service', a.legal_service), ('other_org', a.other_org),
						('total', a.total)) c(applicant, value);

COMMENT ON VIEW @extschema@.application_facts IS
'Table 3 in long format: one row per report, row and applicant column; value NULL where the cell is blank';

CREATE VIEW @extschema@.active_facts AS
	SELECT r.id AS report_id,
		r.match_key AS organ_key,
		(r.report).organ, (r.report).year, (r.report).template,
		c.item, c.code, c.label, c.measure, c.value
	FROM @extschema@.reports r, unnest((r.report).active) c;

COMMENT ON VIEW @extschema@.active_facts IS 'Table 2 in long format: one row per report and cell';

CREATE VIEW @extschema@.proceeding_facts AS
	SELECT r.id AS report_id,
		r.match_key AS organ_key,
		(r.report).organ, (r.report).year,
		p.kind, o.outcome, o.value
	FROM @extschema@.reports r, unnest((r.report).proceedings) p,
		LATERAL (VALUES ('upheld', p.upheld), ('corrected', p.corrected), ('other', p.other),
						('pending', p.pending), ('total', p.total)) o(outcome, value);

COMMENT ON VIEW @extschema@.proceeding_facts IS 'Table 4 in long format: one row per report, proceeding kind and outcome';

CREATE VIEW @extschema@.cross_year_findings AS
WITH latest AS (
	-- one report per organ and year: the one loaded last
	SELECT DISTINCT ON (organ_key, year) id, organ_key, year, report, body
	FROM (SELECT r.id, r.match_key AS organ_key,
				 (r.report).year, r.report, r.body, r.loaded_at
		  FROM @extschema@.reports r) s
	WHERE year IS NOT NULL AND organ_key IS NOT NULL
	ORDER BY organ_key, year, loaded_at DESC, id DESC
), pairs AS (
	SELECT cur.id, prev.id AS previous_id, cur.organ_key, cur.year,
		   cur.report, prev.report AS previous, cur.body, prev.body AS previous_body
	FROM latest cur JOIN latest prev ON prev.organ_key = cur.organ_key AND prev.year = cur.year - 1
), carry AS (
	SELECT p.id, p.previous_id, p.organ_key, p.year, c.col, c.label, c.cur, c.prev
	FROM pairs p
	CROSS JOIN LATERAL (SELECT * FROM unnest((p.report).applications) a WHERE a.code = '2') r2
	CROSS JOIN LATERAL (SELECT * FROM unnest((p.previous).applications) a WHERE a.code = '4') r4
	CROSS JOIN LATERAL (VALUES
		('natural_person', '自然人', r2.natural_person, r4.natural_person),
		('commercial', '商业企业', r2.commercial, r4.commercial),
		('research', '科研机构', r2.research, r4.research),
		('social_welfare', '社会公益组织', r2.social_welfare, r4.social_welfare),
		('legal_service', '法律服务机构', r2.legal_service, r4.legal_service),
		('other_org', '其他', r2.other_org, r4.other_org),
		('total', '总计', r2.total, r4.total)) c(col, label, cur, prev)
), table2 AS (
	SELECT p.id, p.previous_id, p.organ_key, p.year, (p.report).template AS template,
		   (p.previous).template AS previous_template, k.code, k.label,
		   cur.in_force, cur.issued, cur.repealed, prev.in_force AS prev_in_force,
		   cur.prev_items, prev.prev_items AS prev_prev_items, prev.change AS prev_change
	FROM pairs p CROSS JOIN (VALUES ('regulations', '规章'), ('normative_documents', '规范性文件'),
									('licensing', '行政许可'), ('other_services', '其他对外管理服务事项'),
									('penalty', '行政处罚'), ('coercion', '行政强制'),
									('fees', '行政事业性收费')) k(code, label),
		-- one row's cells of each year, by measure
		LATERAL (SELECT max(c.value) FILTER (WHERE c.measure = 'in_force') AS in_force,
						max(c.value) FILTER (WHERE c.measure = 'issued') AS issued,
						max(c.value) FILTER (WHERE c.measure = 'repealed') AS repealed,
						max(c.value) FILTER (WHERE c.measure = 'prev_items') AS prev_items
				 FROM unnest((p.report).active) c WHERE c.code = k.code) cur,
		LATERAL (SELECT max(c.value) FILTER (WHERE c.measure = 'in_force') AS in_force,
						max(c.value) FILTER (WHERE c.measure = 'prev_items') AS prev_items,
						max(c.value) FILTER (WHERE c.measure = 'change') AS change
				 FROM unnest((p.previous).active) c WHERE c.code = k.code) prev
), texts AS (
	SELECT p.id, p.previous_id, p.organ_key, p.year, s.no,
		   @extschema@.similarity(substr(p.body, s.pos, s.length), substr(p.previous_body, ps.pos, ps.length)) AS sim
	FROM pairs p, unnest((p.report).sections) s, unnest((p.previous).sections) ps
	WHERE s.no IN (1, 5) AND ps.no = s.no
)
SELECT id AS report_id, previous_id AS previous_report_id, organ_key, year,
	   'xy_carryover'::text AS rule, 'error'::text AS severity, 'table3:2:' || col AS location,
	   format('「二、上年结转」%s列为 %s，与%s年度报告「四、结转下年度继续办理」的 %s 不符', label, cur, year - 1, prev) AS message,
	   prev::numeric AS expected, cur::numeric AS actual
FROM carry WHERE cur <> prev
UNION ALL
SELECT id, previous_id, organ_key, year, 'not_assessable', 'info', 'table3:2:' || col,
	   format('「上年结转与上一年度结转下年度相符」无法核对：%s为空',
			  CASE WHEN cur IS NULL THEN format('本年「二、上年结转」的「%s」', label)
				   ELSE format('%s年度「四、结转下年度继续办理」的「%s」', year - 1, label) END),
	   NULL, NULL
FROM carry WHERE cur IS NULL OR prev IS NULL
UNION ALL
SELECT id, previous_id, organ_key, year, 'xy_in_force', 'warning', 'table2:' || code || ':in_force',
	   format('「%s」现行有效件数 %s 应等于上年 %s + 本年制发 %s - 本年废止 %s = %s', label, in_force,
			  prev_in_force, issued, repealed, prev_in_force + issued - repealed),
	   prev_in_force + issued - repealed, in_force
FROM table2
WHERE template = '2021' AND previous_template = '2021' AND code IN ('regulations', 'normative_documents')
  AND in_force <> prev_in_force + issued - repealed
UNION ALL
SELECT id, previous_id, organ_key, year, 'xy_prev_items', 'warning', 'table2:' || code || ':prev_items',
	   format('「%s」上一年项目数量 %s 应等于%s年度报告的上一年项目数量 %s 加本年增/减 %s = %s', label, prev_items,
			  year - 1, prev_prev_items, prev_change, prev_prev_items + prev_change),
	   prev_prev_items + prev_change, prev_items
FROM table2
WHERE template = '2019' AND previous_template = '2019'
  AND code NOT IN ('regulations', 'normative_documents')
  AND prev_items <> prev_prev_items + prev_change
UNION ALL
SELECT id, previous_id, organ_key, year, 'not_assessable', 'info', 'table2:' || code || ':in_force',
	   format('「现行有效件数与上年衔接」无法核对：「%s」的%s为空', label,
			  concat_ws('、', CASE WHEN in_force IS NULL THEN '本年现行有效件数' END,
						CASE WHEN issued IS NULL THEN '本年制发件数' END,
						CASE WHEN repealed IS NULL THEN '本年废止件数' END,
						CASE WHEN prev_in_force IS NULL THEN '上年现行有效件数' END)),
	   NULL, NULL
FROM table2
WHERE template = '2021' AND previous_template = '2021' AND code IN ('regulations', 'normative_documents')
  AND (in_force IS NULL OR issued IS NULL OR repealed IS NULL OR prev_in_force IS NULL)
UNION ALL
SELECT id, previous_id, organ_key, year, 'not_assessable', 'info', 'table2:' || code || ':prev_items',
	   format('「上一年项目数量与上一年度报告衔接」无法核对：「%s」的%s为空', label,
			  concat_ws('、', CASE WHEN prev_items IS NULL THEN '本年上一年项目数量' END,
						CASE WHEN prev_prev_items IS NULL THEN '上年上一年项目数量' END,
						CASE WHEN prev_change IS NULL THEN '上年本年增/减' END)),
	   NULL, NULL
FROM table2
WHERE template = '2019' AND previous_template = '2019'
  AND code NOT IN ('regulations', 'normative_documents')
  AND (prev_items IS NULL OR prev_prev_items IS NULL OR prev_change IS NULL)
UNION ALL
SELECT id, previous_id, organ_key, year, 'xy_copied_text', 'warning', 'section:' || no,
	   format('第%s部分与%s年度报告内容雷同（相似度 %s）', CASE no WHEN 1 THEN '一' ELSE '五' END,
			  year - 1, round(sim::numeric, 2)),
	   NULL, round(sim::numeric, 4)
FROM texts WHERE sim >= 0.9;

COMMENT ON VIEW @extschema@.cross_year_findings IS
'Rules across consecutive years of the same organ (organ_key, else the normalised organ name): xy_carryover, xy_in_force, xy_prev_items, xy_copied_text';

CREATE VIEW @extschema@.compliance_summary AS
WITH rule_counts AS (
	SELECT o.year, o.template, f.rule, count(DISTINCT f.report_id) AS reports
	FROM @extschema@.report_overview o JOIN @extschema@.findings f ON f.report_id = o.id
	WHERE f.severity IN ('error', 'warning')
	GROUP BY 1, 2, 3
)
SELECT o.year, o.template, count(*) AS reports,
	   round(avg(o.valid::int), 3) AS share_valid,
	   round(avg(o.on_time::int), 3) AS share_on_time,
	   count(*) FILTER (WHERE o.on_time IS NULL) AS date_unknown,
	   (SELECT array_agg(rc.rule ORDER BY rc.reports DESC, rc.rule)
		FROM (SELECT * FROM rule_counts rc WHERE rc.year IS NOT DISTINCT FROM o.year
			  AND rc.template IS NOT DISTINCT FROM o.template ORDER BY rc.reports DESC, rc.rule LIMIT 5) rc
	   ) AS frequent_rules
FROM @extschema@.report_overview o
GROUP BY o.year, o.template;

COMMENT ON VIEW @extschema@.compliance_summary IS
'Per year and template: reports, share valid (no error finding), share published on time (of those with a known date), the five rules found in most reports';
