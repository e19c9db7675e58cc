"""`vnplan compare`: the four views, near-copies on pairs built here, and the three outputs read back."""
import csv
import random
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import ROOT, run_vnplan
from extractor.compare import (COPY_THRESHOLD, MISSING, PRESENT, build_report, load_entries, near_copies,
                               shared_text)
from extractor.labels import LABELS

CORPUS = ROOT / "corpus"
PLAN = CORPUS / "kh_15_ubnd_hoa_minh_tuyen_truyen_cchc_2026.txt"
DECISION = CORPUS / "qd_27_ubnd_xa_tan_lap_kh_chuyen_doi_so_2026.txt"
REPORT = CORPUS / "bc_42_svhttdl_binh_nguyen_cchc_quy_i_2026.txt"
OTHER_PLAN = ROOT / "tests" / "data" / "compare_kh_xa_phu_loc_cchc_2026.txt"  # same kind and topic as PLAN
DISTINCT = [PLAN, DECISION, REPORT, OTHER_PLAN]
SHEETS = ["Documents", "Citations", "Agencies", "Near-copies"]


def renamed(text: str) -> str:
    """The same plan sent in by another ward: its name, number and date changed."""
    return (text.replace("Hòa Minh", "Tân Phú").replace("HÒA MINH", "TÂN PHÚ")
            .replace("15/KH-UBND", "31/KH-UBND").replace("ngày 14 tháng 01", "ngày 22 tháng 01"))


def cut(text: str) -> str:
    paragraphs = text.split("\n")
    n = len(paragraphs)
    return "\n".join(paragraphs[: n // 3] + paragraphs[n // 2:])  # a sixth left out


def shuffled(text: str) -> str:
    paragraphs = text.split("\n")
    random.Random(7).shuffle(paragraphs)
    return "\n".join(paragraphs)


VARIANTS = [("renamed", renamed), ("cut", cut), ("shuffled", shuffled),
            ("renamed and cut", lambda t: cut(renamed(t)))]


@pytest.mark.parametrize("name,make", VARIANTS)
@pytest.mark.parametrize("original", DISTINCT, ids=lambda p: p.stem[:12])
def test_a_changed_copy_pairs_with_its_original_and_nothing_else(name, make, original):
    texts = [p.read_text(encoding="utf-8") for p in DISTINCT]
    index = DISTINCT.index(original)
    pairs = near_copies(texts + [make(texts[index])])
    assert [(a, b) for a, b, _ in pairs] == [(index, len(DISTINCT))]
    assert pairs[0][2] >= COPY_THRESHOLD


def test_distinct_documents_stay_well_under_the_threshold():
    texts = [p.read_text(encoding="utf-8") for p in DISTINCT]
    assert near_copies(texts) == []


SHARED = [
    # (a, b, share of a, share of b, sample must contain)
    ("Một hai ba bốn năm sáu bảy tám chín mười mười một mười hai", "Khác hẳn. Một hai ba bốn năm sáu bảy tám chín mười",
     10 / 14, 10 / 12, "Một hai ba"),
    ("Ủy ban nhân dân phường Hòa Minh ban hành kế hoạch tuyên truyền cải cách hành chính",
     "UBND xã Phú Lộc xây dựng kế hoạch với các nội dung sau", 0.0, 0.0, ""),
]


@pytest.mark.parametrize("a,b,share_a,share_b,sample", SHARED)
def test_shared_text(a, b, share_a, share_b, sample):
    got_a, got_b, got_sample = shared_text(a, b)
    assert (round(got_a, 3), round(got_b, 3)) == (round(share_a, 3), round(share_b, 3))
    assert sample in got_sample and (sample or got_sample == "")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Plans of several units: the corpus documents, a copy of the plan under another ward's
    name, an unrelated plan on the same topic, and two files that cannot be read."""
    docs = tmp_path / "don_vi"
    docs.mkdir()
    for p in DISTINCT:
        shutil.copy(p, docs / p.name)
    (docs / "kh_31_ubnd_tan_phu.txt").write_text(renamed(PLAN.read_text(encoding="utf-8")), encoding="utf-8")
    (docs / "rong.txt").write_bytes(b"")
    (docs / "hong.docx").write_bytes(b"not a Word file\n" * 10)
    return docs


def test_views_for_every_document(folder):
    report = build_report(load_entries([folder]))
    names = [row[0] for row in report.documents.rows]
    assert sorted(names) == sorted(p.name for p in folder.iterdir())
    rows = {row[0]: dict(zip(report.documents.columns, row)) for row in report.documents.rows}
    copy = rows["kh_31_ubnd_tan_phu.txt"]
    assert (copy["unit"], copy["unit level"], copy["number"], copy["type"]) == \
        ("UBND phường Tân Phú", "xã, phường", "31/KH-UBND", "ke_hoach")
    assert copy["muc_dich"] == PRESENT and copy["kho_khan"] == MISSING and copy["citations"] >= 4
    other = rows[OTHER_PLAN.name]
    assert (other["unit"], other["province (as issued)"], other["unit level"]) == \
        ("UBND xã Phú Lộc", "Ninh Bình", "xã, phường")
    assert rows["rong.txt"]["error"].startswith("empty_file")
    assert rows["hong.docx"]["error"].startswith("corrupt_docx")
    assert rows["rong.txt"]["muc_dich"] == ""

    # Citations: 76/NQ-CP is the basis of the plans; the Sở's report does not cite it.
    cited = {row[1]: dict(zip(report.citations.columns, row)) for row in report.citations.rows}
    nq76 = cited["76/NQ-CP"]
    assert (nq76["cited type"], nq76["cited date"]) == ("Nghị quyết", "2021-07-15")
    assert nq76[PLAN.name] == "basis" and nq76[OTHER_PLAN.name] == "basis"
    assert nq76[REPORT.name] == ""

    # Agencies: grouped by key, lead and support counted per document.
    agencies = {row[1]: dict(zip(report.agencies.columns, row)) for row in report.agencies.rows}
    culture = agencies["phòng văn hóa xã hội"]
    assert culture["agency"] == "Phòng Văn hóa - Xã hội" and culture["documents"] >= 2
    assert culture[OTHER_PLAN.name] == "1 lead, 1 support"

    # Near-copies: exactly the renamed plan and its original.
    pairs = [{row[0], row[2]} for row in report.copies.rows if row[2]]
    assert pairs == [{PLAN.name, "kh_31_ubnd_tan_phu.txt"}]
    row = dict(zip(report.copies.columns, report.copies.rows[0]))
    assert row["% of A also in B"] > 90 and row["% of B also in A"] > 90 and len(row["sample passage"]) > 50


def test_xlsx_has_one_sheet_per_view_with_frozen_header_and_filters(folder, tmp_path):
    out = tmp_path / "bao_cao" / "so_sanh.xlsx"
    done = run_vnplan("compare", str(folder), "--output", str(out))
    assert done.returncode == 0, done.stderr
    book = load_workbook(out)
    assert book.sheetnames == SHEETS
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "B2"
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
        assert all(sheet.column_dimensions[c].width >= 6 for c in ("A", "B"))
    documents = book["Documents"]
    header = [c.value for c in documents[1]]
    assert header[:3] == ["file", "unit", "unit level"] and all(label in header for label in LABELS)
    assert documents.max_row == 1 + len(list(folder.iterdir()))
    assert book["Near-copies"].max_row == 2
    assert [p.name for p in out.parent.iterdir()] == ["so_sanh.xlsx"]  # no temporary file left


def test_csv_is_the_documents_table(folder, tmp_path):
    out = tmp_path / "so_sanh.csv"
    assert run_vnplan("compare", str(folder), "--output", str(out)).returncode == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert sorted(r["file"] for r in rows) == sorted(p.name for p in folder.iterdir())
    assert {r[LABELS[0]] for r in rows} <= {PRESENT, MISSING, ""}


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.links, self.tables, self.headers = [], [], 0, []
        self._in_th = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        self.links += [v for k, v in attrs.items() if k in ("src", "href") and v]
        if tag == "table" and "sortable" in (attrs.get("class") or ""):
            self.tables += 1
        self._in_th = tag == "th"

    def handle_data(self, data):
        if self._in_th:
            self.headers.append(data)
            self._in_th = False


def test_html_is_one_self_contained_file(folder, tmp_path):
    out = tmp_path / "so_sanh.html"
    assert run_vnplan("compare", str(folder), "--output", str(out)).returncode == 0
    outline = _Outline()
    outline.feed(out.read_text(encoding="utf-8"))
    assert outline.links == []  # nothing fetched: styles, script and charts are inline
    assert outline.tables == 4 and outline.tags.count("svg") == 3 and "script" in outline.tags
    assert "sample passage" in outline.headers and LABELS[0] in outline.headers


def test_jsonl_from_batch_rereads_text_for_the_pair_check(folder, tmp_path):
    results = tmp_path / "ket_qua.jsonl"
    assert run_vnplan("batch", str(folder), "--output", str(results), "--workers", "1").returncode == 0
    (folder / OTHER_PLAN.name).write_text("Văn bản đã sửa sau khi chạy batch.", encoding="utf-8")
    report = build_report(load_entries([results]))
    assert len(report.documents.rows) == len(list(folder.iterdir()))
    assert [{r[0], r[2]} for r in report.copies.rows if r[2]] == [{PLAN.name, "kh_31_ubnd_tan_phu.txt"}]
    skipped = [r for r in report.copies.rows if not r[2]]
    assert [(r[0], "changed" in r[-1]) for r in skipped] == [(OTHER_PLAN.name, True)]


def test_a_broken_jsonl_line_is_a_row(tmp_path):
    results = tmp_path / "hong.jsonl"
    results.write_text('{"source": {"path": "x.txt"}}\nnot json\n', encoding="utf-8")
    report = build_report(load_entries([results]))
    errors = [row[-1] for row in report.documents.rows]
    assert errors[0] == "" and errors[1].startswith("bad_result_line: hong.jsonl line 2")


@pytest.mark.parametrize("name", ["so_sanh.pdf", "so_sanh", "so_sanh.xls"])
def test_an_unknown_output_kind_is_refused(folder, tmp_path, name):
    done = run_vnplan("compare", str(folder), "--output", str(tmp_path / name))
    assert done.returncode == 2
    assert "use one of .xlsx, .csv, .html" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / name).exists()


def test_html_opens_in_headless_chromium_without_console_errors(folder, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    out = tmp_path / "so_sanh.html"
    assert run_vnplan("compare", str(folder), "--output", str(out)).returncode == 0
    png = tmp_path / "x.png"
    done = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr",
                           "--v=0", f"--screenshot={png}", "--window-size=1280,2000", out.as_uri()],
                          capture_output=True, text=True, timeout=120)
    log = done.stdout + done.stderr
    assert png.exists() and png.stat().st_size > 10_000, log
    # Chromium logs every console message of the page as ':CONSOLE'; the report writes none.
    assert ":CONSOLE" not in log and "Uncaught" not in log, log


@pytest.mark.parametrize("kind", [".xlsx", ".html", ".csv"])
def test_an_empty_folder_gives_an_empty_report(tmp_path, kind):
    (tmp_path / "trong").mkdir()
    out = tmp_path / f"so_sanh{kind}"
    done = run_vnplan("compare", str(tmp_path / "trong"), "--output", str(out))
    assert done.returncode == 0, done.stderr
    assert "0 documents" in done.stderr and out.stat().st_size > 0
