"""Following the open briefing on disk: a change to it or its text files is shown within a second.

The files are polled four times a second (briefing.user.watch) and a change is read
once they have held still for a poll, so a save written in parts is read
whole. It is checked in a worker thread, one check at a time. A valid version
replaces what is on screen, keeping the pane and the items whose ids still
exist; a version that cannot be used (invalid, unreadable, deleted, or one the
loader failed on) leaves the last good version up with a notice of its first
error, until the next valid save.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.format.diagnostics import Diagnostic
from briefing.model import Briefing
from briefing.opening import open_briefing
from briefing.tui.place import ViewState
from briefing.tui.screens.main import MainScreen
from briefing.user.watch import FileWatch, signature, watched_paths

if TYPE_CHECKING:
    from textual.timer import Timer

    from briefing.tui.app import BriefingApp

# A change is read after it has held still for one poll: 0.25-0.5 s after the last write.
POLL_SECONDS = 0.25

Checked = tuple[Briefing | None, list[Diagnostic]]


class LiveFile:
    """Owned by the app; follows ``app.file`` and the text files of the briefing shown."""

    def __init__(self, app: BriefingApp) -> None:
        self.app = app
        self.watch: FileWatch | None = None
        self.timer: Timer | None = None  # polls from start() on
        self.last_good: Briefing | None = None
        self.checks = 0  # numbers each check, so the result of one made obsolete is dropped
        # One check at a time: each holds a whole model while it loads, and checks started
        # on every save of a big briefing piled up (as many models as saves in flight).
        self.checking = False
        self.again = False  # the files changed during the check: check once more after it
        # Where the reader was before a version that lacked some of their items (a file
        # saved in two parts, read between them), and where that version left them: the
        # next version puts them back, unless they have moved since.
        self.wanted: ViewState | None = None
        self.left: ViewState | None = None

    def start(self) -> None:
        if self.app.file is not None and self.app.folder is None:
            self.follow(self.app.file, self.app.briefing)
        self.timer = self.app.set_interval(POLL_SECONDS, self.poll, name="live-reload")

    def follow(self, file: Path, briefing: Briefing | None) -> None:
        """Watch ``file`` (and its text files) from now on, as it is now."""
        self.checks += 1  # a check of the file followed before is of no use now
        self.last_good = briefing
        self.watch = FileWatch(watched_paths(file, briefing))
        self.wanted = self.left = None

    def poll(self) -> None:
        if self.watch is not None and self.watch.changed():
            self.reload()

    def reload(self) -> None:
        """Check the file again (in a thread) and show the result."""
        file = self.app.file
        if file is None or self.watch is None:
            return
        if self.checking:
            self.again = True
            return
        self.checking = True
        self.checks += 1
        number, paths, max_size = self.checks, self.watch.paths, self.app.max_size
        self.app.run_worker(
            lambda: self._check(number, file, paths, max_size), thread=True, group="live-reload"
        )

    def _check(self, number: int, file: Path, paths: Sequence[Path], max_size: int | None) -> None:
        """In a worker thread: check ``file`` and hand the result to the app."""
        before = [signature(p) for p in paths]
        # Not from the cache: each save would push the reader's other briefings out of it.
        result: Checked | None = open_briefing(file, max_size=max_size)
        if [signature(p) for p in paths] != before:
            # Written to while it was read: what was read may be half of it. The watch
            # sees the change and has it read again once it holds still.
            result = None
        self.app.call_from_thread(self._done, number, file, result)

    async def _done(self, number: int, file: Path, result: Checked | None) -> None:
        try:
            if result is not None and number == self.checks and file == self.app.file:
                await self._show(file, *result)
        finally:
            self.checking = False
            if self.again:
                self.again = False
                self.reload()

    async def _show(self, file: Path, briefing: Briefing | None, diagnostics: list[Diagnostic]) -> None:
        from briefing.tui.screens.diagnostics_screen import DiagnosticsScreen

        app = self.app
        if self.watch is None:
            return
        # A text file added or dropped by this version is watched from now on.
        self.watch.watch(watched_paths(file, briefing or self.last_good))
        # The topmost screen showing a briefing shows this one (a library may sit between).
        shown = next(
            (s for s in reversed(app.screen_stack) if isinstance(s, MainScreen | DiagnosticsScreen)), None
        )
        if briefing is None:
            if isinstance(shown, MainScreen):
                shown.show_reload_problems(app.path, diagnostics)
            elif isinstance(shown, DiagnosticsScreen):
                await shown.show(diagnostics)
            return
        self.last_good = briefing
        app.briefing, app.diagnostics = briefing, diagnostics
        app.title = briefing.title
        if isinstance(shown, MainScreen):
            await self._replace(shown, briefing)
        elif isinstance(shown, DiagnosticsScreen):
            # Fixed: the reader takes the place of the list of errors.
            reader = MainScreen(briefing, state=app.memory.view_of(file))
            if shown is app.screen_stack[0]:
                await app.push_screen(reader)
            elif shown is app.screen:
                await app.switch_screen(reader)

    async def _replace(self, screen: MainScreen, briefing: Briefing) -> None:
        """Show the new version where the reader is, or was before a version that lacked their items."""
        now = screen.view_state()
        place = self.wanted if self.wanted is not None and now == self.left else now
        await screen.show_briefing(briefing, place)
        after = screen.view_state()
        if _missing(place, after):
            self.wanted, self.left = place, after
        else:
            self.wanted = self.left = None


def _missing(wanted: ViewState, shown: ViewState) -> bool:
    """Whether an item selected in ``wanted`` could not be selected again (its id is gone)."""
    return any(
        getattr(wanted, name) is not None and getattr(shown, name) != getattr(wanted, name)
        for name in ("event", "actor", "reaction", "source", "filter_actor", "filter_places")
    )
