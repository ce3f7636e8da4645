"""What a selected item is tied to: its quotes, and the actors or events the other panes highlight.

Plain values from the model, no Textual: the reader links its panes with them
and `y` / `Y` copy the same quotes the Source pane shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from briefing.model import Actor, Event, Evidence, Reaction, quotes_of

NOTHING: frozenset[str] = frozenset()


class Links(NamedTuple):
    evidence: tuple[Evidence, ...] = ()
    actors: frozenset[str] = NOTHING  # ids of the actors to highlight
    events: frozenset[str] = NOTHING  # ids of the events to highlight
    note: str = ""  # what Source says when there is no quote


def links_of(item: object, events_of: Callable[[str], frozenset[str]]) -> Links:
    """The links of an event, actor or reaction (anything else: none)."""
    if isinstance(item, Event):
        return Links(item.evidence, actors=frozenset(item.actors))
    if isinstance(item, Actor):
        note = "no quote on this actor itself; Enter lists their events"
        return Links(item.evidence, events=events_of(item.id), note=note)
    if isinstance(item, Reaction):
        speakers = {s.speaker for s in item.statements}
        return Links(quotes_of(item), actors=frozenset(item.actors) | speakers)
    return Links()
