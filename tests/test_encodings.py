"""Decoding text files: BOMs, UTF-16, Windows-1258, TCVN3 (ABC) and VNI, binary data."""
from __future__ import annotations

import unicodedata

import pytest

from extractor.encodings import decode, detect_legacy, fix_legacy
from extractor.errors import ReadError

PLAN = "Kế hoạch triển khai công tác cải cách hành chính năm 2026 của Ủy ban nhân dân xã"

# The same sentences typed in legacy fonts, as their characters come out when read as Latin-1.
# TCVN3 (.VnTime): one byte a letter (ế = Õ, ạ = ¹, ể = Ó, ô = «, á = ¸, ả = ¶, à = µ, í = Ý, ă = ¨,
# ủ = ñ, â = ©, đ = ®, ồ = å, ư = soft hyphen, ờ = ê, ự = ù, ệ = Ö, ê = ª, ề = Ò, ã = ·).
TCVN3_CASES = [
    ("KÕ ho¹ch triÓn khai c«ng t¸c c¶i c¸ch hµnh chÝnh n¨m 2026 cña ñy ban nh©n d©n x·",
     "Kế hoạch triển khai công tác cải cách hành chính năm 2026 của ủy ban nhân dân xã"),
    ("Tæ chøc thùc hiÖn tuyªn truyÒn ®Õn ng\u00adêi d©n vµ doanh nghiÖp trªn ®Þa bµn",
     "Tổ chức thực hiện tuyên truyền đến người dân và doanh nghiệp trên địa bàn"),
    # a heading typed for the capitals font .VnTimeH: ASCII capitals + lower-case accented bytes
    ("KÕ HO¹CH\nTuyªn truyÒn c¶i c¸ch hµnh chÝnh n¨m 2026",
     "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2026"),
    # accented capitals that begin a sentence, a bullet or a numbered item are lost in TCVN3
    ("ñy ban nh©n d©n x· ban hµnh kÕ ho¹ch. ñy ban giao nhiÖm vô\n®ång bé, hiÖu qu¶.\n"
     "- ñy ban MÆt trËn Tæ quèc;\n1. ¦u tiªn ®Çu t\u00ad",
     "Ủy ban nhân dân xã ban hành kế hoạch. Ủy ban giao nhiệm vụ\nđồng bộ, hiệu quả.\n"
     "- Ủy ban Mặt trận Tổ quốc;\n1. Ưu tiên đầu tư"),
]
# VNI (VNI-Times): a base letter plus mark characters (ế = eá, ạ = aï, ể = eå, ô = oâ, ư = ö ...)
VNI_CASES = [
    ("Keá hoaïch trieån khai coâng taùc caûi caùch haønh chính naêm 2026 cuûa UÛy ban nhaân daân xaõ",
     PLAN),
    ("Toå chöùc thöïc hieän tuyeân truyeàn ñeán ngöôøi daân vaø doanh nghieäp treân ñòa baøn",
     "Tổ chức thực hiện tuyên truyền đến người dân và doanh nghiệp trên địa bàn"),
]


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes as Word writes them: base letters with tones as combining marks."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in decomposed if c in tones)
        out.append(unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones)) + tone)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("data, expected", [
    (PLAN.encode("utf-8"), PLAN),
    (b"\xef\xbb\xbf" + PLAN.encode("utf-8"), PLAN),
    (PLAN.encode("utf-16"), PLAN),  # with BOM
    (b"\xff\xfe" + PLAN.encode("utf-16-le"), PLAN),
    (b"\xfe\xff" + PLAN.encode("utf-16-be"), PLAN),
    ("Kế hoạch số 12/KH-UBND\r\nNhiệt độ 30°C, «khẩn»".encode("utf-16-le"),
     "Kế hoạch số 12/KH-UBND\r\nNhiệt độ 30°C, «khẩn»"),  # UTF-16 without BOM
    (to_cp1258(PLAN), PLAN),
    (to_cp1258("Báo cáo kết quả thực hiện quý I năm 2025"), "Báo cáo kết quả thực hiện quý I năm 2025"),
] + [(legacy.encode("latin-1"), unicode) for legacy, unicode in TCVN3_CASES + VNI_CASES]
  + [(legacy.encode("utf-8"), unicode) for legacy, unicode in TCVN3_CASES + VNI_CASES])
def test_decode(data, expected):
    assert unicodedata.normalize("NFC", decode(data, "plan.txt")) == expected


@pytest.mark.parametrize("text, expected", [
    (TCVN3_CASES[0][0], "tcvn3"),
    (TCVN3_CASES[1][0], "tcvn3"),
    (VNI_CASES[0][0], "vni"),
    (VNI_CASES[1][0], "vni"),
    (PLAN, None),
    ("Nhiệt độ trung bình 28°C; © Sở Nội vụ; «Tháng hành động» · tài liệu", None),
    ("Plain ASCII text without any Vietnamese letters.", None),
    ("", None),
])
def test_detect_legacy(text, expected):
    assert detect_legacy(text) == expected


def test_unicode_text_is_left_alone():
    assert fix_legacy(PLAN) is PLAN


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,
    b"\x00\x01\x02\x03PK\x03\x04" + bytes(range(200)),
    b"%PDF-1.7\n\x00\x00\xff\xfe binary stream",
])
def test_binary_data_is_not_text(data):
    with pytest.raises(ReadError) as error:
        decode(data, "ke-hoach.txt")
    assert error.value.code == "not_text"
    assert "ke-hoach.txt" in error.value.message


@pytest.mark.parametrize("text", [
    "", PLAN, TCVN3_CASES[1][0], VNI_CASES[0][0], "µ¸¹®\u00ad øïûöñ «»©·° \u00a0 Đ€ đ 中 ",
    "\ud800 lone surrogate ¸",
])
def test_rare_symbols_count_the_legacy_symbol_characters(text):
    from extractor.encodings import _RARE_SYMBOLS, _rare_symbols

    assert _rare_symbols(text) == sum(1 for c in text if c in _RARE_SYMBOLS.decode("latin-1"))


def test_no_vietnamese_letter_is_a_legacy_symbol():
    # what makes score_bound a bound: a good word's Vietnamese letter is neither ASCII nor a symbol
    from extractor.encodings import _RARE_SYMBOLS, _VIETNAMESE_LETTER

    assert not any(_VIETNAMESE_LETTER.match(chr(c)) for c in [*range(128), *_RARE_SYMBOLS])


@pytest.mark.parametrize("text", [
    "", PLAN, "\ud800 lone surrogate ¸", "µ¸¹®\u00ad øïûöñ «»©·° \u00a0 Đ€ đ 中 ", "chửực e\u0301\u0301 \ufffd",
    *(legacy for legacy, _ in TCVN3_CASES + VNI_CASES),
])
def test_score_bound_is_an_upper_bound(text):
    from extractor.encodings import convert_legacy, legacy_score, score_bound

    for reading in (text, convert_legacy(text, "tcvn3"), convert_legacy(text, "vni")):
        assert score_bound(reading) >= legacy_score(reading)
