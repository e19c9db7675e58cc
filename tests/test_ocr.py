"""OCR: scan-noise handling on word boxes (no Tesseract needed) and real OCR of pages we render
from a text we know (Tesseract needed: CI installs it)."""
import json
import shutil

import pytest

import extractor
from extractor import ocr, ocr_tables
from extractor.ocr import Word

from scan import character_error_rate, photocopy
from conftest import ROOT

needs_tesseract = pytest.mark.skipif(ocr.missing() is not None,
                                     reason=f"OCR not available here: {ocr.missing()}")
PAGE_W, PAGE_H = 1700, 2400


def line(text: str, left: int, top: int, key: tuple, conf: float = 0.95, height: int = 30) -> list[Word]:
    """Words of one printed line, laid out left to right with ordinary spacing."""
    words, x = [], left
    for token in text.split():
        width = 18 * len(token)
        words.append(Word(token, x, top, width, height, conf, key))
        x += width + 12
    return words


def texts(words: list[Word], page: int = 1) -> list[str]:
    cleaned = [w for w in map(ocr._clean_word, words) if w is not None]
    return [b.text for b in ocr._blocks(cleaned, PAGE_W, PAGE_H, page, 200)]


def test_header_columns_on_one_scanned_line_become_separate_blocks():
    words = (line("ỦY BAN NHÂN DÂN", 150, 140, (1, 1, 1)) + line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 820, 140, (1, 1, 1))
             + line("XÃ TÂN PHÚ", 200, 185, (2, 1, 1)) + line("Độc lập - Tự do - Hạnh phúc", 900, 185, (2, 1, 1))
             + line("KẾ HOẠCH", 760, 400, (3, 1, 1)))
    assert texts(words) == ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                            "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH"]


@pytest.mark.parametrize("printed, handwritten, expected", [
    ("Số:", [("27/KH-UBND", 0.25)], "Số:"),  # below Tesseract's own floor: dropped
    ("Số:", [("Á$3/KH-UBND", 0.45)], "Số: /KH-UBND"),  # unsure digits: the printed symbol stays
    ("Số:", [("27/KH-UBND", 0.93)], "Số: 27/KH-UBND"),  # typed and read surely: kept
])
def test_handwritten_number_is_left_blank(printed, handwritten, expected):
    words = line(printed, 150, 230, (1, 1, 1))
    x = words[-1].right + 12
    words += [Word(text, x, 230, 200, 30, conf, (1, 1, 1)) for text, conf in handwritten]
    assert texts(words) == [expected]


def test_handwritten_day_is_left_blank_but_printed_words_stay():
    words = line("Tân Phú, ngày", 820, 230, (1, 1, 1))
    words.append(Word("đỗ", words[-1].right + 12, 225, 40, 40, 0.35, (1, 1, 1)))
    words += line("tháng", words[-1].right + 12, 230, (1, 1, 1), conf=0.55)  # printed, but near the ink
    words += line("4 năm 2026", words[-1].right + 12, 230, (1, 1, 1))
    assert texts(words) == ["Tân Phú, ngày tháng 4 năm 2026"]


def test_ruling_lines_and_stamp_fragments_are_dropped():
    words = (line("CHỦ TỊCH", 1000, 1800, (5, 1, 1)) + [Word("——====", 1000, 1840, 300, 10, 0.4, (5, 1, 2)),
                                                         Word("|", 1320, 1800, 4, 40, 0.8, (5, 1, 1)),
                                                         Word("ˆ", 1350, 1850, 8, 8, 0.7, (5, 1, 2)),
                                                         Word("Kí", 1100, 1880, 60, 60, 0.12, (5, 1, 3))]
             + line("Trần Văn Bình", 1000, 2000, (6, 1, 1)))
    assert texts(words) == ["CHỦ TỊCH", "Trần Văn Bình"]


@pytest.mark.parametrize("read, fixed", [
    ("L. MỤC ĐÍCH, YÊU CẦU", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("IL. NỘI DUNG", "II. NỘI DUNG"),
    ("1I. NỘI DUNG", "II. NỘI DUNG"),
    ("IIL. TỔ CHỨC THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN"),
    ("1. Mục đích", "1. Mục đích"),  # an Arabic number before ordinary text is right as it is
    ("L. được ghi nhận", "L. được ghi nhận"),  # not before a heading: left alone
])
def test_roman_numerals_misread(read, fixed):
    assert texts(line(read, 150, 800, (3, 1, 1))) == [fixed]


def test_hyphenated_word_and_broken_sentence_are_joined_bullets_start_blocks():
    words = (line("- Tổ chức tuyên truyền về cải cách hành chính trên hệ thống truyền thanh cơ-", 150, 800, (3, 1, 1))
             + line("sở và mạng xã hội của xã;", 150, 840, (3, 1, 2))
             + line("_ Phát hành tờ gấp về thủ tục hành chính", 150, 880, (3, 1, 3))
             + line("thường gặp đến từng thôn.", 150, 920, (3, 2, 1)))
    assert texts(words) == [
        "- Tổ chức tuyên truyền về cải cách hành chính trên hệ thống truyền thanh cơsở và mạng xã hội của xã;",
        "- Phát hành tờ gấp về thủ tục hành chính thường gặp đến từng thôn.",
    ]


def test_page_number_at_the_foot_is_dropped():
    words = line("Nội dung trang hai của kế hoạch.", 150, 300, (1, 1, 1)) + line("2", 840, 2300, (9, 1, 1))
    assert texts(words, page=2) == ["Nội dung trang hai của kế hoạch."]


@pytest.fixture(scope="module")
def printed_pages():
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(ROOT / "tests/data/ocr_page.pdf")
    return [photocopy(pdf[i].render(scale=ocr.DPI / 72, grayscale=True).to_pil(), seed=i) for i in range(len(pdf))]


@needs_tesseract
def test_photocopied_pages_read_with_under_two_percent_character_errors(printed_pages):
    reference = (ROOT / "tests/data/ocr_page.txt").read_text(encoding="utf-8")
    pages = ocr.ocr_images(printed_pages)
    text = extractor.document.assemble(ocr.to_raw(pages, "pdf")).text
    assert character_error_rate(reference, text) < 0.02
    assert all(p.confidence > 0.8 for p in pages)


@needs_tesseract
def test_scanned_pdf_and_multipage_tiff_give_a_result_like_a_born_digital_file(tmp_path, printed_pages):
    scan = tmp_path / "kh_ngay_hoi_doc_sach_scan.pdf"
    printed_pages[0].save(scan, "PDF", resolution=ocr.DPI, save_all=True, append_images=printed_pages[1:])
    tiff = tmp_path / "kh_ngay_hoi_doc_sach.tif"
    pages = [p.copy() for p in printed_pages]  # Pillow keeps the PDF save's settings on the images
    pages[0].save(tiff, save_all=True, append_images=pages[1:], compression="tiff_lzw")
    for path in (scan, tiff):
        result = extractor.parse(path, include_text=True)
        assert result.error is None, result.error
        assert result.source.ocr is True
        assert result.source.pages == 2 and len(result.source.ocr_confidence) == 2
        text = result.text
        # page order kept: page 1's title before page 2's closing request
        assert "Tổ chức Ngày hội đọc sách năm 2026" in text
        assert text.index("Ngày hội đọc sách") < text.index("quyên góp sách.")
        assert "112/KH-UBND" in text


def test_image_without_tesseract_says_how_to_install(tmp_path, monkeypatch):
    from PIL import Image

    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = tmp_path / "trang.png"
    Image.new("L", (200, 100), 255).save(path)
    result = extractor.parse(path)
    assert result.error.code == "ocr_unavailable"
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in result.error.message
    assert "trang.png" in result.error.message


def test_corrupt_image_is_an_error_not_a_traceback(tmp_path):
    path = tmp_path / "hong.jpg"
    path.write_bytes(b"\xff\xd8\xff" + b"not really a jpeg" * 10)
    assert extractor.parse(path).error.code == "corrupt_image"


@pytest.mark.parametrize("read, mended", [
    ("KÊ HOẠCH", "KẾ HOẠCH"),
    ("CỌNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Độc lập - Tư do - Hạnh phúc", "Độc lập - Tự do - Hạnh phúc"),
    ("THÔNG BAO", "THÔNG BÁO"),
    ("Kế hoạch này", "Kế hoạch này"),  # not a fixed line: left as read
])
def test_fixed_lines_get_their_diacritics_back(read, mended):
    assert texts(line(read, 700, 500, (4, 1, 1))) == [mended]


def test_a_lone_letter_is_a_stamp_fragment():
    words = line("R", 300, 200, (2, 1, 1)) + line("Nội dung chính của trang.", 150, 600, (3, 1, 1))
    assert texts(words) == ["Nội dung chính của trang."]


def test_look_alike_characters_are_mended():
    assert texts(line("Quyết định số 214⁄QÐ-UBND", 150, 700, (3, 1, 1))) == ["Quyết định số 214/QĐ-UBND"]


@needs_tesseract
def test_pdf_with_one_scanned_page_keeps_its_text_page_and_reads_the_scan(tmp_path, printed_pages):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    path = tmp_path / "bao_cao_mot_trang_scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("DejaVu", 12)
    c.drawString(72, 760, "BÁO CÁO")
    c.drawString(72, 740, "Kết quả tổ chức Ngày hội đọc sách, trang đầu có lớp chữ.")
    c.showPage()
    width, height = A4
    c.drawImage(ImageReader(printed_pages[1]), 0, 0, width=width, height=height)  # the signed page, scanned
    c.showPage()
    c.save()
    result = extractor.parse(path, include_text=True)
    assert result.error is None
    assert result.source.ocr is True
    assert result.source.ocr_confidence[0] is None and result.source.ocr_confidence[1] > 0.8
    text = result.text
    assert text.index("trang đầu có lớp chữ") < text.index("quyên góp sách")


@pytest.mark.parametrize("read, mended", [
    ("theo Quyết định số 21 4/QĐ-UBND ngày 12/01/2026", "theo Quyết định số 214/QĐ-UBND ngày 12/01/2026"),
    ("Trung tâm Quản {ý chất lượng", "Trung tâm Quản lý chất lượng"),
    ("ngày 12 tháng 4 năm 2026", "ngày 12 tháng 4 năm 2026"),  # numbers apart before no symbol stay apart
])
def test_numbers_split_by_a_space_and_braces_for_l_are_mended(read, mended):
    assert texts(line(read, 150, 700, (3, 1, 1))) == [mended]


# --- ruled tables in scans ----------------------------------------------------------------------

def ruled_page(skew_degrees: float = 0.0):
    """A 200-dpi page with a ruled 3-column table (its last column merged over rows 2-3), a
    framed box and an underline: only the table is a grid."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (PAGE_W, PAGE_H), 255)
    draw = ImageDraw.Draw(image)
    xs, ys = [200, 320, 900, 1400], [600, 700, 820, 940, 1060]
    for y in ys:
        right = xs[-1] if y != 820 else xs[2]  # no border between rows 2 and 3 in the last column
        draw.line([(xs[0], y), (right, y)], fill=0, width=3)
    for x in xs:
        draw.line([(x, ys[0]), (x, ys[-1])], fill=0, width=3)
    draw.rectangle([1100, 1600, 1500, 1700], outline=0, width=3)  # a framed mark: one box
    draw.line([(700, 300), (1000, 300)], fill=0, width=2)  # the line under the motto
    for x in range(220, 860, 40):
        draw.line([(x, 750), (x + 25, 750)], fill=0, width=3)  # dashes, like text strokes
    return image.rotate(skew_degrees, resample=3, fillcolor=255)


@pytest.mark.parametrize("skew", [0.0, 0.8, -1.0])
def test_a_ruled_table_is_found_as_one_grid_whatever_the_skew(skew):
    grids = ocr_tables.find_grids(ruled_page(skew), 200)
    assert len(grids) == 1
    grid = grids[0]
    assert (len(grid.xs), len(grid.ys)) == (4, 5)
    assert grid.owner(2, 2) == (1, 2)  # the merged cell: one cell, its text in the top one
    assert grid.owner(2, 1) == (2, 1)
    assert grid.cell_of(260, 650) == (0, 0)
    assert grid.cell_of(100, 650) is None


def test_table_rows_drop_what_merged_cells_leave_empty():
    grid = ocr_tables.find_grids(ruled_page(), 200)[0]
    texts = {(0, 0): "TT", (0, 1): "Nội dung", (0, 2): "Chủ trì", (1, 0): "1", (1, 1): "Rà soát",
             (1, 2): "Văn phòng", (2, 0): "2", (2, 1): "Niêm yết", (3, 0): "3", (3, 1): "Đối thoại",
             (3, 2): "Công an xã"}
    assert ocr_tables.table_rows(grid, texts) == [["TT", "Nội dung", "Chủ trì"], ["1", "Rà soát", "Văn phòng"],
                                                  ["2", "Niêm yết", ""], ["3", "Đối thoại", "Công an xã"]]


def test_a_table_takes_the_place_of_its_words_in_reading_order():
    grid = ocr_tables.find_grids(ruled_page(), 200)[0]
    words = (line("Tiến độ thực hiện như sau:", 200, 520, (1, 1, 1))
             + line("1 Rà soát Văn phòng", 220, 730, (2, 1, 1))  # inside: read with the table
             + line("Giao Văn phòng theo dõi.", 200, 1120, (3, 1, 1)))
    block = extractor.blocks.table([["TT", "Nội dung", "Chủ trì"], ["1", "Rà soát", "Văn phòng"]], 1)
    out = ocr._blocks(words, PAGE_W, PAGE_H, 1, 200, [(grid, block)])
    assert [b.kind for b in out] == ["paragraph", "table", "paragraph"]
    assert out[0].text == "Tiến độ thực hiện như sau:" and out[2].text == "Giao Văn phòng theo dõi."


@pytest.fixture(scope="module")
def scanned_table():
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(ROOT / "tests/data/ocr_table.pdf")
    image = photocopy(pdf[0].render(scale=ocr.DPI / 72, grayscale=True).to_pil(), seed=3)
    image.info["dpi"] = (ocr.DPI, ocr.DPI)
    return image


@needs_tesseract
def test_photocopied_ruled_table_reads_as_rows_and_cells(scanned_table):
    expected = json.loads((ROOT / "tests/data/ocr_table.json").read_text(encoding="utf-8"))
    blocks = ocr.ocr_image(scanned_table, 1).blocks
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "table", "paragraph", "paragraph"]
    rows = [[c.text for c in row] for row in blocks[2].rows]
    assert len(rows) == len(expected["rows"]) and all(len(r) == 5 for r in rows)
    assert [r[0] for r in rows] == ["STT", "1", "2", "3"]
    assert rows[2][4] == ""  # under the merged cell
    read = " | ".join(c for row in rows for c in row)
    assert character_error_rate(" | ".join(c for row in expected["rows"] for c in row), read) < 0.03
    assert blocks[3].text == expected["after"][0]


@needs_tesseract
def test_tasks_of_a_scanned_table_are_found(tmp_path, scanned_table):
    path = tmp_path / "tien_do_scan.png"
    scanned_table.save(path, dpi=(ocr.DPI, ocr.DPI))
    result = extractor.parse(path)
    assert result.error is None
    from_table = [a for a in result.assignments if a.source == "table"]
    assert len({a.task for a in from_table}) == 3
    assert {(a.agency, a.role) for a in from_table} >= {("Công an xã", "support"), ("Hội Nông dân xã", "support"),
                                                        ("Phòng Văn hóa - Xã hội", "lead")}
