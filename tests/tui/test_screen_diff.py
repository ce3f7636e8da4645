"""The terminal shows the same screen, cell for cell, when what Textual writes is written as the
cells that change, each style as a change (tui/screen_diff.py), and that is fewer bytes."""

from __future__ import annotations

import pyte
from hypothesis import given
from hypothesis import strategies as st
from rich.color import ColorSystem
from rich.style import Style

from briefing.tui.screen_diff import ScreenDiff, lean_driver

COLUMNS, ROWS = 40, 6
SIZE = (COLUMNS, ROWS)
COLOURS = [None, "#dde3ea", "#1e2127", "red", "color(208)"]
styles = st.builds(
    Style,
    color=st.sampled_from(COLOURS),
    bgcolor=st.sampled_from(COLOURS),
    bold=st.sampled_from([None, True]),
    dim=st.sampled_from([None, True]),
    underline=st.sampled_from([None, True]),
    reverse=st.sampled_from([None, True]),
)
# Few letters and styles, so that a cell is often written again as it is.
words = st.text("ab █中", min_size=1, max_size=5) | st.just("e\u0301")  # wide, and combining
runs = st.tuples(words, styles).map(lambda run: run[1].render(run[0], color_system=ColorSystem.TRUECOLOR))
others = st.sampled_from(
    [
        "\x1b[K",  # erases, in the current background
        "\x1b[2J",
        "\x1b[?25l",  # a mode that neither draws nor moves
        "\x1b[?1049h",  # another screen
        "\x1b]8;;https://example.org\x1b\\",  # a link opens...
        "\x1b]8;;\x1b\\",  # ...and closes
        "\x1b[4:3m",  # a style not parsed
        "\x1b8",  # the cursor (and style) restored
        "\x1b[2A",  # a move up
        "xy",  # text where the cursor may not be known
    ]
)


@st.composite
def lines(draw: st.DrawFn) -> str:
    """A line as Textual writes one: a cursor move, then runs that end before the line does."""
    column = draw(st.integers(1, COLUMNS - 5 * 2 * 3))  # (3 runs of 5 wide characters at most)
    return f"\x1b[{draw(st.integers(1, ROWS))};{column}H" + "".join(draw(st.lists(runs, max_size=3)))


# Writes of lines, with line feeds between them, and now and then something else.
writes = st.lists(
    st.lists(st.one_of(lines(), lines(), st.just("\n"), others), max_size=8).map("".join),
    min_size=1,
    max_size=5,
)


def terminal() -> tuple[pyte.Screen, pyte.Stream]:
    screen = pyte.Screen(COLUMNS, ROWS)
    return screen, pyte.Stream(screen)


def shown(cell: pyte.screens.Char) -> tuple[object, ...]:
    """What a cell shows: a space, only its background and what draws on a blank."""
    if cell.data == " " and not (cell.underscore or cell.reverse or cell.strikethrough):
        return (" ", cell.bg)
    return tuple(cell)


def cells(screen: pyte.Screen) -> list[object]:
    rows = [[shown(screen.buffer[y][x]) for x in range(COLUMNS)] for y in range(ROWS)]
    return [*rows, (screen.cursor.x, screen.cursor.y)]


@given(writes)
def test_the_screen_is_the_same_cell_for_cell_after_each_write(chunks: list[str]) -> None:
    diff = ScreenDiff()
    (as_written, to_it), (as_rewritten, to_that) = terminal(), terminal()
    for chunk in chunks:
        to_it.feed(chunk)
        to_that.feed(diff.rewrite(chunk, SIZE))
        assert cells(as_rewritten) == cells(as_written)


@given(writes)
def test_each_write_leaves_the_terminal_without_a_style(chunks: list[str]) -> None:
    """So that what else reaches the terminal (the shell after the reader) is not coloured."""
    diff = ScreenDiff()
    screen, stream = terminal()
    for chunk in chunks:
        stream.feed(diff.rewrite(chunk, SIZE))
        if "\x1b[4:3m" not in chunk and "\x1b8" not in chunk:  # (styles not parsed are written as they come)
            assert screen.cursor.attrs == screen.default_char


TRUECOLOR = ColorSystem.TRUECOLOR
BORDER = Style.parse("#424851 on #1e2127")
TEXT = Style.parse("#dde3ea on #1e2127")
TRACK = Style.parse("on #000006")


def pane_line(row: int, text: str) -> str:
    """A line of Source as Textual writes it: border and margin, text, scrollbar track."""
    return (
        f"\x1b[{row};85H"
        + BORDER.render("│  ", color_system=TRUECOLOR)
        + TEXT.render(text.ljust(12), color_system=TRUECOLOR)
        + TRACK.render("  ", color_system=TRUECOLOR)
    )


def test_a_scrolled_pane_writes_its_text_not_its_border_nor_its_track() -> None:
    diff = ScreenDiff()
    first = pane_line(6, "the Syrian") + "\n" + pane_line(7, "government")
    first_rewritten = diff.rewrite(first, (120, 40))
    scrolled = pane_line(6, "government") + "\n" + pane_line(7, "were")
    rewritten = diff.rewrite(scrolled, (120, 40))
    # The first line's new words, on the next only what changes ("were" and the spaces where
    # "government" ended), in the text's style, then the cursor where Textual left it: no
    # border, no margin, no track, no line feed, no reset between runs.
    assert rewritten == (
        "\x1b[6;88H\x1b[38;2;221;227;234;48;2;30;33;39mgovernment\x1b[7;88Hwere      \x1b[7;102H\x1b[0m"
    )
    assert len(rewritten) < 0.4 * len(scrolled)  # 79 bytes of 225
    assert cells_of([first_rewritten, rewritten]) == cells_of([first, scrolled])


def test_a_line_written_again_as_it_is_costs_only_where_the_cursor_is_left() -> None:
    diff = ScreenDiff()
    line = pane_line(6, "the Syrian")
    diff.rewrite(line, (120, 40))
    assert diff.rewrite(line, (120, 40)) == "\x1b[6;102H"


def test_after_a_resize_or_another_screen_every_cell_is_written_again() -> None:
    line = pane_line(6, "the Syrian")
    for between, size in (("", (100, 40)), ("\x1b[?1049h", (120, 40)), ("\x1b[2J", (120, 40))):
        diff = ScreenDiff()
        diff.rewrite(line, (120, 40))
        again = diff.rewrite(between + line, size)
        assert "│" in again and "the Syrian" in again, between


def cells_of(chunks: list[str]) -> list[list[tuple[object, ...]]]:
    """What a 120x40 terminal shows after ``chunks``."""
    screen = pyte.Screen(120, 40)
    stream = pyte.Stream(screen)
    for chunk in chunks:
        stream.feed(chunk)
    return [[shown(screen.buffer[y][x]) for x in range(120)] for y in range(40)]


def test_only_a_terminal_driver_is_made_lean() -> None:
    from textual.drivers.headless_driver import HeadlessDriver
    from textual.drivers.linux_driver import LinuxDriver

    assert lean_driver(HeadlessDriver) is HeadlessDriver  # the tests' pilot
    lean = lean_driver(LinuxDriver)
    assert issubclass(lean, LinuxDriver) and lean is not LinuxDriver
