-- Parse time against input size: one seed report repeated and cut to each size
-- from 1 KB to 50 MB.  Each size is parsed often enough to take about a second,
-- and the best round counts.  Linear time shows as a flat "µs per KB" column.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS govreport;
\set seed `cat test/fixtures/seeds/000_606ce09761f7e4c9.txt`

CREATE FUNCTION pg_temp.time_parse(body text, rounds int) RETURNS double precision
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; best double precision := 'Infinity';
BEGIN
  FOR r IN 1..3 LOOP
    t0 := clock_timestamp();
    FOR i IN 1..rounds LOOP
      PERFORM (govreport.parse_report(body)).year;
    END LOOP;
    best := least(best, extract(epoch FROM clock_timestamp() - t0) / rounds);
  END LOOP;
  RETURN best;
END $$;

WITH sizes(kb) AS (VALUES (1), (10), (100), (1000), (10000), (50000)),
seed AS (
  SELECT :'seed'::text AS body,
         octet_length(:'seed')::float8 / char_length(:'seed') AS bytes_per_char
), cut AS (
  -- about kb KB of whole characters
  SELECT kb, left(repeat(body, (kb * 1024 / octet_length(body)) + 1),
                  (kb * 1024 / bytes_per_char)::int) AS body
  FROM sizes, seed
), timed AS (
  SELECT kb, octet_length(body) AS bytes,
         pg_temp.time_parse(body, greatest(1, 20000 / kb)) AS seconds
  FROM cut
)
SELECT kb || ' KB' AS input, bytes,
       round((seconds * 1000)::numeric, 3) AS ms_per_parse,
       round((bytes / seconds / 1048576)::numeric, 1) AS mb_per_second,
       round((seconds * 1e6 / (bytes / 1024.0))::numeric, 2) AS us_per_kb
FROM timed ORDER BY kb;
