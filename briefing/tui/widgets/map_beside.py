"""A small map beside the panes, in terminals wide enough: the selected event's places highlighted.

Shown from BESIDE on, when the briefing has places with coordinates; the
reader's screen tells it the terminal's size and the Timeline's event. The
map itself (briefing/geo) is imported and built when first shown, not at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from briefing.model import Briefing, Event

if TYPE_CHECKING:
    from briefing.tui.widgets.map_canvas import MapCanvas

BESIDE = Size(180, 40)  # from here on the panes keep their room with a map beside them
WIDTH = 50


class MapBeside(Vertical):
    DEFAULT_CSS = f"""
    MapBeside {{
        dock: right;
        width: {WIDTH};
        display: none;
        border-left: solid $border-blurred;
        & > #map-beside-title {{ height: 1; padding: 0 1; background: $panel; }}
    }}
    """

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        self.event: Event | None = None
        self.canvas: MapCanvas | None = None
        self._mapped = any(p.lat is not None and p.lon is not None for p in briefing.places)

    def fit(self, terminal: Size) -> None:
        """Shown when ``terminal`` has room for it and there is something to map."""
        shown = self._mapped and terminal.width >= BESIDE.width and terminal.height >= BESIDE.height
        self.display = shown
        if shown and self.canvas is None:
            from briefing.geo.places import contents
            from briefing.tui.widgets.map_canvas import MapCanvas

            self.canvas = MapCanvas(contents(self.briefing), id="map-beside-canvas")
            self.mount(Static(id="map-beside-title"), self.canvas)
        self._update()

    def show_event(self, event: Event | None) -> None:
        if event is not self.event:
            self.event = event
            self._update()

    @property
    def highlighted(self) -> tuple[str, ...]:
        if self.canvas is None or self.event is None:
            return ()
        return tuple(p for p in self.event.places if self.canvas.contents.index_of(p) is not None)

    def _update(self) -> None:
        if self.canvas is None or not self.display:
            return
        self.canvas.show(self.highlighted)
        names = ", ".join(self.briefing.place(p).name for p in self.highlighted)
        title = Content.assemble(("Map ", "bold"), f"· {names}" if names else "· m: full screen")
        self.query_one("#map-beside-title", Static).update(title)
