"""The PDF reader, on PDFs made by tests/data/pdf_make_fixtures.py and on the real PDFs of the
shared corpus (asserted by pattern only: their text is not copied here)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import extractor
from extractor import ocr
from extractor.blocks import FOOTNOTE, LIST_ITEM, PARAGRAPH, TABLE
from extractor.errors import ReadError
from extractor.normalize import clean_line
from extractor.readers import pdf

DATA = Path(__file__).resolve().parent / "data"
PLAN = DATA / "pdf_plan.pdf"
REAL = Path("/work/shared/corpus/real")


@pytest.fixture(scope="module")
def plan():
    return pdf.read(PLAN.read_bytes(), PLAN)


def texts(raw, kind=None):
    return [b.text for b in raw.blocks if kind is None or b.kind == kind]


# --- the generated plan: block by block ------------------------------------------------------

# The blocks in reading order: (kind, text, bold, centred, page). The header's left column comes
# before its right column; the running header and "Trang N" are gone; the footnote comes last.
PLAN_BLOCKS = [
    (PARAGRAPH, "ỦY BAN NHÂN DÂN", False, False, 1),
    (PARAGRAPH, "HUYỆN HOA LƯ", True, False, 1),
    (PARAGRAPH, "Số: 45/KH-UBND", False, False, 1),
    (PARAGRAPH, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False, 1),
    (PARAGRAPH, "Độc lập - Tự do - Hạnh phúc", True, False, 1),
    (PARAGRAPH, "Hoa Lư, ngày 12 tháng 3 năm 2025", False, False, 1),
    (PARAGRAPH, "KẾ HOẠCH", True, True, 1),
    (PARAGRAPH, "Triển khai chuyển đổi số trong cơ quan hành chính trên địa bàn huyện năm 2025", True, True, 1),
    (PARAGRAPH, "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công "
                "nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Ủy ban nhân dân huyện ban hành Kế hoạch "
                "triển khai như sau:", False, False, 1),
    (PARAGRAPH, "I. MỤC ĐÍCH, YÊU CẦU", True, False, 1),
    (PARAGRAPH, "1. Mục đích", True, False, 1),
    (PARAGRAPH, "Nâng cao hiệu quả quản lý, điều hành của các cơ quan hành chính nhà nước trên địa bàn "
                "huyện thông qua việc ứng dụng công nghệ số vào toàn bộ quy trình xử lý công việc, giảm "
                "thời gian giải quyết thủ tục hành chính cho người dân và doanh nghiệp.", False, False, 1),
    (PARAGRAPH, "2. Yêu cầu", True, False, 1),
    (PARAGRAPH, "Các phòng, ban chuyên môn và Ủy ban nhân dân các xã, thị trấn xác định rõ nhiệm vụ, thời "
                "hạn hoàn thành và người chịu trách nhiệm; bảo đảm an toàn thông tin trong quá trình triển "
                "khai.", False, False, 1),
    (LIST_ITEM, "- Mỗi cơ quan cử một công chức làm đầu mối theo dõi, tổng hợp kết quả thực hiện.",
     False, False, 1),
    # the sentence that runs from page 1 on to page 2 is one block, on the page it starts on
    (PARAGRAPH, "Việc triển khai Kế hoạch phải gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị, tránh "
                "hình thức, lãng phí; kết quả thực hiện là một tiêu chí đánh giá mức độ hoàn thành nhiệm "
                "vụ của người đứng đầu cơ quan, đơn vị trong năm.", False, False, 1),
    (PARAGRAPH, "II. NHIỆM VỤ CỤ THỂ", True, False, 2),
    (TABLE, "", None, None, 2),
    (PARAGRAPH, "III. TỔ CHỨC THỰC HIỆN", True, False, 2),
    (PARAGRAPH, "Phòng Văn hóa và Thông tin chủ trì, phối hợp với các cơ quan, đơn vị liên quan theo dõi, "
                "đôn đốc việc thực hiện Kế hoạch; định kỳ hằng quý báo cáo Ủy ban nhân dân huyện.",
     False, False, 2),
    # "…số 09/KH-" at the foot of page 2 and "UBND…" at the top of page 3: one number again
    (PARAGRAPH, "Kế hoạch này thay thế Kế hoạch số 09/KH-UBND ngày 15/01/2024 của Ủy ban nhân dân huyện.",
     False, False, 2),
    (PARAGRAPH, "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về "
                "Phòng Văn hóa và Thông tin để tổng hợp, báo cáo Ủy ban nhân dân huyện xem xét./.",
     False, False, 3),
    # the signature block: Nơi nhận (left) before the signer (right)
    (PARAGRAPH, "Nơi nhận:", True, False, 3),
    (LIST_ITEM, "- UBND tỉnh;", False, False, 3),
    (LIST_ITEM, "- Các phòng, ban;", False, False, 3),
    (LIST_ITEM, "- Lưu: VT.", False, False, 3),
    (PARAGRAPH, "TM. ỦY BAN NHÂN DÂN", True, False, 3),
    (PARAGRAPH, "CHỦ TỊCH", True, False, 3),
    (PARAGRAPH, "Trần Văn Bình", True, False, 3),
    (FOOTNOTE, "1 Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.", None, None, 1),
]


def test_plan_blocks_in_reading_order(plan):
    assert len(plan.blocks) == len(PLAN_BLOCKS)
    for block, (kind, text, bold, centred, page) in zip(plan.blocks, PLAN_BLOCKS):
        assert (block.kind, block.page) == (kind, page), block.text
        if kind != TABLE:
            assert block.text == text
        if bold is not None:
            assert block.style.bold is bold, text
            assert bool(block.style.centered) is centred, text


def test_plan_pages_and_font_sizes(plan):
    assert plan.pages == 3
    assert all(b.page in (1, 2, 3) for b in plan.blocks)
    sizes = {b.text: b.style.font_size for b in plan.blocks if b.kind != TABLE}
    assert sizes["KẾ HOẠCH"] == 14.0
    assert sizes["I. MỤC ĐÍCH, YÊU CẦU"] == 13.0
    assert sizes["1 Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị."] == 10.0


def test_plan_table_rows_and_cells(plan):
    [table] = [b for b in plan.blocks if b.kind == TABLE]
    assert [[c.text for c in row] for row in table.rows] == [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
        ["1", "Số hóa hồ sơ lưu trữ", "Văn phòng HĐND và UBND", "Quý II"],
        ["2", "Cập nhật dữ liệu đất đai", "Phòng Tài nguyên và Môi trường", "Quý III"],
        ["3", "Tập huấn kỹ năng số", "Phòng Nội vụ", "Quý IV"],
    ]


@pytest.mark.parametrize("chrome", [
    "UBND huyện Hoa Lư - Kế hoạch chuyển đổi số năm 2025",  # the running header
    "Trang 1", "Trang 2", "Trang 3",  # the page numbers
])
def test_plan_page_chrome_removed(plan, chrome):
    assert not any(chrome in text for text in texts(plan))


def test_plan_superscript_reference_dropped_from_body(plan):
    body = " ".join(texts(plan, PARAGRAPH))
    assert "57-NQ/TW của Bộ Chính trị về đột phá" in body
    assert "57-NQ/TW1" not in body


def test_plan_through_parse_gives_offsets_and_pages():
    result = extractor.parse(PLAN, include_text=True)
    assert result.error is None
    assert result.source.format == "pdf" and result.source.pages == 3
    assert "Kế hoạch số 09/KH-UBND ngày 15/01/2024" in result.text
    assert "Văn phòng HĐND và UBND" in result.text


# --- the generated report: a table and a footnote over the page break, a small closing block --

REPORT = DATA / "pdf_report.pdf"


@pytest.fixture(scope="module")
def report():
    return pdf.read(REPORT.read_bytes(), REPORT)


def test_report_table_over_page_break_is_one_table(report):
    [table] = [b for b in report.blocks if b.kind == TABLE]
    rows = [[c.text for c in row] for row in table.rows]
    assert rows[0] == ["STT", "Nhiệm vụ", "Kết quả"]  # the header row once, not repeated
    assert rows[1:] == [[str(k), f"Nhiệm vụ cải cách số {k}", "Hoàn thành"] for k in range(1, 31)]
    assert table.page == 1


def test_report_footnote_runs_on_to_next_page(report):
    assert [(b.page, b.text) for b in report.blocks if b.kind == FOOTNOTE] == [
        (1, "2 Kế hoạch số 30/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân huyện về cải cách hành chính "
            "năm 2025, gồm 24 nhiệm vụ chia theo sáu lĩnh vực và ba nhóm giải pháp hỗ trợ đi kèm, có phân "
            "công cơ quan chủ trì và thời hạn hoàn thành cụ thể."),
        (2, "3 Số liệu tổng hợp đến hết ngày 25/3/2025."),
    ]


def test_report_closing_block_in_small_font_is_not_a_footnote(report):
    body = [b.text for b in report.blocks if b.kind in (PARAGRAPH, LIST_ITEM)]
    assert body[-6:] == ["Nơi nhận:", "- UBND huyện;", "- Lãnh đạo phòng;", "- Lưu: VT.",
                         "TRƯỞNG PHÒNG", "Lê Thị Hoa"]


def test_report_top_page_number_and_superscript_removed(report):
    body = [b.text for b in report.blocks if b.kind in (PARAGRAPH, LIST_ITEM)]
    assert "- 2 -" not in body
    assert any("Kế hoạch số 30/KH-UBND, cụ thể như bảng sau:" in text for text in body)


# --- the generated LibreOffice-style page: fallback glyphs out of order, shading, fake bold ----

FALLBACK = DATA / "pdf_fallback.pdf"


def test_fallback_glyphs_back_in_place():
    import pypdfium2

    document = pypdfium2.PdfDocument(FALLBACK.read_bytes())
    stream_order = document[0].get_textpage().get_text_range()
    assert "ỦY BAN" not in stream_order  # PDFium alone gives the letters out of order
    raw = pdf.read(FALLBACK.read_bytes(), FALLBACK)
    assert [(b.kind, b.text, b.style.bold) for b in raw.blocks if b.kind != TABLE] == [
        (PARAGRAPH, "ỦY BAN NHÂN DÂN TỈNH BÌNH NGUYÊN", True),
        (PARAGRAPH, "KẾ HOẠCH", True),
        (PARAGRAPH, "Số hóa hồ sơ lưu trữ năm 2026", True),
        (PARAGRAPH, "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về Chương trình tổng thể "
                    "cải cách hành chính nhà nước, Ủy ban nhân dân tỉnh ban hành Kế hoạch số hóa hồ sơ lưu trữ "
                    "như sau:", False),
    ]


def test_fallback_table_ignores_shading_and_overprint():
    raw = pdf.read(FALLBACK.read_bytes(), FALLBACK)
    [table] = [b for b in raw.blocks if b.kind == TABLE]
    assert [[c.text for c in row] for row in table.rows] == [
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì"],  # drawn three times over, read once
        ["1", "Số hóa hồ sơ đất đai", "Sở Nông nghiệp và Môi trường"],
        ["2", "Số hóa hồ sơ hộ tịch", "Sở Tư pháp"],
    ]


def _table(rows, page):
    from extractor.blocks import table
    return table(rows, page=page)


# (table at the foot of page 1, table at the top of page 2) -> the rows of the one table
@pytest.mark.parametrize("first, second, rows", [
    # the header row repeated on page 2 is dropped
    ([["STT", "Nhiệm vụ"], ["1", "Số hóa hồ sơ"]], [["STT", "Nhiệm vụ"], ["2", "Tập huấn"]],
     [["STT", "Nhiệm vụ"], ["1", "Số hóa hồ sơ"], ["2", "Tập huấn"]]),
    # a row broken by the page break (no number on page 2) is joined to the row it continues
    ([["STT", "Nhiệm vụ", "Chủ trì"], ["1", "Rà soát thủ tục hành chính", "Văn phòng"]],
     [["", "thuộc thẩm quyền của tỉnh", "UBND tỉnh"], ["2", "Tập huấn", "Sở Nội vụ"]],
     [["STT", "Nhiệm vụ", "Chủ trì"], ["1", "Rà soát thủ tục hành chính thuộc thẩm quyền của tỉnh",
                                       "Văn phòng UBND tỉnh"], ["2", "Tập huấn", "Sở Nội vụ"]]),
])
def test_table_goes_on_over_page_break(first, second, rows):
    blocks = [_table(first, 1)]
    assert pdf._continue_table(blocks, _table(second, 2))
    assert [[c.text for c in row] for row in blocks[0].rows] == rows


@pytest.mark.parametrize("second, page", [
    ([["TT", "Nội dung", "Ghi chú"], ["1", "Khác", ""]], 2),  # another table: other columns
    ([["STT", "Nhiệm vụ"], ["2", "Tập huấn"]], 3),  # not on the next page
])
def test_table_on_next_page_that_does_not_go_on(second, page):
    blocks = [_table([["STT", "Nhiệm vụ"], ["1", "Số hóa hồ sơ"]], 1)]
    assert not pdf._continue_table(blocks, _table(second, page))


# --- the page-level helpers, table-driven ----------------------------------------------------

@pytest.mark.parametrize("text, is_page_number", [
    ("2", True), ("- 2 -", True), ("– 12 –", True), ("Trang 2", True), ("trang 3/10", True),
    ("(4)", True), ("Page 7", True),
    ("2025", True),  # a bare number at the page edge: page chrome whatever it is
    ("Trang 2 của Kế hoạch", False), ("2. Nhiệm vụ", False), ("II", False), ("Số: 12", False),
])
def test_page_number_pattern(text, is_page_number):
    assert bool(pdf._PAGE_NUMBER.match(text)) is is_page_number


@pytest.mark.parametrize("line, starts_block", [
    ("I. MỤC TIÊU", True), ("1. Nội dung", True), ("1.2. Kinh phí", True), ("a) Giao Sở Nội vụ", True),
    ("đ) Giao Sở Tài chính", True), ("- Tổ chức tập huấn", True), ("+ Cấp xã", True), ("• Ý kiến", True),
    ("Điều 3. Hiệu lực", True), ("Phụ lục II", True),
    ("huyện và các xã", False), ("2025 của Ủy ban", False), ("Ủy ban nhân dân", False),
    ("23/6/2022 của Thủ tướng", False), ("6 năm 2025;", False), ("phần về cải cách", False),
    ("1.500 hồ sơ", False), ("Phần V. Kinh phí", True), ("a. Nội dung", True),
    ("(1) Tiếp tục rà soát", True), ("(b) Tập huấn", True), ("(theo Kế hoạch số 12)", False),
])
def test_list_start_pattern(line, starts_block):
    assert bool(pdf._LIST_START.match(line)) is starts_block


def _seg(text, x0, x1, baseline, size):
    return pdf.Segment(text, x0, x1, baseline, size, False, False, 1)


# pieces of text as PDFium gives them -> the lines they make (text, first piece a footnote mark)
@pytest.mark.parametrize("segments, lines", [
    # a footnote reference, raised and small, between two pieces of a body line: dropped
    ([_seg("các chỉ số", 85, 150, 100, 13), _seg("2", 151, 155, 95, 7), _seg("và kết quả", 160, 230, 100, 13)],
     [("các chỉ số và kết quả", False)]),
    # a footnote's mark raised too far to share the baseline (LibreOffice): it joins its line
    ([_seg("1", 85, 89, 94, 7), _seg("Nghị quyết số 57-NQ/TW", 92, 300, 100, 10)],
     [("1 Nghị quyết số 57-NQ/TW", True)]),
    # two columns on one baseline stay one line of two pieces (the column step splits them)
    ([_seg("Nơi nhận:", 85, 140, 500, 12), _seg("KT. GIÁM ĐỐC", 370, 470, 500.5, 13)],
     [("Nơi nhận: KT. GIÁM ĐỐC", False)]),
    # pieces that touch (where a superscript was taken out) join without a space
    ([_seg("với tổng số phiếu khảo sát", 85, 300, 100, 13), _seg(". Hiện nay", 300.5, 360, 100, 13)],
     [("với tổng số phiếu khảo sát. Hiện nay", False)]),
    ([_seg("dòng thứ nhất", 85, 300, 100, 13), _seg("dòng thứ hai", 85, 300, 118, 13)],
     [("dòng thứ nhất", False), ("dòng thứ hai", False)]),
])
def test_lines_from_pieces(segments, lines):
    assert [(line.text, line.segments[0].marker) for line in pdf._lines(segments, 1)] == lines


def _line(text, x0=85.0, x1=540.0, baseline=100.0, bold=False, page=1, size=13.0):
    return pdf.Line([pdf.Segment(text, x0, x1, baseline, size, bold, False, page)], page)


def _column_line(text, **kw):
    """A line of the header's left column, whose lines wrap at x = 260."""
    line = _line(text, x0=70.0, x1=258.0, **kw)
    line.right_edge = 260.0
    return line


MARGINS = pdf.Margins(left=85.0, right=540.0, pitch={13: 18.0})
FULL, SHORT, INDENTED = dict(x1=540.0), dict(x1=300.0), dict(x0=121.0)


# (previous line, next line, the next line goes on with the previous one's paragraph)
@pytest.mark.parametrize("prev, line, joined", [
    (_line("các cơ quan, đơn vị trên địa", **FULL), _line("bàn huyện thực hiện.", baseline=118), True),
    (_line("thời hạn hoàn thành và người chịu", **FULL), _line("Trách nhiệm thuộc về", baseline=118), True),
    # a full line that ends a sentence, then spacing wider than the line pitch: a new paragraph
    (_line("đến hết năm 2025.", **FULL), _line("Các xã, thị trấn báo cáo", baseline=130), False),
    (_line("đến hết năm 2025.", **SHORT), _line("Các xã, thị trấn báo cáo", baseline=118), False),
    (_line("đã giao cho", **SHORT), _line("các phòng chuyên môn", baseline=118), True),
    (_line("phối hợp với các cơ quan liên quan", **FULL), _line("Căn cứ kết quả", baseline=118, **INDENTED), False),
    (_line("như sau:", **SHORT), _line("2. Nhiệm vụ cụ thể", baseline=118), False),
    (_line("1. Mục đích", bold=True, **SHORT), _line("Nâng cao hiệu quả", baseline=118), False),
    # a bold run inside a sentence does not end the paragraph
    (_line("gửi báo cáo về Sở Nội vụ chậm nhất ngày", **FULL), _line("30/11/2025.", bold=True, baseline=118), True),
    (_line("I. MỤC ĐÍCH, YÊU CẦU", bold=True, **SHORT), _line("Nội dung", bold=True, baseline=118), False),
    # over a page break: no sentence end at the foot of page 1, the rest at the top of page 2
    (_line("tại 22 xã, phường, đặc khu trên địa", baseline=780, **FULL),
     _line("bàn tỉnh với tổng số phiếu", baseline=90, page=2), True),
    (_line("do Ủy ban nhân dân tỉnh và", baseline=780, **FULL), _line("Ủy ban nhân dân các xã", baseline=90, page=2), True),
    (_line("hoàn thành trong năm.", baseline=780, **FULL), _line("Công tác kiểm tra", baseline=90, page=2), False),
    (_line("hoàn thành trong năm", baseline=780, **FULL), _line("Công tác kiểm tra", baseline=90, page=2, **INDENTED), False),
    # in a header column a line is full at the column's edge: the V/v summary wraps on…
    (_column_line("V/v góp ý dự thảo Kế hoạch triển khai"), _column_line("Chương trình hành động", baseline=118), True),
    # …but the capitalised lines (parent body, issuer) stay apart
    (_column_line("ỦY BAN NHÂN DÂN TỈNH BÌNH NGUYÊN"), _column_line("SỞ NỘI VỤ", baseline=118), False),
])
def test_paragraph_continues(prev, line, joined):
    assert pdf._continues(prev, line, MARGINS, page_break=line.page != prev.page) is joined


@pytest.mark.parametrize("text, more, joined", [
    ("Kế hoạch số 09/KH-", "UBND ngày 15/01/2024", "Kế hoạch số 09/KH-UBND ngày 15/01/2024"),
    ("giai đoạn 2021-", "2025", "giai đoạn 2021-2025"),
    ("giai đoạn 2021 -", "2025", "giai đoạn 2021 - 2025"),
    ("các cơ quan", "đơn vị", "các cơ quan đơn vị"),
])
def test_join_lines(text, more, joined):
    assert pdf._join(text, more) == joined


@pytest.mark.parametrize("text, garbled", [
    ("Ủy ban nhân dân huyện triển khai kế hoạch chuyển đổi số trong các cơ quan hành chính. " * 5, False),
    # an OCR layer that lost the diacritics, and a font without Unicode mapping (digits for marks)
    ("Uy ban nhan dan huyen trien khai ke hoach chuyen doi so trong cac co quan hanh chinh. " * 5, True),
    ("Ngdy 07 th6ng 11, tldng chi Nguy6n Ngoc chir tri bu6i lirm vi6c nghe b6o c5o drinh gi6. " * 5, True),
    ("Uy ban nhan dan", False),  # too little text to judge
])
def test_garbled_text_layer(text, garbled):
    from extractor.blocks import Block
    assert pdf._looks_garbled([Block(PARAGRAPH, text)]) is garbled


# --- bad input --------------------------------------------------------------------------------

def _truncated() -> bytes:
    data = PLAN.read_bytes()
    return data[: len(data) // 2]


@pytest.fixture
def no_ocr(monkeypatch):
    """As on a machine without Tesseract."""
    monkeypatch.setattr(ocr, "missing", lambda: "Tesseract is not installed")


needs_tesseract = pytest.mark.skipif(ocr.missing() is not None, reason=f"OCR not available here: {ocr.missing()}")


@pytest.mark.parametrize("name, data, code", [
    ("pdf_encrypted.pdf", (DATA / "pdf_encrypted.pdf").read_bytes(), "encrypted_pdf"),
    ("pdf_scan.pdf", (DATA / "pdf_scan.pdf").read_bytes(), "no_text_layer"),  # without OCR
    ("not-a-pdf.pdf", b"<html><body>Trang web</body></html>", "corrupt_pdf"),
    ("truncated.pdf", _truncated(), "corrupt_pdf"),
    ("garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n", "corrupt_pdf"),
])
def test_bad_pdf_gives_its_error_naming_the_file(no_ocr, name, data, code):
    with pytest.raises(ReadError) as caught:
        pdf.read(data, Path(name))
    assert caught.value.code == code
    assert name in caught.value.message


@pytest.mark.parametrize("name, code", [("pdf_encrypted.pdf", "encrypted_pdf"), ("pdf_scan.pdf", "no_text_layer")])
def test_bad_pdf_through_parse_is_a_result_with_error(no_ocr, name, code):
    result = extractor.parse(DATA / name)
    assert result.error is not None and result.error.code == code
    assert name in result.error.message


def test_scan_without_ocr_says_how_to_install_it(no_ocr):
    result = extractor.parse(DATA / "pdf_scan.pdf")
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in result.error.message


@needs_tesseract
def test_scan_is_read_by_ocr():
    result = extractor.parse(DATA / "pdf_scan.pdf", include_text=True)
    assert result.error is None
    assert result.source.ocr is True and len(result.source.ocr_confidence) == 1
    assert result.text.strip()


# --- the real PDFs of the shared corpus, by pattern ------------------------------------------

real = pytest.mark.skipif(not REAL.is_dir(), reason="the shared corpus (/work/shared/corpus) is not here")


def _real(prefix: str):
    [path] = REAL.glob(f"{prefix}_*.pdf")
    return path, pdf.read(path.read_bytes(), path)


@real
@pytest.mark.parametrize("prefix, pages, footnotes, tables", [
    ("082", 10, 3, 1),  # a report that puts explanations in footnotes, with one ruled table
    ("084", 2, 0, 0),
    ("087", 1, 1, 0),  # a contact person in a footnote
])
def test_real_pdf_structure(prefix, pages, footnotes, tables):
    path, raw = _real(prefix)
    assert raw.pages == pages
    assert sum(b.kind == FOOTNOTE for b in raw.blocks) == footnotes
    assert sum(b.kind == TABLE for b in raw.blocks) == tables
    body = [b for b in raw.blocks if b.kind in (PARAGRAPH, LIST_ITEM)]
    # the two-column header: the issuer's "Số:" line is read before the Quốc hiệu on the right
    number_line = next(i for i, b in enumerate(body) if clean_line(b.text).startswith("Số:"))
    motto = next(i for i, b in enumerate(body) if clean_line(b.text) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert number_line < motto
    for b in body:
        assert not pdf._PAGE_NUMBER.match(b.text), "a page number was left in"
        # every line that goes on with a sentence was joined to it, across page breaks too
        assert not b.text[0].islower() or re.match(r"[a-zđ]\)", b.text), b.text
        assert "\ufffe" not in b.text
    for b in raw.blocks:
        if b.kind == FOOTNOTE:
            assert re.match(r"\d{1,3} \S", b.text)


@real
def test_real_scan_has_no_text_layer(no_ocr):
    [path] = REAL.glob("090_*.pdf")
    with pytest.raises(ReadError) as caught:
        pdf.read(path.read_bytes(), path)
    assert caught.value.code == "no_text_layer"


@real
def test_real_garbled_text_layer_is_still_read(no_ocr):
    path, raw = _real("089")
    assert raw.pages == 3 and len(raw.blocks) > 10
    assert [code for code, _ in raw.warnings] == ["garbled_text_layer"]
    assert path.name in raw.warnings[0][1]


@real
@needs_tesseract
@pytest.mark.parametrize("prefix, title", [("089", "THÔNG BÁO"), ("090", "KẾ HOẠCH")])
def test_real_scan_and_garbled_layer_are_read_by_ocr(prefix, title):
    path, raw = _real(prefix)
    assert len(raw.ocr_confidence) == raw.pages and all(c > 0.8 for c in raw.ocr_confidence)
    assert any(b.text == title for b in raw.blocks)
    assert [b.page for b in raw.blocks] == sorted(b.page for b in raw.blocks)
