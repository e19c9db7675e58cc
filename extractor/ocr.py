"""OCR for pages without a usable text layer: scanned PDFs and images, through Tesseract 5.

Pages are OCR'd by the `tesseract` program (via pytesseract), one process per core with
OMP_THREAD_LIMIT=1 (Tesseract's own threads make it several times slower on two cores), page
order kept. Words come back with boxes and confidences; they are grouped into lines, lines split
where a wide gap separates two columns (the header: issuer on the left, Quốc hiệu on the right),
and lines into blocks. Typical scan noise is handled here, before analysis: ruling lines and
stamp fragments dropped, handwritten numbers left blank rather than guessed, "L." read for "I."
mended, words hyphenated at a line end joined. Ruled tables are found in the page image
(`ocr_tables`), their rules painted out, and their cells read on their own into a table block
that takes the place of the words inside them.
"""
from __future__ import annotations

import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from statistics import median

from .blocks import LIST_ITEM, PARAGRAPH, Block, RawDocument, Style, table
from .errors import ReadError
from .normalize import strip_diacritics
from .ocr_tables import Grid, erase_rules, find_grids, stack_cells, table_rows

LANGUAGE = "vie"
# Rendering resolution, chosen by measurement (benchmarks/bench_ocr.py, README "OCR"): a page
# printed from a text we know reads with 1.0 % character errors at 300 dpi after a software
# photocopier, 3.9 % at 200, for 30 % more time. A scanned page is rendered at its scan's own
# resolution instead (upsampling a 200-dpi scan to 300 loses letters), kept within 200..400.
DPI = 300
SCAN_DPI_RANGE = (200, 400)
LOW_CONFIDENCE = 0.70  # a page whose mean word confidence is below this gets a warning
MAX_THREADS = os.cpu_count() or 1  # batch workers set this to 1: they already use every core

INSTALL_HINT = ("install Tesseract 5 with the Vietnamese model: "
                "`apt-get install tesseract-ocr tesseract-ocr-vie` (Debian/Ubuntu), "
                "`brew install tesseract tesseract-lang` (macOS)")


def missing() -> str | None:
    """What is missing for OCR, or None when it is ready."""
    if shutil.which("tesseract") is None:
        return "Tesseract is not installed"
    try:
        import pytesseract

        if LANGUAGE not in pytesseract.get_languages(config=""):
            return f"Tesseract has no '{LANGUAGE}' (Vietnamese) model"
    except Exception as e:  # a broken install: report it rather than fail later
        return f"Tesseract does not run ({e})"
    return None


def require(name: str, why: str, code: str = "ocr_unavailable") -> None:
    problem = missing()
    if problem:
        raise ReadError(code, f"{name}: {why}, but {problem}; {INSTALL_HINT}")


def render_pdf_pages(pdf, indexes: list[int]) -> list:
    """Pages of an open pypdfium2 document as grey PIL images, each at `page_dpi`."""
    images = []
    for i in indexes:
        dpi = page_dpi(pdf[i])
        image = pdf[i].render(scale=dpi / 72, grayscale=True).to_pil()
        image.info["dpi"] = (dpi, dpi)
        images.append(image)
    return images


def page_dpi(page) -> int:
    """The resolution of the page's largest image (its scan), within SCAN_DPI_RANGE; else DPI."""
    import pypdfium2.raw as pdfium_c

    best = None
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, _, right, _ = obj.get_bounds()
        width_px = obj.get_px_size()[0]
        if right - left > 72 and (best is None or width_px > best[0]):
            best = (width_px, width_px / ((right - left) / 72))
    if best is None:
        return DPI
    low, high = SCAN_DPI_RANGE
    return int(min(high, max(low, best[1])))


@dataclass
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    key: tuple[int, int, int]  # (block, paragraph, line) as Tesseract grouped them

    @property
    def right(self) -> int:
        return self.left + self.width


@dataclass
class Page:
    blocks: list[Block]
    confidence: float  # mean word confidence, 0..1


def ocr_images(images: list, page_numbers: list[int] | None = None) -> list[Page]:
    """OCR PIL images in parallel, one Tesseract process per core; pages come back in order.
    `page_numbers` are the images' pages in their document (default 1, 2, 3…)."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    numbers = page_numbers or list(range(1, len(images) + 1))
    with ThreadPoolExecutor(max_workers=max(1, min(MAX_THREADS, len(images)))) as pool:
        return list(pool.map(ocr_image, images, numbers))


def ocr_image(image, page: int) -> Page:
    grey = image.convert("L")
    dpi = float((image.info.get("dpi") or (DPI,))[0]) or DPI
    grids = find_grids(grey, dpi)
    if grids:
        grey = erase_rules(grey, grids)
    words = _read_words(grey)
    confidence = sum(w.conf for w in words) / len(words) if words else 0.0
    words = [w for w in map(_clean_word, words) if w is not None]
    tables = [(grid, block) for grid in grids if (block := _read_table(grey, grid, dpi, page)).rows]
    return Page(_blocks(words, image.width, image.height, page, dpi, tables), round(confidence, 3))


def _read_words(image, config: str = "") -> list[Word]:
    import pytesseract

    data = pytesseract.image_to_data(image, lang=LANGUAGE, config=config, output_type=pytesseract.Output.DICT)
    words = []
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if conf < 0 or not text.strip():
            continue
        words.append(Word(text.strip(), data["left"][i], data["top"][i], data["width"][i], data["height"][i],
                          conf / 100, (data["block_num"][i], data["par_num"][i], data["line_num"][i])))
    return words


def _read_table(image, grid: Grid, dpi: float, page: int) -> Block:
    """A ruled table's cells, read by Tesseract stacked in one column (`ocr_tables.stack_cells`)
    as one uniform block of text (page segmentation mode 6: a lone row number is kept)."""
    stacked, bands = stack_cells(image, grid, dpi)
    words = [w for w in map(_clean_word, _read_words(stacked, f"--psm 6 --dpi {round(dpi)}"))
             if w is not None and max(w.width, w.height) > 0.01 * dpi]  # a "-" read in a speck of dust
    texts: dict[tuple[int, int], list[str]] = {}
    for w in sorted(words, key=lambda w: (w.key, w.left)):
        centre = w.top + w.height / 2
        at = next((cell for top, bottom, cell in bands if top <= centre <= bottom), None)
        if at is not None:
            texts.setdefault(at, []).append(w.text)
    return table(table_rows(grid, {at: _mend_line(" ".join(t)) for at, t in texts.items()}), page)


_HAS_TEXT = re.compile(r"[0-9A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_PUNCTUATION = {"-", "–", "—", "_", "~", "+", "•", ":", ";", ".", ",", "(", ")", "\"", "“", "”"}


# Look-alike characters Tesseract gives for Vietnamese print: Icelandic eth for Đ, the fraction
# slash in symbols ("214⁄QĐ-DCT").
_CONFUSABLES = str.maketrans({"Ð": "Đ", "ð": "đ", "⁄": "/", "∕": "/"})


def _clean_word(word: Word) -> Word | None:
    """Drop scan noise: ruling lines, stamp and signature fragments; mend look-alike characters."""
    if word.conf < 0.30:  # stamp, signature and smudges: Tesseract itself is unsure
        return None
    word.text = word.text.translate(_CONFUSABLES)
    if not _HAS_TEXT.search(word.text) and word.text not in _PUNCTUATION:
        return None  # ruling lines read as "|", "——===", "ˆ"
    return word


_HANDWRITTEN_LINE = re.compile(r"^Số\b|^[^\d,]{2,40},\s*ngày\b", re.IGNORECASE)
_PRINTED = {"số", "số:", "ngày", "tháng", "năm"}


def _blank_handwriting(line: list[Word]) -> list[Word]:
    """On the "Số:" line and the place-and-date line of a signed copy, the number and the day are
    handwritten and read badly: short or numeric words Tesseract is unsure of are left out (blank,
    as in a draft) rather than guessed; a symbol keeps its printed part ("Á$3/KH-DCT" -> "/KH-DCT")."""
    if not _HANDWRITTEN_LINE.search(" ".join(w.text for w in line)):
        return line
    kept = []
    for w in line:
        unsure = w.conf < 0.60 and w.text.lower() not in _PRINTED
        if unsure and w.text.lower().startswith("số"):
            w.text = "Số:"
        elif unsure and "/" in w.text:
            w.text = w.text[w.text.index("/"):]
        elif unsure and (re.search(r"\d", w.text) or len(w.text) <= 3):
            continue
        kept.append(w)
    return kept


_LIST_START = re.compile(r"^(?:[-–—_~+•]|[IVXLivxl1]{1,4}\.|\d+(?:\.\d+)*[.)]|[a-zđ]\)|\(\d+\))\s")
_BULLET_NOISE = re.compile(r"^[_~—–]\s")
_ROMAN_MISREAD = {"L.": "I.", "IL.": "II.", "1I.": "II.", "I1.": "II.", "IIL.": "III.", "LV.": "IV.",
                  "VL.": "VI."}


def _lines(words: list[Word], page_width: int) -> list[list[Word]]:
    """Words grouped into Tesseract's lines, each split where a wide gap separates two columns."""
    by_line: dict[tuple, list[Word]] = {}
    for w in words:
        by_line.setdefault(w.key, []).append(w)
    lines = []
    for line in by_line.values():
        line.sort(key=lambda w: w.left)
        # word gaps, even in justified lines, stay under about two letter heights
        gap_limit = max(page_width * 0.04, 2.5 * median(w.height for w in line))
        segment = [line[0]]
        for prev, w in zip(line, line[1:]):
            if w.left - prev.right > gap_limit:
                lines.append(segment)
                segment = []
            segment.append(w)
        lines.append(segment)
    return lines


_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^Trang \d{1,3}$")


def _blocks(words: list[Word], page_width: int, page_height: int, page: int, dpi: float,
            tables: list[tuple[Grid, Block]] = ()) -> list[Block]:
    """The page's blocks in reading order; `tables` (ruled tables read on their own) take the
    place of the words inside them."""
    tables = sorted(tables, key=lambda t: t[0].top)
    words = [w for w in words if not any(grid.cell_of(w.left + w.width / 2, w.top + w.height / 2)
                                         for grid, _ in tables)]
    if not words:
        return [block for _, block in tables]
    lines = [line for line in _lines(words, page_width)
             if not (_PAGE_NUMBER.match(" ".join(w.text for w in line))
                     and not 0.1 * page_height < line[0].top < 0.9 * page_height)]
    if page == 1:
        lines = [_blank_handwriting(line) if line[0].top < 0.3 * page_height else line for line in lines]
        lines = [line for line in lines if line]
    mid = page_width / 2
    # Two-column stretches (header): the left column's lines first, then the right column's.
    # (a line of a column stretch stands alone: header lines are separate particulars)
    ordered: list[tuple[list[Word], bool]] = []
    left_col: list[list[Word]] = []
    right_col: list[list[Word]] = []

    def end_stretch() -> None:
        if left_col and right_col:
            ordered.extend((line, True) for line in left_col + right_col)
        else:
            ordered.extend((line, False) for line in left_col + right_col)
        left_col.clear()
        right_col.clear()

    for line in sorted(lines, key=lambda l: (min(w.top for w in l), l[0].left)):
        x0, x1 = line[0].left, line[-1].right
        if abs((x0 + x1) / 2 - mid) < page_width * 0.06:  # centred on the page: a title, not a column
            end_stretch()
            ordered.append((line, False))
        elif x1 < mid + page_width * 0.05 and x1 - x0 < page_width * 0.45:
            left_col.append(line)
        elif x0 > mid - page_width * 0.1 and x1 - x0 < page_width * 0.55:
            right_col.append(line)
        else:
            end_stretch()
            ordered.append((line, False))
    end_stretch()

    blocks: list[Block] = []
    current: list[str] = []
    current_style: Style | None = None
    last_key = None
    for line, alone in ordered:
        while tables and tables[0][0].top < min(w.top for w in line):  # a table above this line
            _flush(blocks, current, current_style, page)
            current, current_style, last_key = [], None, None
            blocks.append(tables.pop(0)[1])
        text = " ".join(w.text for w in line)
        text = _mend_line(text)
        center = (line[0].left + line[-1].right) / 2
        width = line[-1].right - line[0].left
        # a word box is about the height of a capital: font size ≈ 1.4 × that, in points
        style = Style(font_size=round(median(w.height for w in line) * 72 / dpi * 1.4, 1),
                      centered=abs(center - mid) < page_width * 0.04 and width < page_width * 0.7)
        key = line[0].key[:2]
        starts_new = (alone or not current or key != last_key or _LIST_START.match(text) or style.centered
                      or current_style.centered)
        if starts_new and current and not alone and text[:1].islower() and not current[-1].endswith(
                (".", ";", ":", "!", "?")):
            starts_new = False  # a sentence that goes on in what Tesseract took for a new paragraph
        if starts_new:
            _flush(blocks, current, current_style, page)
            current, current_style = [text], style
        elif current[-1].endswith("-") and len(current[-1]) > 1 and current[-1][-2].isalpha() and text[:1].islower():
            current[-1] = current[-1][:-1] + text  # a word hyphenated at the line end
            continue
        else:
            current.append(text)
        last_key = key
    _flush(blocks, current, current_style, page)
    return blocks + [block for _, block in tables]


# A number broken by a stray space before its symbol ("21 4/QĐ-DCT") and a brace or bar read for
# "l" inside a word ("Quản {ý") are Tesseract's, not the document's.
_SPLIT_NUMBER = re.compile(r"(?<![\d/])(\d{1,3}) (\d{1,3})(?=/[A-ZĐ])")
_L_INSIDE_WORD = re.compile(r"(?<=[^\W\d_] )[{|](?=[^\W\d_])|(?<=[^\W\d_])[{|](?=[^\W\d_])")


def _mend_line(text: str) -> str:
    text = _SPLIT_NUMBER.sub(r"\1\2", text)
    text = _L_INSIDE_WORD.sub("l", text)
    text = _BULLET_NOISE.sub("- ", text)
    first, _, rest = text.partition(" ")
    fixed = _ROMAN_MISREAD.get(first)
    # only before an all-caps heading: "L. MỤC ĐÍCH" is "I. MỤC ĐÍCH", "1. Mục đích" stays
    if fixed and rest and rest.split()[0].isupper() and len(rest.split()[0]) > 1:
        return f"{fixed} {rest}"
    return text


# Lines whose wording is fixed (NĐ 30/2020: Quốc hiệu, tiêu ngữ, tên loại): a misread accent
# ("KÊ HOẠCH", "CỌNG HÒA") is mended when the line is that text but for its diacritics.
_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@lru_cache(maxsize=1)
def _fixed_lines() -> dict[str, str]:
    from .doctypes import document_types

    fixed = list(_MOTTO) + [t.name.upper() for t in document_types()]
    return {_skeleton(line): line for line in fixed}


def _skeleton(text: str) -> str:
    return re.sub(r"[\W_]+", "", strip_diacritics(text)).lower()


def _flush(blocks: list[Block], lines: list[str], style: Style | None, page: int) -> None:
    if not lines:
        return
    text = " ".join(lines)
    if len(text) < 60:
        fixed = _fixed_lines().get(_skeleton(text))
        if fixed and (fixed.isupper() == text.isupper()):
            text = fixed
    if len(_skeleton(text)) <= 1:
        return  # a lone letter or mark: a stamp or signature fragment
    kind = LIST_ITEM if text[:1] in "-+•" else PARAGRAPH
    blocks.append(Block(kind, text, style=style or Style(), page=page))


def to_raw(pages: list[Page], fmt: str) -> RawDocument:
    """A document read wholly by OCR (an image, a scanned PDF)."""
    raw = RawDocument(format=fmt, blocks=[b for p in pages for b in p.blocks], pages=len(pages))
    raw.ocr_confidence = [p.confidence for p in pages]
    raw.warnings += confidence_warnings(dict(enumerate(pages, 1)))
    return raw


def confidence_warnings(by_page: dict[int, Page]) -> list[tuple[str, str]]:
    return [("ocr_low_confidence", f"page {number}: OCR confidence {page.confidence:.0%}; check the text by eye")
            for number, page in by_page.items() if page.confidence < LOW_CONFIDENCE]
