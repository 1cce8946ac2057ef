/*
 * gr_arena.c — bump allocation in chunks obtained from the handlers.
 */
#include "gr_arena.h"
#include "gr_core.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define GR_CHUNK_SIZE (64 * 1024)
#define GR_ALIGN(n) (((n) + 15) & ~(size_t) 15)
/* Keeps any single request well below 1 GB, PostgreSQL's palloc limit. */
#define GR_MAX_REQUEST ((size_t) 0x3FFFFFFF - 64)

typedef struct gr_chunk
{
	struct gr_chunk *next;
	size_t		size;
	size_t		used;
	/* data follows, 16-byte aligned */
} gr_chunk;

struct gr_arena
{
	gr_chunk   *head;
};

#define CHUNK_HEADER GR_ALIGN(sizeof(gr_chunk))

static gr_chunk *
new_chunk(size_t payload)
{
	const gr_handlers *h = gr_get_handlers();
	gr_chunk   *chunk;

	if (payload > GR_MAX_REQUEST)
		h->error(GR_ERR_INPUT_TOO_LARGE, "报告过大，无法解析",
				 "A single allocation of the parser would exceed 1 GB.",
				 "Split the input into one report per row.");
	chunk = h->alloc(CHUNK_HEADER + payload);
	if (chunk == NULL)
		h->error(GR_ERR_OUT_OF_MEMORY, "out of memory", NULL, NULL);
	chunk->next = NULL;
	chunk->size = payload;
	chunk->used = 0;
	return chunk;
}

gr_arena *
gr_arena_create(void)
{
	gr_chunk   *chunk = new_chunk(GR_CHUNK_SIZE);
	gr_arena   *arena = (gr_arena *) ((char *) chunk + CHUNK_HEADER);

	chunk->used = GR_ALIGN(sizeof(gr_arena));
	arena->head = chunk;
	return arena;
}

void
gr_arena_destroy(gr_arena *arena)
{
	const gr_handlers *h = gr_get_handlers();
	gr_chunk   *chunk;

	if (arena == NULL)
		return;
	chunk = arena->head;
	while (chunk)
	{
		gr_chunk   *next = chunk->next;

		/* the arena struct itself lives in the last chunk of the list */
		h->release(chunk);
		chunk = next;
	}
}

void *
gr_arena_alloc(gr_arena *arena, size_t size)
{
	gr_chunk   *chunk = arena->head;
	size_t		need = GR_ALIGN(size ? size : 1);
	void	   *ptr;

	if (chunk->used + need > chunk->size)
	{
		size_t		payload = need > GR_CHUNK_SIZE / 4 ? need : GR_CHUNK_SIZE;
		gr_chunk   *fresh = new_chunk(payload);

		if (payload == need)
		{
			/* big request: keep the current chunk for small ones */
			fresh->next = chunk->next;
			chunk->next = fresh;
			fresh->used = need;
			return (char *) fresh + CHUNK_HEADER;
		}
		fresh->next = chunk;
		arena->head = fresh;
		chunk = fresh;
	}
	ptr = (char *) chunk + CHUNK_HEADER + chunk->used;
	chunk->used += need;
	return ptr;
}

void *
gr_arena_alloc0(gr_arena *arena, size_t size)
{
	void	   *ptr = gr_arena_alloc(arena, size);

	memset(ptr, 0, size);
	return ptr;
}

char *
gr_arena_strndup(gr_arena *arena, const char *s, size_t len)
{
	char	   *copy = gr_arena_alloc(arena, len + 1);

	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

/* Appends n bytes to out[*len], false when they do not fit in cap. */
static bool
put_bytes(char *out, size_t cap, size_t *len, const char *s, size_t n)
{
	if (*len + n >= cap)
		return false;
	memcpy(out + *len, s, n);
	*len += n;
	return true;
}

static bool
put_integer(char *out, size_t cap, size_t *len, long long v)
{
	char		digits[24];
	int			i = (int) sizeof(digits);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long) v : (unsigned long long) v;

	do
		digits[--i] = (char) ('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		digits[--i] = '-';
	return put_bytes(out, cap, len, digits + i, sizeof(digits) - (size_t) i);
}

/*
 * Formats the conversions the messages use (%s, %.*s, %d, %lld, %%) into
 * out[cap]; false on any other conversion or when the text does not fit, and
 * the caller then uses vsnprintf.  Messages and locations are formatted for
 * every finding and note, and glibc's vsnprintf made up half of validation.
 */
static bool
format_simple(char *out, size_t cap, size_t *len, const char *fmt, va_list args)
{
	*len = 0;
	for (const char *p = fmt; *p; p++)
	{
		const char *pct = strchr(p, '%');
		size_t		lit = pct ? (size_t) (pct - p) : strlen(p);
		bool		ok;

		if (!put_bytes(out, cap, len, p, lit))
			return false;
		if (pct == NULL)
			break;
		p = pct + 1;
		if (p[0] == 's')
		{
			const char *str = va_arg(args, const char *);

			ok = str && put_bytes(out, cap, len, str, strlen(str));
		}
		else if (p[0] == '.' && p[1] == '*' && p[2] == 's')
		{
			int			n = va_arg(args, int);
			const char *str = va_arg(args, const char *);

			ok = n >= 0 && str && memchr(str, '\0', (size_t) n) == NULL &&
				put_bytes(out, cap, len, str, (size_t) n);
			p += 2;
		}
		else if (p[0] == 'd')
			ok = put_integer(out, cap, len, va_arg(args, int));
		else if (p[0] == 'l' && p[1] == 'l' && p[2] == 'd')
		{
			ok = put_integer(out, cap, len, va_arg(args, long long));
			p += 2;
		}
		else if (p[0] == '%')
			ok = put_bytes(out, cap, len, "%", 1);
		else
			ok = false;
		if (!ok)
			return false;
	}
	out[*len] = '\0';
	return true;
}

char *
gr_arena_vprintf(gr_arena *arena, const char *fmt, va_list args)
{
	va_list		again,
				once_more;
	char		small[512];
	size_t		fast_len;
	int			len;
	char	   *out;

	va_copy(again, args);
	va_copy(once_more, args);
	if (format_simple(small, sizeof(small), &fast_len, fmt, args))
	{
		va_end(again);
		va_end(once_more);
		return gr_arena_strndup(arena, small, fast_len);
	}
	len = vsnprintf(small, sizeof(small), fmt, again);
	if (len < 0)
		len = 0;
	out = gr_arena_alloc(arena, (size_t) len + 1);
	if ((size_t) len < sizeof(small))
		memcpy(out, small, (size_t) len + 1);
	else
		vsnprintf(out, (size_t) len + 1, fmt, once_more);
	va_end(again);
	va_end(once_more);
	return out;
}

char *
gr_arena_printf(gr_arena *arena, const char *fmt,...)
{
	va_list		args;
	char	   *out;

	va_start(args, fmt);
	out = gr_arena_vprintf(arena, fmt, args);
	va_end(args);
	return out;
}

void
gr_vec_init(gr_vec *vec, size_t elem_size)
{
	vec->items = NULL;
	vec->count = 0;
	vec->capacity = 0;
	vec->elem_size = elem_size;
}

void
gr_vec_grow(gr_arena *arena, gr_vec *vec)
{
	int			newcap = vec->capacity ? vec->capacity * 2 : 16;
	void	   *grown = gr_arena_alloc(arena, (size_t) newcap * vec->elem_size);

	if (vec->count)
		memcpy(grown, vec->items, (size_t) vec->count * vec->elem_size);
	vec->items = grown;
	vec->capacity = newcap;
}

void *
gr_vec_push(gr_arena *arena, gr_vec *vec)
{
	return memset(gr_vec_slot(arena, vec), 0, vec->elem_size);
}

void
gr_buf_reserve(gr_arena *arena, gr_buf *buf, size_t extra)
{
	if (buf->len + extra + 1 > buf->capacity)
	{
		size_t		newcap = buf->capacity ? buf->capacity * 2 : 256;
		char	   *grown;

		while (newcap < buf->len + extra + 1)
			newcap *= 2;
		grown = gr_arena_alloc(arena, newcap);
		if (buf->len)
			memcpy(grown, buf->data, buf->len);
		buf->data = grown;
		buf->capacity = newcap;
	}
}

void
gr_buf_append(gr_arena *arena, gr_buf *buf, const char *s, size_t len)
{
	gr_buf_reserve(arena, buf, len);
	memcpy(buf->data + buf->len, s, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

void
gr_posbuf_init(gr_posbuf *pb, gr_arena *arena, gr_buf *out, size_t expected)
{
	pb->arena = arena;
	pb->out = out;
	out->len = 0;
	gr_buf_reserve(arena, out, expected);
	out->data[0] = '\0';
	pb->cap = expected + 1;
	pb->srcpos = gr_arena_alloc(arena, pb->cap * sizeof(int32_t));
}

void
gr_posbuf_emit(gr_posbuf *pb, const char *s, size_t len, int32_t pos, bool advance)
{
	size_t		start = pb->out->len;

	gr_buf_append(pb->arena, pb->out, s, len);
	if (pb->out->len + 1 > pb->cap)
	{
		size_t		cap = pb->cap ? pb->cap * 2 : 1024;
		int32_t    *grown;

		while (cap < pb->out->len + 1)
			cap *= 2;
		grown = gr_arena_alloc(pb->arena, cap * sizeof(int32_t));
		if (start)
			memcpy(grown, pb->srcpos, start * sizeof(int32_t));
		pb->srcpos = grown;
		pb->cap = cap;
	}
	for (size_t i = 0; i < len; i++)
	{
		int32_t		p = pos;

		/*
		 * text bytes advance through the input, the bytes of one character
		 * at its position; inserted separators do not advance
		 */
		if (advance && ((unsigned char) s[i] & 0xC0) != 0x80)
			p = pos++;
		else if (advance && i > 0)
			p = pos - 1;
		pb->srcpos[start + i] = p;
	}
}
