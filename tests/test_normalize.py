import unicodedata

import pytest

from extractor.normalize import clean_line, match_key, retone, strip_diacritics


@pytest.mark.parametrize("raw, clean", [
    ("**KẾ HOẠCH**", "KẾ HOẠCH"),
    ("**I. MỤC ĐÍCH,", "I. MỤC ĐÍCH,"),
    ("YÊU CẦU**", "YÊU CẦU"),
    ("*Hà Nội, ngày 05 tháng 3 năm 2026*", "Hà Nội, ngày 05 tháng 3 năm 2026"),
    ("** **", ""),
    ("Số:\u00a0 15/KH-UBND", "Số: 15/KH-UBND"),
    ("  cải   cách\thành chính ", "cải cách hành chính"),
    ("tuyên\u200b truyền", "tuyên truyền"),
    ("xem chú thích 3*", "xem chú thích 3"),  # italic close at line end
    ("hệ số 2 * 3 không đổi", "hệ số 2 * 3 không đổi"),  # a lone star inside a line stays
])
def test_clean_line(raw, clean):
    assert clean_line(raw) == clean


def test_clean_line_composes_nfd_text():
    nfd = unicodedata.normalize("NFD", "Kế hoạch tuyên truyền")
    assert clean_line(nfd) == "Kế hoạch tuyên truyền"
    assert len(clean_line(nfd)) == len("Kế hoạch tuyên truyền")


@pytest.mark.parametrize("old, new", [
    ("hoà", "hòa"), ("Hoà", "Hòa"), ("uỷ ban", "ủy ban"), ("thuý", "thúy"), ("hoá", "hóa"),
    ("khoẻ", "khỏe"),
    ("hoàn thành", "hoàn thành"),  # tone on a closed syllable stays where it is
    ("quý", "quý"), ("quà tặng", "quà tặng"),  # "qu" is a consonant: nothing to move
])
def test_retone(old, new):
    assert retone(old) == new


@pytest.mark.parametrize("text", ["Uỷ ban nhân dân", "CỘNG HOÀ XÃ HỘI", "Sở Văn hoá – Thể thao", "Điều 3."])
def test_match_key_keeps_length_and_folds(text):
    key = match_key(text)
    assert len(key) == len(text)
    assert key == key.lower()
    assert "–" not in key


def test_match_key_equal_for_old_and_new_spelling():
    assert match_key("Uỷ ban nhân dân tỉnh Khánh Hoà") == match_key("Ủy ban nhân dân tỉnh Khánh Hòa")


def test_strip_diacritics():
    assert strip_diacritics("Đề án phát triển") == "De an phat trien"
