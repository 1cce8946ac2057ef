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
