-- The same numbers in every layout give the same arrays (positions aside),
SET datestyle = ISO;
-- for both templates.  Reference: the tab-separated rendering.
CREATE TEMP TABLE lay AS
SELECT split_part(name, '/', 1) AS dir, split_part(name, '/', 2) AS layout,
       govreport.parse_report(body) AS r
FROM fixtures WHERE name LIKE 'layout%';

CREATE TEMP VIEW lay_cmp AS
SELECT dir, layout, (r).organ, (r).year, (r).template, (r).title, (r).published_on,
       ARRAY(SELECT row(a.code, a.name, a.label, a.natural_person, a.commercial, a.research,
                        a.social_welfare, a.legal_service, a.other_org, a.total)::text
             FROM unnest((r).applications) a) AS applications,
       ARRAY(SELECT row(c.item, c.code, c.label, c.measure, c.value)::text
             FROM unnest((r).active) c) AS active,
       ARRAY(SELECT row(p.kind, p.upheld, p.corrected, p.other, p.pending, p.total)::text
             FROM unnest((r).proceedings) p) AS proceedings,
       ARRAY(SELECT s.no || s.title FROM unnest((r).sections) s) AS sections
FROM lay;

SELECT l.dir, l.layout,
       (l.organ, l.year, l.template, l.title, l.published_on)
         IS NOT DISTINCT FROM (t.organ, t.year, t.template, t.title, t.published_on) AS metadata,
       l.sections = t.sections AS sections,
       l.active = t.active AS active,
       l.applications = t.applications AS applications,
       l.proceedings = t.proceedings AS proceedings
FROM lay_cmp l JOIN lay_cmp t ON t.dir = l.dir AND t.layout = 'tsv'
ORDER BY l.dir, l.layout;

-- the reference values themselves
SELECT dir, organ, year, template, title, published_on, sections
FROM lay_cmp WHERE layout = 'tsv' ORDER BY dir;
SELECT dir, unnest(active) AS active FROM lay_cmp WHERE layout = 'tsv' ORDER BY dir;
SELECT dir, unnest(applications) AS applications FROM lay_cmp WHERE layout = 'tsv' ORDER BY dir;
SELECT dir, unnest(proceedings) AS proceedings FROM lay_cmp WHERE layout = 'tsv' ORDER BY dir;

-- what each layout had to infer is said in a note
SELECT dir, layout, n.code, n.message
FROM lay, unnest((r).notes) n ORDER BY dir, layout, n.pos;

-- A page saved from a GBK site keeps its charset declaration, but the text
-- it holds is UTF-8: the declaration changes nothing (same length, so the
-- positions agree too), in either form.
SELECT name,
       govreport.parse_report(replace(body, '<meta charset="utf-8">', '<meta charset="gbk"  >'))::text
         = govreport.parse_report(body)::text AS charset_declaration_ignored,
       (govreport.parse_report(replace(body, '<meta charset="utf-8">',
                                       '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'))).organ
FROM fixtures WHERE name LIKE 'layout%/html' ORDER BY name;

-- Whether a page reads as the plain one: sections, metadata, every cell of
-- the three tables, and no more notes.
CREATE FUNCTION pg_temp.reads_as(page govreport.report, plain govreport.report,
  OUT same_sections boolean, OUT same_metadata boolean, OUT same_table2 boolean,
  OUT same_table3 boolean, OUT same_table4 boolean, OUT extra_notes int)
LANGUAGE sql AS $$
  SELECT ARRAY(SELECT s.title FROM unnest(page.sections) s)
           = ARRAY(SELECT s.title FROM unnest(plain.sections) s),
         (page.organ, page.title, page.year) IS NOT DISTINCT FROM (plain.organ, plain.title, plain.year),
         ARRAY(SELECT (c.code, c.measure, c.value) FROM unnest(page.active) c)
           = ARRAY(SELECT (c.code, c.measure, c.value) FROM unnest(plain.active) c),
         ARRAY(SELECT (a.code, a.natural_person, a.commercial, a.research, a.social_welfare,
                       a.legal_service, a.other_org, a.total) FROM unnest(page.applications) a)
           = ARRAY(SELECT (a.code, a.natural_person, a.commercial, a.research, a.social_welfare,
                           a.legal_service, a.other_org, a.total) FROM unnest(plain.applications) a),
         ARRAY(SELECT (p.kind, p.upheld, p.corrected, p.other, p.pending, p.total) FROM unnest(page.proceedings) p)
           = ARRAY(SELECT (p.kind, p.upheld, p.corrected, p.other, p.pending, p.total) FROM unnest(plain.proceedings) p),
         cardinality(page.notes) - cardinality(plain.notes)
$$;

-- A page saved as HTML by Word: cells hold <p class=MsoNormal>, and list
-- numbers come wrapped in 「<![if !supportLists]>…<![endif]>」, comments to
-- HTML.  It reads as the plain page.
WITH word AS (
  SELECT name, body,
         regexp_replace(regexp_replace(body,
           '<td([^>]*)>([0-9]\.|（[一二三四五六七]）)',
           '<td\1><p class=MsoNormal><![if !supportLists]><span lang=EN-US>\2</span><![endif]>', 'g'),
           '<td([^>]*)>([0-9]+)</td>',
           '<td\1><p class=MsoNormal><span lang=EN-US>\2<o:p></o:p></span></p></td>', 'g') AS page
  FROM fixtures WHERE name LIKE 'layout%/html')
SELECT name, (length(page) - length(replace(page, 'supportLists', ''))) / 12 AS wrapped, c.*
FROM word, pg_temp.reads_as(govreport.parse_report(page), govreport.parse_report(body)) c
ORDER BY name;

-- Word and many sites wrap long lines of a page's source, inside headings,
-- paragraphs and cells alike; a browser shows such a line break as a space.
-- The HTML layouts with every text of six characters or more broken after
-- its fourth read as the plain pages.
WITH wrapped AS (
  SELECT name, body,
         regexp_replace(body, '>([^<>\n0-9][^<>\n]{3})([^<>\n]{2,})<', E'>\\1\n\\2<', 'g') AS page
  FROM fixtures WHERE name LIKE 'layout%/html')
SELECT name, length(page) - length(body) AS breaks, c.*
FROM wrapped, pg_temp.reads_as(govreport.parse_report(page), govreport.parse_report(body)) c
ORDER BY name;

-- Older sites put the whole article in one cell of a layout table, beside a
-- navigation cell: that cell is page layout, and the page reads as the
-- plain one (section titles end at their line).
WITH framed AS (
  SELECT name, body,
         replace(replace(body, '<body>',
           '<body><table width="100%"><tr><td width="20%">首页 &gt; 政务公开</td><td class="content">'),
           '</body>', '</td></tr></table></body>') AS page
  FROM fixtures WHERE name LIKE 'layout%/html')
SELECT name, c.*
FROM framed, pg_temp.reads_as(govreport.parse_report(page), govreport.parse_report(body)) c
ORDER BY name;

-- Markdown from converters marks the text of cells: Word's bold totals come
-- out as 「**231**」, a CMS page's <span> through pandoc as
-- 「[231]{style="font-size:10.5pt"}」.  The Markdown layouts with every
-- number of a cell so marked read as the plain ones, each row where its
-- label stands.
WITH marked AS (
  SELECT name, body, m.how,
         (SELECT count(*) FROM regexp_matches(body, '\| [0-9]+(\.[0-9]+)? ', 'g')) AS cells,
         regexp_replace(body, '\| ([0-9]+(\.[0-9]+)?) ', '| ' || m.open || '\1' || m.close || ' ', 'g') AS page
  FROM fixtures,
       (VALUES ('bold', '**', '**'), ('span', '[', ']{style="font-size:10.5pt"}')) m(how, open, close)
  WHERE name LIKE 'layout%/markdown')
SELECT name, how, cells, c.*,
       ARRAY(SELECT substr(page, a.pos, 6) FROM unnest((govreport.parse_report(page)).applications) a)
         = ARRAY(SELECT substr(body, a.pos, 6) FROM unnest((govreport.parse_report(body)).applications) a)
         AS rows_at_their_labels
FROM marked, pg_temp.reads_as(govreport.parse_report(page), govreport.parse_report(body)) c
ORDER BY name, how;

-- Python's html2text writes cells that hold paragraphs one a line, 「|」 alone
-- on a line between two cells and two spaces ending a row: the blank cell
-- between two 「|」 lines keeps its column (本年增/减 NULL, the rest read).
SELECT c.code, c.measure, c.value, n.notes
FROM govreport.parse_report(E'第二十条第（六）项  \n  \n---  \n  \n信息内容\n\n|\n\n上一年项目数量\n\n|\n\n本年增/减\n\n|\n\n处理决定数量  \n  \n' ||
                            E'行政处罚\n\n|\n\n77\n\n|\n\n447\n\n|\n\n497  \n  \n' ||
                            E'行政强制\n\n|\n\n332\n\n|\n\n\n\n|\n\n317  \n  \n') r,
     unnest(r.active) c,
     LATERAL (SELECT count(*) AS notes FROM unnest(r.notes) n WHERE n.code NOT IN ('row_not_found', 'table_not_found')) n
ORDER BY c.code, c.measure;

-- lynx -dump prints a wide table one cell per line, each at its column's
-- indentation, and the cell after an empty one at the page's margin: the
-- empty cell is placed before it (本年增/减 NULL, 317 处理决定数量), with a note.
SELECT c.code, c.measure, c.value, n.code AS note
FROM (SELECT string_agg(E'\n' || repeat(' ', CASE WHEN l LIKE '<%' THEN 3 ELSE 52 END) || ltrim(l, '<') || E'\n', '' ORDER BY k) AS page
      FROM unnest(ARRAY['第二十条第（六）项', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量',
                        '行政处罚', '77', '447', '497', '行政强制', '332', '<317',
                        '第二十条第（八）项', '信息内容', '上一年项目数量', '本年增/减', '行政事业性收费', '78', '371']) WITH ORDINALITY u(l, k)) d,
     govreport.parse_report(d.page) r,
     unnest(r.active) c
     LEFT JOIN LATERAL (SELECT n.code FROM unnest(r.notes) n WHERE n.code = 'blank_cells_placed') n ON c.code = 'coercion'
ORDER BY c.code, c.measure;
