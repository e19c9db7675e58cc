"""PDF: text, positions and fonts from PDFium (pypdfium2), rebuilt into reading-order blocks.

Why PDFium and not pdfplumber: on real plans pdfplumber's `extract_text` costs 165–200 ms a
page, PDFium's text page 3–5 ms (see benchmarks/bench_readers.py); pdfplumber is not used at all.
Layout is rebuilt from a few PDFium calls per *line* (origin, box of the last character, font
size, font name/weight, the line's run rectangles), not per character — except inside ruled
tables, where each character is placed in its cell, and in lines whose text runs are out of
order, which are rebuilt from character positions.

The stages, in order:
1. fragments: PDFium's text lines ("\\r\\n"-separated), split at wide horizontal gaps (two header
   columns on one baseline), with font size, bold and italic, and superscript digits (footnote
   references) removed from the text. A line whose runs go backwards (glyphs from a fallback
   font drawn after the line, as LibreOffice does without the document's fonts) is rebuilt.
2. lines: fragments on one baseline joined, left to right.
3. tables: ruled tables found from the page's path objects (stroked lines and thin dark filled
   rectangles), only on pages where some line has several pieces; their lines become table
   blocks, and a table that goes on over a page break is one table.
4. page chrome: page numbers ("2", "- 2 -", "Trang 2") and lines repeated at the same place on
   most pages, at the top or bottom of the page, are dropped.
5. footnotes: small-font lines at the bottom of a page that start with a (superscript) number,
   or continue the previous page's footnote, become `footnote` blocks (after the body).
6. columns: runs of lines laid out in two columns (issuer | Quốc hiệu, Nơi nhận | signer) are
   read left column first.
7. paragraphs: lines joined into one block until a numbered/bulleted line, a bold or size
   change, an indented first line, or a line that ends short; across a page break too.

Every threshold is a named constant in font-size units (em) or points, like pdfplumber's settings.
"""
from __future__ import annotations

import ctypes
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .. import ocr
from ..blocks import FOOTNOTE, LIST_ITEM, PARAGRAPH, TABLE, Block, Cell, RawDocument, Style
from ..errors import ReadError
from ..rules import crossing_groups, snap

# --- settings -------------------------------------------------------------------------------
GAP_CHECK_RATIO = 0.6  # look for column gaps only in fragments wider than this × chars × size
COLUMN_GAP = 2.0  # em: a horizontal gap this wide separates two segments of one baseline
SAME_LINE = 0.45  # em: fragments whose baselines differ by less are on one line
SUPERSCRIPT_RATIO = 0.9  # a digit smaller than this × the line's size…
RAISED = 0.2  # em: …and raised this far above the baseline is a superscript (footnote reference)
SUPERSCRIPT_LINE = 0.9  # em: a lone superscript number at most this far above a line belongs to it
FOOTNOTE_SIZE_RATIO = 0.88  # footnote lines are smaller than this × the body size
FOOTNOTE_ZONE = 0.4  # footnotes lie in this bottom fraction of the page
CHROME_ZONE = 0.1  # running headers/footers lie in this top/bottom fraction of the page
CHROME_MIN_SHARE = 0.5  # …and repeat on more than this share of the pages
INDENT = 0.7  # em: a line starting this far right of the margin is indented
INDENT_MIN_LINES = 3  # lines starting at one x before it counts as the paragraph indent
FULL_LINE = 1.5  # em: a line ending this close to the right margin is full (wraps on)
CENTRED = 1.0  # em: a line whose centre is this close to the text centre is centred
COLUMN_CHAIN = 5.0  # em: lines of one two-column zone are at most this far apart
ZONE_PITCH = 1.5  # a left-column line further than this × the line pitch is past the zone
RIGHT_COLUMN = 0.3  # a right-column segment starts past this share of the text width
RULE_THICKNESS = 3.0  # points: a path thinner than this is a ruling line
RULE_MIN_LENGTH = 5.0  # points
SNAP = 3.0  # points: ruling lines closer than this are one grid line
INVISIBLE = 235  # a rule whose colour has every channel at least this light is not seen
TOUCHING = 0.12  # em: segments closer than this are one word run
OVERPRINT = 0.1  # × box height: the same character this close to itself is drawn twice (fake bold)
# em: characters (advance boxes) further apart than this have a space between them; measured on
# LibreOffice PDFs, gaps inside words stay under 0.08 em and word spaces start at 0.14 em
WORD_SPACE = 0.11
OUT_OF_ORDER = 3.0  # points: a text run starting this far left of the previous one's end is out of order
PARAGRAPH_GAP = 1.4  # a line further below the one before than this × the line spacing starts a block
SIZE_CHANGE = 1.0  # points: a font size change this big starts a new block
GARBLED_SAMPLE = 3000  # letters looked at to judge the text layer
GARBLED_SHARE = 0.03  # a text layer with fewer non-ASCII letters than this share is garbled

_PAGE_NUMBER = re.compile(r"^(?:trang|page)?\s*[-–—(]?\s*\d{1,4}\s*(?:/\s*\d{1,4})?\s*[-–—)]?$", re.I)
# case matters: "phần V" in a sentence is not "Phần V"
_LIST_START = re.compile(
    r"^(?:[IVXLC]{1,6}[.)/]\s?|\d{1,3}(?:\.\d{1,2})*[.)](?!\d)|\d{1,3}/\s|\d{1,3}(?:\.\d{1,2})+\s|[a-zđ][.)]\s?|"
    r"\(\d{1,3}\)|\([a-zđ]\)|[-–—+•●▪►*]\s?|(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|Phụ lục|PHỤ LỤC)\s+[\dIVXLC]+\b)")
_BULLET = re.compile(r"^[-–—+•●▪►*]")
_SENTENCE_END = re.compile(r"[.:;!?…]['\"”’)\]]*$")
_SPACE_RUN = re.compile(r" +")
_DIGIT_RUN = re.compile(r"\d+")
_LINE = re.compile(r"[^\r\n]+")
# a line that goes on with the sentence: lower case, a digit, or closing punctuation
_CONTINUATION_START = re.compile(r"^(?:[\"“(]?(?:[^\W\d_]|\d)|[)\],.;:!?%])")


def _goes_on(text: str) -> bool:
    """Does a line start like the rest of a sentence (lower case, a digit, closing punctuation)?"""
    m = _CONTINUATION_START.match(text)
    return bool(m) and not m.group()[-1].isupper()


@dataclass
class Segment:
    """A run of text on one baseline, with no wide gap inside."""

    text: str
    x0: float
    x1: float
    baseline: float  # distance from the top of the page
    size: float
    bold: bool
    italic: bool
    page: int
    first: int = 0  # char index of the first character in the page's text page
    last: int = 0  # char index of the last character
    marker: bool = False  # starts with a superscript number (footnote mark)


@dataclass
class Line:
    """Segments on one baseline. Its properties are computed once: segments never change."""

    segments: list[Segment]
    page: int
    barrier: bool = False  # never join this line to the one before it
    right_edge: float | None = None  # where its lines wrap, inside a column (else the page margin)

    @cached_property
    def text(self) -> str:
        out = self.segments[0].text
        for prev, seg in zip(self.segments, self.segments[1:]):
            # pieces that touch (text after a removed superscript) join without a space
            touching = seg.x0 - prev.x1 < TOUCHING * seg.size
            out += seg.text if touching else " " + seg.text
        return out

    @cached_property
    def x0(self) -> float:
        return self.segments[0].x0

    @cached_property
    def x1(self) -> float:
        return self.segments[-1].x1

    @cached_property
    def baseline(self) -> float:
        return max(self.segments, key=lambda s: len(s.text)).baseline

    @cached_property
    def size(self) -> float:
        return max(self.segments, key=lambda s: len(s.text)).size

    @cached_property
    def bold(self) -> bool:
        bold = sum(len(s.text) for s in self.segments if s.bold)
        return bold * 2 > sum(len(s.text) for s in self.segments)

    @cached_property
    def italic(self) -> bool:
        return all(s.italic for s in self.segments)


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[tuple[float, Block]] = field(default_factory=list)  # (top, block)
    footnotes: list[Line] = field(default_factory=list)


@dataclass
class Margins:
    left: float
    right: float
    indents: frozenset[int] = frozenset()  # x0 (in 2-point steps) where many lines start indented
    pitch: dict[int, float] = field(default_factory=dict)  # font size -> usual line spacing

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2


# --- opening --------------------------------------------------------------------------------

def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    if b"%PDF-" not in data[:1024]:
        raise ReadError("corrupt_pdf", f"{name}: not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-4096:]:
        raise ReadError("corrupt_pdf", f"{name}: the PDF is truncated (no end-of-file marker)")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError("encrypted_pdf", f"{name}: the PDF is password-protected") from None
        raise ReadError("corrupt_pdf", f"{name}: the PDF cannot be opened ({e})") from None


# --- 1. fragments ---------------------------------------------------------------------------

class _TextPage:
    """A PDFium text page with the few per-character queries the reader needs."""

    def __init__(self, textpage, height: float) -> None:
        self.raw = textpage.raw
        self.height = height
        self._l, self._r, self._b, self._t = (ctypes.c_double() for _ in range(4))
        self._refs = tuple(ctypes.byref(v) for v in (self._l, self._r, self._b, self._t))
        self._x, self._y = ctypes.c_double(), ctypes.c_double()
        self._flags = ctypes.c_int()
        self._name = ctypes.create_string_buffer(128)
        self._rect = pdfium_c.FS_RECTF()

    def box(self, i: int) -> tuple[float, float, float, float]:
        """(x0, x1, bottom, top) in PDF units, y upwards."""
        pdfium_c.FPDFText_GetCharBox(self.raw, i, *self._refs)
        return self._l.value, self._r.value, self._b.value, self._t.value

    def origin(self, i: int) -> tuple[float, float]:
        pdfium_c.FPDFText_GetCharOrigin(self.raw, i, ctypes.byref(self._x), ctypes.byref(self._y))
        return self._x.value, self._y.value

    def size(self, i: int) -> float:
        return pdfium_c.FPDFText_GetFontSize(self.raw, i)

    def in_stream_order(self, first: int, last: int) -> bool:
        """Do the line's text runs go left to right? PDFium keeps the content stream's order, and
        a PDF whose missing glyphs came from a fallback font (LibreOffice without the document's
        fonts) draws those glyphs after the rest of the line."""
        count = pdfium_c.FPDFText_CountRects(self.raw, first, last - first + 1)
        previous = None
        for k in range(count):
            pdfium_c.FPDFText_GetRect(self.raw, k, self._refs[0], self._refs[3], self._refs[1], self._refs[2])
            left, right, bottom, top = self._l.value, self._r.value, self._b.value, self._t.value
            if previous is not None:
                p_right, p_bottom, p_top = previous
                # back to the left on the same baseline (not a wrap onto the next line), by more
                # than glyphs overlap in italics or kerning
                same_line = min(top, p_top) - max(bottom, p_bottom) > 0.5 * min(top - bottom, p_top - p_bottom)
                if same_line and left < p_right - max(OUT_OF_ORDER, 0.3 * (top - bottom)):
                    return False
            previous = (right, bottom, top)
        return True

    def advance(self, i: int) -> tuple[float, float]:
        """The character's advance box (x0, x1): touching its neighbours inside a word."""
        pdfium_c.FPDFText_GetLooseCharBox(self.raw, i, ctypes.byref(self._rect))
        return self._rect.left, self._rect.right

    def font(self, i: int) -> tuple[bool, bool]:
        """(bold, italic) from the font's name, weight and flags."""
        pdfium_c.FPDFText_GetFontInfo(self.raw, i, self._name, 128, ctypes.byref(self._flags))
        name = self._name.value.lower()
        flags = self._flags.value
        weight = pdfium_c.FPDFText_GetFontWeight(self.raw, i)
        bold = weight >= 600 or b"bold" in name or b"black" in name or b"heavy" in name or bool(flags & 0x40000)
        italic = bool(flags & 0x40) or b"italic" in name or b"oblique" in name
        return bold, italic


def _fragments(tp: _TextPage, text: str, page: int) -> list[Segment]:
    out: list[Segment] = []
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        first = m.start() + (len(raw) - len(raw.lstrip()))
        last = m.start() + len(raw.rstrip()) - 1
        out.extend(_split_fragment(tp, text, first, last, page))
    return out


def _segment(tp: _TextPage, text: str, first: int, last: int, page: int) -> Segment | None:
    # PDFium reports a hyphen that ends a line as U+FFFE
    body = text[first:last + 1].replace("\ufffe", "-")
    if not body.strip():
        return None
    x0, y = tp.origin(first)
    x1 = tp.box(last)[1]
    middle = first + len(body) // 2
    while middle > first and text[middle].isspace():  # a space's "font size" is meaningless
        middle -= 1
    size = tp.size(middle) or tp.size(first) or 10.0
    bold_a, italic_a = tp.font(first)
    bold_b, italic_b = tp.font(middle) if middle != first else (bold_a, italic_a)
    segment = Segment(text=body, x0=x0, x1=max(x1, x0), baseline=tp.height - y, size=size,
                      bold=bold_a and bold_b, italic=italic_a and italic_b, page=page,
                      first=first, last=last)
    return _drop_superscripts(tp, segment)


def _split_fragment(tp: _TextPage, text: str, first: int, last: int, page: int) -> list[Segment]:
    """One PDFium line, split where a wide gap separates two columns."""
    if not tp.in_stream_order(first, last):
        return _rebuild_by_position(tp, text, first, last, page)
    body = text[first:last + 1]
    cuts: list[tuple[int, int]] = []  # (end of left part, start of right part), char indices
    if " " in body:
        x0 = tp.origin(first)[0]
        x1 = tp.box(last)[1]
        size = tp.size(first) or 10.0
        if x1 - x0 > GAP_CHECK_RATIO * len(body) * size:
            for space in _SPACE_RUN.finditer(body):
                before, after = first + space.start() - 1, first + space.end()
                if before < first or after > last:
                    continue
                if tp.box(after)[0] - tp.box(before)[1] > COLUMN_GAP * size:
                    cuts.append((before, after))
    segments = []
    start = first
    for before, after in cuts + [(last, None)]:
        segment = _segment(tp, text, start, before, page)
        if segment:
            segments.append(segment)
        start = after
    return segments


def _rebuild_by_position(tp: _TextPage, text: str, first: int, last: int, page: int) -> list[Segment]:
    """A line whose runs are out of order: its characters sorted by x, a space where the gap
    between two advance boxes is a word space, segments split at column gaps. (Space characters
    do not help: PDFium generates them where the fallback glyphs were cut out.) One PDFium call
    per character, so only for such lines."""
    chars = []
    for i in range(first, last + 1):
        if not text[i].isspace():
            x0, x1 = tp.advance(i)
            chars.append((x0, x1, i))
    if not chars:
        return []
    chars.sort()
    # style by a vote of five characters: any one of them may be a fallback glyph
    samples = [tp.font(chars[k * (len(chars) - 1) // 4][2]) for k in range(5)]
    bold = sum(b for b, _ in samples) >= 3
    italic = sum(i for _, i in samples) >= 3
    size = tp.size(chars[len(chars) // 2][2]) or 10.0
    y = tp.origin(chars[0][2])[1]
    segments: list[Segment] = []
    piece = ""
    start_x = chars[0][0]
    prev_x1 = chars[0][0]
    for x0, x1, i in chars:
        gap = x0 - prev_x1
        if piece and gap > COLUMN_GAP * size:
            segments.append(Segment(piece, start_x, prev_x1, tp.height - y, size, bold, italic, page, first, last))
            piece, start_x = "", x0
        elif piece and gap > WORD_SPACE * size:
            piece += " "
        piece += text[i].replace("\ufffe", "-")
        prev_x1 = max(prev_x1, x1)
    segments.append(Segment(piece, start_x, prev_x1, tp.height - y, size, bold, italic, page, first, last))
    return segments


def _drop_superscripts(tp: _TextPage, segment: Segment) -> Segment:
    """Remove footnote-reference digits ("khu¹" → "khu"); flag a leading footnote mark."""
    text = segment.text
    limit = segment.size * SUPERSCRIPT_RATIO
    small: list[tuple[int, int]] = []
    for run in _DIGIT_RUN.finditer(text):
        if run.start() == 0:
            # a line that starts with a small number is a footnote's own mark: keep it, flag it
            if len(text) > run.end() and tp.size(segment.first + run.end() - 1) < limit:
                segment.marker = True
            continue
        end = run.end()
        i = end - 1
        while i >= run.start() and tp.size(segment.first + i) < limit:
            i -= 1
        # small *and* raised: a smaller digit on the baseline (a garbled font, a subscript) stays
        if i < end - 1 and tp.height - tp.origin(segment.first + i + 1)[1] < segment.baseline - RAISED * segment.size:
            small.append((i + 1, end))
    for start, end in reversed(small):
        text = text[:start] + text[end:]
    segment.text = text
    return segment


# --- 2. lines -------------------------------------------------------------------------------

_MARK = re.compile(r"\d{1,3}|\*")


def _lines(segments: list[Segment], page: int) -> list[Line]:
    """Segments on one baseline joined into lines, top to bottom, each left to right.

    A superscript number standing alone (raised too far to share its line's baseline) joins the
    line below it: at the line's start it is a footnote's mark, elsewhere a footnote reference,
    which is dropped."""
    ordered = sorted(segments, key=lambda s: s.baseline)
    groups: list[list[Segment]] = []
    for seg in ordered:
        if groups:
            current = groups[-1]
            main = max(current, key=lambda s: len(s.text))
            if abs(seg.baseline - main.baseline) <= SAME_LINE * max(seg.size, main.size):
                current.append(seg)
                continue
            if all(_MARK.fullmatch(s.text) for s in current) and 0 < seg.baseline - main.baseline \
                    <= SUPERSCRIPT_LINE * seg.size and main.size < seg.size * SUPERSCRIPT_RATIO:
                current.append(seg)
                continue
        groups.append([seg])
    lines = []
    for group in groups:
        group.sort(key=lambda s: s.x0)
        if len(group) > 1:
            size = max(group, key=lambda s: len(s.text)).size
            small = [s for s in group if _MARK.fullmatch(s.text) and s.size < size * SUPERSCRIPT_RATIO]
            if small and small[0] is group[0]:
                group[0].marker = True
            group = [s for s in group if s is group[0] or s not in small]
            for seg in group[1:]:
                if seg.marker:  # a reference mark that opens a later piece of the line
                    seg.text = re.sub(r"^\d+\s*", "", seg.text)
                    seg.marker = False
            group = [s for s in group if s.text]
        lines.append(Line(group, page))
    return lines


# --- 3. tables ------------------------------------------------------------------------------

@dataclass
class _Edge:
    fixed: float  # y of a horizontal edge, x of a vertical one (top-down y)
    start: float
    end: float


def _ruling_edges(page, height: float) -> tuple[list[_Edge], list[_Edge]]:
    """Horizontal and vertical ruling lines from the page's path objects: stroked lines and
    thin filled rectangles (how Word draws borders). Filled areas (cell shading, the white
    backgrounds LibreOffice paints behind paragraphs) and white lines are not rules."""
    raw = page.raw
    horizontal: list[_Edge] = []
    vertical: list[_Edge] = []
    L, B, R, T = (ctypes.c_float() for _ in range(4))
    refs = tuple(ctypes.byref(v) for v in (L, B, R, T))
    fill_mode, stroked = ctypes.c_int(), ctypes.c_int()
    rgba = tuple(ctypes.c_uint() for _ in range(4))
    rgba_refs = tuple(ctypes.byref(v) for v in rgba)
    path_type = pdfium_c.FPDF_PAGEOBJ_PATH
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != path_type:
            continue
        pdfium_c.FPDFPageObj_GetBounds(obj, *refs)
        x0, x1, top, bottom = L.value, R.value, height - T.value, height - B.value
        w, h = x1 - x0, bottom - top
        pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroked))
        if stroked.value:
            pdfium_c.FPDFPageObj_GetStrokeColor(obj, *rgba_refs)
        elif min(w, h) > RULE_THICKNESS:
            continue  # a filled area, not a line
        else:
            pdfium_c.FPDFPageObj_GetFillColor(obj, *rgba_refs)
        if rgba[3].value == 0 or min(v.value for v in rgba[:3]) >= INVISIBLE:
            continue  # transparent or (near) white: drawn, but not seen
        if h <= RULE_THICKNESS and w >= RULE_MIN_LENGTH:
            horizontal.append(_Edge((top + bottom) / 2, x0, x1))
        elif w <= RULE_THICKNESS and h >= RULE_MIN_LENGTH:
            vertical.append(_Edge((x0 + x1) / 2, top, bottom))
        elif w >= RULE_MIN_LENGTH and h >= RULE_MIN_LENGTH:
            _path_edges(obj, height, horizontal, vertical)
    return horizontal, vertical


def _path_edges(obj, height: float, horizontal: list[_Edge], vertical: list[_Edge]) -> None:
    """Straight horizontal/vertical pieces of a larger path (a rectangle or a drawn grid)."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
        return
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float, int, bool]] = []
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        px = matrix.a * x.value + matrix.c * y.value + matrix.e
        py = matrix.b * x.value + matrix.d * y.value + matrix.f
        points.append((px, height - py, pdfium_c.FPDFPathSegment_GetType(seg),
                       bool(pdfium_c.FPDFPathSegment_GetClose(seg))))
    start = None
    previous = None
    for px, py, kind, close in points:
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or previous is None:
            start = previous = (px, py)
            continue
        _add_edge(previous, (px, py), horizontal, vertical)
        previous = (px, py)
        if close and start:
            _add_edge(previous, start, horizontal, vertical)


def _add_edge(a, b, horizontal: list[_Edge], vertical: list[_Edge]) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= 1 and abs(ax - bx) >= RULE_MIN_LENGTH:
        horizontal.append(_Edge((ay + by) / 2, min(ax, bx), max(ax, bx)))
    elif abs(ax - bx) <= 1 and abs(ay - by) >= RULE_MIN_LENGTH:
        vertical.append(_Edge((ax + bx) / 2, min(ay, by), max(ay, by)))


@dataclass
class _Grid:
    xs: list[float]
    ys: list[float]
    horizontal: list[_Edge]
    vertical: list[_Edge]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def has_vertical(self, x: float, top: float, bottom: float) -> bool:
        mid = (top + bottom) / 2
        return any(abs(e.fixed - x) <= SNAP and e.start - SNAP <= mid <= e.end + SNAP for e in self.vertical)

    def has_horizontal(self, y: float, left: float, right: float) -> bool:
        mid = (left + right) / 2
        return any(abs(e.fixed - y) <= SNAP and e.start - SNAP <= mid <= e.end + SNAP for e in self.horizontal)


def _grids(horizontal: list[_Edge], vertical: list[_Edge]) -> list[_Grid]:
    """Tables: groups of crossing ruling lines with at least 2 rows of borders and 2 columns."""
    grids = []
    for hs, vs in crossing_groups(horizontal, vertical, SNAP):
        ys, xs = snap([e.fixed for e in hs], SNAP), snap([e.fixed for e in vs], SNAP)
        if len(ys) >= 2 and len(xs) >= 2:
            grids.append(_Grid(xs, ys, hs, vs))
    return grids


def _table_block(tp: _TextPage, text: str, grid: _Grid, segments: list[Segment], page: int) -> Block:
    """The grid's cells, each character placed by its centre; merged cells keep one text. A
    cell's characters are read by position (line by line, left to right), not in the content
    stream's order, which a fallback font can scramble."""
    rows, cols = len(grid.ys) - 1, len(grid.xs) - 1
    chars: dict[tuple[int, int], list[tuple[float, float, float, float, str]]] = {}
    owners: dict[tuple[int, int], tuple[int, int]] = {}
    for seg in segments:
        for i in range(seg.first, seg.last + 1):
            ch = text[i]
            if ch.isspace():
                continue
            pdfium_c.FPDFText_GetLooseCharBox(tp.raw, i, ctypes.byref(tp._rect))
            x0, x1, b, t = tp._rect.left, tp._rect.right, tp._rect.bottom, tp._rect.top
            cx, cy = (x0 + x1) / 2, tp.height - (b + t) / 2
            baseline = tp.origin(i)[1]  # the same for every font on a line, unlike the boxes
            r, c = bisect_right(grid.ys, cy) - 1, bisect_right(grid.xs, cx) - 1
            if 0 <= r < rows and 0 <= c < cols:
                if (r, c) not in owners:
                    owners[r, c] = _owner(grid, r, c)
                chars.setdefault(owners[r, c], []).append((baseline, t - b, x0, x1, ch.replace("\ufffe", "-")))
    table = [[_cell_text(chars.get((r, c), [])) for c in range(cols)] for r in range(rows)]
    # merged cells leave empty grid columns/rows behind: drop those that are empty throughout
    keep_cols = [c for c in range(cols) if any(table[r][c] for r in range(rows))]
    table = [[row[c] for c in keep_cols] for row in table]
    table = [row for row in table if any(row)]
    return Block(TABLE, rows=[[Cell(c) for c in row] for row in table], page=page)


def _cell_text(chars: list[tuple[float, float, float, float, str]]) -> str:
    """Characters (baseline, box height, x0, x1, char) in reading order: lines top down, each
    left to right; a space where a word space (or a line end) separates two characters. A
    character drawn again a hair to the right of itself (bold faked by overprinting) counts once."""
    if not chars:
        return ""
    chars.sort(key=lambda ch: -ch[0])
    lines: list[list[tuple[float, float, float, float, str]]] = []
    for ch in chars:
        if lines and lines[-1][0][0] - ch[0] < 0.4 * ch[1]:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    texts = []
    for line in lines:
        line.sort(key=lambda ch: ch[2])
        out = line[0][4]
        prev = line[0]
        for ch in line[1:]:
            if ch[4] == prev[4] and ch[2] - prev[2] < OVERPRINT * ch[1]:
                continue
            if ch[2] - prev[3] > WORD_SPACE * 0.8 * ch[1]:  # the box is about 1.2 em tall
                out += " "
            out += ch[4]
            prev = ch
        texts.append(out)
    return " ".join(texts)


def _owner(grid: _Grid, r: int, c: int) -> tuple[int, int]:
    """The top-left grid cell of the merged cell that contains grid cell (r, c)."""
    while c > 0 and not grid.has_vertical(grid.xs[c], grid.ys[r], grid.ys[r + 1]):
        c -= 1
    while r > 0 and not grid.has_horizontal(grid.ys[r], grid.xs[c], grid.xs[c + 1]):
        r -= 1
    return r, c


def _take_tables(pdf_page, tp: _TextPage, text: str, page: Page, segments: list[Segment]) -> list[Segment]:
    """Find ruled tables; return the segments outside them."""
    if sum(1 for line in page.lines if len(line.segments) > 1) < 2:
        return segments  # no line with separate cells: no table worth the path scan
    grids = _grids(*_ruling_edges(pdf_page, page.height))
    if not grids:
        return segments
    outside = segments
    for grid in grids:
        x0, top, x1, bottom = grid.bbox
        inside = [s for s in outside if x0 - SNAP <= (s.x0 + s.x1) / 2 <= x1 + SNAP
                  and top - SNAP <= s.baseline - s.size / 3 <= bottom + SNAP]
        if not inside:
            continue
        block = _table_block(tp, text, grid, inside, page.number)
        if block.rows:
            page.tables.append((top, block))
        ids = {id(s) for s in inside}
        outside = [s for s in outside if id(s) not in ids]
    return outside


# --- 4. page chrome -------------------------------------------------------------------------

def _chrome_key(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text.casefold())


def _drop_chrome(pages: list[Page]) -> None:
    """Page numbers and running headers/footers."""
    counts: Counter[tuple[str, int]] = Counter()
    for page in pages:
        seen = set()
        for line in page.lines:
            if _in_chrome_zone(line, page):
                seen.add((_chrome_key(line), round(line.baseline / 6)))
        counts.update(seen)
    min_pages = max(2, int(len(pages) * CHROME_MIN_SHARE) + 1)
    repeated = {key for key, n in counts.items() if n >= min_pages}
    for page in pages:
        if not page.lines:
            continue
        kept = []
        for line in page.lines:
            if _in_chrome_zone(line, page) and (
                    _PAGE_NUMBER.match(line.text) and _is_outer(line, page)
                    or (_chrome_key(line), round(line.baseline / 6)) in repeated):
                continue
            kept.append(line)
        page.lines = kept


def _in_chrome_zone(line: Line, page: Page) -> bool:
    return line.baseline < page.height * CHROME_ZONE or line.baseline > page.height * (1 - CHROME_ZONE)


def _is_outer(line: Line, page: Page) -> bool:
    """The first or last line of the page: where a page number stands."""
    return line is page.lines[0] or line is page.lines[-1] or (
        len(page.lines) > 1 and (line is page.lines[1] or line is page.lines[-2]))


# --- 5. footnotes ---------------------------------------------------------------------------

def _take_footnotes(pages: list[Page], body_size: float) -> None:
    previous_had_notes = False
    for page in pages:
        zone: list[Line] = []
        for line in reversed(page.lines):
            if line.size < body_size * FOOTNOTE_SIZE_RATIO and line.baseline > page.height * (1 - FOOTNOTE_ZONE):
                zone.insert(0, line)
            else:
                break
        # a zone without a mark continues the previous page's footnote, unless it looks like the
        # closing block (bold "Nơi nhận:", a "- …" recipient list) set in a small font
        continues = previous_had_notes and not zone[0].bold and not _BULLET.match(zone[0].text) if zone else False
        if zone and (_footnote_mark(zone[0]) or _starts_with_number_mark(zone[0]) or continues):
            page.footnotes = zone
            page.lines = page.lines[:len(page.lines) - len(zone)]
            previous_had_notes = True
        else:
            previous_had_notes = False


def _starts_with_number_mark(line: Line) -> bool:
    return bool(re.match(r"^(?:\d{1,3}|\*)\s*\S", line.text))


def _footnote_mark(line: Line) -> bool:
    """The line starts with a superscript number (or *): a footnote's own mark."""
    first = line.segments[0]
    if first.marker:
        return True
    return bool(re.fullmatch(r"\d{1,3}|\*", first.text)) and len(line.segments) > 1 \
        and first.size < line.size * SUPERSCRIPT_RATIO


def _footnote_blocks(pages: list[Page]) -> list[Block]:
    blocks: list[Block] = []
    for page in pages:
        for k, line in enumerate(page.footnotes):
            starts = _footnote_mark(line) or not blocks
            if blocks and not starts:
                blocks[-1].text += " " + line.text
                continue
            blocks.append(Block(FOOTNOTE, line.text, Style(font_size=round(line.size, 1)), page=page.number))
    return blocks


# --- 6. columns -----------------------------------------------------------------------------

def _side(seg: Segment, margins: Margins, size: float) -> str:
    centre = (seg.x0 + seg.x1) / 2
    if centre < margins.centre - CENTRED * size and seg.x1 < margins.centre + CENTRED * size:
        return "left"
    if centre > margins.centre + CENTRED * size and seg.x0 > margins.left + RIGHT_COLUMN * (margins.right - margins.left):
        return "right"
    return "span"


def _read_columns(lines: list[Line], margins: Margins) -> list[Line]:
    """Runs of two-column lines (issuer | Quốc hiệu; Nơi nhận | signer): left column first."""
    sides = []
    for line in lines:
        kinds = {_side(s, margins, line.size) for s in line.segments}
        sides.append("span" if "span" in kinds else "two" if len(kinds) == 2 else kinds.pop())
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if sides[i] == "span":
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and sides[j + 1] != "span" \
                and lines[j + 1].baseline - lines[j].baseline <= COLUMN_CHAIN * lines[j].size:
            j += 1
        # the zone ends at its last line with something on the right, and the left-only lines
        # that follow it at the column's own line pitch (the rest of a V/v summary or of the
        # Nơi nhận list); a wider gap (before "Kính gửi") ends it
        end = max((k for k in range(i, j + 1) if sides[k] != "left"), default=j)
        while end < j and sides[end + 1] == "left":
            gap = lines[end + 1].baseline - lines[end].baseline
            pitch = lines[end].baseline - lines[end - 1].baseline if end > i else 1.6 * lines[end].size
            if gap > ZONE_PITCH * max(pitch, lines[end].size):
                break
            end += 1
        j = end
        zone = lines[i:j + 1]
        if "two" not in sides[i:j + 1]:
            out.extend(zone)
        else:
            for column in ("left", "right"):
                lines_of_column = []
                for line in zone:
                    segs = [s for s in line.segments if _side(s, margins, line.size) == column]
                    if segs:
                        lines_of_column.append(Line(segs, line.page, barrier=not lines_of_column))
                # a column's lines wrap at the column's edge, not the page margin
                edge = max((line.x1 for line in lines_of_column), default=None)
                for line in lines_of_column:
                    line.right_edge = edge
                out.extend(lines_of_column)
        i = j + 1
    return out


# --- 7. paragraphs --------------------------------------------------------------------------

def _is_centred(line: Line, margins: Margins) -> bool:
    centre = (line.x0 + line.x1) / 2
    if round(line.x0 / 2) in margins.indents:  # an indented first line that happens to sit mid-page
        return False
    return abs(centre - margins.centre) <= CENTRED * line.size and line.x0 > margins.left + INDENT * line.size


def _all_caps(text: str) -> bool:
    return text.isupper()  # every cased character upper case, and at least one


def _continues(prev: Line, line: Line, margins: Margins, page_break: bool) -> bool:
    """Is `line` the next line of the paragraph that `prev` is in?"""
    text, before = line.text, prev.text
    if line.barrier or _LIST_START.match(text):
        return False
    lower_start = _goes_on(text)
    ends_sentence = bool(_SENTENCE_END.search(before))
    if abs(line.size - prev.size) > SIZE_CHANGE:
        return False
    # a bold run inside a sentence ("… chậm nhất ngày **30/11/2025**.") does not end the paragraph
    if line.bold != prev.bold and not (lower_start and not ends_sentence):
        return False
    if _all_caps(before) != _all_caps(text):
        return False
    if prev.right_edge is not None and _all_caps(text):
        return False  # the header's capitalised lines (parent body, issuer) stay separate lines
    if _is_centred(prev, margins) and _is_centred(line, margins):
        return lower_start or not ends_sentence and _all_caps(text)
    indented = line.x0 > margins.left + INDENT * line.size
    if page_break:
        return not ends_sentence and (lower_start or not indented)
    if indented and not lower_start:
        return False
    # paragraphs set apart by spacing rather than an indent (a full line that ends a sentence
    # is otherwise taken to wrap on)
    if ends_sentence and not lower_start and line.baseline - prev.baseline > PARAGRAPH_GAP * margins.pitch.get(
            round(line.size), 1.5 * line.size):
        return False
    full = prev.x1 >= (prev.right_edge or margins.right) - FULL_LINE * prev.size
    return full or (lower_start and not ends_sentence)


def _style(line: Line, margins: Margins) -> Style:
    return Style(bold=line.bold, italic=line.italic, font_size=round(line.size, 1),
                 centered=_is_centred(line, margins))


def _join(text: str, more: str) -> str:
    if re.search(r"\S-$", text):
        # a hyphen at the line end binds ("213/KH-" + "UBND", "2021-" + "2025"): Vietnamese
        # never hyphenates syllables, so the hyphen is part of the text and no space is added
        return text + more
    return f"{text} {more}"


def _paragraphs(pages: list[Page], layouts: dict[int, Margins]) -> list[Block]:
    blocks: list[Block] = []
    prev: Line | None = None
    current: Block | None = None
    for page in pages:
        margins = layouts[_layout_key(page)]
        items: list[object] = list(_read_columns(page.lines, margins))
        for top, table in sorted(page.tables, key=lambda t: t[0], reverse=True):
            at = next((k for k, line in enumerate(items)
                       if isinstance(line, Line) and line.baseline > top), len(items))
            items.insert(at, table)
        for item in items:
            if isinstance(item, Block):
                if not _continue_table(blocks, item):
                    blocks.append(item)
                prev = current = None
                continue
            line = item
            if prev is not None and current is not None and \
                    _continues(prev, line, margins, page_break=line.page != prev.page):
                current.text = _join(current.text, line.text)
            else:
                kind = LIST_ITEM if _BULLET.match(line.text) else PARAGRAPH
                current = Block(kind, line.text, _style(line, margins), page=line.page)
                blocks.append(current)
            prev = line
    return blocks


def _continue_table(blocks: list[Block], table: Block) -> bool:
    """A table that goes on from the foot of the previous page joins it (its repeated header
    row dropped). True if `table` was merged into the last block."""
    if not blocks or blocks[-1].kind != TABLE or blocks[-1].page is None or table.page != blocks[-1].page + 1:
        return False
    head, rows = blocks[-1].rows, table.rows
    if not head or not rows or len(head[0]) != len(rows[0]):
        return False
    if [c.text for c in rows[0]] == [c.text for c in head[0]]:
        rows = rows[1:]
    # a row broken by the page break: its rest has no number in the first column
    if rows and not rows[0][0].text and head[-1][0].text and any(c.text for c in rows[0]):
        for cell, more in zip(head[-1], rows[0]):
            cell.text = f"{cell.text} {more.text}".strip()
        rows = rows[1:]
    head.extend(rows)
    return True


def _layout_key(page: Page) -> int:
    return round(page.width / 10)


def _margins(pages: list[Page]) -> Margins:
    """The body text's left margin (most common line start) and right margin (line ends)."""
    starts: Counter[int] = Counter()
    ends: list[float] = []
    for page in pages:
        for line in page.lines:
            weight = len(line.text)
            starts[round(line.x0)] += weight
            ends.append(line.x1)
    if not ends:
        return Margins(72, 523)
    left = min(x for x, n in starts.items() if n >= max(starts.values()) * 0.5)
    ends.sort()
    right = ends[int(len(ends) * 0.9)] if len(ends) > 1 else ends[0]
    steps: Counter[int] = Counter()
    for page in pages:
        for line in page.lines:
            if line.x0 > left + 4:
                steps[round(line.x0 / 2)] += 1
    indents = frozenset(x for x, n in steps.items() if n >= INDENT_MIN_LINES)
    return Margins(float(left), right, indents, _pitches(pages))


def _pitches(pages: list[Page]) -> dict[int, float]:
    """The usual distance between consecutive lines of one font size (its line spacing)."""
    steps: dict[int, Counter[int]] = {}
    for page in pages:
        for prev, line in zip(page.lines, page.lines[1:]):
            if round(prev.size) == round(line.size):
                steps.setdefault(round(line.size), Counter())[round(line.baseline - prev.baseline)] += 1
    return {size: float(c.most_common(1)[0][0]) for size, c in steps.items()}


def _body_size(pages: list[Page]) -> float:
    """The most common font size (by characters) above the footnote zone: in a short document
    long footnotes could otherwise outweigh the body."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            if line.baseline < page.height * (1 - FOOTNOTE_ZONE):
                sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 12.0


# --- entry point ----------------------------------------------------------------------------

def read(data: bytes, path: Path) -> RawDocument:
    """Blocks from the text layer; pages without one (scans), or every page when the text layer is
    garbled, are read by OCR (extractor.ocr) and take their place in page order."""
    name = Path(path).name
    pdf = _open(data, name)
    try:
        pages = _read_pages(pdf, name)
        scanned = [page.number for page in pages if not (page.lines or page.tables)]
        text_pages = [page for page in pages if page.number not in scanned]
        blocks = _text_blocks(text_pages) if text_pages else []
        garbled = bool(blocks) and _looks_garbled(blocks)
        to_ocr = [page.number for page in pages] if garbled else scanned
        warnings: list[tuple[str, str]] = []
        confidence: list[float | None] | None = None
        if to_ocr:
            problem = ocr.missing()
            if problem and not blocks:
                raise ReadError("no_text_layer", f"{name}: the PDF has no text layer (a scan) and OCR is not "
                                                 f"available: {problem}; {ocr.INSTALL_HINT}")
            if problem and garbled:
                warnings.append(("garbled_text_layer",
                                 f"{name}: the text layer has almost no Vietnamese diacritics (a bad OCR layer or "
                                 f"a legacy font without Unicode mapping); OCR would read it, but {problem}"))
            elif problem:
                warnings.append(("ocr_unavailable", f"{name}: pages {_page_list(scanned)} are scans, but OCR is "
                                                    f"not available: {problem}; {ocr.INSTALL_HINT}"))
            else:
                read_by_ocr = ocr.ocr_images(ocr.render_pdf_pages(pdf, [n - 1 for n in to_ocr]), to_ocr)
                by_page = dict(zip(to_ocr, read_by_ocr))
                if garbled:
                    blocks = []
                blocks = _in_page_order(blocks, [b for n in to_ocr for b in by_page[n].blocks])
                confidence = [by_page[p.number].confidence if p.number in by_page else None for p in pages]
                warnings += ocr.confidence_warnings(by_page)
    finally:
        pdf.close()
    raw = RawDocument(format="pdf", blocks=blocks, pages=len(pages), warnings=warnings)
    raw.ocr_confidence = confidence
    return raw


def _text_blocks(pages: list[Page]) -> list[Block]:
    _drop_chrome(pages)
    _take_footnotes(pages, _body_size(pages))
    # margins per page width: a landscape annex has its own right margin
    keys = {_layout_key(page) for page in pages}
    layouts = {key: _margins([page for page in pages if _layout_key(page) == key]) for key in keys}
    return _paragraphs(pages, layouts) + _footnote_blocks(pages)


def _in_page_order(text_blocks: list[Block], ocr_blocks: list[Block]) -> list[Block]:
    """Body blocks of both sources by page (stable), footnotes of the text layer last."""
    body = [b for b in text_blocks if b.kind != FOOTNOTE] + ocr_blocks
    body.sort(key=lambda b: b.page or 0)
    return body + [b for b in text_blocks if b.kind == FOOTNOTE]


def _page_list(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers))


def _looks_garbled(blocks: list[Block]) -> bool:
    """Vietnamese prose has a diacritic on a large share of its letters (about one in four); a
    text layer with almost none was made by a poor OCR or from a font without Unicode mapping."""
    letters = marked = 0
    for block in blocks:
        for ch in block.text:
            if ch.isalpha():
                letters += 1
                marked += ch > "\x7f"
        if letters > GARBLED_SAMPLE:
            break
    return letters >= 200 and marked < GARBLED_SHARE * letters


def _read_pages(pdf: pdfium.PdfDocument, name: str) -> list[Page]:
    if len(pdf) == 0:
        raise ReadError("corrupt_pdf", f"{name}: the PDF has no pages")
    pages = []
    for index in range(len(pdf)):
        try:
            pages.append(_read_page(pdf, index))
        except pdfium.PdfiumError as e:
            raise ReadError("corrupt_pdf", f"{name}: page {index + 1} cannot be read ({e})") from None
    return pages


def _read_page(pdf: pdfium.PdfDocument, index: int) -> Page:
    pdf_page = pdf[index]
    try:
        width, height = pdf_page.get_size()
        textpage = pdf_page.get_textpage()
        try:
            text = textpage.get_text_range()
            tp = _TextPage(textpage, height)
            page = Page(index + 1, width, height)
            segments = _fragments(tp, text, page.number)
            page.lines = _lines(segments, page.number)
            if segments:
                outside = _take_tables(pdf_page, tp, text, page, segments)
                if len(outside) != len(segments):
                    page.lines = _lines(outside, page.number)
            return page
        finally:
            textpage.close()
    finally:
        pdf_page.close()
