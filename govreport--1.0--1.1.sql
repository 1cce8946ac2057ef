/* govreport--1.0--1.1.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION govreport UPDATE TO '1.1'" to load this file. \quit

-- SQL functions have string bodies run with search_path = pg_catalog, pg_temp:
-- they install on PostgreSQL 13, and whatever the caller's search_path they call
-- only pg_catalog's built-ins and the objects of this schema, named in full.

--
-- The compliance page: one self-contained HTML document over the stored reports
--

CREATE FUNCTION @extschema@.html_text(t text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT replace(replace(replace(replace(
	t, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;')
$$;

COMMENT ON FUNCTION @extschema@.html_text(text) IS
'The text escaped for HTML content and attribute values (& < > ")';

-- Findings per rule: one bar per rule, by the number of reports it was found in.
CREATE FUNCTION @extschema@.svg_findings_per_rule()
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	WITH per_rule AS (
		SELECT f.rule, f.severity, r.description_zh, count(DISTINCT f.report_id) AS reports
		FROM @extschema@.findings f JOIN @extschema@.rules r ON r.id = f.rule
		WHERE f.severity = ANY (ARRAY['error', 'warning'])
		GROUP BY f.rule, f.severity, r.description_zh
	), ranked AS (
		SELECT p.*, row_number() OVER (ORDER BY p.reports DESC, p.rule) AS n,
			max(p.reports) OVER () AS most
		FROM per_rule p
	)
	SELECT format(
		'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="chart-rules" width="820" height="%s" role="img" aria-label="各规则涉及的报告数 / reports per rule">%s</svg>',
		28 * greatest(count(*), 1) + 10,
		coalesce(string_agg(format(
			'<g transform="translate(0,%s)"><title>%s</title><text x="0" y="17" class="label">%s</text>'
			'<rect x="430" y="4" height="18" width="%s" class="%s"/><text x="%s" y="18" class="value">%s</text></g>',
			(ranked.n - 1) * 28 + 5,
			@extschema@.html_text(ranked.rule),
			@extschema@.html_text(left(ranked.description_zh, 26)),
			round(320.0 * ranked.reports / ranked.most, 1),
			ranked.severity,
			round(436.0 + 320.0 * ranked.reports / ranked.most, 1),
			ranked.reports), '' ORDER BY ranked.n),
			'<text x="0" y="20" class="label">没有发现问题 / no findings</text>'))
	FROM ranked;
$$;

COMMENT ON FUNCTION @extschema@.svg_findings_per_rule() IS
'An SVG bar chart of the stored reports'' findings: per rule (errors and warnings), the number of reports it was found in';

-- Publication on time, per year: the shares on time, late and of unknown date.
CREATE FUNCTION @extschema@.svg_on_time_share()
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	WITH per_year AS (
		SELECT o.year,
			count(*) FILTER (WHERE o.on_time) AS on_time,
			count(*) FILTER (WHERE NOT o.on_time) AS late,
			count(*) FILTER (WHERE o.on_time IS NULL) AS unknown,
			count(*) AS reports,
			row_number() OVER (ORDER BY o.year) AS n
		FROM @extschema@.report_overview o
		WHERE o.year IS NOT NULL
		GROUP BY o.year
	)
	SELECT format(
		'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="chart-on-time" width="820" height="%s" role="img" aria-label="按时发布的比例 / share published on time">'
		'<g class="legend"><rect x="80" y="2" width="12" height="12" class="on-time"/><text x="96" y="13">按时 on time</text>'
		'<rect x="220" y="2" width="12" height="12" class="late"/><text x="236" y="13">逾期 late</text>'
		'<rect x="340" y="2" width="12" height="12" class="unknown"/><text x="356" y="13">日期不明 date unknown</text></g>%s</svg>',
		28 * greatest(count(*), 1) + 30,
		coalesce(string_agg(format(
			'<g transform="translate(0,%s)"><text x="0" y="17" class="label">%s</text>'
			'<rect x="80" y="4" height="18" width="%s" class="on-time"><title>按时 %s</title></rect>'
			'<rect x="%s" y="4" height="18" width="%s" class="late"><title>逾期 %s</title></rect>'
			'<rect x="%s" y="4" height="18" width="%s" class="unknown"><title>日期不明 %s</title></rect>'
			'<text x="690" y="18" class="value">%s / %s 按时</text></g>',
			(y.n - 1) * 28 + 24,
			y.year,
			round(600.0 * y.on_time / y.reports, 1), y.on_time,
			round(80.0 + 600.0 * y.on_time / y.reports, 1),
			round(600.0 * y.late / y.reports, 1), y.late,
			round(80.0 + 600.0 * (y.on_time + y.late) / y.reports, 1),
			round(600.0 * y.unknown / y.reports, 1), y.unknown,
			y.on_time, y.reports), '' ORDER BY y.n), ''))
	FROM per_year y;
$$;

COMMENT ON FUNCTION @extschema@.svg_on_time_share() IS
'An SVG chart of the stored reports: per year, the shares published on time, late and with no known date';

-- The applications flow of table 3 over all stored reports: received this
-- year and carried over (left) into the outcomes and the carry-forward (right).
CREATE FUNCTION @extschema@.svg_applications_flow()
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	WITH cells AS (
		SELECT a.code, sum(a.total) AS total
		FROM @extschema@.reports r, unnest((r.report).applications) a
		GROUP BY a.code
	), parts AS (
		SELECT v.side, v.ord, v.name, coalesce(sum(c.total), 0) AS total
		FROM (VALUES
			('in', 1, '本年新收 received', ARRAY['1']),
			('in', 2, '上年结转 carried over', ARRAY['2']),
			('out', 1, '予以公开 granted', ARRAY['3.1']),
			('out', 2, '部分公开 partly granted', ARRAY['3.2']),
			('out', 3, '不予公开 denied', ARRAY['3.3.1', '3.3.2', '3.3.3', '3.3.4', '3.3.5', '3.3.6', '3.3.7', '3.3.8']),
			('out', 4, '无法提供 unavailable', ARRAY['3.4.1', '3.4.2', '3.4.3']),
			('out', 5, '不予处理 not processed', ARRAY['3.5.1', '3.5.2', '3.5.3', '3.5.4', '3.5.5']),
			('out', 6, '其他处理 other', ARRAY['3.6', '3.6.1', '3.6.2', '3.6.3']),
			('out', 7, '结转下年度 carried forward', ARRAY['4'])) v(side, ord, name, codes)
		LEFT JOIN cells c ON c.code = ANY (v.codes)
		GROUP BY v.side, v.ord, v.name
	), placed AS (
		-- vertical extent of each part in its column; both columns share one scale
		SELECT p.*,
			sum(p.total) OVER (PARTITION BY p.side ORDER BY p.ord) - p.total AS before,
			sum(p.total) OVER (PARTITION BY p.side) AS side_total,
			greatest((SELECT max(s.t) FROM (SELECT sum(q.total) AS t FROM parts q GROUP BY q.side) s), 1) AS scale_total,
			row_number() OVER (PARTITION BY p.side ORDER BY p.ord) AS k
		FROM parts p
	), geometry AS (
		SELECT pl.*,
			20 + 360.0 * pl.before / pl.scale_total + (pl.k - 1) * 6 AS y0,
			360.0 * pl.total / pl.scale_total AS h,
			-- where this outcome's share of everything received starts and ends on the left
			20 + 360.0 * pl.before / pl.scale_total AS band0,
			20 + 360.0 * (pl.before + pl.total) / pl.scale_total AS band1
		FROM placed pl
	)
	SELECT format(
		'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="chart-flow" width="820" height="%s" role="img" aria-label="依申请公开办理流向 / applications flow">%s%s%s</svg>',
		20 + 360 + 7 * 6 + 20,
		-- bands from the received column to each outcome
		(SELECT string_agg(format(
			'<polygon class="band band-%s" points="250,%s 520,%s 520,%s 250,%s"><title>%s %s</title></polygon>',
			g.ord, round(g.band0, 1), round(g.y0, 1),
			round(g.y0 + g.h, 1), round(g.band1, 1),
			@extschema@.html_text(g.name), g.total), '' ORDER BY g.ord)
		 FROM geometry g WHERE g.side = 'out' AND g.total > 0),
		-- the received column
		(SELECT string_agg(format(
			'<rect x="220" y="%s" width="30" height="%s" class="in in-%s"><title>%s %s</title></rect>'
			'<text x="212" y="%s" class="label" text-anchor="end">%s %s</text>',
			round(g.y0, 1), round(greatest(g.h, 1), 1), g.ord,
			@extschema@.html_text(g.name), g.total,
			round(g.y0 + g.h / 2 + 5, 1),
			@extschema@.html_text(g.name), g.total), '' ORDER BY g.ord)
		 FROM geometry g WHERE g.side = 'in'),
		-- the outcomes column
		(SELECT string_agg(format(
			'<rect x="520" y="%s" width="30" height="%s" class="out out-%s"><title>%s %s</title></rect>'
			'<text x="558" y="%s" class="label">%s %s</text>',
			round(g.y0, 1), round(greatest(g.h, 1), 1), g.ord,
			@extschema@.html_text(g.name), g.total,
			round(g.y0 + g.h / 2 + 5, 1),
			@extschema@.html_text(g.name), g.total), '' ORDER BY g.ord)
		 FROM geometry g WHERE g.side = 'out'));
$$;

COMMENT ON FUNCTION @extschema@.svg_applications_flow() IS
'An SVG flow chart of table 3 summed over the stored reports: applications received and carried over, into the outcomes and the carry-forward';

CREATE FUNCTION @extschema@.summary_html(title text DEFAULT '政府信息公开工作年度报告 合规概况')
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT concat(
		'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
		'<meta name="generator" content="govreport ', @extschema@.parser_version(), '">',
		'<title>', @extschema@.html_text(title), '</title><style>',
		'body{font-family:sans-serif;margin:2em auto;max-width:860px;color:#222}',
		'h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}',
		'table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:right}',
		'th{background:#f3f3f3}td.l{text-align:left}.chart text{font-size:12px;fill:#222}',
		'.error{fill:#c0392b}.warning{fill:#e6a23c}.on-time{fill:#2e8b57}.late{fill:#c0392b}.unknown{fill:#bbb}',
		'.in{fill:#3b6fb6}.out{fill:#7a8fa6}.out-7{fill:#c9a227}.band{fill:#3b6fb6;opacity:.18}',
		'</style></head><body>',
		'<h1>', @extschema@.html_text(title), '</h1>',
		'<p>', (SELECT count(*) FROM @extschema@.reports), ' 份报告 / reports; ',
		(SELECT count(*) FROM @extschema@.report_overview o WHERE o.valid), ' 份无错误 / without errors; ',
		(SELECT count(*) FROM @extschema@.report_overview o WHERE NOT o.on_time), ' 份逾期发布 / published late. ',
		'govreport ', @extschema@.parser_version(), '</p>',
		'<h2>各年度概况 / Per year</h2><table><tr><th>年度 year</th><th>格式 template</th><th>报告 reports</th>',
		'<th>无错误 valid</th><th>按时 on time</th><th>日期不明 date unknown</th><th class="l">常见问题 frequent rules</th></tr>',
		(SELECT string_agg(format(
			'<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class="l">%s</td></tr>',
			coalesce(s.year::text, '-'), coalesce(s.template, '-'), s.reports,
			coalesce(s.share_valid::text, '-'), coalesce(s.share_on_time::text, '-'),
			s.date_unknown, @extschema@.html_text(array_to_string(s.frequent_rules, ', '))),
			'' ORDER BY s.year, s.template)
		 FROM @extschema@.compliance_summary s),
		'</table>',
		'<h2>各规则发现的问题 / Findings per rule</h2>', @extschema@.svg_findings_per_rule(),
		'<h2>按时发布 / Published on time</h2>', @extschema@.svg_on_time_share(),
		'<h2>依申请公开办理流向 / Applications: received and carried over, by outcome</h2>',
		@extschema@.svg_applications_flow(),
		'</body></html>');
$$;

COMMENT ON FUNCTION @extschema@.summary_html(text) IS
'A self-contained HTML page (no scripts, no external files) over the stored reports: per-year summary table and inline SVG charts of findings per rule, on-time publication and the applications flow';
