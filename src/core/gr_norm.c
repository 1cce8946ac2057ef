/*
 * gr_norm.c — NFKC folding through utf8proc, one code point at a time so
 * that every output byte keeps the position of the character it came from.
 *
 * Per-character NFKC equals string NFKC for the scripts in these reports
 * (Han, ASCII, CJK punctuation and compatibility forms): no canonical
 * composition crosses a character boundary there.
 */
#include "gr_norm.h"
#include "gr_core.h"

#include <string.h>
#include <utf8proc.h>

/*
 * Cache of the BMP: for each code point, its folded form as up to 7 UTF-8
 * bytes (byte 0 holds the length; 0xFF = not computed yet).  Filled lazily,
 * kept for the life of the process.
 */
typedef struct fold_entry
{
	unsigned char len;
	unsigned char bytes[7];
} fold_entry;

static fold_entry *bmp_cache = NULL;

/*
 * One bit per BMP code point: set once the code point is known to fold to
 * itself.  8 KB stays in the CPU cache where the 512 KB table above does not.
 */
static uint64_t *identity_bits = NULL;

static inline bool
known_identity(int32_t cp)
{
	return (identity_bits[cp >> 6] >> (cp & 63)) & 1;
}

int
gr_utf8_decode(const unsigned char *s, size_t avail, int32_t *cp)
{
	unsigned char c = s[0];
	int			n;
	int32_t		v;
	int32_t		min;

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c < 0xC2)
		return -1;
	if (c < 0xE0)
	{
		n = 2;
		v = c & 0x1F;
		min = 0x80;
	}
	else if (c < 0xF0)
	{
		n = 3;
		v = c & 0x0F;
		min = 0x800;
	}
	else if (c < 0xF5)
	{
		n = 4;
		v = c & 0x07;
		min = 0x10000;
	}
	else
		return -1;
	if ((size_t) n > avail)
		return -1;
	for (int i = 1; i < n; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return -1;
	*cp = v;
	return n;
}

bool
gr_ends_with(const char *s, const char *suffix)
{
	size_t		ls = strlen(s),
				lf = strlen(suffix);

	return ls >= lf && memcmp(s + ls - lf, suffix, lf) == 0;
}

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Characters (UTF-8 lead bytes) in s[0, n): sixteen bytes at a time. */
int
gr_utf8_count_chars(const char *s, size_t n)
{
	int			continuation = 0;
	size_t		i = 0;

#ifdef __SSE2__
	/* continuation bytes 0x80..0xBF are the signed bytes below -64 */
	const __m128i below = _mm_set1_epi8((char) 0xC0);

	while (i + 16 <= n)
	{
		/* per-byte counters (a match is -1), summed before they can wrap */
		__m128i		counts = _mm_setzero_si128();
		__m128i		sums;

		for (int k = 0; k < 255 && i + 16 <= n; k++, i += 16)
			counts = _mm_sub_epi8(counts, _mm_cmplt_epi8(_mm_loadu_si128((const __m128i *) (s + i)), below));
		sums = _mm_sad_epu8(counts, _mm_setzero_si128());
		continuation += _mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4);
	}
#endif
	for (; i + 8 <= n; i += 8)
	{
		uint64_t	w;

		memcpy(&w, s + i, 8);
		/* continuation bytes are 10xxxxxx: bit 7 set, bit 6 clear; sum the flags */
		w = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
		continuation += (int) ((w * 0x0101010101010101ULL) >> 56);
	}
	for (; i < n; i++)
		continuation += ((unsigned char) s[i] & 0xC0) == 0x80;
	return (int) n - continuation;
}

/*
 * How many of the 'width' bytes of one block to take, from the byte-class
 * masks of the block; 0 stops the run.  Shared by the SSE2 and AVX2 scans.
 * *whole says every byte of the block was taken.
 */
static inline unsigned
identity_take(uint64_t good, uint64_t lead, uint64_t cont, unsigned width, bool *whole)
{
	uint64_t	all = width == 64 ? ~(uint64_t) 0 : (((uint64_t) 1 << width) - 1);
	unsigned	take;
	uint64_t	in_block;
	uint64_t	want_cont;

	good &= all;
	/* up to the first byte of another kind */
	take = good == all ? width : (unsigned) __builtin_ctzll(~good);
	/*
	 * Up to the last whole character: a lead byte whose continuation bytes
	 * would pass 'take' ends the block before it (repeated, since the cut
	 * may leave another such lead).
	 */
	for (;;)
	{
		uint64_t	leads = lead & (((uint64_t) 1 << take) - 1);
		uint64_t	cut = leads & ~(((uint64_t) 1 << (take < 2 ? 0 : take - 2)) - 1);

		if (cut == 0)
			break;
		take = (unsigned) __builtin_ctzll(cut);
	}
	if (take == 0)
		return 0;
	in_block = ((uint64_t) 1 << take) - 1;
	want_cont = ((lead & in_block) << 1) | ((lead & in_block) << 2);
	if ((cont & in_block) != want_cont || (lead & want_cont))
		return 0;				/* malformed: the byte loop decides */
	*whole = good == all;
	return take;
}

#ifdef __SSE2__
/* The byte-class masks of 16 bytes; see identity_run_simd. */
static inline void
classes_sse2(const unsigned char *p, uint64_t *good, uint64_t *lead, uint64_t *cont)
{
	const __m128i bias = _mm_set1_epi8((char) 0x80);
	__m128i		v = _mm_loadu_si128((const __m128i *) p);
	/* signed compares on bytes shifted by 0x80 act as unsigned ones */
	__m128i		u = _mm_xor_si128(v, bias);
	__m128i		ascii = _mm_and_si128(_mm_cmpgt_epi8(u, _mm_set1_epi8((char) (0x1F ^ 0x80))),
									  _mm_cmplt_epi8(u, _mm_set1_epi8((char) (0x80 ^ 0x80))));
	__m128i		layout = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
									  _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
	/* 0x80..0xBF: above 0x7F and below 0xC0 */
	__m128i		c = _mm_andnot_si128(_mm_cmplt_epi8(u, _mm_setzero_si128()),
									 _mm_cmplt_epi8(u, _mm_set1_epi8((char) (0xC0 ^ 0x80))));
	__m128i		l = _mm_and_si128(_mm_cmpgt_epi8(u, _mm_set1_epi8((char) (0xE3 ^ 0x80))),
								  _mm_cmplt_epi8(u, _mm_set1_epi8((char) (0xEA ^ 0x80))));

	*lead = (unsigned) _mm_movemask_epi8(l);
	*cont = (unsigned) _mm_movemask_epi8(c);
	*good = (unsigned) _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(ascii, layout), _mm_or_si128(c, l)));
}
#endif

/* Widest block the identity scan may use: 32 (AVX2 when the CPU has it), 16 or 0. */
static int	scan_width = 32;

void
gr_norm_set_scan_width(int bytes)
{
	scan_width = bytes;
}

#if defined(__GNUC__) && defined(__x86_64__)
#define GR_HAVE_AVX2_SCAN 1
#include <immintrin.h>

/* The same masks for 32 bytes with AVX2, on processors that have it. */
__attribute__((target("avx2")))
static size_t
identity_run_avx2(const unsigned char *s, size_t i, size_t stop)
{
	const __m256i bias = _mm256_set1_epi8((char) 0x80);

	while (i + 32 <= stop)
	{
		__m256i		v = _mm256_loadu_si256((const __m256i *) (s + i));
		__m256i		u = _mm256_xor_si256(v, bias);
		__m256i		ascii = _mm256_and_si256(_mm256_cmpgt_epi8(u, _mm256_set1_epi8((char) (0x1F ^ 0x80))),
											 _mm256_cmpgt_epi8(_mm256_setzero_si256(), u));
		__m256i		layout = _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\n')),
											 _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\t')));
		__m256i		c = _mm256_andnot_si256(_mm256_cmpgt_epi8(_mm256_setzero_si256(), u),
											_mm256_cmpgt_epi8(_mm256_set1_epi8((char) (0xC0 ^ 0x80)), u));
		__m256i		l = _mm256_and_si256(_mm256_cmpgt_epi8(u, _mm256_set1_epi8((char) (0xE3 ^ 0x80))),
										 _mm256_cmpgt_epi8(_mm256_set1_epi8((char) (0xEA ^ 0x80)), u));
		uint64_t	good = (uint32_t) _mm256_movemask_epi8(_mm256_or_si256(_mm256_or_si256(ascii, layout),
																		  _mm256_or_si256(c, l)));
		bool		whole = false;
		unsigned	take = identity_take(good, (uint32_t) _mm256_movemask_epi8(l),
										 (uint32_t) _mm256_movemask_epi8(c), 32, &whole);

		i += take;
		if (!whole)
			return i;
	}
	return i;
}

static bool
have_avx2(void)
{
	static int	known = -1;

	if (known < 0)
	{
		__builtin_cpu_init();
		known = __builtin_cpu_supports("avx2") ? 1 : 0;
	}
	return known == 1;
}
#endif

/*
 * End of the run of text from s[i] (a character boundary) that NFKC leaves
 * alone by byte ranges alone, a block at a time: printable ASCII, tab,
 * newline and well-formed three-byte CJK Unified Ideographs (lead bytes
 * E4..E9).  A block passes when its continuation bytes are exactly the two
 * after each lead byte; a character cut by the block end is left for the
 * next block.  Stops at the first block holding anything else; the byte
 * loop of the caller goes on from there.
 */
static inline size_t
identity_run_simd(const unsigned char *s, size_t i, size_t stop)
{
#ifdef GR_HAVE_AVX2_SCAN
	if (scan_width >= 32 && have_avx2())
	{
		i = identity_run_avx2(s, i, stop);
		if (i + 32 <= stop)
			return i;			/* stopped at a byte of another kind */
	}
#endif
#ifdef __SSE2__
	while (scan_width >= 16 && i + 16 <= stop)
	{
		uint64_t	good,
					lead,
					cont;
		bool		whole = false;
		unsigned	take;

		classes_sse2(s + i, &good, &lead, &cont);
		take = identity_take(good, lead, cont, 16, &whole);
		i += take;
		if (!whole)
			break;
	}
#endif
	return i;
}

/* Printable ASCII, tab and newline: bytes NFKC leaves alone. */
static inline bool
is_plain_ascii(unsigned char c)
{
	return (c >= 0x20 && c < 0x80) || c == '\n' || c == '\t';
}

/* Code point of a well-formed three-byte character at s (at most 'avail' bytes), or -1. */
static inline int32_t
three_byte_cp(const unsigned char *s, size_t avail)
{
	int32_t		cp;

	if ((s[0] & 0xF0) != 0xE0 || avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
		return -1;
	cp = ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	return cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF) ? -1 : cp;
}

/*
 * Bytes of the character at s (at most 'avail') when NFKC is known to leave
 * it alone, else 0: printable ASCII, tab, newline, well-formed CJK Unified
 * Ideographs (lead bytes E4..E9), and three-byte characters already seen
 * to fold to themselves (「、」「。」「“」…).
 */
static inline size_t
identity_char_len(const unsigned char *s, size_t avail)
{
	int32_t		cp;

	if (is_plain_ascii(s[0]))
		return 1;
	if ((cp = three_byte_cp(s, avail)) < 0)
		return 0;
	return (s[0] >= 0xE4 && s[0] <= 0xE9) || known_identity(cp) ? 3 : 0;
}

/*
 * End of the run from s[i] of characters NFKC leaves alone: sixteen bytes
 * at a time where the byte ranges tell, one character at a time across
 * the punctuation between, so a run goes on past each 「、」 of the prose.
 */
static inline size_t
identity_run(const unsigned char *s, size_t i, size_t stop)
{
	for (;;)
	{
		size_t		w;

		i = identity_run_simd(s, i, stop);
		if (i >= stop || (w = identity_char_len(s + i, stop - i)) == 0 || i + w > stop)
			return i;
		i += w;
	}
}

/* Folds one code point into 'out' (room for 32 bytes); returns byte count. */
static int
fold_codepoint(int32_t cp, unsigned char *out)
{
	utf8proc_int32_t buf[18];
	utf8proc_ssize_t n;
	int			boundclass = 0;
	int			len = 0;
	const utf8proc_property_t *prop;

	if (cp == '\r')
		return 0;				/* the CR of a CRLF: gr_parse made each lone CR a line feed */
	if (cp == '\t' || cp == '\n')
	{
		out[0] = (unsigned char) cp;
		return 1;
	}
	if (cp < 0x20)
	{
		out[0] = ' ';
		return 1;
	}
	prop = utf8proc_get_property(cp);
	if (prop->category == UTF8PROC_CATEGORY_CF)
		return 0;				/* zero-width, bidi marks, BOM */
	if (prop->category == UTF8PROC_CATEGORY_CC)
	{
		out[0] = ' ';
		return 1;
	}
	if (cp == 0x2212)
	{
		/* MINUS SIGN, as typesetting writes 本年增/减's 「−3」: NFKC leaves it, but it is no dash */
		out[0] = '-';
		return 1;
	}
	if (gr_is_footnote_mark(cp))
		return (int) utf8proc_encode_char(cp, out);
	n = utf8proc_decompose_char(cp, buf, 16, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &boundclass);
	if (n <= 0 || n > 16)
	{
		buf[0] = cp;
		n = 1;
	}
	else if (n > 1)
	{
		n = utf8proc_normalize_utf32(buf, n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
		if (n <= 0)
		{
			buf[0] = cp;
			n = 1;
		}
	}
	for (utf8proc_ssize_t i = 0; i < n && len < 28; i++)
		len += (int) utf8proc_encode_char(buf[i], out + len);
	return len;
}

static void
ensure_cache(void)
{
	if (bmp_cache == NULL)
	{
		fold_entry *cache = gr_get_handlers()->alloc_persistent(sizeof(fold_entry) * 0x10000);

		memset(cache, 0xFF, sizeof(fold_entry) * 0x10000);
		identity_bits = gr_get_handlers()->alloc_persistent(0x10000 / 8);
		memset(identity_bits, 0, 0x10000 / 8);
		bmp_cache = cache;
	}
}

typedef struct out_buffer
{
	char	   *data;
	int32_t    *srcpos;			/* only with an input position map */
	size_t		len;
	size_t		cap;
	gr_vec		cp_off;			/* uint32_t */
	gr_vec		cp_chars;		/* int32_t */
	size_t		next_cp;
	gr_vec		wide_folds;		/* uint32_t */
} out_buffer;

/*
 * Output bytes between position checkpoints.  A position is the checkpoint's
 * count plus a SIMD count of at most this many bytes; closer checkpoints
 * cut the identity runs of the normaliser short for no gain.
 */
#define CHECKPOINT_EVERY 1024

static void
grow(gr_arena *arena, out_buffer *ob, size_t need)
{
	size_t		newcap = ob->cap * 2 + need;
	char	   *nd = gr_arena_alloc(arena, newcap);

	memcpy(nd, ob->data, ob->len);
	ob->data = nd;
	if (ob->srcpos)
	{
		int32_t    *np = gr_arena_alloc(arena, newcap * sizeof(int32_t));

		memcpy(np, ob->srcpos, ob->len * sizeof(int32_t));
		ob->srcpos = np;
	}
	ob->cap = newcap;
}

static inline void
ensure_room(gr_arena *arena, out_buffer *ob, size_t need)
{
	if (ob->len + need + 1 >= ob->cap)
		grow(arena, ob, need);
}

static void
checkpoint(gr_arena *arena, out_buffer *ob, int32_t chars_before)
{
	*(uint32_t *) gr_vec_push(arena, &ob->cp_off) = (uint32_t) ob->len;
	*(int32_t *) gr_vec_push(arena, &ob->cp_chars) = chars_before;
	ob->next_cp = ob->len + CHECKPOINT_EVERY;
}

/* Whether a character that folds to a narrow one was wide: full-width forms first, the usual case. */
static inline bool
wide_before_folding(int32_t cp)
{
	if (cp >= 0xFF00)
		return cp <= 0xFF60 || (cp >= 0xFFE0 && cp <= 0xFFE6);
	return gr_is_wide(cp);
}

/* Notes that the character about to be appended stands for a wide one. */
static inline void
mark_wide_fold(gr_arena *arena, out_buffer *ob)
{
	*(uint32_t *) gr_vec_slot(arena, &ob->wide_folds) = (uint32_t) ob->len;
}

/*
 * Notes the output offset of a character about to be appended when it is
 * the one narrow character a wide input character 'cp' folds to.
 */
static void
note_wide_fold(gr_arena *arena, out_buffer *ob, int32_t cp, const unsigned char *folded, int flen)
{
	int32_t		out_cp;

	if (gr_is_wide(cp) && gr_utf8_decode(folded, (size_t) flen, &out_cp) == flen && !gr_is_wide(out_cp))
		mark_wide_fold(arena, ob);
}

/* The folded bytes of a BMP code point, from the cache (filled on demand). */
static int
fold_bmp(int32_t cp, unsigned char *folded)
{
	fold_entry *e = &bmp_cache[cp];

	if (e->len == 0xFF)
	{
		unsigned char tmp[32];
		int			tlen = fold_codepoint(cp, tmp);

		if (tlen <= 7)
		{
			memcpy(e->bytes, tmp, (size_t) tlen);
			e->len = (unsigned char) tlen;
		}
		else
			e->len = 0xFE;		/* too long to cache: fold every time */
	}
	if (e->len == 0xFE)
		return fold_codepoint(cp, folded);
	memcpy(folded, e->bytes, e->len);
	return e->len;
}

/*
 * Appends the folded form of one input character.  'chars_before' counts
 * the input characters before it.  Dropped characters and expansions to
 * several characters get checkpoints, so positions stay exact.
 */
static void
append_folded(gr_arena *arena, out_buffer *ob, const unsigned char *folded, int flen,
			  int32_t chars_before, int32_t srcpos)
{
	int			nchars = 0;

	for (int k = 0; k < flen; k++)
		if ((folded[k] & 0xC0) != 0x80)
			nchars++;
	ensure_room(arena, ob, (size_t) flen);
	if (ob->srcpos)
	{
		for (int k = 0; k < flen; k++)
		{
			ob->data[ob->len] = (char) folded[k];
			ob->srcpos[ob->len++] = srcpos;
		}
		return;
	}
	if (nchars == 1)
	{
		memcpy(ob->data + ob->len, folded, (size_t) flen);
		ob->len += (size_t) flen;
		return;
	}
	/* dropped (nchars 0) or expanded: every output character is this one */
	for (int k = 0; k < flen; k++)
	{
		if ((folded[k] & 0xC0) != 0x80)
			checkpoint(arena, ob, chars_before);
		ob->data[ob->len++] = (char) folded[k];
	}
	checkpoint(arena, ob, chars_before + 1);
}

/*
 * Folds one character that the fast paths did not take; returns the bytes
 * of input consumed.  Raises the handlers' error on invalid UTF-8.
 */
static size_t
fold_one(gr_arena *arena, out_buffer *ob, const unsigned char *s, size_t avail,
		 int32_t chars_before, int32_t srcpos)
{
	unsigned char folded[32];
	int32_t		cp;
	int			n = gr_utf8_decode(s, avail, &cp);
	int			flen;

	if (n < 0)
		gr_get_handlers()->error(GR_ERR_BAD_ENCODING, "报告文本不是有效的 UTF-8",
								 "The report text contains an invalid UTF-8 byte sequence.",
								 "Convert the file to UTF-8 before loading, e.g. iconv -f GB18030 -t UTF-8.");
	flen = cp < 0x10000 ? fold_bmp(cp, folded) : fold_codepoint(cp, folded);
	if (cp < 0x10000 && n == 3 && flen == 3 && memcmp(folded, s, 3) == 0)
		identity_bits[cp >> 6] |= (uint64_t) 1 << (cp & 63);
	note_wide_fold(arena, ob, cp, folded, flen);
	append_folded(arena, ob, folded, flen, chars_before, srcpos);
	return (size_t) n;
}

/*
 * A three-byte character whose folded form is known without utf8proc: one
 * already seen to fold to itself, or a full-width form that folds to one
 * ASCII byte (「，」「（」「１」).  Returns the length of the folded form, put
 * in *folded, or 0 when it is not known.  The character is 3 bytes of input.
 */
static inline int
fold_known(const unsigned char *s, size_t avail, const unsigned char **folded)
{
	int32_t		cp = three_byte_cp(s, avail);

	if (cp < 0)
		return 0;
	if (known_identity(cp))
	{
		*folded = s;
		return 3;
	}
	if (bmp_cache[cp].len == 1 && bmp_cache[cp].bytes[0] >= 0x20)
	{
		*folded = bmp_cache[cp].bytes;
		return 1;
	}
	return 0;
}

/* Lets a cancel through once per GR_CHECK_BYTES of input, whatever the width of the characters. */
static inline void
interrupt_point(size_t i, size_t *next_check)
{
	if (i >= *next_check)
	{
		gr_get_handlers()->check_interrupts();
		*next_check = i + GR_CHECK_BYTES;
	}
}

/*
 * HTML input: every output byte records the input position it came from,
 * so each character is placed one at a time.
 */
static void
normalize_mapped(gr_arena *arena, const unsigned char *s, size_t len,
				 const int32_t *in_srcpos, out_buffer *ob)
{
	size_t		next_check = 0;

	for (size_t i = 0; i < len;)
	{
		const unsigned char *folded;
		int			flen;

		size_t		stop;
		size_t		run;

		interrupt_point(i, &next_check);
		ensure_room(arena, ob, 32);
		/* within the room reserved, and not past the next cancel check */
		stop = len - i;
		if (stop > ob->cap - ob->len - 16)
			stop = ob->cap - ob->len - 16;
		if (stop > next_check - i)
			stop = next_check - i;
		run = identity_run(s, i, i + stop);
		if (run > i)
		{
			memcpy(ob->data + ob->len, s + i, run - i);
			memcpy(ob->srcpos + ob->len, in_srcpos + i, (run - i) * sizeof(int32_t));
			ob->len += run - i;
			i = run;
			continue;
		}
		if ((flen = fold_known(s + i, len - i, &folded)) > 0)
		{
			if (flen == 1 && wide_before_folding(three_byte_cp(s + i, len - i)))
				mark_wide_fold(arena, ob);	/* one ASCII byte: narrow */
			for (int k = 0; k < flen; k++)
			{
				ob->srcpos[ob->len] = in_srcpos[i];
				ob->data[ob->len++] = (char) folded[k];
			}
			i += 3;
			continue;
		}
		i += fold_one(arena, ob, s + i, len - i, 0, in_srcpos[i]);
	}
}

/*
 * Plain input: positions come from checkpoints (every CHECKPOINT_EVERY
 * output bytes and around every character that is dropped or expanded), so
 * runs of characters that fold to themselves are copied whole.
 */
static void
normalize_runs(gr_arena *arena, const unsigned char *s, size_t len, out_buffer *ob)
{
	int32_t		chars = 0;		/* input characters consumed */
	size_t		next_check = 0;

	checkpoint(arena, ob, 0);
	for (size_t i = 0; i < len;)
	{
		size_t		stop;
		size_t		run;
		const unsigned char *folded;
		int			flen;

		interrupt_point(i, &next_check);
		ensure_room(arena, ob, 32);
		if (ob->len >= ob->next_cp)
			checkpoint(arena, ob, chars);
		/* never past the next checkpoint, nor past the room reserved */
		stop = i + (ob->next_cp < ob->cap - 16 ? ob->next_cp : ob->cap - 16) - ob->len;
		if (stop > len)
			stop = len;
		run = identity_run(s, i, stop);
		if (run > i)
		{
			memcpy(ob->data + ob->len, s + i, run - i);
			ob->len += run - i;
			chars += gr_utf8_charlen((const char *) s + i, run - i);
			i = run;
			continue;
		}
		/* one character the range test did not take */
		if ((flen = fold_known(s + i, len - i, &folded)) > 0)
		{
			if (flen == 1 && wide_before_folding(three_byte_cp(s + i, len - i)))
				mark_wide_fold(arena, ob);	/* one ASCII byte: narrow */
			memcpy(ob->data + ob->len, folded, (size_t) flen);
			ob->len += (size_t) flen;
			i += 3;
			chars++;
			continue;
		}
		i += fold_one(arena, ob, s + i, len - i, chars, 0);
		chars++;
	}
}

void
gr_normalize(gr_arena *arena, const char *in, size_t len,
			 const int32_t *in_srcpos, gr_text *out)
{
	out_buffer	ob;

	ensure_cache();
	memset(&ob, 0, sizeof(ob));
	/* NFKC rarely expands these texts; ensure_room grows when it does */
	ob.cap = len + len / 4 + 64;
	ob.data = gr_arena_alloc(arena, ob.cap);
	if (in_srcpos)
		ob.srcpos = gr_arena_alloc(arena, ob.cap * sizeof(int32_t));
	gr_vec_init(&ob.cp_off, sizeof(uint32_t));
	gr_vec_init(&ob.cp_chars, sizeof(int32_t));
	gr_vec_init(&ob.wide_folds, sizeof(uint32_t));
	if (in_srcpos)
		normalize_mapped(arena, (const unsigned char *) in, len, in_srcpos, &ob);
	else
		normalize_runs(arena, (const unsigned char *) in, len, &ob);
	ob.data[ob.len] = '\0';
	out->data = ob.data;
	out->len = ob.len;
	out->srcpos = ob.srcpos;
	out->cp_off = ob.cp_off.items;
	out->cp_chars = ob.cp_chars.items;
	out->ncp = ob.cp_off.count;
	out->wide_folds = ob.wide_folds.items;
	out->nwide_folds = ob.wide_folds.count;
	out->memo_k = -1;			/* nothing asked yet */
	out->memo_off = 0;
	out->memo_pos = 0;
}

int
gr_text_pos(gr_text *t, size_t off)
{
	int			lo = 0,
				hi = t->ncp - 1,
				k = 0;
	int32_t		pos;

	if (t->len == 0)
		return 1;
	if (off >= t->len)
		off = t->len - 1;
	if (t->srcpos)
		return t->srcpos[off];
	/* callers mostly ask in increasing order: continue from the last answer */
	if (t->memo_k >= 0 && t->memo_off <= off &&
		(t->memo_k + 1 == t->ncp || t->cp_off[t->memo_k + 1] > off))
	{
		pos = t->memo_pos + gr_utf8_count_chars(t->data + t->memo_off + 1, off - t->memo_off);
		t->memo_off = off;
		t->memo_pos = pos;
		return pos;
	}
	/* the last checkpoint at or before off */
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (t->cp_off[mid] <= off)
		{
			k = mid;
			lo = mid + 1;
		}
		else
			hi = mid - 1;
	}
	/* from the checkpoint, or back from the last answer when that is nearer */
	if (t->memo_k == k && t->memo_off > off && t->memo_off - off < off - t->cp_off[k])
		pos = t->memo_pos - gr_utf8_count_chars(t->data + off + 1, t->memo_off - off);
	else
		pos = t->cp_chars[k] + gr_utf8_count_chars(t->data + t->cp_off[k], off + 1 - t->cp_off[k]);
	t->memo_k = k;
	t->memo_off = off;
	t->memo_pos = pos;
	return pos;
}

bool
gr_is_wide(int32_t cp)
{
	static const int32_t wide[][2] = {
		{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF},
		{0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3},
		{0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, {0xFF00, 0xFF60},
		{0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
	};

	if (cp < 0x1100)
		return false;
	for (size_t i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
		if (cp <= wide[i][1])
			return cp >= wide[i][0];
	return false;
}

/* Index of the first wide fold at or after folded offset 'off'. */
static int
first_wide_fold(const gr_text *t, size_t off)
{
	int			lo = 0,
				hi = t->nwide_folds;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (t->wide_folds[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
gr_text_display_width(const gr_text *t, size_t from, size_t to)
{
	const unsigned char *s = (const unsigned char *) t->data;
	int			width = 0;

	if (to > t->len)
		to = t->len;
	for (size_t i = from; i < to;)
	{
		int32_t		cp;
		int			n;

		if (s[i] < 0x80)
		{
			width++;
			i++;
			continue;
		}
		n = gr_utf8_decode(s + i, to - i, &cp);
		if (n < 0)
		{
			width++;			/* a character cut by 'to' */
			break;
		}
		width += gr_is_wide(cp) ? 2 : 1;
		i += (size_t) n;
	}
	if (t->nwide_folds > 0 && from < to)
		width += first_wide_fold(t, to) - first_wide_fold(t, from);
	return width;
}
