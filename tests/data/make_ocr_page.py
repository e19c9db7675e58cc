"""Make ocr_page.pdf: the text of ocr_page.txt laid out as a one-page plan in Word and printed to
PDF by LibreOffice, the way a unit prints the copy it signs and scans.

    python tests/data/make_ocr_page.py   # needs python-docx and soffice
"""
from pathlib import Path
import subprocess
import tempfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

HERE = Path(__file__).parent


def build(docx_path: Path) -> None:
    lines = (HERE / "ocr_page.txt").read_text(encoding="utf-8").splitlines()
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(13)
    header = doc.add_table(rows=1, cols=2)
    for cell, chunk in zip(header.rows[0].cells, (lines[0:3], lines[3:6])):
        cell.paragraphs[0].text = chunk[0]
        for line in chunk[1:]:
            cell.add_paragraph(line)
        for p in cell.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in p.runs:
                run.bold = not line.startswith(("Số", "Tân Phú Đông,"))
    for line in lines[6:]:
        p = doc.add_paragraph(line)
        if line.isupper() or line.startswith("Tổ chức Ngày hội"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if line.split(" ")[0].rstrip(".") in {"I", "II", "III", "KẾ"}:
            for run in p.runs:
                run.bold = True
    doc.save(docx_path)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docx_path = Path(tmp) / "ocr_page.docx"
        build(docx_path)
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "pdf", "--outdir", str(HERE), str(docx_path)],
                       check=True, capture_output=True, timeout=180)
    print(HERE / "ocr_page.pdf")


if __name__ == "__main__":
    main()
