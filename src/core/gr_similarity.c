/*
 * gr_similarity.c — bigram profiles in hashed buckets, compared by Dice.
 */
#include "gr_similarity.h"
#include "gr_core.h"
#include "gr_norm.h"

#include <string.h>
#include <utf8proc.h>

#define BUCKETS 16384

/* Letters and ideographs only: punctuation, symbols, digits and spaces carry no content here. */
static int
content_char(int32_t cp)
{
	utf8proc_category_t cat;

	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_LU ||
		cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT ||
		cat == UTF8PROC_CATEGORY_LM;
}

/* Fills counts with the text's bigrams; returns how many there were. */
static long
profile(const char *s, size_t len, unsigned short *counts)
{
	int32_t		prev = -1;
	long		total = 0;
	const gr_handlers *h = gr_get_handlers();

	for (size_t i = 0; i < len;)
	{
		int32_t		cp;
		int			n = gr_utf8_decode((const unsigned char *) s + i, len - i, &cp);

		if (n < 0)
		{
			i++;				/* not UTF-8: skip the byte */
			continue;
		}
		i += (size_t) n;
		if ((i & 0xFFFF) < (size_t) n)
			h->check_interrupts();
		if (!content_char(cp))
			continue;
		if (prev >= 0)
		{
			uint32_t	key = ((uint32_t) prev * 2654435761u) ^ ((uint32_t) cp * 40503u);
			unsigned short *c = &counts[(key >> 7) % BUCKETS];

			if (*c < 65535)
				(*c)++;
			total++;
		}
		prev = cp;
	}
	return total;
}

double
gr_similarity(const char *a, size_t alen, const char *b, size_t blen)
{
	const gr_handlers *h = gr_get_handlers();
	unsigned short *ca = h->alloc(sizeof(unsigned short) * BUCKETS * 2);
	unsigned short *cb = ca + BUCKETS;
	long		ta,
				tb;
	long		common = 0;
	double		result;

	memset(ca, 0, sizeof(unsigned short) * BUCKETS * 2);
	ta = profile(a, alen, ca);
	tb = profile(b, blen, cb);
	if (ta == 0 || tb == 0)
		result = (ta == 0 && tb == 0) ? 1.0 : 0.0;
	else
	{
		for (int i = 0; i < BUCKETS; i++)
			common += ca[i] < cb[i] ? ca[i] : cb[i];
		result = 2.0 * (double) common / (double) (ta + tb);
	}
	h->release(ca);
	return result;
}
