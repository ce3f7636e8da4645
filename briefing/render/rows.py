"""Two-column rows at widths fixed once: what a Rich grid table prints, without measuring.

`show` prints one row per event and per cited quote. As Rich tables, each row's
cells were measured before they were wrapped, about 1.5 ms a row. Here the
widths are worked out once by the caller and each cell is wrapped as a table
cell is (left-justified, a word longer than the line cut with an ellipsis):
by Rich's own ``Text.wrap`` for coloured output, and for plain output (a pipe,
a file) by ``wrap_plain``, which gives the same lines from the plain string
without making a ``Text`` per line. The text and its line breaks are those of
``Table.grid(pad_edge=False)`` with the left column fixed and the right one
taking the rest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Literal

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

# Characters one cell wide (tests/render/test_rows.py checks each against Rich): printable
# Latin, Greek, Cyrillic, Latin Extended Additional and the usual punctuation. No combining marks.
_ONE_CELL = re.compile("[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*")
_SPACE_AT_END = re.compile(r"\s+$")


def row(
    console: Console,
    left: Text,
    left_width: int,
    right: Sequence[Text],
    right_width: int,
    *,
    indent: int,
    gap: int,
    plain: bool,
    justify_left: Literal["left", "right"] = "left",
) -> str | Text:
    """One table row as lines, each ending with a newline: a ``str`` if ``plain``, else a ``Text``.

    ``left`` is wrapped to ``left_width`` (or, justified right, kept on one
    line as a no-wrap column is) and padded in its own style, as a column's
    style fills its cells; ``right`` is a cell of several parts, one under the
    other. Lines are ``indent`` spaces in and the columns ``gap`` apart.
    """
    if plain:
        return _plain_row(console, left.plain, left_width, right, right_width, indent, gap, justify_left)
    if justify_left == "right":
        left_lines = [_right_justified(left, left_width)]
    else:
        left_lines = wrap_cell(console, [left], left_width)
    right_lines = wrap_cell(console, right, right_width)
    blank_left = Text(" " * left_width, style=left.style)
    space = " " * indent
    between = " " * gap
    out = Text(end="")
    for index in range(max(len(left_lines), len(right_lines))):
        out.append(space)
        out.append_text(left_lines[index] if index < len(left_lines) else blank_left)
        out.append(between, style=left.style)  # the cell's padding, in the column's style
        if index < len(right_lines):
            out.append_text(right_lines[index])
        out.append("\n")
    return out


def wrap_cell(console: Console, parts: Sequence[Text], width: int) -> list[Text]:
    """Each part wrapped as a table cell wraps it, one ``Text`` per line, padded to ``width``."""
    lines: list[Text] = []
    for part in parts:
        lines.extend(
            part.wrap(console, width, justify="left", overflow="ellipsis", tab_size=console.tab_size)
        )
    return lines


def wrap_plain(console: Console, text: str, width: int) -> list[str]:
    """The lines ``wrap_cell`` gives for an unstyled ``text``, without their padding.

    Text whose characters are all one cell wide, without tabs, is wrapped by
    one regular expression (in C); anything else by Rich.
    """
    if "\t" in text or not (text.isascii() or _ONE_CELL.fullmatch(text)):
        return [line.plain.rstrip(" ") for line in wrap_cell(console, [Text(text)], width)]
    lines: list[str] = []
    pattern = _line_pattern(width)
    for paragraph in text.split("\n"):
        found = pattern.findall(paragraph) or [paragraph]  # no words: the line as it is
        for line in found:
            if len(line) > width:  # Rich drops the spaces past the width, then cuts a long word
                spaces = _SPACE_AT_END.search(line)
                if spaces is not None:
                    line = line[: len(line) - min(len(spaces.group()), len(line) - width)]
                if len(line) > width:
                    line = line[: width - 1] + "…"
            lines.append(line.rstrip(" "))
    return lines


@cache
def _line_pattern(width: int) -> re.Pattern[str]:
    """One line as Rich's ``divide_line`` breaks text of one-cell characters.

    Words are runs of non-spaces with the spaces after them; a line takes
    words while each one's last non-space is within ``width`` (the longest run
    ending with a non-space before a space or the end), else, when the first
    word is already longer than a line, that word alone. The spaces after the
    last word stay on the line, as Rich keeps them before trimming.
    """
    fits = r"\S" if width == 1 else f".{{0,{width - 1}}}\\S"
    return re.compile(f"(?:{fits}(?=\\s|$)|\\s*\\S+)\\s*")


def _plain_row(
    console: Console,
    left: str,
    left_width: int,
    right: Sequence[Text],
    right_width: int,
    indent: int,
    gap: int,
    justify_left: str,
) -> str:
    if justify_left == "right":
        left_lines = [left.strip().rjust(left_width)]
    else:
        left_lines = [
            line + " " * (left_width - cell_len(line)) for line in wrap_plain(console, left, left_width)
        ]
    right_lines: list[str] = []
    for part in right:
        right_lines.extend(wrap_plain(console, part.plain, right_width))
    space = " " * indent
    between = " " * gap
    blank_left = " " * left_width
    height = max(len(left_lines), len(right_lines))
    left_lines += [blank_left] * (height - len(left_lines))
    right_lines += [""] * (height - len(right_lines))
    return "".join(
        f"{space}{first}{between}{second}\n" for first, second in zip(left_lines, right_lines, strict=True)
    )


def _right_justified(text: Text, width: int) -> Text:
    line = text.copy()
    line.rstrip()
    line.truncate(width, overflow="ellipsis")
    line.pad_left(width - line.cell_len)
    return line
