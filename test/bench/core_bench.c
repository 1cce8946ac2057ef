/*
 * core_bench [--rounds=N] [--validate] FILE... — parses each file repeatedly
 * with the core alone, for profiling (perf record / valgrind --tool=callgrind).
 * With --validate the files are parsed once and the rules run repeatedly over
 * the reports, so that the rules' cost can be read on its own.
 */
#include "gr_core.h"
#include "gr_rules.h"
#include "gr_stdalone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int
main(int argc, char **argv)
{
	int			rounds = 200;
	char	   *bufs[64];
	size_t		lens[64];
	int			n = 0;
	bool		validate = false;
	gr_report  *reports[64];
	struct timespec t0,
				t1;
	double		secs;

	gr_use_stdlib_handlers();
	for (int i = 1; i < argc && n < 64; i++)
	{
		FILE	   *f;

		if (strncmp(argv[i], "--rounds=", 9) == 0)
		{
			rounds = atoi(argv[i] + 9);
			continue;
		}
		if (strcmp(argv[i], "--validate") == 0)
		{
			validate = true;
			continue;
		}
		f = fopen(argv[i], "rb");
		if (!f)
		{
			perror(argv[i]);
			return 1;
		}
		fseek(f, 0, SEEK_END);
		lens[n] = (size_t) ftell(f);
		fseek(f, 0, SEEK_SET);
		bufs[n] = malloc(lens[n] + 1);
		if (fread(bufs[n], 1, lens[n], f) != lens[n])
			return 1;
		fclose(f);
		n++;
	}
	if (validate)
		for (int i = 0; i < n; i++)
			reports[i] = gr_parse(bufs[i], lens[i]);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int r = 0; r < rounds; r++)
		for (int i = 0; i < n; i++)
		{
			if (validate)
				gr_validation_free(gr_validate(reports[i]));
			else
				gr_report_free(gr_parse(bufs[i], lens[i]));
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%d %s in %.3f s: %.1f us per report\n", rounds * n,
		   validate ? "validations" : "parses", secs, secs * 1e6 / (rounds * n));
	return 0;
}
