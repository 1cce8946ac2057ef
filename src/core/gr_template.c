/*
 * gr_template.c — the official formats as data.  Keywords are matched
 * against folded (NFKC) text with all white space removed, so they are
 * written with ASCII punctuation.
 */
#include "gr_template.h"

#include <string.h>

const gr_t3_row_def gr_t3_rows[] = {
	{"1", "new_received", "一、本年新收政府信息公开申请数量", GR_TPL_BOTH, {"本年新收"}},
	{"2", "carried_over", "二、上年结转政府信息公开申请数量", GR_TPL_BOTH, {"上年结转"}},
	{"3.1", "granted", "（一）予以公开", GR_TPL_BOTH, {"予以公开"}},
	{"3.2", "partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", GR_TPL_BOTH, {"部分公开"}},
	{"3.3.1", "denied_state_secret", "1.属于国家秘密", GR_TPL_BOTH, {"国家秘密"}},
	{"3.3.2", "denied_prohibited_by_law", "2.其他法律行政法规禁止公开", GR_TPL_BOTH, {"禁止公开", "其他法律"}},
	{"3.3.3", "denied_security_stability", "3.危及“三安全一稳定”", GR_TPL_BOTH, {"三安全一稳定", "危及"}},
	{"3.3.4", "denied_third_party", "4.保护第三方合法权益", GR_TPL_BOTH, {"第三方"}},
	{"3.3.5", "denied_internal_affairs", "5.属于三类内部事务信息", GR_TPL_BOTH, {"内部事务"}},
	{"3.3.6", "denied_process_info", "6.属于四类过程性信息", GR_TPL_BOTH, {"过程性"}},
	{"3.3.7", "denied_enforcement_file", "7.属于行政执法案卷", GR_TPL_BOTH, {"执法案卷"}},
	{"3.3.8", "denied_query_item", "8.属于行政查询事项", GR_TPL_BOTH, {"行政查询"}},
	{"3.4.1", "unavailable_not_held", "1.本机关不掌握相关政府信息", GR_TPL_BOTH, {"不掌握"}},
	{"3.4.2", "unavailable_needs_creation", "2.没有现成信息需要另行制作", GR_TPL_BOTH, {"另行制作", "没有现成"}},
	{"3.4.3", "unavailable_unclear", "3.补正后申请内容仍不明确", GR_TPL_BOTH, {"仍不明确", "补正后申请"}},
	{"3.5.1", "rejected_petition", "1.信访举报投诉类申请", GR_TPL_BOTH, {"信访", "举报投诉"}},
	{"3.5.2", "rejected_duplicate", "2.重复申请", GR_TPL_BOTH, {"重复申请"}},
	{"3.5.3", "rejected_publication", "3.要求提供公开出版物", GR_TPL_BOTH, {"公开出版物"}},
	{"3.5.4", "rejected_mass_repeat", "4.无正当理由大量反复申请", GR_TPL_BOTH, {"大量反复"}},
	{"3.5.5", "rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息", GR_TPL_BOTH, {"确认或重新", "已获取信息"}},
	{"3.6", "other", "（六）其他处理", GR_TPL_BOTH, {"其他处理"}},
	{"3.6.1", "other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", GR_TPL_2021, {"逾期不补", "不补正"}},
	{"3.6.2", "other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", GR_TPL_2021, {"收费通知", "缴纳费用"}},
	{"3.6.3", "other_other", "3.其他", GR_TPL_2021, {"3.其他", "3、其他", "(3)其他"}},
	{"3.7", "total", "（七）总计", GR_TPL_BOTH, {"总计"}},
	{"4", "carried_forward", "四、结转下年度继续办理", GR_TPL_BOTH, {"结转下年", "下年度继续"}},
};
const int	gr_t3_nrows = sizeof(gr_t3_rows) / sizeof(gr_t3_rows[0]);

_Static_assert(sizeof(gr_t3_rows) / sizeof(gr_t3_rows[0]) <= GR_T3_ROWS_MAX, "GR_T3_ROWS_MAX is too small");

int
gr_t3_row_index(const char *code)
{
	for (int i = 0; i < gr_t3_nrows; i++)
		if (strcmp(gr_t3_rows[i].code, code) == 0)
			return i;
	return -1;
}

bool
gr_t3_is_result(const char *code)
{
	return strncmp(code, "3.", 2) == 0 && strcmp(code, "3.7") != 0;
}

bool
gr_t3_row_in_form(const char *code, bool form_2021)
{
	return form_2021 ? strcmp(code, "3.6") != 0 : strncmp(code, "3.6.", 4) != 0;
}

const char *const gr_t3_headings[] = {
	"三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理", NULL
};

const char *
gr_t3_result_heading(const char *code)
{
	return gr_t3_is_result(code) ? gr_t3_headings[0] : NULL;
}

const char *
gr_t3_group_heading(const char *code)
{
	/* 3.3.x … 3.6.x: the groups of the result rows, in the order of gr_t3_headings */
	if (strncmp(code, "3.", 2) == 0 && code[2] >= '3' && code[2] <= '6' && code[3] == '.')
		return gr_t3_headings[code[2] - '3' + 1];
	return NULL;
}

#define M_MADE {"made", "本年新制作数量"}
#define M_PUBLISHED {"published", "本年新公开数量"}
#define M_TOTAL_PUBLISHED {"total_published", "对外公开总数量"}
#define M_ISSUED {"issued", "本年制发件数"}
#define M_REPEALED {"repealed", "本年废止件数"}
#define M_IN_FORCE {"in_force", "现行有效件数"}
#define M_PREV {"prev_items", "上一年项目数量"}
#define M_CHANGE {"change", "本年增/减"}
#define M_DECISIONS {"decisions", "处理决定数量"}
#define M_DECISIONS_2021 {"decisions", "本年处理决定数量"}
#define M_PROJECTS {"projects", "采购项目数量"}
#define M_AMOUNT_PROC {"amount", "采购总金额（万元）"}
#define M_AMOUNT_FEES {"amount", "本年收费金额（万元）"}

const gr_t2_row_def gr_t2_rows[] = {
	{"20.1", "第二十条第（一）项", "regulations", "规章", "规章", {"规章"},
	{M_MADE, M_PUBLISHED, M_TOTAL_PUBLISHED}, {M_ISSUED, M_REPEALED, M_IN_FORCE}},
	{"20.1", "第二十条第（一）项", "normative_documents", "规范性文件", "行政规范性文件",
		{"行政规范性文件", "规范性文件"},
	{M_MADE, M_PUBLISHED, M_TOTAL_PUBLISHED}, {M_ISSUED, M_REPEALED, M_IN_FORCE}},
	{"20.5", "第二十条第（五）项", "licensing", "行政许可", "行政许可", {"行政许可"},
	{M_PREV, M_CHANGE, M_DECISIONS}, {M_DECISIONS_2021}},
	{"20.5", "第二十条第（五）项", "other_services", "其他对外管理服务事项", "其他对外管理服务事项",
		{"其他对外管理服务事项"},
	{M_PREV, M_CHANGE, M_DECISIONS}, {M_PREV, M_CHANGE, M_DECISIONS}},
	{"20.6", "第二十条第（六）项", "penalty", "行政处罚", "行政处罚", {"行政处罚"},
	{M_PREV, M_CHANGE, M_DECISIONS}, {M_DECISIONS_2021}},
	{"20.6", "第二十条第（六）项", "coercion", "行政强制", "行政强制", {"行政强制"},
	{M_PREV, M_CHANGE, M_DECISIONS}, {M_DECISIONS_2021}},
	{"20.8", "第二十条第（八）项", "fees", "行政事业性收费", "行政事业性收费", {"行政事业性收费"},
	{M_PREV, M_CHANGE}, {M_AMOUNT_FEES}},
	{"20.9", "第二十条第（九）项", "procurement", "政府集中采购", "政府集中采购", {"政府集中采购"},
	{M_PROJECTS, M_AMOUNT_PROC}, {M_PROJECTS, M_AMOUNT_PROC}},
};
const int	gr_t2_nrows = sizeof(gr_t2_rows) / sizeof(gr_t2_rows[0]);

const char *const gr_t2_header_2019[] = {
	"新制作", "新公开数量", "对外公开总数", "上一年项目", "增/减", "采购项目", NULL
};
const char *const gr_t2_header_2021[] = {
	"制发件数", "废止件数", "现行有效", "本年处理决定", "本年收费金额", NULL
};

const gr_t4_kind_def gr_t4_kinds[3] = {
	{"review", "行政复议"},
	{"direct_suit", "行政诉讼（未经复议直接起诉）"},
	{"post_review_suit", "行政诉讼（复议后起诉）"},
};

const char *const gr_t3_column_names[7] = {
	"natural_person", "commercial", "research", "social_welfare",
	"legal_service", "other_org", "total"
};
const char *const gr_t3_column_labels[7] = {
	"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"
};
const char *const gr_t4_column_names[5] = {
	"upheld", "corrected", "other", "pending", "total"
};
const char *const gr_t4_column_labels[5] = {
	"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"
};

const gr_section_def gr_sections[6] = {
	{1, "一", {"总体情况", "总体概况", "概述"}},
	{2, "二", {"主动公开"}},
	{3, "三", {"收到和处理", "依申请", "申请情况"}},
	{4, "四", {"行政复议", "行政诉讼"}},
	{5, "五", {"存在的主要问题", "主要问题", "存在问题", "改进情况"}},
	{6, "六", {"其他需要报告", "其他事项", "需要报告"}},
};
