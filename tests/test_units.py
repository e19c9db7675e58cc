"""Issuer -> administrative unit: level, province as issued, province and ward now."""
import pytest

from extractor.units import find_province, issuer_level, provinces, resolve_unit

LEVELS = [
    # (issuer as find_metadata writes it, date, level)
    ("UBND tỉnh Đắk Lắk", "2025-11-18", "tỉnh"),
    ("Ủy ban nhân dân tỉnh Thái Bình", "2024-05-02", "tỉnh"),
    ("HĐND tỉnh Quảng Nam", "2023-12-08", "tỉnh"),
    ("Tỉnh ủy Lâm Đồng", "2025-09-01", "tỉnh"),
    ("UBND thành phố Hà Nội", "2025-11-17", "tỉnh"),
    ("UBND thành phố Hồ Chí Minh", "2024-03-01", "tỉnh"),
    ("UBND thành phố Buôn Ma Thuột, UBND tỉnh Đắk Lắk", "2024-02-01", "huyện"),
    ("UBND thành phố Đông Hải", "2026-01-10", "tỉnh"),  # no city under a province after 1/7/2025
    ("UBND huyện Phù Yên", "2022-04-12", "huyện"),
    ("Ủy ban nhân dân quận Long Biên", None, "huyện"),
    ("UBND thị xã Sơn Tây", "2024-10-01", "huyện"),
    ("Ban Tuyên giáo Quận ủy Long Biên", None, "huyện"),
    ("UBND xã Tân Lập", "2026-01-20", "xã, phường"),
    ("UBND phường Hòa Minh, UBND thành phố Đông Hải", "2026-01-14", "xã, phường"),
    ("UBND thị trấn Mộc Châu", "2023-06-01", "xã, phường"),
    ("UBND đặc khu Phú Quốc", "2025-08-15", "xã, phường"),
    ("Đảng ủy phường Ngọc Hà", "2025-09-02", "xã, phường"),
    ("Sở Nội vụ, UBND tỉnh Lâm Đồng", "2025-10-09", "sở"),
    ("Sở Văn hóa, Thể thao và Du lịch, UBND tỉnh Bình Nguyên", "2026-03-24", "sở"),
    ("Bộ Chỉ huy quân sự tỉnh Gia Lai", "2025-08-01", "sở"),
    ("Công an tỉnh Hưng Yên", "2025-08-01", "sở"),
    ("Văn phòng UBND tỉnh Cà Mau", "2025-08-01", "sở"),
    ("Thuế tỉnh Vĩnh Long, Cục Thuế", "2025-12-02", "sở"),
    ("Phòng Văn hóa - Xã hội, UBND phường Ngọc Hà", "2025-10-01", "phòng"),
    ("Phòng Giáo dục và Đào tạo huyện Phù Yên", "2023-08-20", "phòng"),
    ("Bộ Nội vụ", "2025-07-31", "bộ"),
    ("Bộ Văn hóa, Thể thao và Du lịch", "2025-03-01", "bộ"),
    ("Ngân hàng Nhà nước Việt Nam", "2024-01-01", "bộ"),
    ("Thủ tướng Chính phủ", "2025-11-29", "trung ương"),
    ("Văn phòng Chính phủ", "2025-11-15", "trung ương"),
    ("Ban Tuyên giáo và Dân vận Trung ương", "2025-11-19", "trung ương"),
    ("Hiệp hội Công chứng viên Việt Nam", "2025-10-20", "other"),
    (None, None, "other"),
]


@pytest.mark.parametrize("issuer,date,level", LEVELS)
def test_issuer_level(issuer, date, level):
    assert issuer_level(issuer, date, find_province(issuer)) == level


PROVINCES = [
    # (text, province as issued, province now)
    ("UBND tỉnh Bình Dương", "Bình Dương", "Thành phố Hồ Chí Minh"),
    ("UBND TỈNH HÀ GIANG", "Hà Giang", "Tuyên Quang"),
    ("Sở Y tế tỉnh Hoà Bình", "Hòa Bình", "Phú Thọ"),  # old tone placement
    ("UBND tỉnh Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
    ("UBND tỉnh Thừa Thiên Huế", "Thừa Thiên Huế", "Thành phố Huế"),
    ("TP. Hồ Chí Minh", "Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("Thành ủy Cần Thơ", "Cần Thơ", "Thành phố Cần Thơ"),
    ("Đắk Lắk", "Đắk Lắk", "Đắk Lắk"),  # a place line that is only the province's name
    ("UBND tỉnh Đắk Nông", "Đắk Nông", "Lâm Đồng"),
    ("UBND tỉnh Kiên Giang", "Kiên Giang", "An Giang"),
    ("UBND tỉnh Lâm Đồng", "Lâm Đồng", "Lâm Đồng"),
    ("UBND phường Hòa Bình", None, None),  # a ward's name, not the province
    ("UBND thành phố Đông Hải", None, None),
    ("Bộ Nội vụ", None, None),
]


@pytest.mark.parametrize("text,old,now", PROVINCES)
def test_find_province(text, old, now):
    province = find_province(text)
    assert (province.old_name if province else None, province.current if province else None) == (old, now)


def test_merger_table_covers_63_old_provinces_and_34_current():
    by_key, _ = provinces()
    assert len({p.old_name for p in by_key.values()}) == 63
    assert len({p.current for p in by_key.values()}) == 34


UNITS = [
    # (issuer, date, hints) -> (issuer proper, level, province as issued, unit now, words in the note)
    (("UBND tỉnh Bình Dương", "2024-03-01", ()),
     ("UBND tỉnh Bình Dương", "tỉnh", "Bình Dương", "Thành phố Hồ Chí Minh", "merged into Thành phố Hồ Chí Minh")),
    (("UBND tỉnh Quảng Bình", None, ()),
     ("UBND tỉnh Quảng Bình", "tỉnh", "Quảng Bình", "Quảng Trị", "merged into Quảng Trị")),
    (("Sở Nội vụ, UBND tỉnh Lâm Đồng", "2025-10-09", ()),
     ("Sở Nội vụ", "sở", "Lâm Đồng", "Lâm Đồng", "")),
    (("UBND phường Ngọc Hà", "2025-09-02", ()),
     ("UBND phường Ngọc Hà", "xã, phường", "Thành phố Hà Nội", "Phường Ngọc Hà, Thành phố Hà Nội",
      "current list of wards")),
    (("UBND xã Tân Phú", "2026-02-01", ("UBND tỉnh Đồng Nai",)),  # five of that name: the hint decides
     ("UBND xã Tân Phú", "xã, phường", "Đồng Nai", "Xã Tân Phú, Đồng Nai", "read from the document")),
    (("UBND xã Tân Phú", "2026-02-01", ()),
     ("UBND xã Tân Phú", "xã, phường", None, "", "5 wards of that name")),
    (("UBND xã Hương Long", "2024-03-30", ("UBND TỈNH THỪA THIÊN HUẾ",)),
     ("UBND xã Hương Long", "xã, phường", "Thừa Thiên Huế", "Thành phố Huế", "current ward is not resolved")),
    (("UBND huyện Phù Yên", "2022-04-12", ("UBND tỉnh Sơn La",)),
     ("UBND huyện Phù Yên", "huyện", "Sơn La", "Sơn La", "district")),
    (("UBND phường Hòa Minh, UBND thành phố Đông Hải", "2026-01-14", ("Hòa Minh",)),
     ("UBND phường Hòa Minh", "xã, phường", None, "", "not in the current list of wards")),
    (("Thủ tướng Chính phủ", "2025-11-29", ("Hà Nội",)),  # the place line is not a ministry's province
     ("Thủ tướng Chính phủ", "trung ương", None, "", "")),
]


@pytest.mark.parametrize("given,expected", UNITS)
def test_resolve_unit(given, expected):
    unit = resolve_unit(*given)
    issuer, level, province, now, note = expected
    assert (unit.issuer, unit.level, unit.province, unit.current) == (issuer, level, province, now)
    assert note in unit.note
    if not note:
        assert unit.note == ""
