"""The map drawn in a widget: briefing/geo's characters, in the theme's colours.

Markers are their place's key (a digit or letter) and the highlighted places
are reversed, so the map reads in 16 colours and without colour; where the
locale cannot show braille (LANG=C) it is drawn in ASCII.
"""

from __future__ import annotations

import os

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from briefing.geo.drawing import MapPicture, Piece, draw
from briefing.geo.places import MapContents


def braille_ok(environ: os._Environ[str] | dict[str, str] = os.environ) -> bool:
    """Whether the locale is UTF-8, as the terminal was told: the first of LC_ALL, LC_CTYPE,
    LANG that is set decides (none set is the C locale: ASCII)."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = environ.get(name)
        if value:
            return "utf-8" in value.lower() or "utf8" in value.lower()
    return False


class MapCanvas(Widget):
    """The places of a briefing on a map of the borders and coasts around them."""

    DEFAULT_CSS = """
    MapCanvas {
        height: 1fr;
        width: 1fr;
        & > .map-canvas--land { color: $text-muted; }
        & > .map-canvas--marker { color: $text-accent; text-style: bold; }
        & > .map-canvas--label { color: $foreground; }
        & > .map-canvas--highlight { text-style: bold reverse; }
    }
    """
    COMPONENT_CLASSES = {
        "map-canvas--land",
        "map-canvas--marker",
        "map-canvas--label",
        "map-canvas--highlight",
    }

    def __init__(self, contents: MapContents, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.contents = contents
        self.places, self.exact = contents.to_draw()
        self.braille = braille_ok()
        self.highlight: tuple[str, ...] = ()  # place ids, the most important first
        self.zoom = 1  # times the view that fits every place, centred on the first highlighted
        self.picture: MapPicture | None = None
        self._drawn_for: tuple[object, ...] = ()

    def show(self, highlight: tuple[str, ...], zoom: int = 1) -> None:
        if (highlight, zoom) != (self.highlight, self.zoom):
            self.highlight, self.zoom = highlight, zoom
            self.refresh()

    def draw(self) -> MapPicture:
        """The picture for the widget's size and highlight, drawn again only when they change."""
        key = (self.size.width, self.size.height, self.highlight, self.zoom)
        if self.picture is None or key != self._drawn_for:
            width, height = max(self.size.width, 1), max(self.size.height, 1)
            self.picture = draw(
                self.places,
                width,
                height,
                braille=self.braille,
                first=self.highlight,
                exact=self.exact,
                zoom=self.zoom,
            )
            self._drawn_for = key
        return self.picture

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop", end="")
        rows = self.draw().rows
        for n, row in enumerate(rows):
            for piece in row:
                text.append(piece.text, self.piece_style(piece))  # names as plain text, never markup
            if n < len(rows) - 1:
                text.append("\n")
        return text

    def piece_style(self, piece: Piece) -> Style:
        if piece.kind == "blank":
            return Style()
        style = self.get_component_rich_style(f"map-canvas--{piece.kind}")
        if piece.place is not None and piece.place in self.highlight:
            style += self.get_component_rich_style("map-canvas--highlight", partial=True)
        return style
