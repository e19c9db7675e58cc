"""The số/ký hiệu grammar: what a document number looks like, and what it says about the document.

Families (Nghị định 30/2020/NĐ-CP Phụ lục I; Luật BHVBQPPL Điều 8; Quy định 66-QĐ/TW):
    248/KH-UBND, 5919/UBND-TTPVHCC         administrative: number/KIND-ISSUER or number/ISSUER-UNIT
    16/2015/NĐ-CP, 71/2014/TTLT-BTC-BNV    normative, with the year
    59/2020/QH14                           National Assembly, no hyphen
    27-NQ/TW, 95-HD/BTGQU                  party: number-KIND/ISSUER
    30c/NQ-CP, 2775/SNV-CCHC&VTLT          letter suffixes, "&" inside a part
Real text adds spaces and dashes ("08 - CTr/TU", "16/2015/NĐ -CP", "27/NQ- TW") and breaks a
symbol across lines right after a separator ("117/QĐ-" ⏎ "UBND"). `SYMBOL` finds all of these in
the document text (case matters: codes are upper case); `normalise` gives the number as printed
minus spaces, with dashes folded to "-".
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from .doctypes import DocType, by_abbreviation


@cache
def grammar() -> dict:
    """data/citation_grammar.toml, loaded once."""
    text = resources.files("extractor.data").joinpath("citation_grammar.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


# U+FFFE: a hyphen some PDF fonts map to a noncharacter
_DASH = "\\-\u2010-\u2015\u2212\ufffe"
# the characters that separate a number from its codes: a slash or one of the dashes above
_SEPARATORS = "/-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufffe"


# the end of a symbol: no letter or digit follows (a superscript footnote mark may: "UBND¹"), nor
# a separator that continues it in a shape the grammar does not know
_END = r"(?![^\W\u00b9\u00b2\u00b3\u2070-\u2079])(?![\-\u2010-\u2015\u2212/][^\W\u00b9\u00b2\u00b3\u2070-\u2079])"


@cache
def symbol_regex() -> re.Pattern:
    g = grammar()["symbol"]
    code, number, year = g["code"], g["number"], g["year"]
    # a separator: a slash or dash with at most one space either side, or a slash/dash that ends a
    # line (the symbol continues on the next one); never a bare line break
    sep = rf"(?: ?[/{_DASH}] ?|[/{_DASH}]\n)"
    # no lookbehind at the start: callers check the character before the match with `starts_cleanly`
    return re.compile(
        rf"(?P<number>{number})(?:(?P<year_sep> ?/ ?)(?P<year>{year}))?"
        rf"(?P<first_sep>{sep})(?P<codes>{code}(?:{sep}{code})*){_END}"
    )


@cache
def standard_regex() -> re.Pattern:
    prefixes = "|".join(re.escape(p) for p in sorted(grammar()["standard"]["prefixes"], key=len, reverse=True))
    return re.compile(rf"(?:{prefixes}) ?\d{{1,6}}(?:[-.]\d+)*(?::(?:19|20)\d{{2}})?(?!\w)")


_BEFORE_SYMBOL = re.compile(rf"[\w/.{_DASH}]")


def starts_cleanly(text: str, m: re.Match) -> bool:
    """The match is not the tail of a longer word, number or symbol."""
    return m.start() == 0 or not _BEFORE_SYMBOL.match(text, m.start() - 1)


@cache
def _number_before() -> re.Pattern:
    """A number and the optional space after it, ending where a separator starts."""
    return re.compile(rf"{grammar()['symbol']['number']} ?$")


# how far before its first separator a symbol can start: a number of at most 7 characters
# (6 digits and a letter) and a space
_NUMBER_REACH = 8


def _separators(text: str) -> list[int]:
    """Where each separator character is, in order (one `find` per character: a single
    character is found many times faster than a regex scans for a class)."""
    found = []
    for ch in _SEPARATORS:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    return sorted(found)


@cache
def _after_separator() -> re.Pattern:
    """What follows a symbol's first separator: a code, or the year and the next separator
    (a space or a line break may come first). Dates ("15/7/2021") and list dashes fail it at once."""
    g = grammar()["symbol"]
    return re.compile(rf"[ \n]?(?:{g['code']}|{g['year']} ?[/{_DASH}])")


# what the grammar's number ends with (a digit, its small letter suffix) or the space after it
_NUMBER_LAST = frozenset("abcdefghijklmnopqrstuvwxyzđ ")


def finditer(text: str):
    """Every symbol in `text`: the matches of `symbol_regex().finditer(text)` that start cleanly.

    A symbol's number is followed by its first separator (the year's slash or the one before
    the codes), so the regex is tried only where a number ends right before a separator, in
    order, each from the end of the last match, as `finditer` would; a regex scan of the
    whole text for digits costs several times more. Most separators are passed over at once:
    a list's dash or a word's hyphen follows a character no number ends with, and a date's
    slash is not followed by what follows a symbol's first separator.
    """
    rx, number_before, after_separator = symbol_regex(), _number_before(), _after_separator()
    end = 0
    for sep in _separators(text):
        last = text[sep - 1: sep]
        if not last or not (last in _NUMBER_LAST or last.isdecimal()) or not after_separator.match(text, sep + 1):
            continue
        number = number_before.search(text, max(end, sep - _NUMBER_REACH), sep)
        m = number and rx.match(text, number.start())
        if m:
            end = m.end()
            if starts_cleanly(text, m):
                yield m


@dataclass(frozen=True)
class Symbol:
    number: str  # normalised: "08-CTr/TU"
    year: int | None
    codes: tuple[str, ...]  # ("CTr", "TU")
    party: bool  # number-KIND/ISSUER

    @cached_property  # read for the type, the warnings and the year test of every citation
    def kind_code(self) -> str | None:
        """The abbreviation naming the kind of document, if the symbol has one ("KH", "NĐ")."""
        first = self.codes[0] if self.codes else ""
        if first.upper() in by_abbreviation():
            return first
        bare = first.rstrip("0123456789")
        if bare in grammar()["symbol"]["normative_issuers"]:
            return bare
        return None

    @property
    def kind(self) -> DocType | None:
        code = self.kind_code
        return by_abbreviation().get(code.upper()) if code else None

    @property
    def issuer_codes(self) -> tuple[str, ...]:
        return self.codes[1:] if self.kind_code else self.codes


_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufffe]")


def normalise(text: str) -> str:
    """The number as printed, without spaces or line breaks, dashes folded: '08 - CTr/TU' -> '08-CTr/TU'."""
    return _DASHES.sub("-", "".join(text.split()))  # split: at the white space "\s" matches


_CODE_SEPARATOR = re.compile(rf"[\s/{_DASH}]+")


def parse_match(m: re.Match) -> Symbol:
    codes = tuple(c for c in _CODE_SEPARATOR.split(m["codes"]) if c)
    year = m["year"]
    return Symbol(number=normalise(m[0]), year=int(year) if year else None, codes=codes,
                  party=not year and normalise(m["first_sep"]) == "-")


def parse(text: str) -> Symbol | None:
    """The symbol that is the whole of `text`, or None."""
    m = symbol_regex().fullmatch(text.strip())
    return parse_match(m) if m and starts_cleanly(text.strip(), m) else None


def year_missing(symbol: Symbol) -> bool:
    """A legal normative kind (Nghị định, Thông tư) whose symbol lacks its year."""
    code = symbol.kind_code
    return bool(code and code.upper() in _year_required()
                and symbol.year is None and not symbol.party)


@cache
def _year_required() -> frozenset[str]:
    """Kind codes (upper case) whose normative symbols carry the year."""
    return frozenset(c.upper() for c in grammar()["symbol"]["year_required"])
