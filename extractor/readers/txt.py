"""Plain text: decoding, then one block per line."""
from __future__ import annotations

from pathlib import Path

from ..blocks import LIST_ITEM, PARAGRAPH, Block, RawDocument
from ..errors import ReadError


def decode(data: bytes, name: str = "text") -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096]:
        raise ReadError("not_text", f"{name}: binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


def blocks_from_text(text: str) -> list[Block]:
    blocks = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        kind = LIST_ITEM if stripped[:1] in "-+•–" else PARAGRAPH
        blocks.append(Block(kind, stripped))
    return blocks


def read(data: bytes, path: Path) -> RawDocument:
    text = decode(data, path.name)
    return RawDocument(format="txt", blocks=blocks_from_text(text))
