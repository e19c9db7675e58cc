"""The compare report as an Excel workbook: one sheet per view, header row and first column
frozen, a filter on every column, widths that fit the content (within limits)."""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .compare import MISSING, PRESENT, Report, Table

MIN_WIDTH, MAX_WIDTH = 6, 60
_HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
_PRESENT_FILL = PatternFill("solid", fgColor="C6EFCE")
_MISSING_FILL = PatternFill("solid", fgColor="FFE0E0")


def render_xlsx(report: Report) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for table in report.tables:
        _add_sheet(book, table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _add_sheet(book: Workbook, table: Table) -> None:
    sheet = book.create_sheet(table.name[:31])  # Excel's limit on a sheet name
    sheet.append(table.columns)
    for row in table.rows:
        sheet.append([_cell(v) for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":  # text that opens with '=' is text here, never a formula
                cell.data_type = "s"
            if cell.value == PRESENT:
                cell.fill = _PRESENT_FILL
            elif cell.value == MISSING:
                cell.fill = _MISSING_FILL
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{max(len(table.rows) + 1, 2)}"
    for index, name in enumerate(table.columns, 1):
        values = [len(str(r[index - 1])) for r in table.rows if r[index - 1] not in ("", None)]
        longest = max(values + [min(len(name), 16)])  # a long header wraps rather than widen the column
        sheet.column_dimensions[get_column_letter(index)].width = max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))


def _cell(value):
    # Excel cannot hold control characters a PDF's text may carry.
    if isinstance(value, str):
        return "".join(c for c in value if c >= " " or c in "\t\n")
    return value
