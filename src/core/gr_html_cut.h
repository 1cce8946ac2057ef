/*
 * gr_html_cut.h — takes the bulk out of markup that libxml2 would copy whole
 * into memory of its own (a 60 MB attribute value, comment or doctype).
 */
#ifndef GR_HTML_CUT_H
#define GR_HTML_CUT_H

#include "gr_arena.h"

#include <stddef.h>
#include <stdint.h>

/*
 * Markup longer than this is cut; none of the templates' pages comes near.
 * The fuzzer builds with a small value, so that its inputs reach the cuts.
 */
#ifndef GR_LONG_MARKUP
#define GR_LONG_MARKUP 65536
#endif

/*
 * One cut: bytes of the cut page from 'at' on lie 'removed' bytes (all cuts
 * so far together) before the same bytes of the original page.
 */
typedef struct gr_html_cut
{
	size_t		at;
	size_t		removed;
} gr_html_cut;

/*
 * The page to hand to the HTML parser: 'html' itself, or a copy without the
 * inside of each attribute value, comment, doctype or run of blanks in an
 * end tag longer than GR_LONG_MARKUP (a tag keeps its name and its other
 * attributes).  Cuts are made only where every libxml2 version reads
 * markup, never in text: a page whose markup is not plainly tags, comments
 * and text is cut no further than its first unclear spot.  'cuts' (of
 * gr_html_cut) says where bytes were taken out, in order.
 */
const char *gr_html_cut_long_markup(gr_arena *arena, const char *html, size_t len,
									size_t *cut_len, gr_vec *cuts);

/* Offset in the original page of byte 'at' of the cut page. */
size_t		gr_html_uncut_offset(const gr_vec *cuts, size_t at);

#endif
