"""`vnplan check`: a complete plan passes; each fault put into a copy of it is reported with its
code and where it is, in .txt and .docx."""
import json
from pathlib import Path

import pytest

from extractor import check
from conftest import ROOT, run_vnplan

PLAN = (ROOT / "tests/data/check_plan.txt").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, suffix: str) -> Path:
    path = tmp_path / f"du_thao{suffix}"
    if suffix == ".txt":
        path.write_text(text, encoding="utf-8")
    else:
        from docx import Document

        doc = Document()
        for line in text.splitlines():
            doc.add_paragraph(line)
        doc.save(path)
    return path


def run_check(path: Path, *extra: str) -> tuple[int, dict]:
    done = run_vnplan("check", str(path), "--format", "json", *extra)
    assert "Traceback" not in done.stderr
    return done.returncode, json.loads(done.stdout) if done.stdout.strip() else {}


def without(text: str, start: str, end: str | None = None) -> str:
    """The text without the lines from the one starting with `start` up to (not including) `end`."""
    lines = text.splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith(start))
    j = next(k for k, line in enumerate(lines) if line.startswith(end)) if end else i + 1
    return "\n".join(lines[:i] + lines[j:]) + "\n"


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_complete_plan_passes(tmp_path, suffix):
    code, rep = run_check(write(tmp_path, PLAN, suffix))
    assert code == 0, rep
    assert rep["profile"] == "ke_hoach" and rep["errors"] == 0
    assert [f["code"] for f in rep["findings"] if f["severity"] == "warning"] == []


def tasks_first(text: str) -> str:
    """Tổ chức thực hiện moved up to be part II, the later parts renumbered."""
    lines = text.splitlines()
    i, j = lines.index("V. TỔ CHỨC THỰC HIỆN"), next(k for k, x in enumerate(lines) if x.startswith("TM."))
    moved, rest = lines[i:j], lines[:i] + lines[j:]
    at = rest.index("II. NỘI DUNG")
    lines = rest[:at] + moved + rest[at:]
    renumber = {"V. TỔ CHỨC": "II. TỔ CHỨC", "II. NỘI DUNG": "III. NỘI DUNG", "III. THỜI GIAN": "IV. THỜI GIAN",
                "IV. KINH PHÍ": "V. KINH PHÍ"}
    return "\n".join(next((new + x[len(old):] for old, new in renumber.items() if x.startswith(old)), x)
                     for x in lines) + "\n"


FAULTS = [
    # (name, change to the plan, expected code, severity, section path of the finding or None)
    ("no Tổ chức thực hiện", lambda t: without(t, "V. TỔ CHỨC", "TM. ỦY BAN"), "missing_section", "error", None),
    ("no number line", lambda t: without(t, "Số: 09"), "missing_component", "error", None),
    ("no place and date", lambda t: without(t, "An Thạnh, ngày"), "missing_component", "error", None),
    ("no signer", lambda t: without(t, "TM. ỦY BAN", "Nơi nhận"), "missing_component", "error", None),
    ("no recipients", lambda t: without(t, "Nơi nhận", None).replace("- UBND huyện Long Sơn;\n- Lưu: VT.\n", ""),
     "missing_component", "error", None),
    ("no kinh phí", lambda t: without(t, "IV. KINH PHÍ", "V. TỔ CHỨC").replace("V. TỔ CHỨC", "IV. TỔ CHỨC"),
     "recommended_section_missing", "warning", None),
    ("III used twice", lambda t: t.replace("IV. KINH PHÍ", "III. KINH PHÍ"), "numbering_duplicate", "warning", ["III"]),
    ("IV skipped", lambda t: t.replace("IV. KINH PHÍ", "V. KINH PHÍ").replace("V. TỔ CHỨC", "VI. TỔ CHỨC"),
     "numbering_skipped", "warning", ["V"]),
    ("empty section", lambda t: t.replace("Kinh phí thực hiện từ dự toán ngân sách xã năm 2026.\n", ""),
     "empty_section", "warning", ["IV"]),
    ("out of order", lambda t: tasks_first(t), "section_order", "warning", ["III"]),
    ("no legal basis", lambda t: without(t, "Thực hiện Kế hoạch số 31"), "no_legal_basis", "warning", None),
    ("type word disagrees with symbol", lambda t: t.replace("Thực hiện Kế hoạch số 31/KH-UBND", "Thực hiện Quyết định số 31/KH-UBND"),
     "citation_type_mismatch", "warning", None),
    ("task without deadline", lambda t: t.replace(", hoàn thành trong quý III/2026", ""),
     "assignment_no_deadline", "note", ["V", "2"]),
]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("name, change, code, severity, section", FAULTS, ids=[f[0] for f in FAULTS])
def test_each_fault_is_reported_with_its_code_and_place(tmp_path, suffix, name, change, code, severity, section):
    exit_code, rep = run_check(write(tmp_path, change(PLAN), suffix))
    found = [f for f in rep["findings"] if f["code"] == code]
    assert found, f"{name}: {code} not in {[f['code'] for f in rep['findings']]}"
    assert found[0]["severity"] == severity
    if section is not None:
        assert found[0]["section"] == section
        assert found[0]["location"] is not None
    assert exit_code == (1 if severity == "error" else 0)


def test_text_output_is_grouped_in_vietnamese():
    path = ROOT / "tests/data/check_draft_faults.txt"  # the README's example: no number line, III twice
    done = run_vnplan("check", str(path))
    assert done.returncode == 1
    assert done.stdout.index("LỖI (1)") < done.stdout.index("CẢNH BÁO")
    assert "Thiếu thành phần thể thức (NĐ 30/2020): Số, ký hiệu." in done.stdout
    assert "[mục III]" in done.stdout


def test_against_the_higher_plan(tmp_path):
    higher = ROOT / "tests/data/check_higher_plan.txt"  # the district plan the commune's draft implements
    draft = write(tmp_path, PLAN, ".txt")
    code, rep = run_check(draft, "--against", str(higher))
    gaps = [f for f in rep["findings"] if f["code"] == "higher_task_not_covered"]
    # the draft takes up digitising records, not the training course; the district office's task is not the commune's
    assert len(gaps) == 1 and "tập huấn kỹ năng số" in gaps[0]["message"]
    assert not [f for f in rep["findings"] if f["code"] == "higher_plan_not_cited"]
    code, rep = run_check(write(tmp_path, without(PLAN, "Thực hiện Kế hoạch số 31"), ".txt"), "--against", str(higher))
    assert [f for f in rep["findings"] if f["code"] == "higher_plan_not_cited"]


def test_user_profile_loads_and_bad_profiles_give_a_clear_error(tmp_path):
    own = tmp_path / "tuyen_truyen.toml"
    own.write_text('name = "tuyen_truyen"\ncomponents = ["number"]\n\n[[required]]\nlabels = ["hinh_thuc"]\n'
                   'name = "Hình thức tuyên truyền"\n', encoding="utf-8")
    code, rep = run_check(write(tmp_path, PLAN, ".txt"), "--profile", str(own))
    assert rep["profile"] == "tuyen_truyen"
    assert [f["message"] for f in rep["findings"] if f["code"] == "missing_section"] == [
        "Thiếu mục bắt buộc: Hình thức tuyên truyền."]
    assert code == 1

    bad = {
        "cu_phap.toml": ('name = "x"\nrequired = [\n', "not valid TOML"),
        "nhan_la.toml": ('name = "x"\n[[required]]\nlabels = ["muc_dich_chung"]\n', "unknown label(s) muc_dich_chung"),
        "khoa_la.toml": ('name = "x"\nmau = 1\n', "unknown key(s) mau"),
        "sau_bang.toml": ('name = "x"\n[[required]]\nlabels = ["noi_dung"]\ncomponents = ["number"]\n',
                          "top-level keys go before the first [[table]]"),
    }
    for file_name, (content, message) in bad.items():
        path = tmp_path / file_name
        path.write_text(content, encoding="utf-8")
        done = run_vnplan("check", str(write(tmp_path, PLAN, ".txt")), "--profile", str(path))
        assert done.returncode == 2, file_name
        assert message in done.stderr and file_name in done.stderr and "Traceback" not in done.stderr
    done = run_vnplan("check", str(write(tmp_path, PLAN, ".txt")), "--profile", "khong_co")
    assert done.returncode == 2 and "no profile named 'khong_co'" in done.stderr


def test_unusable_draft_exits_2(tmp_path):
    done = run_vnplan("check", str(tmp_path / "khong_co.docx"))
    assert done.returncode == 2 and "not_found" in done.stderr


def test_shipped_profiles_load_and_cover_the_document_kinds():
    profiles = check.builtin_profiles()
    assert {"ke_hoach", "bao_cao", "huong_dan", "cong_van", "chung"} <= set(profiles)
    assert profiles["ke_hoach"].components == tuple(check.COMPONENTS)
    done = run_vnplan("profiles")
    assert done.returncode == 0 and "ke_hoach" in done.stdout and "bao_cao" in done.stdout


SEED = ROOT.parent / "shared/corpus/seeds/kh_tuyen_truyen_cchc_phuong_doan_ket_2023.txt"


@pytest.mark.skipif(not SEED.exists(), reason="the shared corpus is not beside the project")
def test_the_doan_ket_seed_reports_its_duplicated_III():
    code, rep = run_check(SEED)
    duplicated = [f for f in rep["findings"] if f["code"] == "numbering_duplicate"]
    assert [f["section"] for f in duplicated] == [["III"]]
    assert duplicated[0]["location"] is not None
