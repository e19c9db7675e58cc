"""How fast vnplan reads each format, against the bare library call on the same files.

    .venv/bin/python benchmarks/bench_readers.py [PATH ...] [--repeat 3]

Files: the shared corpus (../shared/corpus), the project's corpus/ and tests/data/ (those that
exist), or the PATHs given. For each format it prints:
  parse/s    documents per second for the whole `extractor.parse` (read + analysis); for text
             also over whole documents only, leaving out the short fixtures of tests/data
  ms/page    (PDF) milliseconds per page for the whole parse
  read ms    vnplan's reader alone (bytes -> blocks -> normalised document), ms per document
  bare ms    the bare library call on the same files, ms per document:
             txt  Path.read_text                      html lxml.html.fromstring
             docx python-docx Document() + every paragraph's text
             pdf  pypdfium2 get_textpage().get_text_range() on every page, and (second row)
                  pdfplumber extract_text() on every page
  read/bare  how many times the bare call vnplan's reader costs
For PDFs it also prints `same words`: the share of pdfplumber's words (page numbers aside) that
vnplan's text has too, counted with multiplicity — a check that reading through PDFium loses
nothing pdfplumber finds — and `same table words`: the share of the words in pdfplumber's tables
(find_tables on every page; a header row repeated on the next page counted once) that vnplan's
table blocks hold too. Words, not cells: where the two differ it is mostly pdfplumber's doing (a
cell split over two grid rows by misaligned rules, a phantom table over cell shading, a white
paragraph background taken for a table, fake-bold overprint read three times).

Times are the best of --repeat runs per file (the machine is shared; the minimum is the stable
figure). Files that fail to read (an encrypted PDF) are counted and left out of times. PDFs read
by OCR (scans, garbled text layers) are timed apart, once, in seconds per page: they measure
Tesseract, not the reader.
"""
from __future__ import annotations

import argparse
import io
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import extractor  # noqa: E402
from extractor.document import assemble  # noqa: E402
from extractor.readers import format_of, read_bytes  # noqa: E402

DEFAULT_PATHS = [ROOT.parent / "shared" / "corpus", ROOT / "corpus", ROOT / "tests" / "data"]
ORDER = ["txt", "html", "docx", "pdf"]


def best_of(repeat: int, call) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best


# --- the bare library calls ---------------------------------------------------------------

def bare_txt(path: Path) -> None:
    path.read_text(encoding="utf-8", errors="replace")


def bare_html(path: Path) -> None:
    import lxml.html

    lxml.html.fromstring(path.read_bytes())


def bare_docx(path: Path) -> None:
    import docx

    document = docx.Document(str(path))
    "\n".join(p.text for p in document.paragraphs)


def bare_pdfium(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def bare_pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


BARE = {"txt": [("read_text", bare_txt)], "html": [("lxml", bare_html)], "docx": [("python-docx", bare_docx)],
        "pdf": [("pypdfium2", bare_pdfium), ("pdfplumber", bare_pdfplumber)]}


# --- vnplan ---------------------------------------------------------------------------------

def vnplan_read(path: Path):
    return assemble(read_bytes(path.read_bytes(), path))


_WORD = re.compile(r"\w+")


def same_words(path: Path, vnplan_text: str) -> tuple[int, int]:
    """(pdfplumber's words also in vnplan's text, pdfplumber's words), page numbers aside."""
    import unicodedata

    plumber = unicodedata.normalize("NFC", bare_pdfplumber(path))
    lines = [ln for ln in plumber.splitlines() if not re.fullmatch(r"\s*[-–]?\s*\d{1,4}\s*[-–]?\s*", ln)]
    theirs = Counter(_WORD.findall(" ".join(lines).casefold()))
    ours = Counter(_WORD.findall(unicodedata.normalize("NFC", vnplan_text).casefold()))
    return sum((theirs & ours).values()), sum(theirs.values())


def _table_words(rows) -> list[str]:
    return [w for row in rows for c in row for w in _WORD.findall((c or "").casefold())]


def same_table_words(path: Path, document) -> tuple[int, int]:
    """(words of pdfplumber's tables also in vnplan's tables, words of pdfplumber's tables)."""
    import pdfplumber

    theirs: Counter[str] = Counter()
    previous_head = None
    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        for page in pdf.pages:
            for table in page.find_tables():
                rows = table.extract()
                if previous_head is not None and rows and rows[0] == previous_head:
                    rows = rows[1:]  # Word repeats the header row on every page of a long table
                elif rows:
                    previous_head = rows[0]
                theirs.update(_table_words(rows))
    ours = Counter(_table_words([[c.text for c in row] for b in document.blocks if b.kind == "table"
                                 for row in b.rows]))
    return sum((theirs & ours).values()), sum(theirs.values())


def collect(paths: list[Path]) -> dict[str, list[Path]]:
    files: dict[str, list[Path]] = defaultdict(list)
    for base in paths:
        if not base.exists():
            continue
        found = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for f in found:
            fmt = format_of(f)
            if fmt in ORDER:
                files[fmt].append(f)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = collect(args.paths or DEFAULT_PATHS)
    print(f"{'format':6} {'docs':>4} {'fail':>4} {'pages':>5} {'parse/s':>8} {'ms/page':>8} "
          f"{'read ms':>8} {'bare':>11} {'bare ms':>8} {'read/bare':>9}")
    for fmt in ORDER:
        ok: list[Path] = []
        failed = 0
        pages = 0
        parse_time = read_time = 0.0
        found = total = cells_found = cells_total = 0
        by_ocr: list[tuple[Path, int, float]] = []
        parse_times: dict[Path, float] = {}
        for path in files.get(fmt, []):
            started = time.perf_counter()
            result = extractor.parse(path)  # warm-up, and the error check
            if result.error is not None:
                failed += 1
                continue
            if result.source.ocr:
                by_ocr.append((path, result.source.pages or 1, time.perf_counter() - started))
                continue
            ok.append(path)
            pages += result.source.pages or 0
            parse_times[path] = best_of(args.repeat, lambda: extractor.parse(path))
            parse_time += parse_times[path]
            read_time += best_of(args.repeat, lambda: vnplan_read(path))
            if fmt == "pdf":
                document = vnplan_read(path)
                f, t = same_words(path, document.text)
                found, total = found + f, total + t
                f, t = same_table_words(path, document)
                cells_found, cells_total = cells_found + f, cells_total + t
        if not ok:
            print(f"{fmt:6} {0:>4} {failed:>4}   (no readable files)")
            continue
        n = len(ok)
        per_page = f"{parse_time * 1000 / pages:8.1f}" if fmt == "pdf" and pages else f"{'':>8}"
        for k, (name, call) in enumerate(BARE[fmt]):
            repeat = 1 if name == "pdfplumber" else args.repeat  # ~200 ms a page: once is enough
            bare = sum(best_of(repeat, lambda: call(p)) for p in ok)
            head = (f"{fmt:6} {n:>4} {failed:>4} {pages if fmt == 'pdf' else '':>5} {n / parse_time:8.1f} "
                    f"{per_page} {read_time * 1000 / n:8.2f}") if k == 0 else f"{'':6} {'':>4} {'':>4} {'':>5} " \
                                                                           f"{'':>8} {'':>8} {'':>8}"
            print(f"{head} {name:>11} {bare * 1000 / n:8.2f} {read_time / bare:9.2f}")
        documents = [p for p in ok if ROOT / "tests" not in p.parents]
        if fmt == "txt" and documents and len(documents) < n:
            chars = sum(len(p.read_bytes().decode("utf-8", "replace")) for p in documents) / len(documents)
            spent = sum(parse_times[p] for p in documents)
            print(f"{'':6} whole documents only (not tests/data fixtures): {len(documents)} docs, "
                  f"{chars:,.0f} characters on average, {len(documents) / spent:.1f} docs/s, "
                  f"{spent * 1000 / len(documents):.2f} ms each")
        if fmt == "pdf" and total:
            print(f"{'':6} same words as pdfplumber: {found}/{total} = {found / total:.1%}")
        if fmt == "pdf" and cells_total:
            print(f"{'':6} same table words as pdfplumber: {cells_found}/{cells_total} = "
                  f"{cells_found / cells_total:.1%}")
        if by_ocr:
            ocr_pages = sum(p for _, p, _ in by_ocr)
            print(f"{'':6} read by OCR: {len(by_ocr)} files, {ocr_pages} pages, "
                  f"{sum(t for *_, t in by_ocr) / ocr_pages:.2f} s/page (all cores)")


if __name__ == "__main__":
    main()
