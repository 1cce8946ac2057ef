-- Accuracy of parse_report over the extraction corpus, per extraction path.
-- Input: temp table extraction(path, name, body, truth jsonb), filled by test/extraction/score.
-- A cell is exact when the value read equals the printed one (NULL for a blank cell).
-- A silent miss is a cell that is not exact while no note of the report lies on its
-- row (between the row's position and the next row's), names the row, or says that
-- none of its table's rows was found.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE TEMP TABLE parsed AS
SELECT e.path, e.name AS fixture, e.truth, govreport.parse_report(e.body) AS r
FROM extraction e;

\i ../fixtures/truth_codes.sql

CREATE TEMP TABLE notes AS
SELECT p.path, p.fixture, n.code, n.pos, n.message FROM parsed p, unnest((p.r).notes) n;
CREATE INDEX ON notes (path, fixture);
ANALYZE notes;

-- every printed cell of tables 2, 3 and 4: (path, fixture, tbl, row, col, expected, actual, noted)
CREATE TEMP TABLE cells AS
WITH t3_rows AS (
  SELECT p.path, p.fixture, a.*,
         lead(a.pos) OVER (PARTITION BY p.path, p.fixture ORDER BY a.pos) AS next_pos
  FROM parsed p, unnest((p.r).applications) a
), t3_expected AS (
  SELECT p.path, p.fixture, c.code, e.ordinality::int AS col,
         CASE WHEN jsonb_typeof(e.value) = 'null' THEN NULL ELSE e.value::text::numeric END AS v
  FROM parsed p, jsonb_each(p.truth->'applications') j
  JOIN truth_codes c ON c.key = j.key, jsonb_array_elements(j.value) WITH ORDINALITY e
), t3 AS (
  SELECT x.path, x.fixture, 't3' AS tbl, x.code AS row, x.col, x.v AS expected,
         (ARRAY[a.natural_person, a.commercial, a.research, a.social_welfare,
                a.legal_service, a.other_org, a.total])[x.col]::numeric AS actual,
         a.pos AS row_pos, a.next_pos, coalesce(a.label, x.code) AS row_label
  FROM t3_expected x LEFT JOIN t3_rows a USING (path, fixture, code)
), t4_expected AS (
  SELECT p.path, p.fixture, e.ordinality::int AS k,
         CASE WHEN jsonb_typeof(e.value) = 'null' THEN NULL ELSE e.value::text::numeric END AS v
  FROM parsed p, jsonb_array_elements(p.truth->'review_litigation') WITH ORDINALITY e
), t4_actual AS (
  -- the next row is the next position: groups read from one printed row share theirs
  SELECT p.path, p.fixture, (o - 1) * 5 + x.i AS k, x.v::numeric AS v, pr.pos,
         (SELECT min(q.pos) FROM unnest((p.r).proceedings) q WHERE q.pos > pr.pos) AS next_pos, pr.kind
  FROM parsed p, unnest((p.r).proceedings) WITH ORDINALITY pr(kind, upheld, corrected, other, pending, total, pos, o),
       LATERAL (VALUES (1, upheld), (2, corrected), (3, other), (4, pending), (5, total)) x(i, v)
), t4 AS (
  SELECT x.path, x.fixture, 't4', ((x.k - 1) / 5)::text, x.k, x.v, a.v, a.pos, a.next_pos, a.kind
  FROM t4_expected x LEFT JOIN t4_actual a USING (path, fixture, k)
), t2_expected AS (
  SELECT p.path, p.fixture, j.key AS label, e.ordinality::int AS col,
         CASE WHEN jsonb_typeof(e.value) = 'null' THEN NULL ELSE e.value::text::numeric END AS v
  FROM parsed p, jsonb_each(p.truth->'active') j, jsonb_array_elements(j.value) WITH ORDINALITY e
), t2_actual AS (
  SELECT p.path, p.fixture, c.label, row_number() OVER (PARTITION BY p.path, p.fixture, c.label ORDER BY o)::int AS col,
         c.value AS v, c.pos
  FROM parsed p, unnest((p.r).active) WITH ORDINALITY c(item, code, label, measure, value, pos, o)
), t2 AS (
  SELECT x.path, x.fixture, 't2', x.label, x.col, x.v, a.v, a.pos, NULL::int, x.label
  FROM t2_expected x LEFT JOIN t2_actual a USING (path, fixture, label, col)
)
SELECT c.*, (c.expected IS NOT DISTINCT FROM c.actual) AS exact,
       EXISTS (SELECT 1 FROM notes n
               WHERE n.path = c.path AND n.fixture = c.fixture
                 AND ((c.row_pos IS NOT NULL AND n.pos >= c.row_pos AND (c.next_pos IS NULL OR n.pos < c.next_pos))
                      OR position(c.row_label IN n.message) > 0
                      -- a table none of whose rows was found: every cell of it
                      OR (n.code = 'table_not_found' AND
                          position(CASE c.tbl WHEN 't2' THEN '表二' WHEN 't3' THEN '表三' ELSE '表四' END IN n.message) > 0))) AS noted
FROM (SELECT * FROM t3 UNION ALL SELECT * FROM t4 UNION ALL SELECT * FROM t2) c;

CREATE TEMP TABLE meta AS
SELECT p.path, p.fixture, x.field, x.ok
FROM parsed p, LATERAL (VALUES
  ('organ', (p.r).organ IS NOT DISTINCT FROM p.truth->>'organ'),
  ('year', (p.r).year IS NOT DISTINCT FROM (p.truth->>'year')::int),
  ('template', (p.r).template IS NOT DISTINCT FROM p.truth->>'template'),
  ('published_on', CASE WHEN p.truth ? 'published_on'
                        THEN (p.r).published_on IS NOT DISTINCT FROM (p.truth->>'published_on')::date END)
) x(field, ok)
WHERE x.ok IS NOT NULL;

\pset footer off
SELECT path, count(DISTINCT fixture) AS reports,
       count(*) AS cells,
       round(100.0 * count(*) FILTER (WHERE exact) / count(*), 2) AS cells_exact_pct,
       count(*) FILTER (WHERE NOT exact AND actual IS NULL) AS null_noted,
       count(*) FILTER (WHERE NOT exact AND actual IS NOT NULL) AS wrong_values,
       count(*) FILTER (WHERE NOT exact AND NOT noted) AS silent_misses,
       (SELECT round(100.0 * count(*) FILTER (WHERE ok) / count(*), 2) FROM meta m WHERE m.path = c.path)
         AS metadata_exact_pct
FROM cells c GROUP BY path ORDER BY path;

\if :{?verbose}
SELECT path, fixture, tbl, row, col, expected, actual, noted FROM cells WHERE NOT exact ORDER BY 1, 2, 3, 4, 5;
SELECT path, fixture, field FROM meta WHERE NOT ok ORDER BY 1, 2, 3;
\endif
