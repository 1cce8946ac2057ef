#!/usr/bin/env python3
"""Renders the same report numbers in every layout real extraction produces.

    python3 test/corpus/generate.py      # rewrites test/corpus/<template>/<layout>.txt

Two reports (one per template) are rendered as: tab-separated grid, Markdown,
HTML with rowspan/colspan, one cell per line with " |", pdftotext -layout
space-aligned text with a page break inside table 3, a whole report on one
line, labels on one line and numbers on the next, full-width digits and
brackets with thousands separators, labels broken across lines, and one file
mixing several layouts.  Every file must parse to identical arrays.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FW = str.maketrans("0123456789()-,.", "０１２３４５６７８９（）－，．")

T3_ROWS_COMMON = [
    ("1", "一、本年新收政府信息公开申请数量", 0),
    ("2", "二、上年结转政府信息公开申请数量", 0),
    ("3.1", "（一）予以公开", 1),
    ("3.2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1),
    ("3.3.1", "1.属于国家秘密", 2), ("3.3.2", "2.其他法律行政法规禁止公开", 2),
    ("3.3.3", "3.危及“三安全一稳定”", 2), ("3.3.4", "4.保护第三方合法权益", 2),
    ("3.3.5", "5.属于三类内部事务信息", 2), ("3.3.6", "6.属于四类过程性信息", 2),
    ("3.3.7", "7.属于行政执法案卷", 2), ("3.3.8", "8.属于行政查询事项", 2),
    ("3.4.1", "1.本机关不掌握相关政府信息", 2), ("3.4.2", "2.没有现成信息需要另行制作", 2),
    ("3.4.3", "3.补正后申请内容仍不明确", 2),
    ("3.5.1", "1.信访举报投诉类申请", 2), ("3.5.2", "2.重复申请", 2),
    ("3.5.3", "3.要求提供公开出版物", 2), ("3.5.4", "4.无正当理由大量反复申请", 2),
    ("3.5.5", "5.要求行政机关确认或重新出具已获取信息", 2),
]
T3_OTHER_2019 = [("3.6", "（六）其他处理", 1)]
T3_OTHER_2021 = [
    ("3.6.1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 2),
    ("3.6.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 2),
    ("3.6.3", "3.其他", 2),
]
T3_TAIL = [("3.7", "（七）总计", 1), ("4", "四、结转下年度继续办理", 0)]
GROUPS = {"3.3": "（三）不予公开", "3.4": "（四）无法提供", "3.5": "（五）不予处理", "3.6": "（六）其他处理"}
T3_HEADER = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
T4_HEADER = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def report_2019():
    t3 = {
        "1": [120, 15, 2, 1, 3, 4, 145], "2": [10, 0, 0, 0, 0, 1, 11],
        "3.1": [60, 8, 1, 0, 2, 2, 73], "3.2": [12, 1, 0, 0, 0, 0, 13],
        "3.3.1": [1, 0, 0, 0, 0, 0, 1], "3.3.2": [2, 0, None, 0, 0, 0, 2],
        "3.3.3": [0, 0, 0, 0, 0, 0, 0], "3.3.4": [3, 1, 0, 0, 0, 0, 4],
        "3.3.5": [1, 0, 0, 0, 0, 0, 1], "3.3.6": [2, 0, 0, 0, 0, 0, 2],
        "3.3.7": [0, 0, 0, 0, 0, 0, 0], "3.3.8": [4, 0, 0, 0, 0, 0, 4],
        "3.4.1": [20, 3, 1, 1, 1, 2, 28], "3.4.2": [5, 0, 0, 0, 0, 0, 5],
        "3.4.3": [3, 1, 0, 0, 0, 0, 4], "3.5.1": [6, 0, 0, 0, 0, 0, 6],
        "3.5.2": [2, 0, 0, 0, 0, 0, 2], "3.5.3": [1, 0, 0, 0, 0, 0, 1],
        "3.5.4": [0, 0, 0, 0, 0, 0, 0], "3.5.5": [1, 0, 0, 0, 0, 0, 1],
        "3.6": [2, 1, 0, 0, 0, 1, 4],
    }
    finish_t3(t3, [c for c, _, _ in T3_ROWS_COMMON + T3_OTHER_2019])
    return {
        "template": "2019", "organ": "青山县人民政府", "year": 2020, "date": "2021年3月20日",
        "t2": [
            ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
             [("规章", [2, 2, 15]), ("规范性文件", [12, 12, 87])]),
            ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
             [("行政许可", [231, 1, 27269]), ("其他对外管理服务事项", [551, 0, 220809])]),
            ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
             [("行政处罚", [1808, -3, 1668]), ("行政强制", [111, None, 6])]),
            ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"],
             [("行政事业性收费", [7, 0])]),
            ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额（单位：万元）"],
             [("政府集中采购", [3, "111.1"])]),
        ],
        "t3_rows": T3_ROWS_COMMON + T3_OTHER_2019 + T3_TAIL, "t3": t3,
        "t4": [3, 1, 0, 1, 5, 2, 0, 1, 0, 3, 1, 0, 0, 0, 1],
    }


def report_2021():
    t3 = {
        "1": [3001, 53, 0, 0, 61, 4, 3119], "2": [34, 0, 0, 0, 0, 0, 34],
        "3.1": [1288, 21, 0, 0, 50, 3, 1362], "3.2": [447, 7, 0, 0, 0, 0, 454],
        "3.3.1": [2, 0, 0, 0, 0, 0, 2], "3.3.2": [30, 1, 0, 0, 0, 0, 31],
        "3.3.3": [5, 0, 0, 0, 0, 0, 5], "3.3.4": [6, 0, 0, 0, 0, 0, 6],
        "3.3.5": [7, 1, 0, 0, 0, 0, 8], "3.3.6": [12, 0, 0, 0, 0, 0, 12],
        "3.3.7": [9, 0, 0, 0, 0, 0, 9], "3.3.8": [105, 0, 0, 0, 0, 0, 105],
        "3.4.1": [746, 12, 0, 0, 10, 1, 769], "3.4.2": [11, 0, 0, 0, 0, 0, 11],
        "3.4.3": [1, 0, 0, 0, 0, 0, 1], "3.5.1": [56, 6, 0, 0, 0, 0, 62],
        "3.5.2": [25, 0, 0, 0, 0, 0, 25], "3.5.3": [None, None, None, None, None, None, None],
        "3.5.4": [0, 0, 0, 0, 0, 0, 0], "3.5.5": [1, 0, 0, 0, 0, 0, 1],
        "3.6.1": [67, 3, 0, 0, 1, 0, 71], "3.6.2": [6, 0, 0, 0, 0, 0, 6],
        "3.6.3": [108, 2, 0, 0, None, 0, 110],
    }
    finish_t3(t3, [c for c, _, _ in T3_ROWS_COMMON + T3_OTHER_2021])
    return {
        "template": "2021", "organ": "淮河市水利局", "year": 2022, "date": "2023年1月18日",
        "t2": [
            ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
             [("规章", [1, 0, 11]), ("行政规范性文件", [8, 26, 66])]),
            ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [("行政许可", [4472])]),
            ("第二十条第（六）项", ["信息内容", "本年处理决定数量"],
             [("行政处罚", [3985]), ("行政强制", [88])]),
            ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"],
             [("行政事业性收费", ["96.1234"])]),
        ],
        "t3_rows": T3_ROWS_COMMON + T3_OTHER_2021 + T3_TAIL, "t3": t3,
        "t4": [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20],
    }


def finish_t3(t3, result_codes):
    """Adds 3.7 (sum of results) and 4 (carried forward) so the table balances."""
    results = [c for c in result_codes if c not in ("1", "2")]
    total = [sum((t3[c][j] or 0) for c in results) for j in range(7)]
    t3["3.7"] = total
    t3["4"] = [(t3["1"][j] or 0) + (t3["2"][j] or 0) - total[j] for j in range(7)]


def finish_t3_nonnegative(t3, result_codes):
    """finish_t3, with new applications raised where 结转下年度 would be negative."""
    finish_t3(t3, result_codes)
    for j in range(7):
        if t3["4"][j] < 0:
            t3["1"][j] -= t3["4"][j]
    finish_t3(t3, result_codes)


def fmt(v, blank="", grouped=False):
    if v is None:
        return blank
    if grouped and isinstance(v, int) and abs(v) >= 1000:
        return f"{v:,}"
    return str(v)


def group_of(code):
    parts = code.split(".")
    return ".".join(parts[:2]) if len(parts) == 3 else None


def prose(r, no):
    y = r["year"]
    return {
        1: f"{y}年，{r['organ']}认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息1200条。",
        2: "",
        3: f"{y}年共收到政府信息公开申请{r['t3']['1'][6]}件。",
        4: "",
        5: "一是公开内容的深度有待提高；二是政策解读形式较为单一。下一步将加强培训，提升公开质量。",
        6: "无其他需要报告的事项。",
    }[no]


HEADINGS = {1: "一、总体情况", 2: "二、主动公开政府信息情况", 3: "三、收到和处理政府信息公开申请情况",
            4: "四、政府信息公开行政复议、行政诉讼情况", 5: "五、存在的主要问题及改进情况",
            6: "六、其他需要报告的事项"}


def title(r):
    return f"{r['organ']}{r['year']}年政府信息公开工作年度报告"


def intro(r):
    y = r["year"]
    return (f"本报告根据《中华人民共和国政府信息公开条例》要求编制。报告中所列数据的统计期限自"
            f"{y}年1月1日起至{y}年12月31日止。")


# ---------------------------------------------------------------- row helpers
def t3_grid_rows(r):
    """Rows of the official grid: [col0, col1, values...] with label spans."""
    rows = []
    for code, label, depth in r["t3_rows"]:
        vals = r["t3"][code]
        if depth == 0:
            rows.append([label, "", *vals])
        elif depth == 1:
            rows.append(["三、本年度办理结果" if code == "3.1" else "", label, *vals])
        else:
            g = group_of(code)
            first = code.endswith(".1")
            rows.append([GROUPS[g] if first else "", label, *vals])
    return rows


def t4_line(r, blank=""):
    return [fmt(v, blank) for v in r["t4"]]


# ---------------------------------------------------------------- layouts
def doc(r, t2, t3, t4, sep="\n\n", heading=lambda s: s):
    parts = [title(r), intro(r)]
    for no in range(1, 7):
        parts.append(heading(HEADINGS[no]))
        if prose(r, no):
            parts.append(prose(r, no))
        if no == 2:
            parts.append(t2)
        if no == 3:
            parts.append(t3)
        if no == 4:
            parts.append(t4)
    parts.append(r["organ"])
    parts.append(r["date"])
    return sep.join(parts) + "\n"


def layout_tsv(r, fw=False, grouped=False, broken=False):
    def cell(v):
        s = fmt(v, "", grouped)
        return s.translate(FW) if fw else s

    t2 = []
    for item, header, rows in r["t2"]:
        t2.append(item)
        t2.append("\t".join(header))
        for label, vals in rows:
            t2.append("\t".join([label] + [cell(v) for v in vals]))
    t3 = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况"]
    if broken:
        t3.append("\t\t自然人\t法人或其他组织\t\t\t\t\t总计")
        t3.append("\t\t\t商业企\t科研机\t社会公益\t法律服务\t其他")
        t3.append("\t\t\t业\t构\t组织\t机构")
    else:
        t3.append("\t\t自然人\t法人或其他组织\t\t\t\t\t总计")
        t3.append("\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他")
    for row in t3_grid_rows(r):
        label0, label1, vals = row[0], row[1], row[2:]
        values = "\t".join(cell(v) for v in vals)
        if broken and len(label0 + label1) > 14:
            # the label wraps: its first half on a line of its own
            full = label1 or label0
            half = len(full) // 2
            if label1:
                t3.append(f"{label0}\t{full[:half]}")
                t3.append(f"\t{full[half:]}\t{values}")
            else:
                t3.append(f"{full[:half]}")
                t3.append(f"{full[half:]}\t\t{values}")
        else:
            t3.append(f"{label0}\t{label1}\t{values}")
    t4 = ["行政复议\t\t\t\t\t行政诉讼",
          "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉",
          "\t".join(T4_HEADER * 3),
          "\t".join(cell(v) for v in r["t4"])]
    return doc(r, "\n".join(t2), "\n".join(t3), "\n".join(t4))


def layout_markdown(r):
    def table(header, rows):
        out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(out)

    t2 = []
    for item, header, rows in r["t2"]:
        t2.append(f"**{item}**\n")
        t2.append(table(header, [[label] + [fmt(v) for v in vals] for label, vals in rows]))
        t2.append("")
    t3_rows = [[row[0], row[1]] + [fmt(v) for v in row[2:]] for row in t3_grid_rows(r)]
    t3 = table(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", *T3_HEADER], t3_rows)
    t4 = table(["行政复议" + h if i < 5 else ("直接起诉" if i < 10 else "复议后起诉") + h
                for i, h in enumerate(T4_HEADER * 3)], [t4_line(r)])
    return doc(r, "\n".join(t2), t3, t4, heading=lambda s: "## " + s)


def html_t3(r):
    out = ['<table border="1">',
           '<tr><td colspan="2" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
           '<td colspan="7">申请人情况</td></tr>',
           '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
           "<tr>" + "".join(f"<td>{h}</td>" for h in T3_HEADER[1:6]) + "</tr>"]
    rows = r["t3_rows"]
    n_results = sum(1 for c, _, d in rows if d > 0)
    first_result = True
    for code, label, depth in rows:
        vals = "".join(f"<td>{fmt(v)}</td>" for v in r["t3"][code])
        if depth == 0:
            out.append(f'<tr><td colspan="2">{label}</td>{vals}</tr>')
            continue
        cells = ""
        if first_result:
            cells += f'<td rowspan="{n_results}">三、本年度办理结果</td>'
            first_result = False
        if depth == 2:
            g = group_of(code)
            if code.endswith(".1"):
                span = sum(1 for c, _, d in rows if group_of(c) == g)
                out.append(f'<tr>{cells}<td rowspan="{span}">{GROUPS[g]}</td><td>{label}</td>{vals}</tr>')
            else:
                out.append(f"<tr>{cells}<td>{label}</td>{vals}</tr>")
        else:
            out.append(f'<tr>{cells}<td colspan="2">{label}</td>{vals}</tr>')
    out.append("</table>")
    return "\n".join(out)


def html_t2(r):
    out = []
    for item, header, rows in r["t2"]:
        out.append('<table border="1">')
        out.append(f'<tr><td colspan="{len(header)}">{item}</td></tr>')
        out.append("<tr>" + "".join(f"<td>{h}</td>" for h in header) + "</tr>")
        for label, vals in rows:
            out.append(f"<tr><td>{label}</td>" + "".join(f"<td>{fmt(v)}</td>" for v in vals) + "</tr>")
        out.append("</table>")
    return "\n".join(out)


def html_t4(r):
    return "\n".join([
        '<table border="1">',
        '<tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>',
        '<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>',
        "<tr>" + "".join(f"<td>{h}</td>" for h in T4_HEADER * 3) + "</tr>",
        "<tr>" + "".join(f"<td>{v}</td>" for v in t4_line(r)) + "</tr>",
        "</table>"])


def layout_html(r):
    body = [f"<h1>{title(r)}</h1>", f"<p>{intro(r)}</p>"]
    for no in range(1, 7):
        body.append(f"<h2>{HEADINGS[no]}</h2>")
        if prose(r, no):
            body.append(f"<p>{prose(r, no)}</p>")
        body.append({2: html_t2(r), 3: html_t3(r), 4: html_t4(r)}.get(no, ""))
    body.append(f'<p style="text-align:right">{r["organ"]}<br>{r["date"]}</p>')
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title(r) +
            "</title><style>td{border:1px solid}</style><script>var x = '<td>9</td>';</script>"
            "</head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n")


def layout_pipecells(r):
    """An HTML page flattened by a scraper: every cell on a line ending in ' |'."""
    def cells(row):
        return "\n".join(f"{c} |" for c in row)

    t2 = []
    for item, header, rows in r["t2"]:
        t2.append(f"{item} |\n" + "|" * (len(header) - 1))
        t2.append(cells(header))
        for label, vals in rows:
            t2.append(cells([label] + [fmt(v) for v in vals]))
    t3 = [cells(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]) + "\n||",
          cells(["自然人", "法人或其他组织", "总计"]) + "\n|||",
          cells(T3_HEADER[1:6])]
    for row in t3_grid_rows(r):
        labels = [x for x in row[:2] if x]
        t3.append(cells(labels + [fmt(v) for v in row[2:]]) + "\n" + "|" * (3 - len(labels)))
    t4 = [cells(["行政复议", "行政诉讼"]) + "\n|||", cells(["未经复议直接起诉", "复议后起诉"]),
          cells(T4_HEADER * 3), cells(t4_line(r))]
    return doc(r, "\n".join(t2), "\n".join(t3), "\n".join(t4), sep="\n")


def pad(s, width):
    """Pads to a width counted in characters, as pdftotext -layout does."""
    return s + " " * max(1, width - len(s))


def layout_pdftotext(r):
    """Space-aligned columns, long labels wrapped, a page break inside table 3."""
    colw = 9
    label_w = 34

    def values(vals):
        return "".join(pad(fmt(v), colw) for v in vals).rstrip()

    t2 = []
    for item, header, rows in r["t2"]:
        t2.append(item + "\n")
        t2.append(pad(header[0], 18) + "".join(pad(h, 16) for h in header[1:]).rstrip() + "\n")
        for label, vals in rows:
            t2.append(pad(label, 18) + "".join(pad(fmt(v), 16) for v in vals).rstrip() + "\n")
    header = [" " * 36 + "申请人情况",
              "（本列数据的勾稽关系为：第一项加第二项之和，    法人或其他组织",
              "等于第三项加第四项之和）",
              " " * label_w + pad("自然人", colw) + " " * (colw * 5) + "总计",
              " " * (label_w + colw) + "商业企   科研机   社会公益 法律服务",
              " " * (label_w + colw) + pad("业", colw) + pad("构", colw) + pad("组织", colw) +
              pad("机构", colw) + "其他", ""]
    t3 = list(header)
    for i, row in enumerate(t3_grid_rows(r)):
        label = (row[1] or row[0])
        vals = values(row[2:])
        if len(label) > 16:
            t3.append("      " + label[:16])
            t3.append(" " * label_w + vals)
            t3.append("      " + label[16:])
        else:
            t3.append(pad("      " + label, label_w) + vals)
        t3.append("")
        if i == 11:
            # page break: page number, then the header again
            t3 += ["", " " * 40 + "- 4 -", ""] + header
    t4 = ["行政复议" + " " * 30 + "行政诉讼", "",
          " " * 30 + "未经复议直接起诉" + " " * 30 + "复议后起诉", "",
          "结果   结果    其他结    尚未                   结 果   结果    其他    尚未",
          "维持   纠正    果      审结      总计        维持    纠正    结果    审结    总计",
          "", "   ".join(fmt(v) for v in r["t4"]), ""]
    return doc(r, "\n".join(t2), "\n".join(t3), "\n".join(t4), sep="\n")


def layout_oneline(r):
    """Line breaks lost: the whole report on one line, cells split by single spaces."""
    t2 = []
    for item, header, rows in r["t2"]:
        t2.append(item + " " + " ".join(header))
        for label, vals in rows:
            t2.append(label + " " + " ".join(fmt(v, "—") for v in vals))
    t3 = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 "
          "商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"]
    for row in t3_grid_rows(r):
        labels = " ".join(x for x in row[:2] if x)
        t3.append(labels + " " + " ".join(fmt(v, "—") for v in row[2:]))
    t4 = "行政复议 行政诉讼 未经复议直接起诉 复议后起诉 " + " ".join(T4_HEADER * 3) + " " + " ".join(t4_line(r, "—"))
    text = doc(r, " ".join(t2), " ".join(t3), t4, sep=" ")
    return text.replace("\n", " ").strip() + "\n"


def layout_nextline(r):
    """Row labels on one line, their numbers on the next."""
    t2 = []
    for item, header, rows in r["t2"]:
        t2.append(item)
        t2.append(" ".join(header))
        for label, vals in rows:
            t2.append(label)
            t2.append(" ".join(fmt(v, "—") for v in vals))
    t3 = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况",
          " ".join(T3_HEADER)]
    for row in t3_grid_rows(r):
        t3.append(" ".join(x for x in row[:2] if x))
        t3.append(" ".join(fmt(v, "—") for v in row[2:]))
    t4 = ["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉", " ".join(T4_HEADER * 3), " ".join(t4_line(r, "—"))]
    return doc(r, "\n".join(t2), "\n".join(t3), "\n".join(t4))


def layout_mixed(r):
    """Table 2 tab-separated, table 3 as HTML, table 4 as Markdown, in one file."""
    t2 = []
    for item, header, rows in r["t2"]:
        t2.append(item)
        t2.append("\t".join(header))
        for label, vals in rows:
            t2.append("\t".join([label] + [fmt(v) for v in vals]))
    t4 = ("| " + " | ".join(T4_HEADER * 3) + " |\n|" + "---|" * 15 + "\n| " +
          " | ".join(t4_line(r)) + " |")
    return doc(r, "\n".join(t2), html_t3(r), "行政复议 行政诉讼\n\n" + t4)


LAYOUTS = {
    "tsv": layout_tsv,
    "markdown": layout_markdown,
    "html": layout_html,
    "pipecells": layout_pipecells,
    "pdftotext": layout_pdftotext,
    "oneline": layout_oneline,
    "nextline": layout_nextline,
    "fullwidth": lambda r: layout_tsv(r, fw=True, grouped=True),
    "broken": lambda r: layout_tsv(r, broken=True),
    "mixed": layout_mixed,
}


def main():
    for r in (report_2019(), report_2021()):
        outdir = os.path.join(HERE, r["template"])
        os.makedirs(outdir, exist_ok=True)
        for name, render in LAYOUTS.items():
            with open(os.path.join(outdir, name + ".txt"), "w", encoding="utf-8") as f:
                f.write(render(r))


if __name__ == "__main__":
    main()
