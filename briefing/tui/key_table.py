"""The README's table of the reader's keys, rendered from the registry (tui/keys.py).

A test compares it with the README; change a row here, then paste ``readme_table()``
into the README.
"""

from __future__ import annotations

from briefing.tui.keys import rebindable

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
    (("detail-place",), "in the detail view or overview: pick a place, then see only its events"),
    (
        ("overview",),
        "overview: summary, assessments, sources, places; there `Tab` goes to an event an "
        "assessment rests on, `Enter` opens it",
    ),
    (("map",), "map of the places; the selected event's places highlighted"),
    (
        ("copy-quote", "detail-copy-quote"),
        "copy the selected item's quote and its source (in Source: the quote shown)",
    ),
    (
        ("copy-item", "detail-copy-item"),
        "copy the selected item as Markdown, with its quotes and their sources",
    ),
    (("edit", "detail-edit"), "edit the briefing in `$VISUAL` or `$EDITOR`, at the selected item's line"),
    (
        ("search",),
        "search every pane and the overview; the results are listed as you type (`↑`/`↓`, `Enter`)",
    ),
    (("next-match", "previous-match"), "next / previous match"),
    (
        ("go-to-day",),
        "go to a day: the Timeline at the first event from it; in the prompt `Ctrl+F`: only that day",
    ),
    (("clear",), "clear the search; then the Timeline's filters (actors, places, the day)"),
    (
        ("next-change", "clear-changes"),
        "the next item new or changed since you last read (marked `*` / `~`) / mark all read",
    ),
    (("command-palette",), "commands: jump to an event, actor or country, filter by place, pick a theme"),
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
