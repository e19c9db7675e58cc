import pytest

from extractor import parse_text
from extractor.assignments import find_assignments, parse_deadline
from extractor.blocks import PARAGRAPH, Block, RawDocument, table
from extractor.document import assemble, from_text


def pairs(text: str) -> list[tuple[str, str]]:
    doc = from_text(text)
    return [(a.agency, a.role) for a in find_assignments(doc, [])]


PLAN = """KẾ HOẠCH
Tuyên truyền chuyển đổi số năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của cán bộ, công chức về chuyển đổi số.
II. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ
- Chủ trì, phối hợp với Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch.
- Tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/12/2026.
2. Các sở, ban, ngành và UBND các huyện, thị xã
Xây dựng kế hoạch triển khai tại cơ quan, đơn vị mình trong quý I/2026.
3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh
Tuyên truyền, vận động đoàn viên, hội viên hưởng ứng.
4. Giao Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch này.
Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các cơ quan, đơn vị phản ánh về Sở Khoa học và Công nghệ để tổng hợp."""


def test_plan_prose():
    result = pairs(PLAN)
    assert set(result) == {
        ("Sở Khoa học và Công nghệ", "lead"),
        ("Sở Tài chính", "support"),
        ("Các sở, ban, ngành", "lead"),
        ("UBND các huyện, thị xã", "lead"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lead"),
        ("Sở Nội vụ", "lead"),
    }


def test_plan_prose_details():
    doc = from_text(PLAN)
    found = find_assignments(doc, [])
    mttq = next(a for a in found if a.agency.startswith("Ủy ban Mặt trận"))
    assert mttq.requested and mttq.role == "lead" and mttq.source == "text"
    assert doc.text[mttq.start:mttq.end] == mttq.agency
    report = next(a for a in found if a.task and a.task.startswith("Tổng hợp kết quả"))
    assert report.agency == "Sở Khoa học và Công nghệ"
    assert report.deadline.value == "2026-12-15"
    assert mttq.agency_key == "mttq tỉnh"


def test_sections_tree_gives_the_path():
    result = parse_text(PLAN)
    nv = next(a for a in result.assignments if a.agency == "Sở Nội vụ")
    assert nv.section[:1] == ["II"]


@pytest.mark.parametrize("text, expected", [
    # "X chủ trì, phối hợp với Y" anywhere in a plan
    ("Sở Y tế chủ trì, phối hợp với Công an tỉnh kiểm tra an toàn thực phẩm.",
     [("Sở Y tế", "lead"), ("Công an tỉnh", "support")]),
    ("Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ rà soát quy hoạch.",
     [("Sở Xây dựng", "lead"), ("Sở Tài chính", "support"), ("Sở Nội vụ", "support")]),
    ("Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc thực hiện.",
     [("Thủ trưởng các cơ quan, đơn vị", "lead")]),
    ("Trung tâm Y tế huyện có trách nhiệm giám sát dịch bệnh.", [("Trung tâm Y tế huyện", "lead")]),
    # the subject after an opening phrase
    ("Căn cứ Kế hoạch này, các phòng chuyên môn, UBND các xã xây dựng kế hoạch của đơn vị mình.",
     [("các phòng chuyên môn", "lead"), ("UBND các xã", "lead")]),
    # a notice's closing line
    ("Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh và các Bộ, cơ quan liên quan biết, thực hiện./.",
     [("Ủy ban nhân dân tỉnh", "lead"), ("các Bộ, cơ quan liên quan", "lead")]),
    # a decision's closing article
    ("Điều 3. Chánh Văn phòng UBND huyện, Trưởng phòng Nội vụ, Chủ tịch UBND các xã chịu trách nhiệm "
     "thi hành Quyết định này./.",
     [("Chánh Văn phòng UBND huyện", "lead"), ("Trưởng phòng Nội vụ", "lead"), ("Chủ tịch UBND các xã", "lead")]),
    # the issuer speaking, the past, and the closing formula are no assignments
    ("UBND tỉnh ban hành Kế hoạch như sau:", []),
    ("Năm 2025, UBND tỉnh đã giao Sở Nội vụ rà soát biên chế.", []),
    ("Trong quá trình thực hiện, nếu có vướng mắc phát sinh, đề nghị các đơn vị phản ánh về Sở Nội vụ.", []),
    ("Theo đề nghị của Giám đốc Sở Tư pháp.", []),
])
def test_prose_sentences(text, expected):
    assert pairs("KẾ HOẠCH\n" + text) == expected


@pytest.mark.parametrize("text, expected", [
    # a body whose head is two words, and a "Ban" named by lower-case words, as partners
    ("Bệnh viện Đa khoa khu vực Nam Sơn chủ trì, phối hợp với Trạm Y tế các xã tổ chức khám sàng lọc.",
     [("Bệnh viện Đa khoa khu vực Nam Sơn", "lead"), ("Trạm Y tế các xã", "support")]),
    ("Giao Phòng Kinh tế chủ trì, phối hợp với Ban phát triển các ấp rà soát đường giao thông.",
     [("Phòng Kinh tế", "lead"), ("Ban phát triển các ấp", "support")]),
    ("Phòng Văn hóa - Xã hội chủ trì, phối hợp với Ban công tác Mặt trận khu phố tổ chức họp dân.",
     [("Phòng Văn hóa - Xã hội", "lead"), ("Ban công tác Mặt trận khu phố", "support")]),
    # the name ends at its verb, even one the lexicon lacks, before the object it acts on
    ("3. Sở Tài chính chỉnh lý Phần mềm quản lý tài sản công trước tháng 9/2026.", [("Sở Tài chính", "lead")]),
    # the issuer opening its own text, and what was done or who is eligible, are no tasks
    ("Phòng Y tế soạn Kế hoạch kiểm tra an toàn thực phẩm dịp Tết như sau:", []),
    ("(3) Các tổ dân phố đã đăng ký danh hiệu từ tháng 02/2026.", []),
])
def test_prose_general_rules(text, expected):
    assert pairs("HƯỚNG DẪN\n" + text) == expected


def _sections(text: str):
    """Assignments of a document with its section tree, one blank line between paragraphs."""
    return parse_text(text.replace("\n", "\n\n")).assignments


def test_addressee_heading_carries_its_bodies_down():
    text = """CÔNG VĂN
Về việc rà soát hồ sơ người có công
1. Phòng Nội vụ và các trường học trên địa bàn:
a) Rà soát danh sách đối tượng, đối chiếu với hồ sơ gốc.
b) Gửi kết quả rà soát trước ngày 20/10/2026.
2. Công an xã xác minh nơi cư trú của các trường hợp có sai lệch."""
    found = {(a.agency, a.role) for a in _sections(text)}
    assert found == {("Phòng Nội vụ", "lead"), ("các trường học trên địa bàn", "lead"), ("Công an xã", "lead")}


def test_request_headings_in_a_report():
    text = """BÁO CÁO
Kết quả thực hiện phong trào năm 2026
I. KẾT QUẢ THỰC HIỆN
Phòng Kinh tế phối hợp với Hội Nông dân xã tổ chức 4 lớp tập huấn.
II. KIẾN NGHỊ
1. Đối với UBND huyện
Xem xét bố trí vốn sửa chữa trụ sở nhà văn hóa các thôn.
2. Đối với Sở Xây dựng
Hướng dẫn thủ tục cấp phép xây dựng nhà ở nông thôn."""
    found = {(a.agency, a.role) for a in _sections(text)}
    assert found == {("UBND huyện", "lead"), ("Sở Xây dựng", "lead")}


def test_group_heading_is_no_lead():
    text = """KẾ HOẠCH
Tiêm chủng mở rộng năm 2026
I. MỤC TIÊU
Tỷ lệ tiêm chủng đầy đủ đạt trên 95%.
II. TỔ CHỨC THỰC HIỆN
1. Các đơn vị trực thuộc Sở Y tế
1.1. Trung tâm Kiểm soát bệnh tật tỉnh
Cung ứng vắc xin và hướng dẫn chuyên môn.
1.2. Bệnh viện Sản - Nhi tỉnh
Bố trí tổ cấp cứu phản ứng sau tiêm.
2. Đề nghị các sở, ngành, địa phương
2.1. Sở Giáo dục và Đào tạo
Chỉ đạo các trường phối hợp lập danh sách trẻ."""
    found = {(a.agency, a.role) for a in _sections(text)}
    assert found == {("Trung tâm Kiểm soát bệnh tật tỉnh", "lead"), ("Bệnh viện Sản - Nhi tỉnh", "lead"),
                     ("Sở Giáo dục và Đào tạo", "lead")}


def test_closing_request_is_not_the_last_sub_heading_s_task():
    text = """KẾ HOẠCH
Phòng chống đuối nước trẻ em năm 2026
III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội
Tổng hợp danh sách điểm có nguy cơ đuối nước.
2. Trường Mầm non Hoa Sen
Dạy kỹ năng an toàn trong môi trường nước cho trẻ.
Yêu cầu Thủ trưởng các đơn vị nghiêm túc triển khai Kế hoạch này."""
    found = _sections(text)
    assert ("Trường Mầm non Hoa Sen", "lead") in {(a.agency, a.role) for a in found}
    closing = [a for a in found if a.task and a.task.startswith("Yêu cầu")]
    assert [(a.agency, a.role) for a in closing] == [("Thủ trưởng các đơn vị", "lead")]


def test_report_counts_requests_not_past_work():
    text = """BÁO CÁO
Kết quả công tác năm 2025
I. KẾT QUẢ THỰC HIỆN
1. Sở Tư pháp chủ trì tổ chức 12 hội nghị phổ biến pháp luật.
Giao Phòng Văn hóa - Thông tin thường xuyên cập nhật tin bài.
II. KIẾN NGHỊ, ĐỀ XUẤT
Đề nghị Bộ Tư pháp xem xét, hướng dẫn việc chi trả thù lao."""
    assert pairs(text) == [("Bộ Tư pháp", "lead")]


def test_field_lines_and_lists():
    text = """KẾ HOẠCH
1. Rà soát thủ tục hành chính
- Cơ quan chủ trì: Văn phòng UBND tỉnh.
- Cơ quan phối hợp: Các sở, ngành; UBND cấp xã.
- Thời gian thực hiện: Quý III/2026.
2. Cơ quan chủ trì, phối hợp
a) Cơ quan chủ trì
- Ban Chỉ đạo tỉnh.
- Bộ Chỉ huy Quân sự tỉnh; Công an tỉnh.
b) Cơ quan phối hợp
- Hội Cựu chiến binh tỉnh."""
    doc = from_text(text)
    found = find_assignments(doc, [])
    assert [(a.agency, a.role) for a in found] == [
        ("Văn phòng UBND tỉnh", "lead"), ("Các sở, ngành", "support"), ("UBND cấp xã", "support"),
        ("Ban Chỉ đạo tỉnh", "lead"), ("Bộ Chỉ huy Quân sự tỉnh", "lead"), ("Công an tỉnh", "lead"),
        ("Hội Cựu chiến binh tỉnh", "support")]
    assert found[0].task == "Rà soát thủ tục hành chính"
    assert found[0].deadline.value == "2026-Q3"


def _table_doc(rows: list[list[str]]):
    before = Block(PARAGRAPH, "PHỤ LỤC NHIỆM VỤ")
    return assemble(RawDocument(format="docx", blocks=[before, table(rows)]))


def test_table_block_columns_in_any_order():
    doc = _table_doc([
        ["STT", "Đơn vị chủ trì", "Nội dung nhiệm vụ", "Thời hạn hoàn thành", "Đơn vị phối hợp", "Theo dõi"],
        ["I", "Cải cách thể chế", "", "", "", ""],
        ["Năm 2026"] * 6,  # a title merged across the row, repeated in every cell
        ["1", "Sở Tư pháp", "Rà soát văn bản quy phạm pháp luật", "Tháng 6/2026", "Các sở, ngành", "Sở Nội vụ"],
        ["2", "Sở Nội vụ; Văn phòng UBND tỉnh", "Kiểm tra công vụ", "Thường xuyên", "", "Sở Nội vụ"],
        ["", "Các xã, phường", "Kiểm tra công vụ", "Hằng quý", "Sở Nội vụ", "Sở Nội vụ"],  # merged task cell
        ["3", "Theo phân công tại Quyết định số 12/QĐ-UBND", "Số hóa hồ sơ", "Năm 2026", "Công an tỉnh", ""],
        ["II", "Cải cách tài chính công", "", "", "", ""],
        ["4", "Sở Tài chính", "Giao dự toán ngân sách", "Trước ngày 31/12/2026", "", "Sở Tài chính"],
    ])
    found = find_assignments(doc, [])
    assert all(a.source == "table" for a in found)
    assert {a.task for a in found} == {"Rà soát văn bản quy phạm pháp luật", "Kiểm tra công vụ", "Số hóa hồ sơ",
                                         "Giao dự toán ngân sách"}
    assert [(a.agency, a.role) for a in found] == [
        ("Sở Tư pháp", "lead"), ("Các sở, ngành", "support"),
        ("Sở Nội vụ", "lead"), ("Văn phòng UBND tỉnh", "lead"),
        ("Các xã, phường", "lead"), ("Sở Nội vụ", "support"),
        ("Công an tỉnh", "support"),  # no lead: the lead cell names no body
        ("Sở Tài chính", "lead")]
    assert [a.deadline.value for a in found] == ["2026-06", "2026-06", "recurring", "recurring", "recurring",
                                                 "recurring", "2026", "2026-12-31"]
    first = found[0]
    assert doc.text[first.start:first.end] == "Sở Tư pháp"


def test_table_with_one_column_for_both_roles():
    doc = _table_doc([
        ["TT", "Hoạt động", "Thời gian", "Đơn vị chủ trì/phối hợp"],
        ["1", "Khảo sát mức độ hài lòng", "Tháng 9/2026", "Phòng Đào tạo, Phòng Công tác sinh viên"],
    ])
    found = find_assignments(doc, [])
    assert [(a.agency, a.role) for a in found] == [("Phòng Đào tạo", "lead"), ("Phòng Công tác sinh viên", "support")]


def test_flattened_table_one_cell_a_line():
    text = """III. CÁC HOẠT ĐỘNG TRỌNG TÂM
STT
Nội dung
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian thực hiện
1
Đăng tải tin bài về cải cách hành chính trên trang thông tin điện tử
Công chức Văn phòng – Thống kê; Văn hóa – Xã hội
Các công chức có liên quan
Thường xuyên
2
Tổ chức hội nghị đối thoại với doanh nghiệp
Công chức Tư pháp – Hộ tịch
Bưu điện huyện
Tháng 10/2026
3
Niêm yết thủ tục hành chính tại Bộ phận một cửa
Công chức Văn phòng – Thống kê
Quý IV/2026
IV. KINH PHÍ
Kinh phí từ ngân sách xã."""
    found = find_assignments(from_text(text), [])
    assert [(a.agency, a.role, a.source) for a in found] == [
        ("Công chức Văn phòng – Thống kê", "lead", "table"), ("Công chức Văn hóa – Xã hội", "lead", "table"),
        ("Các công chức có liên quan", "support", "table"),
        ("Công chức Tư pháp – Hộ tịch", "lead", "table"), ("Bưu điện huyện", "support", "table"),
        ("Công chức Văn phòng – Thống kê", "lead", "table")]  # its empty support cell is lost in the text
    assert [a.deadline.value for a in found[-2:]] == ["2026-10", "2026-Q4"]


@pytest.mark.parametrize("text, value", [
    ("Trước ngày 31/12/2026", "2026-12-31"),
    ("ngày 05 tháng 3 năm 2026", "2026-03-05"),
    ("Tháng 12/2023", "2023-12"),
    ("trong tháng 6 năm 2026", "2026-06"),
    ("Quý III/2026", "2026-Q3"),
    ("quý 2 năm 2027", "2027-Q2"),
    ("Năm 2026", "2026"),
    ("Thường xuyên", "recurring"),
    ("Hằng năm", "recurring"),
    ("Theo các mốc tại Quyết định số 12/QĐ-UBND ngày 25/9/2025", None),  # a cited document's date
    ("Khi có yêu cầu", None),
])
def test_parse_deadline(text, value):
    assert parse_deadline(text).value == value
    assert parse_deadline(text).text == text


# --- task tables in each format, built here: every task row gives one assignment per role -----

TASK_ROWS = [
    ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
    ["I", "Chuyển đổi số", "", "", ""],
    ["1", "Số hóa hồ sơ một cửa", "Văn phòng HĐND và UBND huyện", "Phòng Nội vụ", "Quý II/2026"],
    ["2", "Cập nhật cơ sở dữ liệu đất đai", "Phòng Tài nguyên và Môi trường", "UBND các xã, thị trấn",
     "Tháng 9/2026"],
    ["3", "Tập huấn kỹ năng số cho công chức", "Phòng Nội vụ; Trung tâm Chính trị huyện", "", "Hằng năm"],
]
EXPECTED = [
    ("Văn phòng HĐND và UBND huyện", "lead", "Số hóa hồ sơ một cửa"),
    ("Phòng Nội vụ", "support", "Số hóa hồ sơ một cửa"),
    ("Phòng Tài nguyên và Môi trường", "lead", "Cập nhật cơ sở dữ liệu đất đai"),
    ("UBND các xã, thị trấn", "support", "Cập nhật cơ sở dữ liệu đất đai"),
    ("Phòng Nội vụ", "lead", "Tập huấn kỹ năng số cho công chức"),
    ("Trung tâm Chính trị huyện", "lead", "Tập huấn kỹ năng số cho công chức"),
]


def _table_rows(result):
    return [(a.agency, a.role, a.task) for a in result.assignments if a.source == "table"]


def test_task_table_in_docx(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("II. NHIỆM VỤ CỤ THỂ")
    table_ = document.add_table(rows=len(TASK_ROWS), cols=len(TASK_ROWS[0]))
    for r, row in enumerate(TASK_ROWS):
        for c, text in enumerate(row):
            table_.cell(r, c).text = text
    path = tmp_path / "ke_hoach.docx"
    document.save(path)
    from extractor import parse
    assert _table_rows(parse(path)) == EXPECTED


def test_task_table_in_html(tmp_path):
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in TASK_ROWS)
    html = ("<html><body><p>KẾ HOẠCH</p><p>II. NHIỆM VỤ CỤ THỂ</p>"
            f"<table border='1'>{cells}</table><p>III. TỔ CHỨC THỰC HIỆN</p></body></html>")
    path = tmp_path / "ke_hoach.html"
    path.write_text(html, encoding="utf-8")
    from extractor import parse
    assert _table_rows(parse(path)) == EXPECTED


def test_task_table_in_pdf(tmp_path):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    style = ParagraphStyle("body", fontName="DejaVu", fontSize=9, leading=11)
    grid = Table([[Paragraph(text, style) for text in row] for row in TASK_ROWS], colWidths=(28, 140, 140, 110, 80))
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    path = tmp_path / "ke_hoach.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph("KẾ HOẠCH", style), Paragraph("II. NHIỆM VỤ CỤ THỂ", style), grid])
    from extractor import parse
    assert _table_rows(parse(path)) == EXPECTED


def test_task_table_as_markdown_pipes():
    text = """KẾ HOẠCH
II. NHIỆM VỤ
| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Rà soát quy trình nội bộ | Sở Nội vụ | Văn phòng UBND tỉnh | Quý I/2026 |
| 2 | Đánh giá chỉ số hài lòng | Sở Tư pháp | | Tháng 11/2026 |
III. TỔ CHỨC THỰC HIỆN"""
    found = parse_text(text).assignments
    assert [(a.agency, a.role, a.source, a.deadline.value) for a in found] == [
        ("Sở Nội vụ", "lead", "table", "2026-Q1"), ("Văn phòng UBND tỉnh", "support", "table", "2026-Q1"),
        ("Sở Tư pháp", "lead", "table", "2026-11")]


def test_directive_parts_headed_by_bodies():
    # a Chỉ thị has no "Tổ chức thực hiện": each numbered part names the body its tasks go to
    text = """CHỈ THỊ
Về tăng cường kỷ luật hành chính
1. Thủ trưởng các sở, ban, ngành tỉnh
a) Quán triệt cán bộ, công chức thực hiện nghiêm giờ giấc làm việc.
b) Phối hợp với Sở Nội vụ kiểm tra đột xuất việc chấp hành kỷ luật.
2. Sở Nội vụ
a) Tổng hợp kết quả kiểm tra, báo cáo Chủ tịch UBND tỉnh hằng quý.
II. HIỆU LỰC
Chỉ thị có hiệu lực từ ngày ký."""
    found = find_assignments(from_text(text), [])
    assert sorted({(a.agency, a.role) for a in found}) == [
        ("Sở Nội vụ", "lead"), ("Sở Nội vụ", "support"), ("Thủ trưởng các sở, ban, ngành tỉnh", "lead")]
    assert {a.task for a in found if a.agency == "Sở Nội vụ" and a.role == "lead"} == {
        "Tổng hợp kết quả kiểm tra, báo cáo Chủ tịch UBND tỉnh hằng quý."}
