"""Bytes the reader writes to its terminal per key, in a real pseudo-terminal of 120×40.

    python3 benchmarks/wire.py BRIEFING.yaml QUERY [--presses 5]   # prints one JSON object

What a slow link (ssh over a mobile network, a serial console) must carry
after each key. The reader runs as a user starts it (`python -m briefing
FILE`, in the environment given); once its first screen is out and it has
been quiet for a while, keys are written to the terminal one at a time as a
terminal sends them, and everything the reader writes from then until it has
been quiet for ``QUIET`` seconds is counted, with the time from the key to the
last byte. In the Timeline: Down and Page Down (from the top); Enter (Detail
opens) and Esc (it closes). Then search: `/`, each character of QUERY, Enter
(to the first match) and Esc (clears it). Figures are medians over
``presses`` rounds, with the largest.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time
from pathlib import Path

SIZE = (120, 40)  # columns, rows
QUIET = 0.25  # seconds without output that end a key's repaint
STARTUP_QUIET = 1.5  # seconds without output after start: painted, background work done
KEYS = {
    "home": b"\x1b[H",
    "down": b"\x1b[B",
    "pagedown": b"\x1b[6~",
    "enter": b"\r",
    "escape": b"\x1b",
    "slash": b"/",
}


def _read_until_quiet(fd: int, quiet: float, longest: float = 30.0) -> tuple[int, float]:
    """Bytes read until ``quiet`` seconds pass without output, and seconds until the last of them."""
    start = time.perf_counter()
    last = start
    count = 0
    while time.perf_counter() - start < longest:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        count += len(data)
        last = time.perf_counter()
    return count, last - start


def press(fd: int, key: bytes) -> tuple[int, float]:
    """Write one key; the bytes written back until the reader is quiet, and how long the last took."""
    os.write(fd, key)
    return _read_until_quiet(fd, QUIET)


def measure(command: list[str], env: dict[str, str], query: str, presses: int) -> dict[str, object]:
    columns, rows = SIZE
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes the reader
        try:
            os.execve(command[0], command, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    taken: dict[str, list[tuple[int, float]]] = {}

    def record(name: str, key: bytes) -> None:
        taken.setdefault(name, []).append(press(fd, key))

    try:
        ready, _, _ = select.select([fd], [], [], 600)  # the first output, however slow the start
        if not ready:
            raise TimeoutError("the reader wrote nothing in 600 s")
        first, _ = _read_until_quiet(fd, STARTUP_QUIET, longest=600)
        press(fd, KEYS["home"])  # a first open starts on the newest event, the last
        for _ in range(presses):
            record("down", KEYS["down"])
        for _ in range(presses):
            record("page down", KEYS["pagedown"])
        for _ in range(presses):
            record("enter (detail)", KEYS["enter"])
            record("esc (detail)", KEYS["escape"])
        for _ in range(presses):
            record("/ (search)", KEYS["slash"])
            for char in query:
                record("search character", char.encode())
            record("enter (search)", KEYS["enter"])
            record("esc (search)", KEYS["escape"])
            press(fd, KEYS["escape"])  # the second Esc: out of the search field, whatever it did
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    return {
        "size": f"{columns}x{rows}",
        "first_screen_bytes": first,
        "keys": {
            name: {
                "median_bytes": int(statistics.median(b for b, _ in got)),
                "max_bytes": max(b for b, _ in got),
                "median_ms": round(statistics.median(s for _, s in got) * 1000, 1),
            }
            for name, got in taken.items()
        },
    }


WIRE_KEYS = (
    "down",
    "page down",
    "enter (detail)",
    "esc (detail)",
    "/ (search)",
    "search character",
    "enter (search)",
    "esc (search)",
)


def wire_table(measured: list[tuple[str, dict[str, object]]]) -> str:
    """Kilobytes written per key: median (largest)."""
    out = [
        "Bytes written to the terminal per key, in a real 120×40 pseudo-terminal (`benchmarks/wire.py`;",
        "median (largest) kilobytes, until the reader has been quiet for 0.25 s):",
        "",
        "| briefing | first screen | " + " | ".join(WIRE_KEYS) + " |",
        "| --- | ---: | " + " | ".join("---:" for _ in WIRE_KEYS) + " |",
    ]
    for name, result in measured:
        keys = result["keys"]
        assert isinstance(keys, dict)
        cells = [
            f"{keys[k]['median_bytes'] / 1000:.1f} ({keys[k]['max_bytes'] / 1000:.1f})" for k in WIRE_KEYS
        ]
        first = result["first_screen_bytes"]
        assert isinstance(first, int)
        out.append(f"| {name} | {first / 1000:.1f} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("briefing", type=Path)
    parser.add_argument("query", help="typed into the search, one character at a time")
    parser.add_argument("--presses", type=int, default=5)
    args = parser.parse_args(argv)
    env = dict(os.environ, TERM=os.environ.get("TERM", "xterm-256color"))
    command = [sys.executable, "-m", "briefing", str(args.briefing)]
    print(json.dumps(measure(command, env, args.query, args.presses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
