"""The detail view: every field and every quote of one event, actor, reaction or source."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from briefing.model import Briefing
from briefing.tui import keys
from briefing.tui.copying import copy_item
from briefing.tui.describe import Item, all_evidence, describe, kind_of
from briefing.tui.editing import edit_at
from briefing.tui.screens.scrolling import ReadingScreen
from briefing.tui.styling import chip
from briefing.tui.widgets.key_bar import KeyBar


class DetailScreen(ReadingScreen[str | None]):
    """Dismissed with "evidence" when the reader asks to see the quotes in Source."""

    BODY = "detail-body"
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings_for("detail")
    ids: reactive[bool] = reactive(False, recompose=True)  # what an author needs to find it: #

    def __init__(self, briefing: Briefing, item: Item) -> None:
        super().__init__()
        self.briefing = briefing
        self.item = item

    def compose(self) -> ComposeResult:
        yield Static(chip(kind_of(self.item), "bold reverse"), id="detail-kind", classes="reading-title")
        with VerticalScroll(id="detail-body", classes="reading-body"):
            for kind, content in describe(self.briefing, self.item, ids=self.ids):
                yield Static(content, classes=f"detail-{kind}")
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "evidence":
            return bool(all_evidence(self.item))
        return True

    def action_evidence(self) -> None:
        self.dismiss("evidence")

    def action_copy(self, markdown: bool) -> None:
        copy_item(self.app, self.briefing, self.item, markdown=markdown)

    async def action_edit(self) -> None:
        self.dismiss(None)  # back to the panes, which show the briefing as it is after
        await edit_at(self.app, getattr(self.item, "id", ""))  # type: ignore[arg-type]

    def action_toggle_ids(self) -> None:
        self.ids = not self.ids  # composes the page again: its scrolling body is a new widget
        self.call_after_refresh(lambda: self.body.focus())
