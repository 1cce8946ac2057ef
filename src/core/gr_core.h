/*
 * gr_core.h — the public interface of govreport's core parser.
 *
 * The core is plain C: it never includes postgres.h.  Allocation, errors and
 * interrupt checks come in through gr_handlers, which the PostgreSQL glue
 * fills with palloc / ereport / CHECK_FOR_INTERRUPTS and the stand-alone
 * tests fill with malloc / abort.
 */
#ifndef GR_CORE_H
#define GR_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* changes whenever the parse of some text changes: stored reports of another version are stale */
#define GR_PARSER_VERSION "1.18.0"

/* Error kinds the core can raise; the glue maps them to SQLSTATEs. */
typedef enum gr_error_kind
{
	GR_ERR_OUT_OF_MEMORY,
	GR_ERR_INPUT_TOO_LARGE,
	GR_ERR_BAD_ENCODING,
	GR_ERR_INTERNAL
} gr_error_kind;

typedef struct gr_handlers
{
	/* Memory that lives until the caller releases the parse result. */
	void	   *(*alloc) (size_t size);
	void		(*release) (void *ptr);
	/* Memory that lives as long as the process (compiled patterns, caches). */
	void	   *(*alloc_persistent) (size_t size);
	/* Never returns. */
	void		(*error) (gr_error_kind kind, const char *message,
						  const char *detail, const char *hint);
	/* May not return (query cancel); called often during long parses. */
	void		(*check_interrupts) (void);
} gr_handlers;

/*
 * Bytes of work between two cancel checks in the long loops over a whole
 * page (copying, classifying, searching): a few milliseconds, not more.
 */
#define GR_CANCEL_SLICE ((size_t) 1 << 20)

/*
 * Bytes between two cancel checks where each byte of the page is handled on
 * its own (normalising, reading HTML): about a millisecond.
 */
#define GR_CHECK_BYTES ((size_t) 0x10000)

/* Installs the handlers; must be called before any other core function. */
void		gr_set_handlers(const gr_handlers *handlers);
const gr_handlers *gr_get_handlers(void);

/* A decimal as printed: mantissa * 10^-scale. */
typedef struct gr_decimal
{
	int64_t		mantissa;
	int			scale;
} gr_decimal;

typedef struct gr_section
{
	int			no;				/* 1..6 */
	const char *title;
	int			pos;			/* 1-based character offset in the input */
	int			length;			/* characters up to the next section */
} gr_section;

/*
 * Codes, names, labels, measures, kinds and note codes point into static
 * tables of the core: they live as long as the process, so callers may cache
 * anything derived from them by pointer.  Titles, organ and note messages
 * live in the report's arena.
 */
typedef struct gr_active_cell
{
	const char *item;			/* '20.1' ... */
	const char *code;			/* 'regulations' ... */
	const char *label;			/* canonical label of the row */
	const char *measure;		/* 'made', 'issued', 'amount' ... */
	bool		isnull;
	gr_decimal	value;
	int			pos;
} gr_active_cell;

#define GR_T3_COLS 7
#define GR_T4_COLS 5

typedef struct gr_application_row
{
	const char *code;			/* '3.3.1' */
	const char *name;			/* 'denied_state_secret' */
	const char *label;			/* canonical label */
	int32_t		value[GR_T3_COLS];
	bool		isnull[GR_T3_COLS];
	int			pos;
} gr_application_row;

typedef struct gr_proceeding_row
{
	const char *kind;			/* review | direct_suit | post_review_suit */
	int32_t		value[GR_T4_COLS];
	bool		isnull[GR_T4_COLS];
	int			pos;
} gr_proceeding_row;

typedef struct gr_note
{
	const char *code;
	int			pos;
	const char *message;		/* a Chinese sentence */
} gr_note;

typedef struct gr_report
{
	const char *organ;			/* NULL when unknown */
	int			year;			/* 0 when unknown */
	int			template_year;	/* 2019, 2021 or 0 when unknown */
	const char *title;
	int			published_year; /* 0 when unknown */
	int			published_month;
	int			published_day;

	gr_section *sections;
	int			nsections;
	gr_active_cell *active;
	int			nactive;
	gr_application_row *applications;
	int			napplications;
	gr_proceeding_row *proceedings;
	int			nproceedings;
	gr_note    *notes;
	int			nnotes;

	/*
	 * The folded text and its map to input positions, for rules that read
	 * the prose; NULL for a report rebuilt from its composite.
	 */
	struct gr_text *text;

	struct gr_arena *arena;		/* owns everything above */
} gr_report;

/* 1-based input position of a byte offset into report->text. */
int			gr_report_pos(gr_report *report, size_t folded_off);

/*
 * Parses a report given as UTF-8 text (plain text, Markdown or HTML).
 * The input need not be NUL-terminated.  Invalid UTF-8 raises
 * GR_ERR_BAD_ENCODING through the error handler.
 */
gr_report  *gr_parse(const char *text, size_t len);
void		gr_report_free(gr_report *report);

/* Rows and cells of a report by code; NULL when the report lacks them. */
const gr_application_row *gr_report_application(const gr_report *r, const char *code);
const gr_proceeding_row *gr_report_proceeding(const gr_report *r, const char *kind);
const gr_active_cell *gr_report_active(const gr_report *r, const char *code, const char *measure);

#endif							/* GR_CORE_H */
