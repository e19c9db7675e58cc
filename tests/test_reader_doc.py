""".doc files: converted by LibreOffice, then read as .docx; clear errors when that is not possible.

`data/docx_plan_numbered.doc` is the .docx fixture saved as Word 97-2003 by LibreOffice
(`data/docx_make_fixtures.py`). Tests that run LibreOffice itself skip when it is not installed;
the error paths run everywhere, with a stand-in program where one is needed.
"""
from __future__ import annotations

import re
import stat
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from extractor.blocks import FOOTNOTE, PARAGRAPH, TABLE
from extractor.errors import ReadError
from extractor.readers import doc

from conftest import has_soffice

DATA = Path(__file__).parent / "data"
PLAN_DOC = DATA / "docx_plan_numbered.doc"
PLAN_DOCX = DATA / "docx_plan_numbered.docx"

needs_soffice = pytest.mark.skipif(not has_soffice(), reason="LibreOffice (soffice) is not installed: "
                                   "apt-get install libreoffice-writer")

# Blocks the .doc must give, in this order (LibreOffice keeps Word's numbering when it saves .doc)
PLAN_DOC_SEQUENCE = [
    "KẾ HOẠCH",
    "DỰ THẢO",  # a text box
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "a) Nâng cao kỹ năng soạn thảo văn bản hành chính cho công chức.",
    "- Công chức văn phòng - thống kê, tư pháp - hộ tịch.",
    "2. Yêu cầu",
    "a) Bảo đảm đúng đối tượng, thiết thực, tiết kiệm.",
    "II. NỘI DUNG TẬP HUẤN",
    "1.1. Kỹ thuật trình bày văn bản",
    "2.1. Tiếp nhận, đăng ký văn bản đến",
    "III. THỜI GIAN, ĐỊA ĐIỂM",
    "IV. TỔ CHỨC THỰC HIỆN",
    "V. KINH PHÍ",
    "Kế hoạch số 42/KH-UBND được ban hành kèm theo Quyết định số 118/QĐ-UBND ngày 12/01/2026 "
    "của Ủy ban nhân dân huyện.",
]


def _is_subsequence(wanted: list[str], texts: list[str]) -> bool:
    remaining = iter(texts)
    return all(any(text == item for text in remaining) for item in wanted)


@needs_soffice
def test_doc_read_through_libreoffice():
    raw = doc.read(PLAN_DOC.read_bytes(), PLAN_DOC)
    assert raw.format == "doc"
    texts = [b.text.strip() for b in raw.blocks if b.kind != TABLE]
    assert _is_subsequence(PLAN_DOC_SEQUENCE, texts), texts
    schedule = [b for b in raw.blocks if b.kind == TABLE][1]
    assert [cell.text for cell in schedule.rows[2]] == ["1", "Thể thức văn bản", "Sáng 10/3/2026",
                                                        "Văn phòng - Thống kê", "Tư pháp - Hộ tịch"]
    assert [b.kind for b in raw.blocks[-3:]] == [FOOTNOTE] * 3


@needs_soffice
def test_parallel_conversions_do_not_collide():
    """Batch workers convert at the same time: each LibreOffice has its own profile."""
    data = PLAN_DOC.read_bytes()
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda name: doc.convert_to_docx(data, name), ["a.doc", "b.doc"]))
    assert all(result.startswith(b"PK") for result in results)


# Files saved with a .doc name that are something else Word opens (portals serve these often)
NOT_REALLY_DOC = [
    pytest.param(r"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}\f0 K\u7870?T LU\u7852?N\par "
                 r"Giao S\u7903? N\u7897?i v\u7909? ch\u7911? tr\u236?.\par}".encode("ascii"),
                 [(PARAGRAPH, "KẾT LUẬN"), (PARAGRAPH, "Giao Sở Nội vụ chủ trì.")], id="rtf"),
    pytest.param("<html><head><meta charset='utf-8'></head><body><p><b>KẾT LUẬN</b></p>"
                 "<table><tr><td>1</td><td>Sở Nội vụ</td></tr></table></body></html>".encode("utf-8"),
                 [(PARAGRAPH, "KẾT LUẬN"), (TABLE, [["1", "Sở Nội vụ"]])], id="html"),
]


@needs_soffice
@pytest.mark.parametrize("data, expected", NOT_REALLY_DOC)
def test_other_formats_named_doc(data, expected):
    raw = doc.read(data, Path("ket_luan.doc"))
    got = [(b.kind, [[c.text for c in row] for row in b.rows] if b.kind == TABLE else b.text.strip())
           for b in raw.blocks]
    assert got == expected


REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
_LABELLED = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)) \S")


def _libreoffice_text(path: Path, tmp_path: Path) -> list[str]:
    subprocess.run([doc.find_soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    text = (tmp_path / (path.stem + ".txt")).read_text(encoding="utf-8-sig")
    return [" ".join(line.split()) for line in text.splitlines()]


@needs_soffice
@pytest.mark.parametrize("path", [PLAN_DOCX, *sorted(REAL.glob("07[24]_*.docx"))], ids=lambda p: p.name[:20])
def test_word_numbering_agrees_with_libreoffice(path, tmp_path):
    """Every numbered line LibreOffice shows, the .docx reader gives word for word (LibreOffice's
    text export writes all-caps text as typed, hence the case folding)."""
    from extractor.readers import docx

    ours = {" ".join(b.text.split()).casefold() for b in docx.read(path.read_bytes(), path).blocks}
    numbered = [line.casefold() for line in _libreoffice_text(path, tmp_path) if _LABELLED.match(line)]
    assert numbered
    assert [line for line in numbered if line not in ours] == []


def test_docx_named_doc_needs_no_conversion(monkeypatch):
    monkeypatch.setattr(doc, "find_soffice", lambda: None)  # would fail if a conversion were tried
    raw = doc.read(PLAN_DOCX.read_bytes(), Path("thuc_ra_la_docx.doc"))
    assert raw.format == "doc"
    assert "I. MỤC ĐÍCH, YÊU CẦU" in [b.text for b in raw.blocks]


def _fake_soffice(tmp_path: Path, script: str) -> str:
    program = tmp_path / "soffice"
    program.write_text(f"#!/bin/sh\n{script}\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return str(program)


# (stand-in for soffice, timeout, expected code, words the message must hold)
ERRORS = [
    pytest.param(lambda tmp: None, None, "libreoffice_missing",
                 ["not installed", "apt-get install libreoffice-writer", "libreoffice.org"], id="missing"),
    pytest.param(lambda tmp: _fake_soffice(tmp, "echo 'Error: source file could not be loaded' >&2; exit 1"),
                 None, "conversion_failed", ["could not convert", "source file could not be loaded"],
                 id="conversion-fails"),
    pytest.param(lambda tmp: _fake_soffice(tmp, "sleep 30"), 0.5, "conversion_failed",
                 ["did not finish", "0.5 s"], id="conversion-hangs"),
    pytest.param(lambda tmp: str(tmp / "khong_co_chuong_trinh"), None, "conversion_failed",
                 ["could not be started"], id="program-vanished"),
]


@pytest.mark.parametrize("program, timeout, code, words", ERRORS)
def test_errors(tmp_path, monkeypatch, program, timeout, code, words):
    fake = program(tmp_path)
    monkeypatch.setattr(doc, "find_soffice", lambda: fake)
    if timeout is not None:
        monkeypatch.setattr(doc, "CONVERSION_TIMEOUT", timeout)
    with pytest.raises(ReadError) as caught:
        doc.read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000, Path("cong_van_cu.doc"))
    assert caught.value.code == code
    assert "cong_van_cu.doc" in caught.value.message
    for word in words:
        assert word in caught.value.message


def test_find_soffice_uses_path(monkeypatch, tmp_path):
    program = _fake_soffice(tmp_path, "exit 0")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert doc.find_soffice() == program
