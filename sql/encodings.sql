-- Databases whose encoding is not UTF-8: the extension installs, text is
-- converted for parsing and results come back in the database encoding.
SELECT current_database() AS regress_db \gset
CREATE DATABASE govreport_euc ENCODING 'EUC_CN' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
CREATE DATABASE govreport_ascii ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;

\c govreport_euc
SET client_encoding = 'UTF8';
CREATE EXTENSION govreport;
SELECT (r).organ, (r).year, a.code, a.total, n.code AS note
FROM (SELECT govreport.parse_report(E'青山县人民政府2020年政府信息公开工作年度报告\n'
  || E'三、收到和处理政府信息公开申请情况\n'
  || E'一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t１,２３４（其中网上申请1200件）\n') r) x,
     unnest((r).applications) a, unnest((r).notes) n;

\c govreport_ascii
SET client_encoding = 'UTF8';
CREATE EXTENSION govreport;
SELECT (govreport.parse_report(E'青山县人民政府2020年政府信息公开工作年度报告')).organ;
-- bytes that are not UTF-8 get a clear error with a hint
\set VERBOSITY default
DO $$
BEGIN
  PERFORM govreport.parse_report(convert_from('\xe99d92ff'::bytea, 'SQL_ASCII'));
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'SQLSTATE %: %', SQLSTATE, SQLERRM;
END $$;

\c :regress_db
DROP DATABASE govreport_euc;
DROP DATABASE govreport_ascii;
