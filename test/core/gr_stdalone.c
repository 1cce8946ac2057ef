#include "gr_stdalone.h"

#include <stdio.h>
#include <stdlib.h>

jmp_buf    *gr_test_error_jump = NULL;
gr_error_kind gr_test_last_error;

static void *
std_alloc(size_t size)
{
	void	   *p = malloc(size);

	if (p == NULL)
	{
		fprintf(stderr, "out of memory\n");
		exit(2);
	}
	return p;
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
}

void
gr_use_stdlib_handlers(void)
{
	gr_handlers h = {
		.alloc = std_alloc,
		.release = free,
		.alloc_persistent = std_alloc,
		.error = std_error,
		.check_interrupts = std_check_interrupts,
	};

	gr_set_handlers(&h);
}
