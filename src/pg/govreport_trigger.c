/*
 * govreport_trigger.c — govreport.check_report(), a BEFORE ROW trigger that
 * parses and validates a text column on INSERT or UPDATE.
 *
 *   CREATE TRIGGER t BEFORE INSERT OR UPDATE ON drafts FOR EACH ROW
 *     EXECUTE FUNCTION govreport.check_report('text=body', 'report=parsed',
 *                                             'findings=findings', 'mode=reject');
 *
 * Arguments are key=value pairs (text, report, findings, mode) or the same
 * four in that order.  mode=flag stores and never rejects; mode=reject raises
 * check_violation when an error finding remains.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/rel.h"
#include "utils/typcache.h"

#include "gr_core.h"
#include "gr_rules.h"
#include "govreport_pg.h"

typedef struct trigger_args
{
	const char *text_column;
	const char *report_column;	/* NULL: not stored */
	const char *findings_column;	/* NULL: not stored */
	bool		reject;
} trigger_args;

static void
set_arg(trigger_args *a, const char *key, const char *value, const char *trigger_name)
{
	const char *v = (value && *value) ? value : NULL;

	if (strcmp(key, "text") == 0)
		a->text_column = v;
	else if (strcmp(key, "report") == 0)
		a->report_column = v;
	else if (strcmp(key, "findings") == 0)
		a->findings_column = v;
	else if (strcmp(key, "mode") == 0)
	{
		if (v == NULL || strcmp(v, "flag") == 0)
			a->reject = false;
		else if (strcmp(v, "reject") == 0)
			a->reject = true;
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("trigger \"%s\": mode must be flag or reject, not \"%s\"", trigger_name, v)));
	}
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("trigger \"%s\": unknown argument \"%s\"", trigger_name, key),
				 errhint("Arguments are text=COLUMN, report=COLUMN, findings=COLUMN and mode=flag|reject.")));
}

static trigger_args
read_args(Trigger *trigger)
{
	static const char *const positional[] = {"text", "report", "findings", "mode"};
	trigger_args a = {NULL, NULL, NULL, false};

	for (int i = 0; i < trigger->tgnargs; i++)
	{
		const char *arg = trigger->tgargs[i];
		const char *eq = strchr(arg, '=');

		if (eq)
			set_arg(&a, pnstrdup(arg, eq - arg), eq + 1, trigger->tgname);
		else if (i < 4)
			set_arg(&a, positional[i], arg, trigger->tgname);
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("trigger \"%s\": too many arguments", trigger->tgname)));
	}
	if (a.text_column == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("trigger \"%s\": no text column named", trigger->tgname),
				 errhint("Use govreport.check_report('text=body', 'report=parsed', 'findings=findings', 'mode=flag').")));
	return a;
}

/* Attribute number of a column, checked to have one of the expected types. */
static int
column(Relation rel, const char *name, Oid type1, Oid type2, const char *what)
{
	int			attno = SPI_fnumber(RelationGetDescr(rel), name);
	Oid			type;

	if (attno <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" named by govreport.check_report does not exist in \"%s\"",
						name, RelationGetRelationName(rel))));
	type = TupleDescAttr(RelationGetDescr(rel), attno - 1)->atttypid;
	if (type != type1 && type != type2)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" of \"%s\" has type %s, govreport.check_report needs %s",
						name, RelationGetRelationName(rel), format_type_be(type), what)));
	return attno;
}

/* check_violation with the error findings, in Chinese, in the DETAIL. */
static void
reject(const gr_validation *v, Relation rel)
{
	StringInfoData detail;
	int			errors = 0;

	initStringInfo(&detail);
	for (int i = 0; i < v->nfindings; i++)
	{
		const gr_finding *f = &v->findings[i];

		if (strcmp(f->severity, "error") != 0)
			continue;
		errors++;
		appendStringInfo(&detail, "%s[%s] %s（%s）", errors > 1 ? "\n" : "",
						 f->rule, f->message, f->location);
	}
	if (errors == 0)
		return;
	detail.data = grpg_utf8_to_server(detail.data, detail.len);
	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 errmsg("报告未通过校验：%d 项错误（表 %s）", errors, RelationGetRelationName(rel)),
			 errdetail("%s", detail.data),
			 errhint("查看全部发现（含警告）：SELECT * FROM govreport.validate(报告正文); "
					 "to see every finding, run govreport.validate() on the text.")));
}

PG_FUNCTION_INFO_V1(govreport_check_report);

Datum
govreport_check_report(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	rel;
	HeapTuple	tuple;
	trigger_args args;
	grpg_types *types;
	int			text_att;
	int			report_att = 0;
	int			findings_att = 0;
	bool		isnull;
	Datum		body;
	int			ncols = 0;
	int			cols[2];
	Datum		values[2];
	bool		nulls[2] = {false, false};

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("govreport.check_report() must be called as a trigger")));
	if (!TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\": govreport.check_report() must be a BEFORE ... FOR EACH ROW trigger",
						td->tg_trigger->tgname),
				 errhint("CREATE TRIGGER ... BEFORE INSERT OR UPDATE ON table FOR EACH ROW EXECUTE FUNCTION govreport.check_report(...)")));
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event) && !TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\": govreport.check_report() fires on INSERT or UPDATE only",
						td->tg_trigger->tgname)));

	rel = td->tg_relation;
	tuple = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	types = grpg_report_types(fcinfo);
	args = read_args(td->tg_trigger);
	text_att = column(rel, args.text_column, TEXTOID, VARCHAROID, "text");
	if (args.report_column)
		report_att = column(rel, args.report_column, types->report_type, types->report_type,
							"govreport.report");
	if (args.findings_column)
		findings_att = column(rel, args.findings_column, types->finding_array_type,
							  types->finding_array_type, "govreport.finding[]");

	body = heap_getattr(tuple, text_att, RelationGetDescr(rel), &isnull);
	if (isnull)
	{
		/* nothing to read: what was derived from the text is cleared too */
		if (report_att)
		{
			cols[ncols] = report_att;
			nulls[ncols++] = true;
		}
		if (findings_att)
		{
			cols[ncols] = findings_att;
			nulls[ncols++] = true;
		}
	}
	else
	{
		MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "govreport trigger",
												  ALLOCSET_DEFAULT_SIZES);
		MemoryContext old = MemoryContextSwitchTo(cxt);
		gr_report  *r = grpg_parse_text(DatumGetTextPP(body), cxt);
		gr_validation *v = gr_validate(r);

		MemoryContextSwitchTo(old);
		if (args.reject)
			reject(v, rel);
		if (report_att)
		{
			cols[ncols] = report_att;
			values[ncols++] = grpg_report_datum(types, r);
		}
		if (findings_att)
		{
			cols[ncols] = findings_att;
			values[ncols++] = grpg_findings_array(types, v);
		}
		MemoryContextDelete(cxt);
	}
	if (ncols > 0)
		tuple = heap_modify_tuple_by_cols(tuple, RelationGetDescr(rel), ncols, cols, values, nulls);
	return PointerGetDatum(tuple);
}
