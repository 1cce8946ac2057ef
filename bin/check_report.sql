-- Prints one report given in the psql variable "body" (used by bin/govreport check).
\pset footer off
\pset null '∅'
-- each report runs in its own psql session: the temporary table is new
CREATE TEMP TABLE current_report AS SELECT govreport.parse_report(:'body') AS r;

SELECT (r).organ AS "发布机关 organ", (r).year AS "年度 year",
       (r).template AS "格式 template", (r).published_on AS "发布日期 published_on"
FROM current_report;

SELECT a.natural_person AS "自然人", a.commercial AS "商业企业", a.research AS "科研机构",
       a.social_welfare AS "社会公益组织", a.legal_service AS "法律服务机构",
       a.other_org AS "其他", a.total AS "总计"
FROM current_report, unnest((r).applications) a
WHERE a.code = '3.7';

SELECT n.code AS "说明 note", n.pos AS "位置 pos", n.message AS "内容 message"
FROM current_report, unnest((r).notes) n;

-- findings grouped by severity, errors first
\pset format unaligned
\pset tuples_only on
SELECT format(E'%s（%s 条）\n%s',
              CASE f.severity WHEN 'error' THEN '错误 error' WHEN 'warning' THEN '警告 warning' ELSE '提示 info' END,
              count(*),
              string_agg(format('  - [%s] %s（%s）', f.rule, f.message, f.location), E'\n' ORDER BY f.location))
FROM govreport.validate(:'body') f
GROUP BY f.severity
ORDER BY CASE f.severity WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END;
\pset tuples_only off
\pset format aligned
