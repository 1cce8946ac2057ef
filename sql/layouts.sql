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

-- A page saved as HTML by Word: cells hold <p class=MsoNormal>, and list
-- numbers come wrapped in 「<![if !supportLists]>…<![endif]>」, comments to
-- HTML.  Its cells read as those of the plain page, with no more notes.
WITH word AS (
  SELECT name, body,
         regexp_replace(regexp_replace(body,
           '<td([^>]*)>([0-9]\.|（[一二三四五六七]）)',
           '<td\1><p class=MsoNormal><![if !supportLists]><span lang=EN-US>\2</span><![endif]>', 'g'),
           '<td([^>]*)>([0-9]+)</td>',
           '<td\1><p class=MsoNormal><span lang=EN-US>\2<o:p></o:p></span></p></td>', 'g') AS word_body
  FROM fixtures WHERE name LIKE 'layout%/html'),
parsed AS (SELECT name, govreport.parse_report(body) AS r, govreport.parse_report(word_body) AS w,
                  (length(word_body) - length(replace(word_body, 'supportLists', ''))) / 12 AS wrapped
           FROM word)
SELECT name, wrapped,
       ARRAY(SELECT (a.code, a.natural_person, a.commercial, a.research, a.social_welfare,
                     a.legal_service, a.other_org, a.total) FROM unnest((w).applications) a)
         = ARRAY(SELECT (a.code, a.natural_person, a.commercial, a.research, a.social_welfare,
                         a.legal_service, a.other_org, a.total) FROM unnest((r).applications) a) AS same_table3,
       ARRAY(SELECT (c.code, c.measure, c.value) FROM unnest((w).active) c)
         = ARRAY(SELECT (c.code, c.measure, c.value) FROM unnest((r).active) c) AS same_table2,
       ARRAY(SELECT (p.kind, p.total) FROM unnest((w).proceedings) p)
         = ARRAY(SELECT (p.kind, p.total) FROM unnest((r).proceedings) p) AS same_table4,
       cardinality((w).notes) - cardinality((r).notes) AS extra_notes
FROM parsed ORDER BY name;

-- Word and many sites wrap long lines of a page's source, inside headings,
-- paragraphs and cells alike; a browser shows such a line break as a space.
-- The HTML layouts with every text of six characters or more broken after
-- its fourth read the same sections and cells, with no more notes.
WITH wrapped AS (
  SELECT name, body,
         regexp_replace(body, '>([^<>\n0-9][^<>\n]{3})([^<>\n]{2,})<', E'>\\1\n\\2<', 'g') AS wrapped_body
  FROM fixtures WHERE name LIKE 'layout%/html'),
parsed AS (SELECT name, govreport.parse_report(body) AS r, govreport.parse_report(wrapped_body) AS w,
                  length(wrapped_body) - length(body) AS breaks
           FROM wrapped)
SELECT name, breaks,
       ARRAY(SELECT s.title FROM unnest((w).sections) s)
         = ARRAY(SELECT s.title FROM unnest((r).sections) s) AS same_sections,
       (w).organ = (r).organ AND (w).title = (r).title AND (w).year = (r).year AS same_metadata,
       ARRAY(SELECT (a.code, a.natural_person, a.total) FROM unnest((w).applications) a)
         = ARRAY(SELECT (a.code, a.natural_person, a.total) FROM unnest((r).applications) a) AS same_table3,
       ARRAY(SELECT (c.code, c.measure, c.value) FROM unnest((w).active) c)
         = ARRAY(SELECT (c.code, c.measure, c.value) FROM unnest((r).active) c) AS same_table2,
       cardinality((w).notes) - cardinality((r).notes) AS extra_notes
FROM parsed ORDER BY name;

-- Older sites put the whole article in one cell of a layout table, beside a
-- navigation cell: that cell is page layout, and the page reads as the
-- plain one (section titles end at their line).
WITH framed AS (
  SELECT name, body,
         replace(replace(body, '<body>',
           '<body><table width="100%"><tr><td width="20%">首页 &gt; 政务公开</td><td class="content">'),
           '</body>', '</td></tr></table></body>') AS framed_body
  FROM fixtures WHERE name LIKE 'layout%/html'),
parsed AS (SELECT name, govreport.parse_report(body) AS r, govreport.parse_report(framed_body) AS f
           FROM framed)
SELECT name,
       ARRAY(SELECT s.title FROM unnest((f).sections) s)
         = ARRAY(SELECT s.title FROM unnest((r).sections) s) AS same_sections,
       (f).organ = (r).organ AND (f).title = (r).title AND (f).year = (r).year AS same_metadata,
       ARRAY(SELECT (a.code, a.natural_person, a.total) FROM unnest((f).applications) a)
         = ARRAY(SELECT (a.code, a.natural_person, a.total) FROM unnest((r).applications) a) AS same_table3,
       ARRAY(SELECT (c.code, c.measure, c.value) FROM unnest((f).active) c)
         = ARRAY(SELECT (c.code, c.measure, c.value) FROM unnest((r).active) c) AS same_table2,
       cardinality((f).notes) - cardinality((r).notes) AS extra_notes
FROM parsed ORDER BY name;
