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
#include "utils/arrayaccess.h"
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

/*
 * Room for the C strings of one report's text columns, taken in turn.  Each
 * text column's bytes plus their NUL fit in its varlena (a header of one byte
 * at least), so the size of the report datum is room enough for all of them:
 * one allocation instead of one per string.  Only a text compressed inside
 * the report can be longer than its varlena; it gets an allocation of its own.
 */
typedef struct string_room
{
	char	   *next;
	char	   *end;
	bool		convert;		/* the database's encoding is not UTF-8 */
} string_room;

/* A text column as a C string in UTF-8 */
static char *
text_field(string_room *room, const fields *f, int attno)
{
	text	   *t;
	int			len;
	char	   *s;

	if (f->n[attno - 1])
		return NULL;
	/* detoasted only if it must be */
	t = DatumGetTextPP(f->v[attno - 1]);
	len = VARSIZE_ANY_EXHDR(t);
	if (room->end - room->next > len)
	{
		s = room->next;
		room->next += len + 1;
	}
	else
		s = palloc(len + 1);
	memcpy(s, VARDATA_ANY(t), len);
	s[len] = '\0';
	if (room->convert)
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
array_items(const fields *f, int attno, const grpg_element *el)
{
	composite_items out = {NULL, 0};
	AnyArrayType *arr;
	array_iter	it;
	int			all;

	if (f->n[attno - 1])
		return out;
	arr = DatumGetAnyArrayP(f->v[attno - 1]);
	if (AARR_ELEMTYPE(arr) != el->type)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column %d of govreport.report holds elements of type %u, not of type %u",
						attno, AARR_ELEMTYPE(arr), el->type),
				 errhint("Run ALTER EXTENSION govreport UPDATE so that the SQL objects match the library.")));
	all = ArrayGetNItems(AARR_NDIM(arr), AARR_DIMS(arr));
	if (all == 0)
		return out;
	out.items = palloc(sizeof(fields) * all);
	array_iter_setup(&it, arr);
	for (int i = 0; i < all; i++)
	{
		bool		isnull;
		Datum		elem = array_iter_next(&it, &isnull, i, el->typlen, el->typbyval, el->typalign);

		if (!isnull)
			deform(el->desc, DatumGetHeapTupleHeader(elem), &out.items[out.n++]);
	}
	return out;
}

static gr_report *
report_from_composite(const grpg_types *types, HeapTupleHeader rt)
{
	gr_report  *r = palloc0(sizeof(gr_report));
	uint32		size = HeapTupleHeaderGetDatumLength(rt);
	string_room room = {palloc(size), NULL, grpg_converts()};
	bool		isnull;
	char	   *tpl;
	fields		rf;
	composite_items items;

	room.end = room.next + size;
	deform(types->report, rt, &rf);
	r->organ = text_field(&room, &rf, 2);
	r->year = int_field(&rf, 3, &isnull);
	tpl = text_field(&room, &rf, 4);
	r->template_year = tpl ? atoi(tpl) : 0;
	r->title = text_field(&room, &rf, 5);
	if (!rf.n[5])
		j2date(DatumGetDateADT(rf.v[5]) + POSTGRES_EPOCH_JDATE,
			   &r->published_year, &r->published_month, &r->published_day);

	items = array_items(&rf, 7, &types->section);
	r->sections = palloc0(sizeof(gr_section) * (items.n + 1));
	for (int i = 0; i < items.n; i++)
	{
		const fields *e = &items.items[i];
		gr_section *s = &r->sections[r->nsections++];

		s->no = int_field(e, 1, &isnull);
		s->title = text_field(&room, e, 2);
		s->pos = int_field(e, 3, &isnull);
		s->length = int_field(e, 4, &isnull);
	}

	items = array_items(&rf, 8, &types->active);
	r->active = palloc0(sizeof(gr_active_cell) * (items.n + 1));
	for (int i = 0; i < items.n; i++)
	{
		const fields *e = &items.items[i];
		gr_active_cell *c = &r->active[r->nactive++];

		c->item = text_field(&room, e, 1);
		c->code = text_field(&room, e, 2);
		c->label = text_field(&room, e, 3);
		c->measure = text_field(&room, e, 4);
		c->isnull = e->n[4];
		if (!c->isnull && !numeric_to_decimal(e->v[4], &c->value))
			c->isnull = true;
		c->pos = int_field(e, 6, &isnull);
		if (!c->item || !c->code || !c->measure)
			r->nactive--;		/* not a cell the rules can name */
	}

	items = array_items(&rf, 9, &types->application);
	r->applications = palloc0(sizeof(gr_application_row) * (items.n + 1));
	for (int i = 0; i < items.n; i++)
	{
		const fields *e = &items.items[i];
		gr_application_row *a = &r->applications[r->napplications++];

		a->code = text_field(&room, e, 1);
		a->name = text_field(&room, e, 2);
		a->label = text_field(&room, e, 3);
		for (int c = 0; c < GR_T3_COLS; c++)
			a->value[c] = int_field(e, 4 + c, &a->isnull[c]);
		a->pos = int_field(e, 4 + GR_T3_COLS, &isnull);
		if (!a->code)
			r->napplications--;
		else if (!a->label)
			a->label = a->code;
	}

	items = array_items(&rf, 10, &types->proceeding);
	r->proceedings = palloc0(sizeof(gr_proceeding_row) * (items.n + 1));
	for (int i = 0; i < items.n; i++)
	{
		const fields *e = &items.items[i];
		gr_proceeding_row *p = &r->proceedings[r->nproceedings++];

		p->kind = text_field(&room, e, 1);
		for (int c = 0; c < GR_T4_COLS; c++)
			p->value[c] = int_field(e, 2 + c, &p->isnull[c]);
		p->pos = int_field(e, 2 + GR_T4_COLS, &isnull);
		if (!p->kind)
			r->nproceedings--;
	}

	items = array_items(&rf, 11, &types->note);
	r->notes = palloc0(sizeof(gr_note) * (items.n + 1));
	for (int i = 0; i < items.n; i++)
	{
		const fields *e = &items.items[i];
		gr_note    *nt = &r->notes[r->nnotes++];

		nt->code = text_field(&room, e, 1);
		nt->pos = int_field(e, 2, &isnull);
		nt->message = text_field(&room, e, 3);
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
	HeapTupleHeader report = PG_GETARG_HEAPTUPLEHEADER(0);

	return gr_validate(report_from_composite(grpg_argument_types(fcinfo, report), report));
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
