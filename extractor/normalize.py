"""Text clean-up that every reader's output goes through, and the matching key analysers use.

The normalised text keeps the document's own spelling (old tone placement "hoà", "uỷ" stays as
written); `match_key` folds case and tone placement without changing length, so a regex run on
the key gives offsets that are valid in the text.
"""
from __future__ import annotations

import re
import string
import unicodedata

from .blocks import Block, RawDocument

_OTHER_SPACES = "\t\u00a0\u2000-\u200b\u202f\u205f\u3000"
# runs of spaces that become one " ": two or more, or one that is not " " (matching every lone
# " " too would cost a substitution per word for nothing)
_SPACES = re.compile(rf"[ {_OTHER_SPACES}]{{2,}}|[{_OTHER_SPACES}]")
_OTHER_SPACE = re.compile(rf"[{_OTHER_SPACES}]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# markdown emphasis left over from legal-database exports: "**bold**" anywhere, "*italic*" at the
# edges of a line (a lone "*" inside a sentence may be a footnote mark and stays)
_MARKDOWN_EMPHASIS = re.compile(r"\*{2,}|^\*(?=\S)|(?<=\S)\*$")


def clean_line(text: str) -> str:
    """NFC, no zero-width characters, no markdown emphasis, single spaces, no outer spaces."""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable() and "*" not in text and "  " not in text:
        # most lines: zero-width characters and spaces other than " " are all unprintable, so
        # only the outer spaces are left to go (a check far quicker than the regexes below)
        return text.strip()
    text = _ZERO_WIDTH.sub("", text)
    if "*" in text:
        text = _MARKDOWN_EMPHASIS.sub("", text)
    if "  " in text or _OTHER_SPACE.search(text):  # the substitution stops at every space
        text = _SPACES.sub(" ", text)
    return text.strip()


def clean_block_text(text: str) -> str:
    """Clean each line of a block; blank lines inside a block are dropped."""
    if "\n" not in text and "\r" not in text:
        return clean_line(text)  # one line (most blocks)
    lines = (clean_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def normalize(raw: RawDocument) -> RawDocument:
    """Clean every block's text (and every table cell); drop blocks left empty."""
    blocks: list[Block] = []
    for block in raw.blocks:
        if block.rows:
            for row in block.rows:
                for cell in row:
                    cell.text = clean_block_text(cell.text)
            if any(cell.text for row in block.rows for cell in row):
                blocks.append(block)
            continue
        block.text = clean_block_text(block.text)
        if block.text:
            blocks.append(block)
    raw.blocks = blocks
    return raw


# Old tone placement (hoà, hoá, uỷ, thuý) -> new (hòa, hóa, ủy, thúy): the tone moves from the
# second vowel of oa/oe/uy back onto the first, when nothing follows in the syllable; after "q"
# the "u" is part of the consonant ("quý", "quà") and the tone stays.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_TONE = re.compile(rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONES}])(?![A-Za-z\u0300-\u036f])")


# The same rule on NFC text, where the pair is two characters: "o"/"u", then an "a"/"e"/"y" that
# carries a tone and nothing else. The document text is NFC (clean_line makes it so), so its key
# needs no decomposition and recomposition of the whole text.
def _toned_vowels() -> dict[str, str]:
    """"à" -> "a\u0300", ... for every a/e/y (either case) with one tone mark and no other mark."""
    vowels = {}
    for c in map(chr, range(0xC0, 0x1F00)):
        decomposed = unicodedata.normalize("NFD", c)
        if len(decomposed) == 2 and decomposed[0] in "aAeEyY" and decomposed[1] in _TONES:
            vowels[c] = decomposed
    return vowels


_TONED_VOWELS = _toned_vowels()
# (o/u first, then the look back for "q": much faster than a look back at every position)
_OLD_TONE_NFC = re.compile(rf"[oOuU](?<![qQ].)[{''.join(_TONED_VOWELS)}]")


def retone(text: str) -> str:
    """Old-style tone placement to new style; same length in NFC."""
    if not unicodedata.is_normalized("NFC", text):
        decomposed = unicodedata.normalize("NFD", text)
        moved = _OLD_TONE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
        return unicodedata.normalize("NFC", moved)
    return _OLD_TONE_NFC.sub(_move_tone, text)


def _move_tone(m: re.Match) -> str:
    """"oà" -> "òa" unless a letter or mark of the same syllable follows."""
    after = m.string[m.end():m.end() + 1]
    if after:
        first = unicodedata.normalize("NFD", after)[0]
        if first in string.ascii_letters or "\u0300" <= first <= "\u036f":
            return m.group()
    vowel, tone = _TONED_VOWELS[m.group()[1]]
    return unicodedata.normalize("NFC", m.group()[0] + tone) + vowel


# The rule again for lower-case NFC text, one regex per first vowel: a regex that opens with one
# letter is found much faster than one that opens with a choice of letters. The two never touch
# each other's pairs (a pair's second letter is never "o" or "u").
_LOWER_TONED = "".join(v for v in _TONED_VOWELS if v.islower())
_OLD_TONE_LOWER = (("o", re.compile(rf"o(?<!q.)[{_LOWER_TONED}]")), ("u", re.compile(rf"u(?<!q.)[{_LOWER_TONED}]")))

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # folded to "-"


def match_key(text: str) -> str:
    """Lower case, new tone placement, dashes folded to '-'; exactly as long as `text` (NFC).

    Analysers search the key and use the offsets in the text itself.
    """
    if unicodedata.is_normalized("NFC", text):
        # lower case first, then the tones: the same key as `retone(text).lower()`, since lower
        # case keeps every letter of the rule what it is
        key = text.lower()
        for first, old_tone in _OLD_TONE_LOWER:
            if first in key:
                key = old_tone.sub(_move_tone, key)
    else:
        key = retone(text).lower()
    if len(key) != len(text):  # a character whose lower case changes length (never in Vietnamese)
        return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for dash in _DASHES:
        if dash in key:
            key = key.replace(dash, "-")
    return key


def strip_diacritics(text: str) -> str:
    """'Kế hoạch' -> 'Ke hoach' (đ -> d): for lenient lookups, never for output."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c))
