"""A one-line list of the panes and their number keys, for layouts that hide some panes."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from briefing.tui.styling import chip

NAMES = {"timeline": "Timeline", "actors": "Actors", "reactions": "Reactions", "source": "Source"}


class PaneTabs(Static):
    """`1 Timeline  2 Actors  3 Reactions  4 Source`, the focused pane marked, hidden panes dim."""

    DEFAULT_CSS = """
    PaneTabs {
        height: 1;
        padding: 0 1;
        background: $panel-darken-1;
        color: $text-muted;
    }
    """

    _shown: tuple[str, frozenset[str]] | None = None

    def show(self, focused: str, visible: set[str]) -> None:
        # Only on a change: each update lays the whole screen out again (Static.update),
        # and the reader stages its panes on every resize, hidden strip or not.
        if (focused, frozenset(visible)) == self._shown:
            return
        self._shown = (focused, frozenset(visible))
        parts: list[Content] = []
        for number, (name, label) in enumerate(NAMES.items(), start=1):
            if name == focused:
                style = "bold reverse"
            elif name in visible:
                style = "bold"
            else:
                style = ""
            parts.append(chip(f"{number} {label}", style))
        self.update(Content(" ").join(parts))
