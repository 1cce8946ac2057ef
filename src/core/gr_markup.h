/*
 * gr_markup.h — blanks the inline marks of Markdown (and of HTML left in
 * Markdown) so that a cell reads as what it shows: 「**231**」,
 * 「[231]{style="font-size:10.5pt"}」, 「`231`」, 「231<br>」, 「\-」.
 */
#ifndef GR_MARKUP_H
#define GR_MARKUP_H

#include <stddef.h>

/*
 * Replaces, in place, every byte of a paired inline mark with a space:
 * emphasis runs (「*」「**」「_」「__」…), code spans, the brackets, link
 * targets and attributes of links, images and pandoc's bracketed spans,
 * the backslash of an escape and the phrasing tags of HTML (「<br>」,
 * 「<span …>」, 「</b>」).  Marks are paired within a paragraph; a lone
 * 「*」 or 「[」 stays.  Only ASCII bytes become spaces, so every offset and
 * every display column of the text stays where it was.
 */
void		gr_unmark_inline(char *text, size_t len);

#endif
