/*
 * gr_rules.h — the rule catalog (SPEC §4) and validation of one report.
 */
#ifndef GR_RULES_H
#define GR_RULES_H

#include "gr_core.h"

typedef struct gr_finding
{
	/* rule and severity are static strings of the catalog, never built */
	const char *rule;			/* rule id, or "not_assessable" */
	const char *severity;		/* "error" | "warning" | "info" */
	const char *location;		/* machine-readable: "table3:3.7:total", "section:5" */
	const char *message;		/* a Chinese sentence with the numbers */
	bool		has_expected;
	gr_decimal	expected;
	bool		has_actual;
	gr_decimal	actual;
} gr_finding;

typedef struct gr_validation
{
	gr_finding *findings;
	int			nfindings;
	struct gr_arena *arena;
} gr_validation;

/*
 * Applies every single-report rule.  Rules that read the prose (narrative
 * claims, the 统计期限 sentence) run only when report->text is set.
 */
gr_validation *gr_validate(gr_report *report);
void		gr_validation_free(gr_validation *v);

/* True when no finding has severity "error". */
bool		gr_validation_ok(const gr_validation *v);

typedef struct gr_rule_info
{
	const char *id;
	const char *severity;
	const char *applies_to;		/* "2019", "2021" or "both" */
	const char *description_zh;
	const char *description_en;
	bool		needs_text;		/* reads the prose: only with the report text */
} gr_rule_info;

/* Month of the year after the report's by whose 31st day the organ publishes: 3 or 1. */
int			gr_publication_deadline_month(const char *organ);

int			gr_rule_count(void);
const gr_rule_info *gr_rule_at(int i);

#endif
