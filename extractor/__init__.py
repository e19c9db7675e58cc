"""vnplan: structured JSON from Vietnamese administrative plans and reports.

    import extractor
    result = extractor.parse("ke-hoach.docx")      # a Result (pydantic model)
    result = extractor.parse_text("KẾ HOẠCH ...")  # the same from text
    print(result.model_dump_json(indent=2))

The pipeline, one module a stage: readers/ (file -> blocks) -> normalize -> document (blocks ->
one text with offsets) -> sections, metadata, citations, assignments (analysers) -> model.Result.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .assignments import find_assignments
from .citations import find_citations
from .document import Document, assemble, from_text
from .errors import ReadError
from .metadata import find_metadata
from .model import SCHEMA_VERSION, Error, Result, Source, Warning
from .readers import DEFAULT_MAX_SIZE, format_of, load, read_bytes
from .sections import find_sections

__all__ = ["parse", "parse_text", "analyse", "Result", "SCHEMA_VERSION", "ReadError"]


def analyse(doc: Document, source: Source) -> Result:
    """Run every analyser over a normalised document."""
    sections, warnings = find_sections(doc)
    info = find_metadata(doc, sections)
    citations, citation_warnings = find_citations(doc, sections, info)
    assignments = find_assignments(doc, sections)
    warnings = [Warning(code=c, message=m) for c, m in doc.warnings] + warnings + citation_warnings
    return Result(source=source, document=info, sections=sections, citations=citations,
                  assignments=assignments, warnings=warnings)


def parse(path: str | Path, max_size: int = DEFAULT_MAX_SIZE, include_text: bool = False) -> Result:
    """Read and analyse one file. Never raises for bad input: the result carries `error`."""
    path = Path(path)
    source = Source(path=str(path), format=format_of(path))
    try:
        data = load(path, max_size=max_size)
        source.sha256 = hashlib.sha256(data).hexdigest()
        source.size = len(data)
        doc = assemble(read_bytes(data, path))
        source.pages = doc.pages
        if doc.ocr_confidence is not None:
            source.ocr, source.ocr_confidence = True, doc.ocr_confidence
        result = analyse(doc, source)
    except ReadError as e:
        return Result(source=source, error=Error(code=e.code, message=e.message))
    except Exception as e:  # a bug must not stop a batch: record it against the file
        return Result(source=source, error=Error(code="internal_error",
                                                 message=f"{path.name}: {type(e).__name__}: {e}"))
    if include_text:
        result.text = doc.text
    return result


def parse_text(text: str, path: str = "<text>", include_text: bool = False) -> Result:
    """Analyse text already in memory (one paragraph per line)."""
    doc = from_text(text)
    source = Source(path=path, format="txt", sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    result = analyse(doc, source)
    if include_text:
        result.text = doc.text
    return result
