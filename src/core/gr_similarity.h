/*
 * gr_similarity.h — how much of one text another repeats, 0..1.
 */
#ifndef GR_SIMILARITY_H
#define GR_SIMILARITY_H

#include <stddef.h>

/*
 * Dice coefficient of the two texts' character bigrams, ignoring white
 * space, punctuation and digits (a report copied from last year with new
 * numbers still scores near 1).  Linear in the input; both texts UTF-8.
 * Two texts without any bigram score 1 when both are empty of them, else 0.
 */
double		gr_similarity(const char *a, size_t alen, const char *b, size_t blen);

#endif
