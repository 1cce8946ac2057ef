/*
 * gr_grid.h — grid tables (reStructuredText, pandoc's grid tables) whose
 * cells wrap over several lines between 「+----+」 borders, rewritten as
 * one line of cells between pipes per row.
 */
#ifndef GR_GRID_H
#define GR_GRID_H

#include "gr_arena.h"

#include <stdbool.h>
#include <stdint.h>

/* Whether the text holds a line that can start a grid table (「+---+---+」) or a MediaWiki table (「{|」). */
bool		gr_has_text_table(const char *text, size_t len);

/*
 * Copies 'text' into 'out', each row of a grid table whose cells wrap over
 * several lines joined into one line 「| cell | cell |」 and its border
 * lines left out; everything else as it is.  'out_srcpos' receives, per
 * output byte, the 1-based character position in 'text' it came from.
 */
void		gr_grid_flatten(gr_arena *arena, const char *text, size_t len,
							gr_buf *out, int32_t **out_srcpos);

#endif
