"""The reader's search: the index, the search bar, matches highlighted as you type, and n / N.

The reader's screen owns one SearchMode and hands it the search keys and the
search field's messages; SearchMode highlights what matches in every pane,
counts the matches and moves the reader from one to the next. Searching
itself (``briefing.search``) and stepping (``tui.matches``) are imported on
the first search, not before the first screen.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING
from weakref import WeakSet

from textual.app import App
from textual.widgets import Input

from briefing.tui.burst import caught_up
from briefing.tui.widgets.item_list import ItemList

if TYPE_CHECKING:
    from briefing.search import SearchIndex
    from briefing.search_hits import Hit, OverviewIndex
    from briefing.tui.matches import Match, MatchList
    from briefing.tui.screens.main import MainScreen
    from briefing.tui.widgets.search_bar import SearchBar

SEARCH_FIELD = "search-input"  # the search bar's Input
# The apps that replaced or closed a briefing's screen since their last full collection.
_left_behind: WeakSet[App[object]] = WeakSet()


def leave_behind(app: App[object]) -> None:
    """The briefing ``app`` showed until now is gone: collect it before the next index is frozen."""
    _left_behind.add(app)


class SearchMode:
    """Searching the briefing ``screen`` shows; the matches are None while nothing is searched."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.matches: MatchList | None = None
        self.return_pane = "timeline"  # where focus goes back after the search bar
        self._index: SearchIndex | None = None
        self._searched = ""  # the query the matches are for
        self._overview: list[int] = []  # the overview's parts the query found: listed first
        self._overview_index: OverviewIndex | None = None
        self.chosen: int | None = None  # the result chosen in the list (Up / Down)

    def make_bar(self) -> SearchBar:
        from briefing.tui.widgets.search_bar import SearchBar

        return SearchBar(
            typed=self.typed,
            go=self.go,
            choose=self.choose,
            rows=self.rows,
            pick=self.pick,
        )

    @property
    def bar(self) -> SearchBar:
        return self.screen.search_bar

    @property
    def found_any(self) -> bool:
        return self.matches is not None and len(self.matches) > 0

    # -- the index ----------------------------------------------------------------

    @property
    def index(self) -> SearchIndex:
        """The search index of the briefing shown, made on first use."""
        if self._index is None:
            from briefing.search import SearchIndex

            self._index = SearchIndex(self.screen.briefing)
        return self._index

    def forget(self) -> None:
        """Another briefing is shown: its index is made anew, and nothing is searched."""
        self._index = None
        self._overview_index = None
        self.matches = None

    def prepare_index(self) -> None:
        # A long timeline takes a moment to index: start once the first screen is drawn,
        # so the first search is quick and the first paint is not slowed.
        screen = self.screen
        screen.call_after_refresh(
            lambda: screen.run_worker(self._build_index, thread=True, group="search-index")
        )

    def _build_index(self) -> None:
        self.index.prepare()
        self.index.prepare_words()
        app = self.screen.app
        if app in _left_behind:
            # A briefing shown before (a reload, a screen closed) left its widgets behind in
            # reference cycles, and what is frozen is never collected: set free, collect, and
            # only then freeze, or every reload kept the old briefing for good. Not on the
            # first briefing shown, where a full pass finds nothing (~1 s at 100,000 events).
            _left_behind.discard(app)
            gc.unfreeze()
            gc.collect()
        # The index lives as long as this briefing is shown: set its objects aside, or each
        # full pass of the collector walks them all again (100 ms at 100,000 events, in the
        # middle of a key typed into the search).
        gc.freeze()

    # -- the search bar -----------------------------------------------------------

    async def key_in_field(self, character: str) -> bool:
        """A priority key of the reader (`/`, `d`) pressed in the search field is text: type it.

        After the keys already handed to the field (tui/burst.py), so that `/a/b`
        typed at once reads "a/b". False when the field does not have focus.
        """
        field = self.screen.focused
        if not (isinstance(field, Input) and field.id == SEARCH_FIELD):
            return False
        await caught_up(field)
        field.insert_text_at_cursor(character)
        return True

    async def start(self) -> None:
        """`/`: open the search bar, or type a `/` into it when it has focus."""
        if await self.key_in_field("/"):
            return
        self.return_pane = self.screen.current_pane
        await self.bar.open()
        self._list()

    def typed(self, event: Input.Changed) -> None:
        field = event.input
        # Keys typed in a burst change the field before their messages arrive: search only
        # the query the field holds now, and only once (Enter may have searched it already).
        if field.id == SEARCH_FIELD and event.value == field.value and event.value != self._searched:
            self.search(event.value)

    async def go(self) -> None:
        """Enter in the search field: to the chosen result, or the first match from where the reader is."""
        screen, query, chosen = self.screen, self.bar.input.value, self.chosen
        if query != self._searched:
            self.search(query)
            chosen = None
        self.bar.list_results(False)
        screen.action_focus_pane(self.return_pane)
        if self.matches is None and not self._overview:
            self.bar.close()  # an empty query: nothing to keep open
            return
        if chosen is not None:
            self.go_to_row(chosen)
            return
        if self.matches is None or not len(self.matches):
            return
        pane = screen.pane(screen.current_pane)
        if isinstance(pane, ItemList):
            match = self.matches.first_from(screen.current_pane, pane.cursor)
        else:
            index = screen.briefing.sources.index(pane.source)
            match = self.matches.first_from("source", index, pane.top_offset)
        self.go_to(match)

    def clear(self) -> bool:
        """Esc: close the bar and clear the search; False if there was none to clear."""
        if self.matches is None and not self.bar.is_open:
            return False
        self.bar.close()
        self.search("")
        self.screen.action_focus_pane(self.screen.current_pane)  # out of the search field, if in it
        return True

    # -- matching -----------------------------------------------------------------

    def search(self, query: str) -> None:
        """Highlight what ``query`` matches in every pane and count the matches."""
        screen = self.screen
        timeline, actors, reactions, source = screen.timeline, screen.actors, screen.reactions, screen.source
        self._searched, self.chosen = query, None
        if not query.strip():
            self.matches, self._overview = None, []
            timeline.set_search("", frozenset())
            actors.set_search("", frozenset())
            reactions.set_search("", frozenset())
            source.set_search("", {})
            self.bar.show_count(None, None)
            self._list()
            screen.refresh_keys()
            return
        from briefing.search_hits import OverviewIndex
        from briefing.tui.matches import MatchList

        if self._overview_index is None:
            self._overview_index = OverviewIndex(screen.briefing)
        self._overview = self._overview_index.matching(query)
        index = self.index
        result = index.search(query)
        result_query = result.query.strip()
        timeline.set_search(result_query, index.matching("events", query))
        actors.set_search(result_query, index.matching("actors", query))
        reactions.set_search(result_query, index.matching("reactions", query))
        source.set_search(result_query, result.source_spans, capped=result.capped)
        self.matches = MatchList(
            result,
            timeline=timeline.positions,
            actors=actors.positions,
            reactions=reactions.positions,
            sources=[s.id for s in screen.briefing.sources],
            previous=self.matches,
            showing_all=("actors", "reactions", *(() if timeline.filters.on else ("timeline",))),
        )
        self._show_count(None)
        self._list()
        screen.refresh_keys()

    # -- the list of results ------------------------------------------------------

    def _list(self) -> None:
        from briefing.tui.widgets.search_results import LIMIT

        if (results := self.bar.results) is not None:
            total = len(self._overview) + (len(self.matches) if self.matches is not None else 0)
            if not self._searched.strip():
                results.show_empty()
            else:
                results.show(min(total, LIMIT), total, self.chosen, day=self._day_typed())

    def _day_typed(self) -> str | None:
        """The day the query names, if it names one with digits ("5 dec"): `d` goes there."""
        from briefing.day_query import DayError, parse_day, say_day

        if not any(c.isdigit() for c in self._searched):
            return None
        try:
            return say_day(parse_day(self._searched, self.screen.briefing.as_of.latest))
        except DayError:
            return None

    def rows(self, start: int, stop: int) -> list[Hit]:
        """The results listed from ``start`` to ``stop``: the overview's first, then the panes'."""
        from briefing.search_hits import pane_hit

        query, index = self._searched, self._overview_index
        hits = [index.hit(n, query) for n in self._overview[start:stop]] if index is not None else []
        if self.matches is not None and stop > len(self._overview):
            briefing = self.screen.briefing
            head = self.matches.head(stop - len(self._overview))[max(0, start - len(self._overview)) :]
            hits += [pane_hit(briefing, m.pane, m.item_id, query, m.span) for m in head]
        return hits

    def choose(self, step: int) -> None:
        """Up / Down in the search field: choose the next or previous result listed."""
        if (results := self.bar.results) is None or not results.count:
            return
        if self.chosen is None:
            self.chosen = 0 if step > 0 else results.count - 1
        else:
            self.chosen = max(0, min(results.count - 1, self.chosen + step))
        self._list()

    def pick(self, row: int) -> None:
        """A click on a result: go to it."""
        self.chosen = row
        self.screen.call_later(self.go)

    def go_to_row(self, row: int) -> None:
        """Go to a result listed: an overview's part in the Overview, a match in its pane."""
        if row < len(self._overview):
            from briefing.tui.screens.overview import OverviewScreen

            assert self._overview_index is not None  # (made by the search that found the row)
            at = self._overview_index.hit(self._overview[row], self._searched).target[1]
            self.screen.app.push_screen(OverviewScreen(self.screen.briefing, at=at))
        elif self.matches is not None:
            self.matches.position = row - len(self._overview)
            self.go_to(self.matches[self.matches.position])

    def recount(self) -> None:
        """The Timeline shows other events (the filters): count again, staying on the match."""
        if self.matches is None:
            return
        current = self.matches.current
        self.search(self.matches.result.query)
        if current is not None:  # (n moving the actor cursor moves the filter: go on from there)
            self._keep_place(current)

    def _keep_place(self, match: Match) -> None:
        """Make ``match`` the current one again in the new matches, if they still hold it."""
        if self.matches is None:
            return
        briefing = self.screen.briefing
        if match.span is not None:
            number = briefing.sources.index(briefing.source(match.item_id))
            found = self.matches.first_from("source", number, match.span[0])
        else:
            pane = self.screen.pane(match.pane)
            at = pane.index_of(match.item_id) if isinstance(pane, ItemList) else None
            found = None if at is None else self.matches.first_from(match.pane, at)  # None: filtered out
        if found != match:
            self.matches.position = None
        self._show_count(self.matches.position)

    def _show_count(self, position: int | None) -> None:
        if self.matches is not None:
            shown = None if position is None else position + 1
            self.bar.show_count(len(self.matches), shown, more=bool(self.matches.result.capped))

    # -- n / N --------------------------------------------------------------------

    def step(self, step: int) -> None:
        if self.matches is not None:
            self.go_to(self.matches.step(step))

    def go_to(self, match: Match | None) -> None:
        if match is None or self.matches is None:
            return
        screen = self.screen
        if match.span is None:
            screen.jump_to(match.pane, match.item_id)
        else:
            screen.action_focus_pane("source")
            screen.source.show_match(match.item_id, match.span)
        self._show_count(self.matches.position)
