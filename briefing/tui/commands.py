"""Command palette (Ctrl+P): the reader's commands, jumping to any event, actor or country, places.

Picking a place shows only the events there (tui/place_picker.py).

Hits show briefing text, so they are built as Content, never as markup, and
their help lines are fixed strings: the palette reads `help` as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from briefing.search import fold
from briefing.tui.place_picker import PLACE_HELP, filter_at, hit_for, pick_place, place_label

if TYPE_CHECKING:
    from briefing.tui.screens.main import MainScreen

MAX_EVENT_HITS = 200  # a long timeline would otherwise flood the palette


class BriefingCommands(Provider):
    """Commands of the main screen; nothing on other screens."""

    def _main(self) -> MainScreen | None:
        from briefing.tui.screens.main import MainScreen

        return self.screen if isinstance(self.screen, MainScreen) else None

    def _commands(self, main: MainScreen) -> Iterator[tuple[str, Callable[[], object], str]]:
        news = self.app.news.news  # type: ignore[attr-defined]
        if news is not None:
            yield "What changed since you last read", self.app.action_show_news, news.headline()  # type: ignore[attr-defined]
        yield "Toggle actor filter", main.action_toggle_filter, "Show only the selected actor's events"
        yield "Filter by place…", partial(pick_place, self.app), "Show only the events at a place"
        yield "Search", main.action_start_search, "Find names, aliases, titles and text"
        yield "Clear search and filter", main.action_clear, "Remove highlights and the filter"
        yield "Map of the places", self.app.action_show_map, "Where the events happened (the m key)"  # type: ignore[attr-defined]
        yield "Help: keys", self.app.action_help, "Every key and what it does"
        yield "Library", self.app.action_library, "The briefings in your folder (the L key)"  # type: ignore[attr-defined]
        for number, name in enumerate(("timeline", "actors", "reactions", "source"), start=1):
            yield (
                f"Go to {name.capitalize()}",
                partial(main.action_focus_pane, name),
                f"Same as the {number} key",
            )

    async def discover(self) -> Hits:
        main = self._main()
        if main is None:
            return
        for name, command, help_text in self._commands(main):
            yield DiscoveryHit(Content(name), command, text=name, help=help_text)
        for reaction in main.briefing.reactions:
            label = f"Country: {reaction.country}"
            yield DiscoveryHit(
                Content(label), partial(main.jump_to, "reactions", reaction.id), text=label, help="Reaction"
            )
        for place in main.briefing.places:
            label, command = place_label(place), partial(filter_at, self.app, place.id)
            yield DiscoveryHit(Content(label), command, text=label, help=PLACE_HELP)

    async def search(self, query: str) -> Hits:
        main = self._main()
        if main is None:
            return
        matcher = self.matcher(query)
        for name, command, help_text in self._commands(main):
            if (hit := hit_for(matcher, name, command, help_text)) is not None:
                yield hit
        for actor in main.briefing.actors:
            names = " / ".join((actor.name, *actor.aliases))
            jump = partial(main.jump_to, "actors", actor.id)
            if (hit := hit_for(matcher, f"Actor: {names}", jump, "Actor")) is not None:
                yield hit
        for reaction in main.briefing.reactions:
            jump = partial(main.jump_to, "reactions", reaction.id)
            if (hit := hit_for(matcher, f"Country: {reaction.country}", jump, "Reaction")) is not None:
                yield hit
        for place in main.briefing.places:
            command = partial(filter_at, self.app, place.id)
            if (hit := hit_for(matcher, place_label(place), command, PLACE_HELP)) is not None:
                yield hit
        for hit in self._event_hits(main, matcher):
            yield hit

    def _event_hits(self, main: MainScreen, matcher: Matcher) -> Iterator[Hit]:
        # Fuzzy matching every title of a long timeline is slow: keep the events whose
        # title or date contains every word of the query, then score only those.
        words = fold(matcher.query).split()
        found = 0
        for event in main.briefing.events:
            label = f"Event: {event.date.display} · {event.title}"
            folded = fold(label)
            if all(word in folded for word in words):
                jump = partial(main.jump_to, "timeline", event.id)
                hit = hit_for(matcher, label, jump, "Event")
                if hit is not None:
                    yield hit
                    found += 1
                    if found >= MAX_EVENT_HITS:
                        return
