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
