"""The one exception a reader raises for input it cannot use.

Each has a stable `code` (part of the JSON contract: `error.code`) and a message for people
that names the problem; the CLI adds the file name.
"""
from __future__ import annotations


class ReadError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# Codes, with what they mean. Kept here so the README and tests have one list to point at.
CODES = {
    "not_found": "the path does not exist or is not a file",
    "unsupported_format": "the file extension is not one vnplan reads",
    "too_large": "the file is over the size limit (--max-size)",
    "empty_file": "the file has no content",
    "not_text": "a text file that holds binary data",
    "corrupt_docx": "a .docx that is not a readable Word (zip) package",
    "docx_too_large": "a .docx whose uncompressed content is over the limit (zip bomb)",
    "corrupt_pdf": "a PDF that cannot be opened",
    "encrypted_pdf": "a password-protected PDF",
    "no_text_layer": "a PDF with no text layer (a scan) and no OCR installed",
    "ocr_unavailable": "an image or scan needs OCR, and Tesseract with its Vietnamese model is not installed",
    "corrupt_image": "an image file that cannot be opened",
    "libreoffice_missing": "a .doc file, and LibreOffice (soffice) is not installed",
    "conversion_failed": "LibreOffice could not convert the .doc file",
    "internal_error": "a bug in vnplan: please report it with the file",
}
