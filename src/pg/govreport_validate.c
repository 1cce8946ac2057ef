/*
 * govreport_validate.c — validate(), is_valid() and the rule catalog.
 *
 * validate(report) rebuilds the core's report from the composite, so rules
 * run the same on a stored report as on freshly parsed text; rules that read
 * the prose run only in validate(text).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"

#include "gr_core.h"
#include "gr_rules.h"
#include "govreport_pg.h"

/* ---------------------------------------------------------------- */
/* composite -> core report                                          */

/* The columns of one composite value, deformed once. */
#define MAX_FIELDS 16

typedef struct fields
{
	Datum		v[MAX_FIELDS];
	bool		n[MAX_FIELDS];
} fields;

/*
 * Deforms composite 't' of the row type described by 'desc' in one pass:
 * reading each column with GetAttributeByNum would look the type up and
 * walk the tuple again for every column.
 */
static void
deform(TupleDesc desc, HeapTupleHeader t, fields *f)
{
	HeapTupleData tuple;

	if (desc->natts > MAX_FIELDS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("govreport composite type has %d columns, more than the %d this version reads",
						desc->natts, MAX_FIELDS)));
	tuple.t_len = HeapTupleHeaderGetDatumLength(t);
	ItemPointerSetInvalid(&tuple.t_self);
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = t;
	heap_deform_tuple(&tuple, desc, f->v, f->n);
}

/* A text column as a C string in UTF-8; convert: the database's encoding is not UTF-8 */
static char *
text_field(const fields *f, int attno, bool convert)
{
	text	   *t;
	int			len;
	char	   *s;

	if (f->n[attno - 1])
		return NULL;
	/* detoasted only if it must be; the C string is the one copy made */
	t = DatumGetTextPP(f->v[attno - 1]);
	len = VARSIZE_ANY_EXHDR(t);
	s = palloc(len + 1);
	memcpy(s, VARDATA_ANY(t), len);
	s[len] = '\0';
	if (convert)
		s = pg_server_to_any(s, len, PG_UTF8);
	return s;
}

static int32
int_field(const fields *f, int attno, bool *isnull)
{
	*isnull = f->n[attno - 1];
	return *isnull ? 0 : DatumGetInt32(f->v[attno - 1]);
}

/* numeric -> mantissa and scale; false when it does not fit */
static bool
numeric_to_decimal(Datum num, gr_decimal *out)
{
	char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out, num));
	int64		m = 0;
	int			scale = 0;
	bool		neg = false;
	bool		frac = false;
	int			digits = 0;

	for (char *p = s; *p; p++)
	{
		if (*p == '-')
			neg = true;
		else if (*p == '.')
			frac = true;
		else if (*p >= '0' && *p <= '9')
		{
			if (++digits > 18)
				return false;
			m = m * 10 + (*p - '0');
			if (frac)
				scale++;
		}
		else
			return false;		/* NaN, Infinity */
	}
	out->mantissa = neg ? -m : m;
	out->scale = scale;
	return true;
}

/* The non-NULL elements of an array column (a hand-built report may hold NULLs), deformed. */
typedef struct composite_items
{
	fields	   *items;
	int			n;
} composite_items;

static composite_items
array_items(const fields *f, int attno)
{
	composite_items out = {NULL, 0};
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	int			all;
	TupleDesc	desc;

	if (f->n[attno - 1])
		return out;
	arr = DatumGetArrayTypeP(f->v[attno - 1]);
	get_typlenbyvalalign(ARR_ELEMTYPE(arr), &typlen, &typbyval, &typalign);
	deconstruct_array(arr, ARR_ELEMTYPE(arr), typlen, typbyval, typalign, &elems, &nulls, &all);
	if (all == 0)
		return out;
	/* one descriptor for all the elements: they share the array's element type */
	desc = lookup_rowtype_tupdesc(ARR_ELEMTYPE(arr), -1);
	out.items = palloc(sizeof(fields) * all);
	for (int i = 0; i < all; i++)
		if (!nulls[i])
			deform(desc, DatumGetHeapTupleHeader(elems[i]), &out.items[out.n++]);
	ReleaseTupleDesc(desc);
	return out;
}

static gr_report *
report_from_composite(HeapTupleHeader rt)
{
	gr_report  *r = palloc0(sizeof(gr_report));
	bool		convert = grpg_converts();
	bool		isnull;
	char	   *tpl;
	fields		rf;
	composite_items items;
	TupleDesc	desc = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(rt), HeapTupleHeaderGetTypMod(rt));

	deform(desc, rt, &rf);
	ReleaseTupleDesc(desc);
	r->organ = text_field(&rf, 2, convert);
	r->year = int_field(&rf, 3, &isnull);
	tpl = text_field(&rf, 4, convert);
	r->template_year = tpl ? atoi(tpl) : 0;
	r->title = text_field(&rf, 5, convert);
	if (!rf.n[5])
		j2date(DatumGetDateADT(rf.v[5]) + POSTGRES_EPOCH_JDATE,
			   &r->published_year, &r->published_month, &r->published_day);

	items = array_items(&rf, 7);
	r->sections = palloc0(sizeof(gr_section) * (items.n + 1));
	for (int i = 0; i < items.n; i++)
	{
		const fields *e = &items.items[i];
		gr_section *s = &r->sections[r->nsections++];

		s->no = int_field(e, 1, &isnull);
		s->title = text_field(e, 2, convert);
		s->pos = int_field(e, 3, &isnull);
		s->length = int_field(e, 4, &isnull);
	}

	items = array_items(&rf, 8);
	r->active = palloc0(sizeof(gr_active_cell) * (items.n + 1));
	for (int i = 0; i < items.n; i++)
	{
		const fields *e = &items.items[i];
		gr_active_cell *c = &r->active[r->nactive++];

		c->item = text_field(e, 1, convert);
		c->code = text_field(e, 2, convert);
		c->label = text_field(e, 3, convert);
		c->measure = text_field(e, 4, convert);
		c->isnull = e->n[4];
		if (!c->isnull && !numeric_to_decimal(e->v[4], &c->value))
			c->isnull = true;
		c->pos = int_field(e, 6, &isnull);
		if (!c->item || !c->code || !c->measure)
			r->nactive--;		/* not a cell the rules can name */
	}

	items = array_items(&rf, 9);
	r->applications = palloc0(sizeof(gr_application_row) * (items.n + 1));
	for (int i = 0; i < items.n; i++)
	{
		const fields *e = &items.items[i];
		gr_application_row *a = &r->applications[r->napplications++];

		a->code = text_field(e, 1, convert);
		a->name = text_field(e, 2, convert);
		a->label = text_field(e, 3, convert);
		for (int c = 0; c < GR_T3_COLS; c++)
			a->value[c] = int_field(e, 4 + c, &a->isnull[c]);
		a->pos = int_field(e, 4 + GR_T3_COLS, &isnull);
		if (!a->code)
			r->napplications--;
		else if (!a->label)
			a->label = a->code;
	}

	items = array_items(&rf, 10);
	r->proceedings = palloc0(sizeof(gr_proceeding_row) * (items.n + 1));
	for (int i = 0; i < items.n; i++)
	{
		const fields *e = &items.items[i];
		gr_proceeding_row *p = &r->proceedings[r->nproceedings++];

		p->kind = text_field(e, 1, convert);
		for (int c = 0; c < GR_T4_COLS; c++)
			p->value[c] = int_field(e, 2 + c, &p->isnull[c]);
		p->pos = int_field(e, 2 + GR_T4_COLS, &isnull);
		if (!p->kind)
			r->nproceedings--;
	}

	items = array_items(&rf, 11);
	r->notes = palloc0(sizeof(gr_note) * (items.n + 1));
	for (int i = 0; i < items.n; i++)
	{
		const fields *e = &items.items[i];
		gr_note    *nt = &r->notes[r->nnotes++];

		nt->code = text_field(e, 1, convert);
		nt->pos = int_field(e, 2, &isnull);
		nt->message = text_field(e, 3, convert);
		if (!nt->code || !nt->message)
			r->nnotes--;
	}
	return r;
}

/* ---------------------------------------------------------------- */
/* findings as rows                                                  */

/* A materialised set-returning call: the tuplestore and its descriptor. */
static Tuplestorestate *
start_rows(FunctionCallInfo fcinfo, TupleDesc *desc)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext old;
	Tuplestorestate *store;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in a context that cannot accept a set")));
	if (get_call_result_type(fcinfo, NULL, desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "govreport: return type must be a row type");
	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	*desc = CreateTupleDescCopy(*desc);
	store = tuplestore_begin_heap(true, false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = *desc;
	MemoryContextSwitchTo(old);
	return store;
}

static void
put_findings(Tuplestorestate *store, TupleDesc desc, const gr_validation *v)
{
	for (int i = 0; i < v->nfindings; i++)
	{
		Datum		values[6];
		bool		nulls[6];

		grpg_finding_values(&v->findings[i], values, nulls);
		tuplestore_putvalues(store, desc, values, nulls);
	}
}

/* Validates argument 0, a report or a text, in memory the caller frees. */
typedef gr_validation *(*validator) (FunctionCallInfo fcinfo, MemoryContext cxt);

static gr_validation *
of_report(FunctionCallInfo fcinfo, MemoryContext cxt)
{
	return gr_validate(report_from_composite(PG_GETARG_HEAPTUPLEHEADER(0)));
}

static gr_validation *
of_text(FunctionCallInfo fcinfo, MemoryContext cxt)
{
	return gr_validate(grpg_parse_text(PG_GETARG_TEXT_PP(0), cxt));
}

/* validate(): the findings as rows */
static Datum
findings_rows(FunctionCallInfo fcinfo, validator validate)
{
	TupleDesc	desc;
	Tuplestorestate *store = start_rows(fcinfo, &desc);
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "govreport validate",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	gr_validation *v = validate(fcinfo, cxt);

	MemoryContextSwitchTo(old);
	put_findings(store, desc, v);
	MemoryContextDelete(cxt);
	return (Datum) 0;
}

/* is_valid(): no finding of severity error */
static Datum
no_errors(FunctionCallInfo fcinfo, validator validate)
{
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "govreport validate",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	bool		ok = gr_validation_ok(validate(fcinfo, cxt));

	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
	PG_RETURN_BOOL(ok);
}

PG_FUNCTION_INFO_V1(govreport_validate_report);

Datum
govreport_validate_report(PG_FUNCTION_ARGS)
{
	return findings_rows(fcinfo, of_report);
}

PG_FUNCTION_INFO_V1(govreport_validate_text);

Datum
govreport_validate_text(PG_FUNCTION_ARGS)
{
	return findings_rows(fcinfo, of_text);
}

PG_FUNCTION_INFO_V1(govreport_is_valid_report);

Datum
govreport_is_valid_report(PG_FUNCTION_ARGS)
{
	return no_errors(fcinfo, of_report);
}

PG_FUNCTION_INFO_V1(govreport_is_valid_text);

Datum
govreport_is_valid_text(PG_FUNCTION_ARGS)
{
	return no_errors(fcinfo, of_text);
}

PG_FUNCTION_INFO_V1(govreport_rule_catalog);

Datum
govreport_rule_catalog(PG_FUNCTION_ARGS)
{
	TupleDesc	desc;
	Tuplestorestate *store = start_rows(fcinfo, &desc);

	for (int i = 0; i < gr_rule_count(); i++)
	{
		const gr_rule_info *rule = gr_rule_at(i);
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};

		values[0] = PointerGetDatum(grpg_utf8_to_text(rule->id));
		values[1] = PointerGetDatum(grpg_utf8_to_text(rule->severity));
		values[2] = PointerGetDatum(grpg_utf8_to_text(rule->applies_to));
		values[3] = PointerGetDatum(grpg_utf8_to_text(rule->description_zh));
		values[4] = PointerGetDatum(grpg_utf8_to_text(rule->description_en));
		values[5] = BoolGetDatum(rule->needs_text);
		tuplestore_putvalues(store, desc, values, nulls);
	}
	return (Datum) 0;
}
