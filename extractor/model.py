"""The result of reading one document: the JSON contract other systems consume.

`SCHEMA_VERSION` changes whenever the shape changes. A field, once published, keeps its name
and meaning; new fields are added with defaults so older consumers keep working.
`vnplan schema` prints the JSON Schema generated from these models.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    path: str
    format: str | None = Field(None, description="txt, html, docx, doc, pdf")
    sha256: str | None = None
    size: int | None = Field(None, description="bytes")
    pages: int | None = Field(None, description="pages, for formats that have them")
    ocr: bool = Field(False, description="the text came from OCR (a scan or an image)")
    ocr_confidence: list[float | None] | None = Field(
        None, description="mean OCR word confidence per page, 0..1 (null for a page read from its text layer)")


class Signer(_Model):
    authority: str | None = Field(None, description="TM., KT., Q., TL., TUQ. as written")
    position: str | None = None
    name: str | None = None


class DocumentInfo(_Model):
    type: str | None = Field(None, description="ke_hoach, bao_cao, huong_dan, cong_van, quyet_dinh, "
                                               "thong_bao, chuong_trinh, nghi_quyet, chi_thi, to_trinh, other")
    number: str | None = Field(None, description="the document's own số/ký hiệu, e.g. 09/KH-UBND")
    issuer: str | None = None
    date: str | None = Field(None, description="ISO date YYYY-MM-DD")
    place: str | None = None
    title: str | None = Field(None, description="trích yếu")
    signer: Signer | None = None
    recipients: list[str] = Field(default_factory=list)


class Section(_Model):
    number: str | None = Field(None, description="as written: I, 1, 2.1, a, (1), Điều 3")
    heading: str = Field(description="heading text without its number")
    level: int = Field(description="1 = outermost")
    labels: list[str] = Field(default_factory=list, description="canonical section labels")
    start: int = Field(description="offset of the section's first character in the normalised text")
    end: int = Field(description="offset just past the section's last character")
    page: int | None = None
    children: list[Section] = Field(default_factory=list)


class Mention(_Model):
    start: int
    end: int
    text: str


class Citation(_Model):
    type: str | None = Field(None, description="Luật, Nghị định, Quyết định, Kế hoạch, Văn bản…")
    number: str | None = Field(None, description="normalised số/ký hiệu, e.g. 08-CTr/TU; null for a document cited by name")
    name: str | None = Field(None, description="the name as written, for documents cited without a number")
    date: str | None = None
    issuer: str | None = None
    subject: str | None = None
    role: Literal["basis", "reference"] = "reference"
    text: str = Field("", description="the first mention as written")
    start: int = 0
    end: int = 0
    mentions: list[Mention] = Field(default_factory=list)


class Deadline(_Model):
    text: str
    value: str | None = Field(None, description="ISO date, YYYY-MM, YYYY-Qn, YYYY, or 'recurring'")


class Assignment(_Model):
    agency: str
    agency_key: str | None = None
    role: Literal["lead", "support"]
    requested: bool = False
    task: str | None = None
    deadline: Deadline | None = None
    section: list[str] = Field(default_factory=list, description="numbers of the enclosing sections, outermost first")
    source: Literal["table", "text"] = "text"
    start: int = 0
    end: int = 0


class Warning(_Model):
    code: str
    message: str
    location: int | None = Field(None, description="offset in the normalised text")


class Error(_Model):
    code: str
    message: str


class Result(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    document: DocumentInfo = Field(default_factory=DocumentInfo)
    sections: list[Section] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    error: Error | None = None
    text: str | None = Field(None, description="the normalised text all offsets point into (only with --text)")


def json_schema() -> dict:
    return Result.model_json_schema()
