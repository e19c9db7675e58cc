"""Word .docx: paragraphs, tables, automatic numbering and footnotes, read straight from the XML.

The package is opened with `zipfile` and its parts parsed with lxml: python-docx's object layer
costs more than the whole read and hides what we need (numbering, footnotes, content controls).

What the reader keeps, in document order:
- paragraphs, with Word automatic numbering written into the text as it is displayed ("I.",
  "1.", "a)", "1.2."; a bullet becomes "- " and the block a list item), because real plans often
  number their headings that way and the number is not in the paragraph's own text;
- tables as rows x cells (a horizontally merged cell once, a vertically merged continuation cell
  empty), content controls (`w:sdt`) and tracked insertions as ordinary content;
- text boxes, after the paragraph they are anchored in (once, not again from the VML copy);
- documents imported whole (`w:altChunk`: HTML, MHT, .docx), as web exports to Word write them;
- footnotes and endnotes as `footnote` blocks after the body, in the order they are referenced
  (real plans cite documents there); the reference marks stay out of the body text.
Text formatted all caps is read in capitals, as shown. Page headers and footers, comments,
deleted revisions, field codes, equations and hidden text are left out. Strict Open XML files
(other namespace names) read the same.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from ..blocks import FOOTNOTE, LIST_ITEM, PARAGRAPH, TABLE, Block, Cell, RawDocument, Style
from ..errors import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_VAL = W + "val"

# Zip bomb bounds. Real .docx files expand 5-20x (XML compresses well, images not at all); a
# bomb expands by thousands. The ratio bound has a floor so a tiny file with a little text passes.
MAX_EXPANSION = 100  # uncompressed total over this many times the file size ...
MIN_UNCOMPRESSED_BOUND = 32 * 1024 * 1024  # ... and over this many bytes is refused
MAX_UNCOMPRESSED = 1024 * 1024 * 1024  # whatever the file size
MAX_PART = 128 * 1024 * 1024  # one XML part we parse (document.xml of a 500-page report: ~20 MB)

# What reading a member of a damaged zip can raise: bad data, a bad offset, an encrypted member
# or a compression method zipfile does not have.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL_W = W[1:-1].encode()
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, collect_ids=False,
                              remove_comments=True, remove_pis=True)

# Elements that only wrap paragraph content (their runs are displayed as if they were direct).
_INLINE_WRAPPERS = frozenset(W + t for t in (
    "hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo", "dir", "bdo"))
# Elements that wrap block content (paragraphs, tables) at body or cell level.
_BLOCK_WRAPPERS = frozenset(W + t for t in ("customXml", "ins", "moveTo"))

_P, _R, _T, _TBL, _TR, _TC = (W + t for t in ("p", "r", "t", "tbl", "tr", "tc"))
_SDT, _SDT_CONTENT = W + "sdt", W + "sdtContent"
_PPR, _RPR, _PSTYLE, _RSTYLE = W + "pPr", W + "rPr", W + "pStyle", W + "rStyle"
_NUMPR, _NUMID, _ILVL, _JC = W + "numPr", W + "numId", W + "ilvl", W + "jc"
_B, _I, _SZ, _VANISH, _CAPS = W + "b", W + "i", W + "sz", W + "vanish", W + "caps"
_TAB, _PTAB, _BR, _CR = W + "tab", W + "ptab", W + "br", W + "cr"
_NB_HYPHEN, _SOFT_HYPHEN, _SYM = W + "noBreakHyphen", W + "softHyphen", W + "sym"
_FOOTNOTE_REF, _ENDNOTE_REF = W + "footnoteReference", W + "endnoteReference"
_TCPR, _VMERGE, _HMERGE = W + "tcPr", W + "vMerge", W + "hMerge"
_DRAWING, _PICT, _TEXTBOX = W + "drawing", W + "pict", W + "txbxContent"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ALT_CHUNK = W + "altChunk"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_ALTERNATE, _FALLBACK = _MC + "AlternateContent", _MC + "Fallback"
_OFF = frozenset(("0", "false", "off", "none"))


def read(data: bytes, path: Path, _depth: int = 0) -> RawDocument:
    package = _open_package(data, path.name)
    reader = _DocxReader(package, path.name, _depth)
    blocks = reader.blocks()
    return RawDocument(format="docx", blocks=blocks, pages=_page_count(package), warnings=reader.warnings)


_PAGES = re.compile(rb"<(?:\w+:)?Pages>\s*(\d+)\s*<")
_NO_WORDS = re.compile(rb"<(?:\w+:)?Words>\s*0\s*<")


def _page_count(package: _Package) -> int | None:
    """The page count Word (or LibreOffice) stored when it last saved the file, if it did.

    Files written by programs (python-docx and the like) carry their template's statistics:
    "0 words" gives them away, and then the count means nothing."""
    try:
        info = package.zip.getinfo("docProps/app.xml")
        if info.file_size > 1024 * 1024:
            return None
        app = package.zip.read(info)
        found = None if _NO_WORDS.search(app) else _PAGES.search(app)
    except (KeyError, *_ZIP_ERRORS):
        return None
    pages = int(found.group(1)) if found else 0
    return pages or None


# --- the package --------------------------------------------------------------------------------

@dataclass
class _Package:
    zip: zipfile.ZipFile
    name: str
    main: str  # the main document part, normally word/document.xml
    parts: dict[str, str] = field(default_factory=dict)  # relationship kind -> part name
    by_id: dict[str, str] = field(default_factory=dict)  # relationship id -> part name

    def bytes(self, part: str | None) -> bytes | None:
        """The part's content, or None when the package does not have it."""
        if part is None:
            return None
        try:
            info = self.zip.getinfo(part)
        except KeyError:
            return None
        if info.file_size > MAX_PART:
            raise ReadError("docx_too_large", f"{self.name}: the part {part} expands to "
                                              f"{info.file_size:,} bytes (limit {MAX_PART:,})")
        try:
            return self.zip.read(info)
        except _ZIP_ERRORS as e:
            raise ReadError("corrupt_docx", f"{self.name}: the part {part} is damaged or cannot be "
                                            f"read ({e})") from None

    def xml(self, part: str | None):
        """The parsed part, or None when the package does not have it."""
        raw = self.bytes(part)
        if raw is None:
            return None
        if _STRICT_W in raw:  # "Strict Open XML": the same elements under other namespace names
            raw = raw.replace(_STRICT_W, _TRANSITIONAL_W)
        try:
            return etree.fromstring(raw, _XML_PARSER)
        except etree.XMLSyntaxError as e:
            raise ReadError("corrupt_docx", f"{self.name}: the part {part} is not well-formed XML ({e})") from None


def _open_package(data: bytes, name: str) -> _Package:
    if data.startswith(_OLE_MAGIC):
        raise ReadError("corrupt_docx", f"{name}: not a .docx package but an OLE compound file: an old "
                                        f"Word .doc saved under a .docx name (rename it to .doc), or a "
                                        f"password-protected .docx (remove the password)")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.LargeZipFile, *_ZIP_ERRORS) as e:
        what = "truncated or damaged" if data.startswith(b"PK") else "not a zip package"
        raise ReadError("corrupt_docx", f"{name}: not a readable .docx file ({what}: {e})") from None
    total = sum(info.file_size for info in infos)
    bound = min(max(MAX_EXPANSION * len(data), MIN_UNCOMPRESSED_BOUND), MAX_UNCOMPRESSED)
    if total > bound:
        raise ReadError("docx_too_large", f"{name}: its content expands to {total:,} bytes from "
                                          f"{len(data):,} (limit {bound:,}); refused as a possible zip bomb")
    names = {info.filename for info in infos}
    main = _main_part(package, names)
    if main is None:
        raise ReadError("corrupt_docx", f"{name}: a zip file without word/document.xml, so not a "
                                        f"Word document")
    result = _Package(package, name, main)
    result.parts, result.by_id = _related_parts(result, names)
    return result


def _main_part(package: zipfile.ZipFile, names: set[str]) -> str | None:
    """The officeDocument part named by _rels/.rels (some tools write word/document2.xml)."""
    if "_rels/.rels" in names:
        try:
            rels = etree.fromstring(package.read("_rels/.rels"), _XML_PARSER)
            for rel in rels.iter(_REL):
                if rel.get("Type", "").endswith("/officeDocument"):
                    target = rel.get("Target", "").lstrip("/")
                    if target in names:
                        return target
        except (etree.XMLSyntaxError, *_ZIP_ERRORS):
            pass
    return "word/document.xml" if "word/document.xml" in names else None


_RELATED = ("styles", "numbering", "footnotes", "endnotes")


def _related_parts(package: _Package, names: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """(relationship kind -> part) for the parts we read, and (relationship id -> part)."""
    folder = PurePosixPath(package.main).parent
    found = {kind: str(folder / f"{kind}.xml") for kind in _RELATED}
    by_id: dict[str, str] = {}
    rels_name = str(folder / "_rels" / (PurePosixPath(package.main).name + ".rels"))
    if rels_name in names:
        try:
            rels = etree.fromstring(package.zip.read(rels_name), _XML_PARSER)
        except (etree.XMLSyntaxError, *_ZIP_ERRORS):
            rels = None
        for rel in rels.iter(_REL) if rels is not None else ():
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else _join(folder, target)
            by_id[rel.get("Id", "")] = part
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if kind in _RELATED:
                found[kind] = part
    return {kind: part for kind, part in found.items() if part in names}, by_id


def _join(folder: PurePosixPath, target: str) -> str:
    parts: list[str] = []
    for piece in (folder / target).parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


# --- styles -------------------------------------------------------------------------------------

def _on(element) -> bool:
    """A Word on/off property: present means on unless its value says off."""
    return element.get(_VAL, "1").lower() not in _OFF


@dataclass(slots=True)
class _RunFormat:
    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None  # points
    caps: bool | None = None  # shown in capitals whatever the letters typed (w:caps)

    def over(self, base: _RunFormat) -> _RunFormat:
        """These properties where set, `base` elsewhere."""
        return _RunFormat(base.bold if self.bold is None else self.bold,
                          base.italic if self.italic is None else self.italic,
                          base.size if self.size is None else self.size,
                          base.caps if self.caps is None else self.caps)


def _run_format(rpr) -> _RunFormat:
    fmt = _RunFormat()
    if rpr is None:
        return fmt
    for child in rpr:
        tag = child.tag
        if tag == _B:
            fmt.bold = _on(child)
        elif tag == _I:
            fmt.italic = _on(child)
        elif tag == _SZ:
            fmt.size = _half_points(child, None)
        elif tag == _CAPS:
            fmt.caps = _on(child)
    return fmt


def _half_points(sz, default: float | None) -> float | None:
    """A w:sz value (half-points) in points."""
    try:
        return int(sz.get(_VAL)) / 2
    except (TypeError, ValueError):
        return default


@dataclass(slots=True)
class _ParagraphStyle:
    name: str | None
    run: _RunFormat
    centered: bool | None
    num_id: str | None
    ilvl: int | None


class _Styles:
    """Paragraph and character styles with `basedOn` inheritance resolved (cached per id)."""

    def __init__(self, root) -> None:
        self._raw: dict[str, object] = {}
        self.default_paragraph: str | None = None
        self.defaults = _RunFormat(False, False, 10.0, False)  # Word's defaults when styles.xml says nothing
        self._paragraph: dict[str | None, _ParagraphStyle] = {}
        self._character: dict[str, _RunFormat] = {}
        if root is None:
            return
        rpr_default = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.defaults = _run_format(rpr_default).over(self.defaults)
        for style in root.iter(W + "style"):
            style_id = style.get(W + "styleId")
            if style_id is None:
                continue
            self._raw[style_id] = style
            if style.get(W + "type") == "paragraph" and _on_attr(style.get(W + "default")):
                self.default_paragraph = style_id

    def paragraph(self, style_id: str | None) -> _ParagraphStyle:
        cached = self._paragraph.get(style_id)
        if cached is None:
            cached = self._paragraph[style_id] = self._resolve_paragraph(style_id, 0)
        return cached

    def character(self, style_id: str) -> _RunFormat:
        cached = self._character.get(style_id)
        if cached is None:
            cached = self._character[style_id] = self._resolve_character(style_id, 0)
        return cached

    def _resolve_paragraph(self, style_id: str | None, depth: int) -> _ParagraphStyle:
        style = self._raw.get(style_id) if style_id is not None else None
        if style is None or depth > 20:
            return _ParagraphStyle(None, self.defaults, False, None, None)  # Word aligns left by default
        based_on = style.find(W + "basedOn")
        base = self._resolve_paragraph(based_on.get(_VAL) if based_on is not None else None, depth + 1)
        name_el = style.find(W + "name")
        name = _display_name(name_el.get(_VAL)) if name_el is not None else style_id
        centered, num_id, ilvl = base.centered, base.num_id, base.ilvl
        ppr = style.find(_PPR)
        if ppr is not None:
            jc = ppr.find(_JC)
            if jc is not None:
                centered = jc.get(_VAL) == "center"
            numpr = ppr.find(_NUMPR)
            if numpr is not None:
                num_el, ilvl_el = numpr.find(_NUMID), numpr.find(_ILVL)
                if num_el is not None:
                    num_id, ilvl = num_el.get(_VAL), None
                if ilvl_el is not None:
                    ilvl = _int(ilvl_el.get(_VAL))
        return _ParagraphStyle(name, _run_format(style.find(_RPR)).over(base.run), centered, num_id, ilvl)

    def _resolve_character(self, style_id: str, depth: int) -> _RunFormat:
        style = self._raw.get(style_id)
        if style is None or depth > 20:
            return _RunFormat()
        based_on = style.find(W + "basedOn")
        base = (self._resolve_character(based_on.get(_VAL), depth + 1) if based_on is not None
                else _RunFormat())
        return _run_format(style.find(_RPR)).over(base)


def _display_name(name: str | None) -> str | None:
    # styles.xml spells Word's built-in styles in lower case ("heading 1"); Word shows "Heading 1"
    return name[:1].upper() + name[1:] if name else name


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in _OFF


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# --- numbering ----------------------------------------------------------------------------------

@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: 0 = never; n = after a use of level n-1 or shallower
    legal: bool = False  # isLgl: every level shown as a decimal number ("1.2." under "I.")
    style: str | None = None  # the paragraph style bound to this level (lvl/pStyle)


def _parse_level(lvl) -> _Level:
    level = _Level()
    for child in lvl:
        tag, value = child.tag, child.get(_VAL)
        if tag == W + "start":
            level.start = _int(value, 1)
        elif tag == W + "numFmt":
            level.fmt = value or "decimal"
        elif tag == W + "lvlText":
            level.text = value or ""
        elif tag == W + "lvlRestart":
            level.restart = _int(value)
        elif tag == W + "isLgl":
            level.legal = _on(child)
        elif tag == _PSTYLE:
            level.style = value
    return level


@dataclass(slots=True)
class _List:
    """One w:num: its levels (abstract levels with overrides applied) and where its counter lives."""

    levels: dict[int, _Level]
    counter_key: str
    start_overrides: dict[int, int]
    restarts: dict[int, int]  # overridden levels this w:num has not restarted yet


class _Numbering:
    """Word automatic numbering, replayed in document order to give each paragraph its label.

    Counters belong to the abstract numbering definition (ECMA-376 17.9), so two w:num sharing
    one abstractNum continue each other, as Word shows them. A w:num with a startOverride
    restarts the shared count at that level the first time it is used there; whatever follows,
    through either w:num, continues from it. Using a level restarts the deeper levels (unless
    lvlRestart says otherwise).
    """

    def __init__(self, root, styles: _Styles) -> None:
        self._lists: dict[str, _List | None] = {}  # built on first use: most definitions never are
        self._counters: dict[str, list[int | None]] = {}
        self._styles = styles
        self._abstracts: dict[str, object] = {}
        self._abstract_levels: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, object]] = {}  # numId -> (abstractNumId, w:num)
        if root is None:
            return
        for abstract in root.iterchildren(W + "abstractNum"):
            self._abstracts[abstract.get(W + "abstractNumId")] = abstract
        for num in root.iterchildren(W + "num"):
            abstract_id = num.find(W + "abstractNumId")
            if abstract_id is not None:
                self._nums[num.get(W + "numId")] = (abstract_id.get(_VAL), num)

    def _levels(self, aid: str) -> dict[int, _Level]:
        levels = self._abstract_levels.get(aid)
        if levels is None:
            abstract = self._abstracts.get(aid)
            levels = {} if abstract is None else {
                _int(lvl.get(W + "ilvl"), 0): _parse_level(lvl) for lvl in abstract.iterchildren(W + "lvl")}
            self._abstract_levels[aid] = levels
        return levels

    def _list(self, num_id: str) -> _List | None:
        if num_id in self._lists:
            return self._lists[num_id]
        found = self._nums.get(num_id)
        if found is None:
            self._lists[num_id] = None
            return None
        aid, num = found
        levels = self._levels(aid)
        abstract = self._abstracts.get(aid)
        link = abstract.find(W + "numStyleLink") if abstract is not None else None
        if link is not None and not levels:  # levels defined through a numbering style
            linked = self._styles.paragraph(link.get(_VAL)).num_id
            if linked in self._nums and linked != num_id:
                aid = self._nums[linked][0]
                levels = self._levels(aid)
        levels = dict(levels)
        start_overrides = {}
        for override in num.iterchildren(W + "lvlOverride"):
            ilvl = _int(override.get(W + "ilvl"), 0)
            replacement = override.find(W + "lvl")
            if replacement is not None:
                levels[ilvl] = _parse_level(replacement)
            start = override.find(W + "startOverride")
            if start is not None:
                start_overrides[ilvl] = _int(start.get(_VAL), 1)
        numbered = self._lists[num_id] = _List(levels, aid, start_overrides, dict(start_overrides))
        return numbered

    def label(self, num_id: str, ilvl: int | None, style_id: str | None) -> tuple[str, bool] | None:
        """(the visible label, is a bullet) for the next paragraph in this list; None if unnumbered."""
        numbered = self._list(num_id)
        if numbered is None:
            return None
        if ilvl is None:  # a style bound to a level names it in the level, not in the style
            ilvl = next((i for i, lvl in numbered.levels.items() if style_id and lvl.style == style_id), 0)
        level = numbered.levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.get(numbered.counter_key)
        if counters is None:
            counters = self._counters[numbered.counter_key] = [None] * 10
        ilvl = min(max(ilvl, 0), 9)
        current = counters[ilvl]
        if ilvl in numbered.restarts:
            counters[ilvl] = numbered.restarts.pop(ilvl)
        else:
            counters[ilvl] = self._start(numbered, ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, 10):
            restart = numbered.levels[deeper].restart if deeper in numbered.levels else None
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                counters[deeper] = None
        if level.fmt == "bullet" or (not _PLACEHOLDER.search(level.text) and _is_bullet_mark(level.text)):
            return "-", True
        if level.fmt == "none" or not level.text:
            return None

        def number(match: re.Match) -> str:
            at = int(match.group(1)) - 1
            value = counters[at] if 0 <= at < 10 and counters[at] is not None else self._start(numbered, at)
            shown = numbered.levels.get(at)
            fmt = "decimal" if level.legal or shown is None else shown.fmt
            return format_number(value, fmt)

        text = _PLACEHOLDER.sub(number, level.text).strip()
        return (text, False) if text else None

    @staticmethod
    def _start(numbered: _List, ilvl: int) -> int:
        if ilvl in numbered.start_overrides:
            return numbered.start_overrides[ilvl]
        level = numbered.levels.get(ilvl)
        return level.start if level is not None else 1


_PLACEHOLDER = re.compile(r"%([1-9])")
_BULLET_MARKS = frozenset("-–—+•*o·◦▪■□●○♦❖➢➤✓✔§")


def _is_bullet_mark(text: str) -> bool:
    """A constant list mark ("-", "+", a symbol-font glyph) used without a bullet numFmt."""
    mark = text.strip()
    return len(mark) == 1 and (mark in _BULLET_MARKS or "\ue000" <= mark <= "\uf8ff")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def to_roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def to_letters(n: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, then aaa... (not base 26)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter value as Word displays it in numFmt `fmt` (unknown formats as decimals)."""
    if n <= 0 and fmt not in ("decimal", "decimalZero"):
        return str(n)
    if fmt == "upperRoman":
        return to_roman(n)
    if fmt == "lowerRoman":
        return to_roman(n).lower()
    if fmt == "upperLetter":
        return to_letters(n).upper()
    if fmt == "lowerLetter":
        return to_letters(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


# --- the document -------------------------------------------------------------------------------

class _Counts:
    """Characters of a paragraph by formatting, to tell whether most of it is bold."""

    __slots__ = ("total", "bold", "italic", "sizes")

    def __init__(self) -> None:
        self.total = self.bold = self.italic = 0
        self.sizes: dict[float, int] = {}


class _DocxReader:
    def __init__(self, package: _Package, name: str, depth: int = 0) -> None:
        self.package = package
        self.name = name
        self.depth = depth  # how many documents this one is imported into (altChunk)
        self.warnings: list[tuple[str, str]] = []
        self.styles = _Styles(package.xml(package.parts.get("styles")))
        self.numbering = _Numbering(package.xml(package.parts.get("numbering")), self.styles)
        self.note_refs: list[tuple[str, str]] | None = []  # (footnotes|endnotes, id) in body order
        self.textboxes: list = []  # text boxes anchored in the paragraph being read, read after it

    def blocks(self) -> list[Block]:
        root = self.package.xml(self.package.main)
        body = root.find(W + "body") if root is not None else None
        if body is None:
            raise ReadError("corrupt_docx", f"{self.name}: {self.package.main} has no document body")
        blocks: list[Block] = []
        self._body(body, blocks)
        blocks.extend(self._notes())
        return blocks

    def _body(self, container, blocks: list[Block]) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                block = self._paragraph(child)
                if block is not None:
                    blocks.append(block)
                if self.textboxes:
                    boxes, self.textboxes = self.textboxes, []
                    for box in boxes:
                        self._body(box, blocks)
            elif tag == _TBL:
                blocks.append(Block(TABLE, rows=[[Cell(text) for text in row] for row in self._table(child)]))
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self._body(content, blocks)
            elif tag in _BLOCK_WRAPPERS:
                self._body(child, blocks)
            elif tag == _ALT_CHUNK:
                blocks.extend(self._imported(child))

    def _imported(self, chunk) -> list[Block]:
        """The blocks of a document imported whole (w:altChunk): HTML, MHT, .docx or text that
        Word converts when it opens the file. Web applications' "export to Word" writes these."""
        part = self.package.by_id.get(chunk.get(_R_ID, ""))
        data = self.package.bytes(part)
        if not data:
            return []
        name = PurePosixPath(part).name
        try:
            if data.startswith(b"PK"):
                if self.depth >= 3:
                    raise ReadError("corrupt_docx", "documents imported into each other too deeply")
                raw = read(data, Path(name), self.depth + 1)
            elif data.lstrip()[:5] == b"{\\rtf":
                raise ReadError("unsupported_format", "RTF content is not read inside a .docx")
            else:
                html = _html_of_mht(data) if b"MIME-Version" in data[:1024] else data
                from . import html as html_reader
                from .txt import blocks_from_text, decode

                if name.lower().endswith(".txt"):
                    raw = RawDocument("txt", blocks_from_text(decode(html, name)))
                else:
                    raw = html_reader.read(html, Path(name))
        except ReadError as e:
            self.warnings.append(("docx_import_skipped", f"{self.name}: the imported part {part} was "
                                                         f"not read ({e.message})"))
            return []
        self.warnings.extend(raw.warnings)
        return raw.blocks

    # paragraphs

    def _paragraph(self, p) -> Block | None:
        read = self._read_paragraph(p, True)
        if read is None:
            return None
        text, label, counts, style, centered = read
        kind = LIST_ITEM if label is not None and label[1] else PARAGRAPH
        hints = Style(
            bold=counts.bold * 2 > counts.total if counts.total else None,
            italic=counts.italic * 2 > counts.total if counts.total else None,
            font_size=max(counts.sizes, key=counts.sizes.__getitem__) if counts.sizes else None,
            centered=style.centered if centered is None else centered,
            style_name=style.name,
            numbered=label is not None and not label[1],
        )
        return Block(kind, text, hints)

    def _read_paragraph(self, p, numbering: bool):
        """(text with its number, label, formatting counts, style, centered), None when empty."""
        ppr = p.find(_PPR)
        style_id = self.styles.default_paragraph
        num_id = ilvl = None
        centered = None
        if ppr is not None:
            pstyle = ppr.find(_PSTYLE)
            if pstyle is not None:
                style_id = pstyle.get(_VAL)
            numpr = ppr.find(_NUMPR)
            if numpr is not None:
                num_el, ilvl_el = numpr.find(_NUMID), numpr.find(_ILVL)
                num_id = num_el.get(_VAL) if num_el is not None else None
                ilvl = _int(ilvl_el.get(_VAL)) if ilvl_el is not None else None
            jc = ppr.find(_JC)
            if jc is not None:
                centered = jc.get(_VAL) == "center"
        style = self.styles.paragraph(style_id)
        if num_id is None:
            num_id = style.num_id
        if ilvl is None and num_id == style.num_id:
            ilvl = style.ilvl
        label = None
        if numbering and num_id is not None and num_id != "0":
            label = self.numbering.label(num_id, ilvl, style_id)

        pieces: list[str] = []
        counts = _Counts()
        self._inline(p, pieces, counts, style.run)
        text = "".join(pieces)
        if not text.strip():
            return None
        if label is not None:
            text = f"{label[0]} {text.lstrip()}"
        return text, label, counts, style, centered

    def _inline(self, element, pieces: list[str], counts: _Counts, base: _RunFormat) -> None:
        for child in element:
            tag = child.tag
            if tag == _R:
                self._run(child, pieces, counts, base)
            elif tag in _INLINE_WRAPPERS:
                self._inline(child, pieces, counts, base)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self._inline(content, pieces, counts, base)
            elif tag == _ALTERNATE:  # runs offered in two forms: read the first (preferred) one
                choice = child.find(_MC + "Choice")
                if choice is not None:
                    self._inline(choice, pieces, counts, base)
            # anything else (pPr, deleted text, bookmarks, proofing marks, equations) is not shown

    def _run(self, r, pieces: list[str], counts: _Counts, base: _RunFormat) -> None:
        # One pass over the run's children: this is the hottest loop of the reader.
        bold, italic, size, caps = base.bold, base.italic, base.size, base.caps
        texts: list[str] = []
        custom_mark = False  # a note reference whose mark is typed in the same run: not body text
        for child in r:
            tag = child.tag
            if tag == _T:
                if not custom_mark and child.text:
                    texts.append(child.text)
            elif tag == _RPR:  # comes first in a run; rStyle first in it, then direct formatting
                for prop in child:
                    ptag = prop.tag
                    if ptag == _B:
                        bold = _on(prop)
                    elif ptag == _I:
                        italic = _on(prop)
                    elif ptag == _SZ:
                        size = _half_points(prop, size)
                    elif ptag == _RSTYLE:
                        character = self.styles.character(prop.get(_VAL))
                        bold = bold if character.bold is None else character.bold
                        italic = italic if character.italic is None else character.italic
                        size = size if character.size is None else character.size
                        caps = caps if character.caps is None else character.caps
                    elif ptag == _CAPS:
                        caps = _on(prop)
                    elif ptag == _VANISH and _on(prop):
                        return  # hidden text
            elif tag == _TAB or tag == _PTAB:
                texts.append("\t")
            elif tag == _BR or tag == _CR:
                texts.append("\n")
            elif tag == _NB_HYPHEN:
                texts.append("-")
            elif tag == _SYM:
                char = _symbol(child.get(W + "char"))
                if char:
                    texts.append(char)
            elif tag == _DRAWING or tag == _ALTERNATE or tag == _PICT:
                self.textboxes.extend(_textboxes(child))
            elif tag == _FOOTNOTE_REF or tag == _ENDNOTE_REF:
                if self.note_refs is not None:
                    kind = "footnotes" if tag == _FOOTNOTE_REF else "endnotes"
                    self.note_refs.append((kind, child.get(W + "id")))
                custom_mark = _on_attr(child.get(W + "customMarkFollows"))
        if not texts:
            return
        text = texts[0] if len(texts) == 1 else "".join(texts)
        if caps:  # the reader sees capitals, and so do the heading rules
            text = text.upper()
        pieces.append(text)
        n = len(text) - text.count(" ")
        counts.total += n
        if bold:
            counts.bold += n
        if italic:
            counts.italic += n
        if size is not None and n:
            counts.sizes[size] = counts.sizes.get(size, 0) + n

    # tables

    def _table(self, tbl) -> list[list[str]]:
        rows = []
        for tr in _children(tbl, _TR):
            cells = []
            for tc in _children(tr, _TC):
                tcpr = tc.find(_TCPR)
                if tcpr is not None:
                    hmerge = tcpr.find(_HMERGE)
                    if hmerge is not None and hmerge.get(_VAL, "continue") == "continue":
                        continue  # the cell to its left spans it
                    vmerge = tcpr.find(_VMERGE)
                    if vmerge is not None and vmerge.get(_VAL, "continue") == "continue":
                        cells.append("")  # the cell above spans it
                        continue
                cells.append(self._cell_text(tc))
            rows.append(cells)
        return rows

    def _cell_text(self, container, numbering: bool = True) -> str:
        lines = []
        for child in container:
            tag = child.tag
            if tag == _P:
                read = self._read_paragraph(child, numbering)
                if read is not None:
                    lines.append(read[0])
                if self.textboxes:
                    boxes, self.textboxes = self.textboxes, []
                    lines.extend(self._cell_text(box, numbering) for box in boxes)
            elif tag == _TBL:  # a table inside a cell: its rows as lines of this cell
                lines.extend(" | ".join(c for c in row if c.strip()) for row in self._table(child))
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    lines.append(self._cell_text(content, numbering))
            elif tag in _BLOCK_WRAPPERS:
                lines.append(self._cell_text(child, numbering))
        return "\n".join(line for line in lines if line)

    # footnotes and endnotes

    def _notes(self) -> list[Block]:
        refs, self.note_refs = self.note_refs or [], None
        if not refs:
            return []
        blocks = []
        for kind in ("footnotes", "endnotes"):
            wanted = [note_id for k, note_id in refs if k == kind]
            if not wanted:
                continue
            root = self.package.xml(self.package.parts.get(kind))
            if root is None:
                continue
            tag = W + kind[:-1]
            notes = {note.get(W + "id"): note for note in root.iter(tag)
                     if note.get(W + "type") in (None, "normal")}
            seen = set()
            for note_id in wanted:
                note = notes.get(note_id)
                if note is None or note_id in seen:
                    continue
                seen.add(note_id)
                text = self._cell_text(note, numbering=False)  # a note's own list is not the body's
                if text.strip():
                    blocks.append(Block(FOOTNOTE, text))
        return blocks


def _children(element, tag: str):
    """Child elements with `tag`, looking through content controls and other wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _children(child, tag)


def _html_of_mht(data: bytes) -> bytes:
    """The HTML of a MIME "web archive" (.mht), in UTF-8 and saying so."""
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset() or "utf-8"
            try:
                text = payload.decode(charset, errors="replace")
            except LookupError:
                text = payload.decode("utf-8", errors="replace")
            text = _META_CHARSET.sub("", text)
            return ('<meta charset="utf-8">' + text).encode("utf-8")
    return b""


_META_CHARSET = re.compile(r"<meta[^>]+charset[^>]*>", re.IGNORECASE)


def _textboxes(element) -> list:
    """The text boxes drawn by a run's drawing, once: Word writes each twice (DrawingML in
    mc:Choice, VML in mc:Fallback), and a box inside another box is read with its outer box."""
    boxes = []
    for box in element.iter(_TEXTBOX):
        ancestor = box.getparent()
        while ancestor is not None and ancestor is not element:
            if ancestor.tag == _FALLBACK or ancestor.tag == _TEXTBOX:
                break
            ancestor = ancestor.getparent()
        else:
            boxes.append(box)
    return boxes


def _symbol(code: str | None) -> str:
    """A w:sym character, unless it is a private-use glyph of a symbol font (Wingdings, Symbol)."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    return "" if 0xE000 <= value <= 0xF8FF or not 0x20 <= value <= 0x10FFFF else chr(value)
