"""`vnplan batch` and `vnplan parse` end to end, through the installed console script."""
import json
from pathlib import Path

import pytest

import extractor
from extractor.batch import collect, done_hashes

from conftest import bad_inputs, run_vnplan


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_parse_prints_one_result(plan_file):
    done = run_vnplan("parse", str(plan_file))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["schema_version"] == extractor.SCHEMA_VERSION
    assert result["source"]["path"] == str(plan_file)
    assert result["source"]["format"] == "txt"
    assert len(result["source"]["sha256"]) == 64
    assert result["error"] is None


def test_parse_text_option_gives_the_text_offsets_point_into(plan_file):
    result = json.loads(run_vnplan("parse", "--text", str(plan_file)).stdout)
    assert "Kiểm tra công tác văn thư, lưu trữ năm 2026" in result["text"]


@pytest.mark.parametrize("name, code", [("khong_co.txt", "not_found"), ("la.xyz", "unsupported_format"),
                                        ("rong.txt", "empty_file")])
def test_parse_bad_file_exits_2_with_one_line(tmp_path, name, code):
    bad_inputs(tmp_path)
    done = run_vnplan("parse", str(tmp_path / name))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and code in lines[0] and name in lines[0]
    assert "Traceback" not in done.stderr
    assert json.loads(done.stdout)["error"]["code"] == code


def test_batch_records_every_bad_input_and_completes_the_rest(tmp_path, plan_file):
    folder = tmp_path / "in"
    expected = bad_inputs(folder)
    (folder / "kh.txt").write_bytes(plan_file.read_bytes())
    (folder / "kh.gold.json").write_text("{}", encoding="utf-8")  # beside documents: not a document
    (folder / "SOURCES.tsv").write_text("file\tsource\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = run_vnplan("batch", str(folder), str(tmp_path / "mat_tich.txt"), "--output", str(out), "--workers", "2")
    assert done.returncode == 0, done.stderr
    results = {Path(r["source"]["path"]).name: r for r in read_lines(out)}
    # .xyz inside a folder is not a document, so it is skipped, not failed
    assert set(results) == {"kh.txt", "mat_tich.txt", *expected} - {"la.xyz"}
    assert results["kh.txt"]["error"] is None
    assert results["mat_tich.txt"]["error"]["code"] == "not_found"
    for name, code in expected.items():
        if name != "la.xyz":
            assert results[name]["error"]["code"] == code, name
            assert name in results[name]["error"]["message"]
    assert "1 ok" in done.stderr and "7 failed" in done.stderr and "3 skipped" in done.stderr


def test_size_limit_is_configurable(tmp_path, plan_file):
    out = tmp_path / "out.jsonl"
    run_vnplan("batch", str(plan_file), "--output", str(out), "--max-size", "0.0001")
    assert read_lines(out)[0]["error"]["code"] == "too_large"


def test_resume_skips_done_files_and_drops_a_partial_line(tmp_path, plan_file):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"kh_{i}.txt").write_text(plan_file.read_text(encoding="utf-8") + f"\nBản {i}\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_vnplan("batch", str(folder), "--output", str(out), "--workers", "1")
    lines = out.read_bytes().splitlines(keepends=True)
    # as if the batch had been killed while writing the third line
    out.write_bytes(lines[0] + lines[1] + lines[2][:40])
    done = run_vnplan("batch", str(folder), "--output", str(out), "--resume", "--workers", "1")
    assert "2 already done" in done.stderr
    results = read_lines(out)
    assert sorted(Path(r["source"]["path"]).name for r in results) == ["kh_0.txt", "kh_1.txt", "kh_2.txt"]


def test_done_hashes_ignores_a_partial_last_line(tmp_path):
    out = tmp_path / "x.jsonl"
    out.write_text('{"source": {"sha256": "aa"}}\n{"source": {"sha2', encoding="utf-8")
    assert done_hashes(out) == {"aa"}
    assert out.read_text(encoding="utf-8") == '{"source": {"sha256": "aa"}}\n'


def test_collect_skips_files_beside_documents(tmp_path):
    for name in ("a.txt", "b.docx", "c.PDF", "a.gold.json", "notes.md", "list.tsv"):
        (tmp_path / name).write_bytes(b"x")
    plan = collect([tmp_path])
    assert sorted(p.name for p in plan.files) == ["a.txt", "b.docx", "c.PDF"]
    assert sorted(p.name for p in plan.skipped) == ["a.gold.json", "list.tsv", "notes.md"]


def test_schema_command_prints_the_result_schema():
    done = run_vnplan("schema")
    schema = json.loads(done.stdout)
    assert {"schema_version", "source", "document", "sections", "citations", "assignments", "warnings",
            "error"} <= set(schema["properties"])


def test_python_api_never_raises_for_bad_input(tmp_path):
    result = extractor.parse(tmp_path / "none.docx")
    assert result.error.code == "not_found"
    assert extractor.parse_text("KẾ HOẠCH\nI. MỤC ĐÍCH").error is None


def test_doctor_reports_the_optional_parts():
    done = run_vnplan("doctor")
    assert done.returncode == 0
    assert "LibreOffice (.doc files):" in done.stdout
    assert "Tesseract OCR (scans, images):" in done.stdout
