/*
 * fuzz_parse.c — libFuzzer target: parse any bytes, validate the report.
 *
 *   make fuzz FUZZ_SECONDS=120
 *
 * Invalid UTF-8 raises the error handler, which jumps back here: that is
 * the expected way out, not a finding.
 */
#include "gr_core.h"
#include "gr_rules.h"
#include "gr_similarity.h"
#include "gr_stdalone.h"

#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool initialised = false;
	jmp_buf		jb;
	gr_report  *volatile report = NULL;

	if (!initialised)
	{
		gr_use_stdlib_handlers();
		initialised = true;
	}
	gr_test_error_jump = &jb;
	if (setjmp(jb) == 0)
	{
		gr_validation *v;

		report = gr_parse((const char *) data, size);
		v = gr_validate(report);
		gr_validation_free(v);
		gr_similarity((const char *) data, size / 2, (const char *) data + size / 2, size - size / 2);
	}
	else
		report = NULL;			/* raised: its memory is released below */
	if (report)
		gr_report_free(report);
	/* whatever an interrupted call still held, as PostgreSQL's memory context would */
	gr_test_release_all();
	gr_test_error_jump = NULL;
	return 0;
}
