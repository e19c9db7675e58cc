"""Word 97-2003 .doc: converted to .docx by LibreOffice, then read by the .docx reader.

LibreOffice runs headless with a profile of its own in a temporary folder, so parallel batch
workers (and a desktop LibreOffice the user has open) do not block each other on one profile.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..blocks import RawDocument
from ..errors import ReadError
from . import docx

CONVERSION_TIMEOUT = 120  # seconds; a long report converts in 2-5 s, a first start takes longer

INSTALL_HINT = ("install LibreOffice: 'apt-get install libreoffice-writer' on Debian/Ubuntu, "
                "'brew install --cask libreoffice' on macOS, or from https://www.libreoffice.org/download/")

# Where LibreOffice lives when its program folder is not on PATH.
_KNOWN_LOCATIONS = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)


def find_soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((place for place in _KNOWN_LOCATIONS if os.path.isfile(place)), None)


def read(data: bytes, path: Path) -> RawDocument:
    if data.startswith(b"PK"):  # a .docx saved under a .doc name: no conversion needed
        raw = docx.read(data, path)
    else:
        converted = convert_to_docx(data, path.name)
        try:
            raw = docx.read(converted, path)
        except ReadError as e:  # LibreOffice wrote something the .docx reader cannot use
            raise ReadError("conversion_failed", f"{path.name}: the .docx LibreOffice made of it is "
                                                 f"unreadable ({e.message})") from None
    raw.format = "doc"
    return raw


def convert_to_docx(data: bytes, name: str, timeout: float | None = None) -> bytes:
    """The .docx bytes LibreOffice makes of a .doc (or .rtf, or anything else it opens)."""
    timeout = CONVERSION_TIMEOUT if timeout is None else timeout
    soffice = find_soffice()
    if soffice is None:
        raise ReadError("libreoffice_missing", f"{name}: reading a .doc file needs LibreOffice, which is "
                                               f"not installed; {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="vnplan-doc-") as tmp:
        folder = Path(tmp)
        source = folder / "document.doc"  # a plain name: the user's may hold characters soffice mangles
        source.write_bytes(data)
        out = folder / "out"
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--norestore", "--nolockcheck", "--nodefault", "--convert-to", "docx:MS Word 2007 XML",
                   "--outdir", str(out), str(source)]
        try:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, start_new_session=True)
        except OSError as e:
            raise ReadError("conversion_failed", f"{name}: LibreOffice ({soffice}) could not be started: {e}") from None
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            raise ReadError("conversion_failed", f"{name}: LibreOffice did not finish converting the file "
                                                 f"within {timeout:g} s") from None
        converted = out / "document.docx"
        if not converted.is_file():
            detail = _last_line(stderr) or f"exit status {process.returncode}"
            raise ReadError("conversion_failed", f"{name}: LibreOffice could not convert the file to .docx "
                                                 f"({detail}); it may be damaged or not a Word document")
        result = converted.read_bytes()
    return result


def _kill_group(process: subprocess.Popen) -> None:
    """Stop soffice and the processes it started (oosplash starts soffice.bin)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (OSError, AttributeError):  # already gone, or no process groups (Windows)
        process.kill()
    process.communicate()


def _last_line(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()
             if line.strip() and "javaldx" not in line]
    return lines[-1][:200] if lines else ""
