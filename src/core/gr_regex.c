/*
 * gr_regex.c — compiled once per process, JIT when available.
 *
 * Patterns run on folded (NFKC) text: digits and brackets are ASCII there.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include "gr_regex.h"
#include "gr_core.h"

#include <pcre2.h>
#include <string.h>

/* ideographs only: \p{Han} also takes 「。」「、」 through Script_Extensions */
#define HAN "[\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}\\x{F900}-\\x{FAFF}]"
/* within one clause: no sentence or clause end, no digit */
#define CLAUSE "[^。;；\\d]"
/* within one phrase: not even a comma */
#define PHRASE "[^。;；,，、\\d]"

static const char *const pattern_source[P_COUNT] = {
	[P_YEAR] = "((?:19|20)\\d\\d)\\s*年",
	[P_DATE_DIGITS] = "((?:19|20)\\d\\d)\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日",
	[P_DATE_ISO] = "((?:19|20)\\d\\d)\\s*[-./]\\s*(\\d{1,2})\\s*[-./]\\s*(\\d{1,2})(?!\\d)",
	[P_DATE_HAN] = "([〇○零一二三四五六七八九]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*日",
	[P_ORGAN] = "(?:" HAN "{1,8}?(?:自治区|自治州|地区|省|市|州|盟|县|区|旗)){1,3}(?:" HAN "|[()]){0,14}?"
	"(?:人民政府办公室|人民政府|办公室|委员会|管理局|局|厅|委|办|中心|院)\\z",
	/* 「全年共受理政府信息公开申请 3119 件」「收到依申请公开14件」 */
	[P_CLAIM_APPLICATIONS] = "(?:收到|受理)" CLAUSE "{0,30}?申请" CLAUSE "{0,12}?(\\d+)\\s*件",
	/* 「另有 103 件顺延到下年度」: after the count, 「(\d+)\s*」 (see count_first) */
	[P_CLAIM_CARRIED_FORWARD_COUNT_FIRST] = "件" PHRASE "{0,6}?(?:结转|顺延)" PHRASE "{0,4}?下一?年",
	/* 「结转下年度办理 5 件」 */
	[P_CLAIM_CARRIED_FORWARD_COUNT_AFTER] = "(?:结转|顺延)(?:到|至)?下一?年度?" CLAUSE "{0,10}?(\\d+)\\s*件",
	/* 「政府信息公开行政复议 351 件」 */
	[P_CLAIM_REVIEW] = "行政复议" CLAUSE "{0,6}?(\\d+)\\s*件",
	[P_CLAIM_SUIT] = "行政诉讼" CLAUSE "{0,6}?(\\d+)\\s*件",
	/* 「未收到政府信息公开申请」「未发生…行政复议」 */
	[P_CLAIM_NO_APPLICATIONS] = "未(?:收到|受理)" CLAUSE "{0,15}?申请",
	[P_CLAIM_NO_REVIEW] = "未(?:发生|收到|出现|有)" CLAUSE "{0,30}?复议",
	[P_CLAIM_NO_SUIT] = "未(?:发生|收到|出现|有)" CLAUSE "{0,30}?诉讼",
};

/*
 * Patterns that stand for 「(\d+)\s*」 followed by their source: a count
 * read before the text that names it.  Given the count, pcre2 tries every
 * digit of the page as a start, and a page of tables has thousands of them:
 * that one pattern took a third of the time of all the rules.  The rest of
 * the pattern starts with a literal, which pcre2 finds fast, and the count
 * is read backwards from there (find_count_first).
 */
static const bool count_first[P_COUNT] = {
	[P_CLAIM_CARRIED_FORWARD_COUNT_FIRST] = true,
};

static pcre2_code *patterns[P_COUNT];
static pcre2_general_context *general_ctx;
static bool in_setup = false;
static bool jit_wanted = true;

void
gr_regex_set_jit(bool on)
{
	jit_wanted = on;
}

/*
 * Compiled patterns and the context itself live for the process; match data
 * is made per call in the caller's memory, so an error path leaks nothing.
 */
static void *
pattern_malloc(PCRE2_SIZE size, void *data)
{
	(void) data;
	return in_setup ? gr_get_handlers()->alloc_persistent(size)
		: gr_get_handlers()->alloc(size);
}

static void
pattern_free(void *ptr, void *data)
{
	(void) data;
	if (ptr)
		gr_get_handlers()->release(ptr);
}

static void
ensure_patterns(void)
{
	pcre2_compile_context *cctx;
	uint32_t	jit = 0;

	if (patterns[P_COUNT - 1] != NULL)
		return;
	in_setup = true;
	if (general_ctx == NULL)
		general_ctx = pcre2_general_context_create(pattern_malloc, pattern_free, NULL);
	cctx = general_ctx ? pcre2_compile_context_create(general_ctx) : NULL;
	if (cctx == NULL)
	{
		in_setup = false;
		gr_get_handlers()->error(GR_ERR_OUT_OF_MEMORY, "out of memory", NULL, NULL);
	}
	if (jit_wanted)
		pcre2_config(PCRE2_CONFIG_JIT, &jit);
	for (int i = 0; i < P_COUNT; i++)
	{
		int			err;
		PCRE2_SIZE	erroff;
		pcre2_code *code;

		if (patterns[i] != NULL)
			continue;
		code = pcre2_compile((PCRE2_SPTR) pattern_source[i], PCRE2_ZERO_TERMINATED,
							 PCRE2_UTF | PCRE2_NO_UTF_CHECK, &err, &erroff, cctx);
		if (code == NULL)
		{
			char		msg[256];

			in_setup = false;
			pcre2_get_error_message(err, (PCRE2_UCHAR *) msg, sizeof(msg));
			gr_get_handlers()->error(GR_ERR_INTERNAL, "内部正则表达式无法编译", msg, NULL);
		}
		if (jit)
			pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
		patterns[i] = code;
	}
	pcre2_compile_context_free(cctx);
	in_setup = false;
}

/*
 * One match block for the process: matching is single-threaded per process.
 * Without JIT pcre2 keeps its backtracking frames in the block between
 * calls, so everything the block allocates lives for the process too.
 */
static pcre2_match_data *shared_match_data;

static void *
match_block_malloc(PCRE2_SIZE size, void *data)
{
	(void) data;
	return gr_get_handlers()->alloc_persistent(size);
}

static pcre2_match_data *
match_data(void)
{
	if (shared_match_data == NULL)
	{
		pcre2_general_context *block_ctx;

		block_ctx = pcre2_general_context_create(match_block_malloc, pattern_free, NULL);
		if (block_ctx != NULL)
		{
			/* the block keeps a copy of the allocator, not the context */
			shared_match_data = pcre2_match_data_create(5, block_ctx);
			pcre2_general_context_free(block_ctx);
		}
		if (shared_match_data == NULL)
			gr_get_handlers()->error(GR_ERR_OUT_OF_MEMORY, "out of memory", NULL, NULL);
	}
	return shared_match_data;
}

/* First match of the pattern's own source in s[from, to). */
static gr_match
find_source(gr_pattern_id id, const char *s, size_t from, size_t to)
{
	gr_match	m;
	pcre2_match_data *md;
	int			rc;

	memset(&m, 0, sizeof(m));
	if (from >= to)
		return m;
	ensure_patterns();
	md = match_data();
	rc = pcre2_match(patterns[id], (PCRE2_SPTR) s, to, from, PCRE2_NO_UTF_CHECK, md, NULL);
	if (rc > 0)
	{
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

		m.ok = true;
		m.start = ov[0];
		m.end = ov[1];
		m.ngroups = rc - 1;
		for (int g = 1; g < rc && g < 5; g++)
		{
			/* an unset group reports PCRE2_UNSET */
			m.group_start[g - 1] = ov[2 * g] == PCRE2_UNSET ? 0 : ov[2 * g];
			m.group_end[g - 1] = ov[2 * g + 1] == PCRE2_UNSET ? 0 : ov[2 * g + 1];
		}
	}
	return m;
}

/* pcre2's \s without Unicode properties */
static bool
is_regex_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/*
 * The first match of 「(\d+)\s*」 and the pattern's source in s[from, to):
 * at the first match of the source with digits (and blanks) before it.  The
 * count is group 1; the source's own groups follow it.
 */
static gr_match
find_count_first(gr_pattern_id id, const char *s, size_t from, size_t to)
{
	size_t		at = from;

	for (;;)
	{
		gr_match	rest = find_source(id, s, at, to);
		size_t		digits_end,
					start;
		gr_match	m;

		if (!rest.ok)
			return rest;
		digits_end = rest.start;
		while (digits_end > from && is_regex_space(s[digits_end - 1]))
			digits_end--;
		start = digits_end;
		while (start > from && s[start - 1] >= '0' && s[start - 1] <= '9')
			start--;
		if (start < digits_end)
		{
			m = rest;
			m.start = start;
			m.ngroups = rest.ngroups + 1 < 4 ? rest.ngroups + 1 : 4;
			for (int g = m.ngroups - 1; g > 0; g--)
			{
				m.group_start[g] = rest.group_start[g - 1];
				m.group_end[g] = rest.group_end[g - 1];
			}
			m.group_start[0] = start;
			m.group_end[0] = digits_end;
			return m;
		}
		/* on from the next character: the source may also match inside this match */
		at = rest.start + 1;
		while (at < to && ((unsigned char) s[at] & 0xC0) == 0x80)
			at++;
	}
}

gr_match
gr_regex_find(gr_pattern_id id, const char *s, size_t from, size_t to)
{
	if (count_first[id])
		return find_count_first(id, s, from, to);
	return find_source(id, s, from, to);
}
