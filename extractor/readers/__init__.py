"""One reader per input format; each turns a file into a `RawDocument` of blocks.

`read(path)` checks what every format shares (the path exists, is not empty, is under the size
limit, has an extension vnplan reads) and hands the bytes to the format's reader.
"""
from __future__ import annotations

from pathlib import Path

from ..blocks import RawDocument
from ..errors import ReadError

DEFAULT_MAX_SIZE = 50 * 1024 * 1024  # bytes; real plans are well under 5 MB, scans under 50

# extension -> the format, which is also the name of its reader module under extractor.readers
FORMATS = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".doc": "doc",
    ".pdf": "pdf",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
}


def format_of(path: Path) -> str | None:
    return FORMATS.get(path.suffix.lower())


def load(path: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The file's bytes, after the checks every format shares."""
    path = Path(path)
    if not path.is_file():
        raise ReadError("not_found", f"{path}: no such file")
    fmt = format_of(path)
    if fmt is None:
        raise ReadError("unsupported_format",
                        f"{path.name}: '{path.suffix or '(no extension)'}' is not a format vnplan reads "
                        f"({', '.join(sorted(FORMATS))})")
    size = path.stat().st_size
    if size > max_size:
        raise ReadError("too_large", f"{path.name}: {size:,} bytes is over the limit of {max_size:,} bytes")
    data = path.read_bytes()
    if not data.strip():
        raise ReadError("empty_file", f"{path.name}: the file is empty")
    return data


def read_bytes(data: bytes, path: Path) -> RawDocument:
    """Blocks from a file's bytes, by the reader for its extension."""
    fmt = format_of(path)
    raw = _reader(fmt).read(data, path)
    raw.format = fmt
    return raw


def _reader(fmt: str):
    from importlib import import_module

    return import_module(f"{__name__}.{fmt}")
