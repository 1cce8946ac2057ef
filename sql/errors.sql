-- Bad input: clear errors with specific SQLSTATEs, or notes; never a crash.
CREATE FUNCTION pg_temp.sqlstate_of(body text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  PERFORM govreport.parse_report(body);
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ' ' || SQLERRM;
END $$;

-- over 100 MB: program_limit_exceeded, not an internal error
SELECT pg_temp.sqlstate_of(repeat('一', 35000000));

-- garbage of many kinds parses to an empty report, with no error
SELECT length(t) AS len, (govreport.parse_report(t)).year,
       cardinality((govreport.parse_report(t)).applications) AS applications
FROM (VALUES (repeat(E'\t', 200000)), (repeat('|', 200000)), (repeat('(', 100000)),
             (repeat('<table><tr><td>', 2000)), ('<html><body><table><tr><td>一、本年新收'),
             (E'\x01\x02\x7f控制字符'), ('😀‮‭emoji 与 bidi'), (repeat('9', 5000)),
             (repeat('一、本年新收政府信息公开申请数量 ', 3000))) v(t);

-- a truncated report keeps what it has
SELECT a.code, a.total, cardinality((x.r).applications) AS rows_read
FROM (SELECT govreport.parse_report(left(body, strpos(body, '3.危及')))
      FROM fixtures WHERE name = 'seed003') x(r), unnest((x.r).applications) a
ORDER BY a.pos DESC LIMIT 1;

-- negative cells are read as printed (validation reports them)
SELECT a.natural_person, a.total
FROM unnest((govreport.parse_report(E'一、本年新收政府信息公开申请数量\t-3\t0\t0\t0\t0\t0\t-3\n')).applications) a;

-- a report repeated 200 times: the first copy's tables are read
SELECT cardinality((x.r).applications) AS applications, (x.r).organ, (x.r).year
FROM (SELECT govreport.parse_report(repeat(body, 200)) FROM fixtures WHERE name = 'seed003') x(r);

-- markup of a megabyte (attributes, a comment, blanks in an end tag, a doctype) is
-- read past in one pass, and the page reads the same: each position after it
-- moves by exactly the characters added
WITH padded AS (
       SELECT body,
              regexp_replace(replace(replace(replace(body,
                '<!DOCTYPE html>', '<!DOCTYPE html ' || repeat('d', 1000000) || '>'),
                '<body>', '<body><p title="' || repeat('一', 1000000) || '"></p><!--' || repeat('c', 1000000) || '-->'),
                '</h1>', '</h1' || repeat(' ', 1000000) || '>'),
                '<table border="1">', '<table data-x=' || repeat('v', 1000000) || ' border="1">') AS long_body
       FROM fixtures WHERE name = 'layout2021/html'),
     parsed AS (SELECT govreport.parse_report(body) AS r, govreport.parse_report(long_body) AS l,
                       length(long_body) - length(body) AS added FROM padded)
SELECT (l).organ, (l).year, added,
       ARRAY(SELECT (s.no, s.title) FROM unnest((l).sections) s)
         = ARRAY(SELECT (s.no, s.title) FROM unnest((r).sections) s) AS same_sections,
       ARRAY(SELECT (a.code, a.natural_person, a.total, a.pos - added) FROM unnest((l).applications) a)
         = ARRAY(SELECT (a.code, a.natural_person, a.total, a.pos) FROM unnest((r).applications) a) AS same_table3,
       ARRAY(SELECT (c.code, c.measure, c.value) FROM unnest((l).active) c)
         = ARRAY(SELECT (c.code, c.measure, c.value) FROM unnest((r).active) c) AS same_table2,
       cardinality((l).notes) = cardinality((r).notes) AS same_notes
FROM parsed;
