"""Images of pages (.png, .jpg, .tif, multi-page .tif): OCR, page by page."""
from __future__ import annotations

import io
from pathlib import Path

from .. import ocr
from ..blocks import RawDocument
from ..errors import ReadError


def read(data: bytes, path: Path) -> RawDocument:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        pages = [frame.convert("L") for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, ValueError) as e:
        raise ReadError("corrupt_image", f"{path.name}: not a readable image ({e})") from None
    ocr.require(path.name, "an image needs OCR")
    return ocr.to_raw(ocr.ocr_images(pages), "image")
