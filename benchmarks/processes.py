"""Timing whole processes: wall time and peak memory, in a pipe or in a real terminal.

Peak memory is the child's high-water mark of resident memory (VmHWM), read
from /proc every few milliseconds while it runs. Not the ru_maxrss that
wait4 reports: Linux carries the parent's high-water mark over into a child
across fork and exec, so every child would seem at least as big as this
script. Readings start once the child runs the command (its cmdline is the
command's), not while it is still a copy of this process.
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


class PeakMemory:
    """The peak resident memory of one child process, sampled while it runs."""

    def __init__(self, pid: int, command: Sequence[str]) -> None:
        self._cmdline = f"/proc/{pid}/cmdline"
        self._status = f"/proc/{pid}/status"
        self._expected = b"".join(os.fsencode(part) + b"\0" for part in command)
        self._running_command = False
        self.peak = 0  # bytes

    def sample(self) -> None:
        try:
            if not self._running_command:
                with open(self._cmdline, "rb") as handle:
                    self._running_command = handle.read() == self._expected
                if not self._running_command:
                    return
            with open(self._status, "rb") as handle:
                for line in handle:
                    if line.startswith(b"VmHWM:"):
                        self.peak = max(self.peak, int(line.split()[1]) * 1024)  # kB
                        break
        except (FileNotFoundError, ProcessLookupError):  # ended between two readings
            return


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
        memory = PeakMemory(pid, command)
        code = _wait_with_timeout(pid, timeout, memory)
        seconds = time.perf_counter() - start
        if code != 0:
            errors.seek(0)
            tail = errors.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(command)} exited with {code}:\n{tail}")
    return Run(seconds, memory.peak, code)


def _wait_with_timeout(pid: int, timeout: float, memory: PeakMemory) -> int:
    deadline = time.monotonic() + timeout
    while True:
        memory.sample()
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
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
    memory = PeakMemory(pid, command)
    painted: float | None = None
    try:
        painted = _read_until(fd, stream, screen, markers, start + timeout, memory)
        if painted is None:
            raise TimeoutError(
                f"markers {list(markers)} not on screen after {timeout:.0f} s:\n{_text(screen)}"
            )
        _drain(fd, stream, time.perf_counter() + settle, memory)
        shown = _text(screen)
        os.write(fd, b"\x11")  # ctrl+q
        _drain(fd, stream, time.perf_counter() + 5, memory)
    finally:
        if painted is None or not _exited(pid):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    return Paint(painted - start, memory.peak, shown)


def _text(screen: pyte.Screen) -> str:
    return "\n".join(line.rstrip() for line in screen.display)


QUIET = 0.005  # seconds without output that end a burst of it (one frame or more)
LONGEST_BURST = 0.5  # seconds: an app that never pauses is still looked at this often


def _read(fd: int, wait: float, memory: PeakMemory) -> list[tuple[float, bytes]] | None:
    """What the app writes from now until it has been quiet for ``QUIET`` seconds (at most ``LONGEST_BURST``).

    Each chunk comes with the time it arrived; an empty list if nothing came
    within ``wait`` seconds, None once the app has closed its terminal. Nothing
    is digested while the app is writing: a pseudo-terminal holds only a few
    kilobytes, so an app writing a frame bigger than that waits for its reader
    between pieces, and an emulator digesting each piece first (pyte, in Python,
    takes about 3 ms per 4 KB) would hold the app back by its own time, more the
    more the app draws.
    """
    memory.sample()
    chunks: list[tuple[float, bytes]] = []
    ready, _, _ = select.select([fd], [], [], wait)
    until = time.perf_counter() + LONGEST_BURST
    while ready and time.perf_counter() < until:
        try:
            data = os.read(fd, 65536)
        except OSError:  # the app has ended and closed its terminal
            data = b""
        if not data:
            return chunks or None
        chunks.append((time.perf_counter(), data))
        ready, _, _ = select.select([fd], [], [], QUIET)
    return chunks


def _read_until(
    fd: int,
    stream: pyte.ByteStream,
    screen: pyte.Screen,
    markers: Sequence[str],
    deadline: float,
    memory: PeakMemory,
) -> float | None:
    """When the chunk of output that put the last marker on the emulated screen arrived.

    None if the app ends or the deadline passes first.
    """
    while time.perf_counter() < deadline:
        chunks = _read(fd, 0.01, memory)
        if chunks is None:
            return None
        painted = None
        for arrived, data in chunks:
            stream.feed(data)
            if painted is None and all(marker in _text(screen) for marker in markers):
                painted = arrived
        if painted is not None:
            return painted
    return None


def _drain(fd: int, stream: pyte.ByteStream, deadline: float, memory: PeakMemory) -> None:
    while time.perf_counter() < deadline:
        chunks = _read(fd, 0.01, memory)
        if chunks is None:
            return
        for _arrived, data in chunks:
            stream.feed(data)


def _exited(pid: int) -> bool:
    """True if ``pid`` has ended (without reaping it)."""
    try:
        info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return True
    return info is not None
