/*
 * gr_html.c — HTML to text, as a browser lays a page out: the cells of a row
 * on one line between tabs, rows and blocks on lines of their own, scripts
 * and style sheets left out, character references decoded.
 *
 * The page is read in one pass by a reader of this file.  It allocates only
 * in the arena, so an error or a cancel can leave it anywhere; it knows the
 * input offset of every byte it emits; and it reads a page the same way
 * whatever libraries the server has.  Where tags are missing it closes
 * elements as HTML does (a new 「td」 ends the open cell, a new 「tr」 the
 * open row, a block the open 「p」, the end of the page all that is open).
 */
#include "gr_html.h"
#include "gr_core.h"
#include "gr_norm.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* Tables and cells nested deeper than this are read as if not nested. */
#define MAX_NESTING 32

/*
 * Elements that shape the text, open at once.  A deeper one is read as if
 * it were not there (and so is its end tag), which keeps 100,000 nested
 * 「div」 linear.
 */
#define MAX_OPEN 256

/*
 * What a tag does to the text.  A paragraph is a block that holds one
 * paragraph: a line break in its source is a space, as a browser shows it.
 * Word and many sites wrap long lines of a page's source, 「二、主动公开政府
 * \n信息情况」 included.  Text outside such blocks keeps its lines: a page
 * that is text with a table in it means its lines.
 */
typedef enum tag_kind
{
	TAG_OTHER,					/* inline: no effect */
	TAG_RAW,					/* script, style: not text */
	TAG_TR,
	TAG_CELL,
	TAG_TABLE,
	TAG_BR,
	TAG_BLOCK,
	TAG_PARAGRAPH,
} tag_kind;

/* What closes an element that a page leaves open, besides its kind. */
typedef enum tag_role
{
	ROLE_NONE,
	ROLE_P,
	ROLE_HEADING,				/* h1-h6 */
	ROLE_LIST,					/* ul, ol */
	ROLE_ITEM,					/* li */
	ROLE_TERM,					/* dt, dd */
	ROLE_SECTION,				/* tbody, thead, tfoot */
	ROLE_ROW,					/* tr */
	ROLE_CELL,					/* td, th */
	ROLE_VOID,					/* hr: no content, no end tag */
} tag_role;

/* The tags that shape the text, sorted by name, for bsearch. */
static const struct known_tag
{
	const char *name;
	tag_kind	kind;
	tag_role	role;
}			known_tags[] = {
	{"address", TAG_BLOCK, ROLE_NONE}, {"article", TAG_BLOCK, ROLE_NONE},
	{"aside", TAG_BLOCK, ROLE_NONE}, {"blockquote", TAG_BLOCK, ROLE_NONE},
	{"br", TAG_BR, ROLE_NONE}, {"caption", TAG_PARAGRAPH, ROLE_NONE},
	{"center", TAG_BLOCK, ROLE_NONE}, {"dd", TAG_PARAGRAPH, ROLE_TERM},
	{"div", TAG_BLOCK, ROLE_NONE}, {"dl", TAG_BLOCK, ROLE_NONE},
	{"dt", TAG_PARAGRAPH, ROLE_TERM}, {"fieldset", TAG_BLOCK, ROLE_NONE},
	{"figcaption", TAG_PARAGRAPH, ROLE_NONE}, {"figure", TAG_BLOCK, ROLE_NONE},
	{"footer", TAG_BLOCK, ROLE_NONE}, {"form", TAG_BLOCK, ROLE_NONE},
	{"h1", TAG_PARAGRAPH, ROLE_HEADING}, {"h2", TAG_PARAGRAPH, ROLE_HEADING},
	{"h3", TAG_PARAGRAPH, ROLE_HEADING}, {"h4", TAG_PARAGRAPH, ROLE_HEADING},
	{"h5", TAG_PARAGRAPH, ROLE_HEADING}, {"h6", TAG_PARAGRAPH, ROLE_HEADING},
	{"header", TAG_BLOCK, ROLE_NONE}, {"hr", TAG_BLOCK, ROLE_VOID},
	{"li", TAG_PARAGRAPH, ROLE_ITEM}, {"main", TAG_BLOCK, ROLE_NONE},
	{"nav", TAG_BLOCK, ROLE_NONE}, {"ol", TAG_BLOCK, ROLE_LIST}, {"p", TAG_PARAGRAPH, ROLE_P},
	{"pre", TAG_BLOCK, ROLE_NONE}, {"script", TAG_RAW, ROLE_NONE},
	{"section", TAG_BLOCK, ROLE_NONE}, {"style", TAG_RAW, ROLE_NONE},
	{"table", TAG_TABLE, ROLE_NONE}, {"tbody", TAG_BLOCK, ROLE_SECTION},
	{"td", TAG_CELL, ROLE_CELL}, {"tfoot", TAG_BLOCK, ROLE_SECTION},
	{"th", TAG_CELL, ROLE_CELL}, {"thead", TAG_BLOCK, ROLE_SECTION},
	{"title", TAG_PARAGRAPH, ROLE_NONE}, {"tr", TAG_TR, ROLE_ROW},
	{"ul", TAG_BLOCK, ROLE_LIST},
};

#define NKNOWN ((int) (sizeof(known_tags) / sizeof(known_tags[0])))
#define LONGEST_KNOWN 10		/* 「blockquote」 */
#define NOT_KNOWN (-1)

typedef struct flatten_state
{
	gr_arena   *arena;
	gr_buf	   *out;
	gr_posbuf	written;		/* out, with the input position of each byte */
	const char *in;				/* the HTML input */
	size_t		inlen;
	size_t		tag_at;			/* offset of the 「<」 of the tag being read */
	size_t		work;			/* bytes read or written since the last interrupt check */
	/* characters that start in in[0 .. counted_to): positions go mostly forward */
	size_t		counted_to;
	int32_t		counted;
	/* the elements open, as indexes into known_tags */
	int8_t		open[MAX_OPEN];
	int			nopen;
	int			in_cell;		/* depth of td/th holding data, not layout */
	int			cell_depth;		/* of all td/th */
	uint64_t	layout_cells;	/* flag at depth d: the cell there holds a table */
	size_t		cell_start[MAX_NESTING];	/* out->len where the cell at depth d began */
	gr_vec		soft_breaks;	/* spaces between blocks inside cells (size_t offsets) */
	int			table_depth;
	bool		outer_row_has_cell[MAX_NESTING];	/* of the row around table d */
	int			outer_colspan[MAX_NESTING];
	int			paragraph_depth;	/* of p, li, h1-h6 and the like */
	bool		row_has_cell;
	int			pending_colspan;
} flatten_state;

/* ---------------------------------------------------------------- */
/* output                                                           */

/*
 * Lets a cancel through once per GR_CHECK_BYTES of work: bytes searched,
 * read or written.  Counted as work, not as the offset reached, since a
 * search runs ahead of the text it finds, which is then written.
 */
static inline void
interrupt_point(flatten_state *st, size_t bytes)
{
	st->work += bytes;
	if (st->work >= GR_CHECK_BYTES)
	{
		gr_get_handlers()->check_interrupts();
		st->work = 0;
	}
}

/* How much of the 'left' bytes to handle before the next interrupt point. */
static inline size_t
slice(size_t left)
{
	return left < GR_CHECK_BYTES ? left : GR_CHECK_BYTES;
}

/* The first 'c' in [p, end), or NULL: searched a slice at a time, letting a cancel through between. */
static const char *
find_char(flatten_state *st, const char *p, const char *end, char c)
{
	while (p < end)
	{
		size_t		n = slice((size_t) (end - p));
		const char *at = memchr(p, c, n);

		interrupt_point(st, at ? (size_t) (at - p) + 1 : n);
		if (at)
			return at;
		p += n;
	}
	return NULL;
}

/*
 * 1-based character position of the input byte at 'at': the characters
 * starting in in[0 .. at].  Counted on from the last position asked for,
 * since the reader asks in reading order.
 */
static int32_t
char_position(flatten_state *st, size_t at)
{
	size_t		to = at + 1;

	if (to > st->inlen)
		to = st->inlen;
	if (to >= st->counted_to)
		st->counted += (int32_t) gr_utf8_count_chars(st->in + st->counted_to, to - st->counted_to);
	else
		st->counted -= (int32_t) gr_utf8_count_chars(st->in + to, st->counted_to - to);
	st->counted_to = to;
	return st->counted > 0 ? st->counted : 1;
}

/* Position of the tag being read: where the separators it makes come from. */
static int32_t
tag_pos(flatten_state *st)
{
	return char_position(st, st->tag_at);
}

static void
emit(flatten_state *st, const char *s, size_t len, int32_t pos, bool advance)
{
	gr_posbuf_emit(&st->written, s, len, pos, advance);
}

static void
newline(flatten_state *st)
{
	if (st->out->len && st->out->data[st->out->len - 1] != '\n')
		emit(st, "\n", 1, tag_pos(st), false);
}

/*
 * Turns the line breaks of the output from 'from' on into spaces, and its
 * tabs too inside a cell: a cell stays on its row's line, and a paragraph
 * is one line, though its tabs may be cells.  Text outside both keeps its lines.
 */
static void
spaces_for_breaks(flatten_state *st, size_t from)
{
	bool		tabs_too = st->in_cell > 0;
	char	   *data = st->out->data;

	if (!tabs_too && st->paragraph_depth == 0)
		return;
	for (size_t i = from; i < st->out->len; i++)
		if (data[i] == '\n' || data[i] == '\r' || (tabs_too && data[i] == '\t'))
			data[i] = ' ';
}

/* ---------------------------------------------------------------- */
/* what elements do to the text                                     */

static bool
is_block_kind(tag_kind kind)
{
	return kind == TAG_BR || kind == TAG_BLOCK || kind == TAG_PARAGRAPH;
}

/* One flag per depth of nesting, for the first 64 depths; deeper ones stay unset. */
static inline bool
flag_at(uint64_t flags, int depth)
{
	return depth < 64 && ((flags >> depth) & 1) != 0;
}

static inline void
set_flag_at(uint64_t *flags, int depth, bool on)
{
	if (depth >= 64)
		return;
	if (on)
		*flags |= (uint64_t) 1 << depth;
	else
		*flags &= ~((uint64_t) 1 << depth);
}

/*
 * Between two blocks inside a cell (Word puts each line of a cell in a
 * 「p」): a space, remembered, since the cell may turn out to be page layout
 * whose blocks are lines.
 */
static void
soft_break(flatten_state *st)
{
	char		last = st->out->len ? st->out->data[st->out->len - 1] : '\n';

	if (last == ' ' || last == '\t' || last == '\n')
		return;
	*(size_t *) gr_vec_slot(st->arena, &st->soft_breaks) = st->out->len;
	emit(st, " ", 1, tag_pos(st), false);
}

static void
start_cell(flatten_state *st, int colspan)
{
	if (st->row_has_cell)
		emit(st, "\t", 1, tag_pos(st), false);
	st->row_has_cell = true;
	if (st->cell_depth < MAX_NESTING)
		st->cell_start[st->cell_depth] = st->out->len;
	set_flag_at(&st->layout_cells, st->cell_depth, false);
	st->cell_depth++;
	st->in_cell++;
	st->pending_colspan = colspan;
}

static void
end_cell(flatten_state *st)
{
	/* a spanned cell leaves empty cells behind it, as in the grid */
	for (int i = 1; i < st->pending_colspan; i++)
		emit(st, "\t", 1, tag_pos(st), false);
	st->pending_colspan = 1;
	if (st->cell_depth == 0)
		return;
	st->cell_depth--;
	if (!flag_at(st->layout_cells, st->cell_depth) && st->in_cell > 0)
		st->in_cell--;
}

/*
 * A table inside a cell makes that cell page layout (older sites put the
 * whole article in one): its blocks so far become lines, and its text is
 * read as text, not as one cell.  The row around the table goes on after it.
 */
static void
start_table(flatten_state *st)
{
	int			cell = st->cell_depth - 1;

	if (st->in_cell > 0 && cell < MAX_NESTING && !flag_at(st->layout_cells, cell))
	{
		const size_t *breaks = st->soft_breaks.items;

		set_flag_at(&st->layout_cells, cell, true);
		st->in_cell--;
		for (int i = st->soft_breaks.count - 1; i >= 0 && breaks[i] >= st->cell_start[cell]; i--)
			st->out->data[breaks[i]] = '\n';
	}
	newline(st);
	if (st->table_depth < MAX_NESTING)
	{
		st->outer_row_has_cell[st->table_depth] = st->row_has_cell;
		st->outer_colspan[st->table_depth] = st->pending_colspan;
	}
	st->table_depth++;
}

static void
end_table(flatten_state *st)
{
	newline(st);
	if (st->table_depth == 0)
		return;
	st->table_depth--;
	if (st->table_depth < MAX_NESTING)
	{
		st->row_has_cell = st->outer_row_has_cell[st->table_depth];
		st->pending_colspan = st->outer_colspan[st->table_depth];
	}
}

static void
on_start(flatten_state *st, tag_kind kind, int colspan)
{
	if (kind == TAG_TR)
	{
		newline(st);
		st->row_has_cell = false;
	}
	else if (kind == TAG_CELL)
		start_cell(st, colspan);
	else if (kind == TAG_TABLE)
		start_table(st);
	else if (is_block_kind(kind) && st->in_cell == 0)
		newline(st);
	else if (kind == TAG_BR)
		emit(st, " ", 1, tag_pos(st), false);
	else if (is_block_kind(kind))
		soft_break(st);
	if (kind == TAG_PARAGRAPH)
		st->paragraph_depth++;
}

static void
on_end(flatten_state *st, tag_kind kind)
{
	if (kind == TAG_CELL)
		end_cell(st);
	else if (kind == TAG_TABLE)
		end_table(st);
	else if (kind == TAG_TR || (is_block_kind(kind) && st->in_cell == 0))
		newline(st);
	else if (is_block_kind(kind))
		soft_break(st);
	if (kind == TAG_PARAGRAPH && st->paragraph_depth > 0)
		st->paragraph_depth--;
}

/* ---------------------------------------------------------------- */
/* open elements, closed as HTML closes them                        */

static tag_kind
kind_at(const flatten_state *st, int i)
{
	return known_tags[st->open[i]].kind;
}

static tag_role
role_of(int tag)
{
	return known_tags[tag].role;
}

/* Closes the open elements above and including open[i]. */
static void
close_to(flatten_state *st, int i)
{
	while (st->nopen > i)
		on_end(st, kind_at(st, --st->nopen));
}

/*
 * The topmost open element of 'role', looking no further down than the
 * nearest table (or, with 'cells_bound', the nearest cell too); -1 when
 * there is none.
 */
static int
find_open(const flatten_state *st, tag_role role, bool cells_bound)
{
	for (int i = st->nopen - 1; i >= 0; i--)
	{
		tag_kind	kind = kind_at(st, i);

		if (role_of(st->open[i]) == role)
			return i;
		if (kind == TAG_TABLE || (cells_bound && kind == TAG_CELL))
			return -1;
	}
	return -1;
}

static void
close_open(flatten_state *st, tag_role role, bool cells_bound)
{
	int			i = find_open(st, role, cells_bound);

	if (i >= 0)
		close_to(st, i);
}

/* What a start tag closes of the elements still open, as HTML has it. */
static void
close_implied_by(flatten_state *st, int tag)
{
	tag_kind	kind = known_tags[tag].kind;
	tag_role	role = role_of(tag);

	/* a row or section closes the open cell, row and section before it */
	if (role == ROLE_CELL || role == ROLE_ROW || role == ROLE_SECTION)
		close_open(st, ROLE_CELL, false);
	if (role == ROLE_ROW || role == ROLE_SECTION)
		close_open(st, ROLE_ROW, false);
	if (role == ROLE_SECTION)
		close_open(st, ROLE_SECTION, false);
	if (kind == TAG_BLOCK || kind == TAG_PARAGRAPH || kind == TAG_TABLE)
		close_open(st, ROLE_P, true);
	if (role == ROLE_ITEM)
	{
		int			i = find_open(st, ROLE_ITEM, true);

		/* an item of a list inside the open item does not close it */
		for (int j = i + 1; i >= 0 && j < st->nopen; j++)
			if (role_of(st->open[j]) == ROLE_LIST)
				i = -1;
		if (i >= 0)
			close_to(st, i);
	}
	else if (role == ROLE_TERM)
		close_open(st, ROLE_TERM, true);
	else if (role == ROLE_HEADING && st->nopen > 0 &&
			 role_of(st->open[st->nopen - 1]) == ROLE_HEADING)
		close_to(st, st->nopen - 1);
}

static void
start_element(flatten_state *st, int tag, int colspan, bool self_closing)
{
	tag_kind	kind = known_tags[tag].kind;

	if (kind == TAG_OTHER || kind == TAG_RAW)
		return;
	close_implied_by(st, tag);
	/* br and hr have no content; 「<td/>」 (XHTML) is an empty cell */
	if (kind == TAG_BR || role_of(tag) == ROLE_VOID || self_closing)
	{
		on_start(st, kind, colspan);
		on_end(st, kind);
		return;
	}
	if (st->nopen == MAX_OPEN)
		return;
	st->open[st->nopen++] = (int8_t) tag;
	on_start(st, kind, colspan);
}

static bool
belongs_to_table(int tag)
{
	tag_kind	kind = known_tags[tag].kind;

	return kind == TAG_TABLE || kind == TAG_TR || kind == TAG_CELL || role_of(tag) == ROLE_SECTION;
}

static void
end_element(flatten_state *st, int tag)
{
	tag_kind	kind = known_tags[tag].kind;
	int			i;

	if (kind == TAG_OTHER || kind == TAG_RAW)
		return;
	if (kind == TAG_BR)
	{
		/* 「</br>」 is a line break to browsers */
		start_element(st, tag, 1, true);
		return;
	}
	for (i = st->nopen - 1; i >= 0; i--)
	{
		tag_kind	open_kind = kind_at(st, i);

		if (st->open[i] == tag)
			break;
		/* an end tag stays in its table, and but for the table's own tags in its cell */
		if (open_kind == TAG_TABLE || (open_kind == TAG_CELL && !belongs_to_table(tag)))
		{
			i = -1;
			break;
		}
	}
	if (i >= 0)
		close_to(st, i);
	else if (role_of(tag) == ROLE_P)
	{
		/* a 「</p>」 with no 「p」 open is an empty paragraph to browsers */
		on_start(st, kind, 1);
		on_end(st, kind);
	}
}

/* ---------------------------------------------------------------- */
/* the page's markup                                                */

static inline bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static inline bool
is_ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
compare_tag(const void *key, const void *entry)
{
	const unsigned char *k = key,
			   *name = (const unsigned char *) ((const struct known_tag *) entry)->name;

	/* names are short: compared in line, not by a call for every step of the search */
	while (*k && *k == *name)
		k++, name++;
	return *k - *name;
}

/* Index in known_tags of the tag named by in[0 .. len), case aside. */
static int
known_tag(const char *name, size_t len)
{
	char		lower[LONGEST_KNOWN + 1];
	const struct known_tag *t;

	if (len > LONGEST_KNOWN)
		return NOT_KNOWN;
	for (size_t i = 0; i < len; i++)
		lower[i] = (char) ((name[i] >= 'A' && name[i] <= 'Z') ? name[i] + 32 : name[i]);
	lower[len] = '\0';
	t = bsearch(lower, known_tags, NKNOWN, sizeof(known_tags[0]), compare_tag);
	return t ? (int) (t - known_tags) : NOT_KNOWN;
}

/*
 * The widest table of either template has about ten columns.  A wider span is
 * page layout, not a cell of the grid, and each spanned column becomes an
 * empty cell: without a bound, 「<td colspan=999></td>」 turns 21 bytes of
 * input into 998 of output.
 */
#define MAX_COLSPAN 64

static int
colspan_value(const char *v, const char *end)
{
	int			n = 0;

	while (v < end && is_space(*v))
		v++;
	if (v < end && *v == '+')
		v++;
	while (v < end && *v >= '0' && *v <= '9' && n <= MAX_COLSPAN)
		n = n * 10 + (*v++ - '0');
	if (n > MAX_COLSPAN)
		return MAX_COLSPAN;
	return n > 0 ? n : 1;
}

/* A tag's attributes, read to its 「>」. */
typedef struct tag_read
{
	const char *end;			/* just after the 「>」; NULL: the page ends inside the tag */
	int			colspan;
	bool		self_closing;	/* 「/>」 */
} tag_read;

/* What ends a run of markup that skip_run passes over. */
typedef enum run_kind
{
	RUN_BLANKS,					/* blanks (and, between attributes, 「/」) */
	RUN_NAME,					/* an attribute's name */
	RUN_UNQUOTED,				/* an unquoted attribute value */
} run_kind;

static inline bool
continues_run(run_kind kind, char c)
{
	switch (kind)
	{
		case RUN_BLANKS:
			return is_space(c) || c == '/';
		case RUN_NAME:
			return !is_space(c) && c != '/' && c != '>' && c != '=';
		case RUN_UNQUOTED:
			return !is_space(c) && c != '>';
	}
	return false;
}

/* Past the run of 'kind' from 'p' on, a slice at a time, letting a cancel through between. */
static const char *
skip_run(flatten_state *st, const char *p, const char *end, run_kind kind)
{
	while (p < end)
	{
		const char *from = p;
		const char *slice_end = p + slice((size_t) (end - p));

		while (p < slice_end && continues_run(kind, *p))
			p++;
		interrupt_point(st, (size_t) (p - from));
		if (p < slice_end)
			break;
	}
	return p;
}

/* Reads attributes from 'p' (after the tag's name) to the 「>」 that ends the tag. */
static tag_read
read_attributes(flatten_state *st, const char *p, const char *end)
{
	tag_read	t = {NULL, 1, false};

	for (;;)
	{
		const char *name;
		size_t		name_len;

		p = skip_run(st, p, end, RUN_BLANKS);
		if (p == end)
			return t;
		if (*p == '>')
		{
			t.self_closing = p[-1] == '/';
			t.end = p + 1;
			return t;
		}
		name = p;
		/* a name may start with 「=」 */
		p = skip_run(st, p + 1, end, RUN_NAME);
		name_len = (size_t) (p - name);
		p = skip_run(st, p, end, RUN_BLANKS);
		if (p < end && *p == '=')
		{
			const char *value;
			const char *value_end;

			p = skip_run(st, p + 1, end, RUN_BLANKS);
			if (p < end && (*p == '"' || *p == '\''))
			{
				value = p + 1;
				value_end = find_char(st, value, end, *p);
				if (value_end == NULL)
					return t;
				p = value_end + 1;
			}
			else
			{
				value = p;
				p = skip_run(st, p, end, RUN_UNQUOTED);
				value_end = p;
			}
			if (name_len == 7 && strncasecmp(name, "colspan", 7) == 0)
				t.colspan = colspan_value(value, value_end);
		}
	}
}

/* Just after the first 'c' from 'p' on, or the end of the page. */
static const char *
past_char(flatten_state *st, const char *p, const char *end, char c)
{
	const char *at = find_char(st, p, end, c);

	return at ? at + 1 : end;
}

/* Just after the 「-->」 that ends the comment whose text starts at 'p'. */
static const char *
past_comment(flatten_state *st, const char *p, const char *end)
{
	/* 「<!-->」 and 「<!--->」 are empty comments */
	if (p < end && *p == '>')
		return p + 1;
	if (end - p >= 2 && p[0] == '-' && p[1] == '>')
		return p + 2;
	for (;;)
	{
		const char *gt = find_char(st, p, end, '>');

		if (gt == NULL)
			return end;
		if (gt - p >= 2 && gt[-1] == '-' && gt[-2] == '-')
			return gt + 1;
		if (gt - p >= 3 && gt[-1] == '!' && gt[-2] == '-' && gt[-3] == '-')
			return gt + 1;
		p = gt + 1;
	}
}

/* Just after the end tag of the script or style sheet whose text starts at 'p'. */
static const char *
past_raw_text(flatten_state *st, const char *p, const char *end, const char *name)
{
	size_t		name_len = strlen(name);

	for (;;)
	{
		const char *lt = find_char(st, p, end, '<');

		if (lt == NULL)
			return end;
		p = lt + 1;
		if ((size_t) (end - p) > name_len + 1 && p[0] == '/' &&
			strncasecmp(p + 1, name, name_len) == 0 &&
			(is_space(p[1 + name_len]) || p[1 + name_len] == '/' || p[1 + name_len] == '>'))
		{
			tag_read	t = read_attributes(st, p + 1 + name_len, end);

			return t.end ? t.end : end;
		}
	}
}

/* The longest names of the entities of Latin-1: 「frac12」「middot」 and the like. */
#define LONGEST_LATIN1_NAME 6

/*
 * A reference without its 「;」, as browsers read one: the longest name at
 * 'amp' + 1 (up to 'name_end') of the entities of Latin-1 and 「&amp」
 * 「&lt」「&gt」「&quot」, which HTML has always let go without one
 * (「&nbsp12」 is a no-break space and 12).  -1 when there is none.
 */
static int32_t
legacy_reference(const char *amp, const char *name_end, const char **after)
{
	size_t		longest = (size_t) (name_end - amp - 1);

	if (longest > LONGEST_LATIN1_NAME)
		longest = LONGEST_LATIN1_NAME;
	for (size_t len = longest; len >= 2; len--)
	{
		int32_t		cp = gr_html_entity(amp + 1, len);

		if (cp >= 0 && cp <= 0xFF)
		{
			*after = amp + 1 + len;
			return cp;
		}
	}
	return -1;
}

/*
 * The character a reference starting at 'amp' (its 「&」) stands for, and
 * where the reference ends; -1 when it is not a reference, and the 「&」 is
 * text.  A named one needs its 「;」 but for the old Latin-1 names; a
 * numeric one may go without.  A number that is no character (0, a
 * surrogate, beyond U+10FFFF) is U+FFFD, as browsers show it.
 */
static int32_t
char_reference(const char *amp, const char *end, const char **after)
{
	const char *p = amp + 1;

	if (p < end && *p == '#')
	{
		bool		hex = p + 1 < end && (p[1] == 'x' || p[1] == 'X');
		const char *digits = p + (hex ? 2 : 1);
		int64_t		cp = 0;

		for (p = digits; p < end; p++)
		{
			int			d;

			if (*p >= '0' && *p <= '9')
				d = *p - '0';
			else if (hex && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'f'))
				d = (*p | 0x20) - 'a' + 10;
			else
				break;
			if (cp <= 0x10FFFF)
				cp = cp * (hex ? 16 : 10) + d;
		}
		if (p == digits)
			return -1;
		*after = (p < end && *p == ';') ? p + 1 : p;
		if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0xFFFD;
		return (int32_t) cp;
	}
	while (p < end && p - amp <= 32 && (is_ascii_alpha(*p) || (*p >= '0' && *p <= '9')))
		p++;
	if (p < end && *p == ';')
	{
		int32_t		cp = gr_html_entity(amp + 1, (size_t) (p - amp - 1));

		if (cp >= 0)
		{
			*after = p + 1;
			return cp;
		}
	}
	return legacy_reference(amp, p, after);
}

/*
 * Emits the text bytes in[from .. to) a slice at a time, letting a cancel
 * through between slices, which end at character boundaries.
 */
static void
emit_text(flatten_state *st, size_t from, size_t to)
{
	while (from < to)
	{
		size_t		n = slice(to - from);

		while (from + n < to && ((unsigned char) st->in[from + n] & 0xC0) == 0x80)
			n++;
		emit(st, st->in + from, n, char_position(st, from), true);
		spaces_for_breaks(st, st->out->len - n);
		from += n;
		interrupt_point(st, n);
	}
}

/*
 * Whether the element the text stands in is a table, a row or a row group,
 * not a cell: white space there only lays out the markup.
 */
static bool
between_cells(const flatten_state *st)
{
	int			top;

	if (st->nopen == 0)
		return false;
	top = st->open[st->nopen - 1];
	return known_tags[top].kind == TAG_TABLE || known_tags[top].kind == TAG_TR ||
		known_tags[top].role == ROLE_SECTION;
}

/* Whether [p, end) is all white space: read a slice at a time, letting a cancel through between. */
static bool
all_white(flatten_state *st, const char *p, const char *end)
{
	while (p < end)
	{
		size_t		n = slice((size_t) (end - p));

		for (const char *q = p; q < p + n; q++)
			if (*q != ' ' && *q != '\n' && *q != '\t' && *q != '\r' && *q != '\f')
				return false;
		p += n;
		interrupt_point(st, n);
	}
	return true;
}

/* The text in[from .. to), references decoded, lines kept as the element around it wants. */
static void
text(flatten_state *st, size_t from, size_t to)
{
	const char *p = st->in + from;
	const char *end = st->in + to;

	/* 「<tr>\n  <td>」: indentation between cells is no text of the table */
	if (between_cells(st) && all_white(st, p, end))
		return;
	while (p < end)
	{
		const char *amp = find_char(st, p, end, '&');
		const char *run_end = amp ? amp : end;
		const char *after;
		int32_t		cp;

		emit_text(st, (size_t) (p - st->in), (size_t) (run_end - st->in));
		if (amp == NULL)
			break;
		cp = char_reference(amp, end, &after);
		if (cp < 0)
		{
			emit(st, "&", 1, char_position(st, (size_t) (amp - st->in)), true);
			p = amp + 1;
		}
		else
		{
			utf8proc_uint8_t utf8[4];
			size_t		n = (size_t) utf8proc_encode_char(cp, utf8);

			emit(st, (const char *) utf8, n, char_position(st, (size_t) (amp - st->in)), false);
			spaces_for_breaks(st, st->out->len - n);
			p = after;
		}
	}
}

/*
 * Reads the markup that starts with the 「<」 at 'lt': a tag, a comment, a
 * doctype or the like.  Returns where the text goes on, or NULL when the
 * 「<」 starts none of these and is text itself.
 */
static const char *
markup(flatten_state *st, const char *lt, const char *end)
{
	const char *p = lt + 1;
	bool		closing = p < end && *p == '/';
	const char *name;
	int			tag;
	tag_read	t;

	if (p == end)
		return NULL;
	if (*p == '!')
	{
		if (end - p >= 3 && p[1] == '-' && p[2] == '-')
			return past_comment(st, p + 3, end);
		/* a doctype, and Word's 「<![if !supportLists]>」: to the first 「>」 */
		return past_char(st, p, end, '>');
	}
	if (*p == '?')
		return past_char(st, p, end, '>');
	if (closing)
		p++;
	if (p == end || !is_ascii_alpha(*p))
	{
		if (closing)
			return (p < end && *p == '>') ? p + 1 : past_char(st, p, end, '>');
		return NULL;
	}
	name = p;
	p = skip_run(st, p, end, RUN_NAME);
	tag = known_tag(name, (size_t) (p - name));
	t = read_attributes(st, p, end);
	if (t.end == NULL)
		return end;				/* a tag cut off by the end of the page is not read */
	st->tag_at = (size_t) (lt - st->in);
	if (tag == NOT_KNOWN)
		return t.end;
	if (closing)
		end_element(st, tag);
	else if (known_tags[tag].kind == TAG_RAW)
		return t.self_closing ? t.end : past_raw_text(st, t.end, end, known_tags[tag].name);
	else
		start_element(st, tag, t.colspan, t.self_closing);
	return t.end;
}

static void
read_page(flatten_state *st)
{
	const char *p = st->in;
	const char *end = st->in + st->inlen;

	while (p < end)
	{
		const char *lt = find_char(st, p, end, '<');
		const char *next;

		if (lt == NULL)
		{
			text(st, (size_t) (p - st->in), st->inlen);
			break;
		}
		if (lt > p)
			text(st, (size_t) (p - st->in), (size_t) (lt - st->in));
		next = markup(st, lt, end);
		if (next == NULL)
		{
			/* a 「<」 that starts no tag is text */
			emit_text(st, (size_t) (lt - st->in), (size_t) (lt + 1 - st->in));
			next = lt + 1;
		}
		p = next;
	}
	st->tag_at = st->inlen ? st->inlen - 1 : 0;
	close_to(st, 0);
}

bool
gr_looks_like_html(const char *text, size_t len)
{
	static const char *const markers[] = {
		"<table", "<tr", "<td", "<html", "<body", "<p>", "<p ", "<div", NULL
	};
	const char *p = text;
	const char *end = text + len;

	while ((p = memchr(p, '<', (size_t) (end - p))) != NULL)
	{
		for (int m = 0; markers[m]; m++)
		{
			size_t		ml = strlen(markers[m]);

			if ((size_t) (end - p) >= ml && strncasecmp(p, markers[m], ml) == 0)
				return true;
		}
		p++;
	}
	return false;
}

void
gr_html_flatten(gr_arena *arena, const char *html, size_t len,
				gr_buf *out, int32_t **out_srcpos)
{
	flatten_state *st = gr_arena_alloc0(arena, sizeof(flatten_state));

	if (len > INT_MAX)
		gr_get_handlers()->error(GR_ERR_INPUT_TOO_LARGE, "HTML 报告过大", NULL, NULL);
	st->arena = arena;
	st->out = out;
	st->in = html;
	st->inlen = len;
	st->pending_colspan = 1;
	gr_vec_init(&st->soft_breaks, sizeof(size_t));
	/* room for an output as long as the page: it holds unless spanned cells add more than the tags take away */
	gr_posbuf_init(&st->written, arena, out, len);
	read_page(st);
	*out_srcpos = st->written.srcpos;
}
