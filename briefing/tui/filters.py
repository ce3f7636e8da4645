"""The Timeline's filters, as a plain value: the actors and places whose events are shown.

An event is kept when it has one of the actors on (if any are) and one of the
places on (if any are): filters of one kind widen, of two kinds narrow (actor
AND place). No Textual here, so any view (a map) can build and read one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from briefing.model import Briefing, Event


@dataclass(frozen=True)
class Filters:
    """The actor ids and place ids on; both empty: every event."""

    actors: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()

    @property
    def on(self) -> bool:
        return bool(self.actors or self.places)

    def keeps(self, event: Event) -> bool:
        return (not self.actors or not self.actors.isdisjoint(event.actors)) and (
            not self.places or not self.places.isdisjoint(event.places)
        )

    def with_actors(self, *actor_ids: str) -> Filters:
        return replace(self, actors=frozenset(actor_ids))

    def with_places(self, *place_ids: str) -> Filters:
        return replace(self, places=frozenset(place_ids))

    def events(self, briefing: Briefing) -> tuple[Event, ...]:
        """The events of ``briefing`` these filters keep, in timeline order."""
        if not self.on:
            return briefing.events
        return tuple(event for event in briefing.events if self.keeps(event))

    def names(self, briefing: Briefing) -> list[str]:
        """What is on, as a reader names it: actors, then places, in the briefing's order."""
        actors = [a.name for a in briefing.actors if a.id in self.actors]
        return actors + [p.name for p in briefing.places if p.id in self.places]

    def known(self, briefing: Briefing) -> Filters:
        """Only the ids ``briefing`` has (a new version may have dropped some)."""
        return Filters(
            frozenset(self.actors & briefing.actor_positions().keys()),
            frozenset(p for p in self.places if p in {q.id for q in briefing.places}),
        )


NO_FILTERS = Filters()
