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

int
gr_utf8_charlen(const char *s, size_t len)
{
	int			n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n++;
	return n;
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
		return 0;				/* CRLF -> LF; a lone CR is rare and harmless */
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
	int32_t    *srcpos;
	size_t		len;
	size_t		cap;
} out_buffer;

static void
grow(gr_arena *arena, out_buffer *ob, size_t need)
{
	size_t		newcap;
	char	   *nd;
	int32_t    *np;

	newcap = ob->cap * 2 + need;
	nd = gr_arena_alloc(arena, newcap);
	np = gr_arena_alloc(arena, newcap * sizeof(int32_t));
	memcpy(nd, ob->data, ob->len);
	memcpy(np, ob->srcpos, ob->len * sizeof(int32_t));
	ob->data = nd;
	ob->srcpos = np;
	ob->cap = newcap;
}

static inline void
ensure_room(gr_arena *arena, out_buffer *ob, size_t need)
{
	if (ob->len + need + 1 >= ob->cap)
		grow(arena, ob, need);
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

void
gr_normalize(gr_arena *arena, const char *in, size_t len,
			 const int32_t *in_srcpos, gr_text *out)
{
	const gr_handlers *h = gr_get_handlers();
	const unsigned char *s = (const unsigned char *) in;
	out_buffer	ob;
	int32_t		charno = 0;

	ensure_cache();
	/* NFKC rarely expands these texts; ensure_room grows when it does */
	ob.cap = len + len / 4 + 64;
	ob.data = gr_arena_alloc(arena, ob.cap);
	ob.srcpos = gr_arena_alloc(arena, ob.cap * sizeof(int32_t));
	ob.len = 0;

	for (size_t i = 0; i < len;)
	{
		int32_t		cp;
		int			n;
		int32_t		pos;
		unsigned char folded[32];
		int			flen;

		if ((i & 0xFFFF) == 0)
			h->check_interrupts();
		ensure_room(arena, &ob, 32);
		if (s[i] < 0x80 && s[i] >= 0x20)
		{
			charno++;
			ob.data[ob.len] = (char) s[i];
			ob.srcpos[ob.len++] = in_srcpos ? in_srcpos[i] : charno;
			i++;
			continue;
		}
		if ((s[i] & 0xF0) == 0xE0 && i + 2 < len &&
			(s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80)
		{
			/* three-byte sequence: all of CJK; decoded inline */
			cp = ((s[i] & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
			if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF))
			{
				charno++;
				pos = in_srcpos ? in_srcpos[i] : charno;
				if (known_identity(cp))
				{
					/* folds to itself, the usual case */
					ob.data[ob.len] = (char) s[i];
					ob.data[ob.len + 1] = (char) s[i + 1];
					ob.data[ob.len + 2] = (char) s[i + 2];
					ob.srcpos[ob.len] = ob.srcpos[ob.len + 1] = ob.srcpos[ob.len + 2] = pos;
					ob.len += 3;
				}
				else
				{
					flen = fold_bmp(cp, folded);
					if (flen == 3 && memcmp(folded, s + i, 3) == 0)
						identity_bits[cp >> 6] |= (uint64_t) 1 << (cp & 63);
					for (int k = 0; k < flen; k++)
					{
						ob.data[ob.len] = (char) folded[k];
						ob.srcpos[ob.len++] = pos;
					}
				}
				i += 3;
				continue;
			}
		}
		n = gr_utf8_decode(s + i, len - i, &cp);
		if (n < 0)
			h->error(GR_ERR_BAD_ENCODING, "报告文本不是有效的 UTF-8",
					 "The report text contains an invalid UTF-8 byte sequence.",
					 "Convert the file to UTF-8 before loading, e.g. iconv -f GB18030 -t UTF-8.");
		charno++;
		pos = in_srcpos ? in_srcpos[i] : charno;
		flen = cp < 0x10000 ? fold_bmp(cp, folded) : fold_codepoint(cp, folded);
		for (int k = 0; k < flen; k++)
		{
			ob.data[ob.len] = (char) folded[k];
			ob.srcpos[ob.len++] = pos;
		}
		i += (size_t) n;
	}
	ob.data[ob.len] = '\0';
	out->data = ob.data;
	out->len = ob.len;
	out->srcpos = ob.srcpos;
}
