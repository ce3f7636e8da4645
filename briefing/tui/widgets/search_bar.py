"""The search bar: a query field and how many matches it found."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input  # (loaded with Textual's command palette anyway)

from briefing.tui.widgets.search_results import HEIGHT as LIST_HEIGHT
from briefing.tui.widgets.search_results import SearchResults

if TYPE_CHECKING:
    from briefing.search_hits import Hit  # (the search's modules load on its first use)

COUNT_CELLS = 22  # the match count's text fits in this many cells without a layout (min-width: 24)


class SearchBar(Vertical):
    """Hidden until `/`; stays open, showing the query, until Esc clears it.

    Its field and labels are mounted the first time it opens: styling them
    and drawing the field is a few milliseconds of the first screen, which
    most readings never use. While the field has focus, the results are
    listed under it (widgets/search_results.py).
    """

    def __init__(
        self,
        *,
        typed: Callable[[Input.Changed], None],
        go: Callable[[], Awaitable[None]],
        choose: Callable[[int], None],
        rows: Callable[[int, int], Sequence[Hit]],
        pick: Callable[[int], None],
    ) -> None:
        super().__init__()
        self._typed, self._go, self._choose = typed, go, choose
        # Not in the bar but beside it, over the panes under it: the screen shows it (compose).
        self.results = SearchResults(rows, pick)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._typed(event)

    DEFAULT_CSS = f"""
    SearchBar {{
        /* Over the panes, just above the key bar, not in their layout: opened, closed, or its
           list of results shown or hidden, the panes keep their size, and only the rows it
           covers or uncovers are drawn again (a layout redraws every pane: 24 KB at 120x40).
           Shut, it covers the bottom row of the panes' area: their borders. Hidden rather than
           display: none, and always one row: a widget more or less in the screen's layout
           renumbers every other widget's place in it, and Textual then redraws them all; a
           widget whose size changes is drawn a second time, in a frame of its own. */
        layer: search;
        dock: bottom;
        offset-y: -1;
        height: 1;
        visibility: hidden;
        background: $panel;
        &.-open {{ visibility: visible; }}
        &.-listing {{ offset-y: -{1 + LIST_HEIGHT}; }}  /* above the list of results */
        #search-row {{ height: 1; }}
        Label {{ width: auto; padding: 0 1; }}
        /* Room for "12345 of 67890 · n/N" from the start: see show_count. */
        #search-count {{ color: $text-muted; min-width: 24; }}
        /* One line, no border: the bar sits between the panes and the footer. */
        #search-input, #search-input:focus {{
            width: 1fr;
            height: 1;
            border: none;
            padding: 0;
            background: $panel;
        }}
    }}
    """

    def _parts(self) -> ComposeResult:
        # Imported here, with the parts: a first screen without them is a little quicker.
        from textual.widgets import Label

        from briefing.tui.widgets.search_input import SearchInput

        # The hint fits whole at 80 columns, beside the room kept for the match count (the list
        # of results under the field says more).
        hint = "anything in the panes or the overview"
        search = SearchInput(go=self._go, choose=self._choose, placeholder=hint, id="search-input")
        search.cursor_blink = False  # a blinking cursor would make screenshots differ
        yield Horizontal(Label("Search:"), search, Label("", id="search-count"), id="search-row")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    async def open(self) -> None:
        if not self.children:
            await self.mount_all(self._parts())
        # Listed from the start, not when the field's focus arrives: drawn once, not twice.
        self.list_results(True)
        self.add_class("-open")
        # At once, not after a refresh: what is typed right after `/` is the query. (Keys
        # wait while the action that runs this is awaited, mounting included.)
        self.screen.set_focus(self.input)

    def close(self) -> None:
        self.remove_class("-open")
        self.list_results(False)
        if self.children:
            self.input.value = ""

    # The list shows while the field has focus, whether or not a query is typed: shown and
    # hidden as the query empties, it laid the screen out again (250 ms at 100,000 events).
    def on_descendant_blur(self) -> None:
        self.list_results(False)  # the list is for choosing while typing

    def on_descendant_focus(self) -> None:
        self.list_results(True)

    def list_results(self, listing: bool) -> None:
        """Show the list of results under the field, or hide it (it shows only while typing)."""
        self.results.set_class(listing, "-listing")
        self.set_class(listing, "-listing")

    def show_count(self, total: int | None, position: int | None, *, more: bool = False) -> None:
        """Show how many matches there are (``more``: and more in a source than are listed)."""
        if total is None:
            text = ""
        elif total == 0:
            text = "no matches"
        else:
            count = f"{total}+" if more else str(total)
            plural = "" if count == "1" else "es"
            text = f"{count} match{plural}" if position is None else f"{position} of {count} · n/N"
        if not self.children:  # never opened: nothing to show the count in
            return
        from textual.widgets import Label

        label = self.query_one("#search-count", Label)
        # A layout of the whole screen costs a frame of its own (it repaints every pane's
        # scrollbar), so ask for one only when the label's width changes. It is as wide as
        # its text, but never narrower than most counts: the first key typed, which makes
        # a count appear, and "23466 matches" to "12399 matches" need none.
        width_changes = max(cell_len(text), COUNT_CELLS) != max(cell_len(str(label.content)), COUNT_CELLS)
        label.update(text, layout=width_changes)
