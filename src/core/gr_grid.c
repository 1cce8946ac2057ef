/*
 * gr_grid.c — grid tables rewritten one row per line.
 *
 * reStructuredText and pandoc's grid tables wrap a cell's text inside its
 * column, so a row of table 3 is eight lines: the label a few characters
 * a line in its column, the numbers on the first line beside 「一、」.
 * Read line by line, the enumerator looks like a value and each line like
 * a row.  Between two border lines 「+----+」 the pieces of each column are
 * joined, in order, into one cell, and the row becomes one line of cells
 * between pipes, as a Markdown table prints it.
 *
 * Text tables that draw borders only around the header (psql, MySQL) have
 * one row per line between them: a block with two numbers in one column
 * is such a run of rows and stays as it is.
 *
 * MediaWiki tables (「{|」 … 「|}」) become one line of cells per row too, and
 * so do the rows Python's html2text writes when cells hold paragraphs: each
 * cell a paragraph of its own, 「|」 alone on a line between two cells, two
 * spaces (a Markdown line break) ending the row's last line.  Read a line at
 * a time, a blank cell there is two 「|」 lines with nothing between, which
 * no reading of one cell per line can place.
 */
#include "gr_grid.h"

#include "gr_core.h"
#include "gr_doc.h"
#include "gr_norm.h"

#include <string.h>

/* a pipe of a block's line: where it is, and the input character it is */
typedef struct pipe_at
{
	size_t		off;
	int32_t		pos;
} pipe_at;

typedef struct block_line
{
	size_t		start;			/* first byte of the line */
	size_t		next;			/* first byte after its line break */
	int32_t		pos;			/* input character position of its first byte */
	int			first_pipe;		/* index into the block's pipes */
	int			npipes;
} block_line;

/* Where reading is in the input: a byte offset and the character position it has. */
typedef struct input_at
{
	size_t		off;
	int32_t		pos;
} input_at;

typedef struct grid_state
{
	gr_arena   *arena;
	const char *in;
	size_t		len;
	gr_posbuf	written;		/* the output, with the input position of each byte */
	gr_vec		lines;			/* block_line of the block being read */
	gr_vec		pipes;			/* pipe_at of its lines */
	size_t		checked;		/* input offset of the last cancel check */
} grid_state;

static size_t
line_end(const grid_state *st, size_t start)
{
	const char *nl = memchr(st->in + start, '\n', st->len - start);

	return nl ? (size_t) (nl - st->in) : st->len;
}

/* The offset after the line that ends at 'end'. */
static size_t
after_line(const grid_state *st, size_t end)
{
	return end < st->len ? end + 1 : end;
}

/* [from, to) of a line without the blanks around it */
static void
trim(const char *s, size_t *from, size_t *to)
{
	while (*from < *to && gr_is_line_pad(s[*from]))
		(*from)++;
	while (*to > *from && gr_is_line_pad(s[*to - 1]))
		(*to)--;
}

/*
 * 「+----+:===+」: a border, only 「+」「-」「=」「:」, starting and ending
 * with 「+」; or a border inside a row that spans cells (「|    +----+」),
 * starting with 「|」 — either way no text.
 */
static bool
is_border(const char *s, size_t from, size_t to, bool full_only)
{
	bool		rule = false;

	trim(s, &from, &to);
	if (to - from < 3 || s[to - 1] != (s[from] == '+' ? '+' : '|') ||
		!(s[from] == '+' || (!full_only && s[from] == '|')))
		return false;
	for (size_t i = from; i < to; i++)
	{
		if (s[i] == '-' || s[i] == '=')
			rule = true;
		else if (s[i] != '+' && s[i] != ':' && s[i] != '|' && s[i] != ' ')
			return false;
	}
	return rule && memchr(s + from, '+', to - from) != NULL;
}

/* 「| text | 38 |」: a line of cells between pipes */
static bool
is_cells(const char *s, size_t from, size_t to)
{
	trim(s, &from, &to);
	return to - from >= 2 && s[from] == '|' && s[to - 1] == '|' && !is_border(s, from, to, false);
}

/* 「{|」 at the start of a line (after blanks): a MediaWiki table */
static bool
is_wiki_start(const char *s, size_t from, size_t to)
{
	trim(s, &from, &to);
	return to - from >= 2 && s[from] == '{' && s[from + 1] == '|';
}

/* Whether byte 'first' followed by one of 'seconds' starts a line of the text (after blanks). */
static bool
starts_a_line(const char *text, size_t len, char first, const char *seconds)
{
	for (const char *p = text; (p = memchr(p, first, (size_t) (text + len - p))) != NULL; p++)
	{
		const char *line = p;

		if (p + 1 >= text + len || strchr(seconds, p[1]) == NULL || p[1] == '\0')
			continue;
		while (line > text && (line[-1] == ' ' || line[-1] == '\t'))
			line--;
		if (line == text || line[-1] == '\n')
			return true;
	}
	return false;
}

/* Whether s[at] is the first byte of a line with nothing but blanks on it. */
static bool
is_blank_line_at(const char *s, size_t len, size_t at)
{
	while (at < len && gr_is_line_pad(s[at]))
		at++;
	return at == len || s[at] == '\n';
}

/*
 * Whether the line of s[at] is 「|」 alone (blanks around it aside) between
 * two blank lines, as html2text parts two paragraph cells (a one-cell-a-line
 * layout's blank cell 「|」 stands between cells).
 */
static bool
is_lone_pipe_at(const char *s, size_t len, size_t at)
{
	size_t		before = at,
				after = at + 1;

	while (before > 0 && gr_is_line_pad(s[before - 1]))
		before--;
	while (after < len && gr_is_line_pad(s[after]))
		after++;
	if (before == 0 || s[before - 1] != '\n' || after == len || s[after] != '\n')
		return false;
	/* the line before: back from its line break to the one before it */
	before--;
	while (before > 0 && s[before - 1] != '\n')
		before--;
	return is_blank_line_at(s, len, before) && is_blank_line_at(s, len, after + 1);
}

/*
 * html2text writes the 「|」 between two cells at the start of its line:
 * only those are looked at, from the first pipe of the text on (most texts
 * have none; a Markdown table has hundreds, a few at line starts).
 */
static bool
has_lone_pipe_line(const char *text, size_t len)
{
	const char *end = text + len;
	const char *p = memchr(text, '|', len);

	if (p == NULL || p == text)
		return false;
	for (p--; (p = gr_find_bytes(p, (size_t) (end - p), "\n|", 2)) != NULL; p++)
		if (is_lone_pipe_at(text, len, (size_t) (p + 1 - text)))
			return true;
	return false;
}

/* 「+-」「+=」 a grid table's border, 「{|」 a wiki table's start, 「|」 alone between paragraph cells */
bool
gr_has_text_table(const char *text, size_t len)
{
	return starts_a_line(text, len, '+', "-=") || starts_a_line(text, len, '{', "|") ||
		has_lone_pipe_line(text, len);
}

/*
 * The character position of byte 'off', counted on from where 'at' is
 * (never back), which moves there: a line of 100,000 cells is counted once.
 */
static int32_t
pos_at(const grid_state *st, input_at *at, size_t off)
{
	at->pos += gr_utf8_count_chars(st->in + at->off, off - at->off);
	at->off = off;
	return at->pos;
}

/* Input bytes [from, to), the first at character 'pos'. */
static void
copy_input(grid_state *st, size_t from, size_t to, int32_t pos)
{
	gr_posbuf_emit(&st->written, st->in + from, to - from, pos, true);
}

/* Bytes that stand in the output for marks of the input at 'pos' (a pipe, a line break). */
static void
put(grid_state *st, const char *s, int32_t pos)
{
	gr_posbuf_emit(&st->written, s, strlen(s), pos, false);
}

static void
maybe_check_interrupts(grid_state *st, size_t off)
{
	if (off - st->checked >= GR_CHECK_BYTES)
	{
		gr_get_handlers()->check_interrupts();
		st->checked = off;
	}
}

/* Reads the line at 'start' into the block: its pipes and their positions. */
static void
add_block_line(grid_state *st, size_t start, size_t end, input_at *at)
{
	block_line *line = gr_vec_slot(st->arena, &st->lines);

	line->start = start;
	line->next = after_line(st, end);
	line->pos = pos_at(st, at, start);
	line->first_pipe = st->pipes.count;
	for (const char *bar = st->in + start; (bar = memchr(bar, '|', (size_t) (st->in + end - bar))) != NULL; bar++)
	{
		pipe_at    *p = gr_vec_slot(st->arena, &st->pipes);

		p->off = (size_t) (bar - st->in);
		p->pos = pos_at(st, at, p->off);
	}
	line->npipes = st->pipes.count - line->first_pipe;
}

static const pipe_at *
pipe_of(const grid_state *st, const block_line *line, int k)
{
	return (const pipe_at *) st->pipes.items + line->first_pipe + k;
}

/* The text of cell k of a line, without its padding. */
static void
piece(const grid_state *st, const block_line *line, int k, size_t *from, size_t *to)
{
	*from = pipe_of(st, line, k)->off + 1;
	*to = pipe_of(st, line, k + 1)->off;
	trim(st->in, from, to);
}

static bool
is_number_piece(const char *s, size_t from, size_t to)
{
	bool		digit = false;

	for (size_t i = from; i < to; i++)
	{
		if (s[i] >= '0' && s[i] <= '9')
			digit = true;
		else if (!strchr(".,-+", s[i]))
			return false;
	}
	return digit;
}

/*
 * Whether the block's lines are one row whose cells wrap: as many pipes on
 * every line, and no column with a number on two of them.
 */
static bool
is_wrapped_row(const grid_state *st)
{
	const block_line *lines = st->lines.items;
	int			nlines = st->lines.count;
	int			ncells = lines[0].npipes - 1;

	if (nlines < 2 || ncells < 1)
		return false;
	for (int i = 1; i < nlines; i++)
		if (lines[i].npipes != lines[0].npipes)
			return false;
	for (int k = 0; k < ncells; k++)
	{
		int			numbers = 0;

		for (int i = 0; i < nlines; i++)
		{
			size_t		from,
						to;

			piece(st, &lines[i], k, &from, &to);
			if (is_number_piece(st->in, from, to) && ++numbers > 1)
				return false;
		}
	}
	return true;
}

/*
 * Text [from, to) of a cell continued from a line before, at character
 * 'pos', appended to what the cell has so far (its last byte in *last): a
 * space between two Latin words or numbers, where the writer broke the
 * line at a space; directly otherwise (after an ideograph, and 「1」
 * 「.属于…」 where it broke an enumerator).
 */
static void
append_to_cell(grid_state *st, char *last, size_t from, size_t to, int32_t pos)
{
	if (from == to)
		return;
	if (gr_is_ascii_alnum(*last) && gr_is_ascii_alnum(st->in[from]))
		put(st, " ", pos);
	copy_input(st, from, to, pos);
	*last = st->in[to - 1];
}

/* The pieces of column k, line after line, joined into one cell. */
static void
join_cell(grid_state *st, int k)
{
	const block_line *lines = st->lines.items;
	char		last = 0;

	for (int i = 0; i < st->lines.count; i++)
	{
		size_t		from,
					to;
		const pipe_at *open = pipe_of(st, &lines[i], k);

		piece(st, &lines[i], k, &from, &to);
		/* the padding before a piece is ASCII: one character a byte */
		append_to_cell(st, &last, from, to, open->pos + (int32_t) (from - open->off));
	}
}

static void
write_block(grid_state *st)
{
	const block_line *lines = st->lines.items;

	if (!is_wrapped_row(st))
	{
		const block_line *last = &lines[st->lines.count - 1];

		copy_input(st, lines[0].start, last->next, lines[0].pos);
		return;
	}
	put(st, "|", pipe_of(st, &lines[0], 0)->pos);
	for (int k = 0; k + 1 < lines[0].npipes; k++)
	{
		put(st, " ", pipe_of(st, &lines[0], k)->pos);
		join_cell(st, k);
		put(st, " |", pipe_of(st, &lines[0], k + 1)->pos);
	}
	put(st, "\n", pipe_of(st, &lines[0], lines[0].npipes - 1)->pos);
}

/*
 * The grid table whose top border starts at 'start': its rows written, its
 * borders left out.  Returns the offset after the table.
 */
static size_t
read_grid_table(grid_state *st, size_t start, input_at *at)
{
	size_t		off = after_line(st, line_end(st, start));	/* the border: left out */

	for (;;)
	{
		size_t		end;

		st->lines.count = 0;
		st->pipes.count = 0;
		while (off < st->len && is_cells(st->in, off, end = line_end(st, off)))
		{
			maybe_check_interrupts(st, off);
			add_block_line(st, off, end, at);
			off = after_line(st, end);
		}
		if (st->lines.count > 0)
			write_block(st);
		if (off >= st->len || !is_border(st->in, off, end = line_end(st, off), false))
			return off;
		off = after_line(st, end);
	}
}

/* a MediaWiki table's row as it is written out: one line of cells between pipes */
typedef struct wiki_row
{
	bool		open;			/* a cell has been written and not closed */
	char		last;			/* the last byte of its text, to join a continued line */
} wiki_row;

static void
end_wiki_cell(grid_state *st, wiki_row *row, int32_t pos)
{
	if (row->open)
		put(st, " |", pos);
	row->open = false;
}

static void
end_wiki_row(grid_state *st, wiki_row *row, int32_t pos)
{
	if (row->open)
	{
		end_wiki_cell(st, row, pos);
		put(st, "\n", pos);
	}
}

/* Text of a line [from, to) appended to the cell being written. */
static void
wiki_text(grid_state *st, wiki_row *row, size_t from, size_t to, input_at *at)
{
	trim(st->in, &from, &to);
	append_to_cell(st, &row->last, from, to, pos_at(st, at, from));
}

/*
 * The cells of a line 「| a || b」 or 「! a !! b」 (from its mark to 'end'):
 * each a cell of its own; 「style="…" | text」 gives the text after its
 * attributes.
 */
static void
wiki_cells(grid_state *st, wiki_row *row, size_t line, size_t end, input_at *at)
{
	char		mark = st->in[line];
	size_t		from = line + 1;

	while (from <= end)
	{
		size_t		to = from;
		const char *attr_end;

		while (to + 1 < end && !((st->in[to] == mark || st->in[to] == '|') && st->in[to + 1] == st->in[to]))
			to++;
		if (to + 1 >= end)
			to = end;
		if (row->open)
			end_wiki_cell(st, row, pos_at(st, at, from - 1));
		else
			put(st, "|", pos_at(st, at, line));
		put(st, " ", pos_at(st, at, from));
		row->open = true;
		row->last = 0;
		attr_end = memchr(st->in + from, '|', to - from);
		if (attr_end && memchr(st->in + from, '=', (size_t) (attr_end - (st->in + from))))
			from = (size_t) (attr_end - st->in) + 1;
		wiki_text(st, row, from, to, at);
		from = to + 2;
	}
}

/*
 * The MediaWiki table whose 「{|」 starts at 'start', to its 「|}」: each row
 * (「|-」 between them) one line of cells.  Returns the offset after it.
 */
static size_t
read_wiki_table(grid_state *st, size_t start, input_at *at)
{
	wiki_row	row = {0};
	size_t		off = start;

	while (off < st->len)
	{
		size_t		end = line_end(st, off);
		size_t		next = after_line(st, end);
		size_t		from = off,
					to = end;

		maybe_check_interrupts(st, off);
		trim(st->in, &from, &to);
		if (off == start || (to - from >= 2 && st->in[from] == '|' && st->in[from + 1] == '-'))
			end_wiki_row(st, &row, pos_at(st, at, from));	/* 「{|」 or 「|-」: a row ends */
		else if (to - from >= 2 && st->in[from] == '|' && st->in[from + 1] == '}')
		{
			end_wiki_row(st, &row, pos_at(st, at, from));
			return next;
		}
		else if (to - from >= 2 && st->in[from] == '|' && st->in[from + 1] == '+')
			copy_input(st, from + 2, next, pos_at(st, at, from + 2));	/* a caption: text of its own */
		else if (from < to && (st->in[from] == '|' || st->in[from] == '!'))
			wiki_cells(st, &row, from, to, at);
		else if (row.open)
			wiki_text(st, &row, from, to, at);
		else
			copy_input(st, off, next, pos_at(st, at, off));
		off = next;
	}
	end_wiki_row(st, &row, pos_at(st, at, off));
	return off;
}

/* the most cells a row of paragraphs may have: table 4 has 15 values beside its labels */
#define PARAGRAPH_ROW_MAX_CELLS 32
/* the most blank lines between two paragraphs of one row (html2text writes one) */
#define PARAGRAPH_ROW_MAX_BLANKS 8

/* A line of the input as a row of paragraph cells sees it. */
typedef struct para_line
{
	size_t		from;			/* its text without the blanks around it */
	size_t		to;
	size_t		end;			/* the offset of its line break, or the text's end */
	size_t		next;			/* the offset after its line break */
	bool		ends_row;		/* it ends with two spaces, Markdown's line break */
} para_line;

static para_line
read_para_line(const grid_state *st, size_t off)
{
	para_line	l;
	size_t		end = line_end(st, off);
	size_t		raw_end = end;

	if (raw_end > off && st->in[raw_end - 1] == '\r')
		raw_end--;
	l.from = off;
	l.to = end;
	l.end = end;
	l.next = after_line(st, end);
	l.ends_row = raw_end - off >= 2 && st->in[raw_end - 1] == ' ' && st->in[raw_end - 2] == ' ';
	trim(st->in, &l.from, &l.to);
	return l;
}

static int
count_pipes(const char *s, size_t from, size_t to)
{
	int			n = 0;

	for (const char *p = s + from; (p = memchr(p, '|', (size_t) (s + to - p))) != NULL; p++)
		n++;
	return n;
}

/*
 * Where the row of paragraph cells that starts at the line at 'start' (the
 * first line of a paragraph) ends (the offset after its last line), or
 * 'start' when no such row starts there: its paragraphs are one line each, the first cell's only one, with
 * a 「|」 at the edge of a line somewhere between them; the row is at least
 * two such lines, at most PARAGRAPH_ROW_MAX_CELLS cells, and a line with
 * two trailing spaces ends it.  Bounded so, a failed try reads a few dozen
 * lines at most.
 */
static size_t
paragraph_row_end(grid_state *st, size_t start)
{
	size_t		off = start;
	int			cells = 1,
				paragraphs = 0,
				blanks = 0;
	bool		edge_pipe = false;
	para_line	first = read_para_line(st, start);

	if (first.from == first.to)
		return start;
	while (off < st->len)
	{
		para_line	l = read_para_line(st, off);
		int			pipes;

		maybe_check_interrupts(st, off);
		if (l.from == l.to)
		{
			if (l.ends_row && cells > 1)
				return edge_pipe && paragraphs >= 2 ? l.next : start;
			/* a few blank lines part two cells; more part two texts */
			if (++blanks > PARAGRAPH_ROW_MAX_BLANKS)
				return start;
			off = l.next;
			continue;
		}
		if ((paragraphs > 0 && blanks == 0) || gr_is_markdown_rule(st->in + l.from, l.to - l.from))
			return start;
		pipes = count_pipes(st->in, l.from, l.to);
		if (cells == 1 && pipes == 0 && paragraphs > 0)
			return start;		/* a paragraph before the row */
		edge_pipe |= pipes > 0 && (st->in[l.from] == '|' || st->in[l.to - 1] == '|');
		cells += pipes;
		paragraphs++;
		if (cells > PARAGRAPH_ROW_MAX_CELLS)
			return start;
		if (l.ends_row && cells > 1)
			return edge_pipe && paragraphs >= 2 ? l.next : start;
		blanks = 0;
		off = l.next;
	}
	return start;
}

/* The row of paragraph cells from 'start' to 'end' written as one line of cells between pipes. */
static void
write_paragraph_row(grid_state *st, size_t start, size_t end, input_at *at)
{
	char		last = 0;

	put(st, "| ", pos_at(st, at, start));
	for (size_t off = start; off < end;)
	{
		para_line	l = read_para_line(st, off);
		size_t		from = l.from;

		while (from < l.to)
		{
			const char *bar = memchr(st->in + from, '|', l.to - from);
			size_t		to = bar ? (size_t) (bar - st->in) : l.to;
			size_t		piece_from = from,
						piece_to = to;

			trim(st->in, &piece_from, &piece_to);
			append_to_cell(st, &last, piece_from, piece_to, pos_at(st, at, piece_from));
			if (bar == NULL)
				break;
			put(st, " | ", pos_at(st, at, to));
			last = 0;
			from = to + 1;
		}
		off = l.next;
	}
	put(st, " |\n", pos_at(st, at, end > start ? end - 1 : start));
}

void
gr_grid_flatten(gr_arena *arena, const char *text, size_t len,
				gr_buf *out, int32_t **out_srcpos)
{
	grid_state	st;
	input_at	at = {0, 1};
	size_t		off = 0;
	bool		paragraph_next = true;

	memset(&st, 0, sizeof(st));
	st.arena = arena;
	st.in = text;
	st.len = len;
	gr_posbuf_init(&st.written, arena, out, len);
	gr_vec_init(&st.lines, sizeof(block_line));
	gr_vec_init(&st.pipes, sizeof(pipe_at));
	while (off < len)
	{
		para_line	l = read_para_line(&st, off);
		size_t		end = l.end;
		size_t		next = l.next;
		size_t		row_end;
		bool		starts_paragraph = paragraph_next;

		/* after a blank line or a row's end a paragraph starts */
		paragraph_next = l.from == l.to || l.ends_row;
		maybe_check_interrupts(&st, off);
		if (is_border(text, off, end, true) && next < len && is_cells(text, next, line_end(&st, next)))
			off = read_grid_table(&st, off, &at);
		else if (is_wiki_start(text, off, end))
			off = read_wiki_table(&st, off, &at);
		else if (starts_paragraph && (row_end = paragraph_row_end(&st, off)) > off)
		{
			write_paragraph_row(&st, off, row_end, &at);
			off = row_end;
			paragraph_next = true;
		}
		else
		{
			copy_input(&st, off, next, pos_at(&st, &at, off));
			off = next;
		}
	}
	*out_srcpos = st.written.srcpos;
}
