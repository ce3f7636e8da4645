"""Ending the reader when its terminal goes away or it is told to, whatever it is doing then.

A closed terminal window or a dropped SSH connection reaches the reader in one
of three ways: SIGHUP (when the terminal is its controlling terminal), a write
that fails (EIO once the terminal is hung up), or only a poll() that reports
POLLHUP (a terminal it was handed without owning it: the reader then ran for
ever, Textual's input thread spinning on end-of-file). `kill` sends SIGTERM.
Each asks the app to stop as q does, keeping the reader's place, and arms a
watchdog that ends the process if it is still there GRACE_SECONDS later.

Why not Textual's way (loop.add_signal_handler): that handler runs on the
event loop, and the loop is what gets stuck. Textual writes to the terminal
through a thread with a queue of 30 writes (textual/drivers/_writer_thread.py).
Once the terminal is gone, that thread's write raises and the thread dies;
the loop's 31st write then waits in Queue.put for ever, and a signal handled
by the loop is never handled. So the driver writes through TerminalOutput,
which drops what it cannot write, and the signals get plain handlers, which
the main thread runs wherever it is waiting.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from types import FrameType
from typing import TYPE_CHECKING, TextIO

from briefing.tui.memory import SAVING

if TYPE_CHECKING:
    import asyncio

    from textual.driver import Driver

    from briefing.tui.app import BriefingApp

# The app's own exit (save the place, restore the terminal) takes a few tens of
# milliseconds; a first frame of 10,000 events, about a second on a busy machine.
GRACE_SECONDS = 1.5
SAVE_SECONDS = 0.3  # what the watchdog waits for a save to finish before it ends the process
HANGUP_EXIT = 128 + signal.SIGHUP  # what a shell reports for a job ended by SIGHUP
_STOPS = (signal.SIGHUP, signal.SIGTERM)


class TerminalOutput:
    """What Textual's writer thread writes to: the terminal while it is there, nothing after.

    A write or flush that fails means the terminal is gone (EIO from a hung-up
    terminal, EPIPE, EBADF): ``lost`` is called once, and later writes are dropped,
    so the writer thread lives on and the queue it drains never fills.
    """

    def __init__(self, file: TextIO, lost: Callable[[], None]) -> None:
        self._file = file
        self._lost = lost
        self.gone = False

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                return self._file.write(text)
            except OSError:
                self._gone()
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self._file.flush()
            except OSError:
                self._gone()

    def fileno(self) -> int:
        return self._file.fileno()

    def _gone(self) -> None:
        self.gone = True
        self._lost()


class Guard:
    """Installed by launch around ``app.run(loop=loop)``; see the module's docstring.

    ``code`` is the exit code once the reader was asked to stop (129 for a hang-up,
    143 for SIGTERM), else None. ``end`` ends the process (os._exit; tests pass
    their own). ``terminals`` are the file descriptors watched for a hang-up.
    """

    def __init__(
        self,
        app: BriefingApp,
        loop: asyncio.AbstractEventLoop,
        *,
        grace: float = GRACE_SECONDS,
        end: Callable[[int], object] = os._exit,
        terminals: Sequence[int] = (0, 1, 2),
    ) -> None:
        self.app = app
        self.loop = loop
        self.grace = grace
        self.end = end
        self.terminals = terminals  # the reader's standard streams; a test gives its own pty
        self.code: int | None = None
        self.painted = False  # the first frame is out: there is a place worth saving
        self._once = threading.Lock()
        self._previous: dict[int, object] = {}
        self._wake: tuple[int, int] | None = None
        self._watcher: threading.Thread | None = None
        self.watchdog: threading.Timer | None = None

    def install(self) -> None:
        """Handle SIGHUP and SIGTERM, watch the terminal, and route the app's output."""
        for stop in _STOPS:
            self._previous[stop] = signal.signal(stop, self._on_signal)
        terminals = sorted({fd for fd in self.terminals if _is_terminal(fd)})
        if terminals:
            self._wake = os.pipe()
            self._watcher = threading.Thread(
                target=self._watch, args=(terminals,), name="briefing-hangup", daemon=True
            )
            self._watcher.start()
        self.app.driver_class = guarded_driver(self.app.driver_class, self.hang_up)

    def uninstall(self) -> None:
        """Put the signal handlers back and stop watching; an armed watchdog stays armed.

        The app may have exited while something (a worker thread, the interpreter's
        shutdown) still holds the process: the watchdog ends it all the same.
        """
        for stop, handler in self._previous.items():
            signal.signal(stop, handler)  # type: ignore[arg-type]
        self._previous.clear()
        if self._wake is not None:
            os.write(self._wake[1], b"x")
            if self._watcher is not None:
                self._watcher.join()
            for fd in self._wake:
                os.close(fd)
            self._wake = None

    def hang_up(self) -> None:
        """The terminal is gone: stop as q does, or end the process if that does not happen in time."""
        self.stop(HANGUP_EXIT)

    def stop(self, code: int) -> None:
        """Ask the app to stop with ``code``; only the first request counts. Any thread may call this."""
        with self._once:
            if self.code is not None:
                return
            self.code = code
        self.watchdog = threading.Timer(self.grace, self._expire)
        self.watchdog.daemon = True
        self.watchdog.start()
        try:
            self.loop.call_soon_threadsafe(self._stop_app)
        except RuntimeError:  # the loop is closed: the app has already exited
            return

    def end_now(self) -> None:
        """The app has exited after stop(): end the process without waiting for its threads.

        What is left is background work no one will see (a search index being built
        for 10,000 events takes seconds), which the interpreter would wait for.
        """
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except OSError:  # the terminal is gone
                continue
        SAVING.acquire(timeout=SAVE_SECONDS)
        assert self.code is not None
        self.end(self.code)

    def _on_signal(self, number: int, frame: FrameType | None) -> None:
        # Runs in the main thread between two bytecodes, maybe inside a Textual call:
        # ask the loop, never act here.
        if number == signal.SIGHUP:
            # The kernel follows SIGHUP with SIGCONT, on which Textual would start its
            # application mode again: new input and output threads on a dead terminal.
            signal.signal(signal.SIGCONT, signal.SIG_DFL)
        self.stop(HANGUP_EXIT if number == signal.SIGHUP else 128 + number)

    def _stop_app(self) -> None:
        app = self.app
        if app.return_code is not None:  # already exiting
            return
        try:
            app.quit_keeping_place()
        finally:
            if app.return_code is None:  # keeping the place failed: exit all the same
                app.exit()

    def _watch(self, terminals: list[int]) -> None:
        """Wait (without using the CPU) until one of the terminals hangs up."""
        assert self._wake is not None
        poller = select.poll()
        for fd in terminals:
            poller.register(fd, 0)  # POLLHUP and POLLERR are reported whatever is asked for
        poller.register(self._wake[0], select.POLLIN)
        watched = set(terminals)
        while watched:
            for fd, event in poller.poll():
                if fd == self._wake[0]:
                    return
                if event & (select.POLLHUP | select.POLLERR):
                    self.hang_up()
                    return
                if event & select.POLLNVAL:  # closed under us: nothing left to watch there
                    poller.unregister(fd)
                    watched.discard(fd)

    def _expire(self) -> None:
        """The app did not exit in time: save the place if that is quick, then end the process."""
        if self.painted:
            saver = threading.Thread(target=self.app.save_view, name="briefing-last-save", daemon=True)
            saver.start()
            saver.join(SAVE_SECONDS)
        # Never in the middle of a save (the app's or the one above): that would leave
        # its temporary file behind. Held until the end, so no other starts.
        SAVING.acquire(timeout=SAVE_SECONDS)
        assert self.code is not None
        self.end(self.code)


def drives_a_terminal(driver_class: type[Driver]) -> bool:
    """Whether ``driver_class`` is (or extends) Textual's Linux driver: a terminal, not the tests' pilot."""
    if sys.platform == "win32":
        return False
    from textual.drivers.linux_driver import LinuxDriver

    return issubclass(driver_class, LinuxDriver)


def guarded_driver(driver_class: type[Driver], lost: Callable[[], None]) -> type[Driver]:
    """``driver_class`` with its output through TerminalOutput, when it is Textual's Linux driver."""
    if not drives_a_terminal(driver_class):
        return driver_class

    class GuardedDriver(driver_class):  # type: ignore[valid-type, misc]
        def __init__(self, *args: object, **options: object) -> None:
            super().__init__(*args, **options)
            # Private, and the one way in: start_application_mode makes the writer
            # thread with this file. tests/tui/test_hangup.py fails if that changes.
            self._file = TerminalOutput(self._file, lost)

    return GuardedDriver


def _is_terminal(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False
