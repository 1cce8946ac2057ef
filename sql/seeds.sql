-- Every value, organ, year, template and note of the five seed reports.
SET datestyle = ISO;
CREATE TEMP TABLE parsed AS
SELECT name AS fixture, govreport.parse_report(body) AS r FROM fixtures WHERE name LIKE 'seed%';

SELECT fixture, (r).organ, (r).year, (r).template, (r).published_on, (r).title
FROM parsed ORDER BY fixture;

SELECT fixture, s.no, s.title, s.pos, s.length
FROM parsed, unnest((r).sections) s ORDER BY fixture, s.no;

SELECT fixture, c.item, c.code, c.label, c.measure, c.value, c.pos
FROM parsed, unnest((r).active) WITH ORDINALITY c ORDER BY fixture, c.ordinality;

SELECT fixture, a.code, a.name AS row_name, a.natural_person AS np, a.commercial AS com,
       a.research AS res, a.social_welfare AS soc, a.legal_service AS leg,
       a.other_org AS oth, a.total, a.pos
FROM parsed, unnest((r).applications) WITH ORDINALITY a ORDER BY fixture, a.ordinality;

SELECT fixture, p.kind, p.upheld, p.corrected, p.other, p.pending, p.total, p.pos
FROM parsed, unnest((r).proceedings) WITH ORDINALITY p ORDER BY fixture, p.ordinality;

SELECT fixture, n.code, n.pos, n.message
FROM parsed, unnest((r).notes) WITH ORDINALITY n ORDER BY fixture, n.ordinality;
