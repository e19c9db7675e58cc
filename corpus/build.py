#!/usr/bin/env python3
"""Regenerate vnplan's sample corpus from the hand-written sources in `corpus/source/`.

    .venv/bin/python corpus/build.py          # rewrite every generated file
    .venv/bin/python corpus/build.py --check  # exit 1 if a generated file would change

Each source (`source/NAME.md`) is one document: TOML front matter between `+++` lines (the header,
signature and recipients, and for a web page the portal's chrome) and a body in a small markup:

    # I. HEADING          a level-1 heading; `##` level 2, `###` level 3 (a whole-sentence item
                          is written in full on the heading line)
    - text                a bullet
    | a | b | c |         a table row (the first row is the header row)
    text[^1]              a footnote reference; `[^1]: text` at the end defines it
    {page-break}          where the PDF deliberately breaks the page inside a sentence
    # Điều 1. text        an article of a decision (Word numbers these apart from the outline)
    ^ TEXT / ^_ text      a centred bold / italic title line (an attached plan's tên loại…)
    {signature}           where the signature block and Nơi nhận stand (default: at the end)

A header's `issuer` may take two lines ("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP"); `parent` is optional.

Headings carry their number as written in the plain formats; the .docx strips it and lets Word's
automatic numbering (numbering.xml) draw it, which is how real plans are typed. The gold
annotations are written by hand once per document (`source/NAME.gold-template.json`) and copied
beside every rendering with its own `file`, because the same document must give the same result
in every format.

Output is byte-stable across rebuilds: fixed document metadata, fixed zip timestamps, reportlab's
invariant mode. The PDF needs the DejaVu fonts (`fonts-dejavu-core`); the generated files are
committed so that users and CI need not rebuild.
"""
from __future__ import annotations

import argparse
import copy
import datetime as dt
import html
import io
import json
import re
import sys
import tomllib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
SOURCE = CORPUS / "source"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

# document -> formats it is rendered in
DOCUMENTS = {
    "kh_15_ubnd_hoa_minh_tuyen_truyen_cchc_2026": ("txt", "docx", "pdf", "html"),
    "bc_42_svhttdl_binh_nguyen_cchc_quy_i_2026": ("txt", "docx"),
    "qd_27_ubnd_xa_tan_lap_kh_chuyen_doi_so_2026": ("txt", "docx"),
}

NATIONAL_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
FIXED_TIME = dt.datetime(2026, 1, 15, 8, 0, 0)  # docx core properties
ZIP_TIME = (2026, 1, 15, 8, 0, 0)  # every member of the .docx zip
PAGE_BREAK = "{page-break}"
FOOTNOTE_REF = re.compile(r"\[\^(\d+)\]")
HEADING = re.compile(r"^(#{1,3}) (Điều \d+|[^\s.)]+)([.)]) (.+)$")


# ---------------------------------------------------------------- the source model

@dataclass
class Heading:
    level: int  # 1 = outermost
    number: str  # as written, without its trailing "." or ")": "I", "1", "a"
    mark: str  # what follows the number: "." or ")"
    text: str

    @property
    def is_article(self) -> bool:
        """An article of a decision (`Điều 1.`), numbered apart from the outline."""
        return self.number.startswith("Điều ")


@dataclass
class Centre:
    """A centred title line: the decision's issuing authority, "QUYẾT ĐỊNH:", an attached plan's
    tên loại, trích yếu and "(Ban hành kèm theo …)" line."""

    text: str
    italic: bool = False


@dataclass
class Signature:
    """Where the signature block and Nơi nhận stand: the end, unless the source places them."""


@dataclass
class Paragraph:
    text: str


@dataclass
class Bullet:
    text: str


@dataclass
class Table:
    rows: list[list[str]]


@dataclass
class Source:
    name: str
    meta: dict
    body: list = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)


def read_source(path: Path) -> Source:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("+++\n", 2)
    src = Source(path.stem, tomllib.loads(front))
    for line in body.splitlines():
        line = line.strip()
        if not line:
            continue
        if m := re.match(r"^\[\^(\d+)\]: (.+)$", line):
            src.footnotes[m.group(1)] = m.group(2)
        elif m := HEADING.match(line):
            src.body.append(Heading(len(m.group(1)), m.group(2), m.group(3), m.group(4)))
        elif line.startswith(("^ ", "^_ ")):
            src.body.append(Centre(line.split(" ", 1)[1], italic=line.startswith("^_")))
        elif line == "{signature}":
            src.body.append(Signature())
        elif line.startswith("- "):
            src.body.append(Bullet(line[2:]))
        elif line.startswith("|"):
            row = [c.strip() for c in line.strip("|").split("|")]
            if src.body and isinstance(src.body[-1], Table):
                src.body[-1].rows.append(row)
            else:
                src.body.append(Table([row]))
        else:
            src.body.append(Paragraph(line))
    if not any(isinstance(b, Signature) for b in src.body):
        src.body.append(Signature())
    check_numbering(src)
    return src


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
# Word's lowerLetter counts a, b, c, d, e, f…; Vietnamese lists go a, b, c, d, đ, e, g… A source
# list longer than four letters would be numbered differently in the .docx, so check_numbering
# rejects it rather than let the formats disagree.
LETTERS = "abcd"


def check_numbering(src: Source) -> None:
    """The numbers written in the source must be what Word's numbering will draw in the .docx,
    or the formats would disagree."""
    counters = [0, 0, 0]
    articles = 0
    for block in src.body:
        if not isinstance(block, Heading):
            continue
        if block.is_article:
            articles += 1
            if block.number != f"Điều {articles}" or block.mark != "." or block.level != 1:
                raise SystemExit(f"{src.name}: {block.number}{block.mark} should be # Điều {articles}.")
            continue
        i = block.level - 1
        counters[i] += 1
        counters[i + 1:] = [0] * (2 - i)
        letter = LETTERS[counters[2] - 1] if 0 < counters[2] <= len(LETTERS) else "?"
        want = (ROMAN[counters[0] - 1], str(counters[1]), letter)[i]
        mark = ".", ".", ")"
        if block.number != want or block.mark != mark[i]:
            raise SystemExit(f"{src.name}: heading {block.number}{block.mark} {block.text[:30]!r} "
                             f"should be numbered {want}{mark[i]}")


def plain(text: str, footnote: str = "[{}]") -> str:
    """Inline markup -> text: footnote references as `footnote`, page-break markers dropped."""
    return FOOTNOTE_REF.sub(lambda m: footnote.format(m.group(1)), text.replace(PAGE_BREAK, ""))


def signature_lines(src: Source) -> list[str]:
    return src.meta["signature"]


def header_lines(src: Source) -> list[tuple[str, bool]]:
    """The left column of the header, (line, bold): the managing body's line if there is one,
    then the issuer's name, which may itself take two lines ("ỦY BAN NHÂN DÂN" / "XÃ TÂN LẬP")."""
    m = src.meta
    lines = [(m["parent"], False)] if m.get("parent") else []
    return lines + [(line, True) for line in m["issuer"].split("\n")]


# ---------------------------------------------------------------- .txt

def render_txt(src: Source) -> bytes:
    m = src.meta
    out = [line for line, _ in header_lines(src)]
    out += [m["number"], *NATIONAL_MOTTO, m["place_date"], "", m["kind"], m["title"], ""]
    for block in src.body:
        if isinstance(block, Centre):
            out.append(block.text)
        elif isinstance(block, Signature):
            signature = [line for line in signature_lines(src) if line]
            out += signature[:-1] + ["", signature[-1], "", "Nơi nhận:"]
            out += [f"- {r}" for r in m["recipients"]]
        elif isinstance(block, Heading):
            out.append(f"{block.number}{block.mark} {plain(block.text)}")
        elif isinstance(block, Paragraph):
            out.append(plain(block.text))
        elif isinstance(block, Bullet):
            out.append(f"- {plain(block.text)}")
        elif isinstance(block, Table):
            # the pipe table of a legal database's markdown export
            out.append("| " + " | ".join(block.rows[0]) + " |")
            out.append("|" + "|".join("---" for _ in block.rows[0]) + "|")
            out.extend("| " + " | ".join(plain(c) for c in row) + " |" for row in block.rows[1:])
        out.append("")
    while not out[-1]:
        out.pop()
    if src.footnotes:
        out += ["", "_______________"]
        out += [f"[{k}] {v}" for k, v in src.footnotes.items()]
    return ("\n".join(out) + "\n").encode("utf-8")


# ---------------------------------------------------------------- .html (a government portal page)

PORTAL_MENU = ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản chỉ đạo điều hành",
               "Thủ tục hành chính", "Cải cách hành chính", "Hỏi đáp", "Liên hệ"]


def render_html(src: Source) -> bytes:
    m = src.meta
    e = html.escape

    def inline(text: str) -> str:
        text = e(text.replace(PAGE_BREAK, ""))
        return FOOTNOTE_REF.sub(lambda g: f'<sup><a href="#fn{g.group(1)}" id="ref{g.group(1)}">[{g.group(1)}]</a></sup>', text)

    headline = f"{m['kind'].capitalize()} {m['title'][0].lower()}{m['title'][1:]}"
    body: list[str] = []
    body.append('<table class="doc-header" style="width:100%;border:none"><tr>')
    left = "<br>".join(f"<strong>{e(t)}</strong>" if bold else e(t) for t, bold in header_lines(src))
    body.append(f'<td style="text-align:center;width:40%">{left}<br>{e(m["number"])}</td>')
    body.append(f'<td style="text-align:center"><strong>{e(NATIONAL_MOTTO[0])}</strong><br>'
                f'<strong>{e(NATIONAL_MOTTO[1])}</strong><br><em>{e(m["place_date"])}</em></td>')
    body.append("</tr></table>")
    body.append(f'<p style="text-align:center"><strong>{e(m["kind"])}</strong></p>')
    body.append(f'<p style="text-align:center"><strong>{e(m["title"])}</strong></p>')
    for block in src.body:
        if isinstance(block, Centre):
            text = f"<em>{e(block.text)}</em>" if block.italic else f"<strong>{e(block.text)}</strong>"
            body.append(f'<p style="text-align:center">{text}</p>')
        elif isinstance(block, Signature):
            sig = "<br>".join(f"<strong>{e(s)}</strong>" if s else "" for s in signature_lines(src))
            recipients = "<br>".join(f"- {e(r)}" for r in m["recipients"])
            body.append('<table class="doc-signature" style="width:100%;border:none"><tr>'
                        f'<td style="vertical-align:top;width:50%"><strong><em>Nơi nhận:</em></strong><br>{recipients}</td>'
                        f'<td style="text-align:center;vertical-align:top">{sig}</td></tr></table>')
        elif isinstance(block, Heading) and block.is_article:
            body.append(f"<p><strong>{block.number}{block.mark}</strong> {inline(block.text)}</p>")
        elif isinstance(block, Heading):
            text = f"{block.number}{block.mark} {inline(block.text)}"
            body.append(f"<p><strong>{text}</strong></p>" if block.level < 3 else f"<p>{text}</p>")
        elif isinstance(block, Paragraph):
            body.append(f'<p style="text-align:justify">{inline(block.text)}</p>')
        elif isinstance(block, Bullet):
            body.append(f"<p>- {inline(block.text)}</p>")
        elif isinstance(block, Table):
            body.append('<table class="table table-bordered" border="1" cellspacing="0" cellpadding="4">')
            body.append("<thead><tr>" + "".join(f"<th>{e(c)}</th>" for c in block.rows[0]) + "</tr></thead><tbody>")
            body += ["<tr>" + "".join(f"<td>{inline(c)}</td>" for c in row) + "</tr>" for row in block.rows[1:]]
            body.append("</tbody></table>")
    if src.footnotes:
        body.append('<div class="footnotes"><hr>')
        body += [f'<p id="fn{k}"><a href="#ref{k}">[{k}]</a> {e(v)}</p>' for k, v in src.footnotes.items()]
        body.append("</div>")
    slug = src.name.replace("_", "-")
    menu = "".join(f'<li><a href="/{i}">{e(x)}</a></li>' for i, x in enumerate(PORTAL_MENU))
    related = "".join(f'<li><a href="/tin-tuc/{i + 101}">{e(x)}</a></li>' for i, x in enumerate(m["related"]))
    page = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(headline)} - {e(m['portal'])}</title>
<link rel="stylesheet" href="/themes/portal/css/style.css">
<script src="/themes/portal/js/jquery.min.js"></script>
</head>
<body>
<header class="site-header">
<div class="banner"><a href="/"><img src="/themes/portal/images/logo.png" alt="Logo"></a>
<span class="site-name">{e(m['portal'].upper())}</span></div>
<nav class="main-menu"><ul>{menu}</ul></nav>
<form class="search" action="/tim-kiem"><input type="text" name="q" placeholder="Tìm kiếm..."><button>Tìm</button></form>
</header>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/5">Cải cách hành chính</a> » <span>{e(headline)}</span></div>
<main class="container">
<article class="post-detail">
<h1 class="post-title">{e(headline)}</h1>
<div class="post-meta"><span class="date">Ngày đăng: {e(m['posted'])}</span> | <span class="views">Lượt xem: {m['views']}</span>
 | <a href="javascript:window.print()">In trang</a> | <a href="/chia-se?u=/{slug}">Chia sẻ</a></div>
<div class="post-content">
{chr(10).join(body)}
</div>
<p class="attachment">Tài liệu đính kèm: <a href="/uploads/{slug}.pdf">Tải về</a></p>
</article>
<aside class="related-news">
<h3>Tin liên quan</h3>
<ul>{related}</ul>
</aside>
</main>
<footer class="site-footer">
<div class="counter">Thống kê truy cập: Đang trực tuyến: 27 | Hôm nay: 412 | Tổng lượt truy cập: 1.204.581</div>
<p>{e(m['portal'])}. Cơ quan chủ quản: {e(m['issuer'].title().replace('Ubnd', 'UBND'))}.</p>
<p>Địa chỉ: số 2 đường Trần Khánh Dư, phường Hòa Minh, thành phố Đông Hải. Điện thoại: 0236 3800 115.</p>
<p>Ghi rõ nguồn "{e(m['portal'])}" khi phát hành lại thông tin từ website này.</p>
</footer>
</body>
</html>
"""
    return page.encode("utf-8")


# ---------------------------------------------------------------- .docx (Word numbering, footnotes)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
HEADING_NUM_ID = "90"  # numbering instances of our own, clear of the template's
BULLET_NUM_ID = "91"
ARTICLE_NUM_ID = "92"


def _numbering_xml() -> list[str]:
    """abstractNums for the outline (I. / 1. / a)), for '-' bullets and for a decision's articles
    ("Điều 1."), and a num for each."""
    levels = [("upperRoman", "%1.", True), ("decimal", "%2.", True), ("lowerLetter", "%3)", False)]
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="space"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr>'
        + ('<w:rPr><w:b/></w:rPr>' if bold else '') + '</w:lvl>'
        for i, (fmt, text, bold) in enumerate(levels))
    ns = f'xmlns:w="{W_NS}"'
    return [
        f'<w:abstractNum {ns} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>',
        f'<w:abstractNum {ns} w:abstractNumId="91"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:suff w:val="space"/>'
        '<w:lvlText w:val="-"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>'
        '</w:abstractNum>',
        f'<w:abstractNum {ns} w:abstractNumId="92"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/>'
        '<w:lvlText w:val="Điều %1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr>'
        '<w:rPr><w:b/></w:rPr></w:lvl></w:abstractNum>',
        f'<w:num {ns} w:numId="{HEADING_NUM_ID}"><w:abstractNumId w:val="90"/></w:num>',
        f'<w:num {ns} w:numId="{BULLET_NUM_ID}"><w:abstractNumId w:val="91"/></w:num>',
        f'<w:num {ns} w:numId="{ARTICLE_NUM_ID}"><w:abstractNumId w:val="92"/></w:num>',
    ]


def render_docx(src: Source) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    m = src.meta
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(6)

    # Word numbering: insert our abstractNums before the template's first <w:num> (schema order)
    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for xml in _numbering_xml():
        el = parse_xml(xml)
        if el.tag == qn("w:abstractNum") and first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)

    def number(paragraph, num_id: str, level: int) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/>'
                             f'<w:numId w:val="{num_id}"/></w:numPr>'))

    footnotes: list[str] = []

    def add_text(paragraph, text: str, bold=False, italic=False) -> None:
        """Runs for `text`, with real footnote references for [^n]."""
        pos = 0
        for match in FOOTNOTE_REF.finditer(text):
            run = paragraph.add_run(text[pos:match.start()].replace(PAGE_BREAK, ""))
            run.bold, run.italic = bold, italic
            footnotes.append(src.footnotes[match.group(1)])
            paragraph._p.append(parse_xml(
                f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{len(footnotes)}"/></w:r>'))
            pos = match.end()
        run = paragraph.add_run(text[pos:].replace(PAGE_BREAK, ""))
        run.bold, run.italic = bold, italic

    def set_widths(table, *widths) -> None:
        """Column widths in both places Word keeps them (the grid and each cell), and a smaller
        font, as NĐ 30 sets the header and signature blocks in 12–13 pt and Nơi nhận in 11 pt."""
        table.autofit = False
        for col, width in zip(table._tbl.tblGrid.gridCol_lst, widths):
            col.w = width
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = width
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(12)

    def cell_lines(cell, lines: list[tuple[str, bool, bool]]) -> None:
        cell.paragraphs[0].text = ""
        for i, (text, bold, italic) in enumerate(lines):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(0)
            add_text(p, text, bold, italic)

    # the two-column header of NĐ 30/2020, as Word users lay it out: a table without borders
    header = doc.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell_lines(header.cell(0, 0), [(t, bold, False) for t, bold in header_lines(src)] + [(m["number"], False, False)])
    cell_lines(header.cell(0, 1), [(NATIONAL_MOTTO[0], True, False), (NATIONAL_MOTTO[1], True, False),
                                   (m["place_date"], False, True)])
    set_widths(header, Cm(7), Cm(9.5))
    for text in (m["kind"], m["title"]):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_text(p, text, bold=True)

    for block in src.body:
        if isinstance(block, Centre):
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_text(p, block.text, bold=not block.italic, italic=block.italic)
        elif isinstance(block, Signature):
            signer = doc.add_table(rows=1, cols=2)
            left = signer.cell(0, 0)
            left.paragraphs[0].text = ""
            add_text(left.paragraphs[0], "Nơi nhận:", bold=True, italic=True)
            for r in m["recipients"]:
                p = left.add_paragraph()
                p.paragraph_format.space_after = Pt(0)
                add_text(p, f"- {r}")
            cell_lines(signer.cell(0, 1), [(s, True, False) for s in signature_lines(src)])
            set_widths(signer, Cm(8), Cm(8.5))
        elif isinstance(block, Heading) and block.is_article:
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            number(p, ARTICLE_NUM_ID, 0)
            add_text(p, block.text)
        elif isinstance(block, Heading):
            p = doc.add_paragraph()
            number(p, HEADING_NUM_ID, block.level - 1)
            add_text(p, block.text, bold=block.level < 3)
        elif isinstance(block, Paragraph):
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1)
            add_text(p, block.text)
        elif isinstance(block, Bullet):
            p = doc.add_paragraph()
            number(p, BULLET_NUM_ID, 0)
            add_text(p, block.text)
        elif isinstance(block, Table):
            table = doc.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            table.style = doc.styles["Table Grid"]
            for r, row in enumerate(block.rows):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    cell.paragraphs[0].text = ""
                    add_text(cell.paragraphs[0], text, bold=r == 0)
            doc.add_paragraph()

    if footnotes:
        notes = "".join(
            f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> {html.escape(text)}</w:t></w:r></w:p></w:footnote>'
            for i, text in enumerate(footnotes, 1))
        blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                f'{notes}</w:footnotes>').encode("utf-8")
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, blob, doc.part.package)
        doc.part.relate_to(part, RT.FOOTNOTES)

    props = doc.core_properties
    props.author = props.last_modified_by = "vnplan corpus"
    props.title = f"{m['kind'].capitalize()} {m['title']}"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    props.comments = ""

    buf = io.BytesIO()
    doc.save(buf)
    return _stable_zip(buf.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """The same zip with fixed member timestamps, so a rebuild gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            member = zipfile.ZipInfo(info.filename, ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            zout.writestr(member, zin.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- .pdf (reportlab, DejaVu)

def render_pdf(src: Source) -> bytes:
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate,
                                    Paragraph as RLParagraph, Spacer, Table as RLTable, TableStyle)

    rl_config.invariant = 1  # fixed creation date and document id: byte-stable output
    fonts = {"": "DejaVuSerif.ttf", "-Bold": "DejaVuSerif-Bold.ttf", "-Italic": "DejaVuSerif-Italic.ttf",
             "-BoldItalic": "DejaVuSerif-BoldItalic.ttf"}
    for suffix, file in fonts.items():
        path = FONT_DIR / file
        if not path.exists():
            raise SystemExit(f"{path}: font not found; install fonts-dejavu-core to rebuild the PDF")
        pdfmetrics.registerFont(TTFont(f"DejaVuSerif{suffix}", str(path)))
    pdfmetrics.registerFontFamily("DejaVuSerif", normal="DejaVuSerif", bold="DejaVuSerif-Bold",
                                  italic="DejaVuSerif-Italic", boldItalic="DejaVuSerif-BoldItalic")

    m = src.meta
    base = ParagraphStyle("base", fontName="DejaVuSerif", fontSize=12, leading=16, alignment=TA_JUSTIFY,
                          firstLineIndent=10 * mm, spaceAfter=5)
    centre = ParagraphStyle("centre", base, alignment=TA_CENTER, firstLineIndent=0, spaceAfter=0, fontSize=10.5,
                            leading=14)
    heading = ParagraphStyle("heading", base, alignment=TA_LEFT)
    cell = ParagraphStyle("cell", base, fontSize=10, leading=13, firstLineIndent=0, alignment=TA_LEFT, spaceAfter=0)
    e = html.escape
    footnotes_by_page: dict[int, list[tuple[str, str]]] = {}

    class FootnoteAnchor(Flowable):
        """Zero-size marker: when drawn, files its footnote under the page it landed on."""

        def __init__(self, key: str, text: str):
            super().__init__()
            self.key, self.text = key, text
            self.width = self.height = 0

        def draw(self):
            footnotes_by_page.setdefault(self.canv.getPageNumber(), []).append((self.key, self.text))

    def inline(text: str) -> str:
        return FOOTNOTE_REF.sub(lambda g: f"<super>{g.group(1)}</super>", e(text))

    def anchors(text: str) -> list:
        return [FootnoteAnchor(k, src.footnotes[k]) for k in FOOTNOTE_REF.findall(text)]

    story: list = []
    left = [RLParagraph(f"<b>{e(t)}</b>" if bold else e(t), centre) for t, bold in header_lines(src)]
    left += [RLParagraph("_______", centre), Spacer(1, 4), RLParagraph(e(m["number"]), centre)]
    right = [RLParagraph(f"<b>{e(NATIONAL_MOTTO[0])}</b>", centre), RLParagraph(f"<b>{e(NATIONAL_MOTTO[1])}</b>", centre),
             RLParagraph("_______________________", centre), Spacer(1, 4),
             RLParagraph(f"<i>{e(m['place_date'])}</i>", centre)]
    header = RLTable([[left, right]], colWidths=[62 * mm, 103 * mm])
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [header, Spacer(1, 10 * mm)]
    title = ParagraphStyle("title", centre, fontSize=13, leading=17)
    story += [RLParagraph(f"<b>{e(m['kind'])}</b>", title), RLParagraph(f"<b>{e(m['title'])}</b>", title),
              RLParagraph("__________", title), Spacer(1, 6 * mm)]

    small = ParagraphStyle("small", cell, fontSize=10, leading=12)
    footnote_style = ParagraphStyle("footnote", cell, fontSize=9, leading=11, alignment=TA_JUSTIFY)
    for block in src.body:
        if isinstance(block, Centre):
            story.append(RLParagraph(f"<i>{e(block.text)}</i>" if block.italic else f"<b>{e(block.text)}</b>", title))
        elif isinstance(block, Signature):
            recipients = [RLParagraph("<b><i>Nơi nhận:</i></b>", small)]
            recipients += [RLParagraph(f"- {e(r)}", small) for r in m["recipients"]]
            signature = [RLParagraph(f"<b>{e(s)}</b>" if s else "&nbsp;", centre) for s in signature_lines(src)]
            signer = RLTable([[recipients, signature]], colWidths=[85 * mm, 80 * mm])
            signer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [Spacer(1, 4 * mm), signer]
        elif isinstance(block, Heading) and block.is_article:
            story.append(RLParagraph(f"<b>{block.number}{block.mark}</b> {inline(block.text)}", base))
        elif isinstance(block, Heading):
            text = f"{block.number}{block.mark} {inline(block.text)}"
            story.append(RLParagraph(f"<b>{text}</b>" if block.level < 3 else text,
                                     heading if block.level < 3 else base))
            story += anchors(block.text)
        elif isinstance(block, (Paragraph, Bullet)):
            text = block.text if isinstance(block, Paragraph) else f"- {block.text}"
            first, *rest = text.split(PAGE_BREAK)
            story.append(RLParagraph(inline(first), base))
            for part in rest:  # the deliberate break inside a sentence
                story += [PageBreak(), RLParagraph(inline(part), ParagraphStyle("cont", base, firstLineIndent=0))]
            story += anchors(text)
        elif isinstance(block, Table):
            rows = [[RLParagraph(f"<b>{e(c)}</b>" if r == 0 else inline(c), cell) for c in row]
                    for r, row in enumerate(block.rows)]
            widths = [14 * mm, 53 * mm, 35 * mm, 38 * mm, 25 * mm]
            table = RLTable(rows, colWidths=widths, repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [table, Spacer(1, 4 * mm)]

    def page_end(canvas, doc):
        canvas.saveState()
        notes = footnotes_by_page.get(canvas.getPageNumber(), [])
        width = A4[0] - 45 * mm
        y = 38 * mm  # the frame ends at 40 mm: notes hang below it, above the page number
        if notes:
            canvas.setLineWidth(0.5)
            canvas.line(30 * mm, y, 80 * mm, y)
        for key, text in notes:
            note = RLParagraph(f"<super>{key}</super> {e(text)}", footnote_style)
            _, height = note.wrap(width, y)
            y -= height + 2
            note.drawOn(canvas, 30 * mm, y)
        canvas.setFont("DejaVuSerif", 10)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, str(canvas.getPageNumber()))
        canvas.restoreState()

    buf = io.BytesIO()
    frame = Frame(30 * mm, 40 * mm, A4[0] - 45 * mm, A4[1] - 60 * mm, id="body")
    doc = BaseDocTemplate(buf, pagesize=A4, title=f"{m['kind'].capitalize()} {m['title']}",
                          author="vnplan corpus", creator="vnplan corpus/build.py", invariant=1)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=page_end)])
    doc.build(story)
    return buf.getvalue()


# ---------------------------------------------------------------- gold

def render_gold(name: str, file: str) -> bytes:
    template = json.loads((SOURCE / f"{name}.gold-template.json").read_text(encoding="utf-8"))
    gold = {"file": file, **copy.deepcopy(template)}
    return (json.dumps(gold, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def gold_name(name: str, fmt: str) -> str:
    # the shared corpus's convention: NAME.gold.json beside NAME.txt, NAME.docx.gold.json beside NAME.docx
    return f"{name}.gold.json" if fmt == "txt" else f"{name}.{fmt}.gold.json"


RENDERERS = {"txt": render_txt, "html": render_html, "docx": render_docx, "pdf": render_pdf}


def outputs() -> dict[Path, bytes]:
    files: dict[Path, bytes] = {}
    for name, formats in DOCUMENTS.items():
        src = read_source(SOURCE / f"{name}.md")
        for fmt in formats:
            files[CORPUS / f"{name}.{fmt}"] = RENDERERS[fmt](src)
            files[CORPUS / gold_name(name, fmt)] = render_gold(name, f"{name}.{fmt}")
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="report generated files that differ; write nothing")
    args = ap.parse_args()
    changed = []
    for path, data in outputs().items():
        if not path.exists() or path.read_bytes() != data:
            changed.append(path.name)
            if not args.check:
                path.write_bytes(data)
    verb = "differ" if args.check else "written"
    print(f"{len(changed)} file(s) {verb}" + (": " + ", ".join(changed) if changed else ""))
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
