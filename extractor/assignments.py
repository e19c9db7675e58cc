"""Who leads, who supports, which task, by when. (Filled in by the assignments issue.)"""
from __future__ import annotations

from .document import Document
from .model import Assignment, Section


def find_assignments(doc: Document, sections: list[Section]) -> list[Assignment]:
    return []
