"""The list of results under the search field: one line per match, the chosen one marked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.content import Content
from textual.events import Click
from textual.widgets import Static

if TYPE_CHECKING:
    from briefing.search_hits import Hit  # (the search's modules load on its first use)

ROWS = 6  # result lines shown at once; the list scrolls to keep the chosen one on screen
HEIGHT = ROWS + 1  # the results and the line of hints under them (the search bar sits above)
LIMIT = 200  # results listed at most: the rest are reached with n / N
KIND_CELLS = 11
DATE_CELLS = 14


class SearchResults(Static):
    """Shown while the search field has focus. Its height does not change as the query
    is typed: a new height would lay it out and draw it again on every key."""

    DEFAULT_CSS = f"""
    SearchResults {{
        /* Over the panes, just above the key bar, as the search bar is (see SearchBar). */
        layer: search;
        dock: bottom;
        offset-y: -1;
        height: {HEIGHT};
        visibility: hidden;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        background: $panel;
        &.-listing {{ visibility: visible; }}
    }}
    """

    def __init__(self, rows: Callable[[int, int], Sequence[Hit]], pick: Callable[[int], None]) -> None:
        """``rows(start, stop)`` gives the hits listed there; ``pick(row)`` goes to one (a click)."""
        super().__init__(id="search-results")
        self._rows, self._pick = rows, pick
        self.count = 0  # rows listed
        self.total = 0  # results there are
        self.cursor: int | None = None
        self._top = 0

    def show(self, count: int, total: int, cursor: int | None = None, *, day: str | None = None) -> None:
        """List ``count`` of ``total`` results; ``day``: the day the query names, if it does."""
        self.count, self.total, self.cursor = count, total, cursor
        if cursor is None:
            self._top = 0
        elif cursor < self._top:
            self._top = cursor
        elif cursor >= self._top + ROWS:
            self._top = cursor - ROWS + 1
        lines = [
            _line(hit, self._top + n == cursor)
            for n, hit in enumerate(self._rows(self._top, min(count, self._top + ROWS)))
        ]
        lines += [Content("")] * (ROWS - len(lines))
        status = self._status()
        if day is not None:  # dates are written many ways: `d` finds the events of a day
            status = f"{day}? Esc, then d, goes to that day · {status}"
        lines.append(Content(status).stylize("dim"))
        # No layout: the list's size does not change with what it shows, and a layout of the
        # whole screen costs a frame of its own on every key typed (see SearchBar.show_count).
        self.update(Content("\n").join(lines), layout=False)

    def show_empty(self) -> None:
        """No query yet: what the search looks through."""
        self.count, self.total, self.cursor, self._top = 0, 0, None, 0
        hint = "Type to search the panes and the overview (summary, assessments, sources, places)."
        lines = [
            Content(hint).stylize("dim"),
            *[Content("")] * (ROWS - 1),
            Content("Esc closes").stylize("dim"),
        ]
        self.update(Content("\n").join(lines), layout=False)

    def _status(self) -> str:
        if not self.total:
            return "no matches"
        listed = f"first {self.count} of {self.total}" if self.count < self.total else f"{self.total}"
        plural = "" if self.total == 1 else "s"
        chosen = "" if self.cursor is None else f"{self.cursor + 1} of {listed} · "
        return f"{chosen or listed + ' result' + plural + ' · '}↑↓ choose · ⏎ go · Esc clears"

    def on_click(self, event: Click) -> None:
        row = self._top + event.y
        if event.y < ROWS and row < self.count:
            self._pick(row)


def _line(hit: Hit, chosen: bool) -> Content:
    start, end = hit.span
    text = Content(hit.text).stylize("bold reverse" if not chosen else "bold underline", start, end)
    line = Content.assemble(
        ("▶ " if chosen else "  ", "bold"),
        (hit.kind.ljust(KIND_CELLS), "dim"),
        (hit.date.ljust(DATE_CELLS - 1) + " ", "dim"),  # (a long range pushes the text on)
        text,
    )
    return line.stylize("reverse") if chosen else line
