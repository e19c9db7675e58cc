"""Page chrome around a document copied from (or published on) a government web portal.

Text copied from a portal page carries the page with it: a banner and menu section above the
document, a view counter ("Lượt xem: 131") and "Tài liệu đính kèm: Tải về" inside it, and below
it "Tin liên quan", a visitor counter ("Thống kê truy cập") and the portal footer. The phrases
are data (data/page_chrome.toml); this module only decides where they apply:

- `remove_lines`: the line goes wherever it is;
- `tail_markers`: the line and everything after it go, when it is in the second half of the
  text (a document never ends with "Tin liên quan"; early on, only the line goes);
- `head_lines`, and any lines above the document's header or title when the page had chrome:
  menu and banner lines before the document's first line go.

Used by the .txt reader (on lines) and the .html reader (on the text of the page's blocks).
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from itertools import islice
from importlib import resources

from ..doctypes import document_types

_MARKUP = re.compile(r"[*#>|_]+")


@cache
def _chrome_table() -> dict[str, list[str]]:
    text = resources.files("extractor.data").joinpath("page_chrome.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def _patterns() -> dict[str, re.Pattern]:
    """One pattern per list of page_chrome.toml; "chrome": any tail marker (its group "tail"
    set) or line to remove, to tell both with one match; "first_word": in the folded text of
    lines (`_folded_lines`, after a line break), a line that begins with a first word of chrome."""
    table = _chrome_table()
    sources = {name: "(?:" + "|".join(f"(?:{p})" for p in table[name]) + r")\Z"
               for name in ("remove_lines", "tail_markers", "head_lines")}
    sources["chrome"] = f"(?P<tail>{sources['tail_markers']})|{sources['remove_lines']}"
    first_words = "|".join(map(re.escape, table["first_words"]))
    sources["first_word"] = rf"\n([^\S\n]*+(?:{first_words}).*)"
    return {name: re.compile(source) for name, source in sources.items()}


@cache
def _kind_names() -> frozenset[str]:
    """Names of document kinds as line keys ("kế hoạch", "báo cáo"): a title line is one."""
    return frozenset(line_key(t.name) for t in document_types())


def line_key(line: str) -> str:
    """The form chrome is matched on: NFC, folded case, no markdown marks, single spaces."""
    if not line.isascii() and not unicodedata.is_normalized("NFC", line):
        line = unicodedata.normalize("NFC", line)
    if "*" in line or "|" in line or "#" in line or "_" in line or ">" in line:
        line = _MARKUP.sub(" ", line)
    return single_spaced(line).casefold()


def single_spaced(text: str) -> str:
    """The text with every run of white space made one space, and none at its ends.

    Every white-space character but the space is unprintable, so a printable text without
    two spaces in a row and without a space at either end is already single-spaced.
    """
    if text.isprintable() and "  " not in text and not text.startswith(" ") and not text.endswith(" "):
        return text
    return " ".join(text.split())


_MAX_CHROME_LINE = 160  # page chrome lines are short; a longer line is matched as it is, only stripped


def is_chrome_line(line: str) -> bool:
    return bool(_patterns()["remove_lines"].match(line_key(line)))


def is_tail_marker(line: str) -> bool:
    return bool(_patterns()["tail_markers"].match(line_key(line)))


def _line_keys(lines: list[str]) -> list[str]:
    """`line_key` of each line shorter than `_MAX_CHROME_LINE`, any other line stripped."""
    short = [i for i, line in enumerate(lines) if 0 < len(line) < _MAX_CHROME_LINE]
    folded = _folded_lines([lines[i] for i in short])
    if folded is None:  # a line holds a line break (html blocks can)
        return [_key(line) for line in lines]
    keys = [line.strip() for line in lines]  # (an empty line's key is empty)
    for i, key in zip(short, folded.split("\n")):
        keys[i] = single_spaced(key)
    return keys


def _folded_lines(lines: list[str]) -> str | None:
    """The lines' keys but for their spaces, joined by line breaks (None when a line holds one).

    The lines are normalised, unmarked and case-folded as one text: each of these steps treats
    every character on its own or, for NFC, stops at a line break (nothing composes with one),
    so the text's lines are the lines' keys once their spaces are collapsed (case folding
    neither makes nor removes white space).
    """
    text = "\n".join(lines)
    if lines and text.count("\n") > len(lines) - 1:
        return None
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    for mark in "*#>|_":  # (one space a mark: the spaces are collapsed after, as after _MARKUP)
        if mark in text:
            text = text.replace(mark, " ")
    return text.casefold()


def _key(line: str) -> str:
    """A line's key, as `_line_keys` gives it: `line_key` of a short line, any other stripped."""
    return line_key(line) if 0 < len(line) < _MAX_CHROME_LINE else line.strip()


def _may_hold_chrome(lines: list[str]) -> bool:
    """False when no line is chrome (tail marker or line to remove), found without the key of
    every line: a short line is matched only when it begins with a first word of chrome."""
    is_chrome = _patterns()["chrome"].match
    short = [line for line in lines if 0 < len(line) < _MAX_CHROME_LINE]
    folded = _folded_lines(short)
    if folded is None:
        return True  # (decided line by line, on the keys)
    if any(is_chrome(single_spaced(line)) for line in _patterns()["first_word"].findall("\n" + folded)):
        return True
    return any(is_chrome(line.strip()) for line in lines if len(line) >= _MAX_CHROME_LINE)


def _head_keys(lines: list[str]) -> list[str]:
    """The keys of the lines at the top that `_document_start` looks at when no line was removed:
    down to the first non-blank one when it is no menu line (`head_lines`), else down to the
    last it looks at."""
    is_menu = _patterns()["head_lines"].match
    keys = []
    nonblank = 0
    for line in lines:
        keys.append(_key(line))
        if keys[-1]:
            nonblank += 1
            if nonblank == _HEADER_SEARCH_LINES or (nonblank == 1 and not is_menu(keys[-1])):
                break
    return keys


# Lines that belong to a document's own header (issuer, Quốc hiệu, number, place and date, title)
_HEADER_LINE = re.compile(
    r"(ủy ban|uỷ ban|ubnd|hđnd|hội đồng|sở |bộ |ban |văn phòng|đảng|huyện ủy|huyện uỷ|tỉnh ủy|tỉnh uỷ"
    r"|thành ủy|thành uỷ|quận ủy|quận uỷ|đảng ủy|đảng uỷ|chi bộ|phòng |cục |tổng cục|trường |công an"
    r"|cộng hòa|cộng hoà|độc lập|số\s*[:\d]|v/v|[\w ]{2,30}, ngày|kính gửi|-{3,})")
_HEADER_SEARCH_LINES = 15


def strip_page_chrome(lines: list[str]) -> list[str]:
    """The lines of a document without the page around it (blank lines are kept)."""
    if not _may_hold_chrome(lines):  # most documents: only menu lines at the top to look for
        return lines[_document_start(_head_keys(lines), None):]
    keys = _line_keys(lines)
    is_chrome = _patterns()["chrome"].match
    matches = [is_chrome(key) if key else None for key in keys]
    if not any(matches):
        return lines[_document_start(keys, None):]
    total = sum(map(len, keys)) or 1
    first_chrome: int | None = None  # where, among the kept lines, chrome was first removed
    kept: list[int] = []
    seen = 0
    for i, (key, chrome) in enumerate(zip(keys, matches)):
        seen += len(key)
        if not key:
            kept.append(i)
            continue
        if chrome:
            if first_chrome is None:
                first_chrome = len(kept)
            if seen > total / 2 and chrome["tail"] is not None:
                break
            continue
        kept.append(i)
    start = _document_start([keys[i] for i in kept], first_chrome)
    return [lines[i] for i in kept[start:]]


def _document_start(keys: list[str], first_chrome: int | None) -> int:
    """Index of the document's first line among `keys` (0 when nothing above it is chrome)."""
    head = _patterns()["head_lines"]
    nonblank = list(islice((i for i, k in enumerate(keys) if k), _HEADER_SEARCH_LINES))
    start = 0
    # menu / breadcrumb lines at the very top
    for i in nonblank:
        if head.match(keys[i]):
            start = i + 1
            first_chrome = 0
        else:
            break
    # A document title ("KẾ HOẠCH") near the top, with page chrome above it: what precedes it
    # that is not the document's header is chrome too (slogan banners, the page's headline).
    for n, i in enumerate(nonblank):
        if i < start or first_chrome is None or first_chrome > i or keys[i] not in _kind_names():
            continue
        first = i
        for j in reversed(nonblank[:n]):
            if j < start or not _HEADER_LINE.match(keys[j]):
                break
            first = j
        return first
    return start
