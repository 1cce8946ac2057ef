/*
 * gr_norm.h — Unicode NFKC folding with a map back to input positions.
 */
#ifndef GR_NORM_H
#define GR_NORM_H

#include "gr_arena.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct gr_text
{
	char	   *data;			/* normalised UTF-8, NUL-terminated */
	size_t		len;
	/* text that came through HTML: per byte, the position in the input */
	int32_t    *srcpos;
	/*
	 * Otherwise checkpoints: at folded offset cp_off[k], cp_chars[k] input
	 * characters lie before.  Between two checkpoints every folded character
	 * stands for one input character.
	 */
	uint32_t   *cp_off;
	int32_t    *cp_chars;
	int			ncp;
	/*
	 * Sorted folded offsets of narrow characters that stand for a wide one
	 * of the input (「（」 read as 「(」, 「１」 as 「1」), for display widths.
	 */
	uint32_t   *wide_folds;
	int			nwide_folds;
	/* the last position asked for, to continue from */
	int			memo_k;
	size_t		memo_off;
	int32_t		memo_pos;
} gr_text;

/* 1-based input character position of folded byte offset 'off'. */
int			gr_text_pos(gr_text *t, size_t off);

/*
 * Folds 'in' to NFKC, drops format characters (zero-width, bidi marks, BOM),
 * maps CR/CRLF to LF and other control characters to spaces.  When
 * 'in_srcpos' is given it supplies the input position of each input byte
 * (used when the text was itself derived from HTML); otherwise positions are
 * counted in 'in'.  Raises GR_ERR_BAD_ENCODING on invalid UTF-8.
 */
void		gr_normalize(gr_arena *arena, const char *in, size_t len,
						 const int32_t *in_srcpos, gr_text *out);

/*
 * Whether a character takes two columns in monospaced text (East Asian
 * Wide or Fullwidth): Han, kana, Hangul, CJK punctuation, full-width forms.
 */
bool		gr_is_wide(int32_t cp);

/*
 * Columns that folded bytes [from, to) of a line take in monospaced text as
 * the input showed it: two for a wide character, also for one folded from a
 * wide form, one for any other.  Layouts padded for the eye (pandoc's plain
 * tables) align by these; pdftotext -layout aligns by characters.
 */
int			gr_text_display_width(const gr_text *t, size_t from, size_t to);

/* Decodes one UTF-8 sequence; returns its length or -1 when invalid. */
int			gr_utf8_decode(const unsigned char *s, size_t avail, int32_t *cp);

/* Whether NUL-terminated s ends with suffix. */
bool		gr_ends_with(const char *s, const char *suffix);

/* Number of characters in a valid UTF-8 byte range. */
int			gr_utf8_count_chars(const char *s, size_t len);

/*
 * Widest block the normaliser's identity scan uses: 32 bytes (AVX2, when
 * the processor has it, the default), 16 (SSE2) or 0 (byte by byte).  The
 * results are the same; tests compare them.
 */
void		gr_norm_set_scan_width(int bytes);

/* A blank inside a line of the input: a space, a tab, or the CR of a CRLF. */
static inline bool
gr_is_line_pad(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static inline bool
gr_is_ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool
gr_is_ascii_alnum(char c)
{
	return gr_is_ascii_letter(c) || (c >= '0' && c <= '9');
}

static inline bool
gr_is_ascii_punct(char c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

/*
 * Footnote marks: superscript and subscript digits and signs (「¹」「⁾」「₂」),
 * numbers in circles or brackets (「①」「⑴」「⒈」「❶」「㉑」), 「※」「†」「‡」.
 * After a number they mark a footnote (「71¹」「71①」); the normalisation
 * leaves them as they are, since folded to plain digits they would make
 * another number (711), and the lexer reads a number so marked as a cell
 * whose value is not known.
 */
static inline bool
gr_is_footnote_mark(int32_t cp)
{
	return cp == 0xB2 || cp == 0xB3 || cp == 0xB9 || (cp >= 0x2070 && cp <= 0x208E) ||
		(cp >= 0x2460 && cp <= 0x24FF) || (cp >= 0x2776 && cp <= 0x2793) ||
		(cp >= 0x3251 && cp <= 0x325F) || (cp >= 0x32B1 && cp <= 0x32BF) ||
		cp == 0x203B || cp == 0x2020 || cp == 0x2021;
}

/* 「|---|:--:|」「---|---」: the rule under a Markdown table's header. */
static inline bool
gr_is_markdown_rule(const char *s, size_t len)
{
	int			dashes = 0;

	if (len == 0 || (s[0] != '|' && s[0] != '-' && s[0] != ':' && s[0] != ' ' && s[0] != '\t'))
		return false;
	for (size_t i = 0; i < len; i++)
	{
		if (s[i] == '-')
			dashes++;
		else if (s[i] != '|' && s[i] != ':' && s[i] != ' ' && s[i] != '\t')
			return false;
	}
	return dashes >= 3;
}

/* Characters in s[0, len); short words (most cells) are counted in line. */
static inline int
gr_utf8_charlen(const char *s, size_t len)
{
	int			chars = 0;

	if (len >= 16)
		return gr_utf8_count_chars(s, len);
	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char) s[i] & 0xC0) != 0x80;
	return chars;
}

#endif
