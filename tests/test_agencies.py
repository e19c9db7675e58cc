import pytest

from extractor.agencies import agency_key, name_end, split_names
from extractor.normalize import match_key


def names(text: str) -> list[str]:
    return [n.text for n in split_names(text, match_key(text), 0, len(text))]


@pytest.mark.parametrize("text, expected", [
    ("Sở Tài chính, Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"]),
    ("Sở Xây dựng; Sở Công Thương.", ["Sở Xây dựng", "Sở Công Thương"]),
    # a collective phrase stays whole; a body after it is split off
    ("Các sở, ban, ngành", ["Các sở, ban, ngành"]),
    ("Các sở, ban, ngành và UBND các huyện, thị xã", ["Các sở, ban, ngành", "UBND các huyện, thị xã"]),
    ("Các phòng, ban chuyên môn, UBND cấp xã", ["Các phòng, ban chuyên môn", "UBND cấp xã"]),
    ("các quân khu, Ủy ban nhân dân các tỉnh", ["các quân khu", "Ủy ban nhân dân các tỉnh"]),
    # commas and "và" inside one body's name
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Bộ Lao động - Thương binh và Xã hội", ["Bộ Lao động - Thương binh và Xã hội"]),
    ("Báo và Đài Phát thanh, Truyền hình Hà Giang", ["Báo và Đài Phát thanh, Truyền hình Hà Giang"]),
    # an elliptical list after a plural head
    ("Giám đốc các Sở: Y tế, Giáo dục và Đào tạo", ["Sở Y tế", "Sở Giáo dục và Đào tạo"]),
    # a piece after ";" without a head borrows the head before it
    ("Công chức Địa chính – Xây dựng; Tư pháp – Hộ tịch",
     ["Công chức Địa chính – Xây dựng", "Công chức Tư pháp – Hộ tịch"]),
    ("công chức Địa chính – Xây dựng, Văn hóa – Xã hội", ["công chức Địa chính – Xây dựng", "Công chức Văn hóa – Xã hội"]),
    # titles are kept as written
    ("Chánh Văn phòng UBND huyện, Trưởng phòng Nội vụ huyện",
     ["Chánh Văn phòng UBND huyện", "Trưởng phòng Nội vụ huyện"]),
    ("Hội Nông dân, Đoàn Thanh niên, Hội Phụ nữ xã", ["Hội Nông dân", "Đoàn Thanh niên", "Hội Phụ nữ xã"]),
    ("Sở Y tế (cơ quan thường trực)", ["Sở Y tế"]),
    ("Văn phòng HĐND và UBND huyện", ["Văn phòng HĐND và UBND huyện"]),
    # a collective after one named body is a body of its own
    ("Đài Truyền hình tỉnh, cơ quan báo chí địa phương", ["Đài Truyền hình tỉnh", "cơ quan báo chí địa phương"]),
    ("các Sở, ngành, đơn vị", ["các Sở, ngành, đơn vị"]),
    ("Các cơ quan, tổ chức, cá nhân có liên quan", ["Các cơ quan, tổ chức, cá nhân có liên quan"]),
    ("các cơ quan báo chí, truyền thông trên địa bàn huyện", ["các cơ quan báo chí, truyền thông trên địa bàn huyện"]),
    # public bodies whose head is two words, or "Ban" + the lower-case words saying what it does
    ("Bệnh viện Y học cổ truyền tỉnh và Bệnh viện Phổi tỉnh", ["Bệnh viện Y học cổ truyền tỉnh", "Bệnh viện Phổi tỉnh"]),
    ("Trạm Y tế phường Đông Hải, Trường Tiểu học Nguyễn Trãi",
     ["Trạm Y tế phường Đông Hải", "Trường Tiểu học Nguyễn Trãi"]),
    ("Ban giám hiệu các trường; Ban thanh tra nhân dân phường", ["Ban giám hiệu các trường", "Ban thanh tra nhân dân phường"]),
    ("Hợp tác xã Dịch vụ nông nghiệp Phú Lộc", ["Hợp tác xã Dịch vụ nông nghiệp Phú Lộc"]),
    ("Ban Công tác xã hội tỉnh", ["Ban Công tác xã hội tỉnh"]),  # "Ban" + a capitalised name
    ("Trường Mầm non Hoa Sen, Trạm Y tế phường", ["Trường Mầm non Hoa Sen", "Trạm Y tế phường"]),
    # no body at all
    ("Theo phân công tại Quyết định số 15/QĐ-UBND", []),
    ("Ban hành kế hoạch trong tháng 3", []),
    ("Tổ chức các lớp tập huấn", []),
])
def test_split_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, name", [
    ("Sở Tài chính chủ trì, phối hợp với các sở", "Sở Tài chính"),
    ("UBND các xã, phường tăng cường kiểm tra", "UBND các xã, phường"),
    ("Bộ Nông nghiệp và Môi trường khẩn trương rà soát", "Bộ Nông nghiệp và Môi trường"),
    ("Trung tâm Thông tin tỉnh thực hiện đăng tải", "Trung tâm Thông tin tỉnh"),  # "Thông tin" capitalised: a name
    ("Các tổ chức xã hội tham gia vận động", "Các tổ chức xã hội"),  # "tổ chức" before "xã hội": a noun
    ("Các cơ quan được giao chủ trì báo cáo", None),  # a description, not a name
    ("Công an huyện để cấp tài khoản", "Công an huyện"),  # a preposition always ends a name
    ("các doanh nghiệp cung cấp dịch vụ viễn thông triển khai", "các doanh nghiệp cung cấp dịch vụ viễn thông"),
    ("TỔ CHỨC THỰC HIỆN", None),  # a heading in capitals
    ("Đơn vị chủ trì: Sở Nội vụ", None),  # a field label
    ("Ban công tác Mặt trận khu phố 3 vận động các hộ", "Ban công tác Mặt trận khu phố 3"),
    ("Ban phát triển các ấp tham gia giám sát", "Ban phát triển các ấp"),
    ("Trung tâm Y tế khu vực Bắc Sơn tổ chức tiêm chủng", "Trung tâm Y tế khu vực Bắc Sơn"),
    # a name does not run on into the document or system a verb the lexicon lacks acts on
    ("Sở Giáo dục và Đào tạo chỉnh lý Bộ tiêu chí chấm điểm", "Sở Giáo dục và Đào tạo"),
    ("Công an tỉnh nâng cấp Cổng dịch vụ công", "Công an tỉnh"),
    ("Phòng Tài chính - Kế hoạch hiệu đính Dự thảo quy chế", "Phòng Tài chính - Kế hoạch"),
    ("Công an xã xác minh nơi cư trú", "Công an xã"),
    ("Trường Trung học phổ thông Chu Văn An tổ chức ngoại khóa", "Trường Trung học phổ thông Chu Văn An"),  # after its place level, only a capitalised name
    ("UBND thị xã Bình Minh bố trí kinh phí", "UBND thị xã Bình Minh"),
    # lower-case words before a capitalised part that is no document stay in the name
    ("Trung tâm Kiểm soát bệnh tật thành phố Hải Phòng giám sát", "Trung tâm Kiểm soát bệnh tật thành phố Hải Phòng"),
    ("Chi nhánh Ngân hàng Chính sách xã hội Thị xã theo dõi", "Chi nhánh Ngân hàng Chính sách xã hội Thị xã"),
])
def test_name_end(text, name):
    span = name_end(text, match_key(text), 0, len(text))
    assert (text[span[0]:span[1]] if span else None) == name


@pytest.mark.parametrize("a, b", [
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
    ("Uỷ ban nhân dân huyện", "ỦY BAN NHÂN DÂN HUYỆN"),  # tone placement and case
    ("Ủy ban MTTQ Việt Nam huyện", "Ủy ban Mặt trận Tổ quốc huyện"),
    ("Phòng Văn hóa - Thông tin", "Phòng Văn hoá và Thông tin"),
    ("Phòng VH-TT", "Phòng Văn hóa – Thông tin"),
    ("Giám đốc Sở Nội vụ", "Sở Nội vụ"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa Thể thao Du lịch"),
    ("HĐND xã", "Hội đồng nhân dân xã"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở LĐTBXH"),
])
def test_agency_key_groups_one_body(a, b):
    assert agency_key(a) == agency_key(b)


@pytest.mark.parametrize("a, b", [
    ("Sở Khoa học và Công nghệ", "Bộ Khoa học và Công nghệ"),  # levels differ
    ("UBND tỉnh", "HĐND tỉnh"),
    ("Sở Tư pháp", "Sở Tài chính"),
])
def test_agency_key_keeps_bodies_apart(a, b):
    assert agency_key(a) != agency_key(b)
