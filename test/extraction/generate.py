#!/usr/bin/env python3
"""Real-world extraction corpus.

    python3 test/extraction/generate.py [--paths P,...]
                            (needs chromium, poppler-utils, mupdf-tools, python3-pdfminer,
                             pandoc, docx2txt, fonts-noto-cjk; w3m, lynx, python3-bs4,
                             python3-html2text)

From 48 fixture reports (24 per template, varied organs, years and numbers,
some with blank cells and some with publisher errors) this renders the
official table layout as HTML (rowspan/colspan as in the template), then runs
the tools analysts meet and keeps what they extract:

    chromium --print-to-pdf, then pdftotext -layout | pdftotext | pdftotext -raw
                              | mutool draw -F txt (MuPDF) | pdf2txt (pdfminer.six)
    the same with the tables narrow and in large type, then pdftotext -layout
                              (row labels wrapped two or three characters a line)
    pandoc HTML -> .docx, then pandoc -t plain | docx2txt
    archiver: all tags and the white space between cells stripped
    a web page: the tables as a CMS publishes a pasted Word table (cell widths,
    <p><span> in every cell, &nbsp; for a blank one) between a breadcrumb,
    a 发布时间 line and a site footer; kept as HTML, and as text browsers and
    scrapers dump it: w3m -dump, lynx -dump, BeautifulSoup get_text("\n"),
    pandoc -t markdown (every <span> a bracketed span 「[478]{style="…"}」),
    pandoc -t rst (grid tables: each cell's text wrapped inside its column),
    pandoc -t mediawiki (a wiki table, one cell a line, inside the page's <div>s),
    Python's html2text (html2markdown: each cell's paragraph a line of its own,
    「|」 alone on a line between two cells, a row ended by two spaces)

It also runs every extractor on the real PDFs of ../shared/corpus.  Texts go
to test/extraction/<path>/<name>.txt, expected values to
test/extraction/truth/<name>.json (the format of ../shared/corpus/truth).
The test command reads only these files, never an office suite.  --paths
rewrites only the texts of the paths named (a new extractor's texts, without
touching those of the others, which a newer Chromium would render anew).
"""
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, os.path.join(ROOT, "test", "corpus"))
import generate as corpus  # noqa: E402

SHARED = os.path.join(ROOT, "..", "shared", "corpus", "reports")
PATHS = ["pdf_layout", "pdf_layout_narrow", "pdf_plain", "pdf_raw", "pdf_mutool", "pdf_miner", "docx_pandoc", "docx2txt", "archiver",
         "web_html", "web_w3m", "web_lynx", "web_bs4", "web_pandoc", "web_rst",
         "web_mediawiki", "web_html2text"]
WEB_PATHS = {"web_html", "web_w3m", "web_lynx", "web_bs4", "web_pandoc", "web_rst", "web_mediawiki",
             "web_html2text"}
# the programs each path needs, by Debian package
TOOLS = {"chromium": "chromium", "pdftotext": "poppler-utils", "mutool": "mupdf-tools",
         "pdf2txt": "python3-pdfminer", "pandoc": "pandoc", "docx2txt": "docx2txt",
         "w3m": "w3m", "lynx": "lynx", "html2markdown": "python3-html2text"}

ORGANS = ["青山县人民政府", "淮河市水利局", "东湖区教育局", "南江市人民政府办公室", "北岭县自然资源局",
          "西川市生态环境局", "临水县卫生健康委员会", "安平市交通运输局", "江口区人民政府",
          "平原县市场监督管理局", "宁远市财政局", "白石县民政局"]

# truth row keys (shared/corpus/README.md) by SPEC code
ROW_KEYS = {"1": "new", "2": "carried_over", "3.1": "granted", "3.2": "partial",
            "3.6": "other", "3.7": "total", "4": "carried_forward"}
for i in range(1, 9):
    ROW_KEYS[f"3.3.{i}"] = f"denied_{i}"
for i in range(1, 4):
    ROW_KEYS[f"3.4.{i}"] = f"unable_{i}"
    ROW_KEYS[f"3.6.{i}"] = f"other_{i}"
for i in range(1, 6):
    ROW_KEYS[f"3.5.{i}"] = f"not_processed_{i}"


def make_report(n):
    """Report n: template alternates; numbers from a fixed seed."""
    rnd = random.Random(1000 + n)
    template = "2019" if n % 2 == 0 else "2021"
    r = corpus.report_2019() if template == "2019" else corpus.report_2021()
    r["organ"] = ORGANS[n % len(ORGANS)]
    r["year"] = (2019 if template == "2019" else 2021) + rnd.randint(0, 1 if template == "2019" else 3)
    r["date"] = f"{r['year'] + 1}年{rnd.randint(1, 3)}月{rnd.randint(1, 28)}日"
    results = [c for c, _, _ in r["t3_rows"] if c not in ("1", "2", "3.7", "4")]
    scale = rnd.choice([5, 40, 300, 3000])
    for code in results + ["2"]:
        six = [rnd.randint(0, scale) if j == 0 else rnd.randint(0, max(1, scale // 20)) for j in range(6)]
        if rnd.random() < 0.15:
            six = [0] * 6
        r["t3"][code] = six + [sum(six)]
    new = [rnd.randint(0, scale // 4) for _ in range(6)]
    r["t3"]["1"] = new + [sum(new)]
    corpus.finish_t3_nonnegative(r["t3"], results)
    if n % 7 == 3:  # a blank cell, printed empty: NULL, not 0
        code = rnd.choice(results)
        r["t3"][code][rnd.randint(1, 5)] = None
    if n % 9 == 4:  # publisher error: a total that does not add up
        r["t3"]["3.7"][6] += rnd.randint(1, 9)
    groups = []
    for _ in range(3):
        four = [rnd.randint(0, 30) for _ in range(4)]
        groups += four + [sum(four)]
    if n % 11 == 5:
        groups[4] += 1  # publisher error in table 4
    r["t4"] = groups
    for _, _, rows in r["t2"]:
        for i, (label, vals) in enumerate(rows):
            rows[i] = (label, [v if isinstance(v, str) or v is None else rnd.randint(0, 500) for v in vals])
    return r


def truth(r):
    active = {}
    for _, _, rows in r["t2"]:
        for label, vals in rows:
            active[label] = [None if v is None else (float(v) if isinstance(v, str) else v) for v in vals]
    return {
        "organ": r["organ"], "year": r["year"], "template": r["template"],
        "published_on": "%04d-%02d-%02d" % tuple(int(x) for x in re.findall(r"\d+", r["date"])),
        "active": active,
        "applications": {ROW_KEYS[c]: r["t3"][c] for c, _, _ in r["t3_rows"]},
        "review_litigation": r["t4"],
    }


def run(cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, **kw)


def pdf_texts(pdf, tmp):
    out = {}
    for path, flags in (("pdf_layout", ["-layout"]), ("pdf_plain", []), ("pdf_raw", ["-raw"])):
        dst = os.path.join(tmp, path + ".txt")
        run(["pdftotext", "-enc", "UTF-8", *flags, pdf, dst])
        out[path] = open(dst, encoding="utf-8").read()
    dst = os.path.join(tmp, "pdf_mutool.txt")
    run(["mutool", "draw", "-q", "-F", "txt", "-o", dst, pdf])
    out["pdf_mutool"] = open(dst, encoding="utf-8").read()
    out["pdf_miner"] = subprocess.run(["pdf2txt", pdf], check=True, capture_output=True,
                                      text=True).stdout
    return out


def archiver(html):
    """A scraper that keeps text only: tags and the white space between cells go."""
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", html)
    html = re.sub(r">\s+<", "><", html)
    html = re.sub(r"(?i)</?(p|h\d|tr|table|br|div)\b[^>]*>", "\n", html)
    text = re.sub(r"<[^>]+>", "", html)
    return re.sub(r"\n\s*\n+", "\n", text).strip() + "\n"


# The tables narrow and their type large, as a page set in a larger font or a narrower column
# prints them: row labels wrap two or three characters a line beside their values.
NARROW_TABLES = "<style>table{width:70%;font-size:14px} td{padding:1px}</style>"


def print_to_pdf(html, tmp, name):
    src = os.path.join(tmp, name + ".html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(html)
    pdf = os.path.join(tmp, name + ".pdf")
    run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", "file://" + src])
    return src, pdf


def extract_all(html, tmp):
    src, pdf = print_to_pdf(html, tmp, "report")
    out = pdf_texts(pdf, tmp)
    _, narrow = print_to_pdf(html.replace("</head>", NARROW_TABLES + "</head>", 1), tmp, "narrow")
    dst = os.path.join(tmp, "pdf_layout_narrow.txt")
    run(["pdftotext", "-enc", "UTF-8", "-layout", narrow, dst])
    out["pdf_layout_narrow"] = open(dst, encoding="utf-8").read()
    docx = os.path.join(tmp, "report.docx")
    run(["pandoc", "-f", "html", "-t", "docx", "-o", docx, src])
    out["docx_pandoc"] = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", docx],
                                        check=True, capture_output=True, text=True).stdout
    out["docx2txt"] = subprocess.run(["docx2txt", docx, "-"], check=True, capture_output=True,
                                     text=True).stdout
    out["archiver"] = archiver(html)
    return out


def web_page(html, n, r):
    """The report as a government site's CMS shows a pasted Word table."""
    rnd = random.Random(2000 + n)

    def cell(m):
        attrs, body = m.group(1), m.group(2)
        if body.strip() == "" and rnd.random() < 0.5:
            body = "&nbsp;"
        return (f'<td{attrs} width="{rnd.randint(40, 200)}" style="padding:0 5.4pt">'
                f'<p align="center"><span style="font-size:10.5pt">{body}</span></p></td>')
    published = "%04d-%02d-%02d" % tuple(int(x) for x in re.findall(r"\d+", r["date"]))
    html = re.sub(r"<td([^>]*)>(.*?)</td>", cell, html, flags=re.S)
    html = html.replace('<table border="1">', '<table class="MsoNormalTable" border="0" cellspacing="0"><tbody>')
    html = html.replace("</table>", "</tbody></table>")
    html = html.replace("<body>", '<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a>'
                        f' &gt; 年度报告</div><div class="info">发布时间：{published} 来源：本网 字号：[大 中 小]</div>'
                        '<div class="TRS_Editor">')
    return html.replace("</body>", '</div><div class="foot">主办单位：某某市人民政府办公室 版权所有 '
                        "网站标识码 3200000001 ICP备案号：苏ICP备00000000号</div></body>")


def web_texts(page):
    from bs4 import BeautifulSoup  # python3-bs4

    def dump(cmd):
        return subprocess.run(cmd, input=page.encode(), check=True, capture_output=True, timeout=120).stdout.decode()
    return {"web_html": page,
            "web_w3m": dump(["w3m", "-dump", "-T", "text/html", "-cols", "120", "-O", "UTF-8"]),
            "web_lynx": dump(["lynx", "-dump", "-stdin", "-nolist", "-width=120", "-display_charset=utf-8",
                              "-assume_charset=utf-8"]),
            "web_bs4": BeautifulSoup(page, "html.parser").get_text("\n", strip=True) + "\n",
            "web_pandoc": dump(["pandoc", "-f", "html", "-t", "markdown"]),
            "web_rst": dump(["pandoc", "-f", "html", "-t", "rst"]),
            "web_mediawiki": dump(["pandoc", "-f", "html", "-t", "mediawiki"]),
            "web_html2text": dump(["html2markdown"])}


def write(path, name, text):
    if path not in WANTED:
        return
    d = os.path.join(HERE, path)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".txt"), "w", encoding="utf-8") as f:
        f.write(text)


WANTED = set(PATHS)


def main():
    global WANTED
    if len(sys.argv) == 3 and sys.argv[1] == "--paths":
        WANTED = set(sys.argv[2].split(","))
        if not WANTED <= set(PATHS):
            sys.exit(f"generate.py: unknown path in {sys.argv[2]} (paths: {', '.join(PATHS)})")
    elif len(sys.argv) != 1:
        sys.exit("usage: generate.py [--paths P,...]")
    office = bool(WANTED - WEB_PATHS)
    web_tools = {"w3m", "lynx", "pandoc", "html2markdown"}
    needed = (set(TOOLS) - web_tools | {"pandoc"} if office else set()) | (web_tools if WANTED & WEB_PATHS else set())
    for tool in sorted(needed):
        if shutil.which(tool) is None:
            sys.exit(f"generate.py: {tool} not found (apt-get install {TOOLS[tool]}"
                     f"{' fonts-noto-cjk' if office else ''})")
    os.makedirs(os.path.join(HERE, "truth"), exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(48):
            r = make_report(n)
            name = f"gen_{n:02d}_{r['template']}"
            with open(os.path.join(HERE, "truth", name + ".json"), "w", encoding="utf-8") as f:
                json.dump(truth(r), f, ensure_ascii=False, indent=1)
            html = corpus.layout_html(r)
            if office:
                for path, text in extract_all(html, tmp).items():
                    write(path, name, text)
            if WANTED & WEB_PATHS:
                for path, text in web_texts(web_page(html, n, r)).items():
                    write(path, name, text)
        # the real published PDFs: every PDF extractor on each
        shared_truth = os.path.join(SHARED, "..", "truth")
        for pdf in sorted(f for f in os.listdir(SHARED) if f.endswith(".pdf") and office):
            name = "real_" + pdf.split("_pdf")[0]
            t = json.load(open(os.path.join(shared_truth, pdf[:-4] + ".json"), encoding="utf-8"))
            with open(os.path.join(HERE, "truth", name + ".json"), "w", encoding="utf-8") as f:
                json.dump(t, f, ensure_ascii=False, indent=1)
            for path, text in pdf_texts(os.path.join(SHARED, pdf), tmp).items():
                write(path, name, text)


if __name__ == "__main__":
    main()
