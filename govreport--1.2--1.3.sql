/* govreport--1.2--1.3.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION govreport UPDATE TO '1.3'" to load this file. \quit

--
-- The planner is told what the functions cost and how many rows they return.
-- COST is in units of cpu_operator_cost, the time of one simple operator
-- (about 10 ns); the figures are times measured per call on reports of about
-- 8 KB (test/bench).  Without them every C function costs as much as an
-- addition, so a WHERE clause could run the parse before a cheap test, and
-- a scan over stored reports was not worth workers to the planner.  ROWS is
-- the findings of a typical report (about 10) and the rules in the catalog:
-- the default of 1000 made the planner expect 100 times too many rows from
-- every lateral validate(), enough to compile a small query with JIT.
--

ALTER FUNCTION @extschema@.parse_report(text) COST 3500;
ALTER FUNCTION @extschema@.validate(text) ROWS 10 COST 4000;
ALTER FUNCTION @extschema@.is_valid(text) COST 4000;
ALTER FUNCTION @extschema@.validate(@extschema@.report) ROWS 10 COST 1000;
ALTER FUNCTION @extschema@.is_valid(@extschema@.report) COST 1000;
ALTER FUNCTION @extschema@.rule_catalog() ROWS 34 COST 10;
ALTER FUNCTION @extschema@.similarity(text, text) COST 2000;
ALTER FUNCTION @extschema@.publication_deadline(text, int) COST 10;
