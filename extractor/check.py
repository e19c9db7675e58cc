"""`vnplan check`: a draft against the sections and form its kind of document must have.

A profile (data/profiles/*.toml, or a user's own TOML file) names the required and recommended
sections by label, their usual order, and the Nghị định 30/2020 components the document must
carry. `check_result` turns a parsed draft into findings, each with a stable code, a severity
(error / warning / note), a Vietnamese message, and where it is: section path, page, offset.
A missing required section or component is an error; everything else a warning or a note.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from .labels import LABELS
from .model import Result, Section
from .normalize import match_key
from .symbols import normalise

Severity = Literal["error", "warning", "note"]
COMPONENTS = {
    "number": "Số, ký hiệu",
    "place_date": "Địa danh và thời gian ban hành",
    "type_title": "Tên loại và trích yếu nội dung",
    "signer": "Quyền hạn, chức vụ, họ tên người ký",
    "recipients": "Nơi nhận",
}


class Finding(BaseModel):
    code: str
    severity: Severity
    message: str
    section: list[str] = Field(default_factory=list, description="numbers of the enclosing sections, outermost first")
    page: int | None = None
    location: int | None = Field(None, description="offset in the draft's normalised text")


class CheckReport(BaseModel):
    file: str
    profile: str
    document_type: str | None = None
    errors: int = 0
    warnings: int = 0
    notes: int = 0
    findings: list[Finding] = Field(default_factory=list)


class ProfileError(Exception):
    """A profile that cannot be used; the message names the file and the problem."""


@dataclass
class Requirement:
    labels: tuple[str, ...]
    name: str


@dataclass
class Profile:
    name: str
    title: str
    document_types: tuple[str, ...] = ()
    required: list[Requirement] = field(default_factory=list)
    recommended: list[Requirement] = field(default_factory=list)
    order: list[tuple[str, ...]] = field(default_factory=list)
    components: tuple[str, ...] = ()
    legal_basis: bool = False


_KEYS = {"name", "title", "document_types", "required", "recommended", "order", "components", "legal_basis"}


def load_profile(text: str, origin: str) -> Profile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ProfileError(f"{origin}: not valid TOML ({e})") from None
    unknown = set(data) - _KEYS
    if unknown:
        raise ProfileError(f"{origin}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(_KEYS))}")
    if not isinstance(data.get("name"), str):
        raise ProfileError(f"{origin}: 'name' (a string) is required")

    def labels(value, where: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not value or not all(isinstance(x, str) for x in value):
            raise ProfileError(f"{origin}: {where} must be a non-empty list of label codes")
        bad = [x for x in value if x not in LABELS]
        if bad:
            raise ProfileError(f"{origin}: {where}: unknown label(s) {', '.join(bad)}; known: {', '.join(LABELS)}")
        return tuple(value)

    def requirements(key: str) -> list[Requirement]:
        items = data.get(key, [])
        if not isinstance(items, list):
            raise ProfileError(f"{origin}: '{key}' must be a list of [[{key}]] tables")
        out = []
        for i, item in enumerate(items, 1):
            if not isinstance(item, dict):
                raise ProfileError(f"{origin}: [[{key}]] number {i} must be a table with 'labels' and 'name'")
            extra = set(item) - {"labels", "name"}
            if extra:  # often a top-level key written after a [[table]]: TOML puts it inside
                raise ProfileError(f"{origin}: [[{key}]] number {i}: unknown key(s) {', '.join(sorted(extra))} "
                                   f"(top-level keys go before the first [[table]])")
            found = labels(item.get("labels"), f"[[{key}]] number {i}: 'labels'")
            out.append(Requirement(found, str(item.get("name") or " / ".join(found))))
        return out

    components = data.get("components", [])
    bad = [c for c in components if c not in COMPONENTS] if isinstance(components, list) else [components]
    if bad:
        raise ProfileError(f"{origin}: unknown component(s) {bad}; known: {', '.join(COMPONENTS)}")
    order = data.get("order", [])
    if not isinstance(order, list):
        raise ProfileError(f"{origin}: 'order' must be a list of lists of label codes")
    return Profile(
        name=data["name"], title=str(data.get("title") or data["name"]),
        document_types=tuple(data.get("document_types", [])),
        required=requirements("required"), recommended=requirements("recommended"),
        order=[labels(step, f"'order' step {i}") for i, step in enumerate(order, 1)],
        components=tuple(components), legal_basis=bool(data.get("legal_basis", False)),
    )


def builtin_profiles() -> dict[str, Profile]:
    folder = resources.files("extractor.data").joinpath("profiles")
    profiles = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            profile = load_profile(entry.read_text(encoding="utf-8"), f"profiles/{entry.name}")
            profiles[profile.name] = profile
    return profiles


def get_profile(name_or_path: str) -> Profile:
    """A shipped profile by name, or a user's profile file."""
    profiles = builtin_profiles()
    if name_or_path in profiles:
        return profiles[name_or_path]
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        try:
            return load_profile(path.read_text(encoding="utf-8"), str(path))
        except OSError as e:
            raise ProfileError(f"{path}: cannot read the profile ({e.strerror})") from None
    raise ProfileError(f"no profile named '{name_or_path}' (shipped: {', '.join(profiles)}; or give a .toml file)")


def choose_profile(result: Result) -> Profile:
    """The profile for the detected kind of document; a decision that issues a plan is a plan."""
    profiles = builtin_profiles()
    kind = result.document.type
    if kind == "quyet_dinh" and re.search(r"\bkế hoạch\b", (result.document.title or "").lower()):
        kind = "ke_hoach"
    return next((p for p in profiles.values() if kind in p.document_types), profiles["chung"])


# --- the checks ---------------------------------------------------------------------------------

def _walk(sections: list[Section], path: tuple[str, ...] = ()):
    for s in sections:
        here = path + (s.number or s.heading[:30],)
        yield s, here
        yield from _walk(s.children, here)


def _where(result: Result, section: Section | None, path: tuple[str, ...] = (), location: int | None = None) -> dict:
    if section is not None:
        return {"section": list(path), "page": section.page, "location": section.start}
    node = _section_at(result.sections, location) if location is not None else None
    return {"section": list(node[1]) if node else [], "page": node[0].page if node else None, "location": location}


def _section_at(sections: list[Section], offset: int):
    best = None
    for s, path in _walk(sections):
        if s.start <= offset < s.end:
            best = (s, path)
    return best


_NUMBER_LINE = re.compile(r"^\s*Số\s*:?\s*[\d\s]*/\s*\S", re.M)
_PLACE_DATE = re.compile(r"\bngày\b[\s\d.…_]*\btháng\b[\s\d.…_]*\bnăm\s+\d{4}", re.I)
_RECIPIENTS = re.compile(r"^\s*(?:Nơi nhận|Kính gửi)\b", re.M | re.I)
_LEGAL_BASIS = re.compile(r"^\s*(?:Căn cứ|Thực hiện|Triển khai|Theo)\b", re.M | re.I)


def check_result(result: Result, profile: Profile, text: str) -> list[Finding]:
    findings: list[Finding] = []

    def add(code: str, severity: Severity, message: str, **where) -> None:
        findings.append(Finding(code=code, severity=severity, message=message, **where))

    present = {label for s, _ in _walk(result.sections) for label in s.labels}
    for req in profile.required:
        if not present & set(req.labels):
            add("missing_section", "error", f"Thiếu mục bắt buộc: {req.name}.")
    for req in profile.recommended:
        if not present & set(req.labels):
            add("recommended_section_missing", "warning", f"Nên có mục: {req.name}.")

    # order of the top-level parts: a part of an earlier step after one of a later step
    step_of = {label: i for i, step in enumerate(profile.order) for label in step}
    furthest: tuple[int, Section, tuple[str, ...]] | None = None
    for s, path in _walk(result.sections):
        if len(path) != 1:
            continue
        steps = [step_of[label] for label in s.labels if label in step_of]
        if not steps:
            continue
        step = min(steps)
        if furthest and step < furthest[0]:
            add("section_order", "warning",
                f"Mục \"{s.heading}\" thường đứng trước mục \"{furthest[1].heading}\".", **_where(result, s, path))
        elif not furthest or step > furthest[0]:
            furthest = (step, s, path)

    for s, path in _walk(result.sections):
        # (a whole-sentence item is its own content)
        if not s.children and len(s.heading.split()) <= 12 and not _has_content(text[s.start:s.end], s):
            add("empty_section", "warning", f"Mục \"{s.heading}\" chưa có nội dung.", **_where(result, s, path))

    for w in result.warnings:
        if w.code.startswith("numbering_") or w.code.startswith("citation_"):
            where = _where(result, None, location=w.location)
            add(w.code, "warning", _vietnamese_warning(w.code, w.message, where["section"]), **where)

    first_heading = result.sections[0].start if result.sections else len(text)
    if profile.legal_basis and not (_LEGAL_BASIS.search(text[:first_heading])
                                    or any(c.role == "basis" for c in result.citations)):
        add("no_legal_basis", "warning", "Không có căn cứ ban hành (Căn cứ… / Thực hiện…) trước phần nội dung.")

    for component in profile.components:
        if not _has_component(component, result, text):
            add("missing_component", "error", f"Thiếu thành phần thể thức (NĐ 30/2020): {COMPONENTS[component]}.")

    # tasks given in the text with no deadline: one note per agency and section
    undated: dict[tuple[str, tuple[str, ...]], list] = {}
    for a in result.assignments:
        if a.source == "text" and a.role == "lead" and not a.deadline:
            undated.setdefault((a.agency, tuple(a.section)), []).append(a)
    for (agency, section), items in undated.items():
        what = f"Nhiệm vụ \"{_short(items[0].task, 70)}\"" if len(items) == 1 else f"{len(items)} nhiệm vụ"
        add("assignment_no_deadline", "note", f"{what} giao cho {agency} chưa có thời hạn.",
            **_where(result, None, location=items[0].start))
    findings += _table_rows_without_lead(result)
    return findings


def _has_content(body: str, section: Section) -> bool:
    """Text in the section besides its number and heading (on the heading's line or after it)."""
    rest = body
    if section.number:
        rest = rest.replace(section.number, "", 1)
    rest = rest.replace(section.heading, "", 1)
    return len(re.sub(r"\W", "", rest)) >= 3


def _table_rows_without_lead(result: Result) -> list[Finding]:
    """Rows of a task table that name no lead agency."""
    by_task: dict[str, set[str]] = {}
    first_at: dict[str, int] = {}
    for a in result.assignments:
        if a.source == "table" and a.task:
            by_task.setdefault(a.task, set()).add(a.role)
            first_at.setdefault(a.task, a.start)
    return [Finding(code="table_row_no_lead", severity="warning",
                    message=f"Dòng nhiệm vụ trong bảng chưa có cơ quan chủ trì: \"{_short(task)}\".",
                    location=first_at[task])
            for task, roles in by_task.items() if "lead" not in roles]


def _has_component(component: str, result: Result, text: str) -> bool:
    head = text[: result.sections[0].start] if result.sections else text[:3000]
    doc = result.document
    if component == "number":
        # a draft leaves the number blank ("Số:    /KH-UBND"): the symbol is what must be there
        return bool(doc.number or _NUMBER_LINE.search(head))
    if component == "place_date":
        return bool(doc.date or _PLACE_DATE.search(head))
    if component == "type_title":
        return bool(doc.type and doc.title)
    if component == "signer":
        return bool(doc.signer and (doc.signer.position or doc.signer.name))
    if component == "recipients":
        return bool(doc.recipients or _RECIPIENTS.search(text))
    raise ValueError(component)


_NUMBERING_MESSAGES = {
    "numbering_duplicate": "Số mục \"{n}\" bị dùng hai lần.",
    "numbering_skipped": "Số thứ tự bị bỏ sót trước mục \"{n}\".",
    "numbering_start": "Danh sách mục bắt đầu từ \"{n}\", không từ số đầu tiên.",
}
_CITATION_MESSAGES = {
    "citation_type_mismatch": "Tên loại văn bản được dẫn không khớp với ký hiệu",
    "citation_missing_year": "Văn bản quy phạm pháp luật được dẫn thiếu năm trong số, ký hiệu",
    "citation_bad_date": "Ngày của văn bản được dẫn không hợp lệ",
    "citation_after_document": "Văn bản được dẫn có ngày sau ngày của văn bản này",
    "citation_date_conflict": "Cùng một văn bản được dẫn với hai ngày khác nhau",
}


def _vietnamese_warning(code: str, detail: str, section: list[str]) -> str:
    """The analysers' warnings are in English (for systems); people get them in Vietnamese, with
    the section number or the cited document they concern."""
    if code in _NUMBERING_MESSAGES and section:
        return _NUMBERING_MESSAGES[code].format(n=section[-1])
    if code in _CITATION_MESSAGES:
        return f"{_CITATION_MESSAGES[code]}: {detail.split(':', 1)[0]}."
    return detail


def _short(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def check_against(draft: Result, draft_text: str, higher: Result) -> list[Finding]:
    """Does the draft cite the plan it implements, and take up the tasks that plan gives its level?"""
    from . import coverage

    findings = []
    number = _number_key(higher.document.number)
    title = (higher.document.title or "").strip()
    if number:
        cited = any(_number_key(c.number) == number for c in draft.citations)
    else:  # a higher plan still without its number: look for its title in the draft
        cited = bool(title) and match_key(title)[:60] in match_key(draft_text)
    label = higher.document.number or title or "kế hoạch cấp trên"
    if not cited:
        findings.append(Finding(code="higher_plan_not_cited", severity="warning",
                                message=f"Dự thảo không dẫn văn bản cấp trên mà nó triển khai ({label})."))
    for gap in coverage.uncovered_tasks(higher, draft, draft_text):
        task = gap.task
        where = ".".join(task.section)
        findings.append(Finding(
            code="higher_task_not_covered", severity="warning",
            message=(f"Nhiệm vụ {label} giao cho {task.agency}"
                     + (f" (mục {where})" if where else "")
                     + f" chưa thấy trong dự thảo: \"{_short(task.task, 160)}\""),
        ))
    return findings


def _number_key(number: str | None) -> str:
    return normalise(number or "").upper()


def report(path: str, result: Result, profile: Profile, findings: list[Finding]) -> CheckReport:
    order = {"error": 0, "warning": 1, "note": 2}
    findings = sorted(findings, key=lambda f: (order[f.severity], f.location if f.location is not None else -1))
    return CheckReport(file=path, profile=profile.name, document_type=result.document.type,
                       errors=sum(f.severity == "error" for f in findings),
                       warnings=sum(f.severity == "warning" for f in findings),
                       notes=sum(f.severity == "note" for f in findings), findings=findings)


_HEADINGS = {"error": "LỖI", "warning": "CẢNH BÁO", "note": "GHI CHÚ"}


def format_text(rep: CheckReport) -> str:
    lines = [f"{rep.file}: hồ sơ kiểm tra \"{rep.profile}\" — {rep.errors} lỗi, {rep.warnings} cảnh báo, {rep.notes} ghi chú"]
    for severity in ("error", "warning", "note"):
        group = [f for f in rep.findings if f.severity == severity]
        if not group:
            continue
        lines.append(f"\n{_HEADINGS[severity]} ({len(group)})")
        for f in group:
            where = []
            if f.section:
                where.append("mục " + ".".join(f.section))
            if f.page:
                where.append(f"trang {f.page}")
            suffix = f" [{', '.join(where)}]" if where else ""
            lines.append(f"  - {f.message}{suffix} ({f.code})")
    if not rep.findings:
        lines.append("Không phát hiện vấn đề.")
    return "\n".join(lines)
