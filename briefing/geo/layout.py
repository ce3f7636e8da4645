"""Markers and labels on a grid of cells, none over another.

Places are laid out in order of importance (the caller's order): each
marker takes its own cell, or the nearest free one; each label then takes
the first free spot beside its marker, in its full name or, where that
does not fit, shortened. The lesser places, laid out last, are the ones
shortened or left without a label. A label keeps a blank cell from any other.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Spot:
    """Where a place's marker and label went: cells as (row, column); label None if none fitted."""

    place: str
    marker: tuple[int, int] | None
    label: tuple[int, int] | None = None
    text: str = ""


def cell_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def shortened(name: str) -> list[str]:
    """The name, then shorter forms of it, longest first."""
    forms = [name]
    for size in (10, 6, 3):
        if cell_width(name) > size + 1:
            forms.append(name[:size].rstrip(" -,") + ".")
    return forms


class Layout:
    """The cells taken so far on a rows × columns grid."""

    def __init__(self, rows: int, columns: int) -> None:
        self.rows, self.columns = rows, columns
        self.markers: dict[tuple[int, int], str] = {}
        self.labels: dict[tuple[int, int], str] = {}

    def place_marker(
        self, place: str, row: int, column: int, *, apart: bool = False
    ) -> tuple[int, int] | None:
        """The cell nearest (row, column) free of markers, labels and a label's ends, within
        two cells; None if all are taken. ``apart``: not beside another marker either ("12"
        would read as one key)."""
        for radius in range(3):
            for dr in range(-radius, radius + 1):
                for dc in range(-radius, radius + 1):
                    cell = (row + dr, column + dc)
                    if max(abs(dr), abs(dc)) == radius and self._inside(*cell) and self._open(cell, apart):
                        self.markers[cell] = place
                        return cell
        return None

    def _open(self, cell: tuple[int, int], apart: bool) -> bool:
        row, column = cell
        near = ((row, column - 1), cell, (row, column + 1))
        if apart and any(c in self.markers for c in near):
            return False
        return cell not in self.markers and not any(c in self.labels for c in near)

    def place_label(
        self, place: str, marker: tuple[int, int], name: str
    ) -> tuple[tuple[int, int], str] | None:
        """The first free spot beside the marker for the name or a shorter form; None if none is free."""
        row, column = marker
        for text in shortened(name):
            width = cell_width(text)
            for start in (
                (row, column + 1),
                (row, column - width),
                (row - 1, column + 1),
                (row + 1, column + 1),
                (row - 1, column - width),
                (row + 1, column - width),
            ):
                if self._free(place, start[0], start[1], width):
                    for n in range(width):
                        self.labels[(start[0], start[1] + n)] = place
                    return start, text
        return None

    def _inside(self, row: int, column: int) -> bool:
        return 0 <= row < self.rows and 0 <= column < self.columns

    def _free(self, place: str, row: int, column: int, width: int) -> bool:
        if not (self._inside(row, column) and self._inside(row, column + width - 1)):
            return False
        cells = [(row, column + n) for n in range(width)]
        if any(c in self.markers or c in self.labels for c in cells):
            return False
        # Nothing of another place just before or after: "Hama5" would read as Hama's marker,
        # and two labels side by side as one.
        return all(
            self.labels.get(c, place) == place and self.markers.get(c, place) == place
            for c in ((row, column - 1), (row, column + width))
        )


def lay_out(
    places: list[tuple[str, str, int, int]], rows: int, columns: int, *, exact: int | None = None
) -> list[Spot]:
    """Markers and labels for (id, name, row, column) places, most important first.

    The markers of the first ``exact`` places (all by default) are placed before any label,
    so they stay where they belong; each other place's marker is placed just before its
    label and may move up to two cells off, out of the way of the labels already laid.
    """
    exact = len(places) if exact is None else exact
    layout = Layout(rows, columns)
    markers = {pid: layout.place_marker(pid, row, column) for pid, _name, row, column in places[:exact]}
    spots = []
    for pid, name, row, column in places:
        marker = markers[pid] if pid in markers else layout.place_marker(pid, row, column, apart=True)
        found = layout.place_label(pid, marker, name) if marker is not None else None
        if found is None:
            spots.append(Spot(pid, marker))
        else:
            spots.append(Spot(pid, marker, found[0], found[1]))
    return spots
