"""Ruling lines into table grids: shared by the PDF reader (rules drawn as paths) and OCR (rules
found in the ink of a scan).

A rule is anything with `fixed` (y of a horizontal rule, x of a vertical one) and `start`/`end`
along it. Rules that cross, within a tolerance, belong to one table; a table's rows and columns
are its rules' coordinates, clustered.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Protocol, TypeVar


class Rule(Protocol):
    fixed: float
    start: float
    end: float


R = TypeVar("R", bound=Rule)


def crossing_groups(horizontal: list[R], vertical: list[R], tolerance: float) -> list[tuple[list[R], list[R]]]:
    """Groups of rules connected by crossings, each as (horizontal rules, vertical rules)."""
    count = len(horizontal) + len(vertical)
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # vertical rules sorted by x, so each horizontal rule looks only at those within its span
    by_x = sorted(range(len(vertical)), key=lambda j: vertical[j].fixed)
    xs = [vertical[j].fixed for j in by_x]
    for i, h in enumerate(horizontal):
        lo, hi = bisect_left(xs, h.start - tolerance), bisect_right(xs, h.end + tolerance)
        for j in by_x[lo:hi]:
            v = vertical[j]
            if v.start - tolerance <= h.fixed <= v.end + tolerance:
                parent[find(i)] = find(len(horizontal) + j)
    groups: dict[int, tuple[list[R], list[R]]] = {}
    for i, rule in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(rule)
    for j, rule in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + j), ([], []))[1].append(rule)
    return list(groups.values())


def snap(values: list[float], tolerance: float) -> list[float]:
    """Coordinates closer than `tolerance` clustered into one (their mean), in order."""
    clusters: list[list[float]] = []
    for v in sorted(values):
        if clusters and v - clusters[-1][-1] <= tolerance:
            clusters[-1].append(v)
        else:
            clusters.append([v])
    return [sum(c) / len(c) for c in clusters]
