"""The search bar: a query field and how many matches it found."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label


class SearchBar(Horizontal):
    """Hidden until `/`; stays open, showing the query, until Esc clears it."""

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        display: none;
        background: $panel;
        &.-open { display: block; }
        Label { width: auto; padding: 0 1; }
        #search-count { color: $text-muted; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Label("Search:")
        search = Input(placeholder="name, alias, title or text; Enter to go, Esc to clear", id="search-input")
        search.cursor_blink = False  # a blinking cursor would make screenshots differ
        yield search
        yield Label("", id="search-count")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        self.add_class("-open")
        # At once, not after a refresh: what is typed right after `/` is the query.
        self.screen.set_focus(self.input)

    def close(self) -> None:
        self.remove_class("-open")
        self.input.value = ""

    def show_count(self, total: int | None, position: int | None) -> None:
        if total is None:
            text = ""
        elif total == 0:
            text = "no matches"
        elif position is None:
            text = f"{total} match{'' if total == 1 else 'es'}"
        else:
            text = f"{position} of {total} · n/N"
        self.query_one("#search-count", Label).update(text)
