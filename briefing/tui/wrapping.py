"""Word-wrapping that remembers where each line came from in the original text.

The Source pane highlights character spans of the source text, so after
wrapping it must know which characters each screen line shows. Source texts
can run to megabytes, so this is a plain loop over words, no regular expressions.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from rich.cells import cell_len


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Wrap ``text`` to ``width`` cells; return each line as a (start, end) span of ``text``.

    Newlines always break. The space at a break is dropped; a word wider than
    the line is cut into pieces; an empty paragraph gives an empty line, so
    blank lines between paragraphs survive. Tabs count as one space (the pane
    shows them as one).
    """
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.replace("\t", " ").split("\n"):
        measure = len if paragraph.isascii() else cell_len
        _wrap_paragraph(paragraph, position, width, lines, measure)
        position += len(paragraph) + 1
    return lines


def _wrap_paragraph(
    paragraph: str,
    offset: int,
    width: int,
    lines: list[tuple[int, int]],
    measure: Callable[[str], int],
) -> None:
    words = paragraph.lstrip(" ")
    indent = len(paragraph) - len(words)  # the paragraph's indentation stays
    used = indent if indent < width else 0
    position = offset + indent
    line_start = line_end = offset  # line_end: end of the last word on the line
    for word in words.split(" "):
        if not word:  # one of several spaces in a row
            position += 1
            used += 1
            continue
        word_start = position
        position += len(word) + 1
        word_width = measure(word)
        if used and used + word_width > width:
            lines.append((line_start, line_end))
            line_start, used = word_start, 0
        while word_width > width:  # a word longer than a line: cut it
            cut = _cut_at(word, width)
            lines.append((word_start, word_start + cut))
            word, word_start = word[cut:], word_start + cut
            word_width = measure(word)
            line_start = word_start
        line_end = word_start + len(word)
        used += word_width + 1
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
