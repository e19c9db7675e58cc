"""The section tree: which lines are headings, their levels, numbers, spans and warnings.

Documents are built from blocks directly (one paragraph a line), so these tests check the
analyser whatever a reader does with line breaks.
"""
from __future__ import annotations

import pytest

from extractor.blocks import LIST_ITEM, PARAGRAPH, Block, RawDocument, Style, table
from extractor.document import assemble
from extractor.sections import find_sections


def doc_of(*lines, styles: dict[int, Style] | None = None):
    """A document of one paragraph block per line (a "- " line is a list item)."""
    blocks = []
    for i, line in enumerate(lines):
        if isinstance(line, Block):
            blocks.append(line)
            continue
        kind = LIST_ITEM if line.startswith(("- ", "+ ")) else PARAGRAPH
        blocks.append(Block(kind, line, style=(styles or {}).get(i, Style()), page=1))
    return assemble(RawDocument(format="txt", blocks=blocks))


def outline(sections, depth=1):
    """(level, number, heading, labels) of every node, depth first; checks level = depth."""
    rows = []
    for s in sections:
        assert s.level == depth, s
        rows.append((s.level, s.number, s.heading, s.labels))
        rows.extend(outline(s.children, depth + 1))
    return rows


PLAN = (
    "ỦY BAN NHÂN DÂN XÃ AN PHÚ",
    "KẾ HOẠCH",
    "Phổ biến pháp luật về đất đai năm 2026",
    "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND huyện;",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "- Nâng cao hiểu biết của người dân về quyền sử dụng đất.",
    "2. Yêu cầu",
    "a) Bám sát nhiệm vụ chính trị của địa phương.",
    "b) Lồng ghép với sinh hoạt của các thôn.",
    "II. NỘI DUNG, HÌNH THỨC",
    "1. Nội dung: các quy định mới về cấp giấy chứng nhận.",
    "2. Hình thức",
    "2.1. Tuyên truyền trên loa truyền thanh",
    "2.2. Hội nghị tại thôn",
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Công chức Tư pháp - Hộ tịch",
    "Chủ trì tham mưu tổ chức các hội nghị.",
    "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã",
    "Phối hợp vận động nhân dân.",
    "Nơi nhận:",
    "- UBND huyện;",
    "TM. ỦY BAN NHÂN DÂN",
    "1. Dòng ghi chú sau chữ ký không phải đề mục",
)

PLAN_OUTLINE = [
    (1, "I", "MỤC ĐÍCH, YÊU CẦU", ["muc_dich", "yeu_cau"]),
    (2, "1", "Mục đích", ["muc_dich"]),
    (2, "2", "Yêu cầu", ["yeu_cau"]),
    (3, "a", "Bám sát nhiệm vụ chính trị của địa phương", []),
    (3, "b", "Lồng ghép với sinh hoạt của các thôn", []),
    (1, "II", "NỘI DUNG, HÌNH THỨC", ["noi_dung", "hinh_thuc"]),
    (2, "1", "Nội dung", ["noi_dung"]),
    (2, "2", "Hình thức", ["hinh_thuc"]),
    (3, "2.1", "Tuyên truyền trên loa truyền thanh", []),
    (3, "2.2", "Hội nghị tại thôn", []),
    (1, "III", "TỔ CHỨC THỰC HIỆN", ["to_chuc_thuc_hien"]),
    (2, "1", "Công chức Tư pháp - Hộ tịch", []),
    (2, "2", "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã", []),
]


def test_plan_outline():
    sections, warnings = find_sections(doc_of(*PLAN))
    assert outline(sections) == PLAN_OUTLINE
    assert warnings == []


def test_section_spans_cover_the_whole_section():
    doc = doc_of(*PLAN)
    sections, _ = find_sections(doc)
    first, second, third = sections
    assert doc.text[first.start:].startswith("I. MỤC ĐÍCH")
    assert doc.text[first.start:first.end].endswith("Lồng ghép với sinh hoạt của các thôn.")
    assert doc.text[second.start:second.end].startswith("II. NỘI DUNG")
    # the last section ends where the Nơi nhận block starts
    assert doc.text[third.start:third.end].endswith("Phối hợp vận động nhân dân.")
    yeu_cau = first.children[1]
    assert doc.text[yeu_cau.start:yeu_cau.end].startswith("2. Yêu cầu")
    assert yeu_cau.page == 1


# (lines, expected outline) — one row a rule
CASES = [
    pytest.param(
        ("BÁO CÁO",
         "I. Kết quả thực hiện quý I:",
         "2. Công tác tuyên truyền: 2.1. Tuyên truyền trực quan:",
         "Các thôn treo băng rôn tại nhà văn hóa.II. Những thuận lợi, khó khăn: 1. Thuận lợi:",
         "Được sự quan tâm của cấp ủy."),
        [(1, "I", "Kết quả thực hiện quý I", ["ket_qua"]),
         (2, "2", "Công tác tuyên truyền", []),
         (3, "2.1", "Tuyên truyền trực quan", []),
         (1, "II", "Những thuận lợi, khó khăn", ["thuan_loi", "kho_khan"]),
         (2, "1", "Thuận lợi", ["thuan_loi"])],
        id="inline headings that lost their line break"),
    pytest.param(
        ("QUYẾT ĐỊNH",
         "Ban hành Kế hoạch kiểm tra công vụ năm 2026",
         "Căn cứ Luật Tổ chức chính quyền địa phương;",
         "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm tra công vụ năm 2026.",
         "Điều 2. Quyết định này có hiệu lực từ ngày ký.",
         "Nơi nhận:",
         "- Như Điều 2;",
         "KT. CHỦ TỊCH",
         "KẾ HOẠCH",
         "KIỂM TRA CÔNG VỤ NĂM 2026",
         "I. MỤC ĐÍCH",
         "1. Phát hiện kịp thời các vi phạm kỷ luật, kỷ cương hành chính. Chấn chỉnh lề lối làm việc.",
         "II. THỜI GIAN KIỂM TRA",
         "Quý II và quý III năm 2026."),
        [(1, "Điều 1", "Ban hành kèm theo Quyết định này Kế hoạch kiểm tra công vụ năm 2026", []),
         (1, "Điều 2", "Quyết định này có hiệu lực từ ngày ký", []),
         (1, "I", "MỤC ĐÍCH", ["muc_dich"]),
         (2, "1", "Phát hiện kịp thời các vi phạm kỷ luật, kỷ cương hành chính", []),
         (1, "II", "THỜI GIAN KIỂM TRA", ["thoi_gian"])],
        id="a decision and the plan it issues, both at the top level"),
    pytest.param(
        ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2026.",
         "Điều 2. Chánh Văn phòng UBND xã và các bộ phận liên quan chịu trách nhiệm thi hành.",
         "KẾ HOẠCH",
         "Phòng, chống thiên tai năm 2026",
         "I. MỤC ĐÍCH",
         "II. NHIỆM VỤ"),
        [(1, "Điều 1", "Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2026", []),
         (1, "Điều 2", "Chánh Văn phòng UBND xã và các bộ phận liên quan chịu trách nhiệm thi hành", []),
         (1, "I", "MỤC ĐÍCH", ["muc_dich"]),
         (1, "II", "NHIỆM VỤ", ["nhiem_vu"])],
        id="the attached plan's title starts a new outline even without a signature block"),
    pytest.param(
        ("Căn cứ khoản 2 Điều 8 Luật Hòa giải ở cơ sở, quy định:",
         "“Điều 8. Nguyên tắc tổ chức hoạt động hòa giải",
         "1. Tôn trọng sự tự nguyện của các bên.",
         "2. Khách quan, công bằng, kịp thời.”",
         "1. Về đề nghị của Hội Nông dân xã",
         "Ủy ban nhân dân xã thống nhất chủ trương."),
        [(1, "1", "Về đề nghị của Hội Nông dân xã", ["kien_nghi"])],
        id="numbered items inside a quotation are not headings"),
    pytest.param(
        ("I. HOẠT ĐỘNG TRỌNG TÂM",
         "STT",
         "Nội dung",
         "Đơn vị chủ trì",
         "Thời gian thực hiện",
         "1",
         "Treo băng rôn, khẩu hiệu",
         "Văn phòng - Thống kê",
         "Tháng 3/2026",
         "II. KINH PHÍ",
         "Từ ngân sách xã."),
        [(1, "I", "HOẠT ĐỘNG TRỌNG TÂM", ["nhiem_vu"]),
         (1, "II", "KINH PHÍ", ["kinh_phi"])],
        id="a table flattened one cell a line: neither header cells nor STT are headings"),
    pytest.param(
        ("1. Mục đích, yêu cầu",
         "- Nâng cao nhận thức.",
         "2. Nội dung, hình thức",
         "Nội dung:",
         "- Các quy định mới.",
         "Hình thức",
         "- Hội nghị, tờ rơi.",
         "Đơn vị chủ trì: Phòng Tư pháp",
         "+ Thời gian: quý II"),
        [(1, "1", "Mục đích, yêu cầu", ["muc_dich", "yeu_cau"]),
         (1, "2", "Nội dung, hình thức", ["noi_dung", "hinh_thuc"]),
         (2, None, "Nội dung", ["noi_dung"]),
         (2, None, "Hình thức", ["hinh_thuc"])],
        id="short title lines naming a section are headings; field lines and bullets are not"),
    pytest.param(
        ("A. MỤC ĐÍCH, YÊU CẦU",
         "B. NHIỆM VỤ",
         "I. CÔNG TÁC TUYÊN TRUYỀN",
         "1. Nội dung, biện pháp",
         "a) Tổ chức hội nghị quán triệt",
         "(1) Cấp tỉnh tổ chức trước ngày 30/6.",
         "(2) Cấp xã tổ chức trước ngày 30/7.",
         "b) Biên soạn tài liệu",
         "2. Thời gian thực hiện: năm 2026",
         "II. KIỂM TRA, GIÁM SÁT",
         "C. TỔ CHỨC THỰC HIỆN"),
        [(1, "A", "MỤC ĐÍCH, YÊU CẦU", ["muc_dich", "yeu_cau"]),
         (1, "B", "NHIỆM VỤ", ["nhiem_vu"]),
         (2, "I", "CÔNG TÁC TUYÊN TRUYỀN", []),
         (3, "1", "Nội dung, biện pháp", ["noi_dung"]),
         (4, "a", "Tổ chức hội nghị quán triệt", []),
         (5, "(1)", "Cấp tỉnh tổ chức trước ngày 30/6", []),
         (5, "(2)", "Cấp xã tổ chức trước ngày 30/7", []),
         (4, "b", "Biên soạn tài liệu", []),
         (3, "2", "Thời gian thực hiện", ["thoi_gian"]),
         (2, "II", "KIỂM TRA, GIÁM SÁT", []),
         (1, "C", "TỔ CHỨC THỰC HIỆN", ["to_chuc_thuc_hien"])],
        id="levels follow the order the numbering styles appear in"),
    pytest.param(
        ("PHẦN I. KẾT QUẢ THỰC HIỆN NĂM 2025",
         "1. Công tác chỉ đạo",
         "a/ Ban hành văn bản",
         "b/ Kiểm tra, đôn đốc",
         "2. Những tồn tại, hạn chế",
         "PHẦN II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
         "1. Nhiệm vụ trọng tâm"),
        [(1, "PHẦN I", "KẾT QUẢ THỰC HIỆN NĂM 2025", ["ket_qua"]),
         (2, "1", "Công tác chỉ đạo", []),
         (3, "a", "Ban hành văn bản", []),
         (3, "b", "Kiểm tra, đôn đốc", []),
         (2, "2", "Những tồn tại, hạn chế", ["kho_khan"]),
         (1, "PHẦN II", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", ["phuong_huong"]),
         (2, "1", "Nhiệm vụ trọng tâm", ["nhiem_vu"])],
        id="report parts (PHẦN I) and letters with a slash"),
    pytest.param(
        ("Phần lớn các thôn đã hoàn thành chỉ tiêu.",
         "Chương trình hành động được triển khai đồng bộ."),
        [],
        id="'Phần lớn', 'Chương trình' open sentences, not parts"),
    pytest.param(
        ("I. KẾT QUẢ",
         "1. Cải cách thể chế",
         "1.1. Xây dựng văn bản",
         "a) Số văn bản ban hành: 12 văn bản",
         "1.2. Kiểm tra văn bản",
         "2. Cải cách thủ tục hành chính",
         "a) Rà soát thủ tục",
         "đ) Công khai thủ tục"),
        [(1, "I", "KẾT QUẢ", ["ket_qua"]),
         (2, "1", "Cải cách thể chế", []),
         (3, "1.1", "Xây dựng văn bản", []),
         (4, "a", "Số văn bản ban hành", []),
         (3, "1.2", "Kiểm tra văn bản", []),
         (2, "2", "Cải cách thủ tục hành chính", []),
         (3, "a", "Rà soát thủ tục", []),
         (3, "đ", "Công khai thủ tục", [])],
        id="a style already open closes the deeper ones; đ is a letter"),
    pytest.param(
        ("II. MỤC",
         "ĐÍCH, YÊU CẦU",
         "1.",
         "Nguy cơ ô nhiễm nguồn nước",
         "2. Đề nghị các cấp ủy, Mặt trận Tổ quốc Việt Nam xã và",
         "các đoàn thể phối hợp tuyên truyền.",
         "3. Giai đoạn 2026",
         "- 2030 phấn đấu 100% hồ sơ được số hóa."),
        [(1, "II", "MỤC ĐÍCH, YÊU CẦU", ["muc_dich", "yeu_cau"]),
         (2, "1", "Nguy cơ ô nhiễm nguồn nước", []),
         (2, "2", "Đề nghị các cấp ủy, Mặt trận Tổ quốc Việt Nam xã và các đoàn thể phối hợp tuyên truyền", []),
         (2, "3", "Giai đoạn 2026 - 2030 phấn đấu 100% hồ sơ được số hóa", [])],
        id="headings broken by hard wraps are joined again"),
    pytest.param(
        ("l. Giao Văn phòng UBND huyện theo dõi, đôn đốc.", "2. Giao Phòng Nội vụ tổng hợp."),
        [(1, "1", "Giao Văn phòng UBND huyện theo dõi, đôn đốc", []),
         (1, "2", "Giao Phòng Nội vụ tổng hợp", [])],
        id="an OCR 'l.' before '2.' is the number 1"),
    pytest.param(
        ("V/v báo cáo kết quả tuyển dụng",
         "Kính gửi: Sở Nội vụ",
         "Thực hiện Công văn số 45/SNV-TCBC, UBND huyện báo cáo như sau:",
         "Số lượng tuyển dụng: 14 người."),
        [],
        id="a letter without an outline has no sections"),
]


@pytest.mark.parametrize("lines, expected", CASES)
def test_outline(lines, expected):
    sections, _ = find_sections(doc_of(*lines))
    assert outline(sections) == expected


WARNINGS = [
    pytest.param(("I. MỤC ĐÍCH", "II. NỘI DUNG", "II. KINH PHÍ", "III. TỔ CHỨC THỰC HIỆN"),
                 [("numbering_duplicate", "II. KINH PHÍ")], id="number used twice"),
    pytest.param(("I. MỤC ĐÍCH", "1. Mục đích", "3. Yêu cầu"),
                 [("numbering_skipped", "3. Yêu cầu")], id="number skipped"),
    pytest.param(("I. KẾT QUẢ", "2. Công tác tuyên truyền", "3. Công tác kiểm tra"),
                 [("numbering_start", "2. Công tác tuyên truyền")], id="list starts at 2"),
    pytest.param(("1. Nhiệm vụ", "a) Rà soát", "b) Kiểm tra", "c) Báo cáo", "d) Tổng kết", "e) Khen thưởng",
                  "g) Lưu trữ"), [], id="Vietnamese letters skip f"),
    pytest.param(("1. Nhiệm vụ", "a) Rà soát", "b) Kiểm tra", "c) Báo cáo", "d) Tổng kết", "e) Khen thưởng",
                  "f) Lưu trữ"), [], id="Latin letters with f are in order too"),
    pytest.param(("1. Nhiệm vụ", "a) Rà soát", "b) Kiểm tra", "d) Tổng kết"),
                 [("numbering_skipped", "d) Tổng kết")], id="letter skipped"),
]


@pytest.mark.parametrize("lines, expected", WARNINGS)
def test_numbering_warnings(lines, expected):
    doc = doc_of(*lines)
    sections, warnings = find_sections(doc)
    got = [(w.code, doc.text[w.location:].split("\n")[0]) for w in warnings]
    assert got == expected
    # faults are reported, never repaired: every line is still in the tree
    assert len(outline(sections)) == len(lines)


def test_styled_blocks_from_a_word_file():
    """Bold unnumbered titles and Word heading styles are headings; tables are not."""
    bold = Style(bold=True)
    doc = doc_of(
        "KẾ HOẠCH",
        "I. MỤC TIÊU",
        "Kết quả thực hiện năm trước",
        "Nâng tỷ lệ hồ sơ trực tuyến lên 80%.",
        table([["STT", "Nhiệm vụ"], ["1", "Số hóa hồ sơ"]]),
        "II. GIẢI PHÁP",
        styles={0: bold, 1: bold, 2: bold, 5: bold},
    )
    sections, _ = find_sections(doc)
    assert outline(sections) == [
        (1, "I", "MỤC TIÊU", ["muc_tieu"]),
        (2, None, "Kết quả thực hiện năm trước", ["ket_qua"]),
        (1, "II", "GIẢI PHÁP", ["giai_phap"]),
    ]


def test_bold_titles_without_numbers_after_the_opening():
    bold = Style(bold=True)
    doc = doc_of(
        "KẾ HOẠCH",
        "Tổ chức Ngày Pháp luật năm 2026",
        "Căn cứ Kế hoạch số 30/KH-UBND ngày 10/02/2026 của UBND huyện;",
        "Mục đích, yêu cầu",
        "Nâng cao ý thức chấp hành pháp luật của cán bộ và nhân dân.",
        "Tổ chức thực hiện",
        "Công chức Tư pháp - Hộ tịch tham mưu thực hiện kế hoạch này.",
        styles={0: bold, 1: bold, 3: bold, 5: bold},
    )
    sections, _ = find_sections(doc)
    assert outline(sections) == [
        (1, None, "Mục đích, yêu cầu", ["muc_dich", "yeu_cau"]),
        (1, None, "Tổ chức thực hiện", ["to_chuc_thuc_hien"]),
    ]


def test_word_heading_styles_in_the_header_are_titles():
    title, heading = Style(style_name="Title", bold=True), Style(style_name="Heading 1", bold=True)
    doc = doc_of(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BÁO CÁO",
        "Công tác dân vận năm 2025",
        "Thực hiện Hướng dẫn số 12-HD/BDVHU, UBND xã báo cáo như sau:",
        "Kết quả đạt được",
        "Các thôn tổ chức đối thoại với nhân dân.",
        "Phương hướng năm 2026",
        "Tiếp tục phát huy dân chủ ở cơ sở.",
        styles={0: title, 1: title, 2: heading, 4: heading, 6: heading},
    )
    sections, _ = find_sections(doc)
    assert outline(sections) == [
        (1, None, "Kết quả đạt được", ["ket_qua"]),
        (1, None, "Phương hướng năm 2026", ["phuong_huong"]),
    ]


def test_dieu_out_of_sequence_is_a_wrapped_citation():
    doc = doc_of(
        "Điều 1. Phê duyệt danh mục nhiệm vụ năm 2026.",
        "Các nhiệm vụ thực hiện theo quy định tại khoản 2",
        "Điều 7. Luật Ngân sách nhà nước và hướng dẫn của Bộ Tài chính.",
        "Điều 2. Quyết định này có hiệu lực từ ngày ký.",
    )
    sections, _ = find_sections(doc)
    assert [s.number for s in sections] == ["Điều 1", "Điều 2"]


def test_signature_table_ends_the_outline():
    doc = doc_of(
        "I. MỤC ĐÍCH",
        "1. Nội dung",
        table([["Nơi nhận:\n- Như trên;", "KT. GIÁM ĐỐC"]]),
        "PHỤ LỤC",
        "1. Danh mục nhiệm vụ",
    )
    sections, _ = find_sections(doc)
    assert outline(sections) == [(1, "I", "MỤC ĐÍCH", ["muc_dich"]), (2, "1", "Nội dung", ["noi_dung"])]


# --- the same plan in every format gives the same tree --------------------------------------

SAME_PLAN = (
    "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "KẾ HOẠCH", "Kiểm tra công tác văn thư năm 2026",
    "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Nâng cao chất lượng quản lý văn bản đi, đến.", "2. Yêu cầu",
    "Kiểm tra đúng trọng tâm, không gây phiền hà.", "II. NỘI DUNG KIỂM TRA", "1. Công tác văn thư",
    "a) Việc soạn thảo, ban hành văn bản", "b) Việc quản lý con dấu", "2. Công tác lưu trữ",
    "III. TỔ CHỨC THỰC HIỆN", "1. Văn phòng - Thống kê", "Chủ trì, tham mưu tổ chức kiểm tra.",
    "2. Các bộ phận chuyên môn", "Chuẩn bị hồ sơ, tài liệu phục vụ kiểm tra.",
)
SAME_PLAN_OUTLINE = [
    (1, "I", "MỤC ĐÍCH, YÊU CẦU", ["muc_dich", "yeu_cau"]),
    (2, "1", "Mục đích", ["muc_dich"]),
    (2, "2", "Yêu cầu", ["yeu_cau"]),
    (1, "II", "NỘI DUNG KIỂM TRA", ["noi_dung"]),
    (2, "1", "Công tác văn thư", []),
    (3, "a", "Việc soạn thảo, ban hành văn bản", []),
    (3, "b", "Việc quản lý con dấu", []),
    (2, "2", "Công tác lưu trữ", []),
    (1, "III", "TỔ CHỨC THỰC HIỆN", ["to_chuc_thuc_hien"]),
    (2, "1", "Văn phòng - Thống kê", []),
    (2, "2", "Các bộ phận chuyên môn", []),
]
# a font with Vietnamese glyphs, so the PDF's text layer holds the real characters
_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf")


def _write_plan(path, fmt):
    if fmt == "txt":
        path.write_text("\n".join(SAME_PLAN), encoding="utf-8")
    elif fmt == "html":
        body = "".join(f"<p>{line}</p>" for line in SAME_PLAN)
        path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    elif fmt == "docx":
        import docx

        document = docx.Document()
        for line in SAME_PLAN:
            if line in ("1. Mục đích", "2. Yêu cầu"):
                # Word automatic numbering: the reader renders the number the user sees
                document.add_paragraph(line[3:], style="List Number")
            else:
                document.add_paragraph(line)
        document.save(path)
    elif fmt == "pdf":
        from pathlib import Path

        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        font = next((f for f in _FONTS if Path(f).is_file()), None)
        assert font, f"this test needs DejaVuSans.ttf (looked in {_FONTS})"
        pdfmetrics.registerFont(TTFont("DejaVu", font))
        c = canvas.Canvas(str(path))
        y = 800
        for line in SAME_PLAN:
            c.setFont("DejaVu", 11)
            c.drawString(60, y, line)
            y -= 22
        c.save()


@pytest.mark.parametrize("fmt", ["txt", "html", "docx", "pdf"])
def test_same_plan_same_tree_in_every_format(tmp_path, fmt):
    import extractor

    path = tmp_path / f"ke_hoach.{fmt}"
    _write_plan(path, fmt)
    result = extractor.parse(path)
    assert result.error is None
    assert outline(result.sections) == SAME_PLAN_OUTLINE


def test_whole_sentence_item_loses_the_end_mark_of_the_document():
    from extractor import parse_text

    text = ("QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch kiểm tra\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm tra.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
            "Điều 3. Chánh Văn phòng và Trưởng phòng Tư pháp chịu trách nhiệm thi hành Quyết định này./.\n")
    headings = [s.heading for s in parse_text(text).sections]
    assert headings[-1] == "Chánh Văn phòng và Trưởng phòng Tư pháp chịu trách nhiệm thi hành Quyết định này"
