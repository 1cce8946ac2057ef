/*
 * gr_lex.h — turns folded text into a stream of cells: text, numbers,
 * null marks and (on delimited lines) empty cells, each with its line,
 * column and position, plus a "compact" copy of all text without white
 * space in which labels are searched.
 */
#ifndef GR_LEX_H
#define GR_LEX_H

#include "gr_arena.h"
#include "gr_norm.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum gr_tok_kind
{
	TK_TEXT,
	TK_NUM,
	TK_NULLMARK,				/* 「/」「-」「—」「无」: a cell printed as empty; or misread */
	TK_EMPTY					/* nothing between two delimiters */
} gr_tok_kind;

typedef enum gr_unit
{
	UNIT_NONE,
	UNIT_YUAN,
	UNIT_WANYUAN
} gr_unit;

typedef struct gr_tok
{
	gr_tok_kind kind;
	uint32_t	off;			/* byte range in the folded text */
	uint32_t	len;
	int			line;
	int			col;			/* character column within the line */
	bool		delimited;		/* its line separates cells with tabs or pipes */
	bool		misread;		/* null mark: a numeral with letters OCR puts for digits (「1I0」) or inside marks (「[231]」) */
	/* numbers */
	int64_t		mantissa;
	int			scale;
	bool		overflow;		/* more digits than fit: value unknown */
	gr_unit		unit;
	uint32_t	num_len;		/* bytes of the numeral itself (before unit/annotation) */
	bool		annotated;		/* text after the number inside the cell */
	bool		grouped;		/* written with thousands separators */
	/* 「96. 1234」: digits beside it in the same cell, broken off the number */
	bool		broken;
	uint32_t	broken_from;	/* when broken: where the cell starts (at a leading fragment) */
	/* text: where it sits in the compact text */
	uint32_t	coff;
	uint32_t	clen;
	bool		verbatim;		/* its compact copy is its text unchanged */
} gr_tok;

typedef struct gr_skipped
{
	uint32_t	off;
	uint32_t	len;
} gr_skipped;

typedef struct gr_lexed
{
	gr_text    *text;
	gr_tok	   *toks;
	int			ntoks;
	/* all text cells without white space */
	char	   *compact;
	uint32_t	clen;
	/* per compact byte: starts a word in the folded text */
	unsigned char *cword_start;
	/* page numbers and similar chrome dropped before tokenising */
	gr_skipped *skipped;
	int			nskipped;
	/* indexes of the text tokens, in compact order */
	int		   *text_toks;
	uint32_t   *text_coff;		/* their compact offsets, searched without touching the tokens */
	int			ntext;
} gr_lexed;

void		gr_lex(gr_arena *arena, gr_text *text, gr_lexed *out);

/* Whether a cell is a round figure (「约3001」「300余」), whose count is not known. */
bool		gr_is_approximate_numeral(const char *s, size_t len);

/* Whether a word is Chinese numerals only (「零」「十二」「壹佰」). */
bool		gr_is_numeral_word(const char *s, size_t len);

/* Folded-text offset of compact offset 'coff'. */
uint32_t	gr_compact_to_off(const gr_lexed *lx, uint32_t coff);

/* Token index of the text token holding compact offset 'coff'. */
int			gr_tok_at_compact(const gr_lexed *lx, uint32_t coff);

#endif
