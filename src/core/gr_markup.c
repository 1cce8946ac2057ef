/*
 * gr_markup.c — inline marks of Markdown blanked in place.
 *
 * Converters wrap a cell's number in marks: pandoc writes every <span> of a
 * CMS page as 「[231]{style="…"}」, Word's bold totals come out as
 * 「**231**」, and GitHub Markdown breaks a cell with 「<br>」.  Read as it
 * stands, such a cell is a word, not a number, and the row looks blank.
 * The marks are replaced by spaces of the same width, so positions and the
 * columns of space-aligned tables do not move.
 *
 * Every search ahead stops at the paragraph's end and goes through a
 * cursor that only moves forward, so a page of unpaired marks (100,000
 * 「[」) is still read in linear time.
 */
#include "gr_markup.h"

#include "gr_core.h"
#include "gr_norm.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* the widest a link target, an attribute list or a tag may be */
#define MAX_TARGET_BYTES 2048
#define MAX_TAG_BYTES 512
/* brackets and emphasis runs open at once; deeper ones are left as text */
#define MAX_OPEN 32
/* emphasis runs of one to three 「*」 or 「_」 */
#define MAX_RUN 3

/* The next occurrence of one byte in a paragraph, searched from a cursor that only moves on. */
typedef struct next_byte
{
	char		c;
	size_t		at;				/* its offset, or the paragraph's end */
	bool		known;
} next_byte;

typedef struct paragraph
{
	char	   *s;
	size_t		end;
	size_t		brackets[MAX_OPEN];
	int			nbrackets;
	/* open emphasis runs: [「*」 or 「_」][run length - 1] */
	size_t		runs[2][MAX_RUN][MAX_OPEN];
	int			nruns[2][MAX_RUN];
	size_t		code_open[MAX_RUN];
	bool		code_is_open[MAX_RUN];
	next_byte	brace_close;
	next_byte	paren_close;
	next_byte	tag_close;
} paragraph;

static size_t
next_of(const paragraph *pg, next_byte *nb, size_t from)
{
	if (!nb->known || nb->at < from)
	{
		const char *hit = from < pg->end ? memchr(pg->s + from, nb->c, pg->end - from) : NULL;

		nb->at = hit ? (size_t) (hit - pg->s) : pg->end;
		nb->known = true;
	}
	return nb->at;
}

/* a mark's bytes become spaces; a line break inside one (a writer wrapped its attributes) stays */
static void
blank(char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (s[i] != '\n')
			s[i] = ' ';
}

static bool
is_blank_byte(char c)
{
	return gr_is_line_pad(c) || c == '\n';
}

/* Phrasing elements a converter leaves inside a Markdown cell or line. */
static bool
is_phrasing_tag(const char *name, size_t len)
{
	static const char *const tags[] = {
		"a", "b", "big", "br", "del", "em", "font", "i", "mark", "s", "small", "span", "strike",
		"strong", "sub", "sup", "u", NULL
	};

	for (int k = 0; tags[k]; k++)
		if (strlen(tags[k]) == len && strncasecmp(tags[k], name, len) == 0)
			return true;
	return false;
}

/* 「<br>」「</span>」「<span style="…">」 at i: blanked whole; returns where reading goes on. */
static size_t
phrasing_tag(paragraph *pg, size_t i)
{
	size_t		name = i + 1 + (i + 1 < pg->end && pg->s[i + 1] == '/');
	size_t		name_end = name;
	size_t		close;

	while (name_end < pg->end && gr_is_ascii_letter(pg->s[name_end]))
		name_end++;
	if (name_end == pg->end || !is_phrasing_tag(pg->s + name, name_end - name) ||
		!(pg->s[name_end] == '>' || pg->s[name_end] == '/' || is_blank_byte(pg->s[name_end])))
		return i + 1;
	close = next_of(pg, &pg->tag_close, name_end);
	if (close == pg->end || close - i > MAX_TAG_BYTES)
		return i + 1;
	blank(pg->s, i, close + 1);
	return close + 1;
}

/*
 * 「]」 at i closing the bracket opened at 'open': a link 「](url)」 or
 * attributes 「]{…}」 after it make the pair markup; a plain 「[1]」 stays.
 */
static void
close_bracket(paragraph *pg, size_t open, size_t i)
{
	next_byte  *closer;
	size_t		close;

	if (i + 1 >= pg->end || (pg->s[i + 1] != '{' && pg->s[i + 1] != '('))
		return;
	closer = pg->s[i + 1] == '{' ? &pg->brace_close : &pg->paren_close;
	close = next_of(pg, closer, i + 2);
	if (close == pg->end || close - i > MAX_TARGET_BYTES)
		return;
	if (open > 0 && pg->s[open - 1] == '!')
		pg->s[open - 1] = ' ';
	pg->s[open] = ' ';
	blank(pg->s, i, close + 1);
}

/*
 * A run of 「*」 or 「_」 at [i, j): closes the nearest open run of the same
 * mark and length when it follows a non-blank, else opens one when a
 * non-blank follows it.  「_」 inside a word (「a_b_c」, 「2021年__月」: a
 * blank to fill in) is no mark, as in CommonMark.
 */
static void
emphasis_run(paragraph *pg, size_t i, size_t j)
{
	char		mark = pg->s[i];
	char		before = i > 0 ? pg->s[i - 1] : ' ';
	char		after = j < pg->end ? pg->s[j] : ' ';
	int			m = mark == '_';
	int			n = (int) (j - i) - 1;
	bool		left_flanking = !is_blank_byte(after);
	bool		right_flanking = !is_blank_byte(before);
	bool		can_open = left_flanking && !(m && right_flanking && !gr_is_ascii_punct(before));
	bool		can_close = right_flanking && !(m && left_flanking && !gr_is_ascii_punct(after));

	if (n >= MAX_RUN)
		return;
	if (can_close && pg->nruns[m][n] > 0)
	{
		size_t		open = pg->runs[m][n][--pg->nruns[m][n]];

		blank(pg->s, open, open + (size_t) n + 1);
		blank(pg->s, i, j);
	}
	else if (can_open && pg->nruns[m][n] < MAX_OPEN)
		pg->runs[m][n][pg->nruns[m][n]++] = i;
}

/* A run of backticks at [i, j): a code span's delimiters when one as long opened before. */
static void
code_run(paragraph *pg, size_t i, size_t j)
{
	int			n = (int) (j - i) - 1;

	if (n >= MAX_RUN)
		return;
	if (pg->code_is_open[n])
	{
		blank(pg->s, pg->code_open[n], pg->code_open[n] + (size_t) n + 1);
		blank(pg->s, i, j);
		memset(pg->code_is_open, 0, sizeof(pg->code_is_open));
	}
	else
	{
		pg->code_open[n] = i;
		pg->code_is_open[n] = true;
	}
}

static size_t
run_end(const paragraph *pg, size_t i)
{
	size_t		j = i;

	while (j < pg->end && pg->s[j] == pg->s[i])
		j++;
	return j;
}

#ifdef __SSE2__
/* One bit per byte of p[0, 16) that is_mark_byte. */
static inline uint32_t
mark_bits_sse2(const char *p)
{
	/* 「[」「\\」「]」「^」「_」「`」 are the six bytes from 0x5B: one compare of a range */
	__m128i		v = _mm_loadu_si128((const __m128i *) p);
	__m128i		from_start = _mm_sub_epi8(v, _mm_set1_epi8(0x5B));
	__m128i		in_range = _mm_cmpeq_epi8(_mm_min_epu8(from_start, _mm_set1_epi8(5)), from_start);

	return (uint32_t) _mm_movemask_epi8(_mm_or_si128(in_range, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('*')),
																			_mm_cmpeq_epi8(v, _mm_set1_epi8('<')))));
}
#endif

static inline bool
is_mark_byte(char c)
{
	return (c >= '[' && c <= '`') || c == '*' || c == '<';
}

/*
 * The first byte in [i, end) that can be part of a mark, or end.  Most of a
 * report is ideographs and digits: sixteen bytes at a time with SSE2.
 */
static size_t
next_mark_byte(const char *s, size_t i, size_t end)
{
#ifdef __SSE2__
	for (; i + 32 <= end; i += 32)
	{
		uint32_t	mask = mark_bits_sse2(s + i) | mark_bits_sse2(s + i + 16) << 16;

		if (mask)
			return i + (size_t) __builtin_ctz(mask);
	}
	if (i + 16 <= end)
	{
		uint32_t	mask = mark_bits_sse2(s + i);

		if (mask)
			return i + (size_t) __builtin_ctz(mask);
		i += 16;
	}
#endif
	for (; i < end; i++)
		if (is_mark_byte(s[i]))
			return i;
	return end;
}

static void
unmark_paragraph(char *s, size_t from, size_t end)
{
	paragraph	pg;
	size_t		next_check = from + GR_CHECK_BYTES;

	/* only the counts: a page of short paragraphs must not clear the stacks each time */
	pg.s = s;
	pg.end = end;
	pg.nbrackets = 0;
	memset(pg.nruns, 0, sizeof(pg.nruns));
	memset(pg.code_is_open, 0, sizeof(pg.code_is_open));
	pg.brace_close = (next_byte) {.c = '}'};
	pg.paren_close = (next_byte) {.c = ')'};
	pg.tag_close = (next_byte) {.c = '>'};
	for (size_t i = next_mark_byte(s, from, end); i < end; i = next_mark_byte(s, i, end))
	{
		char		c = s[i];
		size_t		j;

		if (i >= next_check)
		{
			gr_get_handlers()->check_interrupts();
			next_check = i + GR_CHECK_BYTES;
		}
		switch (c)
		{
			case '\\':
				if (i + 1 < end && (gr_is_ascii_punct(s[i + 1]) || s[i + 1] == '\n'))
				{
					s[i] = ' ';
					/* a pipe escaped in a table cell is text, not a cell's edge */
					if (s[i + 1] == '|')
						s[i + 1] = ' ';
					i += 2;
				}
				else
					i++;
				break;
			case '[':
				if (pg.nbrackets < MAX_OPEN)
					pg.brackets[pg.nbrackets++] = i;
				i++;
				break;
			case ']':
				if (pg.nbrackets > 0)
					close_bracket(&pg, pg.brackets[--pg.nbrackets], i);
				i++;
				break;
			case '*':
			case '_':
				j = run_end(&pg, i);
				emphasis_run(&pg, i, j);
				i = j;
				break;
			case '`':
				j = run_end(&pg, i);
				code_run(&pg, i, j);
				i = j;
				break;
			case '<':
				i = phrasing_tag(&pg, i);
				break;
			default:
				/* 「^」, which the scan finds with its neighbours */
				i++;
		}
	}
}

static bool
is_line_blank(const char *text, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (!gr_is_line_pad(text[i]))
			return false;
	return true;
}

/* Start of the paragraph holding byte 'at': after a line of nothing but blanks. */
static size_t
paragraph_start(const char *text, size_t at)
{
	size_t		line = at;

	for (;;)
	{
		size_t		prev;

		while (line > 0 && text[line - 1] != '\n')
			line--;
		if (line == 0)
			return 0;
		prev = line - 1;
		while (prev > 0 && text[prev - 1] != '\n')
			prev--;
		if (is_line_blank(text, prev, line - 1))
			return line;
		line = prev;
	}
}

/* End of the paragraph holding byte 'at': the line break that ends a line of nothing but blanks, or the text's end. */
static size_t
paragraph_end(const char *text, size_t at, size_t len)
{
	const char *nl = text + at;

	while ((nl = memchr(nl, '\n', (size_t) (text + len - nl))) != NULL)
	{
		const char *next = memchr(nl + 1, '\n', (size_t) (text + len - nl - 1));
		size_t		next_end = next ? (size_t) (next - text) : len;

		if (is_line_blank(text, (size_t) (nl - text) + 1, next_end))
			return next_end;
		if (next == NULL)
			return len;
		nl = next;
	}
	return len;
}

/* Only the paragraphs that hold a mark byte are read: most reports have none. */
void
gr_unmark_inline(char *text, size_t len)
{
	for (size_t mark = next_mark_byte(text, 0, len); mark < len;)
	{
		size_t		end = paragraph_end(text, mark, len);

		unmark_paragraph(text, paragraph_start(text, mark), end);
		mark = next_mark_byte(text, end, len);
	}
}
