"""The grid of screen cells the link chart's labels are kept apart in: a row of cells as
the bits of an int (cheaper to test and set than a slice of an array, for the few cells a
label covers), with a margin round the view that labels may reach in from."""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QLineF, QRectF

CELL = 8  # screen pixels: labels are kept from overlapping to within this
LABEL_GAP = 4  # screen pixels at least between two node labels side by side (look27)


class Grid(NamedTuple):
    """The screen's cells taken, a row of them as the bits of an int (as the node labels
    keep them): ``m`` pixels of margin round the view, cells of CELL pixels."""

    taken: list[int]
    lines: list[int]  # cells node labels' leader lines pass through
    icons: list[int]  # cells the icons in view cover
    m: int
    cols: int

    @classmethod
    def blank(cls, width: int, height: int, m: int = 0) -> Grid:
        """No cell taken, over a view ``width`` by ``height`` with a margin of ``m``."""
        rows, cols = (height + 2 * m) // CELL + 2, (width + 2 * m) // CELL + 2
        return cls([0] * rows, [0] * rows, [0] * rows, m, cols)

    def bits(self, rect: QRectF) -> tuple[int, int, int]:
        """The rows (first, last) and the column bits ``rect`` covers."""
        m, cols = self.m, self.cols
        c0 = max(int((rect.left() + m) // CELL), 0)
        c1 = min(int((rect.right() + m) // CELL), cols - 1)
        r0 = max(int((rect.top() + m) // CELL), 0)
        r1 = min(int((rect.bottom() + m) // CELL), len(self.taken) - 1)
        return r0, r1, ((1 << (c1 - c0 + 1)) - 1) << c0 if c1 >= c0 else 0

    def free(self, rect: QRectF) -> bool:
        r0, r1, bits = self.bits(rect)
        return bool(bits) and not any(
            (self.taken[r] | self.lines[r] | self.icons[r]) & bits for r in range(r0, r1 + 1))

    def take(self, rect: QRectF) -> None:
        r0, r1, bits = self.bits(rect)
        for r in range(r0, r1 + 1):
            self.taken[r] |= bits


def icon_cells(grid_rows: int, xs: np.ndarray, ys: np.ndarray, reach: np.ndarray,
               m: int) -> list[int]:
    """The cells the icons centred at ``xs``, ``ys`` (screen pixels; ``reach`` their half
    sizes) cover, by row."""
    rows = [0] * grid_rows
    for x, y, r in zip(xs.tolist(), ys.tolist(), reach.tolist(), strict=True):
        c0, c1 = max(int((x - r + m) // CELL), 0), max(int((x + r + m) // CELL), 0)
        bits = ((1 << (c1 - c0 + 1)) - 1) << c0
        for row in range(max(int((y - r + m) // CELL), 0),
                         min(int((y + r + m) // CELL), grid_rows - 1) + 1):
            rows[row] |= bits
    return rows


def line_cells(line: QLineF, m: int, rows: int, cols: int) -> list[tuple[int, int]]:
    """The cells (by row: the bits of its columns) that ``line`` passes through, but for a
    pixel at each end (where it meets its icon and its label): every cell it enters, walked
    cell by cell (Amanatides and Woo's traversal), not sampled — a line that clips a label's
    corner finds it."""
    x0, y0, x1, y1 = line.x1(), line.y1(), line.x2(), line.y2()
    length = line.length()
    if length <= 2:
        return []
    a, b = 1 / length, 1 - 1 / length
    sx, sy = x0 + (x1 - x0) * a + m, y0 + (y1 - y0) * a + m
    dx, dy = (x1 - x0) * (b - a), (y1 - y0) * (b - a)
    col, row = int(sx // CELL), int(sy // CELL)
    last_col, last_row = int((sx + dx) // CELL), int((sy + dy) // CELL)
    step_c, step_r = (1 if dx > 0 else -1), (1 if dy > 0 else -1)
    # the fraction of the line at which it next crosses a column's or a row's edge
    next_c = ((col + (step_c > 0)) * CELL - sx) / dx if dx else math.inf
    next_r = ((row + (step_r > 0)) * CELL - sy) / dy if dy else math.inf
    per_c = CELL / abs(dx) if dx else math.inf
    per_r = CELL / abs(dy) if dy else math.inf
    found: dict[int, int] = {}
    for _ in range(abs(last_col - col) + abs(last_row - row) + 1):
        if 0 <= row < rows and 0 <= col < cols:
            found[row] = found.get(row, 0) | (1 << col)
        if next_c < next_r:
            col, next_c = col + step_c, next_c + per_c
        else:
            row, next_r = row + step_r, next_r + per_r
    return list(found.items())
