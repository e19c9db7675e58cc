"""Ruled tables in a scanned page: the grid found in the ink, its cells cut out for Tesseract.

A ruling line is a long, thin run of ink. Runs are found row by row (and column by column for the
vertical rules) in the binarised page with numpy, runs touching in neighbouring pixel rows are
chained into one line (so a line tilted by the scan's skew is still one line), and lines that
cross are grouped into grids (`rules.py`, shared with the drawn rules of a text PDF). The
page's skew, measured on the horizontal rules, is taken out of every coordinate before lines
are snapped into rows and columns. A merged cell (a border missing between two grid cells) is
one cell, its text in its top-left grid cell. `ocr.py` paints the rules out (`erase_rules`),
reads the cells stacked in one column (`stack_cells`) and drops the page's own words whose
centres fall in a grid (`Grid.cell_of`).
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from .rules import crossing_groups, snap

INK = 160  # grey level: darker is ink (show-through from the back of the page stays lighter)
MIN_RUN = 0.12  # inch: a run of ink this long in one pixel row or column may be part of a rule
MIN_RULE = 0.35  # inch: a chained line this long is a rule
MAX_THICKNESS = 0.04  # inch: a rule is thinner than this (a filled area or a page edge is not)
LINK_GAP = 0.03  # inch: runs this close end to end in neighbouring pixel rows are one line
SNAP = 0.05  # inch: rules closer than this (after deskewing) are one grid line
MIN_CELLS = 2  # a frame around one box (a stamp, a "DỰ THẢO" mark) is not a table


@dataclass
class Rule:
    fixed: float  # y of a horizontal rule, x of a vertical one, in the deskewed frame
    start: float
    end: float
    runs: list[tuple[int, int, int]]  # its ink: (pixel row, start, end); for a vertical rule (column, top, bottom)


@dataclass
class Grid:
    xs: list[float]
    ys: list[float]
    horizontal: list[Rule]
    vertical: list[Rule]
    skew: float  # dy/dx of the page's horizontal rules
    snap: float  # pixels

    def straighten(self, x: float, y: float) -> tuple[float, float]:
        """Page pixels to the deskewed frame (a small rotation)."""
        return x + self.skew * y, y - self.skew * x

    def unstraighten(self, x: float, y: float) -> tuple[float, float]:
        return x - self.skew * y, y + self.skew * x

    @property
    def top(self) -> float:
        return self.unstraighten(self.xs[0], self.ys[0])[1]

    def cell_of(self, x: float, y: float) -> tuple[int, int] | None:
        """The merged cell (its top-left grid cell) holding the point (page pixels), if any."""
        x, y = self.straighten(x, y)
        r = next((i for i in range(len(self.ys) - 1) if self.ys[i] <= y < self.ys[i + 1]), None)
        c = next((i for i in range(len(self.xs) - 1) if self.xs[i] <= x < self.xs[i + 1]), None)
        return None if r is None or c is None else self.owner(r, c)

    def owner(self, r: int, c: int) -> tuple[int, int]:
        """The top-left grid cell of the merged cell holding grid cell (r, c)."""
        while c > 0 and not self._ruled(self.vertical, self.xs[c], (self.ys[r] + self.ys[r + 1]) / 2):
            c -= 1
        while r > 0 and not self._ruled(self.horizontal, self.ys[r], (self.xs[c] + self.xs[c + 1]) / 2):
            r -= 1
        return r, c

    def _ruled(self, rules: list[Rule], fixed: float, along: float) -> bool:
        return any(abs(e.fixed - fixed) <= self.snap and e.start - self.snap <= along <= e.end + self.snap
                   for e in rules)


def _runs(ink, min_run: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of ink at least `min_run` long in each pixel row."""
    import numpy as np

    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    rows, starts = np.nonzero(np.diff(padded, axis=1) == 1)
    _, ends = np.nonzero(np.diff(padded, axis=1) == -1)
    keep = ends - starts >= min_run
    return list(zip(rows[keep].tolist(), starts[keep].tolist(), ends[keep].tolist()))


def _chain(runs: list[tuple[int, int, int]], gap: int) -> list[list[tuple[int, int, int]]]:
    """Runs grouped into lines: a run joins a line whose run in the pixel row above (or the one
    above that) overlaps it or ends within `gap` of it."""
    by_row: dict[int, list[int]] = {}
    for i, (row, _, _) in enumerate(runs):
        by_row.setdefault(row, []).append(i)
    parent = list(range(len(runs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (row, a, b) in enumerate(runs):
        for j in by_row.get(row - 1, []) + by_row.get(row - 2, []) + [k for k in by_row[row] if k < i]:
            _, c, d = runs[j]
            if a - gap <= d and c - gap <= b:
                parent[find(i)] = find(j)
    groups: dict[int, list[tuple[int, int, int]]] = {}
    for i, run in enumerate(runs):
        groups.setdefault(find(i), []).append(run)
    return list(groups.values())


def _lines(ink, dpi: float) -> list[tuple[float, float, float, float, list]]:
    """Rules in one direction as (x0, x1, slope, y at x=0, runs) in that direction's own frame
    (rows are pixel rows)."""
    out = []
    for group in _chain(_runs(ink, int(MIN_RUN * dpi)), int(LINK_GAP * dpi)):
        x0, x1 = min(r[1] for r in group), max(r[2] for r in group)
        if x1 - x0 < MIN_RULE * dpi:
            continue
        area = sum(r[2] - r[1] for r in group)
        if area / (x1 - x0) > MAX_THICKNESS * dpi:
            continue
        # least-squares line through the runs' centres, weighted by their length
        w = [r[2] - r[1] for r in group]
        xs = [(r[1] + r[2]) / 2 for r in group]
        ys = [r[0] + 0.5 for r in group]
        mx = sum(a * b for a, b in zip(w, xs)) / area
        my = sum(a * b for a, b in zip(w, ys)) / area
        sxx = sum(a * (b - mx) ** 2 for a, b in zip(w, xs))
        slope = sum(a * (b - mx) * (c - my) for a, b, c in zip(w, xs, ys)) / sxx if sxx else 0.0
        out.append((x0, x1, slope, my - slope * mx, group))
    return out


def find_grids(image, dpi: float) -> list[Grid]:
    """The ruled tables of a grey page image."""
    import numpy as np

    ink = np.asarray(image.convert("L")) < INK
    flat = _lines(ink, dpi)
    upright = _lines(ink.T, dpi)
    if len(flat) < 2 or len(upright) < 2:
        return []
    skew = median(line[2] for line in flat)
    horizontal, vertical = [], []
    for x0, x1, slope, y0, runs in flat:  # y = y0 + slope x; straightened: y' = y - skew x
        mid = (x0 + x1) / 2
        y = y0 + slope * mid
        horizontal.append(Rule(y - skew * mid, x0 + skew * y, x1 + skew * y, runs))
    for y0_, y1_, slope, x0, runs in upright:  # in the transposed frame: x = x0 + slope y
        mid = (y0_ + y1_) / 2
        x = x0 + slope * mid
        vertical.append(Rule(x + skew * mid, y0_ - skew * x, y1_ - skew * x, runs))
    return _grids(horizontal, vertical, skew, SNAP * dpi)


def erase_rules(image, grids: list[Grid]):
    """The page with its tables' rules (and the blur around them) painted white: Tesseract
    reads a ruled table's cells much better without the lines (a rule by a digit hides it)."""
    import numpy as np
    from PIL import Image

    pixels = np.array(image.convert("L"))
    for grid in grids:
        for row, a, b in (run for rule in grid.horizontal for run in rule.runs):
            pixels[max(0, row - 1):row + 2, max(0, a - 1):b + 1] = 255
        for col, a, b in (run for rule in grid.vertical for run in rule.runs):
            pixels[max(0, a - 1):b + 1, max(0, col - 1):col + 2] = 255
    erased = Image.fromarray(pixels)
    erased.info.update(image.info)  # its resolution
    return erased


def _grids(horizontal: list[Rule], vertical: list[Rule], skew: float, tolerance: float) -> list[Grid]:
    """Groups of crossing rules with at least MIN_CELLS cells."""
    grids = []
    for hs, vs in crossing_groups(horizontal, vertical, tolerance):
        ys, xs = snap([e.fixed for e in hs], tolerance), snap([e.fixed for e in vs], tolerance)
        if len(ys) >= 2 and len(xs) >= 2 and (len(ys) - 1) * (len(xs) - 1) >= MIN_CELLS:
            grids.append(Grid(xs, ys, hs, vs, skew, tolerance))
    return grids


CELL_GAP = 0.15  # inch of white between two cells stacked for Tesseract


def stack_cells(image, grid: Grid, dpi: float):
    """The grid's cells cut out and stacked in one column, row by row, for one Tesseract call:
    read in place, a table's row is taken for one line across its cells, and a cell's text set
    lower than its neighbours' (a lone row number, a centred date) is misread or lost. Returns
    the stacked image and each cell's (top, bottom, (row, column)) in it."""
    from PIL import Image

    crops = []
    rows, cols = len(grid.ys) - 1, len(grid.xs) - 1
    for r in range(rows):
        for c in range(cols):
            if grid.owner(r, c) != (r, c):
                continue  # covered by a merged cell: cut out with it
            c1, r1 = c + 1, r + 1
            while c1 < cols and grid.owner(r, c1) == (r, c):
                c1 += 1
            while r1 < rows and grid.owner(r1, c) == (r, c):
                r1 += 1
            x0, y0 = grid.unstraighten(grid.xs[c], grid.ys[r])
            x1, y1 = grid.unstraighten(grid.xs[c1], grid.ys[r1])
            inset = 2  # the rules are painted out already; the letters may touch them
            crops.append(((r, c), image.crop((int(x0) + inset, int(y0) + inset, int(x1) - inset, int(y1) - inset))))
    gap = int(CELL_GAP * dpi)
    stacked = Image.new("L", (max(c.width for _, c in crops) + 2 * gap,
                              sum(c.height + gap for _, c in crops) + gap), 255)
    bands, y = [], gap
    for at, crop in crops:
        stacked.paste(crop, (gap, y))
        bands.append((y, y + crop.height, at))
        y += crop.height + gap
    return stacked, bands


def table_rows(grid: Grid, texts: dict[tuple[int, int], str]) -> list[list[str]]:
    """Rows of cell texts; a merged cell's text once, in its top-left cell. Grid rows and columns
    left empty throughout (by merged cells) are dropped."""
    rows, cols = len(grid.ys) - 1, len(grid.xs) - 1
    table = [[texts.get((r, c), "") for c in range(cols)] for r in range(rows)]
    keep = [c for c in range(cols) if any(table[r][c] for r in range(rows))]
    return [[row[c] for c in keep] for row in table if any(row)]
