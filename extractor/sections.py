"""Headings -> section tree -> canonical labels.

One pass over the blocks finds heading candidates: numbered items at the start of a paragraph
(Roman, Arabic, decimal, letters, parenthesised, "Điều N.", "A."), inline headings that lost
their line break ("...cơ quan.II. Những thuận lợi: 1. Thuận lợi: ..."), and unnumbered title
lines known by their style (bold, capitals, Word heading styles) or by naming a section
("Nội dung:"). A candidate's level comes from the order in which numbering styles appear in the
document (a stack of styles), not from a fixed table: the first style seen is level 1, a new
style opens the next level, and a style already open closes everything below it.

Not headings: bullets, tables (the STT column), lines inside a quotation (a quoted law article,
a quoted reply), the Nơi nhận and signature blocks. A decision that issues a plan has its
"Điều" and the plan's outline both at the top level: the plan's title line after the signature
starts a new outline.

Numbering faults (a number used twice, a skipped number, a list starting past 1) are kept in
the tree as written and reported as warnings with their offset.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import TypeAdapter

from .blocks import TABLE, Block, Style
from .document import Document
from .labels import label_heading
from .model import Section, Warning

# --- the grammar of a number at the start of a paragraph -------------------------------------
# Group names are the numbering styles; `_style_of` turns a match into a style key.
_UPPER = "A-ZĐÀ-Ỹ"
_NUMBER = re.compile(  # used with .match(text, pos): anchored where the paragraph's text starts
    r"""(?:
        (?P<phan>(?:PHẦN|Phần)\s+(?:[IVX]{1,5}|\d{1,2}|THỨ\s+[A-ZÀ-ỸĐ]+|thứ\s+\w+))\s*(?:[.:–-]\s*|(?=\s|$))  # PHẦN I.
      | (?P<chuong>(?:CHƯƠNG|Chương)\s+(?:[IVX]{1,5}|\d{1,2}))\s*(?:[.:–-]\s*|(?=\s|$))   # Chương II
      | (?P<muc>(?:MỤC|Mục)\s+\d{1,2})\s*[.:–-](?=\s)                                  # Mục 1.
      | (?P<dieu>Điều\s+\d{1,3})\s*[.:](?=\s|$)                # Điều 3.
      | (?P<roman>[IVX]{1,6}|[IVX]*L[IVX]*)\s*(?:[.):]|[/-](?=\s))(?=\s|$|[^\W\d_])  # II.  IV/  V)
      | (?P<roman_bare>[IVX]{1,6})\s+(?=[A-ZĐÀ-Ỹ]{2})          # II MỤC ĐÍCH (capitals only)
      | (?P<decimal>\d{1,2}(?:\.\d{1,2}){1,3})\.?(?=\s|$|[^\W\d_])   # 2.1.  2.1  1.2.3
      | (?P<arabic>\d{1,2})\s*(?:[.]|/(?=\s)|-(?=\s))(?=\s|$|[^\W\d_])  # 1.  2/  3 -
      | (?P<arabic_paren>\d{1,2})\)(?=\s|$|[^\W\d_])            # 1)
      | \((?P<paren>\d{1,2})\)                                  # (1)
      | \((?P<paren_letter>[a-zđ])\)                            # (a)
      | (?P<letter>[a-zđ])\s?(?:[).]|/(?=\s))(?=\s|$|[A-ZĐÀ-Ỹ])   # a)  đ)  b.  c/
      | (?P<upper>[A-H])\.(?=\s+[A-ZĐÀ-Ỹ])                     # A. B. (parts of a plan)
    )[ \t]*""",
    re.X,
)

# A number run into the middle of a paragraph, after the end of a sentence or a colon:
# "...cơ quan.II. Những thuận lợi, khó khăn: 1. Thuận lợi: Trong thời gian qua..."
_INLINE_NUMBER = re.compile(  # starts with a character class, so the scan is fast
    rf"[.:;!?][ \t]*(?P<num>[IVX]{{1,6}}|\d{{1,2}}(?:\.\d{{1,2}}){{0,3}})\.[ \t]+(?=[{_UPPER}])"
)
# What every such heading holds: the dot after its number, then a space and a capital. A regex
# that starts with the dot itself is found much faster, and most paragraphs have no such dot.
_INLINE_NUMBER_DOT = re.compile(rf"\.(?<=[\dIVX]\.)[ \t]+[{_UPPER}]")

_RANGE_END = re.compile(r"^[-–]\s?\d{1,4}\b")
_BULLETS = frozenset("-+•–—*·▪◦○●■□➢✓>")  # the first character of a bullet item
_ONLY_NUMBER = re.compile(r"^[\dIVX]{1,4}[.)]?$")  # STT cells and page numbers on their own line
# The STT header cell of a table flattened one cell per line (web pages): the cells after it
# ("Nội dung", "Thời gian thực hiện") are column names, not section titles.
_FLAT_TABLE_HEADER = re.compile(r"^(?:STT|TT|Số TT|Số thứ tự)$", re.I)
# No line longer than this is an STT cell, a page number or the STT header: the two regexes
# above are not tried on the paragraphs of the body.
_SHORT_LINE = 12
_RECIPIENTS = re.compile(r"^(?:nơi nhận|kính gửi)\b", re.I)
_END_OF_BODY = re.compile(r"^nơi nhận\b", re.I)
# A line that ends on a word or mark that cannot end a title was cut by a hard wrap
# ("3. Sở Văn hóa, Thể thao và" / "Du lịch: ..."): its next line continues it.
_CUT_SHORT_WORDS = ("và", "của", "các", "với", "về", "cho", "trong", "tại", "theo", "những", "hoặc", "để")
_CUT_SHORT = re.compile(rf"(?:[,(–-]|\b(?:{'|'.join(_CUT_SHORT_WORDS)}))$")
# How far from the end a match can start: the longest word, and a final line break "$" may stand
# before. (A search from there, not from the start: the regex opens with no fixed character, so
# it would be tried at every position of the line.)
_CUT_SHORT_REACH = max(map(len, _CUT_SHORT_WORDS)) + 1
_SIGNATURE = re.compile(r"^(?:TM|KT|TL|TUQ|Q)\.\s*[A-ZĐÀ-Ỹ]")
# Where the body is over: Nơi nhận, a signature (TM., KT., ...) or an appendix; one regex, since
# it is tried at the start of every paragraph
_BODY_OVER = re.compile(r"(?i:nơi nhận)\b|(?:TM|KT|TL|TUQ|Q)\.\s*[A-ZĐÀ-Ỹ]|PHỤ LỤC\b")
_BODY_OVER_INITIALS = frozenset("NnTKQP")  # the characters _BODY_OVER can open with
# The title line of a document attached after a decision's signature ("KẾ HOẠCH"): a new outline.
_ATTACHED_TITLES = ("kế hoạch", "chương trình", "hướng dẫn", "đề án", "phương án", "quy chế", "quy định",
                    "điều lệ", "chương trình hành động")
_ATTACHED_TITLE = re.compile(rf"^(?:{'|'.join(_ATTACHED_TITLES)})$")
# Their first letters (consonants, which the key only puts in lower case): a line that opens with
# another letter is no such title, and its key is not looked at.
_ATTACHED_INITIALS = frozenset(title[0] for title in _ATTACHED_TITLES)
_PLAIN_TITLE_MAX_WORDS = 12
_PLAIN_TITLE_MAX_CHARS = 120
_HEADER_LINE = re.compile(r"^(?:CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]|ĐẢNG CỘNG SẢN|(?:KẾ HOẠCH|QUYẾT ĐỊNH|"
                          r"BÁO CÁO|HƯỚNG DẪN|CÔNG VĂN|THÔNG BÁO|CHƯƠNG TRÌNH|CHỈ THỊ|NGHỊ QUYẾT|TỜ TRÌNH)$)")
# The opening of the body: the legal basis and the sentence that introduces the outline.
_BODY_STARTS = ("Căn cứ", "Thực hiện", "Theo đề nghị")
_BODY_INTRO_ENDS = ("như sau:", "sau đây:", "cụ thể:", "như sau :")
# Sentence end for whole-sentence items: a full stop before a capital/digit or the end, not the
# dot of an abbreviation ("TP. Hồ Chí Minh", "Q. 1", "ThS.") or of a number ("1.234").
# (The dot first, then the looks back: a pattern that begins with a look back is tried at every
# position, one that begins with "." only where there is one.)
_SENTENCE_END = re.compile(rf"\.(?<![\s(][A-ZĐ]\.)(?<!\bTP\.)(?<!\bTp\.)(?<!ThS\.)(?<!\bTS\.)(?=\s+[\d{_UPPER}\"“(]|\s*$)")
_QUOTE_OPEN = ("“", '"', "«")
_MAX_QUOTE_BLOCKS = 60  # a quotation never closed must not swallow the rest of the document

_VI_LETTERS = "abcdđeghiklmnopqrstuvxy"
_VI_LETTER_SET = frozenset(_VI_LETTERS)
_ORDINAL_WORDS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7}  # Phần thứ nhất…
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(slots=True)
class HeadingCandidate:
    """A heading found in the text, before it is placed in the tree."""

    number: str | None  # as written, without its trailing punctuation: "II", "2.1", "a", "(1)", "Điều 3"
    style: str  # numbering style: roman, arabic, decimal2, letter, plain, ...
    heading: str
    start: int  # offset of the number (or of the heading text when unnumbered)
    page: int | None
    level: int = 0
    part: int = 0  # outlines after a decision's signature start a new part


def _style_of(match: re.Match) -> tuple[str, str]:
    """(style, number as written) of a number match."""
    name = match.lastgroup  # the one alternative that matched (no group inside another)
    value = match.group(name)
    if name == "decimal":
        return f"decimal{value.count('.') + 1}", value
    if name == "roman_bare":
        return "roman", value
    if name in ("dieu", "phan", "chuong", "muc"):
        return name, " ".join(value.split())
    if name == "paren":
        return "paren", f"({value})"
    if name == "paren_letter":
        return "paren_letter", f"({value})"
    return name, value


def _squeeze(text: str) -> str:
    """No "*", single spaces between words, none around them."""
    if text.isprintable() and "*" not in text and "  " not in text:
        return text.strip()  # (the only space left is " ": nothing to squeeze, a quick check)
    return " ".join(text.replace("*", " ").split())


def _clip_heading(text: str) -> str:
    """The heading of an item: its text up to the first colon or full stop, without markup."""
    colon = text.find(":")
    if colon >= 0:
        # the heading ends at this colon or before; squeezing keeps every colon and shortens
        # nothing before one, and a full stop's look ahead stops at the colon
        text = text[:colon + 1]
    text = _squeeze(text)
    if colon < 0 and "." not in text:
        return text.strip(" .:;,-–")  # (a title line: no colon, no full stop to look for)
    colon = text.find(":")
    stop = _SENTENCE_END.search(text)
    cut = min(colon if colon >= 0 else len(text), stop.start() if stop else len(text))
    head = text[:cut]
    if head.endswith("./"):  # the end mark of a document's last item (NĐ 30/2020): "…Quyết định này./"
        head = head[:-2]
    return head.strip(" .:;,-–")


def _is_bullet(text: str) -> bool:
    return text[:1] in _BULLETS


def _starts_lower(text: str) -> bool:
    first = text.lstrip("*_ (")[:1]
    return first.isalpha() and first.islower()


def _all_caps(text: str, least: int = 2) -> bool:
    if not all(map(str.isupper, filter(str.isalpha, text))):
        return False  # (stops at the first small letter: the second character of most text)
    return sum(map(str.isalpha, text)) >= least


def _ended(text: str) -> bool:
    """A heading text that has its end: a colon, or a full stop closing a sentence."""
    return ":" in text or bool(_SENTENCE_END.search(text))


class _Scanner:
    """Walks the blocks once, collecting heading candidates in document order."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.blocks = doc.blocks
        self.candidates: list[HeadingCandidate] = []
        self.part = 0
        self.stopped = False  # past Nơi nhận / the signature block
        self.in_quote = 0  # blocks left inside an open quotation (0 = not in one)
        self.quote_depth = 0
        self.seen_numbered = False
        self.body_started = False  # past the "Căn cứ…" / "…như sau:" opening
        self.in_flat_table = False
        self.last_number: dict[str, str] = {}  # style -> last number, to accept inline headings
        self.body_end = len(doc.text)
        self.part_ends: list[int] = []

    # -- the walk ---------------------------------------------------------------------------
    def scan(self) -> list[HeadingCandidate]:
        i = 0
        blocks = self.blocks
        while i < len(blocks):
            block = blocks[i]
            i += 1
            if block.kind == TABLE:
                # layout tables hold the header and the Nơi nhận / signature block
                if not self.stopped and self.candidates and any(
                        _END_OF_BODY.match(cell.text) or _SIGNATURE.match(cell.text)
                        for row in block.rows for cell in row):
                    self.stopped = True
                    self.part_ends.append(block.start)
                continue
            text = block.text
            stripped = text.lstrip("*_ \t")
            if not stripped:
                continue
            # the title of an attached document ("KẾ HOẠCH"), which matters only once an outline has
            # begun (not in the header); the name first, the capitals after, since counting the
            # capitals of every short line costs more than matching a name
            attached = bool(self.candidates or self.stopped) and len(text) < 40 \
                and stripped[0].lower() in _ATTACHED_INITIALS \
                and bool(_ATTACHED_TITLE.match(self.doc.key[block.start:block.end].strip(" *_"))) and _all_caps(text)
            if self.stopped:
                if attached:
                    self._new_part()
                continue
            if attached and self.candidates:
                # the plan a decision issues, copied without the decision's signature block
                self.part_ends.append(block.start)
                self._new_part()
                continue
            if self._stop_here(stripped):
                self.stopped = True
                self.part_ends.append(block.start)
                continue
            if self._quoted(stripped):
                continue
            if _is_bullet(stripped):
                continue
            bare = stripped.strip("*_ ")
            if len(bare) <= _SHORT_LINE and _FLAT_TABLE_HEADER.match(bare):
                self.in_flat_table = True
                continue
            i = self._block(block, i, len(text) - len(stripped))
            if not self.body_started and (stripped.startswith(_BODY_STARTS)
                                          or stripped.rstrip(" *_").endswith(_BODY_INTRO_ENDS)):
                self.body_started = True
        if not self.stopped:
            self.part_ends.append(len(self.doc.text))
        return self.candidates

    def _new_part(self) -> None:
        """An attached document starts its own outline, at the top level again."""
        self.stopped = False
        self.seen_numbered = False
        self.body_started = False
        self.part += 1
        self.last_number.clear()

    def _stop_here(self, stripped: str) -> bool:
        if not self.candidates:
            return False  # Kính gửi / recipients before the body are not its end
        # Nơi nhận, a signature, an appendix (the first character first: most paragraphs open
        # with none of them)
        return stripped[0] in _BODY_OVER_INITIALS and bool(_BODY_OVER.match(stripped))

    def _quoted(self, stripped: str) -> bool:
        """True for a block inside a quotation (and keeps count of where it ends)."""
        if self.in_quote:
            self.in_quote -= 1
            self.quote_depth += _quote_balance(stripped)
            if self.quote_depth <= 0:
                self.in_quote = 0
            return True
        if stripped.startswith(_QUOTE_OPEN):
            self.quote_depth = _quote_balance(stripped)
            if self.quote_depth > 0:
                self.in_quote = _MAX_QUOTE_BLOCKS
            return True
        return False

    # -- one block ----------------------------------------------------------------------------
    def _block(self, block: Block, next_index: int, lead: int) -> int:
        """Candidates from one paragraph whose text starts `lead` characters in (after emphasis
        marks and spaces); returns the index of the next block to look at."""
        text = block.text
        m = _NUMBER.match(text, lead)
        if m is not None:
            style, number = _style_of(m)
            if style == "upper" and not _all_caps(text[m.end():m.end() + 60]):
                m = None
            elif m.group("roman_bare") and not self._expected("roman", number):
                m = None  # "XIV CỦA ĐẢNG…": a wrapped title line, not the next part
            elif style == "dieu" and not self._expected("dieu", number):
                m = None  # "Điều 5. …" at the start of a wrapped line citing a law
            elif style == "letter" and number == "l" and self.last_number.get("letter") != "k" \
                    and m.group(0).rstrip().endswith("."):
                style, number = "arabic", "1"  # OCR reads "1." as "l.": no "l)" without a "k)" before it
        if m is None:
            bare = text.strip("*_ ")
            if not (len(bare) <= _SHORT_LINE and _ONLY_NUMBER.match(bare)):
                self._plain(block, next_index)
                self._inline(block, 0)
            return next_index
        body_start = m.end()
        rest = text[body_start:]
        # A number alone on its line ("**1.**" wrapped away from its title), or a heading
        # broken by a hard wrap: take the lines that continue it.
        consumed = next_index
        joined = rest
        while consumed < len(self.blocks):
            nxt = self.blocks[consumed].text.strip("*_ \t")
            if not _continues(joined, nxt, consumed - next_index):
                break
            joined = f"{joined.rstrip()} {nxt}"
            consumed += 1
        heading = _clip_heading(joined)
        if not heading:
            return next_index  # a number with nothing after it (an STT cell "1.") names nothing
        self._add(number, style, heading, block.start + lead, block.page)
        self._inline(block, body_start)
        return consumed

    def _add(self, number: str | None, style: str, heading: str, start: int, page: int | None) -> None:
        if number is not None:
            self.seen_numbered = True
            self.in_flat_table = False
            self.last_number[style] = number
        self.candidates.append(HeadingCandidate(number, style, heading, start, page, part=self.part))

    def _plain(self, block: Block, next_index: int) -> None:
        """An unnumbered title line: known by its style, or by naming a section."""
        if len(block.text) > _PLAIN_TITLE_MAX_CHARS or "\n" in block.text or self.in_flat_table:
            return
        style = block.style
        if not (self.seen_numbered or self.candidates or style.bold or style.is_heading_style):
            return  # the header and the opening, before any outline: skip the lexicon
        text = block.text.strip("*_ \t")
        title, colon, after = text.partition(":")
        if colon and after.strip(" *_"):
            return  # a field line: "Đơn vị chủ trì: Sở Tư pháp"
        title = title.strip(" *_")
        words = title.split()
        if not words or len(words) > _PLAIN_TITLE_MAX_WORDS or title[-1:] in ".,;":
            return
        if not title[0].isupper():
            return
        if next_index < len(self.blocks) and _starts_lower(self.blocks[next_index].text):
            return  # a paragraph broken by a hard wrap
        styled = bool(style.is_heading_style or style.bold)
        if _HEADER_LINE.match(title):
            return  # quốc hiệu, tiêu ngữ, the document's kind: often bold or in a Title style
        if style.is_heading_style and not (self.seen_numbered or self.body_started):
            style = Style(bold=style.bold)  # a heading style in the header block is a title, not a section
        labels = label_heading(title)
        named = bool(labels) and len(words) <= 6
        if not self.seen_numbered and not style.is_heading_style:
            # before the outline starts: the title block, quốc hiệu, trích yếu, "Căn cứ"; once
            # the opening sentence is past, a bold title naming a section opens an outline
            # that has no numbers
            opens_outline = self.body_started and style.bold and named
            if not (opens_outline or (named and (colon or len(words) <= 3) and self.candidates)):
                return
        if not (named or styled or (_all_caps(title) and labels)):
            return
        self._add(None, "plain", title, block.start + block.text.find(title), block.page)

    def _inline(self, block: Block, offset: int) -> None:
        """Headings run into the paragraph after a sentence or a colon."""
        text = block.text
        pos = offset
        while True:
            if not _INLINE_NUMBER_DOT.search(text, pos):
                return
            m = _INLINE_NUMBER.search(text, pos)
            if m is None:
                return
            pos = m.end()
            number = m.group("num")
            style = f"decimal{number.count('.') + 1}" if "." in number else (
                "roman" if number[0] in "IVX" else "arabic")
            if not self._expected(style, number):
                continue
            end = text.find("\n", pos)
            heading = _clip_heading(text[pos:] if end < 0 else text[pos:end])
            if heading:
                self._add(number, style, heading, block.start + m.start("num"), block.page)

    def _expected(self, style: str, number: str) -> bool:
        """An inline number is a heading only where the outline expects it next."""
        last = self.last_number.get(style)
        if style == "dieu":
            n = int(number.split()[-1])
            return n == 1 or (last is not None and int(last.split()[-1]) < n <= int(last.split()[-1]) + 2)
        if style == "roman":
            return _roman_value(number) == (_roman_value(last) + 1 if last else 1)
        if style == "arabic":
            return number == "1" or (last is not None and last.isdigit() and int(number) == int(last) + 1)
        parts = number.split(".")
        parent = self.last_number.get("arabic") if len(parts) == 2 else self.last_number.get(
            f"decimal{len(parts) - 1}")
        if parts[-1] == "1":
            return parent is not None and parent.rstrip(".") == ".".join(parts[:-1])
        return last is not None and last.split(".")[:-1] == parts[:-1] and int(last.split(".")[-1]) + 1 == int(parts[-1])


def _quote_balance(text: str) -> int:
    """Quotations opened minus closed in a paragraph (straight quotes open and close in turn)."""
    curly = text.count("“") + text.count("«") - text.count("”") - text.count("»")
    return curly + text.count('"') % 2


def _continues(heading: str, nxt: str, taken: int) -> bool:
    """Whether the next line continues a heading cut by a hard wrap (`taken` lines joined so far)."""
    if heading.rstrip(" *_")[-1:].isdigit() and _RANGE_END.match(nxt):
        return True  # "Trong giai đoạn 2026" / "- 2030 phấn đấu…": a range, not a bullet
    if _ended(heading):
        return False  # (most headings: checked before the next line is looked at)
    if (not nxt or _is_bullet(nxt) or _NUMBER.match(nxt) or _RECIPIENTS.match(nxt)
            or _FLAT_TABLE_HEADER.match(nxt)):
        return False
    if not heading.strip(" *_"):
        return True  # nothing yet after the number: the next line is the title
    if _starts_lower(nxt):
        return taken < 3
    if _all_caps(heading) and _all_caps(nxt):
        return len(nxt.split()) <= 12
    heading = heading.rstrip(" *_")
    return bool(_CUT_SHORT.search(heading, max(0, len(heading) - _CUT_SHORT_REACH))) and taken < 2 \
        and not _all_caps(nxt)


@lru_cache(maxsize=1024)
def _roman_value(text: str | None) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    text = text or ""
    for i, ch in enumerate(text):
        v = values.get(ch, 0)
        if i + 1 < len(text) and values.get(text[i + 1], 0) > v:
            total -= v
        else:
            total += v
    return total


@lru_cache(maxsize=4096)  # the same few numbers in every document
def _ordinal(style: str, number: str, alphabet: str = _VI_LETTERS) -> int | None:
    """The position of a number in its list (1-based), for the numbering checks."""
    core = number.strip("()")
    if style in ("dieu", "phan", "chuong", "muc"):
        core = core.split()[-1]
        if core.lower() in _ORDINAL_WORDS:
            return _ORDINAL_WORDS[core.lower()]
        if core.isdigit():
            return int(core)
        return _roman_value(core) or None
    if style == "roman":
        return _roman_value(core)
    if style.startswith("decimal"):
        core = core.split(".")[-1]
    if core.isdigit():
        return int(core)
    low = core.lower()
    if len(low) == 1 and low in alphabet:
        return alphabet.index(low) + 1
    return None


def _next_in_latin(before: str, after: str) -> bool:
    """"d)" then "e)" skips no letter for a list that does not use đ."""
    b, a = before.strip("()").lower(), after.strip("()").lower()
    return (len(a) == len(b) == 1 and a in _LATIN_LETTERS and b in _LATIN_LETTERS
            and _LATIN_LETTERS.index(a) == _LATIN_LETTERS.index(b) + 1)


@lru_cache(maxsize=4096)
def _alphabet(*numbers: str) -> str:
    """Vietnamese letter order (a b c d đ e g …) unless a list uses f, j, w or z (Latin order)."""
    letters = {n.strip("()").lower() for n in numbers}
    return _VI_LETTERS if letters <= _VI_LETTER_SET else _LATIN_LETTERS


def _assign_levels(candidates: list[HeadingCandidate]) -> None:
    """Level from the order numbering styles appear: a stack of the styles open right now."""
    stack: list[str] = []
    part = 0
    for c in candidates:
        if c.part != part:
            stack, part = [], c.part
        if c.style in stack:
            del stack[stack.index(c.style) + 1:]
        else:
            stack.append(c.style)
        c.level = len(stack)


def _check_numbering(candidates: list[HeadingCandidate], text: str) -> list[Warning]:
    """Warnings for numbers used twice, skipped numbers and lists that do not start at 1."""
    warnings: list[Warning] = []
    # previous sibling number per (part, level, parent index)
    previous: dict[tuple[int, int, int], HeadingCandidate] = {}
    stack: list[tuple[int, int]] = []  # (level, index)
    for i, c in enumerate(candidates):
        while stack and (candidates[stack[-1][1]].part != c.part or stack[-1][0] >= c.level):
            stack.pop()
        parent_index = stack[-1][1] if stack else -1
        stack.append((c.level, i))
        if c.number is None:
            continue
        key = (c.part, c.level, parent_index)
        before = previous.get(key)
        previous[key] = c
        alphabet = _alphabet(c.number, before.number or "") if before else _VI_LETTERS
        value = _ordinal(c.style, c.number, alphabet)
        if value is None:
            continue
        if before is None or before.style != c.style:
            if value != 1:
                warnings.append(Warning(code="numbering_start",
                                        message=f"list starts at {c.number} instead of the first number",
                                        location=c.start))
            continue
        prev_value = _ordinal(before.style, before.number or "", alphabet)
        if prev_value is None:
            continue
        if value == prev_value:
            warnings.append(Warning(code="numbering_duplicate",
                                    message=f"number {c.number} used twice", location=c.start))
        elif value > prev_value + 1 and not _next_in_latin(before.number or "", c.number):
            warnings.append(Warning(code="numbering_skipped",
                                    message=f"{c.number} follows {before.number}: a number is skipped",
                                    location=c.start))
    return warnings


# The outline is nested as plain dicts and validated into Sections in one call: much quicker than
# one call per section.
_OUTLINE = TypeAdapter(list[Section])


def _build_tree(candidates: list[HeadingCandidate], doc: Document, part_ends: list[int]) -> list[Section]:
    """Nest candidates by level; a section runs until the next heading of its part at its level
    or above, else to the end of its part (without the white space before that)."""
    text = doc.text
    roots: list[dict] = []
    # the sections still open, each one deeper than the one below it: a heading closes those on
    # top of it and goes into the one left on top
    stack: list[tuple[HeadingCandidate, dict]] = []

    def close(c: HeadingCandidate, section: dict, stop: int) -> None:
        end = min(stop, part_ends[c.part]) if c.part < len(part_ends) else stop
        while end > c.start and text[end - 1] in " \n\t":
            end -= 1
        section["end"] = max(end, c.start)

    for c in candidates:
        while stack and (stack[-1][0].part != c.part or stack[-1][0].level >= c.level):
            closed, section = stack.pop()
            close(closed, section, c.start if closed.part == c.part else len(text))
        section = {"number": c.number, "heading": c.heading, "level": c.level, "labels": label_heading(c.heading),
                   "start": c.start, "end": None, "page": c.page, "children": []}
        if stack:
            stack[-1][1]["children"].append(section)
        else:
            roots.append(section)
        stack.append((c, section))
    for c, section in stack:
        close(c, section, len(text))
    return _OUTLINE.validate_python(roots)


def find_sections(doc: Document) -> tuple[list[Section], list[Warning]]:
    scanner = _Scanner(doc)
    candidates = scanner.scan()
    _assign_levels(candidates)
    warnings = _check_numbering(candidates, doc.text)
    return _build_tree(candidates, doc, scanner.part_ends), warnings
