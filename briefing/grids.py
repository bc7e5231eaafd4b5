"""Tables drawn as grids on a page: the rules a PDF draws, read into rows and columns.

A table whose cells wrap their text cannot be told from its lines alone: a second line of a
cell may hold one column's words and nothing in the others, and a renderer may centre a short
cell between the lines of a long one. Where the table is drawn as a grid, as Word, LibreOffice
and browsers draw a table with borders, the rules say which row and which column every word
belongs to. This module is the geometry: rules in, grids out, and where a point falls in them.
``briefing.pdf`` reads the rules and the words from PDFium.

A grid needs two rows and two columns, rules crossing rules: a box around a paragraph, a rule
under a heading or a line between two columns of text make none.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Grid", "Rule", "find_grids"]

# Rules closer than this (in points) are one: a double border, or two cells' own borders with
# a little spacing between them, part the same two rows or columns.
SNAP = 3.0
# The fewest rules a grid has each way: two rows need three horizontal rules.
_MIN_RULES = 3
# Pages drawn with more rules than this (a chart, a map) are not read for grids.
MAX_RULES = 4000


@dataclass(frozen=True)
class Rule:
    """A straight rule along one axis: ``at`` is its y (horizontal) or x (vertical), and it
    runs from ``start`` to ``end`` along the other axis."""

    at: float
    start: float
    end: float


@dataclass(frozen=True)
class Grid:
    """A table's grid: its rows' edges from the top down, and its vertical rules (a merged
    cell has no rule through it, so each row has its own columns)."""

    left: float
    right: float
    edges: tuple[float, ...]
    """The y of each horizontal rule, from the top of the page down."""
    verticals: tuple[Rule, ...]

    def row_at(self, x_left: float, x_right: float, y: float, slack: float) -> int | None:
        """The row (from 0, top down) a line from ``x_left`` to ``x_right`` at height ``y``
        lies in, or None when it lies outside the grid (by more than ``slack`` on the right,
        where a cell's last word may overrun its border)."""
        if x_left < self.left - SNAP or x_right > self.right + max(SNAP, slack):
            return None
        if not self.edges[-1] < y < self.edges[0]:
            return None
        below = [-edge for edge in self.edges]
        return bisect.bisect_left(below, -y) - 1

    def columns(self, row: int) -> list[float]:
        """The x of the inner vertical rules that cross ``row``, left to right: a word at x
        is in column ``bisect.bisect_left(columns, x)``."""
        middle = (self.edges[row] + self.edges[row + 1]) / 2
        inner = sorted(
            {
                rule.at
                for rule in self.verticals
                if rule.start - SNAP <= middle <= rule.end + SNAP
                and self.left + SNAP < rule.at < self.right - SNAP
            }
        )
        return _snapped(inner)


def find_grids(horizontal: Sequence[Rule], vertical: Sequence[Rule]) -> list[Grid]:
    """The grids the rules draw: sets of horizontal and vertical rules that cross one
    another, with at least three distinct rules each way (two rows, two columns)."""
    if len(horizontal) + len(vertical) > MAX_RULES:
        return []
    rules = [*horizontal, *vertical]
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    offset = len(horizontal)
    for i, horizontal_rule in enumerate(horizontal):
        for j, vertical_rule in enumerate(vertical):
            if _cross(horizontal_rule, vertical_rule):
                parent[root(i)] = root(offset + j)
    groups: dict[int, list[int]] = {}
    for i in range(len(rules)):
        groups.setdefault(root(i), []).append(i)
    grids = []
    for members in groups.values():
        across = [rules[i] for i in members if i < offset]
        down = [rules[i] for i in members if i >= offset]
        edges = _snapped(sorted((rule.at for rule in across), reverse=True))
        columns = _snapped(sorted(rule.at for rule in down))
        if len(edges) < _MIN_RULES or len(columns) < _MIN_RULES:
            continue
        grids.append(
            Grid(
                left=min(rule.start for rule in across),
                right=max(rule.end for rule in across),
                edges=tuple(edges),
                verticals=tuple(down),
            )
        )
    return grids


def _cross(across: Rule, down: Rule) -> bool:
    return (
        across.start - SNAP <= down.at <= across.end + SNAP
        and down.start - SNAP <= across.at <= down.end + SNAP
    )


def _snapped(values: list[float]) -> list[float]:
    """Sorted values without those within ``SNAP`` of the one kept before them."""
    kept: list[float] = []
    for value in values:
        if not kept or abs(value - kept[-1]) > SNAP:
            kept.append(value)
    return kept
