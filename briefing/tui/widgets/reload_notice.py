"""A line under the panes while the file on disk has errors and the last good version is shown."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from briefing.format.diagnostics import Diagnostic
from briefing.format.text import one_line


class ReloadNotice(Static):
    """Says the file changed into something invalid, with its first error; gone on the next good save."""

    DEFAULT_CSS = """
    ReloadNotice {
        height: auto;
        max-height: 3;
        padding: 0 1;
        background: $error-muted;
        color: $text;
    }
    """

    @classmethod
    def show_under_panes(cls, screen: Screen[None], path: str, diagnostics: Sequence[Diagnostic]) -> None:
        """Show the notice on ``screen`` (mounted the first time), under its panes."""
        notices = screen.query(cls)
        notice = notices.first() if notices else cls()
        if not notices:
            screen.mount(notice, after="#panes")
        notice.show(path, diagnostics)

    def show(self, path: str, diagnostics: Sequence[Diagnostic]) -> None:
        errors = [d for d in diagnostics if d.is_error]
        first = errors[0] if errors else None
        count = f"{len(errors)} error{'' if len(errors) == 1 else 's'}"
        text = Content.assemble(
            ("⚠ ", "bold $text-error"),
            (f"{one_line(path)} now has {count}", "bold"),  # a file name can hold escapes
            "; showing the last good version until the next valid save.",
        )
        if first is not None:
            where = f"line {first.line}: " if first.line else ""
            text += Content.assemble("\n", (f"  {where}", "$text-muted"), first.message)
        self.update(text)
