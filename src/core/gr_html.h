/*
 * gr_html.h — flattens HTML into text lines: one table row per line with
 * cells separated by tabs, block elements on lines of their own.
 */
#ifndef GR_HTML_H
#define GR_HTML_H

#include "gr_arena.h"

#include <stdbool.h>
#include <stdint.h>

/* Whether the text carries HTML markup worth parsing as HTML. */
bool		gr_looks_like_html(const char *text, size_t len);

/*
 * Flattens 'html' (UTF-8) into 'out'; 'out_srcpos' receives, per output
 * byte, the 1-based character position in 'html' it came from.
 */
void		gr_html_flatten(gr_arena *arena, const char *html, size_t len,
							gr_buf *out, int32_t **out_srcpos);

/* The code point of the character entity 'name' (len bytes, no 「&」 or 「;」), or -1. */
int32_t		gr_html_entity(const char *name, size_t len);

#endif
