/* govreport--1.0.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION govreport" to load this file. \quit

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
