"""A screen of text to read: one scrolling body with the same keys as the panes."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen

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
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll('down')", "Down", id="scroll-down", show=False, tooltip="Scroll down"),
        Binding("up,k", "scroll('up')", "Up", id="scroll-up", show=False, tooltip="Scroll up"),
        Binding(
            "pagedown",
            "scroll('page_down')",
            "Page down",
            id="scroll-page-down",
            show=False,
            tooltip="One screen down",
        ),
        Binding(
            "pageup", "scroll('page_up')", "Page up", id="scroll-page-up", show=False, tooltip="One screen up"
        ),
        Binding("home,g", "scroll('home')", "Top", id="scroll-top", show=False, tooltip="Top"),
        Binding("end,G", "scroll('end')", "Bottom", id="scroll-bottom", show=False, tooltip="Bottom"),
    ]

    def on_mount(self) -> None:
        self.body.focus()

    @property
    def body(self) -> VerticalScroll:
        return self.query_one(f"#{self.BODY}", VerticalScroll)

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
