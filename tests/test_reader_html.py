"""The .html/.htm reader on portal pages written for these tests (tests/data/html_*.htm*).

Each page has what a government portal wraps around a document: banner, menu, breadcrumb,
sidebars, view counter, attachments line, share bar, related news, visitor counter, footer.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor import parse
from extractor.blocks import TABLE
from extractor.readers.html import read

DATA = Path(__file__).parent / "data"


def blocks_of(name):
    path = DATA / name
    return read(path.read_bytes(), path).blocks


def texts(blocks):
    return [b.text for b in blocks if b.kind != TABLE]


# (page, the document's first blocks in order, its last blocks, chrome that must be gone)
PAGES = [
    ("html_portal_ke_hoach.html",
     ["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Số: 15/KH-UBND", "Tân Hòa, ngày 10 tháng 01 năm 2026", "KẾ HOẠCH",
      "Chuyển đổi số trên địa bàn xã Tân Hòa năm 2026"],
     ["Nơi nhận:", "- UBND huyện (b/c);", "- TT Đảng ủy, HĐND xã;", "- Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Bình"],
     ["Trang chủ", "Giới thiệu", "Chuyên mục", "Bình chọn", "Lượt xem", "Tải về", "Tài liệu đính kèm",
      "Chia sẻ", "Tin liên quan", "Hội nghị tổng kết", "Thống kê truy cập", "Đang online", "Liên kết website",
      "Cơ quan chủ quản", "CỔNG THÔNG TIN ĐIỆN TỬ", "Ghi rõ nguồn", "portalConfig", "display: inline"]),
    ("html_portal_bao_cao.htm",
     ["BÁO CÁO", "Kết quả công tác dân vận chính quyền 6 tháng đầu năm 2025"],
     ["GIÁM ĐỐC", "Trần Thị Hoa"],
     ["SỞ NỘI VỤ TỈNH BÌNH NGUYÊN", "Trang chủ", "Hỏi đáp", "Lượt xem", "Cập nhật", "File đính kèm",
      "Các tin khác", "Thông báo tuyển dụng", "Bản quyền", "Số lượt truy cập"]),
    ("html_portal_bang_cu.html",  # an old portal laid out with tables and unnamed divs
     ["HƯỚNG DẪN", "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư năm 2025"],
     ["3. Tổ chức thực hiện",
      "Giao Phòng Văn hóa - Thông tin chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam huyện theo dõi, "
      "đôn đốc các xã, thị trấn triển khai thực hiện."],
     ["TRANG THÔNG TIN ĐIỆN TỬ", "DANH MỤC", "Hoạt động chính quyền", "Lượt xem", "Tin liên quan",
      "tổng kết phong trào thi đua", "Thống kê truy cập", "Hôm nay", "Bản quyền"]),
]


@pytest.mark.parametrize("name, first, last, chrome", PAGES, ids=[p[0] for p in PAGES])
def test_document_kept_whole_and_page_dropped(name, first, last, chrome):
    lines = texts(blocks_of(name))
    assert lines[:len(first)] == first
    assert lines[-len(last):] == last
    everything = "\n".join(lines)
    assert [c for c in chrome if c in everything] == []


def test_data_table_is_a_table_block():
    tables = [b for b in blocks_of("html_portal_ke_hoach.html") if b.kind == TABLE]
    assert len(tables) == 1
    rows = [[c.text for c in row] for row in tables[0].rows]
    assert rows == [
        ["STT", "Nội dung nhiệm vụ", "Bộ phận chủ trì", "Thời gian hoàn thành"],
        ["1", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Công chức Văn phòng - Thống kê", "Quý II/2026"],
        ["2", "Tuyên truyền sử dụng dịch vụ công trực tuyến toàn trình", "Công chức Văn hóa - Xã hội", "Thường xuyên"],
        ["3", "Duy trì hoạt động của Tổ công nghệ số cộng đồng", "Đoàn Thanh niên xã", "Cả năm"],
    ]
    assert tables[0].style.bold  # a header row of <th>


@pytest.mark.parametrize("name, text, bold, centered, style_name", [
    ("html_portal_ke_hoach.html", "KẾ HOẠCH", True, True, None),
    ("html_portal_ke_hoach.html", "I. MỤC ĐÍCH, YÊU CẦU", True, None, "Heading 2"),
    ("html_portal_ke_hoach.html", "1. Mục đích", True, None, None),
    ("html_portal_ke_hoach.html", "Số: 15/KH-UBND", None, True, None),
    ("html_portal_bao_cao.htm", "I. KẾT QUẢ THỰC HIỆN", True, None, None),
    ("html_portal_bao_cao.htm", "Kết quả công tác dân vận chính quyền 6 tháng đầu năm 2025", True, True, None),
    ("html_portal_bang_cu.html", "HƯỚNG DẪN", True, True, None),
])
def test_style_hints(name, text, bold, centered, style_name):
    block = next(b for b in blocks_of(name) if b.text == text)
    assert (block.style.bold, block.style.centered, block.style.style_name) == (bold, centered, style_name)


def test_parse_html_page():
    result = parse(DATA / "html_portal_ke_hoach.html")
    assert result.error is None
    assert result.source.format == "html"
    assert result.document.number == "15/KH-UBND"
    assert [s.number for s in result.sections][:3] == ["I", "II", "III"]


@pytest.mark.parametrize("html, expected", [
    # legacy charset declared in the page
    ('<html><head><meta charset="windows-1258"></head><body><p>Kế hoạch năm 2026 của xã</p></body></html>',
     ["Kế hoạch năm 2026 của xã"]),
    # a page typed in a TCVN3 font, served as Latin-1 text
    ("<html><body><p>KÕ ho¹ch triÓn khai c«ng t¸c c¶i c¸ch hµnh chÝnh n¨m 2026</p></body></html>",
     ["Kế hoạch triển khai công tác cải cách hành chính năm 2026"]),
    # ordered lists: the number the browser draws is part of the document's text
    ('<html><body><ol type="I"><li><b>MỤC ĐÍCH, YÊU CẦU</b></li><li><b>NỘI DUNG</b>'
     '<ol><li>Tuyên truyền</li><li>Tập huấn</li></ol></li></ol>'
     '<ol type="a" start="3"><li>Kinh phí thực hiện</li></ol></body></html>',
     ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "1. Tuyên truyền", "2. Tập huấn", "c. Kinh phí thực hiện"]),
    # a one-cell table that only lays the text out is not a data table
    ('<html><body><table><tr><td><b>KẾ HOẠCH</b><br>Tổ chức hội nghị tổng kết năm 2025</td></tr>'
     '<tr><td>1. Thời gian: ngày 20/12/2025.<br>2. Địa điểm: hội trường Ủy ban nhân dân xã.</td></tr></table>'
     '</body></html>',
     ["KẾ HOẠCH", "Tổ chức hội nghị tổng kết năm 2025", "1. Thời gian: ngày 20/12/2025.",
      "2. Địa điểm: hội trường Ủy ban nhân dân xã."]),
    # <br> inside a paragraph separates lines of the document
    ("<html><body><p>Nơi nhận:<br>- Sở Nội vụ;<br>- Lưu: VT.</p></body></html>",
     ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT."]),
])
def test_small_pages(tmp_path, html, expected):
    path = tmp_path / "page.html"
    if "windows-1258" in html:
        data = html.replace("Kế hoạch năm 2026 của xã", "K\u00ea\u0301 hoa\u0323ch n\u0103m 2026 cu\u0309a xa\u0303")
        data = data.encode("cp1258")
    else:
        data = html.encode("utf-8")
    path.write_bytes(data)
    from extractor.document import assemble

    doc = assemble(read(data, path))
    assert [b.text for b in doc.blocks] == expected
