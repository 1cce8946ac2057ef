/*
 * gr_parse.c — the parse pipeline: HTML flattening, NFKC folding, cells,
 * sections, tables, metadata; and the handler plumbing.
 */
#include "gr_core.h"
#include "gr_doc.h"
#include "gr_grid.h"
#include "gr_html.h"
#include "gr_markup.h"
#include "gr_template.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Inputs beyond this are refused rather than risking the 1 GB palloc limit. */
#define GR_MAX_INPUT ((size_t) 100 * 1024 * 1024)

static gr_handlers handlers;
static bool handlers_set = false;

void
gr_set_handlers(const gr_handlers *h)
{
	handlers = *h;
	handlers_set = true;
}

const gr_handlers *
gr_get_handlers(void)
{
	if (!handlers_set)
	{
		fprintf(stderr, "govreport: gr_set_handlers() was not called\n");
		abort();
	}
	return &handlers;
}

int
gr_pos(gr_doc *doc, uint32_t off)
{
	return gr_text_pos(&doc->text, off);
}

void
gr_note_add(gr_doc *doc, const char *code, uint32_t off, const char *fmt,...)
{
	gr_note    *note = gr_vec_push(doc->arena, &doc->notes);
	va_list		args;

	note->code = code;
	note->pos = gr_pos(doc, off);
	va_start(args, fmt);
	note->message = gr_arena_vprintf(doc->arena, fmt, args);
	va_end(args);
}

/*
 * Substring search for the short UTF-8 needles of this parser (labels,
 * keywords), called a few hundred times per report.  glibc's memmem builds a
 * table on every call; a memchr on one byte stops too often in Chinese text.
 * With SSE2 the first and last bytes of the needle are compared at 16
 * positions at once, and only positions where both match are verified.
 */
#ifdef __SSE2__
#include <emmintrin.h>

const char *
gr_find_bytes(const char *hay, size_t hlen, const char *needle, size_t nl)
{
	__m128i		first,
				second,
				last;
	size_t		i = 0;

	if (nl == 0 || hlen < nl)
		return nl == 0 ? hay : NULL;
	if (nl == 1)
		return memchr(hay, needle[0], hlen);
	/*
	 * The second byte too: in UTF-8 Chinese the first byte is shared by
	 * thousands of characters, so first-and-last alone verifies too often.
	 */
	first = _mm_set1_epi8(needle[0]);
	second = _mm_set1_epi8(needle[1]);
	last = _mm_set1_epi8(needle[nl - 1]);
	for (; i + nl - 1 + 16 <= hlen; i += 16)
	{
		__m128i		bf = _mm_loadu_si128((const __m128i *) (hay + i));
		__m128i		bs = _mm_loadu_si128((const __m128i *) (hay + i + 1));
		__m128i		bl = _mm_loadu_si128((const __m128i *) (hay + i + nl - 1));
		unsigned	mask = (unsigned) _mm_movemask_epi8(
			_mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(bf, first), _mm_cmpeq_epi8(bs, second)),
						  _mm_cmpeq_epi8(bl, last)));

		while (mask)
		{
			int			bit = __builtin_ctz(mask);
			const char *at = hay + i + bit;
			size_t		k = 2;

			while (k < nl - 1 && at[k] == needle[k])
				k++;
			if (k >= nl - 1)
				return at;
			mask &= mask - 1;
		}
	}
	for (; i + nl <= hlen; i++)
		if (hay[i] == needle[0] && memcmp(hay + i, needle, nl) == 0)
			return hay + i;
	return NULL;
}
#else
const char *
gr_find_bytes(const char *hay, size_t hlen, const char *needle, size_t nl)
{
	const char *p;
	const char *end;
	unsigned char last;

	if (nl == 0 || hlen < nl)
		return nl == 0 ? hay : NULL;
	last = (unsigned char) needle[nl - 1];
	p = hay + nl - 1;
	end = hay + hlen;
	while (p < end && (p = memchr(p, last, (size_t) (end - p))) != NULL)
	{
		if (memcmp(p - (nl - 1), needle, nl - 1) == 0)
			return p - (nl - 1);
		p++;
	}
	return NULL;
}
#endif

int64_t
gr_compact_find_n(const gr_doc *doc, const char *needle, size_t nl, int64_t from, int64_t to)
{
	const char *hit;

	if (from < 0)
		from = 0;
	if (to > (int64_t) doc->lx.clen)
		to = doc->lx.clen;
	if (from >= to || (size_t) (to - from) < nl)
		return -1;
	/* the readers search whole regions again and again: on a page of 90 MB a cancel gets in between */
	if ((size_t) (to - from) > GR_CANCEL_SLICE)
		gr_get_handlers()->check_interrupts();
	hit = gr_find_bytes(doc->lx.compact + from, (size_t) (to - from), needle, nl);
	return hit ? (int64_t) (hit - doc->lx.compact) : -1;
}

char *
gr_tok_text(gr_doc *doc, const gr_tok *tok)
{
	return gr_arena_strndup(doc->arena, doc->text.data + tok->off, tok->len);
}

/* Is compact offset c a plausible start of a heading? */
static bool
heading_start(const gr_doc *doc, int64_t c)
{
	const char *s = doc->lx.compact;

	if (c == 0 || doc->lx.cword_start[c])
		return true;
	/* after Markdown marks or the end of a sentence */
	if (s[c - 1] == '#' || s[c - 1] == '*' || s[c - 1] == '>')
		return true;
	if (c >= 3 && (memcmp(s + c - 3, "。", 3) == 0 || memcmp(s + c - 3, "】", 3) == 0))
		return true;
	return false;
}

/* End (compact offset) of the token that holds compact offset c. */
static int64_t
token_compact_end(const gr_doc *doc, int64_t c)
{
	int			t = gr_tok_at_compact(&doc->lx, (uint32_t) c);

	if (t < 0)
		return c;
	return doc->lx.toks[t].coff + doc->lx.toks[t].clen;
}

/* Title of a heading: from the numeral to the end of its cell, kept short. */
static char *
heading_title(gr_doc *doc, int64_t c, int64_t key_end)
{
	int64_t		end = token_compact_end(doc, c);
	const char *s = doc->lx.compact;

	if (end - c > 72)
	{
		/* the line breaks were lost: stop after 「…情况」 or 「…事项」 */
		int64_t		q = gr_compact_find(doc, "情况", key_end, key_end + 30);
		int64_t		r = gr_compact_find(doc, "事项", key_end, key_end + 30);

		if (q >= 0 && (r < 0 || q < r))
			end = q + 6;
		else if (r >= 0)
			end = r + 6;
		else
			end = key_end;
	}
	return gr_arena_strndup(doc->arena, s + c, (size_t) (end - c));
}

/* 「一」…「六」 as the numeral of a heading: its section number, else 0. */
static inline int
heading_numeral(const char *p)
{
	const unsigned char *u = (const unsigned char *) p;

	/* 一 E4B880, 二 E4BA8C, 三 E4B889, 四 E59B9B, 五 E4BA94, 六 E585AD */
	if (u[0] == 0xE4)
	{
		if (u[1] == 0xB8)
			return u[2] == 0x80 ? 1 : u[2] == 0x89 ? 3 : 0;
		if (u[1] == 0xBA)
			return u[2] == 0x8C ? 2 : u[2] == 0x94 ? 5 : 0;
		return 0;
	}
	if (u[0] == 0xE5)
		return (u[1] == 0x9B && u[2] == 0x9B) ? 4 : (u[1] == 0x85 && u[2] == 0xAD) ? 6 : 0;
	return 0;
}

static int
cmp_offsets(const void *a, const void *b)
{
	int64_t		x = *(const int64_t *) a,
				y = *(const int64_t *) b;

	return x < y ? -1 : x > y;
}

/*
 * One pass over the compact text: every 「一、」「二.」「三,」… that starts a
 * word, in order.  Sections are then matched against this short list.
 */
static int
heading_candidates(const gr_doc *doc, int64_t **out)
{
	const char *s = doc->lx.compact;
	int64_t		n = doc->lx.clen;
	gr_vec		found;
	/* the separator after the numeral */
	static const char *const seps[] = {"、", ".", ","};
	unsigned	hits = 0;

	gr_vec_init(&found, sizeof(int64_t));
	for (int k = 0; k < 3; k++)
	{
		size_t		sl = strlen(seps[k]);
		const char *p = s + 3;

		while (p < s + n && (p = gr_find_bytes(p, (size_t) (s + n - p), seps[k], sl)) != NULL)
		{
			int64_t		c = (p - s) - 3;

			gr_interrupt_every(&hits);
			if (c >= 0 && heading_numeral(s + c) && heading_start(doc, c))
				*(int64_t *) gr_vec_push(doc->arena, &found) = c;
			p += sl;
		}
	}
	if (found.count > 1)
		qsort(found.items, (size_t) found.count, sizeof(int64_t), cmp_offsets);
	*out = found.items;
	return found.count;
}

/* End of a section's keyword when compact offset c starts its heading; -1 if not. */
static int64_t
heading_key_end(gr_doc *doc, int64_t c, const gr_section_def *def)
{
	int64_t		tok_end = token_compact_end(doc, c);
	int64_t		key_end = -1;

	if (heading_numeral(doc->lx.compact + c) != def->no)
		return -1;
	/* in text that lost its line breaks the heading runs into prose */
	if (tok_end > c + 90)
		tok_end = c + 90;
	for (int kk = 0; kk < GR_MAX_KEYS && def->keys[kk]; kk++)
	{
		int64_t		hit = gr_compact_find(doc, def->keys[kk], c, tok_end);

		if (hit >= 0 && (key_end < 0 || hit + (int64_t) strlen(def->keys[kk]) < key_end))
			key_end = hit + (int64_t) strlen(def->keys[kk]);
	}
	return key_end;
}

static void
add_section(gr_doc *doc, const gr_section_def *def, int64_t c, int64_t key_end)
{
	gr_section *sec = gr_vec_push(doc->arena, &doc->sections);

	sec->no = def->no;
	sec->title = heading_title(doc, c, key_end);
	sec->pos = gr_pos(doc, gr_compact_to_off(&doc->lx, (uint32_t) c));
	doc->sec_coff[def->no] = c;
}

/*
 * The first unused candidate from index 'from' on, at or after compact
 * offset 'cursor', that heads section def: added as the section.  Returns
 * its index and sets *key_end, or returns -1.
 */
static int
take_heading(gr_doc *doc, const gr_section_def *def, const int64_t *cand, int ncand,
			 int from, int64_t cursor, bool *used, int64_t *key_end)
{
	unsigned	seen = 0;

	for (int i = from; i < ncand; i++)
	{
		int64_t		end;

		gr_interrupt_every(&seen);
		if (used[i] || cand[i] < cursor || (end = heading_key_end(doc, cand[i], def)) < 0)
			continue;
		add_section(doc, def, cand[i], end);
		used[i] = true;
		*key_end = end;
		return i;
	}
	return -1;
}

static int
cmp_sections(const void *a, const void *b)
{
	const gr_section *x = a,
			   *y = b;

	return (x->pos > y->pos) - (x->pos < y->pos);
}

void
gr_find_sections(gr_doc *doc)
{
	int64_t		cursor = 0;
	int64_t    *cand;
	int			ncand = heading_candidates(doc, &cand);
	int			next = 0;
	bool	   *used = gr_arena_alloc0(doc->arena, (size_t) ncand + 1);

	for (int k = 0; k < 7; k++)
		doc->sec_coff[k] = -1;
	/* in order: each heading after the one before */
	for (int k = 0; k < 6; k++)
	{
		int			i = take_heading(doc, &gr_sections[k], cand, ncand, next, cursor, used, &cursor);

		if (i >= 0)
			next = i + 1;
	}
	/* out of order: a heading missed above may stand before an earlier one */
	for (int k = 0; k < 6; k++)
	{
		int64_t		key_end;

		if (doc->sec_coff[gr_sections[k].no] < 0)
			take_heading(doc, &gr_sections[k], cand, ncand, 0, 0, used, &key_end);
	}
	if (doc->sections.count > 1)
		qsort(doc->sections.items, (size_t) doc->sections.count, sizeof(gr_section), cmp_sections);
	/* lengths: up to the next section, the last one to the end of the input */
	{
		gr_section *secs = doc->sections.items;
		int			last_pos = gr_pos(doc, doc->text.len ? (uint32_t) doc->text.len - 1 : 0);

		for (int i = 0; i < doc->sections.count; i++)
		{
			int			end_pos = i + 1 < doc->sections.count ? secs[i + 1].pos : last_pos + 1;

			secs[i].length = end_pos - secs[i].pos;
		}
	}
}

static void
line_flags(gr_doc *doc)
{
	/* tokens come in line order: the last one is on the last line */
	int			nlines = doc->lx.ntoks ? doc->lx.toks[doc->lx.ntoks - 1].line + 1 : 1;

	doc->nlines = nlines;
	doc->line_has_text = gr_arena_alloc0(doc->arena, (size_t) nlines);
	doc->line_has_value = gr_arena_alloc0(doc->arena, (size_t) nlines);
	for (int i = 0; i < doc->lx.ntoks; i++)
	{
		const gr_tok *t = &doc->lx.toks[i];

		if (t->kind == TK_TEXT)
			doc->line_has_text[t->line] = 1;
		else if (t->kind == TK_NUM || t->kind == TK_NULLMARK)
			doc->line_has_value[t->line] = 1;
	}
}

static void
finish_report(gr_doc *doc)
{
	gr_report  *rep = doc->rep;

	rep->sections = doc->sections.items;
	rep->nsections = doc->sections.count;
	rep->active = doc->active.items;
	rep->nactive = doc->active.count;
	rep->applications = doc->applications.items;
	rep->napplications = doc->applications.count;
	rep->proceedings = doc->proceedings.items;
	rep->nproceedings = doc->proceedings.count;
	rep->notes = doc->notes.items;
	rep->nnotes = doc->notes.count;
	/* the document is on the parser's stack: the report keeps a copy of its text */
	rep->text = gr_arena_alloc(doc->arena, sizeof(gr_text));
	*rep->text = doc->text;
}

int
gr_report_pos(gr_report *report, size_t folded_off)
{
	return report->text ? gr_text_pos(report->text, folded_off) : 0;
}

/*
 * A table drawn in text inside a page (a wiki table or a grid table pasted
 * into a CMS): the page's text is read again for it, and each position
 * goes through both readings back to the page.
 */
static void
reread_text_tables(gr_arena *arena, gr_buf *flat, int32_t **srcpos)
{
	gr_buf		again = {0};
	int32_t    *pos_in_flat;
	uint32_t   *char_start = gr_arena_alloc(arena, (flat->len + 1) * sizeof(uint32_t));
	size_t		nchars = 0;

	for (size_t i = 0; i < flat->len; i++)
		if (((unsigned char) flat->data[i] & 0xC0) != 0x80)
			char_start[nchars++] = (uint32_t) i;
	gr_grid_flatten(arena, flat->data, flat->len, &again, &pos_in_flat);
	for (size_t i = 0; i < again.len && nchars > 0; i++)
	{
		size_t		c = pos_in_flat[i] < 1 ? 0 : (size_t) pos_in_flat[i] - 1;

		pos_in_flat[i] = (*srcpos)[char_start[c < nchars ? c : nchars - 1]];
	}
	*flat = again;
	*srcpos = pos_in_flat;
}

/* Whether the carriage return at input[i] ends a CRLF (or CR CR LF, a CRLF written in text mode). */
static bool
cr_before_lf(const char *input, size_t len, size_t i)
{
	return (i + 1 < len && input[i + 1] == '\n') ||
		(i + 2 < len && input[i + 1] == '\r' && input[i + 2] == '\n');
}

/*
 * The input with each carriage return that ends a line by itself (old Mac
 * text, Word's paragraph mark) made a line feed, byte for byte, so that
 * positions stay; the input itself when it has none.  The CRs of CRLF are
 * left to the normalisation, which drops them.
 */
static const char *
with_line_feeds(gr_arena *arena, const char *input, size_t len)
{
	char	   *copy = NULL;
	const char *cr = memchr(input, '\r', len);

	while (cr != NULL)
	{
		size_t		i = (size_t) (cr - input);

		if (!cr_before_lf(input, len, i))
		{
			if (copy == NULL)
			{
				copy = gr_arena_alloc(arena, len + 1);
				memcpy(copy, input, len);
				copy[len] = '\0';
			}
			copy[i] = '\n';
		}
		cr = memchr(cr + 1, '\r', len - i - 1);
	}
	return copy ? copy : input;
}

/*
 * The input as folded text: HTML and tables drawn in text rewritten first
 * (positions kept through it), then folded; outside HTML, Markdown's inline
 * marks blanked (in HTML 「**」 and 「[…]」 are text as typed).
 */
static void
read_input(gr_arena *arena, const char *input, size_t len, gr_text *text)
{
	bool		html;
	gr_buf		flat = {0};
	int32_t    *srcpos = NULL;

	input = with_line_feeds(arena, input, len);
	html = gr_looks_like_html(input, len);
	if (html)
	{
		gr_html_flatten(arena, input, len, &flat, &srcpos);
		if (gr_has_text_table(flat.data, flat.len))
			reread_text_tables(arena, &flat, &srcpos);
	}
	else if (gr_has_text_table(input, len))
		gr_grid_flatten(arena, input, len, &flat, &srcpos);
	if (srcpos)
		gr_normalize(arena, flat.data, flat.len, srcpos, text);
	else
		gr_normalize(arena, input, len, NULL, text);
	if (!html)
		gr_unmark_inline(text->data, text->len);
}

gr_report *
gr_parse(const char *input, size_t len)
{
	const gr_handlers *h = gr_get_handlers();
	gr_arena   *arena;
	gr_doc		doc;
	gr_report  *rep;

	if (len > GR_MAX_INPUT)
		h->error(GR_ERR_INPUT_TOO_LARGE, "报告文本过长",
				 "The input is larger than 100 MB; no annual report is that long.",
				 "Check that the column holds one report per row.");
	arena = gr_arena_create();
	rep = gr_arena_alloc0(arena, sizeof(gr_report));
	rep->arena = arena;

	memset(&doc, 0, sizeof(doc));
	doc.arena = arena;
	doc.rep = rep;
	gr_vec_init(&doc.notes, sizeof(gr_note));
	gr_vec_init(&doc.sections, sizeof(gr_section));
	gr_vec_init(&doc.active, sizeof(gr_active_cell));
	gr_vec_init(&doc.applications, sizeof(gr_application_row));
	gr_vec_init(&doc.proceedings, sizeof(gr_proceeding_row));

	read_input(arena, input, len, &doc.text);
	h->check_interrupts();
	gr_lex(arena, &doc.text, &doc.lx);
	h->check_interrupts();
	line_flags(&doc);
	gr_find_sections(&doc);
	gr_read_tables(&doc);
	h->check_interrupts();
	gr_read_metadata(&doc);
	h->check_interrupts();
	finish_report(&doc);
	return rep;
}

void
gr_report_free(gr_report *report)
{
	if (report)
		gr_arena_destroy(report->arena);
}

const gr_application_row *
gr_report_application(const gr_report *r, const char *code)
{
	for (int i = 0; i < r->napplications; i++)
		if (strcmp(r->applications[i].code, code) == 0)
			return &r->applications[i];
	return NULL;
}

const gr_proceeding_row *
gr_report_proceeding(const gr_report *r, const char *kind)
{
	for (int i = 0; i < r->nproceedings; i++)
		if (strcmp(r->proceedings[i].kind, kind) == 0)
			return &r->proceedings[i];
	return NULL;
}

const gr_active_cell *
gr_report_active(const gr_report *r, const char *code, const char *measure)
{
	for (int i = 0; i < r->nactive; i++)
		if (strcmp(r->active[i].code, code) == 0 && strcmp(r->active[i].measure, measure) == 0)
			return &r->active[i];
	return NULL;
}
