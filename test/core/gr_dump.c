/*
 * gr_dump FILE... — parses report files with the core alone and prints what
 * was read, one line per value; used to debug the parser and by the tests.
 */
#include "gr_core.h"
#include "gr_rules.h"
#include "gr_stdalone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf = NULL;
	size_t		cap = 0;

	*len = 0;
	if (!f)
	{
		perror(path);
		exit(1);
	}
	for (;;)
	{
		size_t		n;

		if (*len + 65536 > cap)
		{
			cap = cap ? cap * 2 : 131072;
			buf = realloc(buf, cap);
		}
		n = fread(buf + *len, 1, cap - *len, f);
		if (n == 0)
			break;
		*len += n;
	}
	fclose(f);
	return buf;
}

static void
print_decimal(gr_decimal d)
{
	long long	m = d.mantissa;
	long long	div = 1;
	int			scale = d.scale;

	while (scale > 0 && m % 10 == 0)
	{
		m /= 10;
		scale--;
	}
	for (int i = 0; i < scale; i++)
		div *= 10;
	if (scale == 0)
		printf("%lld", m);
	else
		printf("%s%lld.%0*lld", m < 0 ? "-" : "", llabs(m) / div, scale, llabs(m) % div);
}

static void
print_ints(const int32_t *v, const bool *isnull, int n)
{
	for (int j = 0; j < n; j++)
	{
		if (isnull[j])
			printf(" NULL");
		else
			printf(" %d", v[j]);
	}
}

static void
dump(const gr_report *r, bool with_pos)
{
	printf("organ: %s\n", r->organ ? r->organ : "NULL");
	printf("year: %d\n", r->year);
	printf("template: %d\n", r->template_year);
	printf("title: %s\n", r->title ? r->title : "NULL");
	if (r->published_year)
		printf("published_on: %04d-%02d-%02d\n", r->published_year, r->published_month, r->published_day);
	else
		printf("published_on: NULL\n");
	for (int i = 0; i < r->nsections; i++)
	{
		printf("section %d: %s", r->sections[i].no, r->sections[i].title);
		if (with_pos)
			printf(" @%d+%d", r->sections[i].pos, r->sections[i].length);
		printf("\n");
	}
	for (int i = 0; i < r->nactive; i++)
	{
		const gr_active_cell *c = &r->active[i];

		printf("active %s %s %s: ", c->item, c->code, c->measure);
		if (c->isnull)
			printf("NULL");
		else
			print_decimal(c->value);
		printf(with_pos ? " @%d\n" : "\n", c->pos);
	}
	for (int i = 0; i < r->napplications; i++)
	{
		printf("t3 %s:", r->applications[i].code);
		print_ints(r->applications[i].value, r->applications[i].isnull, 7);
		printf(with_pos ? " @%d\n" : "\n", r->applications[i].pos);
	}
	for (int i = 0; i < r->nproceedings; i++)
	{
		printf("t4 %s:", r->proceedings[i].kind);
		print_ints(r->proceedings[i].value, r->proceedings[i].isnull, 5);
		printf(with_pos ? " @%d\n" : "\n", r->proceedings[i].pos);
	}
	for (int i = 0; i < r->nnotes; i++)
		printf("note %s @%d: %s\n", r->notes[i].code, r->notes[i].pos, r->notes[i].message);
}

int
main(int argc, char **argv)
{
	bool		with_pos = false;
	bool		validate = false;

	gr_use_stdlib_handlers();
	for (int i = 1; i < argc; i++)
	{
		size_t		len;
		char	   *buf;
		gr_report  *r;

		if (strcmp(argv[i], "--pos") == 0)
		{
			with_pos = true;
			continue;
		}
		if (strcmp(argv[i], "--validate") == 0)
		{
			validate = true;
			continue;
		}
		buf = read_file(argv[i], &len);
		r = gr_parse(buf, len);
		if (argc > 2)
			printf("== %s\n", argv[i]);
		if (validate)
		{
			gr_validation *v = gr_validate(r);

			for (int k = 0; k < v->nfindings; k++)
			{
				const gr_finding *f = &v->findings[k];

				printf("%s %s %s", f->severity, f->rule, f->location);
				if (f->has_expected)
					printf(" expected=%lld", (long long) f->expected.mantissa);
				if (f->has_actual)
					printf(" actual=%lld", (long long) f->actual.mantissa);
				printf(": %s\n", f->message);
			}
			gr_validation_free(v);
		}
		else
			dump(r, with_pos);
		gr_report_free(r);
		free(buf);
	}
	return 0;
}
