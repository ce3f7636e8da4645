"""The Timeline's filters, as a plain value: the actors, places and day whose events are shown.

An event is kept when it has one of the actors on (if any are) and one of the
places on (if any are): filters of one kind widen, of two kinds narrow (actor
AND place). A day (`d`, then Ctrl+F) keeps the events whose span includes it,
that day's own first. No Textual here, so any view (a map) can build and read one.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from briefing.model import Briefing, Event


class Filters(NamedTuple):
    """The actor ids, place ids and day on; none: every event."""

    actors: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    day: date | None = None

    @property
    def on(self) -> bool:
        return bool(self.actors or self.places or self.day)

    def keeps(self, event: Event) -> bool:
        return (not self.actors or not self.actors.isdisjoint(event.actors)) and (
            not self.places or not self.places.isdisjoint(event.places)
        )

    def with_actors(self, *actor_ids: str) -> Filters:
        return self._replace(actors=frozenset(actor_ids))

    def with_places(self, *place_ids: str) -> Filters:
        return self._replace(places=frozenset(place_ids))

    def with_day(self, day: date | None) -> Filters:
        return self._replace(day=day)

    def events(self, briefing: Briefing) -> tuple[Event, ...]:
        """The events of ``briefing`` these filters keep, in timeline order."""
        if not self.on:
            return briefing.events
        events = tuple(event for event in briefing.events if self.keeps(event))
        if self.day is None:
            return events
        from briefing.day_query import on_day  # with the first day filter: not before the first frame

        return tuple(on_day(events, self.day))

    def names(self, briefing: Briefing) -> list[str]:
        """What is on, as a reader names it: actors, then places, in the briefing's order, then the day."""
        actors = [a.name for a in briefing.actors if a.id in self.actors]
        day = []
        if self.day is not None:
            from briefing.day_query import say_day

            day = [f"on {say_day(self.day)}"]
        return actors + [p.name for p in briefing.places if p.id in self.places] + day

    def known(self, briefing: Briefing) -> Filters:
        """Only the ids ``briefing`` has (a new version may have dropped some)."""
        return Filters(
            frozenset(self.actors & briefing.actor_positions().keys()),
            self.places & {place.id for place in briefing.places},
            self.day,
        )


NO_FILTERS = Filters()
