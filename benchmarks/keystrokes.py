"""Keystroke latency in the reader, measured in-process with Textual's pilot.

    python3 benchmarks/keystrokes.py BRIEFING.yaml QUERY [--presses 15]

Prints one JSON object: for each kind of keystroke, the median and the worst
latency in milliseconds, from the key press until the screen has processed
it and repainted (the time a user waits to see the result). The briefing is
opened as the reader opens it (briefing.opening), and the app is built
by the one factory the CLI uses. Keys are pressed once the work the reader
starts in the background after its first paint (indexing for search) is
done; how long that took is reported too.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

from textual import events
from textual.app import App

from briefing.opening import open_briefing
from briefing.tui.app import BriefingApp

SIZE = (120, 36)  # wide enough for all four panes


async def settled(app: App[None]) -> None:
    """Wait until every widget has handled what was sent to it, and the screen has repainted.

    Each widget (and the app) gets a callback through call_after_refresh: it
    runs once the widget has worked through the messages queued before it and
    the screen has refreshed. A second round catches the messages that the
    first round's handlers sent on (a moved cursor updating the other panes).
    """
    loop = asyncio.get_running_loop()
    for _ in range(2):
        waiting = []
        for pump in [app, *app.screen.walk_children(with_self=True)]:
            done = loop.create_future()
            if pump.call_after_refresh(_release, done):
                waiting.append(done)
        await asyncio.wait_for(asyncio.gather(*waiting), timeout=60)


def _release(done: asyncio.Future[None]) -> None:
    # A Python function, not done.set_result: call_after_refresh wraps each callback in
    # a new partial, whose parameters Textual counts with inspect.signature on every
    # call, and that is far dearer for a builtin method (0.2 ms a widget, every round).
    done.set_result(None)


async def keystroke(app: App[None], key: str, character: str | None = None) -> float:
    """Milliseconds from a key press until its effects are on the screen."""
    start = time.perf_counter()
    app.post_message(events.Key(key, character))  # what the terminal driver does on a key
    await settled(app)
    return (time.perf_counter() - start) * 1000


def peak_rss() -> int:
    """This process's high-water mark of resident memory, in bytes.

    Read from /proc (VmHWM), not getrusage: Linux carries the parent's peak
    over into a child at fork and exec, so ru_maxrss would include the
    benchmark's own memory.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def summary(samples: list[float]) -> dict[str, float]:
    return {"median_ms": round(statistics.median(samples), 2), "max_ms": round(max(samples), 2)}


async def measure(path: Path, query: str, presses: int) -> dict[str, object]:
    briefing, diagnostics = open_briefing(path, cache=True)
    if briefing is None:
        raise SystemExit(f"{path} has errors; the benchmark needs a valid briefing")
    app = BriefingApp(briefing, diagnostics, str(path))
    results: dict[str, object] = {}
    async with app.run_test(size=SIZE):
        await settled(app)
        # The reader indexes the briefing for search in a thread after the first paint;
        # keys are measured once that is done (how long it took is reported).
        start = time.perf_counter()
        await app.workers.wait_for_complete()
        results["background_s"] = round(time.perf_counter() - start, 3)
        results["idle"] = summary([await keystroke(app, "f24") for _ in range(presses)])
        # A first open starts on the newest event, the last: Down and Page Down would do nothing.
        await keystroke(app, "home")
        results["move"] = summary([await keystroke(app, "down") for _ in range(presses)])
        results["page"] = summary([await keystroke(app, "pagedown") for _ in range(presses)])
        ends = []
        for _ in range(presses):
            ends.append(await keystroke(app, "end"))
            await keystroke(app, "home")
        results["end"] = summary(ends)
        await keystroke(app, "slash", "/")
        typed = []
        for _ in range(max(1, presses // len(query))):
            for char in query:  # the reader searches as each character is typed
                typed.append(await keystroke(app, char, char))
            for _ in query:
                await keystroke(app, "backspace")
        results["search"] = summary(typed)
    results["peak_rss"] = peak_rss()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("briefing", type=Path)
    parser.add_argument("query", help="text typed into the search, one key at a time")
    parser.add_argument("--presses", type=int, default=15, help="presses of each key measured")
    args = parser.parse_args(argv)
    print(json.dumps(asyncio.run(measure(args.briefing, args.query, args.presses))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
