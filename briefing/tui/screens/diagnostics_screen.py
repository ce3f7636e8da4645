"""Shown instead of the reader when a briefing has errors: every located problem, in file order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.format.diagnostics import Diagnostic
from briefing.format.text import one_line
from briefing.tui import keys
from briefing.tui.screens.scrolling import ReadingScreen
from briefing.tui.widgets.key_bar import KeyBar

EXIT_INVALID = 1  # the same code `briefing validate` uses for a briefing with errors


class DiagnosticsScreen(ReadingScreen[None]):
    READER_HELP: ClassVar[bool] = False  # ? lists the reader's keys, which do not work here
    BODY = "diagnostics-list"
    DEFAULT_CSS = """
    DiagnosticsScreen {
        .diagnostic {
            margin-bottom: 1;
        }
        #diagnostics-hint {
            height: 1;
            padding: 0 1;
            background: $panel;
            color: $text-muted;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings_for("diagnostics")

    def __init__(self, path: str, diagnostics: Sequence[Diagnostic], *, can_go_back: bool = False) -> None:
        super().__init__()
        self.path = one_line(path)  # a file name can hold escapes: shown in the title and the hint
        self.diagnostics = list(diagnostics)
        self.can_go_back = can_go_back  # opened from the library: Esc goes back there

    async def show(self, diagnostics: Sequence[Diagnostic]) -> None:
        """The file changed and still has errors: list the new ones."""
        self.diagnostics = list(diagnostics)
        await self.recompose()
        self.body.focus()

    def compose(self) -> ComposeResult:
        errors = sum(d.is_error for d in self.diagnostics)
        title = Content.assemble(
            ("Cannot open ", "bold"),
            (self.path, "bold"),
            (f": {errors} error{'' if errors == 1 else 's'}", "bold $error"),
        )
        yield Static(title, id="diagnostics-title", classes="reading-title")
        with VerticalScroll(id="diagnostics-list", classes="reading-body", can_focus=True):
            for diagnostic in self.diagnostics:
                yield Static(_describe(diagnostic), classes="diagnostic")
        hint = f"Fix the file, then check it with: briefing validate {self.path}"
        yield Static(Content(hint), id="diagnostics-hint")
        yield KeyBar()

    def action_quit_invalid(self) -> None:
        if self.can_go_back:
            self.dismiss()
        else:
            self.app.exit(return_code=EXIT_INVALID)


def _describe(diagnostic: Diagnostic) -> Content:
    """file:line:column, severity, message, key path; the hint on a line below.

    Spaces end a run of text rather than start one (see briefing.tui.styling.MARGIN).
    """
    where = diagnostic.path
    if diagnostic.line:
        where += f":{diagnostic.line}:{diagnostic.column or 1}"
    severity = "bold $error" if diagnostic.is_error else "bold $warning"
    text = Content.assemble(
        (where + " ", "$text-muted"), (diagnostic.severity, severity), ": " + diagnostic.message
    )
    if diagnostic.key_path:
        text += Content.assemble("  ", ("(at ", "$text-muted"), diagnostic.key_path, (")", "$text-muted"))
    if diagnostic.hint:
        text += Content.assemble("\n", ("  ", "dim"), ("hint: ", "$text-muted"), diagnostic.hint)
    return text
