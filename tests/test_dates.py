import pytest

from extractor.dates import find_dates, to_iso


@pytest.mark.parametrize("text, iso", [
    ("ngày 15/7/2021", "2021-07-15"),
    ("ngày 05/02/2024 của UBND", "2024-02-05"),
    ("ngày 19 tháng 01 năm 2024", "2024-01-19"),
    ("Hòa Minh, ngày 7 tháng 3 năm 2026", "2026-03-07"),
    ("ngày 18\ntháng 11 năm 2025", "2025-11-18"),
    ("15-7-2021", "2021-07-15"),
    ("15.7.2021", "2021-07-15"),
    ("ngày 31/02/2024", None),  # impossible: found, but no ISO form
    ("Nghị định số 16/2015/NĐ-CP", None),  # a symbol is not a date
    ("ngày    tháng 3 năm 2026", None),  # day left blank in a draft
])
def test_to_iso(text, iso):
    assert to_iso(text) == iso


def test_find_dates_gives_spans():
    text = "Kế hoạch số 12/KH-UBND ngày 10/11/2025 và Công văn ngày 02 tháng 12 năm 2025"
    found = find_dates(text)
    assert [d.iso for d in found] == ["2025-11-10", "2025-12-02"]
    assert [text[d.start:d.end] for d in found] == ["10/11/2025", "ngày 02 tháng 12 năm 2025"]
