"""The map: the briefing's places on their borders, a legend beside it, linked to the Timeline.

Opened with the selected event's places highlighted. Moving through the
legend highlights a place; `]` and `[` step through the events in date order,
highlighting each one's places, to watch an offensive move. The screen
returns what the reader chose (MapChoice) and the reader's screen acts on it
(tui/map_link.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.geo.places import MapContents, MappedPlace, contents
from briefing.model import Briefing, Event
from briefing.tui import keys
from briefing.tui.widgets.key_bar import KeyBar
from briefing.tui.widgets.map_canvas import MapCanvas

LEGEND_WIDTH = 34  # "▶2 Aleppo" over "  1 event, 27 Nov – 5 Dec 2024", and a scrollbar
LEGEND_SHARE = 0.35  # at most this share of the screen, for the map's sake
MAX_ZOOM = 64  # about a city's streets from a region's view: the borders are 1:110m


@dataclass(frozen=True)
class MapChoice:
    """What the reader left the map with: "back", "choose" a place or "filter" to it."""

    action: str
    place: str | None = None
    event: str | None = None  # the event stepped to, if any


class MapScreen(Screen[MapChoice], inherit_bindings=False):
    DEFAULT_CSS = """
    MapScreen {
        #map-title { height: 1; padding: 0 1; background: $panel; }
        #map-body { height: 1fr; }
        #map-side { height: 1fr; }
        #map-legend { height: 1fr; border: none; padding: 0; }
        #map-unplaced { height: auto; max-height: 6; color: $text-muted; }
        #map-empty { padding: 1 2; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings_for("map")
    READER_HELP = True

    def __init__(self, briefing: Briefing, *, event: Event | None = None, place: str | None = None) -> None:
        super().__init__()
        self.briefing = briefing
        self.contents: MapContents = contents(briefing)
        self.event = event  # the event whose places are highlighted
        self.start_place = place if place is not None else self._first_place(event)
        self.zoom = 1
        self._marked: str | None = None  # the place whose legend entry carries the ▶

    def _first_place(self, event: Event | None) -> str | None:
        if event is None:
            return None
        return next((p for p in event.places if self.contents.index_of(p) is not None), None)

    def compose(self) -> ComposeResult:
        yield Static(id="map-title")
        if not self.contents.placed:
            yield Static(self._nothing_to_map(), id="map-empty")
        else:
            width = min(LEGEND_WIDTH, max(round(self.app.size.width * LEGEND_SHARE), 16))
            with Horizontal(id="map-body"):
                yield MapCanvas(self.contents, id="map")
                with Vertical(id="map-side") as side:
                    side.styles.width = width
                    yield OptionList(*(self._option(m) for m in self.contents.placed), id="map-legend")
                    if self.contents.unplaced:
                        yield Static(self._unplaced(), id="map-unplaced")
        yield KeyBar()

    def _nothing_to_map(self) -> Content:
        if not self.briefing.places:
            return Content("This briefing names no places.")
        names = ", ".join(p.name for p in self.briefing.places)
        return Content(f"None of this briefing's places has coordinates (lat and lon): {names}.")

    def _unplaced(self) -> Content:
        return Content(
            "Not on the map (no coordinates): " + ", ".join(p.name for p in self.contents.unplaced)
        )

    @staticmethod
    def _prompt(mapped: MappedPlace, current: bool = False) -> Content:
        # The cursor is also a mark, as in the Timeline: a background alone does not show
        # under NO_COLOR.
        return Content.assemble(
            ("▶" if current else " ", "bold"),
            (mapped.key, "bold reverse"),
            " ",
            (mapped.place.name, "bold"),
            "\n  ",
            (mapped.summary, "dim"),
        )

    def _option(self, mapped: MappedPlace) -> Option:
        return Option(self._prompt(mapped), id=mapped.place.id)

    def on_mount(self) -> None:
        if self.contents.placed:
            legend = self.legend
            index = self.contents.index_of(self.start_place) if self.start_place else None
            legend.highlighted = index if index is not None else 0
            legend.focus()
        self._show()

    # -- what is highlighted ----------------------------------------------------------

    @property
    def legend(self) -> OptionList:
        return self.query_one("#map-legend", OptionList)

    @property
    def canvas(self) -> MapCanvas:
        return self.query_one(MapCanvas)

    @property
    def place(self) -> str | None:
        """The place the legend's cursor is on."""
        if not self.contents.placed or self.legend.highlighted is None:
            return None
        return self.contents.placed[self.legend.highlighted].place.id

    @property
    def highlighted(self) -> tuple[str, ...]:
        """The places shown highlighted: the legend's, then the event's."""
        places = [self.place] if self.place else []
        if self.event is not None:
            places += [p for p in self.event.places if p not in places]
        return tuple(p for p in places if self.contents.index_of(p) is not None)

    def on_option_list_option_highlighted(self, _message: OptionList.OptionHighlighted) -> None:
        self._mark_cursor()
        self._show()

    def _mark_cursor(self) -> None:
        """▶ on the legend's current place, and on no other."""
        current = self.place
        for place_id in {self._marked, current} - {None}:
            index = self.contents.index_of(place_id)
            if index is not None:
                mapped = self.contents.placed[index]
                self.legend.replace_option_prompt(place_id, self._prompt(mapped, place_id == current))
        self._marked = current

    def _show(self) -> None:
        if self.contents.placed:
            self.canvas.show(self.highlighted, self.zoom)
        self.query_one("#map-title", Static).update(self._title())

    def _title(self) -> Content:
        count = len(self.contents.placed)
        # Spaces end a styled run rather than start a plain one (see tui/styling.py, MARGIN).
        title = Content.assemble(("Map ", "bold"), f"· {count} place{'s' if count != 1 else ''}")
        if self.zoom != 1:
            title += Content(f" · zoom ×{self.zoom}")
        if self.event is not None:
            path = self.contents.path
            where = f" {path.index(self.event) + 1}/{len(path)}" if self.event in path else ""
            title += Content.assemble(
                f" · event{where}: ", (self.event.date.display + " ", "bold"), self.event.title
            )
        return title

    # -- keys ---------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self.contents.placed:
            legend = self.legend
            current = legend.highlighted or 0
            legend.highlighted = max(0, min(current + step, len(self.contents.placed) - 1))

    def action_step(self, step: int) -> None:
        """The next (or previous) event in date order that happened at a place on the map."""
        path = self.contents.path
        if not path:
            return
        # Not on the path yet (an event at no mapped place): start from one end.
        start = path.index(self.event) if self.event in path else (-1 if step > 0 else len(path))
        position = start + step
        self.event = path[max(0, min(position, len(path) - 1))]
        first = self._first_place(self.event)
        if first is not None and (index := self.contents.index_of(first)) is not None:
            self.legend.highlighted = index  # also shows it (OptionHighlighted)
        self._show()

    def action_zoom(self, factor: float) -> None:
        """Closer to (or back from) the place under the legend's cursor."""
        self.zoom = int(max(1, min(self.zoom * factor, MAX_ZOOM)))
        self._show()

    def action_back(self) -> None:
        self.dismiss(MapChoice("back", self.place, self._event_id()))

    def action_choose(self) -> None:
        self.dismiss(MapChoice("choose", self.place, self._event_id()))

    def action_filter_place(self) -> None:
        if self.place is not None:
            self.dismiss(MapChoice("filter", self.place, self._event_id()))

    def _event_id(self) -> str | None:
        return self.event.id if self.event is not None else None
