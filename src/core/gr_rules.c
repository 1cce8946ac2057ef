/*
 * gr_rules.c — the rule catalog as data and the checks behind it.
 *
 * Every rule is one row of rule_table: its public id, severity, the
 * templates it applies to, descriptions, and a check.  A check whose
 * operands include a blank (NULL) cell never passes silently: it reports
 * not_assessable naming the blank cells.
 */
#include "gr_rules.h"
#include "gr_arena.h"
#include "gr_norm.h"
#include "gr_regex.h"
#include "gr_template.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct vctx
{
	gr_report  *r;
	gr_arena   *arena;
	gr_vec		findings;
	const struct rule_def *rule;
} vctx;

/*
 * A location such as 「table3:3.7:total」: its parts joined.  Locations are
 * built for every cell checked, so without printf's formatting.
 */
static char *
location(vctx *v, const char *a, const char *b, const char *c)
{
	size_t		la = strlen(a),
				lb = strlen(b),
				lc = c ? strlen(c) : 0;
	char	   *out = gr_arena_alloc(v->arena, la + lb + lc + 1);

	memcpy(out, a, la);
	memcpy(out + la, b, lb);
	memcpy(out + la + lb, c ? c : "", lc);
	out[la + lb + lc] = '\0';
	return out;
}

typedef void (*check_fn) (vctx *v);

typedef struct rule_def
{
	gr_rule_info info;
	check_fn	check;
} rule_def;

static const char *const section_titles[7] = {
	"", "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
	"政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"
};
static const char *const numerals[7] = {"", "一", "二", "三", "四", "五", "六"};

/* ---------------------------------------------------------------- */
/* findings                                                         */

static gr_decimal
dec(int64_t v)
{
	gr_decimal	d = {v, 0};

	return d;
}

/* Stores a finding; location and message live in the validation's arena or are literals. */
static void
push(vctx *v, const char *rule, const char *severity, const char *location,
	 const gr_decimal *expected, const gr_decimal *actual, const char *message)
{
	gr_finding *f = gr_vec_push(v->arena, &v->findings);

	f->rule = rule;
	f->severity = severity;
	f->location = location;
	f->message = message;
	if (expected)
	{
		f->has_expected = true;
		f->expected = *expected;
	}
	if (actual)
	{
		f->has_actual = true;
		f->actual = *actual;
	}
}

/* A finding of the rule being checked. */
static void
finding(vctx *v, const char *location, const gr_decimal *expected, const gr_decimal *actual,
		const char *fmt,...) __attribute__((format(printf, 5, 6)));

static void
finding(vctx *v, const char *location, const gr_decimal *expected, const gr_decimal *actual,
		const char *fmt,...)
{
	va_list		args;
	char	   *message;

	va_start(args, fmt);
	message = gr_arena_vprintf(v->arena, fmt, args);
	va_end(args);
	push(v, v->rule->info.id, v->rule->info.severity, location, expected, actual, message);
}

/* The rule being checked could not be assessed: 'blanks' names the cells. */
static void
not_assessable(vctx *v, const char *location, const char *blanks)
{
	push(v, "not_assessable", "info", location, NULL, NULL,
		 gr_arena_printf(v->arena, "「%s」无法核对：%s为空", v->rule->info.description_zh, blanks));
}

/* ---------------------------------------------------------------- */
/* report access                                                    */

/* Appends 「item」 to a 、-separated list. */
static void
list_add(vctx *v, gr_buf *list, const char *item)
{
	static const char comma[] = "、",
				open[] = "「",
				close[] = "」";

	if (list->len)
		gr_buf_append(v->arena, list, comma, sizeof(comma) - 1);
	gr_buf_append(v->arena, list, open, sizeof(open) - 1);
	gr_buf_append(v->arena, list, item, strlen(item));
	gr_buf_append(v->arena, list, close, sizeof(close) - 1);
}

/* 「A」、「B」的「column」列: rows blank in one column. */
static char *
blank_rows_in_column(vctx *v, gr_buf *rows, const char *column)
{
	return gr_arena_printf(v->arena, "%s的「%s」列", rows->data, column);
}

/* 「label」整行, or 「label」的「c1」、「c2」列: blank cells of one row. */
static char *
blank_cells_of_row(vctx *v, const char *label, gr_buf *columns, int nblank, int width)
{
	if (nblank == width)
		return gr_arena_printf(v->arena, "「%s」整行", label);
	return gr_arena_printf(v->arena, "「%s」的%s列", label, columns->data);
}

/*
 * A row whose last cell totals the others: the sum of the others into *sum,
 * and the number of blank cells, listed by column label in 'blanks'.
 */
static int
sum_of_parts(vctx *v, const int32_t *values, const bool *isnull, int width,
			 const char *const *column_labels, gr_buf *blanks, int64_t *sum)
{
	int			nblank = 0;

	*sum = 0;
	for (int c = 0; c < width; c++)
	{
		if (isnull[c])
		{
			list_add(v, blanks, column_labels[c]);
			nblank++;
		}
		else if (c < width - 1)
			*sum += values[c];
	}
	return nblank;
}

/* ---------------------------------------------------------------- */
/* table 3                                                          */

static void
check_t3_balance(vctx *v)
{
	const gr_application_row *r1 = gr_report_application(v->r, "1"),
			   *r2 = gr_report_application(v->r, "2"),
			   *r37 = gr_report_application(v->r, "3.7"),
			   *r4 = gr_report_application(v->r, "4");

	if (!r1 || !r2 || !r37 || !r4)
		return;
	for (int c = 0; c < GR_T3_COLS; c++)
	{
		const gr_application_row *ops[4] = {r1, r2, r37, r4};
		char	   *loc = location(v, "table3:column:", gr_t3_column_names[c], NULL);
		gr_buf		blanks = {0};
		gr_decimal	e,
					a;

		for (int k = 0; k < 4; k++)
			if (ops[k]->isnull[c])
				list_add(v, &blanks, ops[k]->label);
		if (blanks.len)
		{
			not_assessable(v, loc, blank_rows_in_column(v, &blanks, gr_t3_column_labels[c]));
			continue;
		}
		e = dec((int64_t) r1->value[c] + r2->value[c]);
		a = dec((int64_t) r37->value[c] + r4->value[c]);
		if (e.mantissa != a.mantissa)
			finding(v, loc, &e, &a,
					"表三勾稽关系不成立（%s列）：新收 %d + 上年结转 %d = %lld，办理结果总计 %d + 结转下年度 %d = %lld",
					gr_t3_column_labels[c], r1->value[c], r2->value[c], (long long) e.mantissa,
					r37->value[c], r4->value[c], (long long) a.mantissa);
	}
}

static void
check_t3_results_sum(vctx *v)
{
	const gr_application_row *total = gr_report_application(v->r, "3.7");
	const gr_application_row **results;
	int			nresults = 0;

	if (!total)
		return;
	results = gr_arena_alloc(v->arena, sizeof(*results) * (size_t) (v->r->napplications + 1));
	for (int i = 0; i < v->r->napplications; i++)
		if (gr_t3_is_result(v->r->applications[i].code))
			results[nresults++] = &v->r->applications[i];
	if (nresults == 0)
		return;
	for (int c = 0; c < GR_T3_COLS; c++)
	{
		char	   *loc = location(v, "table3:3.7:", gr_t3_column_names[c], NULL);
		gr_buf		blanks = {0};
		int64_t		sum = 0;
		gr_decimal	e,
					a;

		for (int i = 0; i < nresults; i++)
		{
			const gr_application_row *row = results[i];

			if (row->isnull[c])
				list_add(v, &blanks, row->label);
			else
				sum += row->value[c];
		}
		if (total->isnull[c])
			list_add(v, &blanks, total->label);
		if (blanks.len)
		{
			not_assessable(v, loc, blank_rows_in_column(v, &blanks, gr_t3_column_labels[c]));
			continue;
		}
		e = dec(sum);
		a = dec(total->value[c]);
		if (sum != total->value[c])
			finding(v, loc, &e, &a,
					"表三办理结果各项之和与「（七）总计」不符（%s列）：各项合计 %lld，总计 %d",
					gr_t3_column_labels[c], (long long) sum, total->value[c]);
	}
}

static void
check_t3_row_total(vctx *v)
{
	for (int i = 0; i < v->r->napplications; i++)
	{
		const gr_application_row *row = &v->r->applications[i];
		gr_buf		blanks = {0};
		int64_t		sum;
		int			nblank = sum_of_parts(v, row->value, row->isnull, GR_T3_COLS,
										  gr_t3_column_labels, &blanks, &sum);
		gr_decimal	e,
					a;

		if (nblank)
		{
			not_assessable(v, location(v, "table3:", row->code, ":total"),
						   blank_cells_of_row(v, row->label, &blanks, nblank, GR_T3_COLS));
			continue;
		}
		e = dec(sum);
		a = dec(row->value[GR_T3_COLS - 1]);
		if (sum != row->value[GR_T3_COLS - 1])
			finding(v, location(v, "table3:", row->code, ":total"), &e, &a,
					"表三「%s」行各类申请人之和为 %lld，与总计 %d 不符",
					row->label, (long long) sum, row->value[GR_T3_COLS - 1]);
	}
}

/* ---------------------------------------------------------------- */
/* table 4                                                          */

static void
check_t4_group(vctx *v, int g)
{
	const gr_proceeding_row *p = gr_report_proceeding(v->r, gr_t4_kinds[g].kind);
	char	   *loc;
	gr_buf		blanks = {0};
	int			nblank;
	int64_t		sum;
	gr_decimal	e,
				a;

	if (!p)
		return;
	loc = location(v, "table4:", p->kind, ":total");
	nblank = sum_of_parts(v, p->value, p->isnull, GR_T4_COLS, gr_t4_column_labels, &blanks, &sum);
	if (nblank)
	{
		not_assessable(v, loc, blank_cells_of_row(v, gr_t4_kinds[g].label, &blanks, nblank, GR_T4_COLS));
		return;
	}
	e = dec(sum);
	a = dec(p->value[GR_T4_COLS - 1]);
	if (sum != p->value[GR_T4_COLS - 1])
		finding(v, loc, &e, &a,
				"表四「%s」：维持 %d + 纠正 %d + 其他 %d + 尚未审结 %d = %lld，总计却为 %d",
				gr_t4_kinds[g].label, p->value[0], p->value[1], p->value[2], p->value[3],
				(long long) sum, p->value[4]);
}

static void
check_t4_review_total(vctx *v)
{
	check_t4_group(v, 0);
}

static void
check_t4_direct_suit_total(vctx *v)
{
	check_t4_group(v, 1);
}

static void
check_t4_post_review_suit_total(vctx *v)
{
	check_t4_group(v, 2);
}

/* ---------------------------------------------------------------- */
/* structure                                                        */

static const gr_section *
section(const gr_report *r, int no)
{
	for (int i = 0; i < r->nsections; i++)
		if (r->sections[i].no == no)
			return &r->sections[i];
	return NULL;
}

static void
check_sections_present(vctx *v)
{
	for (int no = 1; no <= 6; no++)
		if (!section(v->r, no))
			finding(v, gr_arena_printf(v->arena, "section:%d", no), NULL, NULL,
					"缺少第%s部分「%s」", numerals[no], section_titles[no]);
}

static void
check_sections_order(vctx *v)
{
	/* sections are listed by position: a number smaller than one before it is out of place */
	int			highest = 0;

	for (int i = 0; i < v->r->nsections; i++)
	{
		const gr_section *s = &v->r->sections[i];

		if (s->no < highest)
		{
			finding(v, gr_arena_printf(v->arena, "section:%d", s->no), NULL, NULL,
					"第%s部分「%s」出现在第%s部分之后，顺序不符合规定格式",
					numerals[s->no], section_titles[s->no], numerals[highest]);
		}
		else
			highest = s->no;
	}
}

static void
check_table2_present(vctx *v)
{
	if (v->r->nactive == 0)
		finding(v, "table2", NULL, NULL, "未找到表二「主动公开政府信息情况」");
}

static void
check_table3_present(vctx *v)
{
	if (v->r->napplications == 0)
		finding(v, "table3", NULL, NULL, "未找到表三「收到和处理政府信息公开申请情况」");
}

static void
check_table4_present(vctx *v)
{
	if (v->r->nproceedings == 0)
		finding(v, "table4", NULL, NULL, "未找到表四「政府信息公开行政复议、行政诉讼情况」");
}

/*
 * present[k]: whether the report has a row of template row k.  One pass over
 * the rows; they usually come in template order, so each code is looked for
 * first just after the last one found.
 */
static void
t3_rows_present(const gr_report *r, bool *present)
{
	int			next = 0;

	memset(present, 0, sizeof(bool) * gr_t3_nrows);
	for (int i = 0; i < r->napplications; i++)
		for (int j = 0; j < gr_t3_nrows; j++)
		{
			int			k = (next + j) % gr_t3_nrows;

			if (strcmp(gr_t3_rows[k].code, r->applications[i].code) == 0)
			{
				present[k] = true;
				next = k + 1;
				break;
			}
		}
}

static void
check_table3_rows_complete(vctx *v)
{
	const gr_report *r = v->r;
	bool		present[GR_T3_ROWS_MAX];
	bool		single_other = false;
	bool		any_sub_other = false;
	int			tpl = r->template_year;

	if (r->napplications == 0)
		return;
	t3_rows_present(r, present);
	for (int i = 0; i < gr_t3_nrows; i++)
	{
		if (strcmp(gr_t3_rows[i].code, "3.6") == 0)
			single_other |= present[i];
		else if (strncmp(gr_t3_rows[i].code, "3.6.", 4) == 0)
			any_sub_other |= present[i];
	}
	for (int i = 0; i < gr_t3_nrows; i++)
	{
		const gr_t3_row_def *def = &gr_t3_rows[i];
		bool		is_single = strcmp(def->code, "3.6") == 0;
		bool		is_sub = strncmp(def->code, "3.6.", 4) == 0;

		if (present[i])
			continue;
		/* 其他处理: one row or three sub-rows, as printed (mixed formats exist) */
		if (is_single && (any_sub_other || tpl == 2021))
			continue;
		if (is_sub && (single_other || (tpl != 2021 && !any_sub_other)))
			continue;
		finding(v, gr_arena_printf(v->arena, "table3:%s", def->code), NULL, NULL,
				"表三缺少「%s」行", def->label);
	}
}

static void
check_row_label_variant(vctx *v)
{
	for (int i = 0; i < v->r->nnotes; i++)
		if (strcmp(v->r->notes[i].code, "row_label_variant") == 0)
			finding(v, gr_arena_printf(v->arena, "text:%d", v->r->notes[i].pos), NULL, NULL,
					"%s", v->r->notes[i].message);
}

static void
check_blank_cell(vctx *v)
{
	const gr_report *r = v->r;

	for (int i = 0; i < r->nactive; i++)
		if (r->active[i].isnull)
			finding(v, gr_arena_printf(v->arena, "table2:%s:%s", r->active[i].code, r->active[i].measure),
					NULL, NULL, "表二「%s」行「%s」一栏为空", r->active[i].label, r->active[i].measure);
	for (int i = 0; i < r->napplications; i++)
		for (int c = 0; c < GR_T3_COLS; c++)
			if (r->applications[i].isnull[c])
				finding(v, gr_arena_printf(v->arena, "table3:%s:%s", r->applications[i].code, gr_t3_column_names[c]),
						NULL, NULL, "表三「%s」行「%s」列为空", r->applications[i].label, gr_t3_column_labels[c]);
	for (int i = 0; i < r->nproceedings; i++)
		for (int c = 0; c < GR_T4_COLS; c++)
			if (r->proceedings[i].isnull[c])
				finding(v, gr_arena_printf(v->arena, "table4:%s:%s", r->proceedings[i].kind, gr_t4_column_names[c]),
						NULL, NULL, "表四「%s」「%s」为空", gr_t4_kinds[i < 3 ? i : 0].label, gr_t4_column_labels[c]);
}

static void
check_cell_negative(vctx *v)
{
	const gr_report *r = v->r;

	for (int i = 0; i < r->nactive; i++)
	{
		const gr_active_cell *c = &r->active[i];

		/* 本年增/减 may be negative */
		if (!c->isnull && c->value.mantissa < 0 && strcmp(c->measure, "change") != 0)
			finding(v, gr_arena_printf(v->arena, "table2:%s:%s", c->code, c->measure), NULL, &c->value,
					"表二「%s」行「%s」为负数", c->label, c->measure);
	}
	for (int i = 0; i < r->napplications; i++)
		for (int c = 0; c < GR_T3_COLS; c++)
			if (!r->applications[i].isnull[c] && r->applications[i].value[c] < 0)
			{
				gr_decimal	a = dec(r->applications[i].value[c]);

				finding(v, gr_arena_printf(v->arena, "table3:%s:%s", r->applications[i].code, gr_t3_column_names[c]),
						NULL, &a, "表三「%s」行「%s」列为负数 %d",
						r->applications[i].label, gr_t3_column_labels[c], r->applications[i].value[c]);
			}
	for (int i = 0; i < r->nproceedings; i++)
		for (int c = 0; c < GR_T4_COLS; c++)
			if (!r->proceedings[i].isnull[c] && r->proceedings[i].value[c] < 0)
			{
				gr_decimal	a = dec(r->proceedings[i].value[c]);

				finding(v, gr_arena_printf(v->arena, "table4:%s:%s", r->proceedings[i].kind, gr_t4_column_names[c]),
						NULL, &a, "表四「%s」「%s」为负数 %d", gr_t4_kinds[i < 3 ? i : 0].label,
						gr_t4_column_labels[c], r->proceedings[i].value[c]);
			}
}

static void
check_template_matches_year(vctx *v)
{
	const gr_report *r = v->r;
	int			wanted;

	if (r->year == 0 || r->template_year == 0)
		return;
	wanted = r->year >= 2021 ? 2021 : 2019;
	if (r->template_year != wanted)
	{
		gr_decimal	e = dec(wanted),
					a = dec(r->template_year);

		finding(v, "template", &e, &a,
				"%d年度报告应使用%s格式，实际使用的是%d年版格式（%s）",
				r->year, wanted == 2021 ? "国办公开办函〔2021〕30号" : "国办公开办函〔2019〕60号",
				r->template_year, r->template_year == 2021 ? "〔2021〕30号" : "〔2019〕60号");
	}
}

/* ---------------------------------------------------------------- */
/* metadata                                                         */

static void
check_year_found(vctx *v)
{
	if (v->r->year == 0)
		finding(v, "year", NULL, NULL, "未能确定报告年度");
}

static void
check_organ_found(vctx *v)
{
	if (v->r->organ == NULL)
		finding(v, "organ", NULL, NULL, "未能确定发布机关");
}

static int
ymd(int y, int m, int d)
{
	return y * 10000 + m * 100 + d;
}

static void
check_published_after_year(vctx *v)
{
	const gr_report *r = v->r;

	if (r->year == 0 || r->published_year == 0)
		return;
	if (ymd(r->published_year, r->published_month, r->published_day) <= ymd(r->year, 12, 31))
		finding(v, "published_on", NULL, NULL,
				"%d年度报告的发布日期为%d年%d月%d日，早于该年度结束",
				r->year, r->published_year, r->published_month, r->published_day);
}

int
gr_publication_deadline_month(const char *organ)
{
	/* 各级人民政府 by 3月31日, their 部门 by 1月31日 (条例第四十九、五十条) */
	return gr_ends_with(organ, "人民政府") ? 3 : 1;
}

static void
check_publication_deadline(vctx *v)
{
	const gr_report *r = v->r;
	bool		government;
	int			month;

	if (r->year == 0)
		return;
	if (r->published_year == 0 || r->organ == NULL)
	{
		not_assessable(v, "published_on", r->published_year == 0 ? "发布日期" : "发布机关");
		return;
	}
	month = gr_publication_deadline_month(r->organ);
	government = month == 3;
	if (ymd(r->published_year, r->published_month, r->published_day) > ymd(r->year + 1, month, 31))
		finding(v, "published_on", NULL, NULL,
				"%s为%s，%d年度报告应于%d年%d月31日前公布，实际发布日期为%d年%d月%d日",
				r->organ, government ? "人民政府" : "政府部门", r->year, r->year + 1, month,
				r->published_year, r->published_month, r->published_day);
}

static int
read_int(const char *s, size_t a, size_t b, bool *ok)
{
	int64_t		v = 0;

	*ok = b > a && b - a <= 9;
	for (size_t i = a; i < b && *ok; i++)
		v = v * 10 + (s[i] - '0');
	return (int) v;
}

static void
check_period_matches_year(vctx *v)
{
	const char *t;
	size_t		len;
	const char *p;
	size_t		at,
				end;

	if (v->r->text == NULL || v->r->year == 0)
		return;
	t = v->r->text->data;
	len = v->r->text->len;
	p = strstr(t, "统计期限");
	if (p == NULL)
		return;
	at = (size_t) (p - t);
	end = at + 120 < len ? at + 120 : len;
	for (gr_match m = gr_regex_find(P_YEAR, t, at, end); m.ok; m = gr_regex_find(P_YEAR, t, m.end, end))
	{
		bool		ok;
		int			y = read_int(t, m.group_start[0], m.group_end[0], &ok);

		if (ok && y != v->r->year)
		{
			gr_decimal	e = dec(v->r->year),
						a = dec(y);

			finding(v, gr_arena_printf(v->arena, "text:%d", gr_report_pos(v->r, m.start)), &e, &a,
					"统计期限写的是%d年，报告年度却是%d年", y, v->r->year);
			return;
		}
	}
}

/* ---------------------------------------------------------------- */
/* table 2                                                          */

static int64_t
scaled(gr_decimal d, int scale)
{
	int64_t		v = d.mantissa;

	for (int s = d.scale; s < scale; s++)
		v *= 10;
	return v;
}

/* Compares a + b against zero, or a against b, across scales. */
static int
cmp_decimal(gr_decimal a, gr_decimal b)
{
	int			scale = a.scale > b.scale ? a.scale : b.scale;
	int64_t		x = scaled(a, scale),
				y = scaled(b, scale);

	return x < y ? -1 : x > y;
}

static void
check_t2_prev_plus_change_nonnegative(vctx *v)
{
	static const char *const codes[] = {"licensing", "other_services", "penalty", "coercion", "fees", NULL};

	for (int i = 0; codes[i]; i++)
	{
		const gr_active_cell *prev = gr_report_active(v->r, codes[i], "prev_items");
		const gr_active_cell *chg = gr_report_active(v->r, codes[i], "change");
		char	   *loc;

		if (!prev || !chg)
			continue;
		loc = location(v, "table2:", codes[i], ":change");
		if (prev->isnull || chg->isnull)
		{
			not_assessable(v, loc, gr_arena_printf(v->arena, "「%s」的%s", prev->label,
												   prev->isnull ? "上一年项目数量" : "本年增/减"));
			continue;
		}
		{
			int			scale = prev->value.scale > chg->value.scale ? prev->value.scale : chg->value.scale;
			gr_decimal	sum = {scaled(prev->value, scale) + scaled(chg->value, scale), scale};
			gr_decimal	zero = {0, 0};

			if (cmp_decimal(sum, zero) < 0)
				finding(v, loc, &zero, &sum,
						"表二「%s」上一年项目数量加本年增/减为负数：%lld + (%lld) < 0",
						prev->label, (long long) prev->value.mantissa, (long long) chg->value.mantissa);
		}
	}
}

static void
check_t2_total_ge_published(vctx *v)
{
	static const char *const codes[] = {"regulations", "normative_documents", NULL};

	for (int i = 0; codes[i]; i++)
	{
		const gr_active_cell *pub = gr_report_active(v->r, codes[i], "published");
		const gr_active_cell *tot = gr_report_active(v->r, codes[i], "total_published");
		char	   *loc;

		if (!pub || !tot)
			continue;
		loc = location(v, "table2:", codes[i], ":total_published");
		if (pub->isnull || tot->isnull)
		{
			not_assessable(v, loc, gr_arena_printf(v->arena, "「%s」的%s", pub->label,
												   pub->isnull ? "本年新公开数量" : "对外公开总数量"));
			continue;
		}
		if (cmp_decimal(tot->value, pub->value) < 0)
			finding(v, loc, &pub->value, &tot->value,
					"表二「%s」对外公开总数量 %lld 小于本年新公开数量 %lld",
					tot->label, (long long) tot->value.mantissa, (long long) pub->value.mantissa);
	}
}

static void
check_t2_in_force_nonnegative(vctx *v)
{
	static const char *const codes[] = {"regulations", "normative_documents", NULL};

	for (int i = 0; codes[i]; i++)
	{
		const gr_active_cell *c = gr_report_active(v->r, codes[i], "in_force");
		char	   *loc;
		gr_decimal	zero = {0, 0};

		if (!c)
			continue;
		loc = location(v, "table2:", codes[i], ":in_force");
		if (c->isnull)
			not_assessable(v, loc, gr_arena_printf(v->arena, "「%s」的现行有效件数", c->label));
		else if (cmp_decimal(c->value, zero) < 0)
			finding(v, loc, &zero, &c->value, "表二「%s」现行有效件数为负数 %lld",
					c->label, (long long) c->value.mantissa);
	}
}

/* ---------------------------------------------------------------- */
/* narrative against the tables                                     */

typedef struct claim
{
	bool		found;
	bool		readable;		/* its number fits: value holds it */
	int64_t		value;
	size_t		off;
	size_t		next;			/* where to look for the next claim */
} claim;

/*
 * The leftmost match at or after 'from' of the patterns ids (ending with
 * P_COUNT); on a tie the first pattern listed wins.  This is what one
 * alternation of the patterns would find, but an alternation defeats pcre2's
 * start-of-match optimisations (the first and the required code unit), which
 * made it ten times slower than its branches run one by one.
 */
static gr_match
leftmost_match(const gr_text *t, const gr_pattern_id *ids, size_t from)
{
	gr_match	best = {false};

	for (const gr_pattern_id *id = ids; *id != P_COUNT; id++)
	{
		gr_match	m = gr_regex_find(*id, t->data, from, t->len);

		if (m.ok && (!best.ok || m.start < best.start))
			best = m;
	}
	return best;
}

/* The next statement matching one of the patterns ids at or after 'from'. */
static claim
find_claim(vctx *v, const gr_pattern_id *ids, size_t from)
{
	claim		c = {false, false, 0, 0, 0};
	gr_match	m;

	if (v->r->text == NULL)
		return c;
	m = leftmost_match(v->r->text, ids, from);
	if (!m.ok)
		return c;
	c.found = true;
	c.off = m.start;
	c.next = m.end > m.start ? m.end : m.start + 1;
	c.readable = m.ngroups == 0;
	for (int g = 0; g < m.ngroups && g < 4; g++)
		if (m.group_end[g] > m.group_start[g])
		{
			c.value = read_int(v->r->text->data, m.group_start[g], m.group_end[g], &c.readable);
			break;
		}
	return c;
}

static char *
text_loc(vctx *v, size_t off)
{
	return gr_arena_printf(v->arena, "text:%d", gr_report_pos(v->r, off));
}

static void
check_n_applications_claim(vctx *v, claim c)
{
	const gr_application_row *r1 = gr_report_application(v->r, "1"),
			   *r2 = gr_report_application(v->r, "2");
	gr_decimal	e,
				a;

	if (!r1)
		return;
	if (r1->isnull[6] || (r2 && r2->isnull[6]))
	{
		not_assessable(v, text_loc(v, c.off), "表三新收或上年结转的总计");
		return;
	}
	/* the prose may count new applications, or new plus carried over */
	if (c.value == r1->value[6] || (r2 && c.value == (int64_t) r1->value[6] + r2->value[6]))
		return;
	e = dec(r1->value[6]);
	a = dec(c.value);
	finding(v, text_loc(v, c.off), &e, &a,
			"正文称收到申请 %lld 件，表三新收 %d 件%s", (long long) c.value, r1->value[6],
			r2 ? gr_arena_printf(v->arena, "（加上年结转 %d 件为 %lld 件）", r2->value[6],
								 (long long) r1->value[6] + r2->value[6]) : "");
}

/*
 * A number stated in the text against one table total: not assessable when
 * the total is blank, a finding when they differ.
 */
static void
check_claim_against(vctx *v, claim c, bool blank, int32_t total, const char *blank_what,
					const char *stated_what, const char *table_what)
{
	gr_decimal	e,
				a;

	if (blank)
	{
		not_assessable(v, text_loc(v, c.off), blank_what);
		return;
	}
	if (c.value == total)
		return;
	e = dec(total);
	a = dec(c.value);
	finding(v, text_loc(v, c.off), &e, &a, "正文称%s %lld 件，%s为 %d 件",
			stated_what, (long long) c.value, table_what, total);
}

static void
check_n_carried_forward_claim(vctx *v, claim c)
{
	const gr_application_row *r4 = gr_report_application(v->r, "4");

	if (r4)
		check_claim_against(v, c, r4->isnull[6], r4->value[6], "表三结转下年度的总计",
							"结转下年度", "表三");
}

static void
check_n_review_claim(vctx *v, claim c)
{
	const gr_proceeding_row *p = gr_report_proceeding(v->r, "review");

	if (p)
		check_claim_against(v, c, p->isnull[4], p->value[4], "表四行政复议的总计",
							"行政复议", "表四行政复议总计");
}

static void
check_n_suit_claim(vctx *v, claim c)
{
	const gr_proceeding_row *d = gr_report_proceeding(v->r, "direct_suit"),
			   *p = gr_report_proceeding(v->r, "post_review_suit");
	gr_decimal	e,
				a;

	if (!d || !p)
		return;
	if (d->isnull[4] || p->isnull[4])
	{
		not_assessable(v, text_loc(v, c.off), "表四行政诉讼的总计");
		return;
	}
	if (c.value == (int64_t) d->value[4] + p->value[4])
		return;
	e = dec((int64_t) d->value[4] + p->value[4]);
	a = dec(c.value);
	finding(v, text_loc(v, c.off), &e, &a,
			"正文称行政诉讼 %lld 件，表四未经复议直接起诉 %d 件、复议后起诉 %d 件，共 %lld 件",
			(long long) c.value, d->value[4], p->value[4], (long long) e.mantissa);
}

/* The text says none while the table total is not zero. */
static void
check_none_against(vctx *v, claim c, bool known, int64_t total, const char *what)
{
	if (known && total > 0)
	{
		gr_decimal	e = dec(0),
					a = dec(total);

		finding(v, text_loc(v, c.off), &e, &a, "%s %lld 件", what, (long long) total);
	}
}

static void
check_no_applications_claim(vctx *v, claim c)
{
	const gr_application_row *r1 = gr_report_application(v->r, "1");

	check_none_against(v, c, r1 && !r1->isnull[6], r1 ? r1->value[6] : 0,
					   "正文称未收到政府信息公开申请，表三却有新收申请");
}

static void
check_no_review_claim(vctx *v, claim c)
{
	const gr_proceeding_row *rv = gr_report_proceeding(v->r, "review");

	check_none_against(v, c, rv && !rv->isnull[4], rv ? rv->value[4] : 0,
					   "正文称未发生行政复议，表四行政复议总计却为");
}

static void
check_no_suit_claim(vctx *v, claim c)
{
	const gr_proceeding_row *d = gr_report_proceeding(v->r, "direct_suit"),
			   *p = gr_report_proceeding(v->r, "post_review_suit");
	bool		known = d && p && !d->isnull[4] && !p->isnull[4];

	check_none_against(v, c, known, known ? (int64_t) d->value[4] + p->value[4] : 0,
					   "正文称未发生行政诉讼，表四行政诉讼却有");
}

/* Applies a per-claim check to every statement of the kind in the text. */
static void
each_claim(vctx *v, const gr_pattern_id *ids, void (*check) (vctx *, claim))
{
	size_t		from = 0;

	for (int guard = 0; guard < 1000; guard++)
	{
		claim		c = find_claim(v, ids, from);

		if (!c.found)
			return;
		if (c.readable)
			check(v, c);
		from = c.next;
	}
}

#define PATTERNS(...) ((const gr_pattern_id[]) {__VA_ARGS__, P_COUNT})

static void
check_n_applications(vctx *v)
{
	each_claim(v, PATTERNS(P_CLAIM_APPLICATIONS), check_n_applications_claim);
}

static void
check_n_carried_forward(vctx *v)
{
	each_claim(v, PATTERNS(P_CLAIM_CARRIED_FORWARD_COUNT_FIRST, P_CLAIM_CARRIED_FORWARD_COUNT_AFTER),
			   check_n_carried_forward_claim);
}

static void
check_n_review(vctx *v)
{
	each_claim(v, PATTERNS(P_CLAIM_REVIEW), check_n_review_claim);
}

static void
check_n_suit(vctx *v)
{
	each_claim(v, PATTERNS(P_CLAIM_SUIT), check_n_suit_claim);
}

static void
check_n_none_but_nonzero(vctx *v)
{
	each_claim(v, PATTERNS(P_CLAIM_NO_APPLICATIONS), check_no_applications_claim);
	each_claim(v, PATTERNS(P_CLAIM_NO_REVIEW), check_no_review_claim);
	each_claim(v, PATTERNS(P_CLAIM_NO_SUIT), check_no_suit_claim);
}

/* ---------------------------------------------------------------- */
/* the catalog                                                      */

#define RULE(id, sev, tpl, zh, en, text, fn) {{id, sev, tpl, zh, en, text}, fn}

static const rule_def rule_table[] = {
	RULE("t3_balance", "error", "both", "表三勾稽关系（第一项加第二项等于第三项加第四项）",
		 "Table 3: new plus carried over equals the results total plus carried forward, per column", false, check_t3_balance),
	RULE("t3_results_sum", "error", "both", "表三办理结果各项之和等于「（七）总计」",
		 "Table 3: the results 3.1 to 3.6 add up to 3.7, per column", false, check_t3_results_sum),
	RULE("t3_row_total", "error", "both", "表三各类申请人之和等于总计",
		 "Table 3: the six applicant columns add up to the total, per row", false, check_t3_row_total),
	RULE("t4_review_total", "error", "both", "表四行政复议各项之和等于总计",
		 "Table 4: review upheld + corrected + other + pending = total", false, check_t4_review_total),
	RULE("t4_direct_suit_total", "error", "both", "表四未经复议直接起诉各项之和等于总计",
		 "Table 4: direct suits upheld + corrected + other + pending = total", false, check_t4_direct_suit_total),
	RULE("t4_post_review_suit_total", "error", "both", "表四复议后起诉各项之和等于总计",
		 "Table 4: suits after review upheld + corrected + other + pending = total", false, check_t4_post_review_suit_total),
	RULE("sections_present", "error", "both", "六个部分齐全",
		 "All six sections are present", false, check_sections_present),
	RULE("sections_order", "error", "both", "六个部分按规定顺序排列",
		 "The six sections appear in the prescribed order", false, check_sections_order),
	RULE("table2_present", "error", "both", "有表二（主动公开政府信息情况）",
		 "Table 2 (proactive disclosure) is present", false, check_table2_present),
	RULE("table3_present", "error", "both", "有表三（收到和处理政府信息公开申请情况）",
		 "Table 3 (applications) is present", false, check_table3_present),
	RULE("table3_rows_complete", "error", "both", "表三各行齐全",
		 "Table 3 has every row of its template", false, check_table3_rows_complete),
	RULE("table4_present", "error", "both", "有表四（行政复议、行政诉讼情况）",
		 "Table 4 (review and litigation) is present", false, check_table4_present),
	RULE("row_label_variant", "warning", "both", "表格行名与规定格式不一致",
		 "A row label differs from the template's wording", false, check_row_label_variant),
	RULE("blank_cell", "warning", "both", "表格单元格为空",
		 "A table cell is blank", false, check_blank_cell),
	RULE("cell_negative", "warning", "both", "表格数值为负数",
		 "A table cell is negative (本年增/减 excepted)", false, check_cell_negative),
	RULE("template_matches_year", "error", "both", "报告格式与年度相符（2021年度起用〔2021〕30号格式）",
		 "The template matches the year: 2021 and later use the 2021 template", false, check_template_matches_year),
	RULE("year_found", "error", "both", "能确定报告年度",
		 "The report year is known", false, check_year_found),
	RULE("organ_found", "error", "both", "能确定发布机关",
		 "The publishing organ is known", false, check_organ_found),
	RULE("published_after_year", "error", "both", "发布日期在报告年度结束之后",
		 "The report is published after its year ended", false, check_published_after_year),
	RULE("publication_deadline", "error", "both", "按时发布（部门1月31日前，人民政府3月31日前）",
		 "Published on time: departments by 31 January, people's governments by 31 March", false, check_publication_deadline),
	RULE("period_matches_year", "warning", "both", "统计期限与报告年度一致",
		 "The 统计期限 sentence names the report year", true, check_period_matches_year),
	RULE("t2_prev_plus_change_nonnegative", "warning", "2019", "表二上一年项目数量加本年增/减不为负",
		 "Table 2 (2019): previous items plus change is not negative", false, check_t2_prev_plus_change_nonnegative),
	RULE("t2_total_ge_published", "warning", "2019", "表二对外公开总数量不小于本年新公开数量",
		 "Table 2 (2019): total published is at least this year's published", false, check_t2_total_ge_published),
	RULE("t2_in_force_nonnegative", "warning", "2021", "表二现行有效件数不为负",
		 "Table 2 (2021): documents in force is not negative", false, check_t2_in_force_nonnegative),
	RULE("n_applications", "warning", "both", "正文所述收到申请数与表三一致",
		 "Applications stated in the text match table 3 (new, or new plus carried over)", true, check_n_applications),
	RULE("n_carried_forward", "warning", "both", "正文所述结转下年度数与表三一致",
		 "Carried forward stated in the text matches table 3 row 4", true, check_n_carried_forward),
	RULE("n_review", "warning", "both", "正文所述行政复议数与表四一致",
		 "Reviews stated in the text match the table 4 review total", true, check_n_review),
	RULE("n_suit", "warning", "both", "正文所述行政诉讼数与表四一致",
		 "Suits stated in the text match the table 4 suit totals", true, check_n_suit),
	RULE("n_none_but_nonzero", "warning", "both", "正文称「未收到」「未发生」而表格有数",
		 "The text says none while the tables hold non-zero numbers", true, check_n_none_but_nonzero),
	/* across years: checked by the view govreport.cross_year_findings */
	RULE("xy_carryover", "error", "both", "上年结转与上一年度报告结转下年度相符",
		 "Across years: this year's row 2 equals last year's row 4, per column", false, NULL),
	RULE("xy_in_force", "warning", "2021", "现行有效件数与上年衔接（上年现行有效 + 本年制发 - 本年废止）",
		 "Across years: in force = last year's in force + issued - repealed", false, NULL),
	RULE("xy_prev_items", "warning", "2019", "上一年项目数量与上一年度报告衔接",
		 "Across years: previous items = last year's previous items + last year's change", false, NULL),
	RULE("xy_copied_text", "warning", "both", "第一、五部分与上一年度报告内容雷同",
		 "Across years: sections 1 and 5 nearly identical to last year's (similarity >= 0.9)", true, NULL),
	RULE("not_assessable", "info", "both", "因单元格为空无法核对",
		 "A check could not be made because an operand is blank", false, NULL),
};

static const int rule_count = sizeof(rule_table) / sizeof(rule_table[0]);

int
gr_rule_count(void)
{
	return rule_count;
}

const gr_rule_info *
gr_rule_at(int i)
{
	return i >= 0 && i < rule_count ? &rule_table[i].info : NULL;
}

/* Rules for one template only need the template to be known. */
static bool
applies(const rule_def *rule, int template_year)
{
	if (strcmp(rule->info.applies_to, "both") == 0)
		return true;
	return (template_year == 2019 && strcmp(rule->info.applies_to, "2019") == 0) ||
		(template_year == 2021 && strcmp(rule->info.applies_to, "2021") == 0);
}

gr_validation *
gr_validate(gr_report *report)
{
	gr_arena   *arena = gr_arena_create();
	gr_validation *result = gr_arena_alloc0(arena, sizeof(gr_validation));
	vctx		v;

	memset(&v, 0, sizeof(v));
	v.r = report;
	v.arena = arena;
	gr_vec_init(&v.findings, sizeof(gr_finding));
	for (int i = 0; i < rule_count; i++)
	{
		const rule_def *rule = &rule_table[i];

		if (rule->check == NULL || !applies(rule, report->template_year))
			continue;
		if (rule->info.needs_text && report->text == NULL)
			continue;
		v.rule = rule;
		rule->check(&v);
	}
	result->findings = v.findings.items;
	result->nfindings = v.findings.count;
	result->arena = arena;
	return result;
}

void
gr_validation_free(gr_validation *v)
{
	if (v)
		gr_arena_destroy(v->arena);
}

bool
gr_validation_ok(const gr_validation *v)
{
	for (int i = 0; i < v->nfindings; i++)
		if (strcmp(v->findings[i].severity, "error") == 0)
			return false;
	return true;
}
