"""Every key of the reader, declared once: what it does, where it works, how it is named.

Each screen and widget takes its BINDINGS from here (``bindings_for``); the
help screen lists these keys by section, the footer shows those marked for it,
config.yaml's ``keys:`` rebinds them by id (``briefing.tui.bindings``), and the
README's key table is rendered from ``README_ROWS`` (a test compares the two).
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


PLACES: dict[str, Place] = {
    "app": Place(
        "everywhere",
        (
            KeySpec("quit", "q", "quit", "Quit", "Quit briefing"),
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
            KeySpec("clear", "escape", "clear", "Clear", "Clear the search; then the Timeline's filters"),
        ),
    ),
    "list": Place(
        "Timeline, Actors, Reactions",
        (
            KeySpec("cursor-down", "down,j", "cursor_down", "Down", "Next item", footer=False),
            KeySpec("cursor-up", "up,k", "cursor_up", "Up", "Previous item", footer=False),
            KeySpec("cursor-first", "home,g", "first", "First", "First item", footer=False),
            KeySpec("cursor-last", "end,G", "last", "Last", "Last item", footer=False),
            KeySpec("page-up", "pageup", "page_up", "Page up", "One screen up", footer=False),
            KeySpec("page-down", "pagedown", "page_down", "Page down", "One screen down", footer=False),
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
            KeySpec("detail-back", "escape,backspace,q", "dismiss(None)", "Back", "Back to the panes"),
            KeySpec(
                "detail-evidence", "s", "evidence", "Evidence in source", "Back, showing the quotes in Source"
            ),
            KeySpec(
                "detail-ids",
                "number_sign",
                "toggle_ids",
                "Ids",
                "Show or hide the ids and the dates as written in the file",
            ),
        ),
    ),
    # `d`'s prompt. Priority keys, as the search field's Enter is (SearchInput.action_go).
    "day-prompt": Place(
        "day prompt",
        (
            KeySpec(
                "day-go",
                "enter",
                "go",
                "Go",
                "Go to the first event that starts on or after the day",
                priority=True,
            ),
            KeySpec(
                "day-only",
                "ctrl+f",
                "only",
                "Only that day",
                "Show only the events on that day (that day's own first, then the spans around it)",
                priority=True,
            ),
            KeySpec("day-cancel", "escape", "cancel", "Cancel", "Back, going nowhere"),
        ),
    ),
    "overview": Place(
        "overview",
        (KeySpec("overview-back", "escape,backspace,i,q", "dismiss(None)", "Back", "Back to the panes"),),
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
            KeySpec(
                "library-back", "escape,backspace,q", "back", "Back", "Back to the briefing you were reading"
            ),
        ),
    ),
    # The search field's own keys. Priority keys, as `/` is: they run when they arrive, in order
    # with the query, so keys typed after Enter in one burst go to its pane (SearchInput.action_go).
    # Esc reaches the reader's `clear`: listed in help, not a binding of its own.
    "search-field": Place(
        "search field",
        (
            KeySpec(
                "search-go",
                "enter",
                "go",
                "Go",
                "Go to the chosen result; none chosen: the first match from where you are",
                footer=False,
                priority=True,
            ),
            KeySpec(
                "search-choose-down",
                "down",
                "choose(1)",
                "Down",
                "Choose the next result in the list",
                footer=False,
                priority=True,
            ),
            KeySpec(
                "search-choose-up",
                "up",
                "choose(-1)",
                "Up",
                "Choose the previous result in the list",
                footer=False,
                priority=True,
            ),
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


def help_sections() -> list[tuple[str, list[KeySpec]]]:
    """Help's sections: each title and the keys it lists."""
    return [(title, [k for p in places for k in PLACES[p].keys]) for title, places in HELP_SECTIONS]


# -- the README's key table ---------------------------------------------------------------

# Each row: the ids of its keys, and what they do. A key the row's earlier ids already
# showed (j moves in a list, in Source and in the detail view alike) is shown once.
README_ROWS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("next-pane", "previous-pane"), "next / previous pane"),
    (
        ("focus-timeline", "focus-actors", "focus-reactions", "focus-source"),
        "Timeline / Actors / Reactions / Source",
    ),
    (
        ("cursor-down", "cursor-up", "source-down", "source-up", "scroll-down", "scroll-up"),
        "next / previous item; in Source and the detail view, a line down / up",
    ),
    (
        ("cursor-first", "cursor-last", "source-top", "source-bottom", "scroll-top", "scroll-bottom"),
        "first / last item; the top / bottom of a text",
    ),
    (
        ("page-up", "page-down", "source-page-up", "source-page-down", "scroll-page-up", "scroll-page-down"),
        "a screen up / down",
    ),
    (("details",), "every field and every quote of the selected item"),
    (("show-evidence",), "the selected item's quote in Source (again: its next quote)"),
    (("previous-source", "next-source"), "in Source: the previous / next source, when there are several"),
    (("toggle-filter",), "in Actors: show only this actor's events in the Timeline; again: all"),
    (("overview",), "overview: summary, assessments, sources, places"),
    (
        ("search",),
        "search every pane and the overview; the results are listed as you type (`↑`/`↓`, `Enter`)",
    ),
    (("next-match", "previous-match"), "next / previous match"),
    (
        ("go-to-day",),
        "go to a day: the Timeline at the first event from it; in the prompt `Ctrl+F`: only that day",
    ),
    (("clear",), "clear the search; then the Timeline's filters (the actor's, the day's)"),
    (("command-palette",), "commands: jump to an event, actor or country, toggle the filter, pick a theme"),
    (("library",), "library: the briefings in your folder"),
    (("help",), "help: every key, and what the marks in the panes mean"),
    (
        ("detail-back",),
        "close the detail view, overview, help or the library: back to where you were",
    ),
    (("detail-evidence",), "in the detail view: back to the panes, at the item's quotes in Source"),
    (("detail-ids",), "in the detail view: show or hide ids and dates as written in the file"),
    (("quit", "quit-anywhere"), "on the panes: quit / quit from anywhere, even while typing a search"),
)

# Keys as the README writes them; any other is written as Textual names it.
README_NAMES = {
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "enter": "Enter",
    "escape": "Esc",
    "backspace": "Backspace",
    "slash": "/",
    "question_mark": "?",
    "number_sign": "#",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "down": "↓",
    "up": "↑",
    "home": "Home",
    "end": "End",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "ctrl+p": "Ctrl+P",
    "ctrl+q": "Ctrl+Q",
}


def readme_table() -> str:
    """The README's table of the reader's keys, in Markdown."""
    by_id = {key.id: key for _where, key in rebindable()}
    lines = ["| key | does |", "| --- | --- |"]
    for ids, does in README_ROWS:
        shown: list[str] = []
        for key_id in ids:
            keys = " ".join(f"`{README_NAMES.get(k, k)}`" for k in by_id[key_id].keys.split(","))
            if keys not in shown:
                shown.append(keys)
        lines.append(f"| {' / '.join(shown)} | {does} |")
    return "\n".join(lines) + "\n"
