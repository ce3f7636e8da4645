"""The reader ends when its terminal goes away or it is told to, whatever it is doing then.

A terminal closed at the moment of first paint used to leave readers running for
ever, orphaned and deaf to SIGTERM (briefing/tui/hangup.py says why). Each test
here starts the installed command in a real pseudo-terminal.
"""

from __future__ import annotations

import json
import select
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.user import state

from .terminal import Terminal, installed_briefing

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_data" / "hts-offensive-2024-12.yaml"
HARBOUR = REPO / "tests" / "data" / "valid" / "harbour-strike.yaml"
SIZE = (100, 30)
GONE_WITHIN = 3.0  # seconds: what the issue asks of a reader whose terminal is gone
CLOSES = 20
AT_ONCE = 4  # readers starting together: quick enough, and a slow start is part of the test


@pytest.fixture
def run() -> Iterator:
    command = installed_briefing()
    terminals: list[Terminal] = []

    def start(*args: str, controlling: bool = False) -> Terminal:
        terminal = Terminal([command, *args], size=SIZE, controlling=controlling)
        terminals.append(terminal)
        return terminal

    yield start
    for terminal in terminals:
        terminal.close()


def _temporary_files(home: Path) -> list[Path]:
    return sorted(home.rglob("*.tmp"))


def test_a_terminal_closed_at_first_paint_leaves_no_reader_behind(run, isolated_environment):
    # Closed as the first bytes arrive (Textual switching to the alternate screen) and
    # up to 0.3 s after: before, during and after the first frame. Every other reader
    # has the pty as its controlling terminal and also gets SIGHUP (an SSH login); the
    # rest only find it gone (a terminal window's child, a multiplexer's pane).
    delays = [0.3 * i / (CLOSES - 1) for i in range(CLOSES)]
    waiting = list(enumerate(delays))
    starting: list[tuple[Terminal, float, float | None]] = []  # terminal, delay, first bytes at
    closed: list[tuple[Terminal, float, int]] = []  # terminal, closed at, which
    ended: dict[int, tuple[int | None, float | None]] = {}  # which -> exit code, seconds to end
    deadline = time.monotonic() + 120
    while (waiting or starting or closed) and time.monotonic() < deadline:
        while waiting and len(starting) < AT_ONCE:
            which, delay = waiting.pop()
            starting.append((run(str(SAMPLE), controlling=which % 2 == 0), delay, None))
        now = time.monotonic()
        for entry in list(starting):
            terminal, delay, first = entry
            if first is not None and now >= first + delay:
                terminal.hang_up()
                starting.remove(entry)
                closed.append((terminal, now, delays.index(delay)))
        masters = {t.master: i for i, (t, _, _) in enumerate(starting)}
        ready, _, _ = select.select(list(masters), [], [], 0.005) if masters else ([], [], [])
        for master in ready:
            terminal, delay, first = starting[masters[master]]
            terminal._read(0)
            if first is None:
                starting[masters[master]] = (terminal, delay, time.monotonic())
        now = time.monotonic()
        for entry in list(closed):
            terminal, at, which = entry
            if terminal.process.poll() is not None:  # poll() reaps it
                ended[which] = (terminal.process.returncode, now - at)
                closed.remove(entry)
            elif now - at > GONE_WITHIN:
                ended[which] = (None, None)
                closed.remove(entry)
    survivors = {which: delays[which] for which, (code, _) in ended.items() if code is None}
    assert len(ended) == CLOSES, "the readers did not all start in time"
    assert survivors == {}, f"alive {GONE_WITHIN} s after their terminal closed (which: delay)"
    # 129, as a shell reports a job ended by SIGHUP, whichever way the hang-up was seen.
    assert {code for code, _ in ended.values()} == {128 + signal.SIGHUP}
    assert _temporary_files(isolated_environment) == []


@pytest.mark.parametrize(
    "stop, code", [(signal.SIGHUP, 129), (signal.SIGTERM, 143)], ids=["hung-up", "terminated"]
)
def test_a_signal_ends_a_running_reader_and_gives_the_terminal_back(run, stop, code):
    term = run(str(HARBOUR))
    term.wait_for("▶ 12 Mar 2024")  # opened on the newest event
    term.process.send_signal(stop)
    sent = time.monotonic()
    assert term.wait_exit(timeout=GONE_WITHIN) == code
    assert time.monotonic() - sent < GONE_WITHIN
    assert b"\x1b[?1049l" in term.raw  # out of the alternate screen: the shell's screen is back


def test_a_closed_terminal_keeps_the_readers_place(run):
    term = run(str(HARBOUR))
    term.wait_for("▶ 12 Mar 2024")  # opened on the newest event
    term.press("g", "j", "j")
    term.wait_for("▶ 1 Mar 2024")
    term.hang_up()
    assert term.wait_exit(timeout=GONE_WITHIN) == 129
    again = run(str(HARBOUR))
    again.wait_for("▶ 1 Mar 2024")


@pytest.mark.parametrize("stop", [signal.SIGHUP, signal.SIGTERM], ids=["hung-up", "terminated"])
def test_a_reader_stuck_writing_to_its_terminal_ends_and_keeps_its_place(run, stop, isolated_environment):
    # A terminal that stops reading (a stalled SSH link) fills the pty's buffer: Textual's
    # writer thread blocks, its queue fills, and the event loop blocks on the next write.
    # Nothing the loop would run can end the reader then: the watchdog does, after
    # keeping the reader's place from a thread of its own.
    term = run(str(HARBOUR), controlling=True)  # so that resizing sends SIGWINCH
    term.wait_for("▶ 12 Mar 2024")  # opened on the newest event
    term.press("g", "j", "j")
    term.wait_for("▶ 1 Mar 2024")
    for size in [(90, 28), SIZE] * 20:  # each size redraws the whole screen; nothing reads it
        term.resize(*size)
        time.sleep(0.05)
    time.sleep(0.5)
    term.process.send_signal(stop)
    sent = time.monotonic()
    while term.process.poll() is None and time.monotonic() - sent < GONE_WITHIN:
        time.sleep(0.05)
    assert term.process.poll() == 128 + stop
    saved = json.loads(state.state_path().read_text(encoding="utf-8"))
    assert saved["views"][state.briefing_key(HARBOUR)]["event"] == "strike-vote"  # ▶ 1 Mar 2024
    assert _temporary_files(isolated_environment) == []
