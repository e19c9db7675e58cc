"""Who leads, who supports, which task, by when — from task tables and from prose.

Tables come as table blocks (DOCX, PDF, HTML, markdown pipe tables) or flattened one cell per
line (a run of short paragraphs: STT, Nội dung, Cơ quan chủ trì… then the rows). Their columns
are found by header words (data/agencies.toml [columns]) whatever their order; each task row
gives one assignment per body and role, `source: "table"`.

Prose gives assignments in three ways: field lines ("Đơn vị chủ trì: Sở X"), cue phrases
anywhere ("Giao X…", "Đề nghị X…", "X chủ trì, phối hợp với Y", "X chịu trách nhiệm thi hành…"),
and, under the Tổ chức thực hiện part, agency sub-headings and sentences whose subject is a body.
Hard-wrapped lines are joined first (without changing offsets: a newline becomes a space).
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .agencies import Name, agency_key, lexicon, name_end, split_names
from .alternation import alternation
from .blocks import Cell
from .dates import find_dates
from .document import Document
from .model import Assignment, Deadline, Section

MAX_TASK = 600  # characters of task text kept from a long paragraph


# ---------------------------------------------------------------- deadlines

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_MONTH = re.compile(r"tháng\s+(\d{1,2})\s*(?:/|năm|-)\s*(\d{4})")
_QUARTER = re.compile(r"quý\s+(iv|iii|ii|i|[1-4])\s*(?:/|năm|-)\s*(\d{4})")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


@cache
def _recurring() -> re.Pattern:
    words = lexicon().data["deadlines"]["recurring"]
    return re.compile("|".join(re.escape(w) for w in words))


_CITED_DATE = re.compile(r"\d+/[^\s]+\s*(?:ngày\s*)?$")  # "Quyết định số 1441/QĐ-UBND ngày 25/9/2025"


def parse_deadline(text: str) -> Deadline | None:
    """"Trước ngày 31/12/2026" -> 2026-12-31, "Tháng 12/2023" -> 2023-12, "Quý III/2026" -> 2026-Q3,
    "Năm 2026" -> 2026, "Thường xuyên" / "Hằng năm" -> recurring."""
    text = " ".join(text.replace("*", " ").split()).strip(" .;,")
    if not text:
        return None
    key = text.lower()
    value = None
    dates = []
    for d in find_dates(text):
        if _CITED_DATE.search(text[max(0, d.start - 40):d.start]):
            key = key[:d.start] + " " * (d.end - d.start) + key[d.end:]  # nor its month or year
        elif d.iso:
            dates.append(d)
    if dates:
        value = dates[-1].iso if re.search(r"đến|chậm nhất|trước", key) else dates[0].iso
    elif m := _MONTH.search(key):
        value = f"{m[2]}-{int(m[1]):02d}"
    elif m := _QUARTER.search(key):
        q = _ROMAN.get(m[1]) or int(m[1])
        value = f"{m[2]}-Q{q}"
    elif _recurring().match(key):
        value = "recurring"
    elif m := _YEAR.search(key):
        value = m[1]
    elif _recurring().search(key):
        value = "recurring"
    return Deadline(text=text, value=value)


_PROSE_DEADLINE = re.compile(
    r"(?:trước|chậm nhất|hoàn thành trong|hoàn thành|xong trong|trong)\s+"
    r"(?:ngày\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
    r"|tháng\s+\d{1,2}\s*(?:/|năm)\s*\d{4}|quý\s+(?:iv|iii|ii|i|[1-4])\s*(?:/|năm)\s*\d{4}|năm\s+\d{4})")


def _prose_deadline(text: str, key: str) -> Deadline | None:
    m = _PROSE_DEADLINE.search(key)
    return parse_deadline(text[m.start():m.end()]) if m else None


# ---------------------------------------------------------------- sections

@dataclass
class _Span:
    start: int
    end: int
    path: list[str]
    labels: list[str]
    heading: str


def _flatten(sections: list[Section], path: list[str] | None = None, out: list[_Span] | None = None) -> list[_Span]:
    out = [] if out is None else out
    for s in sections:
        p = (path or []) + [s.number or ""]
        out.append(_Span(s.start, s.end, p, list(s.labels), s.heading))
        _flatten(s.children, p, out)
    return out


class _Spans:
    """The section tree as a flat list of spans, and the innermost span at an offset. That span is
    the same for every offset between two consecutive span boundaries, so it is looked for once
    for each such stretch of text."""

    def __init__(self, sections: list[Section]):
        self.all = _flatten(sections)
        self.bounds = sorted({x for s in self.all for x in (s.start, s.end)})
        self._innermost: dict[int, _Span | None] = {}  # stretch (index into bounds) -> span

    def innermost(self, offset: int) -> _Span | None:
        stretch = bisect.bisect_right(self.bounds, offset)
        if stretch not in self._innermost:
            best = None
            for s in self.all:
                if s.start <= offset < s.end and (best is None or len(s.path) >= len(best.path)):
                    best = s
            self._innermost[stretch] = best
        return self._innermost[stretch]

    def path(self, offset: int) -> list[str]:
        """The numbers of the sections around `offset`, outermost first."""
        best = self.innermost(offset)
        return [p for p in best.path if p] if best else []


# ---------------------------------------------------------------- the prose view

_LIST_MARK = re.compile(r"[\s*]*(?:(?:[-+•–]|\(\d+\)|\d+(?:\.\d+)*\.?\)?|[ivxlc]+\.|[a-zđ]\))[\s*]+)+")
_NUMBER_MARK = re.compile(r"[\s*]*(?:\(\d+\)|\d+(?:\.\d+)*\.|\d+\)|[ivxlc]+\.|[a-zđ]\))[\s*]*")
_BLANK = re.compile(r"[ *]*")
_CONNECTIVES = frozenset(["các", "và", "của", "với", "cho", "theo", "tại", "về", "những", "số"])


@dataclass(slots=True)
class _Para:
    start: int  # first character (after leading spaces)
    body: int  # after the list mark ("1.", "-", "a)")
    end: int
    numbered: bool


def _paragraphs(doc: Document, skip: list[tuple[int, int]]) -> tuple[str, list[_Para]]:
    """Logical paragraphs of the text outside tables, hard-wrapped lines joined, and the view of
    the key they are read in (newlines inside a paragraph and markdown "*" become spaces)."""
    key, text = doc.key, doc.text
    joins: list[int] = []  # newlines inside a paragraph, which the view reads as spaces
    in_skip = _Ranges(skip)
    paras: list[_Para] = []
    current: list[int] | None = None  # start and end of the paragraph being read
    first_of_current = 0  # its first character after leading blanks
    mark = None  # the list mark opening its first line: a match, False for none, None if not read
    a = 0
    for line in key.split("\n"):
        b = a + len(line)
        if a == b or (skip and in_skip(a)):
            if current:
                paras.append(_make_para(key, *current, first_of_current, mark))
            current = None
        else:
            first = _BLANK.match(key, a, b).end()
            # a list mark opening the line (read on past its end, as a mark alone on its line is one)
            opens = None if first >= b or key[first].isspace() and not key[first:b].strip() \
                else _LIST_MARK.match(key, a) or False
            if current and opens is False and _continues(text, key, current, first):
                joins.append(a - 1)
                current[1] = b
            else:
                if current:
                    paras.append(_make_para(key, *current, first_of_current, mark))
                # (a line of blanks has no mark, nor do the lower-case lines joined to it)
                current, first_of_current, mark = [a, b], first, opens or False
        a = b + 1
    if current:
        paras.append(_make_para(key, *current, first_of_current, mark))
    pieces, last = [], 0
    for j in joins:
        pieces += [key[last:j], " "]
        last = j + 1
    pieces.append(key[last:])
    view_text = "".join(pieces).replace("*", " ")
    return view_text, paras


def _continues(text: str, key: str, current: list[int], first: int) -> bool:
    """Is the line whose first character is at `first` (not blank, no list mark) the hard-wrapped
    rest of the paragraph before it? Only the line and the end of the paragraph so far are read."""
    if text[first].islower():
        return True
    c0, c1 = current
    if c1 - c0 <= 24 and _NUMBER_MARK.fullmatch(key[c0:c1].replace("*", " ").rstrip() + " "):
        return True  # a number alone on its line ("1." then "Sở Y tế:")
    tail = key[max(c0, c1 - 24):c1].replace("*", " ").rstrip()
    return tail.rsplit(" ", 1)[-1] in _CONNECTIVES


def _make_para(key: str, a: int, b: int, start: int, mark: re.Match | bool | None) -> _Para:
    """The paragraph at a..b, its first character after leading blanks at `start`. `mark` is the
    list mark read at the start of its first line, False when there is none, None when it was not
    read. A mark read on past the line's end is read again within the paragraph unless it ends
    inside it (then it is the same match: the pattern has no look-around)."""
    if mark is None or (mark and mark.end() > b):
        mark = _LIST_MARK.match(key, a, b)
    body = _BLANK.match(key, mark.end(), b).end() if mark else start
    return _Para(start, body, b, bool(_NUMBER_MARK.match(key, a, b)))


# ---------------------------------------------------------------- tables

@dataclass
class _Table:
    rows: list[list[Cell]]  # data rows
    columns: dict[str, int]  # kind -> column index


@cache
def _column_patterns() -> list[tuple[str, re.Pattern]]:
    cols = lexicon().data["columns"]
    order = ["both", "support", "deadline", "monitor", "lead", "product", "task", "number"]
    return [(k, re.compile(r"(?<![^\W_])(?:" + alternation(cols[k]) + r")(?![^\W_])")) for k in order]


@lru_cache(maxsize=1024)  # header words repeat from table to table
def _column_kind(cell_key: str) -> str | None:
    cell_key = " ".join(cell_key.replace("*", " ").split())
    if not cell_key or len(cell_key) > 60:
        return None
    for kind, pattern in _column_patterns():
        if kind == "number":
            if pattern.fullmatch(cell_key.strip(" .")):
                return kind
        elif pattern.search(cell_key):
            return kind
    return None


def _header(texts: list[str]) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for i, t in enumerate(texts):
        kind = _column_kind(t.lower())
        if kind and kind not in columns:
            columns[kind] = i
    if "task" in columns and ({"lead", "both"} & columns.keys()):
        return columns
    return None


def _tables_from_blocks(doc: Document) -> list[_Table]:
    tables = []
    for block in doc.blocks:
        if not block.rows:
            continue
        for h in range(min(3, len(block.rows))):
            texts = [c.text for c in block.rows[h]]
            columns = _header(texts)
            if columns is None:
                continue
            body = block.rows[h + 1:]
            # a second header row ("Chủ trì" | "Phối hợp" under "Cơ quan thực hiện")
            if body and not _is_row_number(body[0][columns.get("number", 0)].text if columns.get("number", 0) < len(body[0]) else ""):
                merged = [f"{a} {b.text}" for a, b in zip(texts, body[0])]
                second = _header(merged)
                if second and len(second) > len(columns):
                    columns, body = second, body[1:]
            tables.append(_Table(body, columns))
            break
    return tables


_ROW_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,2})*\.?|[IVXLC]{1,5}\.?|[A-ZĐ]\.?")


def _is_row_number(text: str) -> bool:
    return bool(_ROW_NUMBER.fullmatch(text.strip(" *")))


def _is_group_number(text: str) -> bool:
    return bool(re.fullmatch(r"[IVXLC]{1,5}\.?|[A-ZĐ]\.?", text.strip(" *")))


_HEADING_LINE = re.compile(r"[\s*]*(?:[IVXLC]+\.|\d+\.\s|PHỤ LỤC|Nơi nhận)")


def _flattened_tables(doc: Document) -> list[tuple[_Table, int, int]]:
    """Tables that arrive one cell per paragraph: header cells (STT first), then rows that each
    start with a number."""
    blocks = [b for b in doc.blocks if not b.rows]
    out = []
    i = 0
    while i < len(blocks):
        if len(blocks[i].text) > 14 or _column_kind(blocks[i].text.lower()) != "number":
            i += 1
            continue
        j = i
        kinds: dict[str, int] = {}
        while j < len(blocks) and len(blocks[j].text) <= 60:
            kind = _column_kind(blocks[j].text.lower())
            if not kind or kind in kinds and kind != "monitor":
                break
            kinds.setdefault(kind, j - i)
            j += 1
        n = j - i
        if n < 3 or "task" not in kinds or not ({"lead", "both"} & kinds.keys()):
            i += 1
            continue
        rows: list[list[Cell]] = []
        row: list[Cell] | None = None
        k = j
        while k < len(blocks):
            b = blocks[k]
            text = b.text.strip(" *")
            if _is_row_number(text) and (row is None or len(row) >= 2):
                row = [Cell(text, b.start, b.end)]
                rows.append(row)
            elif row is not None and len(row) < n and not (len(row) > 2 and _HEADING_LINE.match(b.text)):
                row.append(Cell(b.text, b.start, b.end))
            else:
                break  # a full row followed by something else, or a heading: the table is over
            k += 1
        if rows:
            rows = [_align(r, n, kinds) for r in rows]
            out.append((_Table(rows, kinds), blocks[i].start, blocks[k - 1].end))
        i = max(k, i + 1)
    return out


def _align(row: list[Cell], n: int, kinds: dict[str, int]) -> list[Cell]:
    """A flattened row with empty cells has lost them: put a last cell that reads as a deadline
    back in the deadline column, the others in order."""
    if len(row) >= n or "deadline" not in kinds or len(row) < 3:
        return row
    last = row[-1]
    deadline = parse_deadline(last.text)
    if not deadline or deadline.value is None:
        return row
    aligned = row[:-1] + [Cell("", last.start, last.start)] * (n - len(row))
    aligned.insert(kinds["deadline"], last)
    return aligned[:n]


def _table_assignments(doc: Document, table: _Table, spans: _Spans) -> list[Assignment]:
    out: list[Assignment] = []
    cols = table.columns
    previous_task: Cell | None = None
    previous_number = None

    def cell(row: list[Cell], kind: str) -> Cell | None:
        i = cols.get(kind)
        return row[i] if i is not None and i < len(row) else None

    for row in table.rows:
        number = cell(row, "number")
        number_text = number.text.strip(" *") if number else ""
        task = cell(row, "task")
        if number_text and _is_group_number(number_text):
            continue  # "I", "II": a group of tasks, not a task
        if len(row) > 2 and len({c.text for c in row}) == 1:
            continue  # one merged cell across the row: a group title
        if not task or not task.text.strip():
            if previous_task is None:
                continue
            task = previous_task  # a continuation row under a merged task cell
        elif number is not None and (not number_text or number_text == previous_number) and previous_task \
                and task.text == previous_task.text:
            task = previous_task
        if not any(c.text.strip() for c in row):
            continue
        previous_task, previous_number = task, number_text or previous_number
        deadline_cell = cell(row, "deadline")
        deadline = parse_deadline(deadline_cell.text) if deadline_cell else None
        roles = []
        if (c := cell(row, "lead")) is not None:
            roles.append(("lead", c, False))
        if (c := cell(row, "support")) is not None:
            roles.append(("support", c, False))
        if (c := cell(row, "both")) is not None:
            roles.append(("lead", c, True))
        task_text = _task_text(task.text)
        for role, c, first_leads in roles:
            names = split_names(doc.text, doc.key, c.start, c.end)
            for idx, name in enumerate(names):
                r = role if not first_leads or idx == 0 else "support"
                out.append(_assignment(name, r, task_text, deadline, spans, "table"))
    return out


# ---------------------------------------------------------------- prose

@cache
def _cue_patterns() -> dict[str, re.Pattern]:
    cues = lexicon().data["cues"]
    fields = lexicon().data["fields"]

    alt = alternation

    end = r"(?![^\W_])"
    return {
        "lead_before": re.compile(rf"(?:{alt(cues['lead_before'])}){end}\s+"),
        "requested_before": re.compile(rf"(?:{alt(cues['requested_before'])}){end}\s*:?\s+"),
        "lead_after": re.compile(rf"\s*(?:[^\W_]+\s+){{0,2}}?(?:{alt(cues['lead_after'])}){end}"),
        "support_before": re.compile(rf"(?:{alt(cues['support_before'])}){end}\s+"),
        "any": re.compile(alt([w for k in ("lead_before", "requested_before", "support_before", "lead_after")
                               for w in cues[k]])),
        "after_word": re.compile(rf"(?:{alt(cues['lead_after'])}){end}"),
        "not_assigning": re.compile(rf"(?:{alt(cues['not_assigning'])}){end}"),
        "past": re.compile(rf"(?:{alt(cues['past'])}){end}"),
        "label": re.compile(rf"(?:(?P<lead>{alt(fields['lead'])})|(?P<support>{alt(fields['support'])}))"
                            rf"(?:\s*(?:,|và)?\s*(?:phối hợp|thực hiện))?"),
        "field": re.compile(rf"(?:(?P<lead>{alt(fields['lead'])})|(?P<support>{alt(fields['support'])})"
                            rf"|(?P<deadline>{alt(fields['deadline'])}))[^:\n]{{0,30}}:\s*"),
        # what a field line and a field label both open with: one test rules out most paragraphs
        "field_word": re.compile(rf"[ *:.]*(?:{alt(fields['lead'] + fields['support'] + fields['deadline'])})"),
    }


def _word_matches(pattern: re.Pattern, view: str, a: int, b: int):
    """pattern.finditer(view, a, b), keeping the matches that start a word. The cue patterns leave
    that test out of the regex: a leading look-behind would make the engine try every position
    instead of jumping to the first letters of the cue words."""
    pos = a
    while m := pattern.search(view, pos, b):
        s = m.start()
        if s == 0 or not view[s - 1].isalnum():
            yield m
            pos = max(m.end(), s + 1)
        else:
            pos = s + 1


_TCTH = re.compile(r"tổ chức thực hiện|phân công (?:nhiệm vụ|thực hiện|trách nhiệm)|trách nhiệm (?:thực hiện|của các)"
                   r"|tổ chức triển khai")
_PROPOSAL = re.compile(r"kiến nghị|đề xuất|phương hướng|nhiệm vụ.{0,40}(?:thời gian tới|kỳ tới|tiếp theo|trọng tâm)"
                       r"|giải pháp")
_ROMAN_HEAD = re.compile(r"[\s*]*[ivxlc]+\.\s")
_ARABIC_HEAD = re.compile(r"[\s*]*\d+\.(?!\d)")
_CLAUSE_BREAK = re.compile(r"[.;]\s+(?=\S)")
_EXECUTES = re.compile(r"chịu trách nhiệm thi hành")
_NOTICE = re.compile(r"(?:thông báo|gửi|sao gửi)\s+để\s+(?P<names>.{3,300}?)\s+biết\s*(?:,|và)\s*(?:thực hiện|chỉ đạo thực hiện)")
_LEAD_LATER = re.compile(r",[^,;.]{0,120},\s*(?:chủ trì|có trách nhiệm|chịu trách nhiệm)(?![^\W_])")
_CLOSING = ("nơi nhận", "tm.", "kt.", "./.")  # what a line of the closing part opens with


def _regions(doc: Document, view: str, paras: list[_Para], spans: _Spans, report: bool) -> list[tuple[int, int]]:
    """Where subjects of sentences are assignees: the Tổ chức thực hiện part (and, in a report,
    its proposals). From the section tree when there is one, else from heading lines."""
    wanted = {"to_chuc_thuc_hien"} | ({"kien_nghi", "phuong_huong"} if report else set())
    if spans.all:
        found = [(s.start, s.end) for s in spans.all if wanted & set(s.labels)]
        if found:
            return found
    pattern = re.compile(_TCTH.pattern + ("|" + _PROPOSAL.pattern if report else ""))
    regions = []
    for n, p in enumerate(paras):
        line = view[p.start:p.end]
        heading = view[p.body:p.end]
        if len(heading) > 90 or not pattern.match(heading.strip(" *:")):
            continue
        roman = bool(_ROMAN_HEAD.match(line))
        arabic = bool(_ARABIC_HEAD.match(line))
        end = len(view)
        for q in paras[n + 1:]:
            qline = view[q.start:q.end]
            if roman and _ROMAN_HEAD.match(qline) or (arabic and not roman and _ARABIC_HEAD.match(qline)) \
                    or (not roman and not arabic and doc.text[q.body:q.end].isupper() and len(qline) > 8) \
                    or qline.strip().startswith(_CLOSING):
                end = q.start
                break
        regions.append((p.start, end))
    return regions


def _is_report(doc: Document) -> bool:
    head = doc.text[:1500]
    return bool(re.search(r"(?m)^[\s*#]*BÁO CÁO\b", head))


_QUOTED = re.compile(r"“[^”]{0,4000}”")


def _quoted(text: str) -> list[tuple[int, int]]:
    """Spans in curly quotes: a quoted text's assignments are not this document's own."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


@lru_cache(maxsize=64)  # one task is given to each of its bodies, and to each field line below it
def _task_text(task: str | None) -> str | None:
    """A task as kept in an assignment: spaces collapsed, cut to MAX_TASK characters."""
    task = " ".join(task.split()) if task else None
    if task and len(task) > MAX_TASK:
        task = task[:MAX_TASK].rsplit(" ", 1)[0] + "…"
    return task or None


def _assignment(name: Name, role: str, task: str | None, deadline: Deadline | None, spans: _Spans,
                source: str, requested: bool = False) -> Assignment:
    """One assignment; `task` as made by `_task_text` (once for all the bodies it is given to)."""
    return Assignment(agency=name.text, agency_key=agency_key(name.text), role=role, requested=requested,
                      task=task, deadline=deadline, section=spans.path(name.start),
                      source=source, start=name.start, end=name.end)


def _names_at(doc: Document, view: str, i: int, limit: int, strict: bool = False) -> list[Name]:
    span = name_end(doc.text, view, i, limit, strict)
    if not span:
        return []
    return split_names(doc.text, view, i, span[1])


def _clause_end(view: str, i: int, limit: int) -> int:
    """The first ".", ";" or ":" from `i` on that is followed by a space or `limit`, else `limit`.
    (Each mark found with str.find: a regex for a set of characters is tried at every position.)"""
    end = limit
    for mark in ".;:":
        j = view.find(mark, i, end)
        while j >= 0 and j + 1 < limit and not view[j + 1].isspace():
            j = view.find(mark, j + 1, end)
        if j >= 0:
            end = j
    return end


class _Ranges:
    """Is an offset inside one of these (start, end) ranges? By bisection over the starts."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self.starts = [a for a, _ in self.ranges]
        # the furthest end reached by any range up to each one (ranges may nest)
        self.reach = list(itertools.accumulate((b for _, b in self.ranges), max))

    def __call__(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.reach[i]

    def inside(self, offsets: list[int]) -> list[bool]:
        """The same test for many offsets in ascending order, in one walk over the ranges."""
        out = []
        i, n = -1, len(self.starts)
        for offset in offsets:
            while i + 1 < n and self.starts[i + 1] <= offset:
                i += 1
            out.append(i >= 0 and offset < self.reach[i])
        return out


def _prose_assignments(doc: Document, view: str, paras: list[_Para], spans: _Spans,
                       regions: list[tuple[int, int]], report: bool) -> list[Assignment]:
    text = doc.text
    cues = _cue_patterns()
    boilerplate = lexicon().data["cues"]["boilerplate"]  # words looked for as they are: faster than one regex
    quotes = _quoted(text)
    out: list[Assignment] = []
    owner: list[Name] = []
    owner_level = None
    pending: list[Assignment] = []  # a sub-heading's own assignment, until a task line under it
    list_role: str | None = None  # the role of the bullets under a field label
    owner_in_region = False
    recipients = False
    last_task: tuple[_Para, list[Assignment]] | None = None  # the task the field lines below belong to

    quote_at = _Ranges(quotes)
    starts = [p.start for p in paras]
    in_regions = _Ranges(regions).inside(starts)

    for n, p in enumerate(paras):
        body = view[p.body:p.end]
        in_region = in_regions[n]
        if (owner_in_region and not in_region) or body.startswith(_CLOSING):
            out += pending
            owner, owner_level, pending = [], None, []
        if quotes and quote_at(p.start):
            continue
        # the Nơi nhận list: addressees, not assignees
        if body.startswith("nơi nhận"):
            recipients = True
            continue
        if recipients and p.body > p.start:
            continue
        recipients = False

        # field lines: "Đơn vị chủ trì: Sở X", "Cơ quan phối hợp: …", "Thời gian thực hiện: …"
        # a field label alone ("a) Cơ quan chủ trì") heads a list of bodies, one a bullet
        field_word = cues["field_word"].match(view, p.body, p.end)
        label = field_word and cues["label"].fullmatch(body.strip(" *:."))
        if label:
            list_role = "support" if label["support"] else ("lead" if label["lead"] else None)
            continue
        if list_role and not p.numbered and p.body > p.start:
            names = split_names(text, view, p.body, p.end)
            if names:
                task_text = _task_text(_text_of(text, last_task[0])) if last_task else None
                out += [_assignment(n, list_role, task_text, None, spans, "text") for n in names]
                continue
        list_role = None
        f = field_word and cues["field"].match(view, p.body, p.end)
        if f and f.start() == p.body:
            task_text = _text_of(text, last_task[0]) if last_task else None
            if f["deadline"]:
                if last_task:
                    d = parse_deadline(text[f.end():p.end])
                    for a in last_task[1]:
                        a.deadline = a.deadline or d
                continue
            role = "lead" if f["lead"] else "support"
            made = _field_assignments(doc, view, f.end(), p.end, role, task_text, spans)
            out += made
            if last_task:
                last_task[1].extend(made)
            continue
        last_task = (p, [])

        heading = (in_region or not report) and p.numbered  # may be an agency sub-heading
        cue = cues["any"].search(view, p.body, p.end)  # most paragraphs have none
        has_cue = cue is not None
        if not (owner or heading or has_cue or _may_assign(view, p, report, in_region)):
            continue  # no owner above, no sub-heading, no cue, no subject and no notice: nothing to read

        if any(words in body for words in boilerplate) and _IF_CLAUSE.search(body):
            continue  # "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị … phản ánh về …"

        # an agency sub-heading under Tổ chức thực hiện: "2. Sở Nội vụ", "3. Sở Y tế: Phối hợp…";
        # elsewhere (a Chỉ thị's parts) only a heading that is a name and nothing else
        if heading:
            if n + 1 < len(paras) and paras[n + 1].numbered and _groups_headings(doc, view, p, paras[n + 1]):
                continue  # "I. Các đơn vị thuộc Sở", "II. Đề nghị các sở, ngành": the bodies are below
            # "1. Đối với UBND tỉnh": the requests under it are addressed to the body
            # (elsewhere "a) Đối với các sở, ngành" names whom criteria apply to)
            first = m.end() if in_region and (m := _ADDRESSEE.match(view, p.body, p.end)) else p.body
            stop = _clause_end(view, first, p.end)
            span = name_end(text, view, first, p.end)
            rest = view[span[1]:p.end].strip(" *") if span else ""
            if span and (not rest or rest == ":" or (in_region and rest[:1] == ":")
                         or (rest[:1] in ".;" and len(rest) < 3)):
                names = split_names(text, view, first, min(span[1], stop))
                if names:
                    out += pending  # the previous sub-heading had no task lines under it
                    owner, owner_level = names, view[p.start:p.body].strip(" *")
                    owner_in_region = in_region
                    task = text[span[1]:p.end].strip(" *:.") or None
                    made = [_assignment(name, "lead", _task_text(task), None, spans, "text") for name in names]
                    last_task[1].extend(made)
                    if task:
                        out += made
                        pending = []
                    else:
                        pending = made
                    continue
            elif owner and (_mark_kind(view[p.start:p.body]) in (_mark_kind(owner_level or ""), "I.")):
                # the next item at the sub-heading's level, or a part above it: the owner's tasks end
                out += pending
                owner, owner_level, pending = [], None, []

        made = _sentence_assignments(doc, view, p, spans, report, in_region, bool(owner), cue.start() if cue else None)
        if owner:
            body_text = text[p.body:p.end]
            pending = []
            # "Yêu cầu Thủ trưởng các đơn vị…" closing the part: addressed to the body it names
            addressed = not p.numbered and any(a.role == "lead" and a.requested is False and a.task == body_text
                                               and _addresses(view, p, a) for a in made)
            for name in owner if not addressed else ():
                if not any(a.role == "lead" and a.agency_key == agency_key(name.text) for a in made):
                    made.append(_assignment(name, "lead", _task_text(body_text), _prose_deadline(body_text, body),
                                            spans, "text"))
        out += made
        last_task[1].extend(made)
    return out + pending


_IF_CLAUSE = re.compile(r"(?<!\w)(?:nếu|trong quá trình)(?!\w)")


def _text_of(text: str, p: _Para) -> str:
    return text[p.body:p.end]


def _may_assign(view: str, p: _Para, report: bool, in_region: bool, owned: bool = False) -> bool:
    """Can a paragraph without a cue word give a task? Only through its subject (a body or an
    opening phrase at its start, where subjects are assignees and no sub-heading above owns the
    paragraph) or a notice's closing."""
    subject = not owned and not (report and not in_region) and bool(
        lexicon().name_start.match(view, p.body, p.end) or _INTRO.match(view, p.body, p.end))
    return subject or _may_be_notice(view, p)


def _may_be_notice(view: str, p: _Para) -> bool:
    """The words a notice's closing line cannot do without ("… biết, thực hiện")."""
    return view.find("biết", p.body, p.end) >= 0 and view.find("thực hiện", p.body, p.end) >= 0


_ADDRESSEE = re.compile(r"[\s*]*(?:đối với|về phía)\s+")


def _name_heading(doc: Document, view: str, p: _Para) -> bool:
    """Is the paragraph a numbered heading that is a body's name and nothing else ("2. Sở Y tế")?"""
    if not p.numbered or p.end - p.body > 160:
        return False
    span = name_end(doc.text, view, p.body, p.end)
    return bool(span) and not view[span[1]:p.end].strip(" *:.")


def _groups_headings(doc: Document, view: str, p: _Para, following: _Para) -> bool:
    """Is the heading `p` a title over deeper agency sub-headings: "I. Các đơn vị thuộc Sở Y tế" or
    "II. Đề nghị các sở, ngành" followed by "1. Phòng Nghiệp vụ Y"? Its bodies are given their
    tasks below, one by one."""
    if p.end - p.body > 120:
        return False
    rank = _MARK_RANK.get(_mark_kind(view[p.start:p.body]))
    below = _MARK_RANK.get(_mark_kind(view[following.start:following.body]))
    if rank is None or below is None or below <= rank or not _name_heading(doc, view, following):
        return False
    cue = _cue_patterns()["requested_before"].match(view, p.body, p.end)
    first = cue.end() if cue else p.body
    span = name_end(doc.text, view, first, p.end)
    return bool(span) and not view[span[1]:p.end].strip(" *:.")


def _addresses(view: str, p: _Para, a: Assignment) -> bool:
    """Does the paragraph open with a cue that gives its task to the body `a` ("Yêu cầu X…")?"""
    cue = _cue_patterns()["lead_before"].match(view, p.body, p.end)
    return bool(cue) and a.start <= _skip_spaces(view, cue.end(), p.end) + 40


_MARK_KINDS = [(re.compile(r"\d+\."), "1."), (re.compile(r"\d+(?:\.\d+)+\.?"), "1.1"),
               (re.compile(r"[ivxlc]+\."), "I."), (re.compile(r"[a-zđ]\)"), "a)"), (re.compile(r"\(\d+\)"), "(1)")]


_MARK_RANK = {"I.": 0, "1.": 1, "1.1": 2, "a)": 3, "(1)": 4}  # the usual nesting of list marks


@lru_cache(maxsize=256)
def _mark_kind(mark: str) -> str:
    """The numbering style of a list mark (in the key): "2." -> "1.", "iv." -> "I.", "b)" -> "a)"."""
    mark = mark.strip(" *")
    return next((kind for pattern, kind in _MARK_KINDS if pattern.fullmatch(mark)), mark)


_LEAD_CUES_AT_END = ("chủ trì", "thực hiện")  # "Đơn vị thực hiện: Sở X chủ trì, phối hợp với…"


def _lead_cue_start(view: str, a: int, b: int) -> int:
    """Where view[a:b] ends without a trailing "chủ trì" / "thực hiện" and the spaces and commas
    around it. (Read back from the end: a regex for it would be tried at every position.)"""
    end = _strip_space_back(view, a, b)
    for cue in _LEAD_CUES_AT_END:
        if view.endswith(cue, a, end):
            return _strip_space_back(view, a, end - len(cue))
    return end


def _strip_space_back(view: str, a: int, i: int) -> int:
    """`i` moved back over spaces and commas, not before `a`."""
    while i > a and (view[i - 1].isspace() or view[i - 1] == ","):
        i -= 1
    return i


def _field_assignments(doc: Document, view: str, a: int, b: int, role: str, task: str | None,
                       spans: _Spans) -> list[Assignment]:
    """A field line's value: bodies, and "X chủ trì, phối hợp với Y" inside it."""
    out = []
    cues = _cue_patterns()
    task = _task_text(task)
    support = next(_word_matches(cues["support_before"], view, a, b), None)
    lead_end = _lead_cue_start(view, a, support.start() if support else b)
    for name in split_names(doc.text, view, a, lead_end):
        out.append(_assignment(name, role, task, None, spans, "text"))
    if support:
        for name in split_names(doc.text, view, support.end(), _clause_end(view, support.end(), b)):
            out.append(_assignment(name, "support", task, None, spans, "text"))
    return out


def _sentence_assignments(doc: Document, view: str, p: _Para, spans: _Spans, report: bool,
                          in_region: bool, owned: bool, first_cue: int | None) -> list[Assignment]:
    """The assignments in a paragraph's sentences; `first_cue`: where the first cue word in it is,
    if any (every cue pattern's match starts at a cue word, so none is looked for before it)."""
    cues = _cue_patterns()
    has_cue = first_cue is not None
    if not has_cue and not _may_assign(view, p, report, in_region, owned):
        return []  # no cue, no subject and no notice: nothing to read
    text = doc.text
    out: list[Assignment] = []
    body_text = text[p.body:p.end]
    seen: set[tuple[str, str]] = set()
    task_and_deadline: list = []  # found once, when the paragraph assigns something

    def add(names: list[Name], role: str, requested: bool = False) -> None:
        for name in names:
            k = (agency_key(name.text), role)
            if k in seen:
                continue
            seen.add(k)
            if not task_and_deadline:
                task_and_deadline[:] = _task_text(body_text), _prose_deadline(body_text, view[p.body:p.end])
            task, deadline = task_and_deadline
            out.append(_assignment(name, role, task, deadline, spans, "text", requested))

    def past_before(i: int) -> bool:
        clause_start = max(view.rfind(c, p.body, i) for c in ".;") + 1
        clause_start = max(clause_start, p.body)
        return next(_word_matches(cues["past"], view, clause_start, i), None) is not None

    # "Giao X …", "Yêu cầu X …" and "Đề nghị X …" (a request)
    for pattern, requested in (("lead_before", False), ("requested_before", True)) if has_cue else ():
        for m in _word_matches(cues[pattern], view, first_cue, p.end):
            if past_before(m.start()) or (report and not in_region and not requested):
                continue
            if view[max(p.body, m.start() - 8):m.start()].rstrip().endswith(("được", "theo", "hồ sơ", "văn bản")):
                continue  # "theo đề nghị của…", "hồ sơ đề nghị…": not a request
            names = _names_at(doc, view, m.end(), _clause_end(view, m.end(), p.end), strict=True)
            add(names, "lead", requested)
    # "X chủ trì", "X có trách nhiệm", "X chịu trách nhiệm (thi hành…)": X at the clause start
    if not report or in_region:
        # a body at a clause start is a lead when a cue follows it ("Sở X chủ trì"), which only a
        # paragraph with a cue has; without one only the paragraph's subject is read
        subject_starts = {p.body} | set(_after_intro(view, p)) if not owned else set()
        starts = sorted(subject_starts)
        if has_cue:  # the clauses with a "chủ trì"-like cue in them
            cue_at = [m.start() for m in _word_matches(cues["after_word"], view, first_cue, p.end)]
            if cue_at:
                clauses = _clause_starts(view, p) + [p.end]
                starts = sorted(subject_starts.union(
                    a for a, b in zip(clauses, clauses[1:])
                    if bisect.bisect_left(cue_at, a) < bisect.bisect_left(cue_at, b)))
        for start in starts:
            span = name_end(text, view, start, p.end)
            if not span:
                continue
            after = cues["lead_after"].match(view, span[1], p.end)
            subject = not owned and start in subject_starts and (in_region or not report)
            if subject and not after:  # "3. Sở Tài chính, trên cơ sở đề xuất của…, chủ trì tổng hợp…"
                after = _LEAD_LATER.search(view, span[1], _clause_end(view, span[1], p.end))
            if after or subject:
                if past_before(span[1]) and not after:
                    continue
                predicate = _skip_spaces(view, span[1], p.end)
                if cues["not_assigning"].match(view, predicate, p.end):
                    continue  # "UBND tỉnh ban hành Kế hoạch…", "Sở Nội vụ kính đề nghị…"
                if cues["past"].match(view, predicate, p.end):
                    continue  # "Các thôn đã đăng ký…": what was done, not a task
                if not after:
                    if _INTRODUCES.search(view, start, _clause_end(view, start, p.end) + 1):
                        continue  # "Sở Y tế xây dựng Kế hoạch… như sau:": the issuer opens its text
                    if _describes(spans, start):
                        continue  # the subject of an eligibility or purpose item
                    item = p.numbered and start == p.body  # "3. Sở X nâng cấp…": a task item
                    if not _verb_follows(text, view, span[1], p.end, item):
                        continue
                add(split_names(text, view, start, span[1]), "lead")
    # "phối hợp với Y"
    if has_cue and (not report or in_region or out):
        for m in _word_matches(cues["support_before"], view, first_cue, p.end):
            bare = not re.search(r"(?:với|cùng)\s*$", m.group())  # "phối hợp tổ chức…" is a verb pair
            names = _names_at(doc, view, m.end(), _clause_end(view, m.end(), p.end), strict=bare)
            add(names, "support")
    # a notice's closing line: "… thông báo để Ủy ban nhân dân tỉnh và các Bộ liên quan biết, thực hiện"
    m = _NOTICE.search(view, p.body, p.end) if _may_be_notice(view, p) else None
    if m:
        add(split_names(text, view, m.start("names"), m.end("names")), "lead")
    # the closing article of a decision: "A, B, C chịu trách nhiệm thi hành Quyết định này"
    m = _EXECUTES.search(view, first_cue, p.end) if has_cue else None
    if m:
        add(split_names(text, view, p.body, m.start()), "lead")
    return out


def _skip_spaces(view: str, i: int, limit: int) -> int:
    while i < limit and view[i] in " ,*":
        i += 1
    return i


_INTRO = re.compile(r"[\s*]*(?:căn cứ|trên cơ sở|theo đó|đồng thời|ngoài ra|để|trong quá trình|sau khi)(?![^\W_])")


def _after_intro(view: str, p: _Para) -> list[int]:
    """Where the subject may stand after an opening phrase: "Căn cứ Kế hoạch này, các sở… xây dựng…"
    (after each of the first three commas of the sentence)."""
    if not _INTRO.match(view, p.body, p.end):
        return []
    starts = []
    i = p.body
    for _ in range(3):
        i = view.find(",", i, min(p.end, p.body + 250))
        if i < 0 or view.find(".", p.body, i) >= 0:
            break
        i += 1
        starts.append(_skip_spaces(view, i, p.end))
    return starts


def _clause_starts(view: str, p: _Para) -> list[int]:
    starts = [p.body]
    for m in _CLAUSE_BREAK.finditer(view, p.body, p.end):
        starts.append(m.end())
    return starts


def _verb_follows(text: str, view: str, i: int, limit: int, item: bool = False) -> bool:
    """A subject needs a predicate: a lower-case word from the verb list right after it; in a
    numbered item that starts with the body, any lower-case word that is no preposition."""
    j = i
    while j < limit and view[j] in " ,*":
        j += 1
    if not text[j:j + 1].islower():
        return False
    lex = lexicon()
    return bool(lex.verb.match(view, j, limit)) or (item and not lex.stop.match(view, j, limit))


_INTRODUCES = re.compile(r"như sau\s*:?\s*$")
# Sections whose items describe (who is eligible, what is aimed at) rather than give tasks.
_DESCRIPTIVE = frozenset(["doi_tuong", "pham_vi", "muc_dich", "yeu_cau", "muc_tieu", "quan_diem"])


def _describes(spans: _Spans, offset: int) -> bool:
    best = spans.innermost(offset)
    return bool(best and _DESCRIPTIVE & set(best.labels))


# ---------------------------------------------------------------- entry point

def find_assignments(doc: Document, sections: list[Section]) -> list[Assignment]:
    spans = _Spans(sections)
    out: list[Assignment] = []
    skip: list[tuple[int, int]] = []
    for table in _tables_from_blocks(doc):
        out += _table_assignments(doc, table, spans)
    for block in doc.blocks:
        if block.rows:
            skip.append((block.start, block.end + 1))
    for table, start, end in _flattened_tables(doc):
        out += _table_assignments(doc, table, spans)
        skip.append((start, end + 1))
    view, paras = _paragraphs(doc, skip)
    report = _is_report(doc)
    regions = _regions(doc, view, paras, spans, report)
    out += _prose_assignments(doc, view, paras, spans, regions, report)
    return _dedupe(out)


def _dedupe(assignments: list[Assignment]) -> list[Assignment]:
    seen = set()
    out = []
    for a in assignments:
        k = (a.agency_key, a.role, a.task, a.source)
        if k not in seen:
            seen.add(k)
            out.append(a)
    return out
