-- Three real published reports (pdftotext -layout) against their hand-checked values.
CREATE TEMP TABLE real_parsed AS
SELECT f.name AS fixture, govreport.parse_report(f.body) AS r, t.doc
FROM fixtures f JOIN truth t USING (name);

-- truth row keys -> canonical codes
\i test/fixtures/truth_codes.sql

SELECT fixture, (r).organ = doc->>'organ' AS organ_ok, (r).year = (doc->>'year')::int AS year_ok,
       (r).template = doc->>'template' AS template_ok
FROM real_parsed ORDER BY fixture;

-- table 3: every cell against the truth (no rows = all exact)
WITH expected AS (
  SELECT p.fixture, c.code, e.ordinality AS col, e.value AS v
  FROM real_parsed p, jsonb_each(p.doc->'applications') j
  JOIN truth_codes c ON c.key = j.key, jsonb_array_elements(j.value) WITH ORDINALITY e
), actual AS (
  SELECT p.fixture, a.code, x.col, x.v
  FROM real_parsed p, unnest((p.r).applications) a,
       LATERAL (VALUES (1, a.natural_person), (2, a.commercial), (3, a.research),
                       (4, a.social_welfare), (5, a.legal_service), (6, a.other_org),
                       (7, a.total)) x(col, v)
)
SELECT coalesce(e.fixture, a.fixture) AS fixture, coalesce(e.code, a.code) AS code,
       coalesce(e.col, a.col) AS col, e.v AS expected, a.v AS actual
FROM expected e FULL JOIN actual a USING (fixture, code, col)
WHERE e.v IS NULL OR a.v IS DISTINCT FROM (e.v)::text::int
ORDER BY 1, 2, 3;

SELECT fixture, count(*) AS table3_cells_compared
FROM real_parsed, unnest((r).applications) GROUP BY fixture ORDER BY fixture;

-- table 4: the 15 numbers in table order
SELECT fixture,
       (SELECT array_agg(v ORDER BY k) FROM (
          SELECT (o - 1) * 5 + x.i AS k, x.v
          FROM unnest((r).proceedings) WITH ORDINALITY p(kind, upheld, corrected, other, pending, total, pos, o),
               LATERAL (VALUES (1, upheld), (2, corrected), (3, other), (4, pending), (5, total)) x(i, v)) s)
       = ARRAY(SELECT jsonb_array_elements_text(doc->'review_litigation')::int) AS table4_exact
FROM real_parsed ORDER BY fixture;

-- table 2: every printed number of each row, in order
SELECT fixture, j.key AS row_label,
       ARRAY(SELECT c.value FROM unnest((r).active) WITH ORDINALITY c
             WHERE c.label = j.key ORDER BY c.ordinality)
       = ARRAY(SELECT x::numeric FROM jsonb_array_elements_text(j.value) x) AS exact
FROM real_parsed, jsonb_each(doc->'active') j ORDER BY fixture, j.key;

SELECT fixture, n.code, n.message FROM real_parsed, unnest((r).notes) n ORDER BY fixture, n.pos;
