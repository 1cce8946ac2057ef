/*
 * gr_template.h — the two official formats (国办公开办函〔2019〕60号 and
 * 〔2021〕30号) as data: rows, canonical codes, labels and the keywords that
 * recognise a printed label.
 */
#ifndef GR_TEMPLATE_H
#define GR_TEMPLATE_H

#include <stdbool.h>

#define GR_TPL_2019 0x1
#define GR_TPL_2021 0x2
#define GR_TPL_BOTH (GR_TPL_2019 | GR_TPL_2021)

#define GR_MAX_KEYS 4

typedef struct gr_t3_row_def
{
	const char *code;
	const char *name;
	const char *label;
	unsigned	templates;
	const char *keys[GR_MAX_KEYS];	/* folded, without white space */
} gr_t3_row_def;

/* at most this many rows in table 3 over both templates (checked at compile time) */
#define GR_T3_ROWS_MAX 32

extern const gr_t3_row_def gr_t3_rows[];
extern const int gr_t3_nrows;

/* Index of row code in gr_t3_rows, or -1. */
int			gr_t3_row_index(const char *code);

/* A result row (3.1 … 3.6.3): the rows that add up to 「（七）总计」. */
bool		gr_t3_is_result(const char *code);

/*
 * Whether row code belongs to a table 3 whose 「（六）其他处理」 is printed as
 * three sub-rows 3.6.1–3.6.3 (form_2021) or as the one row 3.6.
 */
bool		gr_t3_row_in_form(const char *code, bool form_2021);

/*
 * The merged cells printed beside table 3's rows in its first columns, as
 * the template prints them: 「三、本年度办理结果」 beside every result row,
 * then the group headings (「（五）不予处理」 beside 3.5.1 …); NULL-terminated.
 */
extern const char *const gr_t3_headings[];

/* The merged cells beside row code (see gr_t3_headings); NULL where there is none. */
const char *gr_t3_result_heading(const char *code);
const char *gr_t3_group_heading(const char *code);

typedef struct gr_measure_def
{
	const char *code;
	const char *label;
} gr_measure_def;

#define GR_MAX_MEASURES 3

typedef struct gr_t2_row_def
{
	const char *item;			/* '20.1' */
	const char *item_label;		/* 第二十条第（一）项 */
	const char *code;
	const char *label_2019;
	const char *label_2021;
	const char *labels[GR_MAX_KEYS];	/* accepted printed forms, longest first */
	gr_measure_def measures_2019[GR_MAX_MEASURES];
	gr_measure_def measures_2021[GR_MAX_MEASURES];
} gr_t2_row_def;

extern const gr_t2_row_def gr_t2_rows[];
extern const int gr_t2_nrows;

/* Header words that tell the format of a table-2 block. */
extern const char *const gr_t2_header_2019[];
extern const char *const gr_t2_header_2021[];

typedef struct gr_t4_kind_def
{
	const char *kind;
	const char *label;
} gr_t4_kind_def;

extern const gr_t4_kind_def gr_t4_kinds[3];
extern const char *const gr_t3_column_names[7];
extern const char *const gr_t3_column_labels[7];
extern const char *const gr_t4_column_names[5];
extern const char *const gr_t4_column_labels[5];

typedef struct gr_section_def
{
	int			no;
	const char *numeral;		/* 一 .. 六 */
	const char *keys[GR_MAX_KEYS];
} gr_section_def;

extern const gr_section_def gr_sections[6];

#endif
