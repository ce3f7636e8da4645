"""`show`'s rows: plain lines wrapped without Rich are the lines Rich's table cells give."""

from __future__ import annotations

import sys
from io import StringIO

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from briefing.render import rows

CONSOLE = Console(file=StringIO(), width=80, color_system=None, markup=False, highlight=False)

# Words, runs of spaces (ordinary and other kinds), newlines, long words, dashes and quotes,
# and now and then a wide or combining character, which takes the path through Rich.
PIECES = st.sampled_from(
    ["a", "word", "Jisr", " ", "  ", "\u00a0", "\n", "–", "“quoted”", "x" * 30, "é", "中", "e\u0301", "\t"]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def rich_lines(text: str, width: int) -> list[str]:
    return [line.plain.rstrip(" ") for line in rows.wrap_cell(CONSOLE, [Text(text)], width)]


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(min_value=1, max_value=50))
def test_plain_wrap_gives_the_lines_rich_gives(text: str, width: int):
    assert rows.wrap_plain(CONSOLE, text, width) == rich_lines(text, width)


def test_a_word_longer_than_the_line_is_cut_with_an_ellipsis_on_a_line_of_its_own():
    text = "see https://example.org/a-very-long-path-indeed now"
    assert rows.wrap_plain(CONSOLE, text, 20) == ["see", "https://example.org…", "now"]  # 19 + 1 cells


def test_every_character_taken_as_one_cell_is_one_cell_to_rich():
    one_cell = [chr(c) for c in range(sys.maxunicode + 1) if rows._ONE_CELL.fullmatch(chr(c))]
    assert len(one_cell) > 1000
    assert all(cell_len(char) == 1 for char in one_cell)


def test_plain_and_coloured_rows_have_the_same_text():
    date = Text("1 Jan 2023", style="cyan")
    cell = [Text("A title that runs past the width of the column", style="bold"), Text("reported")]
    plain = rows.row(CONSOLE, date, 12, cell, 20, indent=2, gap=2, plain=True)
    coloured = rows.row(CONSOLE, date, 12, cell, 20, indent=2, gap=2, plain=False)
    assert isinstance(plain, str) and isinstance(coloured, Text)
    assert [line.rstrip() for line in plain.splitlines()] == [
        line.rstrip() for line in coloured.plain.splitlines()
    ]
    assert plain.splitlines()[0] == "  1 Jan 2023    A title that runs"
