"""The help screen: every key, by where it works, read from the registry of keys (tui/keys.py)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.tui import keys
from briefing.tui.screens.scrolling import ReadingScreen
from briefing.tui.styling import FRESH_MARKS, chip
from briefing.tui.widgets.key_bar import KeyBar
from briefing.tui.widgets.reactions import STANCE_MARKS
from briefing.tui.widgets.timeline import STATUS_MARKS

LEGEND = [
    ("▶", "the selected item of the pane with focus (the one in a heavy frame)"),
    ("›", "the selected item of the other panes"),
    (" ".join(STATUS_MARKS.values()), "in Timeline: " + ", ".join(STATUS_MARKS)),
    (" ".join(STANCE_MARKS.values()), "in Reactions, before the stance: " + ", ".join(STANCE_MARKS)),
    ("●", "linked to the item you are on: its actors, or an actor's events"),
    ("◆", "matches the search (matching text is highlighted)"),
    (" ".join(FRESH_MARKS.values()), "new / changed since you last read the briefing (c: the next)"),
    ("▌", "in Source: a line holding a quote behind the item you are on"),
]

NOTES = [
    "The item you move to in Timeline, Actors or Reactions is the item you are on:",
    "Source shows the quotes behind it, highlighted, and Actors marks who is involved.",
    "In a narrow terminal only one or two panes fit: the number keys switch between them.",
]


class HelpScreen(ReadingScreen[None]):
    BODY = "help-body"
    DEFAULT_CSS = """
    HelpScreen {
        .help-heading {
            margin-top: 1;
        }
        .help-table {
            grid-size: 2;
            grid-columns: 16 1fr;
            height: auto;
        }
        .help-key, .help-what {
            height: auto;
        }
        .help-notes {
            margin-top: 1;
            color: $text-muted;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings_for("help")

    def __init__(self, sections: tuple[tuple[str, tuple[str, ...]], ...] | None = None) -> None:
        """``sections``: a screen's own (keys.LIBRARY_HELP_SECTIONS); None: the reader's, with its marks."""
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        yield Static(chip("Keys", "bold reverse"), id="help-title", classes="reading-title")
        with VerticalScroll(id="help-body", classes="reading-body"):
            for title, rows in self._sections():
                yield Static(Content.styled(title, "bold underline"), classes="help-heading")
                with Grid(classes="help-table"):
                    for left, right in rows:
                        yield Static(left, classes="help-key")
                        yield Static(right, classes="help-what")
            if self.sections is None:
                yield Static(Content("\n").join(Content(line) for line in NOTES), classes="help-notes")
        yield KeyBar()

    def _shown_keys(self, key: keys.KeySpec) -> str:
        """``key``'s keys as the footer names them: the ones config.yaml gave it, if any."""
        keymap: dict[str, str] = getattr(self.app, "keymap", {})
        pressed = keymap.get(key.id, key.keys) if key.id else key.keys
        return " ".join(self.app.get_key_display(Binding(k.strip(), "")) for k in pressed.split(","))

    def _sections(self) -> list[tuple[str, list[tuple[Content, Content]]]]:
        """Each section's title and rows of (keys, what they do); then the marks."""
        sections = []
        for title, listed in keys.help_sections(self.sections or keys.HELP_SECTIONS):
            rows = [
                (Content.styled(self._shown_keys(k), "bold $text-accent"), Content(k.description))
                for k in listed
            ]
            sections.append((title, rows))
        if self.sections is None:  # the marks of the reader's panes
            marks = [(Content.styled(mark, "bold"), Content(meaning)) for mark, meaning in LEGEND]
            sections.append(("Marks", marks))
        return sections
