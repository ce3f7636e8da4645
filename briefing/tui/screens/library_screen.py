"""The library: every briefing in a folder with its title, date, status and counts; Enter opens one.

`/` filters the list by title or file name as you type; Esc clears the filter,
then goes back to the briefing the library was opened from.

Files are checked in a worker thread and listed as they come, so a folder of
big briefings never freezes the screen. Titles and errors come from the
files: the list draws them as text, never as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from briefing.format.reading import describe_os_error
from briefing.format.text import one_line
from briefing.tui import keys
from briefing.tui.widgets.key_bar import KeyBar
from briefing.tui.widgets.library_list import LibraryList
from briefing.user.library import (
    SORT_KEYS,
    LibraryEntry,
    briefing_files,
    group_revisions,
    matching,
    scan_file,
    sort_entries,
)

SORT_NAMES = {"as_of": "date, newest first", "title": "title", "status": "status", "file": "file name"}


class LibraryScreen(Screen[None], inherit_bindings=False):
    """The briefings of ``folder``, sorted by date (newest first) until the reader sorts otherwise."""

    DEFAULT_CSS = """
    LibraryScreen {
        #library-title, #library-status {
            height: 1;
            padding: 0 1;
            background: $panel;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        #library-status {
            color: $text-muted;
        }
        #library-hint {
            height: 1;
            padding: 0 1;
            color: $text-warning;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        #library-filter {
            display: none;
        }
        &.-filtering #library-filter {
            display: block;
        }
    }
    """
    READER_HELP: ClassVar[bool] = False  # ? lists the library's own keys (HELP_SECTIONS) instead
    HELP_SECTIONS = keys.LIBRARY_HELP_SECTIONS
    AUTO_FOCUS = "LibraryList"
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings_for("library")

    def __init__(self, folder: Path, *, max_size: int | None = None, hint: str | None = None) -> None:
        """``hint``: a line saying why this folder is shown, and how to choose another."""
        super().__init__()
        self.folder = folder
        self.hint = hint
        self.query_text = ""  # the filter typed after `/`
        self.max_size = max_size
        self.entries: list[LibraryEntry] = []
        self.sort_key = "as_of"
        self.reverse = False
        self.scanning = False
        self.reader_moved = False  # until the reader moves, the cursor stays on the first entry

    def compose(self) -> ComposeResult:
        yield Static(id="library-title")
        if self.hint:
            yield Static(Content(one_line(self.hint)), id="library-hint")
        yield Input(placeholder="Filter: part of a title or file name", id="library-filter")
        yield LibraryList(id="library-list")
        yield Static(id="library-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.action_rescan()

    @property
    def listing(self) -> LibraryList:
        return self.query_one(LibraryList)

    @property
    def selected(self) -> LibraryEntry | None:
        return self.listing.selected

    # -- scanning -----------------------------------------------------------------

    def action_rescan(self) -> None:
        self.entries = []
        self._show()
        try:
            paths = briefing_files(self.folder)
        except OSError as error:
            self._status(f"Cannot read the folder: {describe_os_error(error)}", error=True)
            return
        if not paths:
            self._status("No briefings here: a briefing is a .yaml or .yml file")
            return
        self.scanning = True
        self._status(f"Reading {len(paths)} files…")
        self.run_worker(lambda: self._scan(paths), thread=True, exclusive=True, group="library-scan")

    def _scan(self, paths: list[Path]) -> None:
        worker = get_current_worker()
        for path in paths:
            if worker.is_cancelled:
                return
            entry = scan_file(path, max_size=self.max_size)
            self.app.call_from_thread(self._add, entry)
        self.app.call_from_thread(self._done)

    def _add(self, entry: LibraryEntry) -> None:
        self.entries.append(entry)
        self._show()

    def _done(self) -> None:
        self.scanning = False
        self._show()

    def _show(self) -> None:
        shown = matching(sort_entries(self.entries, self.sort_key, reverse=self.reverse), self.query_text)
        self.listing.show(group_revisions(shown))
        if not self.reader_moved:
            self.listing.select_index(0, notify=False)
        order = SORT_NAMES[self.sort_key] if not self.reverse else f"{SORT_NAMES[self.sort_key]}, reversed"
        count = (
            f"({len(shown)} of {len(self.entries)})" if self.query_text.strip() else f"({len(self.entries)})"
        )
        self.listing.border_title = Content.assemble(("Library ", "bold"), count)
        self.listing.border_subtitle = f"sorted by {order}"
        title = Content.assemble(("Briefings in ", "$text-muted"), (one_line(self.folder), "bold"))
        self.query_one("#library-title", Static).update(title)
        valid = sum(e.valid for e in self.entries)
        bad = len(self.entries) - valid
        text = f"{valid} briefing{'' if valid == 1 else 's'}"
        if bad:
            text += f", {bad} that cannot be opened (Enter lists the errors)"
        if self.scanning:
            text += " · reading…"
        self._status(text)
        self.refresh_bindings()  # Open works once there is something to open

    def _status(self, text: str, *, error: bool = False) -> None:
        self.query_one("#library-status", Static).update(Content.styled(text, "$text-error" if error else ""))

    # -- actions ------------------------------------------------------------------

    def on_item_list_moved(self, _message: LibraryList.Moved) -> None:
        self.reader_moved = True
        self.refresh_bindings()  # d works on an older revision only

    def action_diff(self) -> None:
        """On an older revision: what changed from it to the newest (briefing.diff)."""
        from briefing.tui.screens.diff_screen import DiffScreen

        entry = self.selected
        if entry is not None and entry.newer is not None:
            self.app.push_screen(DiffScreen(entry.path, entry.newer, max_size=self.max_size))

    def action_sort(self) -> None:
        self.sort_key = SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)]
        self.reverse = False
        self._show()

    def action_reverse(self) -> None:
        self.reverse = not self.reverse
        self._show()

    def action_open(self) -> None:
        entry = self.selected
        if entry is not None:
            self.app.open_briefing(entry.path)  # type: ignore[attr-defined]

    # -- the filter -----------------------------------------------------------------

    @property
    def filtering(self) -> bool:
        return self.has_class("-filtering")

    def action_filter(self) -> None:
        self.add_class("-filtering")
        # At once, not after a refresh: what is typed straight after `/` lands in the field.
        self.set_focus(self.query_one("#library-filter", Input))
        self.refresh_bindings()  # Esc now clears the filter

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._show()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.listing.focus()  # the filter stays

    def action_back(self) -> None:
        """Esc: clear the filter; without one, back to the briefing."""
        if self.filtering:
            self.query_one("#library-filter", Input).value = ""
            self.query_text = ""
            self.remove_class("-filtering")
            self.listing.focus()
            self._show()
        else:
            self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":  # a filter to clear, or a briefing under; at the bottom of the stack, q quits
            return self.filtering or self.app.screen_stack[0] is not self
        if action == "open":
            return self.selected is not None
        if action == "diff":
            return self.selected is not None and self.selected.newer is not None
        return True
