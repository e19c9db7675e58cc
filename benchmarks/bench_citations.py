"""Citations: the plain function against the spaCy component, on a folder of documents.

    .venv/bin/python benchmarks/bench_citations.py [FOLDER] [--repeat N]

Prints the time per document of `find_citations` on the normalised text (what the CLI runs), of
the `vnplan_citations` component on `spacy.blank("xx")` (tokenizing included) and, if pyvi is
installed, on `spacy.blank("vi")`; the one-off cost of importing spaCy; and whether both paths
found the same citations. Figures, not a test: nothing here asserts a speed.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import extractor
from extractor.citations import find_citations
from extractor.document import Document
from extractor.model import DocumentInfo

SUFFIXES = {".txt", ".html", ".docx", ".doc", ".pdf"}


def texts(folder: Path) -> list[str]:
    out = []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in SUFFIXES:
            result = extractor.parse(path, include_text=True)
            if result.text:
                out.append(result.text)
    return out


def per_doc(run, docs: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text in docs:
            run(text)
        best = min(best, time.perf_counter() - t0)
    return best / len(docs)


def plain(text: str):
    return find_citations(Document(text=text, blocks=[], format="txt"), [], DocumentInfo())[0]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default="/work/shared/corpus")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    docs = texts(Path(args.folder))
    chars = sum(map(len, docs))
    print(f"{len(docs)} documents, {chars / len(docs):.0f} characters each on average")

    t = per_doc(plain, docs, args.repeat)
    print(f"plain find_citations        {t * 1000:7.2f} ms/doc  {1 / t:8.0f} docs/s")

    t0 = time.perf_counter()
    import spacy

    import extractor.spacy_pipeline  # noqa: F401
    print(f"import spacy + component    {(time.perf_counter() - t0) * 1000:7.0f} ms once")

    languages = ["xx"]
    try:
        import pyvi  # noqa: F401
        languages.append("vi")
    except ImportError:
        pass
    for lang in languages:
        nlp = spacy.blank(lang)
        nlp.add_pipe("vnplan_citations")
        t = per_doc(nlp, docs, max(1, args.repeat // 2))
        tokenize_only = per_doc(spacy.blank(lang), docs, max(1, args.repeat // 2))
        print(f"spaCy blank('{lang}') + comp.  {t * 1000:7.2f} ms/doc  {1 / t:8.0f} docs/s"
              f"  (tokenizer alone {tokenize_only * 1000:.2f} ms/doc)")
        same = sum([(c.number, c.name, c.date) for c in plain(text)]
                   == [(c.number, c.name, c.date) for c in nlp(text)._.citations] for text in docs)
        print(f"  same citations as plain on {same}/{len(docs)} documents")


if __name__ == "__main__":
    sys.exit(main())
