"""A briefing's places as the map shows them: key, events, date span; and those it cannot place."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.format.dates import display
from briefing.geo.drawing import MapPlace, key_for
from briefing.model import Briefing, DateSpec, Event, Place

AREAS = frozenset({"province", "region", "country"})


@dataclass(frozen=True)
class MappedPlace:
    """A place with coordinates, its marker's key and its events in timeline order."""

    place: Place
    key: str
    events: tuple[Event, ...]

    @property
    def span(self) -> str:
        """The dates its events cover, as a reader reads them ("" with no event)."""
        if not self.events:
            return ""
        start = self.events[0].date.start
        end = max((e.date.end or e.date.start for e in self.events), key=lambda p: (p.latest, p.earliest))
        if len(self.events) == 1 or end == start:
            return display(self.events[0].date)
        return display(DateSpec(text="", start=start, end=end, display=""))

    @property
    def summary(self) -> str:
        """ "3 events, 27 Nov – 5 Dec 2024"."""
        count = len(self.events)
        words = "no event" if not count else f"{count} event{'s' if count != 1 else ''}"
        return f"{words}, {self.span}" if count else words

    def drawn(self) -> MapPlace:
        assert self.place.lon is not None and self.place.lat is not None
        return MapPlace(self.place.id, self.place.name, self.place.lon, self.place.lat, self.key)


@dataclass(frozen=True)
class MapContents:
    placed: tuple[MappedPlace, ...]  # in the briefing's order, keyed 1, 2, … A, B, …
    unplaced: tuple[Place, ...]  # no coordinates
    path: tuple[Event, ...]  # the events at a mapped place, in timeline (date) order

    def by_importance(self) -> list[MappedPlace]:
        """Labelled first, shortened last: cities and sites before areas (whose marker only
        stands near their middle), then most events first, then the briefing's order."""
        return sorted(self.placed, key=lambda m: (m.place.kind in AREAS, -len(m.events)))

    def to_draw(self) -> tuple[list[MapPlace], int]:
        """The places for ``drawing.draw``, most important first, and how many keep their
        marker exactly where they are (the points: an area's may move aside)."""
        ordered = self.by_importance()
        return [m.drawn() for m in ordered], sum(m.place.kind not in AREAS for m in ordered)

    def index_of(self, place_id: str) -> int | None:
        return next((n for n, m in enumerate(self.placed) if m.place.id == place_id), None)


def contents(briefing: Briefing) -> MapContents:
    placed, unplaced = [], []
    for place in briefing.places:
        if place.lat is None or place.lon is None:
            unplaced.append(place)
        else:
            key = key_for(len(placed))
            placed.append(MappedPlace(place, key, briefing.events_at(place.id)))
    mapped = {m.place.id for m in placed}
    path = tuple(e for e in briefing.events if any(p in mapped for p in e.places))
    return MapContents(tuple(placed), tuple(unplaced), path)
