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
    DEFAULT_CSS = """
    OverviewScreen .-found { border-left: thick $accent; }  /* the part a search result opened at */
    """

    def __init__(self, briefing: Briefing, *, at: str | None = None) -> None:
        """``at``: the part to open at, as search results name it ("summary", "assessment:2",
        "source:1", "places"), marked."""
        super().__init__()
        self.briefing = briefing
        self.at = at
        self._found: Static | None = None

    def compose(self) -> ComposeResult:
        yield Static(chip("Overview", "bold reverse"), id="detail-kind", classes="reading-title")
        with VerticalScroll(id="detail-body", classes="reading-body"):
            for (kind, content), part in zip(overview(self.briefing), self._part_names(), strict=True):
                static = Static(content, classes=f"detail-{kind}")
                if part is not None and part == self.at and self._found is None:
                    self._found = static
                    static.add_class("-found")
                yield static
        yield KeyBar()

    def _part_names(self) -> list[str | None]:
        """What each part of the overview is, as search results name it (None: not one of those)."""
        names: list[str | None] = []
        section, number = "", 0
        for kind, content in overview(self.briefing):
            if kind == "heading":
                section, number = content.plain.split(" (")[0], 0
                names.append(None)
            elif section == "Summary":
                names.append("summary")
            elif section in ("Assessments", "Sources") and kind == "entry":
                number += 1
                names.append(f"{section[:-1].lower()}:{number}")
            elif section == "Places":
                names.append("places")
            else:
                names.append(None)
        return names

    def on_mount(self) -> None:
        super().on_mount()
        if self._found is not None:
            self.call_after_refresh(self.body.scroll_to_widget, self._found, top=True, animate=False)
