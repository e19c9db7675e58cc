"""Citations: one table of sentence -> expected citations, then tables for resolution, roles and
warnings. Every sentence is written for this test (realistic shapes, invented numbers)."""
from __future__ import annotations

import re

import pytest

from extractor import symbols
from extractor.citations import (_alternation, _basis_verb, _find_word, _heading_line, _opens_sentence, _sentence_start,
                                 _standard_matches, find_citations)
from extractor.document import from_text
from extractor.model import DocumentInfo, Section


def cite(text: str, info: DocumentInfo | None = None, sections: list[Section] | None = None):
    return find_citations(from_text(text), sections or [], info or DocumentInfo())


# sentence -> the citations expected, in order; each given as the fields that matter for the row
CASES = [
    # administrative number/KIND-ISSUER, date, issuer and subject
    ("Thực hiện Kế hoạch số 315/KH-UBND ngày 04/3/2024 của UBND huyện Cẩm Xuyên về chuyển đổi số năm 2024.",
     [dict(type="Kế hoạch", number="315/KH-UBND", date="2024-03-04", issuer="UBND huyện Cẩm Xuyên",
           subject="chuyển đổi số năm 2024")]),
    # number/ISSUER-UNIT: a công văn
    ("Theo Công văn số 4821/UBND-KGVX ngày 12/9/2023 của UBND tỉnh Quảng Trị, các xã báo cáo trước ngày 20.",
     [dict(type="Công văn", number="4821/UBND-KGVX", date="2023-09-12", issuer="UBND tỉnh Quảng Trị")]),
    # normative with year, a stray space in the symbol, date in words
    ("Nghị định số 45/2020/NĐ -CP ngày 08 tháng 4 năm 2020 của Chính phủ về thực hiện thủ tục hành chính trên môi trường điện tử;",
     [dict(type="Nghị định", number="45/2020/NĐ-CP", date="2020-04-08", issuer="Chính phủ",
           text="Nghị định số 45/2020/NĐ -CP",
           subject="thực hiện thủ tục hành chính trên môi trường điện tử")]),
    # joint circular, spaced dashes, issuer with a colon
    ("Thông tư liên tịch số 14/2015/TTLT - BNV - BTC ngày 10/11/2015 của liên Bộ: Nội vụ - Tài chính hướng dẫn chế độ.",
     [dict(type="Thông tư liên tịch", number="14/2015/TTLT-BNV-BTC", date="2015-11-10",
           issuer="liên Bộ: Nội vụ - Tài chính")]),
    # party symbols number-KIND/ISSUER
    ("Quán triệt Chỉ thị số 12-CT/TW ngày 3/5/2022 của Ban Bí thư về công tác dân vận.",
     [dict(type="Chỉ thị", number="12-CT/TW", date="2022-05-03", issuer="Ban Bí thư")]),
    ("tổng kết Chương trình số 03 - CTr/TU ngày 15-3-2021 của Tỉnh ủy về cải cách hành chính",
     [dict(type="Chương trình", number="03-CTr/TU", date="2021-03-15", issuer="Tỉnh ủy",
           text="Chương trình số 03 - CTr/TU")]),
    ("Hướng dẫn số 18-HD/BTGHU của Ban Tuyên giáo Huyện ủy về tuyên truyền kỷ niệm ngày thành lập Đảng",
     [dict(type="Hướng dẫn", number="18-HD/BTGHU", date=None, issuer="Ban Tuyên giáo Huyện ủy")]),
    # issuers as documents write them
    ("Căn cứ Quyết định số 1399/QĐ-TTg ngày 11/8/2022 của Thủ tướng Chính phủ phê duyệt Đề án;",
     [dict(type="Quyết định", number="1399/QĐ-TTg", issuer="Thủ tướng Chính phủ")]),
    ("Thực hiện Kế hoạch số 205/KH-UBND ngày 19/9/2024 của UBND tỉnh Bình Định triển khai thực hiện",
     [dict(number="205/KH-UBND", issuer="UBND tỉnh Bình Định")]),
    ("Nghị quyết số 21-NQ/TU ngày 30/6/2023 của Ban Thường vụ Tỉnh ủy về phát triển du lịch",
     [dict(number="21-NQ/TU", issuer="Ban Thường vụ Tỉnh ủy", subject="phát triển du lịch")]),
    ("Kết luận số 12-KL/TW ngày 6/1/2022 của Bộ Chính trị khóa XIII về công tác người Việt Nam ở nước ngoài",
     [dict(type="Kết luận", number="12-KL/TW", issuer="Bộ Chính trị khóa XIII")]),
    # listed documents share the issuer written after the last; an issuer told before the document
    ("Công điện số 31/CĐ-TTg ngày 02/4/2025 và Công điện số 44/CĐ-TTg ngày 20/4/2025 của Thủ tướng Chính phủ",
     [dict(number="31/CĐ-TTg", issuer="Thủ tướng Chính phủ"), dict(number="44/CĐ-TTg", issuer="Thủ tướng Chính phủ")]),
    ("theo chỉ đạo của UBND huyện tại Công văn số 655/UBND-VP ngày 3/4/2024",
     [dict(number="655/UBND-VP", issuer="UBND huyện")]),
    # an abbreviation for the type word; a bracketed number; the year between number and issuer
    ("QĐ số 77/QĐ-UBND ngày 2/3/2024 và CV số 130/UBND-VP ngày 4/3/2024",
     [dict(type="Quyết định", number="77/QĐ-UBND"), dict(type="Công văn", number="130/UBND-VP")]),
    ("theo Kế hoạch (số 19/KH-UBND) của UBND xã", [dict(type="Kế hoạch", number="19/KH-UBND", issuer="UBND xã")]),
    ("Kế hoạch số 23/KH-UBND năm 2023 của UBND phường về an toàn giao thông",
     [dict(number="23/KH-UBND", issuer="UBND phường", subject="an toàn giao thông")]),
    # a letter suffix on the number
    ("Nghị quyết số 30a/NQ-CP ngày 27/12/2008 của Chính phủ về giảm nghèo nhanh và bền vững",
     [dict(type="Nghị quyết", number="30a/NQ-CP", date="2008-12-27", issuer="Chính phủ")]),
    # "&" inside a symbol, "Văn bản số" when no kind is named, an issuer with "và"
    ("Văn bản số 1520/SNN&PTNT-KH ngày 02/6/2025 của Sở Nông nghiệp và Phát triển nông thôn về kế hoạch vốn",
     [dict(type="Văn bản", number="1520/SNN&PTNT-KH", date="2025-06-02",
           issuer="Sở Nông nghiệp và Phát triển nông thôn")]),
    # National Assembly symbol without a hyphen; the law's name goes with its number
    ("Căn cứ Luật Đất đai số 31/2024/QH15 ngày 18/01/2024 của Quốc hội;",
     [dict(type="Luật", number="31/2024/QH15", date="2024-01-18", issuer="Quốc hội", name="Luật Đất đai")]),
    ("Nghị quyết số 98/2023/QH15 của Quốc hội về thí điểm một số cơ chế",
     [dict(type="Nghị quyết", number="98/2023/QH15", date=None, issuer="Quốc hội")]),
    # a symbol broken across lines right after its dash; a type word broken from its number
    ("Căn cứ Quyết định số 902/QĐ-\nUBND ngày 20/5/2024 của Chủ tịch UBND tỉnh;",
     [dict(type="Quyết định", number="902/QĐ-UBND", date="2024-05-20", text="Quyết định số 902/QĐ-\nUBND")]),
    ("Căn cứ Thông tư số\n03/2023/TT-BNV ngày 06 tháng 5 năm 2023 của Bộ trưởng Bộ Nội vụ;",
     [dict(type="Thông tư", number="03/2023/TT-BNV", date="2023-05-06", issuer="Bộ trưởng Bộ Nội vụ")]),
    ("triển khai Nghị\nđịnh số 61/2018/NĐ-CP của Chính phủ",
     [dict(type="Nghị định", number="61/2018/NĐ-CP")]),
    # a misprint is kept as printed, minus the space; an en dash is folded
    ("quán triệt Nghị quyết số 19/NQ- TW ngày 16/6/2022 của Ban Chấp hành Trung ương",
     [dict(type="Nghị quyết", number="19/NQ-TW", date="2022-06-16")]),
    ("Kế hoạch số 41/KH–UBND ngày 9/2/2024",
     [dict(type="Kế hoạch", number="41/KH-UBND", date="2024-02-09")]),
    # type word without "số", a qualifier between type word and "số", comma before the date
    ("(Quyết định 1560/QĐ-TTg), Kế hoạch hành động số 88/KH-UBND, ngày 3/7/2025 của UBND tỉnh",
     [dict(type="Quyết định", number="1560/QĐ-TTg"),
      dict(type="Kế hoạch", number="88/KH-UBND", date="2025-07-03", issuer="UBND tỉnh")]),
    # the date told before the document
    ("Ngày 14/3/2025, Sở Tài chính ban hành Công văn số 712/STC-NS về việc lập dự toán.",
     [dict(type="Công văn", number="712/STC-NS", date="2025-03-14", subject="lập dự toán")]),
    # a quoted title is the subject
    ("Quyết định số 2201/QĐ-UBND ngày 30/10/2024 của UBND tỉnh “Ban hành Quy chế phối hợp quản lý cụm công nghiệp”",
     [dict(type="Quyết định", number="2201/QĐ-UBND", subject="Ban hành Quy chế phối hợp quản lý cụm công nghiệp")]),
    # two documents in one phrase, the second without its type word
    ("các Quyết định số 410/QĐ-UBND ngày 01/4/2024, số 411/QĐ-UBND ngày 02/4/2024 của UBND tỉnh",
     [dict(type="Quyết định", number="410/QĐ-UBND", date="2024-04-01"),
      dict(type="Quyết định", number="411/QĐ-UBND", date="2024-04-02")]),
    # table cells and footnotes are part of the text
    ("1 | Triển khai Kế hoạch số 52/KH-SNV ngày 11/01/2025 | Sở Nội vụ | Quý I",
     [dict(type="Kế hoạch", number="52/KH-SNV", date="2025-01-11")]),
    ("¹ Thông báo số 97/TB-VP ngày 22/8/2025 của Văn phòng UBND tỉnh.",
     [dict(type="Thông báo", number="97/TB-VP", date="2025-08-22", issuer="Văn phòng UBND tỉnh")]),
    # technical standards are typed as standards
    ("áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 tại bộ phận một cửa",
     [dict(type="Tiêu chuẩn", number="TCVN ISO 9001:2015")]),
    # documents cited by name, without a number
    ("bảo đảm đúng quy định của Luật Ngân sách nhà nước và Luật Đầu tư công.",
     [dict(type="Luật", number=None, name="Luật Ngân sách nhà nước"),
      dict(type="Luật", number=None, name="Luật Đầu tư công")]),
    ("tuyên truyền Luật Phòng, chống tham nhũng, Luật Khiếu nại và Luật tiếp cận thông tin",
     [dict(name="Luật Phòng, chống tham nhũng"), dict(name="Luật Khiếu nại"),
      dict(name="Luật tiếp cận thông tin")]),
    ("thực hiện Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn",
     [dict(name="Luật Thi đua, khen thưởng năm 2022")]),
    ("lấy ý kiến dự thảo Luật Hòa giải ở cơ sở (sửa đổi).",
     [dict(name="Luật Hòa giải ở cơ sở (sửa đổi)")]),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công và Luật Xây dựng ngày 29/11/2024;",
     [dict(name="Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công và Luật Xây dựng", date="2024-11-29")]),
    ("Căn cứ Luật Thủ đô ngày 28/6/2024;",
     [dict(name="Luật Thủ đô", date="2024-06-28")]),
    ("theo quy định của Bộ luật Lao động về ngày nghỉ",
     [dict(type="Bộ luật", name="Bộ luật Lao động")]),
    ("Luật Quản lý nợ công vừa được thông qua",  # a law missing from the lexicon: capitalised words
     [dict(name="Luật Quản lý nợ công")]),
    ("Luật Hỗ trợ doanh nghiệp nhỏ và vừa được sửa đổi",  # "và" inside a listed name
     [dict(name="Luật Hỗ trợ doanh nghiệp nhỏ và vừa")]),
    ("Luật Lưu trữ và các nghị định hướng dẫn",
     [dict(name="Luật Lưu trữ")]),
    ("tiếp tục thực hiện Nghị quyết Trung ương 5 khóa XIII về công tác tổ chức",
     [dict(type="Nghị quyết", name="Nghị quyết Trung ương 5 khóa XIII", subject="công tác tổ chức")]),
    ("hoàn thành chỉ tiêu Nghị quyết Đại hội Đảng bộ huyện lần thứ XXI, nhiệm kỳ 2020 - 2025",
     [dict(name="Nghị quyết Đại hội Đảng bộ huyện lần thứ XXI")]),
    ("theo đúng Điều lệ Hội Nông dân Việt Nam đã được thông qua",
     [dict(type="Điều lệ", name="Điều lệ Hội Nông dân Việt Nam")]),
    ("kết quả thực hiện Nghị quyết Đại hội XIV của Đảng trong toàn Đảng bộ",
     [dict(name="Nghị quyết Đại hội XIV của Đảng")]),
    # a footnote mark right after the symbol; a bare normative symbol names its own kind
    ("Kế hoạch số 64/KH-UBND² của UBND huyện", [dict(type="Kế hoạch", number="64/KH-UBND", issuer="UBND huyện")]),
    ("(chi tiết tại số 57/2024/NĐ-CP)", [dict(type="Nghị định", number="57/2024/NĐ-CP")]),
    # not citations: programmes, projects, generic phrases, forms, the document itself
    ("triển khai Chương trình mục tiêu quốc gia xây dựng nông thôn mới và Đề án 06 trên địa bàn", []),
    ("thực hiện theo các văn bản hướng dẫn hiện hành của Trung ương và của tỉnh", []),
    ("Luật và các văn bản quy định chi tiết; đội ngũ luật sư, luật gia của tỉnh", []),
    ("báo cáo theo Mẫu số 02/BC-UBND kèm theo Kế hoạch này", []),
    ("Nghị quyết Đại hội các cấp được quán triệt đầy đủ", []),
    ("sinh viên Trường Đại học Luật Hà Nội và giảng viên Khoa Luật", []),
    ("hộ gia đình ở nhà số 15/B đường Trần Phú", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_citations_in_sentences(text, expected):
    citations, _ = cite(text)
    assert len(citations) == len(expected), [c.number or c.name for c in citations]
    for citation, want in zip(citations, expected):
        got = citation.model_dump()
        assert {k: got[k] for k in want} == want


def test_text_and_mentions_point_into_the_document_text():
    doc = from_text("Căn cứ Kế hoạch số 77/KH-UBND ngày 02/02/2024 của UBND xã về phòng chống thiên tai.\n"
                    "Các thôn thực hiện nghiêm Kế hoạch số 77/KH-UBND.")
    citations, _ = find_citations(doc, [], DocumentInfo())
    [citation] = citations
    assert [doc.text[m.start:m.end] for m in citation.mentions] == ["Kế hoạch số 77/KH-UBND"] * 2
    assert doc.text[citation.start:citation.end] == citation.text


RESOLUTION = [
    # a later short form joins the full first mention
    ("Thực hiện Kế hoạch số 1206/KH-UBND ngày 05/5/2023 của UBND quận về cải cách hành chính. "
     "Các phường bám sát Kế hoạch số 1206/KH-UBND để triển khai.", ["1206/KH-UBND"], [2]),
    # the same number in capitals in a title is the same document
    ("TRIỂN KHAI NGHỊ QUYẾT SỐ 57/NQ-CP NGÀY 10/4/2025\nCăn cứ Nghị quyết số 57/NQ-CP ngày 10/4/2025 của Chính phủ;",
     ["57/NQ-CP"], [2]),
    # "Nghị quyết trên" points back to the last Nghị quyết
    ("Quán triệt Nghị quyết số 09-NQ/TU ngày 12/7/2024 của Ban Thường vụ Tỉnh ủy. Việc thực hiện Nghị quyết trên "
     "được kiểm tra hằng quý.", ["09-NQ/TU"], [2]),
    # "Kế hoạch này" is the document itself: nothing new
    ("Căn cứ Kế hoạch số 30/KH-UBND ngày 1/3/2024 của UBND huyện. Các đơn vị thực hiện Kế hoạch này.",
     ["30/KH-UBND"], [1]),
    # one law named twice, the second time by a shorter name
    ("Điều lệ Hội Cựu chiến binh Việt Nam quy định rõ. Theo Điều lệ Hội, đại hội họp 5 năm một lần.",
     ["Điều lệ Hội Cựu chiến binh Việt Nam"], [2]),
    # two party congress resolutions at different levels stay two
    ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII, Nghị quyết Đại hội Đảng bộ huyện lần thứ XXIV",
     ["Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII", "Nghị quyết Đại hội Đảng bộ huyện lần thứ XXIV"], [1, 1]),
]


@pytest.mark.parametrize("text,names,mentions", RESOLUTION, ids=[r[0][:40] for r in RESOLUTION])
def test_mentions_resolve_to_one_citation(text, names, mentions):
    citations, _ = cite(text)
    assert [c.number or c.name for c in citations] == names
    assert [len(c.mentions) for c in citations] == mentions


def test_own_number_is_not_a_citation():
    text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN AN\nSố: 45/KH-UBND\nTân An, ngày 02 tháng 4 năm 2025\nKẾ HOẠCH\n"
            "Căn cứ Kế hoạch số 18/KH-UBND ngày 20/3/2025 của UBND huyện;\n"
            "Giao Văn phòng theo dõi việc thực hiện Kế hoạch số 45/KH-UBND.")
    citations, _ = cite(text)
    assert [c.number for c in citations] == ["18/KH-UBND"]
    citations, _ = cite("Triển khai Kế hoạch số 45/KH-UBND. Căn cứ Quyết định số 3/QĐ-UBND;",
                        DocumentInfo(number="45/KH-UBND"))
    assert [c.number for c in citations] == ["3/QĐ-UBND"]


PLAN = ("ỦY BAN NHÂN DÂN\nHUYỆN AN LÃO\nSố: 12/KH-UBND\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\n"
        "Căn cứ Quyết định số 1102/QĐ-UBND ngày 15/12/2024 của UBND tỉnh về cải cách hành chính;\n"
        "Thực hiện Kế hoạch số 210/KH-UBND ngày 05/01/2025 của UBND tỉnh;\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Bám sát Công văn số 88/SNV-CCHC ngày 10/01/2025 của Sở Nội vụ.\n")


@pytest.mark.parametrize("with_sections", [False, True])
def test_role_basis_for_the_preamble_reference_after_the_first_heading(with_sections):
    sections = [Section(number="I", heading="MỤC ĐÍCH, YÊU CẦU", level=1, start=PLAN.index("I. MỤC"),
                        end=len(PLAN))] if with_sections else []
    citations, _ = cite(PLAN, sections=sections)
    assert {c.number: c.role for c in citations} == {
        "1102/QĐ-UBND": "basis", "210/KH-UBND": "basis", "88/SNV-CCHC": "reference"}


def test_role_of_a_letter_without_outline():
    letter = ("SỞ NỘI VỤ\nSố: 301/SNV-TCBC\nV/v góp ý dự thảo theo Nghị quyết số 12/NQ-HĐND\nKính gửi:\n"
              "- Các sở, ban, ngành;\n- UBND các xã.\n"
              "Thực hiện Công văn số 990/UBND-NC ngày 02/10/2025 của UBND tỉnh, Sở Nội vụ đề nghị như sau.\n"
              "Ngày 05/10/2025, Bộ Nội vụ có Công văn số 5012/BNV-TCPCP hướng dẫn thêm.")
    citations, _ = cite(letter)
    assert {c.number: c.role for c in citations} == {
        "12/NQ-HĐND": "reference", "990/UBND-NC": "basis", "5012/BNV-TCPCP": "reference"}
    assert citations[-1].date == "2025-10-05"


def test_preamble_sentence_that_tells_a_fact_is_not_basis():
    directive = ("CHỈ THỊ\nVỀ TĂNG CƯỜNG KỶ CƯƠNG HÀNH CHÍNH\n"
                 "Thời gian qua, việc thực hiện Quyết định số 640/QĐ-TTg ngày 02/6/2023 của Thủ tướng Chính phủ "
                 "còn chậm.\nThực hiện Công văn số 77/VPCP-KSTT ngày 09/01/2025 của Văn phòng Chính phủ, "
                 "Chủ tịch UBND tỉnh chỉ thị:\n1. Các sở, ngành tập trung chỉ đạo.")
    sections = [Section(number="1", heading="Các sở, ngành", level=1, start=directive.index("1. Các"),
                        end=len(directive))]
    citations, _ = cite(directive, sections=sections)
    assert {c.number: c.role for c in citations} == {"640/QĐ-TTg": "reference", "77/VPCP-KSTT": "basis"}


WARNINGS = [
    ("Quyết định số 12/KH-UBND ngày 05/01/2024 của UBND huyện", None, "citation_type_mismatch"),
    ("Kế hoạch số 15/KH-UBND ngày 31/02/2024 của UBND xã", None, "citation_bad_date"),
    ("Kế hoạch số 16/KH-UBND ngày 01/01/2099 của UBND xã", None, "citation_bad_date"),
    ("Nghị định số 16/2019/NĐ-CP ngày 01/02/2018 của Chính phủ", None, "citation_bad_date"),
    ("Kế hoạch số 17/KH-UBND ngày 01/5/2024 của UBND xã", "2024-03-01", "citation_after_document"),
    ("Nghị định số 15/NĐ-CP ngày 22/01/2020 của Chính phủ", None, "citation_missing_year"),
    ("Kế hoạch số 806/KH-UBND ngày 09/01/2026. Theo Kế hoạch số 806/KH-UBND ngày 19/01/2026.", None,
     "citation_date_conflict"),
]


@pytest.mark.parametrize("text,doc_date,code", WARNINGS, ids=[w[2] + ":" + w[0][:25] for w in WARNINGS])
def test_warnings(text, doc_date, code):
    citations, warnings = cite(text, DocumentInfo(date=doc_date))
    assert citations
    assert code in {w.code for w in warnings}
    located = [w for w in warnings if w.code == code]
    assert all(w.location is not None and 0 <= w.location < len(text) for w in located)


NO_WARNINGS = [
    "Quy định số 105-QĐ/TW ngày 19/12/2017 của Ban Chấp hành Trung ương",  # party QĐ is a Quy định
    "Nghị quyết số 98/2023/QH15 ngày 24/6/2023 của Quốc hội",
    "Văn bản số 55/KH-UBND ngày 12/3/2024 của UBND huyện",
    "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ",
]


@pytest.mark.parametrize("text", NO_WARNINGS, ids=[t[:30] for t in NO_WARNINGS])
def test_no_warning_for_sound_citations(text):
    citations, warnings = cite(text, DocumentInfo(date="2025-01-01"))
    assert citations and not warnings


SYMBOLS = [
    ("248/KH-UBND", "248/KH-UBND", "KH", None),
    ("16/2015/NĐ -CP", "16/2015/NĐ-CP", "NĐ", 2015),
    ("08 - CTr/TU", "08-CTr/TU", "CTr", None),
    ("5919/UBND-TTPVHCC", "5919/UBND-TTPVHCC", None, None),
    ("59/2020/QH14", "59/2020/QH14", "QH", 2020),
    ("2775/SNV-CCHC&VTLT", "2775/SNV-CCHC&VTLT", None, None),
]


@pytest.mark.parametrize("written,number,kind,year", SYMBOLS)
def test_symbol_grammar(written, number, kind, year):
    symbol = symbols.parse(written)
    assert (symbol.number, symbol.kind_code, symbol.year) == (number, kind, year)


@pytest.mark.parametrize("text", ["15/7/2021", "2021 - 2025", "Covid-19", "12/3 Ban", "9001:2015"])
def test_not_symbols(text):
    assert symbols.parse(text) is None


# ---------------------------------------------------------------- the fast paths keep their plain definitions


@pytest.mark.parametrize("text", [
    "Kế hoạch số 12/KH-UBND và 1234567/KH, 30c /NQ-CP; 16/2015/NĐ – CP", "15/7/2021 - 08 - CTr/TU",
    "117/QĐ-\nUBND", "x12/KH a/12/B 12/B/C", "2775/SNV-CCHC&VTLT¹ ngày", "١٢/KH ３/KH", "- 5 -", "",
])
def test_symbol_scan_finds_what_the_regex_finds(text):
    regex = [m.span() for m in symbols.symbol_regex().finditer(text) if symbols.starts_cleanly(text, m)]
    assert [m.span() for m in symbols.finditer(text)] == regex


@pytest.mark.parametrize("text", ["kế hoạch", "kết luận", "luật đất đai", "luật", "luật  đất\nđai", "kế  hoạch x"])
def test_word_tree_matches_as_the_longest_first_list(text):
    words = ["kế hoạch", "kết luận", "luật", "luật đất đai", "luật đất"]
    flat = "|".join(re.escape(w).replace("\\ ", "\\s+") for w in sorted(words, key=len, reverse=True))
    assert re.compile(_alternation(words)).match(text)[0] == re.compile(flat).match(text)[0]


@pytest.mark.parametrize("text, floor, pos", [
    ("Ngày 5. Căn cứ A: B", 0, 19), ("a.b. c", 0, 6), ("a. ", 0, 2), (". x", 0, 0), ("x.\ny.\tz", 3, 7), ("…? ! x", 0, 6),
])
def test_sentence_start_is_after_the_last_boundary(text, floor, pos):
    ends = [m.end() for m in re.compile(r"[.!?:](?=\s)").finditer(text, floor, pos)]
    assert _sentence_start(text, floor, pos) == (ends[-1] if ends else floor)


@pytest.mark.parametrize("word, text", [
    ("nghị", "nghị quyết nghị  quyết\nnghịquyết nghị"), ("trên", "trên trênx nêu trên trên"), ("bộ", "bộ luật bộluật"),
])
def test_word_search_finds_what_the_regex_finds(word, text):
    rx = re.compile(re.escape(word) + r"\s+\w+")
    assert [m.span() for m in _find_word(rx, text, word)] == [m.span() for m in rx.finditer(text)]


@pytest.mark.parametrize("text, pos", [("I. Mở đầu", 0), ("a\n  I. Mở đầu", 0), ("a\nII.x\n* PHẦN I", 1), ("Chương 2", 1), ("", 0)])
def test_heading_line_is_where_a_line_opens_with_a_heading(text, pos):
    m = re.compile(r"(?m)^[\s*|]*(?:[IVX]{1,4}\.\s|PHẦN\b|Phần thứ|CHƯƠNG\b|Chương [IVX\d])").search(text, pos)
    assert _heading_line(text, pos) == (m.start() if m else None)


@pytest.mark.parametrize("text, floor, pos", [
    ("Căn cứ A", 0, 8), ("x\n - Thực hiện A", 0, 16), ("A. Theo B", 0, 9), ("A.  Theo B", 0, 10), ("A.\tĐể B", 3, 7),
    ("ATheo B", 0, 7), ("A: * + | Xét B", 0, 14), ("Tiếp theo B", 0, 11), ("Tiếp\ntheo B", 0, 11), ("x  Theo", 2, 7),
    ("Theodore", 0, 8), ("Theo", 0, 3), ("\n\n  Triển khai", 3, 14),
])
def test_basis_opening_found_as_the_regex_finds_it(text, floor, pos):
    key = text.lower()
    rx = re.compile(r"(?:^|(?<=\n)|(?<=[.!?:]\s))[\s*\-+|]*(?P<verb>căn cứ|thực hiện|triển khai|theo|xét|tiếp theo|để)(?!\w)",
                    re.MULTILINE)
    regex = [o.start("verb") for o in rx.finditer(key, floor, pos)]
    verbs = [v.start() for v in _basis_verb().finditer(key, floor, pos) if _opens_sentence(key, floor, v.start())]
    assert verbs == regex


@pytest.mark.parametrize("text", [
    "TCVN ISO 9001:2015, TCVN 5574, QCVN 01:2021 và ISO/IEC 27001", "ISOISO 9001 TCVNISO 1", "xTCVN 1 ISO", "CVN 1 ISO", "",
])
def test_standards_found_as_the_regex_finds_them(text):
    assert [m.span() for m in _standard_matches(text)] == [m.span() for m in symbols.standard_regex().finditer(text)]
