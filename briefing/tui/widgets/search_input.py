"""The search bar's field, imported when the bar first opens."""

from __future__ import annotations

from textual.events import Resize
from textual.geometry import Size
from textual.widgets import Input

from briefing.format.text import one_line


class SearchInput(Input):
    """An Input that does not lay out the whole screen on every key typed.

    Textual's Input sets its virtual size to the width of its text whenever
    the text changes, and a new virtual size lays out the whole screen, which
    redraws every pane's scrollbar in a frame of its own: about half of each
    search key at 100,000 events. While the text fits, scrolling it is the
    same whether it is as wide as its text or as the field, so it is as wide
    as the field, and typing changes nothing to lay out.
    """

    @property
    def content_width(self) -> int:
        return max(super().content_width, self.scrollable_content_region.width)

    def replace(self, text: str, start: int, end: int) -> None:
        # Every insert (typing, a paste) comes through here: a pasted escape sequence,
        # bidi override or line separator is drawn as U+FFFD, never sent to the terminal.
        super().replace(one_line(text), start, end)

    def on_resize(self, _event: Resize) -> None:
        # The field's width changed (the match count beside it did): keep up with it.
        self.virtual_size = Size(self.content_width, 1)
