"""A real terminal for end-to-end tests: a pseudo-terminal of a given size, read through pyte.

The program runs exactly as a user would start it; pyte keeps the screen the
program draws, so tests read text where a person would see it.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import termios
import time
from collections.abc import Callable, Sequence

import pyte
import pytest


def installed_briefing() -> str:
    """The installed `briefing` command, as a user runs it; fail (not skip) when it is missing."""
    command = shutil.which("briefing")
    if command is None:
        pytest.fail("the briefing command is not installed: pip install -e .")
    return command


KEYS = {
    "enter": "\r",
    "escape": "\x1b",
    "tab": "\t",
    "shift+tab": "\x1b[Z",
    "down": "\x1b[B",
    "up": "\x1b[A",
    "pagedown": "\x1b[6~",
    "pageup": "\x1b[5~",
    "ctrl+p": "\x10",
}


class Terminal:
    def __init__(
        self,
        command: Sequence[str],
        *,
        size: tuple[int, int],
        env: dict[str, str] | None = None,
        cwd: str | None = None,
        controlling: bool = False,
    ):
        """``controlling`` makes the pty the program's controlling terminal, as a login's is:
        closing it then also sends SIGHUP, as a dropped SSH connection does."""
        self.columns, self.lines = size
        self.screen = pyte.Screen(self.columns, self.lines)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", self.lines, self.columns, 0, 0))
        environment = {**os.environ, "TERM": "xterm-256color", **(env or {})}
        self.process = subprocess.Popen(
            list(command),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            cwd=cwd,
            start_new_session=True,
            # Runs after setsid(), with the pty as standard input: a session leader's first
            # terminal claimed this way becomes its controlling terminal.
            preexec_fn=(lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0)) if controlling else None,
        )
        os.close(slave)
        self.master = master
        self.hung_up = False

    def _read(self, timeout: float) -> bool:
        if self.hung_up:  # nothing left to read: only wait
            time.sleep(timeout)
            return False
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 65536)
        except OSError:  # the program has exited and closed the terminal
            return False
        self.raw += data
        self.stream.feed(data)
        return bool(data)

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, *texts: str, timeout: float = 15.0) -> str:
        """Read output until every one of ``texts`` is on screen; fail with the screen if not."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.text()
            if all(text in screen for text in texts):
                return screen
            self._read(0.1)
        raise AssertionError(f"never saw {texts!r} on screen:\n{self.text()}")

    def wait_until(self, done: Callable[[], bool], timeout: float = 15.0) -> bool:
        """Read output until ``done()`` holds; False if it did not within ``timeout``."""
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() >= deadline:
                return False
            self._read(0.1)
        return True

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> str:
        """Read until the program has drawn nothing new for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._read(quiet):
            pass
        return self.text()

    def press(self, *keys: str) -> None:
        """Type keys (names from KEYS, or literal text), each once the screen has settled.

        Like a person, who reads before the next key: Textual hands a key to the
        widget focused when the key arrives, so keys typed faster than the app
        reacts could reach the pane a previous key was leaving.
        """
        for key in keys:
            for part in [key] if key in KEYS else list(key):
                os.write(self.master, KEYS.get(part, part).encode())
                self.settle(quiet=0.15)

    def type_at_once(self, text: str) -> None:
        """Send ``text`` in one write, as a fast typist or a paste would."""
        os.write(self.master, text.encode())

    def wait_exit(self, timeout: float = 15.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._read(0.1)
            code = self.process.poll()
            if code is not None:
                while self._read(0.1):
                    pass
                return code
        raise AssertionError(f"the program did not exit:\n{self.text()}")

    def resize(self, columns: int, lines: int) -> None:
        """Change the terminal's size; a program it controls is told so by SIGWINCH."""
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))

    def hang_up(self) -> None:
        """Close the terminal under the program, as closing its window does."""
        if not self.hung_up:
            self.hung_up = True
            os.close(self.master)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=5)
        self.hang_up()
