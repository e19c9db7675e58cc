"""The `vnplan` command: a thin layer over `extractor.parse` and `extractor.batch`."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import batch as batch_mod
from .readers import DEFAULT_MAX_SIZE

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Structured JSON from Vietnamese administrative plans and reports.")

MaxSize = Annotated[float, typer.Option("--max-size", help="largest file to read, in MB")]


def _bytes(mb: float) -> int:
    return int(mb * 1024 * 1024)


@app.command()
def parse(file: Annotated[Path, typer.Argument(help="a .txt, .html, .docx, .doc or .pdf file")],
          pretty: Annotated[bool, typer.Option("--pretty", help="indent the JSON")] = False,
          text: Annotated[bool, typer.Option("--text", help="include the normalised text the offsets point into")] = False,
          max_size: MaxSize = DEFAULT_MAX_SIZE / 1024 / 1024) -> None:
    """Print the result for one file as JSON. Exit 2 if the file cannot be read."""
    from . import parse as parse_file

    result = parse_file(file, max_size=_bytes(max_size), include_text=text)
    typer.echo(result.model_dump_json(indent=2 if pretty else None))
    if result.error:
        typer.echo(f"vnplan: {file}: {result.error.code}: {result.error.message}", err=True)
        raise typer.Exit(2)


@app.command()
def batch(paths: Annotated[list[Path], typer.Argument(help="files and folders (searched recursively)")],
          output: Annotated[Path, typer.Option("--output", "-o", help="the JSONL file to write")],
          workers: Annotated[int, typer.Option("--workers", "-j", help="processes (default: all cores)")] = 0,
          resume: Annotated[bool, typer.Option("--resume", help="skip files already in --output (by sha256)")] = False,
          max_size: MaxSize = DEFAULT_MAX_SIZE / 1024 / 1024) -> None:
    """Parse every document under PATHS into one JSONL file, one line per document."""
    plan = batch_mod.collect(paths)
    workers = workers or os.cpu_count() or 1
    started = time.perf_counter()
    show_progress = sys.stderr.isatty()
    progress = task = None
    if show_progress:
        from rich.progress import Progress

        progress = Progress(transient=True, console=_stderr_console())
        progress.start()
        task = progress.add_task("parsing", total=len(plan.files))

    def advance(path: Path, ok: bool) -> None:
        if progress is not None:
            progress.update(task, advance=1, description=path.name[:40])

    try:
        summary = batch_mod.run(plan.files, output, workers=workers, max_size=_bytes(max_size),
                                resume=resume, on_result=advance)
    finally:
        if progress is not None:
            progress.stop()
    elapsed = time.perf_counter() - started
    parts = [f"{summary.ok} ok", f"{summary.failed} failed"]
    if summary.resumed:
        parts.append(f"{summary.resumed} already done")
    if plan.skipped:
        parts.append(f"{len(plan.skipped)} skipped (not documents)")
    typer.echo(f"{len(plan.files)} files: {', '.join(parts)}; {elapsed:.1f} s -> {output}", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a result."""
    from .model import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command()
def check(draft: Annotated[Path, typer.Argument(help="the draft to check (.docx, .txt, .pdf…)")],
          profile: Annotated[Optional[str], typer.Option("--profile", "-p", help="a profile name (see `vnplan profiles`) or a .toml file; default: by document type")] = None,
          against: Annotated[Optional[Path], typer.Option("--against", help="the higher plan this draft implements")] = None,
          format: Annotated[str, typer.Option("--format", "-f", help="text (for people) or json (for other systems)")] = "text") -> None:
    """Check a draft against the sections and form its kind of document must have.

    Exit 0 when there is no error, 1 when there are errors, 2 for unusable input."""
    from . import check as checking
    from . import parse as parse_file

    if format not in ("text", "json"):
        _fail(f"--format must be text or json, not '{format}'")
    try:
        chosen = checking.get_profile(profile) if profile else None
    except checking.ProfileError as e:
        _fail(f"profile: {e}")
    result = parse_file(draft, include_text=True)
    if result.error:
        _fail(f"{draft}: {result.error.code}: {result.error.message}")
    chosen = chosen or checking.choose_profile(result)
    findings = checking.check_result(result, chosen, result.text or "")
    if against is not None:
        higher = parse_file(against)
        if higher.error:
            _fail(f"{against}: {higher.error.code}: {higher.error.message}")
        findings += checking.check_against(result, result.text or "", higher)
    rep = checking.report(str(draft), result, chosen, findings)
    typer.echo(rep.model_dump_json(indent=2) if format == "json" else checking.format_text(rep))
    raise typer.Exit(1 if rep.errors else 0)


@app.command()
def compare(paths: Annotated[list[Path], typer.Argument(help="folders or files of documents, or a results .jsonl from `vnplan batch`")],
            output: Annotated[Path, typer.Option("--output", "-o", help="report.xlsx, report.html or report.csv (the kind follows the extension)")]) -> None:
    """Compare documents of many units: sections, citations, assignments, near-copies."""
    from . import compare as comparing

    try:
        comparing.check_output(output)
    except comparing.OutputError as e:
        _fail(str(e))
    entries = comparing.load_entries(paths)  # a missing or bad file is a row with its error
    report = comparing.build_report(entries)
    comparing.write_report(report, output)
    errors = sum(1 for e in entries if e.result.error)
    pairs = sum(1 for r in report.copies.rows if r[2])
    typer.echo(f"{len(entries)} documents ({errors} not read), {len(report.citations.rows)} cited documents, "
               f"{len(report.agencies.rows)} agencies, {pairs} near-copy pairs -> {output}", err=True)


@app.command()
def profiles() -> None:
    """List the check profiles shipped with vnplan."""
    from .check import COMPONENTS, builtin_profiles

    for p in builtin_profiles().values():
        kinds = ", ".join(p.document_types) or "(any other kind)"
        required = "; ".join(" | ".join(r.labels) for r in p.required) or "-"
        typer.echo(f"{p.name:10s} {p.title} — for {kinds}\n{'':10s} required: {required}")
    typer.echo(f"\nComponents (NĐ 30/2020) a profile may require: {', '.join(COMPONENTS)}")
    typer.echo("Your own profile: a TOML file shaped like these (extractor/data/profiles/*.toml), "
               "passed with --profile FILE.toml")


def _fail(message: str) -> None:
    typer.echo(f"vnplan: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def doctor() -> None:
    """Report which optional parts are installed: LibreOffice (.doc), Tesseract + Vietnamese (scans)."""
    import platform
    import shutil
    from importlib.metadata import version

    from . import ocr
    from .readers.doc import find_soffice

    typer.echo(f"vnplan {version('vnplan')} on Python {platform.python_version()}")
    soffice = find_soffice()
    typer.echo(f"LibreOffice (.doc files): {soffice or 'missing: apt-get install libreoffice-writer'}")
    problem = ocr.missing()
    if problem:
        typer.echo(f"Tesseract OCR (scans, images): missing: {problem}; {ocr.INSTALL_HINT}")
    else:
        typer.echo(f"Tesseract OCR (scans, images): {shutil.which('tesseract')} with Vietnamese ({ocr.LANGUAGE})")


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
