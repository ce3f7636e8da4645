"""The pieces that end the reader when its terminal goes away (briefing/tui/hangup.py).

tests/e2e/test_hangup.py runs the real thing in pseudo-terminals; these show why
each piece is there and pin what it relies on in Textual.
"""

from __future__ import annotations

import asyncio
import inspect
import os
import pty
import signal
import threading
import time
from collections.abc import Iterator

import pytest
from textual.drivers._writer_thread import MAX_QUEUED_WRITES, WriterThread
from textual.drivers.headless_driver import HeadlessDriver
from textual.drivers.linux_driver import LinuxDriver

from briefing.tui import hangup


class DeadTerminal:
    """A terminal that is gone: every write fails as a hung-up terminal's does."""

    def write(self, text: str) -> int:
        raise OSError(5, "Input/output error")

    def flush(self) -> None:
        raise OSError(5, "Input/output error")

    def fileno(self) -> int:
        return 2


class FakeApp:
    driver_class = HeadlessDriver

    def __init__(self) -> None:
        self.return_code: int | None = None
        self.calls: list[str] = []

    def quit_keeping_place(self) -> None:
        self.calls.append("quit")
        self.exit()

    def exit(self) -> None:
        self.return_code = 0

    def save_view(self) -> None:
        self.calls.append(f"save in {threading.current_thread().name}")


@pytest.fixture
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture
def signals_back() -> Iterator[None]:
    numbers = (signal.SIGHUP, signal.SIGTERM, signal.SIGCONT, signal.SIGTSTP)  # the driver sets the last two
    kept = {number: signal.getsignal(number) for number in numbers}
    yield
    for number, handler in kept.items():
        signal.signal(number, handler)


@pytest.fixture(autouse=True)
def saving_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    # A watchdog here ends nothing and keeps the lock it takes before ending the
    # process: give each test its own, so saves in later tests are not held up.
    monkeypatch.setattr(hangup, "SAVING", threading.RLock())


def _wait_until(condition, timeout: float = 2.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
    return condition()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")  # its death, shown
def test_textual_writer_thread_blocks_its_caller_for_ever_once_the_terminal_is_gone():
    # Why TerminalOutput exists: the first failed write ends Textual's writer thread,
    # and from then on nothing drains its queue: the write after the queue is full
    # never returns. In the reader that caller is the event loop.
    writer = WriterThread(DeadTerminal())  # type: ignore[arg-type]
    writer.start()
    writes = threading.Thread(target=lambda: [writer.write("frame") for _ in range(MAX_QUEUED_WRITES + 2)])
    writes.start()
    writes.join(0.5)
    assert not writer.is_alive()
    assert writes.is_alive()  # still waiting for room in the queue
    while writes.is_alive():  # let it go (private: there is no other way to empty the queue)
        writer._queue.get()
        writes.join(0.01)


def test_through_terminal_output_the_writer_drops_what_it_cannot_write_and_says_so_once():
    lost: list[str] = []
    writer = WriterThread(hangup.TerminalOutput(DeadTerminal(), lambda: lost.append("lost")))  # type: ignore[arg-type]
    writer.start()
    for _ in range(MAX_QUEUED_WRITES * 10):
        writer.write("frame")
    writer.stop()  # returns: the thread drained the queue and ended when told
    assert lost == ["lost"]


def test_the_linux_driver_writes_through_the_file_the_guard_replaces(loop, signals_back):
    # guarded_driver sets LinuxDriver._file, a private attribute: this fails if Textual
    # stops making its writer thread from it.
    assert "WriterThread(self._file)" in inspect.getsource(LinuxDriver.start_application_mode)
    driver_class = hangup.guarded_driver(LinuxDriver, lambda: None)

    async def make() -> LinuxDriver:  # a driver is made on the app's loop
        return driver_class(FakeApp())  # type: ignore[arg-type]

    driver = loop.run_until_complete(make())
    assert isinstance(driver._file, hangup.TerminalOutput)
    assert hangup.guarded_driver(HeadlessDriver, lambda: None) is HeadlessDriver


@pytest.mark.parametrize("stop, code", [(signal.SIGHUP, 129), (signal.SIGTERM, 143)])
def test_a_signal_asks_the_app_to_quit_keeping_its_place_then_the_watchdog_ends_it(
    loop, signals_back, stop, code
):
    app = FakeApp()
    ended: list[int] = []
    guard = hangup.Guard(app, loop, grace=0.2, end=ended.append, terminals=())  # type: ignore[arg-type]
    guard.install()
    try:
        os.kill(os.getpid(), stop)  # handled in this (the main) thread, between two bytecodes
        loop.run_until_complete(asyncio.sleep(0.05))
    finally:
        guard.uninstall()
    assert (guard.code, app.calls) == (code, ["quit"])
    assert signal.getsignal(stop) is not guard._on_signal  # the handler is put back
    if stop == signal.SIGHUP:  # else Textual would restart its application mode on SIGCONT
        assert signal.getsignal(signal.SIGCONT) == signal.SIG_DFL
    # The app exited here, but the process is still there: the watchdog ends it.
    assert _wait_until(lambda: ended == [code])


def test_a_terminal_that_hangs_up_without_a_signal_is_noticed(loop):
    master, slave = pty.openpty()
    app = FakeApp()
    guard = hangup.Guard(app, loop, grace=60, end=lambda code: None, terminals=(slave,))  # type: ignore[arg-type]
    guard.install()
    try:
        time.sleep(0.1)
        assert guard.code is None  # an open terminal is left alone
        os.close(master)  # as a terminal window closing does: no SIGHUP for a reader it does not control
        assert _wait_until(lambda: guard.code == hangup.HANGUP_EXIT)
        loop.run_until_complete(asyncio.sleep(0.05))
        assert app.calls == ["quit"]
    finally:
        guard.uninstall()
        assert guard.watchdog is not None
        guard.watchdog.cancel()
        os.close(slave)


def test_the_watchdog_keeps_the_place_from_its_own_thread_and_never_cuts_a_save_short(loop):
    app = FakeApp()
    ended: list[tuple[int, bool]] = []
    saving, saved = threading.Event(), threading.Event()

    def a_slow_save() -> None:  # the app's own save, under way when the watchdog fires
        with hangup.SAVING:
            saving.set()
            time.sleep(0.2)
            saved.set()

    guard = hangup.Guard(
        app,  # type: ignore[arg-type]
        loop,  # never run: the app is stuck
        grace=0.05,
        end=lambda code: ended.append((code, saved.is_set())),
        terminals=(),
    )
    guard.painted = True
    saver = threading.Thread(target=a_slow_save)
    saver.start()
    saving.wait()
    guard.stop(143)
    saver.join()
    assert _wait_until(lambda: bool(ended))
    assert ended == [(143, True)]  # not before the save was done
    assert app.calls == ["save in briefing-last-save"]


@pytest.mark.parametrize("stop, code", [(signal.SIGHUP, 129), (signal.SIGTERM, 143)])
def test_before_the_app_runs_a_signal_exits_cleanly(tmp_path, monkeypatch, signals_back, stop, code):
    # As the reader starts it may be writing a cache entry: an exception, unlike the
    # default on-the-spot end, lets write_atomic remove its temporary file.
    from briefing.user.settings import signals_as_exit, write_atomic

    def signalled_while_syncing(fd: int) -> None:
        os.kill(os.getpid(), stop)  # handled at the next bytecode: inside write_atomic

    monkeypatch.setattr(os, "fsync", signalled_while_syncing)
    before = signal.getsignal(stop)
    with pytest.raises(SystemExit) as stopped, signals_as_exit():
        write_atomic(tmp_path / "entry", b"data")
    assert stopped.value.code == code
    assert signal.getsignal(stop) is before
    assert list(tmp_path.iterdir()) == []
