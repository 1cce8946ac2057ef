/*
 * govreport_pg.c — PostgreSQL glue: the core's handlers, encoding, and
 * govreport.parse_report(text) building the composite types.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "common/int.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "gr_core.h"
#include "gr_regex.h"
#include "gr_rules.h"
#include "gr_similarity.h"
#include "govreport_pg.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* ---------------------------------------------------------------- */
/* handlers                                                         */

static void *
pg_alloc(size_t size)
{
	return MemoryContextAllocExtended(CurrentMemoryContext, size, MCXT_ALLOC_HUGE);
}

static void
pg_release(void *ptr)
{
	pfree(ptr);
}

static void *
pg_alloc_persistent(size_t size)
{
	return MemoryContextAllocExtended(TopMemoryContext, size, MCXT_ALLOC_HUGE);
}

static void
pg_error(gr_error_kind kind, const char *message, const char *detail, const char *hint)
{
	int			code;

	switch (kind)
	{
		case GR_ERR_OUT_OF_MEMORY:
			code = ERRCODE_OUT_OF_MEMORY;
			break;
		case GR_ERR_INPUT_TOO_LARGE:
			code = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
			break;
		case GR_ERR_BAD_ENCODING:
			code = ERRCODE_CHARACTER_NOT_IN_REPERTOIRE;
			break;
		default:
			code = ERRCODE_INTERNAL_ERROR;
			break;
	}
	ereport(ERROR,
			(errcode(code),
			 errmsg("%s", message),
			 detail ? errdetail("%s", detail) : 0,
			 hint ? errhint("%s", hint) : 0));
}

static void
pg_check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

static bool regex_jit = true;

void
_PG_init(void)
{
	gr_handlers h = {
		.alloc = pg_alloc,
		.release = pg_release,
		.alloc_persistent = pg_alloc_persistent,
		.error = pg_error,
		.check_interrupts = pg_check_interrupts,
	};

	gr_set_handlers(&h);

	DefineCustomBoolVariable("govreport.regex_jit",
							 "JIT-compiles the parser's regular expressions (pcre2).",
							 "Read when a session first parses; off for valgrind or where executable memory is forbidden.",
							 &regex_jit, true, PGC_BACKEND, 0, NULL, NULL, NULL);
#if PG_VERSION_NUM >= 150000
	MarkGUCPrefixReserved("govreport");
#else
	EmitWarningsOnPlaceholders("govreport");
#endif
	gr_regex_set_jit(regex_jit);
}

/* ---------------------------------------------------------------- */
/* encoding                                                         */

/*
 * Whether text is converted between the database encoding and the core's
 * UTF-8.  SQL_ASCII bytes are taken as UTF-8: the core rejects invalid ones.
 */
bool
grpg_converts(void)
{
	int			enc = GetDatabaseEncoding();

	return enc != PG_UTF8 && enc != PG_SQL_ASCII;
}

char *
grpg_text_to_utf8(text *t, size_t *len)
{
	char	   *data = VARDATA_ANY(t);
	int			n = VARSIZE_ANY_EXHDR(t);

	if (!grpg_converts())
	{
		*len = (size_t) n;
		return data;
	}
	data = (char *) pg_do_encoding_conversion((unsigned char *) data, n, GetDatabaseEncoding(), PG_UTF8);
	*len = strlen(data);
	return data;
}

char *
grpg_utf8_to_server(const char *s, size_t len)
{
	return grpg_converts() ? pg_any_to_server(s, (int) len, PG_UTF8) : (char *) s;
}

text *
grpg_utf8_to_text(const char *s)
{
	return cstring_to_text(grpg_utf8_to_server(s, strlen(s)));
}

/* ---------------------------------------------------------------- */
/* composites                                                       */

static void
element_info(grpg_element *el, Oid array_type)
{
	el->type = get_element_type(array_type);
	if (!OidIsValid(el->type))
		elog(ERROR, "govreport: type %u is not an array", array_type);
	el->desc = lookup_rowtype_tupdesc_copy(el->type, -1);
	BlessTupleDesc(el->desc);
	get_typlenbyvalalign(el->type, &el->typlen, &el->typbyval, &el->typalign);
}

/* A type of the extension's schema, by name. */
static Oid
govreport_type(const char *name)
{
	Oid			nsp = get_namespace_oid("govreport", false);
	Oid			typ = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
									  CStringGetDatum(name), ObjectIdGetDatum(nsp));

	if (!OidIsValid(typ))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("type govreport.%s does not exist", name),
				 errhint("Run ALTER EXTENSION govreport UPDATE so that the SQL objects match the library.")));
	return typ;
}

/*
 * Type information for govreport.report (of type 'report_type', described by
 * 'desc') and govreport.finding, cached in fn_extra: looked up once per call
 * site, not once per row.
 */
static grpg_types *
cache_types(FmgrInfo *flinfo, Oid report_type, TupleDesc desc)
{
	MemoryContext old = MemoryContextSwitchTo(flinfo->fn_mcxt);
	grpg_types *types = palloc0(sizeof(grpg_types));

	types->report_type = report_type;
	desc = CreateTupleDescCopy(desc);
	if (desc->natts != GRPG_REPORT_NATTS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("govreport.report has %d attributes, expected %d", desc->natts, GRPG_REPORT_NATTS),
				 errhint("Run ALTER EXTENSION govreport UPDATE so that the SQL objects match the library.")));
	types->report = BlessTupleDesc(desc);
	element_info(&types->section, TupleDescAttr(desc, 6)->atttypid);
	element_info(&types->active, TupleDescAttr(desc, 7)->atttypid);
	element_info(&types->application, TupleDescAttr(desc, 8)->atttypid);
	element_info(&types->proceeding, TupleDescAttr(desc, 9)->atttypid);
	element_info(&types->note, TupleDescAttr(desc, 10)->atttypid);
	types->finding_array_type = get_array_type(govreport_type("finding"));
	element_info(&types->finding, types->finding_array_type);
	MemoryContextSwitchTo(old);
	flinfo->fn_extra = types;
	return types;
}

/* The types for a function that returns a report (parse_report) or stores one (the trigger). */
grpg_types *
grpg_report_types(FunctionCallInfo fcinfo)
{
	grpg_types *types = (grpg_types *) fcinfo->flinfo->fn_extra;
	Oid			report_type;
	TupleDesc	desc;

	if (types != NULL)
		return types;
	/* parse_report() is told its result type; the trigger looks it up */
	if (get_call_result_type(fcinfo, &report_type, &desc) == TYPEFUNC_COMPOSITE)
		return cache_types(fcinfo->flinfo, report_type, desc);
	report_type = govreport_type("report");
	desc = lookup_rowtype_tupdesc(report_type, -1);
	types = cache_types(fcinfo->flinfo, report_type, desc);
	ReleaseTupleDesc(desc);
	return types;
}

/* The types for a function whose argument 'report' is a govreport.report. */
grpg_types *
grpg_argument_types(FunctionCallInfo fcinfo, HeapTupleHeader report)
{
	grpg_types *types = (grpg_types *) fcinfo->flinfo->fn_extra;
	Oid			report_type = HeapTupleHeaderGetTypeId(report);
	TupleDesc	desc;

	if (types != NULL && types->report_type == report_type)
		return types;
	desc = lookup_rowtype_tupdesc(report_type, HeapTupleHeaderGetTypMod(report));
	types = cache_types(fcinfo->flinfo, report_type, desc);
	ReleaseTupleDesc(desc);
	return types;
}

static Datum
text_or_null(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	return s ? PointerGetDatum(grpg_utf8_to_text(s)) : (Datum) 0;
}

/*
 * Codes, names, labels and measures come from the core's static template
 * tables, and findings' rule ids and severities from its rule catalog: the
 * same few hundred strings for every report.  Their text datums are made once
 * per backend and reused (heap_form_tuple and tuplestores copy them).  The
 * table is open-addressed and never evicts: a datum handed out may still sit
 * in the values of the tuple being formed, so it must outlive the call.
 */
#define CONST_TEXT_SLOTS 2048

typedef struct const_text_slot
{
	const char *key;
	text	   *value;
} const_text_slot;

static const_text_slot const_texts[CONST_TEXT_SLOTS];

static Datum
const_text(const char *s, bool *isnull)
{
	uintptr_t	h = ((uintptr_t) s >> 3) * 2654435761u;

	*isnull = (s == NULL);
	if (s == NULL)
		return (Datum) 0;
	for (int probe = 0; probe < 8; probe++)
	{
		const_text_slot *slot = &const_texts[((h >> 8) + probe) % CONST_TEXT_SLOTS];

		if (slot->key == s)
			return PointerGetDatum(slot->value);
		if (slot->key == NULL)
		{
			/* a backend's database, hence its encoding, never changes */
			MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

			slot->value = grpg_utf8_to_text(s);
			MemoryContextSwitchTo(old);
			slot->key = s;
			return PointerGetDatum(slot->value);
		}
	}
	/* a crowded neighbourhood: this string is not cached */
	return PointerGetDatum(grpg_utf8_to_text(s));
}

/* numeric from a decimal; NULL when 'has' is false */
Datum
grpg_decimal_datum(bool has, gr_decimal d, bool *isnull)
{
	*isnull = !has;
	if (!has)
		return (Datum) 0;
#if PG_VERSION_NUM >= 150000
	return NumericGetDatum(int64_div_fast_to_numeric(d.mantissa, d.scale));
#else
	{
		char		buf[64];
		int64		m = d.mantissa < 0 ? -d.mantissa : d.mantissa;
		int64		div = 1;

		for (int i = 0; i < d.scale; i++)
			div *= 10;
		if (d.scale == 0)
			snprintf(buf, sizeof(buf), INT64_FORMAT, d.mantissa);
		else
			snprintf(buf, sizeof(buf), "%s" INT64_FORMAT ".%0*" INT64_MODIFIER "d",
					 d.mantissa < 0 ? "-" : "", m / div, d.scale, m % div);
		return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
								   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	}
#endif
}

/* Fills the columns of one composite from one item of the core. */
typedef void (*fill_fn) (const void *item, Datum *values, bool *nulls);

#define MAX_FIELDS 16			/* the widest composite: application_row */

/* An array of composites of type 'el', one per item, n items of item_size bytes. */
static Datum
composite_array(const grpg_element *el, const void *items, size_t item_size, int n, fill_fn fill)
{
	Datum	   *elems = palloc(sizeof(Datum) * (n + 1));

	Assert(el->desc->natts <= MAX_FIELDS);
	for (int i = 0; i < n; i++)
	{
		Datum		values[MAX_FIELDS];
		bool		nulls[MAX_FIELDS];

		memset(nulls, 0, sizeof(nulls));
		fill((const char *) items + (size_t) i * item_size, values, nulls);
		elems[i] = HeapTupleGetDatum(heap_form_tuple(el->desc, values, nulls));
	}
	return PointerGetDatum(construct_array(elems, n, el->type, el->typlen, el->typbyval, el->typalign));
}

static void
section_fields(const void *item, Datum *v, bool *n)
{
	const gr_section *s = item;

	v[0] = Int32GetDatum(s->no);
	v[1] = text_or_null(s->title, &n[1]);
	v[2] = Int32GetDatum(s->pos);
	v[3] = Int32GetDatum(s->length);
}

static void
active_fields(const void *item, Datum *v, bool *n)
{
	const gr_active_cell *c = item;

	v[0] = const_text(c->item, &n[0]);
	v[1] = const_text(c->code, &n[1]);
	v[2] = const_text(c->label, &n[2]);
	v[3] = const_text(c->measure, &n[3]);
	v[4] = grpg_decimal_datum(!c->isnull, c->value, &n[4]);
	v[5] = Int32GetDatum(c->pos);
}

static void
application_fields(const void *item, Datum *v, bool *n)
{
	const gr_application_row *a = item;

	v[0] = const_text(a->code, &n[0]);
	v[1] = const_text(a->name, &n[1]);
	v[2] = const_text(a->label, &n[2]);
	for (int j = 0; j < GR_T3_COLS; j++)
	{
		v[3 + j] = Int32GetDatum(a->value[j]);
		n[3 + j] = a->isnull[j];
	}
	v[3 + GR_T3_COLS] = Int32GetDatum(a->pos);
}

static void
proceeding_fields(const void *item, Datum *v, bool *n)
{
	const gr_proceeding_row *p = item;

	v[0] = const_text(p->kind, &n[0]);
	for (int j = 0; j < GR_T4_COLS; j++)
	{
		v[1 + j] = Int32GetDatum(p->value[j]);
		n[1 + j] = p->isnull[j];
	}
	v[1 + GR_T4_COLS] = Int32GetDatum(p->pos);
}

static void
note_fields(const void *item, Datum *v, bool *n)
{
	const gr_note *nt = item;

	v[0] = const_text(nt->code, &n[0]);
	v[1] = Int32GetDatum(nt->pos);
	v[2] = text_or_null(nt->message, &n[2]);
}

/* The six columns of govreport.finding for one finding. */
void
grpg_finding_values(const gr_finding *f, Datum *values, bool *nulls)
{
	values[0] = const_text(f->rule, &nulls[0]);
	values[1] = const_text(f->severity, &nulls[1]);
	values[2] = PointerGetDatum(grpg_utf8_to_text(f->location));
	values[3] = PointerGetDatum(grpg_utf8_to_text(f->message));
	nulls[2] = nulls[3] = false;
	values[4] = grpg_decimal_datum(f->has_expected, f->expected, &nulls[4]);
	values[5] = grpg_decimal_datum(f->has_actual, f->actual, &nulls[5]);
}

static void
finding_fields(const void *item, Datum *v, bool *n)
{
	grpg_finding_values(item, v, n);
}

Datum
grpg_findings_array(const grpg_types *types, const gr_validation *v)
{
	return composite_array(&types->finding, v->findings, sizeof(gr_finding), v->nfindings,
						   finding_fields);
}

/* Builds a govreport.report datum in the current memory context. */
Datum
grpg_report_datum(grpg_types *types, const gr_report *r)
{
	Datum		v[GRPG_REPORT_NATTS];
	bool		n[GRPG_REPORT_NATTS];

	memset(n, 0, sizeof(n));
	v[0] = PointerGetDatum(cstring_to_text(GR_PARSER_VERSION));
	v[1] = text_or_null(r->organ, &n[1]);
	v[2] = Int32GetDatum(r->year);
	n[2] = r->year == 0;
	if (r->template_year)
		v[3] = PointerGetDatum(cstring_to_text(r->template_year == 2021 ? "2021" : "2019"));
	else
		n[3] = true;
	v[4] = text_or_null(r->title, &n[4]);
	if (r->published_year)
		v[5] = DateADTGetDatum(date2j(r->published_year, r->published_month, r->published_day)
							   - POSTGRES_EPOCH_JDATE);
	else
		n[5] = true;
	v[6] = composite_array(&types->section, r->sections, sizeof(gr_section), r->nsections,
						   section_fields);
	v[7] = composite_array(&types->active, r->active, sizeof(gr_active_cell), r->nactive,
						   active_fields);
	v[8] = composite_array(&types->application, r->applications, sizeof(gr_application_row),
						   r->napplications, application_fields);
	v[9] = composite_array(&types->proceeding, r->proceedings, sizeof(gr_proceeding_row),
						   r->nproceedings, proceeding_fields);
	v[10] = composite_array(&types->note, r->notes, sizeof(gr_note), r->nnotes, note_fields);
	return HeapTupleGetDatum(heap_form_tuple(types->report, v, n));
}

/*
 * Parses text into a gr_report living in 'parse_cxt' (a child of the
 * caller's context, so an error anywhere frees it with the transaction).
 */
gr_report *
grpg_parse_text(text *body, MemoryContext parse_cxt)
{
	MemoryContext old = MemoryContextSwitchTo(parse_cxt);
	size_t		len;
	char	   *utf8 = grpg_text_to_utf8(body, &len);
	gr_report  *r = gr_parse(utf8, len);

	MemoryContextSwitchTo(old);
	return r;
}

PG_FUNCTION_INFO_V1(govreport_parse_report);

Datum
govreport_parse_report(PG_FUNCTION_ARGS)
{
	text	   *body = PG_GETARG_TEXT_PP(0);
	grpg_types *types = grpg_report_types(fcinfo);
	MemoryContext parse_cxt = AllocSetContextCreate(CurrentMemoryContext,
													"govreport parse",
													ALLOCSET_DEFAULT_SIZES);
	gr_report  *r = grpg_parse_text(body, parse_cxt);
	Datum		result = grpg_report_datum(types, r);

	MemoryContextDelete(parse_cxt);
	PG_RETURN_DATUM(result);
}

PG_FUNCTION_INFO_V1(govreport_parser_version);

Datum
govreport_parser_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(GR_PARSER_VERSION));
}

PG_FUNCTION_INFO_V1(govreport_similarity);

Datum
govreport_similarity(PG_FUNCTION_ARGS)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	text	   *b = PG_GETARG_TEXT_PP(1);
	size_t		alen,
				blen;
	char	   *sa = grpg_text_to_utf8(a, &alen);
	char	   *sb = grpg_text_to_utf8(b, &blen);

	PG_RETURN_FLOAT4((float4) gr_similarity(sa, alen, sb, blen));
}

PG_FUNCTION_INFO_V1(govreport_publication_deadline);

/* The rule of the publication_deadline check, for SQL: one definition in the core. */
Datum
govreport_publication_deadline(PG_FUNCTION_ARGS)
{
	size_t		len;
	char	   *organ = grpg_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);
	int32		next_year;

	if (pg_add_s32_overflow(PG_GETARG_INT32(1), 1, &next_year))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("integer out of range")));
	return DirectFunctionCall3(make_date, Int32GetDatum(next_year),
							   Int32GetDatum(gr_publication_deadline_month(pnstrdup(organ, len))),
							   Int32GetDatum(31));
}
