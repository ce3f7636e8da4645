"""Dots on a grid of character cells: braille (2×4 dots a cell) or ASCII (1×2)."""

from __future__ import annotations

BRAILLE_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))  # [row][column]
ASCII_CELLS = {0: " ", 1: "'", 2: ".", 3: ":"}  # top dot, bottom dot, both


class Canvas:
    """Dots set one by one or along lines, read back as one string per row of cells."""

    def __init__(self, columns: int, rows: int, *, braille: bool = True) -> None:
        self.columns, self.rows, self.braille = columns, rows, braille
        self.cell_width, self.cell_height = (2, 4) if braille else (1, 2)
        self.width, self.height = columns * self.cell_width, rows * self.cell_height
        self._cells = [[0] * columns for _ in range(rows)]

    def set(self, x: int, y: int) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            column, dx = divmod(x, self.cell_width)
            row, dy = divmod(y, self.cell_height)
            bit = BRAILLE_BITS[dy][dx] if self.braille else 1 << dy
            self._cells[row][column] |= bit

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """The dots along a segment, clipped to the canvas (a far segment costs nothing)."""
        clipped = clip(x0, y0, x1, y1, self.width, self.height)
        if clipped is None:
            return
        ax, ay, bx, by = (round(v) for v in clipped)
        steps = max(abs(bx - ax), abs(by - ay))
        for n in range(steps + 1):
            t = n / steps if steps else 0.0
            self.set(round(ax + (bx - ax) * t), round(ay + (by - ay) * t))

    def filled(self, column: int, row: int) -> bool:
        return bool(self._cells[row][column])

    def text_rows(self) -> list[str]:
        if self.braille:
            return ["".join(chr(0x2800 + c) if c else " " for c in row) for row in self._cells]
        return ["".join(ASCII_CELLS[c] for c in row) for row in self._cells]


def clip(
    x0: float, y0: float, x1: float, y1: float, width: float, height: float
) -> tuple[float, float, float, float] | None:
    """Liang–Barsky: the part of a segment inside [0, width) × [0, height), or None."""
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0), (dx, width - 1 - x0), (-dy, y0), (dy, height - 1 - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return (x0 + low * dx, y0 + low * dy, x0 + high * dx, y0 + high * dy)
