"""Picking a place to filter the Timeline to: palette hits for places, and a palette of places alone.

`f` in the overview and the detail view opens the palette of places; the
reader's own palette (tui/commands.py) lists them among its commands. Labels
are briefing text: built as Content, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Protocol, runtime_checkable

from textual.app import App
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from briefing.model import Briefing, Event, Place


@runtime_checkable
class FiltersPlaces(Protocol):
    """The reader's screen (named so, not imported: the screens import this module)."""

    def filter_place(self, place_id: str) -> None: ...


def hit_for(matcher: Matcher, label: str, command: Callable[[], object], help_text: str) -> Hit | None:
    score, offsets = matcher.fuzzy_search.match(matcher.query, label)
    if not score:
        return None
    display = Content(label)
    for offset in offsets:
        display = display.stylize(matcher.match_style, offset, offset + 1)
    return Hit(score, display, command, text=label, help=help_text)


PLACE_HELP = "Show only the events there (again: all)"


def place_label(place: Place) -> str:
    where = ", ".join(p for p in (place.kind, place.country) if p)
    return f"Place: {place.name}" + (f" ({where})" if where else "")


def filter_at(app: App[object], place_id: str) -> None:
    """Back to the panes, showing only the events at this place (or all, if it was the filter)."""
    while not isinstance(app.screen, FiltersPlaces) and len(app.screen_stack) > 1:
        app.pop_screen()  # the overview or detail view the place was picked from
    if isinstance(app.screen, FiltersPlaces):
        app.screen.filter_place(place_id)


def pick_place(app: App[object]) -> None:
    """A palette of the briefing's places; the item's own places (a detail view's event) first."""
    app.push_screen(CommandPalette(providers=[PlaceChoices], placeholder="Show only the events at…"))


class PlaceChoices(Provider):
    """The places of the briefing on the screen the palette was opened from."""

    def _choices(self) -> Iterator[tuple[str, Callable[[], object]]]:
        briefing = getattr(self.screen, "briefing", None)
        if not isinstance(briefing, Briefing):
            return
        item = getattr(self.screen, "item", None)
        first = item.places if isinstance(item, Event) else ()
        places = sorted(briefing.places, key=lambda p: p.id not in first)  # stable: file order after
        for place in places:
            yield place_label(place), partial(filter_at, self.app, place.id)

    async def discover(self) -> Hits:
        for label, command in self._choices():
            yield DiscoveryHit(Content(label), command, text=label, help=PLACE_HELP)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, command in self._choices():
            if (hit := hit_for(matcher, label, command, PLACE_HELP)) is not None:
                yield hit
