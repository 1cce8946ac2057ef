/*
 * gr_regex.h — the parser's regular expressions, compiled once per process
 * (JIT where the platform has it); match data lives in the caller's memory.
 */
#ifndef GR_REGEX_H
#define GR_REGEX_H

#include <stdbool.h>
#include <stddef.h>

typedef enum gr_pattern_id
{
	P_YEAR,
	P_DATE_DIGITS,
	P_DATE_ISO,
	P_DATE_HAN,
	P_ORGAN,
	P_CLAIM_APPLICATIONS,
	P_CLAIM_CARRIED_FORWARD_COUNT_FIRST,
	P_CLAIM_CARRIED_FORWARD_COUNT_AFTER,
	P_CLAIM_REVIEW,
	P_CLAIM_SUIT,
	P_CLAIM_NO_APPLICATIONS,
	P_CLAIM_NO_REVIEW,
	P_CLAIM_NO_SUIT,
	P_COUNT
} gr_pattern_id;

typedef struct gr_match
{
	bool		ok;
	size_t		start;
	size_t		end;
	size_t		group_start[4];
	size_t		group_end[4];
	int			ngroups;
} gr_match;

/*
 * Whether patterns compiled from now on are JIT-compiled (default true).
 * Off for valgrind, which cannot follow machine code made at run time, and
 * for systems that forbid executable memory.
 */
void		gr_regex_set_jit(bool on);

/* First match of pattern id in s[from, to); s is valid UTF-8. */
gr_match	gr_regex_find(gr_pattern_id id, const char *s, size_t from, size_t to);

#endif
