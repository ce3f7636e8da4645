"""Word-wrapping that remembers where each line came from in the original text.

The Source pane highlights character spans of the source text, so after
wrapping it must know which characters each screen line shows.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from rich.cells import cell_len

_WORD = re.compile(r"(\S+)(\s*)")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Wrap ``text`` to ``width`` cells; return each line as a (start, end) span of ``text``.

    Newlines always break. Spaces at a break are dropped from both lines; a word
    wider than the line is cut into pieces. An empty paragraph gives an empty
    line, so blank lines between paragraphs survive.
    """
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        _wrap_paragraph(paragraph, position, width, lines)
        position += len(paragraph) + 1
    return lines


def _wrap_paragraph(paragraph: str, offset: int, width: int, lines: list[tuple[int, int]]) -> None:
    line_start = offset
    line_end = offset  # end of the last word placed on the current line
    used = len(paragraph) - len(paragraph.lstrip())  # keep the paragraph's indentation
    if used >= width:
        used = 0
    for match in _WORD.finditer(paragraph):
        word_start, word_end = offset + match.start(1), offset + match.end(1)
        word = match.group(1)
        word_width = cell_len(word)
        if used and used + word_width > width:
            lines.append((line_start, line_end))
            line_start, used = word_start, 0
        while word_width > width:  # a word longer than a line: cut it
            cut = _cut_at(word, width)
            lines.append((word_start, word_start + cut))
            word, word_start = word[cut:], word_start + cut
            word_width = cell_len(word)
            line_start = word_start
        line_end = word_end
        used += word_width + cell_len(match.group(2))
    lines.append((line_start, line_end))


def _cut_at(word: str, width: int) -> int:
    """How many characters of ``word`` fit in ``width`` cells (at least one)."""
    used = 0
    for index, char in enumerate(word):
        used += cell_len(char)
        if used > width:
            return max(index, 1)
    return len(word)


def line_of(starts: Sequence[int], offset: int) -> int:
    """The index of the wrapped line showing character ``offset``, given each line's start."""
    return max(bisect_right(starts, offset) - 1, 0)
