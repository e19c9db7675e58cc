"""HTML (.html/.htm): the document on a government portal page, without the page around it.

selectolax (lexbor) parses the page; then
1. elements that are never the document go: scripts, styles, forms, and elements whose tag,
   id or class names them menu, breadcrumb, sidebar, banner, footer, share bar, related news,
   visitor counter, poll (`_CHROME_NAME`);
2. the content element is the one holding most paragraph text (text of <p>, <td>, <li>, <h*>
   counted on the element and, half, on its parent) — the article column, not the page;
3. its blocks are read in order: paragraphs and headings with bold / centred / heading style
   hints, tables as table blocks, except a document header or signature table (Quốc hiệu,
   "Số:", "Nơi nhận") whose cells become paragraphs, left column first, as in the other readers;
4. the phrases of page chrome inside the article ("Lượt xem", "Tài liệu đính kèm: Tải về",
   "Tin liên quan" and what follows) go as for copied text (`webpage.strip_page_chrome`).

Why selectolax and not trafilatura or jusText: measured on portal pages (README), all three
keep the body text, but trafilatura and jusText drop or flatten tables and lose bold/centre
hints, and selectolax is an order of magnitude faster.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..blocks import LIST_ITEM, PARAGRAPH, Block, RawDocument, Style, table
from ..encodings import fix_legacy
from ..errors import ReadError
from .txt import _LAYOUT_CELL  # the same header/signature test as for text
from .webpage import strip_page_chrome

_SKIP_TAGS = {"script", "style", "noscript", "template", "iframe", "form", "select", "option",
              "button", "input", "textarea", "svg", "canvas", "img", "video", "audio", "object",
              "nav", "header", "footer", "aside", "head", "title", "meta", "link"}
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section",
               "article", "main", "blockquote", "pre", "center", "dl", "dt", "dd", "address",
               "figure", "figcaption", "body", "html", "hr", "tr", "tbody", "thead", "tfoot",
               "caption", "fieldset", "span.block"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BOLD_TAGS = {"b", "strong"}
# id / class tokens of page parts around the document: exact tokens, and prefixes ("menu-top",
# "sidebar_left", "related-news")
_CHROME_TOKENS = {"header", "top", "bottom", "footer", "nav", "path", "side", "other", "links",
                  "logo", "slogan", "site-title", "copyright", "search", "login", "ads", "vote"}
_CHROME_PREFIX = re.compile(
    r"^(menu|mainmenu|topmenu|nav|breadcrumb|sidebar|side-|left-col|right-col|col-left|col-right|"
    r"banner|footer|share|social|related|other-news|tin-khac|tin-lien-quan|visitor|counter|"
    r"thong-ke|poll|binh-chon|weblink|lien-ket|comment|advert|quangcao)", re.IGNORECASE)
_CENTER = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_BULLET = re.compile(r"^[-+•–—−·▪►■]\s")


def read(data: bytes, path: Path) -> RawDocument:
    from selectolax.lexbor import LexborHTMLParser

    text = _decode(data, path.name)
    tree = LexborHTMLParser(text)
    body = tree.body or tree.root
    if body is None:
        raise ReadError("not_text", f"{path.name}: no HTML content")
    _remove_chrome(body)
    content = _content_node(body) or body
    blocks = _Reader().read(content)
    blocks = _strip_chrome_blocks(blocks)
    return RawDocument(format="html", blocks=blocks)


def _decode(data: bytes, name: str) -> str:
    match = _META_CHARSET.search(data[:4096])
    if match and match.group(1).lower() not in (b"utf-8", b"utf8"):
        try:
            return fix_legacy(data.decode(match.group(1).decode("ascii"), errors="replace"))
        except LookupError:
            pass
    from ..encodings import decode

    return decode(data, name)


def _remove_chrome(body) -> None:
    doomed = []
    for node in body.traverse():
        if node.tag in _SKIP_TAGS:
            doomed.append(node)
            continue
        attributes = node.attributes
        names = " ".join(v for k, v in attributes.items() if k in ("id", "class") and v).lower()
        if any(t in _CHROME_TOKENS or _CHROME_PREFIX.match(t) for t in names.split()):
            doomed.append(node)
    for node in doomed:
        try:
            node.decompose()
        except Exception:  # already gone with an ancestor
            pass


def _content_node(body):
    """The element holding most of the page's paragraph text (its own text, credited to the
    parent in full and to the grandparent by half, as readability does)."""
    scores: dict[int, float] = {}
    nodes: dict[int, object] = {}
    for node in body.css("p, div, td, li, h1, h2, h3, h4, h5, h6, pre"):
        deep = node.tag not in ("div", "td")  # a div or cell holding blocks: only its own text
        length = len(node.text(deep=deep, separator=" ").strip())
        if length < 20:
            continue
        parent = node.parent
        for weight, ancestor in ((1.0, parent), (0.5, parent.parent if parent is not None else None)):
            if ancestor is None:
                continue
            key = ancestor.mem_id
            nodes[key] = ancestor
            scores[key] = scores.get(key, 0.0) + weight * length
    if not scores:
        return None
    best = nodes[max(scores, key=scores.get)]
    # rows of a data table or items of a list won: the article is their container
    while best.tag in ("tr", "tbody", "thead", "table", "li", "ol", "ul", "dl", "dt", "dd") \
            and best.parent is not None:
        best = best.parent
    return best


class _Reader:
    """Blocks from an element tree, with bold / centre / heading hints."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.runs: list[tuple[str, bool]] = []  # (text, bold) of the open paragraph
        self.style = Style()

    def read(self, node) -> list[Block]:
        self._walk(node, bold=False, centered=False)
        self._flush()
        return self.blocks

    def _walk(self, node, bold: bool, centered: bool) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                self.runs.append((child.text_content or "", bold))
            elif tag == "br":
                self._flush()
            elif tag in _SKIP_TAGS or tag == "-comment":
                continue
            elif tag == "table":
                self._flush()
                self.blocks.extend(_table_blocks(child))
            elif tag == "ol":
                self._flush()
                self._ordered_list(child, bold, centered or _is_centered(child))
            elif tag in _BLOCK_TAGS or tag in ("td", "th"):
                self._flush()
                child_centered = centered or _is_centered(child)
                self.style = Style(centered=child_centered or None)
                if tag in _HEADINGS:
                    self.style.style_name = f"Heading {tag[1]}"
                self._walk(child, bold or tag in _HEADINGS, child_centered)
                self._flush()
            else:  # inline: b, strong, i, em, span, a, font, u, sup, sub ...
                self._walk(child, bold or tag in _BOLD_TAGS or _is_bold_style(child), centered)

    def _ordered_list(self, node, bold: bool, centered: bool) -> None:
        """<ol> items with the number the browser shows ("1.", "a.", "II.") put into the text."""
        kind = node.attributes.get("type") or "1"
        try:
            number = int(node.attributes.get("start") or 1)
        except ValueError:
            number = 1
        for item in node.iter():
            if item.tag != "li":
                if item.tag not in _SKIP_TAGS:
                    self._walk_block(item, bold, centered)
                continue
            self.runs.append((f"{_list_number(number, kind)}. ", bold))
            self._walk(item, bold, centered)
            self._flush()
            number += 1

    def _walk_block(self, node, bold: bool, centered: bool) -> None:
        self._flush()
        self._walk(node, bold, centered)
        self._flush()

    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(t for t, _ in self.runs)).strip()
        if text:
            letters = sum(1 for t, _ in self.runs for c in t if c.isalpha())
            bold = sum(1 for t, b in self.runs if b for c in t if c.isalpha())
            style = Style(centered=self.style.centered, style_name=self.style.style_name)
            if letters and bold >= 0.6 * letters:
                style.bold = True
            kind = LIST_ITEM if _BULLET.match(text) else PARAGRAPH
            self.blocks.append(Block(kind, text, style=style))
        self.runs = []


def _list_number(n: int, kind: str) -> str:
    if kind in ("a", "A"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26]
        return letter.upper() if kind == "A" else letter
    if kind in ("i", "I"):
        roman = ""
        for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                               (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
            while n >= value:
                roman, n = roman + numeral, n - value
        return roman.lower() if kind == "i" else roman
    return str(n)


def _is_centered(node) -> bool:
    attributes = node.attributes
    return ((attributes.get("align") or "").lower() == "center" or node.tag == "center"
            or bool(_CENTER.search(attributes.get("style") or "")))


def _is_bold_style(node) -> bool:
    style = node.attributes.get("style") or ""
    return "font-weight" in style and ("bold" in style or "700" in style)


def _table_blocks(node) -> list[Block]:
    """A table of the document's header or signature, or one that lays the page out, as the
    paragraphs of its cells (left column first); a data table as a table block."""
    rows = []
    for tr in node.css("tr"):
        if _closest_table(tr).mem_id != node.mem_id:
            continue  # a row of a nested table
        cells = [cell for cell in tr.iter() if cell.tag in ("td", "th")]
        if cells:
            rows.append(cells)
    if not rows:
        return []
    texts = [[_SPACES.sub(" ", c.text(deep=True, separator=" ")).strip() for c in row] for row in rows]
    columns = max(len(r) for r in rows)
    header_or_signature = columns <= 3 and len(rows) <= 4 and any(
        _LAYOUT_CELL.search(t) for row in texts for t in row)
    # a table used to lay the page out: one column, or a cell holding a whole text
    layout = columns == 1 or any(len(t) > 400 for row in texts for t in row)
    if header_or_signature or layout:
        blocks: list[Block] = []
        for row in rows:
            for cell in row:
                reader = _Reader()
                reader.style = Style(centered=_is_centered(cell) or None)
                blocks.extend(reader.read(cell))
        return blocks
    block = table(texts)
    header = rows[0]
    if all(c.tag == "th" or c.css_first("b, strong") is not None for c in header):
        block.style.bold = True
    return [block]


def _closest_table(node):
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent


def _strip_chrome_blocks(blocks: list[Block]) -> list[Block]:
    """Apply the page-chrome phrases to the paragraphs (tables are kept as they are)."""
    lines = [b.text if not b.rows else f"\x00table{i}" for i, b in enumerate(blocks)]
    kept = strip_page_chrome(lines)
    by_text: dict[str, list[Block]] = {}
    for b, line in zip(blocks, lines):
        by_text.setdefault(line, []).append(b)
    out = []
    for line in kept:
        candidates = by_text.get(line)
        if candidates:
            out.append(candidates.pop(0))
    return out
