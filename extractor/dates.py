"""Dates as Vietnamese documents write them, to ISO 8601.

"ngày 15/7/2021", "15-7-2021", "15.7.2021", "ngày 19 tháng 01 năm 2024" -> "2021-07-15"...
`find_dates` gives every date in a text with its span; `date_at_start` the one a text opens with;
`to_iso` parses one date expression.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# "ngày 19 tháng 01 năm 2024" (also without "ngày", with line breaks or extra spaces between parts)
_WORDS = re.compile(r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
# "15/7/2021", "15-7-2021", "15.7.2021" (not part of a longer number or symbol)
_NUMERIC = re.compile(r"(?<![\d/.\-])(\d{1,2})\s?([/.\-])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\d/])")


@dataclass(frozen=True)
class FoundDate:
    iso: str | None  # None for an impossible date such as 31/02/2024
    start: int
    end: int
    text: str


def _iso(day: str, month: str, year: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[FoundDate]:
    found = [FoundDate(_iso(m[1], m[2], m[3]), m.start(), m.end(), m[0]) for m in _WORDS.finditer(text)]
    found += [FoundDate(_iso(m[1], m[3], m[4]), m.start(), m.end(), m[0]) for m in _NUMERIC.finditer(text)]
    return sorted(found, key=lambda d: d.start)


def date_at_start(text: str) -> FoundDate | None:
    """The date `text` starts with, or None: the first of `find_dates(text)` when it is at 0,
    found without scanning the rest of the text."""
    m = _WORDS.match(text)
    if m:
        return FoundDate(_iso(m[1], m[2], m[3]), 0, m.end(), m[0])
    m = _NUMERIC.match(text)
    if m:
        return FoundDate(_iso(m[1], m[3], m[4]), 0, m.end(), m[0])
    return None


def to_iso(text: str) -> str | None:
    """The first date in `text` as ISO, or None."""
    found = find_dates(text)
    return found[0].iso if found else None
