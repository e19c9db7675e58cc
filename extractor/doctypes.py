"""The table of document kinds (data/document_types.tsv), loaded once."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources



@dataclass(frozen=True)
class DocType:
    name: str  # "Kế hoạch"
    abbreviations: tuple[str, ...]  # ("KH",)
    code: str  # result code: "ke_hoach"
    family: str  # normative, administrative, party


@cache
def document_types() -> tuple[DocType, ...]:
    text = resources.files("extractor.data").joinpath("document_types.tsv").read_text(encoding="utf-8")
    types = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, abbr, code, family = line.split("\t")
        types.append(DocType(name, tuple(a for a in abbr.split(",") if a), code, family))
    # longest name first, so "Nghị quyết liên tịch" wins over "Nghị quyết"
    return tuple(sorted(types, key=lambda t: -len(t.name)))


@cache
def by_abbreviation() -> dict[str, DocType]:
    return {a.upper(): t for t in document_types() for a in t.abbreviations}
