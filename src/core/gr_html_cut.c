/*
 * gr_html_cut.c — long markup out of the way of the HTML parser.
 *
 * libxml2 copies an attribute value, a comment or a doctype whole into
 * memory of its own, outside the database's memory contexts, byte by byte:
 * 170 ms and 60 MB for a 60 MB attribute.  None of that markup holds report
 * text, so a copy of the page without it reads the same, sooner and in less
 * memory.
 *
 * Taking bytes out is safe only where the parser sees markup.  The scanner
 * follows what every libxml2 version agrees on: tags that are plainly
 * tags, comments, and the raw text of script, style and the like, which it
 * skips.  At the first thing it cannot read that plainly it stops cutting,
 * so a page is never cut where a parser could see text.
 */
#include "gr_html_cut.h"
#include "gr_core.h"
#include "gr_doc.h"

#include <string.h>
#include <strings.h>

/* Returned by the readers below for markup they cannot read plainly. */
#define NOT_CLEAR SIZE_MAX

typedef struct span
{
	size_t		from;
	size_t		to;
} span;

typedef struct cut_scan
{
	gr_arena   *arena;
	const char *s;
	size_t		len;
	gr_vec		spans;			/* of span, in page order */
	bool		in_preamble;	/* only blanks and comments so far */
} cut_scan;

/* The page has no NUL (checked first), so NUL means past the end. */
static inline char
byte_at(const cut_scan *sc, size_t i)
{
	return i < sc->len ? sc->s[i] : '\0';
}

static inline bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline bool
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool
is_name_start(char c)
{
	return is_letter(c) || c == '_' || c == ':';
}

static inline bool
is_name_char(char c)
{
	return is_letter(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' || c == '.';
}

static size_t
skip_blanks(const cut_scan *sc, size_t i)
{
	while (is_blank(byte_at(sc, i)))
		i++;
	return i;
}

static size_t
skip_name(const cut_scan *sc, size_t i)
{
	while (is_name_char(byte_at(sc, i)))
		i++;
	return i;
}

/* Takes bytes [from, to) out when there are more than GR_LONG_MARKUP of them. */
static void
take_out_if_long(cut_scan *sc, size_t from, size_t to)
{
	span	   *sp;

	if (to <= from || to - from <= GR_LONG_MARKUP)
		return;
	sp = gr_vec_slot(sc->arena, &sc->spans);
	sp->from = from;
	sp->to = to;
}

static const char *
find(const cut_scan *sc, size_t from, const char *needle)
{
	if (from >= sc->len)
		return NULL;
	return gr_find_bytes(sc->s + from, sc->len - from, needle, strlen(needle));
}

/*
 * 「<!--」 at 'lt', ending at the first 「-->」.  Versions disagree on
 * comments that 「--!>」 closes (2.9.10 reads on to the next 「-->」) and on
 * 「<!-->」 and 「<!--->」 (closed at once in HTML5): not plain.
 */
static size_t
after_comment(cut_scan *sc, size_t lt)
{
	const char *dashes;
	size_t		d;

	if (byte_at(sc, lt + 4) == '>' || (byte_at(sc, lt + 4) == '-' && byte_at(sc, lt + 5) == '>'))
		return NOT_CLEAR;
	for (size_t from = lt + 4; (dashes = find(sc, from, "--")) != NULL; from = d + 1)
	{
		d = (size_t) (dashes - sc->s);
		if (byte_at(sc, d + 2) == '>')
		{
			take_out_if_long(sc, lt + 4, d);
			return d + 3;
		}
		if (byte_at(sc, d + 2) == '!' && byte_at(sc, d + 3) == '>')
			return NOT_CLEAR;
	}
	return NOT_CLEAR;
}

/*
 * 「</name>」 at 'lt', maybe with blanks before 「>」, which are cut when
 * long.  Anything else there is read as text by libxml2 2.9.10, as part of
 * the tag by later versions: not plain.
 */
static size_t
after_end_tag(cut_scan *sc, size_t lt)
{
	size_t		rest = skip_name(sc, lt + 2);
	size_t		end = skip_blanks(sc, rest);

	if (byte_at(sc, end) != '>')
		return NOT_CLEAR;
	take_out_if_long(sc, rest, end);
	return end + 1;
}

/*
 * One attribute's value at 'v' (just after 「=」 and blanks).  Returns where
 * the attribute ends.  A quoted value loses its inside; an unquoted one all
 * but its first byte, so that it stays a value.
 */
static size_t
after_value(cut_scan *sc, size_t v)
{
	char		quote = byte_at(sc, v);
	size_t		end;

	if (quote == '"' || quote == '\'')
	{
		const char *close = memchr(sc->s + v + 1, quote, sc->len - v - 1);

		if (close == NULL)
			return NOT_CLEAR;
		end = (size_t) (close - sc->s);
		take_out_if_long(sc, v + 1, end);
		return end + 1;
	}
	end = v;
	while (end < sc->len && !is_blank(sc->s[end]) && sc->s[end] != '>')
		end++;
	if (end == sc->len)
		return NOT_CLEAR;
	if (end > v)
		take_out_if_long(sc, v + 1, end);
	return end;
}

/* Elements whose content parsers may read as raw text, not as markup. */
static bool
has_raw_content(const char *name, size_t len)
{
	static const char *const raw[] = {
		"script", "style", "textarea", "title", "xmp", "iframe",
		"noembed", "noframes", "noscript", NULL
	};

	for (int i = 0; raw[i]; i++)
		if (strlen(raw[i]) == len && strncasecmp(name, raw[i], len) == 0)
			return true;
	return false;
}

/*
 * Raw content of element 'name' from 'from'.  Some versions end it at the
 * first 「</」 and a letter, others at 「</name」: plain only where the two
 * are the same.  A tag inside (「<style><body</style>」) can close the
 * element early for some versions and leave the rest of the page read as
 * text: not plain either.
 */
static size_t
after_raw_content(cut_scan *sc, size_t from, const char *name, size_t name_len)
{
	const char *lt;

	while ((lt = memchr(sc->s + from, '<', sc->len - from)) != NULL)
	{
		size_t		c = (size_t) (lt - sc->s);
		char		next = byte_at(sc, c + 1);

		if (next == '/' && is_letter(byte_at(sc, c + 2)))
		{
			if (sc->len - c - 2 >= name_len && strncasecmp(lt + 2, name, name_len) == 0 &&
				!is_name_char(byte_at(sc, c + 2 + name_len)))
				return c;
			return NOT_CLEAR;
		}
		if (is_letter(next) || next == '!' || next == '?')
			return NOT_CLEAR;
		from = c + 1;
	}
	return NOT_CLEAR;
}

/*
 * 「<name attr="value" attr=value attr>」 at 'lt'.  Anything else in a start
 * tag (「<p@x>」, 「<p / >」, a name starting with a digit) is read
 * differently by different versions: not plain.
 */
static size_t
after_start_tag(cut_scan *sc, size_t lt)
{
	size_t		name_end = skip_name(sc, lt + 1);
	size_t		i = name_end;
	char		c = byte_at(sc, i);

	if (!is_blank(c) && c != '>' && c != '/')
		return NOT_CLEAR;
	for (;;)
	{
		i = skip_blanks(sc, i);
		c = byte_at(sc, i);
		if (c == '>' || (c == '/' && byte_at(sc, i + 1) == '>'))
			break;
		if (!is_name_start(c))
			return NOT_CLEAR;
		i = skip_blanks(sc, skip_name(sc, i));
		if (byte_at(sc, i) != '=')
			continue;			/* an attribute without a value */
		i = skip_blanks(sc, i + 1);
		if (byte_at(sc, i) == '>')
			break;				/* 「attr=>」: an empty value ends the tag */
		i = after_value(sc, i);
		if (i == NOT_CLEAR)
			return NOT_CLEAR;
	}
	i += byte_at(sc, i) == '>' ? 1 : 2;
	if (has_raw_content(sc->s + lt + 1, name_end - lt - 1))
		return after_raw_content(sc, i, sc->s + lt + 1, name_end - lt - 1);
	if (name_end - lt - 1 == 9 && strncasecmp(sc->s + lt + 1, "plaintext", 9) == 0)
		return NOT_CLEAR;		/* raw text to the end of the page */
	return i;
}

/*
 * A doctype at 'lt': what follows 「<!DOCTYPE」 is dropped.  Only the
 * page's first markup is plain: further on, some versions read a doctype,
 * or an end tag right after it, as text.  It ends at 「>」 unless quotes,
 * read as literals by some versions, hide one.
 */
static size_t
after_doctype(cut_scan *sc, size_t lt)
{
	const char *gt;
	size_t		end;

	if (!sc->in_preamble)
		return NOT_CLEAR;
	gt = memchr(sc->s + lt, '>', sc->len - lt);
	if (gt == NULL)
		return NOT_CLEAR;
	end = (size_t) (gt - sc->s);
	if (memchr(sc->s + lt, '"', end - lt) || memchr(sc->s + lt, '\'', end - lt))
		return NOT_CLEAR;
	take_out_if_long(sc, lt + 9, end);
	return end + 1;
}

static bool
starts_comment(const cut_scan *sc, size_t lt)
{
	return byte_at(sc, lt + 1) == '!' && byte_at(sc, lt + 2) == '-' && byte_at(sc, lt + 3) == '-';
}

/* Where markup starting with 「<」 at 'lt' ends, its long parts listed. */
static size_t
after_markup(cut_scan *sc, size_t lt)
{
	char		c1 = byte_at(sc, lt + 1);

	if (starts_comment(sc, lt))
		return after_comment(sc, lt);
	if (c1 == '/' && is_letter(byte_at(sc, lt + 2)))
		return after_end_tag(sc, lt);
	if (is_letter(c1))
		return after_start_tag(sc, lt);
	if (c1 == '!' && sc->len - lt >= 9 && strncasecmp(sc->s + lt + 2, "doctype", 7) == 0)
		return after_doctype(sc, lt);
	/*
	 * Anything else is text to 2.9.14 and later, a comment to HTML5's, and
	 * to 2.9.10 a bogus tag that runs to the next 「>」: not plain.
	 */
	return NOT_CLEAR;
}

static void
list_long_markup(cut_scan *sc)
{
	size_t		next_check = GR_CANCEL_SLICE;
	size_t		i = 0;
	const char *lt;

	while (i < sc->len && (lt = memchr(sc->s + i, '<', sc->len - i)) != NULL)
	{
		size_t		at = (size_t) (lt - sc->s);

		sc->in_preamble = sc->in_preamble && skip_blanks(sc, i) == at;
		i = after_markup(sc, at);
		if (i == NOT_CLEAR)
			return;
		sc->in_preamble = sc->in_preamble && starts_comment(sc, at);
		if (i >= next_check)
		{
			gr_get_handlers()->check_interrupts();
			next_check = i + GR_CANCEL_SLICE;
		}
	}
}

/* Copies 'n' bytes in slices, a cancel getting through between them. */
static void
copy_checked(char *to, const char *from, size_t n)
{
	for (size_t done = 0; done < n; done += GR_CANCEL_SLICE)
	{
		if (done > 0)
			gr_get_handlers()->check_interrupts();
		memcpy(to + done, from + done, n - done < GR_CANCEL_SLICE ? n - done : GR_CANCEL_SLICE);
	}
}

const char *
gr_html_cut_long_markup(gr_arena *arena, const char *html, size_t len,
						size_t *cut_len, gr_vec *cuts)
{
	cut_scan	sc = {.arena = arena, .s = html, .len = len, .in_preamble = true};
	const span *spans;
	char	   *out;
	size_t		removed = 0;
	size_t		from = 0;
	size_t		out_len = 0;

	gr_vec_init(cuts, sizeof(gr_html_cut));
	gr_vec_init(&sc.spans, sizeof(span));
	*cut_len = len;
	/* a NUL ends the page for some versions and not for others */
	if (len <= GR_LONG_MARKUP || memchr(html, '\0', len) != NULL)
		return html;
	list_long_markup(&sc);
	if (sc.spans.count == 0)
		return html;

	spans = sc.spans.items;
	out = gr_arena_alloc(arena, len + 1);	/* pages untouched past the end cost nothing */
	for (int k = 0; k < sc.spans.count; k++)
	{
		gr_html_cut *cut;

		copy_checked(out + out_len, html + from, spans[k].from - from);
		out_len += spans[k].from - from;
		removed += spans[k].to - spans[k].from;
		from = spans[k].to;
		cut = gr_vec_slot(arena, cuts);
		cut->at = out_len;
		cut->removed = removed;
	}
	copy_checked(out + out_len, html + from, len - from);
	out_len += len - from;
	out[out_len] = '\0';
	*cut_len = out_len;
	return out;
}

size_t
gr_html_uncut_offset(const gr_vec *cuts, size_t at)
{
	const gr_html_cut *c = cuts->items;
	int			lo = 0;
	int			hi = cuts->count;

	/* the last cut at or before 'at' */
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (c[mid].at <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? at : at + c[lo - 1].removed;
}
