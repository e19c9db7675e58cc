"""Join a reader's blocks into one normalised document text and give every block its offsets.

Blocks are separated by a newline; a table is written one row per line with cells separated by
" | ", so the text reads naturally and every cell has its own span.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Block, RawDocument
from .normalize import match_key, normalize

CELL_SEPARATOR = " | "


@dataclass
class Document:
    text: str
    blocks: list[Block]
    format: str
    pages: int | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)
    ocr_confidence: list[float | None] | None = None
    _key: str | None = None

    @property
    def key(self) -> str:
        """`match_key(text)`: same length, folded case and tone placement."""
        if self._key is None:
            self._key = match_key(self.text)
        return self._key


def assemble(raw: RawDocument) -> Document:
    raw = normalize(raw)
    parts: list[str] = []
    pos = 0
    for block in raw.blocks:
        if parts:
            parts.append("\n")
            pos += 1
        block.start = pos
        if block.rows:
            lines = []
            for r, row in enumerate(block.rows):
                cells = []
                for c, cell in enumerate(row):
                    if c:
                        pos += len(CELL_SEPARATOR)
                    text = cell.text.replace("\n", " ")
                    cell.text = text
                    cell.start, cell.end = pos, pos + len(text)
                    pos += len(text)
                    cells.append(text)
                lines.append(CELL_SEPARATOR.join(cells))
                if r < len(block.rows) - 1:
                    pos += 1
            block.text = "\n".join(lines)
        else:
            pos += len(block.text)
        parts.append(block.text)
        block.end = pos
    text = "".join(parts)
    return Document(text=text, blocks=raw.blocks, format=raw.format, pages=raw.pages, warnings=raw.warnings,
                    ocr_confidence=raw.ocr_confidence)


def from_text(text: str, format: str = "txt") -> Document:
    """A document from plain text: one paragraph block per line."""
    from .readers.txt import blocks_from_text

    return assemble(RawDocument(format=format, blocks=blocks_from_text(text)))
