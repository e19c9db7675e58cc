"""`vnplan compare`: many units' documents side by side, in four views.

1. documents: one row per document (unit, level, province then and now, particulars, which
   section labels it has, counts);
2. citations: the documents cited × the documents citing them (who did not cite the city's plan);
3. agencies: tasks per agency (`agency_key`) × documents, lead and support;
4. near-copies: pairs of documents whose text is largely the same.

Near-copies: TF-IDF cosine over word 1–3-grams (sublinear tf, IDF fitted on the documents
compared); a pair at or above `COPY_THRESHOLD` is reported with the share of each text that lies
in runs of `SHINGLE_WORDS` words found in the other, and the longest such passage. How the
threshold was chosen, on pairs built for it (the plan, report and decision of corpus/, each as
written and with its unit renamed, a sixth of its paragraphs cut, its paragraphs shuffled, and
renamed + cut): those 12 copies score 0.86–1.0 against their original; the 37 distinct documents
of ../shared/corpus + corpus/ (same-topic CCHC plans and reports of one province, two Bộ Nội vụ
letters on the same review among them) score at most 0.45 with each other. Unigrams alone put
unrelated plans of the same topic at 0.71, which is why the n-grams. 0.65 sits in the gap.

Inputs are folders or files of documents (parsed here, with text) or a `vnplan batch` JSONL
(which has no text: the pair check re-reads `source.path` when its sha256 still matches).
Writers: report_xlsx.py, report_html.py, and CSV of the documents view here.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .labels import LABELS
from .model import Error, Result, Section, Source
from .normalize import match_key
from .units import Unit, resolve_unit

COPY_THRESHOLD = 0.65
SHINGLE_WORDS = 8  # a run this long in both texts is copied, not a shared set phrase
MIN_WORDS_FOR_PAIRS = 60  # shorter texts (a notice, a failed read) say nothing about copying
SAMPLE_CHARS = 300
OUTPUT_KINDS = (".xlsx", ".csv", ".html")
PRESENT, MISSING = "present", "missing"


@dataclass
class Entry:
    """One document in the report: its result, and its text when the pair check can use it."""
    name: str  # a short unique name (the file name, with its folder when names repeat)
    result: Result
    text: str | None = None
    text_note: str = ""  # why there is no text for the pair check
    unit: Unit | None = None


@dataclass
class Table:
    name: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    note: str = ""


@dataclass
class Report:
    entries: list[Entry]
    documents: Table
    citations: Table
    agencies: Table
    copies: Table

    @property
    def tables(self) -> list[Table]:
        return [self.documents, self.citations, self.agencies, self.copies]


# ---------------------------------------------------------------- inputs

def load_entries(paths: Iterable[str | Path], on_file: Callable[[Path], None] | None = None) -> list[Entry]:
    """Documents under `paths` (parsed with their text) and the lines of any `.jsonl` given."""
    from . import parse
    from .batch import collect

    results: list[tuple[Result, str | None, str]] = []
    documents, jsonl = [], []
    for p in map(Path, paths):
        (jsonl if p.is_file() and p.suffix.lower() == ".jsonl" else documents).append(p)
    for path in collect(documents).files:
        if on_file:
            on_file(path)
        result = parse(path, include_text=True)
        text, result.text = result.text, None
        results.append((result, text, "" if text else "no text was read"))
    for path in jsonl:
        results += _read_jsonl(path)
    names = _unique_names([r.source.path for r, _, _ in results])
    entries = [Entry(n, r, t, note) for n, (r, t, note) in zip(names, results)]
    for e in entries:
        e.unit = unit_of(e.result, e.text)
    return entries


def _read_jsonl(path: Path) -> list[tuple[Result, str | None, str]]:
    from . import parse
    from .batch import sha256_of

    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        return [(Result(source=Source(path=str(path)), error=Error(
            code="bad_results_file", message=f"{path.name}: not a readable vnplan JSONL ({e})")), None, "")]
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            result = Result.model_validate(json.loads(line))
        except ValueError as e:  # json and pydantic errors: report the line, keep going
            out.append((Result(source=Source(path=f"{path}:{number}"),
                               error=Error(code="bad_result_line", message=f"{path.name} line {number}: "
                                           f"not a vnplan result ({str(e).splitlines()[0]})")), None, ""))
            continue
        text, note = None, ""
        if result.error is None:
            source = Path(result.source.path)
            if not source.is_file():
                note = "pair check skipped: the source file is no longer there"
            elif result.source.sha256 and sha256_of(source) != result.source.sha256:
                note = "pair check skipped: the source file changed since the batch"
            else:
                text = parse(source, include_text=True).text
        out.append((result, text, note))
    return out


def _unique_names(paths: list[str]) -> list[str]:
    """The file name, with as many parent folders as it takes to tell names apart."""
    parts = [Path(p).parts or (p,) for p in paths]
    depth = [1] * len(paths)
    while True:
        names = ["/".join(pp[-d:]) for pp, d in zip(parts, depth)]
        counts = Counter(names)
        clash = [i for i, n in enumerate(names) if counts[n] > 1 and depth[i] < len(parts[i])]
        if not clash:
            return _number_repeats(names)
        for i in clash:
            depth[i] += 1


def _number_repeats(names: list[str]) -> list[str]:
    seen: Counter = Counter()
    out = []
    for n in names:
        seen[n] += 1
        out.append(n if seen[n] == 1 else f"{n} ({seen[n]})")
    return out


def unit_of(result: Result, text: str | None) -> Unit:
    info = result.document
    hints = [info.place or ""]
    if text:
        hints += text.splitlines()[:8]  # the header: the parent body, "UBND TỈNH …"
    hints += [c.issuer or "" for c in result.citations if c.role == "basis"]
    return resolve_unit(info.issuer, info.date, tuple(h for h in hints if h))


# ---------------------------------------------------------------- views

def build_report(entries: list[Entry]) -> Report:
    return Report(entries, documents_view(entries), citations_view(entries), agencies_view(entries),
                  copies_view(entries))


def labels_of(sections: list[Section]) -> set[str]:
    found: set[str] = set()
    stack = list(sections)
    while stack:
        s = stack.pop()
        found.update(s.labels)
        stack.extend(s.children)
    return found


DOCUMENT_COLUMNS = ["file", "unit", "unit level", "province (as issued)", "unit now", "unit note",
                    "type", "number", "date", "title", *LABELS, "citations", "assignments",
                    "warnings", "error"]


def documents_view(entries: list[Entry]) -> Table:
    table = Table("Documents", DOCUMENT_COLUMNS,
                  note="One row per document. Label columns: whether a section of that kind is there.")
    for e in entries:
        r, u = e.result, e.unit
        info = r.document
        labels = labels_of(r.sections)
        error = f"{r.error.code}: {r.error.message}" if r.error else ""
        table.rows.append([e.name, u.issuer or "", u.level if info.issuer else "", u.province or "",
                           u.current, u.note, info.type or "", info.number or "", info.date or "",
                           info.title or "",
                           *(("" if r.error else PRESENT if lab in labels else MISSING) for lab in LABELS),
                           len(r.citations), len(r.assignments), len(r.warnings), error])
    return table


def _citation_key(c) -> str:
    if c.number:
        return "n:" + match_key(c.number).replace(" ", "")
    return "t:" + " ".join(match_key(f"{c.type or ''} {c.name or c.text}").split())


def citations_view(entries: list[Entry]) -> Table:
    cited: dict[str, dict] = {}
    roles: dict[str, dict[int, str]] = defaultdict(dict)
    for i, e in enumerate(entries):
        for c in e.result.citations:
            key = _citation_key(c)
            info = cited.setdefault(key, {"type": c.type, "number": c.number, "name": c.name,
                                          "date": c.date, "issuer": c.issuer})
            for field_name in ("type", "date", "issuer", "name"):
                info[field_name] = info[field_name] or getattr(c, field_name)
            if roles[key].get(i) != "basis":  # basis in one place wins over a mention elsewhere
                roles[key][i] = c.role
    columns = ["cited type", "cited number", "cited name", "cited date", "cited issuer",
               "cited by", "not cited by", *(e.name for e in entries)]
    table = Table("Citations", columns, note="Documents cited (rows) by each document (columns): "
                  "basis = in the Căn cứ/Thực hiện preamble. 'not cited by' lists, for a document "
                  "most others cite, those that do not.")
    readable = [i for i, e in enumerate(entries) if e.result.error is None]
    order = sorted(cited, key=lambda k: (-len(roles[k]), cited[k]["number"] or cited[k]["name"] or ""))
    for key in order:
        info, by = cited[key], roles[key]
        missing = ""
        if len(by) >= 2 and len(by) * 2 > len(readable):
            missing = "; ".join(f"{entries[i].name} ({entries[i].unit.issuer or '?'})" for i in readable if i not in by)
        table.rows.append([info["type"] or "", info["number"] or "", info["name"] or "", info["date"] or "",
                           info["issuer"] or "", len(by), missing, *(by.get(i, "") for i in range(len(entries)))])
    return table


def agencies_view(entries: list[Entry]) -> Table:
    counts: dict[str, dict[int, Counter]] = defaultdict(lambda: defaultdict(Counter))
    spellings: dict[str, Counter] = defaultdict(Counter)
    for i, e in enumerate(entries):
        for a in e.result.assignments:
            key = a.agency_key or " ".join(match_key(a.agency).split())
            counts[key][i][a.role] += 1
            spellings[key][a.agency] += 1
    columns = ["agency", "agency_key", "documents", "lead", "support", *(e.name for e in entries)]
    table = Table("Agencies", columns, note="Tasks per agency (grouped by agency_key) in each document: "
                  "lead = chủ trì, support = phối hợp.")

    def total(key: str, role: str) -> int:
        return sum(c[role] for c in counts[key].values())

    for key in sorted(counts, key=lambda k: (-(total(k, "lead") + total(k, "support")), k)):
        cells = []
        for i in range(len(entries)):
            c = counts[key].get(i)
            cells.append(", ".join(f"{c[r]} {r}" for r in ("lead", "support") if c[r]) if c else "")
        table.rows.append([spellings[key].most_common(1)[0][0], key, len(counts[key]), total(key, "lead"),
                           total(key, "support"), *cells])
    return table


# ---------------------------------------------------------------- near-copies

COPY_COLUMNS = ["file A", "unit A", "file B", "unit B", "similarity", "% of A also in B", "% of B also in A",
                "sample passage"]


def _words(text: str) -> list[str]:
    return match_key(text).split()


def near_copies(texts: list[str]) -> list[tuple[int, int, float]]:
    """Pairs (i, j, cosine) of texts at or above COPY_THRESHOLD, most similar first."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    usable = [i for i, t in enumerate(texts) if len(t.split()) >= MIN_WORDS_FOR_PAIRS]
    if len(usable) < 2:
        return []
    vectorizer = TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True, lowercase=False,
                                 token_pattern=r"(?u)\b\w+\b", preprocessor=match_key)
    matrix = vectorizer.fit_transform([texts[i] for i in usable])
    similarity = (matrix @ matrix.T).tocoo()  # rows are L2-normalised: the product is the cosine
    pairs = [(usable[a], usable[b], float(s)) for a, b, s in zip(similarity.row, similarity.col, similarity.data)
             if a < b and s >= COPY_THRESHOLD]
    return sorted(pairs, key=lambda p: -p[2])


@dataclass(frozen=True)
class Shingles:
    """A text's words as written, and the hash of the SHINGLE_WORDS-word run at each position
    (on the match key: case and tone placement do not hide a copy)."""
    words: list[str]
    at: list[int]
    all: frozenset[int]


def shingles(text: str) -> Shingles:
    key = _words(text)
    at = [hash(tuple(key[k:k + SHINGLE_WORDS])) for k in range(len(key) - SHINGLE_WORDS + 1)]
    return Shingles(text.split(), at, frozenset(at))  # text.split() and key line up: same length


def _covered(text: Shingles, other: Shingles) -> list[bool]:
    marks = [False] * len(text.words)
    for k, h in enumerate(text.at):
        if h in other.all:
            marks[k:k + SHINGLE_WORDS] = [True] * SHINGLE_WORDS
    return marks


def shared_text(a: str | Shingles, b: str | Shingles) -> tuple[float, float, str]:
    """The share of each text's words inside runs of SHINGLE_WORDS words found in the other, and
    a passage from the longest such run of `a` (as written in `a`)."""
    a = shingles(a) if isinstance(a, str) else a
    b = shingles(b) if isinstance(b, str) else b
    in_a, in_b = _covered(a, b), _covered(b, a)
    share_a = sum(in_a) / len(in_a) if in_a else 0.0
    share_b = sum(in_b) / len(in_b) if in_b else 0.0
    best, run_start, best_span = 0, None, (0, 0)
    for k, mark in enumerate(in_a + [False]):
        if mark and run_start is None:
            run_start = k
        elif not mark and run_start is not None:
            if k - run_start > best:
                best, best_span = k - run_start, (run_start, k)
            run_start = None
    run = a.words[best_span[0]:best_span[1]]
    # From the middle of a long run: a copied plan's opening is the standard header every plan has.
    start, skip, chars = 0, (sum(len(w) + 1 for w in run) - SAMPLE_CHARS) // 2, 0
    while start < len(run) and chars + len(run[start]) + 1 <= skip:
        chars += len(run[start]) + 1
        start += 1
    sample = " ".join(run[start:])
    if len(sample) > SAMPLE_CHARS:
        sample = sample[:SAMPLE_CHARS].rsplit(" ", 1)[0] + " …"
    return share_a, share_b, ("… " if start else "") + sample


def copies_view(entries: list[Entry]) -> Table:
    table = Table("Near-copies", COPY_COLUMNS,
                  note=f"Pairs whose TF-IDF cosine (word 1–3-grams) is at least {COPY_THRESHOLD}; the "
                       f"shares count words inside runs of {SHINGLE_WORDS}+ words found in the other text.")
    with_text = [i for i, e in enumerate(entries) if e.text]
    cached: dict[int, Shingles] = {}  # a template copied by many units is in many pairs

    def shingles_of(i: int) -> Shingles:
        if i not in cached:
            cached[i] = shingles(entries[i].text)
        return cached[i]

    for a, b, score in near_copies([entries[i].text for i in with_text]):
        ea, eb = entries[with_text[a]], entries[with_text[b]]
        share_a, share_b, sample = shared_text(shingles_of(with_text[a]), shingles_of(with_text[b]))
        table.rows.append([ea.name, ea.unit.issuer or "", eb.name, eb.unit.issuer or "", round(score, 3),
                           round(100 * share_a, 1), round(100 * share_b, 1), sample])
    for e in entries:
        if e.text_note and e.result.error is None:
            table.rows.append([e.name, e.unit.issuer or "", "", "", "", "", "", e.text_note])
    return table


# ---------------------------------------------------------------- outputs

class OutputError(ValueError):
    pass


def check_output(path: Path) -> str:
    kind = path.suffix.lower()
    if kind not in OUTPUT_KINDS:
        raise OutputError(f"{path}: the report kind follows the extension; use one of "
                          f"{', '.join(OUTPUT_KINDS)}, not '{kind or '(none)'}'")
    return kind


def write_report(report: Report, path: Path) -> None:
    """Write the report in the kind its extension names, atomically: a reader never sees half a file."""
    kind = check_output(path)
    if kind == ".csv":
        data = documents_csv(report).encode("utf-8-sig")  # with a BOM, Excel opens it as UTF-8
    elif kind == ".html":
        from .report_html import render_html

        data = render_html(report).encode("utf-8")
    else:
        from .report_xlsx import render_xlsx

        data = render_xlsx(report)
    _write_atomically(path, data)


def documents_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(report.documents.columns)
    writer.writerows(report.documents.rows)
    return out.getvalue()


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # mkstemp makes it private; a report is an ordinary file
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
