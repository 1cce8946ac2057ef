/*
 * gr_doc.h — state shared by the stages of one parse.
 */
#ifndef GR_DOC_H
#define GR_DOC_H

#include "gr_arena.h"
#include "gr_core.h"
#include "gr_lex.h"
#include "gr_norm.h"

#include <string.h>

typedef struct gr_doc
{
	gr_arena   *arena;
	gr_text		text;
	gr_lexed	lx;
	gr_report  *rep;
	gr_vec		notes;			/* gr_note */
	gr_vec		sections;		/* gr_section */
	gr_vec		active;			/* gr_active_cell */
	gr_vec		applications;	/* gr_application_row */
	gr_vec		proceedings;	/* gr_proceeding_row */
	/* compact offset of each section heading (index 1..6), or -1 */
	int64_t		sec_coff[7];
	/* per line: holds a text cell / a value cell */
	unsigned char *line_has_text;
	unsigned char *line_has_value;
	int			nlines;
	/* token index where table 3 starts and table 4 ends (for page notes) */
	int			tables_begin_tok;
	int			tables_end_tok;
	int			t3_template;	/* 2019 / 2021 by the 其他处理 rows, 0 unknown */
	int			t2_template;	/* by table 2's header words, 0 unknown */
	int			t2_block_template[16];	/* per table-2 row, by its block's header */
} gr_doc;

/* Adds a note; 'off' is a byte offset in the folded text. */
void		gr_note_add(gr_doc *doc, const char *code, uint32_t off, const char *fmt,...)
			__attribute__((format(printf, 4, 5)));

/* 1-based input position of folded byte offset 'off'. */
int			gr_pos(gr_doc *doc, uint32_t off);

/* memmem for short needles. */
const char *gr_find_bytes(const char *hay, size_t hlen, const char *needle, size_t nl);

/*
 * For loops over every hit of a word in the whole text: a page of a million
 * 「一、本年新收…」 lines is a million hits, and a cancel gets in every 4096.
 */
static inline void
gr_interrupt_every(unsigned *hits)
{
	if ((++*hits & 4095) == 0)
		gr_get_handlers()->check_interrupts();
}

/* Finds needle[0 .. nl) in the compact text within [from, to); -1 when absent. */
int64_t		gr_compact_find_n(const gr_doc *doc, const char *needle, size_t nl, int64_t from, int64_t to);

/* Finds 'needle' in the compact text within [from, to); -1 when absent. */
static inline int64_t
gr_compact_find(const gr_doc *doc, const char *needle, int64_t from, int64_t to)
{
	/* inline, so that the length of a literal needle is known when compiling */
	return gr_compact_find_n(doc, needle, strlen(needle), from, to);
}

/* Printed text of a token, as a NUL-terminated copy. */
char	   *gr_tok_text(gr_doc *doc, const gr_tok *tok);

void		gr_find_sections(gr_doc *doc);
void		gr_read_tables(gr_doc *doc);
void		gr_read_metadata(gr_doc *doc);

#endif
