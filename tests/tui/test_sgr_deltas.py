"""The terminal shows the same screen, cell for cell, when Textual's output is written as style
changes (tui/sgr_deltas.py), and it is written in fewer bytes."""

from __future__ import annotations

import pyte
from hypothesis import given
from hypothesis import strategies as st
from rich.color import ColorSystem
from rich.style import Style

from briefing.tui.sgr_deltas import SgrDeltas, lean_driver

COLUMNS, ROWS = 40, 8
COLOURS = [None, "#ddE3ea", "#1e2127", "#4c9be8", "red", "bright_black", "color(208)", "default"]
styles = st.builds(
    Style,
    color=st.sampled_from(COLOURS),
    bgcolor=st.sampled_from(COLOURS),
    bold=st.sampled_from([None, True]),
    dim=st.sampled_from([None, True]),
    italic=st.sampled_from([None, True]),
    underline=st.sampled_from([None, True]),
    reverse=st.sampled_from([None, True]),
    strike=st.sampled_from([None, True]),
)
runs = st.tuples(st.text("ab █│é", min_size=1, max_size=6), styles).map(
    lambda run: run[1].render(run[0], color_system=ColorSystem.TRUECOLOR)
)
moves = st.builds("\x1b[{};{}H".format, st.integers(1, ROWS), st.integers(1, COLUMNS))
others = st.sampled_from(
    ["\x1b[K", "\x1b[2J", "\x1b[?25l", "\x1b]8;;https://example.org\x1b\\", "\x1b[4:3m", "\x1b8"]
)
# Anything Textual could write, but line feeds: runs of text as Rich renders them, unstyled
# text, cursor moves, and now and then something that draws in the current background.
pieces = st.one_of(runs, st.text("xy ", min_size=1, max_size=3), moves, others)
writes = st.lists(st.lists(pieces, max_size=12).map("".join), min_size=1, max_size=4)


@st.composite
def lines(draw: st.DrawFn) -> str:
    """A line as Textual writes one: a cursor move, then runs that end before the line does."""
    column = draw(st.integers(1, COLUMNS - 6 * 4))
    return f"\x1b[{draw(st.integers(1, ROWS))};{column}H" + "".join(draw(st.lists(runs, max_size=4)))


# Lines of an update, with line feeds between them, or a line feed anywhere.
updates = st.lists(
    st.lists(st.one_of(lines(), st.just("\n"), others), max_size=8).map("".join), min_size=1, max_size=4
)


def screen_after(chunks: list[str]) -> pyte.Screen:
    screen = pyte.Screen(COLUMNS, ROWS)
    stream = pyte.Stream(screen)
    for chunk in chunks:
        stream.feed(chunk)
    return screen


def shown(cell: pyte.screens.Char) -> tuple[object, ...]:
    """What a cell shows: a space, only its background and what draws on a blank."""
    if cell.data == " " and not (cell.underscore or cell.reverse or cell.strikethrough):
        return (" ", cell.bg)
    return tuple(cell)


def cells(screen: pyte.Screen) -> list[object]:
    rows = [[shown(screen.buffer[y][x]) for x in range(COLUMNS)] for y in range(ROWS)]
    return [*rows, (screen.cursor.x, screen.cursor.y)]


@given(st.one_of(writes, updates))
def test_the_screen_is_the_same_cell_for_cell(chunks: list[str]) -> None:
    deltas = SgrDeltas()
    rewritten = [deltas.rewrite(chunk) for chunk in chunks]
    assert cells(screen_after(rewritten)) == cells(screen_after(chunks))


@given(st.one_of(writes, updates))
def test_each_write_leaves_the_terminal_without_a_style(chunks: list[str]) -> None:
    """So that what else reaches the terminal (the shell after the reader) is not coloured."""
    deltas = SgrDeltas()
    screen = pyte.Screen(COLUMNS, ROWS)
    stream = pyte.Stream(screen)
    for chunk in chunks:
        stream.feed(deltas.rewrite(chunk))
        if (
            "\x1b[4:3m" not in chunk and "\x1b8" not in chunk
        ):  # (styles not followed are written as they come)
            assert screen.cursor.attrs == screen.default_char


@given(st.one_of(writes, updates))
def test_never_longer(chunks: list[str]) -> None:
    deltas = SgrDeltas()
    for chunk in chunks:
        assert len(deltas.rewrite(chunk)) <= len(chunk) + len("\x1b[0m")


def test_two_lines_of_a_pane() -> None:
    """Two lines of Source as Textual writes them: border, text and scrollbar track, each run
    a whole style and a reset, and a line feed between the lines."""
    truecolor = ColorSystem.TRUECOLOR
    border = Style.parse("#424851 on #1e2127").render("│  ", color_system=truecolor)
    text = Style.parse("#dde3ea on #1e2127").render("the Syrian ", color_system=truecolor)
    track = Style.parse("on #000006").render("  ", color_system=truecolor)
    lines = "\x1b[4;5H" + border + text + track + "\n\x1b[5;5H" + border + text + track
    line = (
        "\x1b[38;2;66;72;81;48;2;30;33;39m│  "
        "\x1b[38;2;221;227;234mthe Syrian "  # the border's background stays: the text's colour alone
        "\x1b[48;2;0;0;6m  "  # spaces: the text's colour, unseen on them, may stay
    )
    rewritten = SgrDeltas().rewrite(lines)
    # No line feed: the cursor move after it does its work.
    assert rewritten == "\x1b[4;5H" + line + "\x1b[5;5H" + line + "\x1b[0m"
    # Per line: the reset after the border, the text's background (14) and the reset before
    # the track; the first line's last reset; the line feed.
    assert len(rewritten) == len(lines) - 2 * (4 + 14 + 4) - 4 - 1
    assert cells(screen_after([rewritten])) == cells(screen_after([lines]))


def test_only_a_terminal_driver_is_made_lean() -> None:
    from textual.drivers.headless_driver import HeadlessDriver
    from textual.drivers.linux_driver import LinuxDriver

    assert lean_driver(HeadlessDriver) is HeadlessDriver  # the tests' pilot
    lean = lean_driver(LinuxDriver)
    assert issubclass(lean, LinuxDriver) and lean is not LinuxDriver
