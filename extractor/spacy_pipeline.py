"""vnplan citations as a spaCy pipeline component, for spaCy users who combine it with their own.

    import spacy
    nlp = spacy.blank("xx")            # or spacy.blank("vi") with pyvi installed
    nlp.add_pipe("vnplan_citations")   # registered by the spacy_factories entry point, or on import
    doc = nlp(text)
    for span in doc.spans["citations"]:
        print(span.text, span.label_, span._.citation.number, span._.citation.date)

Each mention of a cited document is a span (label = the document type) in
`doc.spans["citations"]`; `span._.citation` is the whole `extractor.model.Citation` (all its
mentions, date, issuer, role), `doc._.citations` the list of citations and
`doc._.citation_warnings` the warnings. Spans are made from character offsets with
`alignment_mode="expand"`, because tokenizers split a symbol differently ("248/KH-UBND" is five
tokens with pyvi, one with the multilingual tokenizer).

The CLI does not use this module: spaCy is slow to import and the plain function
`extractor.citations.find_citations` gives the same citations faster (benchmarks/bench_citations.py).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .citations import find_citations
from .document import Document
from .model import DocumentInfo

if not Span.has_extension("citation"):
    Span.set_extension("citation", default=None)
if not Doc.has_extension("citations"):
    Doc.set_extension("citations", default=None)
if not Doc.has_extension("citation_warnings"):
    Doc.set_extension("citation_warnings", default=None)


class CitationRecognizer:
    """Finds cited documents in `doc.text` and records them as spans."""

    def __init__(self, spans_key: str = "citations"):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        # the spaCy text itself, so offsets need no mapping: no block split, no clean-up
        text = Document(text=doc.text, blocks=[], format="txt")
        citations, warnings = find_citations(text, [], DocumentInfo())
        spans = []
        for citation in citations:
            for mention in citation.mentions:
                span = doc.char_span(mention.start, mention.end, label=citation.type or "Văn bản",
                                     alignment_mode="expand")
                if span is not None:
                    span._.citation = citation
                    spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.citations = citations
        doc._.citation_warnings = warnings
        return doc


@Language.factory("vnplan_citations", default_config={"spans_key": "citations"})
def make_citation_recognizer(nlp: Language, name: str, spans_key: str) -> CitationRecognizer:
    return CitationRecognizer(spans_key)
