"""The .txt reader: the kinds of text plans arrive as, each read into the document it holds.

Table-driven on text written for these tests (markdown export, web copy, pdftotext layout,
plain lines), plus pattern checks on the real documents of ../shared/corpus when it is there.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.blocks import LIST_ITEM, TABLE
from extractor.document import from_text
from extractor.readers.txt import read

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# --- a legal-database markdown export ---------------------------------------------------------
MARKDOWN_EXPORT = """\
*Source: https://legal-database.example/van-ban/Ke-hoach-45-KH-UBND-2025.aspx*

# Về việc phê duyệt quy hoạch chung đô thị của một tỉnh khác

|
**ỦY BAN NHÂN DÂN
**
TỈNH HÀ GIANG
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
45/KH-UBND
|
*Hà Giang, ngày 05
tháng 3 năm 2025*
|

** **

**KẾ HOẠCH**

TRIỂN KHAI CÔNG TÁC PHÒNG, CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN
TRÊN ĐỊA BÀN TỈNH NĂM 2025

Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm
2013;

Thực hiện Chỉ thị số 05/CT-TTg ngày 10/02/2025 của Thủ tướng
Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai công tác phòng, chống
thiên tai năm 2025 như sau:

**I. MỤC ĐÍCH,
YÊU CẦU**

**1. Mục đích**

**2.**
Các hoạt động chủ yếu được thực hiện trong mùa mưa bão.

- Chủ động phòng ngừa, ứng phó kịp thời, hiệu quả với các loại hình thiên tai,
giảm thiểu thiệt hại về người và tài sản;
- Nâng cao nhận thức của cộng đồng về phòng, chống thiên tai.

* *

|
Nơi nhận:
- Bộ Nông nghiệp và Môi trường;
- Các sở, ban, ngành;
- Lưu: VT.
|
**KT. CHỦ TỊCH **
PHÓ CHỦ TỊCH
**Lò Văn Sơn**
|
"""
MARKDOWN_EXPORT_BLOCKS = [
    "ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Số: 45/KH-UBND", "Hà Giang, ngày 05 tháng 3 năm 2025",
    "KẾ HOẠCH",
    "TRIỂN KHAI CÔNG TÁC PHÒNG, CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN TRÊN ĐỊA BÀN TỈNH NĂM 2025",
    "Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;",
    "Thực hiện Chỉ thị số 05/CT-TTg ngày 10/02/2025 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban "
    "hành Kế hoạch triển khai công tác phòng, chống thiên tai năm 2025 như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "2. Các hoạt động chủ yếu được thực hiện trong mùa mưa bão.",
    "- Chủ động phòng ngừa, ứng phó kịp thời, hiệu quả với các loại hình thiên tai, giảm thiểu thiệt hại "
    "về người và tài sản;",
    "- Nâng cao nhận thức của cộng đồng về phòng, chống thiên tai.",
    "Nơi nhận:", "- Bộ Nông nghiệp và Môi trường;", "- Các sở, ban, ngành;", "- Lưu: VT.",
    "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lò Văn Sơn",
]

# --- a markdown export whose tables are whole pipe rows --------------------------------------
PIPE_TABLES = """\
# Tiêu đề của một văn bản khác

| SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NAM SƠN ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
|---|---|
| Số: 210/KH-SGDĐT | Nam Sơn, ngày 02 tháng 4 năm 2024 |

KẾ HOẠCH

Tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2024-2025

| STT | Nội dung công việc | Đơn vị chủ trì | Thời gian |
|---|---|---|---|
| 1 | Ra đề thi | Phòng Khảo thí | Tháng 10/2024 |
| 2 | Tổ chức coi thi | Các trường THPT | Tháng 11/2024 |

| Nơi nhận: - Bộ Giáo dục và Đào tạo; - Lưu: VT. | GIÁM ĐỐC Phạm Minh Châu |
|---|---|
"""
PIPE_TABLES_BLOCKS = [
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NAM SƠN",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Số: 210/KH-SGDĐT", "Nam Sơn, ngày 02 tháng 4 năm 2024",
    "KẾ HOẠCH", "Tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2024-2025",
    [["STT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian"],
     ["1", "Ra đề thi", "Phòng Khảo thí", "Tháng 10/2024"],
     ["2", "Tổ chức coi thi", "Các trường THPT", "Tháng 11/2024"]],
    "Nơi nhận:", "- Bộ Giáo dục và Đào tạo;", "- Lưu: VT.",
    "GIÁM ĐỐC Phạm Minh Châu",
]

# --- text copied from a portal page -------------------------------------------------------------
WEB_COPY = """\
image banner
CHÀO MỪNG KỶ NIỆM 80 NĂM NGÀY THÀNH LẬP TỈNH
Kế hoạch tuyên truyền phổ biến pháp luật năm 2025 của xã Yên Lạc

Tài liệu đính kèm: Tải về

KẾ HOẠCH

Tuyên truyền, phổ biến giáo dục pháp luật năm 2025

Căn cứ Kế hoạch số 12/KH-UBND ngày 08/01/2025 của UBND huyện về phổ biến giáo dục pháp luật năm 2025.

I. MỤC ĐÍCH, YÊU CẦU

Nâng cao ý thức chấp hành pháp luật của cán bộ và Nhân dân trên địa bàn xã.

II. TỔ CHỨC THỰC HIỆN

Công chức Tư pháp - Hộ tịch chủ trì, phối hợp với các ban, ngành đoàn thể triển khai thực hiện.

Lượt xem: 215
Tác giả: UBND xã Yên Lạc
Tin liên quan

Xã Yên Lạc tổ chức hội nghị tổng kết năm 2024
Bình chọn
Thống kê truy cập
Đang online: 3
Hôm nay: 41
"""
WEB_COPY_BLOCKS = [
    "KẾ HOẠCH", "Tuyên truyền, phổ biến giáo dục pháp luật năm 2025",
    "Căn cứ Kế hoạch số 12/KH-UBND ngày 08/01/2025 của UBND huyện về phổ biến giáo dục pháp luật năm 2025.",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Nâng cao ý thức chấp hành pháp luật của cán bộ và Nhân dân trên địa bàn xã.",
    "II. TỔ CHỨC THỰC HIỆN",
    "Công chức Tư pháp - Hộ tịch chủ trì, phối hợp với các ban, ngành đoàn thể triển khai thực hiện.",
]

NEWS_COPY = """\
tin hoạt động

Xã Yên Lạc triển khai kế hoạch chuyển đổi số năm 2025
 | Lượt xem: 98

Ngày 15/3/2025, UBND xã Yên Lạc tổ chức hội nghị triển khai kế hoạch chuyển đổi số năm 2025.

- Số hóa 100% hồ sơ thủ tục hành chính tiếp nhận tại bộ phận một cửa.

File văn bản đính kèm:

Tin tức

Thống kê truy cập
  • Đang online: 1
CỔNG THÔNG TIN ĐIỆN TỬ XÃ YÊN LẠC
Cơ quan chủ quản: UBND xã Yên Lạc
"""
NEWS_COPY_BLOCKS = [
    "Xã Yên Lạc triển khai kế hoạch chuyển đổi số năm 2025",
    "Ngày 15/3/2025, UBND xã Yên Lạc tổ chức hội nghị triển khai kế hoạch chuyển đổi số năm 2025.",
    "- Số hóa 100% hồ sơ thủ tục hành chính tiếp nhận tại bộ phận một cửa.",
]

# --- pdftotext -layout output ---------------------------------------------------------------
LAYOUT = """\
  UBND TỈNH NAM SƠN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
   SỞ Y TẾ                                Độc lập - Tự do - Hạnh phúc

   Số: 315 /SYT-NVY                  Nam Sơn, ngày 12 tháng 5 năm 2025
 V/v tăng cường phòng, chống
  dịch sốt xuất huyết

                 Kính gửi: Các bệnh viện và trung tâm y tế trong tỉnh.

      Thực hiện Công văn số 1120/BYT-DP ngày 05/5/2025 của Bộ Y tế về việc
tăng cường phòng, chống dịch sốt xuất huyết, Sở Y tế đề nghị các đơn vị triển
khai ngay các nội dung sau:
      1. Tổ chức giám sát chặt chẽ các ca bệnh tại cộng đồng, xử lý triệt để ổ
dịch, không để dịch lan rộng.
                                        1
\f      2. Bảo đảm đủ thuốc, vật tư và trang thiết bị phục vụ công tác điều trị.
 Nơi nhận:                                          KT. GIÁM ĐỐC
 - Như trên;                                        PHÓ GIÁM ĐỐC
 - Lưu: VT, NVY.
                                                    Hoàng Văn Đức
"""
LAYOUT_BLOCKS = [
    "UBND TỈNH NAM SƠN", "SỞ Y TẾ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Số: 315 /SYT-NVY", "V/v tăng cường phòng, chống dịch sốt xuất huyết",
    "Nam Sơn, ngày 12 tháng 5 năm 2025",
    "Kính gửi: Các bệnh viện và trung tâm y tế trong tỉnh.",
    "Thực hiện Công văn số 1120/BYT-DP ngày 05/5/2025 của Bộ Y tế về việc tăng cường phòng, chống "
    "dịch sốt xuất huyết, Sở Y tế đề nghị các đơn vị triển khai ngay các nội dung sau:",
    "1. Tổ chức giám sát chặt chẽ các ca bệnh tại cộng đồng, xử lý triệt để ổ dịch, không để dịch lan rộng.",
    "2. Bảo đảm đủ thuốc, vật tư và trang thiết bị phục vụ công tác điều trị.",
    "Nơi nhận:", "- Như trên;", "- Lưu: VT, NVY.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hoàng Văn Đức",
]

# --- plain lines: one paragraph a line; a flattened table stays one cell a line ----------------
PLAIN_LINES = """\
BÁO CÁO
Kết quả thực hiện công tác cải cách hành chính quý I năm 2025 và
phương hướng, nhiệm vụ quý II năm 2025
I. KẾT QUẢ THỰC HIỆN
Trong quý I, Ủy ban nhân dân huyện đã ban hành 05 kế hoạch triển khai nhiệm vụ cải cách hành chính.
STT
Chỉ tiêu
Kết quả
1
Tỷ lệ hồ sơ giải quyết đúng hạn
98,5%
2
hồ sơ trực tuyến
1.250
"""
PLAIN_LINES_BLOCKS = [
    "BÁO CÁO",
    "Kết quả thực hiện công tác cải cách hành chính quý I năm 2025 và phương hướng, nhiệm vụ quý II năm 2025",
    "I. KẾT QUẢ THỰC HIỆN",
    "Trong quý I, Ủy ban nhân dân huyện đã ban hành 05 kế hoạch triển khai nhiệm vụ cải cách hành chính.",
    "STT", "Chỉ tiêu", "Kết quả", "1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "98,5%", "2",
    "hồ sơ trực tuyến", "1.250",
]


# --- text wrapped at a fixed column with no blank line between paragraphs (e-mail, old exports)
FIXED_WIDTH = """\
CÔNG VĂN
Về việc báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số năm 2025
Kính gửi: Sở Thông tin và Truyền thông tỉnh Nam Sơn.
Thực hiện Công văn số 210/STTTT-CĐS ngày 02/12/2025 của Sở Thông tin và
Truyền thông về việc báo cáo kết quả chuyển đổi số năm 2025, Ủy ban nhân dân
huyện Yên Lạc báo cáo như sau:
1. Hạ tầng số: 100% cơ quan, đơn vị cấp huyện và cấp xã được kết nối mạng
truyền số liệu chuyên dùng; 85% hộ gia đình có kết nối Internet cáp quang.
2. Dịch vụ công trực tuyến: tỷ lệ hồ sơ nộp trực tuyến đạt 62%, tăng 15% so
với năm 2024.
Ủy ban nhân dân huyện Yên Lạc kính báo cáo Sở Thông tin và Truyền thông tổng
hợp./.
"""
FIXED_WIDTH_BLOCKS = [
    "CÔNG VĂN",
    "Về việc báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số năm 2025",
    "Kính gửi: Sở Thông tin và Truyền thông tỉnh Nam Sơn.",
    "Thực hiện Công văn số 210/STTTT-CĐS ngày 02/12/2025 của Sở Thông tin và Truyền thông về việc báo cáo "
    "kết quả chuyển đổi số năm 2025, Ủy ban nhân dân huyện Yên Lạc báo cáo như sau:",
    "1. Hạ tầng số: 100% cơ quan, đơn vị cấp huyện và cấp xã được kết nối mạng truyền số liệu chuyên dùng; "
    "85% hộ gia đình có kết nối Internet cáp quang.",
    "2. Dịch vụ công trực tuyến: tỷ lệ hồ sơ nộp trực tuyến đạt 62%, tăng 15% so với năm 2024.",
    "Ủy ban nhân dân huyện Yên Lạc kính báo cáo Sở Thông tin và Truyền thông tổng hợp./.",
]


def texts(blocks):
    return [[[c.text for c in row] for row in b.rows] if b.kind == TABLE else b.text for b in blocks]


@pytest.mark.parametrize("text, expected", [
    (MARKDOWN_EXPORT, MARKDOWN_EXPORT_BLOCKS),
    (PIPE_TABLES, PIPE_TABLES_BLOCKS),
    (WEB_COPY, WEB_COPY_BLOCKS),
    (NEWS_COPY, NEWS_COPY_BLOCKS),
    (LAYOUT, LAYOUT_BLOCKS),
    (PLAIN_LINES, PLAIN_LINES_BLOCKS),
    (FIXED_WIDTH, FIXED_WIDTH_BLOCKS),
], ids=["markdown-export", "pipe-tables", "web-copy", "news-copy", "pdftotext-layout", "plain-lines",
        "fixed-width"])
def test_blocks_from_text(text, expected):
    assert texts(from_text(text).blocks) == expected


@pytest.mark.parametrize("text, bold_blocks", [
    (MARKDOWN_EXPORT, {"ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH",
                       "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "KT. CHỦ TỊCH", "Lò Văn Sơn"}),
    ("**1**. **Tổ chức thực hiện**\n\nĐoạn văn **có một chữ đậm** ở giữa câu dài hơn phần đậm.",
     {"1. Tổ chức thực hiện"}),
])
def test_bold_marks_become_style(text, bold_blocks):
    blocks = from_text(text).blocks
    assert {b.text for b in blocks if b.style.bold} == bold_blocks
    assert not any("*" in b.text for b in blocks)


def test_bullets_are_list_items():
    blocks = from_text(MARKDOWN_EXPORT).blocks
    assert {b.text for b in blocks if b.kind == LIST_ITEM} == {
        b for b in MARKDOWN_EXPORT_BLOCKS if isinstance(b, str) and b.startswith("- ")}


@pytest.mark.parametrize("name, expected", [
    ("txt_tcvn3_ke_hoach.txt", ["KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2026",
                                "Căn cứ Kế hoạch số 15/KH-UBND của ủy ban nhân dân huyện.",
                                "I. MỤC ĐÍCH, YÊU CẦU"]),
    ("txt_vni_bao_cao.txt", ["BÁO CÁO", "Kết quả thực hiện nhiệm vụ năm 2025",
                             "Thực hiện Kế hoạch số 20/KH-UBND, Ủy ban nhân dân xã báo cáo như sau:"]),
])
def test_legacy_encoded_files(name, expected):
    path = DATA / name
    assert texts(read(path.read_bytes(), path).blocks) == expected


# --- the real documents, when ../shared/corpus is beside the project ---------------------------
REAL_TEXTS = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []
CHROME_STARTS = ("Lượt xem", "| Lượt xem", "Tin liên quan", "Thống kê truy cập", "Tài liệu đính kèm",
                 "image banner", "File văn bản đính kèm", "Cơ quan chủ quản", "*Source", "Source:", "# ")


@pytest.mark.skipif(not REAL_TEXTS, reason="../shared/corpus is not beside the project")
@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: p.name[:40])
def test_real_documents(path):
    blocks = read(path.read_bytes(), path).blocks
    lines = [b.text for b in blocks if b.kind != TABLE]
    assert lines, "no text read"
    assert not [l for l in lines if l.startswith(CHROME_STARTS)]
    assert not [l for l in lines if l.strip("|* ") == ""]
    head = lines[:12]
    quoc_hieu = [l for l in head if l.upper().startswith(("CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI"))]
    if quoc_hieu:  # the header table / columns became separate blocks
        assert quoc_hieu[0] in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        assert any(l.startswith("Độc lập") for l in head)
        number = [l for l in head if l.startswith("Số")]
        assert number and len(number[0]) < 40


def test_tcvn3_sample_reads_as_its_unicode_original():
    """corpus/*_tcvn3.txt (tests/data/make_tcvn3_sample.py) gives the UTF-8 plan's result."""
    from extractor import parse

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    legacy = parse(corpus / "kh_15_ubnd_hoa_minh_tuyen_truyen_cchc_2026_tcvn3.txt")
    unicode = parse(corpus / "kh_15_ubnd_hoa_minh_tuyen_truyen_cchc_2026.txt")
    assert legacy.error is None
    assert legacy.document.number == unicode.document.number == "15/KH-UBND"
    assert legacy.document.title == unicode.document.title
    assert [(s.number, s.heading) for s in legacy.sections] == [(s.number, s.heading) for s in unicode.sections]
    assert [c.number for c in legacy.citations] == [c.number for c in unicode.citations]


@pytest.mark.parametrize("line, chrome, tail", [
    ("Lượt xem: 1.234", True, False),
    (" | Lượt xem: 115", True, False),
    ("Tài liệu đính kèm: Tải về", True, False),
    ("File văn bản đính kèm:", True, False),
    ("image banner", True, False),
    ("In trang | Gửi bạn bè | Chia sẻ", True, False),
    ("Từ khóa: chuyển đổi số, dịch vụ công", True, False),
    ("Digitally signed by SỞ NỘI VỤ TỈNH NAM SƠN", True, False),
    ("Nội dung toàn văn Hướng dẫn xem chi tiết tại đây", True, False),
    ("Tin liên quan", False, True),
    ("Thống kê truy cập", False, True),
    ("Các tin khác:", False, True),
    ("Cơ quan chủ quản: Ủy ban nhân dân xã Yên Lạc", False, True),
    # document lines that share words with page chrome stay
    ("Tin tức, bài viết về cải cách hành chính được đăng tải thường xuyên.", False, False),
    ("Thống kê số liệu truy cập dịch vụ công trực tuyến của người dân.", False, False),
    ("Tài liệu tuyên truyền được in và phát tới các tổ dân phố.", False, False),
    ("Hôm nay, ngày 12/01/2026, tại trụ sở Ủy ban nhân dân xã", False, False),
    ("Tải về và cài đặt ứng dụng VNeID trên điện thoại di động.", False, False),
    ("Tin liên quan đến dịch bệnh được cập nhật hằng ngày.", False, False),
    ("Trang thông tin điện tử của xã đăng tải 25 tin bài.", False, False),
])
def test_page_chrome_lines(line, chrome, tail):
    from extractor.readers.webpage import is_chrome_line, is_tail_marker

    assert (is_chrome_line(line), is_tail_marker(line)) == (chrome, tail)


def test_layout_title_is_centred():
    text = (
        "    UBND HUYỆN YÊN LẠC             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "                                         Độc lập - Tự do - Hạnh phúc\n"
        "\n"
        "    Số: 12/KH-UBND                   Yên Lạc, ngày 03 tháng 3 năm 2025\n"
        "\n"
        "                                KẾ HOẠCH\n"
        "          Kiểm tra công tác cải cách hành chính năm 2025 của huyện\n"
        "\n"
        "      Căn cứ Kế hoạch cải cách hành chính năm 2025 của Ủy ban nhân dân huyện,\n"
        "Ủy ban nhân dân huyện ban hành Kế hoạch kiểm tra công tác cải cách hành chính\n"
        "năm 2025 như sau:\n"
    )
    blocks = from_text(text).blocks
    assert [b.text for b in blocks if b.style.centered] == [
        "KẾ HOẠCH", "Kiểm tra công tác cải cách hành chính năm 2025 của huyện"]
    assert blocks[-1].text.startswith("Căn cứ Kế hoạch") and blocks[-1].text.endswith("năm 2025 như sau:")


def test_every_white_space_but_the_space_is_unprintable():
    # webpage.single_spaced returns a printable text without double spaces as it is
    import sys

    assert all(not chr(c).isprintable() for c in range(sys.maxunicode + 1)
               if chr(c).isspace() and c != 0x20)


@pytest.mark.parametrize("text", [
    "", " ", "Kế hoạch", " Kế hoạch", "Kế hoạch ", "Kế  hoạch", "Kế\thoạch", "Kế\u00a0hoạch",
    "Kế\u2003 hoạch", "Kế\u200bhoạch", "a\x1cb", " \u3000 ",
])
def test_single_spaced(text):
    from extractor.readers.webpage import single_spaced

    assert single_spaced(text) == " ".join(text.split())


def test_case_folding_keeps_white_space():
    # webpage._line_keys folds the case of all lines at once and collapses the spaces after
    import sys

    for c in map(chr, range(sys.maxunicode + 1)):
        folded = c.casefold()
        assert folded == c if c.isspace() else folded and not any(f.isspace() for f in folded)


def test_line_keys_are_the_keys_of_each_line():
    from extractor.readers.webpage import _MAX_CHROME_LINE, _line_keys, line_key

    lines = ["", " ", "**Lượt xem:** 131", "\u0301Tin liên quan", ">\u0338 a", "TẢI  VỀ\u00a0", "Straße ǅ İ",
             "| Tin | khác |", "e\u0302\u0301 ## X", "x" * 200 + " A", "Kế hoạch", "Kế\u200bhoạch _a_"]
    assert _line_keys(lines) == [line_key(l) if 0 < len(l) < _MAX_CHROME_LINE else l.strip() for l in lines]
    html_blocks = ["Tin liên quan\nTin  khác", "Lượt xem: 3"]  # an html block can hold a line break
    assert _line_keys(html_blocks) == [line_key(l) for l in html_blocks]


def _first_words(items, starts: set[str]) -> tuple[set[str], set[str]]:
    """(starts still open, first words ended) after the parsed regex `items`, from `starts`.

    A first word is the literal text a match opens with, up to a space or to anything not
    literal (class, dot, ...): every key the regex matches begins with one of them. A key holds
    no markdown mark and opens with no space, so a path through either goes nowhere.
    """
    from re import _constants as c

    ended: set[str] = set()
    for op, arg in items:
        if op is c.LITERAL and not chr(arg).isspace():
            starts = set() if chr(arg) in "*#>|_" else {s + chr(arg) for s in starts}
        elif op is c.SUBPATTERN:
            starts, more = _first_words(arg[-1], starts)
            ended |= more
        elif op is c.BRANCH:
            branches = [_first_words(branch, starts) for branch in arg[1]]
            starts = set().union(*(open_ for open_, _ in branches))
            ended = ended.union(*(more for _, more in branches))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _, repeated = arg
            once, more = _first_words(repeated, starts)
            ended |= more
            if low == 0:
                starts = starts | once
            else:  # (what further rounds add is not looked at: the word so far is its start)
                assert "" not in once, "a pattern must open with a literal word"
                ended, starts = ended | once, set()
        else:  # a space (literal or \s), or anything not literal: the word ends here
            spaces = (op is c.LITERAL or (op is c.IN and arg == [(c.CATEGORY, c.CATEGORY_SPACE)]))
            assert spaces or "" not in starts, "a pattern must open with a literal word"
            ended, starts = ended | (starts - {""}), set()
    return starts, ended


def test_first_words_of_page_chrome_cover_every_pattern():
    # webpage matches a short line against the chrome patterns only when its key begins with
    # one of page_chrome.toml's first_words: every line a pattern matches must begin so
    from re import _parser

    from extractor.readers.webpage import _chrome_table

    table = _chrome_table()
    index = tuple(table["first_words"])
    assert not any(" " in word or word != word.casefold() for word in index)
    derived = set()
    for pattern in table["remove_lines"] + table["tail_markers"]:
        open_, ended = _first_words(_parser.parse(pattern), {""})
        words = ended | (open_ - {""})
        assert words and "" not in open_, pattern
        assert all(word.startswith(index) for word in words), (pattern, words)
        derived |= words
    assert all(any(w.startswith(word) for w in derived) for word in index)  # nothing stale


@pytest.mark.parametrize("lines", [
    ["Tin liên quan"], ["  **Lượt xem:** 131"], ["x" * 200, "Bản quyền " + "x" * 200], ["Tin\nkhác"],
    ["Kế hoạch", "", "In trang | Gửi bạn bè"], ["KẾ HOẠCH", "Nội dung"], ["©2025 Cổng thông tin"],
])
def test_lines_that_may_be_chrome(lines):
    from extractor.readers.webpage import _line_keys, _may_hold_chrome, _patterns

    chrome = any(_patterns()["chrome"].match(key) for key in _line_keys(lines) if key)
    assert _may_hold_chrome(lines) or not chrome


@pytest.mark.parametrize("text, ends", [
    ("Thực hiện như sau:", True),
    ("năm 2025;", True),
    ("hoàn thành.”", True),
    ("hoàn thành. ”) ", True),
    ("(xem Phụ lục…)", True),
    ("hoàn thành.” )", False),  # space, then another closing mark: not what the rule allows
    ("tăng tốc,", False),
    ("", False),
    ("\"", False),
])
def test_ends_sentence(text, ends):
    from extractor.readers.txt import _ends_sentence

    assert _ends_sentence(text) == ends


@pytest.mark.parametrize("text", [
    "", " ", "Kế hoạch", "**I. MỤC ĐÍCH, YÊU CẦU**", "100% đội ngũ; 2025–2030", "“Tết” …", "a_b 1²3 Ⅻ ½",
    "e\u0301\u00a0x", "\ud800ab", "ß İ ǅ", "\x00\x7f~", "日本語 2", "Điều 3.", "٣ ۳ a",
])
def test_letters_are_counted_as_the_regex_counts_them(text):
    from extractor.readers.txt import _LETTERS, _letters

    assert _letters(text) == sum(map(len, _LETTERS.findall(text)))
