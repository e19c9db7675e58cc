"""The block model: what every reader produces, whatever the input format.

Plain dataclasses, so a reader is easy to write and a block easy to inspect. A reader fills
`text`, `kind`, `style`, `page` and (for tables) `rows`; `document.assemble` then joins the
blocks into the document's normalised text and sets every `start`/`end` offset into it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE = "table"
FOOTNOTE = "footnote"


@dataclass(slots=True)
class Style:
    """Presentation hints, where the format has them (None = unknown)."""

    bold: bool | None = None
    italic: bool | None = None
    font_size: float | None = None
    centered: bool | None = None
    style_name: str | None = None  # Word paragraph style ("Heading 1", "List Paragraph")
    numbered: bool = False  # the visible number came from Word automatic numbering

    @property
    def is_heading_style(self) -> bool:
        name = (self.style_name or "").casefold()
        return name.startswith(("heading", "title")) or name.startswith("đề mục")


@dataclass(slots=True)
class Cell:
    text: str
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Block:
    kind: str
    text: str = ""
    style: Style = field(default_factory=Style)
    page: int | None = None
    rows: list[list[Cell]] = field(default_factory=list)  # tables only
    start: int = 0
    end: int = 0


def table(rows: list[list[str]], page: int | None = None) -> Block:
    """A table block from rows of cell texts; its `text` is set when the document is assembled."""
    return Block(TABLE, rows=[[Cell(c) for c in row] for row in rows], page=page)


@dataclass
class RawDocument:
    """What a reader returns: blocks in reading order, plus facts about the source."""

    format: str
    blocks: list[Block]
    pages: int | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (code, message)
    ocr_confidence: list[float | None] | None = None  # per page (None: read from a text layer), when OCR was used
