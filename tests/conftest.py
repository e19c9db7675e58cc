import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNPLAN = Path(sys.executable).with_name("vnplan")

PLAN_TEXT = """ỦY BAN NHÂN DÂN
PHƯỜNG HÒA MINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 21/KH-UBND
Hòa Minh, ngày 12 tháng 3 năm 2026
KẾ HOẠCH
Kiểm tra công tác văn thư, lưu trữ năm 2026
Căn cứ Kế hoạch số 88/KH-UBND ngày 20/01/2026 của UBND thành phố về công tác văn thư, lưu trữ năm 2026;
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng quản lý văn bản đi, đến của các bộ phận chuyên môn.
II. TỔ CHỨC THỰC HIỆN
Văn phòng - Thống kê chủ trì, phối hợp với các bộ phận chuyên môn thực hiện kế hoạch này.
"""


def run_vnplan(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The installed console script, as a user runs it."""
    return subprocess.run([str(VNPLAN), *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "kh_kiem_tra_van_thu.txt"
    path.write_text(PLAN_TEXT, encoding="utf-8")
    return path


def zip_bomb(path: Path, uncompressed: int = 300 * 1024 * 1024) -> Path:
    """A .docx-shaped zip whose one member inflates to `uncompressed` bytes of zeros."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(uncompressed // len(chunk)):
                member.write(chunk)
    return path


def encrypted_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt="mat-khau")
    c.drawString(72, 720, "Ke hoach mat")
    c.save()
    return path


def bad_inputs(folder: Path) -> dict[str, str]:
    """Write one file per kind of bad input; returns file name -> expected error code."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rong.txt").write_bytes(b"")
    (folder / "nhi_phan.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "khong_phai_zip.docx").write_bytes(b"This is not a Word file at all\n" * 20)
    good = io.BytesIO()
    with zipfile.ZipFile(good, "w") as z:
        z.writestr("word/document.xml", "<w:document/>" * 500)
    (folder / "cat_cut.docx").write_bytes(good.getvalue()[: len(good.getvalue()) // 2])
    zip_bomb(folder / "bom_nen.docx")
    encrypted_pdf(folder / "co_mat_khau.pdf")
    (folder / "la.xyz").write_text("nội dung", encoding="utf-8")
    return {
        "rong.txt": "empty_file",
        "nhi_phan.txt": "not_text",
        "khong_phai_zip.docx": "corrupt_docx",
        "cat_cut.docx": "corrupt_docx",
        "bom_nen.docx": "docx_too_large",
        "co_mat_khau.pdf": "encrypted_pdf",
        "la.xyz": "unsupported_format",
    }


def has_soffice() -> bool:
    return bool(shutil.which("soffice") or shutil.which("libreoffice"))
