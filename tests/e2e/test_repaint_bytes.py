"""What a key costs on a slow link (issue 24): a key repaints what changed, once.

The reader runs in a real 120x40 pseudo-terminal, as a user starts it; what it
writes after each key is read apart into the lines it rewrites (each line a
program rewrites starts with a cursor move to that line). Textual rewrites a
whole line of a widget that changed, so a line written twice for one key is a
frame drawn twice, and Source's right border in a scroll is a border drawn
when only the text moved.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest

from .terminal import Terminal, installed_briefing

SOURCE_COLUMN = 85  # Source's left border at 120x40 (the wide layout), 1-based as the terminal counts
SOURCE_RIGHT = 120  # and its right border
BAR_TOP = 32  # the search field's row while the list of results shows under it
MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")
STYLE = re.compile(rb"\x1b\[[0-9;]*m")


@pytest.fixture
def reader(tmp_path) -> Iterator[Terminal]:
    home = {f"XDG_{kind}_HOME": str(tmp_path / kind.lower()) for kind in ("CONFIG", "CACHE", "STATE", "DATA")}
    terminal = Terminal([installed_briefing()], size=(120, 40), env={"COLORTERM": "truecolor", **home})
    terminal.wait_for("Timeline", "Source")
    terminal.settle(quiet=1.0)
    yield terminal
    terminal.close()


def written(terminal: Terminal, key: str) -> bytes:
    """What the reader writes for one key, until it has been quiet for a while."""
    start = len(terminal.raw)
    terminal.press(key)
    terminal.settle(quiet=0.4)
    return bytes(terminal.raw[start:])


def lines_written(output: bytes) -> Counter[tuple[int, int]]:
    """How many times something was written from each (row, column) a rewrite starts at.

    (Textual sometimes moves the cursor and writes nothing there: not counted.)
    """
    pieces = MOVE.split(output)  # text before the first move, then (row, column, text) by threes
    return Counter(
        (int(row), int(column))
        for row, column, text in zip(pieces[1::3], pieces[2::3], pieces[3::3], strict=True)
        if STYLE.sub(b"", text).strip(b"\r\n")
    )


def test_down_rewrites_sources_lines_once_and_not_its_border(reader):
    reader.press("g")  # to the first event (a first open starts on the newest, the last)
    reader.settle(quiet=0.4)
    output = written(reader, "down")  # the next event's quote: Source scrolls to it
    moves = lines_written(output)
    source_lines = {row: count for (row, column), count in moves.items() if column == SOURCE_COLUMN}
    assert len(source_lines) > 20, "Source did not scroll: the test no longer shows what it means to"
    assert max(source_lines.values()) == 1
    # Its border is unchanged: the last character written on a line of Source is text, not "│".
    for match in MOVE.finditer(output):
        if int(match.group(2)) == SOURCE_COLUMN and 6 <= int(match.group(1)) <= 38:
            line = output[match.end() :].split(b"\r\n", 1)[0]
            text = STYLE.sub(b"", MOVE.split(line, 1)[0]).decode()
            assert len(text) == SOURCE_RIGHT - SOURCE_COLUMN, repr(text)
    assert len(output) < 10_000  # it was 11,200 bytes with the border


def test_opening_and_closing_the_search_draw_the_panes_once(reader):
    opening = written(reader, "/")
    reader.press("H", "enter")  # a search, to the first match: Esc then clears it and closes the bar
    closing = written(reader, "escape")
    # The bar and its list are drawn over the panes (rows 32-39, above the key bar): opening
    # them rewrites none of Source's rows above them, nor any row twice (a layout drew them all).
    moves = lines_written(opening)
    source = {row for (row, column), count in moves.items() if column == SOURCE_COLUMN and row < BAR_TOP}
    assert not source, f"/: Source's rows {sorted(source)} written"
    # Esc clears the matches ("h" is on many of Source's lines) and uncovers the bar's row.
    moves = lines_written(closing)
    source_counts = [count for (row, column), count in moves.items() if column == SOURCE_COLUMN]
    assert source_counts and max(source_counts) == 1, "escape: a line of Source written twice"
    # A whole screen is about 39 KB here. It was 95 KB (/) and 46 KB (Esc), the panes drawn
    # 2 to 9 times; then 32 and 24 KB, the panes laid out again to give the bar its rows.
    # (The first `/` also draws the field as it mounts; Esc redraws every row "h" was
    # highlighted on, about 16 KB.)
    assert len(opening) < 12_000
    assert len(closing) < 20_000
