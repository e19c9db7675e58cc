"""Write the .docx (and, with LibreOffice, .doc) fixtures the docx reader tests read.

    .venv/bin/python tests/data/docx_make_fixtures.py

python-docx builds the body; the parts it cannot write (a numbering definition of our own,
footnotes, endnotes) are written as raw WordprocessingML and put into the package afterwards.
The plan's headings are numbered by Word, not typed: "I.", "1.", "a)" appear only once the
numbering is resolved. Every text is invented for these tests. The output is deterministic
(fixed zip timestamps), so regenerating changes no bytes unless this script changes.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
PLAN = HERE / "docx_plan_numbered.docx"
PLAN_DOC = HERE / "docx_plan_numbered.doc"
IMPORTED = HERE / "docx_imported_html.docx"

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# numId 1: the plan's outline. Level 0 is bound to the "Heading 1" style (the style names no
# level); "Heading 2" names level 1 in its own numPr; levels 2 and 3 are set on paragraphs.
# numId 2: legal-style sub-numbering "1.", "1.1.". numIds 3, 4, 5 share one lettered list:
# 5 continues 3 (no override), 4 restarts it (startOverride).
NUMBERING_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W_NS}>
  <w:abstractNum w:abstractNumId="0">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:pStyle w:val="Heading1"/>
      <w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/>
      <w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:multiLevelType w:val="hybridMultilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="2"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>
"""


def _notes(kind: str, notes: dict[int, str]) -> str:
    tag = kind[:-1]  # footnote / endnote
    separators = (f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
                  f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                  f'</w:r></w:p></w:{tag}>')
    body = "".join(
        f'<w:{tag} w:id="{note_id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:{tag}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{tag}>'
        for note_id, text in notes.items())
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:{kind} {W_NS}>{separators}{body}</w:{kind}>')


FOOTNOTES = {
    1: "Kế hoạch số 42/KH-UBND được ban hành kèm theo Quyết định số 118/QĐ-UBND ngày 12/01/2026 "
       "của Ủy ban nhân dân huyện.",
    2: "Theo Hướng dẫn số 07/HD-VP ngày 05/01/2026 của Văn phòng Ủy ban nhân dân huyện.",
    5: "Chú thích không được tham chiếu trong văn bản, Word không hiển thị.",
}
ENDNOTES = {1: "Số liệu tổng hợp đến hết ngày 31/01/2026."}


def _numbered(paragraph, num_id: int, ilvl: int | None = None):
    ppr = paragraph._p.get_or_add_pPr()
    level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}>{level}<w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def _note_reference(paragraph, kind: str, note_id: int) -> None:
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:{kind}Reference w:id="{note_id}"/></w:r>'))


def _style_numbering(document, style_name: str, num_id: int, ilvl: int | None) -> None:
    ppr = document.styles[style_name].element.get_or_add_pPr()
    level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}>{level}<w:numId w:val="{num_id}"/></w:numPr>'))


def _text_box(paragraph, text: str) -> None:
    """A text box the way Word writes one: DrawingML for new readers, VML as the fallback."""
    content = f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w", "wp", "a")} '
        f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        f'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        f'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="1270000" cy="381000"/>'
        f'<wp:docPr id="50" name="Text Box 1"/><a:graphic><a:graphicData '
        f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>'
        f'</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape type="#_x0000_t202" style="width:100pt;height:30pt">'
        f'<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'))


def _merge_cells(table) -> None:
    """Row 1 is one cell across the table; column 3 of rows 2-3 is one cell down."""
    table.cell(1, 0).merge(table.cell(1, 4))
    table.cell(2, 3).merge(table.cell(3, 3))


def build_plan() -> bytes:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(14)
    _style_numbering(document, "Heading 1", 1, None)
    _style_numbering(document, "Heading 2", 1, 1)
    document.sections[0].header.paragraphs[0].text = "Dự thảo lần 2 - tài liệu nội bộ"
    document.sections[0].footer.paragraphs[0].text = "Trang 1"

    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 15/KH-UBND"
    header.cell(1, 1).text = "Tân Phú, ngày 10 tháng 02 năm 2026"

    for text in ("KẾ HOẠCH", "Tổ chức tập huấn nghiệp vụ văn thư năm 2026"):
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.add_run(text).bold = True

    _text_box(document.add_paragraph(), "DỰ THẢO")

    basis = document.add_paragraph("Căn cứ Kế hoạch số 42/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân huyện "
                                   "về công tác văn thư, lưu trữ năm 2026")
    _note_reference(basis, "footnote", 1)
    basis.add_run(";")
    document.add_paragraph("Ủy ban nhân dân xã ban hành Kế hoạch tổ chức tập huấn như sau:")

    document.add_paragraph("MỤC ĐÍCH, YÊU CẦU", style="Heading 1")
    document.add_paragraph("Mục đích", style="Heading 2")
    _numbered(document.add_paragraph("Nâng cao kỹ năng soạn thảo văn bản hành chính cho công chức."), 1, 2)
    _numbered(document.add_paragraph("Thống nhất cách lập hồ sơ công việc trên phần mềm quản lý văn bản."), 1, 2)
    _numbered(document.add_paragraph("Công chức văn phòng - thống kê, tư pháp - hộ tịch."), 1, 3)
    document.add_paragraph("Yêu cầu", style="Heading 2")
    _numbered(document.add_paragraph("Bảo đảm đúng đối tượng, thiết thực, tiết kiệm."), 1, 2)

    document.add_paragraph("NỘI DUNG TẬP HUẤN", style="Heading 1")
    document.add_paragraph("Chuyên đề văn thư", style="Heading 2")
    _numbered(document.add_paragraph("Thể thức văn bản hành chính"), 2, 0)
    _numbered(document.add_paragraph("Kỹ thuật trình bày văn bản"), 2, 1)
    _numbered(document.add_paragraph("Viết hoa trong văn bản hành chính"), 2, 1)
    _numbered(document.add_paragraph("Quản lý văn bản đến"), 2, 0)
    _numbered(document.add_paragraph("Tiếp nhận, đăng ký văn bản đến"), 2, 1)

    document.add_paragraph("THỜI GIAN, ĐỊA ĐIỂM", style="Heading 1")
    mostly_bold = document.add_paragraph()
    mostly_bold.add_run("Thời gian tập huấn dự kiến trong tháng 3 năm 2026").bold = True
    mostly_bold.add_run(" (02 ngày).")
    little_bold = document.add_paragraph()
    little_bold.add_run("Địa điểm: ").bold = True
    little_bold.add_run("Hội trường Ủy ban nhân dân xã, số 5 đường Lê Lợi, thôn Phú Hòa.")
    revised = document.add_paragraph("Thành phần gồm ")
    revised._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="91" w:author="VP"><w:r><w:delText>'
                                f'toàn bộ cán bộ, </w:delText></w:r></w:del>'))
    revised._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="92" w:author="VP"><w:r><w:t>'
                                f'công chức chuyên môn</w:t></w:r></w:ins>'))
    revised._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vanish/></w:rPr><w:t>(ghi chú ẩn)</w:t></w:r>'))
    revised.add_run(" của xã")
    _note_reference(revised, "endnote", 1)
    revised.add_run(".")

    schedule = document.add_table(rows=4, cols=5)
    for cell, text in zip(schedule.rows[0].cells, ("STT", "Nội dung", "Thời gian", "Chủ trì", "Phối hợp")):
        cell.text = text
    _merge_cells(schedule)
    schedule.cell(1, 0).text = "Ngày thứ nhất"
    for row, values in ((2, ("1", "Thể thức văn bản", "Sáng 10/3/2026", "Văn phòng - Thống kê", "Tư pháp - Hộ tịch")),
                        (3, ("2", "Lập hồ sơ công việc", "Chiều 10/3/2026", None, "Công an xã"))):
        for column, text in enumerate(values):
            if text is not None:
                schedule.cell(row, column).text = text
    for paragraph in schedule.cell(3, 1).paragraphs:
        _note_reference(paragraph, "footnote", 2)

    document.add_paragraph("TỔ CHỨC THỰC HIỆN", style="Heading 1")
    _numbered(document.add_paragraph("Văn phòng - Thống kê chủ trì chuẩn bị tài liệu và hội trường."), 3, 0)
    _numbered(document.add_paragraph("Công chức Tư pháp - Hộ tịch phối hợp biên soạn tài liệu."), 3, 0)
    _numbered(document.add_paragraph("Các bộ phận chuyên môn cử công chức tham dự đầy đủ."), 5, 0)
    _numbered(document.add_paragraph("Báo cáo kết quả tập huấn trước ngày 31/3/2026."), 4, 0)
    funding = document.add_paragraph(style="Heading 1")
    funding.add_run("Kinh phí").font.all_caps = True  # typed in lower case, shown in capitals
    document.add_paragraph("Kinh phí tập huấn chi từ nguồn ngân sách xã năm 2026.")

    closing = document.add_paragraph("Trong quá trình thực hiện, nếu có vướng mắc, các bộ phận báo cáo về "
                                     "Văn phòng Ủy ban nhân dân xã để tổng hợp.")
    control = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Ghi chú"/></w:sdtPr>'
                        f'<w:sdtContent/></w:sdt>')
    closing._p.addprevious(control)
    control.find(qn("w:sdtContent")).append(closing._p)

    buffer = io.BytesIO()
    document.save(buffer)
    return _add_parts(buffer.getvalue())


_EXTRA_PARTS = {
    "word/numbering.xml": NUMBERING_XML,
    "word/footnotes.xml": _notes("footnotes", FOOTNOTES),
    "word/endnotes.xml": _notes("endnotes", ENDNOTES),
}
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT_BASE = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def _add_parts(package: bytes) -> bytes:
    """The package with our numbering, footnotes and endnotes, and fixed timestamps."""
    rels = "".join(f'<Relationship Id="rIdNote{kind}" Type="{_REL_BASE}{kind}" Target="{kind}.xml"/>'
                   for kind in ("footnotes", "endnotes"))
    types = "".join(f'<Override PartName="/word/{kind}.xml" ContentType="{_CT_BASE}{kind}+xml"/>'
                    for kind in ("footnotes", "endnotes"))
    return _repackage(package, rels, types, _EXTRA_PARTS)


def _repackage(package: bytes, rels: str, types: str, parts: dict[str, str]) -> bytes:
    """The package with `parts` added (or replaced), their relationships and content types
    added, and every member dated 2026-01-01 so the output is the same on every run."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in parts:
                continue
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", types.encode() + b"</Types>")
            target.writestr(zipfile.ZipInfo(info.filename, (2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
        for name, text in parts.items():
            target.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return out.getvalue()


# What a web application's "export to Word" writes: the document as HTML (here once as a MIME
# web archive, once as plain HTML) imported whole with w:altChunk; Word converts it on opening.
IMPORTED_MHT = """MIME-Version: 1.0
Content-Type: multipart/related; boundary="----=_ranh_gioi"

------=_ranh_gioi
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: quoted-printable
Content-Location: file:///C:/bao-cao.htm

<html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3Dwindows-1258"></head>
<body><p><b>B=C3=81O C=C3=81O</b></p>
<p>K=E1=BA=BFt qu=E1=BA=A3 c=C3=B4ng t=C3=A1c v=C4=83n th=C6=B0 qu=C3=BD I n=C4=83m 2026</p>
<table><tr><td>STT</td><td>Ch=E1=BB=89 ti=C3=AAu</td><td>K=E1=BA=BFt qu=E1=BA=A3</td></tr>
<tr><td>1</td><td>V=C4=83n b=E1=BA=A3n =C4=91=E1=BA=BFn</td><td>1.250</td></tr></table>
</body></html>

------=_ranh_gioi--
"""
IMPORTED_HTML = ("<html><body><p>Giao Văn phòng Ủy ban nhân dân xã tổng hợp, báo cáo trước ngày 05/4/2026.</p>"
                 "</body></html>")


def build_imported() -> bytes:
    document = docx.Document()
    document.add_paragraph("Nội dung nhập từ hệ thống quản lý văn bản:")
    body = document.element.body
    for rel_id in ("rIdChunk1", "rIdChunk2"):
        body.sectPr.addprevious(parse_xml(f'<w:altChunk {nsdecls("w", "r")} r:id="{rel_id}"/>'))
    document.add_paragraph("Hết phần nhập.")
    buffer = io.BytesIO()
    document.save(buffer)
    chunk_type = f"{_REL_BASE}aFChunk"
    rels = (f'<Relationship Id="rIdChunk1" Type="{chunk_type}" Target="bao-cao.mht"/>'
            f'<Relationship Id="rIdChunk2" Type="{chunk_type}" Target="giao-viec.html"/>')
    types = ('<Default Extension="mht" ContentType="message/rfc822"/>'
             '<Default Extension="html" ContentType="text/html"/>')
    return _repackage(buffer.getvalue(), rels, types, {
        "word/bao-cao.mht": IMPORTED_MHT.replace("\n", "\r\n"),
        "word/giao-viec.html": IMPORTED_HTML,
    })


def convert_to_doc(source: Path, target: Path) -> bool:
    """Save `source` as Word 97-2003 with LibreOffice; False when LibreOffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless",
                        "--convert-to", "doc:MS Word 97", "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=180)
        shutil.copyfile(Path(tmp, source.stem + ".doc"), target)
    return True


def main() -> None:
    PLAN.write_bytes(build_plan())
    print(f"wrote {PLAN.relative_to(HERE.parent.parent)}")
    IMPORTED.write_bytes(build_imported())
    print(f"wrote {IMPORTED.relative_to(HERE.parent.parent)}")
    if convert_to_doc(PLAN, PLAN_DOC):
        print(f"wrote {PLAN_DOC.relative_to(HERE.parent.parent)}")
    else:
        print("LibreOffice is not installed: the .doc fixture was not written", file=sys.stderr)


if __name__ == "__main__":
    main()
