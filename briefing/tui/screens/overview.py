"""The overview: the briefing's bottom line, assessments, sources and places, on one page."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing.model import Briefing
from briefing.tui import keys
from briefing.tui.describe import overview
from briefing.tui.screens.scrolling import ReadingScreen
from briefing.tui.styling import chip
from briefing.tui.widgets.key_bar import KeyBar


class OverviewScreen(ReadingScreen[None]):
    BODY = "detail-body"
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings_for("overview")

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing

    def compose(self) -> ComposeResult:
        yield Static(chip("Overview", "bold reverse"), id="detail-kind", classes="reading-title")
        with VerticalScroll(id="detail-body", classes="reading-body"):
            for kind, content in overview(self.briefing):
                yield Static(content, classes=f"detail-{kind}")
        yield KeyBar()
