/*
 * Handlers for using the core outside PostgreSQL: malloc, and errors that
 * print and exit (or jump back, for tests that expect an error).
 */
#ifndef GR_STDALONE_H
#define GR_STDALONE_H

#include "gr_core.h"

#include <setjmp.h>

extern jmp_buf *gr_test_error_jump;
extern gr_error_kind gr_test_last_error;
extern long gr_test_interrupt_checks;	/* calls of check_interrupts so far */
/*
 * A cancel to simulate: while above zero, each check_interrupts takes one
 * and jumps to gr_test_cancel_jump (if set) as a query cancel would; without
 * a jump target the interrupt is one that is handled and returns, like a
 * PostgreSQL barrier signal.
 */
extern int	gr_test_pending_interrupts;
extern jmp_buf *gr_test_cancel_jump;

void		gr_use_stdlib_handlers(void);

/* Frees every transient allocation still held, as a memory context reset would. */
void		gr_test_release_all(void);

/* Transient allocations not yet released. */
long		gr_test_live_blocks(void);

#endif
