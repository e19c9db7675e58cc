"""Make ocr_table.pdf: a plan page with a ruled progress table (one merged cell: a support unit
over two rows), printed in DejaVu Serif as a unit prints the copy it signs and scans. The OCR test
renders it at 300 dpi and passes it through `scan.photocopy`; ocr_table.json holds the cells.

    python tests/data/make_ocr_table.py   # needs reportlab
"""
import json
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).parent
FONTS = Path("/usr/share/fonts/truetype/dejavu")

BEFORE = ["III. TIẾN ĐỘ THỰC HIỆN",
          "Các cơ quan, đơn vị triển khai các nhiệm vụ theo tiến độ sau:"]
ROWS = [
    ["STT", "Nội dung công việc", "Thời gian thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp"],
    ["1", "Rà soát danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của xã",
     "Trước ngày 15/5/2026", "Văn phòng HĐND và UBND xã", "Công an xã"],
    ["2", "Niêm yết công khai thủ tục hành chính tại bộ phận một cửa", "Tháng 6/2026",
     "Văn phòng HĐND và UBND xã", ""],  # merged with the cell above
    ["3", "Tổ chức đối thoại với người dân về giải quyết thủ tục hành chính", "Quý III/2026",
     "Phòng Văn hóa - Xã hội", "Hội Nông dân xã"],
]
AFTER = ["IV. TỔ CHỨC THỰC HIỆN",
         "Giao Văn phòng HĐND và UBND xã theo dõi, tổng hợp kết quả, báo cáo Chủ tịch UBND xã."]


def build(path: Path) -> None:
    pdfmetrics.registerFont(TTFont("Serif", str(FONTS / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont("Serif-Bold", str(FONTS / "DejaVuSerif-Bold.ttf")))
    body = ParagraphStyle("body", fontName="Serif", fontSize=12, leading=16)
    bold = ParagraphStyle("bold", parent=body, fontName="Serif-Bold")
    cell = ParagraphStyle("cell", parent=body, fontSize=11, leading=14)
    head = ParagraphStyle("head", parent=cell, fontName="Serif-Bold", alignment=1)
    rows = [[Paragraph(text, head if i == 0 else cell) for text in row] for i, row in enumerate(ROWS)]
    table = Table(rows, colWidths=[1.3 * cm, 6.2 * cm, 3.2 * cm, 3.4 * cm, 3.2 * cm])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 1, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("SPAN", (4, 1), (4, 2))]))
    story = [Paragraph(BEFORE[0], bold), Spacer(1, 6), Paragraph(BEFORE[1], body), Spacer(1, 10), table,
             Spacer(1, 10), Paragraph(AFTER[0], bold), Spacer(1, 6), Paragraph(AFTER[1], body)]
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2 * cm, rightMargin=1.5 * cm, topMargin=2 * cm,
                      title="ocr_table").build(story)


def main() -> None:
    build(HERE / "ocr_table.pdf")
    (HERE / "ocr_table.json").write_text(json.dumps({"before": BEFORE, "rows": ROWS, "after": AFTER},
                                                    ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(HERE / "ocr_table.pdf")


if __name__ == "__main__":
    main()
