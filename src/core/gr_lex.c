/*
 * gr_lex.c — cells out of folded text.
 *
 * A line is cut into fields at hard delimiters (tab, pipe); a field into
 * segments at runs of two or more spaces (pdftotext -layout); a segment into
 * words at single spaces.  Adjacent text words of one segment form one text
 * cell, so 「(一) 予以公开」 stays whole while 「0 0 0」 gives three numbers.
 */
#include "gr_lex.h"
#include "gr_core.h"

#include <string.h>

typedef enum gap_kind
{
	GAP_LINE_START,
	GAP_SPACE,					/* one space */
	GAP_SOFT,					/* two or more spaces */
	GAP_HARD					/* tab or pipe */
} gap_kind;

typedef struct word
{
	uint32_t	off;
	uint32_t	len;
	gap_kind	gap;
	int			field;
	int			col;
	bool		spaced;			/* a bracketed remark kept its spaces inside */
} word;

typedef struct lex_state
{
	gr_arena   *arena;
	gr_text    *text;
	gr_vec		toks;
	gr_vec		text_toks;		/* int: indexes of the text tokens */
	gr_vec		text_coff;		/* uint32_t: where each of them starts in the compact text */
	gr_vec		skipped;
	/* compact text: never longer than the folded text, so sized once */
	char	   *compact;
	unsigned char *cword;
	uint32_t	clen;
	int			line;
	/* scratch for one line, reused */
	gr_vec		words;
	gr_vec		empties;
	/* one bit per text byte, for finding word ends without a byte loop */
	uint64_t   *stop_bits;		/* tab, pipe, space, brackets */
	uint64_t   *space_bits;
} lex_state;

static bool
is_space(char c)
{
	return c == ' ';
}

static bool
starts_with(const char *s, size_t len, const char *prefix)
{
	size_t		pl = strlen(prefix);

	return len >= pl && memcmp(s, prefix, pl) == 0;
}

/* Skips dashes of any width at s[i]; returns the new index. */
static size_t
skip_dashes(const char *s, size_t len, size_t i, int *count)
{
	for (;;)
	{
		if (i < len && (s[i] == '-' || s[i] == '~'))
		{
			i++;
			(*count)++;
		}
		else if (starts_with(s + i, len - i, "—") || starts_with(s + i, len - i, "–") ||
				 starts_with(s + i, len - i, "―"))
		{
			i += 3;
			(*count)++;
		}
		else if (i < len && s[i] == ' ')
			i++;
		else
			return i;
	}
}

/* Skips the spaces and tabs at s[i] that pad a line; returns the new index. */
static size_t
skip_padding(const char *s, size_t len, size_t i)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* 「- 4 -」, 「—4—」, 「第 4 页」, 「第4页 共12页」: page chrome. */
static bool
is_page_number_line(const char *s, size_t len)
{
	size_t		i = skip_padding(s, len, 0);
	int			dashes = 0;
	int			digits = 0;
	bool		page_word = false;

	/* most lines start with a label or a number: no dash, no 「第」 */
	if (i < len && s[i] != '-' && s[i] != '~' && (unsigned char) s[i] != 0xE2 &&
		!starts_with(s + i, len - i, "第") && !(s[i] >= '0' && s[i] <= '9'))
		return false;
	i = skip_dashes(s, len, i, &dashes);
	if (starts_with(s + i, len - i, "第"))
	{
		page_word = true;
		i += 3;
		while (i < len && s[i] == ' ')
			i++;
	}
	while (i < len && s[i] >= '0' && s[i] <= '9')
	{
		i++;
		digits++;
	}
	if (digits == 0 || digits > 4)
		return false;
	while (i < len && s[i] == ' ')
		i++;
	if (starts_with(s + i, len - i, "页"))
	{
		page_word = true;
		i += 3;
		while (i < len && s[i] == ' ')
			i++;
		if (starts_with(s + i, len - i, "共"))
		{
			i += 3;
			while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == ' '))
				i++;
			if (starts_with(s + i, len - i, "页"))
				i += 3;
		}
	}
	i = skip_dashes(s, len, i, &dashes);
	i = skip_padding(s, len, i);
	return i == len && (dashes >= 2 || page_word);
}

/* Bytes of the Chinese numerals 一 … 十 at s[0..len), up to three of them. */
static size_t
chinese_numerals_at(const char *s, size_t len)
{
	static const char *const numerals = "一二三四五六七八九十";
	size_t		n = 0;

	while (n < 9 && n + 3 <= len && ((unsigned char) s[n] & 0xF0) == 0xE0 &&
		   strstr(numerals, (char[4]) {s[n], s[n + 1], s[n + 2], 0}) != NULL)
		n += 3;
	return n;
}

/*
 * 「(其中修订16件)」: one bracketed remark.  Not 「(二)」 (an enumerator that
 * starts the next label) nor 「(二)部分公开(…)」.
 */
static bool
is_remark(const char *s, size_t len)
{
	const char *close;
	size_t		inner;

	if (len < 2 || s[0] != '(' || s[len - 1] != ')')
		return false;
	close = memchr(s, ')', len);
	if (close != s + len - 1)
		return false;
	inner = len - 2;
	if (inner == 0)
		return false;
	/* enumerators: (1) (12) (一) (十二) */
	{
		bool		all_numeral = true;

		for (size_t i = 1, n; i < len - 1;)
		{
			if (s[i] >= '0' && s[i] <= '9')
				i++;
			else if ((n = chinese_numerals_at(s + i, len - 1 - i)) > 0)
				i += n;
			else
			{
				all_numeral = false;
				break;
			}
		}
		if (all_numeral)
			return false;
	}
	return true;
}

/* 「零」「十二」「壹佰」: a word of Chinese numerals only. */
bool
gr_is_numeral_word(const char *s, size_t len)
{
	/* the UTF-8 bytes of 〇一七万三两九二五仟伍佰八六十千叁四壹拾捌柒玖百肆贰陆零, in order */
	static const uint32_t numerals[] = {
		0xE38087, 0xE4B880, 0xE4B883, 0xE4B887, 0xE4B889, 0xE4B8A4, 0xE4B99D, 0xE4BA8C,
		0xE4BA94, 0xE4BB9F, 0xE4BC8D, 0xE4BDB0, 0xE585AB, 0xE585AD, 0xE58D81, 0xE58D83,
		0xE58F81, 0xE59B9B, 0xE5A3B9, 0xE68BBE, 0xE68D8C, 0xE69F92, 0xE78E96, 0xE799BE,
		0xE88286, 0xE8B4B0, 0xE99986, 0xE99BB6
	};

	if (len == 0 || len % 3 != 0)
		return false;
	for (size_t i = 0; i < len; i += 3)
	{
		const unsigned char *c = (const unsigned char *) s + i;
		uint32_t	code = (uint32_t) c[0] << 16 | (uint32_t) c[1] << 8 | c[2];
		size_t		lo = 0,
					hi = sizeof(numerals) / sizeof(numerals[0]);

		while (lo < hi)
		{
			size_t		mid = (lo + hi) / 2;

			if (numerals[mid] < code)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == sizeof(numerals) / sizeof(numerals[0]) || numerals[lo] != code)
			return false;
	}
	return true;
}

/*
 * A word that stands for an empty cell: a dash or slash, 「无」, 「空」,
 * 「N/A」 or a cross 「×」.  Its cell is blank (NULL), never 0.
 */
static bool
is_null_mark(const char *s, size_t len)
{
	switch (len)
	{
		case 1:
			return s[0] == '/' || s[0] == '-' || s[0] == '\\';
		case 2:
			return (s[0] == '-' && s[1] == '-') || memcmp(s, "×", 2) == 0;
		case 3:
			return memcmp(s, "—", 3) == 0 || memcmp(s, "–", 3) == 0 ||
				memcmp(s, "―", 3) == 0 || memcmp(s, "无", 3) == 0 || memcmp(s, "空", 3) == 0 ||
				memcmp(s, "N/A", 3) == 0 || memcmp(s, "n/a", 3) == 0;
		case 6:
			return memcmp(s, "——", 6) == 0;
		default:
			return false;
	}
}

/*
 * A numeral that OCR misread, a letter in place of a digit (「1I0」「2O」
 * 「l5」): digits and the letters O, o, l and I only, at least one of each;
 * or 「O」「o」「l」 alone, as 0 or 1 are misread.  Its value is not known; it
 * is a cell all the same.
 */
static bool
is_misread_number(const char *s, size_t len)
{
	bool		digit = false,
				letter = false;

	if (len == 1)
		return s[0] == 'O' || s[0] == 'o' || s[0] == 'l';
	if (len > 12)
		return false;
	for (size_t i = 0; i < len; i++)
	{
		if (s[i] >= '0' && s[i] <= '9')
			digit = true;
		else if (s[i] == 'O' || s[i] == 'o' || s[i] == 'l' || s[i] == 'I')
			letter = true;
		else
			return false;
	}
	return digit && letter;
}

/*
 * A mark the reader does not know around a numeral (「~~231~~」「[231]」
 * 「231*」「=231」「"231"」): ASCII punctuation other than what a number,
 * an enumerator or a date is written with.
 */
static bool
is_numeral_wrapper(char c)
{
	return gr_is_ascii_punct(c) && strchr(".,-+%()/:|", c) == NULL;
}

/*
 * Length of the footnote mark (gr_is_footnote_mark) that ends s[0..len), or
 * 0.  Asked of every word that ends in a non-ASCII byte: the lead bytes of
 * the marks' two- and three-byte forms come first, ideographs have others.
 */
static inline size_t
footnote_mark_before(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *) s + len;
	int32_t		cp;

	if (len >= 3 && (u[-3] == 0xE2 || u[-3] == 0xE3) &&
		gr_utf8_decode(u - 3, 3, &cp) == 3 && gr_is_footnote_mark(cp))
		return 3;
	if (len >= 2 && u[-2] == 0xC2 && gr_utf8_decode(u - 2, 2, &cp) == 2 && gr_is_footnote_mark(cp))
		return 2;
	return 0;
}

/* End of the digits, with at most one decimal point between digits, from s[from]. */
static size_t
numeral_end(const char *s, size_t from, size_t to)
{
	size_t		i = from;
	bool		point = false;

	while (i < to && ((s[i] >= '0' && s[i] <= '9') ||
					  (s[i] == '.' && !point && i > from && i + 1 < to && s[i + 1] >= '0' && s[i + 1] <= '9')))
		point |= s[i++] == '.';
	return i;
}

/*
 * 「^1^」「[^1]」「*」「]」「(1)」: marks, and digits between them, after a
 * numeral.
 */
static bool
is_footnote_tail(const char *s, size_t len)
{
	bool		bracketed = len >= 3 && s[0] == '(' && s[len - 1] == ')';

	if (!bracketed && (!is_numeral_wrapper(s[0]) || !is_numeral_wrapper(s[len - 1])))
		return false;
	for (size_t i = 1; i < len - 1; i++)
		if (!is_numeral_wrapper(s[i]) && !(s[i] >= '0' && s[i] <= '9'))
			return false;
	return true;
}

/*
 * A numeral inside such marks, or followed by a footnote reference
 * (「231^1^」「231[^1]」「231¹」「231①」「231(1)」): what the cell held cannot be told for sure
 * (a footnote mark, a strike-through, a converter's markup), so it is a cell
 * whose value is not known.
 */
static bool
is_marked_numeral(const char *s, size_t len)
{
	size_t		from = 0,
				to = len,
				end,
				mark;
	bool		marked_after = false;

	if (len > 24)
		return false;
	while ((mark = footnote_mark_before(s, to)) > 0)
	{
		to -= mark;
		marked_after = true;
	}
	while (from < to && is_numeral_wrapper(s[from]))
		from++;
	end = numeral_end(s, from, to);
	if (end == from)
		return false;
	if (end == to)
		return from > 0 || marked_after;
	return is_footnote_tail(s + end, to - end);
}

/*
 * 「231.」「231。」: a numeral that ends a sentence.  A cell that holds
 * nothing else is one whose value is not known for sure; followed by text
 * in its cell it is an enumerator (「1. 属于国家秘密」).  Returns the number
 * of digits, 0 for no such numeral.
 */
static size_t
stopped_numeral_digits(const char *s, size_t len)
{
	size_t		end = numeral_end(s, 0, len);

	if (end == 0 || len > 24)
		return 0;
	if ((len - end == 1 && s[end] == '.') || (len - end == 3 && memcmp(s + end, "。", 3) == 0))
		return end;
	return 0;
}

/* A word of a list, with its length in bytes; a list ends with {NULL, 0}. */
typedef struct listed_word
{
	const char *text;
	size_t		len;
} listed_word;

#define LISTED(w) {w, sizeof(w) - 1}

/* Index in 'words' of the word s[0..len) starts with, or -1. */
static int
leading_word_index(const char *s, size_t len, const listed_word *words)
{
	if (len == 0)
		return -1;
	for (int i = 0; words[i].text; i++)
		if (words[i].text[0] == s[0] && words[i].len <= len && memcmp(s, words[i].text, words[i].len) == 0)
			return i;
	return -1;
}

/* Length of the word of 'words' that s[0..len) starts with, or 0. */
static size_t
leading_word(const char *s, size_t len, const listed_word *words)
{
	int			i = leading_word_index(s, len, words);

	return i < 0 ? 0 : words[i].len;
}

/* Whether s[0..len) ends with a word of 'words'. */
static bool
ends_with_word(const char *s, size_t len, const listed_word *words)
{
	for (int i = 0; words[i].text; i++)
		if (words[i].len <= len && s[len - 1] == words[i].text[words[i].len - 1] &&
			memcmp(s + len - words[i].len, words[i].text, words[i].len) == 0)
			return true;
	return false;
}

/* Words that make a numeral a round figure, before it and after it. */
static const listed_word approximate_before[] = {
	LISTED("大约"), LISTED("约"), LISTED("近"), LISTED("逾"), LISTED("超过"), LISTED("≈"), {NULL, 0}
};
static const listed_word approximate_after[] = {
	LISTED("余"), LISTED("多"), LISTED("左右"), LISTED("以上"), LISTED("许"), {NULL, 0}
};

/*
 * 「约3001」「近300」「3001余」「300多」「300左右」「约 300」: a numeral with a word
 * that makes it a round figure, and nothing else.  The cell's count is not
 * known, so it is no value; it holds its column all the same.
 */
bool
gr_is_approximate_numeral(const char *s, size_t len)
{
	size_t		from;
	size_t		end;

	if (len < 4 || len > 32)
		return false;
	if (!(s[len - 1] >= '0' && s[len - 1] <= '9') && !ends_with_word(s, len, approximate_after))
		return false;			/* most words: neither a numeral's end nor a round figure's word */
	from = leading_word(s, len, approximate_before);
	while (from > 0 && from < len && s[from] == ' ')
		from++;
	end = numeral_end(s, from, len);
	if (end == from)
		return false;
	if (end == len)
		return from > 0;
	while (end < len && s[end] == ' ')
		end++;
	return leading_word(s + end, len - end, approximate_after) == len - end;
}

/* Whether words[k] is the last word of its cell: nothing follows it after one space. */
static inline bool
ends_its_cell(const word *words, int count, int k)
{
	return k + 1 == count || words[k + 1].gap != GAP_SPACE || words[k + 1].field != words[k].field;
}

/*
 * A cell that stands for a number whose value cannot be read (see the
 * above): a misread or marked numeral, or a stopped one that is a cell by
 * itself.  One digit and a point alone is an enumerator (「1.」 alone on a
 * line where a narrow label cell wraps a character a line) unless a tab or
 * a pipe sets it apart as a cell.  Asked of words that start with an ASCII
 * byte; one that ends with a non-ASCII byte is marked only by a footnote
 * mark (「231¹」), or stopped by 「。」.
 */
static bool
is_unreadable_ascii_cell(const char *s, const word *words, int count, int k, bool delimited)
{
	const word *w = &words[k];
	const char *text = s + w->off;
	size_t		digits;

	if ((unsigned char) text[w->len - 1] >= 0x80 ?
		(footnote_mark_before(text, w->len) > 0 && is_marked_numeral(text, w->len)) ||
		gr_is_approximate_numeral(text, w->len) :
		is_misread_number(text, w->len) || is_marked_numeral(text, w->len))
		return true;
	digits = stopped_numeral_digits(text, w->len);
	return digits > 0 && ends_its_cell(words, count, k) &&
		(digits > 1 || (delimited && w->gap == GAP_HARD));
}

/*
 * A cell of Chinese numerals among the numbers of a row that tabs or pipes
 * part (「3001\t零\t53」): a cell whose value is not read, in its column.
 * A line of such cells and no digits is left as text (a table written out
 * in words is noted once, by the table).  Asked of words of a delimited
 * line no longer than four characters.
 */
static bool
is_numeral_cell(const char *s, const word *words, int count, int k)
{
	const word *w = &words[k];

	if ((k > 0 && words[k - 1].field == w->field) || (k + 1 < count && words[k + 1].field == w->field) ||
		!gr_is_numeral_word(s + w->off, w->len))
		return false;
	for (int i = 0; i < count; i++)
		if (s[words[i].off] >= '0' && s[words[i].off] <= '9')
			return true;
	return false;
}

/*
 * The same of any word.  Most start with an ideograph, and are none; of
 * those, only a round figure (「约3001」) has a digit after its first one or
 * two characters, and a cell of Chinese numerals is three to twelve bytes.
 */
static inline bool
is_unreadable_cell(const char *s, const word *words, int count, int k, bool delimited)
{
	const char *text = s + words[k].off;
	uint32_t	len = words[k].len;

	if ((unsigned char) text[0] < 0x80)
		return is_unreadable_ascii_cell(s, words, count, k, delimited);
	return (((len > 3 && text[3] >= '0' && text[3] <= '9') || (len > 6 && text[6] >= '0' && text[6] <= '9')) &&
			gr_is_approximate_numeral(text, len)) ||
		(delimited && len <= 12 && is_numeral_cell(s, words, count, k));
}

/* The units of an amount a cell may carry (「96.1234万元」「96.1234万」「961234元」), and their kinds. */
static const listed_word amount_units[] = {LISTED("万元"), LISTED("万"), LISTED("元"), {NULL, 0}};
static const gr_unit amount_unit_kinds[] = {UNIT_WANYUAN, UNIT_WANYUAN, UNIT_YUAN};

/* Bytes of the amount unit s[0..len) starts with (its kind in *unit), or 0. */
static inline size_t
leading_unit(const char *s, size_t len, gr_unit *unit)
{
	int			i = leading_word_index(s, len, amount_units);

	if (i < 0)
		return 0;
	*unit = amount_unit_kinds[i];
	return amount_units[i].len;
}

/* What a count is printed with in some tables: 「5件」「3 人次」. */
static const listed_word measure_words[] = {
	LISTED("件"), LISTED("个"), LISTED("项"), LISTED("条"), LISTED("份"), LISTED("人次"), LISTED("次"), {NULL, 0}
};

/*
 * Parses a numeric cell: [+-]digits[,ddd]*[.digits][万元|元|measure word][(annotation)].
 * Returns false when the word is not a number cell.
 */
static bool
parse_number(const char *s, size_t len, gr_tok *tok)
{
	size_t		i = 0;
	int			digits = 0;
	int			sig = 0;
	int64_t		mant = 0;
	bool		neg = false;
	bool		overflow = false;
	int			scale = 0;
	int			group_len = -1;	/* digits since the last comma, -1 = no comma yet */
	bool		grouped = false;

	if (i < len && (s[i] == '+' || s[i] == '-'))
	{
		neg = s[i] == '-';
		i++;
	}
	for (; i < len; i++)
	{
		char		c = s[i];

		if (c >= '0' && c <= '9')
		{
			digits++;
			if (group_len >= 0)
				group_len++;
			if (sig > 0 || c != '0')
				sig++;
			if (sig > 18)
				overflow = true;
			else
				mant = mant * 10 + (c - '0');
		}
		else if (c == ',' && digits > 0 && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')
		{
			if ((group_len >= 0 && group_len != 3) || (group_len < 0 && digits > 3))
				return false;
			group_len = 0;
			grouped = true;
		}
		else
			break;
	}
	if (digits == 0 || (group_len >= 0 && group_len != 3))
		return false;
	if (i < len && s[i] == '.')
	{
		size_t		j = i + 1;

		while (j < len && s[j] >= '0' && s[j] <= '9')
		{
			if (scale < 9 && sig < 18)
			{
				mant = mant * 10 + (s[j] - '0');
				scale++;
				sig++;
			}
			j++;
		}
		if (j == i + 1)
			return false;		/* 「1.」 is an enumerator */
		i = j;
	}
	tok->num_len = (uint32_t) i;
	tok->unit = UNIT_NONE;
	tok->annotated = false;
	if (i < len)
	{
		size_t		unit = leading_unit(s + i, len - i, &tok->unit);

		/* 「5件」: a count with its measure word, as some tables print it */
		i += unit > 0 ? unit : leading_word(s + i, len - i, measure_words);
	}
	if (i < len)
	{
		/* 「22(其中修订16件)」: a number with a note inside the cell */
		if (is_remark(s + i, len - i))
			tok->annotated = true;
		else
			return false;
	}
	tok->kind = TK_NUM;
	tok->mantissa = neg ? -mant : mant;
	tok->scale = scale;
	tok->overflow = overflow;
	tok->grouped = grouped;
	return true;
}

/*
 * 「96.」「1,」「(1)」「3、」: digits with the punctuation of a number or of an
 * enumerator, and nothing else.  Beside a number in the same cell it is part
 * of that number broken off by extraction (「96. 1234」, a cell wrapped inside
 * its number), or a label that lost its text: either way the number read
 * beside it is not the cell's value.
 */
static bool
is_number_fragment(const char *s, size_t len)
{
	bool		digit = false;

	for (size_t i = 0; i < len; i++)
	{
		if (s[i] >= '0' && s[i] <= '9')
			digit = true;
		else if (len - i >= 3 && (memcmp(s + i, "、", 3) == 0 || memcmp(s + i, "。", 3) == 0))
			i += 2;
		else if (s[i] == '\0' || strchr(".,:()", s[i]) == NULL)
			return false;
	}
	return digit;
}

/* 「.1234」「,234」: the tail of a number broken off after it. */
static bool
is_number_tail(const char *s, size_t len)
{
	return len >= 2 && (s[0] == '.' || s[0] == ',') && s[1] >= '0' && s[1] <= '9' &&
		is_number_fragment(s, len);
}

/* Only a word starting with a digit, or a sign and a digit, can be a number. */
static inline bool
could_be_number(const char *s, size_t len)
{
	if (len == 0)
		return false;
	if (s[0] >= '0' && s[0] <= '9')
		return true;
	return len > 1 && (s[0] == '-' || s[0] == '+') && s[1] >= '0' && s[1] <= '9';
}

/* Whether a word is a number cell; its number goes into the number fields of *num. */
static bool
number_word(const char *s, const word *w, gr_tok *num)
{
	return could_be_number(s + w->off, w->len) && parse_number(s + w->off, w->len, num);
}

#ifdef __SSE2__
#include <emmintrin.h>
#endif

static inline bool
is_stop_byte(char c)
{
	return c == '\t' || c == '|' || c == ' ' || c == '(' || c == ')';
}

/* Sets the bits of one byte of the text, the way classify_slice does sixteen. */
static inline void
classify_byte(lex_state *st, size_t i)
{
	char		c = st->text->data[i];

	if (is_stop_byte(c))
		st->stop_bits[i >> 6] |= (uint64_t) 1 << (i & 63);
	if (is_space(c))
		st->space_bits[i >> 6] |= (uint64_t) 1 << (i & 63);
}

/* The bits of bytes [from, to) of the text; 'from' is a multiple of 64. */
static void
classify_slice(lex_state *st, size_t from, size_t to)
{
	const char *s = st->text->data;
	size_t		i = from;

#ifdef __SSE2__
	const __m128i tab = _mm_set1_epi8('\t');
	const __m128i pipe = _mm_set1_epi8('|');
	const __m128i space = _mm_set1_epi8(' ');
	const __m128i open = _mm_set1_epi8('(');
	const __m128i close = _mm_set1_epi8(')');

	for (; i + 16 <= to; i += 16)
	{
		__m128i		v = _mm_loadu_si128((const __m128i *) (s + i));
		__m128i		sp = _mm_cmpeq_epi8(v, space);
		__m128i		hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, pipe)),
									   _mm_or_si128(sp, _mm_or_si128(_mm_cmpeq_epi8(v, open),
																	 _mm_cmpeq_epi8(v, close))));

		st->stop_bits[i >> 6] |= (uint64_t) (unsigned) _mm_movemask_epi8(hit) << (i & 63);
		st->space_bits[i >> 6] |= (uint64_t) (unsigned) _mm_movemask_epi8(sp) << (i & 63);
	}
#endif
	for (; i < to; i++)
		classify_byte(st, i);
}

/*
 * Marks, one bit per byte of the text, the bytes that end or shape a word
 * (tab, pipe, space, brackets) and the spaces, so that words and gaps are
 * found by scanning bits instead of bytes.  Sixteen bytes at a time with
 * SSE2; a cancel gets through between slices (GR_CANCEL_SLICE).
 */
static void
classify_bytes(lex_state *st)
{
	size_t		len = st->text->len;
	size_t		nwords = len / 64 + 1;

	st->stop_bits = gr_arena_alloc0(st->arena, nwords * sizeof(uint64_t));
	st->space_bits = gr_arena_alloc0(st->arena, nwords * sizeof(uint64_t));
	for (size_t from = 0; from < len; from += GR_CANCEL_SLICE)
	{
		if (from > 0)
			gr_get_handlers()->check_interrupts();
		classify_slice(st, from, len - from < GR_CANCEL_SLICE ? len : from + GR_CANCEL_SLICE);
	}
}

/* First byte in [j, end) whose bit is 'want' (set or clear), or end. */
static inline uint32_t
next_bit(const uint64_t *bits, bool want, uint32_t j, uint32_t end)
{
	uint64_t	flip = want ? 0 : ~(uint64_t) 0;
	uint32_t	w = j >> 6;
	uint64_t	m;

	if (j >= end)
		return end;
	m = (bits[w] ^ flip) & (~(uint64_t) 0 << (j & 63));
	while (m == 0)
	{
		w++;
		if ((uint64_t) w << 6 >= end)
			return end;
		m = bits[w] ^ flip;
	}
	j = (w << 6) + (uint32_t) __builtin_ctzll(m);
	return j < end ? j : end;
}

/*
 * Appends one word of a text cell to the compact text at st->clen.  A word
 * can be a whole 90 MB line, and writing it touches fresh pages for long
 * enough to matter: a cancel gets through between slices (GR_CANCEL_SLICE).
 */
static void
compact_word(lex_state *st, const char *word, uint32_t len)
{
	uint32_t	start = st->clen;

	for (uint32_t done = 0; done < len;)
	{
		uint32_t	n = len - done < GR_CANCEL_SLICE ? len - done : (uint32_t) GR_CANCEL_SLICE;

		if (done > 0)
			gr_get_handlers()->check_interrupts();
		memcpy(st->compact + start + done, word + done, n);
		memset(st->cword + start + done, 0, n);
		done += n;
	}
	st->cword[start] = 1;
	st->clen = start + len;
}

/* Copies a text cell into the compact text; 'spaced' says it has blanks inside. */
static void
add_compact(lex_state *st, gr_tok *tok, bool spaced)
{
	tok->coff = st->clen;
	if (!spaced)
	{
		/* one word, the usual case: copy it whole */
		compact_word(st, st->text->data + tok->off, tok->len);
		tok->verbatim = true;
	}
	else
	{
		/* words of one field: single spaces between them, never a tab */
		uint32_t	i = tok->off;
		uint32_t	end = tok->off + tok->len;

		while (i < end)
		{
			uint32_t	blank = next_bit(st->space_bits, true, i, end);

			if (blank > i)
				compact_word(st, st->text->data + i, blank - i);
			i = next_bit(st->space_bits, false, blank, end);
		}
	}
	tok->clen = st->clen - tok->coff;
}

static gr_tok *
push_tok(lex_state *st, gr_tok_kind kind, const word *w, bool delimited)
{
	gr_tok	   *tok = gr_vec_slot(st->arena, &st->toks);

	*tok = (gr_tok) {
		.kind = kind,
		.off = w->off,
		.len = w->len,
		.line = st->line,
		.col = w->col,
		.delimited = delimited,
	};
	return tok;
}

/* 「||」: a run of empty cells in one-cell-per-line text, not a Markdown row */
static bool
pipes_only(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != '|' && s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* Whether a label can end just before s[d]: after an ideograph, a closing bracket or a closing quote. */
static bool
label_ends_before(const char *s, uint32_t start, uint32_t d)
{
	static const char *const closers[] = {"”", "」", "』", "》", NULL};

	if (d > start && s[d - 1] == ')')
		return true;
	if (d < start + 3)
		return false;
	if ((unsigned char) s[d - 3] >= 0xE4 && (unsigned char) s[d - 3] <= 0xE9)
		return true;
	for (int i = 0; closers[i]; i++)
		if (memcmp(s + d - 3, closers[i], 3) == 0)
			return true;
	return false;
}

/*
 * 「一、本年新收政府信息公开申请数量13520000137」: a scraper dropped the cell
 * boundary between a label and its numbers.  Digits that end a word right
 * after an ideograph, or after the bracket or quote that ends a label
 * (「…不计其他情形)5011018」「…一稳定”0000000」), become a word of their own.
 */
static void
split_glued_number(lex_state *st, gr_vec *words, const char *s)
{
	word	   *w = (word *) words->items + words->count - 1;
	uint32_t	end = w->off + w->len;
	uint32_t	d = end;
	word	   *num;

	if (!(s[end - 1] >= '0' && s[end - 1] <= '9'))
		return;
	while (d > w->off && ((s[d - 1] >= '0' && s[d - 1] <= '9') || s[d - 1] == '.' || s[d - 1] == ','))
		d--;
	while (d < end && !(s[d] >= '0' && s[d] <= '9'))
		d++;					/* the number starts with a digit */
	if (d == end || !label_ends_before(s, w->off, d) || gr_is_approximate_numeral(s + w->off, w->len))
		return;
	w->len = d - w->off;
	num = gr_vec_push(st->arena, words);
	w = (word *) words->items + words->count - 2;	/* the push may have moved it */
	num->off = d;
	num->len = end - d;
	num->gap = GAP_SPACE;
	num->field = w->field;
	num->col = w->col + gr_utf8_charlen(s + w->off, w->len);
}

/* Whether s[0..len) starts with a label's enumerator: 「二、」 or 「(二)」. */
static bool
starts_with_enumerator(const char *s, size_t len)
{
	size_t		n;

	if (len > 0 && s[0] == '(')
	{
		n = chinese_numerals_at(s + 1, len - 1);
		return n > 0 && 1 + n < len && s[1 + n] == ')';
	}
	if (len == 0 || (unsigned char) s[0] < 0xE0)
		return false;			/* 「1.属于…」: an enumerator of digits */
	n = chinese_numerals_at(s, len);
	return n > 0 && starts_with(s + n, len - n, "、");
}

/*
 * Splits a line into words, noting the gap before each and its field;
 * returns whether the line separates cells with tabs or pipes.  Tabs or
 * pipes after the last word are trailing blanks, as extraction leaves them
 * («2 0 0 2\t»): they make no cells, and a line delimited by them alone is
 * not delimited.  A line of pipes is a row of empty cells («| |»), one of
 * tabs and spaces only is blank.
 */
static bool
split_words(lex_state *st, uint32_t start, uint32_t end, gr_vec *words, gr_vec *empties)
{
	const char *s = st->text->data;
	int			field = 0;
	int			col = 0;
	gap_kind	gap = GAP_LINE_START;
	bool		field_has_word = false;
	/* 「| a | b |」: the pipe before the first cell opens it, closes nothing */
	bool		markdown = s[start] == '|' && !pipes_only(s + start, end - start);
	bool		delimited = false;
	bool		delimiter_seen = false;
	bool		pipe_seen = false;
	int			empties_before_last_word = empties->count;
	uint32_t	i = start;
	int			paren_depth = 0;

	while (i < end)
	{
		char		c = s[i];

		if (c == '\t' || c == '|')
		{
			bool		leading_md = markdown && field == 0 && !field_has_word && i == start;

			delimiter_seen = true;
			pipe_seen |= c == '|';
			if (!field_has_word && !leading_md)
			{
				word	   *e = gr_vec_slot(st->arena, empties);

				*e = (word) {.off = i, .field = field, .col = col};
			}
			field++;
			field_has_word = false;
			gap = GAP_HARD;
			paren_depth = 0;
			i++;
			col++;
			continue;
		}
		if (is_space(c))
		{
			uint32_t	j = i;

			j = next_bit(st->space_bits, false, j, end);
			if (paren_depth > 0)
			{
				/* a bracketed remark stays one word: 「(单位: 万元, 保留 4 位小数)」 */
				col += (int) (j - i);
				i = j;
				continue;
			}
			if (gap != GAP_HARD && gap != GAP_LINE_START)
				gap = (j - i >= 2) ? GAP_SOFT : GAP_SPACE;
			col += (int) (j - i);
			i = j;
			continue;
		}
		{
			word	   *w = gr_vec_slot(st->arena, words);
			uint32_t	j = i;
			int			wcol = col;
			bool		spaced = false;

			while (j < end && s[j] != '\t' && s[j] != '|')
			{
				uint32_t	plain = next_bit(st->stop_bits, true, j, end);

				if (plain > j)
				{
					/* bytes that are no delimiter, space or bracket */
					j = plain;
					continue;
				}
				if (s[j] == '(')
					paren_depth++;
				else if (s[j] == ')' && paren_depth > 0)
					paren_depth--;
				else if (is_space(s[j]))
				{
					if (paren_depth == 0)
						break;
					/* only keep going if the bracket closes on this line */
					if (memchr(s + j, ')', end - j) == NULL)
					{
						paren_depth = 0;
						break;
					}
					spaced = true;
				}
				j++;
			}
			col += gr_utf8_charlen(s + i, j - i);
			*w = (word) {
				.off = i, .len = j - i, .gap = gap, .field = field, .col = wcol,
				.spaced = spaced,
			};
			field_has_word = true;
			delimited |= delimiter_seen;
			empties_before_last_word = empties->count;
			gap = GAP_SPACE;
			i = j;
			split_glued_number(st, words, s);
		}
	}
	if (words->count == 0 && pipe_seen)
		return true;
	/* an empty field after the last delimiter is no cell, nor are trailing delimiters */
	if (!delimited)
		empties->count = empties_before_last_word;
	return delimited;
}

/* Pushes word w as the number 'num' parsed from it. */
static gr_tok *
push_number(lex_state *st, const word *w, const gr_tok *num, bool delimited)
{
	gr_tok	   *tok = push_tok(st, TK_NUM, w, delimited);

	tok->mantissa = num->mantissa;
	tok->scale = num->scale;
	tok->overflow = num->overflow;
	tok->unit = num->unit;
	tok->num_len = num->num_len;
	tok->annotated = num->annotated;
	tok->grouped = num->grouped;
	return tok;
}

/*
 * 「…\t4\t3119二、上年结转政府信息公开申请数量\t…」: the line breaks between a
 * table's rows were lost, and a row's last number runs into the label of
 * the next.  Digits that start a text word right before an enumerator
 * (「二、」「(一)」) are pushed as a number, and the word keeps the label.
 * Not 「02.其他法律…」: which digits are the enumerator's cannot be told.
 */
static bool
number_before_label(lex_state *st, word *w, bool delimited)
{
	const char *s = st->text->data;
	uint32_t	end = w->off + w->len;
	uint32_t	d = w->off;
	word		digits = *w;
	gr_tok		num;

	while (d < end && s[d] >= '0' && s[d] <= '9')
		d++;
	if (d == w->off || d == end || !starts_with_enumerator(s + d, end - d))
		return false;
	digits.len = d - w->off;
	if (!parse_number(s + digits.off, digits.len, &num))
		return false;
	push_number(st, &digits, &num, delimited);
	w->col += (int) digits.len;
	w->off = d;
	w->len = end - d;
	w->gap = GAP_SPACE;
	return true;
}

static void
lex_line(lex_state *st, uint32_t start, uint32_t end)
{
	const char *s = st->text->data;
	bool		delimited;
	word	   *w;
	int			ei = 0;
	gr_tok		num;			/* the number of word num_word, when parsed already */
	int			num_word = -1;
	int64_t		fragment_from = -1; /* a fragment that leads word num_word in its cell */

	st->words.count = 0;
	st->empties.count = 0;
	delimited = split_words(st, start, end, &st->words, &st->empties);
	w = st->words.items;

	for (int k = 0; k < st->words.count;)
	{
		word	   *cur = &w[k];
		bool		null_mark;
		bool		number;

		/* empty cells that come before this word */
		while (ei < st->empties.count && ((word *) st->empties.items)[ei].off < cur->off)
			push_tok(st, TK_EMPTY, &((word *) st->empties.items)[ei++], delimited);

		null_mark = is_null_mark(s + cur->off, cur->len);
		number = !null_mark && (num_word == k || number_word(s, cur, &num));
		if (!number && (null_mark || is_unreadable_cell(s, w, st->words.count, k, delimited)))
		{
			push_tok(st, TK_NULLMARK, cur, delimited)->misread = !null_mark;
			k++;
			continue;
		}
		if (number)
		{
			gr_tok	   *tok = push_number(st, cur, &num, delimited);
			int			next = k + 1;

			if (num_word == k && fragment_from >= 0)
			{
				tok->broken = true;
				tok->broken_from = (uint32_t) fragment_from;
			}
			fragment_from = -1;
			/* 「10.42 万元」, 「22 (其中修订16件)」: unit or remark after a space */
			if (next < st->words.count && w[next].gap == GAP_SPACE && w[next].field == cur->field)
			{
				const char *ns = s + w[next].off;
				uint32_t	nl = w[next].len;
				gr_unit		unit = UNIT_NONE;

				/* a short word after a bare number, no more than two characters */
				bool		word_after = tok->len == tok->num_len && nl <= 6 && (unsigned char) ns[0] >= 0x80;

				if (tok->unit == UNIT_NONE && (unsigned char) ns[0] >= 0x80 && leading_unit(ns, nl, &unit) == nl)
					tok->unit = unit;
				else if (word_after && leading_word(ns, nl, measure_words) == nl)
					;			/* 「3 件」: the measure word after a space */
				else if (word_after && leading_word(ns, nl, approximate_after) == nl)
				{
					tok->kind = TK_NULLMARK;	/* 「300 余」: a round figure */
					tok->misread = true;
				}
				else if (is_remark(ns, nl))
					tok->annotated = true;
				else if (is_number_tail(ns, nl))
				{
					if (!tok->broken)
						tok->broken_from = tok->off;
					tok->broken = true;
				}
				else
					next = -1;
				if (next > 0)
				{
					tok->len = w[next].off + nl - tok->off;
					k = next + 1;
					continue;
				}
			}
			k++;
			continue;
		}
		if (s[cur->off] >= '0' && s[cur->off] <= '9')
			number_before_label(st, cur, delimited);
		/* text: absorb following text words of the same segment */
		{
			int			j = k + 1;
			gr_tok	   *tok;

			while (j < st->words.count && w[j].gap == GAP_SPACE && w[j].field == cur->field)
			{
				if (is_null_mark(s + w[j].off, w[j].len))
					break;
				if (number_word(s, &w[j], &num))
				{
					num_word = j;	/* read as a number next, without parsing it again */
					break;
				}
				if (is_unreadable_cell(s, w, st->words.count, j, delimited))
					break;
				j++;
			}
			/* 「约 3001」: a round figure */
			if (num_word == j && j == k + 1 && cur->len <= 6 &&
				leading_word(s + cur->off, cur->len, approximate_before) == cur->len)
			{
				tok = push_tok(st, TK_NULLMARK, cur, delimited);
				tok->misread = true;
				tok->len = w[j].off + w[j].len - cur->off;
				num_word = -1;
				k = j + 1;
				continue;
			}
			/* 「96. 1234」: the fragment goes with the number it was broken off */
			if (num_word == j && is_number_fragment(s + w[j - 1].off, w[j - 1].len))
			{
				fragment_from = w[j - 1].off;
				if (j - 1 == k)
				{
					k = j;
					continue;
				}
				j--;
			}
			*(int *) gr_vec_slot(st->arena, &st->text_toks) = st->toks.count;
			tok = push_tok(st, TK_TEXT, cur, delimited);
			tok->len = w[j - 1].off + w[j - 1].len - cur->off;
			add_compact(st, tok, j > k + 1 || cur->spaced);
			*(uint32_t *) gr_vec_slot(st->arena, &st->text_coff) = tok->coff;
			k = j;
		}
	}
	while (ei < st->empties.count)
		push_tok(st, TK_EMPTY, &((word *) st->empties.items)[ei++], delimited);
}

void
gr_lex(gr_arena *arena, gr_text *text, gr_lexed *out)
{
	const gr_handlers *h = gr_get_handlers();
	lex_state	st;
	uint32_t	start = 0;

	memset(&st, 0, sizeof(st));
	st.arena = arena;
	st.text = text;
	gr_vec_init(&st.toks, sizeof(gr_tok));
	/* about one cell per eight bytes in these texts: no regrowth in the usual case */
	st.toks.capacity = (int) (text->len / 8) + 64;
	st.toks.items = gr_arena_alloc(arena, (size_t) st.toks.capacity * sizeof(gr_tok));
	gr_vec_init(&st.text_toks, sizeof(int));
	gr_vec_init(&st.text_coff, sizeof(uint32_t));
	gr_vec_init(&st.words, sizeof(word));
	gr_vec_init(&st.empties, sizeof(word));
	gr_vec_init(&st.skipped, sizeof(gr_skipped));
	st.compact = gr_arena_alloc(arena, text->len + 1);
	st.cword = gr_arena_alloc(arena, text->len + 1);
	st.clen = 0;
	classify_bytes(&st);

	while (start <= text->len)
	{
		const char *nl = memchr(text->data + start, '\n', text->len - start);
		uint32_t	end = nl ? (uint32_t) (nl - text->data) : (uint32_t) text->len;

		if ((st.line & 1023) == 0)
			h->check_interrupts();
		if (is_page_number_line(text->data + start, end - start))
		{
			gr_skipped *sk = gr_vec_push(arena, &st.skipped);

			sk->off = start;
			sk->len = end - start;
		}
		else if (!gr_is_markdown_rule(text->data + start, end - start))
			lex_line(&st, start, end);
		st.line++;
		if (nl == NULL)
			break;
		start = end + 1;
	}
	out->text = text;
	out->toks = st.toks.items;
	out->ntoks = st.toks.count;
	st.compact[st.clen] = '\0';
	out->compact = st.compact;
	out->clen = st.clen;
	out->cword_start = st.cword;
	out->skipped = st.skipped.items;
	out->nskipped = st.skipped.count;
	out->text_toks = st.text_toks.items;
	out->text_coff = st.text_coff.items;
	out->ntext = st.text_toks.count;
}

uint32_t
gr_compact_to_off(const gr_lexed *lx, uint32_t coff)
{
	int			t = gr_tok_at_compact(lx, coff);
	const gr_tok *tok;
	const char *s;
	uint32_t	want;

	if (t < 0)
		return 0;
	tok = &lx->toks[t];
	want = coff - tok->coff;
	if (tok->verbatim || want == 0)
		return tok->off + want;
	/* the compact copy dropped this token's spaces: count them back in */
	s = lx->text->data + tok->off;
	for (uint32_t i = 0, kept = 0; i < tok->len; i++)
	{
		if (s[i] == ' ' || s[i] == '\t')
			continue;
		if (kept++ == want)
			return tok->off + i;
	}
	return tok->off + tok->len;
}

int
gr_tok_at_compact(const gr_lexed *lx, uint32_t coff)
{
	int			lo = 0,
				hi = lx->ntext - 1,
				best = -1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (lx->text_coff[mid] <= coff)
		{
			best = mid;
			lo = mid + 1;
		}
		else
			hi = mid - 1;
	}
	return best < 0 ? -1 : lx->text_toks[best];
}
