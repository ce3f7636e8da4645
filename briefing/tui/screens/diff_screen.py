"""Two revisions of a briefing compared (briefing.diff), as a page: from the library, an older one."""

from __future__ import annotations

from pathlib import Path
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

# The text form's styles (render/diff_view.py) in the theme's words; + - ~ say it without colour.
STYLES = {
    "added": "$text-success",
    "removed": "$text-error",
    "changed": "$text-warning",
    "heading": "bold",
    "quiet": "$text-muted",
}


class DiffScreen(ReadingScreen[None]):
    """What changed from ``old`` to ``new``: both are read and compared in a thread."""

    BODY = "diff-body"
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings_for("news")

    def __init__(self, old: Path, new: Path, *, max_size: int | None = None) -> None:
        super().__init__()
        self.old, self.new = old, new
        self.max_size = max_size

    def compose(self) -> ComposeResult:
        yield Static(chip("What changed", "bold reverse"), classes="reading-title")
        with VerticalScroll(id="diff-body", classes="reading-body"):
            yield Static(Content("Reading both revisions…"), id="diff-text")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.run_worker(self._compare, thread=True, exclusive=True, group="diff")

    def _compare(self) -> None:
        from briefing.diff import compare
        from briefing.opening import open_briefing
        from briefing.render.diff_view import text_lines

        old, _ = open_briefing(self.old, max_size=self.max_size)
        new, _ = open_briefing(self.new, max_size=self.max_size)
        if old is None or new is None:
            text = Content(f"{self.old.name if old is None else self.new.name} cannot be opened now")
        else:
            # Briefing text goes in as plain Content, never as markup.
            lines = [
                Content.styled(" " * indent + line, STYLES.get(style, ""))
                for indent, line, style in text_lines(compare(old, new))
            ]
            text = Content("\n").join(lines)
        self.app.call_from_thread(self.query_one("#diff-text", Static).update, text)
