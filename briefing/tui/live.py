"""Following the open briefing on disk: a change to it or its text files is shown within a second.

The files are polled twice a second (briefing.watch); a change is checked in a
worker thread. A valid version replaces what is on screen, keeping the pane
and the items whose ids still exist; an invalid one leaves the last good
version up with a notice of its errors, until the next valid save.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing.diagnostics import Diagnostic
from briefing.model import Briefing
from briefing.tui.screens.main import MainScreen
from briefing.watch import FileWatch, watched_paths

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

POLL_SECONDS = 0.5


class LiveFile:
    """Owned by the app; follows ``app.file`` and the text files of the briefing shown."""

    def __init__(self, app: BriefingApp) -> None:
        self.app = app
        self.watch: FileWatch | None = None
        self.last_good: Briefing | None = None
        self.checks = 0  # numbers each check, so a slow older one cannot overwrite a newer one

    def start(self) -> None:
        if self.app.file is not None and self.app.folder is None:
            self.follow(self.app.file, self.app.briefing)
        self.app.set_interval(POLL_SECONDS, self.poll, name="live-reload")

    def follow(self, file: Path, briefing: Briefing | None) -> None:
        """Watch ``file`` (and its text files) from now on, as it is now."""
        self.checks += 1  # a check of the file followed before is of no use now
        self.last_good = briefing
        self.watch = FileWatch(watched_paths(file, briefing))

    def poll(self) -> None:
        if self.watch is not None and self.watch.changed():
            self.reload()

    def reload(self) -> None:
        """Check the file again (in a thread) and show the result."""
        file = self.app.file
        if file is None:
            return
        from briefing.loader import check  # only once the file changes: a cached open needs no loader

        max_size = self.app.max_size
        self.checks += 1
        number = self.checks
        self.app.run_worker(
            lambda: self.app.call_from_thread(self._show, number, file, *check(file, max_size=max_size)),
            thread=True,
            exclusive=True,  # a newer save makes an older check pointless
            group="live-reload",
        )

    async def _show(
        self, number: int, file: Path, briefing: Briefing | None, diagnostics: list[Diagnostic]
    ) -> None:
        from briefing.tui.screens.diagnostics import DiagnosticsScreen

        app = self.app
        if number != self.checks or file != app.file or self.watch is None:
            return  # a newer check is coming, or the reader opened another file meanwhile
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
            await shown.show_briefing(briefing)
        elif isinstance(shown, DiagnosticsScreen):
            # Fixed: the reader takes the place of the list of errors.
            reader = MainScreen(briefing, state=app.memory.view_of(file))
            if shown is app.screen_stack[0]:
                await app.push_screen(reader)
            elif shown is app.screen:
                await app.switch_screen(reader)
