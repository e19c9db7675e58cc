"""Plain text: decoding, then lines -> blocks, for the kinds of .txt that plans arrive as.

- Text copied from a portal page: page chrome removed (`webpage.strip_page_chrome`).
- Legal-database markdown exports: the `*Source: URL*` line and `# title` (often another
  document's title) dropped; pipe tables (whole `| a | b |` rows, or the broken form where every
  cell boundary is a lone "|" line) read as tables, and the document header table (issuer |
  Quốc hiệu, Số | place and date) and signature table (Nơi nhận | signer) as separate
  paragraphs, left column first; `**bold**` spanning lines kept as `style.bold` and the marks
  removed; hard-wrapped lines joined into paragraphs.
- `pdftotext -layout` output: the two-column header (issuer left, Quốc hiệu and date right) and
  the signature block (Nơi nhận left, signer right) split into their columns; indented
  paragraphs whose lines were wrapped joined again; page numbers dropped.
- Anything else: one paragraph a line, with a line joined to the one above only when it
  clearly continues it (lower-case start after a long unfinished line). Lines of a flattened
  table (one cell a line) therefore stay lines.

Which lines never continue a paragraph (outline numbers, bullets, "Căn cứ", "Số:", "Nơi nhận",
...) is data: data/paragraph_starts.toml.
"""
from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from ..blocks import LIST_ITEM, PARAGRAPH, Block, RawDocument, Style, table
from ..encodings import decode as decode_bytes
from .webpage import single_spaced, strip_page_chrome

__all__ = ["decode", "blocks_from_text", "read"]


def decode(data: bytes, name: str = "text") -> str:
    """The file's text (UTF-8/16, Windows-1258, TCVN3, VNI); `ReadError('not_text')` for binary."""
    return decode_bytes(data, name)


def read(data: bytes, path: Path) -> RawDocument:
    text = decode(data, path.name)
    return RawDocument(format="txt", blocks=blocks_from_text(text))


# --- line classes ---------------------------------------------------------------------------

@cache
def _never_joined() -> re.Pattern:
    """A line that never continues a paragraph: its start, after any emphasis marks and spaces.

    The marks are skipped possessively, as `str.lstrip` would: "** x" is not a "* " bullet (the
    entries of the data file therefore never begin with an anchor or a look-behind).
    """
    text = resources.files("extractor.data").joinpath("paragraph_starts.toml").read_text(encoding="utf-8")
    starts = "|".join(f"(?:{p})" for p in tomllib.loads(text)["never_joined"])
    return re.compile(f"[*_ \t]*+(?:{starts})")


_EMPHASIS_ONLY = re.compile(r"^[*_\s]+$")
_RULE = re.compile(r"^\s*[-_=—–]{3,}\s*$")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_SOURCE_LINE = re.compile(r"^\s*\*?\s*(Source|Nguồn)\s*:\s*\S+\s*\*?\s*$", re.IGNORECASE)
_MD_TITLE = re.compile(r"^\s*#{1,6}\s")
_NUMBER_ONLY = re.compile(r"^(Điều\s+\d+[a-zđ]?\s*[.:]?|([IVXLC]{1,6}|\d{1,2}(\.\d{1,2})*|[a-zđ])\s*[.)])$")
_JOIN_AFTER_COLON = re.compile(r"^(Số|Kính gửi|V/v)\s*:$")
_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$")
_COLUMN_RUN = re.compile(r"\S+(?: {1,2}\S+)*")
_APPENDIX = re.compile(r"^\s*(PHỤ LỤC|Phụ lục|BIỂU MẪU|Biểu mẫu)\b")
_BULLET = re.compile(r"^[-+•–—−·▪►■]\s")
_MD_BULLET = re.compile(r"^\*\s+")
_LETTERS = re.compile(r"[^\W\d_]+")
# a cell of the header or signature table: Quốc hiệu, số, date, Nơi nhận, signature
_LAYOUT_CELL = re.compile(
    r"CỘNG H[OÒ][AÀ] XÃ HỘI|Độc lập\s*[-–]|ĐẢNG CỘNG SẢN|^\W*Số\b|Nơi nhận|ngày\s+\S+\s+tháng|"
    r"^\W*(KT|TM|TL|TUQ)\.", re.IGNORECASE)
_CELL_PARTS = re.compile(r"\s+[-_]{3,}\s*|\s*(?=Độc lập\s*[-–])")
_RECIPIENT_ITEMS = re.compile(r"\s+(?=- [A-ZĐÀ-Ỹ])")
_NUMBER_ROW = re.compile(r"\W*Số\b")  # the "Số: 12/KH-UBND" row of a document header


def _is_structural(text: str) -> bool:
    """A line that starts a paragraph of its own (heading, bullet, form part)."""
    return _never_joined().match(text) is not None


def _plain(text: str) -> str:
    return text.replace("*", "").strip() if "*" in text else text.strip()


def _ends_sentence(text: str) -> bool:
    """Final punctuation (. ! ? ; : …), maybe followed by closing quotes or brackets."""
    return text.rstrip().rstrip("\"”’)").rstrip().endswith((".", "!", "?", ";", ":", "…"))


def _all_caps(text: str) -> bool:
    return text.isupper() and len(text) >= 2


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# --- paragraphs -----------------------------------------------------------------------------

@dataclass(slots=True)
class _Paragraphs:
    """Collects lines into paragraphs and paragraphs into blocks."""

    mode: str  # "wrapped" (markdown export), "layout" (pdftotext -layout), "column" or "lines"
    markdown: bool = False
    blocks: list[Block] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # raw lines of the open paragraph
    after_break: bool = False  # a blank line came since the last line
    width: int = 0  # the column lines were wrapped at, when the text is wrapped to a fixed width
    center: float = 0  # the middle column of a page of layout text (0: unknown)

    marks: int = 0  # "**" seen in the open paragraph
    stars: int = 0  # single "*" seen (markdown italics)
    previous: str = ""  # the open paragraph's last line, stripped and without "*"

    def emphasis_open(self) -> bool:
        return self.marks % 2 == 1 or (self.markdown and self.stars % 2 == 1)

    def _append(self, line: str, plain: str) -> None:
        if "*" in line:
            bold = line.count("**")
            self.marks += bold
            self.stars += line.count("*") - 2 * bold
        self.lines.append(line)
        self.previous = plain

    def add(self, line: str) -> None:
        stripped = line.strip()
        # (the first character decides cheaply whether a line can be a rule or only marks)
        if not stripped or (stripped[0] in "-_=—–" and _RULE.match(stripped)):
            if self.mode == "layout" and self.lines:
                self.after_break = True
                return
            self.flush()
            return
        if stripped[0] in "*_" and _EMPHASIS_ONLY.match(stripped):
            if self.lines and self.emphasis_open():
                self._append(stripped, _plain(stripped))
            else:
                self.flush()
            return
        text = _plain(stripped)
        if self.lines and not self._joins(line, stripped, text):
            self.flush()
        self.after_break = False
        self._append(line, text)

    def _joins(self, line: str, stripped: str, text: str) -> bool:
        """Whether `line` continues the open paragraph (`text`: the line without marks)."""
        if self.mode == "lines" and not self.width and text and not text[0].islower() \
                and not self.emphasis_open():
            return False  # (plain lines: only a line in lower case continues one, by the last rule)
        if _is_structural(stripped):
            return False
        if self.emphasis_open():
            return not self.after_break
        previous = self.previous
        if not text:
            return False
        if (self.mode == "wrapped" and len(self.lines) == 1 and _NUMBER_ONLY.match(previous)
                and not self.after_break):
            return True  # "**Điều 1.**" on its own line: the number of the paragraph that follows
        if self.markdown and (stripped.startswith("**") or self.lines[-1].rstrip().endswith("**")):
            return False  # bold starts or ends: a new paragraph in the source
        starts_lower = text[0].islower()
        if _ends_sentence(previous) and not _JOIN_AFTER_COLON.match(previous) \
                and not (self.mode == "wrapped" and starts_lower and not self.after_break):
            return False
        if self.after_break:  # only across a page break of layout text
            return self.mode == "layout" and starts_lower
        if _all_caps(previous) and not _all_caps(text):
            return False
        if self.mode == "wrapped":
            return True
        if self.mode == "column":  # a cell or column of the header / signature block
            return starts_lower or not _all_caps(previous)
        if self.mode == "layout":
            return starts_lower or (_indent(line) <= 1 and not _all_caps(previous))
        if self.width and len(self.lines[-1].strip()) >= 0.75 * self.width:
            return True  # the line above reached the wrap column: this one continues it
        return starts_lower and len(previous) >= 40

    def flush(self) -> None:
        if not self.lines:
            return  # (nothing open: the marks and the break were reset with the last paragraph)
        block = _block(" ".join(self.lines).strip(), self.markdown)  # _block collapses the spaces
        if block is not None:
            if self.center and len(self.lines) == 1:
                # a lone line of layout text set around the page's middle: a centred title
                line = self.lines[0].rstrip()
                indent = _indent(line)
                middle = indent + (len(line) - indent) / 2
                if indent >= 10 and abs(middle - self.center) <= 8:
                    block.style.centered = True
            self.blocks.append(block)
        self.lines = []
        self.marks = self.stars = 0
        self.after_break = False


_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


def _letters(text: str) -> int:
    """How many letters (`_LETTERS`) the text holds.

    Text is mostly letters, spaces, digits and ASCII punctuation, and a regex is slow at telling
    letters: the ASCII non-letters are dropped from the text's UTF-8 bytes in one pass (no byte
    of a longer character is ASCII), and what is left, when it is all letters, counted at once.
    """
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_NON_LETTERS)
    rest = rest.decode("utf-8", "surrogatepass")
    if rest.isalpha() or not rest:
        return len(rest)
    return sum(map(len, _LETTERS.findall(text)))


def _block(text: str, markdown: bool) -> Block | None:
    """A paragraph block from the text of one paragraph, its emphasis marks made style."""
    style = Style()
    if "*" in text:
        parts = text.split("**")  # odd parts are bold
        bold = _letters("".join(parts[1::2]))
        letters = bold + _letters("".join(parts[0::2]))
        if letters and bold >= 0.6 * letters:
            style.bold = True
        if letters and markdown:
            italic_parts = "".join(parts).split("*")
            italic = _letters("".join(italic_parts[1::2]))
            if italic >= 0.6 * letters:
                style.italic = True
        if markdown:
            text = _MD_BULLET.sub("- ", text)
            text = text.replace("*", "")
        else:
            text = text.replace("**", "")
    text = single_spaced(text)
    if not text:
        return None
    kind = LIST_ITEM if _BULLET.match(text) else PARAGRAPH
    return Block(kind, text, style=style)


# --- tables ---------------------------------------------------------------------------------

def _broken_table(lines: list[str], i: int) -> tuple[list[list[list[str]]], int]:
    """Rows of cells (each a list of lines) of a table whose cell borders are lone '|' lines."""
    segments: list[list[str] | None] = []
    current: list[str] | None = None
    j = i
    while j < len(lines):
        stripped = lines[j].strip()
        if stripped == "|":
            if current is not None:
                segments.append(current if current else None)
            current = []
            j += 1
            if j >= len(lines) or not lines[j].strip():
                break
            continue
        if current is None or not stripped:
            break
        current.append(lines[j])
        j += 1
    rows: list[list[list[str]]] = [[]]
    for segment in segments:
        if segment is None:  # "|" right after "|": the end of a row
            if rows[-1]:
                rows.append([])
        else:
            rows[-1].append(segment)
    return [row for row in rows if row], j


def _pipe_table(lines: list[str], i: int) -> tuple[list[list[list[str]]], int]:
    rows = []
    j = i
    while j < len(lines) and (_PIPE_ROW.match(lines[j]) or _PIPE_SEPARATOR.match(lines[j])):
        if not _PIPE_SEPARATOR.match(lines[j]):
            cells = lines[j].strip().strip("|").split("|")
            rows.append([[cell] for cell in cells])
        j += 1
    return rows, j


def _table_blocks(rows: list[list[list[str]]], markdown: bool) -> list[Block]:
    """A layout table (document header, signature) as paragraphs; any other as a table block."""
    columns = max((len(r) for r in rows), default=0)
    cell_texts = [" ".join(l.strip() for l in cell) for row in rows for cell in row]
    if columns <= 3 and len(rows) <= 4 and any(_LAYOUT_CELL.search(t) for t in cell_texts):
        blocks: list[Block] = []
        for row in rows:
            for cell in row:
                blocks.extend(_cell_paragraphs(cell, markdown))
        return blocks
    texts = [[_block(" ".join(l.strip() for l in cell), markdown) for cell in row] for row in rows]
    block = table([[b.text if b else "" for b in row] for row in texts])
    first = [b for b in texts[0] if b] if texts else []
    if first and all(b.style.bold for b in first):
        block.style.bold = True  # a bold header row
    return [block]


def _cell_paragraphs(cell: list[str], markdown: bool) -> list[Block]:
    paragraphs = _Paragraphs("column", markdown)
    for line in cell:
        if len(cell) == 1:  # a flattened cell of a whole-row pipe table: split at its rules
            for part in _CELL_PARTS.split(line):
                items = _RECIPIENT_ITEMS.split(part) if "Nơi nhận" in part else [part]
                for item in items:
                    paragraphs.add(item)
                    paragraphs.flush()
        else:
            paragraphs.add(line)
    paragraphs.flush()
    return paragraphs.blocks


# --- layout (pdftotext -layout) -------------------------------------------------------------

def _one_run(line: str) -> bool:
    """Whether the line's words are all one or two spaces apart: one run of `_COLUMN_RUN`, and
    no columns (white space other than the space is unprintable)."""
    stripped = line.strip()
    return "   " not in stripped and stripped.isprintable()


def _split_columns(line: str) -> tuple[str, str, int] | None:
    """(left, right, right column) of a line with two columns side by side, else None."""
    if _one_run(line):
        return None
    runs = list(_COLUMN_RUN.finditer(line))
    if len(runs) < 2:
        return None
    gap, k = max((runs[n + 1].start() - runs[n].end(), n) for n in range(len(runs) - 1))
    if gap < 3 or runs[k + 1].start() < 20:
        return None
    return line[:runs[k].end()].strip(), line[runs[k + 1].start():].strip(), runs[k + 1].start()


def _column_blocks(zone: list[str]) -> list[Block]:
    """Blocks of a two-column zone: per group (split before the 'Số' row), left then right."""
    splits = [_split_columns(line) for line in zone]
    right_col = min((s[2] for s in splits if s), default=10**6)
    groups: list[tuple[list[str], list[str]]] = [([], [])]
    for line, split in zip(zone, splits):
        if split:
            left, right = split[0], split[1]
        elif line.strip() and _indent(line) >= right_col - 8:
            left, right = "", line.strip()
        else:
            left, right = line.strip(), ""
        if _NUMBER_ROW.match(left) and (groups[-1][0] or groups[-1][1]):
            groups.append(([], []))
        groups[-1][0].append(left)
        groups[-1][1].append(right)
    blocks: list[Block] = []
    for left, right in groups:
        for column in (left, right):
            paragraphs = _Paragraphs("column")
            for line in column:
                paragraphs.add(line)
            paragraphs.flush()
            blocks.extend(paragraphs.blocks)
    return blocks


def _table_cells(line: str) -> list[str] | None:
    """The cells of a table row laid out in columns (3+ runs of text apart), else None."""
    if _one_run(line):
        return None
    runs = _COLUMN_RUN.findall(line)
    return runs if len(runs) >= 3 else None


def _layout_body(lines: list[str], center: float = 0) -> list[Block]:
    """Paragraphs of indented, wrapped text; rows laid out in columns become table blocks."""
    body = _Paragraphs("layout", center=center)
    rows: list[list[str]] = []
    for line in lines:
        cells = _table_cells(line)
        if cells or (rows and not line.strip()):
            if cells:
                if not rows:
                    body.flush()
                rows.append(cells)
            continue
        if rows:
            body.blocks.append(table(rows))
            rows = []
        body.add(line)
    body.flush()
    if rows:
        body.blocks.append(table(rows))
    return body.blocks


def _layout_blocks(lines: list[str]) -> list[Block]:
    page_breaks = {i for i, l in enumerate(lines) if "\f" in l}
    lines = ["" if _PAGE_NUMBER.match(l.replace("\f", "")) and _indent(l.replace("\f", "")) >= 10
             else l.replace("\f", "") for l in lines]
    nonblank = [i for i, l in enumerate(lines) if l.strip()]
    header_end = 0
    gap_lines = []  # header lines with two columns, before the body begins
    for i in nonblank[:15]:
        stripped = lines[i].strip()
        if _split_columns(lines[i]) and not _table_cells(lines[i]):
            gap_lines.append(i)
        elif len(stripped) >= 60 or stripped.startswith("Kính gửi"):
            break
    if gap_lines:
        header_end = gap_lines[-1] + 1
        while header_end < len(lines) and lines[header_end].strip() and len(lines[header_end].strip()) < 60:
            header_end += 1
    footer_start = next((i for i in nonblank if i >= header_end and i >= len(lines) * 0.4
                         and lines[i].strip().startswith("Nơi nhận")), len(lines))
    footer_end = len(lines)
    for i in range(footer_start + 1, len(lines)):
        if i in page_breaks or _table_cells(lines[i]) or _APPENDIX.match(lines[i]):
            footer_end = i
            break
    blocks = _column_blocks(lines[:header_end]) if header_end else []
    widths = sorted(len(l.rstrip()) for l in lines if l.strip())
    center = widths[int(len(widths) * 0.9)] / 2 if widths else 0  # most full lines span the page
    blocks.extend(_layout_body(lines[header_end:footer_start], center))
    if footer_start < len(lines):
        blocks.extend(_column_blocks(lines[footer_start:footer_end]))
        blocks.extend(_layout_body(lines[footer_end:], center))
    return blocks


# --- the pipeline ---------------------------------------------------------------------------

def _strip_export_chrome(lines: list[str]) -> list[str]:
    """Drop a legal-database export's leading `*Source: URL*` and `# title` lines."""
    out = list(lines)
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > 4:
            break
        if _SOURCE_LINE.match(line) or _MD_TITLE.match(line):
            out[i] = ""
    return out


def _mode(lines: list[str]) -> tuple[str, bool]:
    nonblank = [l for l in lines if l.strip()]
    if not nonblank:
        return "lines", False
    markdown = _is_markdown(nonblank)
    indented = sum(1 for l in nonblank if l.startswith("   "))  # indented 3 or more
    if "\f" in "".join(lines) or (indented >= 0.25 * len(nonblank) and not markdown):
        return "layout", markdown
    blank = len(lines) - len(nonblank)
    # markdown exports of legal databases are hard-wrapped whatever their length
    wrapped = blank >= 0.15 * len(nonblank) and (markdown or _hard_wraps(lines) >= 0.15 * len(nonblank))
    return ("wrapped" if wrapped else "lines"), markdown


def _is_markdown(nonblank: list[str]) -> bool:
    """Three lines or more with markdown: "**" bold, a lone "|" cell border, a "---" table rule."""
    found = 0
    for line in nonblank:
        if "**" in line or line.strip() == "|" or ("---" in line and _PIPE_SEPARATOR.match(line)):
            found += 1
            if found == 3:
                return True
    return False


def _hard_wraps(lines: list[str]) -> int:
    """Lines without final punctuation continued by a line starting in lower case."""
    wraps = 0
    for a, b in zip(lines, lines[1:]):
        b = b.lstrip("* \t")
        if b and b[0].islower():
            a = _plain(a)
            if a and not _ends_sentence(a):
                wraps += 1
    return wraps


def _wrap_width(lines: list[str]) -> int:
    """The column a text was wrapped at (≤ 100), when most of its lines reach it; else 0."""
    lengths = sorted(filter(None, [len(l.strip()) for l in lines]))
    if len(lengths) < 10:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    if width > 100 or width < 40:
        return 0
    long_lines = len(lengths) - bisect_left(lengths, 0.75 * width)  # lengths are sorted
    return width if long_lines >= 0.5 * len(lengths) else 0


def blocks_from_text(text: str) -> list[Block]:
    """The blocks of a plain-text document (the whole text pipeline; `document.from_text` uses it)."""
    lines = [l.rstrip() for l in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = strip_page_chrome(_strip_export_chrome(lines))
    mode, markdown = _mode(lines)
    if mode == "layout":
        return _layout_blocks(lines)
    paragraphs = _Paragraphs(mode, markdown, width=_wrap_width(lines) if mode == "lines" else 0)
    i = 0
    while i < len(lines):
        line = lines[i]
        if "|" in line:  # a row of a pipe table, or a cell border of a broken one?
            stripped = line.strip()
            if stripped == "|":
                rows, i = _broken_table(lines, i)
                paragraphs.flush()
                if rows:
                    paragraphs.blocks.extend(_table_blocks(rows, markdown))
                continue
            if _PIPE_ROW.match(line) and stripped.count("|") >= 2:
                rows, i = _pipe_table(lines, i)
                paragraphs.flush()
                if rows:
                    paragraphs.blocks.extend(_table_blocks(rows, True))
                continue
        paragraphs.add(line)
        i += 1
    paragraphs.flush()
    return paragraphs.blocks
