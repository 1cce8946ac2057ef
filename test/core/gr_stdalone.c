/*
 * Handlers for the core outside PostgreSQL.  Transient allocations are kept
 * on a list, like a memory context, so that after an error (a longjmp out
 * of the core) gr_test_release_all() frees what the interrupted call held.
 */
#include "gr_stdalone.h"

#include <stdio.h>
#include <stdlib.h>

jmp_buf    *gr_test_error_jump = NULL;
gr_error_kind gr_test_last_error;
long		gr_test_interrupt_checks = 0;
int			gr_test_pending_interrupts = 0;
jmp_buf    *gr_test_cancel_jump = NULL;

typedef struct block
{
	struct block *prev;
	struct block *next;
} block;

/* 16 bytes: keeps the payload as aligned as malloc's */
#define HEADER sizeof(block)

static block live = {&live, &live};

static void *
checked_malloc(size_t size)
{
	void	   *p = malloc(size);

	if (p == NULL)
	{
		fprintf(stderr, "out of memory\n");
		exit(2);
	}
	return p;
}

static void *
std_alloc(size_t size)
{
	block	   *b = checked_malloc(HEADER + size);

	b->next = live.next;
	b->prev = &live;
	live.next->prev = b;
	live.next = b;
	return (char *) b + HEADER;
}

/* Lives for the process: same header (so std_release works), not on the list. */
static void *
std_alloc_persistent(size_t size)
{
	block	   *b = checked_malloc(HEADER + size);

	b->next = b;
	b->prev = b;
	return (char *) b + HEADER;
}

static void
std_release(void *ptr)
{
	block	   *b;

	if (ptr == NULL)
		return;
	b = (block *) ((char *) ptr - HEADER);
	b->prev->next = b->next;
	b->next->prev = b->prev;
	free(b);
}

void
gr_test_release_all(void)
{
	while (live.next != &live)
		std_release((char *) live.next + HEADER);
}

long
gr_test_live_blocks(void)
{
	long		n = 0;

	for (block *b = live.next; b != &live; b = b->next)
		n++;
	return n;
}

static void
std_error(gr_error_kind kind, const char *message, const char *detail, const char *hint)
{
	gr_test_last_error = kind;
	if (gr_test_error_jump)
		longjmp(*gr_test_error_jump, 1);
	fprintf(stderr, "error: %s%s%s%s%s\n", message,
			detail ? " — " : "", detail ? detail : "",
			hint ? " — " : "", hint ? hint : "");
	exit(3);
}

static void
std_check_interrupts(void)
{
	gr_test_interrupt_checks++;
	if (gr_test_pending_interrupts > 0)
	{
		gr_test_pending_interrupts--;
		if (gr_test_cancel_jump)
			longjmp(*gr_test_cancel_jump, 1);
	}
}

void
gr_use_stdlib_handlers(void)
{
	gr_handlers h = {
		.alloc = std_alloc,
		.release = std_release,
		.alloc_persistent = std_alloc_persistent,
		.error = std_error,
		.check_interrupts = std_check_interrupts,
	};

	gr_set_handlers(&h);
}
