"""Every key of the reader, declared once: what it does, where it works, how it is named.

Each screen and widget takes its BINDINGS from here (``bindings_for``); the
help screen lists these keys by section, the footer shows those marked for it,
config.yaml's ``keys:`` rebinds them by id (``briefing.tui.bindings``), and the
README's key table is rendered from them (``key_table``; a test compares the two).
This module imports nothing of the app, so any of them can read it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class KeySpec:
    """One binding: the keys that press it, the action they run, and how footer and help name it."""

    id: str  # what config.yaml's `keys:` names; "" for a key a widget handles itself (help lists it)
    keys: str  # Textual's key names, comma-separated: "down,j"
    action: str
    label: str  # the footer's word for it: "Pane"
    does: str = ""  # help's line and the footer's tooltip (default: the label)
    footer: bool = True  # shown in the footer where it works (help lists every key)
    priority: bool = False  # runs before the focused widget sees the key

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.footer,
            priority=self.priority,
            tooltip=self.does,
            id=self.id or None,
        )

    @property
    def description(self) -> str:
        return self.does or self.label


class Place(NamedTuple):
    """Where a group of keys works, as config.yaml's messages and docs/config.md name it."""

    where: str
    keys: tuple[KeySpec, ...]


PICK_PLACE = "Pick a place: back to the panes, showing only the events there"
COPY_QUOTE = "Copy the item's quote (in Source: the quote shown) with its source"
COPY_ITEM = "Copy the item as Markdown, with its quotes and their sources"
EDIT = "Edit the briefing in $VISUAL or $EDITOR at the item's line; read it again after"

PLACES: dict[str, Place] = {
    "app": Place(
        "everywhere",
        (
            KeySpec("quit", "q", "quit", "Quit", "Quit briefing (in a view: close it)"),
            KeySpec(
                "quit-anywhere",
                "ctrl+q",
                "quit",
                "Quit",
                "Quit, even while typing a search",
                footer=False,
                priority=True,
            ),
            KeySpec("help", "question_mark", "help", "Help", "This list of keys"),
            KeySpec(
                "library",
                "L",
                "library",
                "Library",
                "The briefings in your folder (or in the folder you opened)",
                footer=False,
            ),
            KeySpec(
                "command-palette",
                "ctrl+p",
                "command_palette",
                "Commands",
                "Commands: jump to an event, actor or country; change the theme",
                footer=False,
                priority=True,
            ),
        ),
    ),
    "reader": Place(
        "reader",
        (
            KeySpec("next-pane", "tab", "cycle_pane(1)", "Pane", "Go to the next pane"),
            KeySpec(
                "previous-pane",
                "shift+tab",
                "cycle_pane(-1)",
                "Previous pane",
                "Go to the previous pane",
                footer=False,
            ),
            KeySpec(
                "focus-timeline", "1", "focus_pane('timeline')", "Timeline", "Go to Timeline", footer=False
            ),
            KeySpec("focus-actors", "2", "focus_pane('actors')", "Actors", "Go to Actors", footer=False),
            KeySpec(
                "focus-reactions",
                "3",
                "focus_pane('reactions')",
                "Reactions",
                "Go to Reactions",
                footer=False,
            ),
            KeySpec("focus-source", "4", "focus_pane('source')", "Source", "Go to Source", footer=False),
            KeySpec(
                "details",
                "enter",
                "details",
                "Details",
                "Every field and quote of the selected item (in Source: the source)",
            ),
            KeySpec(
                "overview",
                "i",
                "overview",
                "Overview",
                "The briefing's summary, assessments, sources and places",
            ),
            KeySpec(
                "map",
                "m",
                "app.show_map",
                "Map",
                "The places on a map, with the selected event's places highlighted",
                footer=False,
            ),
            KeySpec(
                "show-evidence",
                "s",
                "show_evidence",
                "Quote",
                "Show the selected item's quote in Source; again: its next quote",
            ),
            KeySpec(
                "toggle-filter",
                "f",
                "toggle_filter",
                "Filter",
                "In Actors: show only this actor's events in Timeline; again: all",
            ),
            # Priority: run before the keys typed after it are handed to a pane, so the
            # query typed straight after `/` lands in the search field, whatever the speed.
            KeySpec(
                "search",
                "slash",
                "start_search",
                "Search",
                "Search names, aliases, titles and text in every pane",
                priority=True,
            ),
            KeySpec("next-match", "n", "next_match(1)", "Next", "Go to the next search match"),
            # Not in the footer: the search bar says "n/N".
            KeySpec(
                "previous-match",
                "N",
                "next_match(-1)",
                "Previous",
                "Go to the previous search match",
                footer=False,
            ),
            KeySpec("clear", "escape", "clear", "Clear", "Clear the search; then the filters"),
            KeySpec(
                "next-change",
                "c",
                "app.next_change",
                "Changes",
                "Go to the next item new or changed since you last read the briefing",
            ),
            KeySpec(
                "clear-changes",
                "C",
                "app.clear_changes",
                "Mark read",
                "Clear every new or changed mark at once",
                footer=False,
            ),
            KeySpec("copy-quote", "y", "copy(False)", "Copy", COPY_QUOTE, footer=False),
            KeySpec("copy-item", "Y", "copy(True)", "Copy item", COPY_ITEM, footer=False),
            KeySpec("edit", "e", "edit", "Edit", EDIT, footer=False),
        ),
    ),
    "list": Place(
        "Timeline, Actors, Reactions",
        (
            KeySpec("cursor-down", "down,j", "move(1)", "Down", "Next item", footer=False),
            KeySpec("cursor-up", "up,k", "move(-1)", "Up", "Previous item", footer=False),
            KeySpec("cursor-first", "home,g", "move_to(0)", "First", "First item", footer=False),
            KeySpec("cursor-last", "end,G", "move_to(-1)", "Last", "Last item", footer=False),
            KeySpec("page-up", "pageup", "page(-1)", "Page up", "One screen up", footer=False),
            KeySpec("page-down", "pagedown", "page(1)", "Page down", "One screen down", footer=False),
        ),
    ),
    "source": Place(
        "Source",
        (
            KeySpec("source-down", "down,j", "scroll_lines(1)", "Down", "Scroll down a line", footer=False),
            KeySpec("source-up", "up,k", "scroll_lines(-1)", "Up", "Scroll up a line", footer=False),
            KeySpec("source-top", "home,g", "top", "Top", "Start of the text", footer=False),
            KeySpec("source-bottom", "end,G", "bottom", "Bottom", "End of the text", footer=False),
            KeySpec("source-page-up", "pageup", "page(-1)", "Page up", "One screen up", footer=False),
            KeySpec("source-page-down", "pagedown", "page(1)", "Page down", "One screen down", footer=False),
            # Not in the footer: it shows "]"; help lists both.
            KeySpec(
                "previous-source",
                "left_square_bracket",
                "cycle_source(-1)",
                "Prev source",
                "Show the previous source (with several)",
                footer=False,
            ),
            KeySpec(
                "next-source",
                "right_square_bracket",
                "cycle_source(1)",
                "Next source",
                "Show the next source (with several)",
            ),
        ),
    ),
    "reading": Place(
        "detail, help and diagnostics",
        (
            KeySpec("scroll-down", "down,j", "scroll('down')", "Down", "Scroll down", footer=False),
            KeySpec("scroll-up", "up,k", "scroll('up')", "Up", "Scroll up", footer=False),
            KeySpec(
                "scroll-page-down",
                "pagedown",
                "scroll('page_down')",
                "Page down",
                "One screen down",
                footer=False,
            ),
            KeySpec(
                "scroll-page-up", "pageup", "scroll('page_up')", "Page up", "One screen up", footer=False
            ),
            KeySpec("scroll-top", "home,g", "scroll('home')", "Top", "Top", footer=False),
            KeySpec("scroll-bottom", "end,G", "scroll('end')", "Bottom", "Bottom", footer=False),
        ),
    ),
    "detail": Place(
        "detail",
        (
            # q closes a view, as in a pager; on the panes it quits.
            KeySpec("detail-back", "escape,backspace,q", "dismiss(None)", "Back", "Back to where you were"),
            KeySpec(
                "detail-evidence", "s", "evidence", "Evidence in source", "Back, showing the quotes in Source"
            ),
            KeySpec("detail-place", "f", "pick_place", "Place", PICK_PLACE),
            KeySpec("detail-copy-quote", "y", "copy(False)", "Copy", COPY_QUOTE, footer=False),
            KeySpec("detail-copy-item", "Y", "copy(True)", "Copy item", COPY_ITEM, footer=False),
            KeySpec("detail-edit", "e", "edit", "Edit", EDIT, footer=False),
            KeySpec(
                "detail-ids",
                "number_sign",
                "toggle_ids",
                "Ids",
                "Show or hide the ids and the dates as written in the file",
            ),
        ),
    ),
    "overview": Place(
        "overview",
        (
            KeySpec("overview-back", "escape,backspace,i,q", "dismiss(None)", "Back", "Back to the panes"),
            KeySpec("overview-place", "f", "pick_place", "Place", PICK_PLACE),
            KeySpec(
                "overview-next-event",
                "tab",
                "focus_event(1)",
                "Event",
                "Go to the next event an assessment rests on",
            ),
            KeySpec(
                "overview-previous-event",
                "shift+tab",
                "focus_event(-1)",
                "Previous event",
                "Go to the previous event an assessment rests on",
                footer=False,
            ),
            KeySpec(
                "overview-open", "enter", "open_event", "Open", "Every field and quote of the selected event"
            ),
        ),
    ),
    "map": Place(
        "map",
        (
            KeySpec("map-back", "escape,backspace,q,m", "back", "Back", "Back to the panes"),
            KeySpec("map-down", "down,j", "move(1)", "Down", "Next place", footer=False),
            KeySpec("map-up", "up,k", "move(-1)", "Up", "Previous place", footer=False),
            # Priority: before the place list takes Enter for itself.
            KeySpec(
                "map-choose",
                "enter",
                "choose",
                "Choose",
                "Back to the panes on the place's first event",
                priority=True,
            ),
            KeySpec("map-filter", "f", "filter_place", "Filter", "Back, showing only the place's events"),
            KeySpec(
                "map-next-event",
                "right_square_bracket",
                "step(1)",
                "Next event",
                "The next event in date order, its places highlighted",
            ),
            KeySpec(
                "map-previous-event",
                "left_square_bracket",
                "step(-1)",
                "Prev event",
                "The previous event in date order",
                footer=False,
            ),
            KeySpec("map-zoom-in", "plus,equals_sign", "zoom(2)", "Zoom", "Closer to the selected place"),
            KeySpec(
                "map-zoom-out",
                "minus",
                "zoom(0.5)",
                "Zoom out",
                "Back out, down to every place",
                footer=False,
            ),
        ),
    ),
    "news": Place(
        "what changed",
        (KeySpec("news-back", "escape,backspace,q", "dismiss(None)", "Back", "Back to the panes"),),
    ),
    "help": Place(
        "help", (KeySpec("help-close", "escape,backspace,question_mark,q", "dismiss", "Close help"),)
    ),
    "diagnostics": Place("diagnostics", (KeySpec("diagnostics-quit", "q,escape", "quit_invalid", "Quit"),)),
    "library": Place(
        "library",
        (
            KeySpec("library-open", "enter", "open", "Open", "Open the selected briefing"),
            KeySpec(
                "library-sort", "o", "sort", "Sort", "Sort by the next key: date, title, status, file name"
            ),
            KeySpec("library-reverse", "O", "reverse", "Reverse", "Reverse the order", footer=False),
            KeySpec("library-rescan", "r", "rescan", "Rescan", "Read the folder again"),
            # Priority, as the reader's search: run before the keys typed after it reach the list.
            KeySpec(
                "library-filter",
                "slash",
                "filter",
                "Filter",
                "Show only the briefings whose title or file name holds what you type",
                priority=True,
            ),
            KeySpec(
                "library-diff", "d", "diff", "Changes", "On an older revision: what changed in the newest"
            ),
            KeySpec(
                "library-back", "escape,backspace,q", "back", "Back", "Back to the briefing you were reading"
            ),
        ),
    ),
    # The library's filter field: an Input's Enter, and Esc (the library's `back` clears it first).
    "library-field": Place(
        "library filter",
        (
            KeySpec("", "enter", "", "", "Back to the list, keeping the filter"),
            KeySpec("", "escape", "", "", "Clear the filter"),
        ),
    ),
    # The search field's own keys (an Input's Enter; Esc reaches the reader's `clear`): listed
    # in help, not bindings of their own.
    "search-field": Place(
        "search field",
        (
            KeySpec("", "enter", "", "", "Go to the first match from where you are"),
            KeySpec("", "escape", "", "", "Clear the search"),
        ),
    ),
}

# Help's sections: a title and the places whose keys it lists, in order.
HELP_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Everywhere", ("reader", "app")),
    ("Timeline, Actors, Reactions", ("list",)),
    ("Source", ("source",)),
    ("Detail view (and this help)", ("detail", "reading")),
    ("Overview", ("overview",)),
    ("Map", ("map",)),
    ("Search bar", ("search-field",)),
)


def bindings_for(place: str) -> list[BindingType]:
    """The BINDINGS of the screen or widget that is ``place``."""
    return [key.binding() for key in PLACES[place].keys]


def rebindable() -> Iterator[tuple[str, KeySpec]]:
    """(where, key) for every key config.yaml may rebind, app-wide ones first."""
    for place in PLACES.values():
        for key in place.keys:
            if key.id:
                yield place.where, key


# Help on the library: its own keys, then the app's.
LIBRARY_HELP_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Library", ("library",)),
    ("Library filter", ("library-field",)),
    ("Everywhere", ("app",)),
)


def help_sections(
    sections: tuple[tuple[str, tuple[str, ...]], ...] = HELP_SECTIONS,
) -> list[tuple[str, list[KeySpec]]]:
    """Help's sections (the reader's by default): each title and the keys it lists."""
    return [(title, [k for p in places for k in PLACES[p].keys]) for title, places in sections]
