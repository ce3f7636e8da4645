"""Timing whole processes: wall time and peak memory, in a pipe or in a real terminal.

Peak memory is the child's own maximum resident set size, as the kernel
reports it to os.wait4 when the child ends (so it covers the whole run).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import tempfile
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass

import pyte


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss: int  # bytes
    returncode: int


def _wait(pid: int) -> tuple[int, int]:
    """Reap ``pid``; return its exit code and its peak RSS in bytes (Linux reports KiB)."""
    _pid, status, usage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss * 1024


def run(command: Sequence[str], env: dict[str, str], timeout: float = 900) -> Run:
    """Run a command with its output discarded; time it from spawn to exit, with its peak RSS."""
    with tempfile.TemporaryFile() as errors, open(os.devnull, "wb") as null:
        start = time.perf_counter()
        pid = os.posix_spawn(
            command[0],
            list(command),
            env,
            file_actions=[
                (os.POSIX_SPAWN_DUP2, null.fileno(), 1),
                (os.POSIX_SPAWN_DUP2, errors.fileno(), 2),
            ],
        )
        code, peak = _wait_with_timeout(pid, timeout)
        seconds = time.perf_counter() - start
        if code != 0:
            errors.seek(0)
            tail = errors.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(command)} exited with {code}:\n{tail}")
    return Run(seconds, peak, code)


def _wait_with_timeout(pid: int, timeout: float) -> tuple[int, int]:
    deadline = time.monotonic() + timeout
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status), usage.ru_maxrss * 1024
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.wait4(pid, 0)
            raise TimeoutError(f"process {pid} took more than {timeout:.0f} s")
        time.sleep(0.002)


@dataclass(frozen=True)
class Paint:
    seconds: float  # from spawn until every marker was on the screen
    peak_rss: int  # bytes, over the whole run (paint, settle, quit)
    screen: str  # the screen as painted, for checking what was measured


def first_paint(
    command: Sequence[str],
    env: dict[str, str],
    markers: Sequence[str],
    *,
    size: tuple[int, int] = (120, 36),
    timeout: float = 120,
    settle: float = 0.3,
) -> Paint:
    """Start ``command`` in a new pseudo-terminal and time it until all ``markers`` are on screen.

    The terminal's output goes through pyte, a terminal emulator, so "on
    screen" means what a user would see, not just bytes written. After the
    paint the app gets ``settle`` seconds (panes mounted later count toward
    its memory), then ctrl+q, then SIGKILL if it has not quit.
    """
    columns, rows = size
    screen = pyte.Screen(columns, rows)
    stream = pyte.ByteStream(screen)
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes the app
        try:
            os.execve(command[0], list(command), env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    painted: float | None = None
    try:
        painted = _read_until(fd, stream, screen, markers, start, start + timeout)
        if painted is None:
            raise TimeoutError(
                f"markers {list(markers)} not on screen after {timeout:.0f} s:\n{_text(screen)}"
            )
        _drain(fd, stream, time.perf_counter() + settle)
        shown = _text(screen)
        os.write(fd, b"\x11")  # ctrl+q
        _drain(fd, stream, time.perf_counter() + 5, until_closed=True)
    finally:
        if painted is None or not _exited(pid):
            os.kill(pid, signal.SIGKILL)
        _code, peak = _wait(pid)
        os.close(fd)
    return Paint(painted - start, peak, shown)


def _text(screen: pyte.Screen) -> str:
    return "\n".join(line.rstrip() for line in screen.display)


def _read_until(
    fd: int,
    stream: pyte.ByteStream,
    screen: pyte.Screen,
    markers: Sequence[str],
    start: float,
    deadline: float,
) -> float | None:
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            return None
        if not data:
            return None
        stream.feed(data)
        text = _text(screen)
        if all(marker in text for marker in markers):
            return time.perf_counter()
    return None


def _drain(fd: int, stream: pyte.ByteStream, deadline: float, until_closed: bool = False) -> None:
    while (remaining := deadline - time.perf_counter()) > 0:
        ready, _, _ = select.select([fd], [], [], min(remaining, 0.05))
        if not ready:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            return
        if not data:
            return
        stream.feed(data)


def _exited(pid: int) -> bool:
    """True if ``pid`` has ended (without reaping it, so wait4 still sees its usage)."""
    try:
        info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return True
    return info is not None
