"""A map of places as rows of characters: borders, coasts, markers and labels, no styles.

The caller says how to colour each piece (``Piece.kind``): the reader with
Rich styles, a test by reading the text. Each marker is its place's key (a
digit or letter), which a legend beside the map explains, so the map reads
in 16 colours, without colour, and in ASCII.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from briefing.geo import borders
from briefing.geo.canvas import Canvas
from briefing.geo.layout import Spot, lay_out
from briefing.geo.projection import Projection, fit, zoomed

KEYS = "123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
MORE = "+"  # the marker of places past the last key


@dataclass(frozen=True)
class MapPlace:
    """A place to draw: its id, name, position and the key that marks it."""

    id: str
    name: str
    lon: float
    lat: float
    key: str


@dataclass(frozen=True)
class Piece:
    """A run of cells of one kind: "blank", "land" (a border or coast), "marker" or "label"."""

    text: str
    kind: str
    place: str | None = None


@dataclass(frozen=True)
class MapPicture:
    rows: tuple[tuple[Piece, ...], ...]
    spots: dict[str, Spot]
    projection: Projection

    def lines(self) -> list[str]:
        return ["".join(piece.text for piece in row) for row in self.rows]


def key_for(position: int) -> str:
    return KEYS[position] if position < len(KEYS) else MORE


def ascii_text(text: str) -> str:
    """Text for a terminal that shows only ASCII: accents dropped, curly quotes straightened."""
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c if c.isascii() else "?" for c in decomposed if not unicodedata.combining(c))


def draw(
    places: Sequence[MapPlace],
    columns: int,
    rows: int,
    *,
    braille: bool = True,
    first: Iterable[str] = (),
    exact: int | None = None,
    zoom: float = 1.0,
) -> MapPicture:
    """The map of ``places`` (most important first) on columns × rows cells.

    Places in ``first`` (the selected ones) are laid out before the rest, so
    their labels are the last to be shortened or dropped. The markers of the
    first ``exact`` places (default all) never move (briefing.geo.layout).
    ``zoom`` magnifies the view that fits them all, centred on the first of ``first``.
    """
    canvas = Canvas(columns, rows, braille=braille)
    projection = fit([(p.lon, p.lat) for p in places], canvas.width, canvas.height)
    first = tuple(first)
    centre = next((p for p in places if first and p.id == first[0]), None)
    if zoom != 1.0 and centre is not None:
        projection = zoomed(projection, zoom, centre.lon, centre.lat)
    chosen = set(first)
    exact = len(places) if exact is None else exact
    ordered = [p for p in places if p.id in chosen] + [p for p in places if p.id not in chosen]
    exact_ids = {p.id for p in places[:exact]}
    # The chosen places come first; a chosen area keeps its marker only if it stays exact.
    ordered.sort(key=lambda p: p.id not in exact_ids)
    at = []
    for place in ordered:
        x, y = projection.dot(place.lon, place.lat)
        if 0 <= x < canvas.width and 0 <= y < canvas.height:  # zoomed in, some are off the map
            name = place.name if braille else ascii_text(place.name)
            at.append((place.id, name, int(y // canvas.cell_height), int(x // canvas.cell_width)))
    exact_in_view = sum(pid in exact_ids for pid, *_ in at)
    spots = {p.id: Spot(p.id, None) for p in places}
    spots.update({spot.place: spot for spot in lay_out(at, rows, columns, exact=exact_in_view)})
    land = _border_rows(columns, rows, braille, projection)
    return MapPicture(_pieces(land, places, spots), spots, projection)


@lru_cache(maxsize=8)
def _border_rows(columns: int, rows: int, braille: bool, projection: Projection) -> tuple[str, ...]:
    """The borders and coasts alone, kept: moving the highlight changes only the labels."""
    canvas = Canvas(columns, rows, braille=braille)
    _draw_borders(canvas, projection)
    return tuple(canvas.text_rows())


def _draw_borders(canvas: Canvas, projection: Projection) -> None:
    west, south, east, north = projection.bounds
    for ring, (r_west, r_south, r_east, r_north) in zip(borders.rings(), borders.ring_bounds(), strict=True):
        if r_east < west or r_west > east or r_north < south or r_south > north:
            continue
        points = [projection.dot(lon, lat) for lon, lat in ring]
        for (x0, y0), (x1, y1) in pairwise(points):
            canvas.line(x0, y0, x1, y1)


def _pieces(
    land: Sequence[str], places: Sequence[MapPlace], spots: dict[str, Spot]
) -> tuple[tuple[Piece, ...], ...]:
    cells: list[list[tuple[str, str, str | None]]] = [
        [(char, "blank" if char == " " else "land", None) for char in line] for line in land
    ]
    keys = {p.id: p.key for p in places}
    for spot in spots.values():
        if spot.label is not None:
            row, column = spot.label
            for n, char in enumerate(_cells_of(spot.text)):
                cells[row][column + n] = (char, "label", spot.place)
        if spot.marker is not None:
            row, column = spot.marker
            cells[row][column] = (keys[spot.place], "marker", spot.place)
    rows = []
    for line in cells:
        pieces: list[Piece] = []
        for char, kind, place in line:
            if pieces and pieces[-1].kind == kind and pieces[-1].place == place:
                pieces[-1] = Piece(pieces[-1].text + char, kind, place)
            elif char:
                pieces.append(Piece(char, kind, place))
        rows.append(tuple(pieces))
    return tuple(rows)


def _cells_of(text: str) -> list[str]:
    """One entry per cell: a wide character, then an empty string for the cell it covers."""
    cells: list[str] = []
    for char in text:
        cells.append(char)
        if unicodedata.east_asian_width(char) in "WF":
            cells.append("")
    return cells
