"""The vnplan_citations spaCy component: spans from character offsets on any tokenizer."""
from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pytest
import spacy

import extractor.spacy_pipeline  # noqa: F401  (registers the factory and the extensions)

# sentence -> (span text, label, number or name) for every mention, in order
CASES = [
    ("Căn cứ Kế hoạch số 248/KH-UBND ngày 16/02/2023 của UBND tỉnh về chuyển đổi số;",
     [("Kế hoạch số 248/KH-UBND", "Kế hoạch", "248/KH-UBND")]),
    ("Quán triệt Nghị quyết số 27 - NQ/TW ngày 21/5/2018 và Nghị định số 16/2015/NĐ -CP của Chính phủ.",
     [("Nghị quyết số 27 - NQ/TW", "Nghị quyết", "27-NQ/TW"),
      ("Nghị định số 16/2015/NĐ -CP", "Nghị định", "16/2015/NĐ-CP")]),
    ("Thực hiện Quyết định số 117/QĐ-\nUBND của UBND huyện; Quyết định số 117/QĐ-UBND nêu rõ.",
     [("Quyết định số 117/QĐ-\nUBND", "Quyết định", "117/QĐ-UBND"),
      ("Quyết định số 117/QĐ-UBND", "Quyết định", "117/QĐ-UBND")]),
    ("tuyên truyền Luật Phòng, chống tham nhũng và Luật Tố cáo",
     [("Luật Phòng, chống tham nhũng", "Luật", "Luật Phòng, chống tham nhũng"),
      ("Luật Tố cáo", "Luật", "Luật Tố cáo")]),
    ("thực hiện theo các văn bản hướng dẫn hiện hành", []),
]
LANGUAGES = ["xx", "vi"]  # "vi" tokenizes with pyvi (a test dependency)


@pytest.fixture(scope="module", params=LANGUAGES)
def nlp(request):
    nlp = spacy.blank(request.param)
    nlp.add_pipe("vnplan_citations")
    return nlp


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_citation_spans(nlp, text, expected):
    doc = nlp(text)
    got = [(s.text, s.label_, s._.citation.number or s._.citation.name) for s in doc.spans["citations"]]
    assert got == expected


def test_repeated_mentions_share_one_citation(nlp):
    doc = nlp("Kế hoạch số 9/KH-UBND ngày 2/1/2025 của UBND xã. Các thôn thực hiện Kế hoạch số 9/KH-UBND.")
    spans = doc.spans["citations"]
    assert len(spans) == 2 and spans[0]._.citation is spans[1]._.citation
    assert doc._.citations[0].date == "2025-01-02" and len(doc._.citations) == 1


def test_spans_expand_to_token_boundaries():
    """A tokenizer that keeps "số248/KH-UBND" as one token: the span covers the whole token."""
    nlp = spacy.blank("xx")
    nlp.add_pipe("vnplan_citations")
    doc = nlp("theo Kế hoạch số 248/KH-UBND,ngày 3/3/2024")
    [span] = doc.spans["citations"]
    assert span.text.startswith("Kế hoạch số 248/KH-UBND")


def test_warnings_on_the_doc():
    nlp = spacy.blank("xx")
    nlp.add_pipe("vnplan_citations")
    doc = nlp("Quyết định số 12/KH-UBND ngày 05/01/2024 của UBND huyện")
    assert [w.code for w in doc._.citation_warnings] == ["citation_type_mismatch"]


def test_component_composes_with_others():
    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("vnplan_citations", config={"spans_key": "vb"})
    doc = nlp("Căn cứ Chỉ thị số 05-CT/TW của Bộ Chính trị. Các chi bộ thực hiện nghiêm túc.")
    assert [s.text for s in doc.spans["vb"]] == ["Chỉ thị số 05-CT/TW"]
    assert len(list(doc.sents)) == 2


def test_registered_through_the_entry_point():
    names = {e.name: e.value for e in entry_points(group="spacy_factories")}
    assert names.get("vnplan_citations") == "extractor.spacy_pipeline:make_citation_recognizer"


def test_parsing_does_not_import_spacy():
    code = ("import sys, extractor; extractor.parse_text('Căn cứ Kế hoạch số 1/KH-UBND;'); "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False", out.stderr
