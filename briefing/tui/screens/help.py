"""The help screen: every key, by where it works, read from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.tui.screens.scrolling import ReadingScreen
from briefing.tui.styling import chip
from briefing.tui.widgets.key_bar import KeyBar

LEGEND = [
    ("▶", "the selected item of a pane"),
    ("●", "linked to the item you are on: its actors, or an actor's events"),
    ("◆", "matches the search (matching text is highlighted)"),
    ("▌", "in Source: a line holding a quote behind the item you are on"),
]

NOTES = [
    "The item you move to in Timeline, Actors or Reactions is the item you are on:",
    "Source shows the quotes behind it, highlighted, and Actors marks who is involved.",
    "In a narrow terminal only one or two panes fit: the number keys switch between them.",
]


def _key_sections() -> list[tuple[str, Iterable[BindingType]]]:
    # Imported here so this module stays cheap to import and free of cycles.
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.detail import DetailScreen
    from briefing.tui.screens.main import MainScreen
    from briefing.tui.widgets.item_list import ItemList
    from briefing.tui.widgets.source import SourceView

    return [
        ("Everywhere", [*MainScreen.BINDINGS, *BriefingApp.BINDINGS]),
        ("Timeline, Actors, Reactions", ItemList.BINDINGS),
        ("Source", SourceView.BINDINGS),
        ("Detail view (and this help)", [*DetailScreen.BINDINGS, *ReadingScreen.BINDINGS]),
        (
            "Search bar",
            [
                Binding("enter", "", "Go to the first match from where you are"),
                Binding("escape", "", "Clear the search"),
            ],
        ),
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
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "dismiss", "Close help", id="help-close"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(chip("Keys", "bold reverse"), id="help-title", classes="reading-title")
        with VerticalScroll(id="help-body", classes="reading-body"):
            for title, rows in self._sections():
                yield Static(Content.styled(title, "bold underline"), classes="help-heading")
                with Grid(classes="help-table"):
                    for left, right in rows:
                        yield Static(left, classes="help-key")
                        yield Static(right, classes="help-what")
            yield Static(Content("\n").join(Content(line) for line in NOTES), classes="help-notes")
        yield KeyBar()

    def _keys(self, binding: Binding) -> str:
        keymap: dict[str, str] = getattr(self.app, "keymap", {})
        keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
        shown = [self.app.get_key_display(Binding(key.strip(), "")) for key in keys.split(",")]
        return " ".join(shown)

    def _sections(self) -> list[tuple[str, list[tuple[Content, Content]]]]:
        """Each section's title and rows of (keys, what they do); then the marks."""
        sections = []
        for title, bindings in _key_sections():
            rows = [
                (Content.styled(self._keys(b), "bold $text-accent"), Content(b.tooltip or b.description))
                for b in bindings
                if isinstance(b, Binding) and b.description
            ]
            sections.append((title, rows))
        marks = [(Content.styled(mark, "bold"), Content(meaning)) for mark, meaning in LEGEND]
        sections.append(("Marks", marks))
        return sections
