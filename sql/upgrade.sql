-- The upgrade path: install 1.0, store reports, ALTER EXTENSION UPDATE to the
-- current version.  The stored results stay identical, and the upgraded
-- extension is object for object the one a fresh install creates.
SELECT current_database() AS regress_db \gset
SELECT string_agg(format('(%L, %L)', name, body), ',' ORDER BY name) AS rows
FROM fixtures WHERE name LIKE 'seed%' OR name LIKE 'real%' OR name LIKE 'rules/fail_t3%' \gset
SELECT extversion AS current_version FROM pg_extension WHERE extname = 'govreport' \gset

-- every object of the extension with its definition and comment, as a query
SELECT $query$
	SELECT pg_describe_object(d.classid, d.objid, d.objsubid) || E'\n' ||
		coalesce(CASE d.classid
			WHEN 'pg_proc'::regclass THEN pg_get_functiondef(d.objid)
			WHEN 'pg_class'::regclass THEN coalesce(pg_get_viewdef(d.objid),
				(SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) ||
					-- a column's compression (PostgreSQL 14+; read so that 13 runs this too)
					coalesce(' compression ' || nullif(to_jsonb(a) ->> 'attcompression', ''), ''), ', ' ORDER BY a.attnum)
				 FROM pg_attribute a WHERE a.attrelid = d.objid AND a.attnum > 0 AND NOT a.attisdropped))
			WHEN 'pg_type'::regclass THEN (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
				FROM pg_type t JOIN pg_attribute a ON a.attrelid = t.typrelid WHERE t.oid = d.objid AND a.attnum > 0)
			END, '') || E'\n' || coalesce(obj_description(d.objid, d.classid::regclass::name), '')
	FROM pg_depend d
	WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
	  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'govreport')
$query$ AS extension_objects \gset

-- a fresh install of the current version
CREATE DATABASE govreport_fresh;
\c govreport_fresh
SET client_min_messages = warning;
CREATE EXTENSION govreport;
SELECT count(*) AS fresh_objects, md5(string_agg(o, E'\n---\n' ORDER BY o)) AS fresh_catalog
FROM (:extension_objects) AS x(o) \gset
INSERT INTO govreport.reports (source, body) VALUES :rows;
SELECT md5(string_agg(format('%s|%s|%s', source, report, findings), E'\n' ORDER BY source)) AS fresh_results,
       (SELECT md5(string_agg(row(v.source, v.organ_key, v.organ, v.year, v.template, v.published_on, v.deadline, v.on_time, v.errors, v.warnings, v.valid, v.stale)::text, E'\n' ORDER BY v.source)) FROM govreport.report_overview v) AS fresh_overview
FROM govreport.reports \gset

-- 1.0, with reports stored, then updated
CREATE DATABASE govreport_upgraded;
\c govreport_upgraded
SET client_min_messages = warning;
CREATE EXTENSION govreport VERSION '1.0';
SELECT extversion FROM pg_extension WHERE extname = 'govreport';
INSERT INTO govreport.reports (source, body) VALUES :rows;
SELECT md5(string_agg(format('%s|%s|%s', source, report, findings), E'\n' ORDER BY source)) AS results_1_0
FROM govreport.reports \gset
ALTER EXTENSION govreport UPDATE;
SELECT extversion = :'current_version' AS updated_to_current FROM pg_extension WHERE extname = 'govreport';
SELECT count(*) = :fresh_objects AS same_number_of_objects,
       md5(string_agg(o, E'\n---\n' ORDER BY o)) = :'fresh_catalog' AS same_objects_as_fresh_install
FROM (:extension_objects) AS x(o);
-- the rows stored under 1.0 are untouched, and equal to those stored under the current version
SELECT md5(string_agg(format('%s|%s|%s', source, report, findings), E'\n' ORDER BY source)) = :'results_1_0' AS stored_rows_unchanged,
       md5(string_agg(format('%s|%s|%s', source, report, findings), E'\n' ORDER BY source)) = :'fresh_results' AS same_as_fresh_install,
       (SELECT md5(string_agg(row(v.source, v.organ_key, v.organ, v.year, v.template, v.published_on, v.deadline, v.on_time, v.errors, v.warnings, v.valid, v.stale)::text, E'\n' ORDER BY v.source)) FROM govreport.report_overview v) = :'fresh_overview' AS same_overview
FROM govreport.reports;
-- what 1.1 added works on the upgraded database
SELECT position('<svg' IN govreport.summary_html()) > 0 AS page_with_charts;
-- 1.2: the stored texts compress with lz4 exactly where the server has it
SELECT coalesce(bool_and(to_jsonb(a) ->> 'attcompression' = 'l'), false) =
       EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals))
       AS lz4_where_the_server_has_it
FROM pg_attribute a
WHERE a.attrelid = 'govreport.reports'::regclass AND a.attname IN ('body', 'report', 'findings');
-- 1.3: the planner expects about ten findings from a validate() and knows the parse is costly
CREATE FUNCTION pg_temp.plan_rows(query text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
	RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::int;
END $$;
SELECT pg_temp.plan_rows('SELECT * FROM govreport.validate(govreport.parse_report(''x''))') AS findings_expected,
       pg_temp.plan_rows('SELECT * FROM govreport.rules') AS rules_expected;
SELECT proname, procost >= 30 AS costlier_than_an_operator
FROM pg_proc WHERE pronamespace = 'govreport'::regnamespace AND proname IN ('parse_report', 'validate', 'is_valid')
ORDER BY proname, procost;

\c :regress_db
DROP DATABASE govreport_fresh;
DROP DATABASE govreport_upgraded;
