/*
 * gr_tables.c — tables 2, 3 and 4.
 *
 * Rows are found by their labels in the compact text (all text cells, white
 * space removed), in template order, so a label broken across lines or
 * cells still matches.  A row's cells are the value cells that follow its
 * label up to the next text.  When a row has fewer or more cells than the
 * template asks for, the row resolver decides from explicit delimiters,
 * column positions or the template's arithmetic — uniquely, or the row is
 * left NULL with a note.
 */
#include "gr_doc.h"
#include "gr_template.h"

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CANDIDATES 64

typedef bool (*row_check_fn) (const int64_t *values, int width);

#define GR_T4_CELLS (3 * GR_T4_COLS)	/* table 4 is read as one row of three groups */
#define MAX_WIDTH GR_T4_CELLS	/* the widest row */
#define MIN_DEEP_INDENT 16		/* characters in: a cell in a column, well away from the margin */

typedef enum row_pending
{
	ROW_SETTLED,
	DIGITS_AMBIGUOUS,			/* a run of digits that several readings split into a row that adds up */
	BLANKS_UNPLACED				/* fewer values than columns, nothing showing where the blanks are */
} row_pending;

/* A blank cell in a reading of a row. */
#define NO_VALUE INT64_MIN

/* why a row's values were withheld, as the note of their confirmation by the columns words it */
#define APART_FROM_LABEL "未与行名排在同一行（分散在多行或另起一行）"
#define NARROW_PAIR "中有两个只隔一个空格（可能是一个数被提取拆成两段、另有一格空白）"

typedef struct row_job
{
	int			def;			/* index into the template's row table */
	const char *label;			/* the row's name in notes */
	int64_t		label_coff;
	uint32_t	label_off;		/* folded offset of the label */
	int			label_tok;
	int		   *cells;			/* token indexes: values and empty cells */
	int			ncells;
	int			nvalues;
	int			width;
	int64_t		block;			/* table 2: where its 「第二十条」 block starts */
	/* result: token index per column, -1 = NULL */
	int			chosen[MAX_WIDTH];
	/* a numeral rejoined from two cells (「1 234」) or split from a run of digits */
	bool		joined[MAX_WIDTH];
	int64_t		joined_value[MAX_WIDTH];
	int			end_tok;		/* its tokens: label_tok up to here (exclusive) */
	bool		scattered;		/* see row_is_scattered */
	bool		displaced;		/* in a table read column by column: its values may be elsewhere or another row's */
	bool		by_position;	/* its blank cells were placed by where its values stand */
	bool		surplus_dropped;	/* read as a window of its values that adds up, the others dropped */
	bool		split_alone;	/* a run of digits that only one reading splits into a row that adds up */
	bool		cut_unsure;		/* its label, or the next row's, is cut so that the values between may be either's */
	bool		withheld;		/* all its values, not adding up where they stand: NULL unless the columns confirm them */
	const char *withheld_as;	/* why, as the note of their confirmation words it */
	/* table 3: a row read several ways, left to the columns to choose (see settle_by_columns) */
	row_pending pending;
	int64_t		(*readings)[MAX_WIDTH];	/* those readings, when few enough to list; NO_VALUE for a blank */
	/*
	 * each reading as the column equations count it: a lone blank counts as
	 * what the row's own sum leaves for it, two blanks as unknown (NO_VALUE)
	 */
	int64_t		(*sums)[MAX_WIDTH];
	int			nreadings;
} row_job;

typedef struct column_model
{
	double		start[MAX_WIDTH];
	double		end[MAX_WIDTH];
	/* per edge (start, end), how far a row that showed the columns strays from them */
	double		spread[2];
	bool		spread_known;	/* measured when first needed */
	int			samples;
	int			width;
} column_model;

/*
 * What a space-aligned table's column positions count: characters
 * (pdftotext -layout puts each character in one cell of its grid) or
 * display columns, where a wide character takes two (pandoc pads its plain
 * tables for the eye, so its columns line up only in those).
 */
typedef enum column_unit
{
	COLUMNS_BY_CHARS,
	COLUMNS_BY_DISPLAY,
} column_unit;

typedef struct table_ctx
{
	gr_doc	   *doc;
	const char *name;			/* 表二 / 表三 / 表四, for messages */
	int			width;
	int64_t		block;			/* the rows learned from: those of this block */
	row_check_fn check;
	bool		defer_ambiguous;	/* rows split several ways are settled by the caller */
	int			group;			/* numbers per group whose last is the sum of the others; 0 none */
	int			lead_histogram[16];
	column_model columns;		/* in 'unit' */
	column_unit unit;
	bool		unit_decided;	/* display columns were weighed against characters */
	/* the rows learned from, for place_by_seen_columns */
	const row_job *learned_jobs;
	int			nlearned_jobs;
	/* complete rows printed one cell per line (Word text): without / with blank lines among their cells */
	int			rows_cell_per_line;
	int			rows_cell_per_line_gapped;
	/*
	 * the least indentation of a value in those rows when every complete row
	 * is so printed, each value deep in its line (a browser's dump); 0 otherwise
	 */
	int			cell_indent_min;
	/*
	 * the fewest and most empty fields on lines of their own that end a
	 * complete row (「|」 or 「||」 after 「1362 |」); 0 when some complete row
	 * ends without them
	 */
	int			row_end_empties_min;
	int			row_end_empties_max;
	/* some row's values are scattered (row_is_scattered): the table was read column by column */
	bool		scattered;
} table_ctx;

static bool
is_value(const gr_tok *t)
{
	return t->kind == TK_NUM || t->kind == TK_NULLMARK;
}

/* Token index of the first token at or after compact offset c's token. */
static int
tok_for_compact(const gr_doc *doc, int64_t c)
{
	int			t;

	if (c < 0 || c >= doc->lx.clen)
		return doc->lx.ntoks;
	t = gr_tok_at_compact(&doc->lx, (uint32_t) c);
	return t < 0 ? 0 : t;
}

/* A word and its length in bytes. */
typedef struct sized_word
{
	const char *word;
	int			len;
} sized_word;

#define SIZED(w) {w, (int) sizeof(w) - 1}

/* Table 3's column headers, as a page break repeats them inside the table. */
static const sized_word t3_header_words[] = {
	SIZED("申请人情况"), SIZED("自然人"), SIZED("法人或其他组织"), SIZED("商业企业"), SIZED("科研机构"),
	SIZED("社会公益组织"), SIZED("社会组织"), SIZED("法律服务机构"), SIZED("其他"), SIZED("总计"), {NULL, 0}
};

static bool row_is_scattered(const gr_doc *doc, const row_job *job);
static int	char_distance(const char *a, size_t alen, const char *b, size_t blen);
static const char *t3_label(int def);
static bool cell_int(const gr_tok *t, int64_t *out);
static bool check_t3(const int64_t *v, int width);

/* Leaves every column of the row NULL (its reading withdrawn). */
static void
forget_row(row_job *job)
{
	for (int j = 0; j < job->width; j++)
	{
		job->chosen[j] = -1;
		job->joined[j] = false;
	}
}

/* The row's values, in their order, as its cells: the first 'width' of them. */
static void
choose_values_in_order(const gr_doc *doc, row_job *job)
{
	int			j = 0;

	for (int i = 0; i < job->ncells && j < job->width; i++)
		if (is_value(&doc->lx.toks[job->cells[i]]))
			job->chosen[j++] = job->cells[i];
}

/* Whether s[i] starts a CJK ideograph (U+4E00 … U+9FFF: lead bytes E4 … E9). */
static inline bool
is_ideograph_at(const char *s, size_t len, size_t i)
{
	return i + 2 < len && (unsigned char) s[i] >= 0xE4 && (unsigned char) s[i] <= 0xE9;
}

/* The next run of ideographs in s[*at..len) as [*start, *at); false when none is left. */
static bool
next_ideograph_run(const char *s, size_t len, size_t *at, size_t *start)
{
	while (*at < len && !is_ideograph_at(s, len, *at))
		(*at)++;
	*start = *at;
	while (is_ideograph_at(s, len, *at))
		*at += 3;
	return *at > *start;
}

static bool in_t3_headers(const char *run, size_t len);
static uint32_t last_glued_word(const gr_doc *doc, const row_job *job, int tok);

/*
 * Whether text token t holds a run of at least min_ideographs ideographs
 * that another row of table 3 has in its label and this row has not
 * (「无正当理由大量反」 beside a value under 「3.要求提供公开出版物」): a
 * piece of that row's label.  A run of fewer than four counts only when no
 * merged group cell or column header has it (「提供」 of 「（四）无法提供」
 * proves nothing).
 */
static bool
other_label_run(const gr_doc *doc, const row_job *job, const gr_tok *t, int min_ideographs)
{
	const char *s = doc->text.data + t->off;
	size_t		at = 0,
				start;

	if (job->label == NULL || t->kind != TK_TEXT)
		return false;
	while (next_ideograph_run(s, t->len, &at, &start))
		if (at - start >= (size_t) min_ideographs * 3 &&
			gr_find_bytes(job->label, strlen(job->label), s + start, at - start) == NULL &&
			(at - start >= 12 || !in_t3_headers(s + start, at - start)))
			for (int k = 0; k < gr_t3_nrows; k++)
				if (k != job->def &&
					gr_find_bytes(t3_label(k), strlen(t3_label(k)), s + start, at - start) != NULL)
					return true;
	return false;
}

static bool
is_other_label_part(const gr_doc *doc, const row_job *job, const gr_tok *t)
{
	return other_label_run(doc, job, t, 4);
}

/*
 * Whether text token t holds ideographs and each run of them is in 'text'
 * as the template prints it (the text's punctuation and spaces are
 * normalised, the template's are not).
 */
static bool
runs_in(const gr_doc *doc, const gr_tok *t, const char *text)
{
	const char *s = doc->text.data + t->off;
	size_t		text_len;
	size_t		at = 0,
				start;
	bool		any = false;

	if (text == NULL || t->kind != TK_TEXT)
		return false;
	text_len = strlen(text);
	while (next_ideograph_run(s, t->len, &at, &start))
	{
		if (gr_find_bytes(text, text_len, s + start, at - start) == NULL)
			return false;
		any = true;
	}
	return any;
}

/* Whether text token t is a piece of the row's own label, or its enumerator alone (「3.」). */
static bool
is_label_part(const gr_doc *doc, const row_job *job, const gr_tok *t)
{
	if (job->label == NULL || t->kind != TK_TEXT)
		return false;
	return runs_in(doc, t, job->label) ||
		(t->len < strlen(job->label) && memcmp(job->label, doc->text.data + t->off, t->len) == 0);
}

/* The code of a row of table 3 (its label is the template's), else NULL. */
static const char *
t3_row_code(const row_job *job)
{
	return job->label && job->def >= 0 && job->def < gr_t3_nrows && job->label == gr_t3_rows[job->def].label ?
		gr_t3_rows[job->def].code : NULL;
}

/*
 * Whether text token t is a piece of a merged cell printed beside a row of
 * table 3: 「三、本年度办理结果」 or the row's group heading (「处理」 of
 * 「（五）不予处理」 beside 3.5.1).
 */
static bool
is_beside_part(const gr_doc *doc, const row_job *job, const gr_tok *t)
{
	const char *code = t3_row_code(job);

	return code && (runs_in(doc, t, gr_t3_result_heading(code)) || runs_in(doc, t, gr_t3_group_heading(code)));
}

/* Whether text has run[0, len) in it, with no more than 'near' characters changed. */
static bool
in_text_near(const char *text, const char *run, size_t len, int near)
{
	size_t		tlen = strlen(text);

	if (near == 0)
		return gr_find_bytes(text, tlen, run, len) != NULL;
	for (size_t p = 0; p + len <= tlen; p++)
	{
		int			d;

		if ((text[p] & 0xC0) == 0x80)
			continue;
		d = char_distance(text + p, len, run, len);
		if (d >= 0 && d <= near)
			return true;
	}
	return false;
}

/* Whether a merged group cell or a column header of table 3 has run[0, len), with up to 'near' characters changed. */
static bool
in_t3_headers_near(const char *run, size_t len, int near)
{
	for (int h = 0; gr_t3_headings[h]; h++)
		if (in_text_near(gr_t3_headings[h], run, len, near))
			return true;
	for (const sized_word *w = t3_header_words; w->word; w++)
		if (in_text_near(w->word, run, len, near))
			return true;
	return false;
}

static bool
in_t3_headers(const char *run, size_t len)
{
	return in_t3_headers_near(run, len, 0);
}

/*
 * Whether text token t has a run of ideographs that no row of table 3 has
 * in its label, nor the merged cells beside the rows, nor its column
 * headers, even with one character misread: the label of a row that was
 * not found (「4.口口口口」), or other text.
 */
static bool
has_unknown_run(const gr_doc *doc, const gr_tok *t)
{
	const char *s = doc->text.data + t->off;
	size_t		at = 0,
				start;

	while (next_ideograph_run(s, t->len, &at, &start))
	{
		bool		known = false;

		/* read exactly, or with one character misread (a label printed with a typo) */
		for (int near = 0; near < 2 && !known; near++)
		{
			for (int k = 0; k < gr_t3_nrows && !known; k++)
				known = in_text_near(gr_t3_rows[k].label, s + start, at - start, near);
			known = known || in_t3_headers_near(s + start, at - start, near);
		}
		if (!known)
			return true;
	}
	return false;
}

/*
 * Whether the text tokens in toks[from, to) are the rest of the row's own
 * label, with at least one piece of it, and maybe the merged cells beside
 * the row (「处理    请」: 「（五）不予处理」's second line, then the end of
 * 「1.信访举报投诉类申请」).
 */
static bool
own_label_text(const gr_doc *doc, const row_job *job, int from, int to)
{
	bool		own = false;

	for (int i = from; i < to; i++)
	{
		const gr_tok *t = &doc->lx.toks[i];

		if (t->kind != TK_TEXT)
			continue;
		if (is_label_part(doc, job, t))
			own = true;
		else if (!is_beside_part(doc, job, t))
			return false;
	}
	return own;
}

/* Whether the values of a table-3 row before token 'at' are seven integers that add up. */
static bool
table3_values_add_up(const gr_doc *doc, const row_job *job, int at)
{
	int64_t		v[GR_T3_COLS];
	int			n = 0;

	if (job->width != GR_T3_COLS)
		return false;
	for (int t = job->label_tok + 1; t < at; t++)
		if (is_value(&doc->lx.toks[t]) && (n == GR_T3_COLS || !cell_int(&doc->lx.toks[t], &v[n++])))
			return false;
	return n == GR_T3_COLS && check_t3(v, GR_T3_COLS);
}

/*
 * Whether text token toks[at], met by a row of table 3 that has read no
 * value yet, is the label of a row that was not found, printed with its
 * values: the first text of its line, a value next after it (on its line
 * or, one cell per line, on the next), and a run of ideographs that no
 * row's label has.  A row printed blank, then such a row
 * (「3.要求提供公开出版物」「4.口口口口 0 0 0 0 0 0 0」): the blank row ends there.
 */
static bool
heads_unknown_row(const gr_doc *doc, const row_job *job, int at, int to)
{
	const gr_tok *toks = doc->lx.toks;
	int			line = toks[at].line;
	int			next = at + 1;

	if (t3_row_code(job) == NULL)
		return false;
	for (int i = at - 1; i >= 0 && toks[i].line == line; i--)
		if (toks[i].kind != TK_EMPTY)
			return false;
	while (next < to && toks[next].kind == TK_EMPTY)
		next++;
	return next < to && is_value(&toks[next]) && has_unknown_run(doc, &toks[at]);
}

/*
 * Whether text token toks[at], met by a row that has read no value yet on a
 * later line than its label, is a piece of another row's label with values
 * after it on its line (「5.要求行政机关确认或重新」, then
 * 「理  4.无正当理由大量反复申请 36 2 1 2 1 1 43」): the values are that
 * row's, even when its label was not found, and this row ends before them.
 */
static bool
heads_other_row(const gr_doc *doc, const row_job *job, int at, int to)
{
	const gr_tok *toks = doc->lx.toks;
	int			value = at + 1;

	if (t3_row_code(job) == NULL)
		return false;
	while (value < to && toks[value].line == toks[at].line && !is_value(&toks[value]))
		value++;
	if (value == to || toks[value].line != toks[at].line)
		return false;
	for (int i = at; i < value; i++)
		if (other_label_run(doc, job, &toks[i], 3))
			return true;
	return false;
}

/*
 * 「一、本年新收政府信息公开申请 306」「数量   20 15 18 17 18 394」: a label
 * broken over two lines with the values beside both parts.  The text at
 * toks[at] goes on the row when it starts a later line than the values read
 * so far and the values of one line after it complete the row.  More text may
 * come before those values: 「提供    行制作   8 14 8 144」, where 「提供」 is the
 * second line of the merged group cell 「（四）无法提供」 beside the row, or the
 * rest of the label on lines of its own (「3.」「容仍不明确   54 69 137 1851」).
 * When all that text is the rest of the row's own label, the values after it
 * are the row's even if they leave it short (a cell of it printed blank).
 */
static bool
label_goes_on(const gr_doc *doc, const row_job *job, int at, int to, int nvalues, int last_value_line)
{
	const gr_tok *toks = doc->lx.toks;
	int			values_line = -1;
	int			more = 0;
	int			text_end = at + 1;	/* the text before the values: toks[at] up to here */
	bool		full = nvalues == job->width;
	bool		goes_on;

	if (nvalues > job->width || toks[at].line <= last_value_line)
		return false;
	for (int i = at + 1; i < to; i++)
	{
		if (toks[i].kind == TK_TEXT)
		{
			/* more of the label, or a merged cell's fragment, before the values */
			if (more == 0)
			{
				text_end = i + 1;
				continue;
			}
			break;
		}
		if (!is_value(&toks[i]))
			continue;
		if (values_line < 0)
			values_line = toks[i].line;
		else if (toks[i].line != values_line)
			return false;
		more++;
	}
	/* a full row that does not add up: one or two more may show a numeral split in two */
	if (full)
		goes_on = more > 0 && more <= 2 && own_label_text(doc, job, at, text_end) &&
			!table3_values_add_up(doc, job, at);
	else
		goes_on = nvalues + more == job->width ||
			(more > 0 && nvalues + more < job->width && own_label_text(doc, job, at, text_end));
	/* values beside a piece of another row's label are that row's */
	for (int i = at; i < text_end && goes_on; i++)
		goes_on = !is_other_label_part(doc, job, &toks[i]);
	return goes_on;
}

/* Whether a table-3 label has word[0, len). */
static bool
in_t3_labels(const char *word, size_t len)
{
	for (int k = 0; k < gr_t3_nrows; k++)
		if (gr_find_bytes(gr_t3_rows[k].label, strlen(gr_t3_rows[k].label), word, len) != NULL)
			return true;
	return false;
}

/* Whether a table-2 or table-3 label, or a heading of table 3's merged cells or columns, has word[0, len). */
static bool
in_template_text(const char *word, size_t len)
{
	if (in_t3_labels(word, len))
		return true;
	for (int k = 0; k < gr_t2_nrows; k++)
		for (int j = 0; j < GR_MAX_KEYS && gr_t2_rows[k].labels[j]; j++)
			if (gr_find_bytes(gr_t2_rows[k].labels[j], strlen(gr_t2_rows[k].labels[j]), word, len) != NULL)
				return true;
	return in_t3_headers(word, len);
}

/* Longest word read as written before a number in the same cell (「合计」「共计」), in bytes. */
#define CELL_WORD_MAX 12

/*
 * Whether text token i, among a row's values, is a word written before the
 * number in its own cell (「3\t共3\t6」): a short word that starts a cell
 * (after a delimiter or a blank) and is glued to the value after it, in no
 * label or heading of the template.  Such a cell is read as its number
 * with a note (int_cell, add_active_cell); the row goes on after it.  Table 4's header words
 * glue to its first values in run-together text, so it is left out.
 */
static bool
word_before_value_in_cell(const gr_doc *doc, const row_job *job, int i, int to)
{
	const gr_tok *t = &doc->lx.toks[i];

	if (job->width == GR_T4_CELLS || t->len > CELL_WORD_MAX || i + 1 >= to || i == 0 ||
		!is_value(&t[1]) || t[1].line != t->line || t->off + t->len != t[1].off ||
		t[-1].line != t->line || (!t->delimited && t[-1].off + t[-1].len == t->off))
		return false;
	return last_glued_word(doc, job, i + 1) == t->len &&
		!in_template_text(doc->text.data + t->off, t->len);
}

/*
 * The cells of a row: the value cells after its label up to the first text
 * that follows them (unless the label goes on beside the rest of them);
 * empty cells only on the label's line, on the value lines, or on lines of
 * their own (one cell per line).
 */
static void
collect_cells(gr_doc *doc, row_job *job, int from, int to)
{
	const gr_tok *toks = doc->lx.toks;
	int			stop = from;
	int			nvalues = 0;
	int			last_value = -1;
	int			label_line = job->label_tok >= 0 ? toks[job->label_tok].line : -1;
	int		   *cells;
	int			n = 0;

	int			first_value_line = -1;
	int			last_value_line = -1;

	/* pass 1: where the row's values end, and the lines they are on */
	for (; stop < to; stop++)
	{
		const gr_tok *t = &toks[stop];

		if (t->kind == TK_TEXT && nvalues > 0)
		{
			if (word_before_value_in_cell(doc, job, stop, to) ||
				label_goes_on(doc, job, stop, to, nvalues, last_value_line))
				continue;
			break;
		}
		if (t->kind == TK_TEXT && t->line > label_line && label_line >= 0 &&
			(heads_unknown_row(doc, job, stop, to) || heads_other_row(doc, job, stop, to)))
			break;
		if (is_value(t))
		{
			nvalues++;
			last_value = stop;
			if (first_value_line < 0)
				first_value_line = t->line;
			last_value_line = t->line;
		}
	}
	cells = gr_arena_alloc(doc->arena, sizeof(int) * (size_t) (stop - from + 1));
	/* pass 2: values, and the empty cells that belong with them */
	for (int i = from; i < stop; i++)
	{
		const gr_tok *t = &toks[i];

		if (is_value(t))
			cells[n++] = i;
		else if (t->kind == TK_EMPTY)
		{
			bool		own_line = !doc->line_has_text[t->line] && !doc->line_has_value[t->line];
			bool		value_line = doc->line_has_value[t->line] &&
				t->line >= first_value_line && t->line <= last_value_line;

			if (own_line || value_line || (t->line == label_line && (last_value < 0 || i < last_value)))
				cells[n++] = i;
		}
	}
	job->cells = cells;
	job->ncells = n;
	job->nvalues = nvalues;
	job->scattered = row_is_scattered(doc, job);
}

static int
lead_of(const gr_doc *doc, const row_job *job)
{
	int			lead = 0;

	for (int i = 0; i < job->ncells; i++)
	{
		if (doc->lx.toks[job->cells[i]].kind != TK_EMPTY)
			break;
		lead++;
	}
	return lead;
}

/* Space-aligned text (pdftotext -layout): all values on one undelimited line. */
static bool
row_is_layout(const gr_doc *doc, const row_job *job)
{
	int			line = -1;
	bool		wide_gap = false;	/* cells padded to columns, not just listed */

	for (int i = 0; i < job->ncells; i++)
	{
		const gr_tok *t = &doc->lx.toks[job->cells[i]];
		const gr_tok *before = i > 0 ? &doc->lx.toks[job->cells[i - 1]] :
			job->label_tok >= 0 ? &doc->lx.toks[job->label_tok] : NULL;

		if (t->delimited || t->kind == TK_EMPTY)
			return false;
		if (line >= 0 && t->line != line)
			return false;
		line = t->line;
		if (before && before->line == t->line && t->off >= before->off + before->len + 2)
			wide_gap = true;
	}
	return job->nvalues > 0 && wide_gap;
}

static int
tok_end_col(const gr_doc *doc, const gr_tok *t)
{
	return t->col + gr_utf8_charlen(doc->text.data + t->off, t->len);
}

/* Column of a token's left (edge 0) or right (edge 1) end. */
static int
edge_col(const gr_doc *doc, const gr_tok *t, int edge)
{
	return edge == 0 ? t->col : tok_end_col(doc, t);
}

/*
 * Longest line whose display columns are counted: a table's line is far
 * shorter, and a report run into one line of megabytes is no layout.
 */
#define DISPLAY_LINE_MAX 16384

/*
 * Left (edge 0) or right (edge 1) ends of a one-line row's values, in
 * display columns; false when the line is too long to count.
 */
static bool
display_edges(gr_doc *doc, const row_job *job, int edge, int *x)
{
	const gr_text *text = &doc->text;
	size_t		first = doc->lx.toks[job->cells[0]].off;
	size_t		at = first;
	int			width = 0;

	while (at > 0 && text->data[at - 1] != '\n')
		if (first - --at > DISPLAY_LINE_MAX)
			return false;
	for (int i = 0; i < job->ncells; i++)
	{
		const gr_tok *t = &doc->lx.toks[job->cells[i]];

		if (t->off + t->len - first > DISPLAY_LINE_MAX)
			return false;
		width += gr_text_display_width(text, at, t->off);
		x[i] = width;
		width += gr_text_display_width(text, t->off, t->off + t->len);
		if (edge == 1)
			x[i] = width;
		at = t->off + t->len;
	}
	return true;
}

/* Left or right ends of a one-line row's values, counted in 'unit'; false when they cannot be. */
static bool
edges_in(gr_doc *doc, const row_job *job, column_unit unit, int edge, int *x)
{
	if (unit == COLUMNS_BY_DISPLAY)
		return display_edges(doc, job, edge, x);
	for (int i = 0; i < job->ncells; i++)
		x[i] = edge_col(doc, &doc->lx.toks[job->cells[i]], edge);
	return true;
}

/* Line breaks between tokens a and b when only white space separates them, else -1. */
static int
newlines_between(const gr_doc *doc, const gr_tok *a, const gr_tok *b)
{
	int			n = 0;

	for (uint32_t i = a->off + a->len; i < b->off; i++)
	{
		char		c = doc->text.data[i];

		if (c == '\n')
			n++;
		else if (c != ' ' && c != '\t' && c != '\r')
			return -1;
	}
	return n;
}

/*
 * Word text (docx2txt) prints a table one cell per line, an empty cell as an
 * empty line.  For a row printed so, its label's last line then each value on
 * a line of its own: the number of empty lines among them, and in before[i]
 * (when not NULL) those just before value i; -1 for a row printed otherwise.
 * Empty lines after the last value are not counted: they may be the next
 * row's merged cells.
 */
static int
blank_lines_among_cells(const gr_doc *doc, const row_job *job, int *before)
{
	const gr_tok *toks = doc->lx.toks;
	int			first = job->ncells > 0 ? job->cells[0] : -1;
	int			last = job->ncells > 0 ? job->cells[job->ncells - 1] : -1;
	int			blanks = 0;

	if (job->nvalues == 0 || job->ncells != job->nvalues || first <= job->label_tok ||
		toks[first - 1].kind != TK_TEXT)
		return -1;
	if (last + 1 < doc->lx.ntoks && toks[last + 1].line == toks[last].line)
		return -1;
	for (int i = 0; i < job->ncells; i++)
	{
		int			tok = job->cells[i];
		int			breaks;

		if (i > 0 && tok != job->cells[i - 1] + 1)
			return -1;
		breaks = newlines_between(doc, &toks[tok - 1], &toks[tok]);
		if (breaks < 1)
			return -1;
		if (before)
			before[i] = breaks - 1;
		blanks += breaks - 1;
	}
	return blanks;
}

static bool ends_in_delimiter(const gr_doc *doc, const row_job *job);

/*
 * Empty fields on lines after the row's last value, at the end of its cells
 * (one cell per line: 「1362 |」 then 「|」), the field after a last
 * delimiter among them.
 */
static int
empties_after_values(const gr_doc *doc, const row_job *job)
{
	int			n = 0;
	int			last_value_line = -1;

	for (int i = 0; i < job->ncells; i++)
		if (is_value(&doc->lx.toks[job->cells[i]]))
			last_value_line = doc->lx.toks[job->cells[i]].line;
	for (int i = job->ncells - 1; i >= 0; i--)
	{
		const gr_tok *t = &doc->lx.toks[job->cells[i]];

		if (t->kind != TK_EMPTY || t->line <= last_value_line)
			break;
		n++;
	}
	return n > 0 && ends_in_delimiter(doc, job) ? n + 1 : n;
}

/*
 * Fewer values than columns in a table printed one cell per line whose
 * complete rows have no empty lines among their cells: each empty line among
 * this row's cells is an empty cell.
 */
static bool
place_by_blank_lines(table_ctx *tc, row_job *job)
{
	int			before[MAX_WIDTH];
	int			blanks;
	int			j = 0;

	/* before[] holds a count per cell; a row short of values has fewer cells than MAX_WIDTH */
	if (tc->rows_cell_per_line < 2 || tc->rows_cell_per_line_gapped > 0 || job->ncells >= MAX_WIDTH)
		return false;
	blanks = blank_lines_among_cells(tc->doc, job, before);
	if (blanks < 1 || job->nvalues + blanks != job->width)
		return false;
	for (int i = 0; i < job->ncells; i++)
	{
		for (int b = 0; b < before[i]; b++)
			job->chosen[j++] = -1;
		job->chosen[j++] = job->cells[i];
	}
	return true;
}

/* Whether a value at column 'col' stands at the margin of a table whose cells start at 'deep' or further. */
static inline bool
at_margin(int col, int deep)
{
	return col * 2 < deep;
}

/*
 * A browser's text dump (lynx -dump) prints a wide table one cell per line,
 * each at its column's indentation; the cell after an empty one loses that
 * indentation and starts at the page's margin.  In a table whose complete
 * rows all stand so, deep in their lines, each value of a short row that
 * returns to the margin has an empty cell before it.
 */
static bool
place_by_margin_return(table_ctx *tc, row_job *job)
{
	const gr_tok *toks = tc->doc->lx.toks;
	int			deep = tc->cell_indent_min;
	int			returns = 0;
	int			j = 0;

	if (deep == 0 || job->ncells >= MAX_WIDTH || blank_lines_among_cells(tc->doc, job, NULL) < 0)
		return false;
	for (int i = 0; i < job->ncells; i++)
	{
		int			col = toks[job->cells[i]].col;

		if (at_margin(col, deep))
			returns++;
		else if (col < deep)
			return false;		/* neither at the margin nor in a column */
	}
	if (returns < 1 || job->nvalues + returns != job->width)
		return false;
	for (int i = 0; i < job->ncells; i++)
	{
		if (at_margin(toks[job->cells[i]].col, deep))
			job->chosen[j++] = -1;
		job->chosen[j++] = job->cells[i];
	}
	return true;
}

/*
 * Whether the table is printed one cell per line: its complete rows so
 * printed, with and without empty lines among their cells.  A layout of the
 * whole text, not of one block's header: learned once, from every complete row.
 */
static void
learn_cell_lines(table_ctx *tc, const row_job *jobs, int njobs)
{
	int			complete = 0;
	bool		all_cell_per_line = true;

	tc->rows_cell_per_line = tc->rows_cell_per_line_gapped = 0;
	tc->cell_indent_min = -1;
	tc->row_end_empties_min = -1;
	tc->row_end_empties_max = 0;
	for (int r = 0; r < njobs; r++)
		if (jobs[r].nvalues == jobs[r].width && jobs[r].width > 1)
		{
			int			blanks = blank_lines_among_cells(tc->doc, &jobs[r], NULL);
			int			ending = empties_after_values(tc->doc, &jobs[r]);

			tc->rows_cell_per_line += blanks == 0;
			tc->rows_cell_per_line_gapped += blanks > 0;
			all_cell_per_line = all_cell_per_line && blanks >= 0;
			for (int i = 0; i < jobs[r].ncells; i++)
			{
				int			col = tc->doc->lx.toks[jobs[r].cells[i]].col;

				if (tc->cell_indent_min < 0 || col < tc->cell_indent_min)
					tc->cell_indent_min = col;
			}
			if (tc->row_end_empties_min < 0 || ending < tc->row_end_empties_min)
				tc->row_end_empties_min = ending;
			if (ending > tc->row_end_empties_max)
				tc->row_end_empties_max = ending;
			complete++;
		}
	if (complete < 2 || tc->row_end_empties_min <= 0)
		tc->row_end_empties_min = tc->row_end_empties_max = 0;
	if (complete < 2 || !all_cell_per_line || tc->cell_indent_min < MIN_DEEP_INDENT)
		tc->cell_indent_min = 0;
}

/* Whether a row shows where the table's columns are: all its values, in the table's block. */
static bool
learns_columns(const table_ctx *tc, const row_job *job)
{
	return job->nvalues == job->width && job->width == tc->width && job->block == tc->block;
}

/* Whether a row shows, by where its values stand, where each column is. */
static bool
shows_column_positions(const table_ctx *tc, const row_job *job)
{
	return learns_columns(tc, job) && row_is_layout(tc->doc, job);
}

/* The mean ends of each column, from the sums of the rows that showed them. */
static void
take_column_means(column_model *cm)
{
	if (cm->samples > 0)
		for (int j = 0; j < cm->width; j++)
		{
			cm->start[j] /= cm->samples;
			cm->end[j] /= cm->samples;
		}
}

/*
 * The farthest any row that showed the columns stands from their mean
 * positions, at each edge, counted in the table's unit.
 */
static void
take_column_spread(table_ctx *tc)
{
	column_model *cm = &tc->columns;

	if (cm->spread_known)
		return;
	cm->spread_known = true;
	cm->spread[0] = cm->spread[1] = 0;
	for (int r = 0; r < tc->nlearned_jobs; r++)
	{
		const row_job *job = &tc->learned_jobs[r];

		if (!shows_column_positions(tc, job))
			continue;
		for (int edge = 0; edge < 2; edge++)
		{
			const double *model = edge == 0 ? cm->start : cm->end;
			int			x[MAX_WIDTH];

			if (!edges_in(tc->doc, job, tc->unit, edge, x))
				continue;
			for (int i = 0; i < job->ncells; i++)
			{
				double		d = x[i] > model[i] ? x[i] - model[i] : model[i] - x[i];

				if (d > cm->spread[edge])
					cm->spread[edge] = d;
			}
		}
	}
}

/* Learns the table's usual lead of empty cells and its column positions in characters. */
static void
learn_table(table_ctx *tc, row_job *jobs, int njobs)
{
	gr_doc	   *doc = tc->doc;

	memset(tc->lead_histogram, 0, sizeof(tc->lead_histogram));
	memset(&tc->columns, 0, sizeof(tc->columns));
	tc->learned_jobs = jobs;
	tc->nlearned_jobs = njobs;
	tc->columns.width = tc->width;
	tc->unit = COLUMNS_BY_CHARS;
	tc->unit_decided = false;
	for (int r = 0; r < njobs; r++)
	{
		row_job    *job = &jobs[r];
		int			lead;

		if (!learns_columns(tc, job))
			continue;
		lead = lead_of(doc, job);
		if (lead < 16)
			tc->lead_histogram[lead]++;
		if (row_is_layout(doc, job))
		{
			for (int i = 0; i < job->ncells; i++)
			{
				const gr_tok *t = &doc->lx.toks[job->cells[i]];

				tc->columns.start[i] += t->col;
				tc->columns.end[i] += tok_end_col(doc, t);
			}
			tc->columns.samples++;
		}
	}
	take_column_means(&tc->columns);
}

/* Learns the table's column positions again, in display columns. */
static void
learn_display_columns(table_ctx *tc)
{
	int			start[MAX_WIDTH];
	int			end[MAX_WIDTH];

	memset(&tc->columns, 0, sizeof(tc->columns));
	tc->columns.width = tc->width;
	for (int r = 0; r < tc->nlearned_jobs; r++)
	{
		const row_job *job = &tc->learned_jobs[r];

		if (!shows_column_positions(tc, job))
			continue;
		if (!display_edges(tc->doc, job, 0, start) || !display_edges(tc->doc, job, 1, end))
			continue;
		for (int i = 0; i < job->ncells; i++)
		{
			tc->columns.start[i] += start[i];
			tc->columns.end[i] += end[i];
		}
		tc->columns.samples++;
	}
	take_column_means(&tc->columns);
}

/* How many of the n positions x[] share the most common one; sorts x[]. */
static int
most_common_count(int *x, int n)
{
	int			most = 0;

	for (int i = 1; i < n; i++)
	{
		int			v = x[i],
					k = i;

		for (; k > 0 && x[k - 1] > v; k--)
			x[k] = x[k - 1];
		x[k] = v;
	}
	for (int i = 0, run = 0; i < n; i++)
	{
		run = (i > 0 && x[i] == x[i - 1]) ? run + 1 : 1;
		if (run > most)
			most = run;
	}
	return most;
}

/*
 * How many values of the rows that show column positions stand exactly
 * where most of those rows put that column, at the better edge, with
 * positions counted in 'unit'; *shown gets how many values there are.
 */
static int
values_at_usual_columns(table_ctx *tc, column_unit unit, int *shown)
{
	int			w = tc->width;
	int			nrows = 0;
	int		   *pos;
	int		   *column;
	int			best = 0;

	for (int r = 0; r < tc->nlearned_jobs; r++)
		nrows += shows_column_positions(tc, &tc->learned_jobs[r]);
	*shown = nrows * w;
	if (nrows < 2)
		return 0;
	pos = gr_arena_alloc(tc->doc->arena, sizeof(int) * (size_t) (nrows * w));
	column = gr_arena_alloc(tc->doc->arena, sizeof(int) * (size_t) nrows);
	for (int edge = 0; edge < 2; edge++)
	{
		int			k = 0;
		int			aligned = 0;

		for (int r = 0; r < tc->nlearned_jobs; r++)
			if (shows_column_positions(tc, &tc->learned_jobs[r]) &&
				!edges_in(tc->doc, &tc->learned_jobs[r], unit, edge, pos + (k++) * w))
				return 0;
		for (int j = 0; j < w; j++)
		{
			for (int r = 0; r < nrows; r++)
				column[r] = pos[r * w + j];
			aligned += most_common_count(column, nrows);
		}
		if (aligned > best)
			best = aligned;
	}
	return best;
}

/*
 * Counts the table's column positions in display columns when more of its
 * values line up in those than in characters.  Weighed once per table, and
 * only when a row must be placed by position, so that tables without a
 * blank cell never pay for it.
 */
static void
decide_column_unit(table_ctx *tc)
{
	int			shown;
	int			by_chars;

	if (tc->unit_decided)
		return;
	tc->unit_decided = true;
	by_chars = values_at_usual_columns(tc, COLUMNS_BY_CHARS, &shown);
	/* every value at its column's usual place in characters: display columns cannot do better */
	if (by_chars == shown ||
		values_at_usual_columns(tc, COLUMNS_BY_DISPLAY, &shown) <= by_chars)
		return;
	tc->unit = COLUMNS_BY_DISPLAY;
	learn_display_columns(tc);
}

/* Whether the table's complete rows all have the same lead of empty cells. */
static bool
leads_agree(const table_ctx *tc)
{
	int			leads = 0;

	for (int i = 0; i < 16; i++)
		leads += tc->lead_histogram[i] > 0;
	return leads <= 1;
}

static int
modal_lead(const table_ctx *tc)
{
	int			best = -1;
	int			best_count = 0;

	for (int i = 0; i < 16; i++)
		if (tc->lead_histogram[i] > best_count)
		{
			best = i;
			best_count = tc->lead_histogram[i];
		}
	return best;
}

/* Integer value of a number cell for the arithmetic checks. */
static bool
cell_int(const gr_tok *t, int64_t *out)
{
	if (t->kind != TK_NUM || t->overflow || t->scale != 0 || t->broken)
		return false;
	*out = t->mantissa;
	return true;
}

static bool
check_candidate(const table_ctx *tc, const int64_t *values)
{
	return tc->check && tc->check(values, tc->width);
}

/* Whether the line of the row's token at 'at' also holds text of the row (its label or a fragment of it). */
static bool
line_has_row_text(const gr_doc *doc, const row_job *job, int at)
{
	const gr_tok *toks = doc->lx.toks;

	for (int k = at; k >= job->label_tok && toks[k].line == toks[at].line; k--)
		if (toks[k].kind == TK_TEXT)
			return true;
	return false;
}

/*
 * Values of a row without tab or pipe delimiters that come from two or more
 * lines in uneven groups, some on lines of their own: 「238\n1\n2\n1\n1\n2 47」.
 * Default-mode pdftotext prints such rows when it reads a table column by
 * column, and the values after a label may then belong to the next row.  A
 * row on its own line is not scattered, nor one value per line after the
 * label (Word text), nor values beside each line of a broken label.
 */
static bool
row_is_scattered(const gr_doc *doc, const row_job *job)
{
	int			label_line = job->label_tok >= 0 ? doc->lx.toks[job->label_tok].line : -1;
	int			prev_line = -1;
	int			nlines = 0;
	bool		one_per_line = true;
	bool		bare_line = false;	/* a line with values and no text of the row */

	for (int i = 0; i < job->ncells; i++)
	{
		const gr_tok *t = &doc->lx.toks[job->cells[i]];

		if (t->delimited)
			return false;
		if (!is_value(t))
			continue;
		if (t->line == prev_line || t->line == label_line)
			one_per_line = false;
		if (t->line != prev_line)
		{
			nlines++;
			bare_line = bare_line || !line_has_row_text(doc, job, job->cells[i]);
		}
		prev_line = t->line;
	}
	return nlines >= 2 && !one_per_line && bare_line;
}

/* Whether the integer values of a complete row satisfy the table's arithmetic. */
static bool
row_adds_up(const table_ctx *tc, const row_job *job)
{
	int64_t		values[MAX_WIDTH] = {0};

	for (int j = 0; j < job->width; j++)
		if (job->chosen[j] < 0 || !cell_int(&tc->doc->lx.toks[job->chosen[j]], &values[j]))
			return false;
	return check_candidate(tc, values);
}

/*
 * Whether two values of a space-aligned row stand one space apart, the
 * second of three digits (「1 456」), on a line where the row's other values
 * stand three spaces apart or more, or the second with a leading zero
 * (「1 013」), which no cell has: a numeral that extraction may have split in
 * two, which a row of the right count may then owe to a blank cell.
 */
static bool
has_narrow_pair(const gr_doc *doc, const row_job *job)
{
	const gr_tok *prev = NULL;
	int			narrow = 0,
				wide = 0,
				close = 0;		/* on the line of prev */

	for (int i = 0; i <= job->ncells; i++)
	{
		const gr_tok *t = i < job->ncells ? &doc->lx.toks[job->cells[i]] : NULL;

		if (t && t->delimited)
			return false;
		if (t && !is_value(t))
			continue;
		if (prev && (t == NULL || t->line != prev->line))
		{
			if (narrow == 1 && wide > 0 && close == 0)
				return true;
			narrow = wide = close = 0;
		}
		if (t && prev && prev->line == t->line)
		{
			uint32_t	gap = t->off - (prev->off + prev->len);
			bool		group = gap == 1 && t->num_len == 3 && !t->grouped && prev->num_len <= 3 &&
				prev->mantissa > 0;

			if (group && doc->text.data[t->off] == '0')
				return true;
			if (group)
				narrow++;
			else if (gap >= 3)
				wide++;
			else
				close++;		/* values set close together: nothing stands out */
		}
		prev = t;
	}
	return false;
}

/* The narrowest distance between the left edges of two neighbouring columns of the model. */
static double
narrowest_gap(const column_model *cm)
{
	double		min_gap = 1e9;

	for (int j = 1; j < cm->width; j++)
	{
		double		g = cm->start[j] - cm->start[j - 1];

		if (g < min_gap)
			min_gap = g;
	}
	return min_gap;
}

/*
 * Whether another block of the table (table 2's items, each under its own
 * header) has two complete rows or more that do not line up: a text spaced
 * without columns (tabs expanded, cells parted by a few spaces).  One row
 * alone shows no columns, so in such a text it places no other row.  Asked
 * only when a row would be placed by a lone row's positions.
 */
static bool
other_blocks_misaligned(const table_ctx *tc)
{
	for (int r = 0; r < tc->nlearned_jobs; r++)
	{
		const row_job *job = &tc->learned_jobs[r];
		table_ctx	probe = *tc;
		double		gap;
		bool		seen = false;

		if (job->block == tc->block || job->nvalues != job->width || job->width < 2)
			continue;
		for (int e = 0; e < r && !seen; e++)
			seen = tc->learned_jobs[e].block == job->block && tc->learned_jobs[e].width == job->width &&
				tc->learned_jobs[e].nvalues == job->width;
		if (seen)
			continue;			/* that block was weighed already */
		probe.width = job->width;
		probe.block = job->block;
		learn_table(&probe, (row_job *) tc->learned_jobs, tc->nlearned_jobs);
		if (probe.columns.samples < 2)
			continue;
		decide_column_unit(&probe);
		take_column_spread(&probe);
		gap = narrowest_gap(&probe.columns);
		if (probe.columns.spread[0] >= gap / 2 && probe.columns.spread[1] >= gap / 2)
			return true;
	}
	return false;
}

/* The column of the model whose edge (model: starts or ends) is nearest x; *d its distance. */
static int
nearest_column(const column_model *cm, const double *model, double x, double *d)
{
	int			best = 0;

	*d = 1e9;
	for (int j = 0; j < cm->width; j++)
	{
		double		dj = x > model[j] ? x - model[j] : model[j] - x;

		if (dj < *d)
		{
			*d = dj;
			best = j;
		}
	}
	return best;
}

/*
 * A value of a space-aligned row whose left edge stands at one column of
 * the table and its right edge at another (「402379」 beneath 「478 391」):
 * two cells run together, which no placement of the row by position can
 * show.  Its index among the row's cells, or -1.  Only tables whose
 * complete rows line up at both edges tell.
 */
static int
value_across_columns(table_ctx *tc, const row_job *job)
{
	const column_model *cm = &tc->columns;
	double		min_gap;
	int			starts[MAX_WIDTH];
	int			ends[MAX_WIDTH];

	if (cm->samples == 0 || job->ncells > MAX_WIDTH)
		return -1;
	min_gap = narrowest_gap(cm);
	take_column_spread(tc);
	if (min_gap < 2 || cm->spread[0] >= min_gap / 2 || cm->spread[1] >= min_gap / 2 ||
		!edges_in(tc->doc, job, tc->unit, 0, starts) || !edges_in(tc->doc, job, tc->unit, 1, ends))
		return -1;
	for (int i = 0; i < job->ncells; i++)
	{
		double		d;

		if (nearest_column(cm, cm->start, starts[i], &d) != nearest_column(cm, cm->end, ends[i], &d))
			return i;
	}
	return -1;
}

/*
 * Assigns the values of a space-aligned row to columns by position, using
 * either the left or the right edges the table's complete rows showed.
 */
static bool
place_by_columns(table_ctx *tc, row_job *job)
{
	const column_model *cm = &tc->columns;
	double		min_gap;
	int			best_assign[MAX_WIDTH];
	double		best_cost = -1;

	if (cm->samples == 0 || job->ncells > MAX_WIDTH)
		return false;
	if (cm->samples == 1 && other_blocks_misaligned(tc))
		return false;
	min_gap = narrowest_gap(cm);
	if (min_gap < 2)
		return false;
	take_column_spread(tc);
	for (int edge = 0; edge < 2; edge++)
	{
		const double *model = edge == 0 ? cm->start : cm->end;
		int			assign[MAX_WIDTH] = {0};
		int			xs[MAX_WIDTH];
		double		cost = 0;
		int			prev = -1;
		bool		ok = true;

		/*
		 * rows that showed the columns stray half a gap from them: a row placed
		 * by the means could be a column out without a sign of it
		 */
		if (cm->spread[edge] >= min_gap / 2)
			continue;
		if (!edges_in(tc->doc, job, tc->unit, edge, xs))
			continue;
		for (int i = 0; i < job->ncells && ok; i++)
		{
			double		bestd;
			int			bestj = nearest_column(cm, model, xs[i], &bestd);

			if (bestj <= prev || bestd > min_gap / 2)
				ok = false;
			else
			{
				assign[i] = bestj;
				prev = bestj;
				cost += bestd;
			}
		}
		if (ok && (best_cost < 0 || cost < best_cost))
		{
			best_cost = cost;
			memcpy(best_assign, assign, sizeof(int) * (size_t) job->ncells);
		}
	}
	if (best_cost < 0)
		return false;
	forget_row(job);
	for (int i = 0; i < job->ncells; i++)
		job->chosen[best_assign[i]] = job->cells[i];
	return true;
}

/*
 * Where, at one edge, the complete space-aligned rows next to a row put
 * each column: every distinct position seen, not their mean.  A table run
 * over a page break is laid out afresh on the next page, so only the
 * nearest rows above and below count, and only those that have all but one
 * of the row's positions.
 */
#define SEEN_MAX 2				/* one position per row: the row above and the row below */

typedef struct seen_columns
{
	int			pos[MAX_WIDTH][SEEN_MAX];
	int			n[MAX_WIDTH];
} seen_columns;

/*
 * Whether complete row 'job' has all but one of the positions 'row_at' of a
 * row's 'n' values, at either edge (row_at[edge]).
 */
static bool
laid_out_alike(const table_ctx *tc, const row_job *job, int row_at[2][MAX_WIDTH], int n)
{
	int			at[MAX_WIDTH];

	if (job->ncells > MAX_WIDTH)
		return false;
	for (int edge = 0; edge < 2; edge++)
	{
		int			shared = 0;

		if (!edges_in(tc->doc, job, tc->unit, edge, at))
			return false;
		for (int i = 0; i < job->ncells; i++)
			for (int k = 0; k < n; k++)
				if (row_at[edge][k] == at[i])
				{
					shared++;
					break;
				}
		if (shared >= n - 1 && shared >= 1)
			return true;
	}
	return false;
}

/* The complete rows laid out like 'row' nearest above and below it (NULL when none). */
static void
nearest_alike_rows(const table_ctx *tc, const row_job *row, const row_job **above,
				   const row_job **below)
{
	const gr_tok *toks = tc->doc->lx.toks;
	int			line = toks[row->cells[0]].line;
	int			row_at[2][MAX_WIDTH];

	*above = *below = NULL;
	if (row->ncells > MAX_WIDTH || !edges_in(tc->doc, row, tc->unit, 0, row_at[0]) ||
		!edges_in(tc->doc, row, tc->unit, 1, row_at[1]))
		return;
	for (int r = 0; r < tc->nlearned_jobs; r++)
	{
		const row_job *job = &tc->learned_jobs[r];
		int			at;

		if (!shows_column_positions(tc, job) || !laid_out_alike(tc, job, row_at, row->ncells))
			continue;
		at = toks[job->cells[0]].line;
		if (at < line && (*above == NULL || at > toks[(*above)->cells[0]].line))
			*above = job;
		if (at > line && (*below == NULL || at < toks[(*below)->cells[0]].line))
			*below = job;
	}
}

static void
add_seen_row(const table_ctx *tc, const row_job *job, int edge, seen_columns *seen)
{
	int			x[MAX_WIDTH];

	if (job == NULL || job->ncells > MAX_WIDTH || !edges_in(tc->doc, job, tc->unit, edge, x))
		return;
	for (int i = 0; i < job->ncells; i++)
	{
		int			at = x[i];
		int			k = 0;

		while (k < seen->n[i] && seen->pos[i][k] != at)
			k++;
		if (k == seen->n[i] && k < SEEN_MAX)
			seen->pos[i][seen->n[i]++] = at;
	}
}

static bool
seen_at(const seen_columns *seen, int col, int x)
{
	for (int k = 0; k < seen->n[col]; k++)
		if (seen->pos[col][k] == x)
			return true;
	return false;
}

/*
 * Whether the rows seen put one position in two columns: the row above and
 * the row below a short row are laid out a column apart (the label of one
 * pushed its first value left), and where a value stands says nothing.
 */
static bool
seen_rows_disagree(const seen_columns *seen, int width)
{
	for (int c = 0; c < width; c++)
		for (int k = 0; k < seen->n[c]; k++)
			for (int d = c + 1; d < width; d++)
				if (seen_at(seen, d, seen->pos[c][k]))
					return true;
	return false;
}

/*
 * Counts in *ways, up to two, the ways to give values i.. of 'x' columns
 * from 'col' on, in order, each value standing exactly where a row next to
 * it had that column; the first way found goes to 'first'.
 */
static void
count_seen_placements(const seen_columns *seen, const int *x, int n, int width,
					  int i, int col, int *assign, int *ways, int *first)
{
	if (i == n)
	{
		if (*ways == 0)
			memcpy(first, assign, sizeof(int) * (size_t) n);
		(*ways)++;
		return;
	}
	for (int c = col; c <= width - (n - i) && *ways < 2; c++)
	{
		if (!seen_at(seen, c, x[i]))
			continue;
		assign[i] = c;
		count_seen_placements(seen, x, n, width, i + 1, c + 1, assign, ways, first);
	}
}

/*
 * A space-aligned row with fewer values than columns, in a table whose
 * complete rows do not line up into one set of columns (a table run over
 * two pages): each value is put in the column at whose exact position a
 * complete row printed a value, when exactly one such placement exists at
 * the left edges or at the right edges, and the two edges do not disagree,
 * nor the rows seen.
 */
static bool
place_by_seen_columns(table_ctx *tc, row_job *job)
{
	int			found[2][MAX_WIDTH];
	bool		has[2] = {false, false};
	int			x[MAX_WIDTH];
	int			assign[MAX_WIDTH];
	int			n = job->ncells;
	int			use;
	const row_job *above;
	const row_job *below;

	if (n > MAX_WIDTH || job->nvalues != n)
		return false;
	nearest_alike_rows(tc, job, &above, &below);
	for (int edge = 0; edge < 2; edge++)
	{
		seen_columns seen;
		int			ways;

		memset(seen.n, 0, sizeof(seen.n));
		add_seen_row(tc, above, edge, &seen);
		add_seen_row(tc, below, edge, &seen);
		if (seen_rows_disagree(&seen, job->width) || !edges_in(tc->doc, job, tc->unit, edge, x))
			return false;
		ways = 0;
		count_seen_placements(&seen, x, n, job->width, 0, 0, assign, &ways, found[edge]);
		if (ways > 1)
			return false;
		has[edge] = ways == 1;
	}
	if (!has[0] && !has[1])
		return false;
	if (has[0] && has[1] && memcmp(found[0], found[1], sizeof(int) * (size_t) n) != 0)
		return false;
	use = has[0] ? 0 : 1;
	forget_row(job);
	for (int i = 0; i < n; i++)
		job->chosen[found[use][i]] = job->cells[i];
	return true;
}

/*
 * Whether a placement of a row short of values agrees with the table's sums,
 * in each group of columns whose last totals the others: the parts placed do
 * not exceed a total placed, and a total left blank could not as well be the
 * group's last value (the parts before it adding up to no more than it): the
 * sums would then allow another reading of the same numbers.
 */
static bool
placement_fits_sums(const table_ctx *tc, const row_job *job)
{
	if (tc->check == NULL || tc->group < 2)
		return true;
	for (int g = 0; g + tc->group <= job->width; g += tc->group)
	{
		int			total_col = g + tc->group - 1;
		int64_t		parts = 0,
					last_part = -1,
					v;

		for (int j = g; j < total_col; j++)
		{
			if (job->chosen[j] < 0)
				continue;
			if (!cell_int(&tc->doc->lx.toks[job->chosen[j]], &v) || v < 0)
				return true;	/* no sums to reason with */
			parts += v;
			last_part = v;
		}
		if (job->chosen[total_col] >= 0)
		{
			if (!cell_int(&tc->doc->lx.toks[job->chosen[total_col]], &v) || v < 0)
				return true;
			if (parts > v)
				return false;
		}
		else if (last_part >= 0 && parts - last_part <= last_part)
			return false;
	}
	return true;
}

/*
 * Places a space-aligned row with fewer values than columns by where its
 * values stand, in characters or in display columns, whichever the table's
 * complete rows line up in better: at the table's mean column positions,
 * else exactly where the complete rows next to it have theirs; and only
 * when the placement fits the table's sums.  Notes how; 'desc' names the row.
 * A value that stands across two columns leaves the row NULL, noted (true).
 */
static bool
place_by_position(table_ctx *tc, row_job *job, const char *desc)
{
	const char *how;
	int			across;

	/*
	 * the unit is the table's, decided before the first placement: a row
	 * placed in characters in a table that lines up in display columns fits
	 * its neighbours only by chance
	 */
	decide_column_unit(tc);
	across = value_across_columns(tc, job);
	if (across >= 0)
	{
		const gr_tok *t = &tc->doc->lx.toks[job->cells[across]];

		gr_note_add(tc->doc, "row_ambiguous", job->label_off,
					"%s只有 %d 个数值（应为 %d 个），其中「%.*s」从一列的位置延伸到另一列，可能是相邻两格的数字连在一起，无法确定各列，整行记为空值",
					desc, job->nvalues, job->width, (int) t->len, tc->doc->text.data + t->off);
		forget_row(job);
		return true;
	}
	if (place_by_columns(tc, job))
		how = "按本表其他行的列位置确定各数值所在列";
	else if (place_by_seen_columns(tc, job))
		how = "各数值恰好对齐本表完整行中某一列的位置，且只有这一种对法，据此确定所在列";
	else
		return false;
	if (!placement_fits_sums(tc, job))
	{
		forget_row(job);
		return false;
	}
	gr_note_add(tc->doc, "blank_cells_placed", job->label_off,
				"%s只有 %d 个数值（应为 %d 个），%s%s，其余为空", desc, job->nvalues, job->width,
				tc->unit == COLUMNS_BY_DISPLAY ? "以等宽排版的显示宽度（全角字符占两列）计列，" : "",
				how);
	job->by_position = true;
	return true;
}

/* Whether a tab or pipe follows the row's last cell on its line. */
static bool
ends_in_delimiter(const gr_doc *doc, const row_job *job)
{
	const gr_tok *last = &doc->lx.toks[job->cells[job->ncells - 1]];
	const char *s = doc->text.data;

	for (size_t i = last->off + last->len; i < doc->text.len && s[i] != '\n'; i++)
		if (s[i] == '\t' || s[i] == '|')
			return true;
	return false;
}

/*
 * The empty fields at the end of a row that are no cells: every complete row
 * ends in such fields, so this one does too.  Where complete rows end in
 * runs of different lengths, a run as long as the longest may be all end,
 * so no cell is taken from it.
 */
static int
row_end_fields(const table_ctx *tc, const row_job *job)
{
	int			ending;

	if (tc->row_end_empties_min == 0)
		return 0;
	ending = empties_after_values(tc->doc, job);
	if (ending < tc->row_end_empties_min)
		return 0;
	return ending < tc->row_end_empties_max ? ending : tc->row_end_empties_max;
}

/* Fewer values than columns, with explicit empty cells: choose the window. */
static bool
place_by_delimiters(table_ctx *tc, row_job *job, bool *guessed)
{
	gr_doc	   *doc = tc->doc;
	int			first = -1,
				last = -1;
	int			starts[MAX_CANDIDATES];
	int			nstarts = 0;
	int			chosen_start = -1;
	int			modal = modal_lead(tc);
	int			ncells;

	for (int i = 0; i < job->ncells; i++)
		if (is_value(&doc->lx.toks[job->cells[i]]))
		{
			if (first < 0)
				first = i;
			last = i;
		}
	/* 「…\t61\t\t」: the field after the last delimiter may be one more empty cell */
	ncells = job->ncells + (ends_in_delimiter(doc, job) ? 1 : 0);
	ncells -= row_end_fields(tc, job);
	for (int s = last - job->width + 1; s <= first; s++)
	{
		if (s < 0 || s + job->width > ncells)
			continue;
		if (nstarts < MAX_CANDIDATES)
			starts[nstarts++] = s;
	}
	if (nstarts == 1)
		chosen_start = starts[0];
	else if (nstarts > 1 && modal >= 0)
	{
		int			matching = 0;

		for (int k = 0; k < nstarts; k++)
			if (starts[k] == modal)
			{
				chosen_start = starts[k];
				matching++;
			}
		if (matching != 1)
			chosen_start = -1;
		*guessed = true;
	}
	/*
	 * A window that does not start at the row's first value takes some of its
	 * leading empty cells for columns, or leaves some out: only as the table's
	 * usual lead does, and not where complete rows differ in their leads (a
	 * label spanning two columns in some rows), since the usual lead cannot
	 * then tell whether this row's leading empty cell is such a span or a
	 * blank cell.
	 */
	if (chosen_start >= 0 && chosen_start != lead_of(doc, job) &&
		(!leads_agree(tc) || (modal >= 0 && chosen_start != modal)))
		chosen_start = -1;
	if (chosen_start < 0)
		return false;
	for (int j = 0; j < job->width; j++)
	{
		int			i = chosen_start + j;

		job->chosen[j] = i < job->ncells && is_value(&doc->lx.toks[job->cells[i]]) ? job->cells[i] : -1;
	}
	return true;
}

/* The row's value tokens, the first 'max' of them, into vals: how many. */
static int
value_tokens(const gr_doc *doc, const row_job *job, int *vals, int max)
{
	int			n = 0;

	for (int i = 0; i < job->ncells && n < max; i++)
		if (is_value(&doc->lx.toks[job->cells[i]]))
			vals[n++] = job->cells[i];
	return n;
}

/* The integers of value tokens vals[0, n) into v; false when one is not an integer cell. */
static bool
value_ints(const gr_doc *doc, const int *vals, int n, int64_t *v)
{
	for (int i = 0; i < n; i++)
		if (!cell_int(&doc->lx.toks[vals[i]], &v[i]))
			return false;
	return true;
}

/*
 * Whether leaving out other values than a window's ends (one or two
 * surplus values among nv, tokens vals) also keeps the arithmetic, with
 * other numbers than 'chosen' (any numbers, when chosen is NULL): a value
 * printed twice in the middle of a row (「15 18 15 15 20 68」) may add up
 * as well as the window that drops the first 15, in another order, and
 * nothing tells which is right.
 */
static bool
other_values_dropped_pass(const table_ctx *tc, const int *vals, int nv, int w, const int64_t *chosen)
{
	int64_t		v[MAX_CANDIDATES];
	int64_t		reading[MAX_WIDTH];

	if (nv - w < 1 || nv - w > 2 || !value_ints(tc->doc, vals, nv, v))
		return false;
	/* a and b: the values left out, the same one when there is one surplus value */
	for (int a = 0; a < nv; a++)
		for (int b = nv - w == 2 ? a + 1 : a; b < (nv - w == 2 ? nv : a + 1); b++)
		{
			int			n = 0;

			for (int i = 0; i < nv; i++)
				if (i != a && i != b)
					reading[n++] = v[i];
			if (check_candidate(tc, reading) &&
				(chosen == NULL || memcmp(reading, chosen, sizeof(int64_t) * (size_t) w) != 0))
				return true;
		}
	return false;
}

/*
 * More values than columns: a stray extra cell or a numeral split by
 * extraction (「1 234」).  Accept only a reading that is unique, or where
 * every reading gives the same numbers.
 */
static bool
place_surplus(table_ctx *tc, row_job *job, const char **how)
{
	gr_doc	   *doc = tc->doc;
	int			vals[MAX_CANDIDATES];
	int			nv;
	int64_t		cand_values[MAX_CANDIDATES][MAX_WIDTH];
	int			cand_tok[MAX_CANDIDATES][MAX_WIDTH];
	bool		cand_join[MAX_CANDIDATES];
	int			ncand = 0;
	int			w = job->width;
	int			passing = -1;
	int			npassing = 0;
	bool		windows_identical = true;

	nv = value_tokens(doc, job, vals, MAX_CANDIDATES);
	/*
	 * A stray column or a numeral split in two leaves one or two surplus
	 * values.  More means the cells of other rows ran into this one (a
	 * table emitted column by column): a window that happens to add up
	 * could be another row's numbers, so none is trusted.
	 */
	if (nv > w + 2)
		return false;
	/* windows of w consecutive values */
	for (int s = 0; s + w <= nv && ncand < MAX_CANDIDATES; s++)
	{
		for (int j = 0; j < w; j++)
		{
			cand_tok[ncand][j] = vals[s + j];
			if (!cell_int(&doc->lx.toks[vals[s + j]], &cand_values[ncand][j]))
				cand_values[ncand][j] = INT64_MIN;
		}
		cand_join[ncand] = false;
		if (ncand > 0)
			for (int j = 0; j < w; j++)
			{
				const gr_tok *a = &doc->lx.toks[cand_tok[0][j]];
				const gr_tok *b = &doc->lx.toks[cand_tok[ncand][j]];

				if (a->kind != b->kind ||
					(a->kind == TK_NUM && (a->mantissa != b->mantissa || a->scale != b->scale)))
					windows_identical = false;
			}
		ncand++;
	}
	/* one split numeral, when exactly one surplus value: join a and b */
	if (nv == w + 1)
		for (int k = 0; k + 1 < nv && ncand < MAX_CANDIDATES; k++)
		{
			const gr_tok *a = &doc->lx.toks[vals[k]];
			const gr_tok *b = &doc->lx.toks[vals[k + 1]];
			int64_t		av,
						bv;

			if (a->line != b->line || !cell_int(a, &av) || !cell_int(b, &bv) ||
				b->num_len != 3 || av <= 0 || av > 999 || b->grouped || a->grouped)
				continue;
			for (int j = 0, src = 0; j < w; j++, src++)
			{
				if (src == k)
				{
					cand_values[ncand][j] = av * 1000 + bv;
					cand_tok[ncand][j] = vals[k];
					src++;
				}
				else
				{
					cand_tok[ncand][j] = vals[src];
					if (!cell_int(&doc->lx.toks[vals[src]], &cand_values[ncand][j]))
						cand_values[ncand][j] = INT64_MIN;
				}
			}
			cand_join[ncand] = true;
			ncand++;
		}
	for (int c = 0; c < ncand; c++)
	{
		bool		usable = true;

		for (int j = 0; j < w; j++)
			if (cand_values[c][j] == INT64_MIN)
				usable = false;
		if (!usable || !check_candidate(tc, cand_values[c]))
			continue;
		if (passing >= 0 && memcmp(cand_values[passing], cand_values[c], sizeof(int64_t) * (size_t) w) == 0)
			continue;
		passing = c;
		npassing++;
	}
	if (npassing == 1 && !cand_join[passing] && other_values_dropped_pass(tc, vals, nv, w, cand_values[passing]))
		return false;
	if (npassing == 1)
	{
		memcpy(job->chosen, cand_tok[passing], sizeof(int) * (size_t) w);
		*how = cand_join[passing] ? "split_numeral" : "extra_column";
		job->surplus_dropped = !cand_join[passing];
		if (cand_join[passing])
			for (int j = 0; j < w; j++)
			{
				int64_t		v;

				if (cell_int(&doc->lx.toks[cand_tok[passing][j]], &v) && v != cand_values[passing][j])
				{
					job->joined[j] = true;
					job->joined_value[j] = cand_values[passing][j];
				}
			}
		return true;
	}
	if (npassing == 0 && windows_identical && ncand > 0)
	{
		memcpy(job->chosen, cand_tok[0], sizeof(int) * (size_t) w);
		*how = "extra_column";
		return true;
	}
	return false;
}

/*
 * Splitting digits that lost their cell boundaries (「13520000137」) into
 * numbers, group by group, where each group's last number is the sum of the
 * others.  Only the summands branch: the total must spell their sum.
 */
typedef struct digit_split
{
	const char *digits;
	int			len;
	int			width;
	int			group;
	int64_t		values[MAX_WIDTH];
	int64_t		first[MAX_WIDTH];
	int			solutions;
	int			limit;			/* stop once more readings than this are found */
	int64_t		(*all)[MAX_WIDTH];	/* NULL, or room for 'limit' readings */
	long		nodes;
} digit_split;

/* Readings of one row kept for table 3's columns to choose from. */
#define MAX_READINGS 32
#define MAX_DIGIT_READINGS 16	/* more readings of a run of digits rarely settle, and slow the search */
#define GR_RUN_DIGITS_MAX 126	/* seven numbers of 18 digits */

#define SPLIT_NODE_LIMIT 500000

static void
split_digits(digit_split *ds, int pos, int k, int64_t group_sum)
{
	if (ds->solutions > ds->limit)
		return;
	if (++ds->nodes > SPLIT_NODE_LIMIT)
	{
		ds->solutions = ds->limit + 1;	/* too many readings to be sure of them */
		return;
	}
	if (k == ds->width)
	{
		if (pos == ds->len)
		{
			if (ds->solutions == 0)
				memcpy(ds->first, ds->values, sizeof(int64_t) * (size_t) ds->width);
			if (ds->all && ds->solutions < ds->limit)
				memcpy(ds->all[ds->solutions], ds->values, sizeof(int64_t) * (size_t) ds->width);
			ds->solutions++;
		}
		return;
	}
	if (ds->len - pos < ds->width - k)
		return;					/* every number needs a digit */
	if (k % ds->group == ds->group - 1)
	{
		char		total[24];
		int			n = snprintf(total, sizeof(total), "%lld", (long long) group_sum);

		if (pos + n <= ds->len && memcmp(ds->digits + pos, total, (size_t) n) == 0)
		{
			ds->values[k] = group_sum;
			split_digits(ds, pos + n, k + 1, 0);
		}
		return;
	}
	for (int l = 1; l <= 9 && pos + l <= ds->len; l++)
	{
		int64_t		v = 0;

		if (l > 1 && ds->digits[pos] == '0')
			break;				/* a number has no leading zero */
		for (int i = 0; i < l; i++)
			v = v * 10 + (ds->digits[pos + i] - '0');
		ds->values[k] = v;
		split_digits(ds, pos + l, k + 1, group_sum + v);
	}
}

/* A row printed as one run of digits: split it if exactly one reading adds up. */
static int
place_run_together(table_ctx *tc, row_job *job)
{
	gr_doc	   *doc = tc->doc;
	const gr_tok *t = NULL;
	digit_split ds;

	if (tc->group == 0 || job->nvalues != 1)
		return 0;
	for (int i = 0; i < job->ncells; i++)
		if (is_value(&doc->lx.toks[job->cells[i]]))
			t = &doc->lx.toks[job->cells[i]];
	if (t == NULL || t->kind != TK_NUM || t->scale != 0 || t->grouped || t->annotated || t->broken ||
		t->mantissa < 0 || (int) t->num_len < job->width)
		return 0;
	memset(&ds, 0, sizeof(ds));
	ds.digits = doc->text.data + t->off;
	ds.len = (int) t->num_len;
	ds.width = job->width;
	ds.group = tc->group;
	ds.limit = 1;
	if (tc->defer_ambiguous)
	{
		/* list the readings: the table's columns may leave only one of them */
		ds.limit = MAX_DIGIT_READINGS;
		ds.all = gr_arena_alloc(doc->arena, sizeof(*ds.all) * MAX_DIGIT_READINGS);
	}
	split_digits(&ds, 0, 0, 0);
	if (ds.solutions > 1)
	{
		if (ds.all && ds.solutions <= MAX_DIGIT_READINGS)
		{
			job->readings = ds.all;
			job->sums = ds.all;
			job->nreadings = ds.solutions;
		}
		return 2;
	}
	if (ds.solutions == 1)
		for (int j = 0; j < job->width; j++)
		{
			job->chosen[j] = (int) (t - doc->lx.toks);
			job->joined[j] = true;
			job->joined_value[j] = ds.first[j];
		}
	return ds.solutions;
}

/* Where a row's values lie against the lines of its label: 1 on them, -1 all after, 0 mixed or none. */
static int
values_beside_label(const gr_doc *doc, const row_job *job)
{
	int			last_label_line = doc->lx.toks[job->label_tok].line;
	bool		on = false,
				after = false;

	/*
	 * a label broken over lines ends at its last text fragment before the
	 * next row; other text (a page's repeated header) does not carry it on
	 */
	for (int t = job->label_tok + 1; t < job->end_tok; t++)
		if (doc->lx.toks[t].kind == TK_TEXT && doc->lx.toks[t].line > last_label_line &&
			(job->label == NULL || is_label_part(doc, job, &doc->lx.toks[t])))
			last_label_line = doc->lx.toks[t].line;
	for (int i = 0; i < job->ncells; i++)
	{
		const gr_tok *t = &doc->lx.toks[job->cells[i]];

		if (t->delimited)
			return 0;
		if (!is_value(t))
			continue;
		if (t->line <= last_label_line)
			on = true;
		else
			after = true;
	}
	return on && !after ? 1 : after && !on ? -1 : 0;
}

/* 「3.」「12.」「(五)」「四、」: how a row label of the templates begins. */
static bool
starts_with_enumerator(const char *s, size_t len)
{
	static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
	size_t		i = 0;

	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > 0)
		return i < len && s[i] == '.';
	if (len > 0 && s[0] == '(')
		i = 1;
	for (bool any = false;; any = true)
	{
		int			k;

		for (k = 0; numerals[k] && !(len - i >= 3 && memcmp(s + i, numerals[k], 3) == 0); k++)
			;
		if (numerals[k] == NULL)
			return any && (s[0] == '(' ? (i < len && s[i] == ')') : (len - i >= 3 && memcmp(s + i, "、", 3) == 0));
		i += 3;
	}
}

/*
 * Text between a row's label and its first value that begins like another
 * row label (「3.要求提供公开」): a row whose label was not recognised, and
 * whose values these may be.
 */
static bool
foreign_label_before_values(const gr_doc *doc, const row_job *job)
{
	for (int t = job->label_tok + 1; t < job->end_tok; t++)
	{
		const gr_tok *tok = &doc->lx.toks[t];

		if (is_value(tok))
			return false;
		if (tok->kind == TK_TEXT && starts_with_enumerator(doc->text.data + tok->off, tok->len))
			return true;
	}
	return false;
}

/*
 * A table read column by column (default-mode pdftotext) shows it in rows
 * whose values are scattered over lines in uneven groups.  There a row's
 * values may stand before its label, so when most rows print their values
 * on the lines of their labels, a row whose values all come after its label
 * may hold the next row's values.  Tables printed with labels on one line
 * and numbers on the next, or with each row's values on one line, are left
 * alone.
 */
static void
mark_displaced_rows(table_ctx *tc, row_job *jobs, int njobs)
{
	int		   *where = gr_arena_alloc(tc->doc->arena, sizeof(int) * (size_t) (njobs + 1));
	int			beside = 0,
				apart = 0;
	bool		scattered = false;

	for (int r = 0; r < njobs; r++)
	{
		where[r] = jobs[r].nvalues > 0 ? values_beside_label(tc->doc, &jobs[r]) : 0;
		beside += where[r] == 1;
		apart += where[r] == -1;
		scattered = scattered || jobs[r].scattered;
	}
	tc->scattered = scattered;
	if (!scattered)
		return;
	for (int r = 0; r < njobs; r++)
	{
		/* a row with no values here is not known to be blank: they may stand elsewhere */
		if (jobs[r].nvalues == 0)
			jobs[r].displaced = true;
		else if (beside > apart)
			jobs[r].displaced = where[r] == -1 || foreign_label_before_values(tc->doc, &jobs[r]);
	}
}

static const char *
row_desc(const table_ctx *tc, const row_job *job, char *buf, size_t size)
{
	snprintf(buf, size, "%s「%s」行", tc->name, job->label);
	return buf;
}

static void
note_ambiguous_digits(table_ctx *tc, const row_job *job)
{
	char		desc[512];

	gr_note_add(tc->doc, "digits_ambiguous", job->label_off,
				"%s的数字连在一起，可按多种方式拆分且都能对上合计，无法确定，整行记为空值",
				row_desc(tc, job, desc, sizeof(desc)));
}

static void
note_incomplete(table_ctx *tc, const row_job *job)
{
	char		desc[512];

	gr_note_add(tc->doc, "row_incomplete", job->label_off,
				"%s只读到 %d 个数值（应为 %d 个），无法确定所在列，整行记为空值",
				row_desc(tc, job, desc, sizeof(desc)), job->nvalues, job->width);
}

/* The note of a row left to the columns that they did not settle. */
static void
note_unsettled(table_ctx *tc, const row_job *job)
{
	if (job->pending == DIGITS_AMBIGUOUS)
		note_ambiguous_digits(tc, job);
	else if (job->pending == BLANKS_UNPLACED)
		note_incomplete(tc, job);
}

/* The values in their order in the columns whose bits 'mask' sets, NO_VALUE in the others. */
static void
values_in_columns(const int64_t *values, unsigned mask, int width, int64_t *reading)
{
	for (int j = 0, k = 0; j < width; j++)
		reading[j] = (mask >> j) & 1 ? values[k++] : NO_VALUE;
}

/*
 * What a lone blank of a table-3 reading must stand for if its row adds up:
 * its total less the other parts, or the parts' sum when the total is the
 * blank.  Negative when the parts printed exceed the total.
 */
static int64_t
blank_by_row_sum(const int64_t *reading, int blank)
{
	int64_t		parts = 0;

	for (int j = 0; j < 6; j++)
		if (j != blank)
			parts += reading[j];
	return blank == 6 ? parts : reading[6] - parts;
}

/*
 * A row with fewer values than columns and nothing showing where its blank
 * cells are: every placement of the blanks, in the values' order, as a
 * reading for the table's columns to choose from.  A blank may stand for a
 * number left out, so the row's own sum does not choose; but a lone blank
 * must stand for what that sum leaves for it, never less than nothing, and
 * the columns count it so.  A blank that could hide any number would let a
 * publisher's slip in its column decide where it goes.
 */
static bool
list_blank_placements(table_ctx *tc, row_job *job)
{
	int64_t		values[MAX_WIDTH];
	int			n = 0;
	int			w = job->width;
	int			nblank = w - job->nvalues;
	int			count = 0;

	/* blanks are the exception in a row: many would leave most of the arithmetic unchecked */
	if (job->ncells != job->nvalues || nblank < 1 || nblank > 2)
		return false;
	for (int i = 0; i < job->ncells; i++)
		if (!cell_int(&tc->doc->lx.toks[job->cells[i]], &values[n++]))
			return false;
	job->readings = gr_arena_alloc(tc->doc->arena, sizeof(*job->readings) * MAX_READINGS);
	job->sums = gr_arena_alloc(tc->doc->arena, sizeof(*job->sums) * MAX_READINGS);
	/* each subset of w columns holding the values, as a bit mask */
	for (unsigned mask = 0; mask < (1u << w); mask++)
	{
		int			blank = __builtin_ctz(~mask);

		if (__builtin_popcount(mask) != job->nvalues)
			continue;
		if (count == MAX_READINGS)
			return false;
		values_in_columns(values, mask, w, job->readings[count]);
		memcpy(job->sums[count], job->readings[count], sizeof(job->sums[count]));
		if (nblank == 1)
		{
			job->sums[count][blank] = blank_by_row_sum(job->readings[count], blank);
			if (job->sums[count][blank] < 0)
				continue;
		}
		count++;
	}
	if (count == 0)
		return false;
	job->nreadings = count;
	job->pending = BLANKS_UNPLACED;
	return true;
}

/* Decides which token feeds each column of a row; notes every inference. */
static void
resolve_row(table_ctx *tc, row_job *job)
{
	gr_doc	   *doc = tc->doc;
	char		desc[512];
	int			w = job->width;

	forget_row(job);
	if (job->displaced)
	{
		if (job->nvalues == 0)
			gr_note_add(doc, "row_displaced", job->label_off,
						"%s后面没有数值，而本表是按列提取的，数值可能排在别处，整行记为空值",
						row_desc(tc, job, desc, sizeof(desc)));
		else
			gr_note_add(doc, "row_displaced", job->label_off,
						"%s的数值不在行名所在的行，而本表其他行的数值都与行名同行，可能属于相邻行，整行记为空值",
						row_desc(tc, job, desc, sizeof(desc)));
		return;
	}
	if (job->cut_unsure && job->nvalues > 0)
	{
		gr_note_add(doc, "row_ambiguous", job->label_off,
					"%s与相邻一行之间的行名被隔断，有两种分法且都说得通，其间的数值属于哪一行无法确定，整行记为空值",
					row_desc(tc, job, desc, sizeof(desc)));
		return;
	}
	if (job->nvalues == w)
	{
		choose_values_in_order(doc, job);
		if (tc->check && job->scattered && !row_adds_up(tc, job))
		{
			/* a publisher's slip is read as printed, but only on a row printed as a row */
			gr_note_add(doc, "row_scattered", job->label_off,
						"%s的 %d 个数值分散在多行，且不符合本表的合计关系，可能属于相邻行，整行记为空值",
						row_desc(tc, job, desc, sizeof(desc)), w);
			forget_row(job);
			job->withheld = true;
			job->withheld_as = APART_FROM_LABEL;
		}
		else if (tc->check && tc->scattered && values_beside_label(doc, job) != 1 && !row_adds_up(tc, job))
		{
			/*
			 * values apart from the label (one per line, as Word text
			 * prints a row) are a row with a publisher's slip elsewhere,
			 * but in a table read column by column they may be the first
			 * values of the columns that follow
			 */
			gr_note_add(doc, "row_displaced", job->label_off,
						"%s的 %d 个数值不在行名所在的行，且不符合本表的合计关系；本表是按列提取的，这些数值可能属于相邻行或别的列，整行记为空值",
						row_desc(tc, job, desc, sizeof(desc)), w);
			forget_row(job);
			job->withheld = true;
			job->withheld_as = APART_FROM_LABEL;
		}
		else if (tc->check && has_narrow_pair(doc, job) && !row_adds_up(tc, job))
		{
			gr_note_add(doc, "row_ambiguous", job->label_off,
						"%s的 %d 个数值不符合本表的合计关系，其中两个数值只隔一个空格，可能是一个数被提取拆成两段、另有一格空白，无法确定，整行记为空值",
						row_desc(tc, job, desc, sizeof(desc)), w);
			forget_row(job);
			/* the columns may show the two are cells of their own, the row's sum a slip */
			job->withheld = true;
			job->withheld_as = NARROW_PAIR;
		}
		else if (tc->rows_cell_per_line >= 2 && blank_lines_among_cells(doc, job, NULL) > 0 &&
				 (tc->check == NULL || !row_adds_up(tc, job)))
		{
			/*
			 * one cell per line: a blank line among the values is one more
			 * cell than the row has, unless the table's sums show the values
			 * are the row's
			 */
			gr_note_add(doc, "row_ambiguous", job->label_off,
						"%s的 %d 个数值之间还有空行（本表每格一行，空行即空白单元格），单元格多于列数%s，无法确定各列，整行记为空值",
						row_desc(tc, job, desc, sizeof(desc)), w, tc->check ? "，且数值不符合本表的合计关系" : "");
			forget_row(job);
		}
		return;
	}
	if (job->nvalues == 0)
		return;					/* a row printed blank: all NULL */
	row_desc(tc, job, desc, sizeof(desc));
	if (job->nvalues > w && tc->check && job->scattered)
	{
		gr_note_add(doc, "row_scattered", job->label_off,
					"%s读到 %d 个数值（应为 %d 个），分散在多行，可能属于相邻行，无法确定各列，整行记为空值",
					desc, job->nvalues, w);
		return;
	}
	if (job->ncells > 2 * w + 4)
	{
		/* far more cells than the table has columns: no alignment can be trusted */
		gr_note_add(doc, "row_ambiguous", job->label_off,
					"%s读到 %d 个单元格（应为 %d 个），无法确定各列，整行记为空值",
					desc, job->ncells, w);
		return;
	}
	if (job->nvalues < w)
	{
		bool		guessed = false;
		int			readings = place_run_together(tc, job);

		if (readings == 1)
		{
			job->split_alone = true;
			gr_note_add(doc, "digits_split", job->label_off,
						"%s的数字连在一起，按表内合计关系只有一种拆法，据此拆分（该行合计核对因此不再是独立证据）",
						desc);
			return;
		}
		if (readings > 1)
		{
			job->pending = DIGITS_AMBIGUOUS;
			if (!tc->defer_ambiguous)
				note_ambiguous_digits(tc, job);
			return;
		}

		if (place_by_blank_lines(tc, job))
		{
			gr_note_add(doc, "blank_cells_placed", job->label_off,
						"%s只有 %d 个数值（应为 %d 个），本表每格一行，按数值之间的空行确定空白单元格所在列",
						desc, job->nvalues, w);
			return;
		}
		if (place_by_margin_return(tc, job))
		{
			gr_note_add(doc, "blank_cells_placed", job->label_off,
						"%s只有 %d 个数值（应为 %d 个），本表每格一行且各有缩进，其中有数值退到行首（网页转出的文本里空白单元格之后的一格失去缩进），据此确定空白单元格在其前",
						desc, job->nvalues, w);
			return;
		}
		if (job->ncells > job->nvalues && place_by_delimiters(tc, job, &guessed))
		{
			if (guessed)
				gr_note_add(doc, "blank_cells_placed", job->label_off,
							"%s只有 %d 个数值、%d 个空白单元格，按本表其他行的空格位置确定各数值所在列",
							desc, job->nvalues, job->ncells - job->nvalues);
			return;
		}
		if (row_is_layout(doc, job) && place_by_position(tc, job, desc))
			return;
		if (tc->defer_ambiguous && list_blank_placements(tc, job))
			return;
		note_incomplete(tc, job);
		return;
	}
	{
		const char *how = NULL;

		if (place_surplus(tc, job, &how))
		{
			if (strcmp(how, "split_numeral") == 0)
				gr_note_add(doc, "split_numeral", job->label_off,
							"%s读到 %d 个数值（应为 %d 个）：一个数字似被提取拆成两段，合并后本行合计成立，按合并读取",
							desc, job->nvalues, w);
			else
				gr_note_add(doc, "extra_column", job->label_off,
							"%s读到 %d 个数值（应为 %d 个），多出的单元格已忽略",
							desc, job->nvalues, w);
			return;
		}
		gr_note_add(doc, "row_ambiguous", job->label_off,
					"%s读到 %d 个数值（应为 %d 个），无法唯一确定各列，整行记为空值",
					desc, job->nvalues, w);
		forget_row(job);
	}
}

/* Where a cell of table 3 or 4 is, in words; only built for notes. */
typedef struct cell_place
{
	const char *row;			/* row label, or the table-4 group */
	const char *column;
	bool		table4;
} cell_place;

static const char *
place_text(gr_doc *doc, cell_place at)
{
	return at.table4 ? gr_arena_printf(doc->arena, "表四「%s」「%s」", at.row, at.column)
		: gr_arena_printf(doc->arena, "表三「%s」行「%s」列", at.row, at.column);
}

/*
 * A cell whose number extraction broke apart (「96. 1234」, t->broken): which
 * number it held cannot be known, so it is NULL, and the note quotes the
 * whole cell.
 */
static void
note_broken_number(gr_doc *doc, const gr_tok *t, const char *place)
{
	gr_note_add(doc, "number_broken", t->broken_from,
				"%s的单元格「%.*s」里的数字被空格或标点隔开，像是一个被拆开的数，无法确定其值，记为空值",
				place, (int) (t->off + t->len - t->broken_from), doc->text.data + t->broken_from);
}

/* Whether a cell holds a letter (「1I0」, an OCR misreading) rather than only marks (「~~231~~」). */
static bool
has_ascii_letter(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (gr_is_ascii_letter(s[i]))
			return true;
	return false;
}

/* A cell whose numeral OCR misread (「1I0」) or marks hide (「[231]」): NULL, noted where it stands. */
static void
note_misread(gr_doc *doc, const gr_tok *t, const char *place)
{
	const char *cell = doc->text.data + t->off;

	if (gr_is_numeral_word(cell, t->len))
		gr_note_add(doc, "numeral_words", t->off,
					"%s的单元格写的是汉字数字「%.*s」，不是阿拉伯数字，未读取，记为空值",
					place, (int) t->len, cell);
	else if (gr_is_approximate_numeral(cell, t->len))
		gr_note_add(doc, "value_misread", t->off,
					"%s的单元格「%.*s」是约数，确切数值不能确定，记为空值",
					place, (int) t->len, cell);
	else if (has_ascii_letter(cell, t->len))
		gr_note_add(doc, "value_misread", t->off,
					"%s的单元格「%.*s」中有字母混在数字里（可能是识别时把数字认成了字母），数值不能确定，记为空值",
					place, (int) t->len, cell);
	else
		gr_note_add(doc, "value_misread", t->off,
					"%s的单元格「%.*s」中数字带有无法确定含义的符号（脚注标记、删除线、句点或转换留下的标记），数值不能确定，记为空值",
					place, (int) t->len, cell);
}

/*
 * The last word of the text glued to value token 'tok' (「合计45」「共45」),
 * when that word is not the row's label or a merged cell beside it: its
 * bytes, else 0.
 */
static uint32_t
last_glued_word(const gr_doc *doc, const row_job *job, int tok)
{
	gr_tok		word = doc->lx.toks[tok - 1];
	uint32_t	start;

	/* a verbatim text is one word; else its last word starts after a blank */
	for (start = word.verbatim ? 0 : word.len;
		 start > 0 && !gr_is_line_pad(doc->text.data[word.off + start - 1]) &&
		 doc->text.data[word.off + start - 1] != '|'; start--)
		;
	/* a label glued to its first value (「规章478」) */
	if (start == 0 && tok - 1 == job->label_tok)
		return 0;
	word.off += start;
	word.len -= start;
	if (is_label_part(doc, job, &word) || is_beside_part(doc, job, &word) || is_other_label_part(doc, job, &word))
		return 0;
	return word.len;
}

/* Whether text after the row's label is glued to value token 'tok' (rarely so). */
static inline bool
text_glued_before(const gr_doc *doc, const row_job *job, int tok)
{
	const gr_tok *t = &doc->lx.toks[tok];

	return tok > 0 && tok - 1 >= job->label_tok && t[-1].kind == TK_TEXT && t[-1].off + t[-1].len == t->off;
}

/* A value read with a word before it in its cell (lead bytes of it): noted, the word left out. */
static void
note_words_before(gr_doc *doc, const gr_tok *t, uint32_t lead, const char *place)
{
	gr_note_add(doc, "cell_annotation", t->off - lead, "%s的单元格「%.*s」数字前带有文字，只读取数字 %.*s",
				place, (int) (lead + t->len), doc->text.data + t->off - lead, (int) t->num_len,
				doc->text.data + t->off);
}

/* Reads an integer cell of table 3 or 4; NULL with a note when it cannot. */
static void
int_cell(gr_doc *doc, const row_job *job, int col, cell_place at,
		 int32_t *value, bool *isnull)
{
	const gr_tok *t;
	int			tok = job->chosen[col];
	uint32_t	lead;

	*isnull = true;
	*value = 0;
	if (tok < 0)
		return;
	t = &doc->lx.toks[tok];
	if (t->misread)
	{
		note_misread(doc, t, place_text(doc, at));
		return;
	}
	if (job->joined[col])
	{
		if (job->joined_value[col] <= INT32_MAX)
		{
			*value = (int32_t) job->joined_value[col];
			*isnull = false;
		}
		return;
	}
	if (t->kind != TK_NUM)
		return;
	if (t->broken)
	{
		note_broken_number(doc, t, place_text(doc, at));
		return;
	}
	if (t->overflow || t->mantissa > INT32_MAX || t->mantissa < INT32_MIN)
	{
		gr_note_add(doc, "value_overflow", t->off, "%s的数值「%.*s」超出可表示范围，记为空值",
					place_text(doc, at), (int) t->len, doc->text.data + t->off);
		return;
	}
	if (t->scale != 0)
	{
		gr_note_add(doc, "not_integer", t->off, "%s的数值「%.*s」不是整数，记为空值",
					place_text(doc, at), (int) t->len, doc->text.data + t->off);
		return;
	}
	if (t->unit != UNIT_NONE)
	{
		/* 「53万」: not 53, and not a count either */
		gr_note_add(doc, "amount_unit", t->off, "%s的单元格「%.*s」带有「万」「元」这样的单位，不是件数，数值不能确定，记为空值",
					place_text(doc, at), (int) t->len, doc->text.data + t->off);
		return;
	}
	if (t->annotated)
		gr_note_add(doc, "cell_annotation", t->off, "%s的单元格「%.*s」带有注释，只读取数字 %lld",
					place_text(doc, at), (int) t->len, doc->text.data + t->off, (long long) t->mantissa);
	/* table 4's header words are glued to its first value in run-together text */
	if (job->width != GR_T4_CELLS && text_glued_before(doc, job, tok) && (lead = last_glued_word(doc, job, tok)) > 0)
		note_words_before(doc, t, lead, place_text(doc, at));
	*value = (int32_t) t->mantissa;
	*isnull = false;
}

/* ---------------------------------------------------------------- */
/* label matching in the compact text                               */

/* The keywords that recognise one row's label: GR_MAX_KEYS entries, NULL after the last. */
typedef const char *const *row_keys;

/* The length of a word of 'words' the compact text has ending at 'at' (before) or starting there. */
static int
word_beside(const gr_doc *doc, int64_t at, const sized_word *words, bool before)
{
	const char *c = doc->lx.compact;

	for (const sized_word *w = words; w->word; w++)
	{
		int64_t		start = before ? at - w->len : at;

		/* the first two bytes decide most words: an ideograph's lead and second byte */
		if (start >= 0 && start + w->len <= doc->lx.clen && c[start] == w->word[0] &&
			c[start + 1] == w->word[1] && memcmp(c + start, w->word, (size_t) w->len) == 0)
			return w->len;
	}
	return 0;
}

/*
 * Whether a key found at 'hit' starts with a header word that stands among
 * two or more others (「自然人 法人或其他组织 总计」 repeated after a page
 * break, or 「…法律服务机构 其他」 run into 「处理」 of the next line): a
 * column header, not the row label.
 */
static bool
in_header_run(const gr_doc *doc, int64_t hit, int keylen, const sized_word *words)
{
	int			first = word_beside(doc, hit, words, false);
	int			run = 0;
	int			n;

	if (first == 0 || first > keylen)
		return false;
	for (int64_t at = hit; run < 2 && (n = word_beside(doc, at, words, true)) > 0; at -= n)
		run++;
	/* a key that is a header word whole goes on into the words after it */
	for (int64_t at = hit + keylen; first == keylen && run < 2 && (n = word_beside(doc, at, words, false)) > 0; at += n)
		run++;
	return run >= 2;
}

/*
 * Earliest occurrence of any key in [from, to), passing over those that
 * stand in a run of header words; sets *keylen.
 */
static int64_t
earliest_key(const gr_doc *doc, row_keys keys, int64_t from, int64_t to, const sized_word *header_words,
			 int *keylen)
{
	int64_t		best = -1;

	for (int k = 0; k < GR_MAX_KEYS && keys[k]; k++)
	{
		int			len = (int) strlen(keys[k]);
		int64_t		limit = best >= 0 ? best + len : to;
		int64_t		hit = gr_compact_find(doc, keys[k], from, limit);

		while (hit >= 0 && header_words && in_header_run(doc, hit, len, header_words))
			hit = gr_compact_find(doc, keys[k], hit + 1, limit);
		if (hit >= 0 && (best < 0 || hit < best))
		{
			best = hit;
			*keylen = len;
		}
	}
	return best;
}

/*
 * Finds rows in order.  A row whose label first appears after the label of
 * one of the next three rows is taken as absent, so a missing row does not
 * swallow a later one.
 */
static void
match_rows(gr_doc *doc, const row_keys *sets, int nrows, int64_t from, int64_t to,
		   const sized_word *header_words, int64_t *found, int *found_len)
{
	int64_t		cursor = from;
	int64_t    *cache = gr_arena_alloc(doc->arena, sizeof(int64_t) * (size_t) nrows);
	int		   *cache_len = gr_arena_alloc(doc->arena, sizeof(int) * (size_t) nrows);

	for (int i = 0; i < nrows; i++)
	{
		cache[i] = -2;
		found[i] = -1;
	}
	for (int i = 0; i < nrows; i++)
	{
		int64_t		p;
		bool		overtaken = false;

		for (int j = i; j < nrows && j <= i + 3; j++)
			if (cache[j] == -2 || (cache[j] >= 0 && cache[j] < cursor))
				cache[j] = earliest_key(doc, sets[j], cursor, to, header_words, &cache_len[j]);
		p = cache[i];
		if (p < 0)
			continue;
		for (int j = i + 1; j < nrows && j <= i + 3; j++)
			if (cache[j] >= 0 && cache[j] < p)
				overtaken = true;
		if (overtaken)
			continue;
		found[i] = p;
		found_len[i] = cache_len[i];
		cursor = p + cache_len[i];
	}
}

/* ---------------------------------------------------------------- */
/* table 3                                                          */

static bool
check_t3(const int64_t *v, int width)
{
	int64_t		sum = 0;

	(void) width;
	for (int j = 0; j < 6; j++)
		sum += v[j];
	return sum == v[6];
}

static bool
check_t4(const int64_t *v, int width)
{
	(void) width;
	for (int g = 0; g < 3; g++)
	{
		const int64_t *p = v + g * 5;

		if (p[0] + p[1] + p[2] + p[3] != p[4])
			return false;
	}
	return true;
}

static int64_t
first_of(const gr_doc *doc, const char *const *keys, int64_t from, int64_t to)
{
	int64_t		best = -1;

	for (int k = 0; keys[k]; k++)
	{
		int64_t		hit = gr_compact_find(doc, keys[k], from, to);

		if (hit >= 0 && (best < 0 || hit < best))
			best = hit;
	}
	return best;
}

/* Table 3's row label as the template prints it, for build_jobs. */
static const char *
t3_label(int def)
{
	return gr_t3_rows[def].label;
}

/*
 * Reads the rows whose labels were found, expecting 'width' values each (0:
 * not known yet), labelled by label_of (NULL: labels set later); returns
 * the jobs.
 */
static row_job *
build_jobs(gr_doc *doc, const int64_t *found, int nrows, int width, int end_tok,
		   const char *(*label_of) (int def), int *njobs)
{
	row_job    *jobs = gr_arena_alloc0(doc->arena, sizeof(row_job) * (size_t) (nrows + 1));
	int			n = 0;

	int64_t		prev_end = 0;

	for (int i = 0; i < nrows; i++)
	{
		row_job    *job;
		int64_t		start;

		if (found[i] < 0)
			continue;
		job = &jobs[n++];
		job->def = i;
		job->label = label_of ? label_of(i) : NULL;
		job->width = width;
		job->label_coff = found[i];
		job->label_tok = tok_for_compact(doc, found[i]);
		/* the printed label starts at its word: 「一、本年新收…」, not at 「本年新收」 */
		start = found[i];
		while (start > prev_end && start > doc->lx.toks[job->label_tok].coff &&
			   !doc->lx.cword_start[start])
			start--;
		/* and takes its enumerator along: 「(七) 总计」 */
		if (start - 1 > prev_end && doc->lx.compact[start - 1] == ')')
		{
			int64_t		open = start - 2;

			while (open > prev_end && open > start - 12 && doc->lx.compact[open] != '(')
				open--;
			if (doc->lx.compact[open] == '(' && open >= (int64_t) doc->lx.toks[job->label_tok].coff)
				start = open;
		}
		job->label_off = gr_compact_to_off(&doc->lx, (uint32_t) (start));
		prev_end = found[i] + 1;
	}
	for (int r = 0; r < n; r++)
	{
		int			next_tok = r + 1 < n ? jobs[r + 1].label_tok : end_tok;

		jobs[r].end_tok = next_tok > jobs[r].label_tok ? next_tok : jobs[r].label_tok + 1;
		collect_cells(doc, &jobs[r], jobs[r].label_tok + 1, jobs[r].end_tok);
	}
	*njobs = n;
	return jobs;
}

/*
 * Narrows [*lo, *hi) to the text between the labels found for the rows
 * before and after row i, where a row whose label was not found must be.
 */
static void
between_neighbours(const int64_t *found, const int *found_len, int nrows, int i, int64_t *lo, int64_t *hi)
{
	for (int k = i - 1; k >= 0; k--)
		if (found[k] >= 0)
		{
			*lo = found[k] + found_len[k];
			break;
		}
	for (int k = i + 1; k < nrows; k++)
		if (found[k] >= 0)
		{
			*hi = found[k];
			break;
		}
}

/* Longest text put between the two parts of a cut label: a fragment of the merged cell beside it. */
#define INTERLEAVE_MAX 18

/*
 * A key cut in two by other text, 「逾期不」「理」「补正」: the 「（六）其他处理」
 * cell beside the row, printed over two lines, falls between the lines of
 * its label.  Looks for the key split at any character with 1 to
 * INTERLEAVE_MAX bytes of other text between the parts; returns where the
 * first part starts and sets *second and *gap_len, or -1.
 */
static int64_t
find_cut_key(const gr_doc *doc, const char *key, int64_t from, int64_t to, int64_t *second, int *gap_len)
{
	size_t		klen = strlen(key);
	int64_t		best = -1;

	for (size_t k = 3; k + 3 <= klen; k += 3)
	{
		for (int64_t p = from; (p = gr_compact_find_n(doc, key, k, p, to)) >= 0; p += 3)
		{
			int64_t		after = p + (int64_t) k;
			int64_t		q = gr_compact_find_n(doc, key + k, klen - k, after + 1,
											 after + INTERLEAVE_MAX + (int64_t) (klen - k) + 1);

			if (q >= 0 && q + (int64_t) (klen - k) <= to)
			{
				if (best < 0 || p < best)
				{
					best = p;
					*second = q;
					*gap_len = (int) (q - after);
				}
				break;
			}
		}
	}
	return best;
}

/* Number of characters that differ between two short strings (same length), or -1. */
static int
char_distance(const char *a, size_t alen, const char *b, size_t blen)
{
	int			diff = 0;
	size_t		i = 0,
				j = 0;

	while (i < alen && j < blen)
	{
		int32_t		ca,
					cb;
		int			na = gr_utf8_decode((const unsigned char *) a + i, alen - i, &ca);
		int			nb = gr_utf8_decode((const unsigned char *) b + j, blen - j, &cb);

		if (na < 0 || nb < 0)
			return -1;
		if (ca != cb)
			diff++;
		i += (size_t) na;
		j += (size_t) nb;
	}
	return (i == alen && j == blen) ? diff : -1;
}

/*
 * Whether a key of row def may be matched with a typo: four ideographs or
 * more, and no other row's label one character away from it (that label
 * would be found as this row).  A property of the template, worked out once.
 */
static bool
key_is_loose_enough(int def, int k)
{
	static signed char known[GR_T3_ROWS_MAX][GR_MAX_KEYS];	/* 1 yes, -1 no, 0 not yet */
	const char *key = gr_t3_rows[def].keys[k];
	size_t		klen = strlen(key);
	bool		loose = klen >= 12;

	if (known[def][k] != 0)
		return known[def][k] > 0;
	for (size_t i = 0; i < klen && loose; i += 3)
		loose = is_ideograph_at(key, klen, i);
	for (int o = 0; o < gr_t3_nrows && loose; o++)
	{
		const char *label = gr_t3_rows[o].label;
		size_t		llen = strlen(label);

		for (size_t p = 0; o != def && p + klen <= llen && loose; p++)
			loose = (label[p] & 0xC0) == 0x80 || char_distance(label + p, klen, key, klen) != 1;
	}
	known[def][k] = loose ? 1 : -1;
	return loose;
}

/*
 * How many ideographs differ between two runs of ideographs of 'len'
 * bytes; *at: the byte offset of the last that does.
 */
static int
ideographs_apart(const char *a, const char *b, size_t len, size_t *at)
{
	int			diff = 0;

	for (size_t i = 0; i < len; i += 3)
		if (a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2])
		{
			diff++;
			*at = i;
		}
	return diff;
}

/* Whether the two ideographs at s (6 bytes) stand together in a label or merged cell of table 3. */
static bool
pair_in_table3_text(const char *s)
{
	if (in_t3_labels(s, 6))
		return true;
	for (int h = 0; gr_t3_headings[h]; h++)
		if (gr_find_bytes(gr_t3_headings[h], strlen(gr_t3_headings[h]), s, 6) != NULL)
			return true;
	return false;
}

/*
 * Whether the character that differs from the key, at an end of the window
 * c[p, q), belongs with the text beside it instead: 「作不明确」 where a
 * line was lost between 「另行制作」 and 「不明确」 is no typo of 仍不明确.
 */
static bool
edge_belongs_beside(const char *c, int64_t clen, int64_t p, int64_t q, size_t differs)
{
	if (differs == 0)
		return p >= 3 && is_ideograph_at(c, (size_t) clen, (size_t) p - 3) && pair_in_table3_text(c + p - 3);
	if ((int64_t) differs == q - p - 3)
		return is_ideograph_at(c, (size_t) clen, (size_t) q) && pair_in_table3_text(c + q - 3);
	return false;
}

/*
 * Where key (all ideographs) stands in compact [from, to) with exactly one
 * ideograph changed, once only; else -1.
 */
static int64_t
find_misspelt_key(const gr_doc *doc, const char *key, int64_t from, int64_t to)
{
	const char *c = doc->lx.compact;
	size_t		klen = strlen(key);
	int64_t		at = -1;
	unsigned	seen = 0;

	if (to > doc->lx.clen)
		to = doc->lx.clen;
	for (int64_t p = from; p < to; p++)
	{
		int64_t		q = p;
		size_t		differs = 0;

		gr_interrupt_every(&seen);
		if ((c[p] & 0xC0) == 0x80)
			continue;
		/* a window of as many ideographs as the key: OCR misreads one as another */
		while (q < p + (int64_t) klen && q < to && is_ideograph_at(c, (size_t) to, (size_t) q))
			q += 3;
		if (q != p + (int64_t) klen || ideographs_apart(c + p, key, klen, &differs) != 1 ||
			edge_belongs_beside(c, doc->lx.clen, p, q, differs))
			continue;
		if (at >= 0)
			return -1;
		at = p;
	}
	return at;
}

/*
 * A row of table 3 whose label was not found may be printed with a typo
 * (OCR's 「大量反夏」 for 大量反复): one of its keys that may be, between the
 * rows found before and after it, with one ideograph changed.  Noted.
 */
static void
find_misspelt_rows(gr_doc *doc, int64_t from, int64_t to, int64_t *found, int *found_len)
{
	bool		has_36 = false,
				has_36x = false;

	/* the rows found tell the form: a row of the other form is not missing */
	for (int i = 0; i < gr_t3_nrows; i++)
		if (found[i] >= 0)
		{
			has_36 |= strcmp(gr_t3_rows[i].code, "3.6") == 0;
			has_36x |= strncmp(gr_t3_rows[i].code, "3.6.", 4) == 0;
		}
	for (int i = 0; i < gr_t3_nrows; i++)
	{
		int64_t		lo = from,
					hi = to;
		int			key = -1;

		if (found[i] >= 0 || ((has_36 || has_36x) && !gr_t3_row_in_form(gr_t3_rows[i].code, has_36x)))
			continue;
		between_neighbours(found, found_len, gr_t3_nrows, i, &lo, &hi);
		/* the key found first: the label starts there (its values may stand beside it) */
		for (int k = 0; k < GR_MAX_KEYS && gr_t3_rows[i].keys[k]; k++)
		{
			int64_t		at;

			if (key_is_loose_enough(i, k) &&
				(at = find_misspelt_key(doc, gr_t3_rows[i].keys[k], lo, hi)) >= 0 &&
				(found[i] < 0 || at < found[i]))
			{
				found[i] = at;
				key = k;
			}
		}
		if (found[i] < 0)
			continue;
		found_len[i] = (int) strlen(gr_t3_rows[i].keys[key]);
		gr_note_add(doc, "row_label_variant", gr_compact_to_off(&doc->lx, (uint32_t) found[i]),
					"表三「%s」行的行名印作「%.*s」（应为「%s」），按该行读取",
					gr_t3_rows[i].label, found_len[i], doc->lx.compact + found[i], gr_t3_rows[i].keys[key]);
	}
}

/* What the row found at found[i], and the row before it, read with the rows as found. */
typedef struct row_pair_reading
{
	int			complete;		/* how many of the two get exactly their width of values */
	int			first_cell[2];	/* token of the first cell of each, -1 none */
	int			ncells[2];
} row_pair_reading;

static void move_to_label_starts(gr_doc *doc, int nrows, int64_t from, int64_t *found, int *found_len);

/*
 * How template row i and the row before it read when row i starts at
 * compact offset 'start', the other rows starting where the reading will
 * start them (move_to_label_starts): a row found by a key after its values
 * (「7.属于行政」「0 0 …」「执法案卷」) would else read the values after it.
 */
static row_pair_reading
read_row_pair(gr_doc *doc, const int64_t *found, const int *found_len, int nrows, int64_t from, int i,
			  int end_tok, int64_t start)
{
	int64_t		moved[GR_T3_ROWS_MAX];
	int			moved_len[GR_T3_ROWS_MAX];
	int			njobs;
	row_job    *jobs;
	row_pair_reading rp;

	memcpy(moved, found, sizeof(int64_t) * (size_t) nrows);
	memcpy(moved_len, found_len, sizeof(int) * (size_t) nrows);
	moved[i] = start;
	move_to_label_starts(doc, nrows, from, moved, moved_len);
	jobs = build_jobs(doc, moved, nrows, GR_T3_COLS, end_tok, t3_label, &njobs);
	memset(&rp, 0, sizeof(rp));
	rp.first_cell[0] = rp.first_cell[1] = -1;
	for (int r = 0; r < njobs; r++)
	{
		int			which = jobs[r].def == i ? 1 : (r + 1 < njobs && jobs[r + 1].def == i) ? 0 : -1;

		if (which < 0)
			continue;
		rp.complete += jobs[r].nvalues == GR_T3_COLS;
		rp.first_cell[which] = jobs[r].ncells > 0 ? jobs[r].cells[0] : -1;
		rp.ncells[which] = jobs[r].ncells;
	}
	return rp;
}

/* A label read across the merged cell's fragment that cut it; from_first: the row starts at its first part. */
static void
note_label_cut(gr_doc *doc, int i, int64_t first, int64_t second, int gap, bool from_first)
{
	gr_note_add(doc, "row_label_cut", gr_compact_to_off(&doc->lx, (uint32_t) first),
				"表三「%s」行的行名被「%.*s」隔断（相邻合并单元格的文字），按行名读取，该行从%s部分算起",
				gr_t3_rows[i].label, gap, doc->lx.compact + second - gap, from_first ? "前一" : "后一");
}

/*
 * Table-3 rows not found because their label was cut by a fragment of the
 * merged group cell beside them.  The row starts at the first part of its
 * label or at the second, whichever gives it and the row before it their
 * seven values; when both give the two rows other cells equally well, the
 * row stays unread.
 */
static void
find_cut_rows(gr_doc *doc, const row_keys *sets, int nrows, int64_t from, int64_t to, int end_tok,
			  int64_t *found, int *found_len, bool *unsure)
{
	for (int i = 0; i < nrows; i++)
	{
		int64_t		lo = from,
					hi = to,
					first = -1,
					second = -1;
		int			gap = 0,
					key = -1;

		if (found[i] >= 0)
			continue;
		between_neighbours(found, found_len, nrows, i, &lo, &hi);
		for (int k = 0; k < GR_MAX_KEYS && sets[i][k] && first < 0; k++)
		{
			first = find_cut_key(doc, sets[i][k], lo, hi, &second, &gap);
			key = k;
		}
		if (first < 0)
			continue;
		{
			row_pair_reading at_first = read_row_pair(doc, found, found_len, nrows, from, i, end_tok, first),
						at_second = read_row_pair(doc, found, found_len, nrows, from, i, end_tok, second);
			bool		same;

			/* both starts may give the two rows the same cells */
			same = memcmp(at_first.first_cell, at_second.first_cell, sizeof(at_first.first_cell)) == 0 &&
				memcmp(at_first.ncells, at_second.ncells, sizeof(at_first.ncells)) == 0;
			if (at_first.complete == at_second.complete && !same)
			{
				/* the values between the label's two parts may be this row's or the one's before */
				found[i] = first;
				found_len[i] = (int) strlen(sets[i][key]) + gap;
				unsure[i] = true;
				continue;
			}
			/* the label runs to the end of its second part, over the fragment between */
			found[i] = at_first.complete >= at_second.complete ? first : second;
			found_len[i] = (int) strlen(sets[i][key]) + gap - (int) (found[i] - first);
			note_label_cut(doc, i, first, second, gap, found[i] == first);
		}
	}
}

/*
 * A row found by a later key of its label while its first key stands cut
 * before it by a merged cell's fragment, its values beside the first part:
 * 「1.申请人无正当理由逾  72 2 14 …」「处理」「期不补正、行政机关不」.  The row
 * starts at the first part when that reads more complete rows (it and its
 * neighbour) than where the later key put it.
 */
static void
move_to_cut_starts(gr_doc *doc, const row_keys *sets, int nrows, int64_t from, int64_t to, int end_tok,
				   int64_t *found, int *found_len, bool *unsure)
{
	for (int i = 0; i < nrows; i++)
	{
		const char *key = sets[i][0];
		size_t		klen = key ? strlen(key) : 0;
		int64_t		lo = from,
					hi = to,
					at = found[i],
					first,
					second = -1;
		int			gap = 0;
		row_pair_reading at_first,
					at_key;

		if (at < 0 || key == NULL ||
			(at + (int64_t) klen <= doc->lx.clen && memcmp(doc->lx.compact + at, key, klen) == 0))
			continue;
		between_neighbours(found, found_len, nrows, i, &lo, &hi);
		first = find_cut_key(doc, key, lo, hi, &second, &gap);
		if (first < 0 || first >= at)
			continue;
		at_first = read_row_pair(doc, found, found_len, nrows, from, i, end_tok, first);
		at_key = read_row_pair(doc, found, found_len, nrows, from, i, end_tok, at);
		if (at_first.complete < at_key.complete)
			continue;
		if (at_first.complete == at_key.complete && at_first.first_cell[1] != at_key.first_cell[1])
		{
			/*
			 * the row reads as fully from either start (the values beside the
			 * first part, or those after the key): which are its own is not
			 * known, as when the next row's label was not found
			 */
			unsure[i] = at_key.ncells[1] > 0;
			continue;
		}
		found[i] = first;
		found_len[i] = (int) klen + gap;
		note_label_cut(doc, i, first, second, gap, true);
	}
}

/* Where a template label's text begins after its enumerator (「1.」「（一）」「一、」). */
static const char *
after_enumerator(const char *label)
{
	const char *close;

	if (label[0] >= '0' && label[0] <= '9')
	{
		while (*label >= '0' && *label <= '9')
			label++;
		return *label == '.' ? label + 1 : label;
	}
	if (strncmp(label, "（", 3) == 0 && (close = strstr(label, "）")) != NULL && close - label <= 9)
		return close + 3;
	if (strncmp(label + 3, "、", 3) == 0)
		return label + 6;
	return label;
}

/* Whether one of keys is printed whole at compact offset at, len bytes long. */
static bool
key_at(const gr_doc *doc, row_keys keys, int64_t at, int len)
{
	for (int k = 0; k < GR_MAX_KEYS && keys[k]; k++)
		if ((int) strlen(keys[k]) == len && at + len <= (int64_t) doc->lx.clen &&
			memcmp(doc->lx.compact + at, keys[k], (size_t) len) == 0)
			return true;
	return false;
}

/* The length of the UTF-8 character that ends s[0, end). */
static size_t
char_before(const char *s, int64_t end)
{
	size_t		n = 1;

	while ((int64_t) n < end && ((unsigned char) s[end - n] & 0xC0) == 0x80)
		n++;
	return n;
}

/* Whether the character c[0, n) is one of heading's (its full-width brackets folded, as compact text has them). */
static bool
heading_has_char(const char *heading, const char *c, size_t n)
{
	if (heading == NULL)
		return false;
	if (n == 1 && (c[0] == '(' || c[0] == ')'))
		return strstr(heading, c[0] == '(' ? "（" : "）") != NULL;
	return gr_find_bytes(heading, strlen(heading), c, n) != NULL;
}

/*
 * Whether the token before the text at compact offset k is a null mark that
 * reads text[0, len): a label's first word alone on its line that is also a
 * blank cell's mark (「4.」「无」「正」「当」…), read as a blank cell, so that
 * the compact text lacks it.  The row then starts after it, and it is no
 * cell of the row.
 */
static bool
null_mark_before(const gr_doc *doc, int64_t k, const char *text, size_t len)
{
	int			t = tok_for_compact(doc, k) - 1;
	const gr_tok *mark;

	while (t >= 0 && doc->lx.toks[t].kind == TK_EMPTY)
		t--;
	if (t < 0)
		return false;
	mark = &doc->lx.toks[t];
	return mark->kind == TK_NULLMARK && !mark->misread && mark->len == len &&
		memcmp(doc->text.data + mark->off, text, len) == 0;
}

/*
 * Where text[0, len) is printed just before compact offset 'end' and after
 * 'lo', read backwards, passing over characters of the merged cells beside
 * table-3 row 'code' (「（四）无法提」「供」 cut into 「2.没有现成信息需要」) where
 * the label's do not go on; its first word may stand as a blank cell just
 * before (see null_mark_before); -1 when it is not there.
 */
static int64_t
label_text_before(const gr_doc *doc, const char *code, const char *text, size_t len, int64_t lo, int64_t end)
{
	const char *compact = doc->lx.compact;
	const char *beside[2] = {gr_t3_result_heading(code), gr_t3_group_heading(code)};
	int64_t		k = end;
	int64_t		first = end;	/* the label's first character found so far */
	size_t		want = len;

	while (want > 0)
	{
		size_t		n;

		if (k - lo < 1)
			return -1;
		n = char_before(compact, k);
		if ((int64_t) n > k - lo)
			return -1;
		if (n <= want && memcmp(compact + k - n, text + want - n, n) == 0)
		{
			want -= n;
			first = k - (int64_t) n;
		}
		else if (null_mark_before(doc, k, text, want))
			break;				/* the row starts after it, and after the merged cell's characters */
		else if (!heading_has_char(beside[0], compact + k - n, n) && !heading_has_char(beside[1], compact + k - n, n))
			return -1;
		k -= (int64_t) n;
	}
	return first;
}

/*
 * Where the label's enumerator (「一、」「（一）」「1.」, its brackets folded as
 * compact text has them, a digit's stop printed 「.」 or 「、」) is printed
 * just before compact offset 'at' and after 'lo'; else 'at'.  A grid whose
 * label column is narrow prints it alone on the row's first line, with the
 * values beside it (reStructuredText from pandoc: 「| 一、 | | 45 | …」).
 */
static int64_t
enumerator_before(const gr_doc *doc, const char *label, const char *text, int64_t lo, int64_t at)
{
	const char *compact = doc->lx.compact;
	char		folded[32];
	size_t		n = 0;

	for (const char *p = label; p < text && n + 3 < sizeof(folded);)
	{
		if (strncmp(p, "（", 3) == 0 || strncmp(p, "）", 3) == 0)
		{
			folded[n++] = p[2] == '\x88' ? '(' : ')';
			p += 3;
		}
		else
			folded[n++] = *p++;
	}
	if (n == 0 || at - lo < (int64_t) n)
		return at;
	if (memcmp(compact + at - n, folded, n) == 0)
		return at - (int64_t) n;
	/* 「1、」 for 「1.」 */
	if (folded[n - 1] == '.' && at - lo >= (int64_t) n + 2 && memcmp(compact + at - n - 2, folded, n - 1) == 0 &&
		memcmp(compact + at - 3, "、", 3) == 0)
		return at - (int64_t) n - 2;
	return at;
}

/*
 * A label printed over several lines with its key on a later line than its
 * start, its values beside the first lines: 「6.」「属于四类  1 0 0 …」
 * 「过程性信息」, as a narrow column of a web page or a Word table wraps it.
 * When the template's text before the key is printed just before it, the
 * row starts there, so that the values beside it are its own rather than
 * left over while the row reads the next row's values after its key.
 */
static void
move_to_label_starts(gr_doc *doc, int nrows, int64_t from, int64_t *found, int *found_len)
{
	const char *compact = doc->lx.compact;
	int64_t		lo = from;		/* the end of the key of the row found before */

	for (int i = 0; i < nrows; i++)
	{
		const char *label = t3_label(i);
		const char *text = after_enumerator(label);
		const char *key;
		int64_t		start;

		/* a row found by one of its keys whole: not one whose start a cut label already chose */
		if (found[i] < 0 || !key_at(doc, gr_t3_rows[i].keys, found[i], found_len[i]))
			continue;
		key = gr_find_bytes(text, strlen(text), compact + found[i], (size_t) found_len[i]);
		start = key ? label_text_before(doc, gr_t3_rows[i].code, text, (size_t) (key - text), lo, found[i]) : -1;
		if (start >= 0)
			start = enumerator_before(doc, label, text, lo, start);
		/* only a start in an earlier token moves the row: build_jobs finds one in the key's own */
		if (start >= 0 && start < found[i] && start < (int64_t) doc->lx.toks[tok_for_compact(doc, found[i])].coff)
		{
			found_len[i] += (int) (found[i] - start);
			found[i] = start;
		}
		lo = found[i] + found_len[i];
	}
}

/* The row found next after template row def, else the last row found in template order. */
static const row_job *
next_row_in_template(const row_job *jobs, int njobs, int def)
{
	const row_job *next = NULL;
	const row_job *last = NULL;

	for (int r = 0; r < njobs; r++)
	{
		if (jobs[r].def > def && (next == NULL || jobs[r].def < next->def))
			next = &jobs[r];
		if (last == NULL || jobs[r].def > last->def)
			last = &jobs[r];
	}
	return next ? next : last;
}

/* The row whose label comes first after token tok, or NULL. */
static const row_job *
next_row_after(const row_job *jobs, int njobs, int tok)
{
	const row_job *next = NULL;

	for (int r = 0; r < njobs; r++)
		if (jobs[r].label_tok > tok && (next == NULL || jobs[r].label_tok < next->label_tok))
			next = &jobs[r];
	return next;
}

/*
 * Numbers inside the table that no row took (values printed before a label
 * that was found only on its next line, say) would otherwise vanish without
 * a word: each run of them is noted where it starts.
 */
static int
note_unplaced_numbers(table_ctx *tc, const row_job *jobs, int njobs)
{
	gr_doc	   *doc = tc->doc;
	int			lo = INT32_MAX;
	int			hi = -1;
	bool	   *taken;
	gr_buf		run = {0};
	int			run_start = -1;
	int			run_count = 0;
	int			unplaced_total = 0;

	for (int r = 0; r < njobs; r++)
	{
		if (jobs[r].label_tok < lo)
			lo = jobs[r].label_tok;
		/* to the end of the rows' reach: numbers after the last row's cells went astray too */
		if (jobs[r].end_tok - 1 > hi)
			hi = jobs[r].end_tok - 1;
		for (int i = 0; i < jobs[r].ncells; i++)
		{
			if (jobs[r].cells[i] < lo)
				lo = jobs[r].cells[i];
			if (jobs[r].cells[i] > hi)
				hi = jobs[r].cells[i];
		}
	}
	if (hi < lo)
		return 0;
	taken = gr_arena_alloc0(doc->arena, (size_t) (hi - lo + 1));
	for (int r = 0; r < njobs; r++)
		for (int i = 0; i < jobs[r].ncells; i++)
			taken[jobs[r].cells[i] - lo] = true;
	for (int t = lo; t <= hi + 1; t++)
	{
		const gr_tok *tok = t <= hi ? &doc->lx.toks[t] : NULL;
		bool		unplaced = tok && tok->kind == TK_NUM && !taken[t - lo];

		if (unplaced)
		{
			unplaced_total++;
			if (run_count++ == 0)
				run_start = t;
			if (run_count <= 8)
			{
				if (run.len)
					gr_buf_append(doc->arena, &run, " ", 1);
				gr_buf_append(doc->arena, &run, doc->lx.text->data + tok->off, tok->num_len ? tok->num_len : tok->len);
			}
		}
		else if (run_count > 0 && (tok == NULL || is_value(tok) || taken[t - lo]))
		{
			const row_job *next = next_row_after(jobs, njobs, run_start);
			const char *empty_next = next && next->nvalues == 0 ?
				gr_arena_printf(doc->arena, "；其后的「%s」行没有读到数值", next->label) : "";

			gr_note_add(doc, "numbers_unplaced", doc->lx.toks[run_start].off,
						"%s中的 %d 个数值「%s%s」不在任何一行的数值之列%s，无法确定属于哪一行，已略过",
						tc->name, run_count, run.data, run_count > 8 ? " …" : "", empty_next);
			run.len = 0;
			run_count = 0;
		}
	}
	return unplaced_total;
}

/* The first value a row read, -1 none. */
static int
first_chosen(const row_job *job)
{
	int			first = -1;

	for (int j = 0; j < job->width; j++)
		if (job->chosen[j] >= 0 && (first < 0 || job->chosen[j] < first))
			first = job->chosen[j];
	return first;
}

/* Whether line holds, among tokens [from, to), a piece of the row's own label. */
static bool
line_has_label_part(const gr_doc *doc, const row_job *job, int line, int from, int to)
{
	for (int t = from; t < to; t++)
		if (doc->lx.toks[t].line == line && is_label_part(doc, job, &doc->lx.toks[t]))
			return true;
	return false;
}

/*
 * A row whose values stand on lines after its label's key, while numbers
 * that no row took stand between the row before it and that key: a label
 * printed over several lines, its key on a late one (「6.」「属于四类」…
 * 「过程性信息」), has its values beside its first lines, and what follows the
 * key is then the next row's.  When such numbers stand beside a piece of the
 * row's own label, either run may be its values, and its label's start
 * cannot show which (a merged cell's fragments cut into it): the row is NULL
 * with a note.
 */
static void
withhold_rows_after_strays(table_ctx *tc, row_job *jobs, int njobs)
{
	gr_doc	   *doc = tc->doc;
	const gr_tok *toks = doc->lx.toks;
	/* a cell or the label of some row */
	bool	   *owned = gr_arena_alloc0(doc->arena, (size_t) doc->lx.ntoks + 1);
	char		desc[512];

	for (int r = 0; r < njobs; r++)
	{
		for (int i = 0; i < jobs[r].ncells; i++)
			owned[jobs[r].cells[i]] = true;
		if (jobs[r].label_tok >= 0)
			owned[jobs[r].label_tok] = true;
	}
	for (int r = 0; r < njobs; r++)
	{
		row_job    *job = &jobs[r];
		int			first = first_chosen(job);
		int			reach = job->label_tok - 1;	/* where the rows before this one end */
		int			strays = 0;
		bool		beside_own_label = false;

		if (first < 0 || first < job->label_tok || toks[first].line <= toks[job->label_tok].line)
			continue;
		while (reach >= 0 && !owned[reach])
			reach--;
		if (reach < 0)
			continue;
		for (int t = reach + 1; t < job->label_tok; t++)
			if (toks[t].kind == TK_NUM)
			{
				strays++;
				beside_own_label |= line_has_label_part(doc, job, toks[t].line, reach + 1, job->label_tok);
			}
		if (!beside_own_label)
			continue;
		forget_row(job);
		gr_note_add(doc, "row_ambiguous", job->label_off,
					"%s的数值印在行名关键词之后的行上，而它与上一行之间另有 %d 个数值未归入任何一行（行名分印多行时，数值在其前几行旁）：两组数值都可能属于此行，整行记为空值",
					row_desc(tc, job, desc, sizeof(desc)), strays);
	}
}

/*
 * Rows that read no value at all are taken as printed blank, unless some of
 * the table's numbers went astray (no row took them, or a row read more than
 * its width): then they may be those rows' values, and each blank row says so.
 * heading_def: a row that only heads sub-rows (-1: none).
 */
static void
note_blank_rows_if_astray(table_ctx *tc, const row_job *jobs, int njobs, int unplaced, int heading_def)
{
	bool		astray = unplaced > 0;
	char		desc[512];

	for (int r = 0; r < njobs && !astray; r++)
		astray = jobs[r].nvalues > jobs[r].width;
	if (!astray)
		return;
	for (int r = 0; r < njobs; r++)
		if (jobs[r].nvalues == 0 && !jobs[r].displaced && jobs[r].def != heading_def)
			gr_note_add(tc->doc, "row_blank", jobs[r].label_off,
						"%s没有读到数值，而本表有数值未能归入其所在行（见本表其他说明），可能就是此行的，整行记为空值",
						row_desc(tc, &jobs[r], desc, sizeof(desc)));
}

/* The first word of Chinese numerals standing alone in text [s, s+len), or NULL. */
static const char *
numeral_word_in(const char *s, size_t len, size_t *word_len)
{
	for (size_t i = 0; i < len;)
	{
		size_t		j = i;

		while (j < len && s[j] != ' ')
			j++;
		if (gr_is_numeral_word(s + i, j - i))
		{
			*word_len = j - i;
			return s + i;
		}
		i = j + 1;
	}
	return NULL;
}

/* Whether a text cell holds a word of Chinese numerals standing alone (「零」「十二」). */
static bool
holds_numeral_word(const char *s, size_t len)
{
	size_t		word_len;

	return numeral_word_in(s, len, &word_len) != NULL;
}

/*
 * Whether a text cell looks like a number the reader could not read: digits
 * with at most three other characters (「¥96.1234」「96.1234千元」「8万余元」);
 * not a label's enumerator (「3.其他」「3、其他」).
 */
static bool
is_unread_number(const char *s, size_t len)
{
	int			digits = 0,
				others = 0;
	size_t		lead = 0;

	while (lead < len && s[lead] >= '0' && s[lead] <= '9')
		lead++;
	if (lead > 0 && lead < len && (s[lead] == '.' || s[lead] == ')' || (len - lead >= 3 && memcmp(s + lead, "、", 3) == 0)) &&
		!(lead + 1 < len && s[lead + 1] >= '0' && s[lead + 1] <= '9'))
		return false;
	for (size_t i = 0; i < len; i++)
	{
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] != '.' && s[i] != ',' && ((unsigned char) s[i] & 0xC0) != 0x80)
			others++;			/* a character's first byte */
	}
	return digits > 0 && others <= 3;
}

/*
 * In a row that read no number, the first text token from 'from' (its
 * label's token or the one after) that 'holds' says holds a number the
 * reader does not read; -1 when none or the row read a number.
 */
static int
unread_text_in_row(const gr_doc *doc, const row_job *job, int from, bool (*holds) (const char *, size_t))
{
	if (job->nvalues > 0 || job->label_tok < 0)
		return -1;
	for (int t = from; t < job->end_tok; t++)
	{
		const gr_tok *tok = &doc->lx.toks[t];

		if (tok->kind == TK_TEXT && holds(doc->text.data + tok->off, tok->len))
			return t;
	}
	return -1;
}

/*
 * Rows that read no number while their cells hold numbers the reader does
 * not read, which would otherwise look blank for no visible reason:
 * - Chinese numerals (「零」「十二」): the table was written out in words.
 *   One note per table, at the first such word; one_row_table: table 4,
 *   read as one row of fifteen cells.
 * - digits with a mark or word the reader does not know (「¥96.1234」): one
 *   note per row.
 */
static void
note_unread_rows(table_ctx *tc, const row_job *jobs, int njobs, bool one_row_table)
{
	const gr_doc *doc = tc->doc;
	const char *first = NULL;
	size_t		first_len = 0;
	int			nrows = 0;

	for (int r = 0; r < njobs; r++)
	{
		int			t = unread_text_in_row(doc, &jobs[r], jobs[r].label_tok, holds_numeral_word);

		if (t >= 0 && nrows++ == 0)
			first = numeral_word_in(doc->text.data + doc->lx.toks[t].off, doc->lx.toks[t].len, &first_len);
	}
	if (nrows > 0 && one_row_table)
		gr_note_add(tc->doc, "numeral_words", (uint32_t) (first - doc->text.data),
					"%s的单元格写的是汉字数字（如「%.*s」），不是阿拉伯数字，未读取，各单元格记为空值",
					tc->name, (int) first_len, first);
	else if (nrows > 0)
		gr_note_add(tc->doc, "numeral_words", (uint32_t) (first - doc->text.data),
					"%s有 %d 行的单元格写的是汉字数字（如「%.*s」），不是阿拉伯数字，未读取，这些行记为空值",
					tc->name, nrows, (int) first_len, first);
	for (int r = 0; r < njobs; r++)
	{
		int			t = unread_text_in_row(doc, &jobs[r], jobs[r].label_tok + 1, is_unread_number);

		if (t >= 0)
			gr_note_add(tc->doc, "value_misread", doc->lx.toks[t].off,
						"%s「%s」行没有读到数值，其单元格「%.*s」含有数字，却带有无法确定含义的符号或文字，未读取，记为空值",
						tc->name, jobs[r].label, (int) doc->lx.toks[t].len, doc->text.data + doc->lx.toks[t].off);
	}
}

/*
 * Rows of the template that table 3 should have but whose labels were not
 * found: their cells are NULL, and one note lists them with their codes (so
 * that they can be matched to govreport.application_row.code), where the
 * first of them would have been: at the row found next in template order, or
 * at the last row found.  form_2021: 「（六）其他处理」 has three sub-rows.
 */
static void
note_missing_t3_rows(gr_doc *doc, const int64_t *found, const row_job *jobs, int njobs, bool form_2021)
{
	gr_buf		list = {0};
	int			nmissing = 0;
	const row_job *at = NULL;

	for (int i = 0; i < gr_t3_nrows; i++)
	{
		const gr_t3_row_def *def = &gr_t3_rows[i];
		char	   *item;

		if (found[i] >= 0 || !gr_t3_row_in_form(def->code, form_2021))
			continue;
		if (nmissing++ == 0)
			at = next_row_in_template(jobs, njobs, i);
		item = gr_arena_printf(doc->arena, "%s「%s」（%s）", list.len ? "、" : "", def->label, def->code);
		gr_buf_append(doc->arena, &list, item, strlen(item));
	}
	if (nmissing > 0)
		gr_note_add(doc, "row_not_found", at->label_off,
					"表三未找到 %d 行：%s，这些行各列记为空值", nmissing, list.data);
}

/*
 * Table 3's column arithmetic over the whole table: per column, 一 + 二 =
 * （七）总计 + 四 (balance), and the results 3.1 … 3.6 add up to （七）总计.
 * Rows read several ways — printed as runs of digits that their own sum
 * cannot split uniquely (the archiver path), or with fewer values than
 * columns and nothing showing where the blanks are — are settled when
 * every choice of their readings that makes the usable equations hold reads
 * them the same way; otherwise they stay NULL.  An equation is usable in a column when each of
 * its rows has a value there; a reading with a blank in a column leaves that
 * column of its equations unchecked.
 */
#define T3_EQUATIONS 2
#define SETTLE_NODE_LIMIT 200000
#define SETTLE_SOLUTION_LIMIT 256

typedef struct t3_unknown
{
	row_job    *job;
	int			coef[T3_EQUATIONS];	/* the row's sign in each equation, 0 if not in it */
	/* over this row and those after it: the least and most it can add, per equation and column */
	int64_t		rest_min[T3_EQUATIONS][GR_T3_COLS];
	int64_t		rest_max[T3_EQUATIONS][GR_T3_COLS];
	/* and whether one of them may leave the column blank */
	bool		rest_may_blank[T3_EQUATIONS][GR_T3_COLS];
} t3_unknown;

typedef struct t3_settle
{
	t3_unknown *vars;
	int			nvars;
	bool		usable[T3_EQUATIONS][GR_T3_COLS];
	int64_t		residual[T3_EQUATIONS][GR_T3_COLS];
	int			blanks[T3_EQUATIONS][GR_T3_COLS];	/* blanks of the readings chosen so far */
	int			choice[GR_T3_ROWS_MAX];
	/* per unknown: the reading every solution so far chose, -1 when two differ */
	int			agreed[GR_T3_ROWS_MAX];
	int			solutions;		/* SETTLE_SOLUTION_LIMIT + 1: too many to list */
	long		nodes;
} t3_settle;

/* A row's value in column col as read, false when it has none. */
static bool
read_value(const gr_doc *doc, const row_job *job, int col, int64_t *v)
{
	if (job->chosen[col] < 0)
		return false;
	if (job->joined[col])
	{
		*v = job->joined_value[col];
		return true;
	}
	return cell_int(&doc->lx.toks[job->chosen[col]], v);
}

/* Whether the partial sums can still reach zero with the rows from i on. */
static bool
still_possible(const t3_settle *st, int i)
{
	const t3_unknown *rest = i < st->nvars ? &st->vars[i] : NULL;

	for (int e = 0; e < T3_EQUATIONS; e++)
		for (int c = 0; c < GR_T3_COLS; c++)
		{
			int64_t		lo = st->residual[e][c] + (rest ? rest->rest_min[e][c] : 0);
			int64_t		hi = st->residual[e][c] + (rest ? rest->rest_max[e][c] : 0);

			if (!st->usable[e][c] || st->blanks[e][c] > 0 || (rest && rest->rest_may_blank[e][c]))
				continue;		/* not checked, or not yet known to be */
			if (lo > 0 || hi < 0)
				return false;
		}
	return true;
}

/* Adds (sign 1) or takes back (sign -1) reading m of unknown u. */
static void
apply_reading(t3_settle *st, const t3_unknown *u, int m, int sign)
{
	const int64_t *reading = u->job->sums[m];

	for (int e = 0; e < T3_EQUATIONS; e++)
		for (int c = 0; c < GR_T3_COLS; c++)
		{
			if (u->coef[e] == 0)
				continue;
			if (reading[c] == NO_VALUE)
				st->blanks[e][c] += sign;
			else
				st->residual[e][c] += sign * u->coef[e] * reading[c];
		}
}

/* Every choice of readings that makes the usable equations hold, up to the limits. */
static void
settle_search(t3_settle *st, int i)
{
	if (st->solutions > SETTLE_SOLUTION_LIMIT)
		return;
	if (++st->nodes > SETTLE_NODE_LIMIT)
	{
		st->solutions = SETTLE_SOLUTION_LIMIT + 1;	/* the search was not finished */
		return;
	}
	if (!still_possible(st, i))
		return;
	if (i == st->nvars)
	{
		for (int k = 0; k < st->nvars; k++)
			st->agreed[k] = st->solutions == 0 ? st->choice[k] :
				st->agreed[k] == st->choice[k] ? st->agreed[k] : -1;
		st->solutions++;
		return;
	}
	for (int m = 0; m < st->vars[i].job->nreadings && st->solutions <= SETTLE_SOLUTION_LIMIT; m++)
	{
		apply_reading(st, &st->vars[i], m, 1);
		st->choice[i] = m;
		settle_search(st, i + 1);
		apply_reading(st, &st->vars[i], m, -1);
	}
}

/* The rows of each equation, as signs by template row; results: the form of 其他处理 printed. */
static void
t3_equation_signs(int coef[GR_T3_ROWS_MAX][T3_EQUATIONS], bool form_2021)
{
	for (int k = 0; k < gr_t3_nrows; k++)
	{
		const char *code = gr_t3_rows[k].code;
		bool		result = gr_t3_is_result(code) && gr_t3_row_in_form(code, form_2021);

		coef[k][0] = strcmp(code, "1") == 0 || strcmp(code, "2") == 0 ? 1 :
			strcmp(code, "3.7") == 0 || strcmp(code, "4") == 0 ? -1 : 0;
		coef[k][1] = result ? 1 : strcmp(code, "3.7") == 0 ? -1 : 0;
	}
}

/* Per equation and column: whether each of its rows has a value there, or readings to choose from. */
static void
find_usable_columns(t3_settle *st, const gr_doc *doc, row_job **by_def, int coef[GR_T3_ROWS_MAX][T3_EQUATIONS])
{
	for (int e = 0; e < T3_EQUATIONS; e++)
		for (int c = 0; c < GR_T3_COLS; c++)
		{
			st->usable[e][c] = true;
			for (int k = 0; k < gr_t3_nrows && st->usable[e][c]; k++)
			{
				const row_job *job = by_def[k];
				int64_t		v;

				if (coef[k][e] == 0)
					continue;
				if (job == NULL)
					st->usable[e][c] = false;
				else if (job->pending != ROW_SETTLED)
					st->usable[e][c] = job->nreadings > 0;
				else
					st->usable[e][c] = read_value(doc, job, c, &v);
			}
		}
}

/* The bounds of what the unknowns from i on can still add. */
static void
bound_the_rest(t3_settle *st)
{
	for (int i = st->nvars - 1; i >= 0; i--)
		for (int e = 0; e < T3_EQUATIONS; e++)
			for (int c = 0; c < GR_T3_COLS; c++)
			{
				t3_unknown *u = &st->vars[i];
				const t3_unknown *next = i + 1 < st->nvars ? &st->vars[i + 1] : NULL;
				int64_t		lo = INT64_MAX,
							hi = INT64_MIN;
				bool		may_blank = false;

				for (int m = 0; m < u->job->nreadings; m++)
				{
					int64_t		r = u->job->sums[m][c];
					int64_t		x = r == NO_VALUE ? 0 : u->coef[e] * r;

					may_blank |= r == NO_VALUE && u->coef[e] != 0;
					lo = x < lo ? x : lo;
					hi = x > hi ? x : hi;
				}
				u->rest_min[e][c] = lo + (next ? next->rest_min[e][c] : 0);
				u->rest_max[e][c] = hi + (next ? next->rest_max[e][c] : 0);
				u->rest_may_blank[e][c] = may_blank || (next && next->rest_may_blank[e][c]);
			}
}

/*
 * An equation none of the unsettled rows takes part in is the same however
 * they are read: when a publisher's slip breaks it, it is left out, so that
 * it does not keep the other equations from settling them.
 */
static void
leave_out_fixed_slips(t3_settle *st)
{
	for (int e = 0; e < T3_EQUATIONS; e++)
	{
		bool		fixed = true;

		for (int i = 0; i < st->nvars; i++)
			fixed &= st->vars[i].coef[e] == 0;
		for (int c = 0; c < GR_T3_COLS && fixed; c++)
			if (st->usable[e][c] && st->residual[e][c] != 0)
				st->usable[e][c] = false;
	}
}

/*
 * When no choice makes every usable column hold, a publisher's slip may
 * break one of them (a total mistyped): the choices that break exactly one
 * column of one equation, whichever it is, are found by leaving each out in
 * turn.  They settle a row only as the others do, when all of them read it
 * alike; a wrong placement or split breaks at least two columns unless its
 * values coincide with the right one's, which then is found alike.  The
 * searches share one node budget.  Returns the note's words on the slip,
 * naming it when all the choices break the same one; NULL when none is found.
 */
static const char *
settle_with_one_slip(t3_settle *st, char *buf, size_t size)
{
	static const char *const equation_names[T3_EQUATIONS] = {
		"第一项加第二项之和等于第三项加第四项之和", "办理结果各项之和等于（七）总计"
	};
	int			agreed[GR_T3_ROWS_MAX];
	int			solutions = 0;
	int			slip_e = -1,
				slip_c = -1;

	for (int e = 0; e < T3_EQUATIONS; e++)
		for (int c = 0; c < GR_T3_COLS; c++)
		{
			if (!st->usable[e][c])
				continue;
			st->usable[e][c] = false;
			st->solutions = 0;
			settle_search(st, 0);
			st->usable[e][c] = true;
			if (solutions + st->solutions > SETTLE_SOLUTION_LIMIT)
			{
				st->solutions = SETTLE_SOLUTION_LIMIT + 1;	/* too many to settle anything */
				return NULL;
			}
			if (st->solutions == 0)
				continue;
			for (int i = 0; i < st->nvars; i++)
				agreed[i] = solutions == 0 || agreed[i] == st->agreed[i] ? st->agreed[i] : -1;
			slip_e = solutions == 0 ? e : -1;
			slip_c = c;
			solutions += st->solutions;
		}
	st->solutions = solutions;
	if (solutions == 0)
		return NULL;
	memcpy(st->agreed, agreed, sizeof(int) * (size_t) st->nvars);
	if (slip_e < 0)
		return "除一处勾稽关系不符（可能是发布时的差错）外，";
	snprintf(buf, size, "除%s列「%s」一处不符（可能是发布时的差错）外，",
			 gr_t3_column_labels[slip_c], equation_names[slip_e]);
	return buf;
}

/* Reads a row as its settled reading says, with the note of how. */
static void
take_reading(table_ctx *tc, row_job *job, const int64_t *reading, const char *slip)
{
	char		desc[512];
	int			run = -1;		/* a run of digits: its (last) value cell */
	int			k = 0;

	row_desc(tc, job, desc, sizeof(desc));
	for (int c = 0; c < job->ncells; c++)
		if (is_value(&tc->doc->lx.toks[job->cells[c]]))
			run = job->cells[c];
	for (int j = 0; j < GR_T3_COLS; j++)
	{
		if (job->pending == BLANKS_UNPLACED)
		{
			/* the values in their order, the blanks where the reading puts them */
			job->chosen[j] = reading[j] == NO_VALUE ? -1 : job->cells[k++];
			continue;
		}
		job->chosen[j] = run;
		job->joined[j] = true;
		job->joined_value[j] = reading[j];
	}
	if (job->pending == BLANKS_UNPLACED)
		gr_note_add(tc->doc, "blank_cells_placed", job->label_off,
					"%s只有 %d 个数值（应为 %d 个），空白单元格有 %d 种可能的位置，%s按表三各列的勾稽关系只有一种成立，据此确定各数值所在列，其余为空（相关各列的核对因此不再是独立证据）",
					desc, job->nvalues, job->width, job->nreadings, slip);
	else
		gr_note_add(tc->doc, "digits_split", job->label_off,
					"%s的数字连在一起，单看本行有 %d 种拆法都能对上合计，%s按表三各列的勾稽关系只有一种成立，据此拆分（本行和相关各列的核对因此不再是独立证据）",
					desc, job->nreadings, slip);
	job->pending = ROW_SETTLED;
}

/*
 * Whether every sum the settling can form stays far inside int64: the
 * magnitudes of all the table's values, per column, add up to less than a
 * quarter of its range.  Cells of up to 18 digits allow absurd tables that
 * would not.
 */
static bool
sums_stay_small(const gr_doc *doc, row_job **by_def)
{
	for (int c = 0; c < GR_T3_COLS; c++)
	{
		uint64_t	total = 0;

		for (int k = 0; k < gr_t3_nrows; k++)
		{
			const row_job *job = by_def[k];
			int64_t		v = 0;
			uint64_t	most = 0;

			if (job == NULL)
				continue;
			if (job->pending == ROW_SETTLED)
				most = read_value(doc, job, c, &v) ? (uint64_t) llabs(v) : 0;
			else
				for (int m = 0; m < job->nreadings; m++)
				{
					v = job->sums[m][c];
					if (v != NO_VALUE && (uint64_t) llabs(v) > most)
						most = (uint64_t) llabs(v);
				}
			if (__builtin_add_overflow(total, most, &total) || total > (uint64_t) INT64_MAX / 4)
				return false;
		}
	}
	return true;
}

static void
settle_by_columns(table_ctx *tc, row_job **by_def, bool form_2021)
{
	int			coef[GR_T3_ROWS_MAX][T3_EQUATIONS];
	t3_unknown	vars[GR_T3_ROWS_MAX];
	t3_settle	st;
	bool		any_pending = false;
	char		slip_words[256];
	const char *slip = "";		/* the slip the choice had to leave out, as the notes word it */

	for (int k = 0; k < gr_t3_nrows; k++)
		any_pending |= by_def[k] && by_def[k]->pending != ROW_SETTLED;
	if (!any_pending || !sums_stay_small(tc->doc, by_def))
		return;
	memset(&st, 0, sizeof(st));
	st.vars = vars;
	t3_equation_signs(coef, form_2021);
	find_usable_columns(&st, tc->doc, by_def, coef);
	for (int k = 0; k < gr_t3_nrows; k++)
	{
		row_job    *job = by_def[k];
		bool		in_usable = false;

		for (int e = 0; e < T3_EQUATIONS; e++)
			for (int c = 0; c < GR_T3_COLS; c++)
				in_usable |= st.usable[e][c] && coef[k][e] != 0;
		if (job == NULL || !in_usable)
			continue;
		if (job->pending != ROW_SETTLED)
		{
			t3_unknown *u = &vars[st.nvars++];

			u->job = job;
			memcpy(u->coef, coef[k], sizeof(u->coef));
			continue;
		}
		for (int c = 0; c < GR_T3_COLS; c++)
		{
			int64_t		v;

			if (read_value(tc->doc, job, c, &v))
				for (int e = 0; e < T3_EQUATIONS; e++)
					st.residual[e][c] += coef[k][e] * v;
		}
	}
	if (st.nvars == 0)
		return;
	leave_out_fixed_slips(&st);
	bound_the_rest(&st);
	settle_search(&st, 0);
	if (st.solutions == 0)
		slip = settle_with_one_slip(&st, slip_words, sizeof(slip_words));
	if (st.solutions == 0 || st.solutions > SETTLE_SOLUTION_LIMIT)
		return;
	/* a row is read when every choice that holds reads it the same way */
	for (int i = 0; i < st.nvars; i++)
		if (st.agreed[i] >= 0)
			take_reading(tc, vars[i].job, vars[i].job->readings[st.agreed[i]], slip);
}

/* ---------------------------------------------------------------- */
/* table 3 read in the order of its numbers                          */

/*
 * pdftotext in its default mode prints a table as blocks of text in reading
 * order: the labels apart from their numbers, and several rows' numbers one
 * after another, a block row by row or column by column (seven groups of k
 * rows each).  When some rows cannot be read by their labels and the numbers
 * between the table's heading and its end are exactly seven per row, they
 * are read in order instead: split into blocks so that every row adds up
 * (its six columns to its total) and the table's column equations hold.
 * The reading is taken only when exactly one set of rows does, and it agrees
 * with every row read by its label; each row it fills says so in a note.
 */
#define ORDER_READINGS_MAX 64

/*
 * A reading of rows r … (the form's rows, in template order): rows r … r+k-1
 * as one block, then reading 'next' of the rows after it.
 */
typedef struct order_reading
{
	int			k;
	int			next;
	uint64_t	hash;			/* of the values of rows r …, however they are split */
} order_reading;

typedef struct order_search
{
	const int64_t *seq;			/* the table's numbers in order */
	int			nrows;			/* the form's rows; seq holds 7 per row */
	/* per first row r: the distinct readings of rows r …; count -1 when too many */
	order_reading (*readings)[ORDER_READINGS_MAX];
	int		   *count;
} order_search;

/*
 * Where row r+i's value in column c stands when rows r … r+k-1 are read as
 * a block of seven groups of k numbers, one group per column.
 */
static inline int
block_index(int r, int k, int i, int c)
{
	return r * GR_T3_COLS + c * k + i;
}

static inline int64_t
block_value(const int64_t *seq, int r, int k, int i, int c)
{
	return seq[block_index(r, k, i, c)];
}

static bool
block_adds_up(const int64_t *seq, int r, int k)
{
	for (int i = 0; i < k; i++)
	{
		int64_t		sum = 0;

		for (int c = 0; c < GR_T3_COLS - 1; c++)
			sum += block_value(seq, r, k, i, c);
		if (sum != block_value(seq, r, k, i, GR_T3_COLS - 1))
			return false;
	}
	return true;
}

/* Walks a reading row by row: the block it stands on, by its first row and its reading there. */
typedef struct order_cursor
{
	const order_search *os;
	int			r;				/* first row of the current block */
	int			idx;			/* its reading among those of row r */
} order_cursor;

/* Index in seq of the value of row 'row' in column c, the cursor standing on its block. */
static int
cursor_index(const order_cursor *cur, int row, int c)
{
	return block_index(cur->r, cur->os->readings[cur->r][cur->idx].k, row - cur->r, c);
}

static int64_t
cursor_value(const order_cursor *cur, int row, int c)
{
	return cur->os->seq[cursor_index(cur, row, c)];
}

/* Moves the cursor on to the block holding 'row'. */
static void
cursor_to(order_cursor *cur, int row)
{
	const order_reading *rd = &cur->os->readings[cur->r][cur->idx];

	if (row >= cur->r + rd->k)
	{
		cur->idx = rd->next;
		cur->r += rd->k;
	}
}

static bool
same_values(const order_search *os, int r, int a, int b)
{
	order_cursor ca = {os, r, a};
	order_cursor cb = {os, r, b};

	for (int row = r; row < os->nrows; row++)
	{
		cursor_to(&ca, row);
		cursor_to(&cb, row);
		for (int c = 0; c < GR_T3_COLS; c++)
			if (cursor_value(&ca, row, c) != cursor_value(&cb, row, c))
				return false;
	}
	return true;
}

static uint64_t
fold_row(uint64_t h, const int64_t *seq, int r, int k, int i)
{
	for (int c = 0; c < GR_T3_COLS; c++)
	{
		h ^= (uint64_t) block_value(seq, r, k, i, c) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
		h *= 0xff51afd7ed558ccdULL;
	}
	return h;
}

/* Adds reading (k, next) of rows r …, unless one with the same values is there. */
static void
add_order_reading(order_search *os, int r, int k, int next)
{
	order_reading *list = os->readings[r];
	uint64_t	h = r + k < os->nrows ? os->readings[r + k][next].hash : 0;

	for (int i = k - 1; i >= 0; i--)
		h = fold_row(h, os->seq, r, k, i);
	if (os->count[r] < 0)
		return;
	if (os->count[r] == ORDER_READINGS_MAX)
	{
		os->count[r] = -1;
		return;
	}
	list[os->count[r]] = (order_reading) {k, next, h};
	for (int i = 0; i < os->count[r]; i++)
		if (list[i].hash == h && same_values(os, r, i, os->count[r]))
			return;
	os->count[r]++;
}

/* Every split of rows r … into blocks that add up, from the last row back. */
static void
search_orders(order_search *os)
{
	os->count[os->nrows] = 1;	/* no rows left: one empty reading */
	for (int r = os->nrows - 1; r >= 0; r--)
	{
		os->count[r] = 0;
		for (int k = 1; r + k <= os->nrows && os->count[r] >= 0; k++)
		{
			int			after = os->count[r + k];

			if (!block_adds_up(os->seq, r, k))
				continue;
			if (after < 0)
				os->count[r] = -1;
			for (int s = 0; s < after; s++)
				add_order_reading(os, r, k, s);
		}
	}
}

/* Whether reading idx of all rows keeps table 3's column equations (form rows defs[]). */
static bool
order_balances(const order_search *os, int idx, const int *defs, bool form_2021)
{
	int			coef[GR_T3_ROWS_MAX][T3_EQUATIONS];
	int64_t		sum[T3_EQUATIONS][GR_T3_COLS] = {{0}};
	order_cursor cur = {os, 0, idx};

	t3_equation_signs(coef, form_2021);
	for (int row = 0; row < os->nrows; row++)
	{
		cursor_to(&cur, row);
		for (int e = 0; e < T3_EQUATIONS; e++)
			for (int c = 0; c < GR_T3_COLS; c++)
				sum[e][c] += coef[defs[row]][e] * cursor_value(&cur, row, c);
	}
	for (int e = 0; e < T3_EQUATIONS; e++)
		for (int c = 0; c < GR_T3_COLS; c++)
			if (sum[e][c] != 0)
				return false;
	return true;
}

/* Whether a row read by its label has a value in any column. */
static bool
row_has_value(const gr_doc *doc, const row_job *job)
{
	int64_t		v;

	if (job == NULL || job->pending != ROW_SETTLED)
		return false;
	for (int c = 0; c < GR_T3_COLS; c++)
		if (read_value(doc, job, c, &v))
			return true;
	return false;
}

/*
 * The numbers of the table in order, as token indexes: false unless every
 * one is an integer a cell can hold (so that sums cannot overflow) and
 * there are exactly seven per row.
 */
static bool
table_numbers(const gr_doc *doc, int from_tok, int end_tok, int nrows, int *toks_out, int64_t *seq)
{
	int			n = 0;

	for (int t = from_tok; t < end_tok; t++)
	{
		const gr_tok *tok = &doc->lx.toks[t];

		if (tok->kind == TK_NULLMARK)
			return false;
		if (tok->kind != TK_NUM)
			continue;
		if (n == nrows * GR_T3_COLS || !cell_int(tok, &seq[n]) || seq[n] > INT32_MAX || seq[n] < INT32_MIN)
			return false;
		toks_out[n++] = t;
	}
	return n == nrows * GR_T3_COLS;
}

/* The one reading of all rows that adds up and balances: its index, or -1. */
static int
unique_order_reading(order_search *os, const int *defs, bool form_2021)
{
	int			found = -1;

	search_orders(os);
	for (int i = 0; i < os->count[0]; i++)
		if (order_balances(os, i, defs, form_2021))
		{
			if (found >= 0)
				return -1;
			found = i;
		}
	return found;
}

/* Drops the notes added since 'mark' that stand at 'pos': a row's reading that gave way. */
static void
drop_row_notes(gr_doc *doc, int mark, int pos)
{
	gr_note    *notes = doc->notes.items;
	int			kept = mark;

	for (int i = mark; i < doc->notes.count; i++)
		if (notes[i].pos != pos)
			notes[kept++] = notes[i];
	doc->notes.count = kept;
}

/* Whether a row of the table has the flag at 'offset' in row_job set (offsetof(row_job, by_position)). */
static bool
any_row_has(row_job **by_def, size_t offset)
{
	for (int k = 0; k < gr_t3_nrows; k++)
		if (by_def[k] && *(const bool *) ((const char *) by_def[k] + offset))
			return true;
	return false;
}

/*
 * Table 3's column equations summed over all their rows, once per check:
 * per equation and column, the signed sum of the rows with a value there,
 * and how many of its rows have none (a row NULL, unsettled or absent, or a
 * sum that would pass int64, figures no report has).
 */
typedef struct column_totals
{
	int64_t		sum[T3_EQUATIONS][GR_T3_COLS];
	int			missing[T3_EQUATIONS][GR_T3_COLS];
} column_totals;

/* Row 'job''s value in column c times 'sign'; false when it has none. */
static bool
signed_value(const gr_doc *doc, const row_job *job, int c, int sign, int64_t *v)
{
	return job != NULL && job->pending == ROW_SETTLED && read_value(doc, job, c, v) &&
		!__builtin_mul_overflow(sign, *v, v);
}

static void
total_columns(const table_ctx *tc, row_job **by_def, int coef[GR_T3_ROWS_MAX][T3_EQUATIONS], column_totals *ct)
{
	for (int e = 0; e < T3_EQUATIONS; e++)
		for (int c = 0; c < GR_T3_COLS; c++)
		{
			ct->sum[e][c] = 0;
			ct->missing[e][c] = 0;
			for (int o = 0; o < gr_t3_nrows; o++)
			{
				int64_t		v;

				if (coef[o][e] == 0)
					continue;
				if (!signed_value(tc->doc, by_def[o], c, coef[o][e], &v))
					ct->missing[e][c]++;
				else if (__builtin_add_overflow(ct->sum[e][c], v, &ct->sum[e][c]))
					ct->missing[e][c] = gr_t3_nrows + 1;	/* past int64: nothing is known */
			}
		}
}

/*
 * What the other rows of table 3's column equations add up to without row
 * k, per equation and column; known[e][c] is false where one of them has no
 * value there, so that the equation cannot hold row k to anything in that
 * column.
 */
static void
sums_without_row(const table_ctx *tc, row_job **by_def, int coef[GR_T3_ROWS_MAX][T3_EQUATIONS], int k,
				 const column_totals *ct, int64_t sum[T3_EQUATIONS][GR_T3_COLS],
				 bool known[T3_EQUATIONS][GR_T3_COLS])
{
	for (int e = 0; e < T3_EQUATIONS; e++)
		for (int c = 0; c < GR_T3_COLS; c++)
		{
			int64_t		own = 0;
			bool		has_own = coef[k][e] != 0 && signed_value(tc->doc, by_def[k], c, coef[k][e], &own);

			sum[e][c] = 0;
			known[e][c] = coef[k][e] != 0 && ct->missing[e][c] == (has_own ? 0 : 1) &&
				!__builtin_sub_overflow(ct->sum[e][c], own, &sum[e][c]);
		}
}

/* How many of the equations and columns 'reading' of the row (sign coef_k) breaks; a blank breaks none. */
static int
broken_equations(const int coef_k[T3_EQUATIONS], const int64_t sum[T3_EQUATIONS][GR_T3_COLS],
				 const bool known[T3_EQUATIONS][GR_T3_COLS], const int64_t *reading)
{
	int			broken = 0;

	for (int e = 0; e < T3_EQUATIONS; e++)
		for (int c = 0; c < GR_T3_COLS; c++)
		{
			int64_t		total;

			if (known[e][c] && reading[c] != NO_VALUE &&
				!__builtin_mul_overflow(coef_k[e], reading[c], &total) &&
				!__builtin_add_overflow(total, sum[e][c], &total))
				broken += total != 0;
		}
	return broken;
}

/* A check of rows against table 3's column equations: their signs, and their sums over all rows. */
typedef struct column_check
{
	int			coef[GR_T3_ROWS_MAX][T3_EQUATIONS];
	column_totals totals;
} column_check;

/* Sets up a check of the rows with the flag at 'offset' set; false when no row has it. */
static bool
start_column_check(const table_ctx *tc, row_job **by_def, bool form_2021, size_t offset, column_check *cc)
{
	if (!any_row_has(by_def, offset))
		return false;
	t3_equation_signs(cc->coef, form_2021);
	total_columns(tc, by_def, cc->coef, &cc->totals);
	return true;
}

/* Withdraws a row's reading and the notes on it that came with it; the sums follow. */
static void
withdraw_row(const table_ctx *tc, row_job **by_def, column_check *cc, row_job *job, int notes_mark)
{
	forget_row(job);
	total_columns(tc, by_def, cc->coef, &cc->totals);
	drop_row_notes(tc->doc, notes_mark, gr_pos(tc->doc, job->label_off));
}

/*
 * The fewest of the equations and columns (sum, known: as sums_without_row
 * gives them) any split of a run of digits into the row's seven numbers
 * breaks, whether or not its own sum holds: cost[k][p] is the fewest the
 * first k numbers break when they take the first p digits.
 */
static int
fewest_broken_by_splits(const char *digits, int len, const int coef_k[T3_EQUATIONS],
						const int64_t sum[T3_EQUATIONS][GR_T3_COLS],
						const bool known[T3_EQUATIONS][GR_T3_COLS])
{
	int			cost[GR_T3_COLS + 1][GR_RUN_DIGITS_MAX + 1];

	for (int k = 0; k <= GR_T3_COLS; k++)
		for (int p = 0; p <= len; p++)
			cost[k][p] = k == 0 && p == 0 ? 0 : INT_MAX;
	for (int k = 0; k < GR_T3_COLS; k++)
		for (int p = 0; p < len; p++)
		{
			int64_t		v = 0;
			int64_t		reading[GR_T3_COLS];

			if (cost[k][p] == INT_MAX)
				continue;
			for (int l = 1; l <= 18 && p + l <= len; l++)
			{
				int			broken;

				if (l > 1 && digits[p] == '0')
					break;		/* a number has no leading zero */
				v = v * 10 + (digits[p + l - 1] - '0');
				for (int c = 0; c < GR_T3_COLS; c++)
					reading[c] = c == k ? v : NO_VALUE;
				broken = cost[k][p] + broken_equations(coef_k, sum, known, reading);
				if (broken < cost[k + 1][p + l])
					cost[k + 1][p + l] = broken;
			}
		}
	return cost[GR_T3_COLS][len];
}

/*
 * A run of digits that only one reading splits into a row that adds up is
 * held to table 3's column equations before they settle other rows: when
 * another split breaks fewer equations, its own row's sum counted among
 * them, the digits carry a slip, the reading that adds up is a coincidence
 * (「391092042」 read as 3 9 1 0 9 20 42 for 39 1 0 9 2 0 42), and the row
 * is NULL with a note in place of the note of its split.
 */
static void
check_splits_by_columns(table_ctx *tc, row_job **by_def, bool form_2021, int notes_mark)
{
	column_check cc;

	if (!start_column_check(tc, by_def, form_2021, offsetof(row_job, split_alone), &cc))
		return;
	for (int k = 0; k < gr_t3_nrows; k++)
	{
		row_job    *job = by_def[k];
		int64_t		reading[GR_T3_COLS];
		int64_t		sum[T3_EQUATIONS][GR_T3_COLS];
		bool		known[T3_EQUATIONS][GR_T3_COLS];
		const gr_tok *run;
		int			broken;
		char		desc[512];

		if (job == NULL || !job->split_alone || job->width != GR_T3_COLS)
			continue;
		sums_without_row(tc, by_def, cc.coef, k, &cc.totals, sum, known);
		for (int c = 0; c < GR_T3_COLS; c++)
			reading[c] = job->joined_value[c];
		broken = broken_equations(cc.coef[k], sum, known, reading);
		run = &tc->doc->lx.toks[job->chosen[0]];
		/* another split breaks at least its own row's sum */
		if (broken < 2 || (int) run->num_len > GR_RUN_DIGITS_MAX ||
			1 + fewest_broken_by_splits(tc->doc->text.data + run->off, (int) run->num_len, cc.coef[k],
										sum, known) >= broken)
			continue;
		withdraw_row(tc, by_def, &cc, job, notes_mark);
		gr_note_add(tc->doc, "row_incomplete", job->label_off,
					"%s的数字连在一起，只有一种拆法能对上本行合计，但这种拆法与表三各列的勾稽关系有 %d 处不符，另一种拆法更相符，数字可能有误，整行记为空值",
					row_desc(tc, job, desc, sizeof(desc)), broken);
	}
}

/*
 * A row of more values than columns, read as the one window of them at
 * either end that adds up (a stray column), is held to table 3's column
 * equations too: when dropping other values instead breaks fewer of them,
 * its own row's sum counted, the surplus is inside the row (a cell printed
 * twice) and the window adds up by chance; the row is NULL with a note in
 * place of its reading's.
 */
static void
check_surplus_by_columns(table_ctx *tc, row_job **by_def, bool form_2021, int notes_mark)
{
	column_check cc;

	if (!start_column_check(tc, by_def, form_2021, offsetof(row_job, surplus_dropped), &cc))
		return;
	for (int k = 0; k < gr_t3_nrows; k++)
	{
		row_job    *job = by_def[k];
		int64_t		values[MAX_WIDTH + 2];
		int64_t		reading[MAX_WIDTH];
		int64_t		sum[T3_EQUATIONS][GR_T3_COLS];
		bool		known[T3_EQUATIONS][GR_T3_COLS];
		int			n = 0;
		int			broken = 0;
		bool		better = false;
		char		desc[512];

		if (job == NULL || !job->surplus_dropped || job->width != GR_T3_COLS)
			continue;
		for (int i = 0; i < job->ncells && n >= 0; i++)
		{
			const gr_tok *t = &tc->doc->lx.toks[job->cells[i]];

			if (!is_value(t))
				continue;
			if (n == MAX_WIDTH + 2 || !cell_int(t, &values[n]))
				n = -1;
			else
				n++;
		}
		if (n <= GR_T3_COLS)
			continue;			/* no sums to reason with */
		sums_without_row(tc, by_def, cc.coef, k, &cc.totals, sum, known);
		for (int j = 0; j < GR_T3_COLS; j++)
			if (!read_value(tc->doc, job, j, &reading[j]))
				reading[j] = NO_VALUE;
		broken = broken_equations(cc.coef[k], sum, known, reading);
		/* every other choice of seven of the values, in their order */
		for (unsigned mask = 0; mask < (1u << n) && broken > 0 && !better; mask++)
		{
			if (__builtin_popcount(mask) != GR_T3_COLS)
				continue;
			for (int i = 0, j = 0; i < n; i++)
				if ((mask >> i) & 1)
					reading[j++] = values[i];
			better = broken_equations(cc.coef[k], sum, known, reading) + !check_t3(reading, GR_T3_COLS) < broken;
		}
		if (!better)
			continue;
		withdraw_row(tc, by_def, &cc, job, notes_mark);
		gr_note_add(tc->doc, "row_ambiguous", job->label_off,
					"%s读到 %d 个数值（应为 %d 个），去掉两端多出的数值后本行合计相符，但与表三各列的勾稽关系有 %d 处不符，去掉别处的数值更相符，无法确定哪个是多出的，整行记为空值",
					row_desc(tc, job, desc, sizeof(desc)), n, GR_T3_COLS, broken);
	}
}

/*
 * A row whose blank cells were placed by where its values stand is held to
 * table 3's column equations: when another placement of the same values,
 * in their order, breaks fewer of them, the positions misled (a row standing
 * a column apart from its neighbours) and the row is NULL with a note in
 * place of the notes of its reading.  A placement that breaks no more than
 * any other keeps the figures as the publisher printed them, errors and all.
 */
static void
check_placements_by_columns(table_ctx *tc, row_job **by_def, bool form_2021, int notes_mark)
{
	column_check cc;

	if (!start_column_check(tc, by_def, form_2021, offsetof(row_job, by_position), &cc))
		return;
	for (int k = 0; k < gr_t3_nrows; k++)
	{
		row_job    *job = by_def[k];
		int64_t		values[MAX_WIDTH];
		int64_t		reading[MAX_WIDTH];
		int64_t		sum[T3_EQUATIONS][GR_T3_COLS];
		bool		known[T3_EQUATIONS][GR_T3_COLS];
		unsigned	placed = 0;
		int			n = 0;
		int			broken;
		bool		integers = true;
		bool		better = false;
		char		desc[512];

		if (job == NULL || !job->by_position || job->width != GR_T3_COLS)
			continue;
		for (int j = 0; j < GR_T3_COLS; j++)
			if (job->chosen[j] >= 0)
			{
				integers &= read_value(tc->doc, job, j, &values[n++]);
				placed |= 1u << j;
			}
		if (!integers)
			continue;			/* no sums to reason with */
		sums_without_row(tc, by_def, cc.coef, k, &cc.totals, sum, known);
		values_in_columns(values, placed, GR_T3_COLS, reading);
		broken = broken_equations(cc.coef[k], sum, known, reading);
		/* every other placement of the n values, in their order */
		for (unsigned mask = 0; mask < (1u << GR_T3_COLS) && broken > 0 && !better; mask++)
		{
			if (__builtin_popcount(mask) != n)
				continue;
			values_in_columns(values, mask, GR_T3_COLS, reading);
			better = broken_equations(cc.coef[k], sum, known, reading) < broken;
		}
		if (!better)
			continue;
		withdraw_row(tc, by_def, &cc, job, notes_mark);
		gr_note_add(tc->doc, "row_incomplete", job->label_off,
					"%s按各数值所在位置确定的空白单元格位置与表三各列的勾稽关系不符，另一种位置更相符，位置不可信，整行记为空值",
					row_desc(tc, job, desc, sizeof(desc)));
	}
}

/* Reads a withheld row's values as printed, in their order; false when one is not an integer. */
static bool
take_printed_values(const gr_doc *doc, row_job *job)
{
	int64_t		v;

	choose_values_in_order(doc, job);
	for (int j = 0; j < job->width; j++)
		if (job->chosen[j] < 0 || !cell_int(&doc->lx.toks[job->chosen[j]], &v))
		{
			forget_row(job);
			return false;
		}
	return true;
}

/*
 * Whether table 3's column equations confirm a row's applicant columns
 * (all but its total): in each, every equation the row takes part in has a
 * value from each of its other rows and holds with the row's value; and
 * one of those values is not 0, so that the confirmed cells pin down where
 * the row's numbers start.
 */
static bool
applicant_columns_confirmed(const int coef_k[T3_EQUATIONS], const int64_t sum[T3_EQUATIONS][GR_T3_COLS],
							const bool known[T3_EQUATIONS][GR_T3_COLS], const int64_t *reading)
{
	bool		nonzero = false;

	for (int c = 0; c < GR_T3_COLS - 1; c++)
		for (int e = 0; e < T3_EQUATIONS; e++)
		{
			int64_t		total;

			if (coef_k[e] == 0)
				continue;
			if (!known[e][c] || __builtin_mul_overflow(coef_k[e], reading[c], &total) ||
				__builtin_add_overflow(total, sum[e][c], &total) || total != 0)
				return false;
			nonzero |= reading[c] != 0;
		}
	return nonzero;
}

/*
 * Rows withheld because their values were scattered over lines and did not
 * add up (a table read column by column may have put another row's numbers
 * among them) are read as printed when the column equations confirm every
 * applicant column: those six values are then the row's own, in its order,
 * and the seventh number after them is its total, with the publisher's slip
 * that the row's sum shows.  The withheld rows are tried together, since two
 * of them may share an equation; one that is not confirmed is withdrawn and
 * the rest tried again.
 */
static void
confirm_withheld_by_columns(table_ctx *tc, row_job **by_def, bool form_2021, int notes_mark)
{
	column_check cc;
	bool		trying[GR_T3_ROWS_MAX] = {0};
	bool		withdrawn = true;

	if (!any_row_has(by_def, offsetof(row_job, withheld)))
		return;
	for (int k = 0; k < gr_t3_nrows; k++)
		trying[k] = by_def[k] && by_def[k]->withheld && by_def[k]->width == GR_T3_COLS &&
			take_printed_values(tc->doc, by_def[k]);
	start_column_check(tc, by_def, form_2021, offsetof(row_job, withheld), &cc);
	while (withdrawn)
	{
		withdrawn = false;
		for (int k = 0; k < gr_t3_nrows; k++)
		{
			int64_t		reading[GR_T3_COLS];
			int64_t		sum[T3_EQUATIONS][GR_T3_COLS];
			bool		known[T3_EQUATIONS][GR_T3_COLS];

			if (!trying[k])
				continue;
			for (int c = 0; c < GR_T3_COLS; c++)
				read_value(tc->doc, by_def[k], c, &reading[c]);
			sums_without_row(tc, by_def, cc.coef, k, &cc.totals, sum, known);
			if (applicant_columns_confirmed(cc.coef[k], sum, known, reading))
				continue;
			forget_row(by_def[k]);
			total_columns(tc, by_def, cc.coef, &cc.totals);
			trying[k] = false;
			withdrawn = true;
		}
	}
	for (int k = 0; k < gr_t3_nrows; k++)
	{
		char		desc[512];

		if (!trying[k])
			continue;
		drop_row_notes(tc->doc, notes_mark, gr_pos(tc->doc, by_def[k]->label_off));
		gr_note_add(tc->doc, "row_confirmed_by_columns", by_def[k]->label_off,
					"%s的 %d 个数值%s，本行合计不符；但前 %d 列数值与表三各列的勾稽关系逐一相符，确属本行，按印刷读取（本行合计不符可能是发布时的差错）",
					row_desc(tc, by_def[k], desc, sizeof(desc)), GR_T3_COLS, by_def[k]->withheld_as, GR_T3_COLS - 1);
	}
}

/* Row def takes the values at[] of the numbers (token indexes toks[]). */
static void
fill_row_in_order(table_ctx *tc, row_job *jobs, int *njobs, row_job **by_def, int64_t *found,
				  int def, const int *at, const int *toks, const int64_t *seq, int notes_mark)
{
	gr_doc	   *doc = tc->doc;
	row_job    *job = by_def[def];
	int		   *cells = gr_arena_alloc(doc->arena, sizeof(int) * GR_T3_COLS);
	char		desc[512];

	if (job == NULL)
	{
		/* its label was not found: the row stands where its first value does */
		job = &jobs[(*njobs)++];
		memset(job, 0, sizeof(*job));
		job->def = def;
		job->width = GR_T3_COLS;
		job->label = gr_t3_rows[def].label;
		job->label_tok = toks[at[0]];
		job->label_off = doc->lx.toks[toks[at[0]]].off;
		job->end_tok = toks[at[0]] + 1;
		found[def] = doc->lx.toks[toks[at[0]]].coff;
		by_def[def] = job;
	}
	else
		drop_row_notes(doc, notes_mark, gr_pos(doc, job->label_off));
	for (int c = 0; c < GR_T3_COLS; c++)
	{
		cells[c] = toks[at[c]];
		job->chosen[c] = toks[at[c]];
		job->joined[c] = false;
	}
	job->cells = cells;
	job->ncells = job->nvalues = GR_T3_COLS;
	job->pending = ROW_SETTLED;
	job->displaced = false;
	gr_note_add(doc, "values_in_order", job->label_off,
				"%s的数值未与其行名排在一起，按表中数值的先后顺序读作 %lld、%lld、%lld、%lld、%lld、%lld、%lld"
				"（表中数值恰为每行 7 个，按表三行序分行后各行合计相符、各列勾稽关系成立，且只有这一种读法）",
				row_desc(tc, job, desc, sizeof(desc)),
				(long long) seq[at[0]], (long long) seq[at[1]], (long long) seq[at[2]], (long long) seq[at[3]],
				(long long) seq[at[4]], (long long) seq[at[5]], (long long) seq[at[6]]);
}

/*
 * Reads the rows left without values from the table's numbers in order
 * (see above).  jobs has room for every row of the template.
 */
static void
read_t3_in_order(table_ctx *tc, row_job *jobs, int *njobs, row_job **by_def, int64_t *found,
				 bool form_2021, int from_tok, int end_tok, int notes_mark)
{
	gr_doc	   *doc = tc->doc;
	int			defs[GR_T3_ROWS_MAX];
	bool		read_by_label[GR_T3_ROWS_MAX];	/* per form row */
	int			nrows = 0;
	bool		any_empty = false;
	int			toks[GR_T3_ROWS_MAX * GR_T3_COLS];
	int64_t		seq[GR_T3_ROWS_MAX * GR_T3_COLS];
	int			at[GR_T3_ROWS_MAX][GR_T3_COLS];
	order_search os;
	order_cursor cur;

	for (int k = 0; k < gr_t3_nrows; k++)
		if (gr_t3_row_in_form(gr_t3_rows[k].code, form_2021))
		{
			read_by_label[nrows] = row_has_value(doc, by_def[k]);
			any_empty |= !read_by_label[nrows];
			defs[nrows++] = k;
		}
	if (!any_empty || !table_numbers(doc, from_tok, end_tok, nrows, toks, seq))
		return;
	os.seq = seq;
	os.nrows = nrows;
	os.readings = gr_arena_alloc(doc->arena, sizeof(*os.readings) * (size_t) (nrows + 1));
	os.count = gr_arena_alloc(doc->arena, sizeof(int) * (size_t) (nrows + 1));
	cur = (order_cursor) {&os, 0, unique_order_reading(&os, defs, form_2021)};
	if (cur.idx < 0)
		return;
	for (int r = 0; r < nrows; r++)
	{
		cursor_to(&cur, r);
		for (int c = 0; c < GR_T3_COLS; c++)
			at[r][c] = cursor_index(&cur, r, c);
	}
	/* every row read by its label must read the same */
	for (int r = 0; r < nrows; r++)
	{
		int64_t		v;

		for (int c = 0; read_by_label[r] && c < GR_T3_COLS; c++)
			if (read_value(doc, by_def[defs[r]], c, &v) && v != seq[at[r][c]])
				return;
	}
	for (int r = 0; r < nrows; r++)
		if (!read_by_label[r])
			fill_row_in_order(tc, jobs, njobs, by_def, found, defs[r], at[r], toks, seq, notes_mark);
}

static void
read_table3(gr_doc *doc, int64_t from, int64_t to, int end_tok)
{
	static const char *const anchors[] = {"勾稽关系", "申请人情况", "本年新收", NULL};
	row_keys	sets[32] = {0};
	int64_t		found[32];
	int			found_len[32];
	int64_t		anchor = first_of(doc, anchors, from, to);
	row_job    *jobs;
	int			njobs;
	table_ctx	tc;
	int			idx_36 = gr_t3_row_index("3.6");
	bool		has_36x = false;
	row_job    *by_def[GR_T3_ROWS_MAX] = {0};
	bool		cut_unsure[GR_T3_ROWS_MAX] = {0};	/* the row and the one before it */
	bool		start_unsure[GR_T3_ROWS_MAX] = {0};	/* the row alone */
	int			notes_mark;
	bool		form_2021;

	if (anchor < 0)
		return;
	for (int i = 0; i < gr_t3_nrows; i++)
		sets[i] = gr_t3_rows[i].keys;
	match_rows(doc, sets, gr_t3_nrows, anchor, to, t3_header_words, found, found_len);
	find_cut_rows(doc, sets, gr_t3_nrows, anchor, to, end_tok, found, found_len, cut_unsure);
	move_to_cut_starts(doc, sets, gr_t3_nrows, anchor, to, end_tok, found, found_len, start_unsure);
	find_misspelt_rows(doc, anchor, to, found, found_len);
	move_to_label_starts(doc, gr_t3_nrows, anchor, found, found_len);
	jobs = build_jobs(doc, found, gr_t3_nrows, GR_T3_COLS, end_tok, t3_label, &njobs);
	if (njobs == 0)
		return;
	for (int r = 0; r < njobs; r++)
	{
		if (cut_unsure[jobs[r].def] && r > 0)
			jobs[r - 1].cut_unsure = true;
		jobs[r].cut_unsure |= cut_unsure[jobs[r].def] || start_unsure[jobs[r].def];
	}

	memset(&tc, 0, sizeof(tc));
	tc.doc = doc;
	tc.name = "表三";
	tc.width = GR_T3_COLS;
	tc.check = check_t3;
	tc.defer_ambiguous = true;
	tc.group = GR_T3_COLS;
	learn_table(&tc, jobs, njobs);
	learn_cell_lines(&tc, jobs, njobs);
	mark_displaced_rows(&tc, jobs, njobs);
	if (doc->tables_begin_tok < 0 || jobs[0].label_tok < doc->tables_begin_tok)
		doc->tables_begin_tok = jobs[0].label_tok;

	for (int r = 0; r < njobs; r++)
		if (jobs[r].def > idx_36 && strncmp(gr_t3_rows[jobs[r].def].code, "3.6.", 4) == 0)
			has_36x = true;

	/*
	 * 「（六）其他处理」 heading its three sub-rows is no row itself: numbers
	 * under it belong to a sub-row whose label was not found, and are left
	 * to be read in order or noted as unplaced
	 */
	notes_mark = doc->notes.count;
	for (int r = 0; r < njobs; r++)
	{
		if (jobs[r].def == idx_36 && has_36x)
		{
			jobs[r].ncells = jobs[r].nvalues = 0;
			continue;
		}
		resolve_row(&tc, &jobs[r]);
		by_def[jobs[r].def] = &jobs[r];
	}
	check_splits_by_columns(&tc, by_def, has_36x, notes_mark);
	settle_by_columns(&tc, by_def, has_36x);
	check_placements_by_columns(&tc, by_def, has_36x, notes_mark);
	check_surplus_by_columns(&tc, by_def, has_36x, notes_mark);
	confirm_withheld_by_columns(&tc, by_def, has_36x, notes_mark);
	for (int r = 0; r < njobs; r++)
		note_unsettled(&tc, &jobs[r]);
	/* neither form of 其他处理 found: table 2's format tells which rows the table has */
	form_2021 = has_36x || (found[idx_36] < 0 && doc->t2_template == 2021);
	read_t3_in_order(&tc, jobs, &njobs, by_def, found, form_2021,
					 tok_for_compact(doc, anchor), end_tok, notes_mark);
	withhold_rows_after_strays(&tc, jobs, njobs);

	for (int k = 0; k < gr_t3_nrows; k++)
	{
		row_job    *job = by_def[k];
		const gr_t3_row_def *def = &gr_t3_rows[k];
		gr_application_row *row;

		if (job == NULL)
			continue;
		row = gr_vec_push(doc->arena, &doc->applications);
		row->code = def->code;
		row->name = def->name;
		row->label = def->label;
		row->pos = gr_pos(doc, job->label_off);
		for (int j = 0; j < GR_T3_COLS; j++)
		{
			cell_place	at = {def->label, gr_t3_column_labels[j], false};

			int_cell(doc, job, j, at, &row->value[j], &row->isnull[j]);
		}
		if (job->ncells > 0)
		{
			int			last = job->cells[job->ncells - 1];

			if (last > doc->tables_end_tok)
				doc->tables_end_tok = last;
		}
	}
	note_blank_rows_if_astray(&tc, jobs, njobs, note_unplaced_numbers(&tc, jobs, njobs),
							  has_36x ? idx_36 : -1);
	note_unread_rows(&tc, jobs, njobs, false);
	note_missing_t3_rows(doc, found, jobs, njobs, form_2021);
	doc->t3_template = has_36x ? 2021 : (found[idx_36] >= 0 ? 2019 : 0);
}

/* ---------------------------------------------------------------- */
/* table 4                                                          */

/* Table 4's header as the template prints it: text that may stand among its cells. */
static const char t4_header_text[] =
	"行政复议行政诉讼未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计";

/* Whether the values of a row of all its cells, in order, keep the table's arithmetic. */
static bool
cells_add_up(const table_ctx *tc, const row_job *job)
{
	int			vals[MAX_WIDTH + 1];
	int64_t		values[MAX_WIDTH + 1];
	int			n = value_tokens(tc->doc, job, vals, job->width + 1);

	return n == job->width && value_ints(tc->doc, vals, n, values) && check_candidate(tc, values);
}

/*
 * A row with one value more than it has cells, a value printed twice in a
 * row among them (a line repeated by extraction): the row without it, when
 * leaving out one of the repeats, and nothing else, makes the row add up.
 * The repeat goes from the row's cells, with a note.
 */
static bool
drop_repeated_value(table_ctx *tc, row_job *job)
{
	gr_doc	   *doc = tc->doc;
	int			vals[MAX_WIDTH + 2];
	int64_t		v[MAX_WIDTH + 1];
	int64_t		reading[MAX_WIDTH];
	int			nv = value_tokens(doc, job, vals, job->width + 2);
	int			dropped = -1;
	int			last = -1;
	int		   *cells;
	int			n = 0;
	char		desc[512];

	if (nv != job->width + 1 || !value_ints(doc, vals, nv, v))
		return false;
	for (int k = 0; k < nv; k++)
	{
		bool		repeat = (k > 0 && v[k - 1] == v[k]) || (k + 1 < nv && v[k + 1] == v[k]);

		for (int j = 0, src = 0; j < job->width; j++, src++)
			reading[j] = v[src += src == k];
		if (!check_candidate(tc, reading))
			continue;
		/* a reading that leaves out a value printed once is as good: nothing tells them apart */
		if (!repeat)
			return false;
		/* leaving out any of one run of repeats gives the same reading */
		if (dropped >= 0 && (v[k] != v[dropped] || k != last + 1))
			return false;
		if (dropped < 0)
			dropped = k;
		last = k;
	}
	if (dropped < 0)
		return false;
	cells = gr_arena_alloc(doc->arena, sizeof(int) * (size_t) job->ncells);
	for (int i = 0; i < job->ncells; i++)
		if (job->cells[i] != vals[dropped])
			cells[n++] = job->cells[i];
	gr_note_add(doc, "extra_column", doc->lx.toks[vals[dropped]].off,
				"%s读到 %d 个数值（应为 %d 个），相邻重复的「%.*s」多出一个，去掉一个后合计相符（去掉其他任何一个数值都不相符），按此读取",
				row_desc(tc, job, desc, sizeof(desc)), nv, job->width,
				(int) doc->lx.toks[vals[dropped]].len, doc->text.data + doc->lx.toks[vals[dropped]].off);
	job->cells = cells;
	job->ncells = n;
	job->nvalues = job->width;
	return true;
}

/*
 * Table 4's row with its fifteen values, and more values after them on
 * lines of their own, with nothing but pieces of the header between
 * (pdftotext -raw prints 「总计」 before the last value; a line printed
 * twice): when the fifteen do not add up, they may be the wrong fifteen.
 * The row takes the values after it too when fifteen of them all add up,
 * one way only, or when several ways do (the row is then NULL, unknown).
 * When no fifteen of them add up, the fifteen read may be right and the
 * table wrong as published: the row keeps them, and a note names the
 * values after it.
 */
static void
take_values_after_row(table_ctx *tc, row_job *job, int end_tok)
{
	gr_doc	   *doc = tc->doc;
	const gr_tok *toks = doc->lx.toks;
	int			after[2];
	int			nafter = 0;
	int		   *cells;
	row_job		longer;
	const char *how;
	int			vals[MAX_WIDTH + 2];

	if (job->nvalues != job->width || job->ncells == 0 || cells_add_up(tc, job))
		return;
	for (int t = job->cells[job->ncells - 1] + 1; t < end_tok; t++)
	{
		if (toks[t].kind == TK_TEXT && !runs_in(doc, &toks[t], t4_header_text))
			break;
		if (!is_value(&toks[t]))
			continue;
		if (doc->line_has_text[toks[t].line] || nafter == 2)
			break;
		after[nafter++] = t;
	}
	if (nafter == 0)
		return;
	cells = gr_arena_alloc(doc->arena, sizeof(int) * (size_t) (job->ncells + nafter));
	memcpy(cells, job->cells, sizeof(int) * (size_t) job->ncells);
	memcpy(cells + job->ncells, after, sizeof(int) * (size_t) nafter);
	longer = *job;
	longer.cells = cells;
	longer.ncells += nafter;
	longer.nvalues += nafter;
	if (place_surplus(tc, &longer, &how) && strcmp(how, "extra_column") == 0 && longer.surplus_dropped)
	{
		forget_row(&longer);
		*job = longer;
		return;
	}
	if (nafter == 1 && drop_repeated_value(tc, &longer))
	{
		*job = longer;
		return;
	}
	/* some values left out add up, and not only one way: the row cannot be known */
	if (other_values_dropped_pass(tc, vals, value_tokens(doc, &longer, vals, MAX_WIDTH + 2), job->width, NULL))
	{
		*job = longer;
		return;
	}
	gr_note_add(doc, "numbers_unplaced", toks[after[0]].off,
				"表四的 %d 个数值之后另有 %d 个数值（第一个为「%.*s」）；这 %d 个数值合计不符，连同其后的数值任取 %d 个也都不符，按前 %d 个读取，其后的已略过",
				job->width, nafter, (int) toks[after[0]].len, doc->text.data + toks[after[0]].off,
				job->width, job->width, job->width);
}

/* Whether text token t is made of characters of text only, white space aside, with one at least. */
static bool
chars_all_in(const gr_doc *doc, const gr_tok *t, const char *text)
{
	const char *s = doc->text.data + t->off;
	size_t		text_len = strlen(text);
	bool		any = false;

	for (size_t i = 0; i < t->len;)
	{
		size_t		n = 1;

		if (s[i] == ' ' || s[i] == '\t')
		{
			i++;
			continue;
		}
		while (i + n < t->len && ((unsigned char) s[i + n] & 0xC0) == 0x80)
			n++;
		if (gr_find_bytes(text, text_len, s + i, n) == NULL)
			return false;
		any = true;
		i += n;
	}
	return any;
}

/*
 * Where table 4 starts: 「行政复议」, or its header's other cells when an
 * extractor lost the section's heading and that cell with it.
 */
static const char *const t4_anchors[] = {"行政复议", "直接起诉", "复议后起诉", NULL};

/*
 * Table 4's header printed with its words broken apart, in columns too
 * narrow for 「维持」 (「结果维」「持」, a character a line, as a text browser
 * dumps a web page): from the anchor's token, text made of the header's
 * characters alone up to the first value.  Returns the header's last token,
 * -1 when other text comes first or no value follows.
 */
static int
t4_header_by_characters(const gr_doc *doc, int anchor_tok, int end_tok)
{
	int			last = -1;

	for (int t = anchor_tok + 1; t < end_tok; t++)
	{
		const gr_tok *tok = &doc->lx.toks[t];

		if (is_value(tok))
			return last;
		if (tok->kind != TK_TEXT)
			continue;
		if (!chars_all_in(doc, tok, t4_header_text))
			return -1;
		last = t;
	}
	return -1;
}

/*
 * Table 4 printed without its header (「结果维持」…): the numbers after
 * 「行政复议」 are its cells only when they are exactly fifteen integers,
 * side by side with no blank, and each group of five adds up in the
 * template's order; noted, since the order is the template's and not read.
 */
static bool
headerless_t4_adds_up(gr_doc *doc, const row_job *job)
{
	int64_t		v[GR_T4_CELLS];

	if (job->nvalues != GR_T4_CELLS || job->ncells != GR_T4_CELLS ||
		!value_ints(doc, job->cells, GR_T4_CELLS, v) || !check_t4(v, GR_T4_CELLS))
		return false;
	gr_note_add(doc, "header_not_found", doc->lx.toks[job->cells[0]].off,
				"表四没有表头（「结果维持」「结果纠正」…），其后恰有 15 个数值、每组五个的合计都相符，按模板的列序读取");
	return true;
}

static void
read_table4(gr_doc *doc, int64_t from, int64_t to, int end_tok)
{
	int64_t		anchor = first_of(doc, t4_anchors, from, to);
	int64_t		header;
	row_job		job;
	table_ctx	tc;
	bool		headerless = false;

	if (anchor < 0)
		return;
	header = gr_compact_find(doc, "维持", anchor, to);
	memset(&job, 0, sizeof(job));
	if (header >= 0)
	{
		job.label_coff = header;
		job.label_off = gr_compact_to_off(&doc->lx, (uint32_t) (header));
		job.label_tok = tok_for_compact(doc, header);
	}
	else
	{
		job.label_tok = t4_header_by_characters(doc, tok_for_compact(doc, anchor), end_tok);
		if (job.label_tok < 0)
		{
			job.label_tok = tok_for_compact(doc, anchor);
			headerless = true;
		}
		job.label_coff = doc->lx.toks[job.label_tok].coff;
		job.label_off = doc->lx.toks[job.label_tok].off;
	}
	job.def = 0;
	job.width = GR_T4_CELLS;
	job.label = "行政复议、行政诉讼";
	collect_cells(doc, &job, job.label_tok + 1, end_tok);
	job.end_tok = end_tok;
	if (headerless && !headerless_t4_adds_up(doc, &job))
		return;
	memset(&tc, 0, sizeof(tc));
	tc.doc = doc;
	tc.name = "表四";
	if (job.nvalues == 0)
	{
		note_unread_rows(&tc, &job, 1, true);
		return;
	}
	tc.width = GR_T4_CELLS;
	tc.check = check_t4;
	tc.group = GR_T4_COLS;
	take_values_after_row(&tc, &job, end_tok);
	learn_table(&tc, &job, 1);
	resolve_row(&tc, &job);
	if (job.ncells > 0 && job.cells[job.ncells - 1] > doc->tables_end_tok)
		doc->tables_end_tok = job.cells[job.ncells - 1];

	for (int g = 0; g < 3; g++)
	{
		gr_proceeding_row *row = gr_vec_push(doc->arena, &doc->proceedings);
		int			first_tok = -1;

		row->kind = gr_t4_kinds[g].kind;
		for (int j = 0; j < GR_T4_COLS; j++)
		{
			cell_place	at = {gr_t4_kinds[g].label, gr_t4_column_labels[j], true};

			int_cell(doc, &job, g * 5 + j, at, &row->value[j], &row->isnull[j]);
			if (first_tok < 0 && job.chosen[g * 5 + j] >= 0)
				first_tok = job.chosen[g * 5 + j];
		}
		row->pos = first_tok >= 0 ? gr_pos(doc, doc->lx.toks[first_tok].off) : gr_pos(doc, job.label_off);
	}
}

/* ---------------------------------------------------------------- */
/* table 2                                                          */

/* Where the header words of either format occur in table 2, found once. */
typedef struct t2_header_hits
{
	const char *word;
	int			year;
	int64_t    *at;				/* compact offsets, ascending */
	int			n;
} t2_header_hits;

#define T2_HEADER_WORDS 16

typedef struct t2_headers
{
	t2_header_hits words[T2_HEADER_WORDS];
	int			nwords;
} t2_headers;

static void
add_header_word(gr_doc *doc, t2_headers *h, const char *word, int year, int64_t from, int64_t to)
{
	t2_header_hits *w = &h->words[h->nwords++];
	gr_vec		hits;

	gr_vec_init(&hits, sizeof(int64_t));
	for (int64_t c = from; (c = gr_compact_find(doc, word, c, to)) >= 0; c += (int64_t) strlen(word))
		*(int64_t *) gr_vec_push(doc->arena, &hits) = c;
	w->word = word;
	w->year = year;
	w->at = hits.items;
	w->n = hits.count;
}

static void
find_header_words(gr_doc *doc, t2_headers *h, int64_t from, int64_t to)
{
	h->nwords = 0;
	for (int k = 0; gr_t2_header_2019[k] && h->nwords < T2_HEADER_WORDS; k++)
		add_header_word(doc, h, gr_t2_header_2019[k], 2019, from, to);
	for (int k = 0; gr_t2_header_2021[k] && h->nwords < T2_HEADER_WORDS; k++)
		add_header_word(doc, h, gr_t2_header_2021[k], 2021, from, to);
}

/* The format a block of table 2 is printed in, from the header words that lie in [from, to). */
static int
block_template(const t2_headers *h, int64_t from, int64_t to)
{
	int			v2019 = 0,
				v2021 = 0;

	for (int k = 0; k < h->nwords; k++)
	{
		const t2_header_hits *w = &h->words[k];
		int64_t		last_start = to - (int64_t) strlen(w->word);

		for (int i = 0; i < w->n && w->at[i] <= last_start; i++)
			if (w->at[i] >= from)
			{
				if (w->year == 2019)
					v2019++;
				else
					v2021++;
				break;
			}
	}
	return v2021 > v2019 ? 2021 : v2019 > v2021 ? 2019 : 0;
}

/*
 * A row whose label was not found may be printed with a typo (「规范」 for
 * 规章, 「规范性文常」 for 2019's 规范性文件): a whole text cell between its
 * neighbours that differs from one of the label's printed forms in one
 * character.
 */
static int64_t
loose_label(gr_doc *doc, int def, int64_t from, int64_t to)
{
	const char *const *labels = gr_t2_rows[def].labels;
	int			from_tok = tok_for_compact(doc, from);

	for (int i = from_tok; i < doc->lx.ntoks; i++)
	{
		const gr_tok *t = &doc->lx.toks[i];

		if (t->kind != TK_TEXT)
			continue;
		if (t->coff >= to)
			break;
		if (t->coff < from)
			continue;
		for (int k = 0; k < GR_MAX_KEYS && labels[k]; k++)
			if (t->clen == strlen(labels[k]) &&
				char_distance(doc->lx.compact + t->coff, t->clen, labels[k], t->clen) == 1)
				return t->coff;
	}
	return -1;
}

static int
measure_count(const gr_measure_def *m)
{
	int			n = 0;

	while (n < GR_MAX_MEASURES && m[n].code)
		n++;
	return n;
}

/*
 * The format a table-2 row is read in: its block's header words, else the
 * whole table's, else the number of printed cells.
 */
static int
t2_row_template(gr_doc *doc, int def, int nvalues)
{
	const gr_t2_row_def *rd = &gr_t2_rows[def];
	int			w19 = measure_count(rd->measures_2019);
	int			w21 = measure_count(rd->measures_2021);

	if (doc->t2_block_template[def])
		return doc->t2_block_template[def];
	if (doc->t2_template)
		return doc->t2_template;
	return (nvalues == w21 && w21 != w19) ? 2021 : 2019;
}

static int
t2_width(gr_doc *doc, int def, int nvalues)
{
	const gr_t2_row_def *rd = &gr_t2_rows[def];

	return measure_count(t2_row_template(doc, def, nvalues) == 2021 ?
						 rd->measures_2021 : rd->measures_2019);
}

static void
add_active_cell(gr_doc *doc, const gr_t2_row_def *rd, int tpl, int m,
				const row_job *job, bool yuan_header)
{
	const gr_measure_def *md = tpl == 2021 ? &rd->measures_2021[m] : &rd->measures_2019[m];
	gr_active_cell *cell = gr_vec_push(doc->arena, &doc->active);
	int			tok = job->chosen[m];

	cell->item = rd->item;
	cell->code = rd->code;
	cell->label = job->label;
	cell->measure = md->code;
	cell->isnull = true;
	cell->pos = gr_pos(doc, job->label_off);
	if (tok >= 0 && doc->lx.toks[tok].misread)
		note_misread(doc, &doc->lx.toks[tok], gr_arena_printf(doc->arena, "表二「%s」「%s」", cell->label, md->label));
	if (tok < 0 || doc->lx.toks[tok].kind != TK_NUM)
		return;
	{
		const gr_tok *t = &doc->lx.toks[tok];
		bool		is_amount = strcmp(md->code, "amount") == 0;
		uint32_t	lead;

		cell->pos = gr_pos(doc, t->off);
		if (t->broken)
		{
			note_broken_number(doc, t, gr_arena_printf(doc->arena, "表二「%s」「%s」", cell->label, md->label));
			return;
		}
		if (t->overflow)
		{
			gr_note_add(doc, "value_overflow", t->off, "表二「%s」「%s」的数值「%.*s」超出可表示范围，记为空值",
						cell->label, md->label, (int) t->len, doc->text.data + t->off);
			return;
		}
		if (!is_amount && t->unit != UNIT_NONE)
		{
			gr_note_add(doc, "amount_unit", t->off, "表二「%s」「%s」的单元格「%.*s」带有「万」「元」这样的单位，而此列不是金额，数值不能确定，记为空值",
						cell->label, md->label, (int) t->len, doc->text.data + t->off);
			return;
		}
		cell->isnull = false;
		cell->value.mantissa = job->joined[m] ? job->joined_value[m] : t->mantissa;
		cell->value.scale = t->scale;
		if (t->unit == UNIT_YUAN || (is_amount && yuan_header && t->unit == UNIT_NONE))
		{
			/* 元 -> 万元 is a shift of the decimal point: exact */
			cell->value.scale += 4;
			while (cell->value.scale > 0 && cell->value.mantissa % 10 == 0)
			{
				cell->value.mantissa /= 10;
				cell->value.scale--;
			}
			gr_note_add(doc, "amount_unit", t->off,
						"表二「%s」「%s」按元填写（「%.*s」），已换算为万元",
						cell->label, md->label, (int) t->len, doc->text.data + t->off);
		}
		else if (t->unit == UNIT_WANYUAN)
			gr_note_add(doc, "amount_unit", t->off,
						"表二「%s」「%s」的单元格带单位（「%.*s」），按万元读取",
						cell->label, md->label, (int) t->len, doc->text.data + t->off);
		if (t->annotated)
			gr_note_add(doc, "cell_annotation", t->off, "表二「%s」「%s」的单元格「%.*s」带有注释，只读取数字",
						cell->label, md->label, (int) t->len, doc->text.data + t->off);
		if (text_glued_before(doc, job, tok) && (lead = last_glued_word(doc, job, tok)) > 0)
			note_words_before(doc, t, lead, gr_arena_printf(doc->arena, "表二「%s」「%s」", cell->label, md->label));
	}
}

/*
 * Each block of table 2 starts at 「第二十条」 and has its own header: a row
 * belongs to the last block starting before its label, else to the table.
 */
static void
find_blocks(gr_doc *doc, int64_t start, int64_t to, const int64_t *found, int64_t *block_of)
{
	static const char head[] = "第二十条";

	for (int i = 0; i < gr_t2_nrows; i++)
		block_of[i] = start;
	for (int64_t c = start; (c = gr_compact_find(doc, head, c, to)) >= 0; c += 3)
		for (int i = 0; i < gr_t2_nrows; i++)
			if (found[i] >= c + (int64_t) strlen(head))
				block_of[i] = c;
}

/* A table-2 row's name as printed in format 'tpl' (2019 or 2021). */
static const char *
t2_label(const gr_t2_row_def *rd, int tpl)
{
	return tpl == 2021 ? rd->label_2021 : rd->label_2019;
}

/*
 * Table 2 printed without its headers: the format its rows show, when they
 * agree.  「行政规范性文件」 is the 2021 format's label, 「规范性文件」 the
 * 2019 one's; a row with as many values as only the 2019 format has
 * (「行政许可」 with three), or 「政府集中采购」 (第二十条第（九）项), is the
 * 2019 format's.  (A row with fewer values may be a 2019 row with blank
 * cells, so it shows nothing.)  Noted.
 */
static void
infer_t2_template(gr_doc *doc, const row_job *jobs, int njobs, const int64_t *found, const int *found_len)
{
	int			format = 0;
	const row_job *shown_by = NULL;

	for (int r = 0; r < njobs; r++)
	{
		const gr_t2_row_def *rd = &gr_t2_rows[jobs[r].def];
		int			w19 = measure_count(rd->measures_2019);
		int			w21 = measure_count(rd->measures_2021);
		int			shows = 0;

		if (strcmp(rd->label_2019, rd->label_2021) != 0 && found[jobs[r].def] >= 0)
		{
			const char *printed = doc->lx.compact + found[jobs[r].def];
			size_t		len = (size_t) found_len[jobs[r].def];

			if (len == strlen(rd->label_2021) && memcmp(printed, rd->label_2021, len) == 0)
				shows = 2021;
			else if (len == strlen(rd->label_2019) && memcmp(printed, rd->label_2019, len) == 0)
				shows = 2019;
		}
		if ((jobs[r].nvalues == w19 && w19 > w21) || strcmp(rd->item, "20.9") == 0)
			shows = shows == 2021 ? -1 : 2019;
		if (shows == 0)
			continue;
		if (shows < 0 || (format != 0 && format != shows))
			return;				/* the rows disagree */
		format = shows;
		shown_by = &jobs[r];
	}
	if (format == 0)
		return;
	doc->t2_template = format;
	gr_note_add(doc, "template_inferred", shown_by->label_off,
				"表二没有表头，按「%s」行（行名或数值个数）判断为%d年版格式",
				t2_label(&gr_t2_rows[shown_by->def], format), format);
}

/*
 * A table-2 row's values end where the next 「第二十条」 block begins: a row
 * printed without its numbers does not take the first row's of the block
 * after it.
 */
static void
keep_to_block(gr_doc *doc, row_job *job, int64_t to)
{
	int64_t		next_block = gr_compact_find(doc, "第二十条", job->label_coff, to);
	int			stop;

	if (next_block < 0)
		return;
	stop = tok_for_compact(doc, next_block);
	if (stop <= job->label_tok || stop >= job->end_tok)
		return;
	job->end_tok = stop;
	collect_cells(doc, job, job->label_tok + 1, stop);
}

/*
 * 「第二十条第（五）项 信息内容 本年处理决定数量 550 行政许可」: pdftotext
 * without -layout may print a one-cell block's number before its row's
 * label.  When the block holds this one row, of one column, and the row
 * before it read all its values, the one number between the block's heading
 * and the label is the row's.
 */
static void
take_value_before_label(gr_doc *doc, row_job *jobs, int njobs, int r)
{
	row_job    *job = &jobs[r];
	int			value = -1;
	int		   *cells;
	const gr_tok *number;

	if (job->nvalues != 0 || job->width != 1 || job->block < 0 ||
		(r > 0 && jobs[r - 1].nvalues != jobs[r - 1].width))
		return;
	for (int o = 0; o < njobs; o++)
		if (o != r && jobs[o].block == job->block)
			return;
	for (int t = tok_for_compact(doc, job->block); t < job->label_tok; t++)
	{
		const gr_tok *tok = &doc->lx.toks[t];

		if (tok->kind == TK_NULLMARK || (tok->kind == TK_NUM && value >= 0))
			return;
		if (tok->kind == TK_NUM)
			value = t;
	}
	if (value < 0)
		return;
	for (int o = 0; o < njobs; o++)
		for (int i = 0; i < jobs[o].ncells; i++)
			if (jobs[o].cells[i] == value)
				return;
	cells = gr_arena_alloc(doc->arena, sizeof(int));
	cells[0] = value;
	job->cells = cells;
	job->ncells = job->nvalues = 1;
	number = &doc->lx.toks[value];
	gr_note_add(doc, "value_before_label", number->off,
				"表二「%s」行的数值「%.*s」印在行名之前；%s只有这一行、一个数值，据此读作此行的数值",
				t2_label(&gr_t2_rows[job->def], t2_row_template(doc, job->def, 1)),
				(int) number->len, doc->text.data + number->off, gr_t2_rows[job->def].item_label);
}

/* Whether number tokens a and b print the same value. */
static bool
same_number(const gr_tok *a, const gr_tok *b)
{
	return a->mantissa == b->mantissa && a->scale == b->scale && a->unit == b->unit;
}

/*
 * Whether the n = k * w numbers of cells read the same row by row as column
 * by column, as k rows of w columns: an extractor that prints a block's
 * labels first and then its numbers prints them in one order or the other.
 */
static bool
same_by_rows_and_columns(const gr_doc *doc, const int *cells, int k, int w)
{
	for (int i = 0; i < k; i++)
		for (int c = 0; c < w; c++)
			if (!same_number(&doc->lx.toks[cells[i * w + c]], &doc->lx.toks[cells[c * k + i]]))
				return false;
	return true;
}

/*
 * 「行政处罚 行政强制 4119 195」: pdfminer prints the labels of a block's
 * rows one under the other, then the numbers.  Rows r up to s of one block,
 * each but the last read no value, and the last read exactly all of theirs:
 * when the numbers read the same row by row as column by column (always, a
 * column wide), they are the rows' in turn.
 */
static void
take_stacked_values(gr_doc *doc, row_job *jobs, int njobs, int r)
{
	int			s = r;
	int			k,
				w = jobs[r].width;
	row_job    *last;
	gr_buf		values = {0};

	/* the labels one under the other, in the template's order */
	while (s < njobs && jobs[s].nvalues == 0 && jobs[s].ncells == 0 && jobs[s].block == jobs[r].block &&
		   jobs[s].width == w && (s == r || jobs[s].label_tok > jobs[s - 1].label_tok))
		s++;
	if (s == r || s == njobs || jobs[s].block != jobs[r].block || jobs[s].width != w || jobs[r].block < 0 ||
		jobs[s].label_tok < jobs[s - 1].label_tok)
		return;
	last = &jobs[s];
	k = s - r + 1;
	if (w < 1 || last->nvalues != k * w || last->ncells != last->nvalues)
		return;
	for (int t = jobs[r].label_tok; t < last->label_tok; t++)
		if (is_value(&doc->lx.toks[t]))
			return;
	for (int i = 0; i < last->ncells; i++)
	{
		const gr_tok *t = &doc->lx.toks[last->cells[i]];

		if (t->kind != TK_NUM || t->misread || t->broken || t->overflow)
			return;
	}
	if (!same_by_rows_and_columns(doc, last->cells, k, w))
		return;
	for (int i = 0; i < last->ncells; i++)
	{
		const gr_tok *t = &doc->lx.toks[last->cells[i]];

		if (i > 0)
			gr_buf_append(doc->arena, &values, "、", strlen("、"));
		gr_buf_append(doc->arena, &values, doc->text.data + t->off, t->num_len);
	}
	gr_note_add(doc, "values_in_order", jobs[r].label_off,
				"表二「%s」到「%s」这 %d 行的数值都印在最后一行的行名之后，共 %d 个，恰为这几行的数值个数，"
				"逐行读和逐列读结果相同，据此按行序读作 %s",
				t2_label(&gr_t2_rows[jobs[r].def], t2_row_template(doc, jobs[r].def, w)),
				t2_label(&gr_t2_rows[last->def], t2_row_template(doc, last->def, w)), k, k * w, values.data);
	for (int i = 0; i < k; i++)
	{
		jobs[r + i].cells = last->cells + i * w;
		jobs[r + i].ncells = jobs[r + i].nvalues = w;
	}
}

static void
read_table2(gr_doc *doc, int64_t from, int64_t to, int end_tok)
{
	row_keys	sets[16] = {0};
	int64_t		found[16];
	int			found_len[16];
	int64_t		start = gr_compact_find(doc, "第二十条", from, to);
	row_job    *jobs;
	int			njobs;
	table_ctx	tc;
	int64_t		block_of[16];
	int64_t		prev_block = -1,
				prev_found = -1;
	int			prev_template = 0;
	t2_headers	headers;

	if (start < 0)
		start = gr_compact_find(doc, "信息内容", from, to);
	if (start < 0)
		return;
	for (int i = 0; i < gr_t2_nrows; i++)
		sets[i] = gr_t2_rows[i].labels;
	match_rows(doc, sets, gr_t2_nrows, start, to, NULL, found, found_len);
	/* typos: look between the neighbours that were found */
	for (int i = 0; i < gr_t2_nrows; i++)
	{
		int64_t		lo = start,
					hi = to;

		if (found[i] >= 0)
			continue;
		between_neighbours(found, found_len, gr_t2_nrows, i, &lo, &hi);
		found[i] = loose_label(doc, i, lo, hi);
		if (found[i] >= 0)
		{
			const gr_tok *t = &doc->lx.toks[tok_for_compact(doc, found[i])];

			found_len[i] = (int) t->clen;
			gr_note_add(doc, "row_label_variant", t->off,
						"表二%s「%s」行的行名印作「%.*s」，按「%s」读取",
						gr_t2_rows[i].item_label, gr_t2_rows[i].labels[0],
						(int) t->clen, doc->lx.compact + t->coff, gr_t2_rows[i].labels[0]);
		}
	}
	/* the format of each block: header words between 「第二十条」 and the row */
	find_header_words(doc, &headers, start, to);
	doc->t2_template = block_template(&headers, start, to);
	find_blocks(doc, start, to, found, block_of);
	for (int i = 0; i < gr_t2_nrows; i++)
	{
		doc->t2_block_template[i] = 0;
		if (found[i] < 0)
			continue;
		/* rows of one block share its header */
		if (block_of[i] != prev_block || prev_found > found[i])
			prev_template = block_template(&headers, block_of[i], found[i]);
		doc->t2_block_template[i] = prev_template;
		prev_block = block_of[i];
		prev_found = found[i];
	}
	/* table 2's width depends on the row's format, decided after its cells are read */
	jobs = build_jobs(doc, found, gr_t2_nrows, 0, end_tok, NULL, &njobs);
	if (doc->t2_template == 0)
		infer_t2_template(doc, jobs, njobs, found, found_len);
	for (int r = 0; r < njobs; r++)
	{
		keep_to_block(doc, &jobs[r], to);
		jobs[r].width = t2_width(doc, jobs[r].def, jobs[r].nvalues);
		jobs[r].block = block_of[jobs[r].def];
	}
	for (int r = 0; r < njobs; r++)
		take_value_before_label(doc, jobs, njobs, r);
	for (int r = 0; r < njobs; r++)
		take_stacked_values(doc, jobs, njobs, r);

	memset(&tc, 0, sizeof(tc));
	tc.doc = doc;
	tc.name = "表二";
	tc.block = -1;
	learn_cell_lines(&tc, jobs, njobs);
	for (int r = 0; r < njobs; r++)
	{
		row_job    *job = &jobs[r];
		const gr_t2_row_def *rd = &gr_t2_rows[job->def];
		int			tpl = t2_row_template(doc, job->def, job->nvalues);
		int64_t		hdr_from = r > 0 ? jobs[r - 1].label_coff : start;
		bool		yuan_header = gr_compact_find(doc, "单位:元", hdr_from, job->label_coff) >= 0;

		job->label = t2_label(rd, tpl);
		if (doc->t2_template == 0 && doc->t2_block_template[job->def] == 0 &&
			measure_count(rd->measures_2019) == measure_count(rd->measures_2021))
			gr_note_add(doc, "template_inferred", job->label_off,
						"表二「%s」所在的%s没有表头，两种格式的列数相同，无法判断格式，按%d年版的列名记录",
						job->label, rd->item_label, tpl);
		/*
		 * Columns are learned from the rows of the same block only: each
		 * block of table 2 has its own header, so its own column positions.
		 */
		if (tc.width != job->width || tc.block != job->block)
		{
			tc.width = job->width;
			tc.block = job->block;
			learn_table(&tc, jobs, njobs);
		}
		resolve_row(&tc, job);
		for (int m = 0; m < job->width; m++)
			add_active_cell(doc, rd, tpl, m, job, yuan_header);
		if (doc->tables_begin_tok < 0 || job->label_tok < doc->tables_begin_tok)
			doc->tables_begin_tok = job->label_tok;
	}
	if (njobs > 0)
		note_blank_rows_if_astray(&tc, jobs, njobs, note_unplaced_numbers(&tc, jobs, njobs), -1);
	note_unread_rows(&tc, jobs, njobs, false);
}

/* ---------------------------------------------------------------- */

static int64_t
section_or(const gr_doc *doc, int no, int64_t fallback)
{
	return doc->sec_coff[no] >= 0 ? doc->sec_coff[no] : fallback;
}

static void
note_page_chrome(gr_doc *doc)
{
	uint32_t	begin,
				end;

	if (doc->tables_begin_tok < 0 || doc->tables_end_tok < doc->tables_begin_tok)
		return;
	begin = doc->lx.toks[doc->tables_begin_tok].off;
	end = doc->lx.toks[doc->tables_end_tok].off;
	for (int i = 0; i < doc->lx.nskipped; i++)
	{
		const gr_skipped *sk = &doc->lx.skipped[i];

		if (sk->off > begin && sk->off < end)
		{
			uint32_t	s = sk->off,
						e = sk->off + sk->len;

			while (s < e && (doc->text.data[s] == ' ' || doc->text.data[s] == '\t'))
				s++;
			while (e > s && (doc->text.data[e - 1] == ' ' || doc->text.data[e - 1] == '\t'))
				e--;
			gr_note_add(doc, "page_number_skipped", sk->off, "表格中的页码「%.*s」已跳过",
						(int) (e - s), doc->text.data + s);
		}
	}
}

/* Whether compact offset 'at' starts the first word of its line, or follows only the bracket there. */
static bool
starts_line(const gr_doc *doc, int64_t at)
{
	int			t = gr_tok_at_compact(&doc->lx, (uint32_t) at);
	const gr_tok *tok;

	if (t < 0)
		return false;
	tok = &doc->lx.toks[t];
	if (t > 0 && doc->lx.toks[t - 1].line == tok->line)
		return false;
	return at == tok->coff || (at == tok->coff + 1 && doc->lx.compact[tok->coff] == '(');
}

/*
 * Where the first note under a table starts (「注：本年度申请中有3件为重复申请…」,
 * a line of its own starting 「注：」「备注：」「说明：」「数据来源：」) in the
 * compact text [from, to), or -1.  Its numbers are no cells of the table.
 */
static int64_t
note_under_table(const gr_doc *doc, int64_t from, int64_t to)
{
	static const char *const marks[] = {"注:", "说明:", "数据来源:", NULL};
	int64_t		first = -1;

	for (int k = 0; marks[k]; k++)
		for (int64_t at = gr_compact_find(doc, marks[k], from, to); at >= 0;
			 at = gr_compact_find(doc, marks[k], at + 1, to))
		{
			/* 「备注:」: the mark's start is a character earlier */
			int64_t		start = k == 0 && at >= from + 3 && memcmp(doc->lx.compact + at - 3, "备", 3) == 0 ? at - 3 : at;

			if (starts_line(doc, start))
			{
				first = start;
				to = start;		/* the other marks are looked for before it */
				break;
			}
		}
	return first;
}

/*
 * A table none of whose rows was read under its section's heading: its
 * cells are NULL, and without a note nothing would say why (an extractor
 * that lost the table, or a report printed without it).  Text without the
 * heading (a fragment, a table alone) gets no such note.
 */
static void
note_missing_tables(gr_doc *doc)
{
	const struct
	{
		int			section;
		const char *numeral;
		const char *name;
		int			rows;
	}			tables[] = {
		{2, "二", "表二（主动公开政府信息情况）", doc->active.count},
		{3, "三", "表三（收到和处理政府信息公开申请情况）", doc->applications.count},
		{4, "四", "表四（政府信息公开行政复议、行政诉讼情况）", doc->proceedings.count},
	};

	for (int k = 0; k < 3; k++)
	{
		int64_t		heading = section_or(doc, tables[k].section, -1);

		if (tables[k].rows == 0 && heading >= 0)
			gr_note_add(doc, "table_not_found", gr_compact_to_off(&doc->lx, (uint32_t) heading),
						"有第%s部分的标题，却未找到%s的任何一行，其单元格均为空值", tables[k].numeral, tables[k].name);
	}
}

void
gr_read_tables(gr_doc *doc)
{
	int64_t		clen = doc->lx.clen;
	int64_t		t2_from = section_or(doc, 2, 0);
	int64_t		t3_from = section_or(doc, 3, -1);
	int64_t		t4_from = section_or(doc, 4, -1);
	int64_t		t5_from = section_or(doc, 5, clen);
	int64_t		t3_anchor;
	int64_t		t2_to;
	int64_t		t3_to;
	int64_t		after;
	int64_t		last_row;
	static const char *const t3_anchors[] = {"勾稽关系", "申请人情况", "本年新收", NULL};

	doc->tables_begin_tok = -1;
	doc->tables_end_tok = -1;

	/*
	 * where table 3 starts bounds table 2; section 3's heading, when it
	 * follows table 2, already does: a number of its prose (a year pushed
	 * onto a line of its own) is no cell of table 2's last row
	 */
	t3_anchor = first_of(doc, t3_anchors, t3_from >= 0 ? t3_from : t2_from, clen);
	t2_to = t3_from > t2_from ? t3_from : t3_anchor;
	if (t3_from < 0)
		t3_from = t3_anchor;
	/* table 3's last row: table 4 is looked for after it, and a note under table 3 */
	after = t3_from >= 0 ? t3_from : t2_from;
	last_row = gr_compact_find(doc, "结转下年", after, clen);
	/* table 4: its section, else the first 「行政复议」 after table 3's last row */
	if (t4_from < 0 || (t3_from >= 0 && t4_from < t3_from))
	{
		int64_t		t4 = first_of(doc, t4_anchors, last_row >= 0 ? last_row : after, clen);

		t4_from = t4 >= 0 ? t4 : clen;
	}
	if (t3_from < 0)
		t3_from = t4_from;
	if (t5_from < t4_from)
		t5_from = clen;

	if (t2_to < 0)
		t2_to = t3_from;
	/* a note under table 3, after its last row's label, ends it */
	t3_to = t4_from;
	if (last_row >= t3_from && last_row < t4_from)
	{
		int64_t		note = note_under_table(doc, last_row, t4_from);

		if (note >= 0)
			t3_to = note;
	}
	read_table2(doc, t2_from, t2_to, tok_for_compact(doc, t2_to));
	read_table3(doc, t3_from, t3_to, tok_for_compact(doc, t3_to));
	read_table4(doc, t4_from, t5_from, tok_for_compact(doc, t5_from));
	note_missing_tables(doc);
	note_page_chrome(doc);

	/* the format: table 2's header decides, table 3's 其他处理 rows otherwise */
	{
		int			t2 = doc->t2_template;

		doc->rep->template_year = t2 ? t2 : doc->t3_template;
		if (t2 && doc->t3_template && t2 != doc->t3_template)
			gr_note_add(doc, "template_mixed", doc->lx.toks[doc->tables_begin_tok >= 0 ? doc->tables_begin_tok : 0].off,
						"表二为%d年版格式，表三「其他处理」却按%d年版印制，格式按表二记为%d年版",
						t2, doc->t3_template, t2);
	}
}
