/* govreport--1.2--1.3.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION govreport UPDATE TO '1.3'" to load this file. \quit

--
-- The planner is told how many rows the set-returning functions give: the
-- findings of a typical report (about 10) and the rules of the catalog.  The
-- default of 1000 made it expect a hundred times too many rows from every
-- lateral validate(): a scan of 10,000 reports looked costly enough to be
-- compiled with JIT, which cannot speed up C functions and left later parallel
-- scans of the session about 10 % slower (test/bench).
--
-- It is also told which functions are costly, so that a WHERE clause tests
-- the cheap conditions first and a long scan is worth parallel workers.
-- Measured per call on reports of about 8 KB, a parse costs some 3,500 simple
-- operators, validating a stored report some 1,000 (test/bench); the costs
-- below keep these proportions at a thirty-fifth of the scale, so that the
-- planner's cost of a scan, which decides JIT, reaches its threshold only
-- beyond about 400,000 parses, where compiling takes well under 1 % of the time.
--

ALTER FUNCTION @extschema@.parse_report(text) COST 100;
ALTER FUNCTION @extschema@.validate(text) ROWS 10 COST 110;
ALTER FUNCTION @extschema@.is_valid(text) COST 110;
ALTER FUNCTION @extschema@.validate(@extschema@.report) ROWS 10 COST 30;
ALTER FUNCTION @extschema@.is_valid(@extschema@.report) COST 30;
ALTER FUNCTION @extschema@.similarity(text, text) COST 80;
ALTER FUNCTION @extschema@.rule_catalog() ROWS 34;
