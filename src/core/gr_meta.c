/*
 * gr_meta.c — title, organ (发布机关), year and publication date.
 *
 * The organ comes from the title, else from the signature above the closing
 * date, else from the body (the organ that the text calls 「我局」「我委」…).
 * Everything not read from the title is noted.
 */
#include "gr_doc.h"
#include "gr_regex.h"
#include "gr_template.h"

#include <stdio.h>
#include <string.h>

static int
atoi_range(const char *s, size_t a, size_t b)
{
	int			v = 0;

	for (size_t i = a; i < b; i++)
		if (s[i] >= '0' && s[i] <= '9')
			v = v * 10 + (s[i] - '0');
	return v;
}

/* Value of a Chinese numeral: 〇一二…九 digits, or 十/二十三 style. */
static int
han_number(const char *s, size_t a, size_t b, bool digitwise)
{
	static const char *const digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	int			v = 0;
	int			tens = -1;

	for (size_t i = a; i < b;)
	{
		int			d = -1;

		if (memcmp(s + i, "○", 3) == 0 || memcmp(s + i, "零", 3) == 0)
			d = 0;
		for (int k = 0; k < 10 && d < 0; k++)
			if (memcmp(s + i, digits[k], 3) == 0)
				d = k;
		if (d >= 0)
			v = v * 10 + d;
		else if (!digitwise && memcmp(s + i, "十", 3) == 0)
		{
			tens = v == 0 ? 1 : v;
			v = 0;
		}
		i += 3;
	}
	if (tens >= 0)
		v += tens * 10;
	return v;
}

static bool
valid_date(int y, int m, int d)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (y < 1990 || y > 2200 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return false;
	return true;
}

typedef struct date_hit
{
	bool		ok;
	int			y,
				m,
				d;
	size_t		start,
				end;
} date_hit;

/* First valid date of any form in s[from, to). */
static date_hit
find_date(const char *s, size_t from, size_t to)
{
	date_hit	best;

	memset(&best, 0, sizeof(best));
	for (int id = P_DATE_DIGITS; id <= P_DATE_HAN; id++)
	{
		size_t		at = from;

		for (;;)
		{
			gr_match	m = gr_regex_find((gr_pattern_id) id, s, at, to);
			date_hit	h;

			if (!m.ok)
				break;
			memset(&h, 0, sizeof(h));
			if (id == P_DATE_HAN)
			{
				h.y = han_number(s, m.group_start[0], m.group_end[0], true);
				h.m = han_number(s, m.group_start[1], m.group_end[1], false);
				h.d = han_number(s, m.group_start[2], m.group_end[2], false);
			}
			else
			{
				h.y = atoi_range(s, m.group_start[0], m.group_end[0]);
				h.m = atoi_range(s, m.group_start[1], m.group_end[1]);
				h.d = atoi_range(s, m.group_start[2], m.group_end[2]);
			}
			h.start = m.start;
			h.end = m.end;
			h.ok = valid_date(h.y, h.m, h.d);
			if (h.ok)
			{
				if (!best.ok || h.start < best.start)
					best = h;
				break;
			}
			at = m.end;
		}
	}
	return best;
}

/* Last valid date in s[from, to). */
static date_hit
find_last_date(const char *s, size_t from, size_t to)
{
	date_hit	last;
	size_t		at = from;

	memset(&last, 0, sizeof(last));
	/* every date form has 「年」 or an ASCII separator: skip texts with none */
	if (gr_find_bytes(s + from, to - from, "年", 3) == NULL &&
		memchr(s + from, '-', to - from) == NULL && memchr(s + from, '.', to - from) == NULL &&
		memchr(s + from, '/', to - from) == NULL)
		return last;
	for (;;)
	{
		date_hit	h = find_date(s, at, to);

		if (!h.ok)
			return last;
		last = h;
		at = h.end;
	}
}

/* Copies s[a, b) without white space and Markdown marks. */
static char *
compact_copy(gr_doc *doc, const char *s, size_t a, size_t b)
{
	char	   *out = gr_arena_alloc(doc->arena, b - a + 1);
	size_t		n = 0;

	for (size_t i = a; i < b; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '#' && s[i] != '*' && s[i] != '|' && s[i] != '\n')
			out[n++] = s[i];
	out[n] = '\0';
	return out;
}

static bool
contains(const char *s, const char *needle)
{
	return strstr(s, needle) != NULL;
}

static bool
looks_like_title(const char *c)
{
	size_t		len = strlen(c);

	if (len == 0 || len > 150)
		return false;
	if (!(contains(c, "年度报告") || contains(c, "工作报告") || contains(c, "年报")))
		return false;
	/* a sentence, not a title: 「根据《条例》，特向社会公布…年度报告。」 */
	return !(contains(c, "。") || contains(c, ",") || contains(c, "《") || contains(c, "根据"));
}

/* After 'open' at c, the text up to the first 'close', and 'close' itself: where it ends, or c. */
static char *
past_bracketed(char *c, char open, char close)
{
	char	   *end;

	if (*c != open || (end = strchr(c, close)) == NULL)
		return c;
	return end + 1;
}

/*
 * A heading's marks in the lightweight markups converters write, on a
 * compacted line: 「==标题==」 (AsciiDoc, MediaWiki), 「h1.标题」,
 * 「h1(#id).标题」 (Textile), 「h1.{anchor:id}标题」 (Jira),
 * 「..rubric::标题」 (a reStructuredText directive, as pandoc writes a
 * heading inside a block).
 */
static char *
strip_heading_marks(char *c)
{
	size_t		len;
	char	   *p;

	while (*c == '=')
		c++;
	len = strlen(c);
	while (len > 0 && c[len - 1] == '=')
		c[--len] = '\0';
	if (c[0] == 'h' && c[1] >= '1' && c[1] <= '6')
	{
		p = past_bracketed(c + 2, '(', ')');
		if (*p == '.')
			c = past_bracketed(p + 1, '{', '}');
	}
	else if (c[0] == '.' && c[1] == '.')
	{
		for (p = c + 2; gr_is_ascii_letter(*p) || *p == '-'; p++)
			;
		if (p > c + 2 && p[0] == ':' && p[1] == ':')
			c = p + 2;
	}
	return c;
}

/* 「【标题】」「《标题》」: a line wholly inside one pair of brackets, without them. */
static char *
strip_enclosing(char *c)
{
	static const char *const pairs[][2] = {
		{"【", "】"}, {"〖", "〗"}, {"《", "》"}, {"「", "」"}, {"『", "』"}, {"[", "]"},
	};
	size_t		len = strlen(c);

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
	{
		size_t		open = strlen(pairs[i][0]),
					close = strlen(pairs[i][1]);

		if (len > open + close && strncmp(c, pairs[i][0], open) == 0 &&
			strcmp(c + len - close, pairs[i][1]) == 0 && strstr(c + open, pairs[i][1]) == c + len - close)
		{
			c[len - close] = '\0';
			return c + open;
		}
	}
	return c;
}

static const char *
strip_prefix(char *c)
{
	static const char *const prefixes[] = {"标题:", "题目:", "文章标题:", NULL};

	c = strip_enclosing(strip_heading_marks(c));
	for (int i = 0; prefixes[i]; i++)
		if (strncmp(c, prefixes[i], strlen(prefixes[i])) == 0)
			return c + strlen(prefixes[i]);
	return c;
}

/* Starts of the lines in s[0, limit), at most max. */
static int
line_starts(const gr_doc *doc, size_t limit, size_t *starts, int max)
{
	int			n = 0;
	const char *s = doc->text.data;

	if (n < max)
		starts[n++] = 0;
	for (size_t i = 0; i < limit && n < max; i++)
		if (s[i] == '\n')
			starts[n++] = i + 1;
	return n;
}

static size_t
line_end(const gr_doc *doc, size_t start)
{
	const char *nl = memchr(doc->text.data + start, '\n', doc->text.len - start);

	return nl ? (size_t) (nl - doc->text.data) : doc->text.len;
}

static size_t
head_limit(const gr_doc *doc)
{
	if (doc->sec_coff[1] >= 0)
		return gr_compact_to_off(&doc->lx, (uint32_t) doc->sec_coff[1]);
	return doc->text.len < 3000 ? doc->text.len : 3000;
}

/*
 * 「首页 > 政务公开 > 年度报告」: a breadcrumb names the page's place, not the
 * report; only its last step may be the title, and then only when it says
 * more than 「年度报告」 (a year, or 「政府信息公开」).  Returns what of line c
 * may be a title: c itself when it is no breadcrumb, "" when nothing.
 */
static const char *
past_breadcrumb(const char *c)
{
	static const char *const separators[] = {">", "»", "›", "→", NULL};
	const char *last = NULL;

	for (int k = 0; separators[k]; k++)
	{
		const char *p = c;

		while ((p = strstr(p, separators[k])) != NULL)
		{
			p += strlen(separators[k]);
			if (last == NULL || p > last)
				last = p;
		}
	}
	if (last == NULL)
		return c;
	if (contains(last, "政府信息公开") || strpbrk(last, "0123456789") != NULL)
		return last;
	return "";
}

/* The title line, with the organ line above it when it starts with the year. */
static void
find_title(gr_doc *doc, size_t *title_off)
{
	size_t		starts[64];
	int			n = line_starts(doc, head_limit(doc), starts, 64);
	const char *s = doc->text.data;
	const char *prev = NULL;
	size_t		prev_off = 0;

	*title_off = 0;
	for (int i = 0; i < n; i++)
	{
		size_t		e = line_end(doc, starts[i]);
		const char *c;

		/* a title is short: its line's first 600 bytes hold it */
		if (e - starts[i] > 600)
			e = starts[i] + 600;
		c = past_breadcrumb(strip_prefix(compact_copy(doc, s, starts[i], e)));

		if (*c == '\0')
			continue;
		if (looks_like_title(c))
		{
			bool		starts_plain = (c[0] >= '0' && c[0] <= '9') ||
				strncmp(c, "政府信息公开", strlen("政府信息公开")) == 0 ||
				strncmp(c, "年度", strlen("年度")) == 0;

			if (starts_plain && prev && strlen(prev) <= 90 && !contains(prev, "。") &&
				!looks_like_title(prev))
			{
				doc->rep->title = gr_arena_printf(doc->arena, "%s%s", prev, c);
				*title_off = prev_off;
			}
			else
			{
				doc->rep->title = c;
				*title_off = starts[i];
			}
			return;
		}
		/* line breaks lost: the title runs straight into the first sentence */
		if (strlen(c) > 150)
		{
			const char *end = strstr(c, "年度报告");

			if (end && end - c < 150)
			{
				char	   *seg = gr_arena_strndup(doc->arena, c, (size_t) (end - c) + strlen("年度报告"));

				if (looks_like_title(seg))
				{
					doc->rep->title = seg;
					*title_off = starts[i];
					return;
				}
			}
		}
		prev = c;
		prev_off = starts[i];
	}
}

/* 「本机关」「我局」「该单位」: how a text names itself, not an organ's name */
static bool
is_self_reference(const char *name)
{
	return strncmp(name, "本", 3) == 0 || strncmp(name, "我", 3) == 0 || strncmp(name, "该", 3) == 0;
}

/* Organ and year from the title: the text before 「2020年」. */
static void
organ_from_title(gr_doc *doc)
{
	static const char *const subjects[] = {"(", "年度报告", "工作", "政府信息公开", "关于", NULL};
	const char *t = doc->rep->title;
	gr_match	y;

	if (t == NULL)
		return;
	y = gr_regex_find(P_YEAR, t, 0, strlen(t));
	if (!y.ok)
		return;
	doc->rep->year = atoi_range(t, y.group_start[0], y.group_end[0]);
	if (y.start > 0)
	{
		char	   *organ = gr_arena_strndup(doc->arena, t, y.start);
		size_t		kept = strlen(organ);
		bool		subject = false;

		/*
		 * 「…关于2020年…」, 「…政府信息公开工作2020年度报告」,
		 * 「…政府信息公开工作年度报告（2020年度）」: the subject before the year
		 * is no part of the organ's name, taken off its end one word at a time
		 * when it ends in 「政府信息公开」 or 「关于」
		 */
		for (int i = 0; subjects[i]; i++)
		{
			size_t		n = strlen(subjects[i]);

			if (kept >= n && memcmp(organ + kept - n, subjects[i], n) == 0)
			{
				kept -= n;
				subject |= strcmp(subjects[i], "政府信息公开") == 0 || strcmp(subjects[i], "关于") == 0;
			}
		}
		if (subject)
			organ[kept] = '\0';
		if (strlen(organ) >= 6 && !is_self_reference(organ))
			doc->rep->organ = organ;
	}
}

static const struct
{
	const char *self;			/* how the text names its organ */
	const char *suffix;			/* the suffix of that organ's name */
}			self_names[] = {
	{"我局", "局"}, {"本局", "局"}, {"我委", "委员会"}, {"本委", "委员会"},
	{"我办", "办公室"}, {"我厅", "厅"}, {"我中心", "中心"}, {"我院", "院"},
	{"我县", "县人民政府"}, {"我市", "市人民政府"}, {"我区", "区人民政府"},
	{"我省", "省人民政府"}, {"我镇", "镇人民政府"}, {"我乡", "乡人民政府"},
	{NULL, NULL}
};

static int
count_occurrences(const char *hay, size_t len, const char *needle)
{
	unsigned	n = 0;
	size_t		nl = strlen(needle);
	const char *p = hay;
	const char *end = hay + len;

	while ((p = gr_find_bytes(p, (size_t) (end - p), needle, nl)) != NULL)
	{
		gr_interrupt_every(&n);	/* counts the hit too */
		p += nl;
	}
	return (int) n;
}

typedef enum place_level
{
	NOT_PLACE,
	PLACE_COUNTY,				/* 县 区 旗 */
	PLACE_CITY,					/* 市 州 盟 */
	PLACE_PROVINCE				/* 省 */
} place_level;

/* The administrative level a character ends a place name at, if any. */
static place_level
place_char(const char *p)
{
	if (memcmp(p, "县", 3) == 0 || memcmp(p, "区", 3) == 0 || memcmp(p, "旗", 3) == 0)
		return PLACE_COUNTY;
	if (memcmp(p, "市", 3) == 0 || memcmp(p, "州", 3) == 0 || memcmp(p, "盟", 3) == 0)
		return PLACE_CITY;
	if (memcmp(p, "省", 3) == 0)
		return PLACE_PROVINCE;
	return NOT_PLACE;
}

/*
 * A body match starts wherever the regex could start: 「公开富源县政务服务管理局」.
 * Drops leading verbs and function words; NULL when no place name is left.
 */
static const char *
trim_organ_candidate(const char *name)
{
	static const char *const lead[] = {
		"根据", "关于", "通过", "会同", "联合", "配合", "公开", "发布", "印发", "报送",
		"由", "在", "对", "向", "是", "为", "经", "据", "和", "与", "及", "的", "了",
		"将", "按", "我", "全", "各", "该", "本", "从", "至", "把", NULL
	};
	bool		trimmed = true;

	while (trimmed)
	{
		trimmed = false;
		for (int i = 0; lead[i]; i++)
		{
			size_t		n = strlen(lead[i]);

			if (strncmp(name, lead[i], n) == 0)
			{
				name += n;
				trimmed = true;
			}
		}
	}
	/* a place name of at least two characters must remain: 「县政管局」 is none */
	for (const char *p = name; *p; p += 3)
	{
		if (((unsigned char) *p & 0xF0) != 0xE0)
			return NULL;
		if (place_char(p) != NOT_PLACE)
			return p - name >= 3 ? name : NULL;
	}
	return NULL;
}

/* A character the organ pattern's ideograph class holds (all three bytes long). */
static bool
is_pattern_han(const char *p)
{
	int32_t		cp;

	return gr_utf8_decode((const unsigned char *) p, 3, &cp) == 3 &&
		((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
		 (cp >= 0xF900 && cp <= 0xFAFF));
}

/*
 * Where P_ORGAN may start for a match ending at 'end': the run of ideographs
 * and brackets before it, at most 75 bytes back.  -1 when that run holds no
 * place character, since every organ name of the pattern has one; the
 * regex, whose nested lazy repeats backtrack a lot, then need not run.
 */
static int64_t
organ_window(const char *c, size_t end)
{
	size_t		limit = end > 75 ? end - 75 : 0;
	size_t		from = end;
	bool		place = false;

	for (;;)
	{
		if (from >= limit + 1 && (c[from - 1] == '(' || c[from - 1] == ')'))
			from--;
		else if (from >= limit + 3 && is_pattern_han(c + from - 3))
		{
			from -= 3;
			place = place || place_char(c + from) != NOT_PLACE;
		}
		else
			break;
	}
	return place ? (int64_t) from : -1;
}

static const char *const organ_suffixes[] = {
	"人民政府", "办公室", "委员会", "局", "厅", "委", "办", "中心", "院", NULL
};

/*
 * The organ the body speaks of as itself (「我局」 → the …局 named most).
 * The pattern is tried only in short windows that end at a suffix, so the
 * search stays linear in the length of the text.
 */
static const char *
organ_from_body(gr_doc *doc, uint32_t *at)
{
	const char *c = doc->lx.compact;
	size_t		clen = doc->lx.clen;
	const char *wanted = NULL;
	int			self_counts[32] = {0};
	int			best_self = 0;
	const char *best = NULL;
	int			best_count = 0;
	/* distinct candidates seen, so that each name is counted once */
	const char *seen[64];
	int			nseen = 0;
	unsigned	hits = 0;

	/* how the text names itself: one pass over 「我…」「本…」 */
	for (int lead = 0; lead < 2; lead++)
	{
		const char *who = lead == 0 ? "我" : "本";
		const char *p = c;

		while ((p = gr_find_bytes(p, clen - (size_t) (p - c), who, 3)) != NULL)
		{
			gr_interrupt_every(&hits);
			for (int i = 0; self_names[i].self && i < 32; i++)
				if (strncmp(p, self_names[i].self, strlen(self_names[i].self)) == 0)
					self_counts[i]++;
			p += 3;
		}
	}
	for (int i = 0; self_names[i].self && i < 32; i++)
		if (self_counts[i] > best_self)
		{
			best_self = self_counts[i];
			wanted = self_names[i].suffix;
		}
	for (int sfx = 0; organ_suffixes[sfx]; sfx++)
	{
		const char *suffix = organ_suffixes[sfx];
		size_t		sl = strlen(suffix);
		const char *p = c;

		/* 「县人民政府」 is wanted as 「…人民政府」 */
		if (wanted && !gr_ends_with(wanted, suffix))
			continue;
		while ((p = gr_find_bytes(p, clen - (size_t) (p - c), suffix, sl)) != NULL)
		{
			size_t		end = (size_t) (p - c) + sl;
			int64_t		from = organ_window(c, end);
			gr_match	m;
			char	   *raw;
			char	   *name;
			bool		known = false;
			int			k;

			gr_interrupt_every(&hits);
			p += sl;
			if (from < 0)
				continue;
			m = gr_regex_find(P_ORGAN, c, (size_t) from, end);
			if (!m.ok)
				continue;
			raw = gr_arena_strndup(doc->arena, c + m.start, m.end - m.start);
			name = (char *) trim_organ_candidate(raw);
			if (name == NULL || (wanted && !gr_ends_with(name, wanted)))
				continue;
			for (int i = 0; i < nseen && !known; i++)
				known = strcmp(seen[i], name) == 0;
			if (known)
				continue;
			if (nseen < 64)
				seen[nseen++] = name;
			k = count_occurrences(c, clen, name);
			if (k > best_count)
			{
				best = name;
				best_count = k;
				*at = gr_compact_to_off(&doc->lx, (uint32_t) (m.start + (size_t) (name - raw)));
			}
		}
	}
	return best;
}

/* Characters that end a place name when walking back from 「市」. */
static bool
is_stop_char(const char *p)
{
	static const char *const stops[] = {
		"由", "是", "在", "的", "与", "和", "及", "向", "对", "据", "按", "为", "于", "经",
		"请", "将", "了", "、", NULL
	};

	for (int i = 0; stops[i]; i++)
		if (memcmp(p, stops[i], 3) == 0)
			return true;
	return false;
}

static bool
is_han3(const unsigned char *p)
{
	int32_t		cp;

	return gr_utf8_decode(p, 3, &cp) == 3 && cp >= 0x4E00 && cp <= 0x9FFF;
}

/*
 * A district or county named without its city in the title (「洪泽区人民政府」)
 * is qualified from the body when the body names it with one
 * (「淮安市洪泽区人民政府」).
 */
static void
qualify_organ(gr_doc *doc)
{
	const char *organ = doc->rep->organ;
	const char *c = doc->lx.compact;
	const char *hit;
	size_t		olen;
	const char *place_end;
	unsigned	hits = 0;

	if (organ == NULL)
		return;
	olen = strlen(organ);
	place_end = NULL;
	for (const char *p = organ; *p && p < organ + 5 * 3; p += 3)
	{
		place_level level = place_char(p);

		if (level == PLACE_COUNTY)
		{
			place_end = p;
			break;
		}
		if (level != NOT_PLACE)
			return;				/* already starts with a city or province */
	}
	if (place_end == NULL)
		return;
	hit = c;
	while ((hit = gr_find_bytes(hit, doc->lx.clen - (size_t) (hit - c), organ, olen)) != NULL)
	{
		const char *p = hit;
		int			chars = 0;

		gr_interrupt_every(&hits);
		if (p - c >= 3 && place_char(p - 3) == PLACE_CITY)
		{
			p -= 3;
			while (p - c >= 3 && chars < 4 && is_han3((const unsigned char *) p - 3) && !is_stop_char(p - 3))
			{
				p -= 3;
				chars++;
			}
			if (chars >= 1)
			{
				char	   *q = gr_arena_strndup(doc->arena, p, (size_t) (hit - p) + olen);

				gr_note_add(doc, "organ_qualified", gr_compact_to_off(&doc->lx, (uint32_t) (p - c)),
							"标题中的发布机关「%s」未写明所属市，正文写作「%s」，采用后者", organ, q);
				doc->rep->organ = q;
				return;
			}
		}
		hit += olen;
	}
}

static void
set_published(gr_doc *doc, date_hit d)
{
	doc->rep->published_year = d.y;
	doc->rep->published_month = d.m;
	doc->rep->published_day = d.d;
}

/* A 「发布时间」 line in a scraper's header above the report, or near its end. */
static bool
find_labelled_date(gr_doc *doc)
{
	const char *s = doc->text.data;
	size_t		len = doc->text.len;
	date_hit	d;
	/* 「发布时间」「发布日期」「成文日期」「印发日期」「发文日期」「公开日期」 */
	static const char *const label_ends[] = {"时间", "日期", NULL};
	static const char *const label_starts[] = {"发布", "成文", "印发", "发文", "公开", NULL};
	size_t		head = len < 1500 ? len : 1500;
	size_t		tail = len > 600 ? len - 600 : 0;

	for (int part = 0; part < 2; part++)
	{
		size_t		from = part == 0 ? 0 : (tail > head ? tail : head);
		size_t		to = part == 0 ? head : len;

		for (int e = 0; label_ends[e] && from < to; e++)
		{
			const char *p = s + from;

			while ((p = gr_find_bytes(p, (size_t) (s + to - p), label_ends[e], 6)) != NULL)
			{
				size_t		at = (size_t) (p - s);
				size_t		after = at + 6;
				bool		labelled = false;

				p += 6;
				for (int k = 0; label_starts[k] && at >= 6 && !labelled; k++)
					labelled = memcmp(s + at - 6, label_starts[k], 6) == 0 &&
						(e == 1 || k == 0);
				if (!labelled)
					continue;
				while (after < len && (s[after] == ':' || s[after] == ' '))
					after++;
				d = find_date(s, after, after + 40 < len ? after + 40 : len);
				if (d.ok && d.start == after)
				{
					set_published(doc, d);
					return true;
				}
			}
		}
	}
	return false;
}

/* How far from the end a web page's footer may start: a few lines of Chinese. */
#define FOOTER_BYTES 1200

/*
 * Where the report ends when a web page's footer follows it: the line of
 * the first footer mark in the text's last FOOTER_BYTES bytes (a government
 * site must show its 网站标识码 and ICP备案 number there), else the text's end.
 */
static size_t
report_end(const gr_doc *doc)
{
	static const char *const marks[] = {"网站标识码", "版权所有", "ICP备", "公网安备", "主办单位", "技术支持", NULL};
	const char *s = doc->text.data;
	size_t		len = doc->text.len;
	size_t		from = len > FOOTER_BYTES ? len - FOOTER_BYTES : 0;
	size_t		end = len;

	/* a site's footer has one of the two the law requires: most texts have neither, so look for them first */
	if (gr_find_bytes(s + from, len - from, "ICP", 3) == NULL &&
		gr_find_bytes(s + from, len - from, "网站标识码", strlen("网站标识码")) == NULL)
		return len;

	for (int k = 0; marks[k]; k++)
	{
		const char *hit = gr_find_bytes(s + from, end - from, marks[k], strlen(marks[k]));

		if (hit != NULL)
			end = (size_t) (hit - s);
	}
	while (end < len && end > from && s[end - 1] != '\n')
		end--;
	return end;
}

/* how far after a closing date a page's links may go, and how long a line of them is */
#define CHROME_BYTES 600
#define CHROME_LINE_BYTES 90

/*
 * Whether the lines [from, to) are a page's links and buttons, as a scraped
 * page has them after the report (「【打印本页】【关闭窗口】」, 「上一篇：…」,
 * 「扫一扫在手机打开当前页」): short lines with no sentence in them.
 */
static bool
is_page_chrome(gr_doc *doc, size_t from, size_t to)
{
	const char *s = doc->text.data;

	if (to - from > CHROME_BYTES)
		return false;
	while (from < to)
	{
		size_t		le = line_end(doc, from);
		char	   *line = compact_copy(doc, s, from, le < to ? le : to);

		if (strlen(line) > CHROME_LINE_BYTES || contains(line, "。") || contains(line, "；") ||
			contains(line, "！") || contains(line, "？"))
			return false;
		from = le + 1;
	}
	return true;
}

/* Whether the last line with text before 'len' could be a page's links. */
static bool
ends_in_chrome(gr_doc *doc, size_t len)
{
	const char *s = doc->text.data;
	size_t		start = len;

	while (start > 0 && (s[start - 1] == '\n' || gr_is_line_pad(s[start - 1])))
		start--;
	while (start > 0 && s[start - 1] != '\n')
		start--;
	return is_page_chrome(doc, start, len);
}

/*
 * The last date in the text's last bytes before 'len', when no more than a
 * few characters follow it on its line and nothing but a page's links on
 * the lines after (else prose follows: not a closing date); sets *rest.
 */
static date_hit
last_date_at_end(gr_doc *doc, size_t len, char **rest)
{
	const char *s = doc->text.data;
	date_hit	d = find_last_date(s, len > 400 ? len - 400 : 0, len);
	size_t		le;

	/*
	 * before a page's links: searched only when the last bytes hold no date
	 * and the last line is no sentence (overlapping by a long date)
	 */
	if (!d.ok && len > 400 && ends_in_chrome(doc, len))
		d = find_last_date(s, len > 400 + CHROME_BYTES ? len - 400 - CHROME_BYTES : 0, len - 400 + 48);
	if (!d.ok)
		return d;
	*rest = compact_copy(doc, s, d.end, len - d.end > 200 ? d.end + 200 : len);
	if (strlen(*rest) <= 12)
		return d;
	le = line_end(doc, d.end);
	d.ok = le < len && strlen(compact_copy(doc, s, d.end, le)) <= 12 && is_page_chrome(doc, le + 1, len);
	return d;
}

/*
 * The date closing the report, standing on a short line at its end (or
 * before a web page's footer), and the signature above it; sets the
 * published date too when 'set_date'.
 */
static void
find_closing_date(gr_doc *doc, bool set_date, const char **signature, uint32_t *sig_off)
{
	const char *s = doc->text.data;
	size_t		len = doc->text.len;
	size_t		ls,
				le;
	char	   *rest = NULL;
	date_hit	d;

	*signature = NULL;
	d = last_date_at_end(doc, len, &rest);
	if (!d.ok && (len = report_end(doc)) < doc->text.len)
		d = last_date_at_end(doc, len, &rest);
	if (!d.ok)
		return;
	ls = d.start;
	while (ls > 0 && s[ls - 1] != '\n')
		ls--;
	le = line_end(doc, d.start);
	if (d.start - ls > 200)
		ls = d.start - 200;
	if (strlen(compact_copy(doc, s, ls, le)) > 60)
	{
		/* line breaks lost: accept only a date that ends the text */
		if (strlen(rest) > 0)
			return;
	}
	if (set_date)
		set_published(doc, d);
	/* signature: the nearest non-empty line above the date */
	while (ls > 0)
	{
		size_t		pe = ls - 1;
		size_t		ps = pe;
		char	   *line;

		while (ps > 0 && s[ps - 1] != '\n')
			ps--;
		line = compact_copy(doc, s, ps, pe);
		if (*line)
		{
			if (strlen(line) <= 60 && !contains(line, "。"))
			{
				*signature = line;
				*sig_off = (uint32_t) ps;
			}
			break;
		}
		ls = ps;
	}
}

/* The published date (a 「发布时间」 line, else the closing date) and the signature. */
static void
find_published(gr_doc *doc, const char **signature, uint32_t *sig_off)
{
	find_closing_date(doc, !find_labelled_date(doc), signature, sig_off);
}

static bool
looks_like_organ(const char *name)
{
	for (int i = 0; organ_suffixes[i]; i++)
		if (gr_ends_with(name, organ_suffixes[i]))
			return true;
	return gr_ends_with(name, "政府");
}

static void
find_year_fallback(gr_doc *doc)
{
	const char *c = doc->lx.compact;
	int64_t		report = gr_compact_find(doc, "年度报告", 0, doc->lx.clen);
	int64_t		period;
	gr_match	m;

	/* 「…公布2020年度本单位政府信息公开工作年度报告」, near the beginning */
	if (report >= 0 && report < 1500)
	{
		size_t		at = report > 150 ? (size_t) report - 150 : 0;
		gr_match	last;

		memset(&last, 0, sizeof(last));
		while ((m = gr_regex_find(P_YEAR, c, at, (size_t) report)).ok)
		{
			last = m;
			at = m.end;
		}
		if (last.ok)
		{
			doc->rep->year = atoi_range(c, last.group_start[0], last.group_end[0]);
			gr_note_add(doc, "year_from_body", gr_compact_to_off(&doc->lx, (uint32_t) last.start),
						"未找到报告标题，年度取自正文「%.*s」", (int) (report + 12 - (int64_t) last.start),
						c + last.start);
			return;
		}
	}
	/* 「统计期限自2020年1月1日…」 */
	period = gr_compact_find(doc, "统计期限", 0, doc->lx.clen);
	if (period < 0)
		return;
	m = gr_regex_find(P_YEAR, c, (size_t) period,
					  (size_t) period + 60 < doc->lx.clen ? (size_t) period + 60 : doc->lx.clen);
	if (m.ok)
	{
		doc->rep->year = atoi_range(c, m.group_start[0], m.group_end[0]);
		gr_note_add(doc, "year_from_body", gr_compact_to_off(&doc->lx, (uint32_t) m.start),
					"未找到报告标题，年度取自统计期限（%d年）", doc->rep->year);
	}
}

/*
 * 「淮河市2022年政府信息公开工作年度报告」 signed 「淮河市人民政府」: a title
 * that names only the place, whose government the signature names.  The
 * organ is the government (a place is no organ); noted.
 */
static void
government_of_place(gr_doc *doc, const char *signature, uint32_t sig_off)
{
	const char *organ = doc->rep->organ;
	size_t		olen = strlen(organ);
	const char *government = "人民政府";

	if (signature == NULL || olen < 6 || (place_char(organ + olen - 3) == NOT_PLACE &&
										  !gr_ends_with(organ, "镇") && !gr_ends_with(organ, "乡")))
		return;
	if (strncmp(signature, organ, olen) != 0 || strcmp(signature + olen, government) != 0)
		return;
	gr_note_add(doc, "organ_qualified", sig_off, "标题只写地名「%s」，文末署名为「%s」，采用后者", organ, signature);
	doc->rep->organ = signature;
}

void
gr_read_metadata(gr_doc *doc)
{
	size_t		title_off = 0;
	const char *signature = NULL;
	uint32_t	sig_off = 0;

	find_title(doc, &title_off);
	organ_from_title(doc);
	if (doc->rep->year == 0)
		find_year_fallback(doc);
	find_published(doc, &signature, &sig_off);
	if (doc->rep->organ)
	{
		government_of_place(doc, signature, sig_off);
		qualify_organ(doc);
	}
	else if (signature && looks_like_organ(signature) && !is_self_reference(signature))
	{
		doc->rep->organ = signature;
		gr_note_add(doc, "organ_from_signature", sig_off,
					"标题未写明发布机关，取自文末署名「%s」", signature);
	}
	else
	{
		uint32_t	at = 0;
		const char *body = organ_from_body(doc, &at);

		if (body)
		{
			doc->rep->organ = body;
			gr_note_add(doc, "organ_from_body", at,
						"标题和署名均未写明发布机关，按正文推断为「%s」", body);
		}
	}
}
