"""Many files -> one JSONL file, one complete line per document.

The output is appended one whole line per write and flushed, so a batch that is killed leaves
only complete lines; `resume` drops a trailing partial line and skips files whose sha256 is
already there. Files are parsed in worker processes; results come back in input order.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable

from .readers import FORMATS


@dataclass
class Plan:
    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # not documents (.json, .tsv, .md…)


def collect(paths: Iterable[str | Path]) -> Plan:
    """Files named directly are always parsed (an unknown extension or a missing path becomes an
    error line); inside folders, only files with an extension vnplan reads."""
    plan = Plan()
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                (plan.files if f.suffix.lower() in FORMATS else plan.skipped).append(f)
        else:
            plan.files.append(p)
    return plan


def done_hashes(output: Path) -> set[str]:
    """sha256 of every file already in `output`; a trailing partial line is cut off."""
    if not output.exists():
        return set()
    data = output.read_bytes()
    complete = data[: data.rfind(b"\n") + 1]
    if len(complete) != len(data):
        with output.open("r+b") as f:
            f.truncate(len(complete))
    hashes = set()
    for line in complete.splitlines():
        try:
            sha = (json.loads(line).get("source") or {}).get("sha256")
        except json.JSONDecodeError:
            continue
        if sha:
            hashes.add(sha)
    return hashes


def sha256_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _parse_to_line(args: tuple[str, int]) -> tuple[str, bool]:
    from . import parse

    path, max_size = args
    result = parse(path, max_size=max_size)
    return result.model_dump_json(exclude_none=False) + "\n", result.error is None


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    resumed: int = 0
    skipped: int = 0


def run(files: list[Path], output: Path, workers: int, max_size: int, resume: bool = False,
        on_result: Callable[[Path, bool], None] | None = None) -> Summary:
    summary = Summary()
    if resume:
        seen = done_hashes(output)
        todo = [f for f in files if sha256_of(f) not in seen]  # None (unreadable) is never seen
        summary.resumed = len(files) - len(todo)
    else:
        todo = files
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(b"")
    jobs = [(str(f), max_size) for f in todo]
    fd = os.open(output, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        if workers <= 1 or len(jobs) <= 1:
            results = map(_parse_to_line, jobs)
            _write_all(fd, todo, results, summary, on_result)
        else:
            with get_context("spawn").Pool(min(workers, len(jobs)), initializer=_one_ocr_thread) as pool:
                _write_all(fd, todo, pool.imap(_parse_to_line, jobs), summary, on_result)
    finally:
        os.close(fd)
    return summary


def _one_ocr_thread() -> None:
    """Worker processes already use every core: each OCRs its scans one page at a time."""
    from . import ocr

    ocr.MAX_THREADS = 1


def _write_all(fd: int, files: list[Path], results, summary: Summary, on_result) -> None:
    for path, (line, ok) in zip(files, results):
        data = line.encode("utf-8")
        written = os.write(fd, data)  # one write per line: a killed batch leaves whole lines
        while written < len(data):
            written += os.write(fd, data[written:])
        if ok:
            summary.ok += 1
        else:
            summary.failed += 1
        if on_result:
            on_result(path, ok)
