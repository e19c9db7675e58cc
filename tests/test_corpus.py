"""The sample corpus in `corpus/`: every document reads, the generated files match their sources,
and the same plan gives the same outline in every format it is rendered in.

The plan `kh_15_…` exists as .txt, .docx (Word automatic numbering, a real footnote), .pdf (a
two-column header, a table, a sentence broken over a page) and .html (a portal page); its gold
annotation is one hand-written object copied beside each rendering.
"""
from __future__ import annotations

import functools
import importlib.util
import json
import re
import sys
from pathlib import Path

import docx
import pdfplumber
import pytest

import extractor
from extractor.readers import FORMATS, read_bytes

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _load_build():
    spec = importlib.util.spec_from_file_location("corpus_build", CORPUS / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


build = _load_build()
PLAN = "kh_15_ubnd_hoa_minh_tuyen_truyen_cchc_2026"
DOCUMENT_FILES = sorted(p for p in CORPUS.iterdir() if p.suffix.lower() in FORMATS)
RENDERED = [(name, fmt) for name, formats in build.DOCUMENTS.items() for fmt in formats]
DOCX_HEADINGS = [(name, block) for name, formats in build.DOCUMENTS.items() if "docx" in formats
                 for block in build.read_source(build.SOURCE / f"{name}.md").body if isinstance(block, build.Heading)]


def gold_of(name: str, fmt: str) -> dict:
    return json.loads((CORPUS / build.gold_name(name, fmt)).read_text(encoding="utf-8"))


def outline(sections, level: int = 1) -> list[tuple[str | None, str, int]]:
    """The section tree as (number, heading, level) in document order."""
    rows = []
    for s in sections:
        rows.append((s.number, s.heading, level))
        rows += outline(s.children, level + 1)
    return rows


@functools.cache
def parsed(path: Path) -> extractor.Result:
    """Each corpus file is parsed once for all the tests that look at it."""
    return extractor.parse(path)


# ---------------------------------------------------------------- every file reads

def test_corpus_has_every_rendering():
    names = {p.name for p in DOCUMENT_FILES}
    assert {f"{name}.{fmt}" for name, fmt in RENDERED} <= names


@pytest.mark.parametrize("path", DOCUMENT_FILES, ids=lambda p: p.name)
def test_every_corpus_document_parses(path):
    result = parsed(path)
    assert result.error is None, result.error


# ---------------------------------------------------------------- generated files are what build.py makes

@pytest.mark.parametrize("name,fmt", RENDERED, ids=lambda x: str(x))
def test_gold_is_the_same_object_in_every_format(name, fmt):
    gold = gold_of(name, fmt)
    assert gold.pop("file") == f"{name}.{fmt}"
    template = json.loads((build.SOURCE / f"{name}.gold-template.json").read_text(encoding="utf-8"))
    assert gold == template


def test_rebuild_gives_the_committed_bytes():
    stale = [path.name for path, data in build.outputs().items() if path.read_bytes() != data]
    assert not stale, f"run `python corpus/build.py`: {stale}"


@pytest.mark.parametrize("headings,message", [
    ([(1, "I", "."), (1, "III", ".")], "should be numbered II."),  # a skipped number
    ([(1, "I", "."), (2, "1", ")")], "should be numbered 1."),  # the wrong mark
    ([(1, "I", "."), (2, "1", "."), (3, "a", ")"), (2, "2", "."), (3, "b", ")")], "should be numbered a)"),
    ([(1, "I", ".")] + [(3, x, ")") for x in "abcdđ"], "should be numbered ?)"),  # Word cannot draw "đ"
])
def test_source_numbers_are_checked_against_word_numbering(headings, message):
    bad = build.Source("bad", {}, [build.Heading(level, n, mark, "Tiêu đề") for level, n, mark in headings])
    with pytest.raises(SystemExit, match=re.escape(message)):
        build.check_numbering(bad)


# ---------------------------------------------------------------- the .docx: numbering lives in numbering.xml

@pytest.mark.parametrize("name,heading", DOCX_HEADINGS,
                         ids=lambda x: x[:6] if isinstance(x, str) else f"{x.number}{x.mark}{x.text[:25]}")
def test_docx_heading_number_comes_from_word_numbering(name, heading):
    path = CORPUS / f"{name}.docx"
    paragraphs = [p for p in docx.Document(str(path)).paragraphs
                  if p.text.startswith(heading.text[:40]) and p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert paragraphs, "no numbered paragraph with this heading's text"
    assert not paragraphs[0].text.startswith(f"{heading.number}{heading.mark}")  # not typed into the text
    blocks = [b.text for b in read_bytes(path.read_bytes(), path).blocks]
    assert any(t.startswith(f"{heading.number}{heading.mark} {heading.text[:40]}") for t in blocks)


def test_docx_footnote_is_read():
    path = CORPUS / f"{PLAN}.docx"
    notes = [b for b in read_bytes(path.read_bytes(), path).blocks if b.kind == "footnote"]
    assert any("36/QĐ-UBND" in b.text for b in notes)


# ---------------------------------------------------------------- the .pdf

def test_pdf_has_several_pages_and_a_sentence_across_a_break():
    path = CORPUS / f"{PLAN}.pdf"
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) >= 2
        last_lines = [page.extract_text().splitlines()[-2] for page in pdf.pages]  # [-1] is the page number
    assert any(line.rstrip().endswith(",") for line in last_lines), "no page ends inside a sentence"
    result = parsed(path)
    assert result.source.pages == len(last_lines)
    # the reader joins the sentence again: one paragraph, no page number in the middle
    text = extractor.parse(path, include_text=True).text
    assert "dịch vụ công trực tuyến, thanh toán không dùng tiền mặt" in text


# ---------------------------------------------------------------- the same plan, the same result

PLAN_FORMATS = build.DOCUMENTS[PLAN]


@pytest.mark.parametrize("fmt", [f for f in PLAN_FORMATS if f != "txt"])
def test_same_section_tree_in_every_format(fmt):
    want = outline(parsed(CORPUS / f"{PLAN}.txt").sections)
    got = outline(parsed(CORPUS / f"{PLAN}.{fmt}").sections)
    assert got == want


@pytest.mark.parametrize("name,fmt", RENDERED, ids=lambda x: str(x))
def test_outline_matches_gold(name, fmt):
    gold = gold_of(name, fmt)
    got = outline(parsed(CORPUS / f"{name}.{fmt}").sections)
    assert [(n, level) for n, _, level in got] == [(h["number"], h["level"]) for h in gold["headings"]]
    assert [h for _, h, _ in got] == [h["text"] for h in gold["headings"]]


@pytest.mark.parametrize("name,fmt", RENDERED, ids=lambda x: str(x))
def test_metadata_and_citations_match_gold(name, fmt):
    gold = gold_of(name, fmt)
    result = parsed(CORPUS / f"{name}.{fmt}")
    doc = result.document
    assert doc.type in gold["document"]["type"]
    assert doc.number == gold["document"]["number"]
    assert doc.date == gold["document"]["date"]
    assert doc.title == gold["document"]["title"]
    optional = {c["number"] for c in gold["optional_citations"]}
    numbered = {(c.number, c.date) for c in result.citations if c.number and c.number not in optional}
    assert numbered == {(c["number"], c["date"]) for c in gold["citations"]}
    named = {c.name for c in result.citations if not c.number}
    assert named == {c["name"] for c in gold["named_citations"]}


@pytest.mark.parametrize("name,fmt", RENDERED, ids=lambda x: str(x))
def test_heading_labels_match_gold(name, fmt):
    gold = gold_of(name, fmt)

    def labelled(sections, level=1):
        for s in sections:
            yield s.number, level, sorted(set(s.labels) - {"other"})
            yield from labelled(s.children, level + 1)

    got = list(labelled(parsed(CORPUS / f"{name}.{fmt}").sections))
    assert got == [(h["number"], h["level"], sorted(h["labels"])) for h in gold["headings"]]


_PERSON_TITLE = re.compile(r"^(?:đề nghị\s+)?(?:phó giám đốc|giám đốc|phó chủ tịch|chủ tịch|thủ trưởng|chánh|trưởng)\s+")


def _agency(name: str) -> str:
    # bodies, as score.py compares them: "Đề nghị …" and a person's title before the body they
    # head ("Trưởng phòng Kinh tế" is an assignment to "phòng Kinh tế") are dropped
    name = " ".join(name.split()).casefold().removeprefix("đề nghị ")
    return _PERSON_TITLE.sub("", name)


@pytest.mark.parametrize("name,fmt", RENDERED, ids=lambda x: str(x))
def test_assignments_match_gold(name, fmt):
    gold = gold_of(name, fmt)
    result = parsed(CORPUS / f"{name}.{fmt}")
    got = {(_agency(a.agency), a.role) for a in result.assignments}
    assert got == {(_agency(a["agency"]), a["role"]) for a in gold["assignments"]}
    table_tasks = {a.task for a in result.assignments if a.source == "table" and a.task}
    assert len(table_tasks) == gold["tasks_in_tables"]
