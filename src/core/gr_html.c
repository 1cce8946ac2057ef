/*
 * gr_html.c — HTML to text through libxml2's HTML SAX parser.
 *
 * libxml2 allocates with malloc; everything it owns is freed before this
 * file returns.  The callbacks never jump out (no error, no cancel): they,
 * and the reader that hands libxml2 the page a slice at a time, stop the
 * parser on a pending interrupt, which is served once libxml2 has freed its
 * memory, so a query cancel cannot leave libxml2 memory behind.
 */
#include "gr_html.h"
#include "gr_html_cut.h"
#include "gr_core.h"
#include "gr_norm.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/dict.h>
#include <libxml/parserInternals.h>

/* Tables and cells nested deeper than this are read as if not nested. */
#define MAX_NESTING 32

#define KIND_CACHE_SLOTS 32

typedef struct flatten_state
{
	gr_arena   *arena;
	gr_buf	   *out;
	int32_t    *srcpos;			/* grows with out */
	size_t		srcpos_cap;
	const char *in;				/* the HTML input */
	const char *page;			/* what the parser reads: 'in' with long markup cut */
	size_t		page_len;
	size_t		page_read;		/* bytes of 'page' handed to the parser */
	size_t		inlen;
	const gr_vec *cuts;			/* where the parser's copy has bytes taken out */
	/* characters that start in in[0 .. counted_to): positions go mostly forward */
	size_t		counted_to;
	int32_t		counted;
	htmlParserCtxtPtr ctxt;
	int			in_cell;		/* depth of td/th holding data, not layout */
	int			cell_depth;		/* of all td/th */
	uint64_t	layout_cells;	/* flag at depth d: the cell there holds a table */
	size_t		cell_start[MAX_NESTING];	/* out->len where the cell at depth d began */
	gr_vec		soft_breaks;	/* spaces between blocks inside cells (size_t offsets) */
	int			table_depth;
	bool		outer_row_has_cell[MAX_NESTING];	/* of the row around table d */
	int			outer_colspan[MAX_NESTING];
	int			paragraph_depth;	/* of p, li, h1-h6 and the like */
	uint64_t	written_paragraphs;	/* flag at depth d: the one there is a tag of
									 * the page, not one libxml2 implied */
	int			skip;			/* depth of script/style */
	bool		row_has_cell;
	int			pending_colspan;
	bool		stopped;		/* by a pending interrupt */
	bool		in_bogus_comment;	/* text of 「<!…>」 until its 「>」 */
	/* tag kinds by the address of a name in the parser's dictionary */
	const xmlChar *kind_cache_name[KIND_CACHE_SLOTS];
	uint8_t		kind_cache[KIND_CACHE_SLOTS];
} flatten_state;

/* Whether a cancel or another interrupt waits, without serving it. */
static bool
interrupt_pending(void)
{
	const gr_handlers *h = gr_get_handlers();

	return h->interrupt_pending && h->interrupt_pending();
}

/*
 * A cancel cannot jump out of libxml2 without leaking what it allocated, so
 * the callbacks only stop the parser when an interrupt is pending; it is
 * served once the parser has freed its memory.  True when stopped.
 */
static bool
stopped_for_interrupt(flatten_state *st)
{
	if (!st->stopped && interrupt_pending())
	{
		xmlStopParser(st->ctxt);
		st->stopped = true;
	}
	return st->stopped;
}

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

/* sorted by name, for bsearch */
static const struct known_tag
{
	const char *name;
	tag_kind	kind;
}			known_tags[] = {
	{"article", TAG_BLOCK}, {"blockquote", TAG_BLOCK}, {"br", TAG_BR},
	{"caption", TAG_PARAGRAPH}, {"dd", TAG_PARAGRAPH}, {"div", TAG_BLOCK},
	{"dt", TAG_PARAGRAPH}, {"footer", TAG_BLOCK}, {"h1", TAG_PARAGRAPH},
	{"h2", TAG_PARAGRAPH}, {"h3", TAG_PARAGRAPH}, {"h4", TAG_PARAGRAPH},
	{"h5", TAG_PARAGRAPH}, {"h6", TAG_PARAGRAPH}, {"header", TAG_BLOCK},
	{"hr", TAG_BLOCK}, {"li", TAG_PARAGRAPH}, {"ol", TAG_BLOCK},
	{"p", TAG_PARAGRAPH}, {"pre", TAG_BLOCK}, {"script", TAG_RAW},
	{"section", TAG_BLOCK}, {"style", TAG_RAW}, {"table", TAG_TABLE},
	{"tbody", TAG_BLOCK}, {"td", TAG_CELL}, {"th", TAG_CELL},
	{"thead", TAG_BLOCK}, {"title", TAG_PARAGRAPH}, {"tr", TAG_TR},
	{"ul", TAG_BLOCK},
};

static int
compare_tag(const void *key, const void *entry)
{
	return strcmp(key, ((const struct known_tag *) entry)->name);
}

static tag_kind
kind_of(const char *name)
{
	const struct known_tag *t = bsearch(name, known_tags, sizeof(known_tags) / sizeof(known_tags[0]),
										sizeof(known_tags[0]), compare_tag);

	return t ? t->kind : TAG_OTHER;
}

/*
 * kind_of for a name the parser gives a callback.  Looking every tag up by
 * its name cost a tenth of a page's parse.  libxml2 keeps tag names in its
 * dictionary, where a string stays unchanged while the parser lives, so one
 * address means one name: the kind is kept by address.  A name that is not
 * the dictionary's is looked up each time.
 */
static tag_kind
kind_of_callback_name(flatten_state *st, const xmlChar *name)
{
	unsigned	slot = (unsigned) (((uintptr_t) name >> 3) % KIND_CACHE_SLOTS);
	tag_kind	kind;

	if (st->kind_cache_name[slot] == name)
		return (tag_kind) st->kind_cache[slot];
	kind = kind_of((const char *) name);
	if (st->ctxt->dict && xmlDictOwns(st->ctxt->dict, name) == 1)
	{
		st->kind_cache_name[slot] = name;
		st->kind_cache[slot] = (uint8_t) kind;
	}
	return kind;
}

static bool
is_block_kind(tag_kind kind)
{
	return kind == TAG_BR || kind == TAG_BLOCK || kind == TAG_PARAGRAPH;
}

/*
 * 1-based character position of the input byte at 'at': the characters
 * starting in in[0 .. at].  Counted on from the last position asked for,
 * since the parser asks in reading order.
 */
static int32_t
char_position(flatten_state *st, size_t at)
{
	size_t		to = at + 1;

	if (to >= st->counted_to)
		st->counted += (int32_t) gr_utf8_count_chars(st->in + st->counted_to, to - st->counted_to);
	else
		st->counted -= (int32_t) gr_utf8_count_chars(st->in + to, st->counted_to - to);
	st->counted_to = to;
	return st->counted;
}

/* Input position of the parser's current byte, moved back by 'back' bytes. */
static int32_t
position_before(flatten_state *st, long back)
{
	const xmlParserInput *input = st->ctxt->input;
	long		at;

	if (st->inlen == 0)
		return 1;
	/* the input is read as UTF-8 without a converter, so bytes consumed is plain arithmetic */
	if (input->buf == NULL || input->buf->encoder == NULL)
		at = (long) input->consumed + (long) (input->cur - input->base);
	else
		at = xmlByteConsumed(st->ctxt);
	at -= back;
	if (at < 0)
		at = 0;
	at = (long) gr_html_uncut_offset(st->cuts, (size_t) at);
	if ((size_t) at >= st->inlen)
		at = (long) st->inlen - 1;
	return char_position(st, (size_t) at);
}

static int32_t
current_pos(flatten_state *st)
{
	return position_before(st, 0);
}

/*
 * Room for an output as long as the page, which holds unless spanned cells
 * add more than the tags take away.  Growing the output inside the parser
 * copies it, a stretch no cancel can interrupt: 100 ms at 60 MB.
 */
static void
reserve_output(flatten_state *st, size_t len)
{
	gr_buf_reserve(st->arena, st->out, len);
	st->srcpos_cap = len + 1;
	st->srcpos = gr_arena_alloc(st->arena, st->srcpos_cap * sizeof(int32_t));
}

static void
emit(flatten_state *st, const char *s, size_t len, int32_t pos, bool advance)
{
	size_t		start = st->out->len;

	gr_buf_append(st->arena, st->out, s, len);
	if (st->out->len + 1 > st->srcpos_cap)
	{
		size_t		cap = st->srcpos_cap ? st->srcpos_cap * 2 : 1024;
		int32_t    *grown;

		while (cap < st->out->len + 1)
			cap *= 2;
		grown = gr_arena_alloc(st->arena, cap * sizeof(int32_t));
		if (start)
			memcpy(grown, st->srcpos, start * sizeof(int32_t));
		st->srcpos = grown;
		st->srcpos_cap = cap;
	}
	for (size_t i = 0; i < len; i++)
	{
		int32_t		p = pos;

		/* text bytes advance through the input; inserted separators do not */
		if (advance && ((unsigned char) s[i] & 0xC0) != 0x80)
			p = pos++;
		st->srcpos[start + i] = p;
	}
}

static void
newline(flatten_state *st)
{
	if (st->out->len && st->out->data[st->out->len - 1] != '\n')
		emit(st, "\n", 1, current_pos(st), false);
}

/*
 * The widest table of either template has about ten columns.  A wider span is
 * page layout, not a cell of the grid, and each spanned column becomes an
 * empty cell: without a bound, 「<td colspan=999></td>」 turns 21 bytes of
 * input into 998 of output.
 */
#define MAX_COLSPAN 64

static int
attr_int(const xmlChar **attrs, const char *name)
{
	for (int i = 0; attrs && attrs[i]; i += 2)
		if (strcmp((const char *) attrs[i], name) == 0 && attrs[i + 1])
		{
			int			v = atoi((const char *) attrs[i + 1]);

			if (v > MAX_COLSPAN)
				return MAX_COLSPAN;
			return v > 0 ? v : 1;
		}
	return 1;
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
	emit(st, " ", 1, current_pos(st), false);
}

static void
start_cell(flatten_state *st, const xmlChar **attrs)
{
	if (st->row_has_cell)
		emit(st, "\t", 1, current_pos(st), false);
	st->row_has_cell = true;
	if (st->cell_depth < MAX_NESTING)
		st->cell_start[st->cell_depth] = st->out->len;
	set_flag_at(&st->layout_cells, st->cell_depth, false);
	st->cell_depth++;
	st->in_cell++;
	st->pending_colspan = attr_int(attrs, "colspan");
}

static void
end_cell(flatten_state *st)
{
	/* a spanned cell leaves empty cells behind it, as in the grid */
	for (int i = 1; i < st->pending_colspan; i++)
		emit(st, "\t", 1, current_pos(st), false);
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

/* Turns line breaks, and tabs when asked, of the last 'len' bytes emitted into spaces. */
static void
spaces_for_breaks(flatten_state *st, int len, bool tabs_too)
{
	char	   *text = st->out->data + st->out->len - len;

	for (int i = 0; i < len; i++)
		if (text[i] == '\n' || text[i] == '\r' || (tabs_too && text[i] == '\t'))
			text[i] = ' ';
}

/*
 * Whether the element 'name' just started is a tag of the page: libxml2
 * also starts a 「p」 of its own around text outside any element, and such
 * text (a page that is text with a table in it) keeps its lines.  The
 * parser stands on the tag's 「>」 (2.9) or just after it.
 */
static bool
written_in_page(flatten_state *st, const char *name)
{
	const xmlChar *cur = st->ctxt->input->cur;
	const xmlChar *base = st->ctxt->input->base;
	size_t		name_len = strlen(name);

	if (cur[0] != '>' && cur[0] != '/' && (cur == base || cur[-1] != '>'))
		return false;
	/* back to the tag's 「<」; longer tags are cut before libxml2 reads them */
	for (const xmlChar *lt = cur;; lt--)
	{
		if (*lt == '<')
			return strncasecmp((const char *) lt + 1, name, name_len) == 0 &&
				!isalnum(lt[1 + name_len]);
		if (lt == base || cur - lt > GR_LONG_MARKUP + 1024)
			return false;
	}
}

static void
on_start(void *ctx, const xmlChar *name_x, const xmlChar **attrs)
{
	flatten_state *st = ctx;
	const char *name = (const char *) name_x;
	tag_kind	kind = kind_of_callback_name(st, name_x);

	if (stopped_for_interrupt(st))
		return;
	st->in_bogus_comment = false;	/* libxml2 read a tag: the 「<!…」 text has ended */
	if (kind == TAG_RAW)
	{
		st->skip++;
		return;
	}
	if (kind == TAG_TR)
	{
		newline(st);
		st->row_has_cell = false;
	}
	else if (kind == TAG_CELL)
		start_cell(st, attrs);
	else if (kind == TAG_TABLE)
		start_table(st);
	else if (is_block_kind(kind) && st->in_cell == 0)
		newline(st);
	else if (kind == TAG_BR)
		emit(st, " ", 1, current_pos(st), false);
	else if (is_block_kind(kind))
		soft_break(st);
	if (kind == TAG_PARAGRAPH)
	{
		set_flag_at(&st->written_paragraphs, st->paragraph_depth, written_in_page(st, name));
		st->paragraph_depth++;
	}
}

static void
on_end(void *ctx, const xmlChar *name_x)
{
	flatten_state *st = ctx;
	tag_kind	kind = kind_of_callback_name(st, name_x);

	if (stopped_for_interrupt(st))
		return;
	st->in_bogus_comment = false;
	if (kind == TAG_RAW)
	{
		if (st->skip > 0)
			st->skip--;
		return;
	}
	if (kind == TAG_CELL)
		end_cell(st);
	else if (kind == TAG_TABLE)
		end_table(st);
	else if (kind == TAG_TR || (is_block_kind(kind) && st->in_cell == 0))
		newline(st);
	else if (is_block_kind(kind))
		soft_break(st);
	if (kind == TAG_PARAGRAPH && st->paragraph_depth > 0)
	{
		st->paragraph_depth--;
		set_flag_at(&st->written_paragraphs, st->paragraph_depth, false);
	}
}

/*
 * 「<![if !supportLists]>」「<![endif]>」: Word's pages wrap list numbers in
 * these, and HTML reads them as comments that end at the first 「>」.
 * libxml2 2.9 hands them over as text instead, which put them inside labels
 * (「<![if !supportLists]>3.<![endif]>其他」).  Drops the text up to and
 * including that 「>」; false when nothing of 'chars' is left.
 */
static bool
skip_bogus_comment(flatten_state *st, const xmlChar **chars, int *len)
{
	const xmlChar *gt = memchr(*chars, '>', (size_t) *len);

	if (gt == NULL)
		return false;
	st->in_bogus_comment = false;
	*len -= (int) (gt + 1 - *chars);
	*chars = gt + 1;
	return *len > 0;
}

static void
on_characters(void *ctx, const xmlChar *chars, int len)
{
	flatten_state *st = ctx;
	const xmlChar *cur = st->ctxt->input->cur;
	int32_t		pos;

	if (stopped_for_interrupt(st) || st->skip > 0 || len <= 0)
		return;
	if (len == 1 && chars[0] == '<' && cur[0] == '<')
	{
		/* a 「<」 that starts no tag, handed over before the parser moves past it */
		if (cur[1] == '!')
		{
			st->in_bogus_comment = true;
			return;
		}
		pos = current_pos(st);
	}
	else if (st->in_bogus_comment && !skip_bogus_comment(st, &chars, &len))
		return;
	else
		pos = position_before(st, len);	/* the parser stands after the text */
	emit(st, (const char *) chars, (size_t) len, pos, true);
	if (st->in_cell > 0)
		spaces_for_breaks(st, len, true);	/* a cell stays on its row's line */
	else if (st->written_paragraphs != 0)
		spaces_for_breaks(st, len, false);	/* a paragraph on its own; tabs may be cells */
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

/*
 * libxml2 pulls the page through this in slices of about 4 KB, also in the
 * middle of an attribute value, comment or text it reads without calling
 * back: the one place it calls out on any long stretch.  A pending
 * interrupt ends the page here (the callback must not stop the parser: that
 * frees the buffer being filled); the callbacks then do nothing more.
 */
static int
read_page_slice(void *ctx, char *buffer, int len)
{
	flatten_state *st = ctx;
	size_t		left = st->page_len - st->page_read;
	size_t		n = len > 0 ? (size_t) len : 0;

	if (st->stopped || interrupt_pending())
	{
		st->stopped = true;
		return 0;
	}
	if (n > left)
		n = left;
#ifdef GR_HTML_SLICE
	if (n > GR_HTML_SLICE)
		n = GR_HTML_SLICE;		/* tests: slice boundaries everywhere */
#endif
	memcpy(buffer, st->page + st->page_read, n);
	st->page_read += n;
	return (int) n;
}

static void
no_parser(void)
{
	gr_get_handlers()->error(GR_ERR_OUT_OF_MEMORY, "无法创建 HTML 解析器", NULL, NULL);
}

/* A parser that reads the page through read_page_slice. */
static htmlParserCtxtPtr
new_page_parser(flatten_state *st)
{
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	xmlParserInputBufferPtr buf;
	xmlParserInputPtr input;

	if (ctxt == NULL)
		no_parser();
	buf = xmlParserInputBufferCreateIO(read_page_slice, NULL, st, XML_CHAR_ENCODING_NONE);
	if (buf == NULL)
	{
		htmlFreeParserCtxt(ctxt);
		no_parser();
	}
	input = xmlNewIOInputStream(ctxt, buf, XML_CHAR_ENCODING_NONE);
	if (input == NULL)
	{
		xmlFreeParserInputBuffer(buf);
		htmlFreeParserCtxt(ctxt);
		no_parser();
	}
	inputPush(ctxt, input);
	return ctxt;
}

/*
 * One pass of libxml2's HTML SAX parser over the page.  Everything libxml2
 * allocates is freed before this returns, also when it was stopped for an
 * interrupt (st->stopped).
 */
static void
run_parser(flatten_state *st)
{
	htmlSAXHandler sax;

	memset(&sax, 0, sizeof(sax));
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_characters;
	sax.cdataBlock = on_characters;

	st->ctxt = new_page_parser(st);
	if (st->ctxt->sax)
		xmlFree(st->ctxt->sax);
	st->ctxt->sax = (xmlSAXHandlerPtr) xmlMalloc(sizeof(htmlSAXHandler));
	if (st->ctxt->sax == NULL)
	{
		htmlFreeParserCtxt(st->ctxt);
		no_parser();
	}
	memcpy(st->ctxt->sax, &sax, sizeof(sax));
	st->ctxt->userData = st;
	/*
	 * The text is UTF-8 whatever a <meta charset> says: pages saved from
	 * GBK sites keep 「charset=gb2312」, and without IGNORE_ENC libxml2
	 * switches to it mid-page and reads the rest as mojibake.
	 */
	htmlCtxtUseOptions(st->ctxt, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					   HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED | HTML_PARSE_IGNORE_ENC);
	xmlSwitchEncoding(st->ctxt, XML_CHAR_ENCODING_UTF8);
	htmlParseDocument(st->ctxt);
	htmlFreeParserCtxt(st->ctxt);
	st->ctxt = NULL;
}


void
gr_html_flatten(gr_arena *arena, const char *html, size_t len,
				gr_buf *out, int32_t **out_srcpos)
{
	flatten_state st;
	gr_vec		cuts;
	size_t		page_len;
	const char *page;

	if (len > INT_MAX)
		gr_get_handlers()->error(GR_ERR_INPUT_TOO_LARGE, "HTML 报告过大", NULL, NULL);
	page = gr_html_cut_long_markup(arena, html, len, &page_len, &cuts);
	for (;;)
	{
		memset(&st, 0, sizeof(st));
		st.arena = arena;
		st.out = out;
		st.in = html;
		st.inlen = len;
		st.cuts = &cuts;
		st.pending_colspan = 1;
		gr_vec_init(&st.soft_breaks, sizeof(size_t));
		out->len = 0;
		st.page = page;
		st.page_len = page_len;
		reserve_output(&st, page_len);
		run_parser(&st);
		if (!st.stopped)
			break;
		/*
		 * The parser stopped for a pending interrupt and has freed its
		 * memory: a cancel leaves here; any other interrupt is handled and
		 * the page is read again from the start.
		 */
		gr_get_handlers()->check_interrupts();
	}
	out->data[out->len] = '\0';	/* also when nothing was emitted */
	*out_srcpos = st.srcpos;
}
