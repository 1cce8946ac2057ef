/*
 * govreport_pg.h — shared by the glue files: type caches and conversions.
 */
#ifndef GOVREPORT_PG_H
#define GOVREPORT_PG_H

#include "postgres.h"
#include "fmgr.h"
#include "access/htup.h"
#include "access/tupdesc.h"

#include "gr_core.h"
#include "gr_rules.h"

#define GRPG_REPORT_NATTS 11

typedef struct grpg_element
{
	Oid			type;
	TupleDesc	desc;
	int16		typlen;
	bool		typbyval;
	char		typalign;
} grpg_element;

typedef struct grpg_types
{
	Oid			report_type;
	TupleDesc	report;
	grpg_element section;
	grpg_element active;
	grpg_element application;
	grpg_element proceeding;
	grpg_element note;
	Oid			finding_array_type; /* govreport.finding[] */
	grpg_element finding;		/* its element */
} grpg_types;

/* Type information of govreport.report and govreport.finding, cached per call site. */
grpg_types *grpg_report_types(FunctionCallInfo fcinfo);
grpg_types *grpg_argument_types(FunctionCallInfo fcinfo, HeapTupleHeader report);
Datum		grpg_report_datum(grpg_types *types, const gr_report *r);
gr_report  *grpg_parse_text(text *body, MemoryContext parse_cxt);
bool		grpg_converts(void);
char	   *grpg_text_to_utf8(text *t, size_t *len);
char	   *grpg_utf8_to_server(const char *s, size_t len);
text	   *grpg_utf8_to_text(const char *s);
Datum		grpg_decimal_datum(bool has, gr_decimal d, bool *isnull);
void		grpg_finding_values(const gr_finding *f, Datum *values, bool *nulls);
Datum		grpg_findings_array(const grpg_types *types, const gr_validation *v);

#endif
