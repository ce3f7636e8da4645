"""What a key costs on a slow link (issue 24): a key writes only the cells it changes.

The reader runs in a real 120x40 pseudo-terminal, as a user starts it; what it
writes after each key is read apart at its cursor moves (each stretch of cells
written starts with one), and the screen is followed in a terminal emulator.
Textual repaints whole lines of a widget; the reader writes only the cells that
change (tui/screen_diff.py), so a pane that scrolls writes its text, not its
border, margin or scrollbar track.
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


def source_text(terminal: Terminal) -> list[str]:
    """Source's lines as the terminal shows them (inside its border)."""
    return [line[SOURCE_COLUMN : SOURCE_RIGHT - 1] for line in terminal.screen.display[5:38]]


def test_down_writes_sources_new_text_and_not_its_border(reader):
    reader.press("g")  # to the first event (a first open starts on the newest, the last)
    reader.settle(quiet=0.4)
    before = source_text(reader)
    output = written(reader, "down")  # the next event's quote: Source scrolls to it
    after = source_text(reader)
    changed = sum(1 for old, new in zip(before, after, strict=True) if old != new)
    assert changed > 20, "Source did not scroll: the test no longer shows what it means to"
    # Its border (column 85) is the same: nothing is written from there.
    border = [row for (row, column) in lines_written(output) if column == SOURCE_COLUMN and 6 <= row <= 38]
    assert not border, f"Source's border written on rows {border}"
    assert len(output) <= 6_000  # the target; 11,200 bytes when every line was written whole


def test_the_search_writes_nothing_of_the_panes_above_it(reader):
    opening = written(reader, "/")
    reader.press("H", "enter")  # a search, to the first match: Esc then clears it and closes the bar
    closing = written(reader, "escape")
    # The bar and its list are drawn over the panes (rows 32-39, above the key bar): opening
    # them writes nothing of Source above them (a layout of the panes would).
    moves = lines_written(opening)
    source = sorted({row for row, column in moves if column >= SOURCE_COLUMN and 6 <= row < BAR_TOP})
    assert not source, f"/: Source's rows {source} written"
    # Esc clears the matches ("h" is on many of Source's lines) and uncovers the bar's row.
    assert "Search" in reader.screen.display[-1]  # the key bar is back
    # The target for each. A whole screen was about 39 KB here; `/` was 95 KB and
    # Esc 46 KB when the panes were drawn 2 to 9 times.
    assert len(opening) <= 10_000
    assert len(closing) <= 10_000
