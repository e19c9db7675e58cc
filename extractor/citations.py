"""Cited documents: find -> resolve -> validate.

find     every mention: a số/ký hiệu (symbols.py) with the type word before it, the date, issuer
         ("của …") and subject ("về …" or a quoted title) after it; technical standards; laws and
         party resolutions cited by name without a number; short forms ("Nghị quyết trên").
resolve  one citation per document: mentions of the same number (or the same name) are grouped,
         a short form joins the document it points back to, the document's own number is dropped.
validate warnings for a type word that disagrees with the symbol, impossible or future dates,
         a cited date after the document's own, a normative symbol without its year.

Everything runs on `doc.text` (footnotes and table cells included) and its same-length match key,
so every mention keeps its offsets in the normalised text.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from pydantic import TypeAdapter

from . import symbols
from .dates import date_at_start, find_dates
from .doctypes import document_types
from .document import Document
from .model import Citation, DocumentInfo, Section, Warning
from .alternation import alternation
from .normalize import match_key

# ---------------------------------------------------------------- grammar, compiled once


def _alternation(words) -> str:
    """Words as one regex (a tree of shared beginnings); a space matches any run of white space
    (a line break inside "Nghị" ⏎ "định" or a law's name)."""
    return alternation(words, space=r"\s+")


_COMMON_SMALL_LETTERS = "nhtcigaoum"  # the commonest small letters of Vietnamese text


def _find_word(rx: re.Pattern, text: str, word: str, pos: int = 0):
    """The matches of `rx.finditer(text, pos)`, for a regex whose every match opens with `word`.

    The regex engine looks for a word from its first letter, which is slow when that letter is
    one of the commonest ("nghị", "căn cứ", "trên"): then `str.find` finds the word, and the
    regex is tried only where it is.
    """
    if word[0] not in _COMMON_SMALL_LETTERS:
        yield from rx.finditer(text, pos)
        return
    i = text.find(word, pos)
    while i >= 0:
        m = rx.match(text, i)
        if m:
            yield m
        i = text.find(word, m.end() if m else i + 1)


@cache
def _type_words() -> dict[str, str]:
    """match key of a type word -> canonical type name ("kế hoạch" -> "Kế hoạch")."""
    return {match_key(t.name): t.name for t in document_types()}


@cache
def _type_before() -> tuple[re.Pattern, re.Pattern]:
    """What ends right where a symbol starts: a type word (and qualifier, and "số"); or a type
    word's abbreviation and "số". Two regexes, each opening with its words (the engine then skips
    ahead to their first letters; one alternation of the two would be tried at every position):
    the nearer the symbol's start, the farther left the match, and the type word wins a tie, as
    in "(?:type…|abbreviation…)"."""
    g = symbols.grammar()["type_words"]
    return (re.compile(rf"(?P<type>{_alternation(_type_words())})"
                       rf"(?:\s+(?:{_alternation(g['qualifiers'])}))?"
                       rf"(?:\s+(?:{_alternation(g['anaphora_previous'])}))?"
                       rf"\s*(?P<so>số\s*:?)?\s*$"),
            re.compile(rf"(?P<abbreviation>{_alternation(_abbreviated_types())})\s+số\s*:?\s*$"))


@cache
def _abbreviated_types() -> dict[str, str]:
    """Type words written as their abbreviation before "số" ("CV số 123/UBND-VP"), by match key."""
    return {match_key(a): name for a, name in symbols.grammar()["type_words"]["abbreviated"].items()}


@cache
def _type_anywhere() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{_alternation(_type_words())})(?!\w)")


@cache
def _not_document_before() -> re.Pattern:
    return re.compile(rf"(?:{_alternation(symbols.grammar()['type_words']['not_documents'])})\s+số\s*:?\s*$")


_SO_BEFORE = re.compile(r"số\s*:?\s*$")
_OWN_NUMBER_BEFORE = re.compile(r"(?:^|\n)[\s|*]*số\s*:?\s*$")
# after a mention: white space, a comma, a superscript footnote mark ("UBND²"), then the part
_DATE_AFTER = re.compile(r"[\s,\u00b9\u00b2\u00b3\u2070-\u2079]*\(?\s*(?:(?:được\s+)?ban hành\s+)?ngày\s*(?=\d)")
_ISSUER_AFTER = re.compile(r"[\s,)\u00b9\u00b2\u00b3\u2070-\u2079]*(?:\(?\s*)?(?:năm\s+\d{4}\s+)?của\s+")
_SUBJECT_AFTER = re.compile(r"[\s,\u00b9\u00b2\u00b3\u2070-\u2079]*(?:về việc|v/v|về)\s+")
_QUOTED_AFTER = re.compile(r"[\s,\u00b9\u00b2\u00b3\u2070-\u2079]*[“\"]([^”\"\n]{3,300})[”\"]")
# every branch opens with one character, so the engine skips ahead to those characters
_SUBJECT_END = re.compile(r";|\.(?:\s|$)|\n(?=[-+•]|\d+[.)]|[IVX]+\.)|“|”|\"")


@cache
def _anaphora_regex() -> re.Pattern:
    """A type word right before the end of a window: "… Nghị quyết" + " trên" (searched for with
    `_search_word`)."""
    return re.compile(rf"(?P<type>{_alternation(_type_words())})\s+$")


@cache
def _type_last_words() -> frozenset[str]:
    return frozenset(k.split()[-1] for k in _type_words())


@cache
def _anaphora_words() -> tuple[tuple[re.Pattern, str, tuple[str, ...]], ...]:
    """The words that point back ("trên", "nêu trên"), to be found in a whole text: each word that
    does not end with another listed one ("trên", "đó"), as its own regex (the engine finds a
    plain word many times faster than an alternation) and as itself (for `_find_word`), with the
    words that end with it ("nêu trên"), which are found where it is. Words that point to the document itself ("này") are never a citation, so
    they are not searched."""
    words = sorted(symbols.grammar()["type_words"]["anaphora_previous"], key=len, reverse=True)
    return tuple((re.compile(re.escape(w) + r"(?!\w)"), w, tuple(v for v in words if v != w and v.endswith(w)))
                 for w in words if not any(v != w and w.endswith(v) for v in words))


@cache
def _law_names() -> dict[str, re.Pattern]:
    """head key ("luật", "bộ luật") -> the listed names, longest first (data/law_names.tsv)."""
    text = resources.files("extractor.data").joinpath("law_names.tsv").read_text(encoding="utf-8")
    names: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, name = line.split("\t")
        names.setdefault(match_key(head), []).append(match_key(name))
    return {h: re.compile(rf"(?:{_alternation(v)})(?!\w)") for h, v in names.items()}


def _head_words() -> list[str]:
    n = symbols.grammar()["named"]
    return n["law_heads"] + n["charter_heads"] + ["nghị quyết"]


@cache
def _named_heads() -> re.Pattern:
    """The head words of documents cited by name, as one alternation (which head matched is read
    from `_head_kind`)."""
    return re.compile(rf"(?:{_alternation(_head_words())})\s+")


@cache
def _named_head_scans() -> tuple[tuple[re.Pattern, str], ...]:
    """The same head words, longest first, each as its own regex with its first word: to find
    them in a whole text, the engine finds a plain word many times faster than an alternation."""
    return tuple((re.compile(rf"(?:{_alternation([h])})\s+"), h.split()[0])
                 for h in sorted(_head_words(), key=len, reverse=True))


def _head_matches(key: str) -> list[re.Match]:
    """Every head word in `key`, in order, as `_named_heads().finditer` finds them: none inside
    another ("luật" in "bộ luật")."""
    found = sorted((m for rx, first in _named_head_scans() for m in _find_word(rx, key, first)), key=lambda m: m.start())
    out, end = [], 0
    for m in found:
        if m.start() >= end:
            out.append(m)
            end = m.end()
    return out


@cache
def _not_after() -> re.Pattern:
    """A word right before a head that makes it part of a name (searched for with `_search_word`)."""
    return re.compile(rf"(?:{_alternation(symbols.grammar()['named']['not_after'])})\s+$")


@cache
def _resolution_head() -> re.Pattern:
    return re.compile(rf"(?:{_alternation(symbols.grammar()['named']['resolution_heads'])})(?!\w)")


def _head_kind(head: str) -> str:
    head = " ".join(head.split())
    n = symbols.grammar()["named"]
    return "law" if head in n["law_heads"] else "charter" if head in n["charter_heads"] else "resolution"


# "… Đại hội Đảng bộ tỉnh lần thứ XV", "… Trung ương 4 khóa XII", "… Đại hội XIII của Đảng"
_ORDINAL_END = re.compile(r"[^;.()“”\"]{0,120}?(?:lần thứ|khóa|khoá|đại hội)\s+[ivxlc]+(?!\w)(?:\s+của\s+đảng(?!\s+bộ))?")
_AMENDMENT = re.compile(r"sửa đổi, bổ sung (?:một số|các) điều của (?:các )?")
_WORD = re.compile(r"[^\W\d_][\w]*|\d{4}(?!\w)")


# ---------------------------------------------------------------- find


@dataclass
class CitedMention:
    """One mention of a cited document, before mentions are grouped."""
    start: int
    end: int
    number: str | None = None
    name: str | None = None
    type: str | None = None
    type_from_word: bool = False
    symbol: symbols.Symbol | None = None
    date: str | None = None
    date_text: str | None = None
    date_at: int | None = None
    issuer: str | None = None
    subject: str | None = None
    basis: bool = False
    refers_back: bool = False  # "Nghị quyết trên": joins the latest citation of its type
    tail: int = 0  # where the mention's date and issuer end


def _in_caps_line(text: str, pos: int) -> bool:
    """Is the mention in a line written in capitals (a title)? Looks at most 80 characters either side."""
    a = max(text.rfind("\n", max(0, pos - 80), pos) + 1, pos - 80, 0)
    b = text.find("\n", pos, pos + 80)
    segment = text[a: b if b >= 0 else pos + 80]
    upper = sum(map(str.isupper, segment))
    if upper < 7:  # more than 80 % of at least 8 letters is at least 7 capitals
        return False
    # running text has more letters than 1.25 times its capitals in its commonest small letters
    # alone (counted much faster than all letters)
    if 4 * sum(map(segment.count, _COMMON_SMALL_LETTERS)) >= 5 * upper:
        return False
    letters = sum(map(str.isalpha, segment))
    return letters >= 8 and upper / letters > 0.8


def _date_after(doc: Document, pos: int) -> tuple[str | None, str | None, int, int]:
    """(iso, text as written, start, end) of a date written right after `pos` ("ngày 15/7/2021")."""
    m = _DATE_AFTER.match(doc.key, pos, pos + 40)
    if not m:
        return None, None, pos, pos
    begin = m.end()
    d = date_at_start(doc.text[begin: begin + 40])
    if d:
        return d.iso, d.text, begin, begin + d.end
    return None, None, pos, pos


_GAP = re.compile(r"[ \t]*(\n[ \t]*)?")
_TOKEN = re.compile(r"[^\s,;.()“”\"]+")
# the next word: the gap before it (at most one line break) and the word; a line that opens a
# new list item ("- ", "2.", "II.") is taken as `item` instead
_NEXT_WORD = re.compile(rf"[ \t]*(?:\n[ \t]*(?P<item>[-+•|]|\d+[.)]|[IVX]+\.)?)?(?P<word>{_TOKEN.pattern})?")


# "Ngày 06/10/2025, Bộ Nội vụ ban hành Công văn số 8977/BNV-TCPCP": the date told before the document
_DATE_BEFORE = re.compile(r"ngày\s*(?P<date>\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
                          r"\s*,\s*[^;.:]{0,80}?(?:ban hành|có|ký|gửi)\s*$")


def _date_before(doc: Document, start: int) -> tuple[str | None, str | None, int | None]:
    window_start = max(0, start - 140)
    m = _search_word(_DATE_BEFORE, doc.key, window_start, start)
    if not m:
        return None, None, None
    found = find_dates(doc.text[m.start("date"): m.end("date")])
    return (found[0].iso, found[0].text, m.start("date")) if found else (None, None, None)


def _phrase_after(doc: Document, pos: int, stops: re.Pattern, max_words: int,
                  name_words: frozenset[str] = frozenset()) -> tuple[str | None, int]:
    """Words from `pos` up to a stop word, punctuation or a new list item; (phrase, end).

    Stop words end the phrase only when written in lower case ("Ban Thường vụ" is a name, "ban
    hành" a verb); "và" joins two capitalised words of one name ("Bộ Giáo dục và Đào tạo") but
    ends the phrase before another document ("… và Kế hoạch số …") or a lower-case clause.
    """
    text, key = doc.text, doc.key
    type_word_at = _type_anywhere().match  # does a type word start at a position?
    words: list[tuple[int, int]] = []
    i = pos
    limit = min(len(text), pos + 250)
    while i < limit and len(words) < max_words:
        w = _NEXT_WORD.match(text, i)
        start, end = w.span("word")  # (-1, -1) when there is no word
        if start < 0 or w["item"] is not None:
            break
        first = text[start]
        if words and first.isupper() and type_word_at(key, start):
            break  # the next document: "… của UBND tỉnh, Kế hoạch số …"
        if first.islower() or not first.isalpha():
            if key[start: end] == "và":
                nxt = _TOKEN.match(text, _GAP.match(text, end).end())
                if not nxt or not nxt.group()[:1].isupper() or type_word_at(key, nxt.start()):
                    break
            elif stops.match(key, start, start + 24):
                break
            elif name_words and first.isalpha() and key[start: end] not in name_words and \
                    not (words and text[words[-1][0]].isupper()):
                # a name capitalises the first syllable of each part ("Giáo dục", "Nội vụ"); other
                # lower-case words belong to a short list ("nhân dân", "tỉnh", "thường trực"):
                # "UBND tỉnh tuyên truyền …" ends before "tuyên"
                break
        words.append((start, end))
        i = end
        if text[i: i + 1] == ":" and key[words[0][0]: i] == "liên bộ":
            i += 1  # "của liên Bộ: Tài chính - Nội vụ"
            continue
        if i >= len(text) or text[i] in ",;.()“”\"":
            break
    if not words:
        return None, pos
    phrase = " ".join(text[words[0][0]: words[-1][1]].split())
    return phrase.strip(" -–:*") or None, words[-1][1]


def _subject_after(doc: Document, pos: int) -> str | None:
    q = _QUOTED_AFTER.match(doc.text, pos)
    if q:
        return " ".join(q.group(1).split()).strip(" *")
    m = _SUBJECT_AFTER.match(doc.key, pos)
    if not m:
        return None
    end = _SUBJECT_END.search(doc.text, m.end(), min(len(doc.text), m.end() + 300))
    stop = end.start() if end else min(len(doc.text), m.end() + 300)
    subject = " ".join(doc.text[m.end(): stop].split()).strip(" ,*")
    return subject or None


def _search_word(rx: re.Pattern, text: str, pos: int, endpos: int) -> re.Match | None:
    """The leftmost match of `rx` in `text[pos:endpos]` that starts a word, as `rx` opened with
    a look-behind for a word character would find it: a regex that opens with a look-behind is tried at every position,
    one that opens with its words skips ahead to their first letters."""
    m = rx.search(text, pos, endpos)
    while m and m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
        m = rx.search(text, m.start() + 1, endpos)
    return m


def _word_start(window: str, m: re.Match | None) -> bool:
    """A match that starts a word (the regexes leave out a leading lookbehind to scan faster)."""
    return bool(m) and (m.start() == 0 or not window[m.start() - 1].isalnum())


def _type_for_symbol(doc: Document, start: int) -> tuple[str | None, bool, int, bool]:
    """(type name, found as a word?, where the mention starts, skip?) for a symbol at `start`."""
    key = doc.key
    window_start = max(0, start - 90)
    window = key[window_start: start]
    if _word_start(window, _not_document_before().search(window, len(window) - 40)):
        return None, False, start, True
    type_word, abbreviation = _type_before()
    m = type_word.search(window, len(window) - 60)
    a = abbreviation.search(window, len(window) - 60)
    if a and (not m or a.start() < m.start()):
        m = a  # the leftmost of the two
    if _word_start(window, m) and m.re is type_word:
        name = _type_words()[" ".join(m["type"].split())]
        return name, True, window_start + m.start(), False
    if _word_start(window, m) and doc.text[window_start + m.start(): window_start + m.end("abbreviation")].isupper():
        return _abbreviated_types()[m["abbreviation"]], True, window_start + m.start(), False
    if _word_start(window, _SO_BEFORE.search(window, len(window) - 8)):
        # "Luật Quản lý thuế số 38/2019/QH14", "Quyết định số 12/QĐ-UBND …, số 13/QĐ-UBND":
        # the nearest capitalised type word earlier in the same clause
        clause = max(window.rfind(";"), window.rfind(". "), window.rfind("\n\n"))
        for t in reversed(list(_type_anywhere().finditer(window, clause + 1))):
            if doc.text[window_start + t.start()].isupper():
                return _type_words()[" ".join(t.group().split())], True, window_start + t.start(), False
    return None, False, start, False


def _own_numbers(doc: Document, info: DocumentInfo, matches: list[re.Match]) -> set[str]:
    """The document's own number: the header's, and any symbol in the head that follows "Số:"."""
    own = set()
    if info.number:
        own.add(symbols.normalise(info.number).upper())
    for m in matches:
        if m.start() >= _HEAD_CHARS:
            break
        if _OWN_NUMBER_BEFORE.search(doc.key[max(0, m.start() - 20): m.start()]):
            own.add(symbols.parse_match(m).number.upper())
    return own


_HEAD_CHARS = 3000  # where the document's own number can be


def _find_numbered(doc: Document, own: set[str], matches: list[re.Match]) -> list[CitedMention]:
    found = []
    for m in matches:
        symbol = symbols.parse_match(m)
        if "/" not in symbol.number or symbol.number.upper() in own:
            continue
        type_name, from_word, start, skip = _type_for_symbol(doc, m.start())
        if skip:
            continue
        if type_name is None:
            # no type word: only a symbol that cannot be anything else ("… (số 132/2020/NĐ-CP)"),
            # never a bare "12/B" that may be a house number
            kind = symbol.kind
            if not (kind or symbol.year or len(symbol.codes) >= 2):
                continue
            type_name = kind.name if kind else "Văn bản"
        f = CitedMention(start=start if start >= m.start() - 40 else m.start(), end=m.end(), number=symbol.number,
                  type=type_name, type_from_word=from_word, symbol=symbol)
        _describe(doc, f, m.end())
        if f.date_text is None:
            f.date, f.date_text, f.date_at = _date_before(doc, f.start)
        found.append(f)
    return found


def _describe(doc: Document, f: CitedMention, pos: int) -> None:
    """Date, issuer and subject written after a mention ending at `pos`."""
    iso, written, dstart, dend = _date_after(doc, pos)
    if written:
        f.date, f.date_text, f.date_at = iso, written, dstart
        pos = dend
    g = symbols.grammar()["issuer"]
    m = _ISSUER_AFTER.match(doc.key, pos, pos + 30)
    if m:
        issuer, end = _phrase_after(doc, m.end(), _issuer_stops(), g["max_words"],
                                    _issuer_name_words())
        party_term = _PARTY_TERM.match(doc.key, end)
        if issuer and party_term:  # "Bộ Chính trị khóa XIII"
            issuer += " " + " ".join(doc.text[party_term.start(): party_term.end()].split())
            end = party_term.end()
        if issuer:
            f.issuer = issuer
            pos = end
        if not written:  # "… của Chính phủ ngày 15/7/2021"
            iso, written, dstart, dend = _date_after(doc, pos)
            if written:
                f.date, f.date_text, f.date_at = iso, written, dstart
                pos = dend
    f.tail = pos
    f.subject = _subject_after(doc, pos)


@cache
def _issuer_stops() -> re.Pattern:
    """A word that ends an issuer's name (a lower-case verb or preposition, "ngày"), whole."""
    words = set(symbols.grammar()["issuer"]["stop_words"]) | {"ngày"}
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + r")(?![^\W_])")


@cache
def _issuer_name_words() -> frozenset[str]:
    return frozenset(symbols.grammar()["issuer"]["name_words"])


_PARTY_TERM = re.compile(r" \(?(?:khóa|khoá) [ivxlc]+\)?(?!\w)")
# "… chỉ đạo của UBND tỉnh tại Công văn số …": the issuer told before the document
_ISSUER_BEFORE = re.compile(r"của\s+(?P<issuer>(?:(?!của\s)[^,;.()\n]){2,60}?)\s+(?:tại|theo)\s+$")


def _share_issuers(doc: Document, found: list[CitedMention]) -> None:
    """Documents listed together share the issuer written after the last one ("Công điện số 1/CĐ-TTg
    ngày … và Công điện số 2/CĐ-TTg ngày … của Thủ tướng Chính phủ"), or the one told before them."""
    for f, nxt in zip(reversed(found[:-1]), reversed(found[1:])):
        if f.issuer is None and nxt.issuer and _LIST_GAP.fullmatch(doc.key, f.tail, nxt.start):
            f.issuer = nxt.issuer
    for f in found:
        if f.issuer is None:
            m = _ISSUER_BEFORE.search(doc.key, max(0, f.start - 80), f.start)
            if m:
                f.issuer = " ".join(doc.text[m.start("issuer"): m.end("issuer")].split())


_LIST_GAP = re.compile(r"[\s,;]*(?:và\s+)?(?:các\s+)?")


@cache
def _standard_markers() -> tuple[tuple[str, frozenset[int]], ...]:
    """Strings one of which every standard prefix holds ("CVN", "ISO"), each with how far into a
    prefix it stands ("CVN" 1 into "TCVN", "ISO" 0 into "ISO" and 5 into "TCVN ISO"): a standard
    cited starts that far before one of them."""
    g = symbols.grammar()["standard"]
    missing = [p for p in g["prefixes"] if not any(m in p for m in g["markers"])]
    if missing:
        raise ValueError(f"citation_grammar.toml: standard prefixes without a marker: {missing}")
    return tuple((m, frozenset(i for p in g["prefixes"] for i in range(len(p)) if p.startswith(m, i)))
                 for m in g["markers"])


def _standard_matches(text: str):
    """The matches of `symbols.standard_regex().finditer(text)`. A standard opens with a prefix,
    so the regex is tried only where a prefix's marker says one may start, in order, each from
    the end of the last match, as `finditer` would (a regex that opens with a choice of
    prefixes is tried at every position). Most documents cite no standard: one `str.find` for
    each marker is then all."""
    starts = set()
    for marker, offsets in _standard_markers():
        i = text.find(marker)
        while i >= 0:
            starts.update(i - k for k in offsets if i >= k)
            i = text.find(marker, i + 1)
    rx, end = symbols.standard_regex(), 0
    for start in sorted(starts):
        m = rx.match(text, start) if start >= end else None
        if m:
            end = m.end()
            yield m


def _find_standards(doc: Document) -> list[CitedMention]:
    t = symbols.grammar()["standard"]["type"]
    return [CitedMention(start=m.start(), end=m.end(), number=" ".join(m.group().split()), type=t)
            for m in _standard_matches(doc.text) if not doc.text[m.start() - 1: m.start()].isalnum()]


_INNER_LAW = re.compile(r"(?:bộ luật|luật)\s+")
_NEXT_LAW = re.compile(r"(?:,| và) ")
# "Luật An ninh mạng 2025", "Luật Phổ biến, giáo dục pháp luật (sửa đổi)", "… năm 2019"
_LAW_NAME_TAIL = re.compile(r"(?: năm)? (?:19|20)\d{2}(?!\w)| \(sửa đổi\)")
_NUMBER_AFTER = re.compile(r"\s+số\s*\d")


def _law_name_end(doc: Document, pos: int, head: str) -> int | None:
    """End of the law's name starting at `pos` (after "Luật "), or None if no name starts there."""
    key, text = doc.key, doc.text
    n = symbols.grammar()["named"]
    amendment = _AMENDMENT.match(key, pos)
    if amendment:  # "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B"
        end = None
        p = amendment.end()
        while True:
            inner = _INNER_LAW.match(key, p)
            if not inner:
                break
            e = _law_name_end(doc, inner.end(), "luật")
            if e is None:
                break
            end = e
            nxt = _NEXT_LAW.match(key, e)
            if not nxt:
                break
            p = nxt.end()
        return end
    listed = _law_names()[head].match(key, pos) if head in _law_names() else None
    if listed:
        end = listed.end()
    else:
        first = _WORD.match(text, pos, min(len(text), pos + 120))
        if not first or not text[pos].isupper() or key[pos: first.end()] in n["not_names"]:
            return None
        end = first.end()
        count = 1
        for w in _WORD.finditer(text, end, min(len(text), pos + 120)):
            gap = text[end: w.start()]  # white space only: a word ends where no letter or digit follows
            if gap.strip() or len(gap) > 2 or key[w.start(): w.end()] in n["name_stops"]:
                break
            if w.group().isdigit():
                break
            end = w.end()
            count += 1
            if count >= n["max_words"]:
                break
    tail = _LAW_NAME_TAIL.match(key, end)
    if tail:
        end = tail.end()
    return end


def _find_named(doc: Document) -> list[CitedMention]:
    key, text = doc.key, doc.text
    found = []
    n = symbols.grammar()["named"]
    covered = 0
    for m in _head_matches(key):
        if not text[m.start()].isupper() or m.start() < covered or key[m.start() - 1: m.start()].isalnum():
            continue
        head = " ".join(m.group().split())
        kind = _head_kind(head)
        if _search_word(_not_after(), key, max(0, m.start() - 12), m.start()):
            continue
        if kind == "resolution" and not _resolution_head().match(key, m.end()):
            continue
        if kind == "law":
            end = _law_name_end(doc, m.end(), head)
        elif kind == "charter":
            words = list(_WORD.finditer(text, m.end(), min(len(text), m.end() + 100)))
            if not words or words[0].start() != m.end() or not words[0].group()[0].isupper():
                continue
            end = words[0].end()
            for prev, w in zip(words, words[1:]):
                if text[prev.end(): w.start()] != " " or key[w.start(): w.end()] in n["name_stops"]:
                    break
                end = w.end()
        else:
            o = _ORDINAL_END.match(key, m.end())
            end = o.end() if o else None
        if end is None:
            continue
        # "Luật Quản lý thuế số 38/2019/QH14" is a numbered citation; its name goes with the number
        if _NUMBER_AFTER.match(key, end):
            continue
        covered = end
        name = " ".join(text[m.start(): end].split())
        name_key = match_key(name)
        if name_key.startswith(tuple(n["not_documents"])):
            continue
        f = CitedMention(start=m.start(), end=end, name=name, type=_type_by_name_key(name_key))
        _describe(doc, f, end)
        found.append(f)
    return found


@cache
def _type_prefixes() -> tuple[re.Pattern, dict[str, str]]:
    """The type names followed by a space, longest first, as one alternation; and each one's type."""
    names: dict[str, str] = {}
    for t in document_types():
        names.setdefault(match_key(t.name) + " ", t.name)
    return re.compile("|".join(map(re.escape, names))), names


def _type_by_name_key(key: str) -> str | None:
    """The type a named document's first words give, from their match key ("luật đầu tư công" ->
    "Luật")."""
    prefixes, names = _type_prefixes()
    m = prefixes.match(key)
    return names[m.group()] if m else None


def _law_names_for_numbers(doc: Document, numbered: list[CitedMention]) -> None:
    """Give "Luật Quản lý thuế số 38/2019/QH14" its name."""
    for f in numbered:
        if f.type in ("Luật", "Bộ luật") and f.type_from_word:
            head = _named_heads().match(doc.key, f.start)
            if head and _head_kind(head.group()) == "law":
                end = _law_name_end(doc, head.end(), " ".join(head.group().split()))
                if end:
                    f.name = " ".join(doc.text[f.start: end].split())


# ---------------------------------------------------------------- roles


_RECIPIENTS = re.compile(r"kính gửi\s*:?")


@cache
def _basis_verb() -> re.Pattern:
    """A word that opens a basis sentence (the grammar's [basis] verbs)."""
    return re.compile(rf"(?:{alternation(symbols.grammar()['basis']['verbs'])})(?!\w)")


def _header_end(doc: Document) -> int:
    """End of the recipients block ("Kính gửi: …" and its list), else 0."""
    m = _RECIPIENTS.search(doc.key, 0, min(len(doc.key), 4000))
    if not m:
        return 0
    end = doc.key.find("\n", m.end())
    while end >= 0 and doc.text[end + 1: end + 2] in ("-", "+", "•") and end + 1 < len(doc.text):
        nxt = doc.key.find("\n", end + 1)
        end = nxt
    return len(doc.text) if end < 0 else end


# a line that opens with a heading ("I. ", "PHẦN", "Chương II"); looked for after each line break
# (a regex that opens with "^" is tried at every position)
_HEADING_LINE = r"[\s*|]*(?:[IVX]{1,4}\.\s|PHẦN\b|Phần thứ|CHƯƠNG\b|Chương [IVX\d])"
_HEADING_AT_START = re.compile(_HEADING_LINE)
_HEADING_AFTER_BREAK = re.compile("\n" + _HEADING_LINE)


def _heading_line(text: str, pos: int) -> int | None:
    """Where the first line from `pos` on that opens with a heading starts."""
    if pos == 0 and _HEADING_AT_START.match(text):
        return 0
    m = _HEADING_AFTER_BREAK.search(text, max(pos - 1, 0))
    return m.start() + 1 if m else None


_LEADING_SPACE = re.compile(r"\s*")
_SENTENCE_END = re.compile(r"[.:](?:\s*\n|\s+(?=[A-ZĐÀ-Ỹ]))")


def _preamble_end(doc: Document, sections: list[Section], header_end: int) -> int:
    if sections:
        return sections[0].start
    heading = _heading_line(doc.text, header_end)
    if heading is not None:
        return heading
    # no outline (a công văn): its first sentence is a preamble when it opens like one
    # ("Thực hiện Công văn số …, Sở Nội vụ báo cáo …"), not when it tells a fact ("Ngày 18/11, …")
    opening = _LEADING_SPACE.match(doc.key, header_end).end()
    verb = _basis_verb().match(doc.key, opening)
    if not verb:
        return header_end
    m = _SENTENCE_END.search(doc.text, verb.end())
    return m.end() if m else len(doc.text)


_CAN_CU = re.compile(r"căn cứ(?!\w)")


_BOUNDARIES = ".!?:"  # a sentence ends at one of these followed by white space


def _sentence_start(text: str, floor: int, pos: int) -> int:
    """Where the sentence holding `pos` starts: just after the last boundary before `pos` (its
    white space before `pos` too), or `floor` if there is none from `floor` on. Each boundary
    character is looked for backwards from `pos`, which finds the nearest at once."""
    start, last = floor, max(floor, pos - 1)  # a boundary's white space comes before `pos`
    for ch in _BOUNDARIES:
        i = text.rfind(ch, floor, last)
        while i >= 0 and not text[i + 1].isspace():
            i = text.rfind(ch, floor, i)
        start = max(start, i + 1)
    return start


# a basis verb counts at the start of a line or of a sentence, after any list marks: the verbs are
# found first (a regex that opens with a look-behind is tried at every position), then what comes
# before them is looked at
_LIST_MARKS = "*-+|"  # with white space, what may come between a line's start and its verb


def _opens_sentence(key: str, floor: int, verb: int) -> bool:
    """Does the verb at `verb` open the text, a line, or a sentence (after ".", "!", "?" or ":"
    and a white space), with only white space and list marks between, that opening at or after
    `floor`?"""
    p = verb
    while True:
        if p == 0 or key[p - 1] == "\n" or (p >= 2 and key[p - 2] in ".!?:" and key[p - 1].isspace()):
            return True
        if p == floor or not (key[p - 1].isspace() or key[p - 1] in _LIST_MARKS):
            return False
        p -= 1


def _basis_test(doc: Document, sections: list[Section]):
    """A test `basis(offset)`: is a mention at `offset` part of the document's legal basis?

    Yes in the preamble (after the header and recipients, before the first heading) when its
    sentence opens like a basis ("Căn cứ …", "Thực hiện …", "Theo đề nghị …", "Để thực hiện …"),
    and anywhere in a "Căn cứ …" sentence (letters cite their basis mid-text).
    """
    header_end = _header_end(doc)
    pre_end = _preamble_end(doc, sections, header_end)
    can_cu = []
    for m in _find_word(_CAN_CU, doc.key, "căn cứ", header_end):
        before = doc.key[max(0, m.start() - 4): m.start()].rstrip(" *-+\t")
        if before and before[-1] not in "\n.;:":
            continue
        # to the sentence's end or the clause's, whichever comes first (a sentence end found
        # before the semicolon is the same whether the text stops there or not)
        semi = doc.text.find(";", m.end())
        limit = semi if semi >= 0 else len(doc.text)
        end = _SENTENCE_END.search(doc.text, m.end(), limit)
        can_cu.append((m.start(), end.end() if end else limit))

    def basis(pos: int) -> bool:
        for a, b in can_cu:
            if a <= pos < b:
                return True
        if not header_end <= pos < pre_end:
            return False
        sentence = _sentence_start(doc.text, max(header_end, pos - 1500), pos)
        return any(doc.text[v.start()].isupper() and _opens_sentence(doc.key, sentence, v.start())
                   for v in _basis_verb().finditer(doc.key, sentence, pos))
    return basis


# ---------------------------------------------------------------- resolve


def _group_key(f: CitedMention) -> str:
    if f.number:
        return "#" + f.number.upper()
    return "@" + match_key(f.name or "")


def _same_name(a: str, b: str) -> bool:
    """Two written names of one document: one starts the other ("Điều lệ Hiệp hội" / "Điều lệ Hiệp
    hội công chứng viên Việt Nam"), or one is the other with words left out ("Nghị quyết đại hội lần
    thứ XIII" / "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII"); never two ordinals or places."""
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short) and (len(long_) == len(short) or not long_[len(short)].isalnum()):
        return True
    if 10 * len(short) < 4 * (len(a) + len(b)):
        return False  # the ratio below is at most 2 * len(short) / (len(a) + len(b)), under 0.8
    return set(short.split()) <= set(long_.split()) and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _resolve(doc: Document, found: list[CitedMention]) -> list[list[CitedMention]]:
    groups: dict[str, list[CitedMention]] = {}
    order: list[str] = []
    named_keys: list[str] = []
    for f in sorted(found, key=lambda f: f.start):
        if f.refers_back:
            target = next((k for k in reversed(order) if groups[k][0].type == f.type), None)
            if target:
                groups[target].append(f)
            continue
        k = _group_key(f)
        if f.number is None:
            folded = k[1:]
            k = next((n for n in named_keys if _same_name(n[1:], folded)), k)
            if k not in named_keys:
                named_keys.append(k)
        if k not in groups:
            groups[k] = []
            order.append(k)
        groups[k].append(f)
    return [groups[k] for k in order]


def _find_anaphora(doc: Document) -> list[CitedMention]:
    out = []
    key = doc.key
    words = []  # (start, end) of every listed word, as each word's own regex would find it
    for rx, word, longer in _anaphora_words():
        for m in _find_word(rx, key, word):
            end = m.end()
            words += [(end - len(w), end) for w in longer if end >= len(w) and key.startswith(w, end - len(w))]
            words.append((m.start(), end))
    words.sort(key=lambda w: (w[0], -w[1]))  # by start, the longer word first
    covered = 0  # "trên" inside "nêu trên" is not a word of its own
    for start, end in words:
        if start < covered:
            continue
        covered = end
        if not key[start - 1: start].isspace():
            continue
        last_word = key[max(0, start - 12): start].split()[-1:]
        if not last_word or last_word[0] not in _type_last_words():
            continue
        t = _search_word(_anaphora_regex(), key, max(0, start - 30), start)
        if t and not symbols.symbol_regex().match(doc.text, end + 1):
            out.append(CitedMention(start=t.start(), end=end, type=_type_words()[" ".join(t["type"].split())],
                             refers_back=True))
    return out


def _citation(doc: Document, mentions: list[CitedMention], basis) -> tuple[dict, list[Warning]]:
    """The fields of the citation a group of mentions makes (validated with the others in
    `find_citations`), and its warnings."""
    warnings: list[Warning] = []
    full = [f for f in mentions if not f.refers_back]
    # a mention in a title written in capitals only gives way to one in running text, so the
    # (costly) test is made only where there is a choice, or where the mention would be a basis,
    # once for each mention, and only as far as the mentions are read
    in_title: dict[int, bool] = {}

    def in_caps(f: CitedMention) -> bool:
        if f.start not in in_title:
            in_title[f.start] = _in_caps_line(doc.text, f.start)
        return in_title[f.start]

    only_titles = len(full) == 1 or all(map(in_caps, full))

    def first_plain(field: str):
        """`field` of the first mention in running text that has it (of any mention if none is
        in running text); the capitals test only for mentions that have it."""
        for f in full:
            value = getattr(f, field)
            if value and (only_titles or not in_caps(f)):
                return value
        return None

    first = full[0] if only_titles else next(f for f in full if not in_caps(f))
    typed = [f for f in full if f.type_from_word] or full
    dates = {f.date for f in full if f.date}
    if len(dates) > 1:
        warnings.append(Warning(code="citation_date_conflict", location=first.start,
                                message=f"{first.number or first.name}: cited with different dates "
                                        f"({', '.join(sorted(dates))})"))
    is_basis = any(basis(f.start) and not in_caps(f) for f in full)
    citation = dict(
        type=typed[0].type, number=first.number, name=first_plain("name") if first.number else first.name,
        date=dates.pop() if len(dates) == 1 else None,
        issuer=first_plain("issuer"), subject=first_plain("subject"),
        role="basis" if is_basis else "reference",
        text=doc.text[first.start: first.end], start=first.start, end=first.end,
        mentions=[{"start": f.start, "end": f.end, "text": doc.text[f.start: f.end]} for f in mentions])
    return citation, warnings


# ---------------------------------------------------------------- validate


@cache
def _compatible_pairs() -> frozenset[tuple[str, str]]:
    """(type word, symbol kind code in upper case) pairs that are not a mismatch."""
    return frozenset((a, b.upper()) for a, b in symbols.grammar()["compatible"]["pairs"])


def _validate(f: CitedMention, info: DocumentInfo, today: date) -> list[Warning]:
    warnings = []
    label = f.number or f.name
    if f.symbol and f.type_from_word and f.type not in symbols.grammar()["compatible"]["wildcard_types"]:
        kind = f.symbol.kind
        code = (f.symbol.kind_code or "").upper()
        if kind and kind.name != f.type and (f.type, code) not in _compatible_pairs():
            warnings.append(Warning(code="citation_type_mismatch", location=f.start,
                                    message=f"{f.type} số {label}: the symbol names a {kind.name} ({f.symbol.kind_code})"))
    if f.symbol and symbols.year_missing(f.symbol):
        warnings.append(Warning(code="citation_missing_year", location=f.start,
                                message=f"{f.type} số {label}: a legal normative symbol without its year"))
    if f.date_text and f.date is None:
        warnings.append(Warning(code="citation_bad_date", location=f.date_at,
                                message=f"{label}: '{f.date_text}' is not a real date"))
    elif f.date:
        if f.date > today.isoformat() or f.date < "1945-09-02":
            warnings.append(Warning(code="citation_bad_date", location=f.date_at,
                                    message=f"{label}: dated {f.date}, outside the possible range"))
        elif info.date and f.date > info.date:
            warnings.append(Warning(code="citation_after_document", location=f.date_at,
                                    message=f"{label}: dated {f.date}, after the document itself ({info.date})"))
        if f.symbol and f.symbol.year and f.date[:4] != str(f.symbol.year):
            warnings.append(Warning(code="citation_bad_date", location=f.date_at,
                                    message=f"{label}: dated {f.date} but the symbol says {f.symbol.year}"))
    return warnings


# ---------------------------------------------------------------- entry point


def find_mentions(doc: Document, info: DocumentInfo | None = None) -> list[CitedMention]:
    """Every mention of a cited document in the text, in order (before grouping)."""
    info = info or DocumentInfo()
    matches = list(symbols.finditer(doc.text))  # every symbol, found once for both uses
    numbered = _find_numbered(doc, _own_numbers(doc, info, matches), matches)
    _law_names_for_numbers(doc, numbered)
    _share_issuers(doc, numbered)
    found = numbered + _find_standards(doc) + _find_named(doc) + _find_anaphora(doc)
    return sorted(found, key=lambda f: f.start)


def find_citations(doc: Document, sections: list[Section], info: DocumentInfo) -> tuple[list[Citation], list[Warning]]:
    found = find_mentions(doc, info)
    basis = _basis_test(doc, sections)
    today = date.today()
    citations, warnings = [], []
    for group in _resolve(doc, found):
        citation, group_warnings = _citation(doc, group, basis)
        citations.append(citation)
        warnings += group_warnings
        for f in group:
            warnings += _validate(f, info, today)
    return _CITATIONS.validate_python(citations), warnings


_CITATIONS = TypeAdapter(list[Citation])  # all of a document's citations validated in one call
