"""The compare report as ONE self-contained HTML file (no network): inline CSS, a small inline
script that sorts tables, and inline SVG for the coverage heatmap and the bar charts."""
from __future__ import annotations

from html import escape

from .compare import MISSING, PRESENT, Report, Table
from .labels import LABELS

BAR_ROWS = 25  # agencies shown in the chart; the table has them all
CELL = 16

_CSS = """
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
p.note{color:#555;max-width:60em}
.scroll{overflow:auto;max-height:38em;border:1px solid #ddd}
table{border-collapse:collapse;font-size:12px}
th,td{border:1px solid #ddd;padding:2px 6px;vertical-align:top;max-width:32em}
td.long{min-width:20em}
thead th{position:sticky;top:0;background:#dde5f0;cursor:pointer;user-select:none}
thead th.asc::after{content:" \\25B2"}thead th.desc::after{content:" \\25BC"}
td.present{background:#c6efce}td.missing{background:#ffe0e0}td.num{text-align:right}
svg text{font-size:11px;font-family:inherit}
.legend span{display:inline-block;width:1em;height:1em;vertical-align:middle;margin:0 .3em 0 1em}
"""

# Click a header to sort by it; numbers sort as numbers, empty cells last.
_JS = """
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('thead th').forEach(function (th, column) {
    th.addEventListener('click', function () {
      var ascending = !th.classList.contains('asc');
      table.querySelectorAll('thead th').forEach(function (h) { h.classList.remove('asc', 'desc'); });
      th.classList.add(ascending ? 'asc' : 'desc');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      function value(row) {
        var text = row.cells[column] ? row.cells[column].textContent.trim() : '';
        var number = Number(text);
        return text === '' ? null : (isNaN(number) ? text : number);
      }
      rows.sort(function (a, b) {
        var x = value(a), y = value(b);
        if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
        var order = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y), 'vi');
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"""


def render_html(report: Report) -> str:
    errors = sum(1 for e in report.entries if e.result.error)
    pairs = sum(1 for r in report.copies.rows if r[2])
    parts = [
        "<!DOCTYPE html>", '<html lang="vi"><head><meta charset="utf-8">',
        "<title>vnplan compare</title>", f"<style>{_CSS}</style></head><body>",
        "<h1>vnplan compare</h1>",
        f"<p>{len(report.entries)} documents, {errors} could not be read; {pairs} near-copy pairs.</p>",
        "<h2>Section coverage</h2>",
        '<p class="note">Which kinds of section each document has. <span class="legend">'
        '<span style="background:#4caf50"></span>present<span style="background:#f3c1c1"></span>missing'
        '<span style="background:#bbb"></span>not read</span></p>',
        f'<div class="scroll">{_heatmap(report)}</div>',
        "<h2>Tasks per agency</h2>",
        f'<p class="note">The {BAR_ROWS} agencies with most tasks, all documents together. '
        '<span class="legend"><span style="background:#3b6ea8"></span>lead'
        '<span style="background:#9cc0e6"></span>support</span></p>',
        _agency_bars(report),
        "<h2>Citations per document</h2>", _citation_bars(report),
    ]
    for table in report.tables:
        parts += [f"<h2>{escape(table.name)}</h2>", f'<p class="note">{escape(table.note)}</p>', _table(table)]
    parts += [f"<script>{_JS}</script>", "</body></html>"]
    return "\n".join(parts)


def _table(table: Table) -> str:
    if not table.rows:
        return "<p>None.</p>"
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    rows = []
    for row in table.rows:
        cells = []
        for value in row:
            cls = ' class="num"' if isinstance(value, (int, float)) else \
                f' class="{value}"' if value in (PRESENT, MISSING) else \
                ' class="long"' if len(str(value)) > 60 else ""
            cells.append(f"<td{cls}>{escape(str(value))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<div class="scroll"><table class="sortable"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _heatmap(report: Report) -> str:
    table = report.documents
    first = table.columns.index(LABELS[0])
    names = [f"{row[0]} — {row[1]}" if row[1] else row[0] for row in table.rows]
    left = min(460, 7 * max((len(n) for n in names), default=10) + 10)
    top = 130
    width, height = left + CELL * len(LABELS) + 90, top + CELL * len(table.rows) + 10  # room for the slanted labels
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
           f'aria-label="section coverage">']
    for j, label in enumerate(LABELS):
        x = left + j * CELL + CELL // 2 + 4
        out.append(f'<text transform="translate({x},{top - 6}) rotate(-60)">{escape(label)}</text>')
    colours = {PRESENT: "#4caf50", MISSING: "#f3c1c1", "": "#bbb"}
    for i, row in enumerate(table.rows):
        y = top + i * CELL
        name = names[i] if len(names[i]) <= 64 else names[i][:63] + "…"
        out.append(f'<text x="{left - 6}" y="{y + CELL - 4}" text-anchor="end">{escape(name)}</text>')
        for j, label in enumerate(LABELS):
            value = row[first + j]
            out.append(f'<rect x="{left + j * CELL}" y="{y}" width="{CELL - 1}" height="{CELL - 1}" '
                       f'fill="{colours.get(value, "#bbb")}"><title>{escape(row[0])}: {label} '
                       f'{escape(value or "not read")}</title></rect>')
    out.append("</svg>")
    return "".join(out)


def _bars(rows: list[tuple[str, list[tuple[int, str, str]]]], unit: str) -> str:
    """Horizontal stacked bars: rows of (name, [(value, colour, part name)])."""
    if not rows:
        return "<p>None.</p>"
    left, bar_width, row_height = 320, 420, 18
    largest = max(sum(v for v, _, _ in parts) for _, parts in rows) or 1
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + bar_width + 60}" '
           f'height="{row_height * len(rows) + 10}" role="img" aria-label="{escape(unit)}">']
    for i, (name, parts) in enumerate(rows):
        y = i * row_height + 4
        shown = name if len(name) <= 48 else name[:47] + "…"
        out.append(f'<text x="{left - 6}" y="{y + 12}" text-anchor="end">{escape(shown)}</text>')
        x = left
        for value, colour, part in parts:
            w = bar_width * value / largest
            if w:
                out.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row_height - 4}" fill="{colour}">'
                           f"<title>{escape(name)}: {value} {escape(part)}</title></rect>")
            x += w
        out.append(f'<text x="{x + 4:.1f}" y="{y + 12}">{sum(v for v, _, _ in parts)}</text>')
    out.append("</svg>")
    return "".join(out)


def _agency_bars(report: Report) -> str:
    rows = [(r[0], [(r[3], "#3b6ea8", "lead"), (r[4], "#9cc0e6", "support")])
            for r in report.agencies.rows[:BAR_ROWS]]
    return _bars(rows, "tasks per agency")


def _citation_bars(report: Report) -> str:
    column = report.documents.columns.index("citations")
    rows = [(r[0], [(r[column], "#7a5ea8", "citations")]) for r in report.documents.rows]
    return f'<div class="scroll">{_bars(rows, "citations per document")}</div>'
