"""The search bar's field, imported when the bar first opens."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import ClassVar

from textual.binding import BindingType
from textual.events import Resize
from textual.geometry import Size
from textual.widgets import Input

from briefing.format.text import one_line
from briefing.tui import keys
from briefing.tui.burst import caught_up


class SearchInput(Input):
    """An Input that does not lay out the whole screen on every key typed.

    Textual's Input sets its virtual size to the width of its text whenever
    the text changes, and a new virtual size lays out the whole screen, which
    redraws every pane's scrollbar in a frame of its own: about half of each
    search key at 100,000 events. While the text fits, scrolling it is the
    same whether it is as wide as its text or as the field, so it is as wide
    as the field, and typing changes nothing to lay out.
    """

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings_for("search-field")

    def __init__(
        self,
        *,
        go: Callable[[], Awaitable[None]],
        choose: Callable[[int], None],
        placeholder: str,
        id: str,
    ) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self._go, self._choose = go, choose

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

    async def action_go(self) -> None:
        """Enter, a priority key: go to the result, moving focus before the next key is handed on.

        Handled from this field's queue, as an Input's Enter is, it moved focus to a
        pane too late: in `/hama⏎n` typed at once, the `n` had been handed to the
        field already and was typed into the query (tui/burst.py). Keys the field
        handles by a binding, such as Backspace, run later, from the app's queue:
        one typed in the same read just before Enter is not waited for.
        """
        await caught_up(self)
        await self._go()

    async def action_choose(self, step: int) -> None:
        """Up / Down, priority keys too: they choose in the list the query typed before them made."""
        await caught_up(self)
        self._choose(step)
