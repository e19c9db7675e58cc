"""Bytes of a text file -> Unicode, including the legacy Vietnamese encodings TCVN3 (ABC) and VNI.

Plans still circulate as text saved from Word documents set in `.VnTime` (TCVN3) or `VNI-Times`
(VNI) fonts. Their letters come out as Latin-1 symbols ("B¸o c¸o", "Keá hoaïch"), whether the
file was saved as ANSI bytes or the garbled characters were pasted into a UTF-8 file, so
detection works on decoded characters, not on bytes.

Detection scores each candidate reading by how many letters of the Vietnamese alphabet it
yields minus how many symbols typical of the legacy encodings it leaves behind; the reading
with the best score wins. The conversion tables come from the `viparse` package (maintained,
each entry checked against real TCVN3/VNI government documents); it is imported only when a
text actually looks legacy, so ordinary UTF-8 files never pay for it.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .errors import ReadError

# Latin-1 letters that are also Vietnamese letters: genuine Unicode Vietnamese uses them.
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# Every other character from U+00A0..U+00FF is a symbol or a non-Vietnamese letter (µ ¸ ¹ ® ­ ø ï
# û ö ñ ...): in Vietnamese text it is nearly always a TCVN3 or VNI letter seen through Latin-1.
_NBSP_OR_COMMON = set("\u00a0\u00b0\u00ab\u00bb\u00a9\u00b7")  # nbsp, degree, «», ©, middle dot
_RARE_SYMBOLS = bytes(c for c in range(0xA0, 0x100)
                      if chr(c) not in _VIETNAMESE_LATIN1 and chr(c) not in _NBSP_OR_COMMON)
# A few legacy symbols are normal in Unicode text; below this share of the letters, a text with
# some of them is taken as Unicode as it is.
_MIN_LEGACY_SHARE = 0.01
_MIN_LEGACY_COUNT = 3

_VIETNAMESE_LETTER = re.compile(
    "[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠ-Ỹ]")
_WORD = re.compile(r"[^\W\d_]+")
_CONTROLS = bytes([*range(0x00, 0x09), *range(0x0e, 0x20)])
_TONE_MARK = "[\u0300\u0301\u0303\u0309\u0323]"
_TWO_TONES = re.compile(f"{_TONE_MARK}.*{_TONE_MARK}", re.DOTALL)
_UPPER_WORD_LINE = re.compile(r"[A-Z]")
_LOWER_ASCII = re.compile(r"[a-z]")

# VNI marks missing from viparse's table (no document in its corpus had them): ẳ Ẳ.
_VNI_EXTRA = [("aú", "ẳ"), ("AÚ", "Ẳ")]


def decode(data: bytes, name: str = "text") -> str:
    """The text of a file's bytes: BOMs, UTF-8, UTF-16, Windows-1258, TCVN3 and VNI.

    Raises `ReadError("not_text")` for binary data. The result is not yet NFC (Windows-1258
    writes tones as combining marks); `normalize.clean_line` composes it.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return fix_legacy(data[3:].decode("utf-8", errors="replace"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return fix_legacy(data.decode("utf-16", errors="replace"))
    head = data[:4096]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16 is None:
            raise ReadError("not_text", f"{name}: binary data, not text")
        text = data.decode(utf16, errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, converted = _decode_8bit(data)
            if _looks_binary(text):
                raise ReadError("not_text", f"{name}: binary data, not text")
            return converted if converted is not None else fix_legacy(text)
    if _looks_binary(text):
        raise ReadError("not_text", f"{name}: binary data, not text")
    return fix_legacy(text)


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL (ASCII-heavy UTF-16), else None."""
    even, odd = head[0::2], head[1::2]
    if not odd:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    # in UTF-8 a control character is one byte of its own (other characters write no byte below 0x20)
    controls = _count_bytes(sample.encode("utf-8", "surrogatepass"), _CONTROLS)
    return controls > 0.05 * len(sample) or sample.count("\ufffd") > 0.2 * len(sample)


def _count_bytes(data: bytes, which: bytes) -> int:
    """How many of `data`'s bytes are among `which` (one pass in C)."""
    return len(data) - len(data.translate(None, which))


def _rare_symbols(text: str) -> int:
    """How many characters of the text are legacy symbols (`_RARE_SYMBOLS`).

    They are all below U+0100, so they are counted on the text's Latin-1 bytes (the characters
    Latin-1 cannot write left out), where each is one byte.
    """
    return _count_bytes(text.encode("latin-1", "ignore"), _RARE_SYMBOLS)


def _decode_8bit(data: bytes) -> tuple[str, str | None]:
    """Not UTF-8: Windows-1258, or TCVN3/VNI bytes read as Latin-1.

    (text, its TCVN3/VNI conversion) when the bytes are legacy, else (Windows-1258 text, None).
    """
    cp1258 = data.decode("cp1258", errors="replace")
    latin1 = data.decode("latin-1")
    legacy, converted, score = _legacy_reading(latin1)
    if legacy and (score_bound(cp1258) < score or score > legacy_score(cp1258)):
        return latin1, converted
    return cp1258, None


def legacy_score(text: str) -> int:
    """How readable as Vietnamese: good words minus twice the bad words and legacy symbols.

    A good word holds a Vietnamese letter outside ASCII and at most one tone mark (a Vietnamese
    syllable has one); a word with two tones is what a wrong table produces ("chöùc" read as
    TCVN3 gives "chửực").
    """
    text = unicodedata.normalize("NFC", text)
    good = bad = 0
    for word, times in Counter(_WORD.findall(text)).items():  # each distinct word judged once
        if word.isascii() or not _VIETNAMESE_LETTER.search(word):
            continue
        if _TWO_TONES.search(unicodedata.normalize("NFD", word)):
            bad += times
        else:
            good += times
    bad += _rare_symbols(text)
    bad += text.count("\ufffd") + sum(text.count(c) for c in set(text) if unicodedata.combining(c))
    return good - 2 * bad


def score_bound(text: str) -> int:
    """A quick upper bound of `legacy_score`: its non-ASCII characters less three per legacy symbol.

    A good word holds a Vietnamese letter outside ASCII, never a legacy symbol, so there are no
    more good words than non-ASCII characters that are not symbols; and each symbol is bad.
    """
    text = unicodedata.normalize("NFC", text)
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return non_ascii - 3 * _rare_symbols(text)


def looks_legacy(text: str) -> bool:
    """Cheap test: enough TCVN3/VNI symbols that converting is worth trying."""
    symbols = _rare_symbols(text)
    if symbols < _MIN_LEGACY_COUNT:
        return False
    if symbols >= _MIN_LEGACY_SHARE * len(text):  # a share of all characters: of the letters too
        return True
    letters = sum(map(len, _WORD.findall(text)))
    return symbols >= _MIN_LEGACY_SHARE * max(letters, 1)


def detect_legacy(text: str) -> str | None:
    """'tcvn3' or 'vni' when converting gives clearly more Vietnamese, else None (Unicode)."""
    return _legacy_reading(text)[0]


def fix_legacy(text: str) -> str:
    """Text converted from TCVN3 or VNI when it is written in one of them; otherwise unchanged."""
    return _legacy_reading(text)[1]


def _legacy_reading(text: str) -> tuple[str | None, str, int | None]:
    """(encoding or None, the text read in it, its legacy_score; None when not even tried).

    Keeps the winning conversion, so that deciding and converting take one conversion per
    candidate table. The readings are scored from the highest `score_bound` down, and one
    whose bound is below the best score so far is not scored at all (scoring is the slow part);
    of equal scores the first reading wins: the text as it is, then TCVN3, then VNI.
    """
    if not looks_legacy(text):
        return None, text, None
    readings = [(None, text)] + [(name, convert_legacy(text, name)) for name in ("tcvn3", "vni")]
    bounds = [score_bound(reading) for _, reading in readings]
    scores: dict[int, int] = {}
    for i in sorted(range(len(readings)), key=lambda i: -bounds[i]):
        if not scores or bounds[i] >= max(scores.values()):
            scores[i] = legacy_score(readings[i][1])
    best = max(scores, key=lambda i: (scores[i], -i))
    return readings[best][0], readings[best][1], scores[best]


def convert_legacy(text: str, encoding: str) -> str:
    """Convert TCVN3 ('tcvn3') or VNI ('vni') characters to Unicode NFC."""
    if any(c in text for c in _PDF_GLYPHS):
        from viparse.normalize.tables import convert

        converted = convert(text, _charmaps()[encoding])  # it also restores the glyphs
    else:
        converted = _convert(text, encoding)
    if encoding == "tcvn3":
        converted = _restore_capitals(converted)
    return converted


# Characters a PDF text layer puts for a legacy byte (minus sign for TCVN3 "ư", ...): viparse's
# `convert` puts the letters back, by their neighbours, before converting.
_PDF_GLYPHS = ("\u2212", "\u2219")


def _convert(text: str, encoding: str) -> str:
    """viparse's `convert` (longest legacy sequence first, left to right, then NFC) as one regex
    split: the same table, many times faster than its scan character by character."""
    pattern, table = _sequences(encoding)
    pieces = pattern.split(text)  # the pattern captures: the legacy sequences are the odd pieces
    pieces[1::2] = [table[sequence] for sequence in pieces[1::2]]
    return unicodedata.normalize("NFC", "".join(pieces))


@lru_cache(maxsize=2)
def _sequences(encoding: str) -> tuple[re.Pattern, dict[str, str]]:
    pairs = _charmaps()[encoding].pairs  # longest sequence first: the alternation tries them in order
    return re.compile("(" + "|".join(re.escape(seq) for seq, _ in pairs) + ")"), dict(pairs)


@lru_cache(maxsize=1)
def _charmaps():
    from viparse.normalize.tables import build_charmap
    from viparse.normalize.tcvn3 import TCVN3
    from viparse.normalize.vni import VNI

    return {"tcvn3": TCVN3, "vni": build_charmap("vni", list(VNI.pairs) + _VNI_EXTRA)}


def _restore_capitals(text: str) -> str:
    """Put back the capitals TCVN3 cannot write.

    TCVN3 has no accented capitals: a heading set in the capitals font .VnTimeH is typed with
    ASCII capitals plus the lower-case accented bytes ("KÕ HO¹CH" -> "Kế HOạCH"), and a sentence
    that begins with an accented capital ("Ủy ban", "Đề nghị" is fine: Đ exists) gets its lower
    case. A line whose ASCII letters are all capitals is such a heading and is upper-cased; an
    accented lower-case letter that begins a sentence (after a blank line, a line ending in
    . : ; ! ?, a bullet or an outline number, or ". ") is capitalised.
    """
    lines = text.split("\n")
    previous = ""
    for i, line in enumerate(lines):
        if (len(_UPPER_WORD_LINE.findall(line)) >= 3 and not _LOWER_ASCII.search(line)
                and _VIETNAMESE_LETTER.search(line)):
            line = line.upper()
        elif not previous.strip() or _SENTENCE_END.search(previous):
            line = _LINE_START_LETTER.sub(_capitalise, line)
        lines[i] = _SENTENCE_START_LETTER.sub(_capitalise, line)
        previous = line
    return "\n".join(lines)


def _capitalise(match: re.Match) -> str:
    return match.group(1) + match.group(2).upper()


_ACCENTED_LOWER = "àáâãèéêìíòóôõùúýăđĩũơưạ-ỹ"
_SENTENCE_END = re.compile(r"[.:;!?]\W*$")
_LINE_START_LETTER = re.compile(
    rf"^(\s*(?:[-+•]\s+|\d{{1,2}}(?:\.\d{{1,2}})*[.)]\s+|[a-zđ]\)\s+|[IVXLC]+\.\s+)?)([{_ACCENTED_LOWER}])")
_SENTENCE_START_LETTER = re.compile(rf"([.!?]\s+)([{_ACCENTED_LOWER}])")
