-- Session settings a caller may have: govreport's SQL functions, views and
-- trigger behave the same.

-- A hostile search_path: objects named like the built-ins govreport uses, in a
-- schema searched before pg_catalog, are never called by govreport.
CREATE SCHEMA hostile;
CREATE FUNCTION hostile.regexp_replace(text, text, text, text) RETURNS text
  LANGUAGE sql AS $$ SELECT 'hijacked' $$;
CREATE FUNCTION hostile.unnest(anyarray) RETURNS SETOF text
  LANGUAGE sql AS $$ SELECT 'hijacked' $$;
CREATE FUNCTION hostile.md5(text) RETURNS text
  LANGUAGE sql AS $$ SELECT 'hijacked' $$;
CREATE FUNCTION hostile.nullif_text(text, text) RETURNS text
  LANGUAGE sql AS $$ SELECT 'hijacked' $$;
CREATE OPERATOR hostile.= (LEFTARG = text, RIGHTARG = text, FUNCTION = hostile.nullif_text);
SET search_path = hostile, pg_catalog, public;
SELECT govreport.organ_key('青山县 人民政府（办公室）') AS organ_key;
-- (this test's own comparisons name pg_catalog's operator, since its = is taken)
INSERT INTO govreport.reports (source, body)
  SELECT 'settings', body FROM public.fixtures WHERE name OPERATOR(pg_catalog.=) 'seed003';
SELECT length(body_md5) AS md5_length, match_key, (report).year FROM govreport.reports;
SELECT code, applicant, value FROM govreport.application_facts
WHERE code OPERATOR(pg_catalog.=) '1' AND applicant OPERATOR(pg_catalog.=) 'total';
SELECT rule, location FROM govreport.findings ORDER BY 1, 2 LIMIT 3;
SELECT govreport.reparse(false) AS reparsed;
SELECT organ, year, errors FROM govreport.report_overview;
DELETE FROM govreport.reports WHERE source OPERATOR(pg_catalog.=) 'settings';
RESET search_path;
DROP SCHEMA hostile CASCADE;

-- standard_conforming_strings off: backslashes in E'' and plain literals as the caller writes them
SET standard_conforming_strings = off;
SELECT a.code, a.total
FROM unnest((govreport.parse_report(E'一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n')).applications) a;
SELECT count(*) AS rules FROM govreport.rules;
RESET standard_conforming_strings;

-- a LATIN1 database cannot hold the Chinese labels and messages govreport is
-- made of: CREATE EXTENSION refuses with untranslatable_character (22P05)
-- rather than install garbled text
SELECT current_database() AS regress_db \gset
CREATE DATABASE govreport_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c govreport_latin1
SET client_encoding = 'UTF8';
DO $$
BEGIN
  CREATE EXTENSION govreport;
EXCEPTION WHEN untranslatable_character THEN
  RAISE NOTICE 'SQLSTATE %: %', SQLSTATE, SQLERRM;
END $$;
SELECT count(*) AS installed FROM pg_extension WHERE extname = 'govreport';
\c :regress_db
DROP DATABASE govreport_latin1;

-- govreport.regex_jit is read when a session first parses: it can be set in
-- postgresql.conf or at connection start, not with SET
SELECT (govreport.parse_report(body)).year FROM fixtures WHERE name = 'seed000';
-- on by default; the valgrind run sets it off for the whole server
SELECT current_setting('govreport.regex_jit') IN ('on', 'off') AS regex_jit_known;
SET govreport.regex_jit = off;
-- a session started with it off parses the same, by the interpreter
CREATE EXTENSION IF NOT EXISTS dblink;
SELECT dblink_connect('nojit', format('dbname=%s host=%s port=%s options=''-c govreport.regex_jit=off''',
  current_database(), split_part(current_setting('unix_socket_directories'), ',', 1), current_setting('port')));
SELECT (SELECT to_jsonb(govreport.parse_report(body)) FROM fixtures WHERE name = 'seed000') =
       (SELECT j::jsonb FROM dblink('nojit', format('SELECT to_jsonb(govreport.parse_report(%L))',
          (SELECT body FROM fixtures WHERE name = 'seed000'))) AS t(j text)) AS same_without_jit;
SELECT * FROM dblink('nojit', 'SELECT current_setting(''govreport.regex_jit'')') AS t(regex_jit text);
SELECT dblink_disconnect('nojit');
