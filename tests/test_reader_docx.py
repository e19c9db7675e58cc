"""The .docx reader: blocks in order, Word numbering resolved, tables, notes, style hints, bad input.

The fixture `data/docx_plan_numbered.docx` is written by `data/docx_make_fixtures.py`: a plan
whose headings are numbered by Word (no number typed in the text).
"""
from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from extractor.blocks import FOOTNOTE, LIST_ITEM, PARAGRAPH, TABLE
from extractor.errors import ReadError
from extractor.readers import docx

from conftest import zip_bomb

DATA = Path(__file__).parent / "data"
PLAN = DATA / "docx_plan_numbered.docx"
REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"


def read(path: Path):
    return docx.read(path.read_bytes(), path)


@pytest.fixture(scope="module")
def plan():
    return read(PLAN)


# (kind, text, numbered, bold) of every block that is not a table, in document order
PLAN_BLOCKS = [
    (PARAGRAPH, "KẾ HOẠCH", False, True),
    (PARAGRAPH, "Tổ chức tập huấn nghiệp vụ văn thư năm 2026", False, True),
    (PARAGRAPH, "DỰ THẢO", False, False),  # a text box, read once (not again from its VML fallback)
    (PARAGRAPH, "Căn cứ Kế hoạch số 42/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân huyện về công tác "
                "văn thư, lưu trữ năm 2026;", False, False),  # the footnote mark is not in the text
    (PARAGRAPH, "Ủy ban nhân dân xã ban hành Kế hoạch tổ chức tập huấn như sau:", False, False),
    (PARAGRAPH, "I. MỤC ĐÍCH, YÊU CẦU", True, True),  # level bound to the Heading 1 style
    (PARAGRAPH, "1. Mục đích", True, True),  # level named in the Heading 2 style
    (PARAGRAPH, "a) Nâng cao kỹ năng soạn thảo văn bản hành chính cho công chức.", True, False),
    (PARAGRAPH, "b) Thống nhất cách lập hồ sơ công việc trên phần mềm quản lý văn bản.", True, False),
    (LIST_ITEM, "- Công chức văn phòng - thống kê, tư pháp - hộ tịch.", False, False),  # bullet level
    (PARAGRAPH, "2. Yêu cầu", True, True),
    (PARAGRAPH, "a) Bảo đảm đúng đối tượng, thiết thực, tiết kiệm.", True, False),  # restarts under 2.
    (PARAGRAPH, "II. NỘI DUNG TẬP HUẤN", True, True),
    (PARAGRAPH, "1. Chuyên đề văn thư", True, True),  # restarts under II.
    (PARAGRAPH, "1. Thể thức văn bản hành chính", True, False),
    (PARAGRAPH, "1.1. Kỹ thuật trình bày văn bản", True, False),  # lvlText "%1.%2."
    (PARAGRAPH, "1.2. Viết hoa trong văn bản hành chính", True, False),
    (PARAGRAPH, "2. Quản lý văn bản đến", True, False),
    (PARAGRAPH, "2.1. Tiếp nhận, đăng ký văn bản đến", True, False),
    (PARAGRAPH, "III. THỜI GIAN, ĐỊA ĐIỂM", True, True),
    (PARAGRAPH, "Thời gian tập huấn dự kiến trong tháng 3 năm 2026 (02 ngày).", False, True),  # mostly bold
    (PARAGRAPH, "Địa điểm: Hội trường Ủy ban nhân dân xã, số 5 đường Lê Lợi, thôn Phú Hòa.", False, False),
    (PARAGRAPH, "Thành phần gồm công chức chuyên môn của xã.", False, False),  # deleted and hidden text out
    (PARAGRAPH, "IV. TỔ CHỨC THỰC HIỆN", True, True),
    (PARAGRAPH, "a) Văn phòng - Thống kê chủ trì chuẩn bị tài liệu và hội trường.", True, False),
    (PARAGRAPH, "b) Công chức Tư pháp - Hộ tịch phối hợp biên soạn tài liệu.", True, False),
    (PARAGRAPH, "c) Các bộ phận chuyên môn cử công chức tham dự đầy đủ.", True, False),  # same abstract list
    (PARAGRAPH, "a) Báo cáo kết quả tập huấn trước ngày 31/3/2026.", True, False),  # startOverride
    (PARAGRAPH, "V. KINH PHÍ", True, True),  # w:caps: shown in capitals
    (PARAGRAPH, "Kinh phí tập huấn chi từ nguồn ngân sách xã năm 2026.", False, False),
    (PARAGRAPH, "Trong quá trình thực hiện, nếu có vướng mắc, các bộ phận báo cáo về Văn phòng Ủy ban "
                "nhân dân xã để tổng hợp.", False, False),  # inside a body-level content control
    # notes after the body, footnotes in reference order (one is in a table cell), then endnotes
    (FOOTNOTE, "Kế hoạch số 42/KH-UBND được ban hành kèm theo Quyết định số 118/QĐ-UBND ngày "
               "12/01/2026 của Ủy ban nhân dân huyện.", False, None),
    (FOOTNOTE, "Theo Hướng dẫn số 07/HD-VP ngày 05/01/2026 của Văn phòng Ủy ban nhân dân huyện.", False, None),
    (FOOTNOTE, "Số liệu tổng hợp đến hết ngày 31/01/2026.", False, None),
]

PLAN_TABLES = [
    [["ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
     ["Số: 15/KH-UBND", "Tân Phú, ngày 10 tháng 02 năm 2026"]],
    [["STT", "Nội dung", "Thời gian", "Chủ trì", "Phối hợp"],
     ["Ngày thứ nhất"],  # one cell across the row, not repeated
     ["1", "Thể thức văn bản", "Sáng 10/3/2026", "Văn phòng - Thống kê", "Tư pháp - Hộ tịch"],
     ["2", "Lập hồ sơ công việc", "Chiều 10/3/2026", "", "Công an xã"]],  # merged down: empty
]


def test_plan_blocks_in_order(plan):
    got = [(b.kind, b.text.strip(), b.style.numbered, b.style.bold) for b in plan.blocks if b.kind != TABLE]
    assert got == PLAN_BLOCKS


def test_plan_tables(plan):
    tables = [[[cell.text for cell in row] for row in b.rows] for b in plan.blocks if b.kind == TABLE]
    assert tables == PLAN_TABLES


def test_tables_keep_their_place(plan):
    kinds = [b.kind for b in plan.blocks]
    assert kinds[0] == TABLE  # the header block comes first
    after = plan.blocks[kinds.index(TABLE, 1) - 1]
    assert after.text.startswith("Thành phần gồm")


@pytest.mark.parametrize("text, style_name, centered, font_size", [
    ("KẾ HOẠCH", "Normal", True, 14.0),
    ("I. MỤC ĐÍCH, YÊU CẦU", "Heading 1", False, 14.0),
    ("1. Mục đích", "Heading 2", False, 13.0),
    ("Ủy ban nhân dân xã ban hành Kế hoạch tổ chức tập huấn như sau:", "Normal", False, 14.0),
])
def test_style_hints(plan, text, style_name, centered, font_size):
    block = next(b for b in plan.blocks if b.text == text)
    assert (block.style.style_name, block.style.centered, block.style.font_size) == (style_name, centered, font_size)


def test_parse_sees_the_numbers():
    """Through the whole pipeline: the numbers Word draws are in the text the analysers read."""
    import extractor

    result = extractor.parse(PLAN, include_text=True)
    assert result.error is None and result.source.format == "docx"
    lines = result.text.split("\n")
    for line in ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "a) Bảo đảm đúng đối tượng, thiết thực, tiết kiệm.",
                 "1.1. Kỹ thuật trình bày văn bản", "IV. TỔ CHỨC THỰC HIỆN"):
        assert line in lines
    assert lines[-1] == "Số liệu tổng hợp đến hết ngày 31/01/2026."  # the endnote, last


def test_template_page_count_not_trusted(plan):
    assert plan.pages is None  # python-docx leaves its template's "1 page, 0 words" in app.xml


def test_headers_and_footers_left_out(plan):
    text = "\n".join(b.text for b in plan.blocks)
    assert "Dự thảo lần 2" not in text and "Trang 1" not in text


# --- numbering, from numbering.xml written here --------------------------------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def numbering(abstracts: str, nums: str, styles: str = "") -> docx._Numbering:
    root = etree.fromstring(f"<w:numbering {W_NS}>{abstracts}{nums}</w:numbering>")
    return docx._Numbering(root, docx._Styles(etree.fromstring(f"<w:styles {W_NS}>{styles}</w:styles>")))


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


OUTLINE = ('<w:abstractNum w:abstractNumId="7">'
           + level(0, "upperRoman", "%1.") + level(1, "decimal", "%2.") + level(2, "lowerLetter", "%3)")
           + level(3, "decimal", "%2.%4.") + "</w:abstractNum>")
LEGAL = ('<w:abstractNum w:abstractNumId="8">' + level(0, "upperRoman", "%1.")
         + level(1, "decimal", "%1.%2.", extra="<w:isLgl/>") + "</w:abstractNum>")
KEEP_GOING = ('<w:abstractNum w:abstractNumId="9">' + level(0, "decimal", "%1.")
              + level(1, "lowerLetter", "%2)", extra='<w:lvlRestart w:val="0"/>') + "</w:abstractNum>")
FORMATS = ('<w:abstractNum w:abstractNumId="10">' + level(0, "upperLetter", "%1.", start=25)
           + level(1, "lowerRoman", "(%2)", start=3) + level(2, "decimalZero", "%3.", start=9)
           + level(3, "bullet", "o") + level(4, "none", "") + level(5, "ordinal", "Bước %6:")
           + "</w:abstractNum>")

# (abstract definitions, w:num elements, [(numId, ilvl)...], expected labels; None = unnumbered)
NUMBERING_CASES = [
    pytest.param(OUTLINE, '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>',
                 [("1", 0), ("1", 1), ("1", 2), ("1", 2), ("1", 1), ("1", 2), ("1", 0), ("1", 1), ("1", 3)],
                 ["I.", "1.", "a)", "b)", "2.", "a)", "II.", "1.", "1.1."], id="outline-restarts"),
    pytest.param(OUTLINE, '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
                          '<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>',
                 [("1", 0), ("2", 0), ("1", 0)], ["I.", "II.", "III."], id="nums-share-their-abstract-list"),
    pytest.param(OUTLINE, '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
                          '<w:num w:numId="2"><w:abstractNumId w:val="7"/>'
                          '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>',
                 [("1", 0), ("1", 0), ("2", 0), ("2", 0), ("1", 0)], ["I.", "II.", "IV.", "V.", "VI."],
                 id="start-override-restarts-the-shared-count"),
    pytest.param(OUTLINE, '<w:num w:numId="1"><w:abstractNumId w:val="7"/>'
                          '<w:lvlOverride w:ilvl="1">' + level(1, "decimal", "%2)") + '</w:lvlOverride></w:num>',
                 [("1", 0), ("1", 1)], ["I.", "1)"], id="level-override"),
    pytest.param(LEGAL, '<w:num w:numId="3"><w:abstractNumId w:val="8"/></w:num>',
                 [("3", 0), ("3", 1), ("3", 0), ("3", 1), ("3", 1)], ["I.", "1.1.", "II.", "2.1.", "2.2."],
                 id="isLgl-decimal-parents"),
    pytest.param(KEEP_GOING, '<w:num w:numId="4"><w:abstractNumId w:val="9"/></w:num>',
                 [("4", 0), ("4", 1), ("4", 1), ("4", 0), ("4", 1)], ["1.", "a)", "b)", "2.", "c)"],
                 id="lvlRestart-0-never-restarts"),
    pytest.param(FORMATS, '<w:num w:numId="5"><w:abstractNumId w:val="10"/></w:num>',
                 [("5", 0), ("5", 0), ("5", 0), ("5", 1), ("5", 2), ("5", 3), ("5", 4), ("5", 5)],
                 ["Y.", "Z.", "AA.", "(iii)", "09.", "-", None, "Bước 1:"], id="formats"),
    pytest.param(OUTLINE, '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>',
                 [("99", 0), ("1", 8)], [None, None], id="unknown-list-or-level"),
    pytest.param('<w:abstractNum w:abstractNumId="11">' + level(0, "decimal", "+") + level(1, "decimal", "Bảng")
                 + "</w:abstractNum>", '<w:num w:numId="6"><w:abstractNumId w:val="11"/></w:num>',
                 [("6", 0), ("6", 1)], ["-", "Bảng"], id="constant-marks"),
]


@pytest.mark.parametrize("abstracts, nums, uses, expected", NUMBERING_CASES)
def test_numbering(abstracts, nums, uses, expected):
    lists = numbering(abstracts, nums)
    labels = []
    for num_id, ilvl in uses:
        label = lists.label(num_id, ilvl, None)
        labels.append(None if label is None else label[0])
    assert labels == expected


def test_numbering_through_a_list_style():
    """A list whose levels live in a numbering style (numStyleLink -> style -> num -> styleLink)."""
    lists = numbering(
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="DanhMucCap"/></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="2"><w:styleLink w:val="DanhMucCap"/>'
        + level(0, "upperRoman", "%1.") + level(1, "decimal", "%1.%2.") + "</w:abstractNum>",
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>',
        styles='<w:style w:type="numbering" w:styleId="DanhMucCap"><w:name w:val="Danh muc cap"/>'
               '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>')
    assert [lists.label("1", ilvl, None)[0] for ilvl in (0, 1, 1, 0)] == ["I.", "I.1.", "I.2.", "II."]


@pytest.mark.parametrize("n, fmt, shown", [
    (1, "decimal", "1"), (4, "upperRoman", "IV"), (9, "upperRoman", "IX"), (14, "lowerRoman", "xiv"),
    (1994, "upperRoman", "MCMXCIV"), (1, "lowerLetter", "a"), (26, "lowerLetter", "z"),
    (27, "lowerLetter", "aa"), (53, "upperLetter", "AAA"), (7, "decimalZero", "07"),
    (3, "cardinalText", "3"), (0, "upperRoman", "0"),
])
def test_format_number(n, fmt, shown):
    assert docx.format_number(n, fmt) == shown


# --- bad input -------------------------------------------------------------------------------------

def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _bomb(tmp_path: Path) -> bytes:
    return zip_bomb(tmp_path / "bom.docx", uncompressed=64 * 1024 * 1024).read_bytes()


BAD_INPUT = [
    pytest.param(lambda tmp: b"Day khong phai tep Word\n" * 40, "corrupt_docx", "not a zip", id="not-a-zip"),
    pytest.param(lambda tmp: PLAN.read_bytes()[:5000], "corrupt_docx", "truncated", id="truncated"),
    pytest.param(lambda tmp: _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
                 "corrupt_docx", "word/document.xml", id="zip-without-document"),
    pytest.param(lambda tmp: _zip({"word/document.xml": b"<w:document><w:body><w:p>"}),
                 "corrupt_docx", "not well-formed", id="broken-xml"),
    pytest.param(lambda tmp: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000, "corrupt_docx", ".doc",
                 id="ole-file-named-docx"),
    pytest.param(_bomb, "docx_too_large", "zip bomb", id="zip-bomb"),
]


@pytest.mark.parametrize("make, code, words", BAD_INPUT)
def test_bad_input(tmp_path, make, code, words):
    with pytest.raises(ReadError) as caught:
        docx.read(make(tmp_path), Path("ke_hoach_hong.docx"))
    assert caught.value.code == code
    assert "ke_hoach_hong.docx" in caught.value.message and words in caught.value.message


def _damaged(data: bytes, seed: int) -> bytes:
    """The fixture cut short, with bytes overwritten, or with a stretch cut out (by seed)."""
    rng = random.Random(seed)
    damaged = bytearray(data)
    if seed % 3 == 0:
        return bytes(damaged[:rng.randrange(len(damaged))])
    if seed % 3 == 1:
        for _ in range(rng.randint(1, 20)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        return bytes(damaged)
    start = rng.randrange(len(damaged))
    del damaged[start:start + rng.randint(1, 500)]
    return bytes(damaged)


def test_damaged_files_give_a_read_error_not_a_crash():
    data = PLAN.read_bytes()
    codes = set()
    for seed in range(300):
        try:
            docx.read(_damaged(data, seed), Path("hong.docx"))
        except ReadError as e:
            codes.add(e.code)
            assert "hong.docx" in e.message
    assert "corrupt_docx" in codes


def test_strict_open_xml(plan):
    """Word's "Strict Open XML Document": the same markup under purl.oclc.org namespace names."""
    source = zipfile.ZipFile(PLAN)
    strict = {info.filename: source.read(info)
              .replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                       b"http://purl.oclc.org/ooxml/wordprocessingml/main")
              .replace(b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
                       b"http://purl.oclc.org/ooxml/officeDocument/relationships/")
              for info in source.infolist()}
    raw = docx.read(_zip(strict), Path("strict.docx"))
    assert [(b.kind, b.text, b.style) for b in raw.blocks] == [(b.kind, b.text, b.style) for b in plan.blocks]


IMPORTED = DATA / "docx_imported_html.docx"

# A document a web application exported to Word: HTML imported whole (w:altChunk), once as a
# MIME web archive (quoted-printable UTF-8 that calls itself windows-1258), once as plain HTML.
IMPORTED_BLOCKS = [
    (PARAGRAPH, "Nội dung nhập từ hệ thống quản lý văn bản:"),
    (PARAGRAPH, "BÁO CÁO"),
    (PARAGRAPH, "Kết quả công tác văn thư quý I năm 2026"),
    (TABLE, [["STT", "Chỉ tiêu", "Kết quả"], ["1", "Văn bản đến", "1.250"]]),
    (PARAGRAPH, "Giao Văn phòng Ủy ban nhân dân xã tổng hợp, báo cáo trước ngày 05/4/2026."),
    (PARAGRAPH, "Hết phần nhập."),
]


def _blocks(raw):
    return [(b.kind, [[c.text for c in row] for row in b.rows] if b.kind == TABLE else b.text) for b in raw.blocks]


def test_imported_html():
    raw = read(IMPORTED)
    assert _blocks(raw) == IMPORTED_BLOCKS
    assert raw.warnings == []


def test_imported_part_not_read_is_a_warning():
    source = zipfile.ZipFile(IMPORTED)
    members = {info.filename: source.read(info) for info in source.infolist()}
    members["word/giao-viec.html"] = b"{\\rtf1\\ansi Giao viec}"
    raw = docx.read(_zip(members), Path("xuat_tu_web.docx"))
    assert _blocks(raw) == IMPORTED_BLOCKS[:4] + IMPORTED_BLOCKS[5:]
    [(code, message)] = raw.warnings
    assert code == "docx_import_skipped" and "xuat_tu_web.docx" in message and "giao-viec.html" in message


def test_document_part_named_by_relationships():
    """Some tools write the main part under another name; _rels/.rels says which."""
    source = zipfile.ZipFile(PLAN)
    members = {}
    for info in source.infolist():
        data = source.read(info)
        name = info.filename
        if name == "word/document.xml":
            name = "word/document2.xml"
        elif name == "_rels/.rels":
            data = data.replace(b"word/document.xml", b"word/document2.xml")
        elif name == "word/_rels/document.xml.rels":
            name = "word/_rels/document2.xml.rels"
        members[name] = data
    raw = docx.read(_zip(members), Path("ten_khac.docx"))
    assert [b.text for b in raw.blocks if b.style.numbered][:2] == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]
    assert sum(b.kind == FOOTNOTE for b in raw.blocks) == 3


# --- the real plans in ../shared/corpus (patterns only: their text stays out of the project) ------

def _real(prefix: str) -> Path:
    found = sorted(REAL.glob(f"{prefix}*.docx"))
    if not found:
        pytest.skip(f"the shared corpus is not beside the project ({REAL})")
    return found[0]


NUMBER = re.compile(r"(?P<label>[IVX]+\.|\d+\.|[a-zđ]\)) ")

# (file prefix, labels that Word numbering must produce, in this order, among the numbered blocks)
REAL_NUMBERING = [
    ("072", ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "a)", "b)", "c)", "a)", "b)"]),
]


@pytest.mark.parametrize("prefix, labels", REAL_NUMBERING)
def test_real_word_numbering(prefix, labels):
    raw = read(_real(prefix))
    numbered = [b for b in raw.blocks if b.style.numbered]
    got = [NUMBER.match(b.text).group("label") for b in numbered]
    assert got == labels
    assert all(len(b.text) > len(label) + 3 for b, label in zip(numbered, got))


@pytest.mark.parametrize("prefix, footnotes", [("072", 0), ("074", 1), ("078", 0), ("091", 0)])
def test_real_notes_and_tables(prefix, footnotes):
    raw = read(_real(prefix))
    assert raw.pages and raw.pages > 1  # as Word stored it in docProps/app.xml
    notes = [b for b in raw.blocks if b.kind == FOOTNOTE]
    assert len(notes) == footnotes
    assert all(re.search(r"\d+/\d{4}/QĐ-UBND", b.text) for b in notes)  # the cited decision
    assert raw.blocks[0].kind == TABLE  # the header block (issuer | Quốc hiệu) is a layout table
    assert [b.kind for b in raw.blocks[len(raw.blocks) - len(notes):]] == [FOOTNOTE] * len(notes)
