"""The help screen: every key, by where it works, read from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from briefing.tui.screens.reading import ReadingScreen

KEY_WIDTH = 16

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


def _sections() -> list[tuple[str, Iterable[BindingType]]]:
    # Imported here so this module stays cheap to import and free of cycles.
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.detail import DetailScreen
    from briefing.tui.screens.main import MainScreen
    from briefing.tui.screens.reading import ReadingScreen
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
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "dismiss", "Close help", id="help-close"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(Content.styled(" Keys ", "bold reverse"), id="help-title")
        with VerticalScroll(id="help-body"):
            yield Static(self._text(), id="help-text")
        yield Footer(compact=True)

    def _keys(self, binding: Binding) -> str:
        keymap: dict[str, str] = getattr(self.app, "keymap", {})
        keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
        shown = [self.app.get_key_display(Binding(key.strip(), "")) for key in keys.split(",")]
        return " ".join(shown)

    def _text(self) -> Content:
        blocks: list[Content] = []
        for title, bindings in _sections():
            lines = [Content.styled(title, "bold underline")]
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                keys = self._keys(binding).ljust(KEY_WIDTH)
                lines.append(
                    Content.assemble((keys, "bold $text-accent"), binding.tooltip or binding.description)
                )
            blocks.append(Content("\n").join(lines))
        legend = [Content.styled("Marks", "bold underline")]
        legend += [Content.assemble((mark.ljust(KEY_WIDTH), "bold"), meaning) for mark, meaning in LEGEND]
        blocks.append(Content("\n").join(legend))
        blocks.append(Content("\n").join(Content(line) for line in NOTES))
        return Content("\n\n").join(blocks)
