"""Issuer -> administrative unit: its level, the province it named, the province it is in now.

Provinces were merged (63 -> 34) and districts abolished on 1 July 2025. A document keeps the
unit it was issued by; the report shows the current province beside it. The current lists (34
provinces, the wards) come from the `vietnam-provinces` package; it has no pre-merger data, so
the old -> new province table is data/province_mergers_2025.tsv (Nghị quyết 202/2025/QH15).
The level is read from the words that open the issuer (data/issuer_levels.toml).
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .normalize import match_key

MERGER_DATE = "2025-07-01"  # Nghị quyết 202/2025/QH15 and the end of the district level
# Who may name the province: "UBND tỉnh X", "Sở Nội vụ tỉnh X", "thành phố X", "TP. X", "Tỉnh ủy X".
_PROVINCE_CUE = r"(?:tỉnh|thành phố|tp\.?|tỉnh ủy|thành ủy)\s+"
_WARD_NAME = re.compile(r"(?<!\w)(xã|phường|đặc khu)\s+(\w+(?:\s+\w+){0,3}?)(?=\s*(?:,|;|$|\s+(?:tỉnh|thành phố|tp\b|huyện|quận|thị xã)\b))")


@dataclass(frozen=True)
class Province:
    old_name: str       # as before 1 July 2025
    current: str        # one of the 34, as vietnam-provinces names it
    centrally_run: bool  # a thành phố trực thuộc trung ương (before the merger)
    merged: bool         # joined another province: its own name is gone


@dataclass(frozen=True)
class Unit:
    issuer: str | None          # the issuing body as the document names it
    level: str                  # trung ương, bộ, tỉnh, sở, huyện, phòng, "xã, phường", other
    province: str | None = None       # the province the document names (old name when pre-merger)
    province_now: str | None = None   # the one of the 34 it belongs to now
    ward_now: str | None = None       # the official current ward, when the issuer is one
    note: str = ""

    @property
    def current(self) -> str:
        """The unit now, for people: 'Phường Hoàn Kiếm, Thành phố Hà Nội'."""
        return ", ".join(x for x in (self.ward_now, self.province_now) if x)


@cache
def provinces() -> tuple[dict[str, Province], re.Pattern]:
    """Every spelling (match key) -> Province, and one regex that finds them after a cue word."""
    from vietnam_provinces import Province as CurrentProvince
    from vietnam_provinces import VietNamDivisionType

    current = {p.name: p for p in CurrentProvince.iter_all()}
    by_key: dict[str, Province] = {}
    text = resources.files("extractor.data").joinpath("province_mergers_2025.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    merged_into = Counter(row[2] for row in rows)
    spellings: list[tuple[str, Province]] = []
    for _, old, now, *aliases in rows:
        if now not in current:
            raise ValueError(f"province_mergers_2025.tsv: '{now}' is not one of the current provinces")
        run = current[now].division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG and \
            match_key(now).endswith(match_key(old))
        province = Province(old, now, run, merged_into[now] > 1 and _fold(old) != _fold(now.removeprefix("Thành phố ")))
        spellings += [(old, province)] + [(a, province) for a in "|".join(aliases).split("|") if a]
    for name, province in spellings:  # an old name wins over an alias spelt the same
        by_key.setdefault(_fold(name), province)
    alternatives = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(by_key, key=len, reverse=True))
    return by_key, re.compile(rf"(?<!\w){_PROVINCE_CUE}({alternatives})(?!\w)")


def _fold(name: str) -> str:
    return " ".join(match_key(name).replace("–", "-").replace(" - ", " ").replace("-", " ").split())


@cache
def _level_rules() -> tuple[tuple[str, re.Pattern], ...]:
    data = tomllib.loads(resources.files("extractor.data").joinpath("issuer_levels.toml").read_text(encoding="utf-8"))
    return tuple((r["level"], re.compile(r["pattern"])) for r in data["rule"])


@cache
def _wards() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(kind, name key) -> [(official ward name, current province)] from vietnam-provinces."""
    from vietnam_provinces import Province as CurrentProvince
    from vietnam_provinces import Ward

    names = {p.code: p.name for p in CurrentProvince.iter_all()}
    wards: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for w in Ward.iter_all():
        kind = w.division_type.value
        name = w.name[len(kind):].strip() if match_key(w.name).startswith(kind) else w.name
        wards.setdefault((kind, _fold(name)), []).append((w.name, names[w.province_code]))
    return wards


def find_province(text: str | None) -> Province | None:
    """The first province named after a cue word ('UBND tỉnh Lâm Đồng', 'TP. Hồ Chí Minh'),
    or the text itself when it is just a province's name (a place line: 'Đắk Lắk')."""
    if not text:
        return None
    by_key, pattern = provinces()
    key = _fold(text)
    if key in by_key:
        return by_key[key]
    m = pattern.search(key)
    return by_key[" ".join(m.group(1).split())] if m else None


def issuer_level(issuer: str | None, date: str | None = None, province: Province | None = None) -> str:
    """The level of the issuing body, from the words that open its name."""
    if not issuer:
        return "other"
    key = " ".join(match_key(issuer).split())
    for level, pattern in _level_rules():
        if pattern.search(key):
            if level != "thanh_pho":
                return level
            # A city is a province when it is centrally run; before 1/7/2025 any other city was a
            # district-level unit, and from then on there are none left.
            if (province and province.centrally_run) or (date and date >= MERGER_DATE):
                return "tỉnh"
            return "huyện"
    return "other"


def resolve_unit(issuer: str | None, date: str | None = None, hints: tuple[str, ...] = ()) -> Unit:
    """Resolve a document's issuer (as `find_metadata` writes it: 'UBND phường Hòa Minh, UBND
    thành phố Đông Hải') to its unit. `hints` are other texts that may name the province, best
    first: the place line, the header lines, the issuers of the documents it is based on."""
    province = find_province(issuer)
    found_in = "issuer" if province else ""
    if issuer_level(issuer, date, province) in ("trung ương", "bộ"):
        hints = ()  # a ministry's place line ('Hà Nội') is not a province it belongs to
    for hint in hints:
        if province:
            break
        province = find_province(hint)
        found_in = "document" if province else ""
    level = issuer_level(issuer, date, province)
    pre_merger = bool(date and date < MERGER_DATE)
    notes = []
    ward_now = None
    if issuer and level == "xã, phường" and not pre_merger:
        ward_now, ward_province, ward_note = _current_ward(issuer, province)
        notes.append(ward_note)
        if ward_province and not province:
            province = next(p for p in provinces()[0].values() if p.current == ward_province)
            found_in = "current list of wards"
    if found_in in ("document", "current list of wards"):
        notes.append(f"province read from the {found_in}")
    # A document keeps the province it was issued in: the old name before the merger, or when an
    # undated issuer names a province that no longer exists.
    named_old = province is not None and province.merged and (pre_merger or (date is None and found_in == "issuer"))
    if named_old:
        notes.append(f"tỉnh {province.old_name} merged into {province.current} on 1/7/2025")
    elif province and province.merged and found_in == "issuer":
        notes.append(f"names tỉnh {province.old_name}, merged into {province.current} on 1/7/2025")
    if level == "huyện":
        notes.append("a district: that level ended on 1/7/2025" if pre_merger or not date
                     else "a district-level issuer after 1/7/2025, when districts no longer exist")
    if level == "xã, phường" and pre_merger:
        notes.append("communes were rearranged on 1/7/2025: the current ward is not resolved")
    as_issued = pre_merger or (date is None and found_in == "issuer")
    return Unit(issuer=_issuer_proper(issuer), level=level,
                province=(province.old_name if as_issued else province.current) if province else None,
                province_now=province.current if province else None, ward_now=ward_now,
                note="; ".join(n for n in dict.fromkeys(notes) if n))


def _issuer_proper(issuer: str | None) -> str | None:
    """'Sở Nội vụ, UBND tỉnh Lâm Đồng' -> 'Sở Nội vụ': metadata appends the parent body after
    the last ', UBND …' / ', Sở …'; a comma inside a body's own name stays."""
    if not issuer:
        return None
    m = re.search(r",\s+(?=(?:UBND|Ủy ban|Uỷ ban|HĐND|Sở|Bộ|Cục|Tỉnh ủy|Thành ủy|Huyện ủy)\b)", issuer)
    return issuer[: m.start()] if m else issuer


def _current_ward(issuer: str, province: Province | None) -> tuple[str | None, str | None, str]:
    """The official ward named by the issuer, from the current list; ambiguous names need the
    province."""
    proper = " ".join((_issuer_proper(issuer) or "").split())
    m = _WARD_NAME.search(match_key(proper))
    if not m:
        return None, None, ""
    kind, name = m.group(1), _fold(m.group(2))
    written = proper[m.start():m.end()]
    candidates = _wards().get((kind, name), [])
    if province:
        candidates = [c for c in candidates if c[1] == province.current]
    if len(candidates) == 1:
        return candidates[0][0], candidates[0][1], ""
    if not candidates:
        return None, None, f"{written}: not in the current list of wards"
    return None, None, f"{written}: {len(candidates)} wards of that name; the province is not named"
