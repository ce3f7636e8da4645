"""A screen of text to read: one scrolling body with the same keys as the panes."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen

from briefing.tui import keys
from briefing.tui.place_picker import pick_place

ResultType = TypeVar("ResultType")


class ReadingScreen(Screen[ResultType], inherit_bindings=False):
    """Scrolls the VerticalScroll with id ``BODY`` with j/k, g/G and the page keys."""

    BODY: ClassVar[str] = "body"

    # Subclasses put "reading-title" on their title bar and "reading-body" on BODY.
    DEFAULT_CSS = """
    ReadingScreen {
        .reading-title {
            height: 1;
            padding: 0 1;
            background: $panel;
        }
        .reading-body {
            height: 1fr;
            padding: 1 2;
            background: $surface;
        }
        /* What describe() and overview() give: see briefing.tui.describe. */
        .detail-title {
            text-style: bold;
            color: $text-primary;
        }
        .detail-heading {
            text-style: bold underline;
            margin-top: 1;
        }
        .detail-quote {
            padding-left: 3;
            margin-bottom: 1;  /* sets each numbered entry with its quote apart from the next */
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings_for("reading")

    def on_mount(self) -> None:
        self.body.focus()

    @property
    def body(self) -> VerticalScroll:
        return self.query_one(f"#{self.BODY}", VerticalScroll)

    def action_pick_place(self) -> None:
        pick_place(self.app)

    def action_scroll(self, how: str) -> None:
        body = self.body
        {
            "down": body.scroll_down,
            "up": body.scroll_up,
            "page_down": body.scroll_page_down,
            "page_up": body.scroll_page_up,
            "home": body.scroll_home,
            "end": body.scroll_end,
        }[how](animate=False)
