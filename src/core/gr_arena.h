/*
 * gr_arena.h — a bump allocator on top of the handlers' alloc, so that a
 * parse releases all its memory at once and an error path leaks nothing
 * (the glue's memory context owns the chunks).
 */
#ifndef GR_ARENA_H
#define GR_ARENA_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct gr_arena gr_arena;

gr_arena   *gr_arena_create(void);
void		gr_arena_destroy(gr_arena *arena);
void	   *gr_arena_alloc(gr_arena *arena, size_t size);
void	   *gr_arena_alloc0(gr_arena *arena, size_t size);
char	   *gr_arena_strndup(gr_arena *arena, const char *s, size_t len);
char	   *gr_arena_printf(gr_arena *arena, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));
char	   *gr_arena_vprintf(gr_arena *arena, const char *fmt, va_list args)
			__attribute__((format(printf, 2, 0)));

/* A growable array of fixed-size elements living in an arena. */
typedef struct gr_vec
{
	void	   *items;
	int			count;
	int			capacity;
	size_t		elem_size;
} gr_vec;

void		gr_vec_init(gr_vec *vec, size_t elem_size);
void		gr_vec_grow(gr_arena *arena, gr_vec *vec);

/*
 * Room for one more element, not initialised: for hot loops that fill
 * every field themselves.
 */
static inline void *
gr_vec_slot(gr_arena *arena, gr_vec *vec)
{
	if (vec->count == vec->capacity)
		gr_vec_grow(arena, vec);
	return (char *) vec->items + (size_t) vec->count++ * vec->elem_size;
}

/* One more element, zeroed. */
void	   *gr_vec_push(gr_arena *arena, gr_vec *vec);

/* A growable byte buffer living in an arena. */
typedef struct gr_buf
{
	char	   *data;
	size_t		len;
	size_t		capacity;
} gr_buf;

void		gr_buf_reserve(gr_arena *arena, gr_buf *buf, size_t extra);
void		gr_buf_append(gr_arena *arena, gr_buf *buf, const char *s, size_t len);

/*
 * Text written out by a reader that rewrites its input (HTML, tables drawn
 * in text) with, per byte, the 1-based input character it stands for.
 */
typedef struct gr_posbuf
{
	gr_arena   *arena;
	gr_buf	   *out;
	int32_t    *srcpos;			/* grows with out */
	size_t		cap;
} gr_posbuf;

/* Starts 'out' empty, with room for 'expected' bytes. */
void		gr_posbuf_init(gr_posbuf *pb, gr_arena *arena, gr_buf *out, size_t expected);

/*
 * Appends s[0, len).  With 'advance' the bytes are the input's own from
 * character 'pos' on (each character one position further); without, they
 * stand in for a mark at 'pos' (an inserted separator).
 */
void		gr_posbuf_emit(gr_posbuf *pb, const char *s, size_t len, int32_t pos, bool advance);

#endif
