"""Where the time of a text parse goes: milliseconds per document for each pipeline stage.

    .venv/bin/python benchmarks/bench_stages.py [PATH ...] [--repeat 5]

Files: the whole .txt documents of the shared corpus (../shared/corpus) and of corpus/, or the
.txt files under the PATHs given (the short fixtures of tests/data are left out: they are not
documents of the size the speed target is about). Each stage is timed on the output of the one
before, the best of --repeat runs over all files; together they are the whole parse but for
reading the file from disk, its sha256 and the result model (together under 0.05 ms):

  read         bytes -> blocks (decoding, legacy encodings, page chrome, paragraph builder)
  assemble     blocks normalised (Unicode NFC, white space, stray markdown) and joined into one
               text with offsets
  key          the document's match key (folded case and tone placement), made once
  sections     the section tree and its labels
  metadata     type, number, issuer, date, place, title, signer, recipients
  citations    cited documents
  assignments  who is assigned what
"""
from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.assignments import find_assignments  # noqa: E402
from extractor.citations import find_citations  # noqa: E402
from extractor.document import assemble  # noqa: E402
from extractor.metadata import find_metadata  # noqa: E402
from extractor.normalize import match_key  # noqa: E402
from extractor.readers import read_bytes  # noqa: E402
from extractor.sections import find_sections  # noqa: E402

DEFAULT_PATHS = [ROOT.parent / "shared" / "corpus", ROOT / "corpus"]
STAGES = ["read", "assemble", "key", "sections", "metadata", "citations", "assignments"]


def stages(path: Path) -> dict[str, tuple]:
    """Each stage as (setup, call): `setup()` makes a fresh input where the stage changes its
    input (assemble normalises the reader's blocks in place), outside the time taken."""
    data = path.read_bytes()
    raw = read_bytes(data, path)
    doc = assemble(copy.deepcopy(raw))
    sections, _ = find_sections(doc)
    info = find_metadata(doc, sections)
    none = lambda: None  # noqa: E731
    return {
        "read": (none, lambda _: read_bytes(data, path)),
        "assemble": (lambda: copy.deepcopy(raw), assemble),
        "key": (none, lambda _: match_key(doc.text)),
        "sections": (none, lambda _: find_sections(doc)),
        "metadata": (none, lambda _: find_metadata(doc, sections)),
        "citations": (none, lambda _: find_citations(doc, sections, info)),
        "assignments": (none, lambda _: find_assignments(doc, sections)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted(p for base in (args.paths or DEFAULT_PATHS) if base.exists()
                   for p in ([base] if base.is_file() else base.rglob("*.txt")))
    if not files:
        sys.exit("no .txt files found")
    prepared = [stages(path) for path in files]
    best = dict.fromkeys(STAGES, float("inf"))
    for _ in range(args.repeat):
        spent = dict.fromkeys(STAGES, 0.0)
        for calls in prepared:
            for name in STAGES:
                setup, call = calls[name]
                given = setup()
                start = time.perf_counter()
                call(given)
                spent[name] += time.perf_counter() - start
        best = {name: min(best[name], spent[name]) for name in STAGES}
    n = len(files)
    chars = sum(len(p.read_bytes().decode("utf-8", "replace")) for p in files) / n
    print(f"{n} .txt documents, {chars:,.0f} characters on average; ms per document, best of {args.repeat}:")
    for name in STAGES:
        print(f"  {name:12} {best[name] * 1000 / n:6.2f}")
    total = sum(best.values())
    print(f"  {'total':12} {total * 1000 / n:6.2f}   ({n / total:.0f} documents/s)")


if __name__ == "__main__":
    main()
