"""What changed since you last read the briefing, as a page (from the command palette)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.tui import keys
from briefing.tui.screens.scrolling import ReadingScreen
from briefing.tui.styling import chip
from briefing.tui.widgets.key_bar import KeyBar


class NewsScreen(ReadingScreen[None]):
    """The header's "N new · M changed since …", item by item: + new, ~ changed, - removed."""

    BODY = "news-body"
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings_for("news")

    def __init__(self, headline: str, lines: list[tuple[str, str]]) -> None:
        super().__init__()
        self.headline = headline
        self.news_lines = lines

    def compose(self) -> ComposeResult:
        yield Static(chip("New since you last read", "bold reverse"), classes="reading-title")
        with VerticalScroll(id="news-body", classes="reading-body"):
            yield Static(Content.styled(self.headline, "bold"), classes="detail-title")
            for mark, text in self.news_lines:
                if mark:  # briefing text: plain Content, never markup
                    yield Static(Content.assemble((f"  {mark} ", "bold"), text))
                else:
                    yield Static(Content.styled(text, "bold"), classes="detail-heading")
            yield Static(Content("Field by field: briefing diff OLD NEW"), classes="detail-heading")
        yield KeyBar()
