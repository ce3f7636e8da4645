"""The keys of the views beyond the panes: detail, overview, a day's prompt, the map, what
changed, help, the library, the search field. Part of the one registry (tui/keys.py)."""

from __future__ import annotations

from briefing.tui.key_spec import COPY_ITEM, COPY_QUOTE, EDIT, PICK_PLACE, KeySpec, Place

VIEW_PLACES: dict[str, Place] = {
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
