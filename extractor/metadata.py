"""The document's own particulars, as Nghị định 30/2020/NĐ-CP lays them out.

    tên cơ quan (parent over body)    quốc hiệu, tiêu ngữ
    Số: 09/KH-UBND                    Hương Long, ngày 07 tháng 02 năm 2024
                    TÊN LOẠI
                    trích yếu
    ... body ...
    Nơi nhận: ...                     TM. / KT. ... position, name

The header arrives in many shapes: separate lines, a markdown table broken into fragments, a
`pdftotext -layout` page whose two columns share a line, a docx table whose cells became one
line. So the header is read from the text, not from blocks: the quốc hiệu (or the party's name)
or the "Số:" line anchors it, the body's name is the run of capital lines before it (and the
left-hand prefixes of the lines it shares), and the rest is found by pattern within the first
lines. A text without a header (a web article) names its issuer in a sentence: "UBND xã X báo
cáo...", "Ủy ban nhân dân huyện Y ban hành Kế hoạch số ...".

Word lists live in data/metadata.toml; kinds of document in data/document_types.tsv.
"""
from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from .dates import to_iso
from .doctypes import DocType, by_abbreviation, document_types
from .document import Document
from .model import DocumentInfo, Section, Signer
from .normalize import match_key, strip_diacritics

HEAD_LINES = 60  # the header, tên loại and trích yếu come well within the first lines
HEAD_CHARS = 6000
TAIL_LINES = 80  # the signature block and Nơi nhận sit at the end (before any appendix)
MAX_TITLE_LINES = 8


class Line(NamedTuple):
    start: int
    text: str
    key: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Lexicon:
    motto: re.Pattern
    anchor: re.Pattern
    heads: tuple[tuple[tuple[str, ...], str], ...]  # key words -> spelling, longest first
    party_parents: tuple[tuple[tuple[str, ...], str], ...]
    committee_levels: tuple[tuple[str, str], ...]
    admin_units: tuple[tuple[str, ...], ...]
    proper_words: tuple[tuple[tuple[str, ...], str], ...]
    joiners: frozenset[str]
    domain_heads: frozenset[str]
    descriptive_heads: frozenset[str]
    titles: re.Pattern  # a person's title at the start of a key
    any_title: re.Pattern  # a person's title anywhere
    authority: re.Pattern
    not_names: re.Pattern
    verbs: re.Pattern
    verb_types: dict[str, str]
    starters: tuple[str, ...]
    chrome: re.Pattern
    skip_recipients: re.Pattern
    skip_initials: frozenset[str]  # the first letter of each skip phrase
    recipient_notes: re.Pattern


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.split())


@cache
def lexicon() -> Lexicon:
    raw = tomllib.loads(resources.files("extractor.data").joinpath("metadata.toml").read_text(encoding="utf-8"))
    by_length = lambda pairs: tuple(sorted(((_words(k), v) for k, v in pairs), key=lambda p: -len(p[0])))
    titles = sorted(raw["people"]["titles"], key=len, reverse=True)
    signing_titles = sorted(raw["people"]["titles"] + raw["signature"]["titles"], key=len, reverse=True)
    verbs = raw["statements"]["verbs"]
    return Lexicon(
        motto=re.compile("|".join(f"(?:{p})" for p in raw["header"]["motto"])),
        anchor=re.compile(raw["header"]["anchor"]),
        heads=by_length(raw["bodies"]["heads"]),
        party_parents=by_length(raw["bodies"]["party_parents"]),
        committee_levels=tuple((k, v) for k, v in raw["bodies"]["committee_levels"]),
        admin_units=tuple(sorted((_words(u) for u in raw["bodies"]["admin_units"]), key=lambda w: -len(w))),
        proper_words=by_length(raw["bodies"]["proper_words"]),
        joiners=frozenset(raw["bodies"]["joiners"]),
        domain_heads=frozenset(raw["bodies"]["domain_heads"]),
        descriptive_heads=frozenset(raw["bodies"]["descriptive_heads"]),
        titles=re.compile(r"^(?:" + "|".join(re.escape(t) for t in titles) + r")\s+"),
        any_title=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in signing_titles) + r")(?!\w)"),
        authority=re.compile(raw["signature"]["authority"]),
        not_names=re.compile("|".join(raw["signature"]["not_names"])),
        verbs=re.compile(r"(?<!\w)(" + "|".join(re.escape(v) for v, _ in verbs) + r")(?!\w)"),
        verb_types={v: code for v, code in verbs},
        starters=tuple(raw["body"]["starters"]),
        chrome=re.compile("|".join(raw["web"]["chrome"])),
        skip_recipients=re.compile(r"^(?:" + "|".join(raw["recipients"]["skip"]) + ")"),
        skip_initials=frozenset(phrase[0] for phrase in raw["recipients"]["skip"]),
        recipient_notes=re.compile(raw["recipients"]["notes"]),
    )


# --- patterns of the header ------------------------------------------------------------------
# "Số: 09/KH-UBND", "Số 37-HD/BTGDVTW", "Số:\n7360/KH-UBND", "Số: 5816 /BNV-CCHC",
# "Số:     /KH-UBND" (a draft: no number). Case-sensitive: "số" inside a sentence is a citation.
_NUMBER = re.compile(r"(?<!\w)(?:Số|SỐ)\s*:?[ \t]*\n?[ \t]*(?P<num>\d+[A-Za-z]?(?:/\d{4})?)?[ \t.…_]*"
                     r"(?P<sym>[/\-][ \t]?[A-ZĐ][\w&.\-/]*)")
# ("S" first, then the look back for a letter before it: much faster than a look back everywhere)
_NUMBER_MARK = re.compile(r"S(?<!\wS)(?:ố|Ố)\s*:|S(?<!\wS)ố\s+(?=[\d/])")
# ", ngày 07 tháng 02 năm 2024", ", ngày   tháng 3 năm 2026" (draft), ", ngày 15/11/2025"; on the key
_BLANK = r"[.…_ \t]*"
_PLACE_DATE = re.compile(r",\s*ngày\s*(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|"
                         rf"(?:\d{{1,2}})?{_BLANK}\s*tháng\s*(?:\d{{1,2}})?{_BLANK}\s*năm\s*\d{{4}})")
_VV = re.compile(r"V(?<!\wV)/v\b\.?\s*", re.IGNORECASE)


def _find_place_date(key: str, start: int = 0, end: int | None = None) -> re.Match | None:
    """`_PLACE_DATE.search(key, start, end)`. Commas are everywhere, so "ngày" is found first
    (`str.find`), then the comma before it across white space, where the regex is tried."""
    end = len(key) if end is None else end
    day = key.find("ngày", start, end)
    while day >= 0:
        comma = day - 1
        while comma >= start and key[comma].isspace():
            comma -= 1
        if comma >= start and key[comma] == ",":
            m = _PLACE_DATE.match(key, comma, end)
            if m:
                return m
        day = key.find("ngày", day + 1, end)
    return None

_KINH_GUI = re.compile(r"kính\s+gửi\s*:?")
_NOI_NHAN = re.compile(r"nơi\s+nhận\s*:?")
# Decoration: table bars and emphasis marks, and lines drawn with dashes ("-----", "––––").
# (The marks' class first, not "[...]+": a regex that opens with a class skips ahead to the next
# mark quickly; one that opens with a repeat is tried at every position.)
_DECORATION_MARKS = re.compile(r"[|*#=_][|*#=_]*")
_DRAWN_LINE = re.compile(r"--+|––+")
_HEADING_NUMBER = re.compile(r"^(?:[IVXLC]+|\d+|[A-Z])\s*[.)/]\s")


def _find_vv(text: str, start: int, end: int) -> re.Match | None:
    """`_VV.search(text, start, end)`. The regex is tried at every position, so the slashes come
    first (a single character is found very quickly): it runs from the first one before a "v",
    and not at all in most documents, which have no "V/v"."""
    slash = text.find("/", start, end)
    while slash >= 0 and text[slash + 1:slash + 2] not in ("v", "V"):
        slash = text.find("/", slash + 1, end)
    if slash < 0:
        return None
    return _VV.search(text, max(start, slash - 1), end)


def _lines(doc: Document, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines from `start` to `end`, each with its key (the key has the text's line breaks)."""
    end = len(doc.text) if end is None else end
    if start >= end:
        return []
    texts = doc.text[start:end].split("\n")
    keys = doc.key[start:end].split("\n")
    if not texts[-1]:  # the span ends with a line break: no line after it
        texts.pop()
        keys.pop()
    lines, pos = [], start
    for text, key in zip(texts, keys):
        lines.append(Line(pos, text, key))
        pos += len(text) + 1
    return lines


def _not_upper(text: str) -> bool:
    """`text != text.upper()`. Most lines show a small letter in their first words, and the upper
    case of a long line costs: the opening is looked at first (the upper case of a text is that of
    its characters one by one, never shorter, so an opening that changes changes the whole)."""
    opening = text[:20]
    return opening != opening.upper() or text != text.upper()


def _is_caps(text: str) -> bool:
    """Has letters, all of them capitals."""
    return not _not_upper(text) and text != text.lower()


def _blank_decoration(text: str) -> str:
    """Decoration replaced by spaces."""
    text = _DECORATION_MARKS.sub(" ", text)
    if "--" in text or "––" in text:  # (rare; looking for them is quicker than a regex scan)
        text = _DRAWN_LINE.sub(" ", text)
    return text


def _undecorate(text: str) -> str:
    return " ".join(_blank_decoration(text).split())


def _is_header_line(text: str) -> bool:
    """A line of the header's capital block, or only decoration ("|", "-------", "**")."""
    bare = _undecorate(text)
    return not bare or _is_caps(bare)


# --- restoring the case of a name printed in capitals ---------------------------------------
def _match_words(words_key: list[str], i: int, table: str) -> tuple[int, str | None] | None:
    """The longest phrase of the lexicon's `table` ("heads", "admin_units", ...) starting at
    word i: (its length in words, its value)."""
    if i >= len(words_key):
        return None
    for phrase, value in _phrases_by_first_word(table).get(words_key[i], ()):
        n = len(phrase)
        if tuple(words_key[i:i + n]) == phrase:
            return n, value
    return None


@cache
def _phrases_by_first_word(table: str) -> dict[str, list[tuple[tuple[str, ...], str | None]]]:
    """A lexicon table of phrases by first word, each list in the table's order (longest
    first): a lookup tries only the phrases that can start at the word, not the whole table."""
    index: dict[str, list] = {}
    for entry in getattr(lexicon(), table):
        phrase, value = (entry, None) if table == "admin_units" else entry
        index.setdefault(phrase[0], []).append((phrase, value))
    return index


_VOWELS = set("aăâeêioôơuưy")


@lru_cache(maxsize=8192)
def _word_key(word: str) -> str:
    """`match_key` of one word of a name or title: the same few words recur in every header."""
    return match_key(word)


@lru_cache(maxsize=8192)
def _is_acronym(word: str) -> bool:
    """'UBND', 'THCS', 'GD&ĐT', 'TP.': no vowel, or not all letters; they keep their capitals."""
    letters = strip_diacritics(word).lower()
    if not any(c.isalpha() for c in letters):
        return False
    return not any(c in _VOWELS for c in letters) or not word.rstrip(".,").isalpha()


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def restore_case(name: str) -> str:
    """'SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH ĐẮK LẮK' -> 'Sở Giáo dục và Đào tạo tỉnh Đắk Lắk'.

    A name not printed in capitals is kept as written.
    """
    name = " ".join(name.split())
    if not _is_caps(name):
        return name
    lex = lexicon()
    words = name.split()
    keys = [_word_key(w) for w in words]
    out: list[str] = []
    i = 0
    head = _match_words(keys, 0, "heads")
    domains = bool(head) and " ".join(keys[:head[0]]) in lex.domain_heads
    if head:
        out.append(head[1])
        i = head[0]
        if tuple(keys[:i]) in _committee_level_words():
            # a party committee is named by its place: "HUYỆN ỦY ĐỨC PHỔ" -> "Huyện ủy Đức Phổ"
            return " ".join(out + [_cap(w) for w in words[i:]])
    capitalise_next = not (head and " ".join(keys[:head[0]]) in lex.descriptive_heads)
    proper_name = False
    while i < len(words):
        unit = _match_words(keys, i, "admin_units")
        if unit and i + unit[0] < len(words) and out:
            # an administrative unit and the place it names: "tỉnh Đắk Lắk"
            out += [w.lower() for w in words[i:i + unit[0]]]
            out += [_cap(w) if not any(c.isdigit() for c in w) else w for w in words[i + unit[0]:]]
            break
        proper = _match_words(keys, i, "proper_words")
        if proper:
            out.append(proper[1])
            i += proper[0]
            capitalise_next = False
            continue
        word = words[i]
        if _is_acronym(word):
            out.append(word)
            proper_name = not word.endswith((",", "."))  # "TRƯỜNG THCS AN HIỆP": a name follows
        else:
            out.append(_cap(word) if capitalise_next or proper_name else word.lower())
        capitalise_next = keys[i] in lex.joiners or (domains and word.endswith(","))
        i += 1
    return " ".join(out)


@cache
def _committee_level_words() -> frozenset[tuple[str, ...]]:
    """The words of each party committee level ("huyện ủy")."""
    return frozenset(_words(c) for c, _ in lexicon().committee_levels)


# --- the body's name in the header -----------------------------------------------------------
def _split_bodies(pieces: list[str]) -> list[list[str]]:
    """Words of the header's name lines -> one word list per body, parent first.

    A line that starts with a body's head word begins a new body once the current one names
    something ("UBND TỈNH X" then "SỞ Y"); inside a line only after a place ("BỘ NỘI VỤ" is one
    body, "UBND TỈNH X BAN CHỈ ĐẠO ..." from a squeezed table cell is two).
    """
    bodies: list[list[str]] = []
    current: list[str] = []
    current_head = 0
    for piece in pieces:
        words = piece.split()
        keys = [_word_key(w) for w in words]
        for i, word in enumerate(words):
            head = _match_words(keys, i, "heads")
            if head and current and len(current) > current_head and (i == 0 or _names_place(current)):
                bodies.append(current)
                current, current_head = [], 0
            if head and not current:
                current_head = head[0]
            current.append(word)
    if current:
        bodies.append(current)
    return bodies


def _names_place(words: list[str]) -> bool:
    """'UBND TỈNH LÂM ĐỒNG' names its place, so a head word after it starts the next body even
    on the same line (a header squeezed into one table cell); 'BỘ NỘI VỤ' does not."""
    keys = [_word_key(w) for w in words]
    return any(_match_words(keys, i, "admin_units") for i in range(1, len(keys) - 1))


def _compose_issuer(bodies: list[list[str]]) -> str | None:
    """'UBND HUYỆN X' over 'PHÒNG Y' -> 'Phòng Y, UBND huyện X'; party bodies without a comma."""
    if not bodies:
        return None
    body = restore_case(" ".join(bodies[-1]))
    if len(bodies) == 1:
        return body
    parent_words = bodies[-2]
    parent_keys = [_word_key(w) for w in parent_words]
    party = _match_words(parent_keys, 0, "party_parents")
    if party:
        suffix = party[1] or restore_case(" ".join(parent_words))
        return f"{body} {suffix}"
    return f"{body}, {restore_case(' '.join(parent_words))}"


@dataclass
class Header:
    issuer: str | None = None
    end: int = 0  # where the name block stops (the "Số" line or the quốc hiệu's column)
    found: bool = False


def _find_header(doc: Document, lines: list[Line]) -> Header:
    """The name block: capital lines before the anchor (quốc hiệu or "Số:") and the left-hand
    prefixes of the lines that share the anchor's row, up to the "Số" line."""
    lex = lexicon()
    anchor_line = None
    for idx, line in enumerate(lines):
        m = lex.anchor.search(line.key)
        if m and _is_caps(line.text[m.start():m.end()]):
            anchor_line = idx
            break
        if _NUMBER_MARK.search(line.text) and _NUMBER.search(doc.text, line.start, min(len(doc.text), line.end + 40)):
            anchor_line = idx
            break
    if anchor_line is None:
        return Header()
    first = anchor_line
    while first > 0 and _is_header_line(lines[first - 1].text) and anchor_line - first < 8:
        first -= 1
    start = lines[first].start
    # the block ends at the first "Số", "V/v", date, or tên loại after the anchor; at most 8 lines on
    end = lines[min(anchor_line + 8, len(lines) - 1)].end
    text, key = doc.text, doc.key
    stops = [m.start() for m in (_NUMBER_MARK.search(text, start, end), _find_vv(text, start, end),
                                 _find_place_date(key, start, end)) if m]
    for line in lines[anchor_line + 1:anchor_line + 9]:
        if _type_line(line):
            stops.append(line.start)
            break
    if stops:
        end = min(stops)
    region = text[start:end]
    region_key = key[start:end]
    # blank out the quốc hiệu / tiêu ngữ (same length, so the key's spans hold in the text)
    chars = list(region)
    for m in lex.motto.finditer(region_key):
        if _is_caps(region[m.start():m.end()]) or "độc" in m.group(0):
            chars[m.start():m.end()] = [" " if c != "\n" else c for c in region[m.start():m.end()]]
    region = "".join(chars)
    pieces = []
    for raw in region.split("\n"):
        bare = _undecorate(raw)
        if bare and _is_caps(bare):
            pieces.append(bare)
        elif bare and pieces:
            break  # mixed-case text after the name: the block is over
    return Header(issuer=_compose_issuer(_split_bodies(pieces)), end=end, found=True)


# --- tên loại, number, date -------------------------------------------------------------------
def _type_line(line: Line):
    """The DocType of a tên loại line ("KẾ HOẠCH", "**BÁO CÁO**"), else None."""
    if _not_upper(line.text):
        return None  # a small letter: not in capitals (decoration removal keeps every letter)
    bare = _undecorate(line.text).strip(" :.")
    if not bare or len(bare) > 30 or not _is_caps(bare):
        return None
    return _kinds_by_key().get(match_key(bare))


@cache
def _kinds_by_key() -> dict[str, DocType]:
    return {match_key(kind.name): kind for kind in document_types()}


@cache
def _kind_keys() -> tuple[tuple[str, DocType], ...]:
    """Kinds of document by their key, longest name first ("nghị quyết liên tịch" before "nghị quyết")."""
    return tuple((match_key(kind.name), kind) for kind in document_types())


def _number(doc: Document, start: int, end: int) -> tuple[str | None, str | None, int | None]:
    """(number, symbol's kind code, offset) of the header's "Số:" line; number None when blank."""
    m = _NUMBER.search(doc.text, start, end)
    if not m:
        return None, None, None
    sym = re.sub(r"\s+", "", m["sym"]).rstrip(".,;:/-")
    number = f"{m['num']}{sym}" if m["num"] else None
    return number, _kind_of_symbol(sym), m.start()


def _kind_of_symbol(sym: str) -> str | None:
    """'/KH-UBND' -> ke_hoach; '-HD/BTGQU' (party) -> huong_dan; '/BNV-CCHC' (no kind: công văn)."""
    parts = re.split(r"[/\-]", sym.strip("/-"))
    if not parts or not parts[0]:
        return None
    abbreviations = by_abbreviation()
    kind = abbreviations.get(parts[0].upper())
    if kind:
        return kind.code
    return "cong_van"


def _place_and_date(doc: Document, start: int, end: int) -> tuple[str | None, str | None]:
    m = _find_place_date(doc.key, start, end)
    if not m:
        return None, None
    date = to_iso(doc.text[m.start():m.end()])
    return _place_before(doc.text, m.start(), start), date


def _place_before(text: str, comma: int, floor: int) -> str | None:
    """The place name just before ', ngày': title-case words ("Hà Nội", "Thành phố Hồ Chí Minh")."""
    words = []
    pos = comma
    while pos > floor and len(words) < 6:
        j = pos
        while j > floor and text[j - 1] in " \t\n":
            j -= 1
        k = j
        while k > floor and not text[k - 1].isspace():
            k -= 1
        word = text[k:j].strip("*|")
        if not word:
            break
        lower_link = word in ("phố", "xã", "trấn", "khu")
        if not (lower_link or (word[0].isupper() and word[1:].islower()) or word in ("TP.", "TP")):
            break
        words.append(word)
        pos = k
    while words and words[-1] in ("phố", "xã", "trấn", "khu"):
        words.pop()
    return " ".join(reversed(words)) or None


# --- the trích yếu -----------------------------------------------------------------------------
def _starts_body(line: Line) -> bool:
    lex = lexicon()
    key = _undecorate(line.key)
    return key.startswith(lex.starters) or bool(_HEADING_NUMBER.match(_undecorate(line.text)))


def _title_after(lines: list[Line], idx: int) -> str | None:
    """The trích yếu: the lines after the tên loại, in capitals or wrapped in lower case."""
    lex = lexicon()
    parts: list[str] = []
    caps = None
    for line in lines[idx + 1: idx + 1 + MAX_TITLE_LINES]:
        bare = _undecorate(line.text)
        if not bare:
            if parts and set(line.text.strip()) <= set("-–_="):
                break
            continue
        if _HEADING_NUMBER.match(bare) or _NOI_NHAN.match(line.key) or (not _is_caps(bare) and _starts_body(line)):
            break
        if caps is None:
            caps = _is_caps(bare)
            if not caps and len(bare) > 400:
                break
        elif caps:
            if not _is_caps(bare):
                break
            if lex.titles.match(match_key(bare) + " ") or _match_words([_word_key(w) for w in bare.split()], 0, "heads"):
                break  # "THỦ TƯỚNG CHÍNH PHỦ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X": the authority's line
        elif not bare[:1].islower():
            break
        parts.append(bare)
    title = " ".join(parts).strip()
    return _strip_vv(title) or None


def _strip_vv(title: str) -> str:
    return _VV.sub("", title, count=1) if _VV.match(title) else title


def _title_vv(doc: Document, lines: list[Line], start: int, end: int) -> str | None:
    """The trích yếu of a công văn: "V/v ..." and the lines it wraps onto, up to "Kính gửi", the
    quốc hiệu beside it, the date or the body."""
    m = _find_vv(doc.text, start, end)
    if not m:
        return None
    lex = lexicon()
    parts: list[str] = []
    for line in lines:
        if line.end <= m.start():
            continue
        text = doc.text[max(line.start, m.end()):line.end] if not parts else line.text
        cut = lex.motto.search(match_key(text))
        if cut and _is_caps(text[cut.start():cut.end()]):
            text = text[:cut.start()]
        bare = _undecorate(text.split("|")[0])
        if parts and (not bare or _is_caps(bare) or len(bare) > 300 or parts[-1].endswith((".", ":"))
                      or _KINH_GUI.match(line.key) or _starts_body(line)
                      or _find_place_date(line.key) or _NUMBER_MARK.search(line.text)):
            break
        if bare:
            parts.append(bare)
        if len(parts) >= 6 or cut:
            break
    return " ".join(parts) or None


# --- a text without a header: the issuing sentence --------------------------------------------
@dataclass
class Statement:
    issuer: str | None = None
    type: str | None = None
    number: str | None = None
    title: str | None = None


_STATEMENT_NUMBER = re.compile(r"\s*số\s*:?\s*(\d+[\w]*(?:/\d{4})?[/\-][A-ZĐ][\w&.\-/]*)")
_QUOTED = re.compile(r"\s*[\"“]([^\"”]{10,400})[\"”]")


def _issuing_statement(doc: Document, lines: list[Line]) -> Statement:
    """'UBND xã X báo cáo ...', 'Ủy ban nhân dân huyện Y ban hành Kế hoạch số ... “...”'."""
    lex = lexicon()
    head_words = {p[0] for p, _ in lex.heads}
    text, key = doc.text, doc.key
    limit = min(len(text), HEAD_CHARS)
    for m in lex.verbs.finditer(key, 0, limit):
        # the subject: the words since the last punctuation, starting with a body's name
        seg_start = max(key.rfind(c, 0, m.start()) for c in ".;,:\n“”\"(") + 1
        if m.start() - seg_start > 120:
            continue
        subject = text[seg_start:m.start()].strip()
        subject_key = match_key(subject)
        subject_key = lex.titles.sub("", subject_key, count=1)
        subject = subject[len(subject) - len(subject_key):]
        words = subject_key.split()
        if not words or words[0] not in head_words or not _match_words(words, 0, "heads"):
            continue
        if len(words) > 14:
            continue
        statement = Statement(issuer=_complete_name(doc, subject))
        code = lex.verb_types[m.group(1)]
        after = m.end()
        kind = _kind_named_at(key, after)
        if kind:
            code = code or kind[0].code
            after = kind[1]
            num = _STATEMENT_NUMBER.match(text, after)
            if num:
                statement.number = num[1].rstrip(".,;")
                after = num.end()
            quoted = _QUOTED.match(text, after)
            if quoted:
                statement.title = quoted[1].strip()
        statement.type = code or None
        return statement
    return Statement()


def _kind_named_at(key: str, pos: int):
    """(DocType, end) when a kind of document is named at `pos` ("Kế hoạch", "Hướng dẫn")."""
    while pos < len(key) and key[pos] == " ":
        pos += 1
    for name, kind in _kind_keys():
        if key.startswith(name, pos) and not key[pos + len(name):pos + len(name) + 1].isalpha():
            return kind, pos + len(name)
    return None


_TITLE_WORD = re.compile(r"[A-ZĐÀ-Ỹ][^\s,.;:()\"“”]*")


def _complete_name(doc: Document, subject: str) -> str:
    """'UBND tỉnh' -> 'UBND tỉnh Thái Nguyên', 'Ban Tuyên giáo Quận ủy' -> '... Quận ủy Long Biên':
    a body named by its level alone takes the place of that level the document names most."""
    lex = lexicon()
    subject = " ".join(subject.split())
    key = match_key(subject)
    level = None
    for committee, unit in lex.committee_levels:
        if key.endswith(committee):
            level = unit
    for unit in lex.admin_units:
        if key.endswith(" " + " ".join(unit)):
            level = " ".join(unit)
    if not level:
        return subject
    name = _most_named_place(doc, level)
    return f"{subject} {name}" if name else subject


def _most_named_place(doc: Document, level: str) -> str | None:
    counts: Counter[str] = Counter()
    # (the level's words first, then the look back for a letter before them: a pattern that
    # begins with a look back is tried at every position of the document)
    for m in re.finditer(rf"{re.escape(level)}(?<!\w{re.escape(level)})\s+", doc.key):
        words = []
        pos = m.end()
        while len(words) < 4:
            w = _TITLE_WORD.match(doc.text, pos)
            if not w or (len(w[0]) > 1 and w[0].isupper()):
                break
            words.append(w[0])
            pos = w.end()
            if pos >= len(doc.text) or doc.text[pos] != " ":
                break
            pos += 1
        if words:
            counts[" ".join(words)] += 1
    return counts.most_common(1)[0][0] if counts else None


# --- signature and recipients ----------------------------------------------------------------
_NAME = re.compile(r"(?:^|\s)((?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*\.?\s){1,5}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)$")
# Capital words at the end of a line ("- Lưu: VT, THVX", "- Như trên; THỨ TRƯỞNG"): two or more,
# each followed by a comma and/or a space, or a single one of four letters or more. (Written as
# words and separators: "two or more runs of 2+ capitals" backtracked through every way of cutting
# a long word like "THCBKSTTHC" before failing on the ";" after it.)
_TRAILING_CAPS = re.compile(r"((?:[A-ZĐÀ-Ỹ]{2,}(?:,\s?|\s))+[A-ZĐÀ-Ỹ]{2,},?\s?|[A-ZĐÀ-Ỹ]{4,},?\s?)$")
_CAPS_OR_SEPARATOR = re.compile(r"[A-ZĐÀ-Ỹ,\s]")


def _trailing_caps(text: str) -> re.Match | None:
    """`_TRAILING_CAPS.search(text)`; a line that ends on another character (most list items end
    with ";" or ".") is let go without trying the regex at each of its positions."""
    if not _CAPS_OR_SEPARATOR.fullmatch(text[-1:]):
        return None
    return _TRAILING_CAPS.search(text)


@cache
def _spaced_words(phrase: str) -> re.Pattern:
    """'nơi nhận' -> 'nơi\\s+nhận': the phrase's words with any white space between them."""
    return re.compile(r"\s+".join(map(re.escape, phrase.split())))


def _line_opening(key: str, phrase: str, end: int | None = None) -> int | None:
    """The start of the first line (ending by `end`) that opens with the words of `phrase`, after
    table bars, emphasis marks and spaces; None if none does. (Finding the phrase, then looking
    back to its line start, is much faster than a pattern anchored at every line start; and its
    first word, found by `str.find`, faster than the phrase's regex.)"""
    end = len(key) if end is None else end
    words = _spaced_words(phrase)
    first_word = phrase.split()[0]
    pos = key.find(first_word, 0, end)
    while pos >= 0:
        m = words.match(key, pos, end)
        if m:
            line_start = key.rfind("\n", 0, pos) + 1
            if not key[line_start:pos].strip("|* "):
                return line_start
        pos = key.find(first_word, m.end() if m else pos + 1, end)
    return None


def _back_lines(text: str, pos: int, n: int) -> int:
    """The start of the line n lines before the one at `pos`."""
    for _ in range(n + 1):
        pos = text.rfind("\n", 0, pos)
        if pos < 0:
            return 0
    return pos + 1


def _head_end(text: str) -> int:
    """Where the head ends: at the line break that closes its HEAD_LINES lines, at most HEAD_CHARS
    characters in. (The lines of the first HEAD_CHARS characters split at once: quicker than
    finding the line breaks one by one.)"""
    head = text[:HEAD_CHARS]
    pieces = head.split("\n", HEAD_LINES)
    if len(pieces) > HEAD_LINES:  # the last piece is what follows that line break
        return len(head) - len(pieces[-1]) - 1
    return len(head)


def _forward_lines(text: str, pos: int, n: int) -> int:
    for _ in range(n):
        pos = text.find("\n", pos + 1)
        if pos < 0:
            return len(text)
    return pos


def _signature_lines(doc: Document) -> list[Line]:
    """Lines around the signature: from just before "Nơi nhận" on (a decision that carries a plan
    signs before the plan), else the end of the document."""
    at = _line_opening(doc.key, "nơi nhận")
    if at is not None:
        return _lines(doc, _back_lines(doc.text, at, 8), _forward_lines(doc.text, at, 40))
    return _lines(doc, _back_lines(doc.text, len(doc.text), TAIL_LINES))


def _last_marker(doc: Document, window: list[Line]) -> tuple[int, re.Match] | None:
    """(line index, match) of the signature block's last authority marker: "TM. ỦY BAN" then
    "KT. CHỦ TỊCH". A marker belongs to the block while it is at most four lines below the one
    before it. (One regex scan over the window's text, not one per line: the marker stays
    within its line.)"""
    if not window:
        return None
    found = None
    starts = None
    for m in lexicon().authority.finditer(doc.text, window[0].start, window[-1].end):
        if starts is None:
            starts = [line.start for line in window]
        idx = bisect_right(starts, m.start()) - 1
        if found and idx > found[0] + 4:
            break
        found = (idx, m)
    return found


def _signer(doc: Document, lines: list[Line]) -> Signer | None:
    """The authority marker (TM., KT., ...), the position under it and the name under that.

    The block comes as lines ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / "Đào Văn A"), as one table
    cell ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Đào Văn A"), or beside the Nơi nhận list in a layout
    page ("- Như trên; THỨ TRƯỞNG").
    """
    lex = lexicon()
    window = lines
    found = _last_marker(doc, window)
    if found is not None:
        idx, marker = found
        authority = marker.group(1).replace("/", "") + "."
        rest = doc.text[marker.end():window[idx].end]
    else:
        # signed in one's own right: "THỦ TƯỚNG" / "Phạm Văn A", no marker
        for idx, line in enumerate(window):
            # the first word of the cell's clean text first: most lines are body text, which
            # need neither their whole clean text nor their key
            cell = line.text.rpartition("|")[2]
            words = _blank_decoration(cell).split(None, 1)
            if words and not words[0].startswith("-") and _is_caps(words[0]) \
                    and lex.any_title.match(match_key(_undecorate(cell))):
                break
        else:
            return None
        authority, rest = None, window[idx].text
    segments: list[str] = []
    name = None
    for text in [rest] + [ln.text for ln in window[idx + 1: idx + 14]]:
        cell = _undecorate(text.split("|")[-1] if text is not rest else text.split("|")[0])
        if not cell:
            continue
        found_name = _NAME.search(cell)
        if found_name and not lex.not_names.search(match_key(cell)) and not cell.startswith("-"):
            caps = cell[:found_name.start(1)].strip()
            if caps and _is_caps(caps):
                segments.append(caps)
            name = found_name[1]
            break
        if _is_caps(cell) and not cell.startswith("-"):
            segments.append(cell)
        elif cell.startswith("-"):
            caps = _trailing_caps(cell)
            if caps:
                segments.append(caps[1].strip(" ,"))
    position = _position(segments, authority)
    return Signer(authority=authority, position=position, name=name)


def _position(segments: list[str], authority: str) -> str | None:
    """The signer's own title: after "KT. CHỦ TỊCH" the next title ("PHÓ CHỦ TỊCH"); after
    "TM. <body>" the first title. Titles joined by a comma ("BỘ TRƯỞNG, CHỦ NHIỆM") are one."""
    if not segments:
        return None
    lex = lexicon()
    text = " ¦ ".join(segments)
    key = match_key(text)
    starts = [m.start() for m in lex.any_title.finditer(key)
              if not key[:m.start()].rstrip().endswith(",")]
    if authority not in ("TM.", None):
        starts = [s for s in starts if s > 0] or starts
    if not starts:
        return _position_case(segments[-1])
    start = starts[0]
    ends = [s for s in starts if s > start] + [i for i in (key.find("¦", start),) if i > 0] + [len(key)]
    return _position_case(text[start:min(ends)].strip(" ¦,"))


def _position_case(position: str) -> str:
    """'PHÓ CHỦ TỊCH' -> 'Phó Chủ tịch', 'PHÓ GIÁM ĐỐC' -> 'Phó Giám đốc'."""
    if not _is_caps(position):
        return position
    words = position.split()
    out = [_cap(words[0])]
    for i, w in enumerate(words[1:], 1):
        out.append(_cap(w) if _word_key(words[i - 1]) == "phó" else w.lower())
    return " ".join(out)


_LEADING_NOTE = re.compile(r"^\s*\([^)]*\)")


def _recipients(doc: Document, lines: list[Line], tail: list[Line]) -> list[str]:
    """"Kính gửi" names, then "Nơi nhận" items, without "Như trên" and "Lưu: VT"."""
    lex = lexicon()
    found: list[str] = []
    at = _line_opening(doc.key, "kính gửi", lines[-1].end if lines else 0)
    for idx, line in enumerate(lines if at is not None else ()):
        if line.start <= at <= line.end:
            m = _KINH_GUI.search(line.key)
            found += _list_items(doc.text[line.start + m.end():line.end], lines[idx + 1:idx + 30])
            break
    for idx, line in enumerate(tail):
        m = _NOI_NHAN.search(line.key)
        if m and not line.key[:m.start()].strip(" |*"):
            found += _list_items(doc.text[line.start + m.end():line.end], tail[idx + 1:idx + 40])
            break
    out: list[str] = []
    for item in found:
        if "(" in item:  # notes are in brackets (data/metadata.toml); most items have none
            item = lex.recipient_notes.sub("", item)
            item = _LEADING_NOTE.sub("", item)  # a note left over from the item before
        item = " ".join(item.split()).strip(" -+•*;.,:")
        if not item or len(item) > 200 or _not_a_recipient(item):
            continue
        if item not in out:
            out.append(item)
    return out


def _not_a_recipient(item: str) -> bool:
    """"Như trên", "Lưu: VT" (data/metadata.toml). Most items do not open with a skip phrase's
    first letter, and need no key."""
    lex = lexicon()
    return item[0].lower() in lex.skip_initials and bool(lex.skip_recipients.match(match_key(item)))


def _list_item_text(text: str) -> str:
    """The left-hand cell of a list line, without a signature fragment beside it."""
    lex = lexicon()
    text = text.split("|")[0]
    m = lex.authority.search(text)
    if m:
        text = text[:m.start()]
    text = " ".join(text.split()).lstrip("*")
    caps = _trailing_caps(text)
    if caps and len(caps[1].split()) >= 2 and caps.start(1) > 0:
        text = text[:caps.start(1)]
    return text.strip()


def _list_items(first: str, following: list[Line]) -> list[str]:
    """'- A;' lines (or names after the colon); a line that does not start with '-' continues
    the item before it when that item did not end with ';' or '.'."""
    chunks: list[str] = []
    first = _list_item_text(first)
    if first:
        chunks.append(first)
    for line in following:
        text = _list_item_text(line.text)
        if not text:
            continue
        if text[:1] in "-+•":
            chunks.append(text)
        elif (chunks and chunks[-1][:1] in "-+•" and not chunks[-1].endswith((";", "."))
              and len(text) < 80 and not _is_caps(text) and not _starts_body(line)):
            chunks[-1] = f"{chunks[-1]} {text}"
        else:
            break
    return [part for chunk in chunks for part in chunk.split(";")]


# --- the whole -----------------------------------------------------------------------------------
def find_metadata(doc: Document, sections: list[Section]) -> DocumentInfo:
    head_end = _head_end(doc.text)
    lines = _lines(doc, 0, head_end)
    info = DocumentInfo()
    header = _find_header(doc, lines)
    symbol_kind = None
    if header.found:
        info.issuer = header.issuer
        anchor_start = lines[0].start
        info.number, symbol_kind, _ = _number(doc, anchor_start, min(head_end, header.end + 200))
        info.place, info.date = _place_and_date(doc, anchor_start, head_end)
    for idx, line in enumerate(lines):
        if line.start < header.end and header.found:
            continue
        kind = _type_line(line)
        if kind:
            info.type = kind.code
            info.title = _title_after(lines, idx)
            break
    if info.type is None and header.found:
        info.type, info.title = _type_joined_to_title(lines, header.end)
    if info.type is None and symbol_kind:
        info.type = symbol_kind
    vv_title = _title_vv(doc, lines, 0, head_end) if header.found else None
    if info.title is None and vv_title:
        info.title = _strip_vv(vv_title)
        info.title = info.title[:1].upper() + info.title[1:]
    statement = Statement()
    if info.issuer is None or info.type is None or not header.found:
        statement = _issuing_statement(doc, lines)
    if info.issuer is None:
        info.issuer = statement.issuer
    if info.type is None:
        info.type = statement.type
    if info.type is None and (vv_title or any(_KINH_GUI.match(_undecorate(ln.key)) for ln in lines)):
        info.type = "cong_van"
    if not header.found:
        info.number = info.number or statement.number
        info.title = info.title or statement.title
    if info.type is None:
        info.type = _type_from_first_lines(lines)
    if info.title is None and not header.found:
        info.title = _headline(lines)
    tail = _signature_lines(doc)
    info.signer = _signer(doc, tail)
    info.recipients = _recipients(doc, lines, tail)
    return info


def _type_joined_to_title(lines: list[Line], after: int) -> tuple[str | None, str | None]:
    """A reader that joined the tên loại with its title: "KẾ HOẠCH TRIỂN KHAI ..." in capitals."""
    for line in [ln for ln in lines if ln.start >= after][:10]:
        bare = _undecorate(line.text)
        if not _is_caps(bare):
            continue
        kind = _kind_named_at(match_key(bare), 0)
        if kind and bare[kind[1]:kind[1] + 1] == " ":
            return kind[0].code, bare[kind[1]:].strip() or None
    return None, None


_PLACE_PREFIX = re.compile(r"^[A-ZĐÀ-Ỹ][\w]*(?: [A-ZĐÀ-Ỹ][\w]*){0,3}: (?=[A-ZĐÀ-Ỹ])")


def _headline(lines: list[Line]) -> str | None:
    """A web page's headline as the trích yếu: "Phù Yên: Tuyên truyền ..." -> "Tuyên truyền ...";
    a leading kind ("Kế hoạch tuyên truyền ...") is dropped the same way."""
    lex = lexicon()
    for line in lines[:10]:
        bare = _undecorate(line.text)
        if len(bare) < 20 or len(bare) > 300 or lex.chrome.search(line.key) or _starts_body(line):
            continue
        if bare.isascii():  # Vietnamese text without a single diacritic: a broken text layer
            return None
        if bare.endswith((":", ";")) or _HEADING_NUMBER.match(bare):
            return None
        bare = _PLACE_PREFIX.sub("", bare, count=1)
        kind = _kind_named_at(match_key(bare), 0)
        if kind and bare[kind[1]:kind[1] + 1] == " ":
            bare = bare[kind[1]:].strip()
        return bare[:1].upper() + bare[1:]
    return None


def _type_from_first_lines(lines: list[Line]) -> str | None:
    """A web page's headline that starts with the kind: "Kế hoạch tuyên truyền ..."."""
    for line in lines[:10]:
        kind = _kind_named_at(line.key, 0)
        if kind and kind[1] < len(line.key) and line.key[kind[1]] == " ":
            return kind[0].code
    return None
