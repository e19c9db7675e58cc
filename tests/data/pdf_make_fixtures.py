"""Make the PDF test fixtures (pdf_*.pdf) with reportlab and the DejaVu fonts.

    .venv/bin/python tests/data/pdf_make_fixtures.py

The PDFs are committed, because CI may lack the fonts. The text is invented for these tests (a
district plan in the usual layout of NĐ 30/2020); nothing is copied from real documents.

pdf_plan.pdf — three A4 pages laid out like a printed plan:
  page 1: the two-column header (issuer | Quốc hiệu, number | place and date), a centred title,
          bold numbered headings, justified paragraphs with an indented first line, a footnote
          reference (superscript "1") and its footnote at the page bottom in a smaller font,
          a paragraph whose sentence runs on to page 2 and breaks inside "45/KH-" | "UBND";
  page 2: a ruled table (one header row, three task rows), more headings and paragraphs;
  page 3: the closing paragraph and the two-column signature block (Nơi nhận | signer);
  every page: a running header at the top and "Trang N" at the bottom.
pdf_report.pdf — two A4 pages of a report, page numbers "- 2 -" at the top from page 2:
  a ruled table that runs over the page break with its header row repeated on page 2; a
  footnote that runs on from the foot of page 1 to the foot of page 2, followed there by a
  second footnote; the closing block (Nơi nhận list in a small font) just above those footnotes.
pdf_fallback.pdf — one page drawn the way LibreOffice draws a document whose font it lacks:
  each line's letters with diacritics that the font "misses" are drawn after the rest of the
  line in another font (so the content stream is out of reading order); a white rectangle
  behind every paragraph; a table ruled with thin black filled rectangles, its header cells
  shaded grey, its header text in fake bold (drawn three times, a hair apart).
pdf_encrypted.pdf — one page, opened only with a password.
pdf_scan.pdf — one page that is a picture of text, no text layer.
"""
from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
FONTS = Path("/usr/share/fonts/truetype/dejavu")
REGULAR, BOLD, ITALIC = "DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic"

WIDTH, HEIGHT = A4
LEFT, RIGHT = 85.0, WIDTH - 57.0
TOP, BOTTOM = 60.0, 70.0  # from the page's top / bottom edge
SIZE = 13.0
LEADING = 18.0
INDENT = 36.0


def register_fonts() -> None:
    for name, file in ((REGULAR, "DejaVuSerif.ttf"), (BOLD, "DejaVuSerif-Bold.ttf"),
                       (ITALIC, "DejaVuSerif-Italic.ttf"), ("DejaVuSans", "DejaVuSans.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))


class Writer:
    """A tiny layout engine: justified paragraphs, headings, page chrome, footnotes."""

    def __init__(self, target, pages: int, numbers: str = "footer", **canvas_options) -> None:
        self.c = canvas.Canvas(target, pagesize=A4, invariant=True, **canvas_options)  # same bytes every run
        self.numbers = numbers  # "footer": running header + "Trang N"; "top": "- N -" from page 2
        self.pages = pages
        self.page = 1
        self.y = HEIGHT - TOP
        self.bottom = BOTTOM
        self.chrome()

    # page furniture: a running header and the page number
    def chrome(self) -> None:
        if self.numbers == "top":
            if self.page > 1:
                self.c.setFont(REGULAR, 12)
                self.c.drawCentredString((LEFT + RIGHT) / 2, HEIGHT - 35, f"- {self.page} -")
            return
        self.c.setFont(ITALIC, 9)
        self.c.drawCentredString((LEFT + RIGHT) / 2, HEIGHT - 35, "UBND huyện Hoa Lư - Kế hoạch chuyển đổi số năm 2025")
        self.c.setFont(REGULAR, 11)
        self.c.drawCentredString((LEFT + RIGHT) / 2, 35, f"Trang {self.page}")

    def new_page(self) -> None:
        self.c.showPage()
        self.page += 1
        self.y = HEIGHT - TOP
        self.bottom = BOTTOM
        self.chrome()

    def centred(self, text: str, font: str = BOLD, size: float = SIZE, x: float | None = None) -> None:
        self.c.setFont(font, size)
        self.c.drawCentredString(x if x is not None else (LEFT + RIGHT) / 2, self.y, text)
        self.y -= size * 1.4

    def gap(self, points: float) -> None:
        self.y -= points

    def paragraph(self, text: str, font: str = REGULAR, size: float = SIZE, indent: float = INDENT,
                  superscript_after: str | None = None, break_after: int | None = None) -> None:
        """Justified lines; the first line indented. `superscript_after`: the word after which
        a superscript footnote mark "1" is drawn; `break_after`: start a new page after this
        many lines (a paragraph that runs over a page break)."""
        words = text.split()
        lines: list[list[str]] = [[]]
        width = RIGHT - LEFT - indent
        for word in words:
            trial = " ".join(lines[-1] + [word])
            if lines[-1] and pdfmetrics.stringWidth(trial, font, size) > width:
                lines.append([word])
                width = RIGHT - LEFT
            else:
                lines[-1].append(word)
        for n, line in enumerate(lines):
            if self.y < self.bottom or (break_after is not None and n == break_after):
                self.new_page()
            x = LEFT + (indent if n == 0 else 0)
            last = n == len(lines) - 1
            natural = pdfmetrics.stringWidth(" ".join(line), font, size)
            space = pdfmetrics.stringWidth(" ", font, size)
            extra = 0.0 if last or len(line) < 2 else (RIGHT - x - natural) / (len(line) - 1)
            for word in line:
                self.c.setFont(font, size)
                self.c.drawString(x, self.y, word)
                x += pdfmetrics.stringWidth(word, font, size)
                if superscript_after and word == superscript_after:
                    self.c.setFont(REGULAR, size * 0.55)
                    self.c.drawString(x + 0.5, self.y + size * 0.4, "1")
                    x += pdfmetrics.stringWidth("1", REGULAR, size * 0.55) + 0.5
                    superscript_after = None
                x += space + extra
            self.y -= LEADING

    def footnote(self, mark: str, text: str) -> None:
        """A footnote at the bottom of the current page, under a short rule."""
        size = 10.0
        y = BOTTOM - 8
        self.c.setLineWidth(0.5)
        self.c.line(LEFT, y + size + 6, LEFT + 140, y + size + 6)
        self.c.setFont(REGULAR, size * 0.6)
        self.c.drawString(LEFT, y + size * 0.4, mark)
        self.c.setFont(REGULAR, size)
        self.c.drawString(LEFT + 6, y, text)
        self.bottom = BOTTOM + 2 * size  # body text stays above the footnote

    def footnotes(self, lines: list[tuple[str | None, str]]) -> None:
        """Footnote lines at the foot of the page, under a short rule; a line with a mark starts
        a footnote, one without goes on with the footnote before it."""
        size = 10.0
        y = BOTTOM - 8
        for mark, text in reversed(lines):
            if mark:
                self.c.setFont(REGULAR, size * 0.6)
                self.c.drawString(LEFT, y + size * 0.4, mark)
            self.c.setFont(REGULAR, size)
            self.c.drawString(LEFT + (6 if mark else 0), y, text)
            y += size * 1.2
        self.c.setLineWidth(0.5)
        self.c.line(LEFT, y + 4, LEFT + 140, y + 4)
        self.bottom = y + 30

    def table_over_pages(self, rows: list[list[str]], widths: list[float], first_page_rows: int) -> None:
        """A ruled table whose first `first_page_rows` rows (header included) end page 1; the
        rest go on page 2 under the header row again, as Word repeats it."""
        self.table(rows[:first_page_rows], widths)
        self.new_page()
        self.table(rows[:1] + rows[first_page_rows:], widths)

    def table(self, rows: list[list[str]], widths: list[float]) -> None:
        """A ruled grid: one line of text a cell, the first row bold."""
        height = 22.0
        top = self.y + SIZE
        xs = [LEFT]
        for w in widths:
            xs.append(xs[-1] + w)
        self.c.setLineWidth(0.75)
        for r in range(len(rows) + 1):
            self.c.line(xs[0], top - r * height, xs[-1], top - r * height)
        for x in xs:
            self.c.line(x, top, x, top - len(rows) * height)
        for r, row in enumerate(rows):
            font = BOLD if r == 0 else REGULAR
            for c, cell in enumerate(row):
                self.c.setFont(font, 11)
                self.c.drawString(xs[c] + 4, top - r * height - 15, cell)
        self.y = top - len(rows) * height - LEADING

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


def two_columns(w: Writer, left: list[tuple], right: list[tuple], size: float = SIZE) -> None:
    """Lines of a borderless two-column block: each column centred on its own axis. An item is
    (font, text) or (font, text, size)."""
    left_axis, right_axis = LEFT + 65, RIGHT - 150
    y = w.y
    for k in range(max(len(left), len(right))):
        for column, axis in ((left, left_axis), (right, right_axis)):
            if k < len(column):
                font, text, item_size = (column[k] + (size,))[:3]
                w.c.setFont(font, item_size)
                w.c.drawCentredString(axis, y, text)
        y -= size * 1.5
    w.y = y


def make_report(path: Path) -> None:
    w = Writer(str(path), pages=2, numbers="top")
    w.centred("BÁO CÁO", size=14)
    w.centred("Kết quả thực hiện nhiệm vụ cải cách hành chính quý I năm 2025", size=13)
    w.gap(8)
    w.paragraph("I. KẾT QUẢ THỰC HIỆN", font=BOLD)
    w.paragraph("Trong quý I, các cơ quan đã hoàn thành phần lớn nhiệm vụ được giao theo Kế hoạch số "
                "30/KH-UBND, cụ thể như bảng sau:", superscript_after="30/KH-UBND,")
    w.footnotes([("2", "Kế hoạch số 30/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân huyện về cải cách hành"),
                 (None, "chính năm 2025, gồm 24 nhiệm vụ chia theo sáu lĩnh vực và ba nhóm giải pháp hỗ")])
    rows = [["STT", "Nhiệm vụ", "Kết quả"]] + [[str(k), f"Nhiệm vụ cải cách số {k}", "Hoàn thành"]
                                              for k in range(1, 31)]
    w.table_over_pages(rows, [40, 263, 150], first_page_rows=21)
    w.footnotes([(None, "trợ đi kèm, có phân công cơ quan chủ trì và thời hạn hoàn thành cụ thể."),
                 ("3", "Số liệu tổng hợp đến hết ngày 25/3/2025.")])
    w.paragraph("II. KIẾN NGHỊ", font=BOLD)
    w.paragraph("Đề nghị Ủy ban nhân dân huyện tiếp tục quan tâm bố trí kinh phí cho công tác cải cách "
                "hành chính năm 2025./.")
    w.gap(6)
    two_columns(w, [(BOLD, "Nơi nhận:", 11), (REGULAR, "- UBND huyện;", 10), (REGULAR, "- Lãnh đạo phòng;", 10),
                    (REGULAR, "- Lưu: VT.", 10)],
                [(BOLD, "TRƯỞNG PHÒNG"), (REGULAR, ""), (BOLD, "Lê Thị Hoa")], size=12)
    w.save()


def make_plan(path: Path) -> None:
    w = Writer(str(path), pages=3)
    two_columns(w, [(REGULAR, "ỦY BAN NHÂN DÂN"), (BOLD, "HUYỆN HOA LƯ"), (REGULAR, "Số: 45/KH-UBND")],
                [(BOLD, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (BOLD, "Độc lập - Tự do - Hạnh phúc"),
                 (ITALIC, "Hoa Lư, ngày 12 tháng 3 năm 2025")], size=12)
    w.gap(16)
    w.centred("KẾ HOẠCH", size=14)
    w.centred("Triển khai chuyển đổi số trong cơ quan hành chính", size=14)
    w.centred("trên địa bàn huyện năm 2025", size=14)
    w.gap(10)
    w.paragraph("Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, "
                "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Ủy ban nhân dân huyện ban hành "
                "Kế hoạch triển khai như sau:", superscript_after="57-NQ/TW")
    w.footnote("1", "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.")
    w.paragraph("I. MỤC ĐÍCH, YÊU CẦU", font=BOLD)
    w.paragraph("1. Mục đích", font=BOLD)
    w.paragraph("Nâng cao hiệu quả quản lý, điều hành của các cơ quan hành chính nhà nước trên địa "
                "bàn huyện thông qua việc ứng dụng công nghệ số vào toàn bộ quy trình xử lý công việc, "
                "giảm thời gian giải quyết thủ tục hành chính cho người dân và doanh nghiệp.")
    w.paragraph("2. Yêu cầu", font=BOLD)
    w.paragraph("Các phòng, ban chuyên môn và Ủy ban nhân dân các xã, thị trấn xác định rõ nhiệm vụ, "
                "thời hạn hoàn thành và người chịu trách nhiệm; bảo đảm an toàn thông tin trong quá "
                "trình triển khai.")
    w.paragraph("- Mỗi cơ quan cử một công chức làm đầu mối theo dõi, tổng hợp kết quả thực hiện.")
    # a sentence that runs over the page break: two justified lines on page 1, the rest on page 2
    w.paragraph("Việc triển khai Kế hoạch phải gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị, "
                "tránh hình thức, lãng phí; kết quả thực hiện là một tiêu chí đánh giá mức độ hoàn "
                "thành nhiệm vụ của người đứng đầu cơ quan, đơn vị trong năm.", break_after=2)
    w.paragraph("II. NHIỆM VỤ CỤ THỂ", font=BOLD)
    w.table([["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
             ["1", "Số hóa hồ sơ lưu trữ", "Văn phòng HĐND và UBND", "Quý II"],
             ["2", "Cập nhật dữ liệu đất đai", "Phòng Tài nguyên và Môi trường", "Quý III"],
             ["3", "Tập huấn kỹ năng số", "Phòng Nội vụ", "Quý IV"]],
            [30, 150, 190, 83])
    w.paragraph("III. TỔ CHỨC THỰC HIỆN", font=BOLD)
    w.paragraph("Phòng Văn hóa và Thông tin chủ trì, phối hợp với các cơ quan, đơn vị liên quan theo dõi, "
                "đôn đốc việc thực hiện Kế hoạch; định kỳ hằng quý báo cáo Ủy ban nhân dân huyện.")
    # a document number broken over the next page break: "…số 09/KH-" | "UBND…"
    w.paragraph("Kế hoạch này thay thế Kế hoạch số 09/KH-", indent=INDENT)
    w.new_page()
    w.paragraph("UBND ngày 15/01/2024 của Ủy ban nhân dân huyện.", indent=0)
    w.paragraph("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh "
                "về Phòng Văn hóa và Thông tin để tổng hợp, báo cáo Ủy ban nhân dân huyện xem xét./.")
    w.gap(10)
    two_columns(w, [(BOLD, "Nơi nhận:"), (REGULAR, "- UBND tỉnh;"), (REGULAR, "- Các phòng, ban;"),
                    (REGULAR, "- Lưu: VT.")],
                [(BOLD, "TM. ỦY BAN NHÂN DÂN"), (BOLD, "CHỦ TỊCH"), (REGULAR, ""), (BOLD, "Trần Văn Bình")],
                size=11)
    w.save()


FALLBACK_LETTERS = set("ỉịếốồộủụựữỦỈỊẾỐỒỘ")  # the letters the main font "lacks" in pdf_fallback.pdf
FALLBACK_FONT = "DejaVuSans"


def draw_with_fallback(c, x: float, y: float, text: str, font: str, size: float) -> None:
    """One text object, as LibreOffice writes it: the text with FALLBACK_LETTERS cut out (holes
    where they go), then those letters in FALLBACK_FONT, each moved back to its hole."""
    runs, later = [], []
    run, run_x = "", x
    pos = x
    for ch in text:
        if ch in FALLBACK_LETTERS:
            if run:
                runs.append((run_x, run))
            later.append((pos, ch))
            run = ""
            pos += pdfmetrics.stringWidth(ch, FALLBACK_FONT, size)
            run_x = pos
        else:
            run += ch
            pos += pdfmetrics.stringWidth(ch, font, size)
    if run:
        runs.append((run_x, run))
    c.setFont(FALLBACK_FONT, size)  # registers both fonts on the page
    c.setFont(font, size)
    code = ["BT"]
    for at, piece in runs:
        code.append(f"1 0 0 1 {at:.2f} {y:.2f} Tm")
        code.extend(_show(c, font, size, [(piece, 0.0)]))
    if later:
        # every fallback glyph in ONE text-showing operator, moved to its hole by kerning
        code.append(f"1 0 0 1 {later[0][0]:.2f} {y:.2f} Tm")
        pieces = []
        for k, (at, ch) in enumerate(later):
            end = at + pdfmetrics.stringWidth(ch, FALLBACK_FONT, size)
            gap = later[k + 1][0] - end if k + 1 < len(later) else 0.0
            pieces.append((ch, -gap * 1000 / size))
        code.extend(_show(c, FALLBACK_FONT, size, pieces))
    code.append("ET")
    c._code.append("\n".join(code))


def _show(c, fontname: str, size: float, pieces: list[tuple[str, float]]) -> list[str]:
    """PDF operators showing `pieces` (text, kerning after it) in one TJ per font subset."""
    font = pdfmetrics.getFont(fontname)
    out, array, current = [], [], None
    for text, kern in pieces:
        for subset, data in font.splitString(text, c._doc):
            if subset != current:
                if array:
                    out.append(f"[{' '.join(array)}] TJ")
                    array = []
                out.append(f"{font.getSubsetInternalName(subset, c._doc)} {size} Tf")
                current = subset
            array.append(f"({c._escape(data)})")
        if kern:
            array.append(f"{kern:.1f}")
    if array:
        out.append(f"[{' '.join(array)}] TJ")
    return out


def make_fallback(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    lines = [
        (BOLD, 13, "ỦY BAN NHÂN DÂN TỈNH BÌNH NGUYÊN", "centre"),
        (BOLD, 14, "KẾ HOẠCH", "centre"),
        (BOLD, 14, "Số hóa hồ sơ lưu trữ năm 2026", "centre"),
        (REGULAR, 13, "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về Chương trình", "indent"),
        (REGULAR, 13, "tổng thể cải cách hành chính nhà nước, Ủy ban nhân dân tỉnh ban hành Kế", "left"),
        (REGULAR, 13, "hoạch số hóa hồ sơ lưu trữ như sau:", "left"),
    ]
    y = HEIGHT - 80
    for font, size, text, place in lines:
        width = pdfmetrics.stringWidth(text, font, size)
        x = {"centre": (LEFT + RIGHT - width) / 2, "indent": LEFT + INDENT, "left": LEFT}[place]
        c.setFillColorRGB(1, 1, 1)  # the white background LibreOffice paints behind a paragraph
        c.rect(LEFT - 2, y - 5, RIGHT - LEFT + 4, LEADING, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        draw_with_fallback(c, x, y, text, font, size)
        y -= LEADING + (8 if place == "centre" else 0)
    rows = [["STT", "Nhiệm vụ", "Đơn vị chủ trì"],
            ["1", "Số hóa hồ sơ đất đai", "Sở Nông nghiệp và Môi trường"],
            ["2", "Số hóa hồ sơ hộ tịch", "Sở Tư pháp"]]
    xs, height = [LEFT, LEFT + 40, LEFT + 250, RIGHT], 24.0
    top = y - 10
    c.setFillColorRGB(0.9, 0.9, 0.9)  # shaded header cells
    for a, b in zip(xs, xs[1:]):
        c.rect(a, top - height, b - a, height, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    for r in range(len(rows) + 1):  # rules as thin filled rectangles, as Word draws them
        c.rect(xs[0], top - r * height - 0.25, xs[-1] - xs[0], 0.5, stroke=0, fill=1)
    for x in xs:
        c.rect(x - 0.25, top - len(rows) * height, 0.5, len(rows) * height, stroke=0, fill=1)
    for r, row in enumerate(rows):
        for col, cell in enumerate(row):
            for shift in ((0, 0.3, 0.6) if r == 0 else (0,)):  # fake bold: drawn three times
                draw_with_fallback(c, xs[col] + 4 + shift, top - r * height - 16, cell, REGULAR, 11)
    c.showPage()
    c.save()


def make_encrypted(path: Path) -> None:
    w = Writer(str(path), pages=1, encrypt="mat-khau-2025")
    w.paragraph("Tài liệu này chỉ mở được khi có mật khẩu.")
    w.save()


def make_scan(path: Path) -> None:
    """A page holding only a picture of a line of text, as a scanner would produce."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (1240, 300), 255)
    draw = ImageDraw.Draw(image)
    draw.text((60, 100), "KẾ HOẠCH khảo sát (bản quét)", fill=0,
              font=ImageFont.truetype(str(FONTS / "DejaVuSerif.ttf"), 48))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    c.drawImage(ImageReader(buffer), LEFT, HEIGHT - 250, width=RIGHT - LEFT, height=110)
    c.showPage()
    c.save()


def main() -> None:
    register_fonts()
    make_plan(HERE / "pdf_plan.pdf")
    make_report(HERE / "pdf_report.pdf")
    make_fallback(HERE / "pdf_fallback.pdf")
    make_encrypted(HERE / "pdf_encrypted.pdf")
    make_scan(HERE / "pdf_scan.pdf")


if __name__ == "__main__":
    main()
