-- The SQL surface of parse_report(): types, keys, declarations, NULL handling.
SET datestyle = ISO;

-- to_jsonb() gives exactly the keys of the public schema
SELECT array_agg(k ORDER BY k) AS report_keys
FROM jsonb_object_keys(to_jsonb(govreport.parse_report('x'))) k;

SELECT t.typname, array_agg(a.attname::text ORDER BY a.attnum) AS fields
FROM pg_type t
JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0
WHERE t.typnamespace = 'govreport'::regnamespace AND t.typtype = 'c'
  AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'
GROUP BY t.typname ORDER BY t.typname;

-- honest declarations, each with a comment
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p WHERE p.pronamespace = 'govreport'::regnamespace ORDER BY p.oid::regprocedure::text;

SELECT govreport.parser_version() = (govreport.parse_report('')).parser_version AS versions_agree;

-- STRICT: NULL in, NULL out
SELECT govreport.parse_report(NULL) IS NULL AS null_in_null_out;

-- text with no report in it: every field NULL, every array empty (never zero-filled)
SELECT r.organ, r.year, r.template, r.title, r.published_on,
       cardinality(r.sections) AS sections, cardinality(r.active) AS active,
       cardinality(r.applications) AS applications, cardinality(r.proceedings) AS proceedings,
       cardinality(r.notes) AS notes
FROM (SELECT (govreport.parse_report(t)).* FROM (VALUES (''), ('   '), (E'\n\n\t'), ('无')) v(t)) r;

-- pos is the 1-based character offset that position() counts
WITH f AS (SELECT body, govreport.parse_report(body) r FROM fixtures WHERE name = 'seed003')
SELECT a.code, substr(f.body, a.pos, 10) AS text_at_pos
FROM f, unnest((f.r).applications) a WHERE a.code IN ('1', '3.3.1', '3.7', '4');

WITH f AS (SELECT body, govreport.parse_report(body) r FROM fixtures WHERE name = 'seed003')
SELECT s.no, s.title, substr(f.body, s.pos, 4) AS text_at_pos, s.length > 0 AS has_length
FROM f, unnest((f.r).sections) s;

WITH f AS (SELECT body, govreport.parse_report(body) r FROM fixtures WHERE name = 'seed003')
SELECT c.code, c.measure, c.value, substr(f.body, c.pos, length(c.value::text)) AS text_at_pos
FROM f, unnest((f.r).active) c WHERE c.code = 'licensing';

-- a printed 0 is 0; 「/」「-」「—」「无」 and blanks are NULL
SELECT a.code, a.natural_person, a.commercial, a.research, a.social_welfare,
       a.legal_service, a.other_org, a.total
FROM unnest((govreport.parse_report(E'三、收到和处理政府信息公开申请情况\n'
  || E'一、本年新收政府信息公开申请数量\t0\t/\t-\t—\t无\t\t0\n'
  || E'二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n')).applications) a;

-- amounts: 元 converted to 万元, with a note
CREATE TEMP TABLE yuan AS SELECT govreport.parse_report(E'二、主动公开政府信息情况\n第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t2\t104200元\n') r;
SELECT c.code, c.measure, c.value FROM yuan, unnest((r).active) c;
SELECT n.code, n.pos, n.message FROM yuan, unnest((r).notes) n;

-- counts printed with their measure word (件, 个, 项) are read as counts
SELECT c.measure, c.value, cardinality(r.notes) AS notes
FROM govreport.parse_report(E'第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t231个\t1项\t2726件\n') r,
     unnest(r.active) c
WHERE c.code = 'licensing';

-- a number broken apart inside its cell (「96. 1234」) is NULL with a note, never half of it
SELECT a.natural_person, a.commercial, a.total, n.code, n.message
FROM govreport.parse_report(E'一、本年新收政府信息公开申请数量\t96. 1234\t2\t0\t0\t0\t0\t12\n') r,
     unnest(r.applications) a, unnest(r.notes) n
WHERE a.code = '1' AND n.code <> 'row_not_found';

-- a numeral OCR misread keeps its column: NULL there, with a note, and the row's other values in place
SELECT a.natural_person, a.commercial, a.total, n.code
FROM govreport.parse_report(E'一、本年新收政府信息公开申请数量\t1I0\t15\t2\t1\t3\t4\t145\n') r,
     unnest(r.applications) a, unnest(r.notes) n
WHERE n.code <> 'row_not_found';

-- a footnote mark or a full stop after a number: NULL with a note, never a number with the
-- mark's digit in it (「120¹」「2①」 are no 1201, 21), and the row's other values in place
SELECT a.natural_person, a.commercial, a.research, a.other_org, a.total, n.code, n.message
FROM govreport.parse_report(E'一、本年新收政府信息公开申请数量\t120¹\t15\t2①\t1\t3\t4.\t145\n') r,
     unnest(r.applications) a, unnest(r.notes) n
WHERE n.code <> 'row_not_found';

-- a table written in Chinese numerals is blank, and a note says why
SELECT n.code, n.message
FROM govreport.parse_report(E'一、本年新收政府信息公开申请数量\t零\t一\t零\t零\t零\t零\t一\n') r,
     unnest(r.notes) n
WHERE n.code <> 'row_not_found';

-- a 40-digit number is NULL with a note, never wrapped around
SELECT a.natural_person, a.total, n.code
FROM govreport.parse_report(E'一、本年新收政府信息公开申请数量\t1234567890123456789012345678901234567890\t0\t0\t0\t0\t0\t3000000000\n') r,
     unnest(r.applications) a, unnest(r.notes) n;

-- an annotated cell keeps its number and says so
SELECT c.value, n.code, n.message
FROM govreport.parse_report(E'第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t22（其中修订16件）\t3\t40\n') r,
     unnest(r.active) c, unnest(r.notes) n
WHERE c.code = 'normative_documents' AND c.measure = 'issued';

-- usable in parallel plans and in expressions over a table
SELECT name, (govreport.parse_report(body)).year, (govreport.parse_report(body)).template
FROM fixtures WHERE name LIKE 'seed%' ORDER BY name;

-- lines ended by a carriage return alone (old Mac text, Word's paragraph
-- mark) or by CR CR LF read as lines: each seed gives the same cells and
-- metadata as with LF (positions move with CR CR LF's extra characters)
CREATE FUNCTION pg_temp.cells(r govreport.report) RETURNS text LANGUAGE sql AS $$
  SELECT concat_ws(' / ', r.organ, r.year, r.template, r.published_on,
    (SELECT string_agg(concat_ws(':', c.code, c.measure, c.value), ' ' ORDER BY c.code, c.measure) FROM unnest(r.active) c),
    (SELECT string_agg(concat_ws(':', a.code, a.natural_person, a.commercial, a.research, a.social_welfare,
                                 a.legal_service, a.other_org, a.total), ' ' ORDER BY a.code) FROM unnest(r.applications) a),
    (SELECT string_agg(concat_ws(':', p.kind, p.upheld, p.corrected, p.other, p.pending, p.total), ' ' ORDER BY p.kind)
       FROM unnest(r.proceedings) p))
$$;
SELECT name, e.ending,
       pg_temp.cells(govreport.parse_report(replace(body, E'\n', e.eol))) = pg_temp.cells(govreport.parse_report(body)) AS same_cells,
       govreport.parse_report(replace(body, E'\n', e.eol)) = govreport.parse_report(body) AS same_report
FROM fixtures, (VALUES ('CR', E'\r'), ('CR CR LF', E'\r\r\n')) e(ending, eol)
WHERE name LIKE 'seed%' ORDER BY name, e.ending;

-- the minus sign of typesetting (U+2212, 「−3」) in 本年增/减 is a minus
SELECT c.code, c.measure, c.value
FROM govreport.parse_report(E'第二十条第（六）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政处罚\t1808\t\u22123\t1668\n') r,
     unnest(r.active) c
WHERE c.code = 'penalty' ORDER BY c.measure;

-- a round figure (「约30」「300余」) is no count: NULL with a note, in its
-- column; a count with its measure word after a space (「12 件」) is the count
SELECT c.code, c.measure, c.value
FROM govreport.parse_report(E'第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t约30\t0\t12 件\n行政规范性文件\t300余\t3\t40\n') r,
     unnest(r.active) c ORDER BY c.pos;
SELECT n.code, n.message
FROM govreport.parse_report(E'第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t约30\t0\t12 件\n行政规范性文件\t300余\t3\t40\n') r,
     unnest(r.notes) n ORDER BY n.pos;

-- a word before the number in its cell (「合计30」, 「共计2」 after the row's first
-- number) is noted and left out; a
-- cell of Chinese numerals among a row's numbers (「零」) is NULL in its column
SELECT c.code, c.measure, c.value
FROM govreport.parse_report(E'第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t合计30\t零\t12\n行政规范性文件\t5\t共计2\t40\n') r,
     unnest(r.active) WITH ORDINALITY c(item, code, label, measure, value, pos, o) ORDER BY c.o;
SELECT n.code, n.message
FROM govreport.parse_report(E'第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t合计30\t零\t12\n行政规范性文件\t5\t共计2\t40\n') r,
     unnest(r.notes) n ORDER BY n.pos;

-- a table whose line breaks were lost: a row's last number runs into the
-- next row's label (「…\t3119二、上年结转…」) and is read as that row's
SELECT f.name, a.code, a.natural_person, a.total
FROM fixtures f, unnest((govreport.parse_report(replace(f.body, E'\n', ''))).applications) a
WHERE f.name LIKE 'layout20%/tsv' AND a.code IN ('1', '2', '3.7', '4') ORDER BY f.name, a.code;

-- a table none of whose rows was found under its section's heading is noted
SELECT f.name, n.code, n.message
FROM fixtures f, unnest((govreport.parse_report(f.body)).notes) n
WHERE f.name LIKE 'rules/fail_table_\_present' AND n.code = 'table_not_found' ORDER BY f.name;

-- the organ of a title in brackets, or with its year after the subject
SELECT t, (govreport.parse_report(t || E'\n一、总体情况\n')).organ
FROM (VALUES ('【青山县教育局2022年政府信息公开工作年度报告】'), ('青山县教育局政府信息公开工作2022年度报告')) v(t);
