"""The document's own particulars (NĐ 30/2020 layout). (Filled in by the sections/metadata issue.)"""
from __future__ import annotations

from .document import Document
from .model import DocumentInfo, Section


def find_metadata(doc: Document, sections: list[Section]) -> DocumentInfo:
    return DocumentInfo()
