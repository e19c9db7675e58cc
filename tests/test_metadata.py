"""The document's own particulars, from header blocks in each NĐ 30 form and each input shape.

Every header here is written for these tests (invented bodies, numbers and dates).
"""
from __future__ import annotations

import pytest

from extractor.blocks import PARAGRAPH, Block, RawDocument
from extractor.document import assemble
from extractor.metadata import find_metadata, restore_case


def info_of(text: str):
    """One block per line, as a reader gives a header it has not restructured (the readers'
    own handling of markdown and layout is theirs to test)."""
    blocks = [Block(PARAGRAPH, line) for line in text.split("\n") if line.strip()]
    return find_metadata(assemble(RawDocument(format="txt", blocks=blocks)), [])


MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------"

# (name, text, expected fields)
HEADERS = [
    ("plan of a commune, header as separate lines",
     f"ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\n-------\n{MOTTO}\nSố: 12/KH-UBND\nHòa Bình, ngày 05 tháng 3 năm 2024\n"
     "KẾ HOẠCH\nTổ chức Ngày hội đọc sách trên địa bàn xã năm 2024\n"
     "Căn cứ Kế hoạch số 30/KH-UBND ngày 10/01/2024 của UBND huyện về phát triển văn hóa đọc;\n"
     "I. MỤC ĐÍCH, YÊU CẦU",
     dict(type="ke_hoach", number="12/KH-UBND", issuer="UBND xã Hòa Bình", date="2024-03-05",
          place="Hòa Bình", title="Tổ chức Ngày hội đọc sách trên địa bàn xã năm 2024")),
    ("report of a district office under its People's Committee",
     f"UBND HUYỆN TÂN PHÚ\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n{MOTTO}\nSố: 45/BC-PGDĐT\nTân Phú, ngày 28 tháng 6 năm 2024\n"
     "BÁO CÁO\nKết quả công tác phổ cập giáo dục 6 tháng đầu năm 2024\n"
     "Thực hiện Công văn số 112/UBND-VX của UBND huyện, Phòng Giáo dục và Đào tạo báo cáo như sau:",
     dict(type="bao_cao", number="45/BC-PGDĐT", issuer="Phòng Giáo dục và Đào tạo, UBND huyện Tân Phú",
          date="2024-06-28", title="Kết quả công tác phổ cập giáo dục 6 tháng đầu năm 2024")),
    ("decision that issues a plan: the decision's kind and number",
     f"ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\n{MOTTO}\nSố: 210/QĐ-UBND\nKiên Giang, ngày 19 tháng 02 năm 2024\n"
     "QUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG NĂM 2024\n"
     "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
     "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển du lịch cộng đồng năm 2024.",
     dict(type="quyet_dinh", number="210/QĐ-UBND", issuer="UBND tỉnh Kiên Giang", date="2024-02-19",
          title="BAN HÀNH KẾ HOẠCH PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG NĂM 2024")),
    ("official letter in pdftotext -layout columns: V/v and Kính gửi, no tên loại",
     "SỞ Y TẾ TỈNH AN GIANG            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "                                        Độc lập - Tự do - Hạnh phúc\n\n"
     "  Số: 318 /SYT-NVY                    An Giang, ngày 14 tháng 6 năm 2024\n"
     "V/v tăng cường phòng, chống\n sốt xuất huyết trong mùa mưa\n\n"
     "            Kính gửi:\n            - Bệnh viện Đa khoa tỉnh;\n            - Trung tâm Y tế các huyện.\n\n"
     "  Trước diễn biến phức tạp của dịch sốt xuất huyết trong những tuần gần đây, Sở Y tế đề nghị:",
     dict(type="cong_van", number="318/SYT-NVY", issuer="Sở Y tế tỉnh An Giang", date="2024-06-14",
          place="An Giang", title="Tăng cường phòng, chống sốt xuất huyết trong mùa mưa",
          recipients=["Bệnh viện Đa khoa tỉnh", "Trung tâm Y tế các huyện"])),
    ("official letter after a reader split the columns: long wrapped V/v, then the quốc hiệu",
     "BỘ TÀI CHÍNH\nSố: 2044/BTC-NSNN\nV/v hướng dẫn lập dự toán ngân sách nhà nước năm 2025 và kế hoạch tài chính\n"
     "ngân sách nhà nước 03 năm 2025 - 2027 của các bộ, cơ quan trung ương và địa phương\n"
     f"{MOTTO}\nHà Nội, ngày 03 tháng 7 năm 2024\nKính gửi:\n- Các bộ, cơ quan ngang bộ;\n- UBND các tỉnh.\n"
     "Thực hiện Luật Ngân sách nhà nước, Bộ Tài chính hướng dẫn như sau:",
     dict(type="cong_van", number="2044/BTC-NSNN", issuer="Bộ Tài chính", date="2024-07-03", place="Hà Nội",
          title="Hướng dẫn lập dự toán ngân sách nhà nước năm 2025 và kế hoạch tài chính ngân sách nhà nước "
                "03 năm 2025 - 2027 của các bộ, cơ quan trung ương và địa phương",
          recipients=["Các bộ, cơ quan ngang bộ", "UBND các tỉnh"])),
    ("party guidance: Tỉnh ủy over its Ban, party symbol NUMBER-HD/ORG, 'Số' without colon",
     "TỈNH ỦY BÌNH ĐỊNH\nBAN TUYÊN GIÁO\n*\nĐẢNG CỘNG SẢN VIỆT NAM\n---------------\n"
     "Số 27-HD/BTGTU\nQuy Nhơn, ngày 10 tháng 5 năm 2024\nHƯỚNG DẪN\n"
     "TUYÊN TRUYỀN KỶ NIỆM NGÀY THÀNH LẬP TỈNH\nThực hiện Kế hoạch số 41-KH/TU của Ban Thường vụ Tỉnh ủy,",
     dict(type="huong_dan", number="27-HD/BTGTU", issuer="Ban Tuyên giáo Tỉnh ủy Bình Định", date="2024-05-10",
          place="Quy Nhơn")),
    ("district party committee's plan: the committee names its place",
     "HUYỆN ỦY ĐỨC PHỔ\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 15-KH/HU\nĐức Phổ, ngày 02 tháng 8 năm 2023\n"
     "KẾ HOẠCH\nHọc tập, quán triệt nghị quyết của Ban Chấp hành Đảng bộ tỉnh",
     dict(type="ke_hoach", number="15-KH/HU", issuer="Huyện ủy Đức Phổ", date="2023-08-02")),
    ("draft: number and day left blank",
     f"ỦY BAN NHÂN DÂN\nPHƯỜNG LÂM VIÊN\n{MOTTO}\nSố:      /KH-UBND\nLâm Viên, ngày     tháng 9 năm 2025\n"
     "KẾ HOẠCH\nChuyển đổi số trong giải quyết thủ tục hành chính năm 2025",
     dict(type="ke_hoach", number=None, issuer="UBND phường Lâm Viên", date=None, place="Lâm Viên")),
    ("markdown table from a legal database, one row per line",
     "| ỦY BAN NHÂN DÂN TỈNH HÀ GIANG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n"
     "|---|---|\n| Số: 77/TB-UBND | Hà Giang, ngày 02 tháng 4 năm 2024 |\n\nTHÔNG BÁO\n\n"
     "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Quản Bạ\n\nNgày 28/3/2024, đồng chí Chủ tịch UBND tỉnh đã làm việc",
     dict(type="thong_bao", number="77/TB-UBND", issuer="UBND tỉnh Hà Giang", date="2024-04-02")),
    ("markdown fragments: bold, a wrapped name and a date split over two lines",
     "|\n**ỦY BAN NHÂN\nDÂN**\nTỈNH TÂY NINH\n-------\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\n"
     "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố:\n3/KH-UBND\n|\n*Tây Ninh, ngày 03\ntháng 01 năm 2025*\n|\n"
     "**KẾ HOẠCH**\nTRIỂN KHAI CÔNG TÁC PHÒNG CHÁY, CHỮA CHÁY\nNĂM 2025\n"
     "Thực hiện Chỉ thị số 01/CT-TTg của Thủ tướng Chính phủ,",
     dict(type="ke_hoach", number="3/KH-UBND", issuer="UBND tỉnh Tây Ninh", date="2025-01-03", place="Tây Ninh",
          title="TRIỂN KHAI CÔNG TÁC PHÒNG CHÁY, CHỮA CHÁY NĂM 2025")),
    ("docx header table squeezed into one line per row",
     "UBND TỈNH KON TUM BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ Số: /BCĐ V/v đôn đốc triển khai các nhiệm vụ chuyển đổi số | "
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Kon Tum, ngày tháng năm 2025\n"
     "Kính gửi: Các sở, ban, ngành thuộc tỉnh.\nĐể bảo đảm tiến độ, Ban Chỉ đạo đề nghị các cơ quan:",
     dict(type="cong_van", number=None, issuer="Ban Chỉ đạo chuyển đổi số, UBND tỉnh Kon Tum",
          title="Đôn đốc triển khai các nhiệm vụ chuyển đổi số", recipients=["Các sở, ban, ngành thuộc tỉnh"])),
    ("two-column header split by the reader: left column first",
     "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 5/KH-UBND\n" + MOTTO + "\nBắc Kạn, ngày 08 tháng 01 năm 2025\nKẾ HOẠCH\n"
     "Cải cách hành chính năm 2025",
     dict(type="ke_hoach", number="5/KH-UBND", issuer="UBND tỉnh Bắc Kạn", date="2025-01-08", place="Bắc Kạn")),
    ("a reader that joined the tên loại with its title",
     f"ỦY BAN NHÂN DÂN HUYỆN CÁI NƯỚC\n{MOTTO}\nSố: 64/KH-UBND\nCái Nước, ngày 11 tháng 7 năm 2024\n"
     "KẾ HOẠCH THỰC HIỆN CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM 2024\nThực hiện Kế hoạch số 12-KH/HU của Huyện ủy,",
     dict(type="ke_hoach", number="64/KH-UBND", issuer="UBND huyện Cái Nước",
          title="THỰC HIỆN CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM 2024")),
    ("resolution of a People's Council",
     f"HỘI ĐỒNG NHÂN DÂN\nTỈNH QUẢNG NAM\n{MOTTO}\nSố: 31/NQ-HĐND\nQuảng Nam, ngày 09 tháng 12 năm 2023\n"
     "NGHỊ QUYẾT\nVề kế hoạch đầu tư công năm 2024\nHỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NAM\nKHÓA X, KỲ HỌP THỨ MƯỜI BẢY",
     dict(type="nghi_quyet", number="31/NQ-HĐND", issuer="HĐND tỉnh Quảng Nam",
          title="Về kế hoạch đầu tư công năm 2024")),
    ("a school under its district office: parent kept, acronyms kept",
     f"PHÒNG GD&ĐT HUYỆN CHÂU THÀNH\nTRƯỜNG THCS AN HIỆP\n{MOTTO}\nSố: 08/KH-THCS\nAn Hiệp, ngày 15 tháng 9 năm 2024\n"
     "KẾ HOẠCH\nTổ chức các hoạt động trải nghiệm năm học 2024 - 2025",
     dict(type="ke_hoach", number="08/KH-THCS", issuer="Trường THCS An Hiệp, Phòng GD&ĐT huyện Châu Thành")),
    ("police department under the provincial police",
     f"CÔNG AN TỈNH BÌNH DƯƠNG\nPHÒNG CẢNH SÁT GIAO THÔNG\n{MOTTO}\nSố: 1250/PC08-TTr\nBình Dương, ngày 20 tháng 10 năm 2024\n"
     "V/v tăng cường tuần tra, kiểm soát\nKính gửi: Công an các huyện, thị xã, thành phố.",
     dict(type="cong_van", number="1250/PC08-TTr", issuer="Phòng Cảnh sát giao thông, Công an tỉnh Bình Dương",
          title="Tăng cường tuần tra, kiểm soát", recipients=["Công an các huyện, thị xã, thành phố"])),
    ("web article about a plan: the plan's kind, number and issuer; never the cited number",
     "Trang chủ\nMường Lát: Đẩy mạnh tuyên truyền cải cách hành chính\nLượt xem: 42\n"
     "Thực hiện Kế hoạch số 5/KH-UBND ngày 03/01/2024 của UBND tỉnh về cải cách hành chính. "
     "Ủy ban nhân dân huyện Mường Lát ban hành Kế hoạch số 88/KH-UBND “Tuyên truyền cải cách hành chính năm 2024”.\n"
     "- Nâng cao nhận thức của cán bộ, công chức.",
     dict(type="ke_hoach", number="88/KH-UBND", issuer="Ủy ban nhân dân huyện Mường Lát", date=None,
          title="Tuyên truyền cải cách hành chính năm 2024")),
    ("report without a header: the reporting sentence",
     "Kết quả tuyên truyền phổ biến pháp luật quý II năm 2024\n"
     "Thực hiện Kế hoạch số 20/KH-UBND của UBND huyện Krông Pắc, UBND xã Ea Yông báo cáo kết quả như sau:\n"
     "I. Kết quả thực hiện",
     dict(type="bao_cao", number=None, issuer="UBND xã Ea Yông",
          title="Kết quả tuyên truyền phổ biến pháp luật quý II năm 2024")),
    ("web article: the headline without its place prefix, page furniture skipped",
     "image banner\nTrang chủ | Tin tức\nTân Lạc: Tăng cường tuyên truyền về chuyển đổi số năm 2024\nLượt xem: 310\n"
     "Nhằm nâng cao nhận thức của người dân, Ủy ban nhân dân huyện Tân Lạc ban hành Kế hoạch tuyên truyền.",
     dict(type="ke_hoach", issuer="Ủy ban nhân dân huyện Tân Lạc",
          title="Tăng cường tuyên truyền về chuyển đổi số năm 2024")),
    ("plan without a header, issued by the chairman of an unnamed province",
     "KẾ HOẠCH\nTuyên truyền chuyển đổi số tỉnh Yên Bái năm 2023\n"
     "Để nâng cao hiệu quả chuyển đổi số trên địa bàn tỉnh Yên Bái, Chủ tịch UBND tỉnh ban hành Kế hoạch như sau:\n"
     "I. MỤC ĐÍCH, YÊU CẦU",
     dict(type="ke_hoach", number=None, issuer="UBND tỉnh Yên Bái",
          title="Tuyên truyền chuyển đổi số tỉnh Yên Bái năm 2023")),
]


@pytest.mark.parametrize("name, text, expected", HEADERS, ids=[h[0] for h in HEADERS])
def test_header(name, text, expected):
    info = info_of(text)
    for field, value in expected.items():
        assert getattr(info, field) == value, f"{field}: {getattr(info, field)!r} != {value!r}"


SIGNATURES = [
    ("lines: TM. then KT., the position under it, then the name",
     "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT, NC.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An",
     ("KT.", "Phó Chủ tịch", "Nguyễn Văn An")),
    ("one table cell",
     "Nơi nhận: - Như trên; - Lưu: VT. | KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lê Thị Hoa",
     ("KT.", "Phó Giám đốc", "Lê Thị Hoa")),
    ("layout page: the position beside the Nơi nhận list",
     "Nơi nhận:                                  KT. BỘ TRƯỞNG\n- Như trên;                                 THỨ TRƯỞNG\n"
     "- Lưu: VT, CCHC.\n\n                                            Trần Văn Bình",
     ("KT.", "Thứ trưởng", "Trần Văn Bình")),
    ("TL. with a chief of office",
     "Nơi nhận:\n- Các phòng chuyên môn;\n- Lưu: VT.\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n(đã ký)\nPhạm Minh Đức",
     ("TL.", "Chánh văn phòng", "Phạm Minh Đức")),
    ("signed in one's own right: no marker",
     "Nơi nhận:\n- Các bộ, cơ quan ngang bộ;\n- Lưu: VT, KGVX.\nTHỦ TƯỚNG\nLê Văn Tám",
     (None, "Thủ tướng", "Lê Văn Tám")),
]


@pytest.mark.parametrize("name, tail, expected", SIGNATURES, ids=[s[0] for s in SIGNATURES])
def test_signer(name, tail, expected):
    text = f"KẾ HOẠCH\nVề việc kiểm tra công vụ năm 2024\nTrên đây là Kế hoạch kiểm tra công vụ./.\n{tail}"
    signer = info_of(text).signer
    assert (signer.authority, signer.position, signer.name) == expected


RECIPIENTS = [
    ("Nơi nhận list: notes dropped, 'Lưu: VT' is not a recipient",
     "Nơi nhận:\n- Sở Nội vụ (để b/c);\n- UBND các xã, thị trấn;\n- Lưu: VT, VX.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHồ Văn Minh",
     ["Sở Nội vụ", "UBND các xã, thị trấn"]),
    ("Kính gửi on one line, dashes inside a name kept",
     "Kính gửi: - Phòng Văn hóa - Thông tin huyện;\n- Phòng Tư pháp huyện.\nThực hiện Kế hoạch của UBND huyện,",
     ["Phòng Văn hóa - Thông tin huyện", "Phòng Tư pháp huyện"]),
    ("a wrapped item continues on the next line; 'Như trên' repeats Kính gửi",
     "Nơi nhận:\n- Như trên;\n- Ban Chỉ đạo cải cách hành chính\ntỉnh;\n- Lưu: VT.",
     ["Ban Chỉ đạo cải cách hành chính tỉnh"]),
]


@pytest.mark.parametrize("name, text, expected", RECIPIENTS, ids=[r[0] for r in RECIPIENTS])
def test_recipients(name, text, expected):
    assert info_of(text).recipients == expected


CASES = [
    ("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "UBND tỉnh Đắk Lắk"),
    ("UỶ BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "UBND thành phố Hồ Chí Minh"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
    ("PHÒNG VĂN HÓA - THÔNG TIN", "Phòng Văn hóa - Thông tin"),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH NINH BÌNH", "Sở Văn hóa, Thể thao và Du lịch tỉnh Ninh Bình"),
    ("BAN CHỈ ĐẠO QUỐC GIA VỀ PHÒNG, CHỐNG THIÊN TAI", "Ban Chỉ đạo quốc gia về phòng, chống thiên tai"),
    ("HIỆP HỘI DOANH NGHIỆP VIỆT NAM", "Hiệp hội Doanh nghiệp Việt Nam"),
    ("VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"),
    ("QUẬN ỦY BA ĐÌNH", "Quận ủy Ba Đình"),
    ("HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NAM", "HĐND tỉnh Quảng Nam"),
    ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH LONG AN", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Long An"),
    ("PHÒNG GD&ĐT HUYỆN CHÂU THÀNH", "Phòng GD&ĐT huyện Châu Thành"),
    ("Sở Nội vụ", "Sở Nội vụ"),  # not in capitals: kept as written
]


@pytest.mark.parametrize("caps, expected", CASES)
def test_restore_case(caps, expected):
    assert restore_case(caps) == expected


def test_a_cited_number_in_the_body_is_not_the_documents_own():
    text = ("KẾ HOẠCH\nTuyên truyền pháp luật năm 2024\n"
            "Căn cứ Kế hoạch số 15/KH-UBND ngày 19/01/2024 của UBND huyện; Số liệu tổng hợp tại Phụ lục.")
    info = info_of(text)
    assert info.type == "ke_hoach"
    assert info.number is None


@pytest.mark.parametrize("text", ["Xin chào", "Số:", "Số: /", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nơi nhận:",
                                  "V/v", "|\n|\n-------"])
def test_fragments_give_nothing_rather_than_guesses(text):
    info = info_of(text)
    assert (info.type, info.number, info.issuer, info.date, info.title, info.recipients) == (None,) * 5 + ([],)
