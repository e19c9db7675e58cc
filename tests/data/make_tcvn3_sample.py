"""Write corpus/*_tcvn3.txt: a corpus plan re-typed in the TCVN3 (ABC) charset, as saved from .VnTime.

    .venv/bin/python tests/data/make_tcvn3_sample.py

TCVN3 has no accented capitals, so, as typists did, an accented capital is written with the
lower-case code (a .VnTimeH font would draw it upper-case). The gold is the UTF-8 plan's gold:
reading the TCVN3 file must give the same result.
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from viparse.normalize.tcvn3 import TCVN3

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PLAN = "kh_15_ubnd_hoa_minh_tuyen_truyen_cchc_2026"


def to_tcvn3(text: str) -> bytes:
    table = {unicode: legacy for legacy, unicode in TCVN3.pairs}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        legacy = table.get(ch) or table.get(ch.lower())
        out.append(legacy if legacy is not None and not ch.isascii() else ch)
    return "".join(out).encode("latin-1")


def main() -> None:
    source = (CORPUS / f"{PLAN}.txt").read_text(encoding="utf-8")
    (CORPUS / f"{PLAN}_tcvn3.txt").write_bytes(to_tcvn3(source).replace(b"\n", b"\r\n"))
    gold = json.loads((CORPUS / f"{PLAN}.gold.json").read_text(encoding="utf-8"))
    gold["file"] = f"{PLAN}_tcvn3.txt"
    (CORPUS / f"{PLAN}_tcvn3.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n",
                                                   encoding="utf-8")


if __name__ == "__main__":
    main()
