"""Every key of the reader, declared once: what it does, where it works, how it is named.

The panes' keys are here; the views' (detail, overview, map, library…) in view_keys.py,
joined into one PLACES.

Each screen and widget takes its BINDINGS from here (``bindings_for``); the
help screen lists these keys by section, the footer shows those marked for it,
config.yaml's ``keys:`` rebinds them by id (``briefing.tui.bindings``), and the
README's key table is rendered from them (``key_table``; a test compares the two).
This module imports nothing of the app, so any of them can read it.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import BindingType

from briefing.tui.key_spec import COPY_ITEM, COPY_QUOTE, EDIT, KeySpec, Place
from briefing.tui.view_keys import VIEW_PLACES

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
                "Search everything shown (every pane, the overview); results listed as you type",
                priority=True,
            ),
            # Priority too: the day typed straight after `d` lands in its prompt.
            KeySpec(
                "go-to-day",
                "d",
                "go_to_day",
                "Day",
                "Go to a day in the Timeline: 5 dec, Dec 5, 2024-12-05, yesterday, friday",
                footer=False,
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
    **VIEW_PLACES,
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
    ("Go to a day (d)", ("day-prompt",)),
)


def bindings_for(place: str) -> list[BindingType]:
    """The BINDINGS of the screen or widget that is ``place`` (keys with no action are help's only)."""
    return [key.binding() for key in PLACES[place].keys if key.action]


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
