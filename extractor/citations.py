"""Cited documents: find -> resolve -> validate. (Filled in by the citations issue.)"""
from __future__ import annotations

from .document import Document
from .model import Citation, DocumentInfo, Section, Warning


def find_citations(doc: Document, sections: list[Section], info: DocumentInfo) -> tuple[list[Citation], list[Warning]]:
    return [], []
